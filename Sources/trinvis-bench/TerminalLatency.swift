#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Key to screen: the real `trinvis` binary runs on the benchmark's database in a pseudo-terminal
/// of 120×40, as a caseworker (`--user`); each key is written to the terminal's master side and
/// timed to the last byte of the screen update it causes (the update is over when no byte has
/// come for a while). This is what a person at the keyboard waits for: the input timeouts, the
/// escape delay, the queries of the panes, the drawing and the bytes to the terminal, all in one.
struct TerminalLatency {
    /// The `trinvis` executable (beside the benchmark's own in the build folder).
    let executable: String
    /// The database to open.
    let database: String
    /// The professional's user name to act as (`--user`).
    let user: String
    /// Presses of each kind of key.
    let presses: Int

    /// Terminal size.
    static let columns: UInt16 = 120, lines: UInt16 = 40
    /// No byte for this long ends a screen update.
    static let settle: UInt64 = 150_000_000

    /// The `trinvis` beside this executable, or nil when it was not built (`swift build -c
    /// release` builds both; `--product trinvis-bench` only the benchmark).
    static func siblingExecutable() -> String? {
        guard let own = readLink("/proc/self/exe"), let slash = own.lastIndex(of: "/") else { return nil }
        let path = String(own[..<slash]) + "/trinvis"
        return access(path, X_OK) == 0 ? path : nil
    }

    /// The measurements: the first screen, then each kind of key.
    func run(progress: (String) -> Void) throws -> [Measurement] {
        let session = try TerminalSession(executable: executable,
                                          arguments: ["--db", database, "--user", user, "--lang", "en"],
                                          columns: Self.columns, lines: Self.lines)
        defer { session.stop() }
        var results: [Measurement] = []

        progress("key to screen: open and first screen")
        let start = session.started
        let first = try session.readUntilSettled(since: start, settle: 1_000_000_000)
        guard first.bytes > 0 else { throw BenchError("trinvis showed nothing in the pseudo-terminal") }
        results.append(Measurement(name: "key to screen: open and first screen", samples: [first.lastByte - start],
                                   rows: Double(first.bytes) / 1000))

        // ↓ and ↑ in turn, so that the selection stays near the top of the list, as a terminal
        // sends them in the keypad-transmit mode that curses asks for (xterm's kcud1 and kcuu1).
        progress("key to screen: ↓ in the citizen list")
        results.append(try measureKeys("key to screen: ↓/↑ in the citizen list", session: session,
                                       keys: (0..<presses).map { $0 % 2 == 0 ? "\u{1B}OB" : "\u{1B}OA" }))

        // A name typed into the search, letter by letter, then cleared with Esc.
        progress("key to screen: a letter of a name search")
        var letters: [UInt64] = []
        while letters.count < presses {
            _ = try measureKey(session: session, key: "/")
            letters += try measureKeys("letters", session: session, keys: Array("jensen").map(String.init)).samples
            _ = try measureKey(session: session, key: "\u{1B}")
        }
        results.append(Measurement(name: "key to screen: a letter of a name search", samples: Array(letters.prefix(presses)),
                                   rows: nil))

        // Enter opens the selected citizen; Esc closes the view again (after the escape delay).
        progress("key to screen: Enter and Esc on a citizen")
        var opens: [UInt64] = [], closes: [UInt64] = []
        for _ in 0..<max(presses / 4, 5) {
            opens.append(try measureKey(session: session, key: "\r"))
            closes.append(try measureKey(session: session, key: "\u{1B}"))
        }
        results.append(Measurement(name: "key to screen: Enter, the citizen view", samples: opens, rows: nil))
        results.append(Measurement(name: "key to screen: Esc out of the citizen view", samples: closes, rows: nil))

        // `r`: the results report, to its last byte; Esc back. The screen shows at once and the
        // report follows from its worker (about a second at 200,000 citizens, more on a busy
        // host): 3 s of quiet, so that its last byte is not taken for the end of a first frame.
        progress("key to screen: r, the results report")
        var reports: [UInt64] = []
        for _ in 0..<3 {
            reports.append(try measureKey(session: session, key: "r", settle: 3_000_000_000))
            _ = try measureKey(session: session, key: "\u{1B}")
        }
        results.append(Measurement(name: "key to screen: r, the results report", samples: reports, rows: nil))
        return results
    }

    private func measureKeys(_ name: String, session: TerminalSession, keys: [String]) throws -> Measurement {
        var samples: [UInt64] = []
        for key in keys { samples.append(try measureKey(session: session, key: key)) }
        return Measurement(name: name, samples: samples, rows: nil)
    }

    /// The time from writing `key` to the last byte of the update it caused.
    private func measureKey(session: TerminalSession, key: String, settle: UInt64 = TerminalLatency.settle) throws -> UInt64 {
        let before = monotonicNanoseconds()
        try session.press(key)
        let update = try session.readUntilSettled(since: before, settle: settle)
        return update.bytes == 0 ? 0 : update.lastByte - before
    }
}

/// A program running in a pseudo-terminal of its own (a new session, the terminal as its
/// controlling one), with its output read from the master side.
final class TerminalSession {
    private let master: Int32
    private let pid: pid_t
    /// When the program was started.
    let started: UInt64

    init(executable: String, arguments: [String], columns: UInt16, lines: UInt16) throws {
        // posix_openpt, unlockpt and ptsname as Linux does them (Swift's Glibc module leaves
        // them out): the multiplexer, unlocked, and the number of its terminal in /dev/pts.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, TerminalSession.setLock, &unlock) == 0,
              ioctl(master, TerminalSession.getNumber, &number) == 0 else {
            throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: lines, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After `setsid` the first terminal the child opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(TerminalSession.spawnSetsid))
        var environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        if let home = getenv("HOME") { environment.append("HOME=" + String(cString: home)) }
        if let path = getenv("PATH") { environment.append("PATH=" + String(cString: path)) }
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let start = monotonicNanoseconds()
        let spawned = posix_spawn(&child, executable, &actions, &attributes, &argv, &envp)
        guard spawned == 0 else {
            close(master)
            throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        self.master = master
        self.pid = child
        self.started = start
    }

    /// `TIOCSPTLCK` and `TIOCGPTN` of Linux (x86-64 and arm64).
    private static let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
    /// `POSIX_SPAWN_SETSID` (glibc 2.26 and later).
    private static let spawnSetsid: Int32 = 0x80

    /// Writes the bytes of `key`.
    func press(_ key: String) throws {
        let bytes = Array(key.utf8)
        let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw BenchError("cannot write to the pseudo-terminal") }
    }

    /// Reads the output until none has come for `settle` nanoseconds after the first byte (which
    /// is waited for up to 30 s; 60 s in all):
    /// the bytes read and when the last one came.
    func readUntilSettled(since: UInt64, settle: UInt64) throws -> (bytes: Int, lastByte: UInt64) {
        var total = 0
        var last = since
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = since + 60_000_000_000
        while true {
            let now = monotonicNanoseconds()
            // Before the first byte the wait is for the update to begin (up to the deadline).
            let quietUntil = total == 0 ? since + 30_000_000_000 : last + settle
            if now >= quietUntil || now >= deadline { break }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, (quietUntil - now) / 1_000_000))
            let ready = poll(&descriptor, 1, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                throw BenchError("poll: \(String(cString: strerror(errno)))")
            }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { throw BenchError("trinvis ended in the pseudo-terminal") }
            total += count
            last = monotonicNanoseconds()
        }
        return (total, last)
    }

    /// Quits the program (`q`, then a signal if it does not end) and closes the terminal.
    func stop() {
        _ = try? press("q")
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid {
                close(master)
                return
            }
            usleep(20_000)
        }
        kill(pid, SIGTERM)
        waitpid(pid, &status, 0)
        close(master)
    }
}
