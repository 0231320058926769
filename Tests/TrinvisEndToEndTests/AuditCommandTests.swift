import Foundation
import Testing

/// `trinvis audit` with the real binary; the database is tampered with, and the output read
/// back, with Python's `sqlite3`, `csv` and `json`.
@Suite struct AuditCommandTests {
    /// Runs a Python script with arguments; returns its exit status, standard output and errors.
    private func python(_ script: String, _ arguments: [String], in folder: ScratchFolder) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let name = "script-\(UUID().uuidString)"
        let path = folder.file(name + ".py")
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        let status = try spawnAndWait(["/usr/bin/python3", path] + arguments, stdoutPath: folder.file(name + ".out"),
                                      stderrPath: folder.file(name + ".err"))
        func read(_ file: String) -> String { (try? String(contentsOfFile: folder.file(file), encoding: .utf8)) ?? "" }
        return (status, read(name + ".out"), read(name + ".err"))
    }

    /// One SQL statement with parameters through Python's sqlite3.
    private func sql(_ statement: String, _ parameters: [String] = [], on database: String, in folder: ScratchFolder)
        throws -> (status: Int32, stdout: String, stderr: String) {
        try python("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            try:
                rows = db.execute(sys.argv[2], sys.argv[3:]).fetchall()
                db.commit()
            except sqlite3.DatabaseError as error:
                print(error, file=sys.stderr)
                sys.exit(3)
            for row in rows:
                print("|".join("" if v is None else str(v) for v in row))
            """, [database, statement] + parameters, in: folder)
    }

    private func demo(_ folder: ScratchFolder) throws -> String {
        let database = try makeDemoDatabase(in: folder)
        let verify = try runTrinvis(["audit", "--verify", "--db", database])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("the access log is intact: "), "\(verify.stdout)")
        return database
    }

    /// Change-chain ids in order, from Python.
    private func changeIDs(_ database: String, in folder: ScratchFolder) throws -> [Int64] {
        try sql("SELECT id FROM access_log WHERE chain = 'change' ORDER BY id", on: database, in: folder)
            .stdout.split(separator: "\n").compactMap { Int64($0) }
    }

    @Test func updateAndDeleteWithPythonAreRefusedByTheTriggers() throws {
        let folder = try ScratchFolder()
        let database = try demo(folder)
        let update = try sql("UPDATE access_log SET detail = 'x' WHERE id = 2", on: database, in: folder)
        #expect(update.status == 3 && update.stderr.contains("append-only"), "\(update)")
        let delete = try sql("DELETE FROM access_log WHERE id = 2", on: database, in: folder)
        #expect(delete.status == 3 && delete.stderr.contains("append-only"), "\(delete)")
        #expect(try runTrinvis(["audit", "--verify", "--db", database]).status == 0)
    }

    @Test func verifyFindsARowEditedWithPython() throws {
        let folder = try ScratchFolder()
        let database = try demo(folder)
        let ids = try changeIDs(database, in: folder)
        let target = ids[ids.count / 2]
        #expect(try sql("DROP TRIGGER access_log_no_update", on: database, in: folder).status == 0)
        #expect(try sql("UPDATE access_log SET account = 'someone-else' WHERE id = ?", [String(target)], on: database,
                        in: folder).status == 0)
        let result = try runTrinvis(["audit", "--verify", "--db", database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken at entry \(target) (change chain): its contents do not match"),
                "\(result.stderr)")
    }

    @Test func verifyFindsARowDeletedWithPython() throws {
        let folder = try ScratchFolder()
        let database = try demo(folder)
        let ids = try changeIDs(database, in: folder)
        let target = ids[ids.count / 2], next = ids[ids.count / 2 + 1]
        #expect(try sql("DROP TRIGGER access_log_no_delete", on: database, in: folder).status == 0)
        #expect(try sql("DELETE FROM access_log WHERE id = ?", [String(target)], on: database, in: folder).status == 0)
        let result = try runTrinvis(["audit", "--verify", "--db", database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken at entry \(next) (change chain): the entry before it"), "\(result.stderr)")

        // The first entry deleted: the chain no longer starts at the genesis hash.
        let otherFolder = try ScratchFolder()
        let fresh = try demo(otherFolder)
        let first = try changeIDs(fresh, in: folder)
        #expect(try sql("DROP TRIGGER access_log_no_delete", on: fresh, in: folder).status == 0)
        #expect(try sql("DELETE FROM access_log WHERE id = ?", [String(first[0])], on: fresh, in: folder).status == 0)
        let second = try runTrinvis(["audit", "--verify", "--db", fresh])
        #expect(second.status == 1)
        #expect(second.stderr.contains("broken at entry \(first[1]) (change chain)"), "\(second.stderr)")
    }

    @Test func verifyFindsARowInsertedWithPython() throws {
        let folder = try ScratchFolder()
        let database = try demo(folder)
        let last = try #require(try changeIDs(database, in: folder).last)
        let insert = try sql("""
            INSERT INTO access_log (id, at, account, action, citizen_id, detail, chain, previous_hash, hash)
            SELECT max(id) + 1, unixepoch(), 'root', 'change', 1, 'citizen 1 updated', 'change', hash, ?
            FROM access_log WHERE id = ?
            """, [String(repeating: "ab", count: 32), String(last)], on: database, in: folder)
        #expect(insert.status == 0, "\(insert.stderr)")
        let result = try runTrinvis(["audit", "--verify", "--db", database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken at entry \(last + 1) (change chain): its contents do not match"),
                "\(result.stderr)")
    }

    @Test func pruningFromTheCommandLineKeepsTheLogVerifiable() throws {
        let folder = try ScratchFolder()
        let database = try demo(folder)
        let before = try changeIDs(database, in: folder)
        let prune = try runTrinvis(["audit", "--prune", "--verify", "--db", database])
        #expect(prune.status == 0, "\(prune.stderr)")
        #expect(prune.stdout.contains("Removed 0 look-ups older than 183 days and 0 changes older than 1826 days"))
        #expect(prune.stdout.contains("the access log is intact"))
        let after = try changeIDs(database, in: folder)
        #expect(Array(after.dropLast()) == before)
        let detail = try sql("SELECT action, detail FROM access_log WHERE id = ?", [String(after.last ?? 0)],
                             on: database, in: folder).stdout
        #expect(detail.hasPrefix("prune|{\"lookup\":{\"removed\":0"), "\(detail)")
    }

    @Test func theListingFiltersAndFormats() throws {
        let folder = try ScratchFolder()
        let database = try demo(folder)
        // An entry appended the way Trinvis appends one (the hash recomputed in Python), with a
        // detail a spreadsheet would run as a formula and an escape sequence.
        let append = try python("""
            import hashlib, sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1])
            (last_id,) = db.execute("SELECT max(id) FROM access_log").fetchone()
            (previous,) = db.execute("SELECT hash FROM access_log WHERE chain = 'lookup' ORDER BY id DESC LIMIT 1").fetchone() or ("0" * 64,)
            entry = [last_id + 1, int(time.time()), "root", None, None, "search", None, "=HYPERLINK(\\"x\\")\\x1b[31m, \\"quoted\\"", "lookup"]
            fields = [previous] + ["" if v is None else str(v) for v in entry]
            digest = hashlib.sha256("\\x1f".join(fields).encode()).hexdigest()
            db.execute("INSERT INTO access_log (id, at, account, acting_as, organisation_id, action, citizen_id, detail, chain, previous_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)", entry + [previous, digest])
            db.commit()
            print(last_id + 1)
            """, [database], in: folder)
        #expect(append.status == 0, "\(append.stderr)")
        let appended = try #require(Int64(append.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Appended at the end with a matching hash, the chain still verifies: only the latest hash
        // an administrator wrote down tells.
        #expect(try runTrinvis(["audit", "--verify", "--db", database]).status == 0)

        // The first citizen's id (ids are numbered within the installation's site).
        let first = try sql("SELECT min(id) FROM citizen", on: database, in: folder).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let total = Int(try sql("SELECT count(*) FROM access_log", on: database, in: folder).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let text = try runTrinvis(["audit", "--db", database])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == total)
        #expect(!text.stdout.contains("\u{1B}"), "no escape sequence reaches the terminal")
        #expect(lines.last?.contains("root  search  -  =HYPERLINK") == true, "\(lines.last ?? "")")
        #expect(lines.contains { $0.contains("root  change  citizen #\(first)  ") })

        // --citizen, --account, --from, --to.
        let forCitizen = Int(try sql("SELECT count(*) FROM access_log WHERE citizen_id = \(first)", on: database, in: folder)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(forCitizen > 0)
        let citizen = try runTrinvis(["audit", "--citizen", first, "--db", database])
        #expect(citizen.stdout.split(separator: "\n").count == forCitizen)
        #expect(try runTrinvis(["audit", "--account", "nobody", "--db", database]).stdout.isEmpty)
        #expect(try runTrinvis(["audit", "--account", "root", "--db", database]).stdout.split(separator: "\n").count == total)
        #expect(try runTrinvis(["audit", "--to", "2000-01-01", "--db", database]).stdout.isEmpty)
        let future = try runTrinvis(["audit", "--from", "2999-01-01", "--db", database])
        #expect(future.status == 0 && future.stdout.isEmpty)

        // CSV read back with Python's csv module.
        let csvPath = folder.file("audit.csv")
        let csv = try runTrinvis(["audit", "--format", "csv", "--db", database])
        #expect(csv.status == 0)
        try Data(csv.stdout.utf8).write(to: URL(fileURLWithPath: csvPath))
        let readCSV = try python("""
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            print(json.dumps({"count": len(rows), "header": list(rows[0].keys()), "last": rows[-1]}))
            """, [csvPath], in: folder)
        #expect(readCSV.status == 0, "\(readCSV.stderr)")
        let parsedCSV = try #require(try JSONSerialization.jsonObject(with: Data(readCSV.stdout.utf8)) as? [String: Any])
        #expect(parsedCSV["count"] as? Int == total)
        #expect(parsedCSV["header"] as? [String] == ["id", "time", "account", "acting_as", "organisation_id", "action",
                                                     "citizen_id", "detail", "chain", "hash"])
        let last = try #require(parsedCSV["last"] as? [String: String])
        #expect(last["id"] == String(appended))
        #expect(last["detail"] == "'=HYPERLINK(\"x\")\u{FFFD}[31m, \"quoted\"", "\(last)")

        // JSON read back with Python's json module.
        let jsonPath = folder.file("audit.json")
        let json = try runTrinvis(["audit", "--format", "json", "--citizen", first, "--db", database])
        #expect(json.status == 0)
        try Data(json.stdout.utf8).write(to: URL(fileURLWithPath: jsonPath))
        let readJSON = try python("""
            import json, sys
            entries = json.load(open(sys.argv[1], encoding="utf-8"))
            assert all(e["citizen_id"] == int(sys.argv[2]) for e in entries)
            print(len(entries), sorted(entries[0].keys()))
            """, [jsonPath, first], in: folder)
        #expect(readJSON.status == 0, "\(readJSON.stderr)")
        #expect(readJSON.stdout.hasPrefix("\(forCitizen) ['account', 'acting_as', 'action', 'chain', 'citizen_id', 'detail', 'hash', 'id', 'organisation_id', 'time']"),
                "\(readJSON.stdout)")
    }

    @Test func usageErrors() throws {
        let folder = try ScratchFolder()
        let database = try demo(folder)
        #expect(try runTrinvis(["audit", "--format", "pdf", "--db", database]).status == 2)
        #expect(try runTrinvis(["audit", "--verify", "--citizen", "1", "--db", database]).status == 2)
        #expect(try runTrinvis(["report", "--verify", "--db", database]).status == 2)
        #expect(try runTrinvis(["--help"]).stdout.contains("trinvis audit [--citizen ID] [--account NAME]"))
    }
}
