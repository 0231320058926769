import TrinvisCore

/// The activities screen, an activity's view and the search for a participant: their events
/// and keys.
extension AppUpdate {
    // MARK: Events

    /// The activities read (the first page opens the screen), an activity read (opens its
    /// view), the citizens a participant search found, and a participant changed.
    static func activityEvent(_ event: AppEvent, _ state: inout AppState) {
        switch event {
        case .activitiesLoaded(let page, let append):
            let previous = state.activities.list.selection
            state.activities.items = append ? state.activities.items + page.items : page.items
            state.activities.next = page.next
            if append {
                state.activities.list.setCount(state.activities.items.count)
            } else {
                let refreshing = state.screen == .activities || state.screen == .activity
                state.activities.list = ListState(count: page.items.count, selection: page.items.isEmpty ? nil : 0)
                if refreshing, let previous { state.activities.list.select(min(previous, max(page.items.count - 1, 0))) }
                if state.screen != .activity {
                    if state.screen != .activities { state.message = nil }
                    state.screen = .activities
                }
            }
        case .activityLoaded(let detail):
            showActivity(detail, &state)
        case .participantsFound(let query, let hits):
            guard var search = state.activities.search, search.field.text.trimmingBlanks() == query else { return }
            search.hits = hits
            search.list = ListState(count: hits.count, selection: hits.isEmpty ? nil : 0)
            state.activities.search = search
            state.message = hits.isEmpty ? StatusMessage(text: state.say(.participantSearchNone(query)), kind: .info) : nil
        case .participationChanged(let message, let detail):
            showActivity(detail, &state)
            state.message = StatusMessage(text: message, kind: .info)
        default:
            break
        }
    }

    /// The activity's view on screen (read again: the selected participant stays where it was).
    private static func showActivity(_ detail: ActivityDetail, _ state: inout AppState) {
        let same = state.screen == .activity && state.activities.detail?.activity.id == detail.activity.id
        let previous = same ? state.activities.participantList.selection : nil
        let chosen = previous.flatMap { index in
            state.activities.detail?.participants.indices.contains(index) == true ? state.activities.detail?.participants[index].citizen : nil
        }
        state.activities.detail = detail
        let count = detail.participants.count
        state.activities.participantList = ListState(count: count, selection: count == 0 ? nil : 0)
        if let index = chosen.flatMap({ id in detail.participants.firstIndex { $0.citizen == id } }) ?? previous.map({ min($0, count - 1) }),
           index >= 0 {
            state.activities.participantList.select(index)
        }
        if !same { state.message = nil }
        state.screen = .activity
    }

    /// The rows the participant list shows at once (under the activity's own lines).
    static func participantListHeight(_ state: AppState) -> Int {
        max(Layout.of(state).body.height - 2 - ActivitiesView.headerHeight, 1)
    }

    // MARK: Keys

    /// The list of activities: open, add, edit, back.
    static func handleActivities(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let move = ListMove(key: key) {
            state.activities.list.move(move)
            if let next = state.activities.next, let index = state.activities.list.selection,
               index >= state.activities.items.count - prefetchDistance {
                return [.loadActivities(after: next)]
            }
            return []
        }
        let selected = state.activities.list.selection.flatMap { state.activities.items.indices.contains($0) ? state.activities.items[$0] : nil }
        switch AppKeys.current(state).action(for: key) {
        case .back:
            state.screen = .main
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .open:
            return selected.map { [.openActivity($0.id)] } ?? []
        case .add:
            return [.openForm(.activity(nil))]
        case .edit:
            guard let selected else { return noSelection(&state) }
            return [.openForm(.activity(selected))]
        default:
            break
        }
        return []
    }

    /// An activity's view: add a participant (the search opens), mark who came, remove one,
    /// edit the activity, open a participant's citizen view.
    static func handleActivity(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let detail = state.activities.detail else {
            state.screen = .activities
            return []
        }
        if let move = ListMove(key: key) {
            state.activities.participantList.move(move)
            return []
        }
        let participant = state.activities.participantList.selection.flatMap {
            detail.participants.indices.contains($0) ? detail.participants[$0] : nil
        }
        let say = state.say
        switch AppKeys.current(state).action(for: key) {
        case .back:
            state.screen = .activities
            return [.loadActivities(after: nil)]
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .add:
            state.activities.search = ParticipantSearch()
            state.message = StatusMessage(text: say(.participantSearchHint), kind: .info)
        case .done:
            guard let participant else { return noSelection(&state) }
            return [.changeParticipation(detail.activity.id, participant.citizen, .toggleCame)]
        case .delete:
            guard let participant else { return noSelection(&state) }
            state.confirmation = Confirmation(
                question: say(.removeParticipantQuestion(name: PaneViews.clean(participant.name),
                                                         activity: PaneViews.clean(detail.activity.title))),
                onYes: .changeParticipation(detail.activity.id, participant.citizen, .remove))
        case .edit:
            return [.openForm(.activity(detail.activity))]
        case .open:
            guard let participant else { return noSelection(&state) }
            return [.openCitizen(participant.citizen)]
        default:
            break
        }
        return []
    }

    /// The search for a participant as it is typed: each change searches again, ↑↓ choose a
    /// hit, Enter adds it and clears the text for the next one, Esc closes the search.
    static func handleParticipantSearch(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var search = state.activities.search, let detail = state.activities.detail else { return [] }
        switch key {
        case .escape:
            state.activities.search = nil
            state.message = nil
            return [.finishParticipantSearch]
        case .enter:
            guard let index = search.list.selection, search.hits.indices.contains(index) else { return [] }
            let citizen = search.hits[index].citizen.id
            state.activities.search = ParticipantSearch()
            return [.changeParticipation(detail.activity.id, citizen, .add)]
        case .up, .down, .pageUp, .pageDown:
            if let move = ListMove(key: key) { search.list.move(move) }
            state.activities.search = search
            return []
        default:
            let before = search.field.text
            _ = search.field.handle(key)
            let query = search.field.text.trimmingBlanks()
            if search.field.text != before, query.isEmpty {
                search.hits = []
                search.list = ListState()
            }
            state.activities.search = search
            guard search.field.text != before, !query.isEmpty else { return [] }
            return [.searchParticipants(query)]
        }
    }
}
