import Testing
@testable import TrinvisCore

/// What `PRAGMA synchronous` is as each outermost transaction of `database` commits
/// (1 = NORMAL, 2 = FULL), while `body` runs.
func synchronousLevelsAtCommit(_ database: Database, _ body: () throws -> Void) throws -> [Int] {
    nonisolated(unsafe) var levels: [Int] = []
    let before = database.beforeCommit
    database.beforeCommit = { connection in
        try before?(connection)
        levels.append(Int(sqlValue: try connection.scalar("PRAGMA synchronous")) ?? -1)
    }
    defer { database.beforeCommit = before }
    try body()
    return levels
}

@Suite struct CommitWithoutWaitingTests {
    @Test func inWriteAheadLogModeTheCommitDoesNotWaitAndTheNextOneDoes() throws {
        let fixture = try Fixture()
        let database = fixture.workspace.database
        try database.execute("CREATE TABLE note (body TEXT)")
        let levels = try synchronousLevelsAtCommit(database) {
            try database.transactionNotWaitingForDisk { try database.execute("INSERT INTO note VALUES ('hurtigt')") }
            try database.transaction { try database.execute("INSERT INTO note VALUES ('sikkert')") }
        }
        #expect(levels == [1, 2])
        #expect(try database.scalar("PRAGMA synchronous") == .integer(2), "FULL again after it")
        #expect(try database.scalar("SELECT count(*) FROM note") == .integer(2))
    }

    @Test func aFailedBodyRollsBackAndLeavesTheCommitsWaitingAgain() throws {
        let fixture = try Fixture()
        let database = fixture.workspace.database
        try database.execute("CREATE TABLE note (body TEXT NOT NULL)")
        #expect(throws: DatabaseError.self) {
            try database.transactionNotWaitingForDisk {
                try database.execute("INSERT INTO note VALUES ('først')")
                try database.execute("INSERT INTO note VALUES (NULL)")
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM note") == .integer(0))
        #expect(try database.scalar("PRAGMA synchronous") == .integer(2))
    }

    /// With a rollback journal a commit without fsync could damage the file on a power loss, and
    /// inside an open transaction the outer one decides: both wait for the disk.
    @Test func outsideWriteAheadLogModeAndInsideATransactionEveryCommitWaits() throws {
        let fixture = try Fixture()
        let database = try Database(path: fixture.directory.path("journal.sqlite"))
        try database.execute("PRAGMA journal_mode = DELETE")
        try database.execute("CREATE TABLE note (body TEXT)")
        let levels = try synchronousLevelsAtCommit(database) {
            try database.transactionNotWaitingForDisk { try database.execute("INSERT INTO note VALUES ('journal')") }
            try database.transaction {
                try database.transactionNotWaitingForDisk { try database.execute("INSERT INTO note VALUES ('indre')") }
            }
        }
        #expect(levels == [2, 2])
    }

    @Test func theAccessLogIsWrittenWithoutWaitingOnlyWhenAsked() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        // Reading the log back takes an administrator.
        let organisation = try workspace.create(Organisation(name: "Jobcenter Ryslinge", kind: .municipality))
        _ = try workspace.create(Professional(name: "Inger Holm", role: .administrator, organisationID: organisation.id,
                                              username: "inger"))
        try workspace.refreshActor()
        let svend = try workspace.create(Citizen(name: "Svend Madsen", registeredOn: day("2026-01-10")))
        let ulla = try workspace.create(Citizen(name: "Ulla Nørgaard", registeredOn: day("2026-01-10")))
        let levels = try synchronousLevelsAtCommit(workspace.database) {
            workspace.noteLookup(svend.id)
            try workspace.flushAccessLog(waitingForDisk: false)
            workspace.noteLookup(ulla.id)
            try workspace.flushAccessLog()
        }
        #expect(levels == [1, 2])
        let views = try workspace.accessLogEntries().filter { $0.action == .view }.compactMap(\.citizenID)
        #expect(views == [svend.id, ulla.id])
        guard case .intact = try workspace.verifyAccessLog() else {
            Issue.record("the chain of the log must hold")
            return
        }
    }
}
