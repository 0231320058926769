import TrinvisCore

/// The sync conflicts screen (`K`): the open conflicts, newest first, and where Esc leads back.
package struct SyncConflictsState: Sendable, Equatable {
    /// The open conflicts the user may see, newest first.
    package var items: [SyncConflict] = []
    package var list = ListState()
    /// The screen the conflicts were opened from.
    package var returnScreen: Screen = .main

    /// The conflict under the cursor.
    package var selected: SyncConflict? {
        list.selection.flatMap { items.indices.contains($0) ? items[$0] : nil }
    }

    /// The conflicts read again: the one under the cursor stays there (by id), else the cursor
    /// stays where it was, as far as the rows go.
    mutating func show(_ conflicts: [SyncConflict], keepingSelection: Bool) {
        let id = keepingSelection ? selected?.id : nil
        let previous = keepingSelection ? list.selection : nil
        items = conflicts
        var fresh = list
        fresh.setCount(conflicts.count)
        if !keepingSelection, !conflicts.isEmpty { fresh.select(0) }
        if let index = id.flatMap({ id in conflicts.firstIndex { $0.id == id } }) ?? previous.map({ min($0, conflicts.count - 1) }),
           index >= 0 {
            fresh.select(index)
        }
        list = fresh
    }
}
