import TrinvisCore

/// Live screens: when another connection committed (`PRAGMA data_version` moved, looked at on
/// the one-second tick by `AppRuntime.pollIfDue`), what the window shows is read again through
/// `Workspace` and handed to `AppUpdate.liveReloaded`, which keeps what the user is doing. An
/// open form learns who changed its record, and its save asks (the conflict view) instead of
/// being refused.
extension AppRuntime {
    /// How a save of an open form goes when its record changed since the form opened.
    enum LiveSaveCheck {
        /// Nobody saved the record meanwhile: the form saves as it is.
        case asIs
        /// Someone did, but every value is the same on both sides: the form on their version.
        case rebased(FormState)
        /// Someone did: the values side by side, for the user to choose.
        case conflict(DraftConflict)
    }

    // MARK: Reading again

    /// Everything on screen, read again; nil when a read failed (the next tick tries again).
    func liveReload() -> LiveReload? {
        var reload = LiveReload()
        do {
            reload.events = [try liveCitizens()]
            if let citizen = state.panes.citizenID, (try? workspace.checkAccess(to: citizen)) != nil {
                reload.events.append(try citizenEvent(citizen))
            }
            try readShownView(into: &reload)
            try readOtherScreens(into: &reload)
            reload.formNotice = try liveFormNotice()
        } catch {
            return nil
        }
        return reload
    }

    /// The citizen list (as many rows as are loaded) or the search on screen, without noting a
    /// new search in the access log.
    private func liveCitizens() throws -> AppEvent {
        let size = min(max(state.citizens.rows.count, AppUpdate.pageSize), 1000)
        if let query = state.citizens.query {
            return .searchLoaded(query: query, hits: try workspace.search(query, limit: size, noting: false,
                                                                          includeArchived: state.showArchived))
        }
        return .citizensLoaded(try workspace.citizenSummaries(page: .first(size), includeArchived: state.showArchived),
                               append: false)
    }

    /// The detail view, the activity, the company or the household on screen: read again, or
    /// noted as gone (deleted, or its citizen no longer shared).
    private func readShownView(into reload: inout LiveReload) throws {
        let say = state.say
        var gone: String?
        defer { reload.gone = gone }
        do {
            switch state.screen {
            case .detail(let detail):
                reload.detail = try liveDetail(detail, gone: &gone)
            case .activity:
                guard let id = state.activities.detail?.activity.id else { return }
                reload.activity = try stillThere(id, citizen: nil, gone: &gone) { _ in try workspace.activityDetail(id) }
            case .company:
                guard let id = state.companies.company?.company.id else { return }
                reload.company = try stillThere(id, citizen: nil, gone: &gone) { _ in try workspace.companyPlacements(id) }
            case .household:
                guard let citizen = state.household.citizen else { return }
                try workspace.checkAccess(to: citizen)
                reload.household = try workspace.householdOverview(of: citizen)
                if reload.household == nil { gone = say(.liveShownRecordDeleted(name: nil, time: nil)) }
            case .main, .agenda, .drafts, .results, .activities, .companies, .syncConflicts:
                return
            }
        } catch StoreError.accessDenied {
            reload.detail = nil
            gone = say(.liveShownCitizenHidden)
        } catch StoreError.notFound {
            reload.detail = nil
            gone = say(.liveShownRecordDeleted(name: nil, time: nil))
        }
    }

    /// A detail view read again; nil with `gone` set when its record was deleted.
    private func liveDetail(_ detail: Detail, gone: inout String?) throws -> Detail? {
        let event: AppEvent?
        switch detail {
        case .citizen(let profile):
            event = .detailLoaded(.citizen(try workspace.citizenProfile(profile.citizen.id)))
        case .milestone(let milestone, _, _, _):
            event = try stillThere(milestone.id, citizen: state.panes.citizenID, gone: &gone) { try read(.openMilestone($0)) } ?? nil
        case .meeting(let item, _):
            let id = item.meeting.id
            event = try stillThere(id, citizen: item.meeting.citizenID, gone: &gone) { _ in try read(.openMeetingID(id)) } ?? nil
        case .story(let item):
            // The story's view shows the story as it was opened; only its deletion is news.
            _ = try stillThere(item.story.id, citizen: item.story.citizenID, gone: &gone) { _ in () }
            return nil
        }
        guard case .detailLoaded(let fresh)? = event else { return nil }
        return fresh
    }

    /// The record on screen read again with `read`, or nil with `gone` set to the notice that it
    /// was deleted (by whom and when, as far as the access log says).
    private func stillThere<R: Record, T>(_ id: RecordID<R>, citizen: CitizenID?, gone: inout String?,
                                          _ read: (R) throws -> T) throws -> T? {
        guard let record = try workspace.fetch(R.self, id: id) else {
            gone = try goneNotice(kind: R.kindName, id: id.rawValue, citizen: citizen)
            return nil
        }
        return try read(record)
    }

    /// The agenda, the results (their stories and companies), the activities and the company
    /// register, when on screen or behind the view opened from them (Esc goes back to them as
    /// they are now).
    private func readOtherScreens(into reload: inout LiveReload) throws {
        let screens = [state.screen, state.returnScreen, state.companies.returnScreen]
        if screens.contains(.agenda) {
            reload.agenda = try workspace.agenda()
        }
        if screens.contains(.results) {
            // The report itself is worked out again in the background (`AppUpdate.liveReloaded`).
            reload.results = LiveResults(
                stories: try workspace.changeStories(page: .first(max(state.results.stories.count, AppUpdate.pageSize))),
                companies: try workspace.partnerCompanies())
        }
        if state.screen == .activities || state.screen == .activity {
            reload.activities = try workspace.activities(page: .first(max(state.activities.items.count, AppUpdate.pageSize)))
        }
        if state.screen == .syncConflicts {
            reload.syncConflicts = try openSyncConflicts()
        }
        if state.screen == .companies || state.screen == .company {
            reload.companies = try workspace.companies(page: .first(max(state.companies.rows.count, AppUpdate.pageSize)))
        }
    }

    /// "What you were looking at was deleted by … at …", as far as the access log says who.
    private func goneNotice(kind: String, id: Int64, citizen: CitizenID?) throws -> String {
        let deletion = try? workspace.deletion(kind: kind, id: id, citizen: citizen)
        return state.say(.liveShownRecordDeleted(name: deletion.map { PaneViews.clean($0.by) }, time: deletion?.at.clockTime))
    }

    // MARK: The open form

    /// What happened to the open form's record since the form opened (its version moved on, or
    /// it is gone), in words for the form's status line; nil when nothing did.
    func liveFormNotice() throws -> String? {
        guard let form = state.form, let opened = form.purpose.recordAudit else { return nil }
        let say = state.say
        let current: FormPurpose?
        do {
            current = try purpose(forDraftKey: form.purpose.draftKey)
        } catch StoreError.accessDenied {
            return nil
        }
        guard let current else {
            let deletion = try? Self.recordKey(of: form.purpose).flatMap { record in
                try workspace.deletion(kind: record.kind, id: record.id, citizen: form.purpose.citizenID)
            }
            return say(.liveDeletedWhileEditing(name: deletion.map { PaneViews.clean($0.by) }, time: deletion?.at.clockTime))
        }
        guard let now = current.recordAudit, now.version != opened.version else { return nil }
        let change = try workspace.lastChange(of: now)
        return say(.liveChangedWhileEditing(name: PaneViews.clean(change.by), time: change.at.clockTime))
    }

    /// Before a form is saved: when someone saved its record since the form opened, the
    /// conflict view asks which value each field keeps (the existing path of a restored draft),
    /// so that neither their change nor the typed text is lost.
    func liveCheckBeforeSave(_ form: FormState) throws -> LiveSaveCheck {
        guard let opened = form.purpose.recordAudit, let current = try purpose(forDraftKey: form.purpose.draftKey),
              let now = current.recordAudit, now.version != opened.version else { return .asIs }
        let warned = warnedKeys
        var fresh = try buildForm(current)
        warnedKeys = warned
        fresh.purpose.kind.prepare(&fresh, forPayload: form.payload, say: state.say)
        let typed = FormDraft(key: form.purpose.draftKey, username: workspace.actor.username, title: form.title,
                              payload: form.payload, updatedAt: workspace.clock().seconds, windowID: workspace.draftWindow.id,
                              recordVersion: opened.version, basePayload: form.basePayload)
        let change = try workspace.lastChange(of: now)
        var conflict = DraftConflict(draft: typed, current: fresh, changedBy: change.by, changedAt: change.at)
        conflict.fromOpenForm = true
        guard !conflict.rows.isEmpty else { return .rebased(conflict.form(on: fresh)) }
        return .conflict(conflict)
    }

    /// The kind (as the access log names it) and id of the one record a form changes.
    static func recordKey(of purpose: FormPurpose) -> (kind: String, id: Int64)? {
        func key<R: Record>(_ record: R?) -> (kind: String, id: Int64)? {
            record.map { (R.kindName, $0.id.rawValue) }
        }
        switch purpose {
        case .citizen(let citizen): return key(citizen)
        case .plan(_, let plan): return key(plan)
        case .milestone(_, _, let milestone): return key(milestone)
        case .progress(_, _, let note): return key(note)
        case .meeting(_, let meeting): return key(meeting)
        case .agreement(_, _, let agreement): return key(agreement)
        case .outcome(_, let outcome): return key(outcome)
        case .placement(_, let placement, _): return key(placement)
        case .closePlacement(let placement): return key(placement)
        case .company(let company): return key(company)
        case .story(_, let story): return key(story)
        case .vision(_, let vision): return key(vision)
        case .team(_, let member): return key(member)
        case .consent(_, let consent): return key(consent)
        case .assessment(_, let assessment): return key(assessment)
        case .activity(let activity): return key(activity)
        default: return nil
        }
    }
}
