#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CNcurses

extension NcursesBackend {
    /// Sends a canvas to the terminal: writes the cells that changed since the last frame (all
    /// of them after a resize or ``invalidate()``) as wide characters, places the hardware
    /// cursor, then `wnoutrefresh` and one `doupdate`; a frame equal to the last one sends
    /// nothing. Never clears the screen.
    ///
    /// Rows equal to the last frame's are skipped without a look at their cells; a changed row is
    /// compared as ``TerminalRow`` (the attributes as sent), so a blank that only changed an
    /// attribute nobody can see is not sent again.
    package func draw(_ canvas: Canvas) {
        let size = self.size
        let full = previousFrame?.size != canvas.size || canvas.size != size
        let previous = full ? nil : previousFrame
        // The same frame again (a tick with nothing new, a live reload that changed nothing on
        // screen): nothing is sent, not even the cursor.
        if let previous, previous == canvas { return }
        let rows = min(canvas.size.height, size.height)
        let cols = min(canvas.size.width, size.width)
        for row in 0..<rows {
            if let previous, previous.rowEquals(canvas, row: row) { continue }
            let new = TerminalRow(canvas, row: row, mode: colorMode)
            let old = previous.map { TerminalRow($0, row: row, mode: colorMode) }
            for col in 0..<cols {
                let cell = new.cells[col]
                if cell.isContinuation { continue }
                let isWide = col + 1 < new.cells.count && new.cells[col + 1].isContinuation
                if let old, old.cells[col] == cell,
                    !isWide || (col + 1 < old.cells.count && old.cells[col + 1].isContinuation)
                {
                    continue
                }
                write(cell, width: isWide ? 2 : 1, row: row, col: col, maxCol: cols)
            }
        }
        previousFrame = canvas
        if let cursor = canvas.cursor, cursor.row < rows, cursor.col < cols {
            if !cursorVisible {
                curs_set(1)
                cursorVisible = true
            }
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one cell (and, for a wide character, the cell right of it).
    private func write(_ cell: TerminalRow.Cell, width: Int, row: Int, col: Int, maxCol: Int) {
        let parts = terminalForm(of: cell.text, width: width)
        for (offset, part) in parts.enumerated() where col + offset < maxCol {
            put(part, attributes: cell.attributes, row: row, col: col + offset)
        }
    }

    /// The scalars to send for a grapheme of `width` columns, one array per column, such that
    /// curses counts exactly `width` columns: a flag is split over its two cells; other clusters
    /// keep their first scalar and its combining marks (ZWJ sequences and variation selectors,
    /// which terminals measure inconsistently, are reduced to the first emoji); anything curses
    /// would measure differently becomes "?" plus padding. Without a UTF-8 locale every
    /// non-ASCII cluster is "?".
    private func terminalForm(of text: String, width: Int) -> [[wchar_t]] {
        let scalars = Array(text.unicodeScalars)
        let placeholder: [[wchar_t]] =
            [[wchar_t(UInt8(ascii: "?"))]] + Array(repeating: [wchar_t(UInt8(ascii: " "))], count: max(width - 1, 0))
        guard let first = scalars.first else { return [] }
        if !localeIsUTF8 {
            return first.isASCII && scalars.count == 1 ? [[wchar_t(first.value)]] : placeholder
        }
        if width == 2 && scalars.count == 2 && scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) })
            && scalars.allSatisfy({ trinvis_wcwidth($0.value) == 1 })
        {
            return [[wchar_t(scalars[0].value)], [wchar_t(scalars[1].value)]]
        }
        let firstWidth = Int(trinvis_wcwidth(first.value))
        guard firstWidth >= 1, firstWidth <= width else { return placeholder }
        var characters = [wchar_t(first.value)]
        for scalar in scalars.dropFirst() {
            if scalar.value == 0x200D || characters.count >= 5 { break }
            if scalar.value == 0xFE0F || scalar.value == 0xFE0E { continue }
            if trinvis_wcwidth(scalar.value) == 0 {
                characters.append(wchar_t(scalar.value))
            }
        }
        return [characters] + Array(repeating: [wchar_t(UInt8(ascii: " "))], count: width - firstWidth)
    }

    private func put(_ characters: [wchar_t], attributes: RenderAttributes, row: Int, col: Int) {
        var bits = trinvis_attr_normal()
        if attributes.bold { bits |= trinvis_attr_bold() }
        if attributes.reverse { bits |= trinvis_attr_reverse() }
        if attributes.underline { bits |= trinvis_attr_underline() }
        if attributes.dim { bits |= trinvis_attr_dim() }
        let pair = StylePalette.pairToSend(attributes.colorPair, mode: colorMode)
        var cell = cchar_t()
        var string = characters + [0]
        let status = string.withUnsafeMutableBufferPointer { buffer in
            setcchar(&cell, buffer.baseAddress, attr_t(bits), pair, nil)
        }
        if status != OK {
            string = [wchar_t(UInt8(ascii: "?")), 0]
            _ = string.withUnsafeMutableBufferPointer { buffer in
                setcchar(&cell, buffer.baseAddress, attr_t(bits), pair, nil)
            }
        }
        mvwadd_wch(window, Int32(row), Int32(col), &cell)
    }
}
