import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

@Suite struct HouseholdViewTests {
    /// The demo at a size, with Ulla Brandt's household open (`h` from the main screen).
    private func ullasHousehold(_ fixture: DemoFixture, width: Int, height: Int, language: Language = .english) throws -> AppRuntime {
        let app = fixture.runtime(width: width, height: height, language: language)
        app.press(.character("/"))
        app.type("Ulla")
        app.press(.enter)
        #expect(app.selectedCitizen == "Ulla Brandt")
        app.press(.character("h"))
        #expect(app.state.screen == .household)
        return app
    }

    private func assertInert(_ canvas: Canvas) {
        for row in 0..<canvas.height {
            for col in 0..<canvas.width {
                let scalars = canvas.cell(row: row, col: col)?.text.unicodeScalars ?? "".unicodeScalars
                #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
        }
    }

    @Test func at80x24EveryMemberWithPlaceGoalMilestonesAndNextMeeting() throws {
        let fixture = try DemoFixture()
        let app = try ullasHousehold(fixture, width: 80, height: 24)
        let lines = app.screen().lines()
        #expect(lines.count == 24 && lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines[2].contains("Household \u{201C}Brandt\u{201D}: 3 members"))
        let viggo = try #require(lines.firstIndex { $0.contains("Viggo Holt") })
        let ulla = try #require(lines.firstIndex { $0.contains("Ulla Brandt") })
        let vilma = try #require(lines.firstIndex { $0.contains("Vilma Brandt") })
        // Parents and partners first, then the children.
        #expect(viggo < vilma && ulla < vilma)
        #expect(lines[viggo].contains("partner") && lines[ulla].contains("parent") && lines[vilma].contains("child"))
        #expect(lines[ulla].contains("Next meeting"))
        #expect(lines[ulla + 1].contains("Goal: Praktik og derefter"))
        #expect(lines[ulla + 2].contains("of 5 milestones achieved"))
        #expect(app.text.contains("overdue") && app.text.contains("Starte hos kunstneren Gitte Bech"))
        #expect(lines[vilma + 1].contains("Goal: Gennemføre 10. klasse"))
        // Opened from Ulla: her row is selected, with the cursor on it.
        let cursor = try #require(app.screen().cursor)
        #expect(cursor.row == ulla)
        #expect(lines[23].contains("a add member") && lines[23].contains("m family meeting"))
    }

    @Test func at200x60MoreOfEachPlanShows() throws {
        let fixture = try DemoFixture()
        let app = try ullasHousehold(fixture, width: 200, height: 60)
        let lines = app.screen().lines()
        #expect(lines.count == 60 && lines.allSatisfy { DisplayWidth.of($0) <= 200 })
        #expect(app.text.contains("Tre dage om ugen i atelieret"), "Ulla's later milestone has room")
        #expect(app.text.contains("Ansøgning til landbrugsskolen sendt"), "so has Vilma's")
        // The next meeting stands at the right of the name's line.
        let ulla = try #require(lines.first { $0.contains("Ulla Brandt") })
        let next = try #require(ulla.range(of: "Next meeting"))
        #expect(ulla.distance(from: ulla.startIndex, to: next.lowerBound) > 150)
    }

    @Test func danishLabelsFollowTheLanguage() throws {
        let fixture = try DemoFixture()
        let app = try ullasHousehold(fixture, width: 80, height: 24, language: .danish)
        let text = app.text
        #expect(text.contains("Husstanden \u{201E}Brandt\u{201C}: 3 medlemmer"))
        #expect(text.contains("forælder") && text.contains("barn") && text.contains("Mål: "))
        #expect(text.contains("milepæle nået"))
    }

    @Test func aMemberIsAddedFromTheCitizensFoundBeforeANewOneIsMade() throws {
        let fixture = try DemoFixture()
        let app = try ullasHousehold(fixture, width: 80, height: 24)
        app.press(.character("a"))
        app.type("Per K")
        // The search shows the existing citizen first, and a new citizen last.
        let search = app.text
        #expect(search.contains("Existing citizens first") && search.contains("Per Kristiansen"))
        #expect(search.contains("New citizen \u{201C}Per K\u{201D}"))
        #expect(app.state.household.search?.hits.map(\.name) == ["Per Kristiansen"])
        app.press(.enter)
        #expect(app.state.form?.title == "Per Kristiansen in the household")
        // The search is logged once, with its last term, as every search is.
        try fixture.workspace.flushAccessLog()
        #expect(try fixture.workspace.accessLogEntries().filter { $0.action == .search }.map(\.detail).last == "Per K")
        app.press(.right, .right, .right, .right)  // other
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.household.overview?.members.count == 4)
        let per = try #require(try fixture.workspace.all(Citizen.self).first { $0.name == "Per Kristiansen" })
        let household = app.state.household.overview?.household.id
        #expect(per.householdRelation == .other && per.householdID == household)

        // Nobody found: Enter makes a new citizen with the typed name, in the household.
        app.press(.character("a"))
        app.type("Mia \u{1B}[2J Brandt")
        #expect(app.state.household.search?.hits.isEmpty == true)
        app.press(.enter)
        #expect(app.state.form?.value("name").hasPrefix("Mia ") == true)
        app.press(.tab, .right, .right)  // child
        app.press(.function(2))
        #expect(app.state.household.overview?.members.count == 5)
        let mia = try #require(try fixture.workspace.all(Citizen.self).first { $0.name.hasPrefix("Mia") })
        #expect(mia.householdRelation == .child && mia.organisationID == per.organisationID)
        assertInert(app.screen())
        #expect(app.text.contains("Mia") && app.text.contains("No plan yet"))

        // Undo takes the new citizen out again.
        app.press(.character("u"))
        #expect(app.state.household.overview?.members.count == 4)
    }

    @Test func aFamilyMeetingFromTheViewIsInEachPresentMembersHistory() throws {
        let fixture = try DemoFixture()
        let app = try ullasHousehold(fixture, width: 100, height: 40)
        app.press(.down, .down)  // Vilma
        #expect(app.state.household.selectedMember?.citizen.name == "Vilma Brandt")
        app.press(.character("m"))
        let form = try #require(app.state.form)
        #expect(form.title == "New meeting with Vilma Brandt")
        let members = form.fields.filter { $0.id.hasPrefix("member:c") }
        #expect(members.map(\.label) == ["Present: Ulla Brandt", "Present: Viggo Holt"])
        #expect(members.allSatisfy { $0.toggle }, "from the household view every member starts present")
        app.type("Familiemøde om sommerferien")
        app.press(.function(2))
        #expect(app.state.form == nil)
        let citizens = try fixture.workspace.all(Citizen.self)
        for name in ["Vilma Brandt", "Ulla Brandt", "Viggo Holt"] {
            let citizen = try #require(citizens.first { $0.name == name })
            let notes = try fixture.workspace.meetingHistory(of: citizen.id, page: .first(5)).items.map(\.meeting.notes)
            #expect(notes.first == "Familiemøde om sommerferien", "\(name)'s history")
        }
        // On the main screen, Viggo's meetings pane marks the meeting as one with the household.
        app.press(.escape, .character("/"))
        app.type("Viggo")
        app.press(.enter)
        app.resize(200, 60)
        #expect(app.text.contains("with the household"))
    }

    @Test func aCitizenWithoutAHouseholdStartsOneFromTheCitizenView() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("/"))
        app.type("Bent")
        app.press(.enter, .enter)  // the citizen view
        guard case .detail(.citizen) = app.state.screen else {
            Issue.record("the citizen view is open")
            return
        }
        #expect(app.text.contains("h household"))
        app.press(.escape, .character("/"))
        app.type("Vilma")
        app.press(.enter, .enter)
        #expect(app.text.contains("Brandt (child)"), "the citizen view names the household and the place in it")
        app.press(.escape, .character("/"))
        app.type("Bent")
        app.press(.enter, .enter)
        app.press(.character("h"))
        #expect(app.state.form?.title == "New household for Bent Ørsted")
        #expect(app.state.form?.value("household") == "Ørsted")
        app.press(.tab, .right)  // parent
        app.press(.function(2))
        #expect(app.state.screen == .household)
        #expect(app.text.contains("Household \u{201C}Ørsted\u{201D}: 1 member"))
        #expect(app.text.contains("Bent Ørsted \u{B7} parent"))
        // Taking the only member out asks first, then leaves the view (the household is gone).
        app.press(.character("d"))
        #expect(app.state.confirmation?.question.contains("Take Bent Ørsted out of the household") == true)
        app.press(.enter)
        #expect(app.state.screen != .household)
        #expect(try fixture.workspace.all(Household.self).allSatisfy { $0.name != "Ørsted" })
    }

    @Test func theCommandLineOpensTheHousehold() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("/"))
        app.type("Vilma")
        app.press(.enter, .character(":"))
        app.type("household")
        app.press(.enter)
        #expect(app.state.screen == .household)
        #expect(app.state.household.selectedMember?.citizen.name == "Vilma Brandt")
    }
}
