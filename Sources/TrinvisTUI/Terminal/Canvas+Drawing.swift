import TrinvisCore

extension Canvas {
    /// Draws a horizontal line of `width` cells.
    package mutating func horizontalLine(row: Int, col: Int, width: Int, style: Style = .normal) {
        guard width > 0 else { return }
        put(
            row: row, col: col, text: String(repeating: glyphs.horizontal, count: width),
            style: style, maxWidth: width)
    }

    /// Draws a vertical line of `height` cells.
    package mutating func verticalLine(row: Int, col: Int, height: Int, style: Style = .normal) {
        guard height > 0 else { return }
        for offset in 0..<height {
            put(row: row + offset, col: col, text: glyphs.vertical, style: style, maxWidth: 1)
        }
    }

    /// Draws a frame along the edge of `rect`, with an optional title in the top line.
    ///
    /// Uses the glyph set's line characters (`+-|` in ASCII mode). The inside is left as it is;
    /// draw the content in `rect.inset(by: 1)`.
    package mutating func box(
        _ rect: Rect, style: Style = .normal, title: String? = nil, titleStyle: Style? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        put(row: rect.row, col: rect.col, text: glyphs.topLeft, style: style)
        horizontalLine(row: rect.row, col: rect.col + 1, width: inner, style: style)
        put(row: rect.row, col: rect.endCol - 1, text: glyphs.topRight, style: style)
        verticalLine(row: rect.row + 1, col: rect.col, height: rect.height - 2, style: style)
        verticalLine(row: rect.row + 1, col: rect.endCol - 1, height: rect.height - 2, style: style)
        put(row: rect.endRow - 1, col: rect.col, text: glyphs.bottomLeft, style: style)
        horizontalLine(row: rect.endRow - 1, col: rect.col + 1, width: inner, style: style)
        put(row: rect.endRow - 1, col: rect.endCol - 1, text: glyphs.bottomRight, style: style)
        if let title, !title.isEmpty, inner >= 3 {
            put(
                row: rect.row, col: rect.col + 1, text: " \(title) ", style: titleStyle ?? style,
                maxWidth: inner - 1, overflow: .ellipsis)
        }
    }

    /// Writes multi-line text word-wrapped to the width of `rect`, at most `rect.height` rows,
    /// and returns the number of rows the whole text needs. Explicit newlines are kept.
    @discardableResult
    package mutating func putWrapped(
        _ text: String, in rect: Rect, style: Style = .normal
    ) -> Int {
        guard rect.width > 0 else { return 0 }
        let safe = Sanitizer.sanitize(text, keepingNewlines: true)
        let wrapped = DisplayWidth.wrap(safe, toWidth: rect.width)
        for (index, line) in wrapped.prefix(rect.height).enumerated() {
            put(row: rect.row + index, col: rect.col, text: line, style: style, maxWidth: rect.width)
        }
        return wrapped.count
    }

    /// Writes one line of text aligned within `width` columns starting at `col`, truncated with
    /// an ellipsis when it does not fit. Returns the columns used by the text itself.
    @discardableResult
    package mutating func put(
        row: Int, col: Int, text: String, style: Style = .normal, width: Int,
        alignment: TextAlignment
    ) -> Int {
        guard width > 0 else { return 0 }
        let safe = Sanitizer.sanitize(text)
        let shown = DisplayWidth.truncate(safe, toWidth: width, ellipsis: glyphs.ellipsis)
        let shownWidth = DisplayWidth.of(shown)
        let offset: Int
        switch alignment {
        case .leading: offset = 0
        case .trailing: offset = width - shownWidth
        case .center: offset = (width - shownWidth) / 2
        }
        return put(row: row, col: col + offset, text: shown, style: style, maxWidth: width - offset)
    }
}
