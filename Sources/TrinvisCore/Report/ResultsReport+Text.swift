extension ResultsReport {
    /// The report as plain text for the terminal: a few aligned tables in which every share shows
    /// its count and its base ("60 of 67 (90 %)"), never a bare percentage. Columns are aligned by
    /// display width, not by characters or bytes. Names from the data are shown without control
    /// characters.
    package func text(labels: ReportLabels = .english) -> String {
        var lines: [String] = [labels.title, ""]
        var heading = TextTable(alignments: [.left, .left])
        heading.append([labels.period, labels.period(from: from, to: to)])
        if let organisation { heading.append([labels.organisation, Sanitizer.sanitize(organisation.name, controls: .dropped)]) }
        if let professional { heading.append([labels.professional, Sanitizer.sanitize(professional.name, controls: .dropped)]) }
        heading.append([labels.citizens, String(citizens) + " (" + labels.citizensNote + ")"])
        lines += heading.lines()

        lines += ["", labels.softHeading + " (" + labels.softNote + ")"]
        var soft = TextTable(header: [labels.dimension, labels.assessed, labels.improved, labels.same, labels.worse],
                             alignments: [.left, .right, .right, .right, .right])
        for row in self.soft {
            soft.append([labels.name(of: row.dimension), String(row.assessed),
                         labels.share(row.improved, of: row.assessed, percent: row.improvedPercent),
                         labels.share(row.same, of: row.assessed, percent: row.samePercent),
                         labels.share(row.worse, of: row.assessed, percent: row.worsePercent)])
        }
        lines += soft.lines()

        lines += ["", labels.hardHeading]
        var hard = TextTable(header: [labels.outcome, labels.outcomeCitizens], alignments: [.left, .right])
        for row in self.hard {
            hard.append([labels.name(of: row.kind),
                         labels.share(row.citizens, of: citizens, percent: ReportArithmetic.percent(row.citizens, of: citizens))])
        }
        lines += hard.lines()

        lines += ["", labels.milestonesHeading]
        var milestones = TextTable(alignments: [.left, .right])
        let set = self.milestones.set
        milestones.append([labels.milestonesSet, String(set)])
        milestones.append([labels.milestonesAchieved,
                           labels.share(self.milestones.achieved, of: set, percent: self.milestones.achievedPercent)])
        milestones.append([labels.milestonesAchievedByDeadline,
                           labels.share(self.milestones.achievedByDeadline, of: set,
                                        percent: self.milestones.achievedByDeadlinePercent)])
        milestones.append([labels.milestonesDropped,
                           labels.share(self.milestones.dropped, of: set, percent: self.milestones.droppedPercent)])
        lines += milestones.lines()

        lines += ["", labels.contactHeading + " (" + labels.contactNote + ")"]
        var contact = TextTable(alignments: [.left, .right])
        let base = self.contact.attendanceBase
        contact.append([labels.meetings, String(self.contact.meetings)])
        contact.append([labels.attended, labels.share(self.contact.attended, of: base, percent: self.contact.attendancePercent)])
        contact.append([labels.noShow, labels.share(self.contact.noShow, of: base, percent: self.contact.noShowPercent)])
        contact.append([labels.excused, labels.share(self.contact.excused, of: self.contact.meetings,
                                                     percent: self.contact.excusedPercent)])
        contact.append([labels.medianDaysBetween, labels.median(self.contact.medianDaysBetween, gaps: self.contact.gaps)])
        lines += contact.lines()

        lines += ["", labels.participationHeading + " (" + labels.participationNote + ")"]
        var participation = TextTable(alignments: [.left, .right])
        participation.append([labels.activitiesHeld, String(self.participation.activities)])
        participation.append([labels.attendances, String(self.participation.attendances)])
        participation.append([labels.participants, String(self.participation.citizens)])
        lines += participation.lines()

        if !cohorts.isEmpty {
            lines += ["", labels.cohortsHeading]
            var table = TextTable(header: [labels.cohort, labels.citizens, labels.cohortMilestones,
                                           labels.cohortAttendance, labels.cohortMedian],
                                  alignments: [.left, .right, .right, .right, .right])
            for cohort in cohorts {
                let figures = cohort.figures
                table.append([labels.name(of: cohort.quarter), String(figures.citizens),
                              labels.share(figures.milestones.achieved, of: figures.milestones.set,
                                           percent: figures.milestones.achievedPercent),
                              labels.share(figures.contact.attended, of: figures.contact.attendanceBase,
                                           percent: figures.contact.attendancePercent),
                              labels.median(figures.contact.medianDaysBetween, gaps: figures.contact.gaps)])
            }
            lines += table.lines()
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A plain-text table whose columns line up on a terminal: cells padded to the widest cell of
/// their column by display width, two spaces between columns, a dashed line under the header.
struct TextTable {
    /// Where a cell sits in its column.
    enum Alignment {
        /// Padded on the right: text.
        case left
        /// Padded on the left: figures.
        case right
    }

    /// The column names, or nil for a table without a header.
    var header: [String]?
    /// One alignment per column; it also fixes the number of columns.
    var alignments: [Alignment]
    /// The body rows, in order.
    private(set) var rows: [[String]] = []

    init(header: [String]? = nil, alignments: [Alignment]) {
        self.header = header
        self.alignments = alignments
    }

    /// Adds a row below the others.
    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table's lines, without trailing blanks.
    func lines() -> [String] {
        let all = (header.map { [$0] } ?? []) + rows
        var widths = Array(repeating: 0, count: alignments.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TextColumns.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, width) in widths.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(0, width - TextColumns.displayWidth(cell)))
                parts.append(alignments[index] == .left ? cell + padding : padding + cell)
            }
            return TextColumns.trimmingTrailingSpaces(parts.joined(separator: "  "))
        }
        var result: [String] = []
        if let header {
            result.append(line(header))
            result.append(line(widths.map { String(repeating: "-", count: $0) }))
        }
        result += rows.map(line)
        return result
    }
}

/// Display-width rules for plain text on a terminal.
enum TextColumns {
    /// The number of terminal columns `text` takes: one per character (a letter with its
    /// combining marks is one character), two for East Asian wide and emoji characters, none for
    /// control and format characters.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    private static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if first.properties.isEmojiPresentation || isWide(first.value) { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` without the spaces at its end.
    static func trimmingTrailingSpaces(_ text: String) -> String {
        var result = text
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
