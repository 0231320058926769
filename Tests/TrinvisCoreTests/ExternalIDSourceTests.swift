import Testing
@testable import TrinvisCore

/// Imported ids are remembered per source installation (migration 14): the export names its
/// installation (`x-installation`), two installations that use the same ids do not meet, and a
/// database's own export imported back finds its own records.
@Suite struct ExternalIDSourceTests {
    /// A database with one organisation and one citizen, whose document ids are `o1` and `c1`.
    static func installation(_ directory: TemporaryDirectory, _ name: String, citizen: String) throws -> Workspace {
        let workspace = try emptyWorkspace(directory, name + ".sqlite")
        let organisation = try workspace.create(Organisation(name: "Jobcenter " + name, kind: .municipality))
        try workspace.create(Citizen(name: citizen, registeredOn: day("2026-01-05"), organisationID: organisation.id))
        return workspace
    }

    @Test func theExportNamesItsInstallation() throws {
        let directory = try TemporaryDirectory()
        let a = try Self.installation(directory, "Ærø", citizen: "Søren Ærø")
        let document = try a.exportDocument(exportedAt: fixedExportTime)
        #expect(value(document, at: Interchange.installationMember) == .string(try a.installationID))
        #expect(value(document, at: "citizens[0].id") == .string("c1"))
    }

    @Test func twoInstallationsThatUseTheSameIDsDoNotMeet() throws {
        let directory = try TemporaryDirectory()
        let a = try Self.installation(directory, "Ærø", citizen: "Søren Ærø")
        let b = try Self.installation(directory, "Åby", citizen: "Åse Øster")
        let documentA = try a.exportText(exportedAt: fixedExportTime)
        let documentB = try b.exportText(exportedAt: fixedExportTime)
        #expect(documentA.contains("\"c1\"") && documentB.contains("\"c1\""))

        let c = try emptyWorkspace(directory, "c.sqlite")
        try c.importDocument(text: documentA)
        let second = try c.importDocument(text: documentB)
        // Before, B's c1 was taken for A's and Søren was renamed Åse.
        #expect(second[Citizen.table].created == 1 && second[Citizen.table].updated == 0)
        #expect(Set(try c.all(Citizen.self).map(\.name)) == ["Søren Ærø", "Åse Øster"])
        #expect(try c.database.scalar("SELECT count(DISTINCT source) FROM external_id") == .integer(2))
        // Each document again changes nothing.
        #expect(try c.importDocument(text: documentA).totalCreated == 0)
        #expect(try c.importDocument(text: documentB).totalUpdated == 0)
        #expect(try c.all(Citizen.self).count == 2)
    }

    @Test func aDatabasesOwnExportImportedBackFindsItsOwnRecords() throws {
        let directory = try TemporaryDirectory()
        let a = try emptyWorkspace(directory, "a.sqlite")
        try buildRichData(in: a)
        var document = try a.exportDocument(exportedAt: fixedExportTime)
        let before = try fingerprint(a.database)
        let again = try a.importDocument(text: document.serialized())
        // Before, every record with an id was created a second time.
        #expect(again.totalCreated == 0 && again.totalUpdated == 0)
        #expect(try fingerprint(a.database) == before)

        // A changed copy of its own export updates the same records.
        let svend = try citizenIndex(named: "Svend Madsen", in: document)
        document = setting(document, at: "citizens[\(svend)].phone", to: .string("+45 99 99 99 99"))
        let changed = try a.importDocument(text: document.serialized())
        #expect(changed[Citizen.table].updated == 1 && changed.totalCreated == 0)
        #expect(try a.all(Citizen.self).filter { $0.name == "Svend Madsen" }.map(\.phone) == ["+45 99 99 99 99"])
    }

    @Test func anOwnRecordDeletedSinceIsMadeAgainOnce() throws {
        let directory = try TemporaryDirectory()
        let a = try Self.installation(directory, "Ærø", citizen: "Søren Ærø")
        let document = try a.exportText(exportedAt: fixedExportTime)
        let citizen = try #require(try a.all(Citizen.self).first)
        try a.delete(citizen)
        #expect(try a.importDocument(text: document)[Citizen.table].created == 1)
        #expect(try a.importDocument(text: document)[Citizen.table].created == 0)
        #expect(try a.all(Citizen.self).map(\.name) == ["Søren Ærø"])
    }

    @Test func idsRememberedBeforeAreKeptAndTakenOverByTheirSource() throws {
        let directory = try TemporaryDirectory()
        // Migration 14 keeps the rows of the table before it, as source ''.
        let database = try Database(path: directory.path("old.sqlite"))
        let before14 = Migrator(Schema.migrator.migrations.filter { $0.identifier != "14-external-ids-by-source" })
        try before14.migrate(database, now: 0)
        try database.execute("INSERT INTO external_id (kind, external, local_id) VALUES ('citizen', 'c1', 7)")
        try Schema.migrator.migrate(database, now: 0)
        #expect(try database.scalar("SELECT source || '|' || kind || '|' || external || '|' || local_id FROM external_id")
                    == .text("|citizen|c1|7"))

        // A document from before (ids remembered as source '') is known when its installation
        // exports again, and another installation's `c1` then no longer meets it.
        let a = try Self.installation(directory, "Ærø", citizen: "Søren Ærø")
        let b = try Self.installation(directory, "Åby", citizen: "Åse Øster")
        let c = try emptyWorkspace(directory, "c.sqlite")
        try c.importDocument(text: try a.exportText(exportedAt: fixedExportTime))
        try c.database.execute("UPDATE external_id SET source = ''")
        let taken = try c.importDocument(text: try a.exportText(exportedAt: fixedExportTime))
        #expect(taken.totalCreated == 0)
        #expect(try c.database.scalar("SELECT count(*) FROM external_id WHERE source = ''") == .integer(0))
        #expect(try c.importDocument(text: try b.exportText(exportedAt: fixedExportTime))[Citizen.table].created == 1)
        #expect(try c.all(Citizen.self).count == 2)
    }
}
