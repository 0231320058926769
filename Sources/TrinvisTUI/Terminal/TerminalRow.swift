/// One row of a canvas as the terminal is to show it: each cell's text and the attributes it is
/// sent with. Pure, so the choices that keep the bytes to the terminal few are tested without
/// a terminal.
///
/// A blank whose attributes show nothing (a space without reverse video or underline: colours
/// are foregrounds on the default background, and bold or dim change only the glyph) is sent
/// with the attributes of the text beside it, so that it costs no attribute change of its own:
/// those of the text on its left (the padding after a coloured word stays in its colour, the
/// gap before a pane's border in the text's), else of the text on its right (the indent after a
/// border goes with what follows), else plain. A border (a box-drawing character, or `|`, `+`,
/// `-`) is not text here: it seldom changes with the text beside it, so the terminal is rarely
/// in its attributes when the blanks are sent. Blanks that run to the end of the row stay plain,
/// which curses can erase with one clear-to-end-of-line.
package struct TerminalRow: Sendable, Equatable {
    /// A cell as sent.
    package struct Cell: Sendable, Hashable {
        /// The grapheme (empty for the right half of a wide character).
        package var text: String
        /// The attributes and colour pair it is drawn with.
        package var attributes: RenderAttributes

        /// Creates a cell.
        package init(text: String, attributes: RenderAttributes) {
            self.text = text
            self.attributes = attributes
        }

        /// Whether this is the right half of a wide character.
        package var isContinuation: Bool { text.isEmpty }
    }

    /// The cells of the row, left to right.
    package let cells: [Cell]

    /// The row `row` of `canvas` in a colour mode.
    package init(_ canvas: Canvas, row: Int, mode: ColorMode) {
        let width = canvas.size.width
        var cells: [Cell] = []
        cells.reserveCapacity(width)
        for col in 0..<width {
            let cell = canvas.cell(row: row, col: col) ?? .blank
            cells.append(Cell(text: cell.text, attributes: StylePalette.attributes(for: cell.style, mode: mode)))
        }
        // Right to left: the next visible cell of each blank (nil in a row's trailing blanks).
        var nextVisible = [Cell?](repeating: nil, count: width)
        var next: Cell?
        for col in stride(from: width - 1, through: 0, by: -1) {
            let cell = cells[col]
            if cell.isContinuation { continue }
            nextVisible[col] = next
            if !Self.hidesAttributes(cell) {
                next = cell
            }
        }
        // Left to right: each blank goes with the text beside it.
        var previous: Cell?
        for col in 0..<width {
            let cell = cells[col]
            if cell.isContinuation { continue }
            guard Self.hidesAttributes(cell) else {
                previous = cell
                continue
            }
            var chosen = RenderAttributes()
            if let right = nextVisible[col] {
                if let left = previous, Self.isText(left) {
                    chosen = left.attributes
                } else if Self.isText(right) {
                    chosen = right.attributes
                }
            }
            cells[col].attributes = chosen
        }
        self.cells = cells
    }

    /// Whether a cell is a blank on which its attributes cannot be seen.
    static func hidesAttributes(_ cell: Cell) -> Bool {
        cell.text == " " && !showsOnBlank(cell.attributes)
    }

    /// Whether a visible cell is text whose attributes a blank beside it may take: not a border,
    /// and nothing that shows on a blank.
    static func isText(_ cell: Cell) -> Bool {
        guard !showsOnBlank(cell.attributes), let scalar = cell.text.unicodeScalars.first else { return false }
        return !(0x2500...0x257F).contains(scalar.value) && !["|", "+", "-"].contains(cell.text)
    }

    /// Whether attributes can be seen on a blank (reverse video, underline).
    static func showsOnBlank(_ attributes: RenderAttributes) -> Bool {
        attributes.reverse || attributes.underline
    }
}
