import Foundation

/// What `sync import` did.
package struct SyncImportSummary: Sendable, Equatable {
    /// The sending organisation (its name here).
    package var from: String
    /// The file's number in the exchange.
    package var sequence: Int64
    /// True when the file had been applied before: nothing changed.
    package var alreadyApplied = false
    /// Rows added, changed and removed (erasures not counted).
    package var inserted = 0
    package var updated = 0
    package var deleted = 0
    /// Citizens whose records changed, and citizens erased because they left the shared set.
    package var citizensChanged = 0
    package var citizensErased = 0
    /// Fields changed on both sides, now open conflicts (both versions kept).
    package var conflicts = 0
}

extension Workspace {
    /// The tables a sync file may carry rows of, each after the tables its rows refer to.
    static let syncTables: [String] = UndoTable.all.map(\.name).filter {
        !["external_id", "citizen_link", "sync_conflict"].contains($0)
    }

    /// Applies a sync file from a peer installation (`trinvis sync import`), administrators only,
    /// all or nothing in one transaction:
    ///
    /// - refuses a file that is not a sync file, is cut short or altered, is meant for another
    ///   installation, or comes out of order (`SyncFileError`); one applied before changes
    ///   nothing (`alreadyApplied`);
    /// - matches the organisations it carries by name and kind and the professionals by user
    ///   name (or name and organisation), remembering the match in `sync_mapping` and
    ///   translating their ids in every row; a professional new here gets no user name and no
    ///   administrator role, so nobody here becomes them;
    /// - inserts, updates and deletes the rows; a field changed here since the last exchange
    ///   and changed differently there is kept as it is here, with both versions in
    ///   `sync_conflict` (the record is flagged); a row deleted there but changed here is kept
    ///   and flagged too;
    /// - erases (as `erase` does) a citizen of another organisation whose row the file deletes:
    ///   they left the shared set; a citizen of the receiving organisation is never erased by a
    ///   peer;
    /// - logs each record changed about its citizen, and each erasure;
    /// - remembers the file's sequence and adds what it applied to the peer's shadow.
    @discardableResult
    package func importSync(_ bytes: [UInt8]) throws -> SyncImportSummary {
        guard actor.isAdministrator else { throw StoreError.administratorsOnly }
        let file = try SyncFile(bytes: bytes)
        let header = file.header
        let own = try installationID
        if header.fromInstallation == own || (header.toInstallation != nil && header.toInstallation != own) {
            throw SyncFileError.meantForAnotherInstallation(organisation: header.toOrganisation.name)
        }
        let changes = try Changeset(bytes: file.changeset)
        var erasedFiles: [String] = []
        var summary = SyncImportSummary(from: header.fromOrganisation.name, sequence: header.sequence)
        try database.transaction {
            guard let receiver = try matchOrganisation(header.toOrganisation, peer: nil) else {
                throw SyncFileError.meantForAnotherInstallation(organisation: header.toOrganisation.name)
            }
            let peer = try syncPeer(installation: header.fromInstallation, organisation: header.fromOrganisation)
            if let peer, peer.organisation == receiver {
                throw SyncFileError.meantForAnotherInstallation(organisation: header.toOrganisation.name)
            }
            let received = peer?.receivedSequence ?? 0
            if header.sequence <= received {
                summary.alreadyApplied = true
                return
            }
            guard header.sequence == received + 1 else { throw SyncFileError.outOfOrder(missing: received + 1) }

            let session = try Session(database: database, tables: Self.syncTables)
            var apply = SyncApplication(workspace: self, peer: header.fromInstallation, receiver: receiver)
            let sender = try apply.organisation(remote: header.fromOrganisation)
            try apply.remember(Organisation.table, remote: header.toOrganisation.id, local: receiver.rawValue)
            try apply.run(changes, summary: &summary, erasedFiles: &erasedFiles)
            let applied = try session.changesetBytes()
            let shadow = try Changeset.combined([peer?.shadow ?? [], applied])
            try database.execute("""
                INSERT INTO sync_peer (organisation_id, installation_id, received_seq, last_received_at, shadow)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET installation_id = excluded.installation_id,
                    received_seq = excluded.received_seq, last_received_at = excluded.last_received_at, shadow = excluded.shadow
                """, [sender.sqlValue, .text(header.fromInstallation), .integer(header.sequence), .integer(clock().seconds),
                      .blob(shadow)])
            try appendAccessLog(.admin, citizen: nil,
                                detail: "sync import \(header.sequence) from organisation \(sender.rawValue)")
        }
        if summary.citizensErased > 0 {
            removePrintedFiles(erasedFiles)
            try checkpointWAL()
        }
        return summary
    }

    /// The peer a file comes from: by its installation id, else by its organisation as matched here.
    private func syncPeer(installation: String, organisation: SyncOrganisation)
        throws -> (organisation: OrganisationID, receivedSequence: Int64, shadow: [UInt8])? {
        let select = "SELECT organisation_id, received_seq, shadow FROM sync_peer"
        var row = try database.fetchOne("\(select) WHERE installation_id = ?", [.text(installation)])
        if row == nil, let local = try matchOrganisation(organisation, peer: installation) {
            row = try database.fetchOne("\(select) WHERE organisation_id = ? AND installation_id IS NULL", [local.sqlValue])
        }
        guard let row else { return nil }
        let shadow: [UInt8] = if case .blob(let bytes) = row[2] { bytes } else { [] }
        return (try row.get(0), try row.get(1), shadow)
    }

    /// The local organisation a sync file names: remembered from an earlier file of the peer,
    /// else the same id and name, else the same name and kind.
    func matchOrganisation(_ organisation: SyncOrganisation, peer: String?) throws -> OrganisationID? {
        if let peer, let mapped = try mappedID(peer: peer, table: Organisation.table, remote: organisation.id) {
            return OrganisationID(mapped)
        }
        return try database.fetchOne("""
            SELECT id FROM organisation WHERE (id = ?1 AND name = ?2) OR (name = ?2 AND kind = ?3)
            ORDER BY id = ?1 DESC, id LIMIT 1
            """, [.integer(organisation.id), .text(organisation.name), .text(organisation.kind)]).map { try $0.get(0) }
    }

    /// The local id remembered for a peer's organisation or professional.
    func mappedID(peer: String, table: String, remote: Int64) throws -> Int64? {
        Int64(sqlValue: try database.scalar("SELECT local_id FROM sync_mapping WHERE peer_installation = ? AND table_name = ? AND remote_id = ?",
                                            [.text(peer), .text(table), .integer(remote)]))
    }
}

/// One import's work inside its transaction: the id translation, the rows written, the
/// conflicts found and the log.
private struct SyncApplication {
    let workspace: Workspace
    let peer: String
    let receiver: OrganisationID
    /// The sending organisation as it is here.
    var sender = OrganisationID(0)
    var database: Database { workspace.database }
    /// Remote id → local id, per table (organisation, professional).
    var mapping: [String: [Int64: Int64]] = [:]
    var columns: [String: [String]] = [:]
    /// Per table, its columns that refer to organisations or professionals.
    var references: [String: [Int: String]] = [:]
    /// Citizens whose rows changed (for the log), in order.
    var changedCitizens: [CitizenID] = []
    let now: Int64

    init(workspace: Workspace, peer: String, receiver: OrganisationID) {
        self.workspace = workspace
        self.peer = peer
        self.receiver = receiver
        self.now = workspace.clock().seconds
    }

    mutating func names(_ table: String) throws -> [String] {
        if let known = columns[table] { return known }
        let read = try database.columnNames(of: table)
        columns[table] = read
        var refs: [Int: String] = [:]
        try database.forEach("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", [.text(table)]) { row in
            let column: String = try row.get(0)
            let target: String = try row.get(1)
            if target == Organisation.table || target == Professional.table, let index = read.firstIndex(of: column) {
                refs[index] = target
            }
        }
        references[table] = refs
        return read
    }

    // MARK: Organisations and professionals

    /// The local organisation for the sender's, created when none matches.
    mutating func organisation(remote: SyncOrganisation) throws -> OrganisationID {
        if let local = try workspace.matchOrganisation(remote, peer: peer) {
            try remember(Organisation.table, remote: remote.id, local: local.rawValue)
            sender = local
            return local
        }
        let local = try insertFree(Organisation.table, id: remote.id, columns: ["name", "kind"],
                                   values: [.text(remote.name), .text(remote.kind)])
        try remember(Organisation.table, remote: remote.id, local: local)
        sender = OrganisationID(local)
        return sender
    }

    /// Notes that the peer's `remote` is `local` here, for this file and the ones after it.
    mutating func remember(_ table: String, remote: Int64, local: Int64) throws {
        mapping[table, default: [:]][remote] = local
        try database.execute("""
            INSERT INTO sync_mapping (peer_installation, table_name, remote_id, local_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (peer_installation, table_name, remote_id) DO UPDATE SET local_id = excluded.local_id
            """, [.text(peer), .text(table), .integer(remote), .integer(local)])
    }

    private mutating func local(_ table: String, remote: Int64) throws -> Int64 {
        if let known = mapping[table]?[remote] { return known }
        if let stored = try workspace.mappedID(peer: peer, table: table, remote: remote) {
            mapping[table, default: [:]][remote] = stored
            return stored
        }
        return remote
    }

    /// Inserts a row under `id` when it is free here, else under a new id; returns the id.
    private func insertFree(_ table: String, id: Int64, columns: [String], values: [SQLValue]) throws -> Int64 {
        let taken = try database.scalar("SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", [.integer(id)]) == .integer(1)
        let all = columns + ["created_at", "created_by", "updated_at", "updated_by", "version"]
        let audit: [SQLValue] = [.integer(now), .text(workspace.actor.username), .integer(now), .text(workspace.actor.username), .integer(1)]
        let placeholders = Array(repeating: "?", count: all.count + 1).joined(separator: ", ")
        try database.execute("INSERT INTO \(table) (id, \(all.joined(separator: ", "))) VALUES (\(placeholders))",
                             [taken ? .null : .integer(id)] + values + audit)
        return database.lastInsertRowID
    }

    /// Matches the organisations and professionals the file carries to local ones, so that
    /// every row can be translated: remembered, else by name and kind (organisations), by user
    /// name, else name and organisation (professionals). One that matches none keeps its id
    /// when it is free here and is added under a new one when it is not.
    private mutating func matchPeople(_ changes: [RowChange]) throws {
        for table in [Organisation.table, Professional.table] {
            for change in changes where change.table == table {
                guard let values = change.after ?? change.before, case .integer(let remote)? = change.key.first,
                      try workspace.mappedID(peer: peer, table: table, remote: remote) == nil else { continue }
                if let local = try match(table, remote: remote, try self.values(table, values)) {
                    try remember(table, remote: remote, local: local)
                    continue
                }
                guard change.before == nil else { continue }
                guard try database.scalar("SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", [.integer(remote)]) == .integer(1) else {
                    try remember(table, remote: remote, local: remote)
                    continue
                }
                let names = try self.names(table)
                var row = (try translated(change).after ?? []).map { $0 ?? .null }
                if let index = names.firstIndex(of: "id") { row[index] = .null }
                let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
                try database.execute("INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))", row)
                try remember(table, remote: remote, local: database.lastInsertRowID)
            }
        }
    }

    private mutating func match(_ table: String, remote: Int64, _ named: [String: SQLValue]) throws -> Int64? {
        if table == Organisation.table {
            guard case .text(let name)? = named["name"], case .text(let kind)? = named["kind"] else { return nil }
            return try workspace.matchOrganisation(SyncOrganisation(id: remote, name: name, kind: kind), peer: peer)?.rawValue
        }
        // A professional is the same person here only within the same organisation: an account
        // name alone ("root", "anna") is another machine's and may be someone else here.
        guard case .integer(let organisation)? = named["organisation_id"] else { return nil }
        let here = try local(Organisation.table, remote: organisation)
        if case .text(let username)? = named["username"],
           let local = Int64(sqlValue: try database.scalar("SELECT id FROM professional WHERE username = ? AND organisation_id = ?",
                                                           [.text(username), .integer(here)])) {
            return local
        }
        guard case .text(let name)? = named["name"] else { return nil }
        return Int64(sqlValue: try database.scalar("SELECT id FROM professional WHERE name = ? AND organisation_id = ? ORDER BY id LIMIT 1",
                                                   [.text(name), .integer(here)]))
    }

    private mutating func values(_ table: String, _ values: [SQLValue?]) throws -> [String: SQLValue] {
        let names = try self.names(table)
        var result: [String: SQLValue] = [:]
        for (index, value) in values.enumerated() where index < names.count { if let value { result[names[index]] = value } }
        return result
    }

    /// The change with ids of organisations and professionals as they are here; a professional
    /// new here keeps neither the user name nor an administrator's role.
    private mutating func translated(_ change: RowChange) throws -> RowChange {
        let names = try self.names(change.table)
        let refs = references[change.table] ?? [:]
        func translate(_ side: [SQLValue?]?) throws -> [SQLValue?]? {
            guard var side else { return nil }
            for (index, target) in refs where index < side.count {
                if case .integer(let remote)? = side[index] { side[index] = .integer(try local(target, remote: remote)) }
            }
            if change.table == Organisation.table || change.table == Professional.table, let idIndex = names.firstIndex(of: "id"),
               case .integer(let remote)? = side[idIndex] {
                side[idIndex] = .integer(try local(change.table, remote: remote))
            }
            if change.table == Professional.table {
                // Who may sign in as whom, and as what, is decided here: an arriving professional
                // has no user name and is never an administrator; changes to either are not taken.
                let inserting = change.before == nil
                for (index, name) in names.enumerated() where index < side.count && side[index] != nil {
                    if name == "username" { side[index] = inserting ? .null : nil }
                    if name == "role", !inserting { side[index] = nil }
                    if name == "role", inserting, side[index] == .text(ProfessionalRole.administrator.rawValue) {
                        side[index] = .text(ProfessionalRole.other.rawValue)
                    }
                }
            }
            return side
        }
        return RowChange(table: change.table, before: try translate(change.before), after: try translate(change.after),
                         primaryKey: change.primaryKey)
    }

    // MARK: Applying

    mutating func run(_ changeset: Changeset, summary: inout SyncImportSummary, erasedFiles: inout [String]) throws {
        let known = Set(Workspace.syncTables)
        var incoming: [RowChange] = []
        for change in changeset.changes where known.contains(change.table) {
            let count = try names(change.table).count
            guard (change.after ?? change.before)?.count == count else { throw SyncFileError.notASyncFile }
            incoming.append(change)
        }
        try matchPeople(incoming)
        var changes = try incoming.map { try translated($0) }
        try database.execute("PRAGMA defer_foreign_keys = ON")

        // Citizens that left the shared set: their copy here is erased. A citizen of the
        // receiving organisation stays, and so do all their rows the file would delete.
        var kept: Set<CitizenID> = []
        for change in changes where change.table == Citizen.table && change.after == nil {
            guard case .integer(let id)? = change.key.first else { continue }
            let citizen = CitizenID(id)
            guard let owner = try database.fetchOne("SELECT organisation_id FROM citizen WHERE id = ?", [citizen.sqlValue]) else { continue }
            if OrganisationID(sqlValue: owner[0]) == receiver {
                kept.insert(citizen)
                continue
            }
            let erased = try workspace.eraseRows(citizen: citizen, reason: "sync: no longer shared by organisation \(sender.rawValue)")
            erasedFiles += erased.files
            summary.citizensErased += 1
        }
        if !kept.isEmpty {
            changes = try changes.filter { change in
                guard change.after == nil else { return true }
                return try UndoTable.citizens(of: change, in: Changeset(changes: []), database: database).allSatisfy { !kept.contains($0) }
            }
        }

        let inserts = changes.filter { $0.before == nil }.sorted { UndoTable.rank(of: $0.table) < UndoTable.rank(of: $1.table) }
        let updates = changes.filter { $0.before != nil && $0.after != nil }
        let deletes = changes.filter { $0.after == nil }.sorted { UndoTable.rank(of: $0.table) > UndoTable.rank(of: $1.table) }
        for change in inserts { try insert(change, summary: &summary) }
        for change in updates { try update(change, summary: &summary) }
        for change in deletes { try delete(change, summary: &summary) }
        summary.citizensChanged = changedCitizens.count
    }

    private func current(_ change: RowChange, _ names: [String]) throws -> [SQLValue]? {
        try database.currentValues(of: change, columns: names)
    }

    private func keyCondition(_ change: RowChange, _ names: [String]) -> String {
        zip(names, change.primaryKey).filter(\.1).map { "\($0.0) = ?" }.joined(separator: " AND ")
    }

    private mutating func insert(_ change: RowChange, summary: inout SyncImportSummary) throws {
        guard let after = change.after else { return }
        let names = try self.names(change.table)
        if change.table == Organisation.table || change.table == Professional.table, try current(change, names) != nil {
            return // matched to one of ours, or added already: nothing to add
        }
        var row = after.map { $0 ?? .null }
        if change.table == Citizen.table, let index = names.firstIndex(of: "household_id"), row[index] != .null,
           try database.scalar("SELECT EXISTS (SELECT 1 FROM household WHERE id = ?)", [row[index]]) != .integer(1) {
            // A household the file does not carry: the citizen arrives without one.
            row[index] = .null
        }
        if let existing = try current(change, names) {
            // Both sides have the row: what differs is a conflict; what is equal needs nothing.
            for index in names.indices where !change.primaryKey[index] && !Self.unconflicted(names[index]) && existing[index] != row[index] {
                try conflict(change, column: names[index], local: existing[index], remote: row[index], remoteRow: after, names: names)
                summary.conflicts += 1
            }
            return
        }
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        do {
            try database.execute("INSERT INTO \(change.table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))", row)
        } catch let error as DatabaseError where error.extendedCode == 2067 /* SQLITE_CONSTRAINT_UNIQUE */ {
            // Another row here holds the same unique value (a vision of the citizen made on both
            // sides): kept, and the arriving one is kept in the conflict.
            try conflict(change, column: "*", local: .null, remote: .text(Self.describe(row, names)), remoteRow: after, names: names)
            summary.conflicts += 1
            return
        }
        summary.inserted += 1
        try log(change, names: names, verb: "created")
    }

    private mutating func update(_ change: RowChange, summary: inout SyncImportSummary) throws {
        guard let before = change.before, let after = change.after else { return }
        let names = try self.names(change.table)
        guard let existing = try current(change, names) else {
            // Changed there, deleted here: the change is kept in the conflict.
            for index in names.indices where !change.primaryKey[index] && !Self.unconflicted(names[index]) {
                guard let remote = after[index] else { continue }
                try conflict(change, column: names[index], local: .null, remote: remote, remoteRow: after, names: names)
                summary.conflicts += 1
            }
            return
        }
        var assignments: [String] = []
        var arguments: [SQLValue] = []
        var nameApplied = false
        for index in names.indices where !change.primaryKey[index] && !Self.unconflicted(names[index]) {
            guard let remote = after[index] else { continue }
            let local = existing[index]
            if local == remote {
                try resolveConverged(change, column: names[index])
                continue
            }
            if before[index] == nil || before[index] == local {
                assignments.append("\(names[index]) = ?")
                arguments.append(remote)
                if names[index] == "name" { nameApplied = true }
            } else {
                try conflict(change, column: names[index], local: local, remote: remote, remoteRow: after, names: names)
                summary.conflicts += 1
            }
        }
        guard !assignments.isEmpty else { return }
        if nameApplied {
            for derived in ["name_key", "name_sort"] {
                if let index = names.firstIndex(of: derived), let value = after[index] {
                    assignments.append("\(derived) = ?")
                    arguments.append(value)
                }
            }
        }
        if UndoTable.named(change.table)?.audited == true {
            let by = names.firstIndex(of: "updated_by").flatMap { after[$0] } ?? .text(workspace.actor.username)
            let at = names.firstIndex(of: "updated_at").flatMap { after[$0] } ?? .integer(now)
            assignments += ["updated_at = ?", "updated_by = ?", "version = version + 1"]
            arguments += [at, by]
        }
        let history = UndoTable.historyWrittenByTrigger[change.table]
        let last = try history.map { Int64(sqlValue: try database.scalar("SELECT max(id) FROM \($0)")) ?? 0 }
        try database.execute("UPDATE \(change.table) SET \(assignments.joined(separator: ", ")) WHERE \(keyCondition(change, names))",
                             arguments + change.key)
        if let history, let last {
            // The file carries the history rows of its own side: what the trigger wrote just now goes.
            try database.execute("DELETE FROM \(history) WHERE id > ?", [.integer(last)])
        }
        summary.updated += 1
        try log(change, names: names, verb: "updated")
    }

    private mutating func delete(_ change: RowChange, summary: inout SyncImportSummary) throws {
        guard let before = change.before else { return }
        let names = try self.names(change.table)
        guard let existing = try current(change, names) else { return }
        let changedHere = names.indices.contains { index in
            !change.primaryKey[index] && !Self.unconflicted(names[index]) && before[index] != nil && before[index] != existing[index]
        }
        if changedHere {
            // Deleted there, changed here: kept, and flagged.
            try conflict(change, column: "*", local: .null, remote: .null, remoteRow: before, names: names)
            summary.conflicts += 1
            return
        }
        try log(change, names: names, verb: "deleted")
        try database.execute("DELETE FROM \(change.table) WHERE \(keyCondition(change, names))", change.key)
        summary.deleted += 1
    }

    /// Columns a sync never checks for conflicts: the audit columns move with each side's own
    /// saves, and a citizen's search and sort keys follow the name.
    private static func unconflicted(_ column: String) -> Bool {
        ["created_at", "created_by", "updated_at", "updated_by", "version", "name_key", "name_sort"].contains(column)
    }

    /// The values of a row as compact text (`column=value`), for a row kept only in a conflict.
    private static func describe(_ row: [SQLValue], _ names: [String]) -> String {
        zip(names, row).map { name, value in
            switch value {
            case .null: return "\(name)="
            case .integer(let number): return "\(name)=\(number)"
            case .real(let number): return "\(name)=\(number)"
            case .text(let text): return "\(name)=\(text)"
            case .blob(let bytes): return "\(name)=<\(bytes.count) bytes>"
            }
        }.joined(separator: "\n")
    }

    // MARK: Conflicts and the log

    /// Records that a field was changed on both sides: the local value stays, both are kept.
    /// An open conflict of the same field takes the newer remote value.
    private mutating func conflict(_ change: RowChange, column: String, local: SQLValue, remote: SQLValue,
                                   remoteRow: [SQLValue?], names: [String]) throws {
        let rowID = change.key.first ?? .null
        let citizen = try citizen(of: change)
        let by = names.firstIndex(of: "updated_by").flatMap { remoteRow[$0] } ?? .null
        let at = names.firstIndex(of: "updated_at").flatMap { remoteRow[$0] } ?? .null
        try database.execute("""
            DELETE FROM sync_conflict WHERE table_name = ? AND row_id = ? AND column_name = ? AND resolved_at IS NULL
            """, [.text(change.table), rowID, .text(column)])
        try database.execute("""
            INSERT INTO sync_conflict (peer_installation, table_name, row_id, citizen_id, column_name, local_value, remote_value,
                                       remote_by, remote_at, detected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(peer), .text(change.table), rowID, citizen.sqlValue, .text(column), local, remote, by, at, .integer(now)])
        try workspace.appendAccessLog(citizen == nil ? .admin : .change, citizen: citizen,
                                      detail: "sync conflict \(change.table) \(Self.number(rowID)) \(column)")
        note(citizen)
    }

    /// Both sides now hold the same value: an open conflict of that field is settled.
    private func resolveConverged(_ change: RowChange, column: String) throws {
        try database.execute("""
            UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = 'local'
            WHERE table_name = ? AND row_id = ? AND column_name = ? AND resolved_at IS NULL
            """, [.integer(now), .text(workspace.actor.username), .text(change.table), change.key.first ?? .null, .text(column)])
    }

    private func citizen(of change: RowChange) throws -> CitizenID? {
        try UndoTable.citizens(of: change, in: Changeset(changes: []), database: database).first
    }

    private mutating func note(_ citizen: CitizenID?) {
        if let citizen, !changedCitizens.contains(citizen) { changedCitizens.append(citizen) }
    }

    /// One log entry per record changed, about its citizen ("sync meeting 12 created"); an
    /// organisation's or professional's is an administrator's change.
    private mutating func log(_ change: RowChange, names: [String], verb: String) throws {
        let citizen = try citizen(of: change)
        note(citizen)
        guard let table = UndoTable.named(change.table), let kind = table.kindName else { return }
        let action: AccessAction = !table.belongsToCitizen ? .admin : verb == "deleted" ? .delete : .change
        try workspace.appendAccessLog(action, citizen: citizen, detail: "sync \(kind) \(Self.number(change.key.first ?? .null)) \(verb)")
    }

    private static func number(_ value: SQLValue) -> String {
        if case .integer(let id) = value { return String(id) }
        return "?"
    }
}
