import CSQLite

/// An error reported by SQLite: the result code, SQLite's message and the SQL that failed.
///
/// The bound values are never part of the error, so that personal data does not end up in logs.
package struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (the primary code is its low byte).
    package let extendedCode: Int32
    /// SQLite's own message.
    package let message: String
    /// The statement that failed, if any.
    package let sql: String?

    package init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code, such as `SQLITE_BUSY`.
    package var resultCode: Int32 { extendedCode & 0xFF }

    /// The database is locked by another process or connection.
    package var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }
    /// The statement was stopped before it finished (`Database.stopping(when:_:)`).
    package var isInterrupted: Bool { resultCode == SQLITE_INTERRUPT }
    /// The disk or the database is full.
    package var isFull: Bool { resultCode == SQLITE_FULL }
    /// The file is damaged or is not a database.
    package var isCorrupt: Bool { resultCode == SQLITE_CORRUPT || resultCode == SQLITE_NOTADB }
    /// A constraint (unique, foreign key, check) was violated.
    package var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }
    /// The file could not be opened or written.
    package var isReadOnlyOrCannotOpen: Bool {
        resultCode == SQLITE_READONLY || resultCode == SQLITE_CANTOPEN || resultCode == SQLITE_PERM
    }

    package var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }
}
