import Foundation
import Testing
@testable import TrinvisCore

/// A sync conflict settled with the real binary in tmux: two installations with their own
/// database files, a meeting's notes changed on both sides, the drop-in centre's import keeping
/// its own; `K` shows both versions, `r` and the answer take the municipality's, and the
/// database holds it afterwards (read by another connection).
@Suite(.serialized) struct SyncConflictsEndToEndTests {
    /// A database of this account (its first administrator, a professional of the first
    /// organisation) with its organisations.
    private func installation(_ folder: ScratchFolder, _ name: String, _ organisations: [(String, OrganisationKind)]) throws -> Workspace {
        let workspace = try Workspace(path: folder.file(name), identity: Identity.current())
        for (name, kind) in organisations { try workspace.create(Organisation(name: name, kind: kind)) }
        let account = Identity.current().account
        var me = try #require(try workspace.all(Professional.self).first { $0.username == account })
        me.organisationID = try organisation(organisations[0].0, workspace).id
        try workspace.update(me)
        return try Workspace(path: folder.file(name), identity: Identity.current())
    }

    private func organisation(_ name: String, _ workspace: Workspace) throws -> Organisation {
        try #require(try workspace.all(Organisation.self).first { $0.name == name })
    }

    /// The next sync file for `peer`, as `trinvis sync export` writes it.
    private func export(_ workspace: Workspace, to peer: Organisation) throws -> [UInt8] {
        var bytes: [UInt8] = []
        _ = try workspace.syncExport(to: peer.id) { bytes = $0 }
        return bytes
    }

    @Test func kShowsBothVersionsAndRTakesTheOtherPlacesIntoTheDatabase() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let municipality = try installation(terminal.folder, "kommune.sqlite", [("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try installation(terminal.folder, "laptop.sqlite", [("Værestedet Ø", .dropInCentre)])
        let kommune = try organisation("Aarhus Kommune", municipality), cafe = try organisation("Værestedet Ø", municipality)
        let citizen = try municipality.create(Citizen(name: "Åse Øberg", registeredOn: LocalDate(iso: "2026-01-05")!,
                                                      organisationID: kommune.id))
        try municipality.create(Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                        givenOn: LocalDate(iso: "2026-01-05")!))
        let id = try municipality.create(Meeting(citizenID: citizen.id, at: Timestamp(iso: "2026-02-01T10:00:00+01:00")!,
                                                 notes: "første")).id
        try dropIn.importSync(try export(municipality, to: cafe))
        var changed = try municipality.get(Meeting.self, id: id)
        changed.notes = "Kommunens note om boligen"
        try municipality.update(changed)
        let second = try export(municipality, to: cafe)
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
