import CSQLite

/// One row of a table before and after a change, as SQLite's session extension recorded it.
/// Values are by column position (the table's declared order); a nil entry is a column the
/// change did not touch: an update records only the primary key and the columns it changed.
package struct RowChange: Sendable, Equatable {
    /// The table.
    package let table: String
    /// The row before the change; nil when the change inserted it.
    package var before: [SQLValue?]?
    /// The row after the change; nil when the change deleted it.
    package var after: [SQLValue?]?
    /// Which columns make up the primary key.
    package let primaryKey: [Bool]

    /// The change that puts the row back as it was.
    package var inverted: RowChange {
        RowChange(table: table, before: after, after: before, primaryKey: primaryKey)
    }

    /// The primary key's values.
    package var key: [SQLValue] {
        let values = before ?? after ?? []
        return zip(values, primaryKey).compactMap { value, isKey in isKey ? (value ?? .null) : nil }
    }

    /// Which row changed: the table and the primary key.
    package var row: RowIdentity { RowIdentity(table: table, key: key) }

    /// The row's values after the change, else before it (a deletion), by column name; only
    /// the columns the change recorded.
    package func values(columns: [String]) -> [String: SQLValue] {
        var result: [String: SQLValue] = [:]
        for (index, value) in (after ?? before ?? []).enumerated() where index < columns.count {
            if let value { result[columns[index]] = value }
        }
        return result
    }
}

/// A row of a table, named by its primary key.
package struct RowIdentity: Sendable, Hashable {
    package let table: String
    package let key: [SQLValue]
}

/// The rows one transaction changed.
package struct Changeset: Sendable, Equatable {
    /// Every changed row, grouped by table.
    package var changes: [RowChange]

    package init(changes: [RowChange]) {
        self.changes = changes
    }

    /// True when nothing was changed.
    package var isEmpty: Bool { changes.isEmpty }

    /// The changes that put every row back as it was.
    package var inverted: Changeset { Changeset(changes: changes.map(\.inverted)) }

    /// Reads a changeset in SQLite's binary format.
    init(buffer: UnsafeMutableRawPointer, size: Int32) throws {
        var iterator: OpaquePointer?
        let started = sqlite3changeset_start(&iterator, size, buffer)
        guard started == SQLITE_OK, let iterator else {
            throw DatabaseError(extendedCode: started, message: "cannot read the changeset")
        }
        defer { sqlite3changeset_finalize(iterator) }
        var changes: [RowChange] = []
        while true {
            let step = sqlite3changeset_next(iterator)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw DatabaseError(extendedCode: step, message: "cannot read the changeset") }
            var name: UnsafePointer<CChar>?
            var columnCount: Int32 = 0
            var operation: Int32 = 0
            var indirect: Int32 = 0
            var keyFlags: UnsafeMutablePointer<UInt8>?
            var keyCount: Int32 = 0
            guard sqlite3changeset_op(iterator, &name, &columnCount, &operation, &indirect) == SQLITE_OK, let name,
                  sqlite3changeset_pk(iterator, &keyFlags, &keyCount) == SQLITE_OK, let keyFlags else {
                throw DatabaseError(extendedCode: SQLITE_CORRUPT, message: "cannot read the changeset")
            }
            let count = Int(columnCount)
            let primaryKey = (0..<count).map { keyFlags[$0] != 0 }
            func values(_ read: (OpaquePointer, Int32, UnsafeMutablePointer<OpaquePointer?>) -> Int32) -> [SQLValue?] {
                (0..<columnCount).map { column in
                    var value: OpaquePointer?
                    guard read(iterator, column, &value) == SQLITE_OK, let value else { return nil }
                    return SQLValue(sqliteValue: value)
                }
            }
            var before: [SQLValue?]?
            var after: [SQLValue?]?
            switch operation {
            case SQLITE_INSERT:
                after = values(sqlite3changeset_new)
            case SQLITE_DELETE:
                before = values(sqlite3changeset_old)
            default:
                let old = values(sqlite3changeset_old)
                var new = values(sqlite3changeset_new)
                // The key is recorded once, with the old values; both sides carry it here.
                for index in 0..<count where primaryKey[index] { new[index] = old[index] }
                let changed = (0..<count).contains { !primaryKey[$0] && new[$0] != nil && new[$0] != old[$0] }
                guard changed else { continue }
                before = old
                after = new
            }
            changes.append(RowChange(table: String(cString: name), before: before, after: after, primaryKey: primaryKey))
        }
        self.changes = changes
    }
}

extension SQLValue {
    /// The value of a `sqlite3_value` (a changeset's old or new value).
    init(sqliteValue value: OpaquePointer) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER:
            self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT:
            self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let count = Int(sqlite3_value_bytes(value))
            guard let bytes = sqlite3_value_text(value) else {
                self = .text("")
                return
            }
            self = .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            guard count > 0, let raw = sqlite3_value_blob(value) else {
                self = .blob([])
                return
            }
            self = .blob(Array(UnsafeRawBufferPointer(start: raw, count: count)))
        default:
            self = .null
        }
    }
}

/// Records every change made on a connection to the named tables, from its creation until
/// `changeset()`: SQLite's session extension, whose pre-update hook sees each row an INSERT,
/// UPDATE or DELETE touches, also those of triggers and foreign-key actions (a cascade).
/// Virtual tables (the full-text index) are never recorded: their triggers follow the records.
final class Session {
    private let handle: OpaquePointer

    init(database: Database, schema: String = "main", tables: [String]) throws {
        var session: OpaquePointer?
        let code = sqlite3session_create(database.handle, schema, &session)
        guard code == SQLITE_OK, let session else { throw database.lastError(code: code, sql: nil) }
        handle = session
        for table in tables {
            let attached = sqlite3session_attach(session, table)
            guard attached == SQLITE_OK else { throw database.lastError(code: attached, sql: nil) }
        }
    }

    deinit {
        sqlite3session_delete(handle)
    }

    /// What changed since the session began, each row once with its first and last state.
    func changeset() throws -> Changeset {
        var size: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        let code = sqlite3session_changeset(handle, &size, &buffer)
        defer { sqlite3_free(buffer) }
        guard code == SQLITE_OK else { throw DatabaseError(extendedCode: code, message: String(cString: sqlite3_errstr(code))) }
        guard size > 0, let buffer else { return Changeset(changes: []) }
        return try Changeset(buffer: buffer, size: size)
    }
}

/// Told about each outermost transaction of a connection, with what it changed in
/// `recordedTables`: the undo history of a window.
protocol ChangeRecorder: AnyObject {
    /// The tables whose changes are recorded.
    var recordedTables: [String] { get }
    /// The transaction's work is done and about to be committed; `session` holds what it changed.
    /// Runs inside the transaction, so it may read what the change left.
    func transactionWillCommit(_ session: Session, in database: Database)
    /// The transaction committed.
    func transactionDidCommit()
    /// The transaction was rolled back.
    func transactionDidRollBack()
}

extension Database {
    /// The columns of a table, in their declared order (the order of a changeset's values).
    package func columnNames(of table: String) throws -> [String] {
        try fetchAll("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)]) { try $0.get(0) }
    }

    /// The row a change is about as it is now, in the order of `columns` (the table's), or nil
    /// when there is no such row.
    package func currentValues(of change: RowChange, columns: [String]) throws -> [SQLValue]? {
        let condition = zip(columns, change.primaryKey).filter(\.1).map { "\($0.0) = ?" }.joined(separator: " AND ")
        return try fetchOne("SELECT \(columns.joined(separator: ", ")) FROM \(change.table) WHERE \(condition)",
                            change.key)?.values
    }

    /// Everything known of a change's row by column name: what the change recorded before and
    /// after it, and the row as it is now where it exists.
    package func knownValues(of change: RowChange, columns: [String]) throws -> [String: SQLValue] {
        var values: [String: SQLValue] = [:]
        let current = try currentValues(of: change, columns: columns)?.map(Optional.some)
        for side in [change.before, change.after, current] {
            for (index, value) in (side ?? []).enumerated() where index < columns.count {
                if let value { values[columns[index]] = value }
            }
        }
        return values
    }
}

// MARK: Sync: the difference between two databases

extension Session {
    /// Adds to the session the changes that turn `table` in the database attached as `schema`
    /// into the table of the same name in the session's database (`sqlite3session_diff`): rows
    /// only there are inserts, rows only in `schema` deletes, rows with other values updates.
    /// The table must be attached to the session and have the same columns and primary key in
    /// both databases.
    func addDifference(from schema: String, table: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3session_diff(handle, schema, table, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw DatabaseError(extendedCode: code, message: "cannot compare \(schema).\(table): \(text)")
        }
    }

}

// MARK: Sync: changeset bytes, iteration and changegroup

extension Session {
    /// What changed since the session began, in SQLite's binary changeset format (what a sync
    /// file carries and a peer's shadow keeps).
    func changesetBytes() throws -> [UInt8] {
        var size: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        let code = sqlite3session_changeset(handle, &size, &buffer)
        defer { sqlite3_free(buffer) }
        guard code == SQLITE_OK else { throw DatabaseError(extendedCode: code, message: String(cString: sqlite3_errstr(code))) }
        guard size > 0, let buffer else { return [] }
        return Array(UnsafeRawBufferPointer(start: buffer, count: Int(size)))
    }
}

extension Changeset {
    /// Reads a changeset in SQLite's binary format from bytes (empty bytes: no changes). Throws
    /// when the bytes are not a changeset.
    package init(bytes: [UInt8]) throws {
        guard !bytes.isEmpty else {
            self.init(changes: [])
            return
        }
        var copy = bytes
        self = try copy.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return Changeset(changes: []) }
            return try Changeset(buffer: base, size: Int32(raw.count))
        }
    }

    /// Combines changesets into one, as SQLite's changegroup does: each row once, with its first
    /// state before and its last state after (an insert then an update is one insert; an insert
    /// then a delete is nothing).
    package static func combined(_ parts: [[UInt8]]) throws -> [UInt8] {
        var group: OpaquePointer?
        let created = sqlite3changegroup_new(&group)
        guard created == SQLITE_OK, let group else { throw DatabaseError(extendedCode: created, message: "cannot combine changesets") }
        defer { sqlite3changegroup_delete(group) }
        for part in parts where !part.isEmpty {
            var copy = part
            let added = copy.withUnsafeMutableBytes { raw in
                sqlite3changegroup_add(group, Int32(raw.count), raw.baseAddress)
            }
            guard added == SQLITE_OK else { throw DatabaseError(extendedCode: added, message: "cannot combine changesets") }
        }
        var size: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        let written = sqlite3changegroup_output(group, &size, &buffer)
        defer { sqlite3_free(buffer) }
        guard written == SQLITE_OK else { throw DatabaseError(extendedCode: written, message: "cannot combine changesets") }
        guard size > 0, let buffer else { return [] }
        return Array(UnsafeRawBufferPointer(start: buffer, count: Int(size)))
    }
}
