import TrinvisCore

/// The vision form: what the citizen wants for family, work, housing and the rest.
struct VisionForm: FormKind {
    let citizen: CitizenID
    let vision: Vision?

    static let draftPrefix = "vision"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard let citizen = try draftKey.citizen(in: workspace) else { return nil }
        return .vision(citizen, try workspace.all(Vision.self, parent: citizen.sqlValue).first)
    }

    var draftKey: String { "vision:c\(citizen)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { vision?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .vision(citizen, vision), title: say(.formVision(try app.citizenName(citizen))), fields: [
            field("family", .fieldVisionFamily, .text, vision?.family ?? ""),
            field("work", .fieldVisionWork, .text, vision?.work ?? ""),
            field("housing", .fieldVisionHousing, .text, vision?.housing ?? ""),
            field("other", .fieldVisionOther, .text, vision?.other ?? ""),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        var vision = self.vision ?? Vision(citizenID: citizen)
        vision.family = reader.text("family")
        vision.work = reader.text("work")
        vision.housing = reader.text("housing")
        vision.other = reader.text("other")
        try reader.check(vision)
        guard reader.errors.isEmpty else { return reader.rejected }
        if self.vision == nil { try app.workspace.create(vision) } else { try app.workspace.update(vision) }
        return .saved(citizen)
    }
}
