import TrinvisCore

/// The placement form: a citizen's internship or job at a company, its period and result.
struct PlacementForm: FormKind {
    let citizen: CitizenID

    static let draftPrefix = "placement"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizen(in: workspace).map { .placement($0) }
    }

    var draftKey: String { "placement:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let companies = try app.workspace.all(Organisation.self).filter { $0.kind == .company }
        return FormState(purpose: .placement(citizen), title: say(.formPlacement(try app.citizenName(citizen))), fields: [
            field("company", .labelCompany, .choice, companies.first.map { "o\($0.id)" } ?? "",
                  required: true, options: companies.map { FormOption("o\($0.id)", $0.name) }),
            field("kind", .labelKind, .choice, "internship", options: field.options(PlacementKind.self) { .placementKind($0) }),
            field("from", .labelFrom, .date, field.date(app.workspace.today), required: true, sense: .nearest),
            field("to", .labelTo, .date),
            field("result", .labelResult, .choice, "ongoing", options: field.options(PlacementResult.self) { .placementResult($0) }),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let from = reader.date("from", required: true)
        let to = reader.date("to")
        let company: OrganisationID? = reader.id("company", prefix: "o")
        if company == nil { reader.errors["company"] = reader.say(.errorRequired) }
        guard let kind = reader.enumeration("kind", PlacementKind.self) else { return reader.rejected }
        let result = reader.enumeration("result", PlacementResult.self) ?? .ongoing
        let placement = company.map {
            Placement(citizenID: citizen, companyID: $0, kind: kind, from: from ?? reader.today, to: to, result: result)
        }
        if let placement { try reader.check(placement) }
        guard reader.errors.isEmpty, let placement else { return reader.rejected }
        try app.workspace.create(placement)
        return .saved(citizen)
    }
}
