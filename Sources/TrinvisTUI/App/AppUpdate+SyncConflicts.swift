import TrinvisCore

/// The sync conflicts screen: its event and its keys.
extension AppUpdate {
    // MARK: Events

    /// The open conflicts read: the first read opens the screen (remembering where from), a
    /// read while it is open (after settling one, an undo) keeps the cursor on its conflict.
    static func syncConflictsLoaded(_ conflicts: [SyncConflict], _ state: inout AppState) {
        let refreshing = state.screen == .syncConflicts
        if !refreshing {
            state.syncConflicts.returnScreen = state.screen
            state.screen = .syncConflicts
            state.message = nil
        }
        state.syncConflicts.show(conflicts, keepingSelection: refreshing)
    }

    // MARK: Keys

    /// The list of conflicts: move, keep the version here (`l`) or take the other place's
    /// (`r`), each after its question; back to where the screen was opened.
    static func handleSyncConflicts(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let move = ListMove(key: key) {
            state.syncConflicts.list.move(move)
            return []
        }
        let say = state.say
        switch AppKeys.current(state).action(for: key) {
        case .back:
            return leaveSyncConflicts(&state)
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .keepLocal, .takeRemote:
            guard let conflict = state.syncConflicts.selected else { return noSelection(&state) }
            let choice: ConflictChoice = AppKeys.current(state).action(for: key) == .keepLocal ? .local : .remote
            let kind = say(.conflictRecordKind(conflict.kind))
            let field = SyncConflictsView.fieldName(conflict, say)
            let question: Phrase
            switch choice {
            case .local: question = .conflictKeepLocalQuestion(kind: kind, field: field)
            case .remote: question = conflict.deletedThere ? .conflictTakeDeletionQuestion(kind: kind)
                : .conflictTakeRemoteQuestion(kind: kind, field: field)
            }
            state.confirmation = Confirmation(question: say(question), onYes: .resolveSyncConflict(conflict, choice))
        default:
            break
        }
        return []
    }

    /// Back where the conflicts were opened; a citizen's view is read again (its note of open
    /// conflicts may have changed).
    private static func leaveSyncConflicts(_ state: inout AppState) -> [Effect] {
        let back = state.syncConflicts.returnScreen
        state.screen = back
        state.syncConflicts.returnScreen = .main
        if case .detail(.citizen(let profile)) = back { return [.openCitizen(profile.citizen.id)] }
        return []
    }
}
