/// The citizens of other organisations that a consent in force today shares with the actor's
/// organisation, in name order: under the organisation rule the citizen list and the name search
/// merge them with the organisation's own. Reading them means reading every consent shared with
/// the organisation (thousands in a large one) and each of those citizens, so they are read once
/// and kept; a change to some of them reads those again.
struct SharedCitizens {
    /// One shared citizen.
    struct Entry {
        let id: CitizenID
        /// `name_sort`: the list's order.
        let key: String
        /// `name_key`: the folded name the name search matches.
        let nameKey: String
        /// The course has ended (`archived_on` is set).
        let archived: Bool
    }

    /// What the list was read from, and the day. `shared_citizens_version` counts every change
    /// to the consents and to the citizens' ids, organisations, names and archiving, by any
    /// connection (the triggers of migrations 22 and 23); consents come into and go out of
    /// force with the day: a list read at the same stamp is still right. A meeting, a milestone
    /// or the access log's lines, written by anyone, leave it kept. `rebuilt`: the counter at
    /// the latest erasure (or change of a citizen's id), before which a list is read in full.
    struct Stamp: Equatable {
        let version: Int64
        let rebuilt: Int64
        let today: LocalDate
        let organisation: OrganisationID?
    }

    let stamp: Stamp
    let entries: [Entry]

    /// At most this many citizens changed since a kept list are read again one by one; more
    /// (an import) read the whole list again.
    static let changedCitizenLimit = 500
}

extension Workspace {
    /// The stamp now, or nil when the counter cannot be read (a file of an older schema opened
    /// to read only): then the list is read every time.
    private func sharedCitizensStamp() -> SharedCitizens.Stamp? {
        guard let row = try? database.fetchOne("SELECT changes, rebuilt FROM shared_citizens_version WHERE one = 1"),
              let version = try? row.get(0, as: Int64.self), let rebuilt = try? row.get(1, as: Int64.self) else { return nil }
        return SharedCitizens.Stamp(version: version, rebuilt: rebuilt, today: today, organisation: actor.organisationID)
    }

    /// The shared citizens: the list read before when nothing they depend on has changed
    /// since, that list with the citizens changed since read again when they are few, else all
    /// of them read again. Inside a transaction a list read there is not kept: what the
    /// transaction wrote may still be rolled back. (The counter would move back with it, and
    /// another transaction could then move it to the same value with other changes.)
    func sharedCitizens() throws -> [SharedCitizens.Entry] {
        // The stamp before the reading: a change committed while reading leaves a stamp that is
        // already old.
        let stamp = sharedCitizensStamp()
        if let stamp, let known = knownSharedCitizens, known.stamp == stamp { return known.entries }
        if let stamp, database.isAutocommit, let knownStamp = knownSharedCitizens?.stamp,
           let change = try sharedCitizensChanged(since: knownStamp, now: stamp), var entries = knownSharedCitizens?.entries {
            // The kept list alone holds its entries now: changed in place, not copied.
            knownSharedCitizens = nil
            entries.removeAll { change.ids.contains($0.id.rawValue) }
            for entry in change.fresh {
                // The first entry after the fresh one, by halving.
                var low = entries.startIndex, high = entries.endIndex
                while low < high {
                    let middle = (low + high) / 2
                    if Self.inNameOrder((entries[middle].key, entries[middle].id.rawValue), (entry.key, entry.id.rawValue)) {
                        low = middle + 1
                    } else {
                        high = middle
                    }
                }
                entries.insert(entry, at: low)
            }
            knownSharedCitizens = SharedCitizens(stamp: stamp, entries: entries)
            return entries
        }
        let entries = try readSharedCitizens()
        if let stamp, database.isAutocommit { knownSharedCitizens = SharedCitizens(stamp: stamp, entries: entries) }
        return entries
    }

    /// The citizens changed since a list kept at `known`, and those of them shared now (under
    /// the rule), or nil when the list cannot be brought up to date that way: another day or
    /// organisation, an erasure since, or too many changes. The changes are taken from
    /// `known`'s counter on without an upper end: a change committed after `now` was read is
    /// read too, which the next call reads once more.
    private func sharedCitizensChanged(since known: SharedCitizens.Stamp,
                                       now: SharedCitizens.Stamp) throws -> (ids: Set<Int64>, fresh: [SharedCitizens.Entry])? {
        guard known.today == now.today, known.organisation == now.organisation,
              now.rebuilt <= known.version, known.version < now.version,
              let access = accessCondition(citizenRow: "c") else { return nil }
        let changed = try database.fetchAll("SELECT citizen_id FROM shared_citizen_change WHERE version > ? LIMIT ?",
                                            [.integer(known.version), .integer(Int64(SharedCitizens.changedCitizenLimit + 1))]) {
            try $0.get(0, as: Int64.self)
        }
        guard changed.count <= SharedCitizens.changedCitizenLimit else { return nil }
        let ids = Set(changed)
        guard !ids.isEmpty else { return (ids, []) }
        // The changed citizens as they are now, under the rule: of another organisation and
        // shared by a consent in force (the rule's other half is the own organisation).
        let fresh = try sharedEntries(where: [
            "c.organisation_id IS NOT ?", "c.id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))", access.sql,
        ], [actor.organisationID.sqlValue] + ids.sorted().map(SQLValue.integer) + access.arguments)
        return (ids, fresh)
    }

    /// Forgets the shared citizens read before (the benchmark, to time reading them).
    package func forgetSharedCitizens() {
        knownSharedCitizens = nil
    }

    /// Reads the shared citizens: the ids of the consents first, as a list, so that SQLite looks
    /// each citizen up, where with the consents' subquery it may read every citizen and test each.
    private func readSharedCitizens() throws -> [SharedCitizens.Entry] {
        let consented = AccessPolicy.consentedCitizens(organisation: actor.organisationID, category: nil, today: today)
        let ids = Array(Set(try database.fetchAll(consented.sql, consented.arguments) { try $0.get(0, as: Int64.self) })).sorted()
        guard !ids.isEmpty else { return [] }
        var conditions = ["c.organisation_id IS NOT ?"]
        var values = [actor.organisationID.sqlValue]
        if ids.count <= 10_000 {
            conditions.append("c.id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))")
            values += ids.map(SQLValue.integer)
        } else {
            conditions.append("c.id IN (\(consented.sql))")
            values += consented.arguments
        }
        if let access = accessCondition(citizenRow: "c") {
            conditions.append(access.sql)
            values += access.arguments
        }
        return try sharedEntries(where: conditions, values)
    }

    /// The entries of the citizens that meet every one of `conditions`, in name order.
    private func sharedEntries(where conditions: [String], _ values: [SQLValue]) throws -> [SharedCitizens.Entry] {
        try database.fetchAll("""
            SELECT c.id, c.name_sort, c.name_key, c.archived_on IS NOT NULL FROM citizen c
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY +c.name_sort, +c.id
            """, values) { row in
            SharedCitizens.Entry(id: try row.get(0), key: try row.get(1), nameKey: try row.get(2),
                                 archived: try row.get(3, as: Int64.self) != 0)
        }
    }

    /// The first `limit` citizens the actor may see under the organisation rule after `cursor`
    /// (a key of the citizen list: `name_sort` and id), in name order, with their `name_sort`,
    /// whose folded name holds every one of `words`, leaving out the archived unless
    /// `includeArchived`. The organisation's own are read in name order on
    /// `citizen_by_organisation_name` (where the rule alone would walk every name until it had
    /// enough of them) and merged with the kept shared citizens: the two do not meet, so the
    /// first of both together are the first of all. `own`: the organisation's own first
    /// `limit`, when the caller has found them already (`citizensByNameGram`).
    func firstCitizensUnderTheRule(matching words: [String], includeArchived: Bool, after cursor: PageCursor?,
                                   limit: Int, own known: [(id: CitizenID, key: String)]? = nil) throws -> [(id: CitizenID, key: String)] {
        var own = known ?? []
        if known == nil {
            let visible = visibleNamed(words, includeArchived: includeArchived)
            var condition = visible.sql, arguments = [actor.organisationID.sqlValue] + visible.arguments
            if let cursor, cursor.key.count == 2 {
                condition += " AND (c.name_sort, c.id) > (?, ?)"
                arguments += cursor.key
            }
            own = try database.fetchAll("""
                SELECT c.id, c.name_sort FROM citizen c INDEXED BY citizen_by_organisation_name
                WHERE c.organisation_id = ? AND \(condition) ORDER BY c.name_sort, c.id LIMIT ?
                """, arguments + [.integer(Int64(limit))]) { (id: try $0.get(0) as CitizenID, key: try $0.get(1) as String) }
        }
        let shared = try firstSharedCitizens(matching: words, includeArchived: includeArchived, after: cursor, limit: limit)
        return Array((own + shared).sorted { Self.inNameOrder(($0.key, $0.id.rawValue), ($1.key, $1.id.rawValue)) }.prefix(limit))
    }

    /// The first `limit` shared citizens after `cursor` (a key of the citizen list: `name_sort`
    /// and id), in name order, whose folded name holds every one of `words` (as the name
    /// search's `LIKE '%word%'` does), leaving out the archived unless `includeArchived`.
    private func firstSharedCitizens(matching words: [String], includeArchived: Bool, after cursor: PageCursor?,
                             limit: Int) throws -> [(id: CitizenID, key: String)] {
        guard limit > 0 else { return [] }
        let entries = try sharedCitizens()
        var start = entries.startIndex
        if let cursor, cursor.key.count == 2, let key = String(sqlValue: cursor.key[0]), let id = Int64(sqlValue: cursor.key[1]) {
            // The first entry after the cursor, by halving.
            var high = entries.endIndex
            while start < high {
                let middle = (start + high) / 2
                if Self.inNameOrder((key, id), (entries[middle].key, entries[middle].id.rawValue)) { high = middle } else { start = middle + 1 }
            }
        }
        let needles = words.map(Self.likeNeedle)
        var found: [(id: CitizenID, key: String)] = []
        for entry in entries[start...] {
            if found.count == limit { break }
            guard includeArchived || !entry.archived,
                  needles.allSatisfy({ Self.contains(entry.nameKey, likeNeedle: $0) }) else { continue }
            found.append((entry.id, entry.key))
        }
        return found
    }

    /// Whether `text` holds `part` as SQLite's `LIKE '%part%'` (with `part`'s wildcards escaped)
    /// finds it: ASCII letters in either case, every other character exactly.
    static func contains(_ text: String, likePattern part: String) -> Bool {
        contains(text, likeNeedle: likeNeedle(part))
    }

    /// The bytes of `part` as `contains(_:likeNeedle:)` compares them.
    static func likeNeedle(_ part: String) -> [UInt8] {
        part.utf8.map(likeFolded)
    }

    /// An ASCII capital as its small letter, every other byte as it is (`LIKE`'s folding).
    private static func likeFolded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// `contains(_:likePattern:)` with the pattern folded once (`likeNeedle`): the list's
    /// thousands of kept names are compared in place, without a copy of each.
    static func contains(_ text: String, likeNeedle needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= needle.count else { return false }
            candidates: for start in 0...(haystack.count - needle.count) where likeFolded(haystack[start]) == first {
                for offset in 1..<needle.count where likeFolded(haystack[start + offset]) != needle[offset] {
                    continue candidates
                }
                return true
            }
            return false
        }
    }
}
