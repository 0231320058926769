/// One step of the schema's history. Identifiers never change once released, and steps are
/// never edited: a change to the schema is a new step at the end.
package struct Migration: Sendable {
    /// A stable, unique name such as `"1-initial-schema"`.
    package let identifier: String
    /// Performs the step inside the migration's transaction.
    package let apply: @Sendable (Database) throws -> Void

    /// A step given as an SQL script.
    package init(_ identifier: String, _ sql: String) {
        self.identifier = identifier
        self.apply = { try $0.executeScript(sql) }
    }

    /// A step given as code (for rows inserted with bound parameters).
    package init(_ identifier: String, _ apply: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.apply = apply
    }
}

/// The database was written by a newer Trinvis that knows steps this one does not.
package struct UnknownMigrationsError: Error, Sendable, Equatable {
    /// The identifiers this version of Trinvis does not know.
    package let identifiers: [String]
}

/// Applies migrations in order, each in its own transaction, and records them in the database.
package struct Migrator: Sendable {
    /// The steps in the order they are applied.
    package let migrations: [Migration]

    package init(_ migrations: [Migration]) {
        self.migrations = migrations
    }

    /// The identifiers recorded in the database, in the order they were applied.
    package func appliedIdentifiers(in database: Database) throws -> [String] {
        try database.execute("""
            CREATE TABLE IF NOT EXISTS trinvis_migration (
                identifier TEXT PRIMARY KEY NOT NULL,
                applied_at INTEGER NOT NULL
            ) STRICT
            """)
        return try database.fetchAll("SELECT identifier FROM trinvis_migration ORDER BY rowid") {
            try $0.get(0, as: String.self)
        }
    }

    /// Applies the steps that are not yet recorded. Refuses a database that has steps this
    /// version does not know, since writing to it could damage a newer schema, and another
    /// program's database (tables but no schema history: `DatabaseFileProblem.foreign`), which
    /// it never adds tables to.
    @discardableResult
    package func migrate(_ database: Database, now: Int64) throws -> [String] {
        if case .foreign(let tables) = try state(of: database) { throw DatabaseFileProblem.foreign(tables: tables) }
        let applied = try appliedIdentifiers(in: database)
        let known = Set(migrations.map(\.identifier))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw UnknownMigrationsError(identifiers: unknown) }
        var performed: [String] = []
        for migration in migrations where !applied.contains(migration.identifier) {
            try database.transaction {
                try migration.apply(database)
                try database.execute("INSERT INTO trinvis_migration (identifier, applied_at) VALUES (?, ?)",
                                     [.text(migration.identifier), .integer(now)])
            }
            performed.append(migration.identifier)
        }
        return performed
    }
}
