import TrinvisCore

/// The consent form: a consent the citizen gave, new or changed (withdrawn, say). A consent to
/// share names, one yes/no per category, what the recipient may see.
struct ConsentForm: FormKind {
    let citizen: CitizenID
    let consent: Consent?

    static let draftPrefix = "consent"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard let citizen = try draftKey.citizen(in: workspace) else { return nil }
        guard draftKey.record != "new" else { return .consent(citizen, nil) }
        return try draftKey.recordID.flatMap { try workspace.fetch(Consent.self, id: ConsentID($0)) }.map { .consent(citizen, $0) }
    }

    /// The id of a category's yes/no field (`category:contact`).
    static func categoryID(_ category: DataCategory) -> String { "category:" + category.rawValue }

    var draftKey: String { consent.map { "consent:\($0.id):c\(citizen)" } ?? "consent:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { consent?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let today = app.workspace.today
        let organisations = try app.workspace.all(Organisation.self)
        // What a consent to share lets the recipient see, one yes/no per category (a new
        // consent starts with none chosen: the citizen decides each).
        let categories = DataCategory.allCases.map { category in
            field(Self.categoryID(category), .labelShares(category), .toggle, consent?.categories.contains(category) == true ? "1" : "0")
        }
        return FormState(purpose: .consent(citizen, consent), title: say(.formConsent(try app.citizenName(citizen))), fields: [
            field("scope", .labelScope, .choice, consent?.scope.rawValue ?? "share-between-organisations",
                  options: field.options(ConsentScope.self) { .consentScope($0) }),
            field("recipient", .labelRecipient, .choice, consent?.recipientID.map { "o\($0)" } ?? "",
                  options: [FormOption("", say(.none))] + organisations.map { FormOption("o\($0.id)", $0.name) }),
        ] + categories + [
            field("information", .labelInformation, .line, consent?.information ?? ""),
            field("purpose", .labelPurpose, .line, consent?.purpose ?? ""),
            field("given_on", .labelGiven, .date, field.date(consent?.givenOn ?? today), required: true, sense: .past),
            field("expires_on", .labelExpires, .date, consent.map { field.date($0.expiresOn) } ?? field.date(today.adding(months: 12))),
            field("withdrawn_on", .labelWithdrawn, .date, field.date(consent?.withdrawnOn), sense: .past),
            field("note", .labelNote, .text, consent?.note ?? ""),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let given = reader.date("given_on", required: true)
        let expires = reader.date("expires_on")
        let withdrawn = reader.date("withdrawn_on")
        guard let scope = reader.enumeration("scope", ConsentScope.self) else { return reader.rejected }
        var categories = Set(DataCategory.allCases.filter { reader.text(Self.categoryID($0)) == "1" })
        if scope == .shareBetweenOrganisations, categories.isEmpty {
            reader.errors[Self.categoryID(.contact)] = reader.say(.errorNoCategories)
        }
        // Only a consent to share has categories; for the others the field means nothing.
        if scope != .shareBetweenOrganisations { categories = Set(DataCategory.allCases) }
        var consent = self.consent ?? Consent(citizenID: citizen, scope: scope, givenOn: given ?? reader.today)
        consent.scope = scope
        consent.categories = categories
        consent.recipientID = reader.id("recipient", prefix: "o")
        consent.information = reader.text("information")
        consent.purpose = reader.text("purpose")
        consent.givenOn = given ?? consent.givenOn
        consent.expiresOn = expires
        consent.withdrawnOn = withdrawn
        consent.note = reader.text("note")
        try reader.check(consent)
        guard reader.errors.isEmpty else { return reader.rejected }
        if self.consent == nil { try app.workspace.create(consent) } else { try app.workspace.update(consent) }
        return .saved(citizen)
    }
}
