import TrinvisCore

/// The household-member form: the citizen's place in the household (parent, child, partner,
/// other), and, as the case may be, the name of a new household (its first member is the citizen
/// the view was opened from) or of a new citizen. An existing citizen is chosen before the form
/// opens, by the search of the household view, so that nobody is registered twice.
///
/// Fields: `household` (a new household only), `name` (a new citizen only), `relation`.
enum HouseholdMemberForm {
    static let householdID = "household"
    static let nameID = "name"
    static let relationID = "relation"

    /// The choices of the relation field: not given, then the four places.
    static func relationOptions(_ say: Localizer) -> [FormOption] {
        [FormOption("", say(.householdNoRelation))]
            + HouseholdRelation.allCases.map { FormOption($0.rawValue, say(.householdRelation($0))) }
    }

    /// A household's name proposed from a member's: the last word (the family name).
    static func proposedName(for citizenName: String) -> String {
        citizenName.split(separator: " ").last.map(String.init) ?? citizenName
    }
}

extension AppRuntime {
    /// The form for a household member.
    func householdMemberForm(_ target: HouseholdMemberTarget) throws -> FormState {
        let say = state.say
        let owner = try workspace.get(Citizen.self, id: target.owner)
        var fields: [FormField] = []
        let title: String
        if target.household == nil {
            title = say(.formNewHousehold(owner.name))
            fields.append(FormField(id: HouseholdMemberForm.householdID, label: say(.labelHousehold), kind: .line,
                                    value: HouseholdMemberForm.proposedName(for: owner.name), required: true))
        } else if let member = target.member {
            title = say(.formHouseholdMember(member.name))
        } else {
            title = say(.formNewHouseholdMember)
            fields.append(FormField(id: HouseholdMemberForm.nameID, label: say(.labelName), kind: .line, value: target.name,
                                    required: true))
        }
        fields.append(FormField(id: HouseholdMemberForm.relationID, label: say(.labelRelation), kind: .choice,
                                value: target.member?.householdRelation?.rawValue ?? "",
                                options: HouseholdMemberForm.relationOptions(say)))
        var form = FormState(purpose: .householdMember(target), title: title, fields: fields)
        form.focus = 0
        return form
    }

    /// Saves a household-member form through `Workspace`, each way in one transaction: the new
    /// household with its first member, the new citizen in the household, or the member's place.
    func saveHouseholdMember(_ form: FormState, _ target: HouseholdMemberTarget) throws -> SaveOutcome {
        let say = state.say
        let relation = HouseholdRelation(rawValue: form.value(HouseholdMemberForm.relationID))
        func required(_ id: String) -> String? {
            let value = form.value(id).trimmingBlanks()
            return value.isEmpty ? nil : value
        }
        if target.household == nil {
            guard let name = required(HouseholdMemberForm.householdID) else {
                return .rejected(errors: [HouseholdMemberForm.householdID: say(.errorRequired)], general: nil)
            }
            try workspace.addMember(target.owner, to: nil, newHouseholdName: name, relation: relation)
        } else if let member = target.member {
            try workspace.addMember(member.id, to: target.household, relation: relation)
        } else {
            guard let name = required(HouseholdMemberForm.nameID) else {
                return .rejected(errors: [HouseholdMemberForm.nameID: say(.errorRequired)], general: nil)
            }
            let citizen = Citizen(name: name, householdID: target.household, registeredOn: workspace.today,
                                  organisationID: workspace.actor.organisationID, householdRelation: relation)
            if let problem = try workspace.problems(of: citizen).first {
                return .rejected(errors: [HouseholdMemberForm.nameID: say(.problem(problem.problem))], general: nil)
            }
            try workspace.create(citizen)
        }
        try? workspace.discardDraft(key: form.purpose.draftKey)
        return .saved(target.owner)
    }
}
