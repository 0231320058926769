import TrinvisCore

/// The household view: the household of the citizen it was opened from, the member selected,
/// and the search for a member to add while one is typed.
package struct HouseholdState: Sendable, Equatable {
    /// The citizen whose household is shown.
    package var citizen: CitizenID?
    package var overview: HouseholdOverview?
    /// One row per member shown.
    package var list = ListState()
    /// The search for a member to add, while it is open.
    package var search: MemberSearch?

    /// The selected member.
    package var selectedMember: HouseholdMemberOverview? {
        guard let overview, let index = list.selection, overview.members.indices.contains(index) else { return nil }
        return overview.members[index]
    }
}

/// The search for a household member: existing citizens that match what is typed, and a last
/// row that creates a new citizen with the typed name.
package struct MemberSearch: Sendable, Equatable {
    package var field = TextFieldState(maxLength: 200)
    /// Citizens found (those already in the household left out).
    package var hits: [Citizen] = []
    /// The hits and the "new citizen" row.
    package var list = ListState(count: 1, selection: 0)

    /// True when the "new citizen" row is selected.
    package var newSelected: Bool { list.selection == hits.count }
}

/// What a household-member form is about.
package struct HouseholdMemberTarget: Sendable, Equatable {
    /// The citizen whose household it is (the view it was opened from).
    package var owner: CitizenID
    /// The household; nil when the form creates it, with the owner as its first member.
    package var household: HouseholdID?
    /// The member: an existing citizen, or nil for a new citizen created by the form.
    package var member: Citizen?
    /// The name typed in the search, for a new citizen.
    package var name: String = ""

    package init(owner: CitizenID, household: HouseholdID?, member: Citizen?, name: String = "") {
        self.owner = owner
        self.household = household
        self.member = member
        self.name = name
    }
}
