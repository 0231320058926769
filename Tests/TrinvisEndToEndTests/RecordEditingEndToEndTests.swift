import Foundation
import Testing
import TrinvisCore

/// A citizen's records with the real binary in tmux: Tab chooses an assessment in Aisha's view,
/// `e` changes it, `d` Enter deletes it and `u` brings it back; a plan marked completed makes
/// room for a new one (`P`, new-plan), and the view shows the old one below the new.
@Suite(.serialized) struct RecordEditingEndToEndTests {
    /// Tabs through the open citizen's records until `d` asks about one whose question starts
    /// with `subject`; leaves that record chosen (the question answered no). Returns the question.
    private func choose(_ subject: String, in terminal: TmuxTerminal) throws -> String? {
        for _ in 0..<20 {
            try terminal.keys("Tab", "d")
            let question = try terminal.waitForStable("Delete ")
            try terminal.keys("Escape")
            try terminal.waitUntil(description: "the question is gone") { !$0.contains("Enter yes") }
            if let line = question.split(separator: "\n").first(where: { $0.hasPrefix(subject) }) { return String(line) }
        }
        return nil
    }

    /// The real binary on a new demo database, in English, with Aisha's view open.
    private func openAisha(height: Int) throws -> (TmuxTerminal, String) {
        let terminal = try TmuxTerminal(width: 110, height: height)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang en", database: database)
        try terminal.waitForStable("Aisha Khalil")
        try terminal.keys("Enter")
        try terminal.waitForStable("Meets every")
        return (terminal, database)
    }

    @Test func anAssessmentIsChangedDeletedAndBroughtBack() throws {
        let (terminal, database) = try openAisha(height: 36)
        let question = try #require(try choose("Delete the assessment of", in: terminal))
        #expect(question.hasSuffix("and its 3 scores?"), "\(question)")

        // e changes the chosen assessment: its first score becomes 8.
        try terminal.keys("e")
        let form = try terminal.waitForStable("Assessment of Aisha Khalil")
        #expect(form.contains("Quality of life"))
        try terminal.keys("Tab", "C-u")
        try terminal.type("8")
        try terminal.keys("F2")
        try terminal.waitForStable("Saved.")

        // The same assessment stays chosen: d asks, Enter deletes.
        try terminal.keys("d")
        let again = try terminal.waitForStable("Delete the assessment of")
        #expect(again.contains(question.replacingOccurrences(of: "Delete ", with: "").prefix(28)), "\(again)")
        try terminal.keys("Enter")
        let deleted = try terminal.waitForStable("Deleted.")
        #expect(!deleted.contains("Quality of life 8"), "\(deleted)")
        try terminal.keys("u")
        try terminal.waitForStable("Undone:")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        // On the file: three assessments again, the changed one with its 8, and the undo logged.
        let workspace = try Workspace(path: database, username: "check")
        let aisha = try #require(try workspace.all(Citizen.self).first { $0.name == "Aisha Khalil" })
        let assessments = try workspace.all(Assessment.self, parent: aisha.id.sqlValue)
        #expect(assessments.count == 3)
        let changed = try #require(assessments.first { $0.scores[.qualityOfLife] == 8 }, "\(assessments)")
        #expect(changed.scores.count == 3, "it came back with all its scores")
        let log = try workspace.accessLogEntries().map(\.detail)
        #expect(log.contains("assessment \(changed.id.rawValue) deleted"), "\(log.suffix(5))")
        #expect(log.contains("undo assessment \(changed.id.rawValue) created"), "\(log.suffix(5))")
    }

    @Test func aNewPlanAfterTheOldOneWasCompletedKeepsTheOldOne() throws {
        let (terminal, database) = try openAisha(height: 50)
        // While the plan runs, new-plan says to end it first.
        try terminal.keys("P")
        try terminal.waitForStable("still runs")

        // The plan marked completed in its form (chosen with Tab).
        _ = try #require(try choose("Delete the plan", in: terminal))
        try terminal.keys("Enter")
        try terminal.waitForStable("Plan for Aisha Khalil")
        for _ in 0..<5 { try terminal.keys("Tab") }
        try terminal.keys("Right")
        try terminal.waitForStable("completed")
        try terminal.keys("F2")
        let over = try terminal.waitForStable("Saved.")
        #expect(over.contains("This plan is over"), "\(over)")

        try terminal.type(":new-plan")
        try terminal.keys("Enter")
        try terminal.waitForStable("New plan for Aisha Khalil")
        try terminal.type("Arbejde på værkstedet i Århus")
        try terminal.keys("F2")
        let view = try terminal.waitForStable("1 plan before this one:")
        #expect(view.contains("Arbejde på værkstedet i Århus (active"), "\(view)")
        #expect(view.contains("Egen bolig og afklaring af uddannelse (completed"), "the old plan shows below: \(view)")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        let workspace = try Workspace(path: database, username: "check")
        let plans = try workspace.all(Plan.self).filter { $0.goal.hasPrefix("Egen bolig og afklaring") || $0.goal.hasPrefix("Arbejde på") }
        #expect(plans.count == 2)
        #expect(plans.first { $0.goal.hasPrefix("Egen bolig") }?.status == .completed)
        #expect(plans.first { $0.goal.hasPrefix("Arbejde") }?.status == .active)
    }
}
