import TrinvisCore

/// An in-memory grid of styled cells that a view draws into; the backend sends it to the
/// terminal, tests read it back as text.
///
/// A wide character occupies two cells: the first holds the grapheme, the second is a
/// continuation cell. Writing over either half of a wide character blanks the other half, so
/// the grid never holds half a character. Every string is sanitised before it lands in a cell.
///
/// Drawing calls take coordinates relative to the current region (the whole canvas unless
/// inside ``draw(in:_:)``) and are clipped to it. Queries (``cell(row:col:)``, ``lines()``,
/// ``cursor``) use absolute coordinates.
package struct Canvas: Sendable, Equatable {
    /// One cell of the grid.
    package struct Cell: Sendable, Hashable {
        /// The grapheme cluster shown in the cell; empty for the right half of a wide character.
        package var text: String
        /// How the cell is drawn.
        package var style: Style

        /// Creates a cell.
        package init(text: String, style: Style = .normal) {
            self.text = text
            self.style = style
        }

        /// A space in the normal style.
        package static let blank = Cell(text: " ")

        /// Whether this is the right half of a wide character.
        package var isContinuation: Bool { text.isEmpty }
    }

    /// How text that does not fit is cut.
    package enum Overflow: Sendable, Hashable {
        /// Cut at the last whole character that fits.
        case clip
        /// Cut and end with the glyph set's ellipsis.
        case ellipsis
    }

    /// The size of the whole canvas.
    package let size: Size
    /// The line-drawing and marker characters to draw with.
    package var glyphs: Glyphs
    /// Where the hardware cursor goes (absolute), or nil to hide it.
    package private(set) var cursor: Position?

    private var cells: [Cell]
    private var origin = Position(row: 0, col: 0)
    private var clip: Rect
    private var regionSize: Size

    /// A blank canvas.
    package init(size: Size, glyphs: Glyphs = .unicode) {
        self.size = size
        self.glyphs = glyphs
        self.cells = Array(repeating: .blank, count: size.width * size.height)
        self.clip = Rect(size: size)
        self.regionSize = size
    }

    /// A blank canvas of `width` × `height` cells.
    package init(width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.init(size: Size(width: width, height: height), glyphs: glyphs)
    }

    /// The current region in its own coordinates: origin (0, 0) and the region's size.
    package var bounds: Rect { Rect(size: regionSize) }

    /// The current region's width in columns.
    package var width: Int { regionSize.width }

    /// The current region's height in rows.
    package var height: Int { regionSize.height }

    // MARK: - Regions and cursor

    /// Runs `body` with drawing confined to `rect` (given in current coordinates): inside it,
    /// (0, 0) is the top left of `rect` and everything outside is clipped.
    package mutating func draw(in rect: Rect, _ body: (inout Canvas) throws -> Void) rethrows {
        let savedOrigin = origin
        let savedClip = clip
        let savedRegionSize = regionSize
        let absolute = rect.offsetBy(rows: origin.row, cols: origin.col)
        origin = Position(row: absolute.row, col: absolute.col)
        clip = clip.intersection(absolute)
        regionSize = rect.size
        defer {
            origin = savedOrigin
            clip = savedClip
            regionSize = savedRegionSize
        }
        try body(&self)
    }

    /// Puts the hardware cursor at a cell of the current region. Returns false, leaving the
    /// cursor where it was, when the cell is clipped away.
    @discardableResult
    package mutating func setCursor(row: Int, col: Int) -> Bool {
        let absoluteRow = origin.row + row
        let absoluteCol = origin.col + col
        guard clip.contains(row: absoluteRow, col: absoluteCol) else { return false }
        cursor = Position(row: absoluteRow, col: absoluteCol)
        return true
    }

    /// Hides the hardware cursor.
    package mutating func hideCursor() {
        cursor = nil
    }

    // MARK: - Writing

    /// Writes one line of text at a cell of the current region and returns the columns used.
    ///
    /// The text is sanitised (newlines and tabs become spaces), cut at `maxWidth` columns and at
    /// the region's edge, never splitting a grapheme cluster or a wide character. Zero-width
    /// clusters, which cannot own a cell, are skipped.
    @discardableResult
    package mutating func put(
        row: Int, col: Int, text: String, style: Style = .normal, maxWidth: Int? = nil,
        overflow: Overflow = .clip
    ) -> Int {
        let absoluteRow = origin.row + row
        let absoluteCol = origin.col + col
        guard absoluteRow >= clip.row && absoluteRow < clip.endRow else { return 0 }
        var limit = clip.endCol
        if let maxWidth, maxWidth < limit - absoluteCol {
            limit = absoluteCol + max(maxWidth, 0)
        }
        guard absoluteCol < limit else { return 0 }
        var safe = Sanitizer.sanitize(text)
        if overflow == .ellipsis {
            safe = DisplayWidth.truncate(
                safe, toWidth: limit - absoluteCol, ellipsis: glyphs.ellipsis)
        }
        var column = absoluteCol
        for character in safe {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column + characterWidth > limit { break }
            if column >= clip.col {
                store(String(character), width: characterWidth, style: style, row: absoluteRow, col: column)
            } else if column + characterWidth > clip.col {
                // A wide character straddling the left edge: show the visible half as a space.
                store(" ", width: 1, style: style, row: absoluteRow, col: clip.col)
            }
            column += characterWidth
        }
        return column - absoluteCol
    }

    /// Writes spans one after another on a row and returns the columns used.
    @discardableResult
    package mutating func put(
        row: Int, col: Int, spans: [Span], maxWidth: Int? = nil, overflow: Overflow = .clip
    ) -> Int {
        // With `.ellipsis`, the span that does not fit ends in the ellipsis, whichever it is.
        let limit = min(maxWidth ?? Int.max, clip.endCol - (origin.col + col))
        var used = 0
        for span in spans {
            let remaining = limit - used
            if remaining <= 0 { break }
            let cut = overflow == .ellipsis && DisplayWidth.of(Sanitizer.sanitize(span.text)) > remaining
            used += put(
                row: row, col: col + used, text: span.text, style: span.style,
                maxWidth: remaining, overflow: cut ? .ellipsis : .clip)
            if cut { break }
        }
        return used
    }

    /// Fills a rectangle of the current region with a character (a space by default).
    package mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.offsetBy(rows: origin.row, cols: origin.col).intersection(clip)
        var glyph = Sanitizer.sanitize(String(character)).first ?? " "
        if DisplayWidth.of(glyph) == 0 {
            glyph = " "
        }
        let text = String(glyph)
        let characterWidth = DisplayWidth.of(glyph)
        for row in area.row..<area.endRow {
            var col = area.col
            while col + characterWidth <= area.endCol {
                store(text, width: characterWidth, style: style, row: row, col: col)
                col += characterWidth
            }
            if col < area.endCol {
                store(" ", width: 1, style: style, row: row, col: col)
            }
        }
    }

    /// Gives every cell of a rectangle of the current region a new style, keeping its text.
    package mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.offsetBy(rows: origin.row, cols: origin.col).intersection(clip)
        for row in area.row..<area.endRow {
            for col in area.col..<area.endCol {
                cells[row * size.width + col].style = style
            }
        }
    }

    /// Blanks the current region.
    package mutating func clear(style: Style = .normal) {
        fill(bounds, style: style)
    }

    // MARK: - Reading

    /// The cell at an absolute position, or nil outside the canvas.
    package func cell(row: Int, col: Int) -> Cell? {
        guard row >= 0, row < size.height, col >= 0, col < size.width else { return nil }
        return cells[row * size.width + col]
    }

    /// Whether row `row` holds the same cells here and in `other` (a canvas of the same size).
    package func rowEquals(_ other: Canvas, row: Int) -> Bool {
        guard other.size == size, row >= 0, row < size.height else { return false }
        let range = row * size.width..<(row + 1) * size.width
        return cells[range] == other.cells[range]
    }

    /// The style at an absolute position, or nil outside the canvas.
    package func style(row: Int, col: Int) -> Style? {
        cell(row: row, col: col)?.style
    }

    /// One row as text, trailing spaces trimmed.
    package func line(_ row: Int) -> String {
        guard row >= 0, row < size.height else { return "" }
        var text = ""
        for col in 0..<size.width {
            text += cells[row * size.width + col].text
        }
        while text.last == " " {
            text.removeLast()
        }
        return text
    }

    /// Every row as text, trailing spaces trimmed.
    package func lines() -> [String] {
        (0..<size.height).map(line)
    }

    /// All rows joined by newlines, trailing spaces trimmed per line.
    package var text: String {
        lines().joined(separator: "\n")
    }

    // MARK: - Private

    /// Stores a grapheme of width 1 or 2 at an absolute position inside the canvas, blanking
    /// the other half of any wide character it overwrites.
    private mutating func store(_ text: String, width: Int, style: Style, row: Int, col: Int) {
        guard row >= 0, row < size.height, col >= 0, col + width <= size.width else { return }
        breakWideCharacter(row: row, col: col)
        if width == 2 {
            breakWideCharacter(row: row, col: col + 1)
        }
        let index = row * size.width + col
        cells[index] = Cell(text: text, style: style)
        if width == 2 {
            cells[index + 1] = Cell(text: "", style: style)
        }
    }

    /// If the cell is half of a wide character, blanks the other half.
    private mutating func breakWideCharacter(row: Int, col: Int) {
        let index = row * size.width + col
        if cells[index].isContinuation {
            if col > 0 {
                cells[index - 1].text = " "
            }
            cells[index].text = " "
        } else if col + 1 < size.width && cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
    }
}
