import TrinvisCore

/// Runs the interface against a workspace: feeds events to `AppUpdate`, performs the effects
/// it asks for (reads through `Workspace`) and feeds their results back in.
package final class AppRuntime {
    /// The current state.
    package private(set) var state: AppState
    /// Where the records come from.
    package let workspace: Workspace

    /// A runtime on a workspace, with the first page of citizens loaded.
    /// Where printed plans are saved.
    package let printFolder: String
    /// The printer command (`lp`), when printing is set up.
    package let printer: Printer?
    /// The environment the fonts of the printouts are looked up in (`TRINVIS_FONT`, the font
    /// folders); nil for the process's own.
    package let fontEnvironment: [String: String]?

    package init(workspace: Workspace, language: Language, size: Size = Size(width: 80, height: 24), mouse: Bool = false,
                 glyphs: Glyphs = .unicode, printFolder: String = "", printer: Printer? = nil,
                 fontEnvironment: [String: String]? = nil) {
        self.workspace = workspace
        self.printFolder = printFolder
        self.printer = printer
        self.fontEnvironment = fontEnvironment
        // Each window can undo what it saved (`u`, Ctrl-Z) and redo it (Ctrl-R).
        workspace.recordChangesForUndo()
        // A change that finds the write lock taken waits between keys, not in them.
        Self.waitBrieflyForLocks(workspace)
        state = AppState(language: language, today: workspace.today, username: workspace.actor.displayName,
                         isProfessional: workspace.actor.professionalID != nil)
        state.mouse = mouse
        state.glyphs = glyphs
        state.size = size
        _ = send(.resize(size))
        perform([.loadCitizens(after: nil)])
        if let drafts = try? workspace.drafts(), !drafts.isEmpty {
            _ = send(.draftsLoaded(drafts))
        }
        seenDataVersion = try? workspace.dataVersion()
    }

    deinit {
        resultsWorker.stop()
    }

    /// When the access log was last written and the database last looked at for others' changes.
    private var lastPoll = ContinuousClock.now
    /// `PRAGMA data_version` when last looked at: it moves when another connection commits.
    private var seenDataVersion: Int64?
    /// The warnings the last save of the form gave (a possible duplicate, a deadline after the
    /// plan's end), by what they were about: a second F2 on the same values saves anyway.
    var warnedKeys: Set<String> = []
    /// The existing citizen of that warning, opened instead with Ctrl-O.
    var warnedDuplicateID: CitizenID?
    /// The activity the last save of a form created: its view opens after the save.
    var createdActivity: ActivityID?
    /// The result a placement just closed as hired proposes, asked about after the save.
    var proposedOutcome: Outcome?

    /// When the last draft was written, to write at most one a second while someone types.
    private var lastDraftWrite = ContinuousClock.now
    /// The change that waits for another connection's write lock (see `WaitingWrite`).
    var waiting: WaitingWrite?
    /// Works out the results report on a thread and connection of its own (`AppRuntime+Results`).
    let resultsWorker = ResultsWorker()

    /// The selected citizen's panes not read yet because more keys were already waiting while a
    /// search was typed (see ``send(_:inputWaiting:)``).
    private var deferredSelection: Effect?
    /// Whether the effects being performed may leave the citizen's panes for later.
    private var mayDeferSelection = false

    /// Handles an event and everything it leads to. Returns true when the interface should close.
    ///
    /// `inputWaiting` says that more keys have already arrived. While a search is typed, the
    /// panes of its first hit are then not read: each following letter would replace them. They
    /// are read before any event that is not one more letter of the search (asked of the pure
    /// update on a copy of the state), and as soon as no key is waiting, so the screen ends
    /// exactly as if every letter had been handled in full.
    @discardableResult
    package func send(_ event: AppEvent, inputWaiting: Bool = false) -> Bool {
        if case .tick = event {
            state.today = workspace.today
            // Should the worker's pipe have failed to say that a report is ready.
            if receiveBackgroundWork() { return true }
        }
        if deferredSelection != nil, !Self.onlySearches(event, in: state) {
            performDeferredSelection()
        }
        let searching = state.prompt?.purpose == .search || state.household.search != nil
        let effects = AppUpdate.update(&state, event)
        mayDeferSelection = inputWaiting && state.prompt?.purpose == .search
        let quit = perform(effects)
        mayDeferSelection = false
        if let deferred = deferredSelection {
            let selected = state.citizens.list.selection.map { state.citizens.rows[$0].citizen.id }
            if quit || deferred != selected.map(Effect.selectCitizen) {
                // The list moved on to no hit, or to a citizen already shown.
                deferredSelection = nil
            } else if !inputWaiting {
                performDeferredSelection()
            }
        }
        if searching, state.prompt?.purpose != .search, state.household.search == nil {
            // The search ended: its last term is what the access log records.
            workspace.finishSearch()
        }
        let isTick: Bool
        if case .tick = event { isTick = true } else { isTick = false }
        writeDraftIfDue(force: isTick)
        retryWaitingWriteIfDue()
        if deferredSelection == nil {
            pollIfDue(force: isTick || quit, closing: quit)
        }
        return quit
    }

    /// Whether `event`, handled now, would only start another search (one more letter typed).
    private static func onlySearches(_ event: AppEvent, in state: AppState) -> Bool {
        guard case .key = event, state.prompt?.purpose == .search else { return false }
        var copy = state
        let effects = AppUpdate.update(&copy, event)
        guard effects.count == 1, case .search = effects[0] else { return false }
        return true
    }

    /// Reads the panes left for later.
    private func performDeferredSelection() {
        guard let deferred = deferredSelection else { return }
        deferredSelection = nil
        perform([deferred])
    }

    /// About once a second: writes the noted look-ups to the access log, and shows what others
    /// saved (or a consent withdrawn) by reading the lists and the selected citizen again.
    /// The look-ups are written without waiting for the disk (a key pressed meanwhile would
    /// wait for the fsync), except when the interface is `closing`.
    private func pollIfDue(force: Bool, closing: Bool = false) {
        let now = ContinuousClock.now
        guard force || now - lastPoll >= .seconds(1) else { return }
        lastPoll = now
        do {
            try workspace.flushAccessLog(waitingForDisk: closing)
        } catch let error as DatabaseError where error.isBusy {
            // The entries stay noted and are written on a later tick.
        } catch {
            state.message = StatusMessage(text: state.say(.accessLogNotWritten), kind: .error)
        }
        guard let version = try? workspace.dataVersion(), version != seenDataVersion else { return }
        // Read again only when another connection committed; a failed read is tried on the next tick.
        guard let reload = liveReload() else { return }
        seenDataVersion = version
        perform(AppUpdate.update(&state, .liveReloaded(reload)))
    }

    /// Writes the open form as a draft now, if it has unwritten changes (before the program ends
    /// on a signal).
    package func flushDraft() {
        writeDraftIfDue(force: true)
    }

    /// Writes the open form as a draft when it changed: on the timer tick (a second without a
    /// key), and while typing at most once a second, so that a draft is never more than about a
    /// second behind what is on the screen.
    private func writeDraftIfDue(force: Bool) {
        guard let form = state.form, form.version != form.draftVersion, form.isModified, form.purpose.keepsDrafts else { return }
        let now = ContinuousClock.now
        guard force || now - lastDraftWrite >= .seconds(1) else { return }
        lastDraftWrite = now
        perform([.writeDraft])
    }

    /// Handles key presses as someone who watches the screen: after each key, the report it
    /// asked for in the background comes before the next key (a convenience for tests; `send`
    /// is what the key loop does).
    @discardableResult
    package func press(_ keys: Key...) -> Bool {
        var quit = false
        for key in keys {
            quit = send(.key(key)) || quit
            waitForBackgroundWork()
        }
        return quit
    }

    /// Types text as key presses.
    package func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Draws the current state.
    package func render(into canvas: inout Canvas) {
        AppView.render(state, into: &canvas)
    }

    @discardableResult
    func perform(_ effects: [Effect]) -> Bool {
        var queue = effects
        var quit = false
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if effect == .quit {
                quit = true
                continue
            }
            if case .selectCitizen = effect {
                // A newer selection replaces the one left for later.
                deferredSelection = nil
                if mayDeferSelection {
                    deferredSelection = effect
                    continue
                }
            }
            for event in run(effect) {
                queue += AppUpdate.update(&state, event)
            }
        }
        return quit
    }

    /// Performs one effect and returns the events that carry its result.
    private func run(_ effect: Effect) -> [AppEvent] {
        do {
            return try perform(effect)
        } catch let error as DatabaseError where error.isBusy && Self.waitsForLock(effect) {
            return lockWasBusy(during: effect, error: error)
        } catch {
            return [.failed(message(for: error))]
        }
    }

    /// What the message line says of a failure.
    func message(for error: any Error) -> String {
        switch error {
        case let error as StoreError: return state.say(.store(error))
        case let error as DatabaseError: return state.say(.database(error))
        default: return String(describing: error)
        }
    }

    private func perform(_ effect: Effect) throws -> [AppEvent] {
        switch effect {
        case .openForm(let purpose):
            return [.formOpened(try buildForm(purpose))]
        case .saveForm:
            guard var form = state.form else { return [] }
            // Someone saved the record since the form opened: the conflict asks first (AppRuntime+Live).
            switch try liveCheckBeforeSave(form) {
            case .asIs: break
            case .rebased(let rebased): form = rebased
            case .conflict(let conflict): return [.conflictFound(conflict)]
            }
            switch save(form) {
            // The view behind the form is read again first, so that "Saved." is what shows.
            case .saved(let citizen):
                return (try refreshedDetail()) + (try refreshedActivities()) + [.formSaved(citizen: citizen)] + (try proposalAfterSave())
            case .rejected(let errors, let general): return [.formRejected(errors: errors, general: general)]
            case .busy(let error): throw error
            // The problems of an earlier save go; the form waits behind the question.
            case .ask(let confirmation): return [.formRejected(errors: [:], general: nil), .confirmationAsked(confirmation)]
            }
        case .openDuplicate:
            guard let other = warnedDuplicateID, let form = state.form else { return [] }
            try workspace.discardDraft(key: form.purpose.draftKey)
            warnedKeys = []
            warnedDuplicateID = nil
            return [.formClosed, .detailLoaded(.citizen(try workspace.citizenProfile(other)))]
        case .revealCPR(let citizen):
            guard let cpr = try workspace.revealCPR(of: citizen) else { return [.info(state.say(.noCPRToReveal))] }
            return [.cprRevealed(cpr.formatted)]
        case .writeDraft:
            guard let form = state.form else { return [] }
            try workspace.saveDraft(key: form.purpose.draftKey, title: form.title, payload: form.payload,
                                   citizen: form.purpose.citizenID, recordVersion: form.purpose.recordAudit?.version,
                                   basePayload: form.basePayload)
            return [.draftWritten(version: form.version)]
        case .restoreDraft(let draft):
            return try restore(draft)
        case .openChosen(let conflict):
            return try openForm(of: conflict)
        case .discardDraft(let key):
            try workspace.discardDraft(key: key)
            return []
        case .discardOfferedDraft(let draft):
            try workspace.discard(draft)
            return []
        case .delete(let target):
            let citizen = state.panes.citizenID
            switch target {
            case .citizen(let record):
                // Erasure is the administrator's command line command (`trinvis erase`).
                try workspace.archive(citizen: record.id)
                state.panes = CitizenPanes()
                return [.changed(message: state.say(.archived), citizen: nil)]
            case .milestone(let record): try workspace.delete(record)
            case .meeting(let record): try workspace.delete(record)
            case .agreement(let record): try workspace.delete(record)
            case .record(let record):
                try record.delete(in: workspace)
                // The view it was deleted from is read again first, so that "Deleted." is what shows.
                return try refreshedDetail() + [.changed(message: state.say(.deleted), citizen: citizen)]
            case .householdMember(let record):
                try workspace.removeFromHousehold(record.id)
                let events = try refreshedDetail()
                return events + [.changed(message: state.say(.memberRemoved(PaneViews.clean(record.name))), citizen: citizen)]
            }
            return [.changed(message: state.say(.deleted), citizen: citizen)]
        case .askToDelete(.record(.plan(let plan))):
            let milestones = try workspace.all(Milestone.self, parent: plan.id.sqlValue).count
            let subject = state.say(.recordPlan(goal: PaneViews.clean(plan.goal), milestones: milestones))
            return [.confirmationAsked(Confirmation(question: state.say(.deleteRecordQuestion(subject)),
                                                    onYes: .delete(.record(.plan(plan)))))]
        case .askNewPlan(let citizen):
            let plans = CitizenPlans(try workspace.all(Plan.self, parent: citizen.sqlValue))
            guard plans.allowsNewPlan(today: workspace.today) else {
                return [.info(state.say(.planStillRunning(PaneViews.clean(plans.current?.goal ?? ""))))]
            }
            return [.formOpened(try buildForm(.plan(citizen: citizen, nil)))]
        case .askToDelete(let target):
            guard case .milestone(let milestone) = target else { return [] }
            let notes = try workspace.all(ProgressNote.self, parent: milestone.id.sqlValue).count
            return [.confirmationAsked(Confirmation(
                question: state.say(.deleteMilestoneQuestion(title: PaneViews.clean(milestone.title), notes: notes)),
                onYes: .delete(target)))]
        case .unarchive(let record):
            let citizen = try workspace.unarchive(citizen: record.id)
            return [.changed(message: state.say(.unarchived(PaneViews.clean(citizen.name))), citizen: citizen.id)]
        case .toggleAgreement(let agreement):
            var changed = agreement
            changed.doneOn = agreement.doneOn == nil ? workspace.today : nil
            try workspace.update(changed)
            let text = PaneViews.clean(agreement.text)
            return [.changed(message: state.say(changed.doneOn == nil ? .markedOpen(text) : .markedDone(text)),
                             citizen: state.panes.citizenID)] + (try afterTick())
        case .toggleMilestone(let milestone):
            let changed = try workspace.toggleAchieved(milestone)
            let title = PaneViews.clean(milestone.title)
            var events: [AppEvent] = [.changed(message: state.say(changed.status == .achieved ? .milestoneAchieved(title)
                                                                  : .milestoneReopened(title)),
                                               citizen: state.panes.citizenID)]
            events += try afterTick()
            return events
        case .refreshCitizen:
            guard let citizen = state.panes.citizenID else { return [] }
            return [try citizenEvent(citizen)]
        case .printPlan(let citizen):
            return [printPlan(citizen)]
        case .printReport:
            return [printReport()]
        case .undo, .redo:
            return try undoOrRedo(redoing: effect == .redo)
        case .openHousehold(let citizen):
            guard let overview = try workspace.householdOverview(of: citizen) else {
                // No household yet: the form that makes one, with the citizen as its first member.
                let owner = try workspace.get(Citizen.self, id: citizen)
                return [.formOpened(try buildForm(.householdMember(HouseholdMemberTarget(owner: citizen, household: nil,
                                                                                         member: owner))))]
            }
            return [.householdLoaded(overview, citizen: citizen)]
        case .searchMembers(let query):
            let hits = try workspace.search(query, limit: 20, includeArchived: false).map(\.summary.citizen)
            return [.memberHitsLoaded(query: query, hits)]
        case .openHouseholdMeeting(let citizen):
            return [.formOpened(try meetingForm(citizen: citizen, nil, withHousehold: true))]
        case .loadActivities, .openActivity, .searchParticipants, .finishParticipantSearch, .changeParticipation:
            return try activityEvents(effect)
        case .loadSyncConflicts, .resolveSyncConflict:
            return try syncConflictEvents(effect)
        case .recordOutcome(let outcome):
            return try record(outcome)
        case .printPlans, .exportCitizens, .openHandover, .handover:
            return try performOnTagged(effect)
        case .loadResults(let query):
            requestResults(query)
            return []
        default:
            guard let event = try read(effect) else { return [] }
            return [event]
        }
    }

    /// The selected citizen's panes, read again.
    func citizenEvent(_ id: CitizenID) throws -> AppEvent {
        let size = AppUpdate.pageSize
        let summary = try workspace.citizenSummary(id)
        let plan = try workspace.currentPlan(of: id)
        let milestones = try plan.map { try workspace.list(Milestone.self, parent: $0.id.sqlValue, page: .first(size)) }
            ?? Page(items: [], next: nil)
        let meetings = try workspace.meetingHistory(of: id, page: .first(size))
        var ids: [ProfessionalID] = []
        for item in meetings.items {
            for agreement in item.agreements {
                if case .professional(let professional) = agreement.responsible { ids.append(professional) }
            }
        }
        return .citizenLoaded(summary, plan, milestones, meetings, names: try workspace.professionals(ids).mapValues(\.name))
    }

    /// The open detail view read again, after a change.
    /// After ticking off: the agenda or the detail view on screen, read again.
    private func afterTick() throws -> [AppEvent] {
        if state.screen == .agenda { return [.agendaLoaded(try workspace.agenda())] }
        return try refreshedDetail()
    }

    func refreshedDetail() throws -> [AppEvent] {
        if case .householdMember(let target)? = state.form?.purpose {
            // A saved member form shows the household (made just now, perhaps).
            return try workspace.householdOverview(of: target.owner).map { [.householdLoaded($0, citizen: target.owner)] } ?? []
        }
        if state.screen == .household, let citizen = state.household.citizen {
            // The citizen left the household (or was hidden): back to where the view was opened.
            guard (try? workspace.checkAccess(to: citizen)) != nil, let overview = try workspace.householdOverview(of: citizen) else {
                return [.key(.escape)]
            }
            return [.householdLoaded(overview, citizen: citizen)]
        }
        if state.screen == .companies || state.screen == .company { return try companyScreenRefreshed() }
        guard case .detail(let detail) = state.screen else { return [] }
        let effect: Effect?
        switch detail {
        case .citizen(let profile): effect = .openCitizen(profile.citizen.id)
        case .milestone(let milestone, _, _, _):
            effect = try workspace.fetch(Milestone.self, id: milestone.id).map(Effect.openMilestone)
        case .meeting(let item, _): effect = .openMeetingID(item.meeting.id)
        case .story: effect = nil
        }
        return try effect.flatMap { try read($0) }.map { [$0] } ?? []
    }

    /// The form a draft belongs to, from its key; nil when its record no longer exists.
    func purpose(forDraftKey key: String) throws -> FormPurpose? {
        try FormKinds.purpose(forDraftKey: key, in: workspace)
    }

    /// Performs a reading effect.
    func read(_ effect: Effect) throws -> AppEvent? {
        let size = AppUpdate.pageSize
        switch effect {
            case .quit, .openForm, .saveForm, .writeDraft, .restoreDraft, .discardDraft, .delete, .askToDelete, .unarchive, .toggleAgreement, .toggleMilestone,
                 .refreshCitizen, .printPlan, .printReport, .revealCPR, .openDuplicate, .undo, .redo, .recordOutcome, .askNewPlan:
                return nil
            case .openCompanies, .loadMoreCompanies, .openCompany:
                return try readCompanies(effect)
            case .openChosen, .discardOfferedDraft, .openHousehold, .searchMembers, .openHouseholdMeeting,
                 .printPlans, .exportCitizens, .openHandover, .handover:
                return nil
            case .loadActivities, .openActivity, .searchParticipants, .finishParticipantSearch, .changeParticipation:
                return nil
            case .loadSyncConflicts, .resolveSyncConflict, .loadResults:
                return nil
            case .loadCitizens(let after):
                return .citizensLoaded(try workspace.citizenSummaries(page: PageRequest(limit: size, after: after),
                                                                      includeArchived: state.showArchived),
                                       append: after != nil)
            case .search(let query):
                var hits = try workspace.search(query, limit: size, includeArchived: state.showArchived)
                // After a save (no search being typed), the citizen saved stays on screen even
                // when the search does not find them.
                if state.prompt?.purpose != .search, let saved = state.panes.citizenID,
                   !hits.contains(where: { $0.summary.citizen.id == saved }),
                   (try? workspace.checkAccess(to: saved)) != nil, let summary = try workspace.citizenSummary(saved) {
                    hits.insert(SearchHit(summary: summary, match: .saved), at: 0)
                }
                return .searchLoaded(query: query, hits: hits)
            case .selectCitizen(let id):
                return try citizenEvent(id)
            case .loadMoreMilestones(let plan, let after):
                return .milestonesLoaded(try workspace.list(Milestone.self, parent: plan.sqlValue,
                                                            page: PageRequest(limit: size, after: after)))
            case .loadMoreMeetings(let citizen, let after):
                return .meetingsLoaded(try workspace.meetingHistory(of: citizen, page: PageRequest(limit: size, after: after)))
            case .openCitizen(let id):
                return .detailLoaded(.citizen(try workspace.citizenProfile(id)))
            case .openMilestone(let milestone):
                let notes = try workspace.all(ProgressNote.self, parent: milestone.id.sqlValue)
                let authors = try workspace.professionals(notes.compactMap(\.authorID)).mapValues(\.name)
                return .detailLoaded(.milestone(milestone, notes: notes, authors: authors,
                                                moves: try workspace.deadlineMoves(of: milestone.id)))
            case .openMeeting(let item):
                return .detailLoaded(.meeting(item, names: try names(for: item)))
            case .openMeetingID(let id):
                let meeting = try workspace.get(Meeting.self, id: id)
                let item = MeetingWithAgreements(meeting: meeting, agreements: try workspace.all(Agreement.self, parent: id.sqlValue))
                return .detailLoaded(.meeting(item, names: try names(for: item)))
            case .loadAgenda:
                return .agendaLoaded(try workspace.agenda())
            case .loadStories(let after):
                return .storiesLoaded(try workspace.changeStories(page: PageRequest(limit: size, after: after)), append: after != nil)
            case .loadCompanies:
                return .companiesLoaded(try workspace.partnerCompanies())
            case .openStory(let item):
                return .detailLoaded(.story(item))
        }
    }

    private func names(for item: MeetingWithAgreements) throws -> [ProfessionalID: String] {
        var ids = item.meeting.attendees
        if let author = item.meeting.authorID { ids.append(author) }
        if let companion = item.meeting.companion.professionalID { ids.append(companion) }
        for agreement in item.agreements {
            if case .professional(let id) = agreement.responsible { ids.append(id) }
        }
        return try workspace.professionals(ids).mapValues(\.name)
    }
}
