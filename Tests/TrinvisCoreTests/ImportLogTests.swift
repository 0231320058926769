import Foundation
import Testing
@testable import TrinvisCore

/// What an import writes to the access log: one entry per citizen it created or changed records
/// of ("citizen 12 imported: 19 records created"), not one per record, so that its transaction
/// holds the write lock briefly; the log still says who imported whom, and its chains hold.
@Suite struct ImportLogTests {
    /// 19 records per citizen of a generated document (see `GeneratedDocument`): the citizen,
    /// a team entry, a consent, a resource, a plan, three milestones, a progress note, three
    /// meetings, six agreements and an assessment.
    static let recordsPerCitizen = 19

    @Test func anImportLogsOneEntryPerCitizen() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "log.sqlite")
        let document = GeneratedDocument.text(citizens: 3, prefix: "g")
        try workspace.importDocument(text: document)
        let citizens = try workspace.all(Citizen.self).map(\.id).sorted()
        #expect(citizens.count == 3)

        let entries = try workspace.accessLogEntries()
        let changes = entries.filter { $0.action == .change }
        #expect(changes.map(\.citizenID) == citizens)
        #expect(changes.map(\.detail) == citizens.map { "citizen \($0.rawValue) imported: \(Self.recordsPerCitizen) records created" })
        #expect(changes.allSatisfy { $0.account == "importer" })
        // The organisation and the professional: an administrator's change each, as before.
        #expect(entries.filter { $0.action == .admin }.map(\.detail).count == 2)
        #expect(entries.count == 5)
        // The citizen's right of access tells of the import, as records added about them.
        let history = try workspace.accessHistory(of: citizens[0])
        #expect(history.map(\.detail) == ["citizen \(citizens[0].rawValue) imported: 19 records created"])
        #expect(AccessLetter.Kind(action: .change, detail: history[0].detail) == .added)
        #expect(AccessLetter.Subject(action: .change, detail: history[0].detail) == .contact)

        // The same document again changes nothing and logs nothing.
        try workspace.importDocument(text: document)
        #expect(try workspace.accessLogEntries().count == 5)

        // One milestone of the first citizen changed: one entry, for that citizen only.
        let first = try #require(document.range(of: #""title": "Søge løntilskud""#))
        try workspace.importDocument(text: document.replacingCharacters(in: first, with: #""title": "Søge job med løntilskud""#))
        let after = try workspace.accessLogEntries()
        #expect(after.count == 6)
        #expect(after.last?.citizenID == citizens[0])
        #expect(after.last?.detail == "citizen \(citizens[0].rawValue) imported: 1 record updated")
        // The change chain is unbroken (what `audit --verify` checks).
        var previous = AccessLogEntry.genesis
        for entry in after where entry.chain == .change {
            #expect(entry.previousHash == previous && entry.recomputedHash == entry.hash, "entry \(entry.id)")
            previous = entry.hash
        }
    }

    @Test func aFailedImportLogsNothingAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "failed.sqlite")
        // The last citizen's first milestone is due before its plan starts: found inside the
        // import's transaction, after the other citizens were written.
        let document = GeneratedDocument.text(citizens: 3, prefix: "f")
        let milestone = try #require(document.range(of: #"{"id": "fc2m0", "title": "Starte i praktik", "deadline": ""#))
        let date = milestone.upperBound..<document.index(milestone.upperBound, offsetBy: 10)
        let broken = document.replacingCharacters(in: date, with: "2001-01-01")
        #expect(throws: InterchangeError.self) { try workspace.importDocument(text: broken) }
        #expect(try workspace.database.scalar("SELECT count(*) FROM access_log") == .integer(0))
        #expect(try workspace.database.scalar("SELECT count(*) FROM citizen") == .integer(0))
        #expect(try workspace.database.scalar("SELECT count(*) FROM external_id") == .integer(0))
    }
}
