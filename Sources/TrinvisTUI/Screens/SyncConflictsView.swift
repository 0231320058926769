import TrinvisCore

/// The sync conflicts screen: the open conflicts, newest first (citizen, record kind, field, who
/// changed it at the other place and when), and under them both versions of the selected one,
/// "Here" beside "From the other place" (one above the other on a narrow terminal), wrapped.
enum SyncConflictsView {
    /// The versions stand side by side from this inner width on.
    static let sideBySideWidth = 64

    /// The rows the list shows at once: a third of the box, at least 3 (as far as there are
    /// conflicts), so that the versions keep most of the room.
    static func listRows(_ state: AppState) -> Int {
        let inner = max(Layout.of(state).body.height - 2, 1)
        return max(min(state.syncConflicts.items.count, max(3, (inner - 6) / 3), inner), 1)
    }

    /// The field in words ("notes" as "noter" in Danish), or "whole record".
    static func fieldName(_ conflict: SyncConflict, _ say: Localizer) -> String {
        conflict.column == "*" ? say(.conflictWholeRecord) : PaneViews.clean(say(.conflictColumn(conflict.column)))
    }

    /// "changed by anna 2026-03-02 10:15", as far as the file says who and when.
    static func changedThere(_ conflict: SyncConflict, _ say: Localizer) -> String {
        var parts: [String] = []
        if let by = conflict.remoteBy, !by.isEmpty { parts.append(say(.conflictFrom(by: PaneViews.clean(by)))) }
        if let at = conflict.remoteAt {
            let stamp = Timestamp(seconds: at, offsetMinutes: Timestamp.localOffsetMinutes(at: at))
            parts.append(say.date(stamp.localDate) + " " + stamp.clockTime)
        }
        return parts.joined(separator: " ")
    }

    /// One version as shown, and its style: a whole record deleted on one side says so.
    static func version(_ conflict: SyncConflict, here: Bool, _ say: Localizer) -> (text: String, style: Style) {
        let value = here ? conflict.local : conflict.remote
        if conflict.column == "*" {
            if !here, conflict.deletedThere { return (say(.conflictDeletedThere), .warning) }
            if here, conflict.deletedThere { return (say(.conflictChangedHere), .muted) }
            if here, value == .null { return (say(.conflictGoneHere), .warning) }
        }
        switch value {
        case .null: return (say(.none), .muted)
        case .text(let text): return (text.isEmpty ? say(.none) : text, text.isEmpty ? .muted : .normal)
        case .integer(let number): return (String(number), .normal)
        case .real(let number): return (String(number), .normal)
        case .blob(let bytes): return ("\(bytes.count) B", .muted)
        }
    }

    static func draw(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        let conflicts = state.syncConflicts
        canvas.box(rect, style: .accent, title: " \(say(.conflictsTitle(count: conflicts.items.count))) ",
                   titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        guard inner.height > 0, inner.width > 4 else { return }
        guard !conflicts.items.isEmpty else {
            canvas.putWrapped(say(.conflictsNone), in: Rect(row: inner.row, col: inner.col + 1, width: inner.width - 2,
                                                            height: inner.height), style: .muted)
            return
        }
        let rows = min(listRows(state), inner.height)
        let ellipsis = canvas.glyphs.ellipsis
        func cell(_ text: String, _ width: Int) -> String {
            DisplayWidth.pad(DisplayWidth.truncate(text, toWidth: max(width - 1, 0), ellipsis: ellipsis), toWidth: width)
        }
        let items = conflicts.items
        ListView.draw(conflicts.list, in: Rect(row: inner.row, col: inner.col, width: inner.width, height: rows), canvas: &canvas,
                      isFocused: !state.helpVisible && state.confirmation == nil) { index, width in
            let conflict = items[index]
            let citizenWidth = max(min(width / 4, 30), 8)
            let kindWidth = width >= 60 ? min(width / 6, 20) : 0
            let fieldWidth = max(min(width / 5, 24), 8)
            var spans = [Span(cell(conflict.citizenName.map(PaneViews.clean) ?? "\u{2014}", citizenWidth), style: .header)]
            if kindWidth > 0 { spans.append(Span(cell(say(.conflictRecordKind(conflict.kind)), kindWidth), style: .muted)) }
            spans.append(Span(cell(fieldName(conflict, say), fieldWidth)))
            spans.append(Span(changedThere(conflict, say), style: .muted))
            return spans
        }
        var row = inner.row + rows
        guard let conflict = conflicts.selected, inner.endRow - row >= 5 else { return }
        canvas.horizontalLine(row: row, col: inner.col, width: inner.width, style: .muted)
        row += 1
        let col = inner.col + 1, width = inner.width - 2
        let what = say(.conflictRecordKind(conflict.kind)) + " \u{00B7} " + fieldName(conflict, say)
        canvas.put(row: row, col: col, spans: [Span(what, style: Style(.header, [.bold])),
                                               Span("  " + (conflict.citizenName.map(PaneViews.clean) ?? "\u{2014}"))],
                   maxWidth: width, overflow: .ellipsis)
        row += 1
        let there = changedThere(conflict, say)
        if !there.isEmpty {
            canvas.put(row: row, col: col, text: there, style: .muted, maxWidth: width, overflow: .ellipsis)
            row += 1
        }
        row += 1
        let area = Rect(row: row, col: col, width: width, height: max(inner.endRow - row, 0))
        drawVersions(conflict, in: area, say: say, canvas: &canvas)
    }

    /// "Here" and "From the other place", each with its version wrapped under it: side by side
    /// when there is room, else one above the other, each in half of the rows.
    private static func drawVersions(_ conflict: SyncConflict, in area: Rect, say: Localizer, canvas: inout Canvas) {
        guard area.height >= 2, area.width > 4 else { return }
        let here = version(conflict, here: true, say), there = version(conflict, here: false, say)
        let heading = Style(.accent, [.bold, .underline])
        if area.width >= sideBySideWidth {
            let half = (area.width - 3) / 2
            let right = area.col + half + 3
            canvas.verticalLine(row: area.row, col: area.col + half + 1, height: area.height, style: .muted)
            canvas.put(row: area.row, col: area.col, text: say(.conflictHere), style: heading, maxWidth: half, overflow: .ellipsis)
            canvas.put(row: area.row, col: right, text: say(.conflictThere), style: heading, maxWidth: half, overflow: .ellipsis)
            wrapped(here, in: Rect(row: area.row + 1, col: area.col, width: half, height: area.height - 1), canvas: &canvas)
            wrapped(there, in: Rect(row: area.row + 1, col: right, width: half, height: area.height - 1), canvas: &canvas)
        } else {
            let first = max((area.height - 1) / 2, 2)
            canvas.put(row: area.row, col: area.col, text: say(.conflictHere), style: heading, maxWidth: area.width, overflow: .ellipsis)
            wrapped(here, in: Rect(row: area.row + 1, col: area.col, width: area.width, height: first - 1), canvas: &canvas)
            let second = area.row + first
            guard area.endRow - second >= 2 else { return }
            canvas.put(row: second, col: area.col, text: say(.conflictThere), style: heading, maxWidth: area.width, overflow: .ellipsis)
            wrapped(there, in: Rect(row: second + 1, col: area.col, width: area.width, height: area.endRow - second - 1),
                    canvas: &canvas)
        }
    }

    /// A version wrapped into `rect` (its own line breaks kept); what does not fit ends in an
    /// ellipsis on the last row.
    private static func wrapped(_ shown: (text: String, style: Style), in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0, rect.width > 1 else { return }
        let ellipsis = canvas.glyphs.ellipsis
        var lines = DisplayWidth.wrap(Sanitizer.sanitize(shown.text.replacingLineEnds(), keepingNewlines: true), toWidth: rect.width)
        if lines.count > rect.height {
            lines = Array(lines.prefix(rect.height))
            let last = lines[rect.height - 1]
            lines[rect.height - 1] = DisplayWidth.prefix(of: last, fittingIn: rect.width - DisplayWidth.of(ellipsis)).text + ellipsis
        }
        for (offset, line) in lines.enumerated() {
            canvas.put(row: rect.row + offset, col: rect.col, text: line, style: shown.style, maxWidth: rect.width)
        }
    }
}
