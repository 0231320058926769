/// One member of a household as the household view shows them: the person and their place in
/// the household, their current plan with its milestones, and the coming meeting.
package struct HouseholdMemberOverview: Sendable, Equatable {
    package let citizen: Citizen
    /// The plan the screens show (nil without one, or when the consent does not share plans).
    package let plan: Plan?
    /// The plan's milestones, in deadline order (at most `HouseholdOverview.milestoneLimit`).
    package let milestones: [Milestone]
    /// The next meeting agreed at the latest meeting of the member's history, from today on.
    package let nextMeeting: Timestamp?

    package init(citizen: Citizen, plan: Plan?, milestones: [Milestone], nextMeeting: Timestamp?) {
        self.citizen = citizen
        self.plan = plan
        self.milestones = milestones
        self.nextMeeting = nextMeeting
    }

    /// The member's place in the household.
    package var relation: HouseholdRelation? { citizen.householdRelation }
}

/// A household with the members the actor may see, for the household view.
package struct HouseholdOverview: Sendable, Equatable {
    /// Milestones read per member.
    package static let milestoneLimit = 50

    package let household: Household
    /// The members the actor may see, parents and partners first, then children, then others,
    /// each group by name.
    package let members: [HouseholdMemberOverview]

    package init(household: Household, members: [HouseholdMemberOverview]) {
        self.household = household
        self.members = members
    }
}

extension Workspace {
    /// The household of a citizen the actor may see, with every member the actor may see (the
    /// others are left out, not counted); nil when the citizen belongs to no household. Each
    /// member shown is a logged look-up.
    package func householdOverview(of citizen: CitizenID) throws -> HouseholdOverview? {
        let owner = try get(Citizen.self, id: citizen)
        guard let householdID = owner.householdID, let household = try fetch(Household.self, id: householdID) else {
            return nil
        }
        let startOfToday = Timestamp(date: today, hour: 0, minute: 0, offsetMinutes: clock().offsetMinutes)?.seconds ?? 0
        var members: [HouseholdMemberOverview] = []
        for member in try householdMembers(householdID) {
            noteLookup(member.id)
            let plan = try currentPlan(of: member.id)
            let milestones = try plan.map {
                try list(Milestone.self, parent: $0.id.sqlValue, page: .first(HouseholdOverview.milestoneLimit)).items
            } ?? []
            let latest = try meetingHistory(of: member.id, page: .first(1)).items.first?.meeting
            let next = latest?.nextMeeting.flatMap { $0.seconds >= startOfToday ? $0 : nil }
            members.append(HouseholdMemberOverview(citizen: member, plan: plan, milestones: milestones, nextMeeting: next))
        }
        return HouseholdOverview(household: household, members: members)
    }

    /// The members of a household the actor may see (archived ones too), parents and partners
    /// first, then children, then the others, each group in name order.
    package func householdMembers(_ household: HouseholdID) throws -> [Citizen] {
        let members = try pageOfRows(Citizen.self, page: .first(500),
                                     where: ("citizen.household_id = ?", [household.sqlValue])).items.map(\.record)
        func rank(_ relation: HouseholdRelation?) -> Int {
            switch relation {
            case .parent?, .partner?: return 0
            case .child?: return 1
            case .other?, nil: return 2
            }
        }
        // The page comes in name order; a stable sort keeps it within each group.
        return members.enumerated().sorted { (rank($0.element.householdRelation), $0.offset) < (rank($1.element.householdRelation), $1.offset) }
            .map(\.element)
    }

    /// The other members of the citizen's household the actor may see and whose meetings they
    /// may record: those a meeting with the household can name as present.
    package func householdMeetingMembers(of citizen: CitizenID) throws -> [Citizen] {
        let owner = try get(Citizen.self, id: citizen)
        guard let household = owner.householdID else { return [] }
        let members = try householdMembers(household)
        let granted = try grantedCategories(of: members.map(\.id))
        return members.filter { $0.id != citizen && granted[$0.id]?.contains(.meetings) == true }
    }

    /// Puts a citizen in a household with their place in it (moving them out of another one),
    /// in one logged change. With `household` nil a new household named `newHouseholdName`
    /// is created first, in the same transaction.
    @discardableResult
    package func addMember(_ citizen: CitizenID, to household: HouseholdID?, newHouseholdName: String = "",
                           relation: HouseholdRelation?) throws -> Citizen {
        try transaction {
            var member = try get(Citizen.self, id: citizen)
            member.householdID = try household ?? create(Household(name: newHouseholdName)).id
            member.householdRelation = relation
            return try update(member)
        }
    }

    /// Takes a citizen out of their household; the household goes too when no one is left in
    /// it, in the same transaction.
    package func removeFromHousehold(_ citizen: CitizenID) throws {
        try transaction {
            var member = try get(Citizen.self, id: citizen)
            guard let household = member.householdID else { return }
            member.householdID = nil
            member.householdRelation = nil
            try update(member)
            if try database.scalar("SELECT count(*) FROM citizen WHERE household_id = ?", [household.sqlValue]) == .integer(0),
               let empty = try fetch(Household.self, id: household) {
                try delete(empty)
            }
        }
    }
}
