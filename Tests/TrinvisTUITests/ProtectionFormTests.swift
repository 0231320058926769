import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// The protection in the interface: archived citizens shown and brought back, the categories of
/// a consent to share, and a revealed CPR number that never lands in a draft.
@Suite struct ProtectionFormTests {
    private func archiveSvend(_ app: AppRuntime) {
        app.press(.down, .down, .down, .down, .down, .down, .down)  // Svend Madsen
        app.press(.character("d"), .enter)
    }

    @Test func capitalAShowsArchivedCitizensMarkedAndDBringsOneBack() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        archiveSvend(app)
        #expect(!app.text.contains("Svend Madsen"))

        app.press(.character("A"))
        #expect(app.state.message?.text == "Archived citizens are shown (A hides them).")
        #expect(app.text.contains("Citizens (with archived)"))
        let row = try #require(app.text.split(separator: "\n").first { $0.contains("Svend Madsen") })
        #expect(row.contains("archived"), "the row of an archived citizen says so: \(row)")
        #expect(!(app.text.split(separator: "\n").first { $0.contains("Aisha Khalil") }?.contains("archived") ?? true))

        // The search finds archived citizens only while they are shown.
        app.press(.character("/"))
        app.type("Svend")
        app.press(.enter)
        #expect(app.selectedCitizen == "Svend Madsen")
        app.press(.character("d"))
        #expect(app.text.contains("Bring Svend Madsen back into the citizen list?"), "\(app.text)")
        app.press(.enter)
        #expect(app.state.message?.text == "Svend Madsen is back in the citizen list.")
        let svend = try #require(try fixture.workspace.search("Svend Madsen").first?.summary.citizen)
        #expect(svend.archivedOn == nil)

        app.press(.escape, .character("A"))
        #expect(app.state.message?.text == "Archived citizens are hidden (A shows them).")
        #expect(app.text.contains("Svend Madsen"), "back in the list without A")
        #expect(!app.text.contains("with archived"))
    }

    @Test func theCitizenViewOfAnArchivedCitizenSaysSoInDanish() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 40, language: .danish)
        archiveSvend(app)
        app.press(.character("A"))
        #expect(app.text.contains("Borgere (med arkiverede)"))
        app.press(.character("/"))
        app.type("Svend")
        app.press(.enter, .enter)
        let today = Localizer(.danish).date(fixture.workspace.today)
        #expect(app.text.contains("Arkiveret         " + today), "\(app.text)")
    }

    @Test func aNewConsentToShareAsksWhatItSharesAndStoresTheChosenCategories() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 110, height: 44)
        app.press(.down, .down, .down, .down, .down, .down, .down, .enter)  // Svend Madsen's view
        app.press(.character("a"))
        let menu = try #require(app.state.addMenu)
        let row = try #require(menu.items.firstIndex { $0.label == "Consent" })
        for _ in 0..<row { app.press(.down) }
        app.press(.enter)
        let form = try #require(app.state.form)
        let labels = form.fields.map(\.label)
        for category in DataCategory.allCases {
            #expect(labels.contains("Shares " + Localizer(.english)(.dataCategory(category))))
        }
        #expect(form.fields.filter { $0.id.hasPrefix("category:") }.allSatisfy { $0.value == "0" },
                "the citizen chooses each category; none is chosen for them")
        // A recipient, then nothing to share: refused beside the first category.
        let recipient = try #require(form.fields.firstIndex { $0.id == "recipient" })
        for _ in 0..<recipient { app.press(.tab) }
        app.press(.right)
        app.press(.function(2))
        #expect(app.state.form?.fields.first { $0.id == "category:contact" }?.error == "choose at least one thing to share")
        #expect(app.text.contains("choose at least one thing to share"))

        // Contact and meetings chosen with Space.
        let contact = try #require(app.state.form?.fields.firstIndex { $0.id == "category:contact" })
        let meetings = try #require(app.state.form?.fields.firstIndex { $0.id == "category:meetings" })
        while app.state.form?.focus != contact { app.press(.tab) }
        app.press(.character(" "))
        while app.state.form?.focus != meetings { app.press(.tab) }
        app.press(.character(" "))
        app.press(.function(2))
        #expect(app.state.form == nil, "\(app.state.form?.message ?? "")")
        let svend = try #require(app.state.panes.citizenID)
        let stored = try #require(try fixture.workspace.all(Consent.self, parent: svend.sqlValue).max { $0.id < $1.id })
        #expect(stored.categories == [.contact, .meetings])
        #expect(app.text.contains("name and contact details, meetings and agreements"), "the citizen view lists what is shared")

        // Opened again, the form shows what the consent shares.
        app.press(.character("a"))
        let again = try #require(app.state.addMenu?.items.firstIndex {
            if case .consent(_, let consent?) = $0.purpose { return consent.id == stored.id }
            return false
        })
        for _ in 0..<again { app.press(.down) }
        app.press(.enter)
        #expect(app.state.form?.value("category:contact") == "1")
        #expect(app.state.form?.value("category:plan") == "0")
        #expect(app.state.form?.value("category:meetings") == "1")
    }

    @Test func aRevealedCPRNumberNeverLandsInADraft() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("/"))
        app.type("Per Kri")
        app.press(.enter, .character("e"), .function(3))
        #expect(app.state.form?.value("cpr") == "140591-0000")
        #expect(app.state.form?.isModified == false, "revealing is no change: closing the form asks nothing")

        // A change elsewhere in the form is written as a draft, with the number masked.
        let phone = try #require(app.state.form?.fields.firstIndex { $0.id == "phone" })
        while app.state.form?.focus != phone { app.press(.tab) }
        app.type("1")
        app.flushDraft()
        let drafts = try fixture.workspace.drafts()
        let draft = try #require(drafts.first)
        #expect(draft.payload.contains("140591-XXXX"), "\(draft.payload)")
        #expect(!draft.payload.contains("140591-0000") && !draft.payload.contains("1405910000"))

        // Restored, the form shows the mask, and saving keeps the stored number.
        var restored = try #require(app.state.form)
        restored.restore(payload: draft.payload)
        #expect(restored.value("cpr") == "140591-XXXX")
        app.press(.function(2))
        #expect(app.state.form == nil)
        let per = try #require(try fixture.workspace.search("Per Kristiansen").first?.summary.citizen)
        #expect(try fixture.workspace.database.scalar("SELECT cpr FROM citizen WHERE id = ?", [per.id.sqlValue])
            == .text("1405910000"))
    }
}
