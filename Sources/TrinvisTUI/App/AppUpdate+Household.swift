import TrinvisCore

/// The household view: moving between members, opening one, adding one (existing citizens
/// first, by search as you type), changing a member's place, taking one out, and a meeting with
/// the household.
extension AppUpdate {
    static func householdLoaded(_ overview: HouseholdOverview, citizen: CitizenID, _ state: inout AppState) {
        let same = state.screen == .household && state.household.overview?.household.id == overview.household.id
        let previous = same ? state.household.selectedMember?.citizen.id : citizen
        if state.screen != .household {
            state.returnScreen = state.screen
            state.message = nil
        }
        state.screen = .household
        state.household.citizen = citizen
        state.household.overview = overview
        state.household.search = nil
        let index = overview.members.firstIndex { $0.citizen.id == previous } ?? 0
        state.household.list = ListState(count: overview.members.count, selection: overview.members.isEmpty ? nil : index)
    }

    static func memberHitsLoaded(query: String, _ hits: [Citizen], _ state: inout AppState) {
        guard var search = state.household.search, search.field.text.trimmingBlanks() == query else { return }
        let members = Set(state.household.overview?.members.map(\.citizen.id) ?? [])
        search.hits = hits.filter { !members.contains($0.id) }
        search.list = ListState(count: search.hits.count + 1, selection: 0)
        state.household.search = search
        state.message = search.hits.isEmpty ? StatusMessage(text: state.say(.memberSearchNoHits), kind: .info) : nil
    }

    static func handleHousehold(_ key: Key, _ state: inout AppState) -> [Effect] {
        if state.household.search != nil { return handleMemberSearch(key, &state) }
        if let move = ListMove(key: key) {
            state.household.list.move(move)
            return []
        }
        guard let overview = state.household.overview, let owner = state.household.citizen else { return [] }
        let selected = state.household.selectedMember
        switch AppKeys.current(state).action(for: key) {
        case .back:
            state.screen = state.returnScreen
            state.returnScreen = .main
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .open:
            guard let selected else { return [] }
            return [.openCitizen(selected.citizen.id)]
        case .add:
            state.household.search = MemberSearch()
            state.message = nil
        case .edit:
            guard let selected else { return [] }
            return [.openForm(.householdMember(HouseholdMemberTarget(owner: owner, household: overview.household.id,
                                                                     member: selected.citizen)))]
        case .householdMeeting:
            guard let selected else { return [] }
            return [.openHouseholdMeeting(selected.citizen.id)]
        case .delete:
            guard let selected else { return [] }
            state.confirmation = Confirmation(
                question: state.say(.removeMemberQuestion(name: PaneViews.clean(selected.citizen.name),
                                                          household: PaneViews.clean(overview.household.name))),
                onYes: .delete(.householdMember(selected.citizen)))
        default:
            break
        }
        return []
    }

    /// The search for a member: typing searches, ↑↓ choose among the hits and the "new citizen"
    /// row, Enter opens the member's form, Esc closes the search.
    private static func handleMemberSearch(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var search = state.household.search, let owner = state.household.citizen,
              let household = state.household.overview?.household.id else { return [] }
        switch key {
        case .escape:
            state.household.search = nil
            state.message = nil
            return []
        case .enter:
            let typed = search.field.text.trimmingBlanks()
            if let index = search.list.selection, search.hits.indices.contains(index) {
                state.household.search = nil
                return [.openForm(.householdMember(HouseholdMemberTarget(owner: owner, household: household,
                                                                         member: search.hits[index])))]
            }
            guard !typed.isEmpty else {
                state.message = StatusMessage(text: state.say(.memberSearchTypeName), kind: .info)
                return []
            }
            state.household.search = nil
            return [.openForm(.householdMember(HouseholdMemberTarget(owner: owner, household: household, member: nil,
                                                                     name: typed)))]
        case .up, .down, .pageUp, .pageDown:
            if let move = ListMove(key: key) { search.list.move(move) }
            state.household.search = search
            return []
        default:
            let before = search.field.text
            _ = search.field.handle(key)
            state.household.search = search
            let query = search.field.text.trimmingBlanks()
            guard search.field.text != before else { return [] }
            if query.isEmpty {
                state.household.search?.hits = []
                state.household.search?.list = ListState(count: 1, selection: 0)
                return []
            }
            return [.searchMembers(query)]
        }
    }
}
