import TrinvisCore

/// The pure update of the interface: the state and an event in, the new state and the effects
/// to run out. No database, no terminal: tests drive it directly.
package enum AppUpdate {
    /// Rows loaded per page in every list.
    package static let pageSize = 100
    /// Load the next page when the selection comes this close to the end of what is loaded.
    static let prefetchDistance = 20

    /// Applies an event.
    package static func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        var effects: [Effect] = []
        switch event {
        case .key(let key):
            effects = handle(key, &state)
        case .resize(let size):
            state.size = size
        case .tick:
            break
        case .citizensLoaded(let page, let append):
            if append {
                state.citizens.rows += page.items
            } else {
                state.citizens = CitizenListState(rows: page.items, list: state.citizens.list)
            }
            state.citizens.matches = []
            state.citizens.next = page.next
            state.citizens.query = nil
            if !append, let current = state.panes.citizenID,
               let index = state.citizens.rows.firstIndex(where: { $0.citizen.id == current }) {
                state.citizens.list.setCount(state.citizens.rows.count)
                state.citizens.list.select(index)
                effects = []
            } else {
                effects = citizensChanged(&state, reselect: !append)
            }
        case .searchLoaded(let query, let hits):
            state.citizens.rows = hits.map(\.summary)
            state.citizens.matches = hits.map(\.match)
            state.citizens.next = nil
            state.citizens.query = query
            state.citizens.list.setCount(hits.count)
            // While typing, the best hit is selected; after a save, the citizen saved.
            if state.prompt?.purpose != .search, let current = state.panes.citizenID,
               let index = hits.firstIndex(where: { $0.summary.citizen.id == current }) {
                state.citizens.list.select(index)
            } else {
                state.citizens.list.select(0)
            }
            // The count is news while the search is typed; a refresh after a save keeps "Saved."
            if state.prompt?.purpose == .search {
                state.message = StatusMessage(text: hits.isEmpty ? state.say(.searchNoHits(query)) : state.say(.searchHits(hits.count)),
                                              kind: .info)
            }
            effects = citizensChanged(&state, reselect: true)
        case .citizenLoaded(let summary, let plan, let milestones, let meetings, let names):
            state.panes.names = names
            let sameCitizen = state.panes.citizenID != nil && state.panes.citizenID == summary?.citizen.id
            let previousRow = sameCitizen ? state.panes.meetingList.selection : nil
            let previousMilestone = sameCitizen ? state.panes.milestoneList.selection : nil
            state.panes.summary = summary
            state.panes.citizenID = summary?.citizen.id
            state.panes.plan = plan
            state.panes.milestones = milestones.items
            state.panes.milestonesNext = milestones.next
            state.panes.milestoneList = ListState(count: milestones.items.count, selection: milestones.items.isEmpty ? nil : 0)
            state.panes.meetings = meetings.items
            state.panes.meetingsNext = meetings.next
            state.panes.meetingList = ListState(count: state.panes.meetingRows.count,
                                                selection: state.panes.meetingRows.isEmpty ? nil : 0)
            if let previousRow { state.panes.meetingList.select(previousRow) }
            if let previousMilestone { state.panes.milestoneList.select(previousMilestone) }
        case .milestonesLoaded(let page):
            state.panes.milestones += page.items
            state.panes.milestonesNext = page.next
            state.panes.milestoneList.setCount(state.panes.milestones.count)
        case .meetingsLoaded(let page):
            state.panes.meetings += page.items
            state.panes.meetingsNext = page.next
            state.panes.meetingList.setCount(state.panes.meetingRows.count)
        case .detailLoaded(let detail):
            if case .detail = state.screen {} else { state.returnScreen = state.screen }
            state.message = nil
            // Read again after a change, the chosen record stays chosen (as far as there are records).
            let count = records(of: detail, state).count
            let same = state.screen.detailSubject == Screen.detail(detail).detailSubject
            state.detailRecord = same ? state.detailRecord.flatMap { count == 0 ? nil : min($0, count - 1) } : nil
            state.screen = .detail(detail)
            state.detail = TextViewState()
            state.revealedCPR = [:]
        case .agendaLoaded(let items):
            // Read again after ticking off: the selection stays where it was, and so does the message.
            let refreshing = state.screen == .agenda
            let previous = state.agendaList.selection ?? 0
            state.agenda = items
            state.agendaList = ListState(count: items.count, selection: items.isEmpty ? nil : (refreshing ? min(previous, items.count - 1) : 0))
            state.screen = .agenda
            if !refreshing { state.message = nil }
            if !state.isProfessional {
                state.message = StatusMessage(text: state.say(.agendaNoProfessional(username: state.username)), kind: .info)
            }
        case .failed(let text):
            state.message = StatusMessage(text: text, kind: .error)
        case .info(let text):
            state.message = StatusMessage(text: text, kind: .info)
        case .formOpened(let form):
            state.form = form
            state.addMenu = nil
            state.message = nil
        case .confirmationAsked(let confirmation):
            state.confirmation = confirmation
        case .formClosed:
            state.form = nil
        case .cprRevealed(let text):
            if state.form?.fields.contains(where: { $0.id == "cpr" }) == true {
                state.form?.reveal(cpr: text)
            } else if case .detail(.citizen(let profile)) = state.screen {
                state.revealedCPR = [profile.citizen.id: text]
            }
            state.message = StatusMessage(text: state.say(.cprRevealed), kind: .info)
        case .formSaved(let citizen):
            state.form = nil
            state.message = StatusMessage(text: state.say(.saved), kind: .info)
            effects = afterChange(&state, citizen: citizen)
        case .formRejected(let errors, let general):
            state.form?.show(errors: errors, general: general)
        case .draftWritten(let version):
            state.form?.draftVersion = version
        case .draftsLoaded(let drafts):
            state.drafts = drafts
            state.draftList = ListState(count: drafts.count, selection: drafts.isEmpty ? nil : 0)
            if !drafts.isEmpty { state.screen = .drafts }
        case .draftOpened(let form):
            draftOpened(form, &state)
        case .conflictFound(let conflict):
            conflictFound(conflict, &state)
        case .draftUnavailable(let text):
            draftUnavailable(text, &state)
        case .resultsLoaded(let report, let organisations):
            resultsLoaded(report, organisations: organisations, &state)
        case .resultsFailed(let query, let message):
            guard query == state.results.query else { break }
            state.results.computing = nil
            state.message = StatusMessage(text: message, kind: .error)
        case .storiesLoaded(let page, let append):
            state.results.stories = append ? state.results.stories + page.items : page.items
            state.results.storiesNext = page.next
            state.results.storyList.setCount(state.results.stories.count)
        case .companiesLoaded(let companies):
            state.results.companies = companies
            state.results.scroll = TextViewState()
        case .householdLoaded(let overview, let citizen):
            householdLoaded(overview, citizen: citizen, &state)
        case .memberHitsLoaded(let query, let hits):
            memberHitsLoaded(query: query, hits, &state)
        case .companyRegisterLoaded(let page, let append):
            companyRegisterLoaded(page, append: append, &state)
        case .companyLoaded(let company):
            companyLoaded(company, &state)
        case .changed(let message, let citizen):
            state.message = StatusMessage(text: message, kind: .info)
            effects = afterChange(&state, citizen: citizen)
        case .activitiesLoaded, .activityLoaded, .participantsFound, .participationChanged:
            activityEvent(event, &state)
        case .syncConflictsLoaded(let conflicts):
            syncConflictsLoaded(conflicts, &state)
        case .liveReloaded(let reload):
            effects = liveReloaded(reload, &state)
        }
        reofferDrafts(&state)
        syncHeights(&state)
        return effects
    }


    /// After a save or a deletion: refresh the list (a name may have changed), the selected
    /// citizen's panes, and an open detail view.
    static func afterChange(_ state: inout AppState, citizen: CitizenID?) -> [Effect] {
        var effects: [Effect] = []
        let switching = citizen != nil && citizen != state.panes.citizenID
        if switching {
            // The reloaded list selects the row of the citizen the change was about.
            state.panes.citizenID = citizen
        }
        if state.citizens.query == nil {
            effects.append(.loadCitizens(after: nil))
        } else if let query = state.citizens.query {
            effects.append(.search(query))
        }
        if let citizen, switching {
            effects.append(.selectCitizen(citizen))
        } else {
            effects.append(.refreshCitizen)
        }
        return effects
    }

    /// Shows the help of the current screen, from its top.
    static func openHelp(_ state: inout AppState) {
        state.helpVisible = true
        state.help = TextViewState()
    }

    /// Sets every list's visible height from the layout.
    static func syncHeights(_ state: inout AppState) {
        let layout = Layout.of(state)
        state.citizens.list.resize(visibleHeight: layout.listHeight(of: .citizens, focus: state.focus))
        state.panes.milestoneList.resize(visibleHeight: layout.listHeight(of: .milestones, focus: state.focus))
        state.panes.meetingList.resize(visibleHeight: layout.listHeight(of: .meetings, focus: state.focus))
        state.agendaList.resize(visibleHeight: max(layout.body.height - 2, 1))
        state.results.storyList.resize(visibleHeight: max(layout.body.height - 4, 1))
        state.household.list.resize(visibleHeight: max(state.household.overview?.members.count ?? 1, 1))
        state.activities.list.resize(visibleHeight: max(layout.body.height - 3, 1))
        state.activities.participantList.resize(visibleHeight: participantListHeight(state))
        state.activities.search?.list.resize(visibleHeight: ActivitiesView.searchRows)
        state.syncConflicts.list.resize(visibleHeight: SyncConflictsView.listRows(state))
    }

    /// After the citizen rows changed: fix the list and load the selected citizen if it changed.
    private static func citizensChanged(_ state: inout AppState, reselect: Bool) -> [Effect] {
        state.citizens.list.setCount(state.citizens.rows.count)
        return selectionEffects(&state, force: reselect)
    }

    /// The effects that follow a move in the citizen list: the newly selected citizen, and the
    /// next page when the selection nears the end of what is loaded.
    private static func selectionEffects(_ state: inout AppState, force: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        let selected = state.citizens.list.selection.map { state.citizens.rows[$0].citizen.id }
        if let selected, force || selected != state.panes.citizenID {
            effects.append(.selectCitizen(selected))
        } else if selected == nil, state.panes.citizenID != nil || force {
            state.panes = CitizenPanes()
        }
        if let next = state.citizens.next, let index = state.citizens.list.selection,
           index >= state.citizens.rows.count - prefetchDistance {
            effects.append(.loadCitizens(after: next))
        }
        return effects
    }

    // MARK: Keys

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if case .mouse(let event) = key { return handleMouse(event, &state) }
        if state.helpVisible { return handleHelp(key, &state) }
        if state.confirmation != nil { return handleConfirmation(key, &state) }
        if state.conflict != nil { return handleConflict(key, &state) }
        if state.form != nil {
            if key == .function(1) {
                openHelp(&state)
                return []
            }
            return handleForm(key, &state)
        }
        if state.addMenu != nil { return handleAddMenu(key, &state) }
        if state.pickMenu != nil { return handlePickMenu(key, &state) }
        if state.screen == .activity, state.activities.search != nil { return handleParticipantSearch(key, &state) }
        if state.prompt?.purpose == .command { return handleCommandLine(key, &state) }
        if state.prompt != nil { return handlePrompt(key, &state) }
        // A message answers the last key: the next one clears it (as in mutt), so that an old
        // message never stands beside what the user does now.
        if state.message != nil, key != .ctrl("l") { state.message = nil }
        if AppKeys.current(state).action(for: key) == .commandLine {
            state.prompt = Prompt(purpose: .command, field: TextFieldState(maxLength: 40))
            state.message = StatusMessage(text: CommandLine.names(in: AppKeys.current(state)).joined(separator: " "), kind: .info)
            return []
        }
        if let effects = undoKey(key, state) { return effects }
        switch state.screen {
        case .main: return handleMain(key, &state)
        case .detail(let detail): return handleDetail(key, detail, &state)
        case .agenda: return handleAgenda(key, &state)
        case .drafts: return handleDrafts(key, &state)
        case .results: return handleResults(key, &state)
        case .household: return handleHousehold(key, &state)
        case .activities: return handleActivities(key, &state)
        case .activity: return handleActivity(key, &state)
        case .companies: return handleCompanies(key, &state)
        case .company: return handleCompany(key, &state)
        case .syncConflicts: return handleSyncConflicts(key, &state)
        }
    }

    private static func handleHelp(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape, .character("?"), .function(1), .character("q"), .enter:
            state.helpVisible = false
        default:
            let lines = AppView.helpLines(state)
            state.help.layout(contentHeight: lines.count, visibleHeight: AppView.helpHeight(state))
            _ = state.help.handle(key)
        }
        return []
    }

    private static func handleMain(_ key: Key, _ state: inout AppState) -> [Effect] {
        let table = AppKeys.current(state)
        if let move = ListMove(key: key) {
            return moveInFocusedList(move, &state)
        }
        switch table.action(for: key) {
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .nextPane:
            state.focus = state.focus.next
        case .previousPane:
            state.focus = state.focus.previous
        case .jumpPane:
            if case .character(let digit) = key, let number = digit.wholeNumberValue, let pane = Pane(rawValue: number - 1) {
                state.focus = pane
            }
        case .open:
            return openSelected(&state)
        case .search:
            state.message = nil
            // The last text is shown selected: typing starts a new one, Enter keeps it.
            var field = TextFieldState(text: (state.focus == .citizens ? state.citizens.query : state.findText[state.focus]) ?? "",
                                       maxLength: 200)
            field.isSelected = !field.isEmpty
            state.prompt = Prompt(purpose: state.focus == .citizens ? .search : .find(state.focus), field: field)
        case .nextMatch, .previousMatch:
            let forward = table.action(for: key) == .nextMatch
            if state.focus == .citizens {
                // Through the search results (or the list), going on from the other end with a word.
                let count = state.citizens.rows.count
                guard count > 0, let index = state.citizens.list.selection else { return [] }
                if state.citizens.next == nil, forward ? index == count - 1 : index == 0 {
                    state.citizens.list.select(forward ? 0 : count - 1)
                    state.message = StatusMessage(text: state.say(forward ? .searchWrappedToTop : .searchWrappedToBottom), kind: .info)
                    return selectionEffects(&state)
                }
                state.message = nil
                return moveInFocusedList(forward ? .down : .up, &state)
            }
            if let text = state.findText[state.focus] {
                find(text, in: state.focus, forward: forward, startingAfterSelection: true, &state)
            }
        case .agenda:
            return [.loadAgenda]
        case .activities:
            return [.loadActivities(after: nil)]
        case .newActivity:
            return [.openForm(.activity(nil))]
        case .syncConflicts:
            return [.loadSyncConflicts]
        case .report:
            return openResults(&state)
        case .back:
            if state.citizens.query != nil {
                state.message = nil
                return [.loadCitizens(after: nil)]
            }
        case .add:
            return add(&state)
        case .addAgreement:
            return addAgreement(&state)
        case .edit:
            return edit(&state)
        case .delete:
            return delete(&state)
        case .showArchived:
            state.showArchived.toggle()
            state.message = StatusMessage(text: state.say(state.showArchived ? .archivedShown : .archivedHidden), kind: .info)
            return [state.citizens.query.map { .search($0) } ?? .loadCitizens(after: nil)]
        case .done:
            return toggleDone(&state)
        case .print:
            return printPlans(&state)
        case let action? where AppAction.tagging.contains(action):
            return tagging(action, &state)
        case .assess:
            guard let citizen = state.panes.citizenID else { return [] }
            return [.openForm(.assessment(citizen))]
        case .outcome:
            guard let citizen = state.panes.citizenID else { return [] }
            return [.openForm(.outcome(citizen))]
        case .companies, .newCompany, .newPlacement:
            return mainCompanyAction(table.action(for: key) ?? .companies, &state)
        case .newPlan:
            guard let citizen = state.panes.citizenID else { return [] }
            return [.askNewPlan(citizen)]
        case .household:
            guard let citizen = state.panes.citizenID else { return [] }
            return [.openHousehold(citizen)]
        default:
            break
        }
        return []
    }

    static func moveInFocusedList(_ move: ListMove, _ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .citizens:
            state.citizens.list.move(move)
            return selectionEffects(&state)
        case .milestones:
            state.panes.milestoneList.move(move)
            if let plan = state.panes.plan, let next = state.panes.milestonesNext,
               let index = state.panes.milestoneList.selection, index >= state.panes.milestones.count - prefetchDistance {
                return [.loadMoreMilestones(plan.id, after: next)]
            }
        case .meetings:
            state.panes.meetingList.move(move)
            if let citizen = state.panes.citizenID, let next = state.panes.meetingsNext,
               let index = state.panes.meetingList.selection, index >= state.panes.meetingRows.count - prefetchDistance {
                return [.loadMoreMeetings(citizen, after: next)]
            }
        }
        return []
    }

    private static func openSelected(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .citizens:
            guard let index = state.citizens.list.selection else { return [] }
            return [.openCitizen(state.citizens.rows[index].citizen.id)]
        case .milestones:
            guard let index = state.panes.milestoneList.selection else { return [] }
            return [.openMilestone(state.panes.milestones[index])]
        case .meetings:
            switch state.panes.selectedMeetingRow {
            case .meeting(let index)?, .agreement(let index, _)?: return [.openMeeting(state.panes.meetings[index])]
            case nil: return []
            }
        }
    }

    /// The `:` command line: Tab completes, Enter runs the command of the screen underneath (as
    /// its key would), Esc closes. The message line lists the commands that match.
    private static func handleCommandLine(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        let screen = { (state: AppState) -> KeyTable<AppAction> in
            var underneath = state
            underneath.prompt = nil
            return AppKeys.current(underneath)
        }
        switch key {
        case .escape:
            state.prompt = nil
            state.message = nil
            return []
        case .enter:
            state.prompt = nil
            let typed = prompt.field.text.trimmingBlanks()
            guard !typed.isEmpty else {
                state.message = nil
                return []
            }
            guard let binding = CommandLine.binding(for: typed, in: screen(state)), let first = binding.keys.first else {
                state.message = StatusMessage(text: state.say(.unknownCommandHere(typed)), kind: .error)
                return []
            }
            state.message = nil
            return handle(first, &state)
        case .tab:
            prompt.field.setText(CommandLine.complete(prompt.field.text, in: screen(state)))
        default:
            _ = prompt.field.handle(key)
        }
        state.prompt = prompt
        let found = CommandLine.candidates(prompt.field.text, in: screen(state))
        state.message = StatusMessage(text: found.isEmpty ? state.say(.unknownCommandHere(prompt.field.text)) : found.joined(separator: " "),
                                      kind: found.isEmpty ? .error : .info)
        return []
    }

    private static func handlePrompt(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        let isSearch = prompt.purpose == .search
        switch key {
        case .enter:
            state.prompt = nil
            if prompt.purpose == .reportFrom || prompt.purpose == .reportTo {
                switch FormInput.date(prompt.field.text, today: state.today, sense: .past) {
                case .success(let date):
                    if prompt.purpose == .reportFrom { state.results.from = date } else { state.results.to = date }
                    state.message = nil
                    return [askForResults(&state)]
                case .failure:
                    state.message = StatusMessage(text: state.say(.errorNotADate), kind: .error)
                    return []
                }
            }
            if case .find(let pane) = prompt.purpose {
                let text = prompt.field.text.trimmingBlanks()
                if text.isEmpty {
                    state.findText[pane] = nil
                } else {
                    state.findText[pane] = text
                    find(text, in: pane, forward: true, startingAfterSelection: false, &state)
                }
            } else {
                state.focus = .citizens
            }
            return []
        case .escape:
            state.prompt = nil
            if isSearch, state.citizens.query != nil {
                state.message = nil
                return [.loadCitizens(after: nil)]
            }
            return []
        case .up, .down, .pageUp, .pageDown:
            guard isSearch, let move = ListMove(key: key) else { return [] }
            state.citizens.list.move(move)
            return selectionEffects(&state)
        default:
            let before = prompt.field.text
            _ = prompt.field.handle(key)
            state.prompt = prompt
            guard isSearch, prompt.field.text != before else { return [] }
            let query = prompt.field.text.trimmingBlanks()
            if query.isEmpty {
                state.message = nil
                return state.citizens.query == nil ? [] : [.loadCitizens(after: nil)]
            }
            return [.search(query)]
        }
    }

    /// Selects the next (or previous) row of a list pane whose text contains `text`.
    static func find(_ text: String, in pane: Pane, forward: Bool, startingAfterSelection: Bool, _ state: inout AppState) {
        let rows: [String]
        switch pane {
        case .citizens: rows = state.citizens.rows.map(\.citizen.name)
        case .milestones: rows = state.panes.milestones.map { $0.title + " " + state.say(.milestoneStatus($0.status)) }
        case .meetings:
            rows = state.panes.meetingRows.map { row in
                switch row {
                case .meeting(let index):
                    let item = state.panes.meetings[index]
                    return [item.meeting.notes, item.meeting.place, state.say(.meetingKind(item.meeting.kind))].joined(separator: " ")
                case .agreement(let meeting, let agreement):
                    return state.panes.meetings[meeting].agreements[agreement].text
                }
            }
        }
        guard !rows.isEmpty else { return }
        let key = TextNormalization.searchKey(text)
        let start = (pane == .milestones ? state.panes.milestoneList : state.panes.meetingList).selection ?? 0
        let count = rows.count
        for step in 0..<count {
            let distance = startingAfterSelection ? step + 1 : step
            let unwrapped = forward ? start + distance : start - distance
            let index = (unwrapped % count + count) % count
            if TextNormalization.searchKey(rows[index]).contains(key) {
                if pane == .milestones { state.panes.milestoneList.select(index) } else { state.panes.meetingList.select(index) }
                // Past the end (or the start) the find goes on from the other end, and says so.
                let wrapped = unwrapped >= count || unwrapped < 0
                state.message = wrapped ? StatusMessage(text: state.say(forward ? .searchWrappedToTop : .searchWrappedToBottom),
                                                        kind: .info) : nil
                return
            }
        }
        state.message = StatusMessage(text: state.say(.findNotFound(text)), kind: .info)
    }

    private static func handleDetail(_ key: Key, _ detail: Detail, _ state: inout AppState) -> [Effect] {
        if let effects = detailAction(key, detail, &state) { return effects }
        switch AppKeys.current(state).action(for: key) {
        case .household:
            guard case .citizen(let profile) = detail else { return [] }
            return [.openHousehold(profile.citizen.id)]
        case .syncConflicts:
            return [.loadSyncConflicts]
        case .back:
            state.screen = state.returnScreen
            state.returnScreen = .main
            state.detailRecord = nil
            return []
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
            return []
        default:
            let lines = DetailView.lines(detail, width: AppView.detailWidth(state), state: state)
            state.detail.layout(contentHeight: lines.count, visibleHeight: AppView.detailHeight(state))
            _ = state.detail.handle(key)
            return []
        }
    }

    /// `r`: the results screen at once, with the last figures of the period and organisation
    /// asked for (being brought up to date), or saying that they are being computed.
    static func openResults(_ state: inout AppState) -> [Effect] {
        if state.screen != .results {
            state.results.tab = .report
            state.results.scroll = TextViewState()
        }
        state.screen = .results
        state.message = nil
        return [askForResults(&state)]
    }

    /// Asks for the report of the period and organisation chosen; the screen says so until it comes.
    static func askForResults(_ state: inout AppState) -> Effect {
        state.results.computing = state.results.query
        return .loadResults(state.results.query)
    }

    /// A report from the background: kept and shown, unless another period or organisation is
    /// asked for by now (then it is dropped). It never opens the screen: Esc may have left it.
    private static func resultsLoaded(_ report: ResultsReport, organisations: [Organisation], _ state: inout AppState) {
        state.results.organisations = organisations
        let query = ResultsQuery(of: report)
        guard query == state.results.query else { return }
        state.results.keep(report)
        if state.results.computing == query { state.results.computing = nil }
    }

    private static func handleResults(_ key: Key, _ state: inout AppState) -> [Effect] {
        let action = AppKeys.current(state).action(for: key)
        switch action {
        case .back:
            state.screen = .main
            return []
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
            return []
        case .tabs:
            let tab: ResultsTab
            if case .character(let digit) = key, let number = digit.wholeNumberValue, let chosen = ResultsTab(rawValue: number - 1) {
                tab = chosen
            } else {
                tab = ResultsTab(rawValue: (state.results.tab.rawValue + 1) % ResultsTab.allCases.count) ?? .report
            }
            state.results.tab = tab
            state.results.scroll = TextViewState()
            switch tab {
            case .report: return []
            case .stories: return [.loadStories(after: nil)]
            case .companies: return [.loadCompanies]
            }
        case .from, .to:
            let purpose: Prompt.Purpose = action == .from ? .reportFrom : .reportTo
            let current = action == .from ? state.results.from : state.results.to
            state.prompt = Prompt(purpose: purpose, field: TextFieldState(text: FormInput.format(current, state.say), maxLength: 20))
            return []
        case .organisation:
            let choices = state.results.organisations
            if let current = state.results.organisation, let index = choices.firstIndex(of: current) {
                state.results.organisation = index + 1 < choices.count ? choices[index + 1] : nil
            } else {
                state.results.organisation = choices.first
            }
            return [askForResults(&state)]
        case .allTime:
            state.results.from = nil
            state.results.to = nil
            return [askForResults(&state)]
        case .print:
            return [.printReport]
        case .open:
            guard state.results.tab == .stories, let index = state.results.storyList.selection else { return [] }
            return [.openStory(state.results.stories[index])]
        default:
            break
        }
        if state.results.tab == .stories, let move = ListMove(key: key) {
            state.results.storyList.move(move)
            if let next = state.results.storiesNext, let index = state.results.storyList.selection,
               index >= state.results.stories.count - prefetchDistance {
                return [.loadStories(after: next)]
            }
            return []
        }
        let lines = ResultsView.lines(state, width: ResultsView.width(state))
        state.results.scroll.layout(contentHeight: lines.count, visibleHeight: ResultsView.height(state))
        _ = state.results.scroll.handle(key)
        return []
    }

    private static func handleAgenda(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let move = ListMove(key: key) {
            state.agendaList.move(move)
            return []
        }
        switch AppKeys.current(state).action(for: key) {
        case .back:
            state.screen = .main
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .open:
            guard let index = state.agendaList.selection else { return [] }
            let item = state.agenda[index]
            switch item.kind {
            case .meeting, .missedFollowUp, .noNextMeeting: return [.openCitizen(item.citizenID)]
            case .milestone(let milestone): return [.openMilestone(milestone)]
            case .agreement(let agreement): return [.openMeetingID(agreement.meetingID)]
            case .companion(let meeting): return [.openMeetingID(meeting.id)]
            }
        case .done:
            guard let index = state.agendaList.selection else { return [] }
            switch state.agenda[index].kind {
            case .milestone(let milestone): return [.toggleMilestone(milestone)]
            case .agreement(let agreement): return [.toggleAgreement(agreement)]
            case .meeting, .missedFollowUp, .noNextMeeting, .companion:
                state.message = StatusMessage(text: state.say(.agendaNothingToTick), kind: .info)
            }
        default:
            break
        }
        return []
    }

    private static func handleMouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard state.mouse, state.screen == .main, !state.helpVisible, state.prompt == nil, state.form == nil,
              state.conflict == nil else { return [] }
        let layout = Layout.of(state)
        for (pane, frame) in layout.frames(focus: state.focus) where frame.contains(row: event.row, col: event.col) {
            state.focus = pane
            switch event.button {
            case .wheelUp: return moveInFocusedList(.up, &state)
            case .wheelDown: return moveInFocusedList(.down, &state)
            default: break
            }
            let line = event.row - frame.row - 1
            guard line >= 0, line < frame.height - 2 else { return [] }
            switch pane {
            case .citizens:
                state.citizens.list.select(state.citizens.list.visibleRange.lowerBound + line)
                return selectionEffects(&state)
            case .milestones:
                state.panes.milestoneList.select(state.panes.milestoneList.visibleRange.lowerBound + line)
            case .meetings:
                state.panes.meetingList.select(state.panes.meetingList.visibleRange.lowerBound + line)
            }
        }
        return []
    }
}
