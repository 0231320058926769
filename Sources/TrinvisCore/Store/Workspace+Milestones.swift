/// One change of a milestone's deadline ("moved from 15.01 to 01.02").
package struct DeadlineMove: Sendable, Equatable {
    package let from: LocalDate
    package let to: LocalDate
    /// When it was moved.
    package let movedAt: Timestamp
    /// Who moved it: the professional's name (the account when no professional has it).
    package let movedBy: String
}

extension Workspace {
    /// The deadline history of a milestone the actor may see, oldest first.
    package func deadlineMoves(of milestone: MilestoneID) throws -> [DeadlineMove] {
        guard try fetch(Milestone.self, id: milestone) != nil else { return [] }
        let rows = try database.fetchAll("""
            SELECT from_deadline, to_deadline, moved_at, moved_by FROM milestone_move WHERE milestone_id = ? ORDER BY id
            """, [milestone.sqlValue]) { row in
            (from: try row.get(0) as LocalDate, to: try row.get(1) as LocalDate, at: try row.get(2) as Int64,
             by: try row.get(3) as String)
        }
        var names: [String: String] = [:]
        return try rows.map { row in
            if names[row.by] == nil { names[row.by] = try professionalName(auditName: row.by) }
            return DeadlineMove(from: row.from, to: row.to, movedAt: Timestamp(seconds: row.at, offsetMinutes: clock().offsetMinutes),
                                movedBy: names[row.by] ?? row.by)
        }
    }

    /// The professional's name for an audit column's "ACCOUNT" or "ACCOUNT as NAME" (the one
    /// acted as), or the text itself when no professional has that account.
    package func professionalName(auditName: String) throws -> String {
        let account = auditName.components(separatedBy: " as ").last ?? auditName
        return try professional(account: account)?.name ?? auditName
    }

    /// Marks a milestone achieved today, or (when it is achieved) not achieved again: back to
    /// in progress when it has progress notes, else planned. Logged like every change.
    @discardableResult
    package func toggleAchieved(_ milestone: Milestone) throws -> Milestone {
        var changed = try get(Milestone.self, id: milestone.id)
        if changed.status == .achieved {
            let notes = try all(ProgressNote.self, parent: milestone.id.sqlValue)
            changed.status = notes.isEmpty ? .planned : .inProgress
            changed.achievedOn = nil
        } else {
            changed.status = .achieved
            changed.achievedOn = today
        }
        return try update(changed)
    }
}
