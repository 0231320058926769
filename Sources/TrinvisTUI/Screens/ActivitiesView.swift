import TrinvisCore

/// The activities screen (newest date first: date, time, kind, title, place, who came) and an
/// activity's view (what, when, where, who runs it, then the participants with whether each
/// came), with the search for a participant drawn over its lower part while it is open.
enum ActivitiesView {
    /// The lines of the activity's view above its participants.
    static let headerHeight = 5
    /// The hits a participant search shows at once.
    static let searchRows = 6

    /// "2026-03-04 10:00" (the time only when there is one).
    static func when(_ activity: Activity, _ say: Localizer) -> String {
        say.date(activity.date) + (activity.startTime.map { " " + $0.description } ?? "")
    }

    /// "2 of 3 came", or for a coming activity nobody has come to yet "3 signed up".
    static func attendance(_ activity: Activity, _ state: AppState) -> String {
        if activity.date > state.today, activity.present.isEmpty {
            return state.say(.activitySignedUp(activity.participants.count))
        }
        return state.say(.activityCame(came: activity.present.count, of: activity.participants.count))
    }

    /// How a participant stands: came; not come to one that is over; signed up to one to come.
    static func standing(came: Bool, activity: Activity, today: LocalDate) -> Phrase {
        if came { return .participantCame }
        return activity.date < today ? .participantDidNotCome : .participantSignedUp
    }

    static func drawList(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        canvas.box(rect, style: .accent, title: " \(say(.activitiesTitle)) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        let items = state.activities.items
        let ellipsis = canvas.glyphs.ellipsis
        ListView.draw(state.activities.list, in: inner, canvas: &canvas, isFocused: !state.helpVisible,
                      emptyText: say(.activitiesEmpty)) { index, width in
            let activity = items[index]
            let came = attendance(activity, state)
            let kindWidth = width >= 60 ? 10 : 0
            let placeWidth = width >= 120 ? min(32, width / 5) : 0
            let fixed = DisplayWidth.of(say.date(activity.date)) + 7 + kindWidth + placeWidth + DisplayWidth.of(came) + 2
            let titleWidth = max(width - fixed, 8)
            var spans = [
                Span(say.date(activity.date) + " ", style: activity.date < state.today ? .muted : .normal),
                Span(DisplayWidth.pad(activity.startTime?.description ?? "", toWidth: 5) + " "),
            ]
            if kindWidth > 0 {
                spans.append(Span(DisplayWidth.pad(DisplayWidth.truncate(say(.activityKind(activity.kind)), toWidth: kindWidth - 1,
                                                                         ellipsis: ellipsis), toWidth: kindWidth), style: .muted))
            }
            spans.append(Span(DisplayWidth.pad(DisplayWidth.truncate(PaneViews.clean(activity.title), toWidth: titleWidth - 1,
                                                                     ellipsis: ellipsis), toWidth: titleWidth), style: .header))
            if placeWidth > 0 {
                spans.append(Span(DisplayWidth.pad(DisplayWidth.truncate(PaneViews.clean(activity.place), toWidth: placeWidth - 1,
                                                                         ellipsis: ellipsis), toWidth: placeWidth), style: .muted))
            }
            spans.append(Span(came))
            return spans
        }
    }

    static func drawActivity(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        guard let detail = state.activities.detail else { return }
        let activity = detail.activity
        let ellipsis = canvas.glyphs.ellipsis
        canvas.box(rect, style: .accent, title: " \(say(.formEditActivity(PaneViews.clean(activity.title)))) ",
                   titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        guard inner.height > 0, inner.width > 2 else { return }
        let col = inner.col + 1
        let width = inner.width - 2
        func line(_ offset: Int, _ spans: [Span]) {
            guard offset < inner.height else { return }
            canvas.put(row: inner.row + offset, col: col, spans: spans, maxWidth: width, overflow: .ellipsis)
        }
        line(0, [Span(PaneViews.clean(activity.title), style: Style(.header, [.bold]))])
        var what = [say(.activityKind(activity.kind)), when(activity, say)]
        if !activity.place.isEmpty { what.append(PaneViews.clean(activity.place)) }
        if let organisation = detail.organisationName { what.append(PaneViews.clean(organisation)) }
        line(1, [Span(what.joined(separator: " \u{00B7} "))])
        line(2, [Span(say(.activityRunBy) + ": ", style: .muted),
                 Span(detail.runnerNames.isEmpty ? say(.none) : detail.runnerNames.map(PaneViews.clean).joined(separator: ", "))])
        line(4, [Span(say(.activityParticipants), style: Style(.accent, [.bold, .underline])),
                 Span("  " + attendance(activity, state), style: .muted)])
        let list = Rect(row: inner.row + headerHeight, col: inner.col, width: inner.width,
                        height: max(inner.height - headerHeight, 0))
        let participants = detail.participants
        let searching = state.activities.search != nil
        ListView.draw(state.activities.participantList, in: list, canvas: &canvas, isFocused: !state.helpVisible && !searching,
                      emptyText: say(.activityNoParticipants)) { index, rowWidth in
            let participant = participants[index]
            let mark = participant.came ? "[x] " : "[ ] "
            let standing = say(standing(came: participant.came, activity: activity, today: state.today))
            let nameWidth = max(rowWidth - 4 - DisplayWidth.of(standing) - 2, 8)
            return [Span(mark, style: participant.came ? .accent : .muted),
                    Span(DisplayWidth.pad(DisplayWidth.truncate(PaneViews.clean(participant.name), toWidth: nameWidth - 1,
                                                                ellipsis: ellipsis), toWidth: nameWidth)),
                    Span(standing, style: participant.came ? .normal : .muted)]
        }
        if let search = state.activities.search { drawSearch(search, state: state, over: rect, canvas: &canvas) }
    }

    /// The search box: the text typed, and the citizens found under it.
    private static func drawSearch(_ search: ParticipantSearch, state: AppState, over rect: Rect, canvas: inout Canvas) {
        let say = state.say
        let height = min(searchRows + 3, rect.height - 2)
        let box = Rect(row: rect.endRow - 1 - height, col: rect.col + 2, width: max(rect.width - 4, 10), height: height)
        canvas.fill(box)
        canvas.box(box, style: .accent, title: " \(say(.keyAddParticipant)) ", titleStyle: Style(.accent, [.bold]))
        let inner = box.inset(by: 1)
        guard inner.height > 0 else { return }
        let prompt = say(.participantSearchPrompt)
        let used = canvas.put(row: inner.row, col: inner.col, text: prompt, style: .accent, maxWidth: inner.width)
        let hitsRect = Rect(row: inner.row + 1, col: inner.col, width: inner.width, height: max(inner.height - 1, 0))
        let hits = search.hits
        let ellipsis = canvas.glyphs.ellipsis
        ListView.draw(search.list, in: hitsRect, canvas: &canvas, isFocused: !state.helpVisible, emptyText: "") { index, width in
            let hit = hits[index]
            var spans = [Span(DisplayWidth.truncate(PaneViews.clean(hit.citizen.name), toWidth: max(width - 14, 8), ellipsis: ellipsis))]
            if let born = hit.citizen.birthDate { spans.append(Span("  " + say.date(born), style: .muted)) }
            return spans
        }
        // The cursor stays in the text typed (drawn last).
        TextField.draw(search.field, in: Rect(row: inner.row, col: inner.col + used, width: max(inner.width - used, 1), height: 1),
                       canvas: &canvas, isFocused: !state.helpVisible, placeholder: say(.participantSearchHint))
    }
}
