import TrinvisCore

/// The progress form: a note of how a milestone is going.
struct ProgressForm: FormKind {
    let milestone: Milestone
    let citizen: CitizenID

    static let draftPrefix = "progress"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record == "new",
              let milestone = try draftKey.owner(prefix: "m").flatMap({ try workspace.fetch(Milestone.self, id: MilestoneID($0)) }),
              let plan = try workspace.fetch(Plan.self, id: milestone.planID) else { return nil }
        return .progress(milestone, citizen: plan.citizenID)
    }

    var draftKey: String { "progress:new:m\(milestone.id)" }
    var citizenID: CitizenID? { citizen }
    var pane: Pane { .milestones }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .progress(milestone, citizen: citizen), title: say(.formProgress(milestone.title)), fields: [
            field("date", .labelDate, .date, field.date(app.workspace.today), required: true, sense: .past),
            field("note", .labelNote, .text, "", required: true),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        let note = reader.required("note")
        let progress = ProgressNote(milestoneID: milestone.id, date: day ?? reader.today, note: note,
                                    authorID: app.workspace.actor.professionalID)
        try reader.check(progress)
        guard reader.errors.isEmpty else { return reader.rejected }
        try app.workspace.create(progress)
        return .saved(citizen)
    }
}
