import Foundation
import Testing
import TrinvisCore

/// Recording during the conversation, with the real binary in tmux: meetings with notes and
/// agreements, done marks, progress notes, drafts that survive a killed terminal, and the
/// refused second save when two people edit the same milestone.
@Suite(.serialized) struct RecordingTests {
    /// Starts Trinvis as the account that created the demo (an administrator when it is root),
    /// or acting as one of the demo's professionals.
    private func start(_ terminal: TmuxTerminal, database: String, user: String? = nil) throws {
        try terminal.startTrinvis(user.map { "--user \($0)" } ?? "", database: database)
        try terminal.waitFor("1 Citizens")
    }

    @Test func aMeetingWithAMultiLineNoteAndTwoAgreementsSurvivesARestart() throws {
        let terminal = try TmuxTerminal(width: 110, height: 36)
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(terminal, database: database)
        try terminal.keys("3", "a")
        try terminal.waitForStable("New meeting with Aisha Khalil")
        // The form opens in the notes; Enter after an agreement's deadline starts the next one.
        try terminal.type("Aisha har fundet en lejlighed på Østerbro.")
        try terminal.keys("Enter")
        try terminal.type("Hun er glad – næste skridt: økonomi og depositum.")
        try terminal.keys("Tab")
        try terminal.type("Aisha sender ansøgningen")
        try terminal.keys("Tab")
        try terminal.type("+7")
        try terminal.keys("Enter")
        try terminal.waitForStable("Agreement 2")
        try terminal.type("Sanne ringer til boligselskabet")
        try terminal.keys("Tab")
        try terminal.type("+3")
        try terminal.keys("Tab", "Right", "F2")
        try terminal.waitFor("Saved.")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        try start(terminal, database: database)
        let screen = try terminal.waitFor("Aisha har fundet en")
        #expect(screen.contains("[ ] Aisha sender ansøgningen"))
        #expect(screen.contains("[ ] Sanne ringer til boligselskabet"))
        try terminal.keys("3", "Enter")
        let detail = try terminal.waitFor("Agreements")
        #expect(detail.contains("Aisha har fundet en lejlighed på Østerbro."))
        #expect(detail.contains("Hun er glad – næste skridt: økonomi og depositum."))
        try terminal.keys("Escape")

        // Mark the second agreement done with one key; it leaves the list of open agreements.
        try terminal.keys("Down", "Down", "x")
        try terminal.waitFor("Done: Sanne ringer til boligselskabet")
        #expect(!(try terminal.screen().contains("[ ] Sanne ringer til boligselskabet")))
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
        try start(terminal, database: database)
        try terminal.keys("3", "Enter")
        try terminal.waitFor("[x] Sanne ringer til boligselskabet")
        try terminal.keys("q")
    }

    @Test func aProgressNoteOnAMilestone() throws {
        let terminal = try TmuxTerminal(width: 110, height: 36)
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(terminal, database: database)
        try terminal.keys("2", "Down", "Enter")
        try terminal.waitFor("Oprette boligansøgning online")
        try terminal.keys("a")
        try terminal.waitFor("Progress on")
        try terminal.keys("Tab")
        try terminal.type("Ansøgningen er halvt udfyldt – mangler lønsedler")
        try terminal.keys("C-s")
        let detail = try terminal.waitFor("mangler lønsedler")
        #expect(detail.contains("Progress"))
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }

    @Test func aHalfWrittenNoteIsRestoredAfterTheTerminalIsKilled() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let text = "Halvt notat: Æble, øl og å – \"citat\" 😀 漢字 slut"
        // Both terminals are the same account: one data folder, where its drafts file is.
        let data = ["XDG_DATA_HOME": folder.file("data-home")]
        do {
            let terminal = try TmuxTerminal(width: 110, height: 36, environment: data)
            try start(terminal, database: database)
            try terminal.keys("3", "a")
            try terminal.waitForStable("New meeting with")
            try terminal.type(text)
            try terminal.waitFor("slut")
            // A draft is written within a second of a change.
            Thread.sleep(forTimeInterval: 1.6)
            for pid in TmuxTerminal.processes(mentioning: database) { kill(pid, SIGKILL) }
            try terminal.tmux(["kill-server"])
        }
        let terminal = try TmuxTerminal(width: 110, height: 36, environment: data)
        try terminal.startTrinvis(database: database)
        let offer = try terminal.waitFor("Unsaved forms from last time")
        #expect(offer.contains("New meeting with Aisha Khalil"))
        try terminal.keys("Enter")
        let restored = try terminal.waitFor("F2 save")
        #expect(restored.contains("New meeting with Aisha Khalil"))
        #expect(restored.contains(text))
        try terminal.keys("F2")
        try terminal.waitFor("Saved.")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
        // Saved: the draft is gone, so the next start offers nothing.
        try terminal.startTrinvis(database: database)
        let again = try terminal.waitForStable("1 Citizens")
        #expect(!again.contains("Unsaved forms"))
        #expect(again.contains("Halvt notat"))
        try terminal.keys("q")
    }

    @Test func theSecondSaveOfTheSameMilestoneAsksAndKeepsBoth() throws {
        let first = try TmuxTerminal(width: 110, height: 36)
        let database = try makeDemoDatabase(in: first.folder)
        let second = try TmuxTerminal(width: 110, height: 36)
        try start(first, database: database)
        try start(second, database: database, user: "demo-sanne")
        for terminal in [first, second] {
            try terminal.keys("2", "Down", "e")
            try terminal.waitFor("Milestone for Aisha Khalil")
            try terminal.keys("C-u")
        }
        try first.type("Boligansøgning sendt af Anna")
        try second.type("Boligansøgning – Bos udgave")
        try first.keys("F2")
        try first.waitFor("Saved.")
        // The second window learns of it before saving; its save asks instead of writing over it.
        // Named by the professional (the demo's Inger Holm is the account running the test), not the account.
        try second.waitFor("Changed by Inger Holm at ")
        try second.keys("F2")
        let asked = try second.waitFor("Changed while you edit: Milestone for Aisha Khalil")
        #expect(asked.contains("Inger Holm saved this at "))
        #expect(asked.contains("Boligansøgning – Bos udgave") && asked.contains("Boligansøgning sendt af Anna"), "both versions")
        // Esc: back in the form, the text kept.
        try second.keys("Escape")
        let kept = try second.waitFor("saving will ask")
        #expect(kept.contains("Boligansøgning – Bos udgave"), "the text stays in the form")
        #expect(kept.contains("Milestone for Aisha Khalil"))
        try first.keys("q")
        try second.keys("Escape", "Enter", "q")
        try second.waitFor("EXIT=0")
        let stored = try runTrinvis(["export", "--db", database, "--citizen", "Aisha Khalil"])
        #expect(stored.stdout.contains("Boligansøgning sendt af Anna"))
        #expect(!stored.stdout.contains("Bos udgave"))
    }
}

/// Results: an assessment recorded in the interface changes the report.
@Suite(.serialized) struct ResultsEndToEndTests {
    @Test func anAssessmentChangesTheReport() throws {
        let terminal = try TmuxTerminal(width: 120, height: 45)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis(database: database)
        try terminal.waitFor("1 Citizens")
        try terminal.keys("r")
        let before = try terminal.waitFor("Quality of life")
        #expect(TmuxTerminal.listLine(in: before, containing: "Quality of life")?.contains("Improved 8 of 8 (100 %)") == true)
        try terminal.keys("Escape")
        // Kurt has no assessments yet: two assessments, the second better than the first.
        try terminal.keys("Down", "Down", "Down", "s")
        try terminal.waitFor("Assessment of Kurt Damgaard")
        try terminal.keys("C-u")
        try terminal.type("-10")
        try terminal.keys("Tab")
        try terminal.type("3")
        try terminal.keys("F2")
        try terminal.waitFor("Saved.")
        try terminal.keys("s")
        try terminal.waitFor("last time: 3")
        try terminal.keys("Tab")
        try terminal.type("7")
        try terminal.keys("F2")
        try terminal.waitFor("Saved.")
        try terminal.keys("r")
        try terminal.waitFor("Results report")
        let after = try terminal.waitUntil(description: "the report counts Kurt") {
            TmuxTerminal.listLine(in: $0, containing: "Quality of life")?.contains("Improved 9 of 9 (100 %)") == true
        }
        #expect(after.contains("Citizens: 11"))
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }
}
