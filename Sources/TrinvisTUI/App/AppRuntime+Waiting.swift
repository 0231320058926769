import TrinvisCore

/// A change that waits for another connection's write lock (an import, another user's save).
///
/// The interface never blocks for long: its connection waits at most `attemptWait` for the
/// lock, and a change that did not get it is kept here and tried again about twice a second
/// while keys and the one-second tick go on (the form stays open with its text, drafts go on
/// being written to the account's own file). The status line says what it waits for; after
/// `giveUpAfter` it gives up with the text kept and a message that says so.
struct WaitingWrite {
    /// The change that waits.
    let effect: Effect
    /// The form it saves (its draft key), when it is a save: a waiting save ends with its form.
    let formKey: String?
    /// When it first found the lock taken.
    let since: ContinuousClock.Instant
    /// When it was last tried.
    var lastTry: ContinuousClock.Instant
    /// How many tries found the lock taken.
    var attempts: Int
}

extension AppRuntime {
    /// How long one try waits for the write lock, so that a key never waits longer.
    static let attemptWait: Duration = .milliseconds(250)
    /// How often a waiting change is tried again.
    static let retryInterval: Duration = .milliseconds(500)
    /// How long a change waits in all before it gives up.
    static let giveUpAfter: Duration = .seconds(30)

    /// The connection's waits, made short for the interface (see `WaitingWrite`).
    static func waitBrieflyForLocks(_ workspace: Workspace) {
        workspace.database.busyWaitLimit = Self.attemptWait
        // The status line says it; nothing may write to the terminal behind the screen's back.
        workspace.database.onBusyWait = nil
    }

    /// True for the effects that change the database and are tried again while they wait.
    static func waitsForLock(_ effect: Effect) -> Bool {
        switch effect {
        case .saveForm, .delete, .unarchive, .toggleAgreement, .toggleMilestone, .undo, .redo, .recordOutcome,
             .changeParticipation, .handover, .resolveSyncConflict:
            return true
        default:
            return false
        }
    }

    /// The events of a change that found the write lock taken: it waits (the status line says
    /// for what), or, after `giveUpAfter`, gives up with the form's text kept.
    func lockWasBusy(during effect: Effect, error: DatabaseError) -> [AppEvent] {
        let now = ContinuousClock.now
        let formKey = effect == .saveForm ? state.form?.purpose.draftKey : nil
        let since = waiting.flatMap { $0.effect == effect && $0.formKey == formKey ? $0.since : nil } ?? now
        let holder = workspace.database.writeLockHolder()
        guard now - since < Self.giveUpAfter else {
            waiting = nil
            let text = state.say(.gaveUpWaiting(holder, seconds: Int(Self.giveUpAfter.components.seconds)))
            return effect == .saveForm && state.form != nil ? [.formRejected(errors: [:], general: text), .failed(text)]
                : [.failed(text)]
        }
        waiting = WaitingWrite(effect: effect, formKey: formKey, since: since, lastTry: now, attempts: (waiting?.attempts ?? 0) + 1)
        return [.info(state.say(.waitingToSave(holder)))]
    }

    /// Tries a waiting change again when it is due; forgets a waiting save whose form closed.
    func retryWaitingWriteIfDue() {
        guard var pending = waiting else { return }
        if let key = pending.formKey, state.form?.purpose.draftKey != key {
            waiting = nil
            return
        }
        let now = ContinuousClock.now
        guard now - pending.lastTry >= Self.retryInterval else { return }
        pending.lastTry = now
        waiting = pending
        perform([pending.effect])
        // Saved, or refused for another reason: it no longer waits. Still busy: a new attempt.
        if waiting?.attempts == pending.attempts { waiting = nil }
    }

    /// True while a change waits for the write lock.
    package var isWaitingForLock: Bool { waiting != nil }
}
