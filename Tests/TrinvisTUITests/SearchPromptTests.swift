import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// `/` starts a new search (the old one shown selected), `n`/`N` go on from the other end with a
/// word, and a citizen saved during a search is shown and selected.
@Suite struct SearchPromptTests {
    @Test func slashAfterASearchStartsANewOne() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("/"))
        app.type("sør")
        app.press(.enter)
        #expect(app.state.citizens.query == "sør")
        app.press(.character("/"))
        #expect(app.state.prompt?.field.text == "sør")
        #expect(app.state.prompt?.field.isSelected == true, "the old search is shown selected")
        app.type("kurt")
        #expect(app.state.citizens.query == "kurt", "typing replaced it (not \"sørkurt\")")
        #expect(app.selectedCitizen == "Kurt Damgaard")
        app.press(.enter)
        // Enter on the selected old text keeps it; an arrow key keeps it and edits from there.
        app.press(.character("/"), .enter)
        #expect(app.state.citizens.query == "kurt")
        app.press(.character("/"), .end)
        app.type("x")
        #expect(app.state.prompt?.field.text == "kurtx")
        app.press(.escape)
        #expect(app.state.citizens.query == nil)
    }

    @Test func nAndCapitalNWrapWithAWord() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("/"))
        app.type("en")
        app.press(.enter)
        let count = app.state.citizens.rows.count
        #expect(count >= 3, "several citizens match \"en\"")
        for _ in 1..<count { app.press(.character("n")) }
        #expect(app.state.citizens.list.selection == count - 1)
        #expect(app.state.message == nil)
        app.press(.character("n"))
        #expect(app.state.citizens.list.selection == 0)
        #expect(app.state.message?.text == "Reached the end; going on from the top.")
        app.press(.character("N"))
        #expect(app.state.citizens.list.selection == count - 1)
        #expect(app.state.message?.text == "Reached the top; going on from the end.")
    }

    @Test func aCitizenCreatedDuringASearchIsShownAndSelected() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("/"))
        app.type("Aisha")
        app.press(.enter)
        app.press(.character("a"))
        #expect(app.state.form != nil)
        app.type("Zofia Łukasiewicz")
        app.press(.function(2))
        #expect(app.state.form == nil, "\(app.state.form?.message ?? "")")
        #expect(app.state.citizens.query == "Aisha", "the search stays")
        #expect(app.selectedCitizen == "Zofia Łukasiewicz", "the new citizen is shown and selected")
        #expect(app.text.contains("Zofia Łukasiewicz") && app.text.contains("just saved"), "\(app.text)")
        #expect(app.text.contains("Aisha Khalil"))
    }

    @Test func aTextMatchShowsTheWordItMatchedInANarrowRow() {
        let excerpt = "Vi talte om mange ting i dag og om «praktik» hos gartneren"
        #expect(PaneViews.nearMatch(excerpt) == "…og om «praktik» hos gartneren")
        #expect(PaneViews.nearMatch("om «praktik» hos") == "om «praktik» hos")
    }
}
