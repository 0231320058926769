import Foundation
import Testing

/// A tmux server of its own (a private socket), with one window running a plain shell in which
/// the tests start the real binary, send keys and read the screen.
final class TmuxTerminal {
    let socket: String
    let folder: ScratchFolder
    private(set) var width: Int
    private(set) var height: Int

    static var tmuxPath: String {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tmux"
    }

    /// Starts `bash` without start-up files in a `width`×`height` window. `environment` is all the
    /// shell gets (plus a prompt), so the tests do not depend on the caller's.
    init(width: Int, height: Int, environment: [String: String] = [:]) throws {
        self.width = width
        self.height = height
        folder = try ScratchFolder()
        socket = "trinvis-e2e-\(UUID().uuidString.prefix(8))"
        var variables = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "USER": "tester", "LC_ALL": "C.UTF-8",
                         "TERM": "screen-256color", "PS1": "$ "]
        for (key, value) in environment { variables[key] = value }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main",
                  "env -i \(assignments) bash --norc --noprofile"])
        try tmux(["set-option", "-g", "status", "off"])
        try waitFor("$")
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Single-quotes a value for the shell.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a tmux command on this server and returns what it printed. The output goes through
    /// a file: the server that `new-session` starts would hold a pipe open for ever.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = folder.file("tmux-output-\(UUID().uuidString)")
        defer { unlink(outputPath) }
        let status = try spawnAndWait([Self.tmuxPath, "-L", socket] + arguments, stdoutPath: outputPath)
        let text = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data(), as: UTF8.self)
        guard status == 0 || arguments.first == "kill-server" else {
            throw TmuxFailure(arguments: arguments, status: status)
        }
        return text
    }

    /// Runs the real binary in the shell with `arguments` (already quoted where needed) and
    /// `--db database`, then prints `EXIT=<status>` when it ends. `prefix` goes before the
    /// command (environment assignments such as `TERM=vt100`).
    func startTrinvis(_ arguments: String = "", database: String, prefix: String = "") throws {
        let command = [prefix, TmuxTerminal.quote(TrinvisBinary.path), arguments, "--db", TmuxTerminal.quote(database)]
            .filter { !$0.isEmpty }.joined(separator: " ")
        try run(command + "; echo EXIT=$?")
    }

    /// Types a line into the shell and presses Enter.
    func run(_ commandLine: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", "--", commandLine])
        try tmux(["send-keys", "-t", "main", "Enter"])
    }

    /// Sends keys by tmux name ("Enter", "Escape", "Down", "F1") or literal text with `literal`.
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", "main"] + names)
    }

    /// Sends text literally (each character as typed).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", "--", text])
    }

    /// The screen as text.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"])
    }

    /// Resizes the window as a terminal window would be resized.
    func resize(width: Int, height: Int) throws {
        self.width = width
        self.height = height
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains `text` and has stopped changing (and returns it), or
    /// fails after `seconds`: never the first appearance of a word on a half-drawn screen, which
    /// a busy machine shows.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitForStable(text, seconds: seconds, sourceLocation: sourceLocation)
    }

    /// Waits until the screen contains `text` and has stopped changing (the same for 0.3 s), so
    /// that a busy machine's half-drawn screen is never read.
    @discardableResult
    func waitForStable(_ text: String, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var previous = ""
        var since = Date()
        return try waitUntil(seconds: seconds, description: "the screen shows \"\(text)\" and stops changing",
                             sourceLocation: sourceLocation) { screen in
            if screen != previous {
                previous = screen
                since = Date()
                return false
            }
            return screen.contains(text) && Date().timeIntervalSince(since) >= 0.3
        }
    }

    /// Waits until `condition` holds for the screen, or records a failure after `seconds`.
    @discardableResult
    func waitUntil(seconds: Double = 15, description: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting until \(description); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// The line of a list (inside a pane frame, not the header) that contains `text`.
    func listLine(containing text: String) throws -> String? {
        Self.listLine(in: try screen(), containing: text)
    }

    /// The line of a list in a captured screen that contains `text`.
    static func listLine(in screen: String, containing text: String) -> String? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .first { ($0.hasPrefix("\u{2502}") || $0.hasPrefix("|")) && $0.contains(text) }
    }

    /// The ids of running processes (not shells) whose command line mentions `marker`.
    static func processes(mentioning marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                  let status = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8) else { return nil }
            let commandLine = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            let isZombie = status.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? false
            return commandLine.contains(marker) && !commandLine.contains("bash") && !isZombie ? pid : nil
        }
    }

    /// Sends a signal to the process whose command line mentions `marker` (a unique path).
    func signal(_ number: Int32, toProcessMentioning marker: String) throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc")
        for entry in entries {
            guard let pid = Int32(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let commandLine = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            if commandLine.contains(marker), !commandLine.contains("bash") {
                kill(pid, number)
            }
        }
    }
}

/// A demo database for the end-to-end tests, written by the real binary.
func makeDemoDatabase(in folder: ScratchFolder) throws -> String {
    let path = folder.file("demo.sqlite")
    let result = try runTrinvis(["demo", "--db", path])
    #expect(result.status == 0, "\(result.stderr)")
    return path
}

/// A tmux command failed.
struct TmuxFailure: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    var description: String { "tmux \(arguments.joined(separator: " ")) exited with \(status)" }
}
