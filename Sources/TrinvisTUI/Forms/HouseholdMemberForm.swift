import TrinvisCore

/// The household-member form: the citizen's place in the household (parent, child, partner,
/// other), and, as the case may be, the name of a new household (its first member is the citizen
/// the view was opened from) or of a new citizen. An existing citizen is chosen before the form
/// opens, by the search of the household view, so that nobody is registered twice.
///
/// Fields: `household` (a new household only), `name` (a new citizen only), `relation`.
struct HouseholdMemberForm: FormKind {
    let target: HouseholdMemberTarget

    static let householdID = "household"
    static let nameID = "name"
    static let relationID = "relation"
    static let draftPrefix = "household-member"

    /// `household-member:<member or new>:c<owner>`: the household is the owner's as it is now.
    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard let owner = try draftKey.citizen(in: workspace) else { return nil }
        let household = try workspace.get(Citizen.self, id: owner).householdID
        let member = try draftKey.recordID.flatMap { try workspace.fetch(Citizen.self, id: CitizenID($0)) }
        guard draftKey.record == "new" || member != nil else { return nil }
        return .householdMember(HouseholdMemberTarget(owner: owner, household: household, member: member))
    }

    var draftKey: String { "\(Self.draftPrefix):\(target.member.map { "\($0.id)" } ?? "new"):c\(target.owner)" }
    var citizenID: CitizenID? { target.owner }

    /// The choices of the relation field: not given, then the four places.
    static func relationOptions(_ say: Localizer) -> [FormOption] {
        [FormOption("", say(.householdNoRelation))]
            + HouseholdRelation.allCases.map { FormOption($0.rawValue, say(.householdRelation($0))) }
    }

    /// A household's name proposed from a member's: the last word (the family name).
    static func proposedName(for citizenName: String) -> String {
        citizenName.split(separator: " ").last.map(String.init) ?? citizenName
    }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        var fields: [FormField] = []
        let title: String
        if target.household == nil {
            let owner = try app.citizenName(target.owner)
            title = say(.formNewHousehold(owner))
            fields.append(field(Self.householdID, .labelHousehold, .line, Self.proposedName(for: owner), required: true))
        } else if let member = target.member {
            title = say(.formHouseholdMember(member.name))
        } else {
            title = say(.formNewHouseholdMember)
            fields.append(field(Self.nameID, .labelName, .line, target.name, required: true))
        }
        fields.append(field(Self.relationID, .labelRelation, .choice, target.member?.householdRelation?.rawValue ?? "",
                            options: Self.relationOptions(say)))
        return FormState(purpose: .householdMember(target), title: title, fields: fields)
    }

    /// Saves through `Workspace`, each way in one transaction: the new household with its first
    /// member, the new citizen in the household, or the member's place.
    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let workspace = app.workspace
        let relation = reader.enumeration(Self.relationID, HouseholdRelation.self)
        if target.household == nil {
            let name = reader.required(Self.householdID)
            guard reader.errors.isEmpty else { return reader.rejected }
            try workspace.addMember(target.owner, to: nil, newHouseholdName: name, relation: relation)
        } else if let member = target.member {
            try workspace.addMember(member.id, to: target.household, relation: relation)
        } else {
            let name = reader.required(Self.nameID)
            let citizen = Citizen(name: name, householdID: target.household, registeredOn: workspace.today,
                                  organisationID: workspace.actor.organisationID, householdRelation: relation)
            try reader.check(citizen)
            guard reader.errors.isEmpty else { return reader.rejected }
            try workspace.create(citizen)
        }
        return .saved(target.owner)
    }
}
