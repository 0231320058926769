/// Why two citizens look like the same person.
package enum DuplicateReason: String, Sendable, Equatable {
    /// The same CPR number.
    case sameCPR = "same-cpr"
    /// The same folded name and the same birth date.
    case sameNameAndBirthDate = "same-name-and-birth-date"
}

/// One citizen of a likely duplicate, as the administrator's list names them.
package struct DuplicateCandidate: Sendable, Equatable {
    package let id: CitizenID
    package let name: String
    package let organisation: String?
}

/// Two citizens that are likely the same person and are not linked yet.
package struct DuplicatePair: Sendable, Equatable {
    /// The one with the lower id.
    package let first: DuplicateCandidate
    package let second: DuplicateCandidate
    package let reason: DuplicateReason
}

extension Workspace {
    // MARK: CPR numbers

    /// True when the organisation may hold CPR numbers of its citizens (no organisation: yes).
    package func holdsCPR(_ organisation: OrganisationID?) throws -> Bool {
        guard let organisation else { return true }
        return try database.scalar("SELECT holds_cpr FROM organisation WHERE id = ?", [organisation.sqlValue]) != .integer(0)
    }

    /// The citizen's full CPR number, for a user who asks to see it: needs access to the
    /// citizen's contact details, and every reveal is logged (`reveal-cpr`). Nil when the
    /// citizen has no CPR number.
    package func revealCPR(of citizen: CitizenID) throws -> CPR? {
        try checkAccess(to: citizen, category: .contact)
        let stored = try database.scalar("SELECT cpr FROM citizen WHERE id = ?", [citizen.sqlValue])
        guard case .text(let digits) = stored, let cpr = CPR(digits) else { return nil }
        try logAccess(.revealCPR, citizen: citizen, detail: "citizen \(citizen.rawValue) cpr")
        return cpr
    }

    // MARK: Duplicates

    /// Citizens the actor may see (with their contact details) who look like the same person
    /// as `citizen`: the same CPR number, or the same folded name and birth date. The citizen
    /// itself is never among them.
    package func possibleDuplicates(of citizen: Citizen) throws -> [Citizen] {
        let key = TextNormalization.searchKey(citizen.name)
        let born = citizen.effectiveBirthDate
        guard citizen.cpr != nil || (!key.isEmpty && born != nil) else { return [] }
        var alternatives: [String] = []
        var arguments: [SQLValue] = [citizen.id.sqlValue]
        if let cpr = citizen.cpr {
            alternatives.append("citizen.cpr = ?")
            arguments.append(.text(cpr.digits))
        }
        if !key.isEmpty, born != nil {
            // The birth date is compared below: it may be given or only encoded in the CPR number.
            alternatives.append("citizen.name_key = ?")
            arguments.append(.text(key))
        }
        var sql = "citizen.id <> ? AND (\(alternatives.joined(separator: " OR ")))"
        if let access = accessCondition(citizenColumn: "citizen.id", category: .contact) {
            sql += " AND \(access.sql)"
            arguments += access.arguments
        }
        let candidates = try list(Citizen.self, page: .first(50), where: (sql, arguments)).items
        let found = candidates.filter { other in
            if let cpr = citizen.cpr, other.cpr == cpr { return true }
            guard let born, TextNormalization.searchKey(other.name) == key else { return false }
            return other.effectiveBirthDate == born
        }
        for other in found { noteLookup(other.id, .view, detail: "possible duplicate") }
        return found
    }

    /// Likely duplicates across the whole database (administrators only): pairs with the same
    /// CPR number, or the same folded name and birth date, that are not linked already.
    package func duplicatesAcrossDatabase() throws -> [DuplicatePair] {
        guard actor.isAdministrator else { throw StoreError.administratorsOnly }
        struct Brief { let id: CitizenID, name: String, key: String, cpr: CPR?, born: LocalDate?, organisation: String? }
        let columns = """
            SELECT c.id, c.name, c.name_key, c.cpr, c.birth_date, o.name FROM citizen c
            LEFT JOIN organisation o ON o.id = c.organisation_id
            """
        let read = { (row: Row) -> Brief in
            let digits: String? = try row.get(3)
            let cpr = digits.flatMap(CPR.init)
            let birthDate: LocalDate? = try row.get(4)
            return Brief(id: try row.get(0), name: try row.get(1), key: try row.get(2), cpr: cpr,
                         born: birthDate ?? cpr?.birthDate, organisation: try row.get(5))
        }
        let sameCPR = try database.fetchAll("""
            \(columns) WHERE c.cpr IN (SELECT cpr FROM citizen WHERE cpr IS NOT NULL GROUP BY cpr HAVING count(*) > 1)
            ORDER BY c.cpr, c.id
            """, [], read)
        let sameName = try database.fetchAll("""
            \(columns) WHERE c.name_key IN (SELECT name_key FROM citizen GROUP BY name_key HAVING count(*) > 1)
            ORDER BY c.name_key, c.id
            """, [], read)
        var linked = Set<[Int64]>()
        try database.forEach("SELECT citizen_id, other_id FROM citizen_link") { row in
            linked.insert([try row.get(0), try row.get(1)])
        }
        var pairs: [DuplicatePair] = []
        var seen = Set<[Int64]>()
        func add(_ group: [Brief], _ reason: DuplicateReason) {
            for (index, first) in group.enumerated() {
                for second in group[(index + 1)...] {
                    let key = [min(first.id.rawValue, second.id.rawValue), max(first.id.rawValue, second.id.rawValue)]
                    guard !linked.contains(key), seen.insert(key).inserted else { continue }
                    let (low, high) = first.id < second.id ? (first, second) : (second, first)
                    pairs.append(DuplicatePair(first: DuplicateCandidate(id: low.id, name: low.name, organisation: low.organisation),
                                               second: DuplicateCandidate(id: high.id, name: high.name,
                                                                          organisation: high.organisation),
                                               reason: reason))
                }
            }
        }
        for group in Dictionary(grouping: sameCPR, by: { $0.cpr?.digits ?? "" }).sorted(by: { $0.key < $1.key }) {
            add(group.value, .sameCPR)
        }
        let byNameAndBirth = Dictionary(grouping: sameName.filter { $0.born != nil && !$0.key.isEmpty },
                                        by: { "\($0.key)\u{1F}\($0.born?.iso ?? "")" })
        for group in byNameAndBirth.sorted(by: { $0.key < $1.key }) { add(group.value, .sameNameAndBirthDate) }
        try logAccess(.admin, detail: "duplicates listed (\(pairs.count))")
        return pairs.sorted { ($0.first.id, $0.second.id) < ($1.first.id, $1.second.id) }
    }

    /// Records that two citizens were looked at as possible duplicates and are linked
    /// (administrators only). Nothing is merged; a link already there gets the new note.
    package func linkCitizens(_ citizen: CitizenID, _ other: CitizenID, note: String = "") throws {
        guard actor.isAdministrator else { throw StoreError.administratorsOnly }
        guard citizen != other else { throw StoreError.invalid(ValidationError(field: "other", problem: .unknownValue(allowed: []))) }
        let text: String = try Check.optional(note, "note", limit: Check.lineLimit)
        let (low, high) = citizen < other ? (citizen, other) : (other, citizen)
        try database.transaction {
            for id in [low, high] where try database.scalar("SELECT count(*) FROM citizen WHERE id = ?", [id.sqlValue]) == .integer(0) {
                throw StoreError.notFound(kind: Citizen.kindName, id: id.rawValue)
            }
            try database.execute("""
                INSERT INTO citizen_link (citizen_id, other_id, note, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (citizen_id, other_id) DO UPDATE SET note = excluded.note
                """, [low.sqlValue, high.sqlValue, .text(text), .integer(clock().seconds), .text(actor.username)])
            try appendAccessLog(.admin, citizen: low, detail: "citizen \(low.rawValue) linked with citizen \(high.rawValue)")
            try appendAccessLog(.admin, citizen: high, detail: "citizen \(high.rawValue) linked with citizen \(low.rawValue)")
        }
    }

    /// The citizens linked with a citizen (the actor must see the citizen).
    package func linkedCitizens(of citizen: CitizenID) throws -> [CitizenID] {
        try checkAccess(to: citizen)
        return try database.fetchAll("""
            SELECT other_id FROM citizen_link WHERE citizen_id = ? UNION SELECT citizen_id FROM citizen_link WHERE other_id = ?
            ORDER BY 1
            """, [citizen.sqlValue, citizen.sqlValue]) { try $0.get(0) }
    }
}
