import TrinvisCore

/// Runs the interface against a workspace: feeds events to `AppUpdate`, performs the effects
/// it asks for (reads through `Workspace`) and feeds their results back in.
package final class AppRuntime {
    /// The current state.
    package private(set) var state: AppState
    /// Where the records come from.
    package let workspace: Workspace

    /// A runtime on a workspace, with the first page of citizens loaded.
    package init(workspace: Workspace, language: Language, size: Size = Size(width: 80, height: 24), mouse: Bool = false,
                 glyphs: Glyphs = .unicode) {
        self.workspace = workspace
        state = AppState(language: language, today: workspace.today, username: workspace.actor.username,
                         isProfessional: workspace.actor.professionalID != nil)
        state.mouse = mouse
        state.glyphs = glyphs
        state.size = size
        _ = send(.resize(size))
        _ = send(.citizensLoaded(Page(items: [], next: nil), append: false))
        perform([.loadCitizens(after: nil)])
    }

    /// Handles an event and everything it leads to. Returns true when the interface should close.
    @discardableResult
    package func send(_ event: AppEvent) -> Bool {
        if case .tick = event { state.today = workspace.today }
        let effects = AppUpdate.update(&state, event)
        return perform(effects)
    }

    /// Handles a key press (a convenience for tests).
    @discardableResult
    package func press(_ keys: Key...) -> Bool {
        var quit = false
        for key in keys { quit = send(.key(key)) || quit }
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
    private func perform(_ effects: [Effect]) -> Bool {
        var queue = effects
        var quit = false
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if effect == .quit {
                quit = true
                continue
            }
            guard let event = run(effect) else { continue }
            queue += AppUpdate.update(&state, event)
        }
        return quit
    }

    /// Performs one effect and returns the event that carries its result.
    private func run(_ effect: Effect) -> AppEvent? {
        let size = AppUpdate.pageSize
        do {
            switch effect {
            case .quit:
                return nil
            case .loadCitizens(let after):
                return .citizensLoaded(try workspace.citizenSummaries(page: PageRequest(limit: size, after: after)),
                                       append: after != nil)
            case .search(let query):
                return .searchLoaded(query: query, hits: try workspace.search(query, limit: size))
            case .selectCitizen(let id):
                let summary = try workspace.citizenSummary(id)
                let plan = try workspace.currentPlan(of: id)
                let milestones = try plan.map { try workspace.list(Milestone.self, parent: $0.id.sqlValue, page: .first(size)) }
                    ?? Page(items: [], next: nil)
                let meetings = try workspace.meetingHistory(of: id, page: .first(size))
                return .citizenLoaded(summary, plan, milestones, meetings)
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
                return .detailLoaded(.milestone(milestone, notes: notes, authors: authors))
            case .openMeeting(let item):
                return .detailLoaded(.meeting(item, names: try names(for: item)))
            case .openMeetingID(let id):
                let meeting = try workspace.get(Meeting.self, id: id)
                let item = MeetingWithAgreements(meeting: meeting, agreements: try workspace.all(Agreement.self, parent: id.sqlValue))
                return .detailLoaded(.meeting(item, names: try names(for: item)))
            case .loadAgenda:
                return .agendaLoaded(try workspace.agenda())
            case .loadReport:
                let report = try workspace.resultsReport()
                return .detailLoaded(.report(report.text(labels: ReportLabels.forLanguage(state.language.rawValue))))
            }
        } catch let error as StoreError {
            return .failed(state.say(.store(error)))
        } catch let error as DatabaseError {
            return .failed(state.say(.database(error)))
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func names(for item: MeetingWithAgreements) throws -> [ProfessionalID: String] {
        var ids = item.meeting.attendees
        if let author = item.meeting.authorID { ids.append(author) }
        for agreement in item.agreements {
            if case .professional(let id) = agreement.responsible { ids.append(id) }
        }
        return try workspace.professionals(ids).mapValues(\.name)
    }
}
