import Foundation
import Testing

/// `trinvis print-access` with the real binary on a demo database: the PDF is read back with
/// poppler's `pdftotext` and checked with `qpdf --check`; the log and the printed-file record are
/// read with Python's `sqlite3`. Sanne Østergaard (`demo-sanne`) counsels at Værestedet
/// Fundamentet, where Jan Bækgaard comes; Per Kristiansen belongs to Jobcenter Ryslinge and has
/// given no consent to share.
@Suite struct PrintAccessTests {
    /// The time zone of every run, so that the test knows the day the binary prints.
    private static let environment = ["TZ": "UTC"]

    /// Today in UTC as the Danish letter writes it: `02.12.2026`.
    private static func danishToday() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%02d.%02d.%04d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0)
    }

    /// One SQL query through Python's sqlite3; the rows as lines of `|`-separated values.
    private func query(_ sql: String, on database: String) throws -> [String] {
        try sqliteRows(sql, in: database)
    }

    private func janID(_ database: String) throws -> String {
        try #require(try query("SELECT id FROM citizen WHERE name = 'Jan Bækgaard'", on: database).first)
    }

    @Test func theDanishLetterAsPDFNamesTheCitizenTheOrganisationAndTheDayButNoProfessional() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let before = Self.danishToday()
        // Sanne prints Jan's plan: a look-up the letter must show.
        #expect(try runTrinvis(["print-plan", "Jan", "--db", database, "--user", "demo-sanne", "-o", folder.file("plan.pdf")],
                               environment: Self.environment).status == 0)
        let path = folder.file("jan.pdf")
        let result = try runTrinvis(["print-access", "Jan", "--db", database, "--user", "demo-sanne", "--lang", "da",
                                     "-o", path], environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)

        let check = try runTool(["/usr/bin/qpdf", "--check", path])
        #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")

        let text = try pdftotext(path, in: folder)
        let today = Self.danishToday()
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Hvem har set dine oplysninger", "Jan Bækgaard",
                         "Værestedet Fundamentet er ansvarlig for oplysningerne om dig.",
                         "Med dit samtykke må Jobcenter Ryslinge", "Det er registreret om dig", "Det viser loggen",
                         "Værestedet Fundamentet måned for måned", "Alle registreringer i",
                         "Værestedet Fundamentet udskrev dine oplysninger", "Fagpersonernes navne står ikke i brevet.",
                         "Datatilsynet", "Side 1 af "] {
            #expect(flat.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(flat.contains(before) || flat.contains(today), "the day of the look-up (\(today))\n\(text)")
        #expect(!text.contains("Sanne Østergaard"), "a counselor's letter names no professional")
        #expect(!text.contains("demo-sanne"))
        #expect(!text.contains("?"), "every letter is in WinAnsiEncoding")

        // The print is logged, and the file remembered so that erasing Jan removes it.
        let jan = try janID(database)
        let printed = try query("SELECT path FROM printed_file WHERE citizen_id = \(jan) ORDER BY id", on: database)
        #expect(printed.last == URL(fileURLWithPath: path).resolvingSymlinksInPath().path, "\(printed)")
        let prints = try query("SELECT acting_as FROM access_log WHERE citizen_id = \(jan) AND action = 'print'", on: database)
        #expect(prints == ["demo-sanne", "demo-sanne"], "the plan and the letter: \(prints)")
    }

    @Test func anAdministratorsLetterNamesTheProfessionals() throws {
        guard getuid() == 0 else {
            Issue.record("skipped: the test runs as root, who administers every database")
            return
        }
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        #expect(try runTrinvis(["print-plan", "Jan", "--db", database, "--user", "demo-sanne"]).status == 0)
        let path = folder.file("admin.pdf")
        let result = try runTrinvis(["print-access", "Jan", "--db", database, "--lang", "en", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let flat = try pdftotext(path, in: folder).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Who has looked at your information", "Værestedet Fundamentet printed your information",
                         "by Sanne Østergaard", "The professionals are named, because an administrator printed this letter."] {
            #expect(flat.contains(expected), "missing: \(expected)\n\(flat)")
        }
    }

    @Test func aUserOfAnotherOrganisationWithoutConsentIsRefusedAndNoFileIsWritten() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let per = try #require(try query("SELECT id FROM citizen WHERE name = 'Per Kristiansen'", on: database).first)
        for (citizen, message) in [("Per Kristiansen", "no citizen matches 'Per Kristiansen'"),
                                   (per, "you do not have access to this citizen's records")] {
            let path = folder.file("refused.pdf")
            let result = try runTrinvis(["print-access", citizen, "--db", database, "--user", "demo-sanne", "-o", path])
            #expect(result.status == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(try query("SELECT count(*) FROM printed_file", on: database) == ["0"])
    }

    @Test func theTextLetterGoesToStandardOutputAndIsLoggedAsAPrint() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let english = try runTrinvis(["print-access", "Jan", "--db", database, "--user", "demo-sanne"])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.hasPrefix("Who has looked at your information\n" + String(repeating: "=", count: 34)
                                         + "\n\nJan Bækgaard\n"))
        #expect(english.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 })
        let danish = try runTrinvis(["print-access", "Jan", "--db", database, "--user", "demo-sanne"],
                                    environment: ["LANG": "da_DK.UTF-8", "LC_ALL": ""])
        #expect(danish.stdout.hasPrefix("Hvem har set dine oplysninger\n"))
        // A print to standard output is a look-up of kind print too (coalesced within 15 minutes).
        let jan = try janID(database)
        #expect(try query("SELECT count(*) FROM access_log WHERE citizen_id = \(jan) AND action = 'print'", on: database)
                == ["1"])
        #expect(try query("SELECT count(*) FROM printed_file", on: database) == ["0"])
    }

    @Test func helpNamesTheCommandInBothLanguages() throws {
        #expect(try runTrinvis(["--help"]).stdout.contains("trinvis print-access CITIZEN [--format text|pdf] [-o FILE]"))
        #expect(try runTrinvis(["--help", "--lang", "da"]).stdout
                .contains("trinvis print-access BORGER [--format text|pdf] [-o FIL]"))
    }
}
