import TrinvisCore

extension AppRuntime {
    /// Undoes the window's last saved change (or redoes the last undone one) and reads the
    /// screen again as after a save: the lists, the citizen's panes, the detail view or the
    /// agenda on screen (a detail view whose record the undo took away closes). The message line
    /// says what was undone, or why it was not.
    func undoOrRedo(redoing: Bool) throws -> [AppEvent] {
        let say = state.say
        let step: ChangeStep?
        do {
            step = try redoing ? workspace.redo() : workspace.undo()
        } catch let refusal as UndoRefusal {
            return [.failed(PaneViews.clean(say(.undoRefused(refusal, redoing: redoing))))]
        }
        guard let step else { return [.info(say(redoing ? .nothingToRedo : .nothingToUndo))] }
        var events: [AppEvent] = []
        switch state.screen {
        case .agenda:
            events.append(.agendaLoaded(try workspace.agenda()))
        case .detail(.story):
            break
        case .detail:
            let detail = (try? refreshedDetail()) ?? []
            events += detail.isEmpty ? [.key(.escape)] : detail
        case .household:
            events += try refreshedDetail()
        case .activities, .activity:
            events += try refreshedActivities()
        case .companies, .company:
            events += try companyScreenRefreshed()
        case .syncConflicts:
            events += try refreshedSyncConflicts()
        case .main, .drafts, .results:
            break
        }
        // The citizen whose records came back (or went) is selected, while they exist.
        let citizen = step.citizens.first { ((try? workspace.fetch(Citizen.self, id: $0)) ?? nil) != nil }
        events.append(.changed(message: PaneViews.clean(say(redoing ? .redone(step.summary) : .undone(step.summary))),
                               citizen: citizen))
        return events
    }
}
