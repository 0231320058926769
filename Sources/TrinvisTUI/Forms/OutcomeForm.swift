import TrinvisCore

/// The outcome form: a result the citizen reached (own housing, work, education…), new or changed.
struct OutcomeForm: FormKind {
    let citizen: CitizenID
    let outcome: Outcome?

    static let draftPrefix = "outcome"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizenRecord(Outcome.self, in: workspace) { .outcome($0, $1) }
    }

    var draftKey: String { DraftKey.citizenRecord(Self.draftPrefix, outcome, citizen: citizen) }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { outcome?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .outcome(citizen, outcome), title: say(.formOutcome(try app.citizenName(citizen))), fields: [
            field("date", .labelDate, .date, field.date(outcome?.date ?? app.workspace.today), required: true, sense: .past),
            field("kind", .labelKind, .choice, outcome?.kind.rawValue ?? "own-housing",
                  options: field.options(OutcomeKind.self) { .outcomeKind($0) }),
            field("note", .labelNote, .text, outcome?.note ?? ""),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        guard let kind = reader.enumeration("kind", OutcomeKind.self) else { return reader.rejected }
        var outcome = self.outcome ?? Outcome(citizenID: citizen, date: day ?? reader.today, kind: kind)
        outcome.date = day ?? outcome.date
        outcome.kind = kind
        outcome.note = reader.text("note")
        try reader.check(outcome)
        guard reader.errors.isEmpty else { return reader.rejected }
        if self.outcome == nil { try app.workspace.create(outcome) } else { try app.workspace.update(outcome) }
        return .saved(citizen)
    }
}
