import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// The meeting form in the order of the conversation: `a` always adds a meeting, the form opens
/// in the notes, agreements are lines added with Enter, the next meeting is proposed at the
/// citizen's interval and usual time, off weekends, and attendance starts as "attended" with the
/// responsible professional present.
@Suite struct MeetingFormTests {
    private func index(of id: String, in app: AppRuntime) throws -> Int {
        try #require(app.state.form?.fields.firstIndex { $0.id == id }, "the form has \(id)")
    }

    /// Moves the focus to a field with Tab / Shift-Tab, as a user would.
    private func focus(_ id: String, in app: AppRuntime) throws {
        let wanted = try index(of: id, in: app)
        var presses = 0
        while let focus = app.state.form?.focus, focus != wanted, presses < 50 {
            app.press(focus < wanted ? .tab : .backTab)
            presses += 1
        }
        #expect(app.state.form?.focus == wanted)
    }

    /// A local time on a day, as the form reads what is typed.
    private func local(_ day: String, _ hour: Int, _ minute: Int) -> Timestamp? {
        LocalDate(iso: day).flatMap { Timestamp.local($0, hour: hour, minute: minute) }
    }

    private func focusedID(_ app: AppRuntime) -> String? {
        app.state.form.flatMap { form in form.fields.indices.contains(form.focus) ? form.fields[form.focus].id : nil }
    }

    private func professional(_ name: String, _ fixture: DemoFixture) throws -> ProfessionalID {
        try #require(try fixture.workspace.all(Professional.self).first { $0.name == name }?.id)
    }

    @Test func aAlwaysAddsAMeetingAndPlusAddsAnAgreementToTheSelectedMeeting() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("3"))
        #expect(app.text.contains("+ agreement"), "the key bar of the meeting pane shows +")
        let rows = app.state.panes.meetingRows
        let agreementRow = try #require(rows.firstIndex { if case .agreement = $0 { return true } else { return false } },
                                        "Aisha has an open agreement")
        guard case .agreement(let meetingIndex, _) = rows[agreementRow] else { return }
        let meetingID = app.state.panes.meetings[meetingIndex].meeting.id
        while app.state.panes.meetingList.selection != agreementRow { app.press(.down) }

        app.press(.character("a"))
        guard case .meeting(_, nil)? = app.state.form?.purpose else {
            Issue.record("a on an agreement row opens a new meeting, not \(String(describing: app.state.form?.purpose))")
            return
        }
        app.press(.escape)
        #expect(app.state.form == nil)

        app.press(.character("+"))
        guard case .agreement(let meeting, _, nil)? = app.state.form?.purpose else {
            Issue.record("+ on an agreement row adds an agreement")
            return
        }
        #expect(meeting == meetingID, "to the meeting of the selected agreement")
        app.press(.escape)

        app.press(.home)
        app.press(.character("+"))
        guard case .agreement(let first, _, nil)? = app.state.form?.purpose else {
            Issue.record("+ on a meeting row adds an agreement")
            return
        }
        #expect(first == app.state.panes.meetings[0].meeting.id)
        app.press(.escape)

        app.press(.character("?"))
        #expect(app.text.contains("Add an agreement to the selected meeting"), "the help lists +")
        app.press(.escape)

        // + belongs to the meeting pane: elsewhere it does nothing and is not offered.
        app.press(.character("1"), .character("+"))
        #expect(app.state.form == nil)
        #expect(!app.text.contains("+ agreement"))
        #expect(AppKeys.main(focus: .citizens, say: Localizer(.english), searchActive: false).binding(for: .addAgreement) == nil)
        #expect(AppKeys.main(focus: .meetings, say: Localizer(.english), searchActive: false).binding(for: .addAgreement)?.command
                == "new-agreement")
    }

    @Test func plusOnAnEmptyMeetingPaneAsksForAMeeting() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        let newcomer = try workspace.create(Citizen(name: "Aage Ærø", registeredOn: DemoFixture.now.localDate))
        let app = fixture.runtime(width: 100, height: 34)
        while app.selectedCitizen != newcomer.name, app.state.citizens.list.selection != app.state.citizens.rows.count - 1 {
            app.press(.down)
        }
        #expect(app.selectedCitizen == newcomer.name)
        app.press(.character("3"), .character("+"))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Select a meeting first (a adds one).")
        app.press(.character("a"))
        guard case .meeting(let citizen, nil)? = app.state.form?.purpose else {
            Issue.record("a adds the first meeting")
            return
        }
        #expect(citizen == newcomer.id)
    }

    @Test func theFormOpensInTheNotesAndEnterOnTheLastAgreementAddsTheNext() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("3"), .character("a"))
        #expect(focusedID(app) == "notes")
        #expect(app.state.form?.value("attendance") == "attended")
        app.type("Vi talte om boligen")
        app.press(.enter)
        app.type("og om økonomien")
        #expect(app.state.form?.value("notes") == "Vi talte om boligen\nog om økonomien", "Enter in the notes is a new line")
        app.press(.tab)
        #expect(focusedID(app) == "agreement1")
        #expect(MeetingForm.agreementCount(try #require(app.state.form)) == 1, "one line to begin with")
        app.type("Aisha ringer til kommunen")
        app.press(.enter)
        #expect(focusedID(app) == "agreement2", "Enter on the last agreement adds the next")
        app.type("Sanne skriver til udlejer")
        app.press(.tab)
        #expect(focusedID(app) == "due2")
        app.type("+5")
        app.press(.tab)
        #expect(focusedID(app) == "who2")
        app.press(.right)
        app.press(.enter)
        #expect(focusedID(app) == "agreement3", "Enter on who of the last agreement adds the next too")
        // Enter on an empty last line goes on to the next meeting, adding nothing.
        app.press(.enter)
        #expect(focusedID(app) == "next_meeting")
        #expect(MeetingForm.agreementCount(try #require(app.state.form)) == 3)
        // Enter on an earlier agreement goes to the next line's text.
        try focus("due1", in: app)
        app.type("+2")
        app.press(.enter)
        #expect(focusedID(app) == "agreement2")
        #expect(app.text.contains("Agreement 3"), "the new lines are drawn")

        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Saved.")
        let newest = try #require(app.state.panes.meetings.first)
        #expect(newest.meeting.notes == "Vi talte om boligen\nog om økonomien")
        #expect(newest.agreements.map(\.text) == ["Aisha ringer til kommunen", "Sanne skriver til udlejer"], "the empty line is left out")
        #expect(newest.agreements.map(\.due) == [LocalDate(iso: "2026-11-25"), LocalDate(iso: "2026-11-28")])
        #expect(newest.agreements.first?.responsible == .citizen)
        #expect(newest.agreements.last?.responsible == .professional(try professional("Sanne Østergaard", fixture)))
    }

    @Test func aDeadlineWithoutTextIsShownBesideTheAgreementAndNothingIsSaved() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        let before = try fixture.workspace.all(Meeting.self).count
        app.press(.character("3"), .character("a"), .tab, .tab)
        #expect(focusedID(app) == "due1")
        app.type("+3")
        app.press(.function(2))
        #expect(app.state.form?.fields.first { $0.id == "agreement1" }?.error == "must be filled in")
        #expect(focusedID(app) == "agreement1")
        #expect(try fixture.workspace.all(Meeting.self).count == before)
        app.type("Aisha henter papirerne")
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.panes.meetings.first?.agreements.first?.due == LocalDate(iso: "2026-11-26"))
    }

    @Test func theNextMeetingFollowsTheMeetingsDateUntilAnotherIsTyped() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("3"), .character("a"))
        #expect(app.state.form?.value("next_meeting") == "2026-12-07 10:00")
        try focus("at", in: app)
        // A meeting recorded afterwards: the Friday before, so the next one is a Friday too.
        app.press(.ctrl("u"))
        app.type("2026-11-20 14:00")
        #expect(app.state.form?.value("next_meeting") == "2026-12-04 10:00")
        // A meeting on a Saturday: fourteen days later is a Saturday, moved to the Monday.
        app.press(.ctrl("u"))
        app.type("2026-11-21 11:00")
        #expect(app.state.form?.value("next_meeting") == "2026-12-07 10:00")
        // A next meeting typed by the user stays when the meeting's date changes.
        try focus("next_meeting", in: app)
        app.press(.ctrl("u"))
        app.type("2026-12-10 13:00")
        try focus("at", in: app)
        app.press(.ctrl("u"))
        app.type("2026-11-23 09:00")
        #expect(app.state.form?.value("next_meeting") == "2026-12-10 13:00")
        app.press(.function(2))
        #expect(app.state.form == nil)
        let saved = try #require(app.state.panes.meetings.first?.meeting)
        #expect(saved.nextMeeting == local("2026-12-10", 13, 0))
    }

    @Test func theProposalUsesTheCitizensUsualTimeAndInterval() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        let app = fixture.runtime(width: 100, height: 34)
        let aisha = try #require(app.state.panes.citizenID)
        var citizen = try workspace.get(Citizen.self, id: aisha)
        citizen.meetingIntervalDays = 12
        try workspace.update(citizen)
        // Three of her five latest meetings were at 13:30.
        for day in ["2026-11-16", "2026-11-18", "2026-11-20"] {
            let at = try #require(local(day, 13, 30))
            try workspace.create(Meeting(citizenID: aisha, at: at, notes: "Kort snak"))
        }
        app.press(.character("3"), .character("a"))
        // 2026-11-23 + 12 days is a Saturday: the Monday after, at 13:30.
        #expect(app.state.form?.value("next_meeting") == "2026-12-07 13:30")
        #expect(app.text.contains("every 12 days"), "the interval is shown beside the proposal")
    }

    @Test func theBookedTimeOfTodaysMeetingIsTheMeetingsTime() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        let app = fixture.runtime(width: 100, height: 34)
        let aisha = try #require(app.state.panes.citizenID)
        // Yesterday's meeting booked this one for today at 08:30 (the clock says 09:00).
        let offset = DemoFixture.now.offsetMinutes
        let booked = try #require(Timestamp(date: DemoFixture.now.localDate, hour: 8, minute: 30, offsetMinutes: offset))
        let earlier = try #require(Timestamp(date: DemoFixture.now.localDate.adding(days: -1), hour: 8, minute: 30,
                                             offsetMinutes: offset))
        try workspace.create(Meeting(citizenID: aisha, at: earlier, notes: "Aftalt næste gang", nextMeeting: booked))
        app.press(.character("3"), .character("a"))
        #expect(app.state.form?.value("at") == "2026-11-23 08:30")
    }

    @Test func aNewMeetingStartsAttendedWithTheResponsibleProfessionalAndTheUserPresent() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        let app = fixture.runtime(width: 100, height: 34)
        let me = try #require(workspace.actor.professionalID)
        // A citizen with no team at all: the user is there.
        let newcomer = try workspace.create(Citizen(name: "Zoë Ærø", registeredOn: DemoFixture.now.localDate))
        let citizens = app.state.citizens.rows.map(\.citizen.id) + [newcomer.id]
        for citizen in citizens {
            let form = try app.buildForm(.meeting(citizen: citizen, nil))
            #expect(form.value("attendance") == "attended")
            let present = form.fields.filter { $0.id.hasPrefix("present:p") && $0.value == "1" }.map(\.id)
            #expect(!present.isEmpty, "somebody is present at a meeting the citizen attended (\(citizen))")
            #expect(present.contains("present:p\(me)"), "the user is there")
            let responsible = try workspace.all(TeamMember.self, parent: citizen.sqlValue)
                .filter { $0.responsible && $0.isActive(on: workspace.today) }
            for member in responsible {
                #expect(present.contains("present:p\(member.professionalID)"), "the responsible professional is there")
            }
            #expect(form.fields[form.focus].id == "notes")
        }
    }

    @Test func aDraftWithThreeAgreementsComesBackWithAllThree() throws {
        let fixture = try DemoFixture()
        do {
            let app = fixture.runtime(width: 100, height: 34)
            app.press(.character("3"), .character("a"))
            app.type("Notat")
            app.press(.tab)
            app.type("Første aftale")
            app.press(.enter)
            app.type("Anden aftale")
            app.press(.enter)
            app.type("Tredje aftale")
            app.press(.tab)
            app.type("+9")
            app.send(.tick)
            #expect(try fixture.workspace.drafts().count == 1)
        }
        let again = fixture.runtime(width: 100, height: 34)
        #expect(again.state.screen == .drafts)
        again.press(.enter)
        let form = try #require(again.state.form)
        #expect(MeetingForm.agreementCount(form) == 3)
        #expect(form.value("agreement3") == "Tredje aftale")
        #expect(form.value("due3") == "+9")
        #expect(form.fields[form.focus].id == "notes")
        again.press(.function(2))
        #expect(again.state.panes.meetings.first?.agreements.map(\.text) == ["Første aftale", "Anden aftale", "Tredje aftale"])
    }

    /// The form as it looks in Danish on the smallest screen: every field drawn, the cursor in the
    /// notes, the proposal and who was there filled in; saved with F2.
    @Test func theMeetingFormInDanishAt80x24() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        app.press(.character("3"), .character("a"))
        let form = try #require(app.state.form)
        let screen = app.screen()
        let lines = screen.lines()
        #expect(lines.count == 24 && lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(app.text.contains("Nyt møde med Aisha Khalil"))
        for label in ["Tid", "Form", "Sted", "Fremmøde", "Til stede: Sanne", "Til stede: Inger Holm", "Notater",
                      "Aftale 1", "frist", "hvem", "Næste møde"] {
            #expect(app.text.contains(label), "\(label) is drawn")
        }
        let cursor = try #require(screen.cursor)
        #expect(lines[cursor.row].contains("Notater"), "the cursor is in the notes")
        let attendance = try #require(lines.first { $0.contains("Fremmøde") })
        #expect(attendance.contains("mødt"))
        for name in ["Sanne", "Inger Holm"] {
            #expect(lines.first { $0.contains("Til stede: \(name)") }?.contains("[x]") == true, "\(name) is present")
        }
        let next = try #require(lines.first { $0.contains("Næste møde") })
        #expect(next.contains(form.value("next_meeting")) && next.contains("10:00"))
        #expect(next.contains("hver 14. dag"))
        #expect(lines[23].contains("F2 gem"))

        app.type("Aisha har fået en lejlighed.")
        app.press(.enter)
        app.type("Flytter til januar – depositum mangler.")
        app.press(.tab)
        app.type("Aisha søger om depositum")
        app.press(.tab)
        app.type("+7")
        #expect(app.text.contains("Aisha søger om depositum"))
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Gemt.")
        let newest = try #require(app.state.panes.meetings.first)
        #expect(newest.meeting.notes == "Aisha har fået en lejlighed.\nFlytter til januar – depositum mangler.")
        #expect(newest.meeting.attendance == .attended)
        #expect(newest.agreements.map(\.text) == ["Aisha søger om depositum"])
        #expect(newest.agreements.first?.due == LocalDate(iso: "2026-11-30"))
        #expect(newest.meeting.nextMeeting == local("2026-12-07", 10, 0))
        #expect(newest.meeting.attendees == [try professional("Sanne Østergaard", fixture), try professional("Inger Holm", fixture)])
    }
}
