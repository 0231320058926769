import CSQLite
import Foundation
import Testing
@testable import TrinvisCore

@Suite struct DatabaseTests {
    @Test func newFileIsPrivateAndInWALModeWithForeignKeys() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("new.sqlite")
        let database = try Database(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try database.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try database.scalar("PRAGMA foreign_keys") == .integer(1))
        #expect(try database.scalar("PRAGMA synchronous") == .integer(2))
        // Temporary data (the journals of savepoints and statements within a long transaction)
        // stays in memory: written to a temporary file, it made an import's lock seconds longer.
        #expect(try database.scalar("PRAGMA temp_store") == .integer(2))
    }

    @Test func statementsAreCachedAndValuesRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("db.sqlite"))
        try database.execute("CREATE TABLE t (a ANY, b ANY) STRICT")
        let values: [SQLValue] = [.null, .integer(-42), .real(2.5), .text(""), .text("Æblegrød 🍎 漢字"),
                                  .blob([]), .blob([0, 1, 255])]
        for value in values {
            try database.execute("INSERT INTO t (a, b) VALUES (?, ?)", [value, .integer(1)])
        }
        let read = try database.fetchAll("SELECT a FROM t ORDER BY rowid") { $0[0] }
        // An empty blob reads back as an empty blob, an empty text as empty text (never NULL).
        #expect(read == values)
        #expect(try database.statement("SELECT a FROM t ORDER BY rowid") === database.statement("SELECT a FROM t ORDER BY rowid"))
    }

    @Test func errorsCarryCodeMessageAndSQLButNotTheBoundValues() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("db.sqlite"))
        try database.execute("CREATE TABLE t (a TEXT UNIQUE)")
        try database.execute("INSERT INTO t VALUES (?)", [.text("0101921234")])
        do {
            try database.execute("INSERT INTO t VALUES (?)", [.text("0101921234")])
            Issue.record("a duplicate insert must fail")
        } catch let error as DatabaseError {
            #expect(error.isConstraintViolation)
            #expect(error.sql == "INSERT INTO t VALUES (?)")
            #expect(!error.description.contains("0101921234"))
            #expect(error.message.contains("UNIQUE"))
        }
    }

    @Test func transactionRollsBackOnErrorAndSavepointsNest() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("db.sqlite"))
        try database.execute("CREATE TABLE t (a INTEGER)")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (1)")
                throw Stop()
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM t") == .integer(0))
        try database.transaction {
            try database.execute("INSERT INTO t VALUES (1)")
            try? database.transaction {
                try database.execute("INSERT INTO t VALUES (2)")
                throw Stop()
            }
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (3)")
            }
        }
        #expect(try database.fetchAll("SELECT a FROM t ORDER BY a") { try $0.get(0, as: Int.self) } == [1, 3])
        #expect(!database.isInTransaction)
    }

    @Test func secondWriterWaitsThenGetsBusyWhenLockIsHeld() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("db.sqlite")
        let first = try Database(path: path)
        try first.execute("CREATE TABLE t (a INTEGER)")
        let second = try Database(path: path, busyTimeoutMilliseconds: 50)
        try first.execute("BEGIN IMMEDIATE")
        defer { try? first.execute("ROLLBACK") }
        do {
            try second.transaction { try second.execute("INSERT INTO t VALUES (1)") }
            Issue.record("a second writer must not get the lock")
        } catch let error as DatabaseError {
            #expect(error.isBusy)
            #expect(Localizer(.english)(.database(error)).contains("busy"))
        }
    }

    @Test func aFileThatIsNotADatabaseIsReportedAsDamaged() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        do {
            _ = try Database(path: path)
            Issue.record("opening a non-database must fail")
        } catch let error as DatabaseError {
            #expect(error.isCorrupt)
        }
    }

    @Test func migrationsApplyOnceInOrderAndSurviveReopening() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("db.sqlite")
        let migrator = Migrator([
            Migration("1-a", "CREATE TABLE a (x INTEGER)"),
            Migration("2-b", "CREATE TABLE b (y INTEGER)"),
        ])
        do {
            let database = try Database(path: path)
            #expect(try migrator.migrate(database, now: 1) == ["1-a", "2-b"])
        }
        let reopened = try Database(path: path)
        #expect(try migrator.migrate(reopened, now: 2) == [])
        #expect(try migrator.appliedIdentifiers(in: reopened) == ["1-a", "2-b"])
        let longer = Migrator(migrator.migrations + [Migration("3-c", "CREATE TABLE c (z INTEGER)")])
        #expect(try longer.migrate(reopened, now: 3) == ["3-c"])
        // An older version of the program must refuse a database from a newer one.
        #expect(throws: UnknownMigrationsError(identifiers: ["3-c"])) {
            try migrator.migrate(reopened, now: 4)
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("db.sqlite"))
        let migrator = Migrator([Migration("1-bad", "CREATE TABLE a (x INTEGER); THIS IS NOT SQL")])
        #expect(throws: DatabaseError.self) { try migrator.migrate(database, now: 1) }
        #expect(try migrator.appliedIdentifiers(in: database) == [])
        #expect(try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'a'") == .integer(0))
    }

    @Test func fullSchemaMigratesOnAnEmptyFileAndReopens() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("trinvis.sqlite")
        _ = try Workspace(path: path, username: "inger")
        let reopened = try Workspace(path: path, username: "inger")
        let applied = try Schema.migrator.appliedIdentifiers(in: reopened.database)
        #expect(applied == Schema.migrator.migrations.map(\.identifier))
        #expect(try reopened.database.scalar("SELECT count(*) FROM resource_area") == .integer(12))
        #expect(try reopened.database.fetchAll("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func backupIsAConsistentCopy() throws {
        let fixture = try Fixture()
        let organisation = try fixture.workspace.create(Organisation(name: "Jobcenter Ryslinge", kind: .municipality))
        let copyPath = fixture.directory.path("copy.sqlite")
        try fixture.workspace.backup(to: copyPath)
        let copy = try Workspace(path: copyPath, username: "inger")
        #expect(try copy.fetch(Organisation.self, id: organisation.id)?.name == "Jobcenter Ryslinge")
    }
}
