import CSQLite

/// A prepared statement. Owned by a `Database`, which caches it by its SQL text.
package final class Statement {
    /// The SQL text the statement was prepared from.
    package let sql: String
    private let handle: OpaquePointer
    private unowned let database: Database
    /// The names of the result columns.
    package var columnNames: [String] { columns.names }
    /// The same, with each name's position, shared by the rows.
    private let columns: ColumnNames

    init(database: Database, sql: String) throws {
        self.database = database
        self.sql = sql
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw database.lastError(code: code, sql: sql)
        }
        handle = statement
        let count = Int(sqlite3_column_count(statement))
        columns = ColumnNames((0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) })
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds the arguments, runs the statement to completion and hands each row to `body`.
    func run(_ arguments: [SQLValue], _ body: (Row) throws -> Void) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        defer { sqlite3_reset(handle) }
        let parameterCount = Int(sqlite3_bind_parameter_count(handle))
        guard parameterCount == arguments.count else {
            throw DatabaseError(extendedCode: SQLITE_MISUSE,
                                message: "expected \(parameterCount) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw database.lastError(code: code, sql: sql) }
            try body(Row(values: currentValues(), names: columns))
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let text) where text.isEmpty:
            // An empty buffer has no base address, and a NULL pointer would bind SQL NULL.
            code = trinvis_sqlite3_bind_text(handle, index, "", 0)
        case .text(var text):
            // The string's own UTF-8 (SQLite copies it), not a copy made first.
            code = text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { trinvis_sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count)) }
            }
        case .blob(let bytes) where bytes.isEmpty:
            code = sqlite3_bind_zeroblob(handle, index, 0)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                trinvis_sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count))
            }
        }
        guard code == SQLITE_OK else { throw database.lastError(code: code, sql: sql) }
    }

    private func currentValues() -> [SQLValue] {
        (0..<Int32(columns.names.count)).map { column in
            switch sqlite3_column_type(handle, column) {
            case SQLITE_INTEGER:
                return .integer(sqlite3_column_int64(handle, column))
            case SQLITE_FLOAT:
                return .real(sqlite3_column_double(handle, column))
            case SQLITE_TEXT:
                let count = Int(sqlite3_column_bytes(handle, column))
                guard let bytes = sqlite3_column_text(handle, column) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(handle, column))
                guard count > 0, let raw = sqlite3_column_blob(handle, column) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: raw, count: count)))
            default:
                return .null
            }
        }
    }
}
