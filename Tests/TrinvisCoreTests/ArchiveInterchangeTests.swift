import Foundation
import Testing
@testable import TrinvisCore

/// An archived citizen (course ended) keeps that in the interchange format: `archived_on` is
/// written, read back, and a document without it brings the citizen back into the list.
@Suite struct ArchiveInterchangeTests {
    @Test func archivedOnTravelsThroughExportAndImport() throws {
        let source = try Fixture(username: "admin")
        let kept = try source.workspace.create(Citizen(name: "Åse Ærø", registeredOn: LocalDate(iso: "2026-01-05")!))
        let ended = try source.workspace.create(Citizen(name: "Bjørn Ødegård", registeredOn: LocalDate(iso: "2026-02-01")!))
        _ = try source.workspace.archive(citizen: ended.id)
        let text = try source.workspace.exportText()
        #expect(text.components(separatedBy: "\"archived_on\"").count == 2, "only the archived citizen carries the member")
        #expect(text.contains("\"archived_on\": \"\(source.workspace.today.iso)\""))

        let target = try Fixture(username: "admin")
        _ = try target.workspace.importDocument(text: text)
        let listed = try target.workspace.citizenSummaries(page: .first(10)).items.map(\.citizen.name)
        #expect(listed == [kept.name], "the archived citizen stays out of the list after the import")
        let all = try target.workspace.citizenSummaries(page: .first(10), includeArchived: true).items.map(\.citizen)
        #expect(all.first { $0.name == ended.name }?.archivedOn == source.workspace.today)

        // The same document without the member (as an older installation writes it): the citizen
        // is brought back, because the import makes the records what the document says.
        let older = text.replacingOccurrences(of: #",\s*"archived_on": "[0-9-]+""#, with: "", options: .regularExpression)
        #expect(!older.contains("archived_on"))
        _ = try target.workspace.importDocument(text: older)
        #expect(try target.workspace.citizenSummaries(page: .first(10)).items.map(\.citizen.name).sorted()
            == [kept.name, ended.name].sorted())
    }

    @Test func aBadArchivedDateIsNamedByItsPath() throws {
        let source = try Fixture(username: "admin")
        let ended = try source.workspace.create(Citizen(name: "Bjørn Ødegård", registeredOn: LocalDate(iso: "2026-02-01")!))
        _ = try source.workspace.archive(citizen: ended.id)
        let text = try source.workspace.exportText()
            .replacingOccurrences(of: #""archived_on": "[0-9-]+""#, with: #""archived_on": "31.02.2026""#, options: .regularExpression)
        let target = try Fixture(username: "admin")
        #expect {
            _ = try target.workspace.importDocument(text: text)
        } throws: { error in
            String(describing: error).contains("citizens[0].archived_on")
        }
        #expect(try target.workspace.all(Citizen.self).isEmpty, "nothing was imported")
    }
}
