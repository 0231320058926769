import TrinvisCore

/// The three panes of the main screen.
package enum Pane: Int, Sendable, CaseIterable, Hashable {
    case citizens = 0
    case milestones = 1
    case meetings = 2

    /// The pane after this one (Tab).
    var next: Pane { Pane(rawValue: (rawValue + 1) % 3) ?? .citizens }
    /// The pane before this one (Shift-Tab).
    var previous: Pane { Pane(rawValue: (rawValue + 2) % 3) ?? .citizens }
}

/// What fills the screen.
package enum Screen: Sendable, Equatable {
    /// The three panes.
    case main
    /// A scrollable detail view of a citizen, milestone, meeting or the report.
    case detail(Detail)
    /// The current user's coming meetings and overdue items.
    case agenda
    /// Unsaved forms from an earlier session, offered for restoring.
    case drafts
    /// Results: the report, the change stories and the partner companies.
    case results
    /// A household: every member's plan, milestones and next meeting.
    case household
    /// The organisation's group activities, newest date first.
    case activities
    /// One activity with its participants (`ActivitiesState.detail`).
    case activity
    /// The company register.
    case companies
    /// One company with its placements past and present.
    case company
    /// The open sync conflicts, both versions of the selected one side by side (`K`).
    case syncConflicts
}

/// The content of a detail view.
package enum Detail: Sendable, Equatable {
    case citizen(CitizenProfile)
    case milestone(Milestone, notes: [ProgressNote], authors: [ProfessionalID: String], moves: [DeadlineMove])
    case meeting(MeetingWithAgreements, names: [ProfessionalID: String])
    case story(StoryItem)
}

/// A yes/no question and what a yes does.
package struct Confirmation: Sendable, Equatable {
    package var question: String
    package var onYes: Effect
}

/// The tabs of the results screen.
package enum ResultsTab: Int, Sendable, CaseIterable, Equatable {
    case report = 0, stories, companies
}

/// Which results report: a period (open ends nil) and an organisation (nil: all).
package struct ResultsQuery: Sendable, Hashable {
    package var from: LocalDate?
    package var to: LocalDate?
    package var organisation: OrganisationID?

    package init(from: LocalDate?, to: LocalDate?, organisation: OrganisationID?) {
        self.from = from
        self.to = to
        self.organisation = organisation
    }

    /// What `report` was worked out for.
    package init(of report: ResultsReport) {
        self.init(from: report.from, to: report.to, organisation: report.organisation?.id)
    }
}

/// The results screen: the report for a period and organisation, the change stories and the
/// partner companies with their placements.
///
/// The report is worked out in the background (`AppRuntime+Results`); the figures worked out
/// in this session are kept, so that asking for a report again shows the last figures at once
/// while they are brought up to date.
package struct ResultsState: Sendable, Equatable {
    /// How many reports (periods and organisations) are kept.
    static let keptLimit = 8

    package var tab: ResultsTab = .report
    package var from: LocalDate?
    package var to: LocalDate?
    /// The organisation the report is limited to (nil: all).
    package var organisation: Organisation?
    /// The organisations to choose between (not companies).
    package var organisations: [Organisation] = []
    /// The reports worked out in this session, the newest first, one per period and organisation.
    package private(set) var kept: [ResultsReport] = []
    /// The report asked for and not come yet while the screen says so ("Computing the figures…",
    /// or "Updating the figures…" over the last ones); nil when none is awaited, or when the
    /// figures on screen are worked out again quietly after another window's change.
    package var computing: ResultsQuery?
    package var stories: [StoryItem] = []
    package var storiesNext: PageCursor?
    package var storyList = ListState()
    package var companies: [CompanyPlacements] = []
    package var scroll = TextViewState()

    /// The period and organisation asked for.
    package var query: ResultsQuery {
        ResultsQuery(from: from, to: to, organisation: organisation?.id)
    }

    /// The figures on screen: the last worked out for the period and organisation asked for;
    /// nil while there are none yet.
    package var report: ResultsReport? {
        kept.first { ResultsQuery(of: $0) == query }
    }

    /// Whether the figures on screen are being brought up to date.
    package var isUpdating: Bool { computing == query && report != nil }

    /// Keeps `report` as the newest, in place of an older one for the same period and organisation.
    mutating func keep(_ report: ResultsReport) {
        let query = ResultsQuery(of: report)
        kept.removeAll { ResultsQuery(of: $0) == query }
        kept.insert(report, at: 0)
        if kept.count > Self.keptLimit { kept.removeLast(kept.count - Self.keptLimit) }
    }
}

/// The menu of things to add to a citizen.
package struct AddMenu: Sendable, Equatable {
    package var citizen: CitizenID
    package var items: [(purpose: FormPurpose, label: String)]
    package var list: ListState

    package static func == (lhs: AddMenu, rhs: AddMenu) -> Bool {
        lhs.citizen == rhs.citizen && lhs.items.map(\.label) == rhs.items.map(\.label) && lhs.list == rhs.list
    }
}

/// A short list to choose from, each entry with what choosing it does (the agreement of a
/// meeting to tick off, say).
package struct PickMenu: Sendable, Equatable {
    package var title: String
    package var items: [(label: String, effect: Effect)]
    package var list: ListState

    package init(title: String, items: [(label: String, effect: Effect)]) {
        self.title = title
        self.items = items
        list = ListState(count: items.count, selection: items.isEmpty ? nil : 0)
    }

    package static func == (lhs: PickMenu, rhs: PickMenu) -> Bool {
        lhs.title == rhs.title && lhs.items.map(\.label) == rhs.items.map(\.label) && lhs.list == rhs.list
    }
}

/// A text being typed at the bottom of the screen: a citizen search or a find in a list.
package struct Prompt: Sendable, Equatable {
    /// What the text is for.
    package enum Purpose: Sendable, Equatable {
        /// Narrow the citizen list as the text is typed.
        case search
        /// Find a row in a milestone or meeting list.
        case find(Pane)
        /// The first or last day of the report's period.
        case reportFrom, reportTo
        /// The name of a command to run (`:`).
        case command
    }

    package var purpose: Purpose
    package var field: TextFieldState
}

/// A message on the message line.
package struct StatusMessage: Sendable, Equatable {
    package enum Kind: Sendable, Equatable { case info, error }
    package var text: String
    package var kind: Kind
}

/// The citizen list: a page-wise loaded list or the results of a search.
package struct CitizenListState: Sendable, Equatable {
    /// The rows loaded so far.
    package var rows: [CitizenSummary] = []
    /// For search results: where each row matched.
    package var matches: [SearchHit.Match] = []
    /// The cursor of the next page, nil when everything is loaded (or for search results).
    package var next: PageCursor?
    /// The search whose results are shown, nil for the whole list.
    package var query: String?
    package var list = ListState()
}

/// The selected citizen's plan, milestones and meetings.
package struct CitizenPanes: Sendable, Equatable {
    package var citizenID: CitizenID?
    package var summary: CitizenSummary?
    package var plan: Plan?
    package var milestones: [Milestone] = []
    package var milestonesNext: PageCursor?
    package var milestoneList = ListState()
    package var meetings: [MeetingWithAgreements] = []
    package var meetingsNext: PageCursor?
    /// Names of the professionals the agreements name.
    package var names: [ProfessionalID: String] = [:]
    package var meetingList = ListState()
}

/// Everything the interface shows, as a value. `AppUpdate.update` changes it, `AppView` draws it.
package struct AppState: Sendable, Equatable {
    package var size = Size(width: 80, height: 24)
    package var language: Language
    package var today: LocalDate
    package var username: String
    package var isProfessional: Bool
    package var screen: Screen = .main
    /// The open form, drawn over the screen.
    package var form: FormState?
    /// A yes/no question waiting for its answer.
    package var confirmation: Confirmation?
    /// The drafts offered for restoring (the drafts screen).
    package var drafts: [FormDraft] = []
    package var draftList = ListState()
    /// A restored draft whose record changed since: the choice per field, drawn over the screen.
    package var conflict: DraftConflict?
    /// A draft was restored while others wait: the drafts screen comes back when its form closes.
    package var returnToDrafts = false
    /// The results screen.
    package var results = ResultsState()
    /// The activities screen and the activity on screen.
    package var activities = ActivitiesState()
    /// The company register and the company on screen.
    package var companies = CompaniesState()
    /// The sync conflicts screen.
    package var syncConflicts = SyncConflictsState()
    /// The "add what?" menu of a citizen view.
    package var addMenu: AddMenu?
    /// A short list to choose from (which agreement of the meeting to tick off).
    package var pickMenu: PickMenu?
    /// Where Esc leads from a detail view.
    package var returnScreen: Screen = .main
    package var focus: Pane = .citizens
    package var helpVisible = false
    package var help = TextViewState()
    package var detail = TextViewState()
    /// The record of the detail view chosen with Tab (an index into its records), to edit or delete.
    package var detailRecord: Int?
    /// Full CPR numbers revealed (`R`) in the citizen view on screen; cleared when another view opens.
    package var revealedCPR: [CitizenID: String] = [:]
    package var citizens = CitizenListState()
    /// Archived citizens (course ended) are in the list and the search results (`A`).
    package var showArchived = false
    package var panes = CitizenPanes()
    package var agenda: [AgendaItem] = []
    package var agendaList = ListState()
    package var prompt: Prompt?
    /// The last text found with `/` in each list pane, for `n` and `N`.
    package var findText: [Pane: String] = [:]
    package var message: StatusMessage?
    /// The glyphs the terminal can show (ASCII when the locale is not UTF-8).
    package var glyphs: Glyphs = .unicode
    /// Mouse clicks select rows (only when asked for with `--mouse`).
    package var mouse = false
    /// The household view.
    package var household = HouseholdState()
    /// The citizens tagged in this window's list (Space, `tag`), which handover, print and
    /// export act on; nothing tagged, they act on the selected citizen.
    package var tags = CitizenTags()

    package init(language: Language, today: LocalDate, username: String, isProfessional: Bool) {
        self.language = language
        self.today = today
        self.username = username
        self.isProfessional = isProfessional
    }

    /// The catalog of the interface language.
    package var say: Localizer { Localizer(language) }
}
