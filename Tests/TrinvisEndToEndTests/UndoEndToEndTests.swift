import Foundation
import Testing
import TrinvisCore

/// Undo and redo with the real binary in tmux, in Danish: `d` Enter deletes a meeting, `u`
/// brings it back with its agreements, Ctrl-R removes it again, Ctrl-Z undoes as `u` does.
@Suite(.serialized) struct UndoEndToEndTests {
    @Test func aDeletedMeetingComesBackWithUAndGoesAgainWithCtrlR() throws {
        let terminal = try TmuxTerminal(width: 110, height: 36)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang da", database: database)
        try terminal.waitForStable("1 Borgere")
        // Aisha's second meeting, with its open agreement on the row below it.
        try terminal.keys("3", "Down")
        try terminal.waitUntil(description: "the meeting of the IT course is selected") {
            TmuxTerminal.listLine(in: $0, containing: "IT-kurset går godt")?.contains("›") == true
        }
        try terminal.keys("d")
        let question = try terminal.waitForStable("Slet samtalen den")
        #expect(question.contains("og dens 2 aftaler?"), "\(question)")
        try terminal.keys("Enter")
        let deleted = try terminal.waitForStable("Slettet.")
        #expect(!deleted.contains("IT-kurset går godt"))
        #expect(!deleted.contains("Aisha finder sin lejekontrakt"))

        try terminal.keys("u")
        let undone = try terminal.waitForStable("Fortrudt: slettede samtalen den")
        #expect(undone.contains("og dens 2 aftaler."), "\(undone)")
        #expect(undone.contains("IT-kurset går godt"))
        #expect(undone.contains("[ ] Aisha finder sin lejekontrakt"), "the agreement came back with the meeting")

        try terminal.keys("C-r")
        let redone = try terminal.waitForStable("Gjort igen: slettede samtalen den")
        #expect(!redone.contains("IT-kurset går godt"))
        #expect(!redone.contains("Aisha finder sin lejekontrakt"))

        // Ctrl-Z undoes too (the terminal's suspend key is off while Trinvis runs).
        try terminal.keys("C-z")
        let again = try terminal.waitForStable("Fortrudt: slettede samtalen den")
        #expect(again.contains("[ ] Aisha finder sin lejekontrakt"))
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        // What is on the file: the meeting and both agreements, and the undo in the access log.
        let workspace = try Workspace(path: database, username: "check")
        let meeting = try #require(try workspace.all(Meeting.self).first { $0.notes.contains("IT-kurset går godt") })
        #expect(try workspace.all(Agreement.self, parent: meeting.id.sqlValue).count == 2)
        let log = try workspace.accessLogEntries().map(\.detail)
        #expect(log.contains("undo meeting \(meeting.id.rawValue) created"))
        #expect(log.contains("redo meeting \(meeting.id.rawValue) deleted"))
    }
}
