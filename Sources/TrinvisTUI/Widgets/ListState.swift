/// A movement in a list.
package enum ListMove: Sendable, Hashable {
    /// One row up.
    case up
    /// One row down.
    case down
    /// One page up.
    case pageUp
    /// One page down.
    case pageDown
    /// The first row.
    case first
    /// The last row.
    case last

    /// The movement a key means in a focused list: ↑/k, ↓/j, PgUp, PgDn, Home/g, End/G.
    package init?(key: Key) {
        switch key {
        case .up, .character("k"): self = .up
        case .down, .character("j"): self = .down
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home, .character("g"): self = .first
        case .end, .character("G"): self = .last
        default: return nil
        }
    }
}

/// The selection and scroll position of a list of `count` rows shown `visibleHeight` at a time.
///
/// The selection is nil exactly when the list is empty, and always lies inside the visible
/// window. Scrolling is minimal: the window moves only as far as needed to keep the selection
/// visible, and never leaves empty rows at the bottom while earlier rows are hidden.
package struct ListState: Sendable, Hashable {
    /// The number of rows.
    package private(set) var count: Int
    /// The selected row, nil when the list is empty.
    package private(set) var selection: Int?
    /// The first visible row.
    package private(set) var offset: Int
    /// How many rows are visible.
    package private(set) var visibleHeight: Int

    /// Creates a list state, selecting the first row (or `selection`) when there are rows.
    package init(count: Int = 0, selection: Int? = nil, visibleHeight: Int = 1) {
        self.count = max(count, 0)
        self.selection = nil
        self.offset = 0
        self.visibleHeight = max(visibleHeight, 1)
        if self.count > 0 {
            self.selection = min(max(selection ?? 0, 0), self.count - 1)
        }
        keepSelectionVisible()
    }

    /// The rows currently visible.
    package var visibleRange: Range<Int> {
        offset..<min(offset + visibleHeight, count)
    }

    /// Whether rows are hidden above the window.
    package var hasMoreAbove: Bool { offset > 0 }

    /// Whether rows are hidden below the window.
    package var hasMoreBelow: Bool { offset + visibleHeight < count }

    /// Changes the number of rows (after a reload or a filter), keeping the selection on the
    /// same index where possible, otherwise on the last row.
    package mutating func setCount(_ newCount: Int) {
        count = max(newCount, 0)
        if count == 0 {
            selection = nil
        } else {
            selection = min(selection ?? 0, count - 1)
        }
        keepSelectionVisible()
    }

    /// Changes the number of visible rows (after a resize), keeping the selected row selected
    /// and visible.
    package mutating func resize(visibleHeight newHeight: Int) {
        visibleHeight = max(newHeight, 1)
        keepSelectionVisible()
    }

    /// This state as it would be with another visible height (for drawing into a given rect).
    package func resized(visibleHeight newHeight: Int) -> ListState {
        var copy = self
        copy.resize(visibleHeight: newHeight)
        return copy
    }

    /// Selects a row (clamped to the list).
    package mutating func select(_ index: Int) {
        guard count > 0 else { return }
        selection = min(max(index, 0), count - 1)
        keepSelectionVisible()
    }

    /// Moves the selection. Page moves keep the selected row at the same place on screen where
    /// the list allows it.
    package mutating func move(_ move: ListMove) {
        guard let current = selection else { return }
        let page = max(visibleHeight - 1, 1)
        switch move {
        case .up:
            select(current - 1)
        case .down:
            select(current + 1)
        case .pageUp:
            let target = max(current - page, 0)
            offset = max(offset - (current - target), 0)
            select(target)
        case .pageDown:
            let target = min(current + page, count - 1)
            offset += target - current
            select(target)
        case .first:
            select(0)
        case .last:
            select(count - 1)
        }
    }

    /// Applies a movement key; returns whether the key was one.
    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        guard let move = ListMove(key: key) else { return false }
        self.move(move)
        return true
    }

    private mutating func keepSelectionVisible() {
        let maxOffset = max(count - visibleHeight, 0)
        offset = min(max(offset, 0), maxOffset)
        guard let selection else {
            offset = 0
            return
        }
        if selection < offset {
            offset = selection
        } else if selection >= offset + visibleHeight {
            offset = selection - visibleHeight + 1
        }
    }
}
