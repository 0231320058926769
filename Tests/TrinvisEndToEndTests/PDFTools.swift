import Foundation
import Testing

/// Poppler's and qpdf's command-line tools, which read the PDFs Trinvis writes independently of
/// Trinvis (poppler-utils and qpdf, installed by `.ci/run`).
enum PDFTools {
    /// The path of a tool, nil when it is not installed.
    static func path(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool on a PDF; its exit status and what it wrote on standard output and error.
    static func run(_ name: String, _ arguments: [String], in folder: ScratchFolder) throws -> RunResult {
        let tool = try #require(path(name), "\(name) is missing: install poppler-utils and qpdf (.ci/run does)")
        let id = UUID().uuidString
        let output = folder.file("\(name)-\(id).out"), errors = folder.file("\(name)-\(id).err")
        let status = try spawnAndWait([tool] + arguments, stdoutPath: output, stderrPath: errors)
        func read(_ path: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        return RunResult(status: status, stdout: read(output), stderr: read(errors))
    }

    /// The text of a PDF as pdftotext reads it (UTF-8), one form feed after each page.
    static func text(of path: String, in folder: ScratchFolder) throws -> String {
        let result = try run("pdftotext", ["-enc", "UTF-8", path, "-"], in: folder)
        #expect(result.status == 0, "pdftotext could not read \(path): \(result.stderr)")
        return result.stdout
    }

    /// Expects `qpdf --check` to find the file sound.
    static func expectSound(_ path: String, in folder: ScratchFolder, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run("qpdf", ["--check", path], in: folder)
        #expect(result.status == 0, "qpdf --check \(path): \(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.contains("No syntax or stream encoding errors found"), "\(result.stdout)",
                sourceLocation: sourceLocation)
    }

    /// The fonts `pdffonts` lists: per font its name, type, encoding and whether it is embedded,
    /// a subset and has a ToUnicode map.
    static func fonts(of path: String, in folder: ScratchFolder) throws -> [(name: String, details: String)] {
        let result = try run("pdffonts", [path], in: folder)
        #expect(result.status == 0, "pdffonts \(path): \(result.stderr)")
        return result.stdout.split(separator: "\n").dropFirst(2).map { line in
            let name = line.prefix { $0 != " " }
            return (String(name), line.dropFirst(name.count).split(separator: " ").joined(separator: " "))
        }
    }
}
