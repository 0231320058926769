extension Workspace {
    /// Brings the schema up to date, or, for a command that only reads (`migrating` false, and
    /// always on a `.readOnly` connection), only checks that it is this version's: such a
    /// command never migrates and never creates a table, and a database that needs migrating,
    /// an empty file or another program's database is refused with a `DatabaseFileProblem`.
    /// Returns true when the workspace may write while it opens (registering the first
    /// administrator of a new database).
    @discardableResult
    static func prepareSchema(_ database: Database, migrating: Bool, now: Int64) throws -> Bool {
        guard migrating, database.mode != .readOnly else {
            try Schema.migrator.requireCurrent(database)
            return false
        }
        try Schema.migrator.migrate(database, now: now)
        return true
    }

    /// True when the connection cannot write (opened `.readOnly`): a command that must log what
    /// it reads checks this before it reads anything.
    package var isReadOnly: Bool { database.mode == .readOnly }
}
