/// One row of a canvas as the terminal is to show it: each cell's text and the attributes it is
/// sent with. Pure, so the choices that keep the bytes to the terminal few are tested without
/// a terminal.
///
/// A blank whose attributes show nothing (a space without reverse video or underline: colours
/// are foregrounds on the default background, and bold or dim change only the glyph) is sent
/// with the attributes of the next visible cell to its right, or plain at the end of the row or
/// before reverse or underlined text. So the padding after a coloured word costs no attribute
/// change of its own, the blank between two runs does not switch back and forth, and a row's
/// trailing blanks stay plain, which curses can erase with one clear-to-end-of-line.
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
        // Right to left: what a hidden-attribute blank takes is known from its right.
        var next = RenderAttributes()
        for col in stride(from: width - 1, through: 0, by: -1) {
            let cell = cells[col]
            if cell.isContinuation { continue }
            if Self.hidesAttributes(cell) {
                cells[col].attributes = next
            } else {
                next = Self.showsOnBlank(cell.attributes) ? RenderAttributes() : cell.attributes
            }
        }
        self.cells = cells
    }

    /// Whether a cell is a blank on which its attributes cannot be seen.
    static func hidesAttributes(_ cell: Cell) -> Bool {
        cell.text == " " && !showsOnBlank(cell.attributes)
    }

    /// Whether attributes can be seen on a blank (reverse video, underline).
    static func showsOnBlank(_ attributes: RenderAttributes) -> Bool {
        attributes.reverse || attributes.underline
    }
}
