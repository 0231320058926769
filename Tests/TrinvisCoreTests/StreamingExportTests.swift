import Foundation
import Testing
@testable import TrinvisCore

/// The export of everything is written as it is made, one citizen at a time, with the same bytes
/// as the whole document serialized at once.
@Suite struct StreamingExportTests {
    private let at = Timestamp(iso: "2026-03-02T10:00:00+01:00")!

    /// The demo data (households, activities, consents, every kind of record) and a generated
    /// document of 120 citizens imported beside it.
    private func world() throws -> Fixture {
        let fixture = try Fixture(username: "tester")
        try DemoData.populate(fixture.workspace, today: day("2026-03-02"), username: "tester")
        try fixture.workspace.importDocument(text: GeneratedDocument.text(citizens: 120, prefix: "g"))
        return fixture
    }

    @Test func theStreamIsTheWholeDocumentsTextPieceByPiece() throws {
        let fixture = try world()
        let workspace = fixture.workspace
        let whole = try workspace.exportDocument(exportedAt: at).serialized()
        var pieces: [String] = []
        try workspace.exportDocument(exportedAt: at) { pieces.append($0) }
        #expect(pieces.joined() == whole)
        #expect(try JSONParser.parse(pieces.joined()) == (try workspace.exportDocument(exportedAt: at)))
        // One piece per citizen at least, and none near the whole: it was never held whole.
        let citizens = try workspace.all(Citizen.self).count
        #expect(citizens > 120 && pieces.count > citizens)
        let longest = try #require(pieces.map(\.utf8.count).max())
        #expect(longest * 20 < whole.utf8.count, "the longest piece is \(longest) bytes of \(whole.utf8.count)")
        // The chosen citizens' document too (it is made whole first, then written).
        let chosen = Array(try workspace.all(Citizen.self).prefix(3).map(\.id))
        var text = ""
        try workspace.exportDocument(citizens: chosen, exportedAt: at) { text += $0 }
        #expect(text == (try workspace.exportDocument(citizens: chosen, exportedAt: at).serialized()))
        #expect(text == (try workspace.exportText(citizens: chosen, exportedAt: at)))
    }

    @Test func theStreamImportsBackToTheSameDocument() throws {
        let fixture = try world()
        var text = ""
        try fixture.workspace.exportDocument(exportedAt: at) { text += $0 }
        let other = try Fixture(username: "tester")
        try other.workspace.importDocument(text: text)
        for table in ["citizen", "meeting", "agreement", "milestone", "activity_participant", "household"] {
            #expect(try other.workspace.database.scalar("SELECT count(*) FROM \(table)")
                    == (try fixture.workspace.database.scalar("SELECT count(*) FROM \(table)")), "\(table)")
        }
    }

    @Test func aFailingSinkEndsTheExport() throws {
        struct Full: Error {}
        let fixture = try world()
        var received = 0
        #expect(throws: Full.self) {
            try fixture.workspace.exportDocument(exportedAt: at) { _ in
                received += 1
                if received == 10 { throw Full() }
            }
        }
        #expect(received == 10)
        // The snapshot's read transaction is over: the connection writes again.
        #expect(!fixture.workspace.database.isInTransaction)
        try fixture.workspace.create(Citizen(name: "Efter Eksport", registeredOn: day("2026-03-02")))
    }

    @Test func emptyAndOneMemberDocumentsAreWrittenAsTheSerializerWritesThem() throws {
        var text = ""
        var writer = try JSONStreamWriter { text += $0 }
        try writer.finish()
        #expect(text == JSONValue.object([]).serialized())
        text = ""
        writer = try JSONStreamWriter { text += $0 }
        try writer.member("a", .array([.integer(1), .string("æ\u{1B}")]))
        try writer.beginArray("b")
        try writer.endArray()
        try writer.beginArray("c")
        try writer.element(.object([("x", .object([("y", .null)]))]))
        try writer.element(.array([.bool(true)]))
        try writer.endArray()
        try writer.finish()
        let value = JSONValue.object([("a", .array([.integer(1), .string("æ\u{1B}")])), ("b", .array([])),
                                      ("c", .array([.object([("x", .object([("y", .null)]))]), .array([.bool(true)])]))])
        #expect(text == value.serialized())
    }
}
