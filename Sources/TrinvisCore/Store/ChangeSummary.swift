/// What a saved change did, for the message line of an undo ("deleted the meeting of
/// 12.11.2026 and its 2 agreements"): read from the rows the change touched, so that every way
/// of saving is described without telling.
package struct ChangeSummary: Sendable, Equatable {
    /// What was done to the record.
    package enum Action: Sendable, Equatable {
        case added, changed, deleted
        /// An agreement marked done, or open again.
        case markedDone, markedOpen
        /// A milestone marked achieved, or not achieved again.
        case achieved, reopened
        /// A citizen's course ended (archived), or the citizen brought back into the list.
        case archived, unarchived
    }

    /// The record, as the message names it.
    package enum Subject: Sendable, Equatable {
        case citizen(name: String)
        case plan(goal: String)
        case milestone(title: String)
        case progressNote(date: LocalDate)
        case meeting(date: LocalDate)
        case agreement(text: String)
        case teamMember, consent, resources, vision
        /// The teams of several citizens at once (a handover).
        case teams(citizens: Int)
        case assessment(date: LocalDate)
        case outcome(date: LocalDate)
        case placement
        case story(title: String)
        case household(name: String)
        case activity(title: String)
        case organisation(name: String)
        case professional(name: String)
        /// Rows that belong to no record the message can name.
        case records
    }

    /// The records that went with it, by kind: the agreements of a meeting, the progress notes
    /// of a milestone, the milestones of a plan.
    package enum PartKind: Sendable, Equatable {
        case agreements, progressNotes, milestones
    }

    package var action: Action
    package var subject: Subject
    /// The kind of the records that went with the record (added or deleted with it), if any.
    package var parts: PartKind?
    /// How many went with it.
    package var partCount: Int

    package init(action: Action, subject: Subject, parts: PartKind? = nil, partCount: Int = 0) {
        self.action = action
        self.subject = subject
        self.parts = partCount > 0 ? parts : nil
        self.partCount = parts == nil ? 0 : partCount
    }

    /// The tables whose record names a change, in the order one is chosen: the citizen over
    /// their plan, a meeting over its agreements.
    private static let principalTables = [
        "citizen", "plan", "milestone", "meeting", "agreement", "progress_note", "team_member", "consent", "resource",
        "vision", "assessment", "outcome", "placement", "story", "household", "activity", "organisation", "professional",
    ]

    /// The records that go with a record, by its table: their table, the column naming it, their kind.
    private static let partTables: [String: (table: String, column: String, kind: PartKind)] = [
        "meeting": ("agreement", "meeting_id", .agreements),
        "milestone": ("progress_note", "milestone_id", .progressNotes),
        "plan": ("milestone", "plan_id", .milestones),
    ]

    /// Describes `changes`, reading the record it names where the change did not record it
    /// (an update records only what it changed). Runs while the changed rows are as it left them.
    init(describing changes: Changeset, in database: Database) throws {
        guard let principal = Self.principalTables.lazy.compactMap({ table in changes.changes.first { $0.table == table } }).first
        else {
            self.init(action: .changed, subject: .records)
            return
        }
        let columns = try database.columnNames(of: principal.table)
        if principal.table == "team_member" {
            // A handover changes the teams of several citizens in one step.
            let citizens = Set(try changes.changes.filter { $0.table == "team_member" }.compactMap { change in
                try database.knownValues(of: change, columns: columns)["citizen_id"]
            })
            if citizens.count > 1 {
                self.init(action: .changed, subject: .teams(citizens: citizens.count))
                return
            }
        }
        let row = try database.knownValues(of: principal, columns: columns)
        func changed(_ column: String) -> (before: SQLValue, after: SQLValue)? {
            guard let index = columns.firstIndex(of: column), let before = principal.before?[index],
                  let after = principal.after?[index] else { return nil }
            return before == after ? nil : (before, after)
        }
        let action: Action
        switch (principal.before, principal.after) {
        case (nil, _): action = .added
        case (_, nil): action = .deleted
        default:
            if let archive = changed("archived_on"), principal.table == "citizen" {
                action = archive.before == .null ? .archived : .unarchived
            } else if let done = changed("done_on"), principal.table == "agreement" {
                action = done.before == .null ? .markedDone : .markedOpen
            } else if let status = changed("status"), principal.table == "milestone",
                      status.after == .text("achieved") || status.before == .text("achieved") {
                action = status.after == .text("achieved") ? .achieved : .reopened
            } else {
                action = .changed
            }
        }
        var parts: PartKind?
        var count = 0
        if action == .added || action == .deleted, let part = Self.partTables[principal.table] {
            let partColumns = try database.columnNames(of: part.table)
            count = changes.changes.filter { change in
                change.table == part.table && (change.before == nil) == (action == .added) && (change.after == nil) == (action == .deleted)
                    && change.values(columns: partColumns)[part.column] == principal.key.first
            }.count
            parts = part.kind
        }
        self.init(action: action, subject: Self.subject(principal.table, row), parts: parts, partCount: count)
    }

    private static func subject(_ table: String, _ row: [String: SQLValue]) -> Subject {
        func text(_ column: String) -> String { String(sqlValue: row[column] ?? .null) ?? "" }
        func date(_ column: String) -> LocalDate? { LocalDate(sqlValue: row[column] ?? .null) }
        switch table {
        case "citizen": return .citizen(name: text("name"))
        case "plan": return .plan(goal: text("goal"))
        case "milestone": return .milestone(title: text("title"))
        case "meeting":
            guard let seconds = Int64(sqlValue: row["at_utc"] ?? .null) else { return .records }
            let offset = Int(sqlValue: row["at_offset"] ?? .null) ?? 0
            return .meeting(date: Timestamp(seconds: seconds, offsetMinutes: offset).localDate)
        case "agreement": return .agreement(text: text("text"))
        case "progress_note": return date("date").map { .progressNote(date: $0) } ?? .records
        case "team_member": return .teamMember
        case "consent": return .consent
        case "resource": return .resources
        case "vision": return .vision
        case "assessment": return date("date").map { .assessment(date: $0) } ?? .records
        case "outcome": return date("date").map { .outcome(date: $0) } ?? .records
        case "placement": return .placement
        case "story": return .story(title: text("title"))
        case "household": return .household(name: text("name"))
        case "activity": return .activity(title: text("title"))
        case "organisation": return .organisation(name: text("name"))
        case "professional": return .professional(name: text("name"))
        default: return .records
        }
    }
}
