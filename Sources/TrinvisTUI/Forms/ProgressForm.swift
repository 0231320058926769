import TrinvisCore

/// The progress form: a note of how a milestone is going, new or changed.
struct ProgressForm: FormKind {
    let milestone: Milestone
    let citizen: CitizenID
    let note: ProgressNote?

    static let draftPrefix = "progress"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        let note = try draftKey.recordID.flatMap { try workspace.fetch(ProgressNote.self, id: ProgressNoteID($0)) }
        guard draftKey.record == "new" || note != nil,
              let milestone = try draftKey.owner(prefix: "m").flatMap({ try workspace.fetch(Milestone.self, id: MilestoneID($0)) }),
              let plan = try workspace.fetch(Plan.self, id: milestone.planID) else { return nil }
        return .progress(milestone, citizen: plan.citizenID, note)
    }

    var draftKey: String { "progress:" + (note.map { "\($0.id)" } ?? "new") + ":m\(milestone.id)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { note?.audit }
    var pane: Pane { .milestones }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .progress(milestone, citizen: citizen, note), title: say(.formProgress(milestone.title)), fields: [
            field("date", .labelDate, .date, field.date(note?.date ?? app.workspace.today), required: true, sense: .past),
            field("note", .labelNote, .text, note?.note ?? "", required: true),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        let note = reader.required("note")
        var progress = self.note ?? ProgressNote(milestoneID: milestone.id, date: day ?? reader.today, note: note,
                                                 authorID: app.workspace.actor.professionalID)
        progress.date = day ?? progress.date
        progress.note = note
        try reader.check(progress)
        guard reader.errors.isEmpty else { return reader.rejected }
        if self.note == nil { try app.workspace.create(progress) } else { try app.workspace.update(progress) }
        return .saved(citizen)
    }
}
