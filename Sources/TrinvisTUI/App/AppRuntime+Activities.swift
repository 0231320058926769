import TrinvisCore

/// The effects of the activities screens: reading the activities, an activity, the citizens a
/// participant search finds, and adding, removing or marking a participant (each an undoable
/// save through `Workspace`, which applies the access rule and logs it about the citizen).
extension AppRuntime {
    func activityEvents(_ effect: Effect) throws -> [AppEvent] {
        let say = state.say
        switch effect {
        case .loadActivities(let after):
            return [.activitiesLoaded(try workspace.activities(page: PageRequest(limit: AppUpdate.pageSize, after: after)),
                                      append: after != nil)]
        case .openActivity(let id):
            return [.activityLoaded(try workspace.activityDetail(id))]
        case .searchParticipants(let query):
            let taking = Set(state.activities.detail?.activity.participants ?? [])
            let hits = try workspace.search(query, limit: 40).filter { hit in
                switch hit.match {
                case .name, .cpr: return !taking.contains(hit.summary.citizen.id)
                case .text, .saved: return false
                }
            }
            return [.participantsFound(query: query, hits.prefix(20).map(\.summary))]
        case .finishParticipantSearch:
            workspace.finishSearch()
            return []
        case .changeParticipation(let id, let citizen, let change):
            var activity = try workspace.get(Activity.self, id: id)
            let name = PaneViews.clean(try workspace.get(Citizen.self, id: citizen).name)
            let message: String
            switch change {
            case .add:
                activity.participants.append(citizen)
                message = say(.participantAdded(name))
            case .remove:
                activity.participants.removeAll { $0 == citizen }
                activity.present.removeAll { $0 == citizen }
                message = say(.participantRemoved(name))
            case .toggleCame:
                if activity.came(citizen) {
                    activity.present.removeAll { $0 == citizen }
                    message = say(.participantMarkedNotCome(name))
                } else {
                    activity.present.append(citizen)
                    message = say(.participantMarkedCame(name))
                }
            }
            try workspace.update(activity)
            return [.participationChanged(message: message, try workspace.activityDetail(id))]
        default:
            return []
        }
    }

    /// The activities screen or the activity on screen, read again (after a save or an undo);
    /// after a new activity's form, its view.
    func refreshedActivities() throws -> [AppEvent] {
        if let created = createdActivity {
            createdActivity = nil
            return [.activitiesLoaded(try workspace.activities(page: .first(AppUpdate.pageSize)), append: false),
                    .activityLoaded(try workspace.activityDetail(created))]
        }
        switch state.screen {
        case .activities:
            return [.activitiesLoaded(try workspace.activities(page: .first(AppUpdate.pageSize)), append: false)]
        case .activity:
            guard let id = state.activities.detail?.activity.id else { return [] }
            // An activity the undo took away: back to the list.
            guard try workspace.fetch(Activity.self, id: id) != nil else { return [.key(.escape)] }
            return [.activityLoaded(try workspace.activityDetail(id))]
        default:
            return []
        }
    }
}
