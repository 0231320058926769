import Foundation
import Testing
@testable import TrinvisCore

/// A sync conflict settled with the real binary in tmux: two installations with their own
/// database files, a meeting's notes changed on both sides, the drop-in centre's import keeping
/// its own; `K` shows both versions, `r` and the answer take the municipality's, and the
/// database holds it afterwards (read by another connection).
@Suite(.serialized) struct SyncConflictsEndToEndTests {
    /// A database of this account (its first administrator) with its organisations.
    private func installation(_ folder: ScratchFolder, _ name: String, _ organisations: [(String, OrganisationKind)]) throws -> Workspace {
        let workspace = try Workspace(path: folder.file(name), identity: Identity.current())
        for (name, kind) in organisations { try workspace.create(Organisation(name: name, kind: kind)) }
        return workspace
    }

    private func organisation(_ name: String, _ workspace: Workspace) throws -> Organisation {
        try #require(try workspace.all(Organisation.self).first { $0.name == name })
    }

    /// A sync file of what `body` changes through `workspace`, from the municipality to the drop-in centre.
    private func file(_ workspace: Workspace, sequence: Int64, _ body: () throws -> Void) throws -> [UInt8] {
        let session = try Session(database: workspace.database, tables: Workspace.syncTables)
        try body()
        let sender = try organisation("Aarhus Kommune", workspace), receiver = try organisation("Værestedet Ø", workspace)
        let header = SyncHeader(fromInstallation: try workspace.installationID, fromSite: try workspace.site,
                                fromOrganisation: SyncOrganisation(id: sender.id.rawValue, name: sender.name, kind: sender.kind.rawValue),
                                toOrganisation: SyncOrganisation(id: receiver.id.rawValue, name: receiver.name, kind: receiver.kind.rawValue),
                                toInstallation: nil, sequence: sequence, createdAt: 0, createdBy: "test", changesetBytes: 0,
                                changesetSHA256: "", tables: Workspace.syncTables)
        return SyncFile(header: header, changeset: try session.changesetBytes()).bytes
    }

    @Test func kShowsBothVersionsAndRTakesTheOtherPlacesIntoTheDatabase() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let municipality = try installation(terminal.folder, "kommune.sqlite", [("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try installation(terminal.folder, "laptop.sqlite", [("Værestedet Ø", .dropInCentre)])
        let kommune = try organisation("Aarhus Kommune", municipality), cafe = try organisation("Værestedet Ø", municipality)
        var meeting: Meeting?
        let first = try file(municipality, sequence: 1) {
            let citizen = try municipality.create(Citizen(name: "Åse Øberg", registeredOn: LocalDate(iso: "2026-01-05")!,
                                                          organisationID: kommune.id))
            try municipality.create(Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                            givenOn: LocalDate(iso: "2026-01-05")!))
            meeting = try municipality.create(Meeting(citizenID: citizen.id, at: Timestamp(iso: "2026-02-01T10:00:00+01:00")!,
                                                      notes: "første"))
        }
        try dropIn.importSync(first)
        let id = try #require(meeting).id
        let second = try file(municipality, sequence: 2) {
            var changed = try municipality.get(Meeting.self, id: id)
            changed.notes = "Kommunens note om boligen"
            try municipality.update(changed)
        }
        var local = try dropIn.get(Meeting.self, id: id)
        local.notes = "Værestedets note om kaffen"
        try dropIn.update(local)
        #expect(try dropIn.importSync(second).conflicts == 1)
        try dropIn.checkpointWAL()
        let path = terminal.folder.file("laptop.sqlite")

        try terminal.startTrinvis("--lang da", database: path)
        try terminal.waitForStable("Åse Øberg")
        try terminal.keys("K")
        let shown = try terminal.waitForStable("Fra det andet sted")
        #expect(shown.contains("Synkroniseringskonflikter (1 åbne)"), "\(shown)")
        #expect(shown.contains("Værestedets note om kaffen") && shown.contains("Kommunens note om boligen"), "\(shown)")
        #expect(shown.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try terminal.keys("r")
        try terminal.waitForStable("Tag feltet noter")
        // The app's yes is Enter (`y` answers nothing, as at every question).
        try terminal.keys("y")
        try terminal.waitForStable("Tag feltet noter")
        #expect(try Workspace(path: path, identity: Identity.current()).get(Meeting.self, id: id).notes == "Værestedets note om kaffen")
        try terminal.keys("Enter")
        let settled = try terminal.waitForStable("Tog udgaven fra det andet sted.")
        #expect(settled.contains("Ingen åbne konflikter"), "\(settled)")
        try terminal.keys("q")
        try terminal.waitForStable("EXIT=0")

        let after = try Workspace(path: path, identity: Identity.current())
        #expect(try after.get(Meeting.self, id: id).notes == "Kommunens note om boligen")
        #expect(try after.openConflicts().isEmpty)
        #expect(try after.database.scalar("SELECT resolution FROM sync_conflict") == .text("remote"))
    }
}
