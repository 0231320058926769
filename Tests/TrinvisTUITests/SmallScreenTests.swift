import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// 80×24 and every size: the goal is readable, every truncation ends in an ellipsis, and every
/// form field can be reached and is drawn.
@Suite struct SmallScreenTests {
    private func selectSvend(_ app: AppRuntime) {
        app.press(.character("/"))
        app.type("Svend")
        app.press(.enter)
    }

    @Test func theGoalHasItsOwnLineAt80x24InDanish() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        selectSvend(app)
        let lines = app.screen().lines()
        let goal = try #require(app.state.panes.plan?.goal)
        #expect(!lines[0].contains("Mål:"), "no room on the first line: \(lines[0])")
        #expect(lines[1].contains("Mål: " + goal), "on its own line, whole: \(lines[1])")
        #expect(lines[0].contains("(om ") && lines[0].contains("dage)"), "the end date is whole: \(lines[0])")
        #expect(lines[2].contains("[1 Borgere]"), "the tabs under it: \(lines[2])")
        #expect(lines[3].hasPrefix("┌"), "the pane under the tabs")
        #expect(app.state.citizens.list.visibleHeight == 24 - 3 - 2 - 2, "header, goal and tabs above, message and keys below, the frame around")
    }

    @Test func aGoalTooLongForTheHeaderGetsASecondLineWhenThePanesStandSideBySide() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 110, height: 30)
        selectSvend(app)
        let lines = app.screen().lines()
        let goal = try #require(app.state.panes.plan?.goal)
        #expect(lines[1].contains("Goal: " + goal), "\(lines[1])")
        #expect(Layout.of(app.state).body.row == 2)
        // The lists are as tall as the frames the layout now draws (nothing hidden under the header).
        let frames = Layout.of(app.state).frames(focus: app.state.focus)
        #expect(frames[.citizens]?.row == 2)
        #expect(app.state.citizens.list.visibleHeight == (frames[.citizens]?.height ?? 0) - 2)
        // Wide enough, the goal shares the first line.
        let wide = fixture.runtime(width: 200, height: 30)
        selectSvend(wide)
        #expect(wide.screen().lines()[0].contains("Goal: " + goal))
        #expect(Layout.of(wide.state).body.row == 1)
    }

    @Test func everyCutEndsInAnEllipsis() throws {
        // Spans cut anywhere, not only in the last one.
        var canvas = Canvas(size: Size(width: 20, height: 1))
        canvas.put(row: 0, col: 0, spans: [Span("Trinvis │ "), Span("slutter 04.02.2027 (om 64 dage)"), Span(" │ Mål: x")],
                   maxWidth: 20, overflow: .ellipsis)
        #expect(canvas.lines()[0] == "Trinvis │ slutter 0…")
        // A long milestone title at 80 columns ends in "…".
        let fixture = try DemoFixture()
        var milestone = try #require(try fixture.workspace.all(Milestone.self).first)
        milestone.title = String(repeating: "Lang titel på et delmål ", count: 5).trimmingBlanks()
        try fixture.workspace.update(milestone)
        let plan = try fixture.workspace.get(Plan.self, id: milestone.planID)
        let name = try fixture.workspace.get(Citizen.self, id: plan.citizenID).name
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        app.press(.character("/"))
        app.type(name)
        app.press(.enter, .character("2"))
        let row = try #require(app.screen().lines().first { $0.contains("Lang titel") })
        #expect(row.contains("…│") || row.hasSuffix("…"), "\(row)")
    }

    @Test func everyFieldOfTheCitizenFormIsReachableAndDrawnAt80x24() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        app.press(.character("a"))
        let form = try #require(app.state.form)
        for index in form.fields.indices {
            #expect(app.state.form?.focus == index)
            let screen = app.text
            let label = form.fields[index].label
            #expect(screen.contains(String(label.prefix(10))), "field \(index) \(label) is drawn:\n\(screen)")
            app.press(.tab)
        }
    }

    @Test func aFormTallerThanTheScreenShowsScrollMarks() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 16, language: .danish)
        app.press(.character("a"))
        let form = try #require(app.state.form)
        let frame = { (app: AppRuntime) -> (top: String, bottom: String) in
            let lines = app.screen().lines()
            let top = lines.first { $0.contains(form.title) } ?? ""
            let bottom = lines.last { $0.hasPrefix("└") } ?? ""
            return (top, bottom)
        }
        #expect(frame(app).bottom.contains("▼"), "more below at the first field: \(app.text)")
        #expect(!frame(app).top.contains("▲"))
        for _ in 1..<form.fields.count { app.press(.tab) }
        #expect(frame(app).top.contains("▲"), "more above at the last field: \(app.text)")
        #expect(!frame(app).bottom.contains("▼"))
    }
}
