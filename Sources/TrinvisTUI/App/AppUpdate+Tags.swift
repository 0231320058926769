import TrinvisCore

/// Many at once: tagging rows of the citizen list and acting on the tagged citizens (hand over,
/// print, export). With nothing tagged, an action applies to the selected citizen; with tags, it
/// asks first, naming how many citizens it is about.
extension AppAction {
    /// The actions of tagging and of acting on the tagged citizens.
    static let tagging: Set<AppAction> = [.tag, .tagFound, .untagAll, .handover, .export]
}

extension AppUpdate {
    /// How many names a question about the tagged citizens spells out before "and N more".
    static let namesInQuestion = 3

    /// Space, `+`, `-`, `H` and `E` on the main screen.
    static func tagging(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        let say = state.say
        switch action {
        case .tag:
            guard let index = state.citizens.list.selection else { return noCitizen(&state) }
            let citizen = state.citizens.rows[index].citizen
            let name = PaneViews.clean(citizen.name)
            let tagged = state.tags.toggle(citizen.id, name: name)
            // As in mc and htop, the selection moves on, so that Space Space Space tags three rows.
            let effects = index + 1 < state.citizens.rows.count ? moveInFocusedList(.down, &state) : []
            state.message = StatusMessage(text: say(tagged ? .rowTagged(name: name, count: state.tags.count)
                                                    : .rowUntagged(name: name, count: state.tags.count)), kind: .info)
            return effects
        case .tagFound:
            guard let query = state.citizens.query else {
                state.message = StatusMessage(text: say(.tagNeedsSearch), kind: .info)
                return []
            }
            let found = state.citizens.rows.map { (id: $0.citizen.id, name: PaneViews.clean($0.citizen.name)) }
            let added = state.tags.add(found)
            state.message = StatusMessage(text: say(.taggedFound(query: PaneViews.clean(query), found: found.count, added: added,
                                                                 count: state.tags.count)), kind: .info)
        case .untagAll:
            let count = state.tags.count
            state.tags.removeAll()
            state.message = StatusMessage(text: say(count == 0 ? .nothingTagged : .untaggedAll(count)), kind: .info)
        case .handover:
            let citizens = actedOn(state)
            guard !citizens.isEmpty else { return noCitizen(&state) }
            return [.openHandover(citizens.map(\.id))]
        case .export:
            if state.tags.isEmpty {
                guard let citizen = state.panes.citizenID else { return noCitizen(&state) }
                return [.exportCitizens([citizen])]
            }
            state.confirmation = Confirmation(question: say(.exportTaggedQuestion(count: state.tags.count, names: taggedNames(state))),
                                              onYes: .exportCitizens(state.tags.ids))
        default:
            break
        }
        return []
    }

    /// `p`: the selected citizen's plan at once; for the tagged, the form that asks how (PDF or
    /// text) and where, whose save asks the question.
    static func printPlans(_ state: inout AppState) -> [Effect] {
        guard !state.tags.isEmpty else {
            guard let citizen = state.panes.citizenID else { return [] }
            return [.printPlan(citizen)]
        }
        return [.openForm(.printPlans(state.tags.ids))]
    }

    /// The citizens an action applies to: the tagged ones, else the selected one.
    static func actedOn(_ state: AppState) -> [(id: CitizenID, name: String)] {
        if !state.tags.isEmpty { return state.tags.entries }
        guard let id = state.panes.citizenID else { return [] }
        let name = state.citizens.rows.first { $0.citizen.id == id }?.citizen.name ?? state.panes.summary?.citizen.name ?? ""
        return [(id, PaneViews.clean(name))]
    }

    /// The first names of the tagged citizens, for a question ("Aisha Khalil, Bent Ørsted and 2 more").
    static func taggedNames(_ state: AppState) -> String {
        let names = state.tags.entries.map(\.name)
        return state.say(.namesAndMore(Array(names.prefix(namesInQuestion)), more: max(names.count - namesInQuestion, 0)))
    }

    private static func noCitizen(_ state: inout AppState) -> [Effect] {
        state.message = StatusMessage(text: state.say(.noCitizenSelected), kind: .info)
        return []
    }
}
