import Foundation
import Testing
@testable import TrinvisCore

@Suite struct FileRightsTests {
    @Test func aDatabaseOthersMayReadIsNamedWithTheCommandThatFixesIt() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("trinvis db.sqlite")
        do {
            let workspace = try Workspace(path: path, username: "tester")
            _ = try workspace.database.scalar("SELECT count(*) FROM citizen")
            chmod(path, 0o660)
            chmod(path + "-wal", 0o600)
            #expect(DatabaseFiles.exposed(databasePath: path).isEmpty)
            chmod(path + "-wal", 0o664)
            chmod(path, 0o644)
            #expect(DatabaseFiles.exposed(databasePath: path) == [path, path + "-wal"])
        }
        #expect(DatabaseFiles.fixCommand([path, path + "-wal"])
                == "chmod o-rwx '\(path)' '\(path)-wal'")
        #expect(DatabaseFiles.fixCommand(["/var/lib/trinvis/trinvis.sqlite"]) == "chmod o-rwx /var/lib/trinvis/trinvis.sqlite")
        #expect(DatabaseFiles.fixCommand(["/tmp/it's"]) == "chmod o-rwx '/tmp/it'\\''s'")
        #expect(DatabaseFiles.exposed(databasePath: folder.path("missing.sqlite")).isEmpty)
    }

    @Test func outsideASetgidProcessPersonRightsChangeNothing() throws {
        let group = getegid()
        let value = try PersonRights.perform { getegid() }
        #expect(value == group)
        #expect(getegid() == group)
    }
}
