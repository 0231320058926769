import TrinvisCore

/// What the screen shows, read again after another connection committed to the database
/// (`AppRuntime+Live` reads it when `PRAGMA data_version` moved). Each part is nil when it is
/// not on screen (or was not read).
package struct LiveReload: Sendable {
    /// The citizen list or the search results (`citizensLoaded`, `searchLoaded`), then the
    /// selected citizen's panes (`citizenLoaded`), applied in this order.
    package var events: [AppEvent] = []
    /// The open detail view.
    package var detail: Detail?
    package var agenda: [AgendaItem]?
    package var results: LiveResults?
    package var activities: Page<Activity>?
    package var activity: ActivityDetail?
    package var companies: Page<CompanySummary>?
    package var company: CompanyPlacements?
    package var household: HouseholdOverview?
    /// The open sync conflicts, newest first.
    package var syncConflicts: [SyncConflict]?
    /// The record (or citizen) of the view on screen is gone: the view closes with this notice.
    package var gone: String?
    /// What happened to the open form's record meanwhile, for the form's status line; nil when
    /// nothing did.
    package var formNotice: String?

    package init() {}
}

/// The results screen read again: the stories and the companies. The report is worked out
/// again in the background (`liveReloaded` asks for it), its figures kept on screen until then.
package struct LiveResults: Sendable {
    package var stories: Page<StoryItem>
    package var companies: [CompanyPlacements]
}

extension AppUpdate {
    // MARK: Live screens

    /// Shows what another user saved without disturbing what this one is doing: the open form,
    /// a question, a menu, the text being typed, the message, the selection of every list (by
    /// the id of its row) and the scroll position stay as they were. A view whose record is gone
    /// closes and says so; an open form whose record changed says who changed it.
    static func liveReloaded(_ reload: LiveReload, _ state: inout AppState) -> [Effect] {
        let kept = state
        // The reads are applied as after a save, with nothing being typed.
        state.prompt = nil
        var effects: [Effect] = []
        for event in reload.events {
            effects += update(&state, event)
        }
        if let detail = reload.detail, case .detail = kept.screen {
            effects += update(&state, .detailLoaded(detail))
        }
        state.prompt = kept.prompt
        state.form = kept.form
        state.confirmation = kept.confirmation
        state.conflict = kept.conflict
        state.addMenu = kept.addMenu
        state.pickMenu = kept.pickMenu
        state.helpVisible = kept.helpVisible
        state.help = kept.help
        state.message = kept.message
        state.focus = kept.focus
        keepPanes(kept, &state)
        keepDetail(kept, &state)
        applyOtherScreens(reload, kept, &state)
        if reload.results != nil {
            // Quietly: the figures stay on screen, without "Updating", until the new ones come.
            effects.append(.loadResults(state.results.query))
        }
        if let gone = reload.gone { closeGoneView(gone, &state) }
        if let notice = reload.formNotice, state.form != nil, state.form?.liveNotice != notice {
            state.form?.liveNotice = notice
            // A refused save's message is older than the news.
            state.form?.message = nil
        }
        // The panes of the selected citizen were read with the rest: not again.
        for case .citizenLoaded(let summary?, _, _, _, _) in reload.events {
            effects.removeAll { $0 == .selectCitizen(summary.citizen.id) }
        }
        return effects
    }

    /// `list` as it was (its scroll position), over `count` rows, on row `index` when the row it
    /// was on is still there (else where it was, as far as the rows go).
    static func keptList(_ list: ListState, count: Int, on index: Int?) -> ListState {
        var list = list
        list.setCount(count)
        if let index { list.select(index) }
        return list
    }

    /// The milestone and the meeting or agreement selected stay selected, by id, and the panes
    /// keep their scroll position (the same citizen only).
    private static func keepPanes(_ kept: AppState, _ state: inout AppState) {
        guard kept.panes.citizenID != nil, kept.panes.citizenID == state.panes.citizenID else { return }
        let milestone = kept.panes.milestoneList.selection.flatMap { kept.panes.milestones.indices.contains($0) ? kept.panes.milestones[$0].id : nil }
        state.panes.milestoneList = keptList(kept.panes.milestoneList, count: state.panes.milestones.count,
                                             on: milestone.flatMap { id in state.panes.milestones.firstIndex { $0.id == id } })
        let row = kept.panes.selectedMeetingRow.map { meetingRowKey($0, kept.panes) }
        let rows = state.panes.meetingRows
        let panes = state.panes
        state.panes.meetingList = keptList(kept.panes.meetingList, count: rows.count,
                                           on: row.flatMap { key in rows.firstIndex { meetingRowKey($0, panes) == key } })
    }

    /// A row of the meeting pane by what it shows: a meeting's id or an agreement's.
    private static func meetingRowKey(_ row: MeetingRow, _ panes: CitizenPanes) -> String {
        switch row {
        case .meeting(let index):
            return panes.meetings.indices.contains(index) ? "m\(panes.meetings[index].meeting.id)" : ""
        case .agreement(let meeting, let position):
            guard panes.meetings.indices.contains(meeting), panes.meetings[meeting].agreements.indices.contains(position) else { return "" }
            return "a\(panes.meetings[meeting].agreements[position].id)"
        }
    }

    /// The detail view read again keeps its scroll position, the record chosen with Tab (by
    /// id) and a revealed CPR number.
    private static func keepDetail(_ kept: AppState, _ state: inout AppState) {
        guard case .detail(let before) = kept.screen, case .detail(let after) = state.screen,
              kept.screen.detailSubject == state.screen.detailSubject else { return }
        state.detail = kept.detail
        state.revealedCPR = kept.revealedCPR
        state.returnScreen = kept.returnScreen
        let old = records(of: before, kept)
        let chosen = kept.detailRecord.flatMap { old.indices.contains($0) ? old[$0].record.liveKey : nil }
        let new = records(of: after, state)
        state.detailRecord = chosen.flatMap { key in new.firstIndex { $0.record.liveKey == key } }
            ?? kept.detailRecord.flatMap { new.isEmpty ? nil : min($0, new.count - 1) }
    }

    /// The agenda, the results, the activities, the company register and the household, each
    /// read again in place (whether on screen or behind the view opened from it).
    private static func applyOtherScreens(_ reload: LiveReload, _ kept: AppState, _ state: inout AppState) {
        if let items = reload.agenda {
            let key = kept.agendaList.selection.flatMap { kept.agenda.indices.contains($0) ? kept.agenda[$0].liveKey : nil }
            state.agenda = items
            state.agendaList = keptList(kept.agendaList, count: items.count, on: key.flatMap { key in items.firstIndex { $0.liveKey == key } })
        }
        if let results = reload.results {
            let story = kept.results.storyList.selection.flatMap {
                kept.results.stories.indices.contains($0) ? kept.results.stories[$0].story.id : nil
            }
            state.results.stories = results.stories.items
            state.results.storiesNext = results.stories.next
            state.results.companies = results.companies
            state.results.storyList = keptList(kept.results.storyList, count: results.stories.items.count,
                                               on: story.flatMap { id in results.stories.items.firstIndex { $0.story.id == id } })
        }
        if let page = reload.activities {
            let id = kept.activities.list.selection.flatMap { kept.activities.items.indices.contains($0) ? kept.activities.items[$0].id : nil }
            state.activities.items = page.items
            state.activities.next = page.next
            state.activities.list = keptList(kept.activities.list, count: page.items.count,
                                             on: id.flatMap { id in page.items.firstIndex { $0.id == id } })
        }
        if let detail = reload.activity {
            let before = kept.activities.detail
            let citizen = kept.activities.participantList.selection.flatMap { before?.participants.indices.contains($0) == true ? before?.participants[$0].citizen : nil }
            state.activities.detail = detail
            state.activities.participantList = keptList(kept.activities.participantList, count: detail.participants.count,
                                                        on: citizen.flatMap { id in detail.participants.firstIndex { $0.citizen == id } })
        }
        if let page = reload.companies {
            let id = kept.companies.selectedCompany?.id
            state.companies.rows = page.items
            state.companies.next = page.next
            state.companies.list = keptList(kept.companies.list, count: page.items.count,
                                            on: id.flatMap { id in page.items.firstIndex { $0.company.id == id } })
        }
        if let company = reload.company {
            let id = kept.companies.selectedPlacement?.id
            state.companies.company = company
            state.companies.placementList = keptList(kept.companies.placementList, count: company.placements.count,
                                                     on: id.flatMap { id in company.placements.firstIndex { $0.placement.id == id } })
        }
        if let conflicts = reload.syncConflicts {
            state.syncConflicts = kept.syncConflicts
            state.syncConflicts.show(conflicts, keepingSelection: true)
        }
        if let overview = reload.household {
            let id = kept.household.selectedMember?.citizen.id
            state.household.overview = overview
            state.household.list = keptList(kept.household.list, count: overview.members.count,
                                            on: id.flatMap { id in overview.members.firstIndex { $0.citizen.id == id } })
        }
    }

    /// The view on screen lost its record (or its citizen): back to where it was opened from,
    /// with the notice on the message line.
    private static func closeGoneView(_ notice: String, _ state: inout AppState) {
        switch state.screen {
        case .detail, .household:
            state.screen = state.returnScreen
            state.returnScreen = .main
            state.detailRecord = nil
            state.revealedCPR = [:]
        case .activity:
            state.screen = .activities
            state.activities.search = nil
        case .company:
            state.screen = .companies
        case .main, .agenda, .drafts, .results, .activities, .companies, .syncConflicts:
            break
        }
        state.message = StatusMessage(text: notice, kind: .info)
    }
}

extension AgendaItem {
    /// What the line is about, to find it again in the agenda read anew.
    var liveKey: String {
        switch kind {
        case .meeting(let time): return "meeting:\(citizenID):\(time.seconds)"
        case .milestone(let milestone): return "milestone:\(milestone.id)"
        case .agreement(let agreement): return "agreement:\(agreement.id)"
        case .missedFollowUp: return "missed:\(citizenID)"
        case .noNextMeeting: return "none:\(citizenID)"
        case .companion(let meeting): return "companion:\(meeting.id)"
        }
    }
}

extension DetailRecord {
    /// Which record this is, to find it again in the view read anew.
    var liveKey: String {
        switch self {
        case .team(let member, _): return "team:\(member.id)"
        case .consent(let consent, _): return "consent:\(consent.id)"
        case .resource(let resource, _): return "resource:\(resource.id)"
        case .vision(let vision): return "vision:\(vision.id)"
        case .plan(let plan): return "plan:\(plan.id)"
        case .assessment(let assessment): return "assessment:\(assessment.id)"
        case .outcome(let outcome): return "outcome:\(outcome.id)"
        case .placement(let placement, _): return "placement:\(placement.id)"
        case .story(let story): return "story:\(story.id)"
        case .progress(let note, _): return "progress:\(note.id)"
        }
    }
}
