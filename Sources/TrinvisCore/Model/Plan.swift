/// An action plan: a long-term goal, its purpose and effort, and a clear end from the start.
package struct Plan: Record {
    package var id: PlanID = .unsaved
    package var citizenID: CitizenID
    /// The long-term goal, e.g. "trained landscape gardener, then a permanent job".
    package var goal: String
    package var purpose: String
    package var effort: String
    package var start: LocalDate
    /// The planned end ("the exit is at the entrance").
    package var end: LocalDate?
    package var status: PlanStatus
    package var audit: Audit = .unsaved

    package init(id: PlanID = .unsaved, citizenID: CitizenID, goal: String, purpose: String = "",
                 effort: String = "", start: LocalDate, end: LocalDate? = nil, status: PlanStatus = .active) {
        self.id = id
        self.citizenID = citizenID
        self.goal = goal
        self.purpose = purpose
        self.effort = effort
        self.start = start
        self.end = end
        self.status = status
    }

    package static let table = "plan"
    package static let category: DataCategory? = .plan
    package static let kindName = "plan"
    package static let columns = ["citizen_id", "goal", "purpose", "effort", "start_date", "end_date", "status"]
    package static let order = ["start_date", "id"]
    package static let orderDescending = true
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] {
        [citizenID.sqlValue, .text(goal), .text(purpose), .text(effort), start.sqlValue, end.sqlValue, status.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        goal = try row.get("goal")
        purpose = try row.get("purpose")
        effort = try row.get("effort")
        start = try row.get("start_date")
        end = try row.get("end_date")
        status = try row.get("status")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Plan {
        var copy = self
        copy.goal = problems.required(goal, "goal", limit: Check.textLimit)
        copy.purpose = problems.text(purpose, "purpose")
        copy.effort = problems.text(effort, "effort")
        problems.notBefore(end, "end", start, "start")
        return copy
    }
}

/// A small step towards the plan's goal, with a short deadline.
package struct Milestone: Record {
    package var id: MilestoneID = .unsaved
    package var planID: PlanID
    package var title: String
    package var deadline: LocalDate
    /// A deliberately easy step, so that success is almost certain.
    package var steppingStone: Bool
    package var status: MilestoneStatus
    package var achievedOn: LocalDate?
    package var audit: Audit = .unsaved

    package init(id: MilestoneID = .unsaved, planID: PlanID, title: String, deadline: LocalDate,
                 steppingStone: Bool = false, status: MilestoneStatus = .planned, achievedOn: LocalDate? = nil) {
        self.id = id
        self.planID = planID
        self.title = title
        self.deadline = deadline
        self.steppingStone = steppingStone
        self.status = status
        self.achievedOn = achievedOn
    }

    package static let table = "milestone"
    package static let category: DataCategory? = .plan
    package static let kindName = "milestone"
    package static let columns = ["plan_id", "title", "deadline", "stepping_stone", "status", "achieved_on"]
    package static let order = ["deadline", "id"]
    package static let parentColumn: String? = "plan_id"
    package static let citizenFromParentSQL: String? = "SELECT citizen_id FROM plan WHERE id = ?"
    package var parentValue: SQLValue { planID.sqlValue }
    package var values: [SQLValue] {
        [planID.sqlValue, .text(title), deadline.sqlValue, steppingStone.sqlValue, status.sqlValue, achievedOn.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        planID = try row.get("plan_id")
        title = try row.get("title")
        deadline = try row.get("deadline")
        steppingStone = try row.get("stepping_stone")
        status = try row.get("status")
        achievedOn = try row.get("achieved_on")
        audit = try Audit(row: row)
    }

    /// Open and past its deadline on `day`.
    package func isOverdue(on day: LocalDate) -> Bool {
        status.isOpen && deadline < day
    }

    package func validated(noting problems: inout ValidationProblems) -> Milestone {
        var copy = self
        copy.title = problems.required(title, "title", limit: Check.textLimit)
        if status == .achieved, achievedOn == nil {
            problems.add("achieved_on", .required)
        }
        if status != .achieved { copy.achievedOn = nil }
        return copy
    }

    package func checkContext(in database: Database) throws {
        guard let start: LocalDate = try database.fetchOne("SELECT start_date FROM plan WHERE id = ?",
                                                          [planID.sqlValue])?.get(0) else { return }
        try Check.notBefore(deadline, "deadline", start, "start")
    }
}

/// A dated note of progress on a milestone.
package struct ProgressNote: Record {
    package var id: ProgressNoteID = .unsaved
    package var milestoneID: MilestoneID
    package var date: LocalDate
    package var note: String
    package var authorID: ProfessionalID?
    package var audit: Audit = .unsaved

    package init(id: ProgressNoteID = .unsaved, milestoneID: MilestoneID, date: LocalDate, note: String,
                 authorID: ProfessionalID? = nil) {
        self.id = id
        self.milestoneID = milestoneID
        self.date = date
        self.note = note
        self.authorID = authorID
    }

    package static let table = "progress_note"
    package static let category: DataCategory? = .plan
    package static let kindName = "progress note"
    package static let columns = ["milestone_id", "date", "note", "author_id"]
    package static let order = ["date", "id"]
    package static let parentColumn: String? = "milestone_id"
    package static let citizenFromParentSQL: String? =
        "SELECT p.citizen_id FROM milestone m JOIN plan p ON p.id = m.plan_id WHERE m.id = ?"
    package var parentValue: SQLValue { milestoneID.sqlValue }
    package var values: [SQLValue] { [milestoneID.sqlValue, date.sqlValue, .text(note), authorID.sqlValue] }

    package init(row: Row) throws {
        id = try row.get("id")
        milestoneID = try row.get("milestone_id")
        date = try row.get("date")
        note = try row.get("note")
        authorID = try row.get("author_id")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> ProgressNote {
        var copy = self
        copy.note = problems.text(note, "note")
        if copy.note.trimmingBlanks().isEmpty { problems.add("note", .required) }
        return copy
    }
}
