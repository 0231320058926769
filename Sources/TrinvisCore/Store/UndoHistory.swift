/// A saved change of a window, ready to be undone (or, once undone, redone): the rows it
/// changed as SQLite's session extension recorded them, and what to call it.
package struct ChangeStep: Sendable, Equatable {
    /// What the change did, for the message line.
    package let summary: ChangeSummary
    /// The citizens whose records it changed.
    package let citizens: [CitizenID]
    /// Every row it changed, before and after.
    var changes: Changeset
    /// The access log's last entry when it was saved: whoever changed its citizens' records
    /// later wrote after it.
    let logPosition: Int64
}

/// The undo and redo of one window (one `Workspace`): each outermost write transaction of the
/// records becomes one step, newest last, up to `depth` of them. A new change after undos
/// forgets what could be redone. A change that deletes a citizen's row (an erasure) forgets
/// everything: an erased person must not come back.
final class UndoHistory: ChangeRecorder {
    /// How many steps are kept.
    static let depth = 100

    private(set) var undoSteps: [ChangeStep] = []
    private(set) var redoSteps: [ChangeStep] = []
    /// True while an undo or redo is applied: its transaction is no new change.
    var isReplaying = false
    private var pending: ChangeStep?
    private var forgetsEverything = false

    var recordedTables: [String] { UndoTable.all.map(\.name) }

    func transactionWillCommit(_ session: Session, in database: Database) {
        pending = nil
        forgetsEverything = false
        guard !isReplaying else { return }
        do {
            let changes = try session.changeset()
            guard !changes.isEmpty else { return }
            if changes.changes.contains(where: { $0.table == Citizen.table && $0.after == nil }) {
                forgetsEverything = true
                return
            }
            pending = ChangeStep(summary: try ChangeSummary(describing: changes, in: database),
                                 citizens: try UndoTable.citizens(in: changes, database: database), changes: changes,
                                 logPosition: try database.lastAccessLogID())
        } catch {
            // A change that cannot be recorded is saved all the same, but what came before it
            // may no longer undo cleanly: start again.
            forgetsEverything = true
        }
    }

    func transactionDidCommit() {
        defer {
            pending = nil
            forgetsEverything = false
        }
        if forgetsEverything {
            undoSteps.removeAll()
            redoSteps.removeAll()
        }
        guard let pending else { return }
        push(pending, redoable: false)
        redoSteps.removeAll()
    }

    func transactionDidRollBack() {
        pending = nil
        forgetsEverything = false
    }

    /// Puts a step on the undo stack (`redoable` false) or the redo stack.
    func push(_ step: ChangeStep, redoable: Bool) {
        if redoable {
            redoSteps.append(step)
        } else {
            undoSteps.append(step)
            if undoSteps.count > Self.depth { undoSteps.removeFirst(undoSteps.count - Self.depth) }
        }
    }

    /// Takes the newest step off the undo stack (`redoable` false) or the redo stack, after an
    /// undo (or redo) of it did `done`. The rows `done` changed have new audit columns (an undo
    /// moves them on); the newest remaining step of that stack with each row learns them, so
    /// that it finds the row as it expects when its turn comes.
    func pop(redoable: Bool, done: Changeset, auditColumns: [String: [Int]]) {
        if redoable { _ = redoSteps.popLast() } else { _ = undoSteps.popLast() }
        for change in done.changes {
            guard let after = change.after, let columns = auditColumns[change.table], !columns.isEmpty else { continue }
            let row = change.row
            if redoable {
                Self.learn(after, columns, row, in: &redoSteps)
            } else {
                Self.learn(after, columns, row, in: &undoSteps)
            }
        }
    }

    private static func learn(_ values: [SQLValue?], _ columns: [Int], _ row: RowIdentity, in steps: inout [ChangeStep]) {
        for index in steps.indices.reversed() {
            guard let position = steps[index].changes.changes.firstIndex(where: { $0.row == row }) else { continue }
            guard var after = steps[index].changes.changes[position].after else { return }
            for column in columns where column < after.count && column < values.count {
                if let value = values[column] { after[column] = value }
            }
            steps[index].changes.changes[position].after = after
            return
        }
    }
}

extension Database {
    /// The id of the access log's newest entry (0 when it is empty).
    func lastAccessLogID() throws -> Int64 {
        Int64(sqlValue: try scalar("SELECT max(id) FROM access_log")) ?? 0
    }
}
