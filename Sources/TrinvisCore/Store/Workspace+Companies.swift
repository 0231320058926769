/// A row of the company register: the company and how many placements with it the user may
/// see, in all and still running.
package struct CompanySummary: Sendable, Equatable {
    package let company: Organisation
    package let placements: Int
    package let ongoing: Int

    package init(company: Organisation, placements: Int, ongoing: Int) {
        self.company = company
        self.placements = placements
        self.ongoing = ongoing
    }
}

extension Workspace {
    /// True for an organisation of kind company (the company register).
    static func isCompany<R: Record>(_ record: R) -> Bool {
        (record as? Organisation)?.kind == .company
    }

    /// True when a change to an organisation stays inside the company register: a registered
    /// professional writes a company that is (or, new, will be) a company, and was one before.
    /// Such changes need no administrator; turning a company into a municipality does.
    func isCompanyRegisterChange<R: Record>(_ record: R) throws -> Bool {
        guard Self.isCompany(record), actor.professionalID != nil else { return false }
        guard record.id.isSaved else { return true }
        let stored = try database.scalar("SELECT kind FROM organisation WHERE id = ?", [record.id.sqlValue])
        return stored == .text(OrganisationKind.company.rawValue) || stored == .null
    }

    /// True when a recorded organisation row was a company before, after and now: undoing a
    /// change of the company register needs no administrator either.
    func isCompanyRow(_ change: RowChange, columns: [String]) throws -> Bool {
        guard change.table == Organisation.table, actor.professionalID != nil,
              let index = columns.firstIndex(of: "kind") else { return false }
        let current = try database.currentValues(of: change, columns: columns)?.map(Optional.some)
        let kinds = [change.before, change.after, current].compactMap { side -> SQLValue? in
            guard let side, index < side.count else { return nil }
            return side[index]
        }
        return !kinds.isEmpty && kinds.allSatisfy { $0 == OrganisationKind.company.sqlValue }
    }

    /// The condition (one `?`: now, in seconds) that a meeting of `table` counts as a citizen's
    /// latest meeting: a companion meeting booked ahead does not until it begins, so that the
    /// follow-up agreed at the last conversation (and its reminder) stays in force meanwhile.
    static func hasBegun(_ table: String) -> String {
        "NOT (\(table).kind = 'companion' AND \(table).at_utc > ?)"
    }

    /// One page of the company register (organisations of kind company, by name), each with the
    /// number of placements the user may see.
    package func companies(page: PageRequest) throws -> Page<CompanySummary> {
        let companies = try list(Organisation.self, page: page,
                                 where: ("organisation.kind = ?", [OrganisationKind.company.sqlValue]))
        let counts = try placementCounts(companies.items.map(\.id))
        return Page(items: companies.items.map { company in
            let count = counts[company.id] ?? (0, 0)
            return CompanySummary(company: company, placements: count.total, ongoing: count.ongoing)
        }, next: companies.next)
    }

    /// Every company, by name (for choosing one in a placement form).
    package func allCompanies() throws -> [Organisation] {
        var result: [Organisation] = []
        var request = PageRequest.first(500)
        while true {
            let page = try list(Organisation.self, page: request,
                                where: ("organisation.kind = ?", [OrganisationKind.company.sqlValue]))
            result += page.items
            guard let next = page.next else { return result }
            request = PageRequest(limit: 500, after: next)
        }
    }

    /// The number of placements per company, of the citizens whose results the user may see.
    private func placementCounts(_ companies: [OrganisationID]) throws -> [OrganisationID: (total: Int, ongoing: Int)] {
        guard !companies.isEmpty else { return [:] }
        let access = accessCondition(citizenColumn: "placement.citizen_id", category: .results)
        let placeholders = Array(repeating: "?", count: companies.count).joined(separator: ", ")
        var counts: [OrganisationID: (total: Int, ongoing: Int)] = [:]
        try database.forEach("""
            SELECT company_id, count(*), sum(result = 'ongoing') FROM placement
            WHERE company_id IN (\(placeholders))\(access.map { " AND " + $0.sql } ?? "")
            GROUP BY company_id
            """, companies.map(\.sqlValue) + (access?.arguments ?? [])) { row in
            counts[try row.get(0)] = (try row.get(1), try row.get(2))
        }
        return counts
    }

    /// A company with the placements the user may see, running ones first, then newest first
    /// (at most `limit`). Each citizen shown is a logged look-up.
    package func companyPlacements(_ company: OrganisationID, limit: Int = 200) throws -> CompanyPlacements {
        let organisation = try get(Organisation.self, id: company)
        let shown = try placements(of: organisation, limit: limit)
        for citizen in Set(shown.placements.map(\.placement.citizenID)) {
            noteLookup(citizen, .view, detail: "company \(company.rawValue)")
        }
        return shown
    }

    /// The placements with a company, running ones first, then newest first.
    func placements(of company: Organisation, limit: Int) throws -> CompanyPlacements {
        // Every page is read before sorting: the kind's order is oldest first, so a first page of
        // `limit` alone would leave out the running and newest placements.
        var placements: [(placement: Placement, citizenName: String)] = []
        var page = PageRequest.first(200)
        while true {
            let rows = try pageOfRows(Placement.self, extraColumns: ["(SELECT name FROM citizen WHERE citizen.id = placement.citizen_id)"],
                                      page: page, where: ("placement.company_id = ?", [company.id.sqlValue]))
            placements += rows.items.map { (placement: $0.record, citizenName: String(sqlValue: $0.extra[0]) ?? "") }
            guard let next = rows.next else { break }
            page = PageRequest(limit: 200, after: next)
        }
        let ordered = placements.sorted {
            ($0.placement.isOngoing ? 0 : 1, $1.placement.from, $1.placement.id) < ($1.placement.isOngoing ? 0 : 1, $0.placement.from, $0.placement.id)
        }
        return CompanyPlacements(company: company, placements: Array(ordered.prefix(limit)))
    }

    /// The outcome a placement closed as hired proposes for its citizen: an ordinary job (a
    /// flex job for a flex-job placement) on the day it ended, noting the company. Nil when the
    /// placement is not hired, or the citizen already has that outcome on that day.
    package func proposedOutcome(for placement: Placement) throws -> Outcome? {
        guard let kind = placement.hiredOutcomeKind else { return nil }
        let day = placement.to ?? today
        let existing = try all(Outcome.self, parent: placement.citizenID.sqlValue)
        guard !existing.contains(where: { $0.kind == kind && $0.date == day }) else { return nil }
        let company = try fetch(Organisation.self, id: placement.companyID)
        return Outcome(citizenID: placement.citizenID, date: day, kind: kind, note: company?.name ?? "")
    }

    /// The user's coming companion meetings: meetings of kind companion they go along to (as
    /// the meeting says, whether or not they are in the citizen's team), from the start of today
    /// to `horizonDays` ahead, earliest first.
    package func companionMeetings(horizonDays: Int = 14, limit: Int = 200) throws -> [(meeting: Meeting, citizenName: String)] {
        guard let professional = actor.professionalID else { return [] }
        let offset = clock().offsetMinutes
        let start = Timestamp(date: today, hour: 0, minute: 0, offsetMinutes: offset)?.seconds ?? 0
        let end = Timestamp(date: today.adding(days: horizonDays + 1), hour: 0, minute: 0, offsetMinutes: offset)?.seconds ?? Int64.max
        let rows = try pageOfRows(Meeting.self, extraColumns: ["(SELECT name FROM citizen WHERE citizen.id = meeting.citizen_id)"],
                                  page: .first(limit),
                                  where: ("meeting.kind = 'companion' AND meeting.companion_id = ? AND meeting.at_utc >= ? AND meeting.at_utc < ?",
                                          [professional.sqlValue, .integer(start), .integer(end)]))
        return rows.items.map { (meeting: $0.record, citizenName: String(sqlValue: $0.extra[0]) ?? "") }
            .sorted { ($0.meeting.at.seconds, $0.meeting.id) < ($1.meeting.at.seconds, $1.meeting.id) }
    }
}
