extension Workspace {
    /// Ends the citizen's course: every active plan is ended and the citizen is archived today
    /// (hidden from the citizen list and search unless archived citizens are asked for). Nothing
    /// is deleted; `unarchive` brings the citizen back. One transaction, logged as changes.
    @discardableResult
    package func archive(citizen id: CitizenID) throws -> Citizen {
        try database.transaction {
            var citizen = try get(Citizen.self, id: id)
            for var plan in try all(Plan.self, parent: id.sqlValue) where plan.status == .active {
                plan.status = .ended
                if plan.end == nil || plan.end.map({ $0 > today }) == true { plan.end = max(today, plan.start) }
                try update(plan)
            }
            citizen.archivedOn = today
            return try update(citizen)
        }
    }

    /// Brings an archived citizen back into the list. Their ended plans stay ended.
    @discardableResult
    package func unarchive(citizen id: CitizenID) throws -> Citizen {
        var citizen = try get(Citizen.self, id: id)
        citizen.archivedOn = nil
        return try update(citizen)
    }
}
