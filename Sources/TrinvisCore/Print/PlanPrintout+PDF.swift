extension CitizenPrintout {
    /// The printout as an A4 PDF: the title, the citizen's name and the header lines (the masked
    /// CPR number, the print date) at the top, then the sections; as many pages as the content
    /// needs, an entry never split across two, and on every page a footer with the name, the
    /// print date and "Page n of m". The text is set in `fonts` and wrapped by their widths. Only
    /// `creationDate` makes two printouts of the same content in the same fonts differ.
    package func pdfDocument(fonts: PDFFonts, creationDate: Timestamp? = nil) -> PDFDocument {
        var layout = PrintoutLayout(fonts: fonts)
        var header = layout.lines(title, style: .title)
        header += layout.lines(citizenName, style: .name)
        for line in headerLines { header += layout.lines(line, style: .meta) }
        header.append(.rule(height: 22))
        layout.add(header, spaceBefore: 0)

        for section in sections {
            let labelStyle = PrintoutLayout.Style.alertLabel
            let labelWidth = section.blocks.compactMap { block -> Double? in
                guard case .item(let label?, _, _, _) = block else { return nil }
                return layout.width(of: label, style: labelStyle)
            }.max() ?? 0
            // The heading stays with what follows it; the paragraphs of a section stay together,
            // and so does each entry of a list.
            var pending = layout.lines(section.heading, style: .heading)
            var pendingIsHeading = true
            var spaceBefore = 16.0
            func flush() {
                layout.add(pending, spaceBefore: spaceBefore)
                pending = []
                pendingIsHeading = false
                spaceBefore = 6
            }
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    if section.separateParagraphs && !pendingIsHeading { flush() }
                    pending += layout.lines(text, style: .body)
                    pendingIsHeading = false
                case .item(let label, let text, let details, let alert):
                    if !pendingIsHeading { flush() }
                    let textX = label == nil ? 14.0 : labelWidth + 16
                    var entry = layout.lines(text, style: .body, indent: textX)
                    if !entry.isEmpty {
                        let style: PrintoutLayout.Style = alert ? .alertLabel : (label == nil ? .bullet : .label)
                        entry[0].runs.append(.init(text: label ?? "\u{2022}", x: label == nil ? 2 : 0, style: style))
                    }
                    for detail in details { entry += layout.lines(detail, style: .detail, indent: textX) }
                    pending += entry
                    flush()
                }
            }
            flush()
        }

        let footer = [citizenName, printedLine].joined(separator: "  \u{00B7}  ")
        let pages = layout.pages { number, count in (footer, pageLine(number, of: count)) }
        return PDFDocument(title: documentTitle, creationDate: creationDate, fonts: fonts, pages: pages)
    }

    /// The bytes of `pdfDocument(fonts:creationDate:)`.
    package func pdf(fonts: PDFFonts, creationDate: Timestamp? = nil) -> [UInt8] {
        pdfDocument(fonts: fonts, creationDate: creationDate).bytes()
    }
}

/// Lays out lines of text on A4 pages: wrapped by the fonts' metrics, in groups that stay on
/// one page together, with a footer on every page.
struct PrintoutLayout {
    /// The fonts the text is set in and measured with.
    let fonts: PDFFonts

    /// How a kind of line looks.
    enum Style {
        case title, name, meta, heading, body, detail, label, alertLabel, bullet, footer

        /// The face.
        var face: PDFFace {
            switch self {
            case .title, .name, .heading, .alertLabel: return .bold
            default: return .regular
            }
        }

        /// The size in points.
        var size: Double {
            switch self {
            case .title: return 24
            case .name: return 14
            case .heading: return 13
            case .body, .meta, .bullet: return 11
            case .detail, .label, .alertLabel: return 10
            case .footer: return 8.5
            }
        }

        /// The distance from one baseline to the next.
        var leading: Double {
            switch self {
            case .title: return 32
            case .name: return 20
            case .heading: return 21
            case .body, .bullet: return 15.5
            case .meta: return 15
            case .detail, .label, .alertLabel: return 13.5
            case .footer: return 11
            }
        }

        /// Black for what the citizen reads first, grey for dates and labels, dark red (and
        /// bold) for what is overdue.
        var color: PDFColor {
            switch self {
            case .meta, .detail, .label, .footer: return PDFColor(gray: 0.38)
            case .alertLabel: return PDFColor(red: 0.66, green: 0.1, blue: 0.08)
            default: return .black
            }
        }
    }

    /// A piece of text at a distance from the left margin.
    struct Run {
        let text: String
        let x: Double
        let style: Style
    }

    /// One line: its runs, or a horizontal rule across the text width.
    struct Line {
        var runs: [Run]
        var height: Double
        var isRule = false

        static func rule(height: Double) -> Line { Line(runs: [], height: height, isRule: true) }
    }

    /// The left margin, where text starts.
    static let left = 64.0
    /// Where text ends on the right.
    static let right = PDFDocument.pageWidth - 64
    /// The top of the first line of a page.
    static let top = PDFDocument.pageHeight - 60
    /// No text below this, above the footer.
    static let bottom = 76.0
    /// The footer's baseline.
    static let footerBaseline = 44.0

    private var groups: [(spaceBefore: Double, lines: [Line])] = []

    init(fonts: PDFFonts) {
        self.fonts = fonts
    }

    /// The width of `text` in `style`, in points.
    func width(of text: String, style: Style) -> Double {
        fonts.width(of: text, face: style.face, size: style.size)
    }

    /// The lines of `text` in `style`, wrapped to the text width less `indent`.
    func lines(_ text: String, style: Style, indent: Double = 0) -> [Line] {
        let width = Self.right - Self.left - indent
        return LineWrapping.wrap(text, width: width) { self.width(of: $0, style: style) }
            .map { Line(runs: [Run(text: $0, x: indent, style: style)], height: style.leading) }
    }

    /// Adds lines that belong on one page, `spaceBefore` points below what comes before (not at
    /// the top of a page).
    mutating func add(_ lines: [Line], spaceBefore: Double) {
        guard !lines.isEmpty else { return }
        groups.append((spaceBefore, lines))
    }

    /// The pages, with the footer `footer(page, pageCount)` gives (left and right text).
    func pages(footer: (Int, Int) -> (left: String, right: String)) -> [PDFPage] {
        var placed: [[(line: Line, top: Double)]] = [[]]
        var cursor = Self.top
        for group in groups {
            let height = group.spaceBefore + group.lines.reduce(0) { $0 + $1.height }
            if let current = placed.last, !current.isEmpty, cursor - height < Self.bottom {
                placed.append([])
                cursor = Self.top
            }
            if placed.last?.isEmpty == false { cursor -= group.spaceBefore }
            for line in group.lines {
                // A group taller than a page is split where the page ends.
                if cursor - line.height < Self.bottom, placed.last?.isEmpty == false {
                    placed.append([])
                    cursor = Self.top
                }
                placed[placed.count - 1].append((line, cursor))
                cursor -= line.height
            }
        }
        return placed.enumerated().map { index, lines in
            var page = PDFPage(fonts: fonts)
            for (line, top) in lines { draw(line, top: top, on: &page) }
            let text = footer(index + 1, placed.count)
            page.drawLine(fromX: Self.left, fromY: Self.footerBaseline + 14, toX: Self.right, toY: Self.footerBaseline + 14,
                          width: 0.5, color: PDFColor(gray: 0.75))
            let style = Style.footer
            page.drawText(text.left, x: Self.left, y: Self.footerBaseline, face: style.face, size: style.size, color: style.color)
            let rightWidth = width(of: text.right, style: style)
            page.drawText(text.right, x: Self.right - rightWidth, y: Self.footerBaseline, face: style.face, size: style.size,
                          color: style.color)
            return page
        }
    }

    private func draw(_ line: Line, top: Double, on page: inout PDFPage) {
        if line.isRule {
            let y = top - line.height / 2
            page.drawLine(fromX: Self.left, fromY: y, toX: Self.right, toY: y, width: 0.75, color: PDFColor(gray: 0.7))
            return
        }
        // One baseline for the whole line, placed by its first run (the text), so that the
        // capitals sit in the middle of the line's height.
        guard let first = line.runs.first else { return }
        let baseline = top - line.height / 2 - first.style.size * 0.36
        for run in line.runs {
            let style = run.style
            page.drawText(run.text, x: Self.left + run.x, y: baseline, face: style.face, size: style.size, color: style.color)
        }
    }
}
