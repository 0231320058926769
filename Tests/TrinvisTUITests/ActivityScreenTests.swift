import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// The activities screen, an activity's view, the participant search and the activity form,
/// on the in-memory canvas at 80×24 and 200×60.
@Suite struct ActivityScreenTests {
    /// The demo with a hostile title added (an escape sequence, Danish letters, emoji).
    static func fixture() throws -> DemoFixture {
        let fixture = try DemoFixture()
        try fixture.workspace.create(Activity(title: "Svømning \u{1B}[2J i Ærø-hallen 🏊", kind: .exercise,
                                              date: DemoFixture.now.localDate.adding(days: 1),
                                              startTime: ClockTime(hour: 10, minute: 0), place: "Ærø-hallen \u{07}"))
        return fixture
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theActivitiesAreListedByDate(width: Int, height: Int) throws {
        let fixture = try Self.fixture()
        let app = fixture.runtime(width: width, height: height)
        app.press(.character("v"))
        #expect(app.state.screen == .activities)
        let lines = app.screen().lines()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(app.text.contains("Activities"))
        #expect(!app.text.contains("\u{1B}") && !app.text.contains("\u{07}"))
        let dated = lines.filter { $0.hasPrefix("│") }.compactMap { line in line.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression).map { String(line[$0]) } }
        #expect(dated.count == 6)
        #expect(dated == dated.sorted(by: >))
        #expect(app.text.contains("Svømning"))
        #expect(app.text.contains("2 of 3 came"))
        // A coming activity nobody has come to yet says how many signed up, not "0 of 2 came".
        let coming = try #require(lines.first { $0.contains("Fællesspisning") })
        #expect(coming.contains("signed up") && !coming.contains("came"), "\(coming)")
        #expect(lines.last?.contains("new activity") == true)
        if width >= 200 {
            #expect(app.text.contains("Værestedets computerstue") && app.text.contains("course"))
        }
        // Coming activities first; the hardware cursor sits on the selected row.
        #expect(app.screen().cursor?.row == lines.firstIndex { $0.contains("Fællesspisning") })
        #expect(lines.firstIndex { $0.contains("Svømning") } == lines.firstIndex { $0.contains("Fællesspisning") }.map { $0 + 1 })
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func anActivityShowsWhatWhenWhereWhoRunsItAndWhoCame(width: Int, height: Int) throws {
        let fixture = try Self.fixture()
        let app = fixture.runtime(width: width, height: height)
        app.press(.character("v"))
        let index = try #require(app.state.activities.items.firstIndex { $0.title.hasPrefix("IT-kursus") })
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        #expect(app.state.screen == .activity)
        let text = app.text
        #expect(app.screen().lines().allSatisfy { DisplayWidth.of($0) <= width })
        #expect(text.contains("IT-kursus: mail og NemID"))
        #expect(text.contains("10:00") && text.contains("Værestedets computerstue"))
        #expect(text.contains("Run by: Sanne Østergaard"))
        #expect(text.contains("Participants  2 of 3 came"))
        #expect(text.contains("[x] Aisha Khalil") && text.contains("[x] Jan Bækgaard"))
        #expect(text.contains("[ ] Line Sørensen") && text.contains("did not come"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func participantsAreFoundAsTheNameIsTypedAddedAndMarked(width: Int, height: Int) throws {
        let fixture = try Self.fixture()
        let app = fixture.runtime(width: width, height: height)
        app.press(.character("v"), .down, .enter)
        #expect(app.state.activities.detail?.activity.title.hasPrefix("Svømning") == true)
        #expect(app.text.contains("No participants yet"))
        app.press(.character("a"))
        app.type("ull")
        #expect(app.state.activities.search?.hits.map(\.citizen.name) == ["Ulla Brandt"])
        #expect(app.text.contains("Add participant: ull") && app.text.contains("Ulla Brandt"))
        #expect(app.screen().lines().allSatisfy { DisplayWidth.of($0) <= width })
        app.press(.enter)
        app.type("per k")
        app.press(.enter)
        app.type("ull")
        // Someone already taking part is not offered again.
        #expect(app.state.activities.search?.hits.isEmpty == true)
        app.press(.escape)
        #expect(app.state.activities.search == nil)
        let names = app.state.activities.detail?.participants.map(\.name)
        #expect(names == ["Per Kristiansen", "Ulla Brandt"])
        app.press(.character("g"), .character("x"))
        #expect(app.text.contains("[x] Per Kristiansen"))
        #expect(app.text.contains("Per Kristiansen came."))
        app.press(.character("u"))
        #expect(app.text.contains("[ ] Per Kristiansen"))
        app.press(.down, .character("d"))
        #expect(app.text.contains("Take Ulla Brandt off"))
        app.press(.character("n"))
        #expect(app.state.activities.detail?.participants.count == 2)
        app.press(.character("d"), .enter)
        #expect(app.state.activities.detail?.participants.map(\.name) == ["Per Kristiansen"])
    }

    @Test func theFormCreatesAnActivityAndOpensIt() throws {
        let fixture = try Self.fixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("v"), .character("a"))
        #expect(app.text.contains("New activity"))
        #expect(app.text.contains("Runs: Inger Holm") && app.text.contains("[x]"))
        app.type("Strikkeklub")
        app.press(.tab, .tab, .tab)
        app.type("25:00")
        app.press(.function(2))
        #expect(app.text.contains("not a time"))
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        app.type("9.30")
        app.press(.tab)
        app.type("Café Æblet")
        app.press(.function(2))
        #expect(app.state.screen == .activity)
        #expect(app.text.contains("Strikkeklub") && app.text.contains("09:30") && app.text.contains("Café Æblet"))
        #expect(app.text.contains("Run by: Inger Holm"))
        // `e` edits it.
        app.press(.character("e"))
        #expect(app.text.contains("Activity: Strikkeklub"))
        app.press(.escape)
        // The `:` command line knows the named commands.
        app.press(.escape, .escape)
        #expect(app.state.screen == .main)
        app.press(.character(":"))
        app.type("activities")
        app.press(.enter)
        #expect(app.state.screen == .activities)
        app.press(.escape, .character(":"))
        app.type("new-activity")
        app.press(.enter)
        #expect(app.state.form?.title == "New activity")
    }

    @Test func aParticipantAddedInAnotherWindowShowsOnTheNextTick() throws {
        let fixture = try Self.fixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("v"), .down, .enter)
        let id = try #require(app.state.activities.detail?.activity.id)
        let now = DemoFixture.now
        let other = try Workspace(path: fixture.folder.appendingPathComponent("demo.sqlite").path, username: "inger", clock: { now })
        var activity = try other.get(Activity.self, id: id)
        activity.participants.append(try #require(try other.search("Ulla").first?.summary.citizen.id))
        try other.update(activity)
        #expect(!app.text.contains("Ulla Brandt"))
        app.send(.tick)
        #expect(app.text.contains("[ ] Ulla Brandt"))
    }

    @Test func theCitizenViewListsTheActivitiesTheyTookPartIn() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 60, language: .danish)
        let id = try #require(try fixture.workspace.search("Svend").first?.summary.citizen.id)
        _ = app.send(.detailLoaded(.citizen(try fixture.workspace.citizenProfile(id))))
        app.press(.character("G"))
        let text = app.text
        #expect(text.contains("Aktiviteter"))
        #expect(text.contains("Gåtur i Sollerup Skov (motion): kom"))
        #expect(text.contains("Sundhedsundervisning: søvn og kost (sundhed): kom ikke"))
    }
}
