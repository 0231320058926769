import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// `u` (and Ctrl-Z) undoes the window's last saved change, Ctrl-R redoes it, and the message
/// line says what was undone.
@Suite struct UndoKeyTests {
    /// Selects the meeting row of the first meeting with agreements in the meetings pane.
    private func selectMeetingWithAgreements(_ app: AppRuntime) throws -> MeetingWithAgreements {
        app.press(.character("3"))
        let item = try #require(app.state.panes.meetings.first { $0.agreements.count >= 2 })
        while app.state.panes.selectedMeetingRow.map({ row -> Bool in
            if case .meeting(let index) = row { return app.state.panes.meetings[index].meeting.id == item.meeting.id }
            return false
        }) != true {
            app.press(.down)
        }
        return item
    }

    @Test func aDeletedMeetingComesBackWithItsAgreementsAndCtrlRRemovesItAgain() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        let item = try selectMeetingWithAgreements(app)
        let meeting = item.meeting.id
        app.press(.character("d"), .enter)
        #expect(try fixture.workspace.fetch(Meeting.self, id: meeting) == nil)
        #expect(!app.state.panes.meetings.contains { $0.meeting.id == meeting })

        app.press(.character("u"))
        let date = Localizer(.english).date(item.meeting.at.localDate)
        let undone = "Undone: deleted the meeting of \(date) and its \(item.agreements.count) agreements."
        #expect(app.state.message?.text == undone)
        #expect(app.text.contains(undone), "\(app.text)")
        #expect(try fixture.workspace.all(Agreement.self, parent: meeting.sqlValue).map(\.id) == item.agreements.map(\.id))
        #expect(app.state.panes.meetings.first { $0.meeting.id == meeting }?.agreements.map(\.text) == item.agreements.map(\.text),
                "the pane shows the meeting and its agreements again")

        app.press(.ctrl("r"))
        #expect(app.state.message?.text == "Redone: deleted the meeting of \(date) and its \(item.agreements.count) agreements.")
        #expect(try fixture.workspace.fetch(Meeting.self, id: meeting) == nil)
        #expect(!app.state.panes.meetings.contains { $0.meeting.id == meeting })

        app.press(.ctrl("z"))
        #expect(app.state.message?.text == undone, "Ctrl-Z undoes as u does")
        #expect(try fixture.workspace.fetch(Meeting.self, id: meeting) != nil)
        app.press(.character("u"))
        #expect(app.state.message?.text == "Nothing to undo in this window.", "the demo data is not this window's change")
        #expect(try fixture.workspace.fetch(Meeting.self, id: meeting) != nil)

        // The named commands do the same.
        app.press(.character(":"))
        app.type("redo")
        app.press(.enter)
        #expect(try fixture.workspace.fetch(Meeting.self, id: meeting) == nil)
        app.press(.character(":"))
        app.type("undo")
        app.press(.enter)
        #expect(app.state.message?.text == undone)
        #expect(try fixture.workspace.fetch(Meeting.self, id: meeting) != nil)
    }

    @Test func aDoneMarkIsUndoneInTheMeetingViewInDanish() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30, language: .danish)
        app.press(.character("3"))
        guard let index = app.state.panes.meetingRows.firstIndex(where: { if case .agreement = $0 { return true } else { return false } }),
              case .agreement(let meeting, let position) = app.state.panes.meetingRows[index] else {
            Issue.record("the demo's first citizen has an open agreement")
            return
        }
        let agreement = app.state.panes.meetings[meeting].agreements[position]
        while app.state.panes.meetingList.selection != index { app.press(.down) }
        app.press(.character("x"))
        #expect(try fixture.workspace.get(Agreement.self, id: agreement.id).doneOn != nil)
        app.press(.enter)
        guard case .detail(.meeting) = app.state.screen else {
            Issue.record("Enter opens the meeting")
            return
        }
        app.press(.character("u"))
        #expect(app.state.message?.text == "Fortrudt: markerede aftalen \u{201E}\(agreement.text)\u{201C} som udført.")
        #expect(try fixture.workspace.get(Agreement.self, id: agreement.id).doneOn == nil)
        guard case .detail(.meeting(let shown, _)) = app.state.screen else {
            Issue.record("the meeting view stays on screen")
            return
        }
        #expect(shown.agreements.first { $0.id == agreement.id }?.doneOn == nil, "the view was read again")
        app.press(.character("?"))
        #expect(app.text.contains("Fortryd den seneste gemte ændring"), "\(app.text)")
        #expect(app.text.contains("Gør det fortrudte igen"))
    }

    @Test func anUndoOverAColleaguesChangeIsRefusedWithTheirName() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        _ = try selectMeetingWithAgreements(app)
        // Mark an agreement done here, then a colleague changes it in another window.
        app.press(.down)
        guard case .agreement(let meeting, let position)? = app.state.panes.selectedMeetingRow else {
            Issue.record("an agreement row follows the meeting")
            return
        }
        let agreement = app.state.panes.meetings[meeting].agreements[position]
        app.press(.character("x"))
        let colleague = try #require(try fixture.workspace.all(Professional.self).first {
            $0.username?.hasPrefix("demo-") == true
        })
        let other = try Workspace(path: fixture.workspace.database.path, username: try #require(colleague.username),
                                  clock: { DemoFixture.now })
        var changed = try other.get(Agreement.self, id: agreement.id)
        changed.text = "Ændret af en kollega"
        try other.update(changed)
        app.press(.character("u"))
        #expect(app.state.message?.kind == .error)
        #expect(app.state.message?.text == "Not undone: \(colleague.name) has changed the agreement \u{201C}\(agreement.text)\u{201D} since.")
        #expect(try fixture.workspace.get(Agreement.self, id: agreement.id).text == "Ændret af en kollega", "never forced")
    }
}
