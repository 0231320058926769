/// Small charts drawn with characters: a sparkline of scores, a bar for "N of M" and a stacked
/// bar for improved / same / worse. Pure functions: values in, text or spans out, no state.
///
/// Nothing is told by colour alone: every level and every part has its own character, in the
/// Unicode set and in the ASCII fallback, and a share is always shown with its figure
/// ("60 of 67 (90 %)"), which the caller supplies already localised.

/// Which way a score went from the first to the latest.
package enum TrendDirection: Sendable, Hashable, CaseIterable {
    /// The latest is higher than the first.
    case up
    /// The latest equals the first.
    case same
    /// The latest is lower than the first.
    case down

    /// The direction from `first` to `latest`.
    package init(first: Int, latest: Int) {
        self = latest > first ? .up : (latest < first ? .down : .same)
    }

    /// The character that tells the direction: ▲ = ▼, or + = - in ASCII mode.
    package func symbol(glyphs: Glyphs) -> String {
        switch self {
        case .up: return glyphs.isASCII ? "+" : "▲"
        case .same: return "="
        case .down: return glyphs.isASCII ? "-" : "▼"
        }
    }
}

/// A sparkline: one cell per value, its height telling the value.
///
/// Unicode mode uses the eight block characters ▁▂▃▄▅▆▇█, the bottom of the range mapping to
/// ▁ (a score is never drawn as nothing) and the top to █, the levels between rounded half up.
/// ASCII mode uses ten levels, the digits `1`–`9` and `X` for ten: on the default range 1...10
/// each score is shown as itself, so the ASCII line is even exact ("3469X"). Values outside the
/// range are drawn at its nearest end.
package enum Sparkline {
    /// The Unicode levels, lowest first.
    package static let unicodeLevels: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The ASCII levels, lowest first: the score 1–10 on the default range.
    package static let asciiLevels: [String] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X"]

    /// The levels of a glyph set, lowest first.
    package static func levels(for glyphs: Glyphs) -> [String] {
        glyphs.isASCII ? asciiLevels : unicodeLevels
    }

    /// The level (0 = lowest) of `value` among `count` levels spread evenly over `range`,
    /// clamped to the range and rounded half up. A range of one value draws at the lowest level.
    package static func level(of value: Int, in range: ClosedRange<Int>, levels count: Int) -> Int {
        guard count > 1 else { return 0 }
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return 0 }
        let offset = min(max(value, range.lowerBound), range.upperBound) - range.lowerBound
        // round(offset × (count − 1) / span), half up, in integers.
        return (2 * offset * (count - 1) + span) / (2 * span)
    }

    /// The sparkline as text: one character (one column) per value.
    package static func string(values: [Int], range: ClosedRange<Int> = 1...10, glyphs: Glyphs) -> String {
        let levels = levels(for: glyphs)
        return values.map { levels[level(of: $0, in: range, levels: levels.count)] }.joined()
    }

    /// The sparkline as one span in `style`; no spans for no values.
    package static func spans(values: [Int], range: ClosedRange<Int> = 1...10, glyphs: Glyphs,
                              style: Style = .normal) -> [Span] {
        guard !values.isEmpty else { return [] }
        return [Span(string(values: values, range: range, glyphs: glyphs), style: style)]
    }

    /// "3→6 ▲": the first and the latest value with the direction as a character
    /// (ASCII: "3->6 +"; the same: "6→6 =", lower: "6→3 ▼" / "6->3 -").
    package static func trend(first: Int, latest: Int, glyphs: Glyphs) -> String {
        let arrow = glyphs.isASCII ? "->" : "→"
        let direction = TrendDirection(first: first, latest: latest)
        return String(first) + arrow + String(latest) + " " + direction.symbol(glyphs: glyphs)
    }

    /// The trend from the first to the last of `values`; the value alone when there is one, nil
    /// when there are none.
    package static func trend(values: [Int], glyphs: Glyphs) -> String? {
        guard let first = values.first, let latest = values.last else { return nil }
        guard values.count > 1 else { return String(first) }
        return trend(first: first, latest: latest, glyphs: glyphs)
    }
}

/// A horizontal bar for "N of M": a filled part (█, ASCII `#`) as long as N/M of the bar and an
/// unfilled part (░, ASCII `.`) for the rest, followed by the figure the caller supplies
/// ("60 of 67 (90 %)"); never a bare percentage.
package enum BarChart {
    /// Columns between the bar and its figure.
    package static let gap = 1

    /// The filled cells of a bar `width` cells long for `count` of `total`: count × width / total
    /// rounded half up, within 0...width. Nothing is filled when `total` is zero or less.
    package static func filledCells(_ count: Int, of total: Int, width: Int) -> Int {
        guard total > 0, width > 0 else { return 0 }
        let clamped = min(max(count, 0), total)
        return (2 * clamped * width + total) / (2 * total)
    }

    /// The bar alone: exactly `width` columns (none for a width of zero or less).
    package static func bar(_ count: Int, of total: Int, width: Int, glyphs: Glyphs) -> String {
        let width = max(width, 0)
        let filled = filledCells(count, of: total, width: width)
        return String(repeating: glyphs.fullBlock, count: filled)
            + String(repeating: glyphs.lightShade, count: width - filled)
    }

    /// The columns left for the bar in a row `width` wide whose figure column is `figureWidth`.
    package static func barWidth(rowWidth width: Int, figureWidth: Int) -> Int {
        max(width - figureWidth - gap, 0)
    }

    /// A row `width` columns wide: the bar, a space, and `figure` right-aligned in
    /// `figureWidth` columns (its own width when nil). Pass the widest figure of a table as
    /// `figureWidth` so that the bars of every row are equally long. The bar gets what the
    /// figure leaves; when nothing is left the row is the figure alone.
    package static func spans(
        _ count: Int, of total: Int, figure: String, width: Int, figureWidth: Int? = nil, glyphs: Glyphs,
        filledStyle: Style = .accent, unfilledStyle: Style = .muted, figureStyle: Style = .normal
    ) -> [Span] {
        let figureColumns = max(figureWidth ?? DisplayWidth.of(figure), DisplayWidth.of(figure))
        let barColumns = barWidth(rowWidth: width, figureWidth: figureColumns)
        let paddedFigure = DisplayWidth.pad(figure, toWidth: figureColumns, alignment: .trailing)
        guard barColumns > 0 else { return [Span(paddedFigure, style: figureStyle)] }
        let filled = filledCells(count, of: total, width: barColumns)
        var spans: [Span] = []
        if filled > 0 { spans.append(Span(String(repeating: glyphs.fullBlock, count: filled), style: filledStyle)) }
        if filled < barColumns {
            spans.append(Span(String(repeating: glyphs.lightShade, count: barColumns - filled), style: unfilledStyle))
        }
        spans.append(Span(String(repeating: " ", count: gap) + paddedFigure, style: figureStyle))
        return spans
    }
}

/// One bar for the soft results of a dimension: improved, same and worse side by side, each
/// part with its own character — █ ▒ ░, or `+` `=` `-` in ASCII mode — so the parts are told
/// apart without colour. ``legend(improved:same:worse:glyphs:)`` names them.
package enum StackedBar {
    /// The parts, in the order they are drawn.
    package enum Part: Sendable, Hashable, CaseIterable {
        /// Last score above the first.
        case improved
        /// Last score equal to the first.
        case same
        /// Last score below the first.
        case worse

        /// The part's character.
        package func glyph(_ glyphs: Glyphs) -> String {
            switch self {
            case .improved: return glyphs.isASCII ? "+" : "█"
            case .same: return glyphs.isASCII ? "=" : "▒"
            case .worse: return glyphs.isASCII ? "-" : "░"
            }
        }

        /// The part's style: a colour role on top of the character.
        package var style: Style {
            switch self {
            case .improved: return .success
            case .same: return .normal
            case .worse: return .warning
            }
        }
    }

    /// The lengths of the parts of a bar `width` cells long, in the order of `counts`.
    ///
    /// Each part ends where its running total ends, rounded half up as in
    /// ``BarChart/filledCells(_:of:width:)``: so the first part is exactly the single bar of
    /// the same count, every part is within one cell of its exact length and, when anything
    /// was counted, the lengths sum to `width`. Nothing counted gives all zeros. Negative
    /// counts count as zero.
    package static func lengths(_ counts: [Int], width: Int) -> [Int] {
        let counts = counts.map { max($0, 0) }
        let total = counts.reduce(0, +)
        var result: [Int] = []
        var runningCount = 0
        var previousEnd = 0
        for count in counts {
            runningCount += count
            let end = BarChart.filledCells(runningCount, of: total, width: width)
            result.append(end - previousEnd)
            previousEnd = end
        }
        return result
    }

    /// The bar as text, exactly `width` columns; blank when nothing was counted.
    package static func bar(improved: Int, same: Int, worse: Int, width: Int, glyphs: Glyphs) -> String {
        spans(improved: improved, same: same, worse: worse, width: width, glyphs: glyphs).map(\.text).joined()
    }

    /// The bar as spans, one per part that has cells, exactly `width` columns together; one
    /// blank span when nothing was counted.
    package static func spans(improved: Int, same: Int, worse: Int, width: Int, glyphs: Glyphs) -> [Span] {
        let width = max(width, 0)
        let lengths = lengths([improved, same, worse], width: width)
        guard lengths.reduce(0, +) == width, width > 0 else {
            return width > 0 ? [Span(String(repeating: " ", count: width))] : []
        }
        return zip(Part.allCases, lengths).compactMap { part, length in
            length > 0 ? Span(String(repeating: part.glyph(glyphs), count: length), style: part.style) : nil
        }
    }

    /// "█ Improved  ▒ Same  ░ Worse" (ASCII "+ Improved  = Same  - Worse") with the caller's
    /// localised words.
    package static func legend(improved: String, same: String, worse: String, glyphs: Glyphs) -> [Span] {
        var spans: [Span] = []
        for (index, (part, word)) in zip(Part.allCases, [improved, same, worse]).enumerated() {
            spans.append(Span(part.glyph(glyphs), style: part.style))
            spans.append(Span(" " + word + (index < Part.allCases.count - 1 ? "  " : "")))
        }
        return spans
    }
}
