import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// `d` on a citizen ends the course and archives them; nothing is deleted.
@Suite struct ArchiveKeyTests {
    @Test func dOnACitizenArchivesInsteadOfDeleting() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.down, .down, .down, .down, .down, .down, .down)  // Svend Madsen
        #expect(app.selectedCitizen == "Svend Madsen")
        app.press(.character("d"))
        #expect(app.text.contains("End the course of Svend Madsen and archive them?"), "\(app.text)")
        app.press(.enter)
        #expect(app.state.message?.text == "The course ended and the citizen was archived.")
        #expect(!app.text.contains("Svend Madsen"))
        let svend = try #require(try fixture.workspace.search("Svend Madsen", includeArchived: true).first?.summary.citizen)
        let stored = try #require(try fixture.workspace.fetch(Citizen.self, id: svend.id))
        #expect(stored.archivedOn == fixture.workspace.today)
        #expect(try fixture.workspace.all(Plan.self, parent: svend.id.sqlValue).allSatisfy { $0.status != .active })
    }
}
