extension ResultsReport {
    /// The report as one long table (RFC 4180: a header row, CRLF after every row, fields with a
    /// comma, quote or line break in quotes with quotes doubled), one figure per row, so that a
    /// spreadsheet can filter and pivot it:
    ///
    ///     cohort,section,item,measure,label,value,of,percent
    ///     all,soft,quality-of-life,improved,Quality of life – Improved,60,67,90
    ///
    /// - `cohort`: `all` for the whole report, else the start quarter (`2026-Q1`);
    /// - `section`, `item`, `measure`: stable English keys (the JSON's words) to filter on;
    /// - `label`: the same in words of `labels`' language;
    /// - `value`: the count (a date for the period, a name for a filter, days for the median);
    /// - `of`: the base of the share, empty when the figure is no share;
    /// - `percent`: `value` of `of` in whole percent, empty when `of` is empty or zero.
    ///
    /// Shares: improved, same and worse of the citizens assessed at least twice; a hard outcome
    /// of the report's citizens; milestones of those set; attended and no-show of attended plus
    /// no-show; excused of all meetings. Names from the data that begin with `=`, `+`, `-` or `@`
    /// get a leading `'` so that a spreadsheet does not run them as formulas.
    package func csv(labels: ReportLabels = .english) -> String {
        var rows: [[String]] = [["cohort", "section", "item", "measure", "label", "value", "of", "percent"]]
        let all = "all"
        rows.append([all, "period", "period", "from", labels.period + " – " + labels.periodStart, from?.iso ?? "", "", ""])
        rows.append([all, "period", "period", "to", labels.period + " – " + labels.periodEnd, to?.iso ?? "", "", ""])
        if let organisation {
            rows.append([all, "filter", "organisation", "name", labels.organisation,
                         Self.neutralisingFormula(organisation.name), "", ""])
        }
        if let professional {
            rows.append([all, "filter", "professional", "name", labels.professional,
                         Self.neutralisingFormula(professional.name), "", ""])
        }
        rows += Self.csvRows(figures, cohort: all, labels: labels)
        for cohort in cohorts {
            rows += Self.csvRows(cohort.figures, cohort: cohort.quarter.description, labels: labels)
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func csvRows(_ figures: ResultsFigures, cohort: String, labels: ReportLabels) -> [[String]] {
        func row(_ section: String, _ item: String, _ measure: String, _ label: String, _ value: Int?,
                 of base: Int? = nil) -> [String] {
            let percent = base.flatMap { ReportArithmetic.percent(value ?? 0, of: $0) }
            return [cohort, section, item, measure, label, value.map(String.init) ?? "", base.map(String.init) ?? "",
                    percent.map(String.init) ?? ""]
        }
        var rows: [[String]] = [row("citizens", "citizens", "count", labels.citizens, figures.citizens)]
        for soft in figures.soft {
            let key = soft.dimension.rawValue
            let name = labels.name(of: soft.dimension)
            rows.append(row("soft", key, "assessed", name + " – " + labels.assessed, soft.assessed))
            rows.append(row("soft", key, "improved", name + " – " + labels.improved, soft.improved, of: soft.assessed))
            rows.append(row("soft", key, "same", name + " – " + labels.same, soft.same, of: soft.assessed))
            rows.append(row("soft", key, "worse", name + " – " + labels.worse, soft.worse, of: soft.assessed))
        }
        for hard in figures.hard {
            rows.append(row("hard", hard.kind.rawValue, "citizens", labels.name(of: hard.kind), hard.citizens,
                            of: figures.citizens))
        }
        let milestones = figures.milestones
        let heading = labels.milestonesHeading
        rows.append(row("milestones", "milestones", "set", heading + " – " + labels.milestonesSet, milestones.set))
        rows.append(row("milestones", "milestones", "achieved", heading + " – " + labels.milestonesAchieved,
                        milestones.achieved, of: milestones.set))
        rows.append(row("milestones", "milestones", "achieved_by_deadline",
                        heading + " – " + labels.milestonesAchievedByDeadline, milestones.achievedByDeadline,
                        of: milestones.set))
        rows.append(row("milestones", "milestones", "dropped", heading + " – " + labels.milestonesDropped,
                        milestones.dropped, of: milestones.set))
        let contact = figures.contact
        rows.append(row("contact", "meetings", "meetings", labels.meetings, contact.meetings))
        rows.append(row("contact", "meetings", "attended", labels.attended, contact.attended, of: contact.attendanceBase))
        rows.append(row("contact", "meetings", "no_show", labels.noShow, contact.noShow, of: contact.attendanceBase))
        rows.append(row("contact", "meetings", "excused", labels.excused, contact.excused, of: contact.meetings))
        rows.append(row("contact", "attended_meetings", "gaps", labels.gaps, contact.gaps))
        rows.append(row("contact", "attended_meetings", "median_days_between", labels.medianDaysBetween,
                        contact.medianDaysBetween))
        return rows
    }

    /// A field as RFC 4180 writes it, without control characters (`Sanitizer`: dropped, tabs as
    /// spaces, every line break one LF): in quotes, with quotes doubled, when it holds a comma,
    /// a quote or a line break; as it is otherwise.
    package static func csvField(_ raw: String) -> String {
        let field = Sanitizer.sanitize(raw, keepingNewlines: true, controls: .dropped)
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        // By scalars, not characters: a quote followed by a combining mark is one character.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// Text from the data without control characters, with a leading `'` when a spreadsheet
    /// would read it as a formula (controls are dropped first, so none can hide a leading `=`).
    package static func neutralisingFormula(_ raw: String) -> String {
        let text = Sanitizer.sanitize(raw, keepingNewlines: true, controls: .dropped)
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
