/// The multi-line text of a note field. (Provisional: replaced by the full editor widget.)
package struct NoteEditorState: Sendable, Equatable {
    private var characters: [Character]
    private var cursor: Int
    package var maxLength: Int?
    package private(set) var version = 0

    package init(text: String, maxLength: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
    }

    package var text: String { String(characters) }

    package mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            if let maxLength, characters.count >= maxLength { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .enter:
            characters.insert("\n", at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, characters.count)
        default: return false
        }
        version += 1
        return true
    }
}

/// Draws a note field.
package enum NoteEditor {
    package static func draw(_ state: NoteEditorState, in rect: Rect, canvas: inout Canvas, isFocused: Bool) {
        let lines = DisplayWidth.wrap(Sanitizer.sanitize(state.text, keepingNewlines: true), toWidth: max(rect.width, 1))
        let shown = Array(lines.suffix(rect.height))
        for (index, line) in shown.enumerated() {
            canvas.put(row: rect.row + index, col: rect.col, text: line, maxWidth: rect.width)
        }
        if isFocused {
            let last = shown.last ?? ""
            _ = canvas.setCursor(row: rect.row + max(shown.count - 1, 0), col: rect.col + min(DisplayWidth.of(last), rect.width - 1))
        }
    }
}
