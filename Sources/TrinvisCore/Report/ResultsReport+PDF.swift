extension ResultsReport {
    /// The report on one A4 page: the title, the period, the filter and the number of citizens,
    /// then tables of soft results, hard results, milestones and contact with the same figures
    /// and words as ``text(labels:)`` — every share as "60 of 67 (90 %)", never a bare
    /// percentage — and beside the shares plain bars drawn in greys with an outline, so that they
    /// read in black and white. Soft results get one bar per dimension split into improved, same
    /// and worse (dark, middle and light grey, named in a legend). The cohorts follow when their
    /// table fits on the page; otherwise a line says how many there are and where to find them.
    /// A footer names the report and, with `creationDate`, when it was printed. The text is set in
    /// `fonts` and measured with their widths.
    package func pdfDocument(labels: ReportLabels = .english, fonts: PDFFonts,
                             creationDate: Timestamp? = nil) -> PDFDocument {
        var sheet = ReportSheet(fonts: fonts)
        sheet.title(labels.title)

        var facts = [ReportSheet.Fact(label: labels.period, value: labels.period(from: from, to: to))]
        if let organisation {
            facts.append(.init(label: labels.organisation, value: Sanitizer.sanitize(organisation.name, controls: .dropped)))
        }
        if let professional {
            facts.append(.init(label: labels.professional, value: Sanitizer.sanitize(professional.name, controls: .dropped)))
        }
        facts.append(.init(label: labels.citizens, value: String(citizens), note: labels.citizensNote))
        sheet.facts(facts)

        // Soft results: one row per dimension with a bar of improved, same and worse.
        let softHeader = [labels.dimension, labels.assessed, labels.improved, labels.same, labels.worse]
        let softRows = soft.map { row in
            ReportSheet.Row(cells: [labels.name(of: row.dimension), String(row.assessed),
                                    labels.share(row.improved, of: row.assessed, percent: row.improvedPercent),
                                    labels.share(row.same, of: row.assessed, percent: row.samePercent),
                                    labels.share(row.worse, of: row.assessed, percent: row.worsePercent)],
                            bar: .parts([row.improved, row.same, row.worse]))
        }
        let softLayout = ReportSheet.TableLayout(fonts: fonts, header: softHeader, rows: softRows,
                                                 alignments: [.left, .right, .right, .right, .right], maximumBar: 150)
        sheet.heading(labels.softHeading, note: labels.softNote)
        sheet.table(softRows, header: softHeader, layout: softLayout)
        if softLayout.barWidth > 0 {
            sheet.legend([labels.improved, labels.same, labels.worse], under: softLayout)
        }

        // Hard results, milestones and contact: a name, a figure and a bar, in one set of columns
        // so that their bars line up.
        let hardHeader = [labels.outcome, labels.outcomeCitizens]
        let hardRows = hard.map { row in
            ReportSheet.Row(cells: [labels.name(of: row.kind),
                                    labels.share(row.citizens, of: citizens,
                                                 percent: ReportArithmetic.percent(row.citizens, of: citizens))],
                            bar: .share(row.citizens, of: citizens))
        }
        let set = milestones.set
        let milestoneRows = [
            ReportSheet.Row(cells: [labels.milestonesSet, String(set)]),
            ReportSheet.Row(cells: [labels.milestonesAchieved,
                                    labels.share(milestones.achieved, of: set, percent: milestones.achievedPercent)],
                            bar: .share(milestones.achieved, of: set)),
            ReportSheet.Row(cells: [labels.milestonesAchievedByDeadline,
                                    labels.share(milestones.achievedByDeadline, of: set,
                                                 percent: milestones.achievedByDeadlinePercent)],
                            bar: .share(milestones.achievedByDeadline, of: set)),
            ReportSheet.Row(cells: [labels.milestonesDropped,
                                    labels.share(milestones.dropped, of: set, percent: milestones.droppedPercent)],
                            bar: .share(milestones.dropped, of: set)),
        ]
        let base = contact.attendanceBase
        let contactRows = [
            ReportSheet.Row(cells: [labels.meetings, String(contact.meetings)]),
            ReportSheet.Row(cells: [labels.attended, labels.share(contact.attended, of: base, percent: contact.attendancePercent)],
                            bar: .share(contact.attended, of: base)),
            ReportSheet.Row(cells: [labels.noShow, labels.share(contact.noShow, of: base, percent: contact.noShowPercent)],
                            bar: .share(contact.noShow, of: base)),
            ReportSheet.Row(cells: [labels.excused, labels.share(contact.excused, of: contact.meetings,
                                                                 percent: contact.excusedPercent)],
                            bar: .share(contact.excused, of: contact.meetings)),
            ReportSheet.Row(cells: [labels.medianDaysBetween, labels.median(contact.medianDaysBetween, gaps: contact.gaps)]),
        ]
        let figureLayout = ReportSheet.TableLayout(fonts: fonts, header: hardHeader, rows: hardRows + milestoneRows + contactRows,
                                                   alignments: [.left, .right], maximumBar: 200)
        sheet.heading(labels.hardHeading)
        sheet.table(hardRows, header: hardHeader, layout: figureLayout)
        sheet.heading(labels.milestonesHeading)
        sheet.table(milestoneRows, header: nil, layout: figureLayout)
        sheet.heading(labels.contactHeading, note: labels.contactNote)
        sheet.table(contactRows, header: nil, layout: figureLayout)

        // Cohorts, when the whole table fits on the page.
        if !cohorts.isEmpty {
            let cohortHeader = [labels.cohort, labels.citizens, labels.cohortMilestones, labels.cohortAttendance,
                                labels.cohortMedian]
            let cohortRows = cohorts.map { cohort in
                let figures = cohort.figures
                return ReportSheet.Row(cells: [
                    labels.name(of: cohort.quarter), String(figures.citizens),
                    labels.share(figures.milestones.achieved, of: figures.milestones.set,
                                 percent: figures.milestones.achievedPercent),
                    labels.share(figures.contact.attended, of: figures.contact.attendanceBase,
                                 percent: figures.contact.attendancePercent),
                    labels.median(figures.contact.medianDaysBetween, gaps: figures.contact.gaps),
                ])
            }
            let cohortLayout = ReportSheet.TableLayout(fonts: fonts, header: cohortHeader, rows: cohortRows,
                                                       alignments: [.left, .right, .right, .right, .right], maximumBar: 0)
            if sheet.fits(heading: labels.cohortsHeading, note: nil, rows: cohortRows.count, hasHeader: true) {
                sheet.heading(labels.cohortsHeading)
                sheet.table(cohortRows, header: cohortHeader, layout: cohortLayout)
            } else {
                let note = ReportLabels.fill(labels.cohortsNotShown, ["count": String(cohorts.count)])
                sheet.remark(note)
            }
        }

        let periodText = labels.period(from: from, to: to)
        let printed = creationDate.map { ReportLabels.fill(labels.printed, ["date": labels.dateTime($0)]) }
        sheet.footer(left: labels.title + " \u{00B7} " + labels.period + ": " + periodText, right: printed ?? "")
        return PDFDocument(title: labels.title + " \u{2013} " + periodText, creationDate: creationDate, fonts: fonts,
                           pages: [sheet.page])
    }

    /// The bytes of `pdfDocument(labels:fonts:creationDate:)`.
    package func pdf(labels: ReportLabels = .english, fonts: PDFFonts, creationDate: Timestamp? = nil) -> [UInt8] {
        pdfDocument(labels: labels, fonts: fonts, creationDate: creationDate).bytes()
    }
}

/// One A4 page of the results report, filled from the top: a cursor moves down as titles, facts,
/// headings and tables are drawn. Coordinates are PDF points from the lower left corner.
struct ReportSheet {
    /// The left margin.
    static let left = 50.0
    /// Where text ends on the right.
    static let right = PDFDocument.pageWidth - 50
    /// The top of the first line.
    static let top = PDFDocument.pageHeight - 50
    /// Nothing is drawn below this, above the footer.
    static let bottom = 62.0
    /// The footer's baseline.
    static let footerBaseline = 36.0
    /// The space between table columns.
    static let columnGap = 14.0
    /// The distance from one table row to the next.
    static let rowHeight = 13.5
    /// The height of a bar.
    static let barHeight = 7.0

    /// The greys of the bars: a filled share, the empty rest, and improved, same and worse.
    enum Shade {
        static let filled = PDFColor(gray: 0.3)
        static let empty = PDFColor(gray: 0.93)
        static let outline = PDFColor(gray: 0.35)
        static let parts = [PDFColor(gray: 0.15), PDFColor(gray: 0.58), PDFColor(gray: 0.88)]
    }

    /// How a kind of text looks.
    enum Style {
        case title, factLabel, fact, note, heading, header, cell, legend, footer

        /// The face.
        var face: PDFFace {
            switch self {
            case .title, .heading, .header: return .bold
            default: return .regular
            }
        }

        /// The size in points.
        var size: Double {
            switch self {
            case .title: return 18
            case .heading: return 11.5
            case .factLabel, .fact, .cell: return 9.5
            case .header: return 8.5
            case .note, .legend, .footer: return 8
            }
        }

        /// Black for figures and words, grey for notes, labels and the footer.
        var color: PDFColor {
            switch self {
            case .factLabel, .note, .legend, .footer: return PDFColor(gray: 0.35)
            default: return .black
            }
        }
    }

    /// A labelled line at the top: "Period  all time".
    struct Fact {
        let label: String
        let value: String
        var note: String?
    }

    /// What a row's bar shows.
    enum Bar {
        /// A count of a total.
        case share(Int, of: Int)
        /// Parts of their sum, side by side (improved, same, worse).
        case parts([Int])
    }

    /// A table row: its cells and, optionally, a bar after them.
    struct Row {
        let cells: [String]
        var bar: Bar?
    }

    /// Where a table's columns and bars go. Columns are as wide as their widest cell; when they
    /// do not fit across the page the text is set smaller. The bar takes the room that is left
    /// (at most `maximumBar`), and no bar is drawn when that is less than a usable minimum.
    struct TableLayout {
        /// Text at the left or at the right of its column.
        enum Alignment { case left, right }

        /// Per column: its left edge, its width and its alignment.
        private(set) var columns: [(x: Double, width: Double, alignment: Alignment)] = []
        /// The size of the table's text.
        private(set) var size = Style.cell.size
        /// The left edge of the bars.
        private(set) var barX = 0.0
        /// The width of the bars, zero for none.
        private(set) var barWidth = 0.0

        init(fonts: PDFFonts, header: [String]?, rows: [Row], alignments: [Alignment], maximumBar: Double) {
            let available = ReportSheet.right - ReportSheet.left
            var widths = Array(repeating: 0.0, count: alignments.count)
            for row in rows {
                for (index, cell) in row.cells.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], fonts.width(of: cell, face: Style.cell.face, size: Style.cell.size))
                }
            }
            for (index, cell) in (header ?? []).enumerated() where index < widths.count {
                widths[index] = max(widths[index], fonts.width(of: cell, face: Style.header.face, size: Style.header.size))
            }
            let gaps = ReportSheet.columnGap * Double(max(alignments.count - 1, 0))
            let textWidth = widths.reduce(0, +) + gaps
            var scale = 1.0
            if textWidth > available {
                scale = (available - gaps) / max(textWidth - gaps, 1)
                size = Style.cell.size * scale
            }
            var x = ReportSheet.left
            for (width, alignment) in zip(widths, alignments) {
                columns.append((x, width * scale, alignment))
                x += width * scale + ReportSheet.columnGap
            }
            let room = min(ReportSheet.right - x, maximumBar)
            if room >= 48 {
                barX = x
                barWidth = room
            }
        }

        /// The header's size: a step below the cells'.
        var headerSize: Double { size * Style.header.size / Style.cell.size }
    }

    /// The fonts the text is set in and measured with.
    let fonts: PDFFonts
    /// The page drawn so far.
    private(set) var page: PDFPage
    /// The top of the next line.
    private var cursor = ReportSheet.top

    /// An empty page whose text is set in `fonts`.
    init(fonts: PDFFonts) {
        self.fonts = fonts
        page = PDFPage(fonts: fonts)
    }

    /// The report's title.
    mutating func title(_ text: String) {
        let style = Style.title
        page.drawText(text, x: Self.left, y: cursor - style.size, face: style.face, size: style.size, color: style.color)
        cursor -= 30
    }

    /// Labelled lines; values from the data wrap to at most two lines, a note follows its value.
    mutating func facts(_ facts: [Fact]) {
        let label = Style.factLabel, value = Style.fact
        let labelWidth = facts.map { width(of: $0.label, style: label) }.max() ?? 0
        let valueX = Self.left + labelWidth + 12
        let valueWidth = Self.right - valueX
        for fact in facts {
            var lines = wrap(fact.value, style: value, width: valueWidth)
            if lines.count > 2 {
                lines = [lines[0], cut(lines.dropFirst().joined(separator: " "), style: value, width: valueWidth)]
            }
            let baseline = cursor - 10
            page.drawText(fact.label, x: Self.left, y: baseline, face: label.face, size: label.size, color: label.color)
            for (index, line) in lines.enumerated() {
                page.drawText(line, x: valueX, y: baseline - Double(index) * 12.5, face: value.face, size: value.size,
                              color: value.color)
            }
            var lineCount = max(lines.count, 1)
            if let note = fact.note {
                // On the value's last line when it fits there, else below it.
                let lastWidth = width(of: lines.last ?? "", style: value)
                let noteStyle = Style.note
                let noteText = "(" + note + ")"
                let noteWidth = width(of: noteText, style: noteStyle)
                if lastWidth + 6 + noteWidth <= valueWidth {
                    page.drawText(noteText, x: valueX + lastWidth + 6, y: baseline - Double(lineCount - 1) * 12.5,
                                  face: noteStyle.face, size: noteStyle.size, color: noteStyle.color)
                } else {
                    for line in wrap(noteText, style: noteStyle, width: valueWidth) {
                        page.drawText(line, x: valueX, y: baseline - Double(lineCount) * 12.5, face: noteStyle.face,
                                      size: noteStyle.size, color: noteStyle.color)
                        lineCount += 1
                    }
                }
            }
            cursor -= Double(lineCount) * 12.5 + 1.5
        }
    }

    /// The height a heading with an optional note takes.
    private func headingHeight(note: String?) -> Double {
        14 + 16 + (note.map { Double(wrap($0, style: .note, width: Self.right - Self.left).count) * 10.5 } ?? 0) + 3
    }

    /// A section heading, with an optional note in small grey text under it.
    mutating func heading(_ text: String, note: String? = nil) {
        cursor -= 14
        let style = Style.heading
        page.drawText(text, x: Self.left, y: cursor - 12, face: style.face, size: style.size, color: style.color)
        cursor -= 16
        if let note {
            let noteStyle = Style.note
            for line in wrap(note, style: noteStyle, width: Self.right - Self.left) {
                page.drawText(line, x: Self.left, y: cursor - 8, face: noteStyle.face, size: noteStyle.size,
                              color: noteStyle.color)
                cursor -= 10.5
            }
        }
        cursor -= 3
    }

    /// Whether a heading and a table of `rows` rows still fit above the footer.
    func fits(heading: String, note: String?, rows: Int, hasHeader: Bool) -> Bool {
        let height = headingHeight(note: note) + Self.rowHeight * Double(rows + (hasHeader ? 1 : 0)) + 3
        return cursor - height >= Self.bottom
    }

    /// A table: an optional header with a rule under it, then the rows with their bars.
    mutating func table(_ rows: [Row], header: [String]?, layout: TableLayout) {
        if let header {
            let baseline = cursor - 9.5
            for (cell, column) in zip(header, layout.columns) {
                draw(cell, in: column, baseline: baseline, face: Style.header.face, size: layout.headerSize,
                     color: Style.header.color)
            }
            let ruleY = cursor - Self.rowHeight + 0.5
            let end = layout.barWidth > 0 ? layout.barX + layout.barWidth
                : (layout.columns.last.map { $0.x + $0.width } ?? Self.right)
            page.drawLine(fromX: Self.left, fromY: ruleY, toX: end, toY: ruleY, width: 0.5, color: PDFColor(gray: 0.55))
            cursor -= Self.rowHeight + 1.5
        }
        for row in rows {
            let baseline = cursor - 10
            for (cell, column) in zip(row.cells, layout.columns) {
                draw(cell, in: column, baseline: baseline, face: Style.cell.face, size: layout.size, color: Style.cell.color)
            }
            if let bar = row.bar, layout.barWidth > 0 {
                draw(bar, x: layout.barX, y: baseline - 0.5, width: layout.barWidth)
            }
            cursor -= Self.rowHeight
        }
    }

    /// Swatches naming the parts of the stacked bars, right-aligned under the bars.
    mutating func legend(_ words: [String], under layout: TableLayout) {
        let style = Style.legend
        let swatch = 7.0
        let widths = words.map { swatch + 4 + width(of: $0, style: style) }
        let total = widths.reduce(0, +) + 12 * Double(max(words.count - 1, 0))
        var x = max(layout.barX + layout.barWidth - total, Self.left)
        let baseline = cursor - 11
        for (index, (word, width)) in zip(words, widths).enumerated() {
            let color = Shade.parts[min(index, Shade.parts.count - 1)]
            page.fillRectangle(x: x, y: baseline - 0.5, width: swatch, height: swatch, color: color)
            page.strokeRectangle(x: x, y: baseline - 0.5, width: swatch, height: swatch, lineWidth: 0.4, color: Shade.outline)
            page.drawText(word, x: x + swatch + 4, y: baseline, face: style.face, size: style.size, color: style.color)
            x += width + 12
        }
        cursor -= 15
    }

    /// A line of small grey text, wrapped, after some space.
    mutating func remark(_ text: String) {
        cursor -= 10
        let style = Style.note
        for line in wrap(text, style: style, width: Self.right - Self.left) where cursor - 10.5 >= Self.bottom {
            page.drawText(line, x: Self.left, y: cursor - 8, face: style.face, size: style.size, color: style.color)
            cursor -= 10.5
        }
    }

    /// The footer: a thin rule, a text at the left and one at the right.
    mutating func footer(left: String, right: String) {
        let style = Style.footer
        page.drawLine(fromX: Self.left, fromY: Self.footerBaseline + 12, toX: Self.right, toY: Self.footerBaseline + 12,
                      width: 0.5, color: PDFColor(gray: 0.75))
        let rightWidth = width(of: right, style: style)
        let leftText = cut(left, style: style, width: Self.right - Self.left - rightWidth - 20)
        page.drawText(leftText, x: Self.left, y: Self.footerBaseline, face: style.face, size: style.size, color: style.color)
        if !right.isEmpty {
            page.drawText(right, x: Self.right - rightWidth, y: Self.footerBaseline, face: style.face, size: style.size,
                          color: style.color)
        }
    }

    // MARK: - Private

    private mutating func draw(_ text: String, in column: (x: Double, width: Double, alignment: TableLayout.Alignment),
                               baseline: Double, face: PDFFace, size: Double, color: PDFColor) {
        let x = column.alignment == .left ? column.x : column.x + column.width - fonts.width(of: text, face: face, size: size)
        page.drawText(text, x: x, y: baseline, face: face, size: size, color: color)
    }

    /// A bar with its lower left corner at (`x`, `y`); nothing when there is nothing to share.
    private mutating func draw(_ bar: Bar, x: Double, y: Double, width: Double) {
        let height = Self.barHeight
        switch bar {
        case .share(let count, let total):
            guard total > 0 else { return }
            let fraction = Double(min(max(count, 0), total)) / Double(total)
            page.fillRectangle(x: x, y: y, width: width, height: height, color: Shade.empty)
            if fraction > 0 {
                page.fillRectangle(x: x, y: y, width: width * fraction, height: height, color: Shade.filled)
            }
        case .parts(let counts):
            let counts = counts.map { max($0, 0) }
            let total = counts.reduce(0, +)
            guard total > 0 else { return }
            var start = 0.0
            var running = 0
            for (index, count) in counts.enumerated() where count > 0 {
                running += count
                let end = width * Double(running) / Double(total)
                let color = Shade.parts[min(index, Shade.parts.count - 1)]
                page.fillRectangle(x: x + start, y: y, width: end - start, height: height, color: color)
                // A hairline between parts, so that neighbouring greys stay apart.
                if start > 0 {
                    page.drawLine(fromX: x + start, fromY: y, toX: x + start, toY: y + height, width: 0.4,
                                  color: Shade.outline)
                }
                start = end
            }
        }
        page.strokeRectangle(x: x, y: y, width: width, height: height, lineWidth: 0.4, color: Shade.outline)
    }

    /// The width of `text` in `style`, in points.
    private func width(of text: String, style: Style) -> Double {
        fonts.width(of: text, face: style.face, size: style.size)
    }

    /// `text` broken into lines no wider than `width` in `style`.
    private func wrap(_ text: String, style: Style, width: Double) -> [String] {
        LineWrapping.wrap(text, width: width) { self.width(of: $0, style: style) }
    }

    /// `text` cut to `width` in `style`, ending in an ellipsis when something was cut.
    private func cut(_ text: String, style: Style, width: Double) -> String {
        let measure: (String) -> Double = { self.width(of: $0, style: style) }
        guard measure(text) > width else { return text }
        var kept = ""
        for character in text {
            if measure(kept + String(character) + "\u{2026}") > width { break }
            kept.append(character)
        }
        while kept.last == " " { kept.removeLast() }
        return kept + "\u{2026}"
    }
}
