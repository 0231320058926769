import Foundation
import Testing
import TrinvisCore

/// `trinvis calendar` on a demo database, read back with an independent iCalendar parser:
/// Python's `icalendar` package (`.ci/run` installs it).
@Suite struct CalendarCommandTests {
    /// What the Python script prints about a calendar.
    struct Parsed: Decodable {
        struct Event: Decodable, Equatable {
            let uid: String
            /// DTSTART in UTC, ISO 8601 with `+00:00`.
            let start: String
            let minutes: Int
            let summary: String
            let location: String
        }

        let version: String
        let method: String
        let events: [Event]
    }

    /// Parses the file with `icalendar` and prints every VEVENT as JSON.
    static let script = """
        import json, sys
        from datetime import timezone
        import icalendar

        with open(sys.argv[1], "rb") as source:
            calendar = icalendar.Calendar.from_ical(source.read())
        events = []
        for event in calendar.walk("VEVENT"):
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            events.append({
                "uid": str(event["UID"]),
                "start": start.astimezone(timezone.utc).isoformat(),
                "minutes": int((end - start).total_seconds() // 60),
                "summary": str(event["SUMMARY"]),
                "location": str(event.get("LOCATION", "")),
            })
        print(json.dumps({"version": str(calendar["VERSION"]), "method": str(calendar["METHOD"]), "events": events}))
        """

    /// The first `python3` (on PATH, then Debian's) that can import icalendar.
    static func pythonWithICalendar() throws -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var candidates = path.split(separator: ":").map { String($0) + "/python3" } + ["/usr/bin/python3"]
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0).inserted && FileManager.default.isExecutableFile(atPath: $0) }
        for candidate in candidates
        where try spawnAndWait([candidate, "-c", "import icalendar"], stdoutPath: "/dev/null") == 0 {
            return candidate
        }
        return nil
    }

    /// The events of an .ics file as the independent parser sees them.
    static func parse(_ file: String, in folder: ScratchFolder) throws -> Parsed? {
        guard let python = try pythonWithICalendar() else {
            Issue.record("No python3 with the icalendar package: install it with 'python3 -m pip install icalendar' (.ci/run does)")
            return nil
        }
        let scriptPath = folder.file("read_ics.py"), output = folder.file("parsed.json"), errors = folder.file("parse.err")
        try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let status = try spawnAndWait([python, scriptPath, file], stdoutPath: output, stderrPath: errors)
        guard status == 0 else {
            Issue.record("icalendar could not read \(file): \(try String(contentsOfFile: errors, encoding: .utf8))")
            return nil
        }
        return try JSONDecoder().decode(Parsed.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
    }

    /// The coming meetings of `username`, worked out from the records themselves (not through
    /// the query the command uses): for each citizen whose team includes the user today, the
    /// next meeting agreed at the latest meeting, when it lies at or after the start of today.
    static func expectedEvents(database: String, username: String,
                               summary: (String) -> String) throws -> [Parsed.Event] {
        let workspace = try Workspace(path: database, username: username)
        guard let me = workspace.actor.professionalID else { return [] }
        let today = workspace.today
        let startOfToday = try #require(Timestamp(date: today, hour: 0, minute: 0,
                                                  offsetMinutes: Timestamp.now().offsetMinutes))
        var events: [Parsed.Event] = []
        for citizen in try workspace.all(Citizen.self) {
            let team = try workspace.all(TeamMember.self, parent: citizen.id.sqlValue)
            guard team.contains(where: { $0.professionalID == me && $0.from <= today && ($0.to.map { $0 >= today } ?? true) })
            else { continue }
            let meetings = try workspace.all(Meeting.self, parent: citizen.id.sqlValue)
            guard let latest = meetings.max(by: { ($0.at.seconds, $0.id.rawValue) < ($1.at.seconds, $1.id.rawValue) }),
                  let next = latest.nextMeeting, next.seconds >= startOfToday.seconds else { continue }
            events.append(Parsed.Event(uid: "trinvis-meeting-\(latest.id.rawValue)-next@trinvis.invalid",
                                       start: Timestamp(seconds: next.seconds, offsetMinutes: 0).iso, minutes: 60,
                                       summary: summary(citizen.name), location: latest.place))
        }
        return events.sorted { $0.uid < $1.uid }
    }

    @Test func theDemoCalendarReadsBackWithTheMeetingsOfTheDatabase() throws {
        let folder = try ScratchFolder()
        let database = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", database]).status == 0)

        // Full names in Danish, to a file.
        let file = folder.file("meetings.ics")
        let written = try runTrinvis(["calendar", "--db", database, "-o", file, "--full-names", "--lang", "da"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.isEmpty)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(bytes.starts(with: Data("BEGIN:VCALENDAR\r\n".utf8)))
        let full = try #require(try Self.parse(file, in: folder))
        #expect(full.version == "2.0")
        #expect(full.method == "PUBLISH")
        let expectedFull = try Self.expectedEvents(database: database, username: Identity.current().account) { "Samtale med " + $0 }
        #expect(!expectedFull.isEmpty, "the demo gives the caseworker coming meetings")
        #expect(full.events.count == expectedFull.count)
        #expect(full.events.sorted { $0.uid < $1.uid } == expectedFull)
        #expect(written.stdout.contains("\(expectedFull.count) kommende møder"))
        #expect(full.events.map(\.start) == full.events.map(\.start).sorted(), "earliest first")
        // Each citizen the file names is logged as an export of theirs, once.
        func loggedFullNames() throws -> [Substring] {
            try runTrinvis(["audit", "--db", database, "--format", "csv"]).stdout.split(separator: "\r\n")
                .filter { $0.contains(",export,") && $0.contains("calendar with full names") }
        }
        let logged = try loggedFullNames()
        let citizensNamed = Set(expectedFull.map(\.summary)).count
        #expect(citizensNamed > 0 && logged.count == citizensNamed, "\(logged)")

        // Short names in English, on standard output.
        let shown = try runTrinvis(["calendar", "--db", database])
        #expect(shown.status == 0, "\(shown.stderr)")
        let stdoutFile = folder.file("stdout.ics")
        try Data(shown.stdout.utf8).write(to: URL(fileURLWithPath: stdoutFile))
        let short = try #require(try Self.parse(stdoutFile, in: folder))
        let expectedShort = try Self.expectedEvents(database: database, username: Identity.current().account) { name in
            let words = name.split(separator: " ")
            guard words.count > 1, let first = words.first, let initial = words.last?.first else {
                return "Meeting with " + name
            }
            return "Meeting with \(first) \(initial)."
        }
        #expect(short.events.sorted { $0.uid < $1.uid } == expectedShort)
        #expect(Set(short.events.map(\.uid)) == Set(full.events.map(\.uid)), "UIDs do not change between runs")
        #expect(try loggedFullNames().count == logged.count, "the short form names no one and is not logged")
    }

    @Test func aUserWhoIsNoProfessionalGetsNoCalendarButAMessage() throws {
        let folder = try ScratchFolder()
        let database = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", database]).status == 0)
        // On a demo database anyone may act as a professional, but `nobody` is none.
        let result = try runTrinvis(["calendar", "--db", database, "--user", "nobody"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no professional has the account nobody"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let danish = try runTrinvis(["calendar", "--db", database, "--user", "nobody", "--lang", "da"])
        #expect(danish.stderr.contains("ingen fagperson har kontoen nobody"))
    }

    @Test(arguments: [
        (["calendar", "extra"], "unexpected argument 'extra'"),
        (["calendar", "--format", "json"], "unknown option '--format'"),
        (["calendar", "-o"], "needs a value"),
        (["export", "--full-names"], "unknown option '--full-names'"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) throws {
        let result = try runTrinvis(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    @Test func helpNamesTheCommandInBothLanguages() throws {
        #expect(try runTrinvis(["--help"]).stdout.contains("trinvis calendar [-o FILE] [--full-names]"))
        #expect(try runTrinvis(["--help", "--lang", "da"]).stdout.contains("trinvis calendar [-o FIL] [--full-names]"))
    }

    @Test func aMissingDatabaseIsAFailure() throws {
        let folder = try ScratchFolder()
        let result = try runTrinvis(["calendar", "--db", folder.file("missing.sqlite")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no database"))
        #expect(result.stdout.isEmpty)
    }
}
