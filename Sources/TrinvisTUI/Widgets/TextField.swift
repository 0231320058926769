import TrinvisCore

/// The content and cursor of a one-line text input.
///
/// Works on grapheme clusters: the cursor moves over a whole "é" or "👍🏽", Backspace removes a
/// whole cluster, and a combining mark typed on its own joins the character before it. Input is
/// sanitised (no controls; newlines and tabs become spaces).
package struct TextFieldState: Sendable, Hashable {
    /// The text as grapheme clusters.
    package private(set) var characters: [Character]
    /// The cursor, as the number of clusters before it (0...characters.count).
    package private(set) var cursor: Int
    /// The most clusters the field accepts, or nil for no limit.
    package var maxLength: Int?
    /// The whole text is selected (an old search shown again): typing replaces it, Backspace
    /// or Delete removes it, a movement key keeps it and moves.
    package var isSelected = false

    /// Creates a field holding `text` with the cursor at the end.
    package init(text: String = "", maxLength: Int? = nil) {
        var clusters = Array(Sanitizer.sanitize(text))
        if let maxLength, clusters.count > maxLength {
            clusters = Array(clusters.prefix(max(maxLength, 0)))
        }
        self.characters = clusters
        self.cursor = clusters.count
        self.maxLength = maxLength
    }

    /// The text.
    package var text: String { String(characters) }

    /// Whether the field is empty.
    package var isEmpty: Bool { characters.isEmpty }

    /// The display column of the cursor, counted from the start of the text.
    package var cursorColumn: Int {
        characters[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// Replaces the text, cursor at the end.
    package mutating func setText(_ text: String) {
        self = TextFieldState(text: text, maxLength: maxLength)
    }

    /// Inserts text at the cursor (as much as the length limit allows).
    package mutating func insert(_ text: String) {
        for character in Sanitizer.sanitize(text) {
            insert(character)
        }
    }

    /// Moves the cursor one cluster left.
    package mutating func moveLeft() { cursor = max(cursor - 1, 0) }

    /// Moves the cursor one cluster right.
    package mutating func moveRight() { cursor = min(cursor + 1, characters.count) }

    /// Moves the cursor to the start.
    package mutating func moveToStart() { cursor = 0 }

    /// Moves the cursor to the end.
    package mutating func moveToEnd() { cursor = characters.count }

    /// Deletes the cluster before the cursor (Backspace).
    package mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        resegment()
    }

    /// Deletes the cluster after the cursor (Delete).
    package mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        resegment()
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
    package mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
        resegment()
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    package mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Empties the field (Ctrl-U).
    package mutating func clear() {
        characters.removeAll()
        cursor = 0
    }

    /// Applies an editing key; returns whether the key was one. Printable characters are
    /// typed; ←/→, Home/End (and Ctrl-A/Ctrl-E) move; Backspace, Delete, Ctrl-W, Ctrl-K and
    /// Ctrl-U delete. Enter, Esc, Tab and the arrows up/down are left to the form.
    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        if isSelected {
            switch key {
            case .character, .backspace, .delete, .ctrl("w"), .ctrl("k"), .ctrl("u"):
                isSelected = false
                clear()
                if case .character(let character) = key { insert(String(character)) }
                return true
            case .left, .right, .home, .end, .ctrl("a"), .ctrl("e"):
                isSelected = false
            default:
                return false
            }
        }
        switch key {
        case .character(let character): insert(String(character))
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): moveToStart()
        case .end, .ctrl("e"): moveToEnd()
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("u"): clear()
        default: return false
        }
        return true
    }

    // MARK: - Private

    /// Inserts one cluster; a lone combining mark merges with the cluster before the cursor.
    private mutating func insert(_ character: Character) {
        let before = String(characters[..<cursor]) + String(character)
        let merged = Array(before)
        let grows = merged.count > cursor
        if grows, let maxLength, characters.count >= maxLength { return }
        let after = characters[cursor...]
        characters = Array(before + String(after))
        cursor = min(merged.count, characters.count)
    }

    /// Re-segments the text after a deletion joined two pieces (rare: a mark after a base).
    private mutating func resegment() {
        let before = String(characters[..<cursor])
        let whole = before + String(characters[cursor...])
        let clusters = Array(whole)
        guard clusters.count != characters.count else { return }
        characters = clusters
        cursor = min(Array(before).count, clusters.count)
    }
}

/// Draws a one-line text field.
package enum TextField {
    /// Draws the field in the first row of `rect`, scrolled horizontally so the cursor is
    /// visible, underlined so its extent shows without colour; puts the hardware cursor at the
    /// text cursor when focused. An empty field shows `placeholder` (already localised) dimmed.
    package static func draw(
        _ state: TextFieldState, in rect: Rect, canvas: inout Canvas, isFocused: Bool = true,
        placeholder: String? = nil, style: Style = Style(.normal, [.underline])
    ) {
        guard !rect.isEmpty else { return }
        let width = rect.width
        let line = Rect(row: rect.row, col: rect.col, width: width, height: 1)
        canvas.fill(line, style: style)
        if state.isEmpty, let placeholder {
            canvas.put(
                row: rect.row, col: rect.col, text: placeholder, style: style.adding(.dim),
                maxWidth: width, overflow: .ellipsis)
        }
        let first = firstVisibleIndex(state, width: width)
        let visible = String(state.characters[first...])
        canvas.put(row: rect.row, col: rect.col, text: visible, style: state.isSelected ? style.adding(.reverse) : style,
                   maxWidth: width)
        if isFocused {
            let column = state.characters[first..<state.cursor].reduce(0) { $0 + DisplayWidth.of($1) }
            canvas.setCursor(row: rect.row, col: rect.col + min(column, width - 1))
        }
    }

    /// The first cluster shown so that the cursor (and the cell after it) fits in `width`.
    package static func firstVisibleIndex(_ state: TextFieldState, width: Int) -> Int {
        var first = 0
        var columns = state.cursorColumn
        // Room for the cursor cell itself: the text before it may use width - 1 columns.
        while columns > width - 1 && first < state.cursor {
            columns -= DisplayWidth.of(state.characters[first])
            first += 1
        }
        return first
    }
}
