/// A change story with the name of the citizen it is about.
package struct StoryItem: Sendable, Equatable {
    package let story: Story
    package let citizenName: String
}

/// A partner company and the placements of citizens with it.
package struct CompanyPlacements: Sendable, Equatable {
    package let company: Organisation
    package let placements: [(placement: Placement, citizenName: String)]

    package static func == (lhs: CompanyPlacements, rhs: CompanyPlacements) -> Bool {
        lhs.company == rhs.company && lhs.placements.map(\.placement) == rhs.placements.map(\.placement)
            && lhs.placements.map(\.citizenName) == rhs.placements.map(\.citizenName)
    }

    /// How many placements ended in each way.
    package func count(_ result: PlacementResult) -> Int {
        placements.filter { $0.placement.result == result }.count
    }
}

extension Workspace {
    /// One page of the change stories across every citizen the user may see, newest first.
    package func changeStories(page: PageRequest) throws -> Page<StoryItem> {
        let rows = try pageOfRows(Story.self, extraColumns: ["(SELECT name FROM citizen WHERE citizen.id = story.citizen_id)"],
                                  page: page)
        return Page(items: rows.items.map { StoryItem(story: $0.record, citizenName: String(sqlValue: $0.extra[0]) ?? "") },
                    next: rows.next)
    }

    /// The partner companies (organisations of kind company), each with the placements of the
    /// citizens the user may see, running ones first, then newest first (at most `limit` per company).
    package func partnerCompanies(limit: Int = 200) throws -> [CompanyPlacements] {
        try allCompanies().map { try placements(of: $0, limit: limit) }
    }
}
