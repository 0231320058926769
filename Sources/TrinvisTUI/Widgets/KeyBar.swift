import TrinvisCore

/// One entry shown in the bottom key bar.
package struct KeyBarItem: Sendable, Hashable {
    /// The key as written ("F1", "q").
    package var key: String
    /// The label ("Help").
    package var label: String

    /// Creates an item.
    package init(key: String, label: String) {
        self.key = key
        self.label = label
    }

    /// Columns used: key, a space, label.
    package var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
}

/// The bottom bar of main keys, generated from a screen's ``KeyTable``.
package enum KeyBar {
    /// Columns between items.
    package static let gap = 2

    /// The items that fit in `width` columns, in table order.
    ///
    /// Takes the bindings marked for the bar; while they do not fit, drops the one with the
    /// lowest priority (the later one on a tie). A lone item too wide for the bar is kept and
    /// cut when drawn.
    package static func items<Action>(for table: KeyTable<Action>, width: Int, names: KeyNames)
        -> [KeyBarItem]
    {
        let candidates = table.bindings.enumerated().filter { $0.element.showsInBar }
        var kept = candidates.map { (index: $0.offset, priority: $0.element.priority,
            item: KeyBarItem(key: names.barLabel(of: $0.element), label: $0.element.label)) }
        func totalWidth() -> Int {
            kept.reduce(0) { $0 + $1.item.width } + gap * max(kept.count - 1, 0)
        }
        while kept.count > 1 && totalWidth() > width {
            var victim = 0
            for position in kept.indices where kept[position].priority <= kept[victim].priority {
                victim = position
            }
            kept.remove(at: victim)
        }
        return kept.map(\.item)
    }

    /// Draws the bar across a row of the canvas (the whole row is cleared first). Keys are
    /// bold in the accent role, so they stand out without colour too.
    package static func draw<Action>(
        _ table: KeyTable<Action>, row: Int, in canvas: inout Canvas, names: KeyNames? = nil
    ) {
        let width = canvas.width
        canvas.fill(Rect(row: row, col: 0, width: width, height: 1))
        let names = names ?? KeyNames(glyphs: canvas.glyphs)
        var col = 0
        for item in items(for: table, width: width, names: names) {
            if col > 0 { col += gap }
            guard col < width else { break }
            col += canvas.put(
                row: row, col: col, text: item.key, style: Style(.accent, [.bold]),
                maxWidth: width - col)
            guard col < width else { break }
            col += 1
            col += canvas.put(
                row: row, col: col, text: item.label, maxWidth: width - col, overflow: .ellipsis)
        }
    }
}

/// The help screen's content, generated from a screen's ``KeyTable``: every binding, whether or
/// not the bar shows it.
package enum KeyHelp {
    /// Lines for a view `width` columns wide: a heading per group, then per binding its keys in
    /// a column (at most a third of the width) and its help text word-wrapped beside them.
    package static func lines<Action>(
        for table: KeyTable<Action>, width: Int, names: KeyNames, glyphs: Glyphs = .unicode
    ) -> [[Span]] {
        let labels = table.bindings.map { names.helpLabel(of: $0) }
        let widest = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let keyColumn = min(widest, max(width / 3, 1))
        let textColumn = max(width - keyColumn - 2, 1)
        var result: [[Span]] = []
        var currentGroup: String?
        for (binding, label) in zip(table.bindings, labels) {
            if let group = binding.group, group != currentGroup {
                if !result.isEmpty { result.append([]) }
                result.append([Span(group, style: .header)])
                currentGroup = group
            }
            let key = DisplayWidth.fit(label, toWidth: keyColumn, ellipsis: glyphs.ellipsis)
            let text = DisplayWidth.wrap(Sanitizer.sanitize(binding.help), toWidth: textColumn)
            for (index, line) in text.enumerated() {
                let keyPart = index == 0 ? key : String(repeating: " ", count: keyColumn)
                result.append([Span(keyPart, style: Style(.accent, [.bold])), Span("  " + line)])
            }
            // The command's name after its help: on the last line when it fits, else below.
            if let command = binding.command {
                let name = "  :" + command
                let last = text.last.map { DisplayWidth.of($0) } ?? 0
                if last + DisplayWidth.of(name) <= textColumn, !result.isEmpty {
                    result[result.count - 1].append(Span(name, style: .muted))
                } else {
                    result.append([Span(String(repeating: " ", count: keyColumn) + "  "), Span(String(name.dropFirst(2)), style: .muted)])
                }
            }
        }
        return result
    }

    /// The help content as plain text lines (trailing spaces trimmed), for tests and printing.
    package static func plainLines<Action>(for table: KeyTable<Action>, width: Int, names: KeyNames)
        -> [String]
    {
        lines(for: table, width: width, names: names).map { spans in
            var line = spans.map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
