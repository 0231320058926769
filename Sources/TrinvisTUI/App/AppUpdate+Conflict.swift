import TrinvisCore

/// Restored drafts: the form (or the conflict) opens on the draft's own citizen, the conflict is
/// decided field by field, and the drafts screen comes back while drafts wait.
extension AppUpdate {
    // MARK: Restored drafts

    /// A restored draft's form opens, on its citizen's screen.
    static func draftOpened(_ form: FormState, _ state: inout AppState) {
        state.conflict = nil
        state.form = form
        state.addMenu = nil
        state.message = nil
        showCitizen(of: form.purpose, &state)
    }

    /// A restored draft's record changed since: the choice per field, on its citizen's screen.
    static func conflictFound(_ conflict: DraftConflict, _ state: inout AppState) {
        state.conflict = conflict
        // An open form's save: the conflict opens over the form, where it is.
        if conflict.fromOpenForm { return }
        state.addMenu = nil
        state.message = nil
        showCitizen(of: conflict.purpose, &state)
    }

    /// A draft that cannot be restored: the message, and the drafts (or the main screen) again.
    static func draftUnavailable(_ text: String, _ state: inout AppState) {
        state.conflict = nil
        state.message = StatusMessage(text: text, kind: .info)
        if state.screen == .drafts, state.drafts.isEmpty { state.screen = .main }
    }

    /// The main screen with the citizen of a restored form selected (its panes were read just
    /// before) and the pane of its record focused; the drafts screen comes back after the form
    /// when more drafts wait.
    private static func showCitizen(of purpose: FormPurpose, _ state: inout AppState) {
        state.returnToDrafts = !state.drafts.isEmpty
        state.screen = .main
        state.focus = purpose.pane
        if let citizen = purpose.citizenID, state.panes.citizenID == citizen,
           let index = state.citizens.rows.firstIndex(where: { $0.citizen.id == citizen }) {
            state.citizens.list.select(index)
        }
    }

    /// After every event: when the restored form (or its conflict) has closed and drafts still
    /// wait, they are offered again.
    static func reofferDrafts(_ state: inout AppState) {
        guard state.returnToDrafts, state.form == nil, state.conflict == nil else { return }
        state.returnToDrafts = false
        if !state.drafts.isEmpty { state.screen = .drafts }
    }

    // MARK: The conflict

    /// Keys of the conflict: a side per field, all fields at once, Enter opens the form with
    /// the chosen values, Esc keeps the draft for later.
    static func handleConflict(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var conflict = state.conflict else { return [] }
        if let move = ListMove(key: key) {
            conflict.list.move(move)
            state.conflict = conflict
            return []
        }
        let upDown = state.glyphs.arrows.up + state.glyphs.arrows.down
        switch AppKeys.conflict(say: state.say, upDown: upDown).action(for: key) {
        case .chooseDraft: conflict.choose(.draft)
        case .chooseSaved: conflict.choose(.saved)
        case .choose: conflict.toggle()
        case .allDraft: conflict.chooseAll(.draft)
        case .allSaved: conflict.chooseAll(.saved)
        case .open:
            // An open form's conflict gives way to the form on the saved version at once.
            state.conflict = conflict.fromOpenForm ? nil : conflict
            return [.openChosen(conflict)]
        case .back where conflict.fromOpenForm:
            // Back to the open form, as it was; its next save asks again.
            state.conflict = nil
            state.message = StatusMessage(text: state.say(.liveConflictBackToForm), kind: .info)
            return []
        case .back:
            // The draft stays as it was (its window, its version), offered again.
            state.conflict = nil
            state.returnToDrafts = false
            let index = state.drafts.firstIndex { $0.updatedAt < conflict.draft.updatedAt } ?? state.drafts.count
            state.drafts.insert(conflict.draft, at: index)
            state.draftList = ListState(count: state.drafts.count, selection: index)
            state.screen = .drafts
            state.message = StatusMessage(text: state.say(.draftKeptForLater), kind: .info)
            return []
        case .help:
            openHelp(&state)
        default:
            break
        }
        state.conflict = conflict
        return []
    }
}
