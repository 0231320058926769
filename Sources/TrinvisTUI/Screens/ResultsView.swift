import TrinvisCore

/// The results screen: the report as tables with bars (every share with its N), the change
/// stories, and the partner companies with their placements.
enum ResultsView {
    /// The area the results use (under the header, above the message line).
    static func area(_ state: AppState) -> Rect {
        Layout.of(state).body
    }

    /// The width the report's lines are laid out for.
    static func width(_ state: AppState) -> Int { max(area(state).width - 3, 20) }

    /// The rows shown at once: the box's inside less the tab line and the line under it (as
    /// `draw` lays them out, so that End reaches the last line).
    static func height(_ state: AppState) -> Int { max(area(state).height - 4, 1) }

    static func draw(_ state: AppState, canvas: inout Canvas) {
        let say = state.say
        let rect = area(state)
        canvas.box(rect, style: .accent, title: " \(say(.reportTitle)) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        guard inner.height > 2 else { return }
        var col = inner.col
        for tab in ResultsTab.allCases {
            let title = "\(tab.rawValue + 1) " + say(tab == .report ? .tabReport : tab == .stories ? .tabStories : .tabCompanies)
            let focused = tab == state.results.tab
            col += canvas.put(row: inner.row, col: col, text: focused ? "[\(title)]" : " \(title) ",
                              style: focused ? Style(.accent, [.bold, .reverse]) : .muted)
            col += 1
        }
        if state.results.isUpdating {
            // On the tab line, where it moves nothing when it goes.
            let text = say(.resultsUpdating)
            let width = DisplayWidth.of(text)
            if inner.endCol - col >= width + 1 {
                canvas.put(row: inner.row, col: inner.endCol - width, text: text, style: Style(.accent, [.bold]))
            }
        }
        let content = Rect(row: inner.row + 2, col: inner.col, width: inner.width, height: inner.height - 2)
        switch state.results.tab {
        case .stories:
            let stories = state.results.stories
            ListView.draw(state.results.storyList, in: content, canvas: &canvas, isFocused: !state.helpVisible,
                          emptyText: say(.noStories)) { index, _ in
                let item = stories[index]
                return [Span(say.date(item.story.date) + "  ", style: .muted),
                        Span(PaneViews.clean(item.citizenName) + "  ", style: .header),
                        Span(PaneViews.clean(item.story.title))]
            }
        case .report, .companies:
            TextView.draw(lines(state, width: width(state)), state: state.results.scroll, in: content, canvas: &canvas,
                          isFocused: !state.helpVisible)
        }
    }

    /// The lines of the report or the companies tab.
    static func lines(_ state: AppState, width: Int) -> [[Span]] {
        switch state.results.tab {
        case .report: return reportLines(state, width: width)
        case .companies: return companyLines(state, width: width)
        case .stories: return []
        }
    }

    private static func reportLines(_ state: AppState, width: Int) -> [[Span]] {
        let say = state.say
        guard let report = state.results.report else {
            return state.results.computing == state.results.query ? [[Span(say(.resultsComputing), style: .muted)]] : []
        }
        let labels = ReportLabels.forLanguage(state.language.rawValue)
        let glyphs = state.glyphs
        var lines: [[Span]] = []
        let organisation = state.results.organisation?.name ?? say(.allOrganisations)
        lines.append([Span(labels.title, style: Style(.header, [.bold]))])
        lines.append([Span(labels.period + ": ", style: .muted), Span(labels.period(from: report.from, to: report.to)),
                      Span("   " + labels.organisation + ": ", style: .muted), Span(PaneViews.clean(organisation))])
        lines.append([Span(labels.citizens + ": ", style: .muted), Span(String(report.citizens))])
        let labelWidth = min(24, width / 4)
        let barWidth = max(min(30, width - labelWidth - 32), 8)
        func label(_ text: String) -> Span {
            Span(DisplayWidth.pad(DisplayWidth.truncate(text, toWidth: labelWidth - 1, ellipsis: glyphs.ellipsis), toWidth: labelWidth))
        }
        func heading(_ text: String) {
            lines.append([])
            lines.append([Span(text, style: Style(.accent, [.bold, .underline]))])
        }
        func shareLine(_ name: String, _ count: Int, of total: Int, percent: Int?) {
            lines.append([label(name), Span(BarChart.bar(count, of: total, width: barWidth, glyphs: glyphs), style: .accent),
                          Span("  " + labels.share(count, of: total, percent: percent))])
        }

        heading(labels.softHeading)
        lines.append([Span(DisplayWidth.pad("", toWidth: labelWidth))]
                     + StackedBar.legend(improved: labels.improved, same: labels.same, worse: labels.worse, glyphs: glyphs))
        for row in report.soft {
            lines.append([label(labels.name(of: row.dimension))]
                         + StackedBar.spans(improved: row.improved, same: row.same, worse: row.worse, width: barWidth, glyphs: glyphs)
                         + [Span("  " + labels.improved + " " + labels.share(row.improved, of: row.assessed, percent: row.improvedPercent))])
        }
        heading(labels.hardHeading)
        for row in report.hard {
            shareLine(labels.name(of: row.kind), row.citizens, of: report.citizens,
                      percent: ReportArithmetic.percent(row.citizens, of: report.citizens))
        }
        heading(labels.milestonesHeading)
        let milestones = report.milestones
        shareLine(labels.milestonesAchieved, milestones.achieved, of: milestones.set, percent: milestones.achievedPercent)
        shareLine(labels.milestonesAchievedByDeadline, milestones.achievedByDeadline, of: milestones.set,
                  percent: milestones.achievedByDeadlinePercent)
        shareLine(labels.milestonesDropped, milestones.dropped, of: milestones.set, percent: milestones.droppedPercent)
        heading(labels.contactHeading)
        let contact = report.contact
        lines.append([label(labels.meetings), Span(String(contact.meetings))])
        shareLine(labels.attended, contact.attended, of: contact.attendanceBase, percent: contact.attendancePercent)
        shareLine(labels.noShow, contact.noShow, of: contact.attendanceBase, percent: contact.noShowPercent)
        shareLine(labels.excused, contact.excused, of: contact.meetings, percent: contact.excusedPercent)
        lines.append([label(labels.medianDaysBetween), Span(labels.median(contact.medianDaysBetween, gaps: contact.gaps))])
        heading(labels.participationHeading)
        let participation = report.participation
        lines.append([label(labels.activitiesHeld), Span(String(participation.activities))])
        lines.append([label(labels.attendances), Span(String(participation.attendances))])
        lines.append([label(labels.participants), Span(String(participation.citizens))])

        if !report.cohorts.isEmpty {
            heading(labels.cohortsHeading)
            // The quarters side by side: one column per start quarter.
            let cohorts = report.cohorts.suffix(max((width - labelWidth) / 18, 1))
            let column = max((width - labelWidth) / max(cohorts.count, 1), 12)
            func cells(_ texts: [String]) -> [Span] {
                texts.map { Span(DisplayWidth.pad(DisplayWidth.truncate($0, toWidth: column - 1, ellipsis: glyphs.ellipsis),
                                                  toWidth: column, alignment: .trailing)) }
            }
            lines.append([label(labels.cohort)] + cells(cohorts.map { labels.name(of: $0.quarter) }).map {
                Span($0.text, style: Style(.normal, [.bold]))
            })
            lines.append([label(labels.citizens)] + cells(cohorts.map { String($0.figures.citizens) }))
            lines.append([label(labels.cohortMilestones)] + cells(cohorts.map {
                labels.share($0.figures.milestones.achieved, of: $0.figures.milestones.set, percent: $0.figures.milestones.achievedPercent)
            }))
            lines.append([label(labels.cohortAttendance)] + cells(cohorts.map {
                labels.share($0.figures.contact.attended, of: $0.figures.contact.attendanceBase, percent: $0.figures.contact.attendancePercent)
            }))
            for dimension in [AssessmentDimension.qualityOfLife, .selfEsteem, .relationToSystem] {
                lines.append([label(labels.name(of: dimension))] + cells(cohorts.map { cohort in
                    let row = cohort.figures.soft.first { $0.dimension == dimension }
                    return labels.share(row?.improved ?? 0, of: row?.assessed ?? 0, percent: row?.improvedPercent)
                }))
            }
        }
        return lines
    }

    private static func companyLines(_ state: AppState, width: Int) -> [[Span]] {
        let say = state.say
        guard !state.results.companies.isEmpty else { return [[Span(say(.noCompanies), style: .muted)]] }
        var lines: [[Span]] = []
        for entry in state.results.companies {
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(PaneViews.clean(entry.company.name), style: Style(.accent, [.bold]))])
            lines.append([Span(say(.placementsSummary(total: entry.placements.count, hired: entry.count(.hired),
                                                      completed: entry.count(.completed), ongoing: entry.count(.ongoing),
                                                      stopped: entry.count(.stopped))), style: .muted)])
            for (placement, citizen) in entry.placements {
                let period = say.date(placement.from) + " \u{2013} " + (placement.to.map(say.date) ?? "")
                lines.append([Span("  " + DisplayWidth.pad(PaneViews.clean(citizen), toWidth: 20) + " "),
                              Span(DisplayWidth.pad(say(.placementKind(placement.kind)), toWidth: 14) + " ", style: .muted),
                              Span(DisplayWidth.pad(period, toWidth: 25) + " "),
                              Span(say(.placementResult(placement.result)), style: placement.result == .hired ? .success : .normal)])
            }
        }
        return lines
    }
}
