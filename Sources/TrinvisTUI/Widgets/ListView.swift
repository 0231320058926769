/// Draws a list: the visible rows of a ``ListState`` in a rectangle.
///
/// The selected row carries a marker ("›", or ">" in ASCII mode) and, when the list has focus,
/// reverse video across the row; the hardware cursor is put on it so screen readers follow the
/// selection. When rows are hidden, the right-most column shows "more above/below" signs.
package enum ListView {
    /// Columns taken by the marker column.
    package static let markerWidth = 2

    /// Draws the list.
    ///
    /// - Parameters:
    ///   - state: the list state; drawn as if resized to `rect.height`.
    ///   - rect: where to draw, in the canvas's current coordinates.
    ///   - canvas: the canvas.
    ///   - isFocused: whether the list has focus (reverse video and the cursor).
    ///   - emptyText: an already-localised note shown when the list is empty.
    ///   - row: the content of a row, given its index and the columns available.
    package static func draw(
        _ state: ListState, in rect: Rect, canvas: inout Canvas, isFocused: Bool = true,
        emptyText: String? = nil, row: (_ index: Int, _ width: Int) -> [Span]
    ) {
        guard !rect.isEmpty else { return }
        let state = state.resized(visibleHeight: rect.height)
        canvas.fill(rect)
        if state.count == 0 {
            if let emptyText {
                canvas.put(
                    row: rect.row, col: rect.col + min(markerWidth, rect.width - 1), text: emptyText,
                    style: .muted, maxWidth: rect.width - markerWidth, overflow: .ellipsis)
            }
            return
        }
        let scrollable = state.count > rect.height && rect.width > markerWidth + 2
        let contentWidth = rect.width - markerWidth - (scrollable ? 1 : 0)
        for (line, index) in state.visibleRange.enumerated() {
            let screenRow = rect.row + line
            let isSelected = index == state.selection
            let spans = row(index, max(contentWidth, 0))
            if isSelected {
                let rowStyle = isFocused ? Style.selected : Style(.normal, [.bold])
                canvas.fill(Rect(row: screenRow, col: rect.col, width: rect.width, height: 1), style: rowStyle)
                canvas.put(row: screenRow, col: rect.col, text: canvas.glyphs.selectionMarker, style: rowStyle)
                // In focus the row is one run of reverse video: a span's colour, bold or
                // underline would cost an attribute change on every move for a difference hard to
                // see inside the bar (markers such as "!" tell the same in words).
                let styled = spans.map { span in
                    Span(span.text, style: isFocused ? rowStyle : span.style.adding(.bold))
                }
                canvas.put(
                    row: screenRow, col: rect.col + markerWidth, spans: styled, maxWidth: contentWidth,
                    overflow: .ellipsis)
                if isFocused {
                    canvas.setCursor(row: screenRow, col: rect.col)
                }
            } else {
                canvas.put(
                    row: screenRow, col: rect.col + markerWidth, spans: spans, maxWidth: contentWidth,
                    overflow: .ellipsis)
            }
        }
        if scrollable {
            let col = rect.endCol - 1
            if state.hasMoreAbove {
                canvas.put(row: rect.row, col: col, text: canvas.glyphs.moreAbove, style: .muted)
            }
            if state.hasMoreBelow {
                canvas.put(row: rect.endRow - 1, col: col, text: canvas.glyphs.moreBelow, style: .muted)
            }
        }
    }
}
