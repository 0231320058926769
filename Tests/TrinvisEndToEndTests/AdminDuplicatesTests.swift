import Foundation
import Testing

/// `trinvis admin duplicates` and `admin link` on a demo database with a planted duplicate.
@Suite struct AdminDuplicatesTests {
    @Test func aPlantedDuplicateIsListedAndGoneOnceLinked() throws {
        guard runningAsRoot else {
            print("AdminDuplicatesTests skipped: the test runs as root, who administers every database")
            return
        }
        let folder = try ScratchFolder()
        let database = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", database]).status == 0)
        #expect(try runTrinvis(["admin", "duplicates", "--db", database]).stdout == "No likely duplicates.\n")

        // Plant a second Per Kristiansen with the same CPR number, with Python's sqlite3.
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute('''INSERT INTO citizen (name, name_key, name_sort, cpr, birth_date, contact_preference, life,
                              registered_on, organisation_id, meeting_interval_days, created_at, created_by,
                              updated_at, updated_by, version)
                          SELECT 'Per K.', 'per k.', 'per k.', cpr, birth_date, contact_preference, '', registered_on,
                              organisation_id, meeting_interval_days, created_at, created_by, updated_at, updated_by, 1
                          FROM citizen WHERE name = 'Per Kristiansen' ''')
            db.commit()
            print(db.execute("SELECT id FROM citizen WHERE name = 'Per K.'").fetchone()[0])
            """
        let output = folder.file("planted")
        let status = try spawnAndWait(["/usr/bin/python3", "-c", script, database], stdoutPath: output)
        #expect(status == 0)
        let planted = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let listed = try runTrinvis(["admin", "duplicates", "--db", database])
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("Per Kristiansen") == true)
        #expect(lines.first?.contains("#\(planted) Per K.") == true)
        #expect(lines.first?.contains("same CPR number") == true)
        #expect(!listed.stdout.contains("1405910000"), "the list never shows the number")

        let linked = try runTrinvis(["admin", "link", "Per Kristiansen", planted, "--note", "checked", "--db", database])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout.contains("linked"))
        #expect(try runTrinvis(["admin", "duplicates", "--db", database]).stdout == "No likely duplicates.\n")
        let usage = try runTrinvis(["admin", "link", "Per Kristiansen", "--db", database])
        #expect(usage.status == 2)
    }
}
