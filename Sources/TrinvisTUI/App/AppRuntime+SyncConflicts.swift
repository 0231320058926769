import TrinvisCore

/// The effects of the sync conflicts screen: reading the open conflicts and settling one, both
/// through `Workspace` (which applies the access rule, logs it about the citizen, and records
/// the settling as one step to undo).
extension AppRuntime {
    func syncConflictEvents(_ effect: Effect) throws -> [AppEvent] {
        let say = state.say
        switch effect {
        case .loadSyncConflicts:
            return [.syncConflictsLoaded(try openSyncConflicts())]
        case .resolveSyncConflict(let conflict, let choice):
            do {
                try workspace.resolveConflict(conflict.id, choosing: choice)
            } catch ConflictError.remoteCannotBeTaken {
                return [.syncConflictsLoaded(try openSyncConflicts()), .failed(say(.conflictRemoteCannotBeTaken))]
            } catch ConflictError.alreadyResolved {
                return [.syncConflictsLoaded(try openSyncConflicts()), .failed(say(.conflictAlreadyResolved))]
            }
            let message = say(choice == .local ? .conflictResolvedLocal : .conflictResolvedRemote)
            return [.syncConflictsLoaded(try openSyncConflicts()), .changed(message: message, citizen: nil)]
        default:
            return []
        }
    }

    /// The open conflicts the user may see, newest first.
    func openSyncConflicts() throws -> [SyncConflict] {
        Array(try workspace.openConflicts().reversed())
    }

    /// The conflicts screen read again (after an undo or a redo) while it is on screen.
    func refreshedSyncConflicts() throws -> [AppEvent] {
        state.screen == .syncConflicts ? [.syncConflictsLoaded(try openSyncConflicts())] : []
    }
}
