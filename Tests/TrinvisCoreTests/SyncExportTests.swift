import Foundation
import Testing
@testable import TrinvisCore

/// `sync export` on real SQLite files: what leaves for a peer (only citizens whose consent to it
/// is in force, only the consented categories), what a withdrawn consent sends (the deletions
/// that erase the copy), the file's numbering and the shadow that makes a second export with
/// nothing changed empty, and the log. Every file is read back by SQLite's changeset iterator.
@Suite struct SyncExportTests {
    static let hostileName = "Bent \u{1B}]0;hacked\u{07}\u{1B}[2J Nielsen"

    /// A municipality's installation: the caseworker Inger of Jobcenter, the drop-in centre
    /// Værestedet as the peer, and citizens under every kind of consent.
    struct World {
        let directory: TemporaryDirectory
        let clock: TestClock
        let admin: Workspace
        let jobcenter: Organisation
        let dropIn: Organisation
        let inger: Professional
        let sanne: Professional
        /// All categories consented.
        let aase: Citizen
        /// Only meetings consented; a hostile name.
        let bent: Citizen
        /// No consent.
        let carla: Citizen
        /// An expired consent.
        let dorte: Citizen
        /// Consent withdrawn before the first export.
        let erik: Citizen
        let aasePlan: Plan
        let bentPlan: Plan
        let aaseMeeting: Meeting
        let activity: Activity

        init() throws {
            directory = try TemporaryDirectory()
            let clock = TestClock("2026-03-02T10:30:00+01:00")
            self.clock = clock
            let admin = try Workspace(path: directory.path("trinvis.sqlite"), username: "admin", clock: { clock.now })
            self.admin = admin
            let today = admin.today
            let jobcenter = try admin.create(Organisation(name: "Jobcenter Ærø", kind: .municipality))
            let dropIn = try admin.create(Organisation(name: "Værestedet Øst", kind: .dropInCentre))
            let inger = try admin.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: jobcenter.id,
                                                      username: "inger"))
            (self.jobcenter, self.dropIn, self.inger) = (jobcenter, dropIn, inger)
            sanne = try admin.create(Professional(name: "Sanne Østergaard", role: .dropInCounselor, organisationID: dropIn.id,
                                                  username: "sanne"))
            func citizen(_ name: String, phone: String, life: String, cpr: String) throws -> Citizen {
                let created = try admin.create(Citizen(name: name, cpr: CPR(cpr), phone: phone, life: life,
                                                       registeredOn: today.adding(days: -90), organisationID: jobcenter.id))
                try admin.create(TeamMember(citizenID: created.id, professionalID: inger.id, responsible: true,
                                            from: today.adding(days: -90)))
                return created
            }
            let aase = try citizen("Åse Ærø-Ødegård", phone: "+45 1111 0001", life: "livsordÅse", cpr: "0101801111")
            let bent = try citizen(SyncExportTests.hostileName, phone: "+45 2222 0002", life: "livsordBent", cpr: "0202802222")
            let carla = try citizen("Carla Hemmeligsen", phone: "+45 3333 0003", life: "livsordCarla", cpr: "0303803333")
            let dorte = try citizen("Dorte Udløbsen", phone: "+45 4444 0004", life: "livsordDorte", cpr: "0404804444")
            let erik = try citizen("Erik Trukketilbage", phone: "+45 5555 0005", life: "livsordErik", cpr: "0505805555")
            (self.aase, self.bent, self.carla, self.dorte, self.erik) = (aase, bent, carla, dorte, erik)
            let aasePlan = try admin.create(Plan(citizenID: aase.id, goal: "planordÅse", start: today.adding(days: -60)))
            self.aasePlan = aasePlan
            try admin.create(Milestone(planID: aasePlan.id, title: "milepælÅse", deadline: today.adding(days: 10)))
            bentPlan = try admin.create(Plan(citizenID: bent.id, goal: "planordBent", start: today.adding(days: -60)))
            try admin.create(Plan(citizenID: carla.id, goal: "planordCarla", start: today.adding(days: -60)))
            aaseMeeting = try admin.create(Meeting(citizenID: aase.id, at: clock.now.adding(seconds: -86_400),
                                                   notes: "mødeordÅse"))
            let bentMeeting = try admin.create(Meeting(citizenID: bent.id, at: clock.now.adding(seconds: -86_400),
                                                       notes: "mødeordBent \u{1B}[31m"))
            try admin.create(Agreement(meetingID: bentMeeting.id, text: "aftaleordBent"))
            try admin.create(Meeting(citizenID: carla.id, at: clock.now.adding(seconds: -86_400), notes: "mødeordCarla"))
            try admin.create(Outcome(citizenID: bent.id, date: today, kind: .education, note: "resultatordBent"))
            activity = try admin.create(Activity(title: "Fællesspisning", kind: .social, date: today.adding(days: -3),
                                                 organisationID: jobcenter.id, participants: [aase.id, carla.id],
                                                 runners: [inger.id]))
            func consent(_ citizen: Citizen, categories: Set<DataCategory> = Set(DataCategory.allCases),
                         expires: LocalDate? = nil, withdrawn: LocalDate? = nil) throws {
                try admin.create(Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: dropIn.id,
                                         givenOn: today.adding(days: -30), expiresOn: expires, withdrawnOn: withdrawn,
                                         categories: categories))
            }
            try consent(aase)
            try consent(bent, categories: [.meetings])
            try consent(dorte, expires: today.adding(days: -1))
            try consent(erik, withdrawn: today.adding(days: -2))
        }

        /// The database opened for a professional, as the program opens it.
        func workspace(for account: String) throws -> Workspace {
            let clock = self.clock
            return try Workspace(path: directory.path("trinvis.sqlite"), identity: Identity(account: account, uid: 4242),
                                 clock: { clock.now })
        }

        /// Exports as Inger to the drop-in centre and returns the file with its summary.
        func export(as account: String = "inger") throws -> (bytes: [UInt8], file: SyncFile, changes: Changeset,
                                                            summary: SyncExportSummary) {
            let workspace = try workspace(for: account)
            var written: [UInt8] = []
            let summary = try workspace.syncExport(to: dropIn.id) { written = $0 }
            let file = try SyncFile(bytes: written)
            return (written, file, try Changeset(bytes: file.changeset), summary)
        }
    }

    static func rows(_ changes: Changeset, _ table: String) -> [RowChange] {
        changes.changes.filter { $0.table == table }
    }

    static func ids(_ changes: Changeset, _ table: String) -> Set<Int64> {
        Set(rows(changes, table).compactMap { row in Int64(sqlValue: row.key.first ?? .null) })
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test func onlyCitizensWithAConsentInForceLeaveAndNoByteOfTheOthers() throws {
        let world = try World()
        let export = try world.export()
        #expect(Self.ids(export.changes, "citizen") == [world.aase.id.rawValue, world.bent.id.rawValue])
        #expect(Self.rows(export.changes, "citizen").allSatisfy { $0.before == nil && $0.after != nil })
        for name in ["Carla Hemmeligsen", "Dorte Udløbsen", "Erik Trukketilbage", "planordCarla", "mødeordCarla",
                     "livsordCarla", "+45 3333 0003", "0303803333"] {
            #expect(!Self.contains(export.bytes, name), "\(name) left the installation")
        }
        // Carla took part in the same activity as Åse: the activity leaves, her participation does not.
        #expect(Self.ids(export.changes, "activity") == [world.activity.id.rawValue])
        let participants = Self.rows(export.changes, "activity_participant").map { $0.key }
        #expect(participants == [[world.activity.id.sqlValue, world.aase.id.sqlValue]])
        #expect(export.summary.citizens == 2 && export.summary.erased == 0 && export.summary.sequence == 1)
    }

    @Test func onlyTheConsentedCategoriesLeave() throws {
        let world = try World()
        let export = try world.export()
        // Åse shared everything: her plan, milestone, meeting, life text and phone; never her CPR,
        // since a drop-in centre may not hold CPR numbers.
        for word in ["planordÅse", "milepælÅse", "mødeordÅse", "livsordÅse", "+45 1111 0001"] {
            #expect(Self.contains(export.bytes, word), "\(word) should leave")
        }
        #expect(!Self.contains(export.bytes, "0101801111"))
        // Bent shared only meetings: his meeting and agreement leave; his plan, result, life
        // text, phone and CPR do not.
        for word in ["mødeordBent", "aftaleordBent"] { #expect(Self.contains(export.bytes, word)) }
        for word in ["planordBent", "resultatordBent", "livsordBent", "+45 2222 0002", "0202802222"] {
            #expect(!Self.contains(export.bytes, word), "\(word) is not consented")
        }
        #expect(Self.ids(export.changes, "plan") == [world.aasePlan.id.rawValue])
        #expect(Self.ids(export.changes, "outcome").isEmpty)
        let columns = try world.admin.database.columnNames(of: "citizen")
        let bentRow = try #require(Self.rows(export.changes, "citizen").first { $0.key == [world.bent.id.sqlValue] })
        let values = bentRow.values(columns: columns)
        #expect(values["phone"] == .null && values["cpr"] == .null && values["life"] == .text(""))
        // What they refer to goes along: both organisations, the professionals, the consents.
        #expect(Self.ids(export.changes, "organisation") == [world.jobcenter.id.rawValue, world.dropIn.id.rawValue])
        #expect(Self.ids(export.changes, "professional") == [world.inger.id.rawValue])
        #expect(Self.rows(export.changes, "consent").count == 2)
        #expect(export.file.header.tables == SyncSelection.tables.filter { !Self.rows(export.changes, $0).isEmpty })
    }

    @Test func theHeaderNamesBothSidesAndTheChangeset() throws {
        let world = try World()
        let export = try world.export()
        let header = export.file.header
        #expect(header.fromOrganisation == SyncOrganisation(id: world.jobcenter.id.rawValue, name: "Jobcenter Ærø",
                                                            kind: "municipality"))
        #expect(header.toOrganisation == SyncOrganisation(id: world.dropIn.id.rawValue, name: "Værestedet Øst",
                                                          kind: "drop-in-centre"))
        #expect(header.toInstallation == nil && header.sequence == 1 && header.createdBy == "inger")
        #expect(try header.fromInstallation == world.admin.installationID && header.fromSite == world.admin.site)
        #expect(header.changesetBytes == export.file.changeset.count && header.changesetBytes > 0)
        #expect(header.changesetSHA256 == SHA256.hex(SHA256.digest(export.file.changeset)))
        let firstLines = export.bytes.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        #expect(String(decoding: firstLines[0], as: UTF8.self) == "TRINVIS-SYNC 1")
        #expect(try JSONParser.parse(Array(firstLines[1]))["format"] == .integer(1))
    }

    @Test func hostileAndDanishNamesSurviveExactly() throws {
        let world = try World()
        let export = try world.export()
        let columns = try world.admin.database.columnNames(of: "citizen")
        let names = Self.rows(export.changes, "citizen").compactMap { $0.values(columns: columns)["name"] }
        #expect(Set(names) == [.text("Åse Ærø-Ødegård"), .text(Self.hostileName)])
        let meetingNotes = Self.rows(export.changes, "meeting").compactMap {
            $0.values(columns: try! world.admin.database.columnNames(of: "meeting"))["notes"]
        }
        #expect(meetingNotes.contains(.text("mødeordBent \u{1B}[31m")))
        // The header's JSON is one line whatever the names hold.
        var other = world.dropIn
        other.name = "Værested \u{1B}]2;x\u{07}\nlinje to"
        try world.admin.update(other)
        let second = try world.export()
        #expect(second.file.header.toOrganisation.name == other.name)
        #expect(second.bytes.split(separator: 0x0A, maxSplits: 2).count == 3)
    }

    @Test func aSecondExportWithNothingChangedIsEmptyButValid() throws {
        let world = try World()
        _ = try world.export()
        let second = try world.export()
        #expect(second.file.header.sequence == 2)
        #expect(second.file.changeset.isEmpty && second.file.header.changesetBytes == 0)
        #expect(second.changes.isEmpty && second.summary.rows == 0 && second.summary.citizens == 0)
        #expect(second.file.header.tables.isEmpty)
        // A change after it leaves alone, as an update of the changed column.
        var meeting = try world.admin.get(Meeting.self, id: world.aaseMeeting.id)
        meeting.notes = "nyt mødeord"
        try world.admin.update(meeting)
        let third = try world.export()
        #expect(third.file.header.sequence == 3)
        let changed = Self.rows(third.changes, "meeting")
        #expect(changed.count == 1 && changed[0].before != nil && changed[0].after != nil)
        #expect(Self.contains(third.bytes, "nyt mødeord") && !Self.contains(third.bytes, "livsordÅse"))
        #expect(third.changes.changes.allSatisfy { $0.table == "meeting" })
        let peers = try world.admin.syncPeers()
        #expect(peers.map(\.sentSequence) == [3] && peers.map(\.organisation) == [world.dropIn.id])
        #expect(peers[0].lastSentAt == world.clock.now.seconds && peers[0].receivedSequence == 0)
    }

    @Test func aWithdrawnConsentSendsTheDeletionsThatEraseTheCopy() throws {
        let world = try World()
        _ = try world.export()
        var consent = try #require(try world.admin.all(Consent.self, parent: world.aase.id.sqlValue).first)
        consent.withdrawnOn = world.admin.today
        try world.admin.update(consent)
        let export = try world.export()
        let deleted = export.changes.changes.filter { $0.after == nil }
        #expect(deleted.count == export.changes.changes.count)
        #expect(Self.ids(export.changes, "citizen") == [world.aase.id.rawValue])
        for table in ["citizen", "team_member", "consent", "plan", "milestone", "meeting", "activity_participant"] {
            #expect(!Self.rows(export.changes, table).isEmpty, "\(table) rows of Åse are deleted")
        }
        // Organisations, professionals and the activity stay: the peer may refer to them.
        for table in ["organisation", "professional", "activity", "activity_runner"] {
            #expect(Self.rows(export.changes, table).isEmpty)
        }
        #expect(export.summary.erased == 1)
        // Bent is still shared and unchanged: nothing about him.
        #expect(!Self.contains(export.bytes, Self.hostileName))
        let entries = try world.admin.accessLogEntries(citizen: world.aase.id).filter { $0.action == .export }
        #expect(entries.map(\.detail) == ["sync file 1 to organisation \(world.dropIn.id.rawValue): sent",
                                          "sync file 2 to organisation \(world.dropIn.id.rawValue): erased there"])
        // The shadow forgot her: the next file is empty.
        #expect(try world.export().changes.isEmpty)
    }

    @Test func anExpiredConsentErasesTheCopyToo() throws {
        let world = try World()
        _ = try world.export()
        world.clock.advance(seconds: 86_400 * 400)
        var consent = try #require(try world.admin.all(Consent.self, parent: world.bent.id.sqlValue).first)
        consent.expiresOn = world.admin.today.adding(days: -1)
        try world.admin.update(consent)
        let export = try world.export()
        #expect(Set(Self.rows(export.changes, "citizen").filter { $0.after == nil }.map(\.key))
                    == [[world.bent.id.sqlValue]])
    }

    @Test func aCitizenOfThePeerWhoLeavesIsNotErasedThereOnlyTheConsentTravels() throws {
        let world = try World()
        // A copy received from the drop-in centre: their citizen, consented to Jobcenter.
        let theirs = try world.admin.create(Citizen(name: "Jan Fra Værestedet", registeredOn: world.admin.today,
                                                    organisationID: world.dropIn.id))
        let consent = try world.admin.create(Consent(citizenID: theirs.id, scope: .shareBetweenOrganisations,
                                                     recipientID: world.jobcenter.id, givenOn: world.admin.today.adding(days: -5)))
        try world.admin.create(Meeting(citizenID: theirs.id, at: world.clock.now, notes: "mødeordJan"))
        let first = try world.export()
        #expect(Self.ids(first.changes, "citizen").contains(theirs.id.rawValue))
        #expect(Self.contains(first.bytes, "mødeordJan"))
        var withdrawn = consent
        withdrawn.withdrawnOn = world.admin.today
        try world.admin.update(withdrawn)
        let second = try world.export()
        #expect(second.changes.changes.map(\.table) == ["consent"])
        #expect(second.changes.changes.first?.before != nil && second.changes.changes.first?.after != nil)
        #expect(second.summary.erased == 0)
    }

    @Test func everyCitizenInTheFileIsLoggedAndNoOneElse() throws {
        let world = try World()
        _ = try world.export()
        let entries = try world.admin.accessLogEntries().filter { $0.action == .export }
        #expect(Set(entries.compactMap(\.citizenID)) == [world.aase.id, world.bent.id])
        #expect(entries.allSatisfy { $0.account == "inger" && $0.chain == .lookup })
    }

    @Test func refusalsChangeNothing() throws {
        let world = try World()
        // The administrator belongs to no organisation: nothing is theirs to share.
        #expect(throws: SyncExportError.noOrganisation) { _ = try world.admin.syncExport(to: world.dropIn.id) { _ in } }
        let inger = try world.workspace(for: "inger")
        #expect(throws: SyncExportError.ownOrganisation(name: "Jobcenter Ærø")) {
            _ = try inger.syncExport(to: world.jobcenter.id) { _ in }
        }
        // A file that could not be written is no file: no number used, nothing logged.
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) { _ = try inger.syncExport(to: world.dropIn.id) { _ in throw DiskFull() } }
        #expect(try world.admin.accessLogEntries().filter { $0.action == .export }.isEmpty)
        #expect(try world.admin.syncPeers().allSatisfy { $0.sentSequence == 0 })
        #expect(try world.export().file.header.sequence == 1)
        // Another organisation of this installation may not export to the same peer.
        let other = try world.admin.create(Organisation(name: "Ydelseskontoret", kind: .municipality))
        try world.admin.create(Professional(name: "Ole Ydelse", role: .caseworker, organisationID: other.id, username: "ole"))
        #expect(throws: SyncExportError.exportsMadeAs(organisation: "Jobcenter Ærø", peer: "Værestedet Øst")) {
            _ = try world.export(as: "ole")
        }
    }

    @Test func aProfessionalSeesNoMoreThroughTheExportThanTheRuleAllows() throws {
        let world = try World()
        // Sanne of the drop-in centre exports to Jobcenter: only the Jobcenter citizens consented
        // to her centre are theirs to send back, and none of the others.
        let sanne = try world.workspace(for: "sanne")
        var written: [UInt8] = []
        _ = try sanne.syncExport(to: world.jobcenter.id) { written = $0 }
        let changes = try Changeset(bytes: try SyncFile(bytes: written).changeset)
        #expect(Self.ids(changes, "citizen") == [world.aase.id.rawValue, world.bent.id.rawValue])
        #expect(!Self.contains(written, "planordBent") && !Self.contains(written, "Carla"))
    }

    @Test func anExportThatMeetsAnotherAtTheSameMomentWorksItsFileOutAgainAndNumbersStayInOrder() throws {
        let world = try World()
        let workspace = try world.workspace(for: "inger")
        var other: SyncExportSummary?
        var otherBytes: [UInt8] = []
        workspace.syncExportPrepared = {
            // Another window exports to the same peer while this one has worked out its file.
            guard other == nil else { return }
            other = try? world.workspace(for: "inger").syncExport(to: world.dropIn.id) { otherBytes = $0 }
        }
        var written: [UInt8] = []
        let summary = try workspace.syncExport(to: world.dropIn.id) { written = $0 }
        let first = try #require(other)
        #expect(first.sequence == 1 && first.citizens == 2)
        // This one came second: the next number, and nothing that the first did not send.
        #expect(summary.sequence == 2 && summary.rows == 0, "\(summary)")
        #expect(try SyncFile(bytes: written).header.sequence == 2 && SyncFile(bytes: otherBytes).header.sequence == 1)
        #expect(try world.admin.database.scalar("SELECT sent_seq FROM sync_peer WHERE organisation_id = ?",
                                                [world.dropIn.id.sqlValue]) == .integer(2))
    }
}
