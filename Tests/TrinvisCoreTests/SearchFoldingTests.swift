import Foundation
import Testing
@testable import TrinvisCore

/// Danish name search: `aa` is `å`, and the words of a name may be typed in any order.
@Suite struct SearchFoldingTests {
    private func world() throws -> (Fixture, [String: CitizenID]) {
        let fixture = try Fixture()
        var ids: [String: CitizenID] = [:]
        for name in ["Mette Ålund", "Kurt Aalund", "Svend Madsen", "Peter Madsen", "Aase Zachariassen", "Åge Ærø"] {
            ids[name] = try fixture.workspace.create(Citizen(name: name, registeredOn: LocalDate(iso: "2026-01-05")!)).id
        }
        return (fixture, ids)
    }

    private func names(_ hits: [SearchHit]) -> [String] { hits.map(\.summary.citizen.name).sorted() }

    @Test func aaIsÅInKeysSearchAndOrder() throws {
        #expect(TextNormalization.searchKey("Aalborg") == TextNormalization.searchKey("Ålborg"))
        #expect(TextNormalization.searchKey("KAARE") == "kåre")
        let (fixture, _) = try world()
        #expect(names(try fixture.workspace.search("aalund")) == ["Kurt Aalund", "Mette Ålund"])
        #expect(names(try fixture.workspace.search("Ålund")) == ["Kurt Aalund", "Mette Ålund"])
        #expect(names(try fixture.workspace.search("åse")) == ["Aase Zachariassen"])
        // In Danish order aa sorts as å, after z: "Aase" and "Åge" come after "Svend", Åge first.
        let order = try fixture.workspace.citizenSummaries(page: .first(10)).items.map(\.citizen.name)
        #expect(order == ["Kurt Aalund", "Mette Ålund", "Peter Madsen", "Svend Madsen", "Åge Ærø", "Aase Zachariassen"])
    }

    @Test func theWordsOfANameMatchInAnyOrder() throws {
        let (fixture, _) = try world()
        #expect(names(try fixture.workspace.search("madsen svend")) == ["Svend Madsen"])
        #expect(names(try fixture.workspace.search("  svend \t madsen ")) == ["Svend Madsen"])
        #expect(names(try fixture.workspace.search("mads")) == ["Peter Madsen", "Svend Madsen"])
        #expect(try fixture.workspace.search("madsen kurt").filter { $0.match == .name }.isEmpty)
    }

    @Test func theMigrationRecomputesTheKeysOfAnOlderDatabase() throws {
        let (fixture, ids) = try world()
        let kurt = try #require(ids["Kurt Aalund"])
        // As an older Trinvis stored it, before aa folded to å.
        try fixture.workspace.database.execute("UPDATE citizen SET name_key = 'kurt aalund', name_sort = 'kurt aalund' WHERE id = ?",
                                               [kurt.sqlValue])
        #expect(!names(try fixture.workspace.search("ålund")).contains("Kurt Aalund"))
        try fixture.workspace.database.transaction { try Schema.recomputeNameKeys(fixture.workspace.database) }
        #expect(try fixture.workspace.database.scalar("SELECT name_key FROM citizen WHERE id = ?", [kurt.sqlValue]) == .text("kurt ålund"))
        #expect(names(try fixture.workspace.search("ålund")).contains("Kurt Aalund"))
        #expect(Schema.migrator.migrations.contains { $0.identifier == "6-danish-name-keys" })
    }
}
