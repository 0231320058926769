import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// The results report is worked out in the background: `r` shows the screen in the same step,
/// with the last figures (being brought up to date) or saying that they are being computed;
/// keys go on working meanwhile; the figures arrive as an event, unless another period or
/// organisation is asked for by then. `send` is what the key loop does; `waitForBackgroundWork`
/// is the session's wait for input waking on the worker's pipe.
@Suite struct ResultsInBackgroundTests {
    private static let say = Localizer(.english)

    private static func educated(_ report: ResultsReport?) -> Int? {
        report?.hard.first { $0.kind == .education }?.citizens
    }

    @Test func theUpdateAsksForTheReportInTheBackgroundAndOpensTheScreenAtOnce() throws {
        var state = AppState(language: .english, today: DemoFixture.now.localDate, username: "inger", isProfessional: true)
        state.size = Size(width: 100, height: 30)
        let effects = AppUpdate.update(&state, .key(.character("r")))
        let asked = ResultsQuery(from: nil, to: nil, organisation: nil)
        #expect(effects == [.loadResults(asked)], "a request, not a report")
        #expect(state.screen == .results)
        #expect(state.results.computing == asked)
        #expect(state.results.report == nil)
        var canvas = Canvas(size: state.size)
        AppView.render(state, into: &canvas)
        #expect(canvas.lines().contains { $0.contains("Computing the figures…") })
    }

    @Test func rShowsTheScreenInTheSameStepAndTheFiguresWhenTheyCome() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.send(.key(.character("r")))
        #expect(app.state.screen == .results)
        #expect(app.state.results.report == nil, "nothing was computed in the key's step")
        var text = app.text
        #expect(text.contains("[1 Report]") && text.contains("Computing the figures…"), "\(text)")
        #expect(!text.contains("Quality of life"))

        app.waitForBackgroundWork()
        text = app.text
        #expect(!text.contains("Computing the figures…") && !text.contains("Updating the figures…"))
        let quality = try #require(app.screen().lines().first { $0.contains("Quality of life") })
        #expect(quality.contains("Improved 8 of 8 (100 %)"))
        #expect(app.state.results.report == (try fixture.workspace.resultsReport()), "the same figures as computed in place")

        // Again: the last figures at once, said to be brought up to date, until the new ones come.
        app.send(.key(.escape))
        app.send(.key(.character("r")))
        #expect(app.state.screen == .results)
        text = app.text
        #expect(text.contains("Updating the figures…") && text.contains("Improved 8 of 8 (100 %)"), "\(text)")
        app.waitForBackgroundWork()
        #expect(!app.text.contains("Updating the figures…"))
        #expect(app.text.contains("Improved 8 of 8 (100 %)"))
    }

    @Test func theLastFiguresAreDanishTooAndFitAt80x24() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        app.send(.key(.character("r")))
        #expect(app.text.contains("Beregner tallene…"))
        app.waitForBackgroundWork()
        app.send(.key(.escape))
        app.send(.key(.character("r")))
        let lines = app.screen().lines()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        let tabs = try #require(lines.first { $0.contains("[1 Rapport]") })
        #expect(tabs.contains("Opdaterer tallene…"), "on the tab line:\n\(app.text)")
    }

    @Test func keysWorkWhileTheReportIsComputedAndEscLeavesForGood() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.send(.key(.character("r")))
        app.send(.key(.tab))
        #expect(app.state.results.tab == .stories)
        app.send(.key(.escape))
        #expect(app.state.screen == .main)
        // The figures come after the screen was left: kept, without opening it again.
        app.waitForBackgroundWork()
        #expect(app.state.screen == .main)
        #expect(app.state.results.report != nil)
        app.send(.key(.character("r")))
        #expect(app.state.results.tab == .report)
        #expect(app.text.contains("Improved 8 of 8 (100 %)") && app.text.contains("Updating the figures…"))
        #expect(app.send(.key(.character("q"))), "q quits while the report is being worked out")
        app.stopBackgroundWork()
        #expect(!app.isWorkingInBackground)
    }

    @Test func aReportForAnotherPeriodIsDroppedAndTheNewestRequestWins() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 60)
        app.send(.key(.character("r")))
        // Another period is asked for before the first report came.
        app.send(.key(.character("f")))
        app.type("2026-11-01")
        app.send(.key(.enter))
        let november = ResultsQuery(from: LocalDate(iso: "2026-11-01"), to: nil, organisation: nil)
        #expect(app.state.results.computing == november)
        app.waitForBackgroundWork()
        #expect(app.state.results.report == (try fixture.workspace.resultsReport(from: LocalDate(iso: "2026-11-01"))))
        #expect(app.text.contains("from 2026-11-01"))

        // A report of all time arriving now is not what is asked for: dropped.
        let before = app.state
        app.send(.resultsLoaded(try fixture.workspace.resultsReport(), organisations: before.results.organisations))
        #expect(app.state.results.report == before.results.report)
        #expect(app.state.results.kept == before.results.kept)
        app.send(.resultsFailed(ResultsQuery(from: nil, to: nil, organisation: nil), message: "old news"))
        #expect(app.state.message?.text != "old news")

        // Back to all time: not worked out yet in this session, so "Computing", then its figures.
        app.send(.key(.character("a")))
        #expect(app.state.results.report == nil && app.text.contains("Computing the figures…"))
        app.waitForBackgroundWork()
        #expect(app.state.results.report == (try fixture.workspace.resultsReport()))
        // And to November again: its figures kept from before, shown at once while updated.
        app.send(.key(.character("f")))
        app.type("2026-11-01")
        app.send(.key(.enter))
        #expect(app.state.results.isUpdating && app.text.contains("from 2026-11-01"))
        app.waitForBackgroundWork()
        #expect(!app.state.results.isUpdating)
    }

    @Test func aReportThatCannotBeWorkedOutIsAMessageNotACrash() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        // The file is gone from its path: the worker's own connection cannot open it.
        let path = fixture.workspace.database.path
        try FileManager.default.moveItem(atPath: path, toPath: path + ".away")
        defer { try? FileManager.default.moveItem(atPath: path + ".away", toPath: path) }
        app.send(.key(.character("r")))
        app.waitForBackgroundWork()
        #expect(app.state.screen == .results)
        #expect(app.state.results.computing == nil)
        #expect(app.state.message?.kind == .error, "\(String(describing: app.state.message))")
        #expect(!app.text.contains("Computing the figures…"))
        app.send(.key(.escape))
        #expect(app.state.screen == .main)
    }

    @Test func aColleaguesChangeIsWorkedOutAgainQuietlyWithTheFiguresKeptMeanwhile() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 60)
        app.press(.character("r"))
        let before = try #require(app.state.results.report)

        let other = try LiveScreenTests.colleague(fixture)
        let citizen = try #require(app.state.panes.citizenID)
        try other.create(Outcome(citizenID: citizen, date: DemoFixture.now.localDate, kind: .education))
        app.send(.tick)
        // Asked for again, without "Updating" (no flicker at every commit elsewhere): the old
        // figures stay until the new ones come.
        #expect(app.state.results.report == before)
        #expect(app.state.results.computing == nil && !app.text.contains("Updating the figures…"))
        app.waitForBackgroundWork()
        let after = try #require(app.state.results.report)
        #expect(Self.educated(after) == (Self.educated(before) ?? 0) + 1, "the colleague's result is counted")
        #expect(after == (try fixture.workspace.resultsReport()))
    }
}
