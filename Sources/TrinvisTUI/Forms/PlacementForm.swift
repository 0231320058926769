import TrinvisCore

/// The placement form: a citizen's internship or job at a company, its period and result, new or changed.
struct PlacementForm: FormKind {
    let citizen: CitizenID
    let placement: Placement?

    static let draftPrefix = "placement"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizenRecord(Placement.self, in: workspace) { .placement($0, $1) }
    }

    var draftKey: String { DraftKey.citizenRecord(Self.draftPrefix, placement, citizen: citizen) }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { placement?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let companies = try app.workspace.all(Organisation.self).filter { $0.kind == .company }
        return FormState(purpose: .placement(citizen, placement), title: say(.formPlacement(try app.citizenName(citizen))), fields: [
            field("company", .labelCompany, .choice, (placement?.companyID).map { "o\($0)" } ?? companies.first.map { "o\($0.id)" } ?? "",
                  required: true, options: companies.map { FormOption("o\($0.id)", $0.name) }),
            field("kind", .labelKind, .choice, placement?.kind.rawValue ?? "internship",
                  options: field.options(PlacementKind.self) { .placementKind($0) }),
            field("from", .labelFrom, .date, field.date(placement?.from ?? app.workspace.today), required: true, sense: .nearest),
            field("to", .labelTo, .date, field.date(placement?.to)),
            field("result", .labelResult, .choice, placement?.result.rawValue ?? "ongoing",
                  options: field.options(PlacementResult.self) { .placementResult($0) }),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let from = reader.date("from", required: true)
        let to = reader.date("to")
        let company: OrganisationID? = reader.id("company", prefix: "o")
        if company == nil { reader.errors["company"] = reader.say(.errorRequired) }
        guard let kind = reader.enumeration("kind", PlacementKind.self) else { return reader.rejected }
        let result = reader.enumeration("result", PlacementResult.self) ?? .ongoing
        let placement = company.map { company -> Placement in
            var placement = self.placement ?? Placement(citizenID: citizen, companyID: company, kind: kind, from: from ?? reader.today)
            placement.companyID = company
            placement.kind = kind
            placement.from = from ?? placement.from
            placement.to = to
            placement.result = result
            return placement
        }
        if let placement { try reader.check(placement) }
        guard reader.errors.isEmpty, let placement else { return reader.rejected }
        if self.placement == nil { try app.workspace.create(placement) } else { try app.workspace.update(placement) }
        return .saved(citizen)
    }
}
