/// What a handover moved.
package struct HandoverSummary: Sendable, Equatable {
    /// The citizens whose memberships moved.
    package let citizens: [CitizenID]
    /// The memberships ended (one per citizen and membership of the old professional).
    package let endedMemberships: Int
}

extension Workspace {
    /// Throws unless the actor administers the installation.
    package func requireAdministrator() throws {
        guard actor.isAdministrator || (policy == .unrestricted && identity.uid == UInt32.max) else {
            throw StoreError.administratorsOnly
        }
    }

    /// The professional with an account name.
    package func professional(account: String) throws -> Professional? {
        try list(Professional.self, page: .first(1), where: ("username = ?", [.text(account)])).items.first
    }

    /// Moves the responsibility for citizens from one professional to another in one transaction:
    /// every open team membership of `from` (for the citizens named, or all of theirs) ends today,
    /// `to` joins each team from today with the same role in it (responsible or not), and the
    /// history stays: nothing is deleted. Each move is logged with the reason.
    package func handover(from: ProfessionalID, to: ProfessionalID, citizens selection: [CitizenID]?,
                          reason: String) throws -> HandoverSummary {
        try requireAdministrator()
        guard from != to else { throw StoreError.invalid(ValidationError(field: "to", problem: .required)) }
        let reasonText = reason.trimmingBlanks()
        guard !reasonText.isEmpty else { throw StoreError.invalid(ValidationError(field: "reason", problem: .required)) }
        let day = today
        return try database.transaction {
            var open: [TeamMember] = []
            var request = PageRequest.first(500)
            let condition = ("professional_id = ? AND (to_date IS NULL OR to_date >= ?)", [from.sqlValue, day.sqlValue])
            while true {
                let page = try list(TeamMember.self, page: request, where: condition)
                open += page.items
                guard let next = page.next else { break }
                request = PageRequest(limit: 500, after: next)
            }
            if let selection {
                let wanted = Set(selection)
                let found = Set(open.map(\.citizenID))
                if let missing = selection.first(where: { !found.contains($0) }) {
                    throw StoreError.notFound(kind: "team membership", id: missing.rawValue)
                }
                open = open.filter { wanted.contains($0.citizenID) }
            }
            var moved: [CitizenID] = []
            for var membership in open {
                let citizen = membership.citizenID
                let theirs = try list(TeamMember.self, parent: citizen.sqlValue, page: .first(200)).items
                    .filter { $0.professionalID == to && ($0.to.map { $0 >= day } ?? true) }
                membership.to = max(day, membership.from)
                try update(membership)
                if var existing = theirs.first {
                    if membership.responsible && !existing.responsible {
                        existing.responsible = true
                        try update(existing)
                    }
                } else {
                    try create(TeamMember(citizenID: citizen, professionalID: to, responsible: membership.responsible, from: day))
                }
                try appendAccessLog(.admin, citizen: citizen,
                                    detail: "handover from professional \(from.rawValue) to \(to.rawValue): \(reasonText)")
                if !moved.contains(citizen) { moved.append(citizen) }
            }
            return HandoverSummary(citizens: moved, endedMemberships: open.count)
        }
    }
}
