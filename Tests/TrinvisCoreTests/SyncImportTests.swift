import Foundation
import Testing
@testable import TrinvisCore

/// One installation of a sync test: its own database file, installation id and organisations.
struct SyncSide {
    let directory: TemporaryDirectory
    let clock: TestClock
    let workspace: Workspace
    let installation: String
    let admin: String
    var path: String { directory.path("trinvis.sqlite") }

    /// A database with the organisations in `organisations` (created in that order, so ids
    /// differ between sides) and an administrator of the first one.
    init(organisations: [(String, OrganisationKind)], admin: String = "admin") throws {
        directory = try TemporaryDirectory()
        let clock = TestClock()
        self.clock = clock
        self.admin = admin
        workspace = try Workspace(path: directory.path("trinvis.sqlite"), username: admin, clock: { clock.now })
        installation = try workspace.installationID
        var first: OrganisationID?
        for (name, kind) in organisations {
            let made = try workspace.create(Organisation(name: name, kind: kind))
            if first == nil { first = made.id }
        }
        try workspace.create(Professional(name: "Ada Admin", role: .administrator, organisationID: first, username: admin))
        try workspace.refreshActor()
    }

    /// The organisation here named `name`.
    func organisation(_ name: String) throws -> Organisation {
        try #require(try workspace.all(Organisation.self).first { $0.name == name })
    }

    /// What `body` changes in the synced tables, as a changeset.
    func recording(_ body: () throws -> Void) throws -> [UInt8] {
        let session = try Session(database: workspace.database, tables: Workspace.syncTables)
        try body()
        return try session.changesetBytes()
    }

    /// A sync file from this side's `from` organisation to `to` (as known here).
    func file(from: String, to: String, toInstallation: String? = nil, sequence: Int64, _ changeset: [UInt8]) throws -> [UInt8] {
        let sender = try organisation(from), receiver = try organisation(to)
        let header = SyncHeader(fromInstallation: installation, fromSite: try workspace.site,
                                fromOrganisation: SyncOrganisation(id: sender.id.rawValue, name: sender.name, kind: sender.kind.rawValue),
                                toOrganisation: SyncOrganisation(id: receiver.id.rawValue, name: receiver.name, kind: receiver.kind.rawValue),
                                toInstallation: toInstallation, sequence: sequence, createdAt: clock.now.seconds, createdBy: "admin",
                                changesetBytes: 0, changesetSHA256: "", tables: Workspace.syncTables)
        return SyncFile(header: header, changeset: changeset).bytes
    }

    /// A copy of this side's database, opened as its administrator (to record a change that
    /// should not happen here, such as an erasure).
    func copy() throws -> (TemporaryDirectory, Workspace) {
        let folder = try TemporaryDirectory()
        try workspace.checkpointWAL()
        try FileManager.default.copyItem(atPath: path, toPath: folder.path("copy.sqlite"))
        let clock = self.clock
        return (folder, try Workspace(path: folder.path("copy.sqlite"), username: admin, clock: { clock.now }))
    }

    /// Every row of the synced tables, the conflicts and the peers, as text: equal before and
    /// after a refused file.
    func snapshot() throws -> String {
        var text = ""
        for table in Workspace.syncTables + ["sync_conflict", "sync_peer", "sync_mapping"] {
            for row in try workspace.database.fetchAll("SELECT * FROM \(table) ORDER BY 1") {
                text += "\(table): \(row.values)\n"
            }
        }
        return text
    }
}

@Suite struct SyncImportTests {
    /// A municipality with a citizen shared with the drop-in centre, and the drop-in centre's
    /// laptop (its organisations created in another order, so that ids must be translated).
    private func pair() throws -> (municipality: SyncSide, dropIn: SyncSide, citizen: Citizen, meeting: Meeting, first: [UInt8]) {
        let municipality = try SyncSide(organisations: [("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try SyncSide(organisations: [("Frivilligcenter", .other), ("Bydelshuset", .other),
                                                   ("Værestedet Ø", .dropInCentre)], admin: "laptop")
        let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
        var citizen: Citizen?
        var meeting: Meeting?
        let changes = try municipality.recording {
            let caseworker = try municipality.workspace.create(Professional(name: "Inger Holm", role: .caseworker,
                                                                            organisationID: kommune.id, username: "inger"))
            let made = try municipality.workspace.create(Citizen(name: "Søren Ærø \u{1B}]0;hacked\u{07}", registeredOn: day("2026-01-05"),
                                                                 organisationID: kommune.id))
            try municipality.workspace.create(Consent(citizenID: made.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                                      givenOn: day("2026-01-05"), categories: [.contact, .meetings]))
            meeting = try municipality.workspace.create(Meeting(citizenID: made.id, at: instant("2026-02-01T10:00:00+01:00"),
                                                                attendees: [caseworker.id], authorID: caseworker.id, notes: "første"))
            citizen = made
        }
        let first = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 1, changes)
        return (municipality, dropIn, try #require(citizen), try #require(meeting), first)
    }

    @Test func aFirstFileAddsTheRowsAndMatchesOrganisationsByNameAndKind() throws {
        let (municipality, dropIn, citizen, meeting, first) = try pair()
        let summary = try dropIn.workspace.importSync(first)
        #expect(summary.inserted > 0 && summary.conflicts == 0 && !summary.alreadyApplied && summary.citizensChanged == 1)
        let arrived = try #require(try dropIn.workspace.fetch(Citizen.self, id: citizen.id))
        // The municipality is new here and keeps its id; the drop-in centre is matched.
        let kommune = try dropIn.organisation("Aarhus Kommune")
        #expect(arrived.organisationID == kommune.id && arrived.name == citizen.name)
        #expect(try dropIn.workspace.all(Organisation.self).filter { $0.name == "Værestedet Ø" }.count == 1)
        let consent = try #require(try dropIn.workspace.all(Consent.self, parent: citizen.id.sqlValue).first)
        #expect(consent.recipientID == (try dropIn.organisation("Værestedet Ø")).id)
        #expect(consent.recipientID != (try municipality.organisation("Værestedet Ø")).id)
        #expect(try dropIn.workspace.fetch(Meeting.self, id: meeting.id)?.notes == "første")
        // The caseworker arrives without the user name and cannot sign in here.
        let inger = try #require(try dropIn.workspace.all(Professional.self).first { $0.name == "Inger Holm" })
        #expect(inger.username == nil && inger.organisationID == kommune.id)
        // Logged about the citizen; the peer remembers the file.
        #expect(try dropIn.workspace.accessLogEntries(citizen: citizen.id).contains { $0.detail.hasPrefix("sync citizen") })
        #expect(try dropIn.workspace.database.scalar("SELECT received_seq FROM sync_peer") == .integer(1))
        #expect(try dropIn.workspace.database.scalar("SELECT length(shadow) > 0 FROM sync_peer") == .integer(1))

        let before = try dropIn.snapshot()
        let again = try dropIn.workspace.importSync(first)
        #expect(again.alreadyApplied && again.inserted == 0)
        #expect(try dropIn.snapshot() == before)
    }

    @Test func aProfessionalHereWithTheSameAccountNameInAnotherOrganisationIsNotTakenForTheOneArriving() throws {
        let (_, dropIn, _, meeting, first) = try pair()
        let cafe = try dropIn.organisation("Værestedet Ø")
        let lise = try dropIn.workspace.create(Professional(name: "Lise Lund", role: .dropInCounselor, organisationID: cafe.id,
                                                            username: "inger"))
        _ = try dropIn.workspace.importSync(first)
        let inger = try #require(try dropIn.workspace.all(Professional.self).first { $0.name == "Inger Holm" })
        #expect(inger.id != lise.id && inger.username == nil)
        let arrived = try #require(try dropIn.workspace.fetch(Meeting.self, id: meeting.id))
        #expect(arrived.authorID == inger.id && arrived.attendees == [inger.id])
        let stays = try dropIn.workspace.get(Professional.self, id: lise.id)
        #expect(stays.name == "Lise Lund" && stays.username == "inger" && stays.organisationID == cafe.id)
    }

    @Test func refusedFilesChangeNothing() throws {
        let (municipality, dropIn, _, _, first) = try pair()
        let before = try dropIn.snapshot()
        #expect(throws: SyncFileError.damaged) { try dropIn.workspace.importSync(Array(first.dropLast(3))) }
        var altered = first
        altered[altered.count - 2] ^= 0x55
        #expect(throws: SyncFileError.damaged) { try dropIn.workspace.importSync(altered) }
        #expect(throws: SyncFileError.notASyncFile) { try dropIn.workspace.importSync(Array("SQLite format 3\0".utf8) + first) }
        #expect(throws: SyncFileError.notASyncFile) { try dropIn.workspace.importSync([]) }
        let foreign = try municipality.file(from: "Aarhus Kommune", to: "Aarhus Kommune", sequence: 1,
                                            try municipality.recording {})
        #expect(throws: SyncFileError.meantForAnotherInstallation(organisation: "Aarhus Kommune")) {
            try dropIn.workspace.importSync(foreign)
        }
        let elsewhere = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", toInstallation: UUID().uuidString,
                                              sequence: 1, try municipality.recording {})
        #expect(throws: SyncFileError.meantForAnotherInstallation(organisation: "Værestedet Ø")) {
            try dropIn.workspace.importSync(elsewhere)
        }
        // Its own file is not for itself.
        #expect(throws: SyncFileError.meantForAnotherInstallation(organisation: "Værestedet Ø")) {
            try municipality.workspace.importSync(first)
        }
        let third = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 3, try municipality.recording {})
        #expect(throws: SyncFileError.outOfOrder(missing: 1)) { try dropIn.workspace.importSync(third) }
        #expect(try dropIn.snapshot() == before)
    }

    @Test func aFileThatCannotBeAppliedWhollyAppliesNothing() throws {
        let (municipality, dropIn, _, _, first) = try pair()
        try dropIn.workspace.importSync(first)
        let kommune = try municipality.organisation("Aarhus Kommune")
        let unknown = try municipality.workspace.create(Citizen(name: "Ukendt Person", registeredOn: day("2026-01-05"),
                                                                organisationID: kommune.id))
        let changes = try municipality.recording {
            try municipality.workspace.create(Citizen(name: "Ny Borger", registeredOn: day("2026-01-06"), organisationID: kommune.id))
            // A meeting of a citizen the file does not carry: its reference fails at the commit.
            try municipality.workspace.create(Meeting(citizenID: unknown.id, at: instant("2026-02-03T10:00:00+01:00")))
        }
        let before = try dropIn.snapshot()
        let file = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 2, changes)
        #expect(throws: DatabaseError.self) { try dropIn.workspace.importSync(file) }
        #expect(try dropIn.snapshot() == before)
    }

    @Test func aFieldChangedOnBothSidesIsFlaggedOnBothAndNeitherVersionIsLost() throws {
        let (municipality, dropIn, _, meeting, first) = try pair()
        try dropIn.workspace.importSync(first)
        let there = try municipality.recording {
            var changed = try municipality.workspace.get(Meeting.self, id: meeting.id)
            changed.notes = "Kommunens note"
            changed.place = "Rådhuset"
            try municipality.workspace.update(changed)
        }
        let here = try dropIn.recording {
            var changed = try dropIn.workspace.get(Meeting.self, id: meeting.id)
            changed.notes = "Værestedets note"
            try dropIn.workspace.update(changed)
        }
        let toDropIn = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 2, there)
        let summary = try dropIn.workspace.importSync(toDropIn)
        #expect(summary.conflicts == 1 && summary.updated == 1)
        let kept = try #require(try dropIn.workspace.fetch(Meeting.self, id: meeting.id))
        #expect(kept.notes == "Værestedets note" && kept.place == "Rådhuset")
        let row = try #require(try dropIn.workspace.database.fetchOne(
            "SELECT column_name, local_value, remote_value, citizen_id, resolved_at FROM sync_conflict"))
        #expect(row[0] == .text("notes") && row[1] == .text("Værestedets note") && row[2] == .text("Kommunens note"))
        #expect(row[3] == meeting.citizenID.sqlValue && row[4] == .null)

        let toMunicipality = try dropIn.file(from: "Værestedet Ø", to: "Aarhus Kommune", sequence: 1, here)
        let back = try municipality.workspace.importSync(toMunicipality)
        #expect(back.conflicts == 1)
        #expect(try municipality.workspace.fetch(Meeting.self, id: meeting.id)?.notes == "Kommunens note")
        let mirrored = try #require(try municipality.workspace.database.fetchOne("SELECT local_value, remote_value FROM sync_conflict"))
        #expect(mirrored[0] == .text("Kommunens note") && mirrored[1] == .text("Værestedets note"))
    }

    @Test func aCitizenWhoLeftTheSharedSetIsErasedButNeverOneOfTheReceiversOwn() throws {
        let (municipality, dropIn, citizen, meeting, first) = try pair()
        try dropIn.workspace.importSync(first)
        // The municipality's copy erases the citizen: the file deletes every row of theirs.
        let (folder, copy) = try municipality.copy()
        let session = try Session(database: copy.database, tables: Workspace.syncTables)
        _ = try copy.erase(citizen: citizen.id, reason: "consent withdrawn")
        let gone = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 2, try session.changesetBytes())
        _ = folder

        // The drop-in centre sends the same deletion back first: the municipality keeps its citizen.
        let (laptopFolder, laptopCopy) = try dropIn.copy()
        let laptopSession = try Session(database: laptopCopy.database, tables: Workspace.syncTables)
        _ = try laptopCopy.erase(citizen: citizen.id, reason: "left")
        let back = try dropIn.file(from: "Værestedet Ø", to: "Aarhus Kommune", sequence: 1, try laptopSession.changesetBytes())
        _ = laptopFolder
        let kept = try municipality.workspace.importSync(back)
        #expect(kept.citizensErased == 0 && kept.deleted == 0)
        #expect(try municipality.workspace.fetch(Meeting.self, id: meeting.id) != nil)

        let summary = try dropIn.workspace.importSync(gone)
        #expect(summary.citizensErased == 1)
        #expect(try dropIn.workspace.fetch(Citizen.self, id: citizen.id) == nil)
        #expect(try dropIn.workspace.database.scalar("SELECT count(*) FROM meeting") == .integer(0))
        #expect(try dropIn.workspace.accessLogEntries(citizen: citizen.id).last?.action == .erase)
        // The shadow forgets them, so the next export from here sends nothing about them.
        let shadow = try dropIn.workspace.database.scalar("SELECT shadow FROM sync_peer")
        guard case .blob(let bytes) = shadow else { Issue.record("no shadow"); return }
        #expect(!(try Changeset(bytes: bytes)).changes.contains { $0.table == "citizen" })
    }

    @Test func onlyAdministratorsImport() throws {
        let (_, dropIn, _, _, first) = try pair()
        try dropIn.workspace.create(Professional(name: "Lise Lund", role: .dropInCounselor, username: "lise"))
        let lise = try Workspace(path: dropIn.path, username: "lise", policy: .organisation)
        #expect(throws: StoreError.administratorsOnly) { try lise.importSync(first) }
    }
}

/// Settling a sync conflict.
@Suite struct SyncConflictTests {
    /// A meeting whose notes were changed on both sides: the drop-in centre keeps its own.
    private func conflicted() throws -> (dropIn: SyncSide, meeting: Meeting, citizen: CitizenID) {
        let municipality = try SyncSide(organisations: [("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try SyncSide(organisations: [("Værestedet Ø", .dropInCentre)], admin: "laptop")
        let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
        var meeting: Meeting?
        let first = try municipality.recording {
            let made = try municipality.workspace.create(Citizen(name: "Åse Øberg", registeredOn: day("2026-01-05"), organisationID: kommune.id))
            try municipality.workspace.create(Consent(citizenID: made.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                                      givenOn: day("2026-01-05")))
            meeting = try municipality.workspace.create(Meeting(citizenID: made.id, at: instant("2026-02-01T10:00:00+01:00"), notes: "første"))
        }
        try dropIn.workspace.importSync(try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 1, first))
        let meetingID = try #require(meeting).id
        let second = try municipality.recording {
            var changed = try municipality.workspace.get(Meeting.self, id: meetingID)
            changed.notes = "Kommunens \u{1B}[31mnote"
            try municipality.workspace.update(changed)
        }
        var local = try dropIn.workspace.get(Meeting.self, id: meetingID)
        local.notes = "Værestedets note"
        try dropIn.workspace.update(local)
        try dropIn.workspace.importSync(try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 2, second))
        return (dropIn, try dropIn.workspace.get(Meeting.self, id: meetingID), try #require(meeting).citizenID)
    }

    @Test func takingTheRemoteValueSavesItThroughTheWorkspaceAndCanBeUndone() throws {
        let (dropIn, meeting, citizen) = try conflicted()
        let workspace = dropIn.workspace
        workspace.recordChangesForUndo()
        let open = try workspace.openConflicts()
        #expect(open.count == 1 && open[0].citizen == citizen && open[0].citizenName == "Åse Øberg" && open[0].kind == "meeting")
        #expect(try workspace.openConflictCount(citizen: citizen) == 1)
        try workspace.resolveConflict(open[0].id, choosing: .remote)
        #expect(try workspace.get(Meeting.self, id: meeting.id).notes == "Kommunens \u{1B}[31mnote")
        #expect(try workspace.get(Meeting.self, id: meeting.id).audit.version == meeting.audit.version + 1)
        #expect(try workspace.openConflicts().isEmpty && (try workspace.openConflictCount(citizen: citizen)) == 0)
        #expect(try workspace.accessLogEntries(citizen: citizen).last?.detail == "sync conflict meeting \(meeting.id.rawValue) notes resolved: remote")
        #expect(throws: ConflictError.alreadyResolved) { try workspace.resolveConflict(open[0].id, choosing: .local) }

        try workspace.undo()
        #expect(try workspace.get(Meeting.self, id: meeting.id).notes == "Værestedets note")
        #expect(try workspace.openConflicts().map(\.id) == [open[0].id])
    }

    @Test func keepingTheLocalValueLeavesTheRecord() throws {
        let (dropIn, meeting, _) = try conflicted()
        let open = try dropIn.workspace.openConflicts()
        try dropIn.workspace.resolveConflict(open[0].id, choosing: .local)
        let after = try dropIn.workspace.get(Meeting.self, id: meeting.id)
        #expect(after.notes == "Værestedets note" && after.audit.version == meeting.audit.version)
        #expect(try dropIn.workspace.database.scalar("SELECT resolution FROM sync_conflict") == .text("local"))
    }

    @Test func conflictsFollowTheAccessRule() throws {
        let (dropIn, _, _) = try conflicted()
        // A counselor of another organisation without a consent sees none of them.
        let other = try dropIn.workspace.create(Organisation(name: "Jobcenter", kind: .municipality))
        try dropIn.workspace.create(Professional(name: "Lise Lund", role: .caseworker, organisationID: other.id, username: "lise"))
        let lise = try Workspace(path: dropIn.path, username: "lise", policy: .organisation)
        #expect(try lise.openConflicts().isEmpty)
        let id = try #require(try dropIn.workspace.openConflicts().first).id
        #expect(throws: StoreError.self) { try lise.resolveConflict(id, choosing: .remote) }
    }
}
