/// A field changed on both sides of a sync: the value kept here and the one that arrived.
package struct SyncConflict: Sendable, Equatable, Identifiable {
    /// The conflict's row in `sync_conflict`.
    package let id: Int64
    /// The installation the other version came from.
    package let peer: String
    /// The record's table and id.
    package let table: String
    package let rowID: Int64
    /// The citizen the record belongs to (nil for organisations and professionals), and their name.
    package let citizen: CitizenID?
    package let citizenName: String?
    /// The field; `*` for the whole record (deleted there and changed here, or arrived while
    /// another record here holds its unique value).
    package let column: String
    /// The value kept here (null when the record is gone here) and the one that arrived.
    package let local: SQLValue
    package let remote: SQLValue
    /// Who changed it there, and when (unix seconds), as the file says.
    package let remoteBy: String?
    package let remoteAt: Int64?
    /// When the import found it.
    package let detectedAt: Int64

    /// The record's kind in messages ("meeting"), else the table's name.
    package var kind: String { UndoTable.named(table)?.kindName ?? table }
    /// True when the whole record was deleted at the other place (and changed here).
    package var deletedThere: Bool { column == "*" && remote == .null }
}

/// How a conflict is settled.
package enum ConflictChoice: String, Sendable, Equatable {
    /// The value kept here stays.
    case local
    /// The value from the other place replaces it (a record deleted there is deleted here).
    case remote
}

/// Why a conflict cannot be settled as asked.
package enum ConflictError: Error, Sendable, Equatable {
    /// The other version cannot be put in place (the record is gone here, or it would clash
    /// with another record): keep the local one, or enter it by hand.
    case remoteCannotBeTaken
    /// It was settled already (in another window).
    case alreadyResolved
}

extension Workspace {
    private static let conflictColumns = """
        k.id, k.peer_installation, k.table_name, k.row_id, k.citizen_id, c.name, k.column_name, k.local_value, k.remote_value,
        k.remote_by, k.remote_at, k.detected_at
        """

    /// The open conflicts the actor may see, oldest first: those of citizens whose records of
    /// that kind they may see (each shown citizen noted as a look-up), and those of
    /// organisations and professionals for administrators.
    package func openConflicts(citizen: CitizenID? = nil, limit: Int = 500) throws -> [SyncConflict] {
        var sql = """
            SELECT \(Self.conflictColumns) FROM sync_conflict k LEFT JOIN citizen c ON c.id = k.citizen_id
            WHERE k.resolved_at IS NULL
            """
        var arguments: [SQLValue] = []
        if let citizen {
            sql += " AND k.citizen_id = ?"
            arguments.append(citizen.sqlValue)
        }
        sql += " ORDER BY k.id LIMIT ?"
        arguments.append(.integer(Int64(limit)))
        let all = try database.fetchAll(sql, arguments, Self.conflict(from:))
        let granted = try grantedCategories(of: Array(Set(all.compactMap(\.citizen))))
        let visible = all.filter { conflict in
            guard let citizen = conflict.citizen else { return policy == .unrestricted || actor.isAdministrator }
            guard let categories = granted[citizen], !categories.isEmpty else { return false }
            guard let category = UndoTable.named(conflict.table)?.category else { return true }
            return categories.contains(category)
        }
        for citizen in Set(visible.compactMap(\.citizen)) { noteLookup(citizen) }
        return visible
    }

    /// How many open conflicts the citizen's records have (for the note in their view).
    package func openConflictCount(citizen: CitizenID) throws -> Int {
        try checkAccess(to: citizen)
        return Int(sqlValue: try database.scalar("SELECT count(*) FROM sync_conflict WHERE citizen_id = ? AND resolved_at IS NULL",
                                                 [citizen.sqlValue])) ?? 0
    }

    private static func conflict(from row: Row) throws -> SyncConflict {
        SyncConflict(id: try row.get(0), peer: try row.get(1), table: try row.get(2), rowID: try row.get(3),
                     citizen: try row.get(4), citizenName: try row.get(5), column: try row.get(6), local: row[7], remote: row[8],
                     remoteBy: try row.get(9), remoteAt: try row.get(10), detectedAt: try row.get(11))
    }

    /// Settles a conflict, in one transaction: keeping the local value marks it resolved;
    /// taking the remote one saves the record with it through `update` (or deletes a record
    /// deleted there through `delete`), under the access rule and logged. Undoable as one step.
    package func resolveConflict(_ id: Int64, choosing choice: ConflictChoice) throws {
        guard let conflict = try database.fetchOne("""
            SELECT \(Self.conflictColumns), k.resolved_at FROM sync_conflict k LEFT JOIN citizen c ON c.id = k.citizen_id
            WHERE k.id = ?
            """, [.integer(id)]).map(Self.conflict(from:)) else {
            throw StoreError.notFound(kind: "conflict", id: id)
        }
        guard try database.scalar("SELECT resolved_at FROM sync_conflict WHERE id = ?", [.integer(id)]) == .null else {
            throw ConflictError.alreadyResolved
        }
        if let citizen = conflict.citizen {
            try checkAccess(to: citizen, category: UndoTable.named(conflict.table)?.category)
        } else if policy != .unrestricted && !actor.isAdministrator {
            throw StoreError.administratorsOnly
        }
        try database.transaction {
            if choice == .remote { try takeRemote(conflict) }
            try database.execute("UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
                                 [.integer(clock().seconds), .text(actor.username), .text(choice.rawValue), .integer(id)])
            try appendAccessLog(conflict.citizen == nil ? .admin : .change, citizen: conflict.citizen,
                                detail: "sync conflict \(conflict.table) \(conflict.rowID) \(conflict.column) resolved: \(choice.rawValue)")
        }
    }

    /// The record kinds a conflict's remote value can be saved into.
    private static let conflictRecords: [any Record.Type] = [
        Organisation.self, Professional.self, Household.self, Activity.self, Citizen.self, TeamMember.self, Consent.self,
        Resource.self, Vision.self, Plan.self, Milestone.self, ProgressNote.self, Meeting.self, Agreement.self,
        Assessment.self, Outcome.self, Placement.self, Story.self,
    ]

    private func takeRemote(_ conflict: SyncConflict) throws {
        guard let type = Self.conflictRecords.first(where: { $0.table == conflict.table }) else {
            throw ConflictError.remoteCannotBeTaken
        }
        try takeRemote(type, conflict)
    }

    private func takeRemote<R: Record>(_ type: R.Type, _ conflict: SyncConflict) throws {
        let names = ["id"] + R.columns + Audit.columns
        guard let row = try database.fetchOne("SELECT \(names.joined(separator: ", ")) FROM \(R.table) WHERE id = ?",
                                              [.integer(conflict.rowID)]) else { throw ConflictError.remoteCannotBeTaken }
        var record = try R(row: row)
        try record.loadChildren(from: database)
        if conflict.deletedThere {
            try delete(record)
            return
        }
        guard let index = names.firstIndex(of: conflict.column), conflict.column != "id" else { throw ConflictError.remoteCannotBeTaken }
        var values = row.values
        values[index] = conflict.remote
        var changed = try R(row: Row(values: values, columns: row.columns))
        try changed.loadChildren(from: database)
        try update(changed)
    }
}
