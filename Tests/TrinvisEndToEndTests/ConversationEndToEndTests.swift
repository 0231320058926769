import Foundation
import Testing

/// The conversation in Danish with the real binary in tmux: no slip of a key deletes, the agenda
/// shows a missed follow-up, and a new search starts anew and folds "aa" to "å".
@Suite(.serialized) struct ConversationEndToEndTests {
    /// One number from the database, read with Python's sqlite3 (an independent reader).
    private func count(_ sql: String, in database: String, folder: ScratchFolder) throws -> Int {
        let output = folder.file("count-\(UUID().uuidString).txt")
        let script = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])"
        let status = try spawnAndWait(["/usr/bin/python3", "-c", script, database, sql], stdoutPath: output,
                                      stderrPath: folder.file("count.err"))
        #expect(status == 0)
        return Int(try String(contentsOfFile: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    private func start(in terminal: TmuxTerminal, database: String) throws {
        try terminal.startTrinvis("--lang da", database: database)
        try terminal.waitForStable("1 Borgere")
    }

    @Test func dThenJOnACitizenAndOnAMeetingDeletesNothing() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        let citizens = try count("SELECT count(*) FROM citizen WHERE archived_on IS NULL", in: database, folder: terminal.folder)
        let meetings = try count("SELECT count(*) FROM meeting", in: database, folder: terminal.folder)
        try start(in: terminal, database: database)

        try terminal.keys("d", "j", "j")
        let asked = try terminal.waitForStable("Enter ja")
        #expect(asked.contains("arkivér"), "the question is still open: \(asked)")
        try terminal.keys("Escape")
        try terminal.waitUntil(description: "the question closes") { !$0.contains("Enter ja") }

        try terminal.keys("3")
        try terminal.waitForStable("[3 Møder]")
        try terminal.keys("d", "j", "y", "k")
        let question = try terminal.waitForStable("Enter ja")
        #expect(question.contains("Slet samtalen den"), "\(question)")
        try terminal.keys("n")
        try terminal.waitUntil(description: "n keeps it") { !$0.contains("Enter ja") }
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
        #expect(try count("SELECT count(*) FROM citizen WHERE archived_on IS NULL", in: database, folder: terminal.folder) == citizens)
        #expect(try count("SELECT count(*) FROM meeting", in: database, folder: terminal.folder) == meetings)
    }

    @Test func theAgendaShowsAMissedFollowUp() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        // Per Kristiansen's next meeting (agreed at his latest) passed two days ago unrecorded.
        let script = """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1])
            (cid,) = db.execute("SELECT id FROM citizen WHERE name = 'Per Kristiansen'").fetchone()
            (mid,) = db.execute("SELECT id FROM meeting WHERE citizen_id = ? ORDER BY at_utc DESC, id DESC LIMIT 1", (cid,)).fetchone()
            db.execute("UPDATE meeting SET next_utc = ? WHERE id = ?", (int(time.time()) - 2 * 86400, mid))
            db.commit()
            """
        #expect(try spawnAndWait(["/usr/bin/python3", "-c", script, database], stdoutPath: "/dev/null",
                                 stderrPath: terminal.folder.file("plant.err")) == 0)
        try start(in: terminal, database: database)
        try terminal.keys("t")
        let agenda = try terminal.waitForStable("Dagsorden")
        let line = try #require(agenda.split(separator: "\n").first { $0.contains("Per Kristiansen") && $0.contains("opfølgning") },
                                "\(agenda)")
        #expect(line.contains("er ikke registreret"))
        #expect(agenda.contains("Forfaldent"))
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }

    @Test func aNewSearchStartsAnewAndAalundFindsÅlund() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(in: terminal, database: database)
        // A new citizen, Karen Ålund.
        try terminal.keys("a")
        try terminal.waitForStable("Ny borger")
        try terminal.type("Karen Ålund")
        try terminal.keys("F2")
        try terminal.waitForStable("Gemt")

        try terminal.keys("/")
        try terminal.type("sør")
        try terminal.keys("Enter")
        let first = try terminal.waitForStable("Line Sørensen")
        #expect(!first.contains("Karen Ålund") || first.contains("netop gemt"))
        try terminal.keys("/")
        try terminal.type("aalund")
        let found = try terminal.waitForStable("Karen Ålund")
        #expect(found.contains("Søg: aalund") || found.contains("aalund"), "the old search was replaced: \(found)")
        #expect(!found.contains("søraalund"))
        #expect(TmuxTerminal.listLine(in: found, containing: "Karen Ålund")?.contains("›") == true)
        try terminal.keys("Escape", "q")
        try terminal.waitFor("EXIT=0")
    }
}
