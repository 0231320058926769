import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Forms show every problem at once beside its field, read dates the way of the language and
/// the way the field looks (ahead or back), and ask once before saving what looks wrong.
/// The demo's today is Monday 23 November 2026.
@Suite struct ValidationFormTests {
    /// Moves the focus to a field by Tab.
    func focus(_ id: String, in app: AppRuntime, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<60 where app.state.form?.fields[app.state.form?.focus ?? 0].id != id { app.press(.tab) }
        #expect(app.state.form?.fields[app.state.form?.focus ?? 0].id == id, "no field \(id)", sourceLocation: sourceLocation)
    }

    /// Replaces the focused field's text.
    func retype(_ text: String, in app: AppRuntime) {
        app.press(.ctrl("u"))
        app.type(text)
    }

    func error(_ id: String, in app: AppRuntime) -> String? {
        app.state.form?.fields.first { $0.id == id }?.error
    }

    @Test(arguments: [(100, 34), (80, 24)])
    func aNewCitizenWithFiveProblemsShowsThemAllAfterOneSave(width: Int, height: Int) throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: width, height: height)
        let before = try fixture.workspace.database.scalar("SELECT count(*) FROM citizen")
        app.press(.character("a"))
        #expect(app.state.form?.title == "New citizen")
        focus("cpr", in: app)
        app.type("3102921234")
        focus("birth_date", in: app)
        app.type("31.02.1990")
        focus("email", in: app)
        app.type("line at example")
        focus("meeting_interval_days", in: app)
        retype("0", in: app)
        app.press(.function(2))
        let form = try #require(app.state.form, "nothing is saved")
        #expect(error("name", in: app) == "must be filled in")
        #expect(error("cpr", in: app)?.contains("date") == true)
        #expect(error("birth_date", in: app)?.hasPrefix("not a date") == true)
        #expect(error("email", in: app) == "not an e-mail address")
        #expect(error("meeting_interval_days", in: app) == "must be between 1 and 365")
        #expect(form.fields.filter { $0.error != nil }.count == 5)
        #expect(form.focus == 0, "the first field with a problem has the focus")
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM citizen") == before)
        // Every problem is drawn beside its field, on one screen.
        let screen = app.text
        for shown in ["! must be filled in", "! the first six digits", "! not a date", "! not an e-mail address", "! must be between 1 and 365"] {
            #expect(screen.contains(shown), "\(shown) at \(width)x\(height)\n\(screen)")
        }
        // Mended, the next save saves.
        app.type("Zoë Ærø")
        focus("cpr", in: app)
        retype("010192-1234", in: app)
        focus("birth_date", in: app)
        retype("01.01.1992", in: app)
        focus("email", in: app)
        retype("zoe@example.org", in: app)
        focus("meeting_interval_days", in: app)
        retype("14", in: app)
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.selectedCitizen == "Zoë Ærø")
    }

    @Test func aShortDateIsTheNextSuchDayForADeadlineAndTheLastForABirthDate() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("2"), .character("a"))
        app.type("Ringe til studievejlederen")
        focus("deadline", in: app)
        retype("15.01", in: app)
        #expect(app.text.contains("= Friday 2027-01-15"), "the field says what the date means")
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.panes.milestones.contains { $0.title == "Ringe til studievejlederen" && $0.deadline == LocalDate(iso: "2027-01-15") })

        app.press(.character("1"), .character("e"))
        #expect(app.state.form?.title == "Edit Aisha Khalil")
        focus("birth_date", in: app)
        #expect(app.state.form?.value("birth_date") == "1996-06-21")
        retype("15.01", in: app)
        #expect(app.text.contains("= Thursday 2026-01-15"))
        app.press(.function(2))
        #expect(app.state.form == nil)
        let aisha = try #require(app.state.panes.citizenID)
        #expect(try fixture.workspace.get(Citizen.self, id: aisha).birthDate == LocalDate(iso: "2026-01-15"))
    }

    @Test func theDanishFormShowsAndReadsDatesTheDanishWay() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34, language: .danish)
        app.press(.character("2"), .character("a"))
        #expect(app.state.form?.value("deadline") == "07.12.2026", "today and 14 days, dd.mm.yyyy")
        #expect(app.text.contains("07.12.2026"))
        #expect(!app.text.contains("2026-12-07"))
        app.type("Første skridt")
        focus("deadline", in: app)
        retype("i morgen", in: app)
        #expect(app.text.contains("= tirsdag 24.11.2026"))
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.panes.milestones.contains { $0.title == "Første skridt" && $0.deadline == LocalDate(iso: "2026-11-24") })

        for (typed, meant) in [("15/1", "2027-01-15"), ("+14", "2026-12-07"), ("2027-02-01", "2027-02-01"), ("15.01.2027", "2027-01-15")] {
            app.press(.character("2"), .character("a"))
            app.type("Skridt \(typed)")
            focus("deadline", in: app)
            retype(typed, in: app)
            app.press(.function(2))
            #expect(app.state.form == nil, "\(typed)")
            #expect(app.state.panes.milestones.contains { $0.title == "Skridt \(typed)" && $0.deadline == LocalDate(iso: meant) }, "\(typed)")
        }
        // The milestone form opened again shows the stored deadline the Danish way.
        app.press(.character("2"), .character("a"))
        focus("deadline", in: app)
        retype("31.02", in: app)
        app.press(.function(2))
        #expect(error("deadline", in: app)?.hasPrefix("ikke en dato (15.01.2027, 15.01, 15/1, +14, i dag, i morgen)") == true)
    }

    @Test func aDeadlineAfterThePlansEndIsAskedAboutOnce() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        let before = app.state.panes.milestones.count
        #expect(app.state.panes.plan?.end == LocalDate(iso: "2027-04-24"))
        app.press(.character("2"), .character("a"))
        app.type("Flytte ind")
        focus("deadline", in: app)
        retype("01.05.2027", in: app)
        app.press(.function(2))
        #expect(error("deadline", in: app) == "lies after the plan's end (2027-04-24); F2 again saves it anyway")
        #expect(app.text.contains("! lies after the plan's end"))
        #expect(app.state.panes.milestones.count == before)
        // Another late day is asked about again; the same day a second time is saved.
        retype("02.05.2027", in: app)
        app.press(.function(2))
        #expect(error("deadline", in: app)?.hasPrefix("lies after the plan's end") == true)
        app.press(.ctrl("s"))
        #expect(app.state.form == nil)
        #expect(app.state.panes.milestones.count == before + 1)
        #expect(app.state.panes.milestones.contains { $0.title == "Flytte ind" && $0.deadline == LocalDate(iso: "2027-05-02") })
        // Editing the title of a milestone already past the end asks nothing.
        let index = try #require(app.state.panes.milestones.firstIndex { $0.title == "Flytte ind" })
        app.press(.home)
        for _ in 0..<index { app.press(.down) }
        app.press(.character("e"))
        app.type(" i egen bolig")
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.panes.milestones.contains { $0.title == "Flytte ind i egen bolig" })
    }

    @Test func aMeetingTheCitizenAttendedNeedsSomeonePresent() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 40)
        let before = app.state.panes.meetings.count
        app.press(.character("3"), .character("a"))
        // The responsible professional and the user start ticked as present: untick them all.
        let present = app.state.form?.fields.filter { $0.id.hasPrefix("present:") && $0.value == "1" }.map(\.id) ?? []
        #expect(!present.isEmpty, "somebody is ticked as present")
        for id in present {
            focus(id, in: app)
            app.press(.character(" "))
        }
        #expect(app.state.form?.fields.allSatisfy { !$0.id.hasPrefix("present:") || $0.value == "0" } == true)
        app.press(.function(2))
        #expect(error("attendance", in: app) == "attended, but nobody is ticked as present below; tick who was there")
        #expect(app.state.panes.meetings.count == before)
        // The citizen did not come: nobody needs to be ticked.
        focus("attendance", in: app)
        app.press(.right)
        #expect(app.state.form?.value("attendance") == "excused")
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.panes.meetings.count == before + 1)
    }

    @Test func theTeamFormSaysChangeWhenItChangesAndRefusesASecondResponsible() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 40)
        app.press(.down, .down, .down, .down, .down, .down, .down, .enter)  // Svend Madsen's view
        let svend = try #require(app.state.panes.citizenID)
        let membersBefore = try fixture.workspace.all(TeamMember.self, parent: svend.sqlValue)
        app.press(.character("a"))
        let menu = try #require(app.state.addMenu)
        let change = try #require(menu.items.firstIndex { $0.label == "Change the team: Birgitte Friis" })
        for _ in 0..<change { app.press(.down) }
        app.press(.enter)
        #expect(app.state.form?.title == "Change the team around Svend Madsen")
        focus("responsible", in: app)
        app.press(.character(" "))
        app.press(.function(2))
        #expect(error("responsible", in: app)?.hasPrefix("Inger Holm is already responsible (from ") == true)
        #expect(app.text.contains("! Inger Holm is already responsible"))
        #expect(try fixture.workspace.all(TeamMember.self, parent: svend.sqlValue) == membersBefore)
        // Once Inger's membership has ended, Birgitte can be responsible from the next day.
        app.press(.escape, .enter)
        var inger = try #require(membersBefore.first { $0.responsible })
        inger.to = fixture.workspace.today
        try fixture.workspace.update(inger)
        app.press(.character("a"))
        for _ in 0..<change { app.press(.down) }
        app.press(.enter)
        focus("responsible", in: app)
        app.press(.character(" "))
        focus("from", in: app)
        retype("i dag", in: app)
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Saved.", "saved from the citizen view, and it says so")
        guard case .detail(.citizen) = app.state.screen else {
            Issue.record("the citizen view stays")
            return
        }
        #expect(app.text.contains("Saved."))
        app.press(.down)
        #expect(app.state.message == nil, "the next key clears the message")
        #expect(!app.text.contains("Saved."))
        let birgitte = try #require(try fixture.workspace.all(TeamMember.self, parent: svend.sqlValue).first { $0.responsible && $0.to == nil })
        #expect(birgitte.from == fixture.workspace.today)

        // The add form is titled for adding.
        app.press(.character("a"))
        let add = try #require(app.state.addMenu?.items.firstIndex { $0.label == "Team member" })
        for _ in 0..<add { app.press(.down) }
        app.press(.enter)
        #expect(app.state.form?.title == "Add to the team around Svend Madsen")
    }

    @Test func theReportPeriodIsTypedAndShownTheWayOfTheLanguage() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 60, language: .danish)
        app.press(.character("r"), .character("f"))
        app.type("1.11")
        app.press(.enter)
        #expect(app.state.results.from == LocalDate(iso: "2026-11-01"))
        #expect(app.text.contains("fra 01.11.2026"))
        app.press(.character("f"))
        #expect(app.state.prompt?.field.text == "01.11.2026", "the prompt offers the period as it is shown")
        app.press(.ctrl("u"))
        app.type("1.12")
        app.press(.enter)
        #expect(app.state.results.from == LocalDate(iso: "2025-12-01"), "a period looks back")
    }
}
