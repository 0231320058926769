import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

@Suite struct CompanyScreenTests {
    /// The demo with one more company whose name and notes are hostile.
    private func fixture() throws -> DemoFixture {
        let fixture = try DemoFixture()
        try fixture.workspace.create(Organisation(name: "\u{1B}[31mØrsteds Æblemost\u{202E}", kind: .company, trade: "Mosteri på Ærø",
                                                  contactPerson: "Åse Bæk", phone: "+45 11 22 33 44",
                                                  notes: "\u{1B}]0;pwned\u{07}Ringer ikke om fredagen"))
        return fixture
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theRegisterListsEveryCompanyWithItsPlacements(width: Int, height: Int) throws {
        let fixture = try fixture()
        let app = fixture.runtime(width: width, height: height)
        app.press(.character("c"))
        #expect(app.state.screen == .companies)
        let text = app.text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == height)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= width })
        #expect(text.contains("Companies"))
        #expect(text.contains("Kværndrup Kro"))
        #expect(text.contains("Mosteri på Ærø"), "the trade")
        #expect(text.contains("Mads Kjær"), "the contact person")
        #expect(text.contains("1 running, 2 in all"), "Bent's internship ended, his wage-subsidy job runs")
        #expect(text.contains("no placements"))
        #expect(text.contains("a new company"), "the key bar offers a new company")
        if width >= 120 { #expect(text.contains("+45 62 00 30 01"), "a wide screen shows the phone") }
        // The columns line up: every row's contact person starts in the same column, whatever the
        // length of its count of placements.
        let contactColumns = app.state.companies.rows.compactMap { row -> Int? in
            guard !row.company.contactPerson.isEmpty,
                  let line = lines.first(where: { $0.contains(row.company.name.prefix(8)) }),
                  let range = line.range(of: row.company.contactPerson.prefix(6), options: .backwards) else { return nil }
            return DisplayWidth.of(String(line[..<range.lowerBound]))
        }
        #expect(contactColumns.count >= 3 && Set(contactColumns).count == 1, "\(contactColumns)")
        expectInert(app.screen())
        // Esc goes back where the register was opened from.
        app.press(.escape)
        #expect(app.state.screen == .main)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aCompanysViewShowsItsDetailsAndPlacementsRunningFirst(width: Int, height: Int) throws {
        let fixture = try fixture()
        let app = fixture.runtime(width: width, height: height)
        app.press(.character("c"))
        let index = try #require(app.state.companies.rows.firstIndex { $0.company.name == "Kværndrup Kro" })
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        #expect(app.state.screen == .company)
        let text = app.text
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { DisplayWidth.of(String($0)) <= width })
        #expect(text.contains("Company: Kværndrup Kro"))
        #expect(text.contains("Kro og restaurant"))
        #expect(text.contains("2 placements: 0 hired, 1 completed, 1 ongoing, 0 stopped"))
        let placements = try #require(app.state.companies.company?.placements)
        #expect(placements.map(\.placement.kind) == [.wageSubsidy, .internship], "running first")
        #expect(text.contains("wage subsidy"))
        #expect(text.contains("Bent Ørsted"))
        #expect(text.contains("close"), "the key bar offers closing")
        if width >= 90 { #expect(text.contains("Running") && text.contains("Ended")) }
        // The hostile company's view draws inert.
        app.press(.escape)
        #expect(app.state.screen == .companies)
        let hostile = try #require(app.state.companies.rows.firstIndex { $0.company.trade == "Mosteri på Ærø" })
        app.press(.home)
        for _ in 0..<hostile { app.press(.down) }
        app.press(.enter)
        #expect(app.text.contains("Ringer ikke om fredagen"))
        #expect(app.text.contains("No placements with this company yet."))
        expectInert(app.screen())
    }

    @Test func theNamedCommandsRunFromTheCommandLine() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character(":"))
        app.type("companies")
        app.press(.enter)
        #expect(app.state.screen == .companies)
        app.press(.character(":"))
        app.type("new-company")
        app.press(.enter)
        #expect(app.state.form?.purpose == .company(nil))
        app.press(.escape, .escape)
        #expect(app.state.screen == .main)
        app.press(.character(":"))
        app.type("new-placement")
        app.press(.enter)
        guard case .placement(let citizen, nil, nil)? = app.state.form?.purpose else {
            Issue.record("new-placement opens a placement for the selected citizen")
            return
        }
        #expect(citizen == app.state.panes.citizenID)
    }

    @Test func danishLabelsFollowTheLanguage() throws {
        let fixture = try fixture()
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        app.press(.character("c"))
        #expect(app.text.contains("Virksomheder"))
        #expect(app.text.contains("1 i gang, 2 i alt"))
        #expect(app.text.contains("ny virksomhed"))
    }

    @Test func aNewCompanyIsAddedAndEditedFromTheRegisterAndUndone() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("c"), .character("a"))
        #expect(app.state.form?.title == "New company")
        app.type("Café Ødegård")
        app.press(.tab)
        app.type("Café")
        app.press(.tab)
        app.type("Åse Ødegård")
        app.press(.tab, .tab)
        app.type("ikke-en-adresse")
        app.press(.function(2))
        #expect(app.state.form?.fields.first { $0.id == "email" }?.error != nil, "a bad e-mail address is refused beside its field")
        for _ in 0..<15 { app.press(.backspace) }
        app.type("aase@cafe.example")
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.screen == .companies)
        let row = try #require(app.state.companies.rows.first { $0.company.name == "Café Ødegård" })
        #expect(row.company.contactPerson == "Åse Ødegård")
        #expect(app.state.companies.selectedCompany?.name != nil)
        #expect(app.text.contains("Café Ødegård"))
        app.press(.character("u"))
        #expect(!app.state.companies.rows.contains { $0.company.name == "Café Ødegård" }, "undone")
    }

    @Test func closingAPlacementAsHiredProposesTheResultInOneKey() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("c"))
        let kro = try #require(app.state.companies.rows.firstIndex { $0.company.name == "Kværndrup Kro" })
        for _ in 0..<kro { app.press(.down) }
        app.press(.enter, .character("c"))
        guard case .closePlacement(let placement)? = app.state.form?.purpose else {
            Issue.record("c closes the selected placement")
            return
        }
        #expect(placement.kind == .wageSubsidy)
        app.press(.right)  // completed → hired
        #expect(app.state.form?.value("result") == "hired")
        app.press(.tab, .tab)
        app.type("Fastansat på fuld tid")
        app.press(.function(2))
        let question = try #require(app.state.confirmation?.question)
        #expect(question.contains("Ordinary job") && question.contains("Bent Ørsted"))
        app.press(.enter)
        let outcomes = try fixture.workspace.all(Outcome.self, parent: placement.citizenID.sqlValue)
        #expect(outcomes.contains { $0.kind == .jobOrdinary && $0.note == "Kværndrup Kro" && $0.date == fixture.workspace.today })
        let closed = try fixture.workspace.get(Placement.self, id: placement.id)
        #expect(closed.result == .hired)
        #expect(closed.note == "Fastansat på fuld tid")
        #expect(app.text.contains("Result recorded: Ordinary job."))
        #expect(app.state.companies.company?.placements.first?.placement.result == .hired, "the view is read again")
        // A closed placement is not closed again.
        app.press(.home, .character("c"))
        #expect(app.state.form == nil)
    }

    @Test func escapeLeavesTheProposalAndNothingIsRecorded() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        let bent = try #require(try fixture.workspace.all(Citizen.self).first { $0.name == "Bent Ørsted" })
        let before = try fixture.workspace.all(Outcome.self, parent: bent.id.sqlValue).count
        app.press(.character("c"))
        let kro = try #require(app.state.companies.rows.firstIndex { $0.company.name == "Kværndrup Kro" })
        for _ in 0..<kro { app.press(.down) }
        app.press(.enter, .character("c"), .right, .function(2))
        #expect(app.state.confirmation != nil)
        app.press(.character("j"))
        #expect(app.state.confirmation != nil, "j does not answer")
        app.press(.escape)
        #expect(app.state.confirmation == nil)
        #expect(try fixture.workspace.all(Outcome.self, parent: bent.id.sqlValue).count == before)
    }
}

@Suite struct CompanionMeetingScreenTests {
    @Test func theCompanionFieldsComeWithTheKindAndTheMeetingShowsInTheAgenda() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 40)
        app.press(.character("3"), .character("a"))
        var form = try #require(app.state.form)
        #expect(!form.fields.contains { $0.id == "companion_authority" }, "an ordinary meeting has no companion fields")
        let ordinary = form.fields.count
        form.focus = try #require(form.fields.firstIndex { $0.id == "kind" })
        app.send(.formOpened(form))
        // Choose companion.
        for _ in 0..<MeetingKind.allCases.count where app.state.form?.value("kind") != "companion" { app.press(.right) }
        #expect(app.state.form?.value("kind") == "companion")
        #expect(app.state.form?.fields.count == ordinary + 5)
        #expect(app.state.form?.fields[app.state.form?.focus ?? 0].id == "kind", "the focus stays on the kind")
        #expect(app.state.form?.value("companion_by").hasPrefix("p") == true, "the user goes along")
        app.press(.tab)  // place
        app.press(.tab)
        app.type("Ydelseskontoret")
        app.press(.tab)
        app.type("Sagsbehandler Ørum")
        app.press(.tab)
        app.type("Hjælp til ansøgning")
        // The time: in two days, so that it is coming.
        let at = try #require(app.state.form?.fields.firstIndex { $0.id == "at" })
        var typed = try #require(app.state.form)
        typed.fields[at].setValue("2026-11-25 10:00")
        typed.focus = at
        app.send(.formOpened(typed))
        app.press(.function(2))
        #expect(app.state.form == nil, "saved")
        let meeting = try #require(app.state.panes.meetings.first { $0.meeting.kind == .companion }?.meeting)
        #expect(meeting.companion.authority == "Ydelseskontoret")
        #expect(meeting.companion.with == "Sagsbehandler Ørum")
        #expect(meeting.companion.professionalID == fixture.workspace.actor.professionalID)
        #expect(app.text.contains("Ydelseskontoret"), "the history shows the authority")

        app.press(.character("t"))
        #expect(app.state.agenda.contains { if case .companion = $0.kind { return true } else { return false } })
        #expect(app.text.contains("Companion"))
        #expect(app.text.contains("Companion at Ydelseskontoret"))

        // Back to an ordinary kind: the fields go, and so do the details.
        app.press(.escape)
        app.press(.character("e"))
        #expect(app.state.form?.fields.contains { $0.id == "companion_purpose" } == true, "a saved companion meeting has them")
    }
}
