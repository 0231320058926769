import Foundation
import Testing
@testable import TrinvisCore

/// How an import writes inside its one transaction: its records open no savepoint each (the
/// whole transaction is rolled back on any error), and the full-text index of the rows it creates
/// is written once at the end instead of by a trigger per row. What is stored, and what a search
/// finds, must be exactly as before.
@Suite struct ImportTransactionTests {
    /// Every row of the full-text index, in rowid order.
    static func indexRows(_ database: Database) throws -> [[SQLValue]] {
        try database.fetchAll("SELECT rowid, body, citizen_id, source FROM search_text ORDER BY rowid") { $0.values }
    }

    /// The index as the triggers would have written it: filled anew from the tables, as a new
    /// installation's database is (`Schema+Installation`).
    static func rebuiltIndexRows(_ database: Database) throws -> [[SQLValue]] {
        try database.transaction {
            try database.execute("DELETE FROM search_text")
            try database.executeScript(Schema.searchSources.map(\.fill).joined(separator: "\n"))
        }
        return try indexRows(database)
    }

    /// The triggers of the schema by name, with their text.
    static func triggers(_ database: Database) throws -> [[SQLValue]] {
        try database.fetchAll("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name") { $0.values }
    }

    @Test func anImportIndexesExactlyWhatTheTriggersWould() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "index.sqlite")
        let fresh = try Self.triggers(workspace.database)
        // Two imports: the second one's tables already hold rows.
        try workspace.importDocument(text: GeneratedDocument.text(citizens: 3, prefix: "a"))
        try workspace.importDocument(text: GeneratedDocument.text(citizens: 4, prefix: "b"))
        // The triggers are back, word for word.
        #expect(try Self.triggers(workspace.database) == fresh)

        let imported = try Self.indexRows(workspace.database)
        let sources = Set(imported.compactMap { row -> String? in if case .text(let source) = row[3] { source } else { nil } })
        #expect(sources.isSuperset(of: ["meeting", "agreement", "progress"]))
        #expect(try workspace.database.scalar("SELECT count(*) FROM agreement") == .integer(7 * 6))
        #expect(try Self.rebuiltIndexRows(workspace.database) == imported)

        // A record saved afterwards is indexed by its trigger, as always.
        let meeting = try #require(try workspace.all(Meeting.self).first)
        try workspace.create(Agreement(meetingID: meeting.id, text: "Ringe til zebrafinkeforeningen"))
        let hits = try workspace.search("zebrafinkeforeningen", noting: false)
        #expect(hits.map(\.summary.citizen.id) == [meeting.citizenID])
    }

    @Test func theIndexWrittenTwoRowsAtATimeIsTheTriggersIndex() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "batches.sqlite")
        let fresh = try Self.triggers(workspace.database)
        // Every kind of record, saved the ordinary way (updates and deletes among them), with
        // the index written at the end in statements of two rows each.
        try workspace.database.transaction {
            try workspace.indexingSearchTextAtEnd(batchRows: 2) { _ = try buildRichData(in: workspace) }
        }
        #expect(try Self.triggers(workspace.database) == fresh)
        let written = try Self.indexRows(workspace.database)
        #expect(written.count > 10)
        #expect(try Self.rebuiltIndexRows(workspace.database) == written)
    }

    @Test func aRichImportFindsWhatTheSourceFinds() throws {
        let directory = try TemporaryDirectory()
        // Written by ordinary saves, one trigger per row: households, meetings with members
        // present (set after the citizens, so updated in the import), stories, progress notes.
        let source = try emptyWorkspace(directory, "source.sqlite")
        try buildRichData(in: source)
        let target = try emptyWorkspace(directory, "target.sqlite")
        try target.importDocument(text: try source.exportDocument(exportedAt: fixedExportTime).serialized())

        let imported = try Self.indexRows(target.database)
        #expect(imported.count == (try Self.indexRows(source.database)).count)
        #expect(try Self.rebuiltIndexRows(target.database) == imported)
        func found(_ workspace: Workspace, _ word: String) throws -> [String] {
            try workspace.search(word, noting: false).map { hit in
                if case .text(let source, let excerpt) = hit.match { "\(hit.summary.citizen.name) \(source) \(excerpt)" } else { hit.summary.citizen.name }
            }
        }
        let words = try source.database.fetchAll("SELECT body FROM search_text") { row -> String in
            String((try row.get(0) as String).split(whereSeparator: { !$0.isLetter }).max(by: { $0.count < $1.count }) ?? "")
        }.filter { $0.count > 3 }
        #expect(!words.isEmpty)
        for word in Set(words) {
            #expect(try found(target, word) == found(source, word), "\(word)")
        }
    }

    @Test func aHouseholdMeetingUpdatedInTheImportIsIndexedOnce() throws {
        // The members present are set after every citizen is stored: the new meeting is updated
        // in the import, and its update trigger indexes it before the end.
        let family = try HouseholdTests.Family()
        try family.familyMeeting()
        let directory = try TemporaryDirectory()
        let target = try emptyWorkspace(directory, "household.sqlite")
        try target.importDocument(text: try family.workspace.exportText(exportedAt: fixedExportTime))
        #expect(try target.database.scalar("SELECT count(*) FROM meeting_member") == .integer(1))
        #expect(try target.database.scalar("SELECT count(*) FROM search_text WHERE source = 'meeting'") == .integer(1))
        #expect(try Self.rebuiltIndexRows(target.database) == Self.indexRows(target.database))
        let hits = try target.search("køkkenbordet", noting: false)
        let sofie = try #require(try target.all(Citizen.self).first { $0.name.hasPrefix("Sofie") })
        #expect(hits.map(\.summary.citizen.id) == [sofie.id])
    }

    @Test func aFailedImportLeavesTheDatabaseAsItWas() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "failed.sqlite")
        try workspace.importDocument(text: GeneratedDocument.text(citizens: 2, prefix: "a"))
        let before = try fingerprint(workspace.database)
        let log = try workspace.database.scalar("SELECT count(*) FROM access_log")
        let schema = try workspace.database.fetchAll("SELECT type, name, sql FROM sqlite_schema ORDER BY name") { $0.values }

        // The last citizen's first milestone is due before its plan starts: found inside the
        // import's transaction, after the other citizens, their meetings and agreements were
        // written without a savepoint each, and with the index triggers dropped.
        let document = GeneratedDocument.text(citizens: 3, prefix: "f")
        let milestone = try #require(document.range(of: #"{"id": "fc2m0", "title": "Starte i praktik", "deadline": ""#))
        let date = milestone.upperBound..<document.index(milestone.upperBound, offsetBy: 10)
        let broken = document.replacingCharacters(in: date, with: "2001-01-01")
        #expect(throws: InterchangeError.self) { try workspace.importDocument(text: broken) }
        #expect(!workspace.database.isInTransaction)
        #expect(!workspace.database.nestedTransactionsShareOuter)

        // Every table (the index's included), the access log and the schema as before.
        #expect(try fingerprint(workspace.database) == before)
        #expect(try workspace.database.scalar("SELECT count(*) FROM access_log") == log)
        #expect(try workspace.database.fetchAll("SELECT type, name, sql FROM sqlite_schema ORDER BY name") { $0.values } == schema)

        // The same document, mended, imports whole and indexed.
        try workspace.importDocument(text: document)
        #expect(try workspace.database.scalar("SELECT count(*) FROM citizen") == .integer(5))
        #expect(try Self.rebuiltIndexRows(workspace.database) == Self.indexRows(workspace.database))
    }
}
