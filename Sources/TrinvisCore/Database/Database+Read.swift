/// Reading from one snapshot without the write lock.
extension Database {
    /// Runs `body` in a read transaction (`BEGIN DEFERRED`): every read sees the same snapshot
    /// of the database, and no write lock is taken on it, so other users' saves go on. Writes to
    /// attached in-memory scratch databases are allowed. Not for use inside a transaction.
    package func readTransaction<T>(_ body: () throws -> T) throws -> T {
        precondition(!isInTransaction, "a read transaction cannot be nested")
        try execute("BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}
