import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// The citizen form and CPR numbers: masked when editing, not offered at a drop-in centre, and
/// a warning about a possible duplicate.
@Suite struct CPRFormTests {
    func open(_ name: String, in app: AppRuntime) {
        app.press(.character("/"))
        app.type(name)
        app.press(.enter)
    }

    @Test func theEditFormShowsTheCPRMaskedAndKeepsTheStoredNumber() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        open("Per Kri", in: app)
        app.press(.character("e"))
        #expect(app.state.form?.fields.first { $0.id == "cpr" }?.value == "140591-XXXX")
        #expect(app.text.contains("140591-XXXX"))
        #expect(!app.text.contains("1405910000") && !app.text.contains("140591-0000"))
        app.press(.function(2))
        #expect(app.state.form == nil)
        let per = try fixture.workspace.search("Per Kristiansen", limit: 1).first?.summary.citizen
        let stored = try per.map { try fixture.workspace.database.scalar("SELECT cpr FROM citizen WHERE id = ?", [$0.id.sqlValue]) }
        #expect(stored == .text("1405910000"), "saving the masked value keeps the stored number")
    }

    @Test func f3RevealsTheCPRInTheFormOnlyAndLogsIt() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        open("Per Kri", in: app)
        app.press(.character("e"))
        let before = try fixture.workspace.database.scalar("SELECT count(*) FROM access_log WHERE action = 'reveal-cpr'")
        #expect(before == .integer(0))
        app.press(.function(3))
        #expect(app.state.form?.fields.first { $0.id == "cpr" }?.value == "140591-0000")
        #expect(app.text.contains("140591-0000"))
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM access_log WHERE action = 'reveal-cpr'") == .integer(1))
        // Closed and opened again, the form shows the masked number.
        app.press(.escape)
        if app.state.form?.confirmingDiscard == true { app.press(.enter) }
        app.press(.character("e"))
        #expect(app.state.form?.fields.first { $0.id == "cpr" }?.value == "140591-XXXX")
    }

    @Test func capitalRRevealsTheCPRInTheCitizenViewAndLogsIt() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        open("Per Kri", in: app)
        app.press(.enter)
        guard case .detail(.citizen) = app.state.screen else {
            Issue.record("Enter opens the citizen view")
            return
        }
        #expect(app.text.contains("140591-XXXX"))
        #expect(!app.text.contains("140591-0000"))
        app.press(.character("R"))
        #expect(app.text.contains("140591-0000"))
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM access_log WHERE action = 'reveal-cpr'") == .integer(1))
        app.press(.escape, .enter)
        #expect(!app.text.contains("140591-0000"), "a view opened again shows the number masked")
    }

    @Test func ctrlOOpensTheExistingPersonInsteadOfSaving() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 34)
        app.press(.character("a"))
        app.type("Per Kristiansen")
        app.press(.tab)
        app.type("1405910000")
        app.press(.function(2))
        #expect(app.text.contains("Ctrl-O"))
        app.press(.ctrl("o"))
        #expect(app.state.form == nil)
        guard case .detail(.citizen(let profile)) = app.state.screen else {
            Issue.record("Ctrl-O opens the existing citizen")
            return
        }
        #expect(profile.citizen.name == "Per Kristiansen")
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM citizen WHERE cpr = '1405910000'") == .integer(1))
    }

    @Test func theCPRFieldIsAbsentForADropInCentreCitizen() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        open("Jan B", in: app)
        app.press(.character("e"))
        #expect(app.state.form?.fields.contains { $0.id == "name" } == true)
        #expect(app.state.form?.fields.contains { $0.id == "cpr" } == false)
        #expect(!app.text.contains("CPR"))
    }

    @Test func aNewCitizenLikeAnExistingOneGetsAWarningAndASecondSaveSaves() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 34)
        app.press(.character("a"))
        #expect(app.state.form?.title == "New citizen")
        app.type("PER KRISTIANSEN")
        app.press(.tab)
        app.type("140591-0000")
        app.press(.function(2))
        #expect(app.state.form != nil, "the first save stops at the warning")
        let warning = app.state.form?.fields.first { $0.id == "name" }?.error ?? ""
        #expect(warning.contains("Per Kristiansen"))
        #expect(app.text.contains("Possibly the same person as Per Kristiansen"))
        app.press(.function(2))
        #expect(app.state.form == nil, "the second save saves anyway")
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM citizen WHERE cpr = '1405910000'") == .integer(2))
    }
}
