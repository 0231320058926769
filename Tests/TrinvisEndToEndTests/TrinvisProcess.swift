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

/// Runs the real binary with a clean environment (plus `environment`) and waits for it.
func runTrinvis(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TrinvisBinary.path)
    process.arguments = arguments
    var variables = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LC_ALL": "C.UTF-8", "USER": "tester"]
    for (key, value) in environment { variables[key] = value }
    process.environment = variables
    // Output goes to files, so that a large output can never block the child on a full pipe.
    let scratch = try ScratchFolder()
    _ = FileManager.default.createFile(atPath: scratch.file("out"), contents: nil)
    _ = FileManager.default.createFile(atPath: scratch.file("err"), contents: nil)
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("out")))
    let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("err")))
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    try output.close()
    try errors.close()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch.file("out"))), as: UTF8.self),
                     stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch.file("err"))), as: UTF8.self))
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
