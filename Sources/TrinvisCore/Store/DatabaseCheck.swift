#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of `trinvis check`: what the file at a path is, told apart so that each case gets
/// its own advice (only real damage calls for a backup), and for a Trinvis database SQLite's
/// integrity and foreign-key checks plus Trinvis's own (the schema history is known to this
/// version). The file is opened read-only: checking never changes it, not even on a read-only
/// medium.
package struct DatabaseCheck: Sendable, Equatable {
    /// What the file is.
    package enum Verdict: Sendable, Equatable {
        /// A sound Trinvis database with this many citizens.
        case healthy(citizens: Int)
        /// Not a database Trinvis can use as it is, for a reason that is no damage.
        case unusable(DatabaseFileProblem)
        /// Written by a newer Trinvis (these schema steps are unknown here).
        case newer(steps: [String])
        /// Real damage: what SQLite's checks found.
        case damaged(problems: [String])
    }

    /// Something worth knowing about a file that is otherwise fine.
    package enum Note: Sendable, Equatable {
        /// It is on a read-only medium: it can be read, not changed.
        case readOnlyMedium
        /// Its disk is full: nothing can be saved until there is room.
        case diskFull
        /// Written by an older Trinvis: this many schema steps are applied when it is next
        /// opened for changes.
        case olderSchema(steps: Int)
    }

    /// What the file is.
    package let verdict: Verdict
    /// Notes on a healthy file.
    package let notes: [Note]

    /// What is wrong, one line each; empty for a healthy database.
    package var problems: [String] {
        switch verdict {
        case .healthy: return []
        case .unusable(let problem): return [String(describing: problem)]
        case .newer(let steps): return ["schema: written by a newer Trinvis (\(steps.joined(separator: ", ")))"]
        case .damaged(let problems): return problems
        }
    }

    /// The number of citizens of a healthy database (else 0).
    package var citizens: Int {
        if case .healthy(let citizens) = verdict { return citizens }
        return 0
    }

    /// Checks the file at `path` without changing it (opened read-only; no migrations).
    /// `keepWriteAheadLogFiles` leaves the -wal and -shm files in place when it closes (a
    /// shared installation). Without `full` SQLite's quick check runs (every page and row,
    /// not every index against its table, which is much faster on a large database).
    package static func run(path: String, keepWriteAheadLogFiles: Bool = false, full: Bool = false) -> DatabaseCheck {
        if let problem = fileProblem(path) { return DatabaseCheck(verdict: .unusable(problem), notes: []) }
        var notes: [Note] = []
        if FileMedium.isReadOnly(path) { notes.append(.readOnlyMedium) }
        if FileMedium.isFull(path) { notes.append(.diskFull) }
        let database: Database
        do {
            database = try Database(path: path, mode: .readOnly)
            if keepWriteAheadLogFiles { database.keepWriteAheadLogFiles() }
        } catch {
            return DatabaseCheck(verdict: verdict(for: error, path: path), notes: [])
        }
        do {
            var current = false
            switch try Schema.migrator.state(of: database) {
            case .empty: return DatabaseCheck(verdict: .unusable(.empty), notes: [])
            case .foreign(let tables): return DatabaseCheck(verdict: .unusable(.foreign(tables: tables)), notes: [])
            case .newer(let unknown): return DatabaseCheck(verdict: .newer(steps: unknown), notes: [])
            case .older(let missing): notes.append(.olderSchema(steps: missing.count))
            case .current: current = true
            }
            // Both checks read the whole file, each in its own way: the references are checked
            // on a second connection and thread while this one runs SQLite's check of the pages,
            // so that the check takes about as long as the longer of the two.
            let figures = full && current
            let beside = try? ThreadTask {
                Result { try references(path: path, keepWriteAheadLogFiles: keepWriteAheadLogFiles, figures: figures) }
            }
            let integrity = Result { try database.integrityProblems(quick: !full) }
            let found = beside?.join() ?? Result {
                try references(path: path, keepWriteAheadLogFiles: keepWriteAheadLogFiles, figures: figures)
            }
            let pages = try integrity.get()
            if !pages.isEmpty {
                // Damaged pages: with the references as far as they could be checked (the
                // figures, worked out meanwhile, may have failed on the damage; they do not count).
                let keys = (try? found.get().foreignKeys) ?? []
                return DatabaseCheck(verdict: .damaged(problems: pages + keys), notes: [])
            }
            let checked = try found.get()
            // The kept figures count only in a file whose pages and references are sound.
            let problems = checked.foreignKeys.isEmpty ? try checked.figures.get() : checked.foreignKeys
            if !problems.isEmpty { return DatabaseCheck(verdict: .damaged(problems: problems), notes: []) }
            let count = Int(sqlValue: try database.scalar("SELECT count(*) FROM citizen")) ?? 0
            return DatabaseCheck(verdict: .healthy(citizens: count), notes: notes)
        } catch {
            return DatabaseCheck(verdict: verdict(for: error, path: path), notes: [])
        }
    }

    /// What the references of a file are found to be: the foreign keys, and the results
    /// report's kept figures, the names' trigrams and the full-text index's words against a
    /// computation from the records.
    private struct References: Sendable {
        var foreignKeys: [String]
        /// Empty when not asked for; an error when the figures could not be worked out.
        var figures: Result<[String], any Error>
    }

    /// Checks the references of the file at `path` on a connection of its own, which only reads:
    /// `PRAGMA foreign_key_check`, and with `figures` the kept figures, the names' trigrams and
    /// the full-text index's words (only when the foreign keys hold).
    private static func references(path: String, keepWriteAheadLogFiles: Bool, figures: Bool) throws -> References {
        let database = try Database(path: path, mode: .readOnly)
        if keepWriteAheadLogFiles { database.keepWriteAheadLogFiles() }
        var found = References(foreignKeys: try database.foreignKeyProblems(), figures: .success([]))
        if figures && found.foreignKeys.isEmpty {
            found.figures = Result {
                var problems = try CitizenFigures.differences(in: database).sorted { $0.key < $1.key }.map { table, rows in
                    "\(table): \(rows) rows differ from the records (the results report's figures)"
                }
                let rows = try Schema.nameGramDifferences(in: database)
                if rows > 0 {
                    problems.append("\(Schema.nameGramTable): \(rows) rows differ from the citizens' names (the name search's trigrams)")
                }
                let words = try Schema.searchWordDifferences(in: database)
                if words > 0 {
                    problems.append("\(Schema.searchWordTable): \(words) rows differ from the words of the full-text index")
                }
                return problems
            }
        }
        return found
    }

    /// What the path is when it cannot be a database for a reason seen without SQLite.
    private static func fileProblem(_ path: String) -> DatabaseFileProblem? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            return error == ENOENT ? .missing : .unreadable(reason: String(cString: strerror(error)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .directory }
        if BackupCopy.isTemporaryName(path) { return .unfinishedBackup }
        if info.st_size == 0 { return .empty }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 16, 0) }
        if count != 16 || header != Array("SQLite format 3\0".utf8) { return .notSQLite }
        return nil
    }

    /// A failure while opening or reading the file, told apart from damage.
    private static func verdict(for error: Error, path: String) -> Verdict {
        if let problem = error as? DatabaseFileProblem { return .unusable(problem) }
        guard let error = error as? DatabaseError else { return .damaged(problems: [String(describing: error)]) }
        if error.isFull || FileMedium.isFull(path) { return .unusable(.diskFull) }
        if error.isCorrupt { return .damaged(problems: [error.message]) }
        return .unusable(.unreadable(reason: error.message))
    }
}
