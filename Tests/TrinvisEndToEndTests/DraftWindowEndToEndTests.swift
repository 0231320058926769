import Foundation
import Testing

/// The rows of one SQL query through Python's sqlite3 (an independent reader of the file), as
/// lines of `|`-separated values.
func sqliteRows(_ sql: String, in database: String) throws -> [String] {
    let script = """
        import sqlite3, sys
        for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
            print("|".join("" if v is None else str(v) for v in row))
        """
    let result = try runTool(["/usr/bin/python3", "-c", script, database, sql])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init)
}

/// Drafts with the real binary in tmux, in Danish: two windows of one user killed with `kill -9`
/// both offer their drafts on the next start, and a draft restored over a record a colleague
/// saved in between opens the conflict and keeps both.
@Suite(.serialized) struct DraftWindowEndToEndTests {
    /// Starts Trinvis in Danish and waits for the main screen (or the drafts offered).
    @discardableResult
    /// Every window of one test shares one data folder (as the windows of one account do),
    /// where each keeps its drafts file.
    private func start(_ terminal: TmuxTerminal, database: String, user: String? = nil, waitingFor text: String = "1 Borgere")
        throws -> String {
        try terminal.startTrinvis((user.map { "--user \($0) " } ?? "") + "--lang da", database: database,
                                  prefix: "XDG_DATA_HOME=" + TmuxTerminal.quote(Self.dataHome(of: database)))
        return try terminal.waitForStable(text)
    }

    /// The data folder of the windows on `database`: beside it.
    static func dataHome(of database: String) -> String {
        (database as NSString).deletingLastPathComponent + "/data-home"
    }

    /// The account's drafts file of `database` (the one file in the data folder's `trinvis`).
    static func draftsFile(of database: String) throws -> String {
        let folder = dataHome(of: database) + "/trinvis"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("drafts-") && $0.hasSuffix(".sqlite") }
        #expect(files.count == 1, "one drafts file: \(files)")
        return folder + "/" + (files.first ?? "drafts.sqlite")
    }

    /// The rows of `sql` on the drafts file of `database`.
    private func draftRows(_ sql: String, of database: String) throws -> [String] {
        guard (try? FileManager.default.contentsOfDirectory(atPath: Self.dataHome(of: database) + "/trinvis")) != nil else {
            return []
        }
        return try sqliteRows(sql, in: try Self.draftsFile(of: database))
    }

    /// Waits until the drafts in the database hold every text in their `title` field (each
    /// window writes its draft within about a second of a change, later on a busy machine).
    private func waitForDrafts(holding texts: [String], in database: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(20)
        var found: [String] = []
        while Date() < deadline {
            found = try draftRows("SELECT json_extract(payload, '$.title') FROM draft", of: database)
            if texts.allSatisfy(found.contains) { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        Issue.record("expected drafts of \(texts), found \(found)", sourceLocation: sourceLocation)
    }

    /// Kills every Trinvis process on `database` with SIGKILL, as a crash or a closed laptop would.
    private func killWindows(of database: String, _ terminals: [TmuxTerminal]) throws {
        let windows = TmuxTerminal.processes(mentioning: database)
        for pid in windows { kill(pid, SIGKILL) }
        for terminal in terminals { try terminal.tmux(["kill-server"]) }
    }

    @Test func twoWindowsOfOneUserKilledWithKillNineBothOfferTheirDrafts() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let texts = ["Første vindue: ringe til boligselskabet 😀", "Andet vindue: søge praktik på Østerbro"]
        do {
            let windows = [try TmuxTerminal(width: 110, height: 36), try TmuxTerminal(width: 110, height: 36)]
            for (terminal, text) in zip(windows, texts) {
                try start(terminal, database: database)
                try terminal.keys("2", "a")
                try terminal.waitForStable("Ny milepæl for Aisha Khalil")
                try terminal.type(text)
                try terminal.waitForStable(text)
            }
            try waitForDrafts(holding: texts, in: database)
            #expect(TmuxTerminal.processes(mentioning: database).count == 2)
            try killWindows(of: database, windows)
        }
        #expect(try draftRows("SELECT count(DISTINCT window_id) FROM draft", of: database) == ["2"], "one draft per window")

        let terminal = try TmuxTerminal(width: 110, height: 36)
        let offer = try start(terminal, database: database, waitingFor: "Ikke-gemte formularer fra sidst")
        for text in texts { #expect(offer.contains(text), "both drafts are offered:\n\(offer)") }
        // Each is restored in turn; after the first is saved the other is offered again.
        for round in 0..<2 {
            try terminal.keys("Enter")
            let form = try terminal.waitForStable("F2 gem")
            #expect(form.contains("Ny milepæl for Aisha Khalil"))
            #expect(texts.contains { form.contains($0) }, "\(form)")
            try terminal.keys("F2")
            let after = try terminal.waitForStable("Gemt.")
            #expect(after.contains(round == 0 ? "Ikke-gemte formularer fra sidst" : "1 Borgere"), "\(after)")
        }
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
        let export = try runTrinvis(["export", "--db", database, "--citizen", "Aisha Khalil"])
        for text in texts { #expect(export.stdout.contains(text), "both milestones are saved") }
        #expect(try draftRows("SELECT count(*) FROM draft", of: database) == ["0"])
    }

    @Test func aDraftRestoredOverAMilestoneAColleagueSavedShowsTheConflictAndKeepsBoth() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let mine = "Boligansøgning sendt af Inger"
        let theirs = "Boligansøgning – Sannes udgave"
        do {
            let terminal = try TmuxTerminal(width: 110, height: 36)
            try start(terminal, database: database)
            try terminal.keys("2", "Down", "e")
            try terminal.waitForStable("Milepæl for Aisha Khalil")
            try terminal.keys("C-u")
            try terminal.type(mine)
            try terminal.waitForStable(mine)
            try waitForDrafts(holding: [mine], in: database)
            try killWindows(of: database, [terminal])
        }
        // A colleague saves the same milestone in between.
        do {
            let colleague = try TmuxTerminal(width: 110, height: 36)
            try start(colleague, database: database, user: "demo-sanne")
            try colleague.keys("2", "Down", "e")
            try colleague.waitForStable("Milepæl for Aisha Khalil")
            try colleague.keys("C-u")
            try colleague.type(theirs)
            try colleague.waitForStable(theirs)
            try colleague.keys("F2")
            try colleague.waitForStable("Gemt.")
            try colleague.keys("q")
            try colleague.waitFor("EXIT=0")
        }

        let terminal = try TmuxTerminal(width: 110, height: 36)
        try start(terminal, database: database, waitingFor: "Ikke-gemte formularer fra sidst")
        try terminal.keys("Enter")
        let conflict = try terminal.waitForStable("Ændret siden din kladde")
        #expect(conflict.contains("Sanne Østergaard gemte dette"), "the colleague by name:\n\(conflict)")
        #expect(conflict.contains("Din kladde") && conflict.contains("Gemt af Sanne Østergaard"))
        #expect(conflict.contains("[x] " + mine) && conflict.contains("[ ] " + theirs), "both values, side by side")
        #expect(!conflict.contains("F2 gem"), "no form is open over the colleague's change")
        // Both are kept: the colleague's milestone is saved, the draft waits for later.
        try terminal.keys("Escape")
        try terminal.waitForStable("Kladden er gemt til senere.")
        try terminal.keys("Escape", "q")
        try terminal.waitFor("EXIT=0")
        var export = try runTrinvis(["export", "--db", database, "--citizen", "Aisha Khalil"]).stdout
        #expect(export.contains(theirs) && !export.contains(mine))
        #expect(try draftRows("SELECT payload FROM draft", of: database).first?.contains(mine) == true)

        // Next time: the conflict again; the draft's title is chosen and saved on Sanne's version.
        try terminal.run("clear")
        try start(terminal, database: database, waitingFor: "Ikke-gemte formularer fra sidst")
        try terminal.keys("Enter")
        try terminal.waitForStable("Ændret siden din kladde")
        try terminal.keys("Enter")
        let form = try terminal.waitForStable("F2 gem")
        #expect(form.contains("Milepæl for Aisha Khalil") && form.contains(mine))
        try terminal.keys("F2")
        try terminal.waitForStable("Gemt.")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
        export = try runTrinvis(["export", "--db", database, "--citizen", "Aisha Khalil"]).stdout
        #expect(export.contains(mine) && !export.contains(theirs))
        #expect(try draftRows("SELECT count(*) FROM draft", of: database) == ["0"])
    }
}
