import TrinvisCore

/// A refusal to open a form, with the sentence that says why (no company to choose, say).
struct FormRefusal: Error, CustomStringConvertible {
    let description: String
}

/// The placement form: a citizen's internship, wage-subsidy job or mentor scheme at a company,
/// new (at a chosen company when opened from its view) or saved, with its period, result and
/// what came of it. Saved as hired, it proposes the matching result for the citizen (see
/// `AppRuntime.proposalAfterSave`).
struct PlacementForm: FormKind {
    let citizen: CitizenID
    let placement: Placement?
    /// The company a new placement starts at (opened from the company's view).
    let company: OrganisationID?

    static let draftPrefix = "placement"

    /// `placement:new:c3`, `placement:new:o5:c3` (at company 5), `placement:12:c3` (placement 12).
    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else {
            let company = draftKey.parts.count == 4 ? DraftKey.number(draftKey.parts[2], prefix: "o").map(OrganisationID.init) : nil
            return try draftKey.citizen(in: workspace).map { .placement($0, company: company) }
        }
        return try draftKey.recordID.flatMap { try workspace.fetch(Placement.self, id: PlacementID($0)) }
            .map { .placement($0.citizenID, $0) }
    }

    var draftKey: String {
        placement.map { "placement:\($0.id):c\(citizen)" } ?? "placement:new:" + (company.map { "o\($0):" } ?? "") + "c\(citizen)"
    }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { placement?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let companies = try app.workspace.allCompanies()
        guard !companies.isEmpty else { throw FormRefusal(description: say(.noCompanyForPlacement)) }
        let chosen = placement?.companyID ?? company ?? companies[0].id
        let name = try app.citizenName(citizen)
        return FormState(purpose: .placement(citizen, placement, company: company),
                         title: placement == nil ? say(.formPlacement(name)) : say(.formEditPlacement(name)), fields: [
            field("company", .labelCompany, .choice, "o\(chosen)", required: true,
                  options: companies.map { FormOption("o\($0.id)", $0.name) }),
            field("kind", .labelKind, .choice, placement?.kind.rawValue ?? "internship",
                  options: field.options(PlacementKind.self) { .placementKind($0) }),
            field("from", .labelFrom, .date, field.date(placement?.from ?? app.workspace.today), required: true, sense: .nearest),
            field("to", .labelTo, .date, field.date(placement?.to)),
            field("result", .labelResult, .choice, placement?.result.rawValue ?? "ongoing",
                  options: field.options(PlacementResult.self) { .placementResult($0) }),
            field("note", .labelWhatCameOfIt, .text, placement?.note ?? ""),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let from = reader.date("from", required: true)
        let to = reader.date("to")
        let company: OrganisationID? = reader.id("company", prefix: "o")
        if company == nil { reader.errors["company"] = reader.say(.errorRequired) }
        guard let kind = reader.enumeration("kind", PlacementKind.self) else { return reader.rejected }
        let changed = company.map { company -> Placement in
            var changed = placement ?? Placement(citizenID: citizen, companyID: company, kind: kind, from: from ?? reader.today)
            changed.companyID = company
            changed.kind = kind
            changed.from = from ?? changed.from
            changed.to = to
            changed.result = reader.enumeration("result", PlacementResult.self) ?? .ongoing
            changed.note = reader.text("note")
            return changed
        }
        if let changed { try reader.check(changed) }
        guard reader.errors.isEmpty, let changed else { return reader.rejected }
        let saved = placement == nil ? try app.workspace.create(changed) : try app.workspace.update(changed)
        // Hired now (and not before): the matching result is proposed.
        if placement?.result != .hired { app.proposedOutcome = try app.workspace.proposedOutcome(for: saved) }
        return .saved(citizen)
    }
}
