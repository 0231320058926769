import Foundation
import Testing
@testable import TrinvisCore

/// Step 12: each installation draws an identity and a site, and every record's id lies in the
/// site's range, so that two installations never give two records the same id.
@Suite struct InstallationIDTests {
    @Test func aNewDatabaseNumbersItsRecordsWithinItsOwnSite() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let site = try workspace.site
        #expect(site >= Schema.lowestSite && site <= Schema.highestSite)
        #expect(try workspace.installationID.count == 36)
        let first = try workspace.create(Citizen(name: "Åse Ærø", registeredOn: day("2026-03-01")))
        let second = try workspace.create(Citizen(name: "Bo Øster", registeredOn: day("2026-03-01")))
        #expect(first.id.rawValue == site << 32 | 1)
        #expect(second.id.rawValue == site << 32 | 2)

        // A record received from another site (by sync) has a higher id; the next one made here
        // still follows this site's last, not the other's.
        let otherSite = site == Schema.highestSite ? site - 1 : site + 1
        try workspace.database.execute("""
            INSERT INTO citizen (id, name, name_key, name_sort, registered_on, created_at, created_by, updated_at, updated_by, version)
            VALUES (?, 'Fra et andet sted', 'fra et andet sted', 'fra et andet sted', '2026-03-01', 0, 'x', 0, 'x', 1)
            """, [.integer(otherSite << 32 | 7)])
        let third = try workspace.create(Citizen(name: "Cecilie", registeredOn: day("2026-03-01")))
        #expect(third.id.rawValue == site << 32 | 3)
    }

    @Test func twoInstallationsDrawDifferentIdentities() throws {
        let a = try Fixture(), b = try Fixture()
        #expect(try a.workspace.installationID != b.workspace.installationID)
    }

    /// A database made before the step: its records move into the site's range with every
    /// reference to them, the full-text index follows, and the access log (append-only) still
    /// answers for the citizen.
    @Test func anOlderDatabaseIsRenumberedWithEveryReference() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        do {
            let database = try Database(path: path)
            try Migrator(Array(Schema.migrator.migrations.prefix(11))).migrate(database, now: 0)
            let audit = "0, 'x', 0, 'x', 1"
            try database.executeScript("""
                INSERT INTO organisation (id, name, kind, created_at, created_by, updated_at, updated_by, version)
                    VALUES (1, 'Jobcenter', 'municipality', \(audit));
                INSERT INTO professional (id, name, role, organisation_id, username, created_at, created_by, updated_at, updated_by, version)
                    VALUES (1, 'Inger Holm', 'caseworker', 1, 'inger', \(audit));
                INSERT INTO citizen (id, name, name_key, name_sort, registered_on, organisation_id, created_at, created_by, updated_at, updated_by, version)
                    VALUES (1, 'Jørgen Ålund', 'jørgen ålund', 'ålund jørgen', '2026-01-01', 1, \(audit));
                INSERT INTO team_member (id, citizen_id, professional_id, responsible, from_date, created_at, created_by, updated_at, updated_by, version)
                    VALUES (1, 1, 1, 1, '2026-01-01', \(audit));
                INSERT INTO meeting (id, citizen_id, at_utc, at_offset, kind, notes, created_at, created_by, updated_at, updated_by, version)
                    VALUES (1, 1, 1767261600, 60, 'conversation', 'Talte om havearbejdet', \(audit));
                INSERT INTO external_id (kind, external, local_id) VALUES ('citizen', 'c9', 1);
                INSERT INTO draft (username, form_key, title, payload, updated_at, citizen_id)
                    VALUES ('inger', 'meeting:1:c1', 'Samtale', '{}', 0, 1);
                INSERT INTO access_log (id, at, account, action, citizen_id, detail, chain, previous_hash, hash)
                    VALUES (1, 0, 'inger', 'view', 1, '', 'lookup', '', '');
                """)
        }
        let workspace = try Workspace(path: path, username: "inger")
        let offset = try workspace.site << 32
        let rows = try workspace.database.fetchAll("SELECT id, name FROM citizen") { "\(try $0.get(0, as: Int64.self)) \(try $0.get(1, as: String.self))" }
        let citizen = try #require(try workspace.all(Citizen.self).first, "\(rows) offset \(offset)")
        #expect(citizen.id.rawValue == offset | 1)
        #expect(try workspace.database.fetchAll("PRAGMA foreign_key_check") { _ in 1 }.isEmpty)
        let scalar = { (sql: String) in try workspace.database.scalar(sql) }
        #expect(try scalar("SELECT citizen_id FROM team_member") == .integer(offset | 1))
        #expect(try scalar("SELECT professional_id FROM team_member") == .integer(offset | 1))
        #expect(try scalar("SELECT organisation_id FROM professional") == .integer(offset | 1))
        #expect(try scalar("SELECT citizen_id FROM meeting") == .integer(offset | 1))
        #expect(try scalar("SELECT local_id FROM external_id") == .integer(offset | 1))
        #expect(try scalar("SELECT form_key FROM draft") == .text("meeting:\(offset | 1):c\(offset | 1)"))
        #expect(try scalar("SELECT citizen_id FROM draft") == .integer(offset | 1))
        #expect(try workspace.search("havearbejdet", noting: false).map(\.summary.citizen.id) == [citizen.id])
        #expect(try workspace.accessHistory(of: citizen.id).map(\.account) == ["inger"])
        let next = try workspace.create(Citizen(name: "Ny", registeredOn: day("2026-03-01")))
        #expect(next.id.rawValue == offset | 2)
    }
}
