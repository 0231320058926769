/// Why a file cannot be used as a Trinvis database as it is, told apart so that each gets its
/// own advice: only real damage (`DatabaseCheck.Verdict.damaged`) calls for a backup.
package enum DatabaseFileProblem: Error, Sendable, Equatable {
    /// Nothing is at the path.
    case missing
    /// The path is a directory.
    case directory
    /// The file is on a file system mounted read-only: it can be read but not changed.
    case readOnlyMedium
    /// The file system holding the file is full.
    case diskFull
    /// The file is empty (0 bytes, or a SQLite file without any table): no Trinvis data yet.
    case empty
    /// The file is not a SQLite database at all (another kind of file).
    case notSQLite
    /// Another program's SQLite database: tables, but no Trinvis schema history.
    case foreign(tables: [String])
    /// Written by an older Trinvis: these steps of the schema have yet to be applied.
    case needsMigration(missing: [String])
    /// A temporary file of a `trinvis backup` that did not finish.
    case unfinishedBackup
    /// The file cannot be read (permissions), with the system's reason.
    case unreadable(reason: String)
}

/// What the schema history of an opened file says, read without changing anything.
package enum SchemaState: Sendable, Equatable {
    /// No tables at all: a new database.
    case empty
    /// Tables, but no `trinvis_migration`: not Trinvis's.
    case foreign(tables: [String])
    /// Every step this version knows is applied, and no other.
    case current
    /// Written by an older Trinvis: the steps still to apply.
    case older(missing: [String])
    /// Written by a newer Trinvis: the steps this version does not know.
    case newer(unknown: [String])
}

extension Migrator {
    /// The state of `database`'s schema history, read without creating or changing anything.
    package func state(of database: Database) throws -> SchemaState {
        let entries = try database.fetchAll("SELECT type, name FROM sqlite_schema ORDER BY name") { row -> (String, String) in
            (try row.get(0), try row.get(1))
        }
        if entries.isEmpty { return .empty }
        guard entries.contains(where: { $0.0 == "table" && $0.1 == "trinvis_migration" }) else {
            let tables = entries.filter { $0.0 == "table" }.map(\.1)
            return .foreign(tables: tables.isEmpty ? entries.map(\.1) : tables)
        }
        let applied = try database.fetchAll("SELECT identifier FROM trinvis_migration ORDER BY rowid") {
            try $0.get(0, as: String.self)
        }
        let known = migrations.map(\.identifier)
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { return .newer(unknown: unknown) }
        let missing = known.filter { !applied.contains($0) }
        return missing.isEmpty ? .current : .older(missing: missing)
    }

    /// Throws unless `database` has exactly this version's schema: for commands that only read,
    /// which never migrate or create tables. A newer schema throws `UnknownMigrationsError`,
    /// everything else a `DatabaseFileProblem`.
    package func requireCurrent(_ database: Database) throws {
        switch try state(of: database) {
        case .current: return
        case .empty: throw DatabaseFileProblem.empty
        case .foreign(let tables): throw DatabaseFileProblem.foreign(tables: tables)
        case .older(let missing): throw DatabaseFileProblem.needsMigration(missing: missing)
        case .newer(let unknown): throw UnknownMigrationsError(identifiers: unknown)
        }
    }
}
