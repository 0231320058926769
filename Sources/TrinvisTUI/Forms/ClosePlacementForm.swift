import TrinvisCore

/// Closing a running placement with its result (completed, hired, stopped), its last day
/// (today, or the planned end when that has passed) and what came of it. Closed as hired, it
/// proposes the matching result for the citizen, which one Enter records.
struct ClosePlacementForm: FormKind {
    let placement: Placement

    /// The results a placement is closed with (not "ongoing").
    static let closingResults: [PlacementResult] = [.completed, .hired, .stopped]

    static let draftPrefix = "placement-close"

    /// `placement-close:12:c3` closes placement 12.
    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.recordID.flatMap { try workspace.fetch(Placement.self, id: PlacementID($0)) }.map { .closePlacement($0) }
    }

    var draftKey: String { "placement-close:\(placement.id):c\(placement.citizenID)" }
    var citizenID: CitizenID? { placement.citizenID }
    var recordAudit: Audit? { placement.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let company = try app.workspace.get(Organisation.self, id: placement.companyID).name
        let today = app.workspace.today
        let end = min(placement.to ?? today, today)
        return FormState(purpose: .closePlacement(placement),
                         title: say(.formClosePlacement(company: company, citizen: try app.citizenName(placement.citizenID))),
                         fields: [
            field("result", .labelResult, .choice, PlacementResult.completed.rawValue,
                  options: Self.closingResults.map { FormOption($0.rawValue, say(.placementResult($0))) }),
            field("to", .labelTo, .date, field.date(end), required: true, sense: .past),
            field("note", .labelWhatCameOfIt, .text, placement.note),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let end = reader.date("to", required: true)
        var closed = placement
        closed.result = reader.enumeration("result", PlacementResult.self) ?? .completed
        closed.to = end ?? reader.today
        closed.note = reader.text("note")
        try reader.check(closed)
        guard reader.errors.isEmpty else { return reader.rejected }
        app.proposedOutcome = try app.workspace.proposedOutcome(for: try app.workspace.update(closed))
        return .saved(placement.citizenID)
    }
}
