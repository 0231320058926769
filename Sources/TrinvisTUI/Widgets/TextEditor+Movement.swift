extension TextEditorState {
    /// The position after the last cluster.
    package var endPosition: TextPosition {
        TextPosition(line: lines.count - 1, index: lines[lines.count - 1].count)
    }

    /// Moves the cursor to `position` (clamped into the text).
    package mutating func moveCursor(to position: TextPosition) {
        let line = min(max(position.line, 0), lines.count - 1)
        cursor = TextPosition(line: line, index: min(max(position.index, 0), lines[line].count))
        finishMove()
    }

    /// Moves the cursor one cluster left, to the end of the previous line from a line's start.
    package mutating func moveLeft() {
        if cursor.index > 0 {
            cursor.index -= 1
        } else if cursor.line > 0 {
            cursor = TextPosition(line: cursor.line - 1, index: lines[cursor.line - 1].count)
        }
        finishMove()
    }

    /// Moves the cursor one cluster right, to the start of the next line from a line's end.
    package mutating func moveRight() {
        if cursor.index < lines[cursor.line].count {
            cursor.index += 1
        } else if cursor.line + 1 < lines.count {
            cursor = TextPosition(line: cursor.line + 1, index: 0)
        }
        finishMove()
    }

    /// Moves the cursor to the end of the word after it (skipping whitespace and line breaks
    /// first). Words are separated by whitespace, as for Ctrl-W.
    package mutating func moveWordForward() {
        var position = cursor
        while let character = character(after: position), character.isWhitespace {
            position = self.position(after: position)
        }
        while let character = character(after: position), !character.isWhitespace {
            position = self.position(after: position)
        }
        cursor = position
        finishMove()
    }

    /// Moves the cursor to the start of the word before it (skipping whitespace and line breaks
    /// first). Words are separated by whitespace, as for Ctrl-W.
    package mutating func moveWordBackward() {
        var position = cursor
        while let character = character(before: position), character.isWhitespace {
            position = self.position(before: position)
        }
        while let character = character(before: position), !character.isWhitespace {
            position = self.position(before: position)
        }
        cursor = position
        finishMove()
    }

    /// Moves the cursor to the start of its logical line (Home, Ctrl-A).
    package mutating func moveToLineStart() {
        cursor.index = 0
        finishMove()
    }

    /// Moves the cursor to the end of its logical line (End, Ctrl-E).
    package mutating func moveToLineEnd() {
        cursor.index = lines[cursor.line].count
        finishMove()
    }

    /// Moves the cursor to the start of the text.
    package mutating func moveToStart() {
        cursor = TextPosition(line: 0, index: 0)
        finishMove()
    }

    /// Moves the cursor to the end of the text.
    package mutating func moveToEnd() {
        cursor = endPosition
        finishMove()
    }

    /// Moves the cursor one visual row up, as near the preferred column as the row allows;
    /// from the first row, to the start of the text.
    package mutating func moveUp() {
        moveVertically(by: -1)
        keepCursorVisible()
    }

    /// Moves the cursor one visual row down, as near the preferred column as the row allows;
    /// from the last row, to the end of the text.
    package mutating func moveDown() {
        moveVertically(by: 1)
        keepCursorVisible()
    }

    /// Scrolls up by the visible height less one row and moves the cursor as far, keeping its
    /// column; on the first row, goes to the start of the text.
    package mutating func pageUp() {
        let moved = moveVertically(by: -page)
        top = row(top, movedBy: -moved).row
        keepCursorVisible()
    }

    /// Scrolls down by the visible height less one row and moves the cursor as far, keeping
    /// its column; on the last row, goes to the end of the text.
    package mutating func pageDown() {
        let moved = moveVertically(by: page)
        top = row(top, movedBy: moved).row
        keepCursorVisible()
    }

    // MARK: - Scrolling

    /// Scrolls the view so that the cursor's row is visible, moving it as little as possible,
    /// and never leaving empty rows at the bottom while rows above are hidden. Costs at most
    /// the visible height in rows.
    mutating func keepCursorVisible() {
        clampTop()
        let cursorRow = rowPosition(of: cursor)
        if cursorRow < top {
            top = cursorRow
            return
        }
        var row = top
        for _ in 1..<visibleHeight {
            if row == cursorRow { return }
            guard let next = rowAfter(row) else { break }
            row = next
        }
        if row != cursorRow {
            top = self.row(cursorRow, movedBy: -(visibleHeight - 1)).row
        }
    }

    /// The cursor's row on the screen, counted from the first visible row (costs at most the
    /// visible height; the visible height when the cursor is not in view).
    var cursorScreenRow: Int {
        let cursorRow = rowPosition(of: cursor)
        var row = top
        var offset = 0
        while row < cursorRow && offset < visibleHeight, let next = rowAfter(row) {
            row = next
            offset += 1
        }
        return offset
    }

    /// The visual row showing `position`.
    func rowPosition(of position: TextPosition) -> RowPosition {
        RowPosition(line: position.line, row: lines[position.line].row(of: position.index))
    }

    /// The visual row after `row`, or nil after the last.
    func rowAfter(_ row: RowPosition) -> RowPosition? {
        if row.row + 1 < lines[row.line].rowCount { return RowPosition(line: row.line, row: row.row + 1) }
        if row.line + 1 < lines.count { return RowPosition(line: row.line + 1, row: 0) }
        return nil
    }

    /// The visual row before `row`, or nil before the first.
    func rowBefore(_ row: RowPosition) -> RowPosition? {
        if row.row > 0 { return RowPosition(line: row.line, row: row.row - 1) }
        if row.line > 0 { return RowPosition(line: row.line - 1, row: lines[row.line - 1].rowCount - 1) }
        return nil
    }

    /// `row` moved by up to `distance` rows (negative: up), stopping at the first or last row,
    /// and the number of rows it moved.
    func row(_ row: RowPosition, movedBy distance: Int) -> (row: RowPosition, moved: Int) {
        var row = row
        var moved = 0
        while moved < abs(distance), let next = distance < 0 ? rowBefore(row) : rowAfter(row) {
            row = next
            moved += 1
        }
        return (row, moved)
    }

    // MARK: - Private

    /// The number of rows PgUp and PgDn move.
    private var page: Int { max(visibleHeight - 1, 1) }

    /// Bookkeeping after a horizontal movement.
    private mutating func finishMove() {
        preferredColumn = nil
        keepCursorVisible()
    }

    /// Moves the cursor up to `distance` visual rows (negative: up) towards the preferred
    /// column, to the start or end of the text when it cannot move at all; returns the number
    /// of rows moved.
    @discardableResult
    private mutating func moveVertically(by distance: Int) -> Int {
        let goal = preferredColumn ?? cursorColumn
        let (target, moved) = row(rowPosition(of: cursor), movedBy: distance)
        if moved == 0 {
            cursor = distance < 0 ? TextPosition(line: 0, index: 0) : endPosition
        } else {
            cursor = TextPosition(line: target.line, index: lines[target.line].index(inRow: target.row, atColumn: goal))
        }
        preferredColumn = goal
        return moved
    }

    /// Puts the first visible row back inside the text after an edit, and moves it up when
    /// the rows below it do not fill the view.
    private mutating func clampTop() {
        let line = min(top.line, lines.count - 1)
        top = RowPosition(line: line, row: min(top.row, lines[line].rowCount - 1))
        var row = top
        var below = 0
        while below < visibleHeight - 1, let next = rowAfter(row) {
            row = next
            below += 1
        }
        top = self.row(top, movedBy: -(visibleHeight - 1 - below)).row
    }

    /// The cluster after `position` ("\n" at the end of a line but the last), nil at the end.
    private func character(after position: TextPosition) -> Character? {
        let line = lines[position.line]
        if position.index < line.count { return line.characters[position.index] }
        return position.line + 1 < lines.count ? "\n" : nil
    }

    /// The cluster before `position` ("\n" at the start of a line but the first), nil at the
    /// start.
    private func character(before position: TextPosition) -> Character? {
        if position.index > 0 { return lines[position.line].characters[position.index - 1] }
        return position.line > 0 ? "\n" : nil
    }

    /// The position one cluster (or line break) later.
    private func position(after position: TextPosition) -> TextPosition {
        if position.index < lines[position.line].count {
            return TextPosition(line: position.line, index: position.index + 1)
        }
        return TextPosition(line: position.line + 1, index: 0)
    }

    /// The position one cluster (or line break) earlier.
    private func position(before position: TextPosition) -> TextPosition {
        if position.index > 0 { return TextPosition(line: position.line, index: position.index - 1) }
        return TextPosition(line: position.line - 1, index: lines[position.line - 1].count)
    }
}
