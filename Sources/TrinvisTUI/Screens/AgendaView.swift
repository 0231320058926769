import TrinvisCore

/// The agenda: the user's coming meetings and what is overdue or due soon, by date.
enum AgendaView {
    static func draw(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        canvas.box(rect, style: .accent, title: " \(say(.agendaTitle)) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        let items = state.agenda
        let ellipsis = canvas.glyphs.ellipsis
        let empty = state.isProfessional ? say(.agendaEmpty) : say(.agendaNoProfessional(username: state.username))
        ListView.draw(state.agendaList, in: inner, canvas: &canvas, isFocused: !state.helpVisible, emptyText: empty) { index, width in
            let item = items[index]
            var spans = [
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
            }
            spans.append(Span(DisplayWidth.pad(kind, toWidth: 9) + " ", style: .muted))
            let nameWidth = min(24, max(width / 4, 8))
            spans.append(Span(DisplayWidth.pad(DisplayWidth.truncate(PaneViews.clean(item.citizenName), toWidth: nameWidth,
                                                                     ellipsis: ellipsis), toWidth: nameWidth) + " ",
                              style: .header))
            if item.isOverdue { spans.append(Span(say(.overdueMarker) + ": ", style: .danger)) }
            spans.append(Span(text))
            return spans
        }
    }
}
