import TrinvisCore

/// Draws an open form over the screen: a label and a value per field, multi-line fields as
/// boxes of several rows, and a problem in red with `!` under the field it concerns.
enum FormView {
    /// One drawn row of the form.
    private struct Row {
        let field: Int
        let height: Int
        let isError: Bool
    }

    /// Where a form goes on a screen of a given size.
    static func area(for screen: Size) -> Rect {
        let body = Layout(size: screen).body
        let width = min(body.width, 110)
        return Rect(row: body.row, col: (screen.width - width) / 2, width: width, height: body.height)
    }

    /// The label column, the value column and the height of a multi-line field, for a form on a
    /// screen of a given size (the update uses it to lay out the note editor the same way).
    static func geometry(_ form: FormState, screen: Size) -> (inner: Rect, labelWidth: Int, valueWidth: Int, textHeight: Int) {
        let inner = area(for: screen).inset(top: 1, left: 2, bottom: 1, right: 2)
        let labelWidth = min(22, inner.width / 3)
        let valueWidth = max(inner.width - labelWidth - 1, 1)
        let textFields = form.fields.filter { $0.kind == .text }.count
        let textHeight = textFields <= 1 ? max(min(inner.height - form.fields.count - 1, 10), 3) : textFields <= 4 ? 4 : 3
        return (inner, labelWidth, valueWidth, textHeight)
    }

    static func draw(_ form: FormState, screen: Size, canvas: inout Canvas, glyphs: Glyphs, focused: Bool) {
        let area = area(for: screen)
        canvas.fill(area)
        canvas.box(area, style: .accent, title: " \(form.title) ", titleStyle: Style(.accent, [.bold]))
        let (inner, labelWidth, valueWidth, textHeight) = geometry(form, screen: screen)
        guard inner.width > 10, inner.height > 0 else { return }

        var rows: [Row] = []
        for (index, field) in form.fields.enumerated() {
            rows.append(Row(field: index, height: field.kind == .text ? textHeight : 1, isError: false))
            if field.error != nil { rows.append(Row(field: index, height: 1, isError: true)) }
        }
        // Scroll so that the focused field (and its error) is visible.
        var top = 0
        var offsets: [Int] = []
        for row in rows {
            offsets.append(top)
            top += row.height
        }
        let focusRows = rows.indices.filter { rows[$0].field == form.focus }
        var scroll = 0
        if let last = focusRows.last, let first = focusRows.first {
            let bottom = offsets[last] + rows[last].height
            if bottom > inner.height { scroll = bottom - inner.height }
            scroll = min(scroll, offsets[first])
        }
        var cursor: (row: Int, col: Int)?
        for (index, row) in rows.enumerated() {
            let y = offsets[index] - scroll
            guard y >= 0, y + row.height <= inner.height else { continue }
            let field = form.fields[row.field]
            let isFocused = focused && row.field == form.focus
            let screenRow = inner.row + y
            if row.isError {
                canvas.put(row: screenRow, col: inner.col + labelWidth + 1, text: "! " + (field.error ?? ""),
                           style: .danger, maxWidth: valueWidth, overflow: .ellipsis)
                continue
            }
            let marker = isFocused ? glyphs.selectionMarker : " "
            let label = DisplayWidth.pad(DisplayWidth.truncate(marker + field.label + (field.required ? " *" : ""),
                                                               toWidth: labelWidth, ellipsis: glyphs.ellipsis), toWidth: labelWidth)
            canvas.put(row: screenRow, col: inner.col, text: label, style: isFocused ? Style(.accent, [.bold]) : .muted)
            let value = Rect(row: screenRow, col: inner.col + labelWidth + 1, width: valueWidth, height: row.height)
            switch field.kind {
            case .line, .date, .dateTime, .number:
                let fieldWidth = field.kind == .number ? min(value.width, 6) : field.kind == .line ? value.width : min(value.width, 20)
                TextField.draw(field.line, in: Rect(row: value.row, col: value.col, width: fieldWidth, height: 1), canvas: &canvas,
                               isFocused: isFocused)
                if isFocused { cursor = canvas.cursor.map { ($0.row, $0.col) } }
                if let hint = field.hint, value.width > fieldWidth + 4 {
                    canvas.put(row: screenRow, col: value.col + fieldWidth + 2, text: hint, style: .muted,
                               maxWidth: value.width - fieldWidth - 2, overflow: .ellipsis)
                }
            case .text:
                var editor = field.editor
                editor.resize(width: value.width, height: value.height)
                TextEditor.draw(editor, in: value, canvas: &canvas, isFocused: isFocused, style: Style(.normal, [.underline]))
                if isFocused { cursor = canvas.cursor.map { ($0.row, $0.col) } }
            case .choice:
                let option = field.options.indices.contains(field.selected) ? field.options[field.selected].label : ""
                let arrows = glyphs.isASCII ? ("< ", " >") : ("\u{25C2} ", " \u{25B8}")
                let text = field.options.count > 1 ? arrows.0 + option + arrows.1 : option
                canvas.put(row: screenRow, col: value.col, text: text, style: isFocused ? Style(.accent, [.bold]) : .normal,
                           maxWidth: valueWidth, overflow: .ellipsis)
                if isFocused { cursor = (screenRow, value.col) }
            case .toggle:
                canvas.put(row: screenRow, col: value.col, text: field.toggle ? "[x]" : "[ ]",
                           style: isFocused ? Style(.accent, [.bold]) : .normal)
                if isFocused { cursor = (screenRow, value.col + 1) }
            }
        }
        // Scroll marks on the frame: more fields above, or below, than the form shows.
        if scroll > 0 {
            canvas.put(row: area.row, col: area.endCol - 3, text: glyphs.moreAbove, style: .accent)
        }
        if top - scroll > inner.height {
            canvas.put(row: area.endRow - 1, col: area.endCol - 3, text: glyphs.moreBelow, style: .accent)
        }
        if let cursor {
            _ = canvas.setCursor(row: cursor.row, col: cursor.col)
        } else {
            canvas.hideCursor()
        }
    }
}

/// The small overlays: the "add what?" menu and the drafts screen.
enum OverlayViews {
    static func drawMenu(_ menu: AddMenu, state: AppState, canvas: inout Canvas) {
        drawMenu(title: state.say(.addMenu), labels: menu.items.map(\.label), list: menu.list, canvas: &canvas)
    }

    /// A menu box in the middle of the screen: a letter and a label per entry.
    static func drawMenu(title: String, labels: [String], list: ListState, canvas: inout Canvas) {
        let width = min(48, canvas.width - 4)
        let letters = MenuLetters.letters(for: labels)
        let height = min(labels.count + 2, canvas.height - 4)
        let rect = Rect(row: max((canvas.height - height) / 2, 1), col: (canvas.width - width) / 2, width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, style: .accent, title: " \(title) ", titleStyle: Style(.accent, [.bold]))
        let ellipsis = canvas.glyphs.ellipsis
        ListView.draw(list, in: rect.inset(by: 1), canvas: &canvas, isFocused: true) { index, width in
            [Span(letters[index].map { "\($0) " } ?? "  ", style: Style(.accent, [.bold])),
             Span(DisplayWidth.truncate(PaneViews.clean(labels[index]), toWidth: max(width - 2, 1), ellipsis: ellipsis))]
        }
    }

    static func drawDrafts(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        canvas.box(rect, style: .accent, title: " \(say(.drafts)) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        guard inner.height > 2 else { return }
        canvas.put(row: inner.row, col: inner.col, text: say(.draftsHelp), style: .muted, maxWidth: inner.width, overflow: .ellipsis)
        let list = Rect(row: inner.row + 2, col: inner.col, width: inner.width, height: inner.height - 2)
        let now = Timestamp.now().seconds
        ListView.draw(state.draftList, in: list, canvas: &canvas, isFocused: true) { index, _ in
            let draft = state.drafts[index]
            let minutes = Int(max(now - draft.updatedAt, 0) / 60)
            return [Span(say(.draftLine(title: draft.title, age: say(.minutesAgo(minutes))))),
                    Span("  " + preview(of: draft), style: .muted)]
        }
    }

    /// What was typed: the longest value of the draft, on one line (what a user recognises).
    static func preview(of draft: FormDraft) -> String {
        guard let document = try? JSONParser.parse(draft.payload), case .object(let members) = document else { return "" }
        let texts = members.compactMap { member -> String? in
            if case .string(let text) = member.1 { return text }
            return nil
        }
        return PaneViews.clean(texts.max { $0.count < $1.count } ?? "")
    }
}
