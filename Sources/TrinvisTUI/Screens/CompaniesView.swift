import TrinvisCore

/// The company register (one row per company: name, trade, contact person, phone and its
/// placements) and a company's view (its details, then its placements, running ones first,
/// each with the citizen, the kind, the period, the result and what came of it).
enum CompaniesView {
    /// A column of `width` display columns: the text cut with an ellipsis and padded.
    private static func cell(_ text: String, _ width: Int, _ ellipsis: String, style: Style = .normal) -> Span {
        Span(DisplayWidth.pad(DisplayWidth.truncate(PaneViews.clean(text), toWidth: max(width - 1, 1), ellipsis: ellipsis),
                              toWidth: width), style: style)
    }

    /// The register.
    static func drawRegister(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        canvas.box(rect, style: .accent, title: " \(say(.companiesTitle)) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        let rows = state.companies.rows
        let ellipsis = canvas.glyphs.ellipsis
        // One width for the counts of every row, so that the columns line up.
        let counts = rows.map { say(.companyPlacementCount(total: $0.placements, ongoing: $0.ongoing)) }
        let widestCount = counts.map(DisplayWidth.of).max() ?? 0
        ListView.draw(state.companies.list, in: inner, canvas: &canvas, isFocused: !state.helpVisible,
                      emptyText: say(.noCompaniesInRegister)) { index, width in
            let row = rows[index]
            let company = row.company
            let count = counts[index]
            let countWidth = min(widestCount + 1, max(width / 4, 8))
            let rest = max(width - countWidth, 10)
            // Wide screens show the phone too; narrow ones the name, trade and contact person.
            let phoneWidth = width >= 120 ? 18 : 0
            let nameWidth = max(rest * 2 / 5, 8)
            let tradeWidth = max((rest - nameWidth - phoneWidth) / 2, 4)
            let contactWidth = max(rest - nameWidth - tradeWidth - phoneWidth, 4)
            var spans = [cell(company.name, nameWidth, ellipsis, style: Style(.header, [.bold])),
                         cell(company.trade, tradeWidth, ellipsis, style: .muted),
                         cell(company.contactPerson, contactWidth, ellipsis)]
            if phoneWidth > 0 { spans.append(cell(company.phone ?? "", phoneWidth, ellipsis, style: .muted)) }
            spans.append(Span(DisplayWidth.pad(count, toWidth: countWidth - 1, alignment: .trailing),
                              style: row.ongoing > 0 ? .accent : .muted))
            return spans
        }
    }

    /// The company's details above its placements: one line per detail filled in.
    static func detailLines(_ company: Organisation, _ say: Localizer) -> [(label: String, value: String)] {
        let details: [(Phrase, String?)] = [
            (.labelTrade, company.trade), (.labelContactPerson, company.contactPerson), (.fieldPhone, company.phone),
            (.fieldEmail, company.email), (.labelNotes, company.notes),
        ]
        return details.compactMap { label, value in
            guard let value, !value.isEmpty else { return nil }
            return (say(label), PaneViews.clean(value))
        }
    }

    /// One company's view.
    static func drawCompany(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        guard let entry = state.companies.company else { return }
        canvas.box(rect, style: .accent, title: " \(PaneViews.clean(say(.companyTitle(entry.company.name)))) ",
                   titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        guard inner.height > 2 else { return }
        let ellipsis = canvas.glyphs.ellipsis
        // At most a third of the box for the details: the placements are what the view is for.
        let details = detailLines(entry.company, say).prefix(max(inner.height / 3, 1))
        let labelWidth = min((details.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2, 20)
        for (offset, detail) in details.enumerated() {
            canvas.put(row: inner.row + offset, col: inner.col,
                       spans: [cell(detail.label, labelWidth, ellipsis, style: .muted), Span(detail.value)],
                       maxWidth: inner.width, overflow: .ellipsis)
        }
        let summary = say(.placementsSummary(total: entry.placements.count, hired: entry.count(.hired),
                                             completed: entry.count(.completed), ongoing: entry.count(.ongoing),
                                             stopped: entry.count(.stopped)))
        let summaryRow = inner.row + details.count + (details.isEmpty ? 0 : 1)
        canvas.put(row: summaryRow, col: inner.col, text: summary, style: Style(.accent, [.bold]), width: inner.width,
                   alignment: .leading)
        let list = Rect(row: summaryRow + 1, col: inner.col, width: inner.width, height: inner.row + inner.height - summaryRow - 1)
        let placements = entry.placements
        ListView.draw(state.companies.placementList, in: list, canvas: &canvas, isFocused: !state.helpVisible,
                      emptyText: say(.companyNoPlacements)) { index, width in
            let (placement, citizen) = placements[index]
            let first = index == 0 || placements[index - 1].placement.isOngoing != placement.isOngoing
            let sectionWidth = width >= 90 ? 10 : 0
            let section = first && sectionWidth > 0 ? say(placement.isOngoing ? .companyRunning : .companyEnded) : ""
            let period = say.date(placement.from) + " \u{2013} " + (placement.to.map(say.date) ?? "")
            let nameWidth = min(max(width / 5, 10), 24)
            let kindWidth = min(max(width / 8, 14), 16)
            let periodWidth = min(DisplayWidth.of(period) + 2, 26)
            let resultWidth = 12
            return [cell(section, sectionWidth, ellipsis, style: Style(.accent, [.bold])),
                    cell(citizen, nameWidth, ellipsis, style: .header),
                    cell(say(.placementKind(placement.kind)), kindWidth, ellipsis, style: .muted),
                    cell(period, periodWidth, ellipsis),
                    cell(say(.placementResult(placement.result)), resultWidth, ellipsis,
                         style: placement.result == .hired ? Style(.success, [.bold]) : .normal),
                    Span(PaneViews.clean(placement.note), style: .muted)]
        }
    }
}
