/// What `Workspace.verifyAccessLog()` found.
package enum AccessLogVerification: Sendable, Equatable {
    /// Every chain is unbroken: the entries per chain and the latest hash of each (the genesis
    /// hash for an empty chain), for an administrator to write down.
    case intact(counts: [AccessLogChain: Int], latestHashes: [AccessLogChain: String])
    /// The first entry (lowest id) where a chain breaks.
    case broken(AccessLogProblem)
}

/// The first break in the access log.
package struct AccessLogProblem: Sendable, Equatable {
    /// How the chain is broken at the entry.
    package enum Kind: String, Sendable, Equatable {
        /// The entry's fields do not give its stored hash: it was altered, or inserted outside
        /// Trinvis.
        case altered
        /// The entry's previous hash is not the hash of the entry before it in its chain (nor,
        /// for the first entry, the genesis hash or a pruning anchor): entries before it were
        /// removed, or it was inserted outside Trinvis.
        case removedBefore = "removed-before"
        /// The entry names an unknown action or chain, or a chain its action does not belong to.
        case invalid
    }

    package let id: Int64
    package let chain: String
    package let kind: Kind
}

/// What pruning removed from one chain.
package struct AccessLogPruneResult: Sendable, Equatable {
    package let chain: AccessLogChain
    package let removed: Int
    /// The first entry kept, if any, and its previous hash (the anchor the verifier accepts).
    package let firstKept: Int64?
    package let anchor: String
}

extension Workspace {
    /// Default retention of look-ups (6 months), in days.
    package static let defaultLookupRetentionDays = 183
    /// Default retention of changes (5 years), in days.
    package static let defaultChangeRetentionDays = 1826

    /// The setting that holds a chain's retention in days.
    package static func retentionSettingKey(_ chain: AccessLogChain) -> String {
        "retention-\(chain.rawValue)-days"
    }

    /// A chain's retention in days: the setting when it is a positive whole number, else the
    /// default.
    package func retentionDays(_ chain: AccessLogChain) throws -> Int {
        if let text = try setting(Self.retentionSettingKey(chain)), let days = Int(text.trimmingBlanks()), days > 0 {
            return days
        }
        return chain == .lookup ? Self.defaultLookupRetentionDays : Self.defaultChangeRetentionDays
    }

    /// Walks both chains in id order and reports the first entry whose hash does not match its
    /// fields, or whose previous hash is not the hash of the previous remaining entry of its
    /// chain. The first remaining entry of a chain must carry the genesis hash or an anchor that
    /// a `prune` entry recorded. Administrators only (it reads every entry).
    package func verifyAccessLog() throws -> AccessLogVerification {
        guard actor.isAdministrator else { throw StoreError.administratorsOnly }
        let rows = try database.fetchAll(
            "SELECT id, at, account, acting_as, organisation_id, action, citizen_id, detail, chain, previous_hash, hash FROM access_log ORDER BY id"
        ) { row -> RawEntry in
            RawEntry(id: try row.get(0), at: try row.get(1), account: try row.get(2), actingAs: try row.get(3),
                     organisationID: try row.get(4), action: try row.get(5), citizenID: try row.get(6),
                     detail: try row.get(7), chain: try row.get(8), previousHash: try row.get(9), hash: try row.get(10))
        }
        // Anchors from every prune entry (their own hashes are checked in the walk below).
        var anchors: [AccessLogChain: Set<String>] = [:]
        for row in rows where row.action == AccessAction.prune.rawValue {
            for (chain, anchor) in Self.anchors(inPruneDetail: row.detail) { anchors[chain, default: []].insert(anchor) }
        }
        var latest: [AccessLogChain: String] = [:]
        var counts: [AccessLogChain: Int] = [:]
        for row in rows {
            guard let action = AccessAction(rawValue: row.action), let chain = AccessLogChain(rawValue: row.chain),
                  action.chain == chain else {
                return .broken(AccessLogProblem(id: row.id, chain: row.chain, kind: .invalid))
            }
            let recomputed = AccessLogEntry.hash(previous: row.previousHash, id: row.id, at: row.at, account: row.account,
                                                 actingAs: row.actingAs, organisationID: row.organisationID.map { OrganisationID($0) },
                                                 action: action, citizenID: row.citizenID.map { CitizenID($0) },
                                                 detail: row.detail, chain: chain)
            guard recomputed == row.hash else {
                return .broken(AccessLogProblem(id: row.id, chain: chain.rawValue, kind: .altered))
            }
            if let previous = latest[chain] {
                guard row.previousHash == previous else {
                    return .broken(AccessLogProblem(id: row.id, chain: chain.rawValue, kind: .removedBefore))
                }
            } else {
                guard row.previousHash == AccessLogEntry.genesis || anchors[chain]?.contains(row.previousHash) == true else {
                    return .broken(AccessLogProblem(id: row.id, chain: chain.rawValue, kind: .removedBefore))
                }
            }
            latest[chain] = row.hash
            counts[chain, default: 0] += 1
        }
        var hashes: [AccessLogChain: String] = [:]
        for chain in AccessLogChain.allCases {
            hashes[chain] = latest[chain] ?? AccessLogEntry.genesis
            counts[chain] = counts[chain] ?? 0
        }
        return .intact(counts: counts, latestHashes: hashes)
    }

    /// Removes, per chain, the entries older than its retention (a prefix of the chain, since
    /// entries are appended in time order) and logs a `prune` entry in the change chain with the
    /// count removed, the first kept entry and its previous hash (the anchor) of both chains.
    /// All in one transaction. Administrators only.
    @discardableResult
    package func pruneAccessLog() throws -> [AccessLogPruneResult] {
        guard actor.isAdministrator else { throw StoreError.administratorsOnly }
        let now = clock().seconds
        var results: [AccessLogPruneResult] = []
        try database.transaction {
            for chain in AccessLogChain.allCases {
                let before = now - Int64(try retentionDays(chain)) * 86_400
                // The prefix: every entry before the chain's first entry that is not older.
                let firstYoung = Int64(sqlValue: try database.scalar(
                    "SELECT min(id) FROM access_log WHERE chain = ? AND at >= ?", [.text(chain.rawValue), .integer(before)]))
                let upTo: Int64
                if let firstYoung {
                    upTo = firstYoung - 1
                } else {
                    upTo = Int64(sqlValue: try database.scalar(
                        "SELECT max(id) FROM access_log WHERE chain = ?", [.text(chain.rawValue)])) ?? 0
                }
                let removed = Int(sqlValue: try database.scalar(
                    "SELECT count(*) FROM access_log WHERE chain = ? AND id <= ?", [.text(chain.rawValue), .integer(upTo)])) ?? 0
                if removed > 0 {
                    try database.execute("INSERT INTO access_log_pruning (up_to_id, chain, before) VALUES (?, ?, ?)",
                                         [.integer(upTo), .text(chain.rawValue), .integer(before)])
                    try database.execute("DELETE FROM access_log WHERE chain = ? AND id <= ?",
                                         [.text(chain.rawValue), .integer(upTo)])
                    try database.execute("DELETE FROM access_log_pruning")
                }
                let kept = try database.fetchOne(
                    "SELECT id, previous_hash FROM access_log WHERE chain = ? ORDER BY id LIMIT 1", [.text(chain.rawValue)])
                let firstKept: Int64? = try kept.map { try $0.get(0) }
                // With nothing kept, the chain's next entry starts from the genesis hash.
                let anchor: String = try kept.map { try $0.get(1) } ?? AccessLogEntry.genesis
                results.append(AccessLogPruneResult(chain: chain, removed: removed, firstKept: firstKept, anchor: anchor))
            }
            try appendAccessLog(.prune, citizen: nil, detail: Self.pruneDetail(results))
        }
        return results
    }

    /// The detail of a prune entry: compact JSON, one member per chain.
    static func pruneDetail(_ results: [AccessLogPruneResult]) -> String {
        JSONValue.object(results.map { result in
            (result.chain.rawValue, JSONValue.object([
                ("removed", .integer(Int64(result.removed))),
                ("first_kept", result.firstKept.map { .integer($0) } ?? .null),
                ("anchor", .string(result.anchor)),
            ]))
        }).serialized(indent: false)
    }

    /// The anchors a prune entry's detail records, per chain.
    static func anchors(inPruneDetail detail: String) -> [(AccessLogChain, String)] {
        guard let document = try? JSONParser.parse(detail) else { return [] }
        return AccessLogChain.allCases.compactMap { chain in
            guard case .string(let anchor)? = document[chain.rawValue]?["anchor"] else { return nil }
            return (chain, anchor)
        }
    }
}

/// An access-log row as stored, before its action and chain are checked.
private struct RawEntry {
    let id: Int64
    let at: Int64
    let account: String
    let actingAs: String?
    let organisationID: Int64?
    let action: String
    let citizenID: Int64?
    let detail: String
    let chain: String
    let previousHash: String
    let hash: String
}
