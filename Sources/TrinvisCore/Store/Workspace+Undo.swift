/// Why an undo or a redo was refused. Nothing was changed.
package enum UndoRefusal: Error, Sendable, Equatable {
    /// Someone changed (or deleted) a record of the step since it was saved: their professional
    /// name (nil when it cannot be told). The undo would overwrite their work, so it is not done.
    case changedSince(ChangeSummary, by: String?)
    /// What the step's records belong to is gone (a citizen erased), or the database refuses to
    /// take them back as they were.
    case cannotRestore(ChangeSummary)
}

extension Workspace {
    /// Records each change this workspace saves from now on (each outermost write transaction of
    /// the records), so that `undo` and `redo` can take it back and do it again. The interface
    /// turns it on for its window; it is off by default.
    package func recordChangesForUndo() {
        guard database.changeRecorder == nil else { return }
        database.changeRecorder = UndoHistory()
    }

    private var undoHistory: UndoHistory? { database.changeRecorder as? UndoHistory }

    /// The saved changes that can be undone, oldest first.
    package var undoableSteps: [ChangeStep] { undoHistory?.undoSteps ?? [] }

    /// The undone changes that can be done again, the next one last.
    package var redoableSteps: [ChangeStep] { undoHistory?.redoSteps ?? [] }

    /// Undoes the newest change of this workspace not yet undone, in one transaction: every row it
    /// touched goes back as it was (a deleted meeting comes back with its agreements, as the
    /// same records), under the access rule, logged as changes ("undo meeting 12 created").
    /// Refused with `UndoRefusal.changedSince` when someone changed one of its rows since, so
    /// nobody's work is overwritten. Returns the step undone; nil when there is nothing to undo.
    @discardableResult
    package func undo() throws -> ChangeStep? {
        try replay(redoing: false)
    }

    /// Does the newest undone change again, like `undo` (logged as "redo …"). Returns the step;
    /// nil when there is nothing to redo.
    @discardableResult
    package func redo() throws -> ChangeStep? {
        try replay(redoing: true)
    }

    private func replay(redoing: Bool) throws -> ChangeStep? {
        guard let history = undoHistory, let step = (redoing ? history.redoSteps : history.undoSteps).last else { return nil }
        precondition(!database.isInTransaction, "an undo is a transaction of its own")
        history.isReplaying = true
        defer { history.isReplaying = false }
        let done: ChangeStep
        do {
            done = try database.transaction { try apply(step, redoing: redoing) }
        } catch let error as DatabaseError where error.isConstraintViolation {
            throw UndoRefusal.cannotRestore(step.summary)
        }
        var auditColumns: [String: [Int]] = [:]
        for table in Set(done.changes.changes.map(\.table)) {
            let columns = try database.columnNames(of: table)
            auditColumns[table] = columns.indices.filter { UndoTable.auditColumns.contains(columns[$0]) }
        }
        history.pop(redoable: redoing, done: done.changes, auditColumns: auditColumns)
        history.push(done, redoable: !redoing)
        return done
    }

    /// Puts the rows of `step` back as they were before it (the inverse of what it recorded),
    /// inside the open transaction, and returns what that changed: the step that does it again.
    private func apply(_ step: ChangeStep, redoing: Bool) throws -> ChangeStep {
        let target = step.changes.inverted
        var columns: [String: [String]] = [:]
        func names(_ table: String) throws -> [String] {
            if let known = columns[table] { return known }
            let read = try database.columnNames(of: table)
            columns[table] = read
            return read
        }
        // Who owns each row, and what the rule asks of whoever changes it.
        var needs: [CitizenID: Set<DataCategory?>] = [:]
        for change in target.changes {
            guard let table = UndoTable.named(change.table) else { continue }
            if table.administratorsOnly, policy != .unrestricted, !actor.isAdministrator,
               !(try isCompanyRow(change, columns: try names(change.table))) {
                throw StoreError.administratorsOnly
            }
            let categories: [DataCategory?] = table.name == Citizen.table && policy != .unrestricted
                ? [nil, .contact, .profile] : [table.category]
            for citizen in try UndoTable.citizens(of: change, in: target, database: database) {
                needs[citizen, default: []].formUnion(categories)
            }
        }
        let existedBefore = try Set(needs.keys.filter(citizenExists))
        try checkAccess(needs, of: existedBefore)

        // Nobody changed the rows since: each is as the step left it (a record's version and
        // time of change included), or still absent.
        for change in target.changes {
            let current = try database.currentValues(of: change, columns: try names(change.table))
            guard Self.matches(current, change.before) else {
                let name = try changer(of: change, current: current, columns: try names(change.table))
                    ?? lastChanger(of: step.citizens, after: step.logPosition)
                throw UndoRefusal.changedSince(step.summary, by: name)
            }
        }

        // The rows go back parents first and come away children first; foreign keys are checked
        // at the commit, when every row is in place.
        try database.execute("PRAGMA defer_foreign_keys = ON")
        let session = try Session(database: database, tables: UndoTable.all.map(\.name))
        let inserts = target.changes.filter { $0.before == nil }.sorted { UndoTable.rank(of: $0.table) < UndoTable.rank(of: $1.table) }
        let updates = target.changes.filter { $0.before != nil && $0.after != nil }
        let deletes = target.changes.filter { $0.after == nil }.sorted { UndoTable.rank(of: $0.table) > UndoTable.rank(of: $1.table) }
        for change in inserts + updates + deletes {
            try write(change, columns: try names(change.table))
        }
        let done = try session.changeset()

        // Only those rows: a deletion that cascades into rows someone added since (an agreement
        // on a meeting being taken back) would remove their work.
        let expected = Set(target.changes.map(\.row))
        if let other = done.changes.first(where: { !expected.contains($0.row) }) {
            let values = try database.knownValues(of: other, columns: try names(other.table))
            let name = (values["updated_by"] ?? values["created_by"]).flatMap { String(sqlValue: $0) }
            throw UndoRefusal.changedSince(step.summary, by: try name.map { try professionalName(auditName: $0) })
        }
        try checkAccess(needs, of: Set(needs.keys.filter { !existedBefore.contains($0) }).filter(citizenExists))
        try logReplay(done, redoing: redoing)
        return ChangeStep(summary: step.summary, citizens: step.citizens, changes: done,
                          logPosition: try database.lastAccessLogID())
    }

    private func citizenExists(_ citizen: CitizenID) throws -> Bool {
        try database.scalar("SELECT EXISTS (SELECT 1 FROM citizen WHERE id = ?)", [citizen.sqlValue]) == .integer(1)
    }

    private func checkAccess(_ needs: [CitizenID: Set<DataCategory?>], of citizens: Set<CitizenID>) throws {
        for citizen in citizens.sorted() {
            for category in needs[citizen] ?? [] { try checkAccess(to: citizen, category: category) }
        }
    }

    /// True when a row is as `expected` says (the columns it names), or absent as expected.
    private static func matches(_ current: [SQLValue]?, _ expected: [SQLValue?]?) -> Bool {
        switch (current, expected) {
        case (nil, nil): return true
        case (let current?, let expected?):
            return zip(current, expected).allSatisfy { value, wanted in wanted.map { $0 == value } ?? true }
        default: return false
        }
    }

    /// Writes one row of an undo: inserts it as it was, deletes it, or sets the columns the step
    /// changed back. A record's audit columns move on rather than back (changed now, by the
    /// actor, one version on), so that a form opened before the undo cannot save over it.
    private func write(_ change: RowChange, columns: [String]) throws {
        let key = zip(columns, change.primaryKey).filter(\.1).map { "\($0.0) = ?" }.joined(separator: " AND ")
        switch (change.before, change.after) {
        case (nil, let after?):
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            try database.execute("INSERT INTO \(change.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                                 after.map { $0 ?? .null })
        case (_?, nil):
            // A child may be gone already, with a parent removed before it.
            try database.execute("DELETE FROM \(change.table) WHERE \(key)", change.key)
        case (_?, let after?):
            var assignments: [String] = []
            var arguments: [SQLValue] = []
            for (index, value) in after.enumerated() where !change.primaryKey[index] && !UndoTable.auditColumns.contains(columns[index]) {
                guard let value else { continue }
                assignments.append("\(columns[index]) = ?")
                arguments.append(value)
            }
            if UndoTable.named(change.table)?.audited == true {
                assignments += ["updated_at = ?", "updated_by = ?", "version = version + 1"]
                arguments += [.integer(clock().seconds), .text(actor.username)]
            }
            guard !assignments.isEmpty else { return }
            let history = UndoTable.historyWrittenByTrigger[change.table]
            let last = try history.map { Int64(sqlValue: try database.scalar("SELECT max(id) FROM \($0)")) ?? 0 }
            try database.execute("UPDATE \(change.table) SET \(assignments.joined(separator: ", ")) WHERE \(key)",
                                 arguments + change.key)
            if let history, let last {
                // The step carries the history rows itself: what the trigger wrote just now goes.
                try database.execute("DELETE FROM \(history) WHERE id > ?", [.integer(last)])
            }
        case (nil, nil):
            break
        }
    }

    /// One access log entry per record the undo changed, in its transaction: "undo meeting 12
    /// created" (the meeting is back), "redo meeting 12 deleted".
    private func logReplay(_ done: Changeset, redoing: Bool) throws {
        for change in done.changes {
            guard let table = UndoTable.named(change.table), let kind = table.kindName,
                  case .integer(let id)? = change.key.first else { continue }
            let verb = change.before == nil ? "created" : change.after == nil ? "deleted" : "updated"
            let action: AccessAction = !table.belongsToCitizen ? .admin : change.after == nil ? .delete : .change
            let citizen = try UndoTable.citizens(of: change, in: done, database: database).first
            try appendAccessLog(action, citizen: citizen, detail: "\(redoing ? "redo" : "undo") \(kind) \(id) \(verb)")
        }
    }

    /// Whoever changed the citizens' records last after the step, as the access log says.
    private func lastChanger(of citizens: [CitizenID], after position: Int64) throws -> String? {
        guard !citizens.isEmpty else { return nil }
        let placeholders = Array(repeating: "?", count: citizens.count).joined(separator: ", ")
        return try loggedProfessional("""
            WHERE id > ? AND chain = 'change' AND citizen_id IN (\(placeholders))
            """, [.integer(position)] + citizens.map(\.sqlValue))
    }

    /// The professional who wrote the newest access log entry matching `condition`.
    private func loggedProfessional(_ condition: String, _ arguments: [SQLValue]) throws -> String? {
        guard let row = try database.fetchOne("SELECT account, acting_as FROM access_log \(condition) ORDER BY id DESC LIMIT 1",
                                              arguments) else { return nil }
        let account: String = try row.get(0)
        let actingAs: String? = try row.get(1)
        return try professionalName(auditName: actingAs ?? account)
    }

    /// Who changed a row since the step (the professional's name): the last to save its record
    /// (its own, or the one it belongs to), or whoever deleted it, as the access log says.
    private func changer(of change: RowChange, current: [SQLValue]?, columns: [String], depth: Int = 0) throws -> String? {
        guard let table = UndoTable.named(change.table), depth < 8 else { return nil }
        if let current, table.audited, let index = columns.firstIndex(of: "updated_by"), let name = String(sqlValue: current[index]) {
            return try professionalName(auditName: name)
        }
        if current == nil, let kind = table.kindName, case .integer(let id)? = change.key.first,
           let name = try loggedProfessional("WHERE action = 'delete' AND detail IN (?, ?, ?)",
                                             ["", "undo ", "redo "].map { .text("\($0)\(kind) \(id) deleted") }) {
            return name
        }
        guard let column = table.parentColumn, let parentTable = table.parentTable,
              let id = try database.knownValues(of: change, columns: columns)[column] else { return nil }
        let parent = try UndoTable.record(parentTable, id: id, in: database)
        let parentColumns = try database.columnNames(of: parentTable)
        return try changer(of: parent, current: try database.currentValues(of: parent, columns: parentColumns),
                           columns: parentColumns, depth: depth + 1)
    }
}
