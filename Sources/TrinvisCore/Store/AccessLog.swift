/// What an entry of the access log records.
package enum AccessAction: String, CaseIterable, Sendable, Hashable {
    case view, search, export, print, change, delete, erase
    case revealCPR = "reveal-cpr"
    case admin, prune

    /// The chain and retention class: look-ups are kept for months, changes for years.
    package var chain: AccessLogChain {
        switch self {
        case .view, .search, .export, .print, .revealCPR: return .lookup
        case .change, .delete, .erase, .admin, .prune: return .change
        }
    }
}

/// The two hash chains of the access log, one per retention class. Each is pruned from its
/// oldest end only, so each stays one unbroken chain.
package enum AccessLogChain: String, CaseIterable, Sendable, Hashable {
    case lookup, change
}

/// One entry of the access log.
package struct AccessLogEntry: Sendable, Equatable {
    package let id: Int64
    /// Seconds since the epoch.
    package let at: Int64
    /// The OS account that ran Trinvis.
    package let account: String
    /// The professional an administrator acted as, if any.
    package let actingAs: String?
    /// The organisation of the professional who looked or changed.
    package let organisationID: OrganisationID?
    package let action: AccessAction
    package let citizenID: CitizenID?
    /// The search term, or the kind and id of the record.
    package let detail: String
    package let chain: AccessLogChain
    package let previousHash: String
    package let hash: String

    /// The hash of the first entry's predecessor.
    package static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over the previous hash and every field, each field separated by a unit separator.
    package static func hash(previous: String, id: Int64, at: Int64, account: String, actingAs: String?,
                             organisationID: OrganisationID?, action: AccessAction, citizenID: CitizenID?,
                             detail: String, chain: AccessLogChain) -> String {
        let fields = [previous, String(id), String(at), account, actingAs ?? "", organisationID.map { String($0.rawValue) } ?? "",
                      action.rawValue, citizenID.map { String($0.rawValue) } ?? "", detail, chain.rawValue]
        return SHA256.hex(fields.joined(separator: "\u{1F}"))
    }

    /// The hash this entry's fields give with its stored previous hash.
    package var recomputedHash: String {
        Self.hash(previous: previousHash, id: id, at: at, account: account, actingAs: actingAs,
                  organisationID: organisationID, action: action, citizenID: citizenID, detail: detail, chain: chain)
    }

    /// "ACCOUNT" or "ACCOUNT as NAME".
    package var who: String { actingAs.map { "\(account) as \($0)" } ?? account }

    static let columns = "id, at, account, acting_as, organisation_id, action, citizen_id, detail, chain, previous_hash, hash"

    init(row: Row) throws {
        id = try row.get(0)
        at = try row.get(1)
        account = try row.get(2)
        actingAs = try row.get(3)
        organisationID = try row.get(4)
        let actionText: String = try row.get(5)
        action = AccessAction(rawValue: actionText) ?? .admin
        citizenID = try row.get(6)
        detail = try row.get(7)
        let chainText: String = try row.get(8)
        chain = AccessLogChain(rawValue: chainText) ?? .change
        previousHash = try row.get(9)
        hash = try row.get(10)
    }
}

/// The look-ups noted but not yet written, and when each was last written.
struct PendingAccessLog {
    struct Key: Hashable {
        let citizen: CitizenID
        let action: AccessAction
    }

    /// Look-ups to write: citizen, action, detail, time.
    var lookups: [(key: Key, detail: String, at: Int64)] = []
    /// The keys of `lookups`.
    var queued: Set<Key> = []
    /// When this window last wrote (or found) an entry per citizen and action.
    var written: [Key: Int64] = [:]
    /// The search being typed, logged when it ends.
    var search: (term: String, at: Int64)?
    /// Searches that ended, to write.
    var finishedSearches: [(term: String, at: Int64)] = []

    /// Records that an entry for `key` was just written by other means: a look-up of it noted
    /// but not yet written is dropped.
    mutating func markWritten(_ key: Key, at time: Int64) {
        lookups.removeAll { $0.key == key }
        queued.remove(key)
        written[key] = time
    }
}

/// The records a batch of changes created and updated, per citizen, in the order the citizens
/// were first met (`Workspace.loggingChangesPerCitizen`).
struct ChangeTally {
    private(set) var citizens: [CitizenID] = []
    private(set) var counts: [CitizenID: (created: Int, updated: Int)] = [:]

    mutating func count(_ citizen: CitizenID, created: Bool) {
        if counts[citizen] == nil { citizens.append(citizen) }
        var count = counts[citizen] ?? (0, 0)
        if created { count.created += 1 } else { count.updated += 1 }
        counts[citizen] = count
    }
}

extension Workspace {
    /// Runs `body`, a batch of saves inside the caller's transaction (an import), logging the
    /// changes of records that belong to a citizen as one entry per citizen instead of one per
    /// record ("citizen 12 imported: 19 records created", "…: 2 records created, 5 updated",
    /// with `what` "imported"), written when `body` returns, in the same transaction. Other
    /// entries (an administrator's change, the citizens an activity or a meeting names) are
    /// written as they happen. The batch is all or nothing: an error thrown inside it is for
    /// rolling the whole transaction back, and nothing of the batch is logged.
    package func loggingChangesPerCitizen<T>(_ what: String, _ body: () throws -> T) throws -> T {
        precondition(database.isInTransaction && changeTally == nil, "a batch is logged per citizen inside one transaction")
        changeTally = ChangeTally()
        defer { changeTally = nil }
        let result = try body()
        guard let tally = changeTally else { return result }
        changeTally = nil
        for citizen in tally.citizens {
            guard let count = tally.counts[citizen] else { continue }
            func records(_ number: Int) -> String { number == 1 ? "1 record" : "\(number) records" }
            let detail: String
            switch (count.created, count.updated) {
            case (let created, 0): detail = "\(records(created)) created"
            case (0, let updated): detail = "\(records(updated)) updated"
            case (let created, let updated): detail = "\(records(created)) created, \(updated) updated"
            }
            try appendAccessLog(.change, citizen: citizen, detail: "\(Citizen.kindName) \(citizen.rawValue) \(what): \(detail)")
        }
        return result
    }

    /// Look-ups of the same citizen and kind by the same account are logged at most once per
    /// this many seconds (15 minutes).
    package static let lookupCoalescingSeconds: Int64 = 15 * 60

    /// Appends an entry. Must run inside the write transaction of what it records, so that a
    /// change and its entry commit or fail together.
    func appendAccessLog(_ action: AccessAction, citizen: CitizenID?, detail: String, at: Int64? = nil) throws {
        precondition(database.isInTransaction, "access log entries are written inside a transaction")
        let chain = action.chain
        let previous: String = try database.fetchOne(
            "SELECT hash FROM access_log WHERE chain = ? ORDER BY id DESC LIMIT 1", [.text(chain.rawValue)])
            .map { try $0.get(0) } ?? AccessLogEntry.genesis
        let id = (Int64(sqlValue: try database.scalar("SELECT max(id) FROM access_log")) ?? 0) + 1
        let when = at ?? clock().seconds
        let hash = AccessLogEntry.hash(previous: previous, id: id, at: when, account: actor.account, actingAs: actor.actingAs,
                                       organisationID: actor.organisationID, action: action, citizenID: citizen,
                                       detail: detail, chain: chain)
        try database.execute("""
            INSERT INTO access_log (id, at, account, acting_as, organisation_id, action, citizen_id, detail, chain,
                                    previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(id), .integer(when), .text(actor.account), actor.actingAs.sqlValue, actor.organisationID.sqlValue,
                  .text(action.rawValue), citizen.sqlValue, .text(detail), .text(chain.rawValue), .text(previous), .text(hash)])
    }

    /// Logs an action of its own (an administrator's change, an export) in its own transaction,
    /// or in the one already open.
    package func logAccess(_ action: AccessAction, citizen: CitizenID? = nil, detail: String = "") throws {
        try database.transaction { try appendAccessLog(action, citizen: citizen, detail: detail) }
    }

    /// Notes that a citizen's record was shown (panes, detail, print, export). Written by
    /// `flushAccessLog`, at most once per account, citizen and kind per 15 minutes.
    package func noteLookup(_ citizen: CitizenID, _ action: AccessAction = .view, detail: String = "") {
        let key = PendingAccessLog.Key(citizen: citizen, action: action)
        let now = clock().seconds
        if let last = pendingLog.written[key], now - last < Self.lookupCoalescingSeconds { return }
        guard pendingLog.queued.insert(key).inserted else { return }
        pendingLog.lookups.append((key, detail, now))
    }

    /// Notes the search term being typed; it is logged once, when the search ends.
    package func noteSearch(_ term: String) {
        let text = term.trimmingBlanks()
        pendingLog.search = text.isEmpty ? nil : (text, clock().seconds)
    }

    /// Ends the search being typed: its last term is logged at the next flush.
    package func finishSearch() {
        guard let search = pendingLog.search else { return }
        pendingLog.search = nil
        pendingLog.finishedSearches.append(search)
    }

    /// True when look-ups or a finished search wait to be written.
    package var hasPendingAccessLog: Bool {
        !pendingLog.lookups.isEmpty || !pendingLog.finishedSearches.isEmpty
    }

    /// Writes the noted look-ups and finished searches in one transaction. The interface calls
    /// it on its one-second tick with `waitingForDisk` false, so that a key pressed meanwhile
    /// does not wait for an fsync (see `Database.transactionNotWaitingForDisk`): like the
    /// look-ups still noted in memory, the entries of the last second or so could then be lost
    /// only to a power loss, never in part. Commands, and the interface when it closes, wait
    /// for the disk.
    package func flushAccessLog(waitingForDisk: Bool = true) throws {
        guard hasPendingAccessLog else { return }
        let lookups = pendingLog.lookups, searches = pendingLog.finishedSearches
        let write: (() throws -> Void) throws -> Void = waitingForDisk ? database.transaction : database.transactionNotWaitingForDisk
        try write {
            for search in searches {
                try appendAccessLog(.search, citizen: nil, detail: search.term, at: search.at)
            }
            for lookup in lookups {
                let recent = try database.scalar("""
                    SELECT max(at) FROM access_log WHERE account = ? AND citizen_id = ? AND action = ? AND acting_as IS ?
                    """, [.text(actor.account), lookup.key.citizen.sqlValue, .text(lookup.key.action.rawValue),
                          actor.actingAs.sqlValue])
                if let last = Int64(sqlValue: recent), lookup.at - last < Self.lookupCoalescingSeconds,
                   lookup.at >= last {
                    pendingLog.written[lookup.key] = last
                    continue
                }
                try appendAccessLog(lookup.key.action, citizen: lookup.key.citizen, detail: lookup.detail, at: lookup.at)
                pendingLog.written[lookup.key] = lookup.at
            }
        }
        pendingLog.lookups.removeFirst(min(lookups.count, pendingLog.lookups.count))
        pendingLog.queued = Set(pendingLog.lookups.map(\.key))
        pendingLog.finishedSearches.removeFirst(min(searches.count, pendingLog.finishedSearches.count))
    }

    /// Everything the log holds about one citizen, oldest first, for their right of access
    /// (GDPR art. 15): every account's look-ups and changes, not only the actor's. The actor must
    /// be allowed to see the citizen.
    package func accessHistory(of citizen: CitizenID) throws -> [AccessLogEntry] {
        try checkAccess(to: citizen)
        let (condition, arguments) = try citizenCondition(citizen)
        return try database.fetchAll("SELECT \(AccessLogEntry.columns) FROM access_log WHERE \(condition) ORDER BY id",
                                     arguments) { try AccessLogEntry(row: $0) }
    }

    /// Entries of the access log, oldest first, narrowed by citizen, account and period (days
    /// in UTC). Administrators read every entry; everyone else only their own.
    package func accessLogEntries(citizen: CitizenID? = nil, account: String? = nil, from: LocalDate? = nil,
                                  to: LocalDate? = nil, limit: Int? = nil) throws -> [AccessLogEntry] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let citizen {
            let (condition, values) = try citizenCondition(citizen)
            conditions.append(condition)
            arguments += values
        }
        if !actor.isAdministrator && policy != .unrestricted {
            conditions.append("account = ?")
            arguments.append(.text(actor.account))
        }
        if let account {
            conditions.append("account = ?")
            arguments.append(.text(account))
        }
        if let from {
            conditions.append("at >= unixepoch(?)")
            arguments.append(from.sqlValue)
        }
        if let to {
            conditions.append("at < unixepoch(?, '+1 day')")
            arguments.append(to.sqlValue)
        }
        var sql = "SELECT \(AccessLogEntry.columns) FROM access_log"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY id LIMIT ?"
        arguments.append(.integer(Int64(limit ?? -1)))
        return try database.fetchAll(sql, arguments) { try AccessLogEntry(row: $0) }
    }

    /// The condition that finds a citizen's entries. Entries written before step 12 renumbered
    /// the records (the log is append-only, so they keep the old number) are found by it too.
    private func citizenCondition(_ citizen: CitizenID) throws -> (String, [SQLValue]) {
        if let offset = try setting("legacy-id-offset").flatMap({ Int64($0) }),
           let logEnd = try setting("legacy-log-end").flatMap({ Int64($0) }), logEnd > 0,
           citizen.rawValue > offset, citizen.rawValue - offset < Schema.legacyLimit {
            return ("(citizen_id = ? OR (citizen_id = ? AND id <= ?))",
                    [citizen.sqlValue, .integer(citizen.rawValue - offset), .integer(logEnd)])
        }
        return ("citizen_id = ?", [citizen.sqlValue])
    }
}
