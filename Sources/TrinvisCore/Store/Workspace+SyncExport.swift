/// Why a sync export was refused. Nothing was written and nothing changed.
package enum SyncExportError: Error, Sendable, Equatable {
    /// The actor is registered with no organisation: there is nothing that is theirs to share.
    case noOrganisation
    /// The peer is the actor's own organisation.
    case ownOrganisation(name: String)
    /// Exports to this peer are made as another organisation of this installation (the first
    /// export's); one peer has one shared state.
    case exportsMadeAs(organisation: String, peer: String)
    /// The shared state with the peer kept changing while the file was being worked out
    /// (other exports or imports at the same moment); nothing was written.
    case busy(peer: String)
}

/// What one export wrote.
package struct SyncExportSummary: Sendable, Equatable {
    /// The peer organisation and its name.
    package let peer: OrganisationID
    package let peerName: String
    /// The file's number in the exchange with the peer.
    package let sequence: Int64
    /// How many rows the changeset inserts, updates or deletes.
    package let rows: Int
    /// The citizens with rows in the file, and of those the ones it erases at the peer.
    package let citizens: Int
    package let erased: Int
    /// The length of the whole file.
    package let bytes: Int
}

/// One peer of this installation and the last exchange each way.
package struct SyncPeerStatus: Sendable, Equatable {
    package let organisation: OrganisationID
    package let name: String
    package let kind: OrganisationKind
    /// The peer's installation id, once a file from it arrived.
    package let installation: String?
    /// The number of the last file sent and when (nil: none yet).
    package let sentSequence: Int64
    package let lastSentAt: Int64?
    /// The number of the last file received and when.
    package let receivedSequence: Int64
    package let lastReceivedAt: Int64?
    /// Conflicts found in files from the peer that no one resolved yet.
    package let openConflicts: Int
}

extension Workspace {
    /// Writes the next sync file for the organisation `peer`: what changed, since the state last
    /// agreed with it, in what this installation shares with it (see `SyncSelection`), as a
    /// changeset after the header.
    ///
    /// The changeset is worked out from one read snapshot, without the write lock; then, under
    /// the lock, the file is built, every citizen with rows in it is logged (`export`, the erased
    /// ones as such), `write` gets the bytes, and the new shared state and the file's number are
    /// recorded, so a file that could not be written changes nothing. If another export or an
    /// import from the peer changed the shared state meanwhile, the changeset is worked out again.
    package func syncExport(to peer: OrganisationID, write: ([UInt8]) throws -> Void) throws -> SyncExportSummary {
        guard let own = actor.organisationID else { throw SyncExportError.noOrganisation }
        let from = try get(Organisation.self, id: own)
        let target = try get(Organisation.self, id: peer)
        guard peer != own else { throw SyncExportError.ownOrganisation(name: target.name) }
        for _ in 1...3 {
            try SyncSelection.attach(to: database)
            defer { SyncSelection.detach(from: database) }
            let prepared = try database.readTransaction { () -> (state: SyncPeerState, changeset: [UInt8]) in
                let state = try syncPeerState(peer)
                if let recorded = state.from, recorded != own {
                    let name = try fetch(Organisation.self, id: recorded)?.name ?? String(recorded.rawValue)
                    throw SyncExportError.exportsMadeAs(organisation: name, peer: target.name)
                }
                var selection = SyncSelection(database: database, from: own, peer: peer, peerHoldsCPR: target.holdsCPR)
                try selection.createTables()
                try selection.loadShadow(try Changeset(bytes: state.shadow))
                try selection.shareCitizens(today: today, condition: accessCondition(citizenColumn: "c.id"))
                try selection.copyRows()
                return (state, try selection.difference())
            }
            syncExportPrepared?()
            let summary = try database.transaction { () -> SyncExportSummary? in
                guard try syncPeerState(peer) == prepared.state else { return nil }
                let changeset = prepared.changeset, state = prepared.state
                let changes = try Changeset(bytes: changeset)
                let sequence = state.sent + 1
                let now = clock().seconds
                let file = SyncFile(header: SyncHeader(
                    fromInstallation: try installationID, fromSite: try site,
                    fromOrganisation: SyncOrganisation(id: own.rawValue, name: from.name, kind: from.kind.rawValue),
                    toOrganisation: SyncOrganisation(id: peer.rawValue, name: target.name, kind: target.kind.rawValue),
                    toInstallation: state.installation, sequence: sequence, createdAt: now, createdBy: actor.username,
                    changesetBytes: changeset.count, changesetSHA256: SHA256.hex(SHA256.digest(changeset)),
                    tables: SyncSelection.tables.filter { table in changes.changes.contains { $0.table == table } }),
                    changeset: changeset)
                let bytes = file.bytes
                let logged = try logSyncExport(changes, sequence: sequence, peer: peer)
                try write(bytes)
                try database.execute("""
                    INSERT INTO sync_peer (organisation_id, shadow, sent_seq, last_sent_at, from_organisation_id)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (organisation_id) DO UPDATE SET shadow = excluded.shadow, sent_seq = excluded.sent_seq,
                        last_sent_at = excluded.last_sent_at, from_organisation_id = excluded.from_organisation_id
                    """, [peer.sqlValue, .blob(try Changeset.combined([state.shadow, changeset])), .integer(sequence),
                          .integer(now), own.sqlValue])
                return SyncExportSummary(peer: peer, peerName: target.name, sequence: sequence, rows: changes.changes.count,
                                         citizens: logged.citizens, erased: logged.erased, bytes: bytes.count)
            }
            if let summary { return summary }
        }
        throw SyncExportError.busy(peer: target.name)
    }

    /// The peer's shared state as recorded (a peer never exchanged with has none yet).
    private struct SyncPeerState: Equatable {
        var shadow: [UInt8] = []
        var sent: Int64 = 0
        var installation: String?
        var from: OrganisationID?
    }

    private func syncPeerState(_ peer: OrganisationID) throws -> SyncPeerState {
        guard let row = try database.fetchOne(
            "SELECT shadow, sent_seq, installation_id, from_organisation_id FROM sync_peer WHERE organisation_id = ?",
            [peer.sqlValue]) else { return SyncPeerState() }
        var state = SyncPeerState(sent: try row.get(1), installation: try row.get(2), from: try row.get(3))
        if case .blob(let bytes) = row.values[0] { state.shadow = bytes }
        return state
    }

    /// Logs each citizen with rows in the changeset: an `export` entry naming the file, and for
    /// a citizen whose own row it deletes, that the file erases them at the peer.
    private func logSyncExport(_ changes: Changeset, sequence: Int64, peer: OrganisationID) throws
        -> (citizens: Int, erased: Int) {
        let erased = Set(changes.changes.filter { $0.table == "citizen" && $0.after == nil }.compactMap {
            CitizenID(sqlValue: $0.key.first ?? .null)
        })
        let citizens = try UndoTable.citizens(in: changes, database: database)
        for citizen in citizens {
            let what = erased.contains(citizen) ? "erased there" : "sent"
            try appendAccessLog(.export, citizen: citizen,
                                detail: "sync file \(sequence) to organisation \(peer.rawValue): \(what)")
        }
        return (citizens.count, erased.count)
    }

    /// Every peer this installation exchanged with, by name, with the last file each way and
    /// the conflicts not yet resolved.
    package func syncPeers() throws -> [SyncPeerStatus] {
        try database.fetchAll("""
            SELECT o.id, o.name, o.kind, p.installation_id, p.sent_seq, p.last_sent_at, p.received_seq, p.last_received_at,
                   (SELECT count(*) FROM sync_conflict c WHERE c.peer_installation = p.installation_id AND c.resolved_at IS NULL)
            FROM sync_peer p JOIN organisation o ON o.id = p.organisation_id
            ORDER BY o.name, o.id
            """) { row in
            SyncPeerStatus(organisation: try row.get(0), name: try row.get(1), kind: try row.get(2), installation: try row.get(3),
                           sentSequence: try row.get(4), lastSentAt: try row.get(5), receivedSequence: try row.get(6),
                           lastReceivedAt: try row.get(7), openConflicts: Int(try row.get(8) as Int64))
        }
    }
}
