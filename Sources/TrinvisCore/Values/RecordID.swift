/// The id of a stored record of type `Owner`: ids of different kinds cannot be mixed up.
package struct RecordID<Owner>: Sendable, Hashable, Comparable, CustomStringConvertible, SQLValueConvertible {
    /// The SQLite rowid.
    package let rawValue: Int64

    package init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// The placeholder id of a record that has not been stored yet.
    package static var unsaved: RecordID { RecordID(0) }

    /// False for `unsaved`.
    package var isSaved: Bool { rawValue != 0 }

    package var description: String { String(rawValue) }

    package var sqlValue: SQLValue { .integer(rawValue) }

    package init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue else { return nil }
        rawValue = value
    }

    package static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who created and last changed a record, when, and its version (1 when created, +1 per change).
package struct Audit: Sendable, Hashable {
    /// Seconds since the epoch (UTC) of creation.
    package var createdAt: Int64
    /// The user name that created the record.
    package var createdBy: String
    /// Seconds since the epoch (UTC) of the last change.
    package var updatedAt: Int64
    /// The user name that made the last change.
    package var updatedBy: String
    /// Increases by one with every saved change; an update must name the version it started from.
    package var version: Int64

    package init(createdAt: Int64, createdBy: String, updatedAt: Int64, updatedBy: String, version: Int64) {
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.version = version
    }

    /// The audit of a record not yet stored.
    package static let unsaved = Audit(createdAt: 0, createdBy: "", updatedAt: 0, updatedBy: "", version: 0)

    /// The column names, in the order of `values`.
    static let columns = ["created_at", "created_by", "updated_at", "updated_by", "version"]

    init(row: Row) throws {
        createdAt = try row.get("created_at")
        createdBy = try row.get("created_by")
        updatedAt = try row.get("updated_at")
        updatedBy = try row.get("updated_by")
        version = try row.get("version")
    }
}
