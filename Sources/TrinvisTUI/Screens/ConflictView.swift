import TrinvisCore

/// Draws the conflict of a restored draft over the screen, where its form would open: who saved
/// the record since and when, then one row per field that differs, the draft's value beside the
/// saved one, the chosen side marked `[x]` (and in bold, never by colour alone), and under the
/// rows both whole values of the selected field, wrapped.
enum ConflictView {
    static func draw(_ conflict: DraftConflict, state: AppState, canvas: inout Canvas, focused: Bool) {
        let say = state.say
        let area = FormView.area(for: canvas.size)
        canvas.fill(area)
        let live = conflict.fromOpenForm
        canvas.box(area, style: .warning, title: say(live ? .liveConflictTitle(conflict.title) : .conflictTitle(conflict.title)),
                   titleStyle: Style(.warning, [.bold]))
        let inner = area.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.width > 20, inner.height > 3 else { return }

        var row = inner.row
        let stamp = conflict.changedAt
        let intro = live ? say(.liveConflictIntro(name: conflict.changedBy, time: stamp?.clockTime ?? ""))
            : say(.conflictIntro(name: conflict.changedBy, date: stamp.map { say.date($0.localDate) } ?? "",
                                 time: stamp?.clockTime ?? ""))
        let introLines = DisplayWidth.wrap(Sanitizer.sanitize(intro), toWidth: inner.width)
        for line in introLines.prefix(max(min(3, inner.height - 4), 1)) {
            canvas.put(row: row, col: inner.col, text: line, style: .normal, maxWidth: inner.width)
            row += 1
        }
        row += 1

        // The columns: the field's label, the draft's value, the saved value.
        let labelWidth = min(20, inner.width / 4)
        let valueWidth = max((inner.width - ListView.markerWidth - labelWidth - 2) / 2, 6)
        let draftCol = inner.col + ListView.markerWidth + labelWidth + 1
        let savedCol = draftCol + valueWidth + 1
        let ellipsis = canvas.glyphs.ellipsis
        func cell(_ text: String, _ width: Int) -> String {
            DisplayWidth.pad(DisplayWidth.truncate(PaneViews.clean(text), toWidth: width, ellipsis: ellipsis),
                             toWidth: width)
        }
        guard row < inner.endRow else { return }
        canvas.put(row: row, col: inner.col + ListView.markerWidth, text: cell(say(.conflictField), labelWidth), style: .muted)
        canvas.put(row: row, col: draftCol, text: cell(say(live ? .liveConflictYours : .conflictYours), valueWidth), style: Style(.accent, [.bold]))
        canvas.put(row: row, col: savedCol, text: cell(say(.conflictSaved(conflict.changedBy)), valueWidth),
                   style: Style(.accent, [.bold]))
        row += 1

        // The rows take what they need, leaving the rest for the selected field's whole values.
        let room = inner.endRow - row
        let listHeight = min(conflict.rows.count, max(room / 2, min(room, 3)))
        guard listHeight > 0 else { return }
        let list = Rect(row: row, col: inner.col, width: inner.width, height: listHeight)
        let marked: (DraftConflict.Row, DraftConflict.Side) -> String = { $0.choice == $1 ? "[x] " : "[ ] " }
        ListView.draw(conflict.list, in: list, canvas: &canvas, isFocused: focused) { index, _ in
            let entry = conflict.rows[index]
            let draftStyle: Style = entry.choice == .draft ? Style(.normal, [.bold]) : .muted
            let savedStyle: Style = entry.choice == .saved ? Style(.normal, [.bold]) : .muted
            return [Span(cell(entry.label, labelWidth) + " "),
                    Span(marked(entry, .draft) + cell(entry.draftShown, valueWidth - 4) + " ", style: draftStyle),
                    Span(marked(entry, .saved) + cell(entry.savedShown, valueWidth - 4), style: savedStyle)]
        }
        row += listHeight

        guard let index = conflict.list.selection, conflict.rows.indices.contains(index), inner.endRow - row >= 2 else { return }
        canvas.horizontalLine(row: row, col: inner.col, width: inner.width, style: .muted)
        row += 1
        let entry = conflict.rows[index]
        let detailHeight = inner.endRow - row
        canvas.put(row: row, col: inner.col + ListView.markerWidth, text: cell(entry.label, labelWidth), style: .muted)
        canvas.putWrapped(entry.draftShown, in: Rect(row: row, col: draftCol, width: valueWidth, height: detailHeight))
        canvas.putWrapped(entry.savedShown, in: Rect(row: row, col: savedCol, width: valueWidth, height: detailHeight))
    }
}
