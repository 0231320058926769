/// A position in the text of a ``TextEditorState``: a logical line and the number of grapheme
/// clusters before the position in that line.
package struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The logical line (hard line), from 0.
    package var line: Int
    /// The number of clusters before the position in its line (0...line length).
    package var index: Int

    /// Creates a position.
    package init(line: Int, index: Int) {
        self.line = line
        self.index = index
    }

    /// Text order.
    package static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.index) < (rhs.line, rhs.index)
    }

    /// "line:index".
    package var description: String { "\(line):\(index)" }
}

/// A visual (soft-wrapped) row: a logical line and the row within it.
struct RowPosition: Sendable, Hashable, Comparable {
    /// The logical line.
    var line: Int
    /// The visual row within the line, from 0.
    var row: Int

    /// Screen order.
    static func < (lhs: RowPosition, rhs: RowPosition) -> Bool {
        (lhs.line, lhs.row) < (rhs.line, rhs.row)
    }
}

/// The content, cursor and scroll position of a multi-line text editor for notes.
///
/// Text is a list of logical lines of grapheme clusters, separated by hard line breaks, stored
/// in NFC. It is soft-wrapped by display columns to the editor's width (see ``EditorWrap``);
/// the last column of the editor's area is kept free for the cursor after a full row and for
/// the "more above/below" signs, so text is wrapped at `width - 1` columns.
///
/// Input is cleaned on the way in: line ends (CR LF, CR, U+2028, U+2029, NEL) become "\n",
/// a tab becomes spaces up to the next multiple of ``tabWidth`` columns in its line, controls
/// become U+FFFD and bidirectional controls and the byte-order mark are dropped. A combining
/// mark typed after a letter joins it ("e" then U+0301 is one "é").
///
/// Keys (``handle(_:)``): printable characters are typed, Enter breaks the line; ← → move by
/// cluster (across line ends), ↑ ↓ by visual row keeping the preferred column, PgUp PgDn by the
/// visible height less one; Home/Ctrl-A and End/Ctrl-E go to the start and end of the logical
/// line; Backspace and Delete remove a cluster or a line break; Ctrl-W deletes the word before
/// the cursor, Ctrl-K to the end of the line and Ctrl-U to its start (at the end or start of a
/// line they delete the line break instead). Tab, Shift-Tab, Esc, function keys and other
/// control keys are left to the app: Tab moves focus in forms, so typing a tab is
/// ``insertTab()`` for an app that wants it. Word movement has no key of its own (terminals do
/// not report Ctrl-← reliably and ``Key`` has no Alt): the app can bind ``moveWordForward()``
/// and ``moveWordBackward()``, as it can ``moveToStart()`` and ``moveToEnd()``.
///
/// An edit costs work in proportion to the edited line, never the whole note: each line keeps
/// its clusters, their widths and its row starts, and an edit re-wraps from the row before the
/// edited one until the rows fall in step with the old layout again (usually within a few rows;
/// at worst, the rest of the line). Only a change of width re-wraps everything. The first
/// visible row is held as a line and a row within it, so keeping the cursor in view walks at
/// most the visible height in rows.
package struct TextEditorState: Sendable, Hashable {
    /// The logical lines; never empty (an empty text is one empty line).
    var lines: [EditorLine]
    /// The cursor.
    package internal(set) var cursor: TextPosition
    /// The most clusters the text may hold, each line break counting as one (as
    /// `String.count` counts them), or nil for no limit. Input beyond it is refused; a longer
    /// loaded text is kept whole.
    package var maxLength: Int?
    /// Columns between tab stops when a typed or pasted tab is turned into spaces (a loaded
    /// text uses 4).
    package var tabWidth: Int = 4
    /// Goes up by one with every change of the text (not with cursor movement).
    package internal(set) var version: Int = 0
    /// The number of clusters in ``text``, line breaks included.
    package internal(set) var count: Int
    /// The width of the editor's area in columns, as last laid out.
    package private(set) var width: Int
    /// The number of visible rows, as last laid out.
    package private(set) var visibleHeight: Int
    /// The first visible row.
    var top: RowPosition
    /// The display column that ↑ ↓ PgUp PgDn aim for, while they follow one another.
    var preferredColumn: Int?
    /// The text as loaded (cleaned), to tell whether it was changed.
    private var original: String
    /// The ``version`` at which the text was last loaded or saved.
    private var originalVersion: Int = 0

    /// Creates an editor holding `text` (cleaned as typed input is, except that it is not cut
    /// at `maxLength`), laid out for an area of `width` × `height` cells, with the cursor at the
    /// end of the text.
    package init(text: String = "", maxLength: Int? = nil, width: Int = 80, height: Int = 24) {
        let width = max(width, 1)
        let textWidth = Self.textWidth(forAreaWidth: width)
        let cleaned = Self.clean(text, startColumn: 0, tabWidth: 4)
        let lines = cleaned.split(separator: "\n", omittingEmptySubsequences: false).map {
            EditorLine(Array($0), width: textWidth)
        }
        self.lines = lines.isEmpty ? [EditorLine([], width: textWidth)] : lines
        self.maxLength = maxLength
        self.count = self.lines.reduce(self.lines.count - 1) { $0 + $1.count }
        self.width = width
        self.visibleHeight = max(height, 1)
        self.top = RowPosition(line: 0, row: 0)
        self.cursor = TextPosition(line: 0, index: 0)
        self.original = cleaned
        self.cursor = endPosition
        keepCursorVisible()
    }

    /// The text: NFC, lines separated by "\n".
    package var text: String {
        var result = ""
        result.reserveCapacity(count)
        for (number, line) in lines.enumerated() {
            if number > 0 { result.append("\n") }
            result.append(contentsOf: line.characters)
        }
        return result
    }

    /// The logical lines as strings.
    package var lineTexts: [String] { lines.map { String($0.characters) } }

    /// The number of logical lines (at least 1).
    package var lineCount: Int { lines.count }

    /// Whether the text is empty.
    package var isEmpty: Bool { count == 0 }

    /// Whether the limit is reached, so that typing more is refused (a combining mark that
    /// joins the character before it is still taken).
    package var isFull: Bool {
        guard let maxLength else { return false }
        return count >= maxLength
    }

    /// Whether the text differs from the text loaded (or last marked saved).
    package var isModified: Bool {
        version != originalVersion && text != original
    }

    /// Records the current text as saved: ``isModified`` compares with it from now on.
    package mutating func markSaved() {
        original = text
        originalVersion = version
    }

    /// The number of columns text is wrapped at: the area's width less the column kept for the
    /// cursor after a full row and the scroll signs (at least 1).
    package var textWidth: Int { Self.textWidth(forAreaWidth: width) }

    /// The wrap width for an area `width` columns wide.
    package static func textWidth(forAreaWidth width: Int) -> Int { max(width - 1, 1) }

    /// Lays the text out for an area of `width` × `height` cells (call it when the area changes
    /// size). Re-wraps everything when the width changes; keeps the first visible text and the
    /// cursor in view.
    package mutating func resize(width: Int, height: Int) {
        let width = max(width, 1)
        let height = max(height, 1)
        if width != self.width {
            let topIndex = lines[top.line].rowStarts[top.row]
            self.width = width
            let textWidth = self.textWidth
            for number in lines.indices {
                lines[number].rewrap(width: textWidth)
            }
            top = RowPosition(line: top.line, row: lines[top.line].row(of: topIndex))
            preferredColumn = nil
        }
        visibleHeight = height
        keepCursorVisible()
    }

    /// Applies an editing or movement key; returns whether the key was one (see the type's
    /// summary for the list). Input the length limit refuses still counts as used.
    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .enter: insertLineBreak()
        case .left: moveLeft()
        case .right: moveRight()
        case .up: moveUp()
        case .down: moveDown()
        case .pageUp: pageUp()
        case .pageDown: pageDown()
        case .home, .ctrl("a"): moveToLineStart()
        case .end, .ctrl("e"): moveToLineEnd()
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("k"): deleteToLineEnd()
        case .ctrl("u"): deleteToLineStart()
        default: return false
        }
        return true
    }

    // MARK: - Layout queries

    /// The number of visual rows of the whole text at the current width.
    package var rowCount: Int { lines.reduce(0) { $0 + $1.rowCount } }

    /// The visual row of the cursor, counted from the top of the text.
    package var cursorRow: Int { absoluteRow(of: rowPosition(of: cursor)) }

    /// The display column of the cursor within its visual row (it can exceed the text width
    /// on spaces hanging past the edge; drawing keeps the cursor inside the area).
    package var cursorColumn: Int { lines[cursor.line].column(of: cursor.index) }

    /// The first visible visual row, counted from the top of the text.
    package var firstVisibleRow: Int { absoluteRow(of: top) }

    /// Whether rows are hidden above the view.
    package var hasMoreAbove: Bool { top != RowPosition(line: 0, row: 0) }

    /// Whether rows are hidden below the view.
    package var hasMoreBelow: Bool {
        var row = top
        for _ in 1..<visibleHeight {
            guard let next = rowAfter(row) else { return false }
            row = next
        }
        return rowAfter(row) != nil
    }

    /// Every visual row of the text as a string (spaces hanging past the edge included).
    /// Costs the whole text: for tests and diagnostics, not for drawing.
    package func wrappedRows() -> [String] {
        lines.flatMap { line in
            (0..<line.rowCount).map { String(line.characters[line.range(ofRow: $0)]) }
        }
    }

    /// The visible rows, top to bottom: each row's clusters with their widths.
    func visibleRows() -> [(row: RowPosition, characters: ArraySlice<Character>, widths: [Int])] {
        var result: [(row: RowPosition, characters: ArraySlice<Character>, widths: [Int])] = []
        var row: RowPosition? = top
        while let current = row, result.count < visibleHeight {
            let line = lines[current.line]
            let range = line.range(ofRow: current.row)
            result.append((current, line.characters[range], range.map(line.width(at:))))
            row = rowAfter(current)
        }
        return result
    }

    /// The visual row number of a row position, counted from the top of the text.
    func absoluteRow(of position: RowPosition) -> Int {
        lines[..<position.line].reduce(0) { $0 + $1.rowCount } + position.row
    }
}

/// Draws a multi-line text editor.
package enum TextEditor {
    /// Draws the visible rows of `state` into `rect` and returns the state laid out for it.
    ///
    /// Text takes `rect.width - 1` columns; the last column shows "more above/below" signs when
    /// rows are hidden. Clusters are placed one by one at the columns the layout gives them (so
    /// the cursor always matches the text), and every one is sanitised by the canvas. When
    /// focused, the hardware cursor goes to the text cursor. An empty editor shows
    /// `placeholder` (already localised) dimmed. If `state` was laid out for another size, a
    /// copy is laid out for `rect` (the app should store the result, or call
    /// ``TextEditorState/resize(width:height:)`` when its layout changes).
    @discardableResult
    package static func draw(
        _ state: TextEditorState, in rect: Rect, canvas: inout Canvas, isFocused: Bool = true,
        placeholder: String? = nil, style: Style = .normal
    ) -> TextEditorState {
        var state = state
        guard !rect.isEmpty else { return state }
        state.resize(width: rect.width, height: rect.height)
        canvas.fill(rect, style: style)
        let textWidth = state.textWidth
        if state.isEmpty, let placeholder {
            canvas.put(
                row: rect.row, col: rect.col, text: placeholder, style: style.adding(.dim),
                maxWidth: textWidth, overflow: .ellipsis)
        }
        for (offset, visible) in state.visibleRows().enumerated() {
            var column = 0
            for (character, characterWidth) in zip(visible.characters, visible.widths) {
                // Only spaces hang past the text width, and they need no drawing; a cluster wider
                // than a one-column text width may use the last column.
                if column + characterWidth > rect.width { break }
                if characterWidth > 0 && character != " " {
                    canvas.put(
                        row: rect.row + offset, col: rect.col + column, text: String(character),
                        style: style, maxWidth: characterWidth)
                }
                column += characterWidth
            }
        }
        if rect.width > 1 {
            if state.hasMoreAbove {
                canvas.put(row: rect.row, col: rect.endCol - 1, text: canvas.glyphs.moreAbove, style: .muted)
            }
            if state.hasMoreBelow {
                canvas.put(
                    row: rect.endRow - 1, col: rect.endCol - 1, text: canvas.glyphs.moreBelow, style: .muted)
            }
        }
        if isFocused {
            let row = state.cursorScreenRow
            let column = min(state.cursorColumn, rect.width - 1)
            canvas.setCursor(row: rect.row + row, col: rect.col + column)
        }
        return state
    }
}
