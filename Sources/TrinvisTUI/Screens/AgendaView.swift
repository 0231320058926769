import TrinvisCore

/// The agenda as a to-do list: what is overdue (milestones, agreements, missed follow-ups,
/// citizens with no next meeting), then today, this week and later; the section's name stands
/// on its first line.
enum AgendaView {
    /// The section an item belongs to.
    static func section(of item: AgendaItem, today: LocalDate) -> Phrase {
        if item.isOverdue { return .agendaOverdue }
        if item.date <= today { return .agendaToday }
        // This week: until Sunday.
        let daysToSunday = (7 - today.isoWeekday) % 7
        return item.date <= today.adding(days: daysToSunday) ? .agendaThisWeek : .agendaLater
    }

    static func draw(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        canvas.box(rect, style: .accent, title: " \(say(.agendaTitle)) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        let items = state.agenda
        let ellipsis = canvas.glyphs.ellipsis
        let empty = state.isProfessional ? say(.agendaEmpty) : say(.agendaNoProfessional(username: state.username))
        ListView.draw(state.agendaList, in: inner, canvas: &canvas, isFocused: !state.helpVisible, emptyText: empty) { index, width in
            let item = items[index]
            let section = Self.section(of: item, today: state.today)
            let first = index == 0 || Self.section(of: items[index - 1], today: state.today) != section
            let sectionWidth = width >= 60 ? 11 : 0
            var spans = [
                Span(DisplayWidth.pad(first && sectionWidth > 0 ? DisplayWidth.truncate(say(section), toWidth: sectionWidth - 1,
                                                                                        ellipsis: ellipsis) : "",
                                      toWidth: sectionWidth), style: Style(section == .agendaOverdue ? .danger : .accent, [.bold])),
                Span(item.isOverdue ? "! " : "  ", style: .danger),
                Span(say.date(item.date) + " ", style: item.isOverdue ? .danger : .normal),
            ]
            let kind: String
            let text: String
            switch item.kind {
            case .meeting(let at):
                kind = say(.agendaMeeting)
                text = at.clockTime
            case .milestone(let milestone):
                kind = say(.agendaMilestone)
                text = PaneViews.clean(milestone.title)
            case .agreement(let agreement):
                kind = say(.agendaAgreement)
                text = PaneViews.clean(agreement.text)
            case .missedFollowUp(let at):
                kind = say(.agendaFollowUp)
                text = say(.agendaMissedFollowUp(at.clockTime))
            case .noNextMeeting(let last):
                kind = say(.agendaFollowUp)
                text = say(.agendaNoNextMeeting(last: last.map { say.date($0) }))
            case .companion(let meeting):
                kind = say(.agendaCompanion)
                text = meeting.at.clockTime + " " + PaneViews.clean(say(.companionSummary(authority: meeting.companion.authority,
                                                                                            purpose: meeting.companion.purpose)))
            }
            spans.append(Span(DisplayWidth.pad(kind, toWidth: 10) + " ", style: .muted))
            let nameWidth = min(22, max(width / 5, 8))
            spans.append(Span(DisplayWidth.pad(DisplayWidth.truncate(PaneViews.clean(item.citizenName), toWidth: nameWidth,
                                                                     ellipsis: ellipsis), toWidth: nameWidth) + " ",
                              style: .header))
            // Under the "Overdue" heading the word is not repeated; without the heading it is.
            if item.isOverdue, !item.isFollowUp, sectionWidth == 0 { spans.append(Span(say(.overdueMarker) + ": ", style: .danger)) }
            spans.append(Span(text))
            return spans
        }
    }
}
