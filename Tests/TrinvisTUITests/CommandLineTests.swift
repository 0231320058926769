import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Named commands: `:` opens a command line with completion that runs any command of the screen,
/// and the add menu has a letter per entry.
@Suite struct CommandLineTests {
    @Test func everyBindingOfEveryScreenHasAUniqueName() throws {
        let say = Localizer(.english)
        var tables: [KeyTable<AppAction>] = Pane.allCases.flatMap { pane in
            [AppKeys.main(focus: pane, say: say, searchActive: false), AppKeys.main(focus: pane, say: say, searchActive: true)]
        }
        tables += [AppKeys.detail(say: say), AppKeys.detail(say: say, editable: true, citizen: true), AppKeys.agenda(say: say),
                   AppKeys.form(say: say), AppKeys.drafts(say: say), AppKeys.confirmation(say: say)]
        tables += ResultsTab.allCases.map { AppKeys.results(say: say, tab: $0) }
        for table in tables {
            let names = table.bindings.compactMap(\.command)
            #expect(names.count == table.bindings.count, "every binding is named")
            #expect(Set(names).count == names.count, "names are unique in a table: \(names)")
            #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
        }
        #expect(AppKeys.main(focus: .meetings, say: say, searchActive: false).binding(for: .add)?.command == "new-meeting")
        #expect(AppKeys.main(focus: .citizens, say: say, searchActive: false).binding(for: .add)?.command == "new-citizen")
    }

    @Test func colonRunsANamedCommandWithCompletion() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character(":"))
        #expect(app.state.prompt?.purpose == .command)
        #expect(app.text.contains(":"))
        app.type("ag")
        app.press(.tab)
        #expect(app.state.prompt?.field.text == "agenda", "Tab completes the only match")
        app.press(.enter)
        #expect(app.state.screen == .agenda, ":agenda opens the agenda")
        app.press(.escape)

        // new-... is ambiguous: Tab completes as far as they agree and lists them.
        app.press(.character(":"))
        app.type("new")
        app.press(.tab)
        #expect(app.state.prompt?.field.text == "new-")
        #expect(app.state.message?.text.contains("new-citizen") == true && app.state.message?.text.contains("new-assessment") == true)
        app.type("meet")
        app.press(.tab)
        #expect(app.state.prompt?.field.text == "new-meeting" || app.state.prompt?.field.text == "new-meet")
        // new-meeting exists only in the meetings pane: here it is unknown, and says so.
        app.press(.enter)
        #expect(app.state.form == nil)
        #expect(app.state.message?.text.hasPrefix("No command") == true, "\(app.state.message?.text ?? "")")
        app.press(.character("3"), .character(":"))
        app.type("new-meeting")
        app.press(.enter)
        #expect(app.state.form?.purpose.draftKey.hasPrefix("meeting:new") == true, ":new-meeting opens the meeting form")
        app.press(.escape)
        if app.state.form?.confirmingDiscard == true { app.press(.enter) }

        // Esc closes the command line without running anything.
        app.press(.character(":"))
        app.type("quit")
        app.press(.escape)
        #expect(app.state.prompt == nil)
        app.press(.character(":"))
        app.type("quit")
        #expect(app.press(.enter), ":quit quits")
    }

    @Test func theAddMenuHasALetterPerEntry() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 40)
        app.press(.enter, .character("a"))
        let menu = try #require(app.state.addMenu)
        let letters = MenuLetters.letters(for: menu.items.map(\.label))
        #expect(letters.allSatisfy { $0 != nil })
        #expect(Set(letters.compactMap { $0 }).count == letters.count, "one letter each")
        #expect(!letters.contains("j") && !letters.contains("k") && !letters.contains("q"), "movement keys stay movement")
        let consent = try #require(menu.items.firstIndex { $0.label == "Consent" })
        #expect(app.text.contains("\(letters[consent]!) Consent"))
        app.press(.character(letters[consent]!))
        #expect(app.state.addMenu == nil)
        #expect(app.state.form?.purpose.draftKey.hasPrefix("consent:new") == true)
    }
}
