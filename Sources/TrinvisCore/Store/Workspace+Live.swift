/// Who changed or deleted a record, and when: what an open window says when another user's save
/// reaches it ("Changed by Bo Hansen at 10:42 while you edit").
package struct RecordChange: Sendable, Equatable {
    /// The professional's name (or the account, when no professional has it).
    package let by: String
    package let at: Timestamp

    package init(by: String, at: Timestamp) {
        self.by = by
        self.at = at
    }
}

extension Workspace {
    /// The entries of the access log looked at when no citizen narrows the search (a company):
    /// the newest ones only, so that a log of millions of rows is never walked on a window's tick.
    static let recentLogEntries: Int64 = 5000

    /// Who saved a record last, and when, from its audit columns.
    package func lastChange(of audit: Audit) throws -> RecordChange {
        RecordChange(by: try professionalName(auditName: audit.updatedBy),
                     at: Timestamp(seconds: audit.updatedAt, offsetMinutes: clock().offsetMinutes))
    }

    /// Who deleted the record of kind `kind` (`Meeting.kindName`) with `id`, and when, as the
    /// access log says: its deletion, or the undo that took a newly created record away. The
    /// record's citizen (when it had one) must be one the actor may see; the search uses their
    /// entries only, else the newest entries of the log. Nil when the log does not say (the
    /// record went with what it belonged to, a plan with its milestones).
    package func deletion(kind: String, id: Int64, citizen: CitizenID?) throws -> RecordChange? {
        let details: [SQLValue] = ["\(kind) \(id) deleted", "undo \(kind) \(id) created", "redo \(kind) \(id) deleted"].map { .text($0) }
        let row: Row?
        if let citizen {
            try checkAccess(to: citizen)
            row = try database.fetchOne("""
                SELECT account, acting_as, at FROM access_log
                WHERE citizen_id = ? AND detail IN (?, ?, ?) ORDER BY id DESC LIMIT 1
                """, [citizen.sqlValue] + details)
        } else {
            row = try database.fetchOne("""
                SELECT account, acting_as, at FROM access_log
                WHERE id > (SELECT coalesce(max(id), 0) FROM access_log) - ? AND detail IN (?, ?, ?)
                ORDER BY id DESC LIMIT 1
                """, [.integer(Self.recentLogEntries)] + details)
        }
        guard let row else { return nil }
        let account: String = try row.get(0)
        let actingAs: String? = try row.get(1)
        let seconds: Int64 = try row.get(2)
        return RecordChange(by: try professionalName(auditName: actingAs ?? account),
                            at: Timestamp(seconds: seconds, offsetMinutes: clock().offsetMinutes))
    }
}
