#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One running Trinvis window: the process that writes drafts. Each window keeps its own
/// drafts, so two windows of one user (two `trinvis` processes on the same database) never
/// overwrite each other's; a new window is offered only the drafts of windows that no longer run.
///
/// Whether a window still runs is asked of the operating system, not of the database: the
/// window's process id must still exist on this host as a process this account may signal
/// (`kill(pid, 0)`; the drafts are the account's own), must not be a zombie, and
/// must have started at the same moment (the start time in `/proc/PID/stat`), so that a process
/// id the system has handed to another program since is not taken for the window. A heartbeat
/// column would have meant a write a second per window, which every other window would read as
/// a change of the data and reload for. A window of another host cannot be asked and counts as
/// ended (Trinvis's database lives on one machine: a shared server or a laptop).
package struct DraftWindow: Sendable, Hashable {
    /// A random token that names the window in the `draft` table.
    package let id: String
    /// The host name of the machine the window runs on.
    package let host: String
    /// The window's process id.
    package let pid: Int32
    /// The process's start time (clock ticks since boot, from `/proc`), 0 when unknown.
    package let started: Int64

    package init(id: String, host: String, pid: Int32, started: Int64) {
        self.id = id
        self.host = host
        self.pid = pid
        self.started = started
    }

    /// This process's window.
    package static let current: DraftWindow = {
        let pid = getpid()
        return DraftWindow(id: randomToken(), host: hostName(), pid: pid, started: processState(pid)?.started ?? 0)
    }()

    /// True when the window's process still runs (see the type's summary).
    package var isRunning: Bool {
        guard !host.isEmpty, host == DraftWindow.current.host, pid > 0 else { return false }
        // EPERM: the process id belongs to another account's process now; a window of this
        // account could be signalled.
        guard kill(pid, 0) == 0 else { return false }
        guard let state = Self.processState(pid) else { return true }
        return !state.isZombie && (started == 0 || state.started == started)
    }

    /// A new random token of 32 hexadecimal digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let text = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }

    /// The machine's host name ("" when it cannot be read).
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A process's state letter and start time from `/proc/PID/stat`; nil where there is no
    /// `/proc` (or no such process).
    static func processState(_ pid: Int32) -> (isZombie: Bool, started: Int64)? {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = fread(&bytes, 1, bytes.count, file)
        let text = String(decoding: bytes.prefix(count), as: UTF8.self)
        // "PID (COMMAND) STATE PPID …": the command may hold spaces and parentheses, so the
        // fields are counted from the last ")"; the start time is field 22, the 20th after it.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let started = Int64(fields[19]) else { return nil }
        return (fields[0] == "Z" || fields[0] == "X", started)
    }
}
