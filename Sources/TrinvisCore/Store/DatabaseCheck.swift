/// The result of `trinvis check`: SQLite's integrity and foreign-key checks plus Trinvis's own
/// (the schema history is known to this version).
package struct DatabaseCheck: Sendable {
    /// What is wrong, one line each; empty for a healthy database.
    package let problems: [String]
    /// The number of citizens, when the database could be read.
    package let citizens: Int

    /// Checks the database file at `path` without changing it (no migrations are applied).
    /// `keepWriteAheadLogFiles` leaves the -wal and -shm files in place when it closes (a
    /// shared installation).
    package static func run(path: String, keepWriteAheadLogFiles: Bool = false) -> DatabaseCheck {
        var problems: [String] = []
        let database: Database
        do {
            database = try Database(path: path)
            if keepWriteAheadLogFiles { database.keepWriteAheadLogFiles() }
        } catch {
            return DatabaseCheck(problems: [describe(error)], citizens: 0)
        }
        do {
            let integrity = try database.fetchAll("PRAGMA integrity_check") { row -> String in try row.get(0) }
            if integrity != ["ok"] { problems += integrity.prefix(20).map { "integrity: " + $0 } }
        } catch {
            problems.append("integrity: " + describe(error))
        }
        do {
            try database.forEach("PRAGMA foreign_key_check") { row in
                let table: String = try row.get(0)
                let rowid: Int64? = try row.get(1)
                let parent: String = try row.get(2)
                problems.append("foreign key: \(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)")
            }
        } catch {
            problems.append("foreign key: " + describe(error))
        }
        do {
            let hasHistory = try database.scalar(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'trinvis_migration'")
            if hasHistory == .integer(1) {
                let applied = try Schema.migrator.appliedIdentifiers(in: database)
                let known = Set(Schema.migrator.migrations.map(\.identifier))
                let unknown = applied.filter { !known.contains($0) }
                if !unknown.isEmpty {
                    problems.append("schema: written by a newer Trinvis (\(unknown.joined(separator: ", ")))")
                }
            } else if try database.scalar("SELECT count(*) FROM sqlite_schema") != .integer(0) {
                problems.append("schema: this is not a Trinvis database")
            }
        } catch {
            problems.append("schema: " + describe(error))
        }
        var citizens = 0
        if problems.isEmpty, let count = try? database.scalar("SELECT count(*) FROM citizen"), case .integer(let value) = count {
            citizens = Int(value)
        }
        return DatabaseCheck(problems: problems, citizens: citizens)
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message }
        return String(describing: error)
    }
}
