import TrinvisCore

/// The plan form: a citizen's plan, new or changed (its goal, purpose, effort and period).
struct PlanForm: FormKind {
    let citizen: CitizenID
    let plan: Plan?

    static let draftPrefix = "plan"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else { return draftKey.owner(prefix: "c").map { .plan(citizen: CitizenID($0), nil) } }
        return try draftKey.recordID.flatMap { try workspace.fetch(Plan.self, id: PlanID($0)) }.map { .plan(citizen: $0.citizenID, $0) }
    }

    var draftKey: String { plan.map { "plan:\($0.id)" } ?? "plan:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { plan?.audit }
    var pane: Pane { .milestones }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let start = plan?.start ?? app.workspace.today
        let name = try app.citizenName(citizen)
        return FormState(purpose: .plan(citizen: citizen, plan), title: plan == nil ? say(.formNewPlan(name)) : say(.formEditPlan(name)), fields: [
            field("goal", .labelGoal, .line, plan?.goal ?? "", required: true),
            field("purpose", .labelPurpose, .text, plan?.purpose ?? ""),
            field("effort", .labelEffort, .text, plan?.effort ?? ""),
            field("start", .labelStart, .date, field.date(start), required: true, sense: .nearest),
            field("end", .labelEnd, .date, field.date(plan.map(\.end) ?? start.adding(months: 6))),
            field("status", .labelStatus, .choice, plan?.status.rawValue ?? "active", options: field.options(PlanStatus.self) { .planStatus($0) }),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let goal = reader.required("goal")
        let start = reader.date("start", required: true)
        let end = reader.date("end")
        var plan = self.plan ?? Plan(citizenID: citizen, goal: goal, start: start ?? reader.today)
        plan.goal = goal
        plan.purpose = reader.text("purpose")
        plan.effort = reader.text("effort")
        plan.start = start ?? plan.start
        plan.end = end
        plan.status = reader.enumeration("status", PlanStatus.self) ?? .active
        try reader.check(plan)
        guard reader.errors.isEmpty else { return reader.rejected }
        if self.plan == nil { try app.workspace.create(plan) } else { try app.workspace.update(plan) }
        return .saved(citizen)
    }
}
