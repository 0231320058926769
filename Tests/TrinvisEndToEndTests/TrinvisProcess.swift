import Foundation
import Testing

/// The `trinvis` binary built beside this test bundle.
enum TrinvisBinary {
    static var path: String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // The test bundle may sit inside a `.xctest` folder; the binary is beside that folder.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("trinvis").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "trinvis"
    }
}

/// What a finished run of the binary printed and returned.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the real binary with a clean environment (plus `environment`) and waits for it. The
/// child is started with posix_spawn and reaped with waitpid: deterministic, unlike Foundation's
/// Process, which can miss a child's exit while other tests start processes of their own.
func runTrinvis(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> RunResult {
    var variables = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LC_ALL": "C.UTF-8", "USER": "tester"]
    for (key, value) in environment { variables[key] = value }
    let scratch = try ScratchFolder()
    let inputPath = scratch.file("in"), outputPath = scratch.file("out"), errorPath = scratch.file("err")
    try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: inputPath))
    let status = try spawnAndWait([TrinvisBinary.path] + arguments, environment: variables, stdinPath: inputPath,
                                  stdoutPath: outputPath, stderrPath: errorPath)
    func read(_ path: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
    }
    return RunResult(status: status, stdout: read(outputPath), stderr: read(errorPath))
}

/// Starts a program with posix_spawn (input from a file, output and errors to files, the signal
/// mask and dispositions reset as a terminal would give them) and waits for it with waitpid.
/// Returns the exit status, or 128 + the signal that ended it.
func spawnAndWait(_ arguments: [String], environment: [String: String]? = nil, stdinPath: String = "/dev/null",
                  stdoutPath: String, stderrPath: String = "/dev/null") throws -> Int32 {
    let pid = try spawnProgram(arguments, environment: environment, stdinPath: stdinPath, stdoutPath: stdoutPath,
                               stderrPath: stderrPath)
    return waitForExit(pid)
}

/// Starts a program as `spawnAndWait` does and returns its process id without waiting.
func spawnProgram(_ arguments: [String], environment: [String: String]? = nil, stdinPath: String = "/dev/null",
                  stdoutPath: String, stderrPath: String = "/dev/null") throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t(), all = sigset_t()
    sigemptyset(&empty)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var envp: [UnsafeMutablePointer<CChar>?] = (environment ?? ProcessInfo.processInfo.environment)
        .map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    return pid
}

/// Waits for a child with waitpid: its exit status, or 128 + the signal that ended it.
func waitForExit(_ pid: pid_t) -> Int32 {
    var usage = rusage()
    return waitForExit(pid, usage: &usage)
}

/// Waits for a child as `waitForExit` does and gives what it used (`ru_maxrss`: its own peak
/// resident memory in KiB, whatever other children of the tests used).
func waitForExit(_ pid: pid_t, usage: inout rusage) -> Int32 {
    var status: Int32 = 0
    while wait4(pid, &status, 0, &usage) == -1 {
        guard errno == EINTR else { return -1 }
    }
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
}

/// A temporary folder removed when released.
final class ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "/trinvis-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
