import CSQLite
import Foundation
import Testing
@testable import TrinvisCore

/// Overwrites the page that holds the root of `table` with garbage: damage as a failing disk
/// leaves it.
func corruptRootPage(of table: String, in path: String) throws {
    let page: Int64
    do {
        let database = try Database(path: path, mode: .readOnly)
        page = try #require(Int64(sqlValue: try database.scalar("SELECT rootpage FROM sqlite_schema WHERE name = ?", [.text(table)])))
    }
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64((page - 1) * 4096))
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
}

/// A workspace with one citizen, closed again, at `trinvis.sqlite` in a new folder.
private func savedDatabase() throws -> (TemporaryDirectory, String) {
    let directory = try TemporaryDirectory()
    let path = directory.path("trinvis.sqlite")
    let workspace = try Workspace(path: path, username: "inger")
    _ = try workspace.create(Citizen(name: "Søren Ærø", registeredOn: day("2026-01-05")))
    try workspace.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return (directory, path)
}

private func tableNames(_ path: String) throws -> [String] {
    let database = try Database(path: path, mode: .readOnly)
    return try database.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { try $0.get(0) }
}

@Suite struct ReadOnlyOpeningTests {
    @Test func aReadOnlyWorkspaceReadsButNeverWrites() throws {
        let (directory, path) = try savedDatabase()
        _ = directory
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try Workspace(path: path, username: "inger", mode: .readOnly)
        #expect(reader.isReadOnly)
        #expect(try reader.all(Citizen.self).map(\.name) == ["Søren Ærø"])
        #expect(throws: DatabaseError.self) {
            _ = try reader.create(Citizen(name: "Ny Borger", registeredOn: day("2026-02-01")))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func readingNeverMigratesNorCreatesTables() throws {
        let directory = try TemporaryDirectory()
        // An empty file stays empty.
        let empty = directory.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: DatabaseFileProblem.empty) { _ = try Workspace(path: empty, username: "inger", mode: .readOnly) }
        #expect(throws: DatabaseFileProblem.empty) {
            _ = try Workspace(path: empty, username: "inger", mode: .existing, migrating: false)
        }
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        // A database of an older Trinvis says so and stays as it was.
        let (folder, path) = try savedDatabase()
        _ = folder
        do {
            let database = try Database(path: path)
            try database.execute("DELETE FROM trinvis_migration WHERE rowid = (SELECT max(rowid) FROM trinvis_migration)")
        }
        let last = try #require(Schema.migrator.migrations.last?.identifier)
        #expect(throws: DatabaseFileProblem.needsMigration(missing: [last])) {
            _ = try Workspace(path: path, username: "inger", mode: .readOnly)
        }
        #expect(try Schema.migrator.state(of: Database(path: path, mode: .readOnly)) == .older(missing: [last]))
        // The message counts the steps in good English, one or many.
        let one = Catalog.english(.databaseFile(path: path, problem: .needsMigration(missing: [last])))
        #expect(one.contains("1 step of its schema is still to be applied"))
        let two = Catalog.english(.databaseFile(path: path, problem: .needsMigration(missing: [last, last])))
        #expect(two.contains("2 steps of its schema are still to be applied"))
    }

    @Test func noWorkspaceAddsTablesToAnotherProgramsDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        do {
            let database = try Database(path: path)
            try database.execute("CREATE TABLE notes (body TEXT)")
            try database.execute("INSERT INTO notes VALUES ('Åse')")
        }
        for mode in [Database.OpenMode.create, .existing, .readOnly] {
            #expect(throws: DatabaseFileProblem.foreign(tables: ["notes"])) {
                _ = try Workspace(path: path, username: "inger", mode: mode)
            }
        }
        #expect(try tableNames(path) == ["notes"])
    }
}

@Suite struct DatabaseCheckTests {
    @Test func eachKindOfFileIsToldApart() throws {
        let directory = try TemporaryDirectory()
        #expect(DatabaseCheck.run(path: directory.path("missing.sqlite")).verdict == .unusable(.missing))
        #expect(DatabaseCheck.run(path: directory.url.path).verdict == .unusable(.directory))
        let empty = directory.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(DatabaseCheck.run(path: empty).verdict == .unusable(.empty))
        let text = directory.path("words.sqlite")
        _ = FileManager.default.createFile(atPath: text, contents: Data("nur Wörter, keine Datenbank".utf8))
        #expect(DatabaseCheck.run(path: text).verdict == .unusable(.notSQLite))
        let foreign = directory.path("foreign.sqlite")
        try Database(path: foreign).execute("CREATE TABLE notes (body TEXT)")
        #expect(DatabaseCheck.run(path: foreign).verdict == .unusable(.foreign(tables: ["notes"])))
        #expect(try tableNames(foreign) == ["notes"])

        let (folder, path) = try savedDatabase()
        _ = folder
        #expect(DatabaseCheck.run(path: path).verdict == .healthy(citizens: 1))
        let partial = path + ".partial-4242"
        try FileManager.default.copyItem(atPath: path, toPath: partial)
        #expect(DatabaseCheck.run(path: partial).verdict == .unusable(.unfinishedBackup))
        try Database(path: path).execute("INSERT INTO trinvis_migration (identifier, applied_at) VALUES ('99-future', 0)")
        #expect(DatabaseCheck.run(path: path).verdict == .newer(steps: ["99-future"]))
    }

    @Test func onlyRealDamageIsDamage() throws {
        let (directory, path) = try savedDatabase()
        _ = directory
        try corruptRootPage(of: "citizen", in: path)
        guard case .damaged(let problems) = DatabaseCheck.run(path: path).verdict else {
            Issue.record("a corrupt page must be damage")
            return
        }
        #expect(problems.contains { $0.hasPrefix("integrity:") })
    }

    @Test func temporaryBackupNamesAreKnown() {
        #expect(BackupCopy.isTemporaryName("/x/trinvis.sqlite.partial-123"))
        #expect(BackupCopy.isTemporaryName("b.sqlite.partial-9-wal"))
        #expect(!BackupCopy.isTemporaryName("b.sqlite.partial-"))
        #expect(!BackupCopy.isTemporaryName("b.partial-abc"))
        #expect(!BackupCopy.isTemporaryName("trinvis.sqlite"))
    }
}

@Suite struct BackupTests {
    @Test func aSoundBackupIsCheckedOneFileInPlaceAndLogged() throws {
        let (directory, path) = try savedDatabase()
        let workspace = try Workspace(path: path, username: "inger")
        let copy = directory.path("copy.sqlite")
        #expect(try workspace.backup(to: copy, force: false) == [])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(!names.contains { $0.hasPrefix("copy.sqlite") && $0 != "copy.sqlite" })
        #expect(DatabaseCheck.run(path: copy).verdict == .healthy(citizens: 1))
        #expect(try workspace.accessLogEntries().last?.detail == "backup")
        #expect(throws: BackupError.destinationExists) { try workspace.backup(to: copy, force: false) }
    }

    @Test func aDamagedSourceIsRefusedUnlessForced() throws {
        let (directory, path) = try savedDatabase()
        try corruptRootPage(of: "citizen", in: path)
        let workspace = try Workspace(path: path, username: "inger")
        let copy = directory.path("copy.sqlite")
        do {
            _ = try workspace.backup(to: copy, force: false)
            Issue.record("a damaged database must not be backed up as if it were sound")
        } catch BackupError.damaged(let problems) {
            #expect(!problems.isEmpty)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasPrefix("copy") }
        #expect(left.isEmpty)
        let kept = try workspace.backup(to: copy, force: true)
        #expect(!kept.isEmpty)
        guard case .damaged = DatabaseCheck.run(path: copy).verdict else {
            Issue.record("the forced copy carries the damage")
            return
        }
    }
}

@Suite struct DatabaseCheckReferencesTests {
    /// A row whose citizen is gone, written by a connection with the foreign keys off (as
    /// another tool could), and a damaged page of the access log: the check of the pages and the
    /// check of the references (on a connection and thread of their own) both report, in that
    /// order.
    @Test func theReferencesAreReportedBesideThePages() throws {
        let (directory, path) = try savedDatabase()
        _ = directory
        do {
            let other = try Database(path: path)
            try other.execute("PRAGMA foreign_keys = OFF")
            try other.execute("INSERT INTO citizen_figures_gap (cohort, gap, citizen_id, times) VALUES (0, 14, 987654321, 1)")
            try other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        #expect(DatabaseCheck.run(path: path).verdict == .damaged(problems: [
            "foreign key: citizen_figures_gap row ? refers to a missing citizen",
        ]))
        try corruptRootPage(of: "access_log", in: path)
        guard case .damaged(let problems) = DatabaseCheck.run(path: path).verdict else {
            Issue.record("a corrupt page and a missing citizen must be damage")
            return
        }
        #expect(problems.first?.hasPrefix("integrity:") == true)
        #expect(problems.last == "foreign key: citizen_figures_gap row ? refers to a missing citizen")
    }

    /// The full check works out the kept figures beside the check of the pages. On a damaged
    /// table of theirs (which no foreign key reads) they fail; the damage is still reported line
    /// by line, as SQLite found it.
    @Test func aFullCheckOfDamagedPagesReportsThePagesNotTheFiguresFailure() throws {
        let (directory, path) = try savedDatabase()
        _ = directory
        try corruptRootPage(of: "citizen_figures_stale", in: path)
        guard case .damaged(let problems) = DatabaseCheck.run(path: path, full: true).verdict else {
            Issue.record("a corrupt page must be damage")
            return
        }
        #expect(problems.first?.hasPrefix("integrity:") == true, "\(problems)")
    }
}
