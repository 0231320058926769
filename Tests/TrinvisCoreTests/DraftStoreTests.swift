import Foundation
import Testing
@testable import TrinvisCore

/// Drafts apart from the shared database: a file per account and database in the data folder,
/// written while another connection holds the shared write lock, moved out of the shared table
/// by each user for their own rows, and never offered for another database.
@Suite struct DraftStoreTests {
    @Test func aDraftIsWrittenAtOnceWhileAnotherConnectionHoldsTheWriteLock() throws {
        let fixture = try Fixture()
        let world = try World(fixture.workspace)
        let importer = try Database(path: fixture.path)
        try importer.execute("BEGIN IMMEDIATE")
        defer { try? importer.execute("ROLLBACK") }
        let start = ContinuousClock.now
        try fixture.workspace.saveDraft(key: "meeting:new:c\(world.citizen.id)", title: "Ny samtale med Åse",
                                        payload: #"{"notes":"Vi talte om ølbrygning \u001b[2J"}"#, citizen: world.citizen.id)
        #expect(ContinuousClock.now - start < .seconds(1), "typing does not wait for the shared database")
        #expect(try fixture.workspace.drafts().map(\.title) == ["Ny samtale med Åse"])
        // Nothing of the draft is in the shared database.
        #expect(try importer.scalar("SELECT count(*) FROM draft") == .integer(0))
    }

    @Test func theDraftsFileIsTheAccountsOwnAndNamedForTheDatabase() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("home/.local/share/trinvis")
        let first = try Workspace(path: directory.path("a.sqlite"), username: "inger")
        let second = try Workspace(path: directory.path("b.sqlite"), username: "inger")
        first.draftsFolder = folder
        second.draftsFolder = folder
        try first.saveDraft(key: "citizen:new", title: "Ny borger", payload: #"{"name":"Bjørn"}"#, citizen: nil)
        #expect(try second.drafts().isEmpty, "a draft of one database is not offered for another")
        #expect(try first.drafts().map(\.payload) == [#"{"name":"Bjørn"}"#])

        let path = try first.draftStorePath()
        #expect(path.hasPrefix(folder + "/drafts-") && path.hasSuffix(".sqlite"))
        #expect(try path != second.draftStorePath())
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600, "only the account reads its drafts")
        #expect(stat(folder, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)

        // The installation's id names the file, so a copy of the database moved elsewhere keeps its drafts.
        #expect(try first.draftStorePath() == folder + "/drafts-" + String(SHA256.hex(try first.installationID).prefix(16)) + ".sqlite")
    }

    @Test func eachUserMovesTheirOwnSharedDraftsOnTheirFirstOpenAndOthersStay() throws {
        let fixture = try Fixture()
        let world = try World(fixture.workspace)
        // Rows written by an older Trinvis (before 15-drafts-apart), of two accounts.
        try fixture.workspace.database.execute("DROP TRIGGER draft_lives_apart")
        for (user, text) in [("inger", "Ingers kladde: ålegræs"), ("bo", "Bos kladde: æbletræ")] {
            try fixture.workspace.database.execute("""
                INSERT INTO draft (username, window_id, form_key, title, payload, updated_at, citizen_id)
                VALUES (?, '', ?, ?, '{}', 100, ?)
                """, [.text(user), .text("meeting:new:c\(world.citizen.id)"), .text(text), world.citizen.id.sqlValue])
        }
        try fixture.workspace.database.executeScript(Schema.draftsApart)

        let inger = try fixture.secondWorkspace(username: "inger")
        #expect(try inger.drafts().map(\.title) == ["Ingers kladde: ålegræs"])
        let shared = try fixture.workspace.database.fetchAll("SELECT username FROM draft") { try $0.get(0, as: String.self) }
        #expect(shared == ["bo"], "only the user's own rows moved; bo's wait for bo")
        #expect(try inger.drafts().count == 1, "moved once, not twice")

        let bo = try fixture.secondWorkspace(username: "bo")
        #expect(try bo.drafts().map(\.title) == ["Bos kladde: æbletræ"])
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM draft") == .integer(0))

        // Nothing writes into the shared table any more.
        #expect(throws: DatabaseError.self) {
            try fixture.workspace.database.execute("""
                INSERT INTO draft (username, form_key, title, payload, updated_at) VALUES ('x', 'k', 't', '{}', 0)
                """)
        }
    }
}
