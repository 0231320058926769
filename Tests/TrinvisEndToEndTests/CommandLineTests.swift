import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func helpAndVersion() throws {
        let help = try runTrinvis(["--help"])
        #expect(help.status == 0)
        for command in ["demo --db", "import FILE", "export", "report", "check", "backup FILE", "--lang da|en"] {
            #expect(help.stdout.contains(command), "help mentions \(command)")
        }
        let version = try runTrinvis(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("trinvis "))
        let danish = try runTrinvis(["--help"], environment: ["LC_ALL": "", "LANG": "da_DK.UTF-8"])
        #expect(danish.stdout.contains("Brug:"))
        #expect(try runTrinvis(["--help", "--lang", "da"]).stdout.contains("milepæle"))
    }

    @Test(arguments: [
        (["frobnicate"], "unknown command 'frobnicate'"),
        (["--bogus"], "unknown option '--bogus'"),
        (["report", "--from", "2026-02-30"], "'2026-02-30' is not a date"),
        (["report", "--from", "2026-05-01", "--to", "2026-04-01"], "lies after --to"),
        (["report", "--format", "xml"], "'xml' is not one of text, csv, json"),
        (["export", "--citizen"], "needs a value"),
        (["import"], "missing FILE"),
        (["backup", "a", "b"], "unexpected argument 'b'"),
        (["--lang", "sv"], "is not da or en"),
        (["demo"], "missing --db PATH"),
        (["check", "--format", "json"], "unknown option '--format'"),
    ])
    func usageErrorsExitTwoWithAPointerToHelp(_ arguments: [String], _ message: String) throws {
        let result = try runTrinvis(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--help"))
        #expect(result.stdout.isEmpty)
    }

    @Test func demoWritesAHealthyPrivateDatabaseAndRefusesToOverwrite() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        let demo = try runTrinvis(["demo", "--db", path])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("citizens"))
        // Progress goes to stderr only on a terminal; here stderr is a pipe.
        #expect(demo.stderr.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let check = try runTrinvis(["check", "--db", path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("healthy"))
        let again = try runTrinvis(["demo", "--db", path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists already"))
    }

    @Test func checkReportsATruncatedFileAsDamaged() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = folder.file("truncated.sqlite")
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: truncated))
        let check = try runTrinvis(["check", "--db", truncated])
        #expect(check.status == 1)
        #expect(check.stderr.contains("damaged"))
        let garbage = folder.file("garbage.sqlite")
        try Data("this is not a database at all, just some words".utf8).write(to: URL(fileURLWithPath: garbage))
        let second = try runTrinvis(["check", "--db", garbage])
        #expect(second.status == 1)
        #expect(second.stderr.contains("damaged"))
        let missing = try runTrinvis(["check", "--db", folder.file("missing.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("missing.sqlite")))
    }

    @Test func backupIsACheckedCopy() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        let copy = folder.file("copy.sqlite")
        let backup = try runTrinvis(["backup", copy], environment: ["TRINVIS_DB": path])
        #expect(backup.status == 0, "\(backup.stderr)")
        let check = try runTrinvis(["check", "--db", copy])
        #expect(check.status == 0)
        #expect(check.stdout.contains("9 citizens"))
        #expect(try runTrinvis(["backup", copy, "--db", path]).status == 1)
    }
}
