import Foundation
import Testing
@testable import TrinvisCore

/// Erasure and archiving in the core.
@Suite struct ErasureCoreTests {
    private func citizen(in workspace: Workspace, _ name: String) throws -> Citizen {
        try workspace.create(Citizen(name: name, registeredOn: workspace.today))
    }

    @Test func eraseIsForAdministratorsOnly() throws {
        let fixture = try Fixture(username: "inger")
        let workspace = fixture.workspace
        let person = try citizen(in: workspace, "Svend Madsen")
        try workspace.create(Professional(name: "Inger Holm", role: .caseworker, username: "inger"))
        try workspace.refreshActor()
        #expect(throws: StoreError.administratorsOnly) { try workspace.erase(citizen: person.id, reason: "asked") }
        #expect(try workspace.fetch(Citizen.self, id: person.id) != nil)

        let admin = try fixture.secondWorkspace(username: "root-admin")
        try admin.create(Professional(name: "Ada Admin", role: .administrator, username: "root-admin"))
        try admin.refreshActor()
        #expect(throws: ErasureError.reasonNamesCitizen) { try admin.erase(citizen: person.id, reason: "Svend Madsen asked") }
        #expect(throws: ErasureError.reasonMissing) { try admin.erase(citizen: person.id, reason: "  ") }
        let summary = try admin.erase(citizen: person.id, reason: "asked")
        #expect(summary.rows["citizen"] == 1)
        #expect(try admin.fetch(Citizen.self, id: person.id) == nil)
        let last = try #require(try admin.accessLogEntries(citizen: person.id).last)
        #expect(last.action == .erase && last.detail == "asked" && last.account == "root-admin")
    }

    @Test func eraseRemovesEveryUsersDraftsAndThePrintedFiles() throws {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        try workspace.create(Professional(name: "Ada Admin", role: .administrator, username: "admin"))
        try workspace.refreshActor()
        let person = try citizen(in: workspace, "Karen Blom")
        let kept = try citizen(in: workspace, "Ole Ravn")
        let other = try fixture.secondWorkspace(username: "lise")
        try other.saveDraft(key: "meeting:new:c\(person.id)", title: "New meeting", payload: "{}", citizen: person.id)
        try other.saveDraft(key: "plan:new:c\(person.id)", title: "New plan", payload: "{}", citizen: nil)
        try other.saveDraft(key: "plan:new:c\(kept.id)", title: "New plan", payload: "{}", citizen: kept.id)
        let file = fixture.directory.path("plan.pdf")
        try Data("%PDF".utf8).write(to: URL(fileURLWithPath: file))
        try workspace.recordPrintedFile(citizen: person.id, path: file)
        try workspace.recordPrintedFile(citizen: person.id, path: fixture.directory.path("gone.pdf"))

        try workspace.saveDraft(key: "meeting:new:c\(person.id)", title: "New meeting", payload: "{}", citizen: person.id)

        let summary = try workspace.erase(citizen: person.id, reason: "asked")
        // The administrator's own drafts go at once; another account's file (which the
        // erasure cannot write) forgets them when it is next read.
        #expect(summary.rows["draft"] == 1)
        #expect(summary.rows["printed_file"] == 2)
        #expect(summary.filesRemoved.count == 2 && summary.filesNotRemoved.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try other.drafts().map(\.key) == ["plan:new:c\(kept.id)"])
        #expect(try other.draftStore().database.scalar("SELECT count(*) FROM draft") == .integer(1), "not only hidden: gone")
        #expect(summary.walCheckpointed, "an idle second connection does not keep the WAL")
    }

    @Test func archivingEndsTheCourseHidesTheCitizenAndCanBeUndone() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let person = try citizen(in: workspace, "Svend Madsen")
        let other = try citizen(in: workspace, "Susanne Lund")
        try workspace.create(Plan(citizenID: person.id, goal: "Arbejde", start: workspace.today))

        let archived = try workspace.archive(citizen: person.id)
        #expect(archived.archivedOn == workspace.today)
        #expect(try workspace.all(Plan.self, parent: person.id.sqlValue).map(\.status) == [.ended])
        #expect(try workspace.citizenSummaries(page: .first(10)).items.map(\.citizen.id) == [other.id])
        #expect(Set(try workspace.citizenSummaries(page: .first(10), includeArchived: true).items.map(\.citizen.id))
                == [person.id, other.id])
        #expect(try workspace.search("Svend").isEmpty)
        #expect(try workspace.search("Svend", includeArchived: true).map(\.summary.citizen.id) == [person.id])

        let restored = try workspace.unarchive(citizen: person.id)
        #expect(restored.archivedOn == nil)
        #expect(try workspace.search("Svend").map(\.summary.citizen.id) == [person.id])
    }
}
