import Foundation
import Testing
import TrinvisCore

/// An activity with the real binary in tmux: created with its form, three participants added by
/// name as it is typed, two marked as having come, then seen in a participant's citizen view and
/// counted in the results report.
@Suite(.serialized) struct ActivityEndToEndTests {
    @Test func anActivityWithThreeParticipantsTwoOfWhomCame() throws {
        let terminal = try TmuxTerminal(width: 120, height: 70)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("", database: database)
        try terminal.waitForStable("1 Citizens")
        let before = try Workspace(path: database, username: "check").resultsReport().participation

        try terminal.keys("v")
        try terminal.waitForStable("IT-kursus: mail og NemID")
        try terminal.keys("a")
        try terminal.waitForStable("New activity")
        try terminal.type("Strikkeklub på Æblet")
        try terminal.keys("Tab", "Tab", "Tab")
        try terminal.type("10:00")
        try terminal.keys("Tab")
        try terminal.type("Café Æblet")
        try terminal.keys("F2")
        let created = try terminal.waitForStable("No participants yet")
        #expect(created.contains("Activity: Strikkeklub på Æblet"))
        #expect(created.contains("10:00 · Café Æblet"))
        #expect(created.contains("Run by: Inger Holm"))

        try terminal.keys("a")
        try terminal.waitForStable("Add participant:")
        for (typed, name) in [("ulla", "Ulla Brandt"), ("svend", "Svend Madsen"), ("per kr", "Per Kristiansen")] {
            try terminal.type(typed)
            try terminal.waitUntil(description: "\(name) is found") { screen in
                TmuxTerminal.listLine(in: screen, containing: name)?.contains("›") == true && screen.contains("Add participant: " + typed)
            }
            try terminal.keys("Enter")
            try terminal.waitForStable("\(name) added.")
        }
        try terminal.keys("Escape")
        let three = try terminal.waitForStable("Participants  0 of 3 came")
        #expect(three.contains("[ ] Per Kristiansen") && three.contains("[ ] Svend Madsen") && three.contains("[ ] Ulla Brandt"))

        // In name order: Per, Svend, Ulla. Per and Svend came.
        try terminal.keys("g", "x")
        try terminal.waitForStable("Per Kristiansen came.")
        try terminal.keys("j", "x")
        let marked = try terminal.waitForStable("Participants  2 of 3 came")
        #expect(marked.contains("[x] Per Kristiansen") && marked.contains("[x] Svend Madsen") && marked.contains("[ ] Ulla Brandt"))

        // Svend's citizen view lists it, with whether he came.
        try terminal.keys("Enter")
        try terminal.waitForStable("Registered")
        try terminal.keys("G")
        let view = try terminal.waitForStable("Strikkeklub på Æblet")
        #expect(view.contains("10:00 Strikkeklub på Æblet (course): came"), "\(view)")

        // The report counts it.
        try terminal.keys("Escape")
        try terminal.waitForStable("Participants  2 of 3 came")
        try terminal.keys("Escape")
        try terminal.waitForStable("Strikkeklub på Æblet")
        try terminal.keys("Escape")
        try terminal.waitForStable("1 Citizens")
        try terminal.keys("r")
        let report = try terminal.waitForStable("Group activities")
        let activities = TmuxTerminal.listLine(in: report, containing: "Activities ")
        let times = TmuxTerminal.listLine(in: report, containing: "Times a citizen came")
        #expect(activities?.contains(" \(before.activities + 1) ") == true, "\(report)")
        #expect(times?.contains(" \(before.attendances + 2) ") == true, "\(report)")
        try terminal.keys("Escape", "q")
        try terminal.waitFor("EXIT=0")

        let workspace = try Workspace(path: database, username: "check")
        let activity = try #require(try workspace.all(Activity.self).first { $0.title == "Strikkeklub på Æblet" })
        #expect(activity.participants.count == 3 && activity.present.count == 2)
        #expect(activity.startTime == ClockTime(hour: 10, minute: 0))
        #expect(try workspace.resultsReport().participation.attendances == before.attendances + 2)
    }
}
