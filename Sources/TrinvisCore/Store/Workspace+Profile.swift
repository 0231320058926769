/// Everything about one citizen that the citizen view shows: the person, their team, consents,
/// resource profile, visions, results, placements and change stories, with names resolved.
package struct CitizenProfile: Sendable, Equatable {
    package let citizen: Citizen
    package let organisationName: String?
    package let householdName: String?
    package let team: [(member: TeamMember, professional: Professional)]
    package let consents: [(consent: Consent, recipientName: String?)]
    /// Every configured area in order, with the citizen's text where there is one.
    package let resources: [(area: ResourceAreaLabel, resource: Resource?)]
    package let vision: Vision?
    package let plans: [Plan]
    package let assessments: [Assessment]
    package let outcomes: [Outcome]
    package let placements: [(placement: Placement, companyName: String)]
    package let stories: [Story]
    /// The group activities the citizen took part in (signed up or came), newest first.
    package let activities: [Activity]
    /// How many of the citizen's fields have an open sync conflict (the note in their view).
    package var openConflicts = 0

    package static func == (lhs: CitizenProfile, rhs: CitizenProfile) -> Bool {
        lhs.citizen == rhs.citizen && lhs.organisationName == rhs.organisationName
            && lhs.householdName == rhs.householdName
            && lhs.team.map(\.member) == rhs.team.map(\.member)
            && lhs.consents.map(\.consent) == rhs.consents.map(\.consent)
            && lhs.resources.map(\.resource) == rhs.resources.map(\.resource)
            && lhs.vision == rhs.vision && lhs.plans == rhs.plans && lhs.assessments == rhs.assessments
            && lhs.outcomes == rhs.outcomes && lhs.placements.map(\.placement) == rhs.placements.map(\.placement)
            && lhs.stories == rhs.stories && lhs.activities == rhs.activities && lhs.openConflicts == rhs.openConflicts
    }
}

/// A configured resource-profile area with its labels.
package struct ResourceAreaLabel: Sendable, Equatable {
    package let area: ResourceArea
    package let english: String
    package let danish: String

    /// The label in a language.
    package func label(_ language: Language) -> String { language == .danish ? danish : english }
}

extension Workspace {
    /// The configured resource-profile areas, in their order.
    package func resourceAreas() throws -> [ResourceAreaLabel] {
        try database.fetchAll("SELECT key, label_en, label_da FROM resource_area ORDER BY position, key") { row in
            ResourceAreaLabel(area: ResourceArea(try row.get(0)), english: try row.get(1), danish: try row.get(2))
        }
    }

    /// Names of professionals by id, for the ids given (one query).
    package func professionals(_ ids: some Collection<ProfessionalID>) throws -> [ProfessionalID: Professional] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        var result: [ProfessionalID: Professional] = [:]
        for chunk in stride(from: 0, to: unique.count, by: 500) {
            let part = unique[chunk..<min(chunk + 500, unique.count)]
            let placeholders = Array(repeating: "?", count: part.count).joined(separator: ", ")
            let columns = (["id"] + Professional.columns + Audit.columns).joined(separator: ", ")
            try database.forEach("SELECT \(columns) FROM professional WHERE id IN (\(placeholders))", part.map(\.sqlValue)) { row in
                let professional = try Professional(row: row)
                result[professional.id] = professional
            }
        }
        return result
    }

    /// Everything the citizen view shows about one citizen.
    package func citizenProfile(_ id: CitizenID) throws -> CitizenProfile {
        let citizen = try get(Citizen.self, id: id)
        noteLookup(id)
        let parent = id.sqlValue
        let members = try all(TeamMember.self, parent: parent)
        let consents = try all(Consent.self, parent: parent)
        let placements = try all(Placement.self, parent: parent)
        let people = try professionals(members.map(\.professionalID))
        var organisationIDs = Set(consents.compactMap(\.recipientID) + placements.map(\.companyID))
        if let own = citizen.organisationID { organisationIDs.insert(own) }
        var organisations: [OrganisationID: String] = [:]
        for organisation in organisationIDs {
            organisations[organisation] = try fetch(Organisation.self, id: organisation)?.name
        }
        let resources = try all(Resource.self, parent: parent)
        let byArea = Dictionary(resources.map { ($0.area, $0) }, uniquingKeysWith: { first, _ in first })
        return CitizenProfile(
            citizen: citizen,
            organisationName: citizen.organisationID.flatMap { organisations[$0] },
            householdName: try citizen.householdID.flatMap { try fetch(Household.self, id: $0)?.name },
            team: members.compactMap { member in people[member.professionalID].map { (member, $0) } },
            consents: consents.map { ($0, $0.recipientID.flatMap { organisations[$0] }) },
            resources: try resourceAreas().map { ($0, byArea[$0.area]) },
            vision: try all(Vision.self, parent: parent).first,
            plans: try all(Plan.self, parent: parent),
            assessments: try all(Assessment.self, parent: parent),
            outcomes: try all(Outcome.self, parent: parent),
            placements: placements.map { ($0, organisations[$0.companyID] ?? "") },
            stories: try all(Story.self, parent: parent),
            activities: try activities(of: id),
            openConflicts: try openConflictCount(citizen: id))
    }
}
