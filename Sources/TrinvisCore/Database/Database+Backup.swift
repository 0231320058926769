import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A copy written by `Database.backupCopy(beside:)` into a temporary file beside its destination,
/// checked but not yet in place.
package struct BackupCopy: Sendable {
    /// The temporary file (`FILE.partial-PID`): plainly not a database's name.
    package let temporaryPath: String
    /// Where the copy goes when it is kept.
    package let destination: String
    /// What the check of the copy found (integrity, foreign keys, the schema history against the
    /// source's); empty for a sound copy.
    package let problems: [String]

    /// The temporary file's name for `destination`, written by this process.
    package static func temporaryPath(for destination: String) -> String {
        destination + partialMarker + String(getpid())
    }

    /// What a temporary backup file's name holds before the process id.
    package static let partialMarker = ".partial-"

    /// True when `path` is named like a temporary backup file (`….partial-DIGITS`, with or
    /// without SQLite's -journal, -wal or -shm after it).
    package static func isTemporaryName(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let range = name.range(of: partialMarker, options: .backwards) else { return false }
        var rest = name[range.upperBound...]
        for suffix in ["-journal", "-wal", "-shm"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
        }
        return !rest.isEmpty && rest.allSatisfy(\.isNumber)
    }

    /// The temporary file and the companions SQLite may leave beside it.
    package var temporaryFiles: [String] { ["", "-journal", "-wal", "-shm"].map { temporaryPath + $0 } }

    /// Removes the temporary file and its companions.
    package func discard() {
        for file in temporaryFiles { unlink(file) }
    }

    /// Puts the checked copy in place: flushed to the disk, then renamed to `destination` (never
    /// over an existing file), and the folder flushed, so that a crash leaves either no file or
    /// the whole copy at `destination`.
    package func place() throws {
        try Self.flushToDisk(temporaryPath)
        if link(temporaryPath, destination) == 0 {
            unlink(temporaryPath)
        } else {
            let error = errno
            if error == EEXIST { throw BackupError.destinationExists }
            // A file system without hard links: a plain rename (the destination was checked
            // to be free before the copy began).
            guard access(destination, F_OK) != 0 else { throw BackupError.destinationExists }
            guard rename(temporaryPath, destination) == 0 else { throw BackupError.system(errno) }
        }
        let folder = destination.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        try? Self.flushToDisk(folder.isEmpty ? (destination.hasPrefix("/") ? "/" : ".") : folder)
    }

    private static func flushToDisk(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BackupError.system(errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BackupError.system(errno) }
    }
}

/// Why a backup could not be put in place.
package enum BackupError: Error, Sendable, Equatable {
    /// Something is at the destination already.
    case destinationExists
    /// The copy has problems (the source is damaged); kept only with `--force`.
    case damaged(problems: [String])
    /// An operating-system error number.
    case system(Int32)
}

extension Database {
    /// Copies the whole database with SQLite's online backup API (others may go on using it)
    /// into a new temporary file beside `destination`, converts the copy to a single file
    /// (rollback journal, no -wal), and checks it: `integrity_check`, `foreign_key_check` and
    /// that its schema history is the source's. A failure removes the temporary file; problems
    /// found by the check are returned with the copy, for the caller to refuse or keep.
    package func backupCopy(beside destination: String) throws -> BackupCopy {
        let temporary = BackupCopy.temporaryPath(for: destination)
        let pending = BackupCopy(temporaryPath: temporary, destination: destination, problems: [])
        // A file of an earlier process with the same id is nobody's any more.
        pending.discard()
        do {
            let problems = try copyAndCheck(into: temporary)
            return BackupCopy(temporaryPath: temporary, destination: destination, problems: problems)
        } catch {
            pending.discard()
            throw error
        }
    }

    private func copyAndCheck(into temporary: String) throws -> [String] {
        let target = try Database(path: temporary, mode: .create)
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw target.lastError(code: sqlite3_errcode(target.handle), sql: nil)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, 128)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else {
            throw DatabaseError(extendedCode: code, message: String(cString: sqlite3_errstr(code)))
        }
        // One self-contained file: the write-ahead log is folded in and removed.
        try target.execute("PRAGMA journal_mode = DELETE")
        var problems = try target.integrityProblems()
        problems += try target.foreignKeyProblems()
        let copied = try target.recordedMigrations()
        let source = try recordedMigrations()
        if copied != source {
            problems.append("schema: the copy's schema history (\(copied.count) steps) is not the source's (\(source.count))")
        }
        return problems
    }

    /// What `PRAGMA integrity_check` finds (at most 20 lines), each as "integrity: …";
    /// `quick`: `PRAGMA quick_check`, which checks every page and row but does not compare
    /// each index with its table (linear in the file, much faster on a large database).
    /// A file damaged so badly that the check itself fails counts as damage too.
    package func integrityProblems(quick: Bool = false) throws -> [String] {
        do {
            let lines = try fetchAll("PRAGMA \(quick ? "quick_check" : "integrity_check")(20)") { row -> String in try row.get(0) }
            return lines == ["ok"] ? [] : lines.map { "integrity: " + $0 }
        } catch let error as DatabaseError where error.isCorrupt {
            return ["integrity: " + error.message]
        }
    }

    /// What `PRAGMA foreign_key_check` finds, each as "foreign key: …".
    /// A file too damaged for the check to finish counts as damage too.
    package func foreignKeyProblems() throws -> [String] {
        var problems: [String] = []
        do {
            try forEach("PRAGMA foreign_key_check") { row in
                let table: String = try row.get(0)
                let rowid: Int64? = try row.get(1)
                let parent: String = try row.get(2)
                problems.append("foreign key: \(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)")
            }
        } catch let error as DatabaseError where error.isCorrupt {
            problems.append("foreign key: " + error.message)
        }
        return problems
    }

    /// The schema steps recorded in the file, read without creating the history table; empty
    /// when there is none.
    package func recordedMigrations() throws -> [String] {
        let hasHistory = try scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'trinvis_migration'")
        guard hasHistory == .integer(1) else { return [] }
        return try fetchAll("SELECT identifier FROM trinvis_migration ORDER BY rowid") { try $0.get(0, as: String.self) }
    }
}
