import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// A destructive question is answered with Enter (do it) or Esc/`n` (keep); `j` (Danish "ja"
/// and down), `y`, `k` and every movement key do nothing, and the question says what goes with it.
@Suite struct ConfirmationTests {
    private static let slips: [Key] = [.character("j"), .character("J"), .character("y"), .character("Y"), .character("k"),
                                       .down, .up, .pageDown, .pageUp, .home, .end, .character("g"), .character("G"),
                                       .character(" "), .tab, .character("q"), .character("d")]

    @Test func dThenJOnAMeetingInDanishDeletesNothingAndSaysWhatGoesWithIt() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30, language: .danish)
        app.press(.character("3"))
        let item = try #require(app.state.panes.meetings.first { !$0.agreements.isEmpty })
        while app.state.panes.selectedMeetingRow.map({ row -> Bool in
            if case .meeting(let index) = row { return app.state.panes.meetings[index].meeting.id == item.meeting.id }
            return false
        }) != true {
            app.press(.down)
        }
        let meetings = try fixture.workspace.all(Meeting.self).count
        app.press(.character("d"))
        let date = Localizer(.danish).date(item.meeting.at.localDate)
        let expected = item.agreements.count == 1 ? "Slet samtalen den \(date) og dens aftale?"
            : "Slet samtalen den \(date) og dens \(item.agreements.count) aftaler?"
        #expect(app.state.confirmation?.question == expected)
        #expect(app.text.contains("Enter ja") && app.text.contains("Esc nej"), "\(app.text)")
        for key in Self.slips { app.press(key) }
        #expect(app.state.confirmation != nil, "no slip answers the question")
        #expect(try fixture.workspace.all(Meeting.self).count == meetings)
        app.press(.escape)
        #expect(app.state.confirmation == nil)
        #expect(try fixture.workspace.all(Meeting.self).count == meetings, "Esc keeps it")
        app.press(.character("d"), .character("n"))
        #expect(app.state.confirmation == nil)
        #expect(try fixture.workspace.all(Meeting.self).count == meetings, "n keeps it")
        app.press(.character("d"), .enter)
        #expect(try fixture.workspace.all(Meeting.self).count == meetings - 1, "Enter deletes")
        #expect(try fixture.workspace.all(Agreement.self, parent: item.meeting.id.sqlValue).isEmpty)
    }

    @Test func dThenJOnACitizenInDanishArchivesNothing() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30, language: .danish)
        let name = try #require(app.selectedCitizen)
        app.press(.character("d"), .character("j"), .character("j"))
        #expect(app.state.confirmation != nil)
        #expect(try fixture.workspace.search(name).first?.summary.citizen.archivedOn == nil)
        app.press(.escape)
        #expect(app.selectedCitizen == name, "the slips did not move the list either")
    }

    @Test func aMilestoneQuestionCountsItsProgressNotes() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        // The first citizen whose plan has a milestone with progress notes.
        var found: (Milestone, Int)?
        for _ in 0..<12 where found == nil {
            for milestone in app.state.panes.milestones {
                let notes = try fixture.workspace.all(ProgressNote.self, parent: milestone.id.sqlValue).count
                if notes > 0 { found = (milestone, notes); break }
            }
            if found == nil { app.press(.down) }
        }
        let (milestone, notes) = try #require(found)
        app.press(.character("2"))
        while app.state.panes.milestoneList.selection.map({ app.state.panes.milestones[$0].id }) != milestone.id { app.press(.down) }
        app.press(.character("d"))
        let note = notes == 1 ? "its progress note" : "its \(notes) progress notes"
        #expect(app.state.confirmation?.question == "Delete the milestone \u{201C}\(milestone.title)\u{201D} and \(note)?")
        app.press(.character("y"))
        #expect(try fixture.workspace.fetch(Milestone.self, id: milestone.id) != nil, "y is no answer")
        app.press(.enter)
        #expect(try fixture.workspace.fetch(Milestone.self, id: milestone.id) == nil)
    }
}
