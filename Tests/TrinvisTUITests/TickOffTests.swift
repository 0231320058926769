import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// `x` ticks off a milestone (achieved today, or not) and an agreement, in the panes, the
/// milestone view and the agenda; the milestone view shows where its deadline was moved from.
@Suite struct TickOffTests {
    @Test func xInTheMilestonePaneMarksAchievedAndBack() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("2"))
        let index = try #require(app.state.panes.milestones.firstIndex { $0.status != .achieved })
        for _ in 0..<index { app.press(.down) }
        let milestone = app.state.panes.milestones[index]
        app.press(.character("x"))
        #expect(app.state.message?.text == "Achieved: \(milestone.title)")
        #expect(try fixture.workspace.get(Milestone.self, id: milestone.id).status == .achieved)
        #expect(app.state.panes.milestones.first { $0.id == milestone.id }?.status == .achieved, "the pane shows it at once")
        app.press(.character("x"))
        #expect(app.state.message?.text == "Not achieved after all: \(milestone.title)")
        #expect(try fixture.workspace.get(Milestone.self, id: milestone.id).achievedOn == nil)
    }

    @Test func xWithNothingToTickSaysWhatToSelect() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("x"))
        #expect(app.state.message?.text == "x ticks off a milestone or an agreement: select one first.")
    }

    @Test func xInTheAgendaTicksOffAndTheLineGoes() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("t"))
        let index = try #require(app.state.agenda.firstIndex { if case .agreement = $0.kind { return $0.isOverdue } else { return false } })
        guard case .agreement(let agreement) = app.state.agenda[index].kind else { return }
        for _ in 0..<index { app.press(.down) }
        app.press(.character("x"))
        #expect(app.state.screen == .agenda)
        #expect(app.state.message?.text.contains(agreement.text) == true, "\(app.state.message?.text ?? "")")
        #expect(try fixture.workspace.get(Agreement.self, id: agreement.id).doneOn == fixture.workspace.today)
        #expect(!app.state.agenda.contains { $0.kind == .agreement(agreement) }, "a done agreement leaves the agenda")
        // A coming meeting cannot be ticked off: a word instead.
        let meeting = try #require(app.state.agenda.firstIndex { if case .meeting = $0.kind { return true } else { return false } })
        while app.state.agendaList.selection != meeting { app.press(app.state.agendaList.selection ?? 0 < meeting ? .down : .up) }
        app.press(.character("x"))
        #expect(app.state.message?.text == "Only milestones and agreements are ticked off; Enter opens the citizen.")
    }

    @Test func theMilestoneViewTicksOffAndShowsTheDeadlineHistoryInDanish() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34, language: .danish)
        app.press(.character("2"))
        var milestone = try #require(app.state.panes.milestones.first)
        let old = milestone.deadline
        milestone.deadline = old.adding(days: 14)
        try fixture.workspace.update(milestone)
        app.press(.enter)
        let say = Localizer(.danish)
        #expect(app.text.contains("Fristens historik"), "\(app.text)")
        #expect(app.text.contains("flyttet fra \(say.date(old)) til \(say.date(old.adding(days: 14)))"), "\(app.text)")
        let before = try fixture.workspace.get(Milestone.self, id: milestone.id).status
        app.press(.character("x"))
        let after = try fixture.workspace.get(Milestone.self, id: milestone.id).status
        #expect(after != before && (after == .achieved || before == .achieved))
        guard case .detail(.milestone(let shown, _, _, _)) = app.state.screen else {
            Issue.record("the view stays open")
            return
        }
        #expect(shown.status == after, "the view shows the new status")
    }

    @Test func xInAMeetingsViewPicksTheAgreementToTickOff() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        // The first meeting with two or more agreements.
        var found: MeetingWithAgreements?
        for _ in 0..<9 where found == nil {
            found = app.state.panes.meetings.first { $0.agreements.count >= 2 }
            if found == nil { app.press(.down) }
        }
        let item = try #require(found)
        app.press(.character("3"))
        while app.state.panes.selectedMeetingRow.map({ row -> Bool in
            if case .meeting(let index) = row { return app.state.panes.meetings[index].meeting.id == item.meeting.id }
            return false
        }) != true { app.press(.down) }
        app.press(.enter)
        guard case .detail(.meeting) = app.state.screen else {
            Issue.record("Enter opens the meeting")
            return
        }
        #expect(AppKeys.current(app.state).action(for: .character("x")) == .done, "the help lists x here")
        app.press(.character("x"))
        let menu = try #require(app.state.pickMenu)
        #expect(menu.items.count == item.agreements.count)
        #expect(app.text.contains("Tick off which agreement?"))
        let second = item.agreements[1]
        app.press(.down, .enter)
        #expect(app.state.pickMenu == nil)
        let stored = try fixture.workspace.get(Agreement.self, id: second.id)
        #expect((stored.doneOn == nil) != (second.doneOn == nil), "the chosen agreement changed")
        #expect(try fixture.workspace.get(Agreement.self, id: item.agreements[0].id).doneOn == item.agreements[0].doneOn,
                "the other did not")
        guard case .detail(.meeting(let shown, _)) = app.state.screen else {
            Issue.record("the view stays open")
            return
        }
        #expect(shown.agreements.first { $0.id == second.id }?.doneOn == stored.doneOn, "the view shows it")
        app.press(.character("x"), .escape)
        #expect(app.state.pickMenu == nil, "Esc closes the choice")
    }
}
