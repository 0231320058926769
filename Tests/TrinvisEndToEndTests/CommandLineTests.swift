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
        (["report", "--format", "xml"], "'xml' is not one of text, csv, json, pdf"),
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
        // A file of words is no damaged database: it is another kind of file.
        #expect(second.stderr.contains("not a database file at all"))
        #expect(!second.stderr.contains("Restore"))
        let missing = try runTrinvis(["check", "--db", folder.file("missing.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("missing.sqlite")))
    }

    @Test func theInterfaceWithoutATerminalExitsOneAndSaysWhy() throws {
        let folder = try ScratchFolder()
        let result = try runTrinvis(["--db", folder.file("new.sqlite")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("needs a terminal"))
        let danish = try runTrinvis(["--demo", "--lang", "da"])
        #expect(danish.status == 1)
        #expect(danish.stderr.contains("kræver en terminal"))
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
        #expect(check.stdout.contains("11 citizens"))
        #expect(try runTrinvis(["backup", copy, "--db", path]).status == 1)
    }
}

@Suite struct DataCommandTests {
    @Test func demoThenReportPrintsASensibleReportInEveryFormat() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        let text = try runTrinvis(["report", "--db", path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Quality of life"))
        #expect(text.stdout.contains(" of "))
        let danish = try runTrinvis(["report", "--db", path, "--lang", "da"])
        #expect(danish.stdout.contains("Livskvalitet"))
        let json = try runTrinvis(["report", "--db", path, "--format", "json", "--from", "2000-01-01"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["citizens"] as? Int == 11)
        #expect((object["soft"] as? [Any])?.count == 8)
        #expect((object["hard"] as? [Any])?.count == 11)
        #expect(((object["period"] as? [String: Any])?["from"] as? String) == "2000-01-01")
        let milestones = try #require(object["milestones"] as? [String: Any])
        #expect((milestones["set"] as? Int ?? 0) > 0)
        let csv = try runTrinvis(["report", "--db", path, "--format", "csv"])
        #expect(csv.stdout.contains("\r\n"))
        // A period with no records: no division by zero, shares are null.
        let empty = try runTrinvis(["report", "--db", path, "--format", "json", "--from", "1990-01-01", "--to", "1990-12-31"])
        let emptyObject = try #require(try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [String: Any])
        #expect(emptyObject["citizens"] as? Int == 0)
        #expect((emptyObject["milestones"] as? [String: Any])?["achieved_percent"] is NSNull)
    }

    @Test func exportImportRoundTripThroughFilesAndBrokenInputChangesNothing() throws {
        let folder = try ScratchFolder()
        let source = folder.file("demo.sqlite"), target = folder.file("copy.sqlite")
        #expect(try runTrinvis(["demo", "--db", source]).status == 0)
        let document = folder.file("all.json")
        let export = try runTrinvis(["export", "--db", source, "-o", document])
        #expect(export.status == 0, "\(export.stderr)")
        let first = try runTrinvis(["import", document, "--db", target])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("created"))
        let second = try runTrinvis(["import", document, "--db", target])
        #expect(second.stdout.contains("0 records created, 0 updated"))

        let text = try String(contentsOfFile: document, encoding: .utf8)
        let broken = folder.file("broken.json")
        try String(text.prefix(text.count / 2)).write(toFile: broken, atomically: true, encoding: .utf8)
        let before = try runTrinvis(["export", "--db", target]).stdout
        let failed = try runTrinvis(["import", broken, "--db", target])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("nothing was changed"))
        #expect(failed.stderr.contains("line "))
        let after = try runTrinvis(["export", "--db", target]).stdout
        let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("exported_at") } }
        #expect(strip(before) == strip(after))

        let one = try runTrinvis(["export", "--db", source, "--citizen", "Svend Madsen"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("Svend Madsen"))
        #expect(!one.stdout.contains("Ulla Brandt"))
        let missing = try runTrinvis(["import", folder.file("nope.json"), "--db", target])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no file"), "\(missing.stderr)")
    }

    @Test func aClosedOrFullStandardErrorIsNoCrash() throws {
        let scratch = try ScratchFolder()
        // Full: the usage error still ends with its exit status.
        var status = try spawnAndWait([TrinvisBinary.path, "--bogus"], environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.path],
                                      stdoutPath: scratch.file("out"), stderrPath: "/dev/full")
        #expect(status == 2)
        // Closed (`2>&-`), for a usage error and for a failure.
        let binary = "'" + TrinvisBinary.path + "'"
        status = try spawnAndWait(["/bin/sh", "-c", "\(binary) --bogus 2>&-; echo \"usage=$?\"; "
                                   + "\(binary) --db '\(scratch.file("none.sqlite"))' check 2>&-; echo \"failure=$?\""],
                                  environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.path], stdoutPath: scratch.file("shell"))
        let said = String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch.file("shell"))), as: UTF8.self)
        #expect(status == 0 && said.contains("usage=2") && said.contains("failure=1"), "\(said)")
    }
}
