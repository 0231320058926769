import TrinvisCore

/// The milestone form: a milestone of a plan, new or changed. A deadline after the plan's end
/// is asked about once.
struct MilestoneForm: FormKind {
    let plan: PlanID
    let citizen: CitizenID
    let milestone: Milestone?

    static let draftPrefix = "milestone"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else {
            guard let plan = try draftKey.owner(prefix: "p").flatMap({ try workspace.fetch(Plan.self, id: PlanID($0)) }) else { return nil }
            return .milestone(plan: plan.id, citizen: plan.citizenID, nil)
        }
        guard let milestone = try draftKey.recordID.flatMap({ try workspace.fetch(Milestone.self, id: MilestoneID($0)) }),
              let plan = try workspace.fetch(Plan.self, id: milestone.planID) else { return nil }
        return .milestone(plan: plan.id, citizen: plan.citizenID, milestone)
    }

    var draftKey: String { milestone.map { "milestone:\($0.id)" } ?? "milestone:new:p\(plan)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { milestone?.audit }
    var pane: Pane { .milestones }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let name = try app.citizenName(citizen)
        let title = milestone == nil ? say(.formNewMilestone(name)) : say(.formEditMilestone(name))
        return FormState(purpose: .milestone(plan: plan, citizen: citizen, milestone), title: title, fields: [
            field("title", .labelTitle, .line, milestone?.title ?? "", required: true),
            field("deadline", .labelDue, .date, field.date(milestone?.deadline ?? app.workspace.today.adding(days: 14)), required: true),
            field("stepping_stone", .labelSteppingStone, .toggle, milestone?.steppingStone == true ? "1" : "0"),
            field("status", .labelStatus, .choice, milestone?.status.rawValue ?? "planned",
                  options: field.options(MilestoneStatus.self) { .milestoneStatus($0) }),
            field("achieved_on", .labelAchievedOn, .date, field.date(milestone?.achievedOn), sense: .past),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let say = reader.say
        let existing = milestone
        let title = reader.required("title")
        let deadline = reader.date("deadline", required: true)
        let achieved = reader.date("achieved_on")
        var milestone = existing ?? Milestone(planID: plan, title: title, deadline: deadline ?? reader.today)
        milestone.title = title
        milestone.deadline = deadline ?? milestone.deadline
        milestone.steppingStone = reader.text("stepping_stone") == "1"
        milestone.status = reader.enumeration("status", MilestoneStatus.self) ?? .planned
        milestone.achievedOn = milestone.status == .achieved ? (achieved ?? reader.today) : nil
        try reader.check(milestone)
        // A deadline after the plan's end is asked about once (a new or a moved deadline).
        if let deadline, deadline != existing?.deadline, let end = try app.workspace.fetch(Plan.self, id: plan)?.end, end < deadline {
            reader.warn(["late", draftKey, deadline.iso, end.iso].joined(separator: "\u{1F}"),
                        field: "deadline", say(.warningAfterPlanEnd(end: say.date(end))))
        }
        guard reader.errors.isEmpty else { return reader.rejected }
        if existing == nil { try app.workspace.create(milestone) } else { try app.workspace.update(milestone) }
        return .saved(citizen)
    }
}
