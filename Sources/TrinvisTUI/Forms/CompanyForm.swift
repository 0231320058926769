import TrinvisCore

/// The form of a company in the register: name, trade, contact person, phone, e-mail and notes.
/// Every professional may keep the register (a company decides nobody's access).
struct CompanyForm: FormKind {
    let company: Organisation?

    static let draftPrefix = "company"

    /// `company:new`, or `company:5` for company 5.
    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else { return .company(nil) }
        guard let company = try draftKey.recordID.flatMap({ try workspace.fetch(Organisation.self, id: OrganisationID($0)) }),
              company.kind == .company else { return nil }
        return .company(company)
    }

    var draftKey: String { company.map { "company:\($0.id)" } ?? "company:new" }
    var citizenID: CitizenID? { nil }
    var recordAudit: Audit? { company?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .company(company), title: company.map { say(.formEditCompany($0.name)) } ?? say(.formNewCompany),
                         fields: [
            field("name", .labelName, .line, company?.name ?? "", required: true),
            field("trade", .labelTrade, .line, company?.trade ?? ""),
            field("contact_person", .labelContactPerson, .line, company?.contactPerson ?? ""),
            field("phone", .fieldPhone, .line, company?.phone ?? ""),
            field("email", .fieldEmail, .line, company?.email ?? ""),
            field("notes", .labelNotes, .text, company?.notes ?? ""),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let name = reader.required("name")
        var changed = company ?? Organisation(name: name, kind: .company)
        changed.name = name
        changed.trade = reader.text("trade")
        changed.contactPerson = reader.text("contact_person")
        changed.phone = Self.optional(reader.text("phone"))
        changed.email = Self.optional(reader.text("email"))
        changed.notes = reader.text("notes")
        try reader.check(changed)
        guard reader.errors.isEmpty else { return reader.rejected }
        if company == nil { try app.workspace.create(changed) } else { try app.workspace.update(changed) }
        return .saved(nil)
    }

    /// A typed text, nil when blank.
    private static func optional(_ text: String) -> String? {
        text.trimmingBlanks().isEmpty ? nil : text
    }
}
