import Foundation
import Testing
@testable import TrinvisCore

/// The words of the full-text index (`search_text_word`) follow every way a text is written,
/// and a search whose last word is looked up as the whole words it begins finds what FTS5's
/// prefix finds. (What it saves is measured by the benchmark: FTS5 merges every row of every
/// word a prefix begins, which costs time, not pages read.)
@Suite struct SearchWordTests {
    /// The kept words with their counts, and the words of the index itself (FTS5's own list),
    /// which must be the same.
    private func keptAndIndexed(_ database: Database) throws -> (kept: [String], indexed: [String]) {
        let kept = try database.fetchAll("SELECT word, rows FROM search_text_word ORDER BY word") {
            "\(try $0.get(0, as: String.self)) \(try $0.get(1, as: Int64.self))"
        }
        let indexed = try database.fetchAll("SELECT term, doc FROM search_text_terms ORDER BY term") {
            "\(try $0.get(0, as: String.self)) \(try $0.get(1, as: Int64.self))"
        }
        return (kept, indexed)
    }

    private func kept(_ word: String, in database: Database) throws -> Bool {
        try database.scalar("SELECT count(*) FROM search_text_word WHERE word = ?", [.text(word)]) == .integer(1)
    }

    @Test func theWordsFollowEveryWayATextIsWritten() throws {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        try workspace.create(Professional(name: "Ada Admin", role: .administrator, username: "admin"))
        try workspace.refreshActor()
        let world = try World(workspace)
        workspace.recordChangesForUndo()
        func same(_ step: String) throws {
            let (kept, indexed) = try keptAndIndexed(workspace.database)
            #expect(kept == indexed, "after \(step)")
            #expect(!kept.isEmpty, "after \(step)")
            #expect(try workspace.database.scalar("SELECT count(*) FROM search_text_scratch_terms") == .integer(0),
                    "the scratch index is empty after \(step)")
        }
        try same("the world")
        var meeting = try workspace.get(Meeting.self, id: world.meeting.id)
        meeting.notes = "Talte om cyklen og haven. Cyklen er rusten."
        meeting = try workspace.update(meeting)
        try same("a meeting's notes changed")
        let agreement = try workspace.create(Agreement(meetingID: meeting.id, text: "Købe arbejdsstøvler til haven"))
        try workspace.create(ProgressNote(milestoneID: world.milestone.id, date: day("2026-01-20"), note: "Ringede til lægen"))
        try workspace.create(Story(citizenID: world.citizen.id, date: day("2026-02-01"), title: "Ædru", text: "Svend fortæller om haven"))
        var citizen = try workspace.get(Citizen.self, id: world.citizen.id)
        citizen.life = "Bor alene med katten Æblegrød"
        citizen = try workspace.update(citizen)
        try same("an agreement, a progress note, a story and the life text")
        #expect(try kept("æblegrød", in: workspace.database))
        #expect(try workspace.undo() != nil)
        try same("undo")
        #expect(try !kept("æblegrød", in: workspace.database), "the undone life text's word is gone")
        try workspace.database.execute("UPDATE agreement SET text = 'Købe gummistøvler' WHERE id = ?", [agreement.id.sqlValue])
        try same("an UPDATE in SQL")
        #expect(try !kept("arbejdsstøvler", in: workspace.database) && kept("gummistøvler", in: workspace.database))
        try workspace.database.execute("UPDATE meeting SET notes = '' WHERE id = ?", [meeting.id.sqlValue])
        try same("notes emptied in SQL")
        #expect(try !kept("rusten", in: workspace.database))

        // An import of another installation's document: its texts' words are counted at its end.
        let other = try Fixture(username: "admin")
        let birte = try other.workspace.create(Citizen(name: "Birte Schrøder", registeredOn: other.workspace.today))
        try other.workspace.create(Story(citizenID: birte.id, date: day("2026-02-03"), title: "Flytning",
                                         text: "Fik nøglerne til lejligheden i Vollsmose, haven følger med"))
        _ = try workspace.importDocument(text: try other.workspace.exportText())
        try same("import")
        #expect(try kept("vollsmose", in: workspace.database))
        try workspace.create(Story(citizenID: world.citizen.id, date: day("2026-02-05"), title: "Praktik", text: "Praktikken begynder"))
        try same("a text written after the import")

        // Erasure takes the words only the erased citizen's texts held.
        let imported = try #require(try workspace.all(Citizen.self).first { $0.name == "Birte Schrøder" })
        _ = try workspace.erase(citizen: imported.id, reason: "asked")
        try same("erasure")
        #expect(try !kept("vollsmose", in: workspace.database) && !kept("nøglerne", in: workspace.database))
        #expect(try kept("haven", in: workspace.database), "a word other texts hold stays")
        try workspace.delete(try workspace.get(Citizen.self, id: world.citizen.id))
        #expect(try workspace.database.scalar("SELECT count(*) FROM search_text_word") == .integer(0))
        #expect(try workspace.database.scalar("SELECT count(*) FROM search_text_terms") == .integer(0))
    }

    @Test func aSyncImportCountsTheWords() throws {
        let municipality = try SyncSide(organisations: [("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try SyncSide(organisations: [("Værestedet Ø", .dropInCentre)], admin: "laptop")
        let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
        let changes = try municipality.recording {
            let made = try municipality.workspace.create(Citizen(name: "Jørgen Wulff", registeredOn: municipality.workspace.today,
                                                                 organisationID: kommune.id))
            try municipality.workspace.create(Consent(citizenID: made.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                                      givenOn: municipality.workspace.today, categories: [.contact, .meetings]))
            try municipality.workspace.create(Meeting(citizenID: made.id, at: instant("2026-02-24T10:00:00+01:00"),
                                                      notes: "Snakkede om værkstedet og praktikken"))
        }
        _ = try dropIn.workspace.importSync(try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 1, changes))
        let (kept, indexed) = try keptAndIndexed(dropIn.workspace.database)
        #expect(kept == indexed)
        #expect(try self.kept("værkstedet", in: dropIn.workspace.database))
        #expect(try dropIn.workspace.search("værks", noting: false).map(\.summary.citizen.name) == ["Jørgen Wulff"])
    }

    /// Words of notes, some sharing beginnings ("prak…"), with Danish letters and digits.
    private static let vocabulary = ["praktik", "praktikken", "praktikplads", "praktisk", "pris", "samtale", "samtalen",
                                     "samarbejde", "bolig", "boligen", "boligstøtte", "gæld", "gælden", "lægen", "læge",
                                     "søvn", "søvnen", "økonomi", "økonomien", "ærlig", "åbent", "åben", "kaffe", "café",
                                     "naïve", "straße", "2026", "20", "cykel", "cyklen", "haven", "havearbejde"]

    /// Every search, with the words looked up (the default), with FTS5's prefix alone (0) and
    /// with too few words allowed for most prefixes (2), finds the same citizens in the same
    /// order, by the same source, and each excerpt marks a word the last one typed begins.
    @Test func lookingUpTheWordsFindsWhatTheFTS5PrefixFinds() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        try workspace.transaction {
            for index in 0..<60 {
                let citizen = try workspace.create(Citizen(name: "Borger \(index)", registeredOn: day("2026-01-05")))
                let words = (0..<6).map { Self.vocabulary[(index * 7 + $0 * 5) % Self.vocabulary.count] }
                try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-02-01T10:00:00+01:00").adding(seconds: Int64(index) * 3600),
                                             notes: words.joined(separator: " ").capitalized))
                if index % 4 == 0 {
                    try workspace.create(Story(citizenID: citizen.id, date: day("2026-02-02"), title: "Historie",
                                               text: Self.vocabulary[index % Self.vocabulary.count]))
                }
            }
        }
        var queries = Set<String>()
        for word in Self.vocabulary {
            let scalars = Array(word)
            for length in 1...min(scalars.count, 8) { queries.insert(String(scalars.prefix(length))) }
        }
        queries.formUnion(["PRAK", "Sam", "ØKO", "Æ", "ÅB", "samtale prak", "bolig gæ", "haven cyk", "zzz", "prakz", "straß",
                           "naï", "CAFÉ", "caf", "2", "20", "x 2026"])
        func hits(_ query: String) throws -> [String] {
            try workspace.search(query, noting: false).map { hit in
                if case .text(let source, _) = hit.match { "\(hit.summary.citizen.id) \(source)" } else { "\(hit.summary.citizen.id) name" }
            }
        }
        var looked = 0
        for query in queries.sorted() {
            workspace.prefixWordLimit = 0
            let wanted = try hits(query)
            for limit in [nil, 2] {
                workspace.prefixWordLimit = limit
                #expect(try hits(query) == wanted, "\(query), at most \(limit.map(String.init) ?? "the default") words")
            }
            workspace.prefixWordLimit = nil
            if try workspace.textMatchExpression(query)?.contains(" OR ") == true { looked += 1 }
            guard let last = query.split(separator: " ").last.map({ $0.lowercased() }) else { continue }
            for hit in try workspace.search(query, noting: false) {
                guard case .text(_, let excerpt) = hit.match else { continue }
                let marked = excerpt.components(separatedBy: "«").dropFirst().map { $0.prefix { $0 != "»" }.lowercased() }
                #expect(marked.contains { $0.hasPrefix(last) }, "\(query): \(excerpt)")
            }
        }
        #expect(looked > 40, "most prefixes are looked up as words (\(looked))")
        // A prefix no word begins needs no full-text query at all.
        #expect(try workspace.textMatchExpression("prakz") == nil)
        #expect(try workspace.textMatchExpression("samtale prak") == "\"samtale\" AND (\"praktik\" OR \"praktikken\" OR \"praktikplads\" OR \"praktisk\")")
    }

    /// The folding assumed for the letters looked up is FTS5's own: each such letter, between
    /// two others, is part of the word, and FTS5 folds it to what `foldedAsTheIndex` says.
    @Test func theFoldingIsTheIndexs() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("folding.sqlite"))
        try database.executeScript("""
            CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
            CREATE VIRTUAL TABLE t_terms USING fts5vocab(t, 'row');
            """)
        var checked = 0
        for value in UInt32(0x20)...UInt32(0x17F) {
            let scalar = Unicode.Scalar(value)!
            let word = "q" + String(Character(scalar)) + "q"
            guard let folded = Workspace.foldedAsTheIndex(word) else { continue }
            try database.execute("INSERT INTO t (rowid, body) VALUES (1, ?)", [.text(word)])
            let terms = try database.fetchAll("SELECT term FROM t_terms") { try $0.get(0, as: String.self) }
            #expect(terms == [folded], "U+\(String(value, radix: 16)): FTS5 makes \(terms), not \(folded)")
            try database.execute("DELETE FROM t")
            checked += 1
        }
        #expect(checked == 10 + 26 * 2 + 61, "the digits, the ASCII letters and Latin-1's letters but ß")
        #expect(Workspace.foldedAsTheIndex("Straße") == nil && Workspace.foldedAsTheIndex("ΩMEGA") == nil)
        #expect(Workspace.foldedAsTheIndex("e\u{301}") == nil, "a combining accent is not a letter to FTS5")
        #expect(Workspace.foldedAsTheIndex("ÆØÅ") == "æøå")
    }

    @Test func theFullCheckFindsWordsThatDifferFromTheIndex() throws {
        let fixture = try Fixture()
        _ = try World(fixture.workspace)
        _ = try fixture.workspace.checkpointWAL()
        #expect(DatabaseCheck.run(path: fixture.path, full: true).verdict == .healthy(citizens: 1))
        let other = try Database(path: fixture.path)
        try other.execute("UPDATE search_text_word SET rows = rows + 1 WHERE word = 'haven'")
        try other.execute("DELETE FROM search_text_word WHERE word = 'talte'")
        #expect(DatabaseCheck.run(path: fixture.path).verdict == .healthy(citizens: 1), "only the full check compares")
        #expect(DatabaseCheck.run(path: fixture.path, full: true).verdict == .damaged(problems: [
            "search_text_word: 3 rows differ from the words of the full-text index",
        ]))
    }

    @Test func theMigrationCountsTheWordsOfAnOlderDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        do {
            let database = try Database(path: path)
            try Migrator(Schema.migrator.migrations.filter { $0.identifier != "21-search-words" }).migrate(database, now: 0)
            try database.execute("""
                INSERT INTO citizen (id, name, name_key, name_sort, registered_on, meeting_interval_days, life, created_at, created_by, updated_at, updated_by)
                VALUES (7, 'Åge Kjær', 'åge kjær', 'åge kjær', '2026-01-05', 14, 'Praktikken på værkstedet, praktik igen', 0, 'x', 0, 'x')
                """)
            #expect(try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'search_text_word'") == .integer(0))
        }
        let workspace = try Workspace(path: path, username: "admin")
        let (kept, indexed) = try keptAndIndexed(workspace.database)
        #expect(kept == indexed && kept == ["igen 1", "praktik 1", "praktikken 1", "på 1", "værkstedet 1"])
        #expect(try workspace.textMatchExpression("prak") == "(\"praktik\" OR \"praktikken\")")
        #expect(try workspace.search("værk", noting: false).map(\.summary.citizen.id) == [CitizenID(7)])
    }
}
