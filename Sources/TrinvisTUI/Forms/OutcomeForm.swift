import TrinvisCore

/// The outcome form: a result the citizen reached (own housing, work, education…).
struct OutcomeForm: FormKind {
    let citizen: CitizenID

    static let draftPrefix = "outcome"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizen(in: workspace).map { .outcome($0) }
    }

    var draftKey: String { "outcome:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .outcome(citizen), title: say(.formOutcome(try app.citizenName(citizen))), fields: [
            field("date", .labelDate, .date, field.date(app.workspace.today), required: true, sense: .past),
            field("kind", .labelKind, .choice, "own-housing", options: field.options(OutcomeKind.self) { .outcomeKind($0) }),
            field("note", .labelNote, .text),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        guard let kind = reader.enumeration("kind", OutcomeKind.self) else { return reader.rejected }
        let outcome = Outcome(citizenID: citizen, date: day ?? reader.today, kind: kind, note: reader.text("note"))
        try reader.check(outcome)
        guard reader.errors.isEmpty else { return reader.rejected }
        try app.workspace.create(outcome)
        return .saved(citizen)
    }
}
