import TrinvisCore

/// The citizen form: a new citizen, or a saved one changed. The CPR number shows masked and is
/// kept unless another is typed; a new citizen who looks like one the user may see is warned of
/// once.
struct CitizenForm: FormKind {
    let citizen: Citizen?

    static let draftPrefix = "citizen"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else { return .citizen(nil) }
        return try draftKey.recordID.flatMap { try workspace.fetch(Citizen.self, id: CitizenID($0)) }.map { .citizen($0) }
    }

    var draftKey: String { citizen.map { "citizen:\($0.id)" } ?? "citizen:new" }
    var citizenID: CitizenID? { citizen?.id }
    var recordAudit: Audit? { citizen?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let workspace = app.workspace
        let say = app.state.say
        let field = FieldMaker(say: say)
        let organisations = try workspace.all(Organisation.self).filter { $0.kind != .company }
        let household = try citizen?.householdID.flatMap { try workspace.fetch(Household.self, id: $0)?.name } ?? ""
        let defaultOrganisation = citizen?.organisationID ?? workspace.actor.organisationID
        // The CPR number shows masked; the stored number is kept unless another is typed.
        // Where the organisation may not hold CPR numbers, the field is not offered.
        let cprField = try workspace.holdsCPR(defaultOrganisation)
            ? [field("cpr", .fieldCPR, .line, citizen?.cpr?.masked ?? "")] : []
        return FormState(purpose: .citizen(citizen), title: citizen.map { say(.formEditCitizen($0.name)) } ?? say(.formNewCitizen), fields: [
            field("name", .labelName, .line, citizen?.name ?? "", required: true),
        ] + cprField + [
            field("birth_date", .labelBirthDate, .date, field.date(citizen?.birthDate), sense: .past),
            field("phone", .fieldPhone, .line, citizen?.phone ?? ""),
            field("email", .fieldEmail, .line, citizen?.email ?? ""),
            field("contact_preference", .fieldPrefers, .choice, citizen?.contactPreference.rawValue ?? "meeting",
                  options: field.options(ContactPreference.self) { .contactPreference($0) }),
            field("organisation", .labelOrganisation, .choice, defaultOrganisation.map { "o\($0)" } ?? "",
                  options: [FormOption("", say(.none))] + organisations.map { FormOption("o\($0.id)", $0.name) }),
            field("household", .labelHousehold, .line, household),
            field("meeting_interval_days", .labelInterval, .number, String(citizen?.meetingIntervalDays ?? Citizen.defaultMeetingInterval)),
            field("life", .fieldLife, .text, citizen?.life ?? ""),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let workspace = app.workspace
        let say = reader.say
        let today = reader.today
        let existing = citizen
        let name = reader.required("name")
        var cpr: CPR?
        let cprText = reader.text("cpr").trimmingBlanks()
        let offersCPR = reader.form.fields.contains { $0.id == "cpr" }
        if !offersCPR || (existing?.cpr != nil && cprText == existing?.cpr?.masked) {
            // Not offered, or still the masked number: the stored number stays.
            cpr = existing?.cpr
        } else if !cprText.isEmpty {
            switch CPR.parse(cprText) {
            case .success(let value): cpr = value
            case .failure(let problem): reader.errors["cpr"] = say(.problem(.invalidCPR(problem)))
            }
        }
        let born = reader.date("birth_date")
        let interval = reader.number("meeting_interval_days")
        var citizen = existing ?? Citizen(name: name, registeredOn: today)
        citizen.name = name
        citizen.cpr = cpr
        citizen.birthDate = born
        citizen.phone = reader.text("phone").trimmingBlanks().isEmpty ? nil : reader.text("phone")
        citizen.email = reader.text("email").trimmingBlanks().isEmpty ? nil : reader.text("email")
        citizen.contactPreference = reader.enumeration("contact_preference", ContactPreference.self) ?? .meeting
        citizen.organisationID = reader.id("organisation", prefix: "o")
        citizen.meetingIntervalDays = interval ?? Citizen.defaultMeetingInterval
        citizen.life = reader.text("life")
        try reader.check(citizen)
        if existing == nil, !name.isEmpty {
            // A citizen the user may see who looks like the same person: warn once
            // beside the name; the same values saved again are saved anyway.
            if let other = try workspace.possibleDuplicates(of: citizen).first {
                app.warnedDuplicateID = other.id
                let organisation = try other.organisationID.flatMap { try workspace.fetch(Organisation.self, id: $0)?.name } ?? ""
                reader.warn(["duplicate", TextNormalization.searchKey(name), cpr?.digits ?? "", born?.iso ?? ""].joined(separator: "\u{1F}"),
                            field: "name", say(.duplicateWarning(name: other.name, id: other.id.rawValue, organisation: organisation)),
                            hint: say(.duplicateHint))
            }
        }
        guard reader.errors.isEmpty else { return reader.rejected }
        var citizenToShow = existing?.id
        let householdName = reader.text("household").trimmingBlanks()
        try workspace.transaction {
            var household: HouseholdID?
            if !householdName.isEmpty {
                household = try workspace.all(Household.self).first { $0.name == householdName }?.id
                    ?? workspace.create(Household(name: householdName)).id
            }
            citizen.householdID = household
            if existing == nil {
                let created = try workspace.create(citizen)
                citizenToShow = created.id
                if let me = workspace.actor.professionalID {
                    try workspace.create(TeamMember(citizenID: created.id, professionalID: me, responsible: true, from: today))
                }
            } else {
                try workspace.update(citizen)
            }
        }
        return .saved(citizenToShow)
    }
}
