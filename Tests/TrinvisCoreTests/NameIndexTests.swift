import Foundation
import Testing
@testable import TrinvisCore

/// The name search looks names up in the trigram index (`citizen_name`) instead of reading every
/// name, finds exactly what reading every name finds, and the index follows every way a name
/// is written.
@Suite struct NameIndexTests {
    /// Danish names made from parts, so that fragments are frequent ("sen") and rare ("ølg").
    private static let first = ["Jens", "Mette", "Søren", "Aase", "Åge", "Kirsten", "Ib", "Jørgen", "Anne-Marie", "Bo"]
    private static let middle = ["", "Ærø ", "Kaae ", "Bøgh ", "Wulff "]
    private static let last = ["Jensen", "Hansen", "Aalund", "Ølgaard", "Madsen", "Præst", "Kjær", "Schrøder", "Nielsen"]

    private static func names(_ count: Int) -> [String] {
        (0..<count).map { index in
            first[index % first.count] + " " + middle[(index / 3) % middle.count] + last[(index * 7 / 5) % last.count]
        }
    }

    /// What the search must find, worked out without SQLite: the citizens whose folded name
    /// holds every folded word, not archived, in Danish name order.
    private static func expected(_ query: String, in citizens: [Citizen], limit: Int) -> [CitizenID] {
        let words = TextNormalization.searchKey(query).split(whereSeparator: \.isWhitespace).map(String.init)
        return citizens
            .filter { citizen in citizen.archivedOn == nil && words.allSatisfy { TextNormalization.searchKey(citizen.name).contains($0) } }
            .sorted { (TextNormalization.sortKey($0.name), $0.id.rawValue) < (TextNormalization.sortKey($1.name), $1.id.rawValue) }
            .prefix(limit).map(\.id)
    }

    private func world(_ count: Int) throws -> (Fixture, [Citizen]) {
        let fixture = try Fixture()
        var citizens: [Citizen] = []
        try fixture.workspace.transaction {
            for (index, name) in Self.names(count).enumerated() {
                var citizen = Citizen(name: name, registeredOn: LocalDate(iso: "2026-01-05")!)
                if index % 11 == 0 { citizen.archivedOn = LocalDate(iso: "2026-02-01")! }
                citizens.append(try fixture.workspace.create(citizen))
            }
        }
        return (fixture, citizens)
    }

    /// The index's rows and the citizens' folded names, which must be the same.
    private func indexAndTable(_ workspace: Workspace) throws -> (index: [String], table: [String]) {
        let index = try workspace.database.fetchAll("SELECT rowid, name_key FROM citizen_name ORDER BY rowid") {
            "\(try $0.get(0, as: Int64.self)) \(try $0.get(1, as: String.self))"
        }
        let table = try workspace.database.fetchAll("SELECT id, name_key FROM citizen ORDER BY id") {
            "\(try $0.get(0, as: Int64.self)) \(try $0.get(1, as: String.self))"
        }
        return (index, table)
    }

    /// The rows of `citizen_name_gram`, and the rows it must have, worked out here from each
    /// citizen's folded name: one per trigram (three Unicode scalars, as SQLite counts) without
    /// a space.
    private func gramsAndNames(_ workspace: Workspace) throws -> (grams: [String], names: [String]) {
        let grams = try workspace.database.fetchAll("SELECT gram, name_sort, citizen_id, name_key, organisation_id FROM citizen_name_gram") {
            $0.values.map { "\($0)" }.joined(separator: "|")
        }.sorted()
        var names = Set<String>()
        try workspace.database.forEach("SELECT name_key, name_sort, id, organisation_id FROM citizen") { row in
            let key: String = try row.get(0)
            let scalars = Array(key.unicodeScalars)
            for start in scalars.indices where start + 3 <= scalars.count {
                let gram = String(String.UnicodeScalarView(scalars[start..<start + 3]))
                guard !gram.contains(" ") else { continue }
                names.insert([SQLValue.text(gram), row.values[1], row.values[2], row.values[0], row.values[3]].map { "\($0)" }.joined(separator: "|"))
            }
        }
        return (grams, names.sorted())
    }

    @Test func bothWaysFindExactlyWhatReadingEveryNameFinds() throws {
        let (fixture, citizens) = try world(400)
        let workspace = fixture.workspace
        // Every fragment of one to five letters of some names, whole words, two words in either
        // order, `aa` for `å`, upper case, and fragments no one has.
        var queries = Set<String>()
        for name in Self.names(40) {
            let key = Array(TextNormalization.searchKey(name))
            for length in 1...5 where key.count >= length {
                for start in stride(from: 0, through: key.count - length, by: 3) {
                    let fragment = String(key[start..<start + length])
                    if !fragment.contains(" ") { queries.insert(fragment) }
                }
            }
        }
        queries.formUnion(["jensen mette", "mette jensen", "aalund", "ÅLUND", "Ølg", "kaae", "kåe", "ærø jens", "x", "zzz",
                           "anne-marie", "e-m", "sen ib", "øl ga", "qqq jensen"])
        for query in queries.sorted() {
            let wanted = Self.expected(query, in: citizens, limit: 25)
            // The walk in name order off (0), giving up at once (3) or reading all it needs.
            for (candidates, budget) in [0, 5, 1_000_000].flatMap({ candidates in [0, 3, 1_000_000].map { (candidates, $0) } }) {
                workspace.nameSearchCandidateLimit = candidates
                workspace.nameGramBudget = budget
                let words = TextNormalization.searchKey(query).split(whereSeparator: \.isWhitespace).map(String.init)
                #expect(try workspace.citizensNamed(words, limit: 25, includeArchived: false) == wanted,
                        "'\(query)' with at most \(candidates) candidates, a walk of \(budget)")
                let hits = try workspace.search(query, limit: 25, noting: false).filter { $0.match == .name }
                #expect(hits.map(\.summary.citizen.id) == wanted, "search '\(query)' with at most \(candidates) candidates, a walk of \(budget)")
            }
            workspace.nameGramBudget = nil
        }
        // The walk alone (no candidates read) answers a word many names hold.
        workspace.nameSearchCandidateLimit = 0
        let walked = try #require(try workspace.citizensByNameGram(["sen"], includeArchived: false, limit: 25))
        #expect(walked.map(\.id) == Self.expected("sen", in: citizens, limit: 25))
        workspace.nameGramBudget = 3
        #expect(try workspace.citizensByNameGram(["sen"], includeArchived: false, limit: 25) == nil, "the page is not full within 3")
        #expect(try workspace.citizensByNameGram(["se"], includeArchived: false, limit: 25) == nil, "no trigram")
        workspace.nameGramBudget = nil
        // Archived citizens are found when asked for.
        workspace.nameSearchCandidateLimit = 1_000_000
        let archived = try workspace.citizensNamed(["jens"], limit: 1000, includeArchived: true)
        #expect(archived.count == citizens.filter { TextNormalization.searchKey($0.name).contains("jens") }.count)
        #expect(archived.count > (try workspace.citizensNamed(["jens"], limit: 1000, includeArchived: false)).count)
    }

    @Test func theAccessRuleHoldsOnBothWays() throws {
        let fixture = try Fixture(username: "inger")
        let setup = fixture.workspace
        let kommune = try setup.create(Organisation(name: "Aarhus Kommune", kind: .municipality))
        let cafe = try setup.create(Organisation(name: "Værestedet", kind: .dropInCentre))
        try setup.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: kommune.id, username: "inger"))
        var ours = Set<CitizenID>()
        for (index, name) in Self.names(60).enumerated() {
            let made = try setup.create(Citizen(name: name, registeredOn: LocalDate(iso: "2026-01-05")!,
                                                organisationID: index % 2 == 0 ? kommune.id : cafe.id))
            if index % 2 == 0 { ours.insert(made.id) }
        }
        // One of the drop-in centre's citizens is shared with the municipality.
        let shared = try #require(try setup.all(Citizen.self).first { !ours.contains($0.id) && $0.name.hasPrefix("Mette") })
        try setup.create(Consent(citizenID: shared.id, scope: .shareBetweenOrganisations, recipientID: kommune.id,
                                 givenOn: LocalDate(iso: "2026-01-05")!))
        let visible = ours.union([shared.id])
        let everyone = try setup.all(Citizen.self)
        let inger = try Workspace(path: fixture.path, username: "inger", policy: .organisation, clock: { fixture.clock.now })
        for candidates in [0, 1_000_000] {
            for budget in [0, 3, 1_000_000] {
                inger.nameSearchCandidateLimit = candidates
                inger.nameGramBudget = budget
                for query in ["sen", "j", "ølgaard", "mette", "søren", "e", "ett"] {
                    let found = try inger.citizensNamed([TextNormalization.searchKey(query)], limit: 7, includeArchived: false)
                    let wanted = Self.expected(query, in: everyone.filter { visible.contains($0.id) }, limit: 7)
                    #expect(found == wanted, "'\(query)' with at most \(candidates) candidates, a walk of \(budget)")
                }
            }
        }
        // The walk never lets through another organisation's citizen that is not shared.
        inger.nameGramBudget = 1_000_000
        let walked = try #require(try inger.citizensByNameGram(["sen"], includeArchived: false, limit: 1000))
        #expect(!walked.isEmpty && walked.allSatisfy { visible.contains($0.id) })
    }

    /// Under the rule the walk counts the organisation's own names holding the trigram: many
    /// other organisations' names before them in name order do not use up its budget (the
    /// index by organisation, migration 24), and SQLite takes that index by itself.
    @Test func theWalkUnderTheRuleReadsTheOrganisationsOwnNames() throws {
        let fixture = try Fixture(username: "admin")
        let setup = fixture.workspace
        let kommune = try setup.create(Organisation(name: "Aarhus Kommune", kind: .municipality))
        let other = try setup.create(Organisation(name: "Odense Kommune", kind: .municipality))
        try setup.create(Professional(name: "Ada Admin", role: .administrator, organisationID: kommune.id, username: "admin"))
        try setup.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: kommune.id, username: "inger"))
        let registered = LocalDate(iso: "2026-01-05")!
        try setup.transaction {
            for index in 0..<60 {
                try setup.create(Citizen(name: "Anders Jensen \(index)", registeredOn: registered, organisationID: other.id))
            }
        }
        let own = try setup.create(Citizen(name: "Søren Jensen", registeredOn: registered, organisationID: kommune.id))
        let inger = try Workspace(path: fixture.path, username: "inger", policy: .organisation, clock: { fixture.clock.now })
        inger.nameGramBudget = 10
        let walked = try #require(try inger.citizensByNameGram(["jensen"], includeArchived: false, organisation: kommune.id, limit: 5),
                                  "her one Jensen is found within a walk of 10, though 60 others sort before him")
        #expect(walked.map(\.id) == [own.id])
        #expect(try inger.search("jensen", noting: false).map(\.summary.citizen.name) == ["Søren Jensen"])
        let plan = try inger.database.fetchAll("""
            EXPLAIN QUERY PLAN SELECT g.citizen_id FROM citizen_name_gram g CROSS JOIN citizen c ON c.id = g.citizen_id
            WHERE g.organisation_id = ? AND g.gram = ? AND g.name_key LIKE ? ORDER BY g.name_sort, g.citizen_id LIMIT 5
            """, [kommune.id.sqlValue, .text("jen"), .text("%jensen%")]) { try $0.get(3, as: String.self) }
        #expect(plan.contains { $0.contains("COVERING INDEX \(Schema.nameGramByOrganisation)") }, "\(plan)")
    }

    @Test func aSearchForAFewLooksThemUpAndASearchForManyReadsInNameOrder() throws {
        let (fixture, _) = try world(50)
        let condition = "c.name_key LIKE ? ESCAPE '\\' AND c.archived_on IS NULL"
        func plan(_ sql: String) throws -> [String] {
            try fixture.workspace.database.fetchAll("EXPLAIN QUERY PLAN " + sql, [.text("\"ølg\""), .text("%ølg%"), .integer(10)]) {
                try $0.get(3, as: String.self)
            }
        }
        let few = try plan(Workspace.namesLookedUp(where: condition))
        #expect(few.contains { $0.contains("VIRTUAL TABLE INDEX") }, "\(few)")
        #expect(few.contains { $0.contains("SEARCH c USING INTEGER PRIMARY KEY") }, "\(few)")
        #expect(!few.contains { $0.hasPrefix("SCAN c") }, "no name is read but the index's: \(few)")
        let many = try fixture.workspace.database.fetchAll("EXPLAIN QUERY PLAN " + Workspace.namesInOrder(where: condition),
                                                           [.text("%sen%"), .integer(10)]) { try $0.get(3, as: String.self) }
        #expect(many.contains { $0.contains("USING INDEX citizen_by_name") }, "\(many)")
        #expect(!many.contains { $0.contains("TEMP B-TREE") }, "read in order, stopping at the limit: \(many)")
    }

    @Test func theIndexFollowsEveryWayANameIsWritten() throws {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        try workspace.create(Professional(name: "Ada Admin", role: .administrator, username: "admin"))
        try workspace.refreshActor()
        workspace.recordChangesForUndo()
        func same(_ step: String) throws {
            let (index, table) = try indexAndTable(workspace)
            #expect(index == table, "after \(step)")
            let (grams, names) = try gramsAndNames(workspace)
            #expect(grams == names, "the trigrams after \(step)")
        }
        var karen = try workspace.create(Citizen(name: "Karen Ølgaard", registeredOn: workspace.today))
        let ole = try workspace.create(Citizen(name: "Ole Kaae", registeredOn: workspace.today))
        try same("create")
        karen.name = "Karen Bøgh"
        karen = try workspace.update(karen)
        try same("update")
        #expect(try workspace.citizensNamed(["bøgh"], limit: 10, includeArchived: false) == [karen.id])
        #expect(try workspace.citizensNamed([TextNormalization.searchKey("ølgaard")], limit: 10, includeArchived: false).isEmpty)
        #expect(try workspace.undo() != nil)
        try same("undo")
        #expect(try workspace.citizensNamed([TextNormalization.searchKey("ølgaard")], limit: 10, includeArchived: false) == [karen.id])
        try workspace.database.execute("UPDATE citizen SET name_key = 'ole kåe x' WHERE id = ?", [ole.id.sqlValue])
        try same("an UPDATE in SQL")
        try workspace.database.execute("UPDATE citizen SET name_sort = 'ole kåe y' WHERE id = ?", [ole.id.sqlValue])
        try same("an UPDATE of the sort key in SQL")
        let kommune = try workspace.create(Organisation(name: "Aarhus Kommune", kind: .municipality))
        var moved = try #require(try workspace.fetch(Citizen.self, id: ole.id))
        moved.organisationID = kommune.id
        _ = try workspace.update(moved)
        try same("a move to another organisation")

        // An import of another installation's document: its citizens are found by name.
        let other = try Fixture(username: "admin")
        try other.workspace.create(Citizen(name: "Birte Schrøder", registeredOn: other.workspace.today))
        try other.workspace.create(Citizen(name: "Aase Præst", registeredOn: other.workspace.today))
        _ = try workspace.importDocument(text: try other.workspace.exportText())
        try same("import")
        // The import wrote the trigrams at its end; the insert trigger is back, the notes gone.
        try workspace.create(Citizen(name: "Gerda Ågård", registeredOn: workspace.today))
        try same("a citizen created after the import")
        #expect(try workspace.database.scalar("SELECT count(*) FROM sqlite_temp_schema WHERE name LIKE 'citizen_name_gram%'") == .integer(0))
        #expect(try workspace.citizensNamed(["gerda"], limit: 5, includeArchived: false).count == 1)
        #expect(try workspace.search("schrøder", noting: false).map(\.summary.citizen.name) == ["Birte Schrøder"])
        #expect(try workspace.search("åse", noting: false).map(\.summary.citizen.name) == ["Aase Præst"])

        _ = try workspace.erase(citizen: karen.id, reason: "asked")
        try same("erasure")
        #expect(try workspace.database.scalar("SELECT count(*) FROM citizen_name WHERE rowid = ?", [karen.id.sqlValue]) == .integer(0))
        try workspace.delete(try #require(try workspace.fetch(Citizen.self, id: ole.id)))
        try same("delete")
        #expect(try workspace.database.scalar("SELECT count(*) FROM citizen_name") == .integer(3))
    }

    @Test func theFullCheckFindsTrigramsThatDifferFromTheNames() throws {
        let (fixture, citizens) = try world(30)
        _ = try fixture.workspace.checkpointWAL()
        #expect(DatabaseCheck.run(path: fixture.path, full: true).verdict == .healthy(citizens: 30))
        let other = try Database(path: fixture.path)
        try other.execute("DELETE FROM citizen_name_gram WHERE citizen_id = ? AND gram = 'jen'", [citizens[0].id.sqlValue])
        try other.execute("UPDATE citizen_name_gram SET name_key = 'x' WHERE citizen_id = ? AND gram = 'met'", [citizens[1].id.sqlValue])
        #expect(DatabaseCheck.run(path: fixture.path).verdict == .healthy(citizens: 30), "only the full check compares")
        #expect(DatabaseCheck.run(path: fixture.path, full: true).verdict == .damaged(problems: [
            "citizen_name_gram: 3 rows differ from the citizens' names (the name search's trigrams)",
        ]))
    }

    @Test func aSyncImportIsIndexed() throws {
        let municipality = try SyncSide(organisations: [("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try SyncSide(organisations: [("Værestedet Ø", .dropInCentre)], admin: "laptop")
        let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
        var citizen: Citizen?
        let changes = try municipality.recording {
            let made = try municipality.workspace.create(Citizen(name: "Jørgen Wulff", registeredOn: municipality.workspace.today,
                                                                 organisationID: kommune.id))
            try municipality.workspace.create(Consent(citizenID: made.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                                      givenOn: municipality.workspace.today, categories: [.contact, .meetings]))
            citizen = made
        }
        _ = try dropIn.workspace.importSync(try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 1, changes))
        let (index, table) = try indexAndTable(dropIn.workspace)
        #expect(index == table && table.count == 1)
        let (grams, names) = try gramsAndNames(dropIn.workspace)
        #expect(grams == names && !grams.isEmpty)
        #expect(try dropIn.workspace.citizensNamed(["wulff"], limit: 5, includeArchived: false) == [try #require(citizen).id])
    }

    /// A database at `path` migrated without `migration` (so without what it makes) and the
    /// later steps that build on it (`alsoWithout`), holding citizens of the given ids and folded
    /// names (the key the name too), inserted in SQL.
    private func olderDatabase(at path: String, without migration: String, alsoWithout later: [String] = [],
                               names: [(Int, String)], lacking table: String) throws {
        let database = try Database(path: path)
        try Migrator(Schema.migrator.migrations.filter { !([migration] + later).contains($0.identifier) }).migrate(database, now: 0)
        for (id, name) in names {
            try database.execute("""
                INSERT INTO citizen (id, name, name_key, name_sort, registered_on, meeting_interval_days, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, '2026-01-05', 14, 0, 'x', 0, 'x')
                """, [.integer(Int64(id)), .text(name), .text(name), .text(TextNormalization.sortKey(name))])
        }
        #expect(try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = ?", [.text(table)]) == .integer(0))
    }

    @Test func theMigrationIndexesTheNamesOfAnOlderDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        try olderDatabase(at: path, without: "16-name-trigrams", names: [(7, "åge kjær")], lacking: "citizen_name")
        let workspace = try Workspace(path: path, username: "admin")
        let (index, table) = try indexAndTable(workspace)
        #expect(index == table && index == ["7 åge kjær"])
        #expect(try workspace.citizensNamed(["kjær"], limit: 5, includeArchived: false) == [CitizenID(7)])
    }

    @Test func theMigrationWritesTheTrigramsOfAnOlderDatabasesNames() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        try olderDatabase(at: path, without: "19-name-trigrams-in-name-order", alsoWithout: ["24-name-trigrams-by-organisation"],
                          names: [(7, "åge kjær"), (8, "bo"), (9, "anne-marie ærø")],
                          lacking: Schema.nameGramTable)
        let workspace = try Workspace(path: path, username: "admin")
        let (grams, names) = try gramsAndNames(workspace)
        #expect(grams == names && grams.count == 3 + 9)
        workspace.nameGramBudget = 1_000_000
        #expect(try workspace.citizensByNameGram(["rø"], includeArchived: false, limit: 5) == nil)
        #expect(try workspace.citizensByNameGram(["ærø"], includeArchived: false, limit: 5)?.map(\.id) == [CitizenID(9)])
    }
}
