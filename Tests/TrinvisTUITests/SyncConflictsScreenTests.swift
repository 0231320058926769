import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Two installations with real databases: a municipality and a drop-in centre's laptop sharing
/// one citizen (a hostile name). The municipality's second file changes a meeting's notes and
/// place that the laptop changed too, and deletes a meeting the laptop changed: three open
/// conflicts at the drop-in centre, the runtime's workspace.
final class SyncConflictFixture {
    let folder: URL
    let municipality: Workspace
    let dropIn: Workspace
    let citizen: CitizenID
    /// The meeting whose notes and place conflict, and the one deleted at the municipality.
    let meeting: MeetingID
    let deleted: MeetingID
    /// The notes as each side saved them (the save normalises text: line ends, controls).
    let localNotes: String
    let remoteNotes: String
    static let citizenName = "Åse \u{1B}[2J\u{1B}]0;pwned\u{07}Øberg " + String(repeating: "Langtnavn ", count: 12)
    static let localNotes = "Værestedets note \u{202E}baglæns\u{202C} " + String(repeating: "her er en lang linje ", count: 30)
    static let remoteNotes = "Kommunens \u{1B}[31mnote\u{1B}[0m\u{9B}2J " + String(repeating: "kommunens lange tekst ", count: 30)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("trinvis-conflicts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let now = DemoFixture.now
        let municipality = try Workspace(path: folder.appendingPathComponent("kommune.sqlite").path, username: "admin", clock: { now })
        let dropIn = try Workspace(path: folder.appendingPathComponent("laptop.sqlite").path, username: "laptop", clock: { now })
        self.municipality = municipality
        self.dropIn = dropIn
        for (workspace, names, admin) in [(municipality, ["Aarhus Kommune", "Værestedet Ø"], "admin"), (dropIn, ["Værestedet Ø"], "laptop")] {
            var first: OrganisationID?
            for name in names {
                let made = try workspace.create(Organisation(name: name, kind: name.hasPrefix("Aarhus") ? .municipality : .dropInCentre))
                if first == nil { first = made.id }
            }
            try workspace.create(Professional(name: "Ada Admin", role: .administrator, organisationID: first, username: admin))
            try workspace.refreshActor()
        }
        let kommune = try Self.organisation("Aarhus Kommune", in: municipality), cafe = try Self.organisation("Værestedet Ø", in: municipality)
        var made: (CitizenID, MeetingID, MeetingID)?
        let first = try Self.recording(municipality) {
            let citizen = try municipality.create(Citizen(name: Self.citizenName, registeredOn: LocalDate(iso: "2026-01-05")!,
                                                          organisationID: kommune.id))
            try municipality.create(Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                            givenOn: LocalDate(iso: "2026-01-05")!))
            let one = try municipality.create(Meeting(citizenID: citizen.id, at: Timestamp(iso: "2026-02-01T10:00:00+01:00")!,
                                                      place: "Rådhuset", notes: "første"))
            let two = try municipality.create(Meeting(citizenID: citizen.id, at: Timestamp(iso: "2026-02-08T10:00:00+01:00")!,
                                                      notes: "anden"))
            made = (citizen.id, one.id, two.id)
        }
        let (citizen, meeting, deleted) = try #require(made)
        (self.citizen, self.meeting, self.deleted) = (citizen, meeting, deleted)
        try dropIn.importSync(try Self.file(municipality, to: "Værestedet Ø", sequence: 1, first))
        let second = try Self.recording(municipality) {
            var changed = try municipality.get(Meeting.self, id: meeting)
            changed.notes = Self.remoteNotes
            changed.place = "Jobcentret"
            try municipality.update(changed)
            try municipality.delete(try municipality.get(Meeting.self, id: deleted))
        }
        var local = try dropIn.get(Meeting.self, id: meeting)
        local.notes = Self.localNotes
        local.place = "Værestedet"
        try dropIn.update(local)
        var kept = try dropIn.get(Meeting.self, id: deleted)
        kept.notes = "ændret på værestedet"
        try dropIn.update(kept)
        localNotes = try dropIn.get(Meeting.self, id: meeting).notes
        remoteNotes = try municipality.get(Meeting.self, id: meeting).notes
        #expect(localNotes != remoteNotes && localNotes.hasPrefix("Værestedets") && remoteNotes.hasPrefix("Kommunens"))
        let summary = try dropIn.importSync(try Self.file(municipality, to: "Værestedet Ø", sequence: 2, second))
        #expect(summary.conflicts == 3)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static func organisation(_ name: String, in workspace: Workspace) throws -> Organisation {
        try #require(try workspace.all(Organisation.self).first { $0.name == name })
    }

    static func recording(_ workspace: Workspace, _ body: () throws -> Void) throws -> [UInt8] {
        let session = try Session(database: workspace.database, tables: Workspace.syncTables)
        try body()
        return try session.changesetBytes()
    }

    /// A sync file from the municipality to `to`.
    static func file(_ workspace: Workspace, to: String, sequence: Int64, _ changeset: [UInt8]) throws -> [UInt8] {
        let sender = try organisation("Aarhus Kommune", in: workspace), receiver = try organisation(to, in: workspace)
        let header = SyncHeader(fromInstallation: try workspace.installationID, fromSite: try workspace.site,
                                fromOrganisation: SyncOrganisation(id: sender.id.rawValue, name: sender.name, kind: sender.kind.rawValue),
                                toOrganisation: SyncOrganisation(id: receiver.id.rawValue, name: receiver.name, kind: receiver.kind.rawValue),
                                toInstallation: nil, sequence: sequence, createdAt: DemoFixture.now.seconds, createdBy: "admin",
                                changesetBytes: 0, changesetSHA256: "", tables: Workspace.syncTables)
        return SyncFile(header: header, changeset: changeset).bytes
    }

    /// The drop-in centre's interface.
    func runtime(width: Int, height: Int, language: Language = .english) -> AppRuntime {
        AppRuntime(workspace: dropIn, language: language, size: Size(width: width, height: height))
    }

    /// Another window on the drop-in centre's database.
    func otherWindow() throws -> Workspace {
        let now = DemoFixture.now
        return try Workspace(path: folder.appendingPathComponent("laptop.sqlite").path, username: "laptop", clock: { now })
    }

    /// The meeting's notes as saved now, read by another connection.
    func savedNotes() throws -> String? {
        try otherWindow().fetch(Meeting.self, id: meeting)?.notes
    }

    /// The resolution recorded for the meeting's `column` (nil while open).
    func resolution(of column: String) throws -> SQLValue? {
        try dropIn.database.scalar("SELECT resolution FROM sync_conflict WHERE column_name = ? AND row_id = ?",
                                   [.text(column), .integer(meeting.rawValue)])
    }
}

/// The sync conflicts screen on the in-memory canvas and driven through the update function.
@Suite struct SyncConflictsScreenTests {
    /// Moves the cursor to the conflict of `column` (of the meeting whose notes conflict).
    private func select(_ column: String, _ app: AppRuntime) throws {
        let index = try #require(app.state.syncConflicts.items.firstIndex { $0.column == column })
        app.press(.home)
        for _ in 0..<index { app.press(.down) }
        #expect(app.state.syncConflicts.selected?.column == column)
    }

    @Test(arguments: [(80, 24, Language.english), (200, 60, .english), (80, 24, .danish), (200, 60, .danish)])
    func bothVersionsAreShownNewestFirstAndNothingRawOrTooWide(width: Int, height: Int, language: Language) throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: width, height: height, language: language)
        let say = Localizer(language)
        app.press(.character("K"))
        #expect(app.state.screen == .syncConflicts)
        let ids = app.state.syncConflicts.items.map(\.id)
        #expect(ids.count == 3 && ids == ids.sorted(by: >))
        try select("notes", app)
        let canvas = app.screen()
        let lines = canvas.lines()
        expectInert(canvas)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        let text = lines.joined(separator: "\n")
        #expect(text.contains(say(.conflictsTitle(count: 3))))
        #expect(text.contains(say(.conflictHere)) && text.contains(say(.conflictThere)))
        #expect(text.contains("Værestedets note") && text.contains("Kommunens") && text.contains("kommunens lange"))
        #expect(!text.contains("pwned") || !text.contains("\u{1B}"))
        #expect(text.contains("Åse"))
        #expect(text.contains(say(.conflictRecordKind("meeting"))) && text.contains(say(.conflictColumn("notes"))))
        // Long values wrap onto several lines rather than run off the edge.
        #expect(lines.filter { $0.contains("her er en lang linje") }.count >= 2)
        if width >= 200 {
            // Side by side: both headings on one line.
            #expect(lines.contains { $0.contains(say(.conflictHere)) && $0.contains(say(.conflictThere)) })
        }
        // A meeting deleted there but changed here.
        try select("*", app)
        let whole = app.text
        #expect(whole.contains(say(.conflictDeletedThere)) && whole.contains(say(.conflictWholeRecord)))
        #expect(app.screen().lines().allSatisfy { DisplayWidth.of($0) <= width })
        expectInert(app.screen())
    }

    @Test func onANarrowTerminalTheVersionsStandOneAboveTheOther() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 60, height: 24)
        app.press(.character("K"))
        try select("place", app)
        let lines = app.screen().lines()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        let here = try #require(lines.firstIndex { $0.contains("│ Here") })
        let there = try #require(lines.firstIndex { $0.contains("From the other place") })
        #expect(there > here + 1)
        #expect(lines[here + 1].contains("Værestedet") && lines[there + 1].contains("Jobcentret"))
    }

    @Test func noConflictsSaysSo() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        app.press(.character(":"))
        app.type("conflicts")
        app.press(.enter)
        #expect(app.state.screen == .syncConflicts)
        #expect(app.text.contains("Ingen åbne konflikter"))
        app.press(.escape)
        #expect(app.state.screen == .main)
    }

    @Test func lKeepsTheVersionHereAfterTheQuestion() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("K"))
        try select("notes", app)
        app.press(.character("l"))
        #expect(app.state.confirmation != nil)
        #expect(app.text.contains("as it is here?"))
        app.press(.enter)
        #expect(app.state.confirmation == nil && app.state.screen == .syncConflicts)
        #expect(app.state.message?.text == Localizer(.english)(.conflictResolvedLocal))
        #expect(try fixture.resolution(of: "notes") == .text("local"))
        #expect(try fixture.savedNotes() == fixture.localNotes)
        #expect(app.state.syncConflicts.items.count == 2 && !app.state.syncConflicts.items.contains { $0.column == "notes" })
    }

    @Test func rTakesTheOtherVersionAfterTheQuestionAndUUndoesIt() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24, language: .danish)
        app.press(.character("K"))
        try select("notes", app)
        app.press(.character("r"))
        #expect(app.text.contains("Tag feltet noter"))
        // `y` is no answer (as everywhere: Enter is yes).
        app.press(.character("y"))
        #expect(app.state.confirmation != nil)
        #expect(try fixture.resolution(of: "notes") == .null)
        app.press(.enter)
        #expect(app.state.message?.text == Localizer(.danish)(.conflictResolvedRemote))
        #expect(try fixture.savedNotes() == fixture.remoteNotes)
        #expect(try fixture.resolution(of: "notes") == .text("remote"))
        #expect(app.state.syncConflicts.items.count == 2)

        app.press(.character("u"))
        #expect(try fixture.savedNotes() == fixture.localNotes)
        #expect(try fixture.resolution(of: "notes") == .null)
        #expect(app.state.screen == .syncConflicts && app.state.syncConflicts.items.count == 3)
        #expect(app.state.message?.text.hasPrefix("Fortrudt") == true)
    }

    @Test func nAtTheQuestionChangesNothing() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("K"))
        try select("notes", app)
        app.press(.character("r"), .character("n"))
        #expect(app.state.confirmation == nil && app.state.screen == .syncConflicts)
        app.press(.character("l"), .escape)
        #expect(app.state.confirmation == nil && app.state.screen == .syncConflicts)
        #expect(try fixture.savedNotes() == fixture.localNotes)
        #expect(try fixture.resolution(of: "notes") == .null)
        #expect(try fixture.dropIn.openConflicts().count == 3 && app.state.syncConflicts.items.count == 3)
    }

    @Test func aConflictSettledInAnotherWindowSaysSoAndTheScreenStays() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("K"))
        try select("notes", app)
        let id = try #require(app.state.syncConflicts.selected?.id)
        app.press(.character("r"))
        try fixture.otherWindow().resolveConflict(id, choosing: .local)
        app.press(.enter)
        #expect(app.state.message == StatusMessage(text: Localizer(.english)(.conflictAlreadyResolved), kind: .error))
        #expect(app.state.screen == .syncConflicts && app.state.syncConflicts.items.count == 2)
        #expect(try fixture.savedNotes() == fixture.localNotes)
        #expect(app.text.contains("settled already"))
    }

    @Test func aVersionThatCannotBeTakenSaysSoAndTheScreenStays() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("K"))
        try select("place", app)
        // The meeting is deleted here meanwhile: its place from the other side has nowhere to go.
        let other = try fixture.otherWindow()
        try other.delete(try other.get(Meeting.self, id: fixture.meeting))
        app.press(.character("r"), .enter)
        #expect(app.state.message == StatusMessage(text: Localizer(.english)(.conflictRemoteCannotBeTaken), kind: .error))
        #expect(app.state.screen == .syncConflicts && app.state.syncConflicts.items.contains { $0.column == "place" })
    }

    @Test func takingADeletionDeletesTheRecordHere() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("K"))
        try select("*", app)
        app.press(.character("r"))
        #expect(app.text.contains("Delete the meeting here too, as at the other place?"))
        app.press(.enter)
        #expect(try fixture.otherWindow().fetch(Meeting.self, id: fixture.deleted) == nil)
        #expect(app.state.message?.text == Localizer(.english)(.conflictResolvedRemote))
    }

    @Test func theCitizensViewNotesTheOpenConflictsAndKOpensThem() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24)
        let say = Localizer(.english)
        app.press(.enter)
        guard case .detail(.citizen(let profile)) = app.state.screen else {
            Issue.record("no citizen view: \(app.state.screen)")
            return
        }
        #expect(profile.citizen.id == fixture.citizen && profile.openConflicts == 3)
        #expect(app.text.contains(String(say(.conflictsInCitizenView(count: 3)).prefix(40))))
        app.press(.character("K"))
        #expect(app.state.screen == .syncConflicts)
        try select("notes", app)
        app.press(.character("l"), .enter, .escape)
        guard case .detail(.citizen(let again)) = app.state.screen else {
            Issue.record("not back in the citizen view: \(app.state.screen)")
            return
        }
        #expect(again.openConflicts == 2)
        #expect(app.text.contains("2 fields have open sync conflicts"))
        app.press(.escape)
        #expect(app.state.screen == .main)
    }

    @Test func theScreenFollowsWhatAnotherWindowSettles() throws {
        let fixture = try SyncConflictFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("K"))
        try select("place", app)
        let notes = try #require(app.state.syncConflicts.items.first { $0.column == "notes" })
        try fixture.otherWindow().resolveConflict(notes.id, choosing: .remote)
        app.send(.tick)
        #expect(app.state.syncConflicts.items.count == 2)
        // The cursor stays on the conflict it was on.
        #expect(app.state.syncConflicts.selected?.column == "place")
        #expect(app.state.screen == .syncConflicts)
    }
}
