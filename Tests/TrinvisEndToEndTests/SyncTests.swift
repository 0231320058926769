import Foundation
import Testing
@testable import TrinvisCore

/// One installation for the sync tests: a database of this account (its first administrator)
/// with its organisations; the changes made through it can be recorded as a sync file.
private final class Installation {
    let folder: ScratchFolder
    /// A connection opened after the last run of the binary (a fresh snapshot of the file).
    var workspace: Workspace { get throws { try Workspace(path: path, identity: Identity.current()) } }
    private let first: Workspace
    var path: String { folder.file("trinvis.sqlite") }

    /// `member`: the organisation the account (a professional here) belongs to, as the one
    /// who exports must.
    init(_ organisations: [(String, OrganisationKind)], member: String? = nil) throws {
        folder = try ScratchFolder()
        first = try Workspace(path: folder.file("trinvis.sqlite"), identity: Identity.current())
        for (name, kind) in organisations { try first.create(Organisation(name: name, kind: kind)) }
        if let member {
            let account = Identity.current().account
            var me = try #require(try first.all(Professional.self).first { $0.username == account })
            me.organisationID = try organisation(member).id
            try first.update(me)
        }
    }

    func organisation(_ name: String) throws -> Organisation {
        try #require(try first.all(Organisation.self).first { $0.name == name })
    }

    /// A sync file of what `body` changes through `workspace`, from `from` to `to` (as known here).
    func file(from: String, to: String, sequence: Int64, _ body: (Workspace) throws -> Void) throws -> [UInt8] {
        let workspace = try self.workspace
        let session = try Session(database: workspace.database, tables: Workspace.syncTables)
        try body(workspace)
        let sender = try organisation(from), receiver = try organisation(to)
        let header = SyncHeader(fromInstallation: try workspace.installationID, fromSite: try workspace.site,
                                fromOrganisation: SyncOrganisation(id: sender.id.rawValue, name: sender.name, kind: sender.kind.rawValue),
                                toOrganisation: SyncOrganisation(id: receiver.id.rawValue, name: receiver.name, kind: receiver.kind.rawValue),
                                toInstallation: nil, sequence: sequence, createdAt: 0, createdBy: "test", changesetBytes: 0,
                                changesetSHA256: "", tables: Workspace.syncTables)
        return SyncFile(header: header, changeset: try session.changesetBytes()).bytes
    }

    /// A copy of the database file (with its WAL emptied first).
    func copy(to path: String) throws {
        try workspace.checkpointWAL()
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: self.path, toPath: path)
    }
}

/// What `sqldiff` says differs between two database files: empty when they hold the same.
private func sqldiff(_ first: String, _ second: String, table: String? = nil) throws -> String {
    let scratch = try ScratchFolder()
    let status = try spawnAndWait(["/usr/bin/sqldiff"] + (table.map { ["--table", $0] } ?? []) + [first, second], environment: ["PATH": "/usr/bin:/bin"],
                                  stdoutPath: scratch.file("out"), stderrPath: scratch.file("err"))
    let output = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: scratch.file("out")))) ?? Data(), as: UTF8.self)
    let errors = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: scratch.file("err")))) ?? Data(), as: UTF8.self)
    #expect(status == 0, "sqldiff: \(errors)")
    return output
}

/// What `sqlite3` prints for a query.
private func sqlite3(_ path: String, _ query: String) throws -> String {
    let scratch = try ScratchFolder()
    _ = try spawnAndWait(["/usr/bin/sqlite3", "-readonly", path, query], environment: ["PATH": "/usr/bin:/bin"],
                         stdoutPath: scratch.file("out"))
    return String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: scratch.file("out")))) ?? Data(), as: UTF8.self)
}

private let hasSqldiff = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqldiff")

/// `trinvis sync import` with two databases, checked by `sqldiff` as an independent reader.
@Suite(.serialized) struct SyncTests {
    private func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func changesOnBothSidesArriveConflictsAreFlaggedOnBothAndRepeatsAndTruncatedFilesChangeNothing() throws {
        guard hasSqldiff else {
            print("SyncTests skipped: /usr/bin/sqldiff is missing (Debian's sqlite3-tools)")
            return
        }
        let municipality = try Installation([("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try Installation([("Værestedet Ø", .dropInCentre)])
        let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
        var citizen: Citizen?
        var meeting: Meeting?
        let first = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 1) { w in
            let made = try w.create(Citizen(name: "Søren Ærø", registeredOn: LocalDate(iso: "2026-01-05")!, organisationID: kommune.id))
            try w.create(Consent(citizenID: made.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                                      givenOn: LocalDate(iso: "2026-01-05")!))
            meeting = try w.create(Meeting(citizenID: made.id, at: Timestamp(iso: "2026-02-01T10:00:00+01:00")!,
                                                                notes: "første"))
            citizen = made
        }
        let folder = try ScratchFolder()
        try write(first, folder.file("1.sync"))
        var run = try runTrinvis(["--db", dropIn.path, "sync", "import", folder.file("1.sync")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Applied file 1 from Aarhus Kommune"))

        // Applying it again changes nothing, and says so.
        try dropIn.copy(to: folder.file("before.sqlite"))
        let status = try spawnAndWait([TrinvisBinary.path, "--db", dropIn.path, "sync", "import", "-"],
                                      environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": NSTemporaryDirectory()],
                                      stdinPath: folder.file("1.sync"), stdoutPath: folder.file("again.out"))
        let again = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.file("again.out"))), as: UTF8.self)
        #expect(status == 0 && again.contains("already applied"), "\(again)")
        #expect(try sqldiff(folder.file("before.sqlite"), dropIn.path) == "")

        // A truncated file is refused and changes nothing.
        let meetingID = try #require(meeting).id, citizenID = try #require(citizen).id
        let second = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 2) { w in
            var changed = try w.get(Meeting.self, id: meetingID)
            changed.notes = "Kommunens note"
            try w.update(changed)
            try w.create(Meeting(citizenID: citizenID, at: Timestamp(iso: "2026-02-15T10:00:00+01:00")!,
                                                      notes: "aftalt i kommunen"))
        }
        try write(Array(second.dropLast(7)), folder.file("2-cut.sync"))
        run = try runTrinvis(["--db", dropIn.path, "sync", "import", folder.file("2-cut.sync")])
        #expect(run.status == 1 && run.stderr.contains("truncated or damaged"), "\(run.stderr)")
        #expect(try sqldiff(folder.file("before.sqlite"), dropIn.path) == "")

        // Offline on both sides: the same notes changed differently, and a new meeting each.
        let back = try dropIn.file(from: "Værestedet Ø", to: "Aarhus Kommune", sequence: 1) { w in
            var changed = try w.get(Meeting.self, id: meetingID)
            changed.notes = "Værestedets note"
            try w.update(changed)
            try w.create(Meeting(citizenID: citizenID, at: Timestamp(iso: "2026-02-10T12:00:00+01:00")!,
                                                kind: .dropIn, notes: "kaffe på værestedet"))
        }
        try write(second, folder.file("2.sync"))
        try write(back, folder.file("back.sync"))
        run = try runTrinvis(["--db", dropIn.path, "sync", "import", folder.file("2.sync")])
        #expect(run.status == 0 && run.stdout.contains("1 fields were changed on both sides"), "\(run.stdout)\(run.stderr)")
        run = try runTrinvis(["--db", municipality.path, "sync", "import", folder.file("back.sync")])
        #expect(run.status == 0 && run.stdout.contains("1 fields were changed on both sides"), "\(run.stdout)\(run.stderr)")

        for (side, kept, arrived) in [(dropIn, "Værestedets note", "Kommunens note"), (municipality, "Kommunens note", "Værestedets note")] {
            // Read back by SQLite's own shell, an independent reader.
            let notes = try sqlite3(side.path, "SELECT notes FROM meeting ORDER BY at_utc")
            #expect(notes == [kept, "kaffe på værestedet", "aftalt i kommunen"].joined(separator: "\n") + "\n")
            let conflict = try sqlite3(side.path, "SELECT local_value, remote_value, resolved_at IS NULL FROM sync_conflict")
            #expect(conflict == "\(kept)|\(arrived)|1\n")
        }
    }

    @Test func anImportKilledAtFiftyMomentsLeavesAllOrNothing() throws {
        guard hasSqldiff else {
            print("SyncTests skipped: /usr/bin/sqldiff is missing (Debian's sqlite3-tools)")
            return
        }
        let municipality = try Installation([("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try Installation([("Værestedet Ø", .dropInCentre)])
        let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
        let big = try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 1) { w in
            try w.transaction {
                for number in 1...400 {
                    let made = try w.create(Citizen(name: "Borger \(number) Ærø", registeredOn: LocalDate(iso: "2026-01-05")!,
                                                                         organisationID: kommune.id))
                    try w.create(Consent(citizenID: made.id, scope: .shareBetweenOrganisations,
                                                              recipientID: cafe.id, givenOn: LocalDate(iso: "2026-01-05")!))
                    try w.create(Meeting(citizenID: made.id, at: Timestamp(iso: "2026-02-01T10:00:00+01:00")!,
                                                              notes: "samtale nummer \(number)"))
                }
            }
        }
        let folder = try ScratchFolder()
        try write(big, folder.file("big.sync"))
        try dropIn.copy(to: folder.file("before.sqlite"))
        try dropIn.copy(to: folder.file("after.sqlite"))
        let started = Date()
        let run = try runTrinvis(["--db", folder.file("after.sqlite"), "sync", "import", folder.file("big.sync")])
        let duration = Date().timeIntervalSince(started)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try sqldiff(folder.file("before.sqlite"), folder.file("after.sqlite")) != "")

        var outcomes = (before: 0, after: 0)
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<50 {
            let target = folder.file("kill-\(attempt).sqlite")
            try FileManager.default.copyItem(atPath: folder.file("before.sqlite"), toPath: target)
            let delay = UInt32(Double.random(in: 0...(duration * 1.3), using: &generator) * 1_000_000)
            try killedRun(["--db", target, "sync", "import", folder.file("big.sync")], after: delay)
            if try sqldiff(folder.file("before.sqlite"), target) == "" {
                outcomes.before += 1
            } else {
                // The records are all there as after a whole import (the log's times and hashes
                // differ from run to run, so they are compared table by table).
                for table in ["professional", "citizen", "consent", "meeting", "sync_mapping"] {
                    #expect(try sqldiff(folder.file("after.sqlite"), target, table: table) == "",
                            "attempt \(attempt): \(table) neither as before nor as after")
                }
                outcomes.after += 1
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        }
        print("sync import killed 50 times: \(outcomes.before) left as before, \(outcomes.after) as after")
        #expect(outcomes.before + outcomes.after == 50)
    }

    /// Starts the binary and sends it SIGKILL after `microseconds` (unless it ended before).
    private func killedRun(_ arguments: [String], after microseconds: UInt32) throws {
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = ([TrinvisBinary.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables: [String] = ["PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", "HOME=\(NSTemporaryDirectory())"]
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0) }
        let spawned = posix_spawn(&pid, TrinvisBinary.path, &actions, nil, &argv, &envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        usleep(microseconds)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
}

/// `trinvis sync export` and `sync status` with the real binary, both ways between two
/// databases, by file and by pipe; what arrives is read back by `sqlite3` and `sqldiff`.
@Suite(.serialized) struct SyncExportCommandTests {
    /// The municipality's citizens: one sharing everything with the drop-in centre, one sharing
    /// only meetings, one who consented to nothing.
    private struct World {
        let municipality: Installation
        let dropIn: Installation
        let soeren: Citizen
        let bente: Citizen
        let hemmelig: Citizen
        let hemmeligMeeting: Meeting
        let soerenConsent: Consent
        let soerenMeeting: Meeting

        init() throws {
            municipality = try Installation([("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)],
                                            member: "Aarhus Kommune")
            dropIn = try Installation([("Værestedet Ø", .dropInCentre)], member: "Værestedet Ø")
            let w = try municipality.workspace
            let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
            let day = LocalDate(iso: "2026-01-05")!
            func citizen(_ name: String, plan: String, meeting: String, consent: Set<DataCategory>?) throws -> (Citizen, Meeting, Consent?) {
                let made = try w.create(Citizen(name: name, registeredOn: day, organisationID: kommune.id))
                try w.create(Plan(citizenID: made.id, goal: plan, start: day))
                let held = try w.create(Meeting(citizenID: made.id, at: Timestamp(iso: "2026-02-01T10:00:00+01:00")!, notes: meeting))
                let given = try consent.map {
                    try w.create(Consent(citizenID: made.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                         givenOn: day, categories: $0))
                }
                return (made, held, given)
            }
            let soeren = try citizen("Søren Ærø", plan: "planordSøren", meeting: "mødeordSøren", consent: Set(DataCategory.allCases))
            (self.soeren, soerenMeeting, soerenConsent) = (soeren.0, soeren.1, try #require(soeren.2))
            bente = try citizen("Bente Kun-Møder", plan: "planordBente", meeting: "mødeordBente", consent: [.meetings]).0
            let hemmelig = try citizen("Hemmelig Hansen", plan: "planordHemmelig", meeting: "mødeordHemmelig", consent: nil)
            (self.hemmelig, hemmeligMeeting) = (hemmelig.0, hemmelig.1)
        }
    }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// `first | second` through the shell; the status of the pipeline's last command, and both
    /// commands' standard error.
    private func pipe(_ first: [String], _ second: [String]) throws -> (status: Int32, errors: String) {
        let scratch = try ScratchFolder()
        func quoted(_ words: [String]) -> String {
            ([TrinvisBinary.path] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        }
        let status = try spawnAndWait(["/bin/bash", "-o", "pipefail", "-c", "\(quoted(first)) | \(quoted(second))"],
                                      environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": NSTemporaryDirectory()],
                                      stdoutPath: scratch.file("out"), stderrPath: scratch.file("err"))
        return (status, String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: scratch.file("err")))) ?? Data(), as: UTF8.self))
    }

    @Test func onlyConsentedCitizensAndCategoriesLeaveChangesArriveBothWaysAndAWithdrawnConsentErasesTheCopy() throws {
        guard hasSqldiff else {
            print("SyncExportCommandTests skipped: /usr/bin/sqldiff is missing (Debian's sqlite3-tools)")
            return
        }
        let world = try World()
        let (a, b) = (world.municipality, world.dropIn)
        let folder = try ScratchFolder()

        // The first file, by name: the citizen without consent and the categories not consented
        // stay home, to the last byte.
        var run = try runTrinvis(["--db", a.path, "sync", "export", "--to", "Værestedet", "-o", folder.file("a1.sync")])
        #expect(run.status == 0 && run.stdout.contains("Wrote sync file 1 for Værestedet Ø"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("of 2 citizens"), "\(run.stdout)")
        let first = Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("a1.sync"))))
        for word in ["Søren Ærø", "planordSøren", "mødeordSøren", "Bente Kun-Møder", "mødeordBente"] {
            #expect(Self.contains(first, word), "\(word) should leave")
        }
        for word in ["Hemmelig Hansen", "planordHemmelig", "mødeordHemmelig", "planordBente"] {
            #expect(!Self.contains(first, word), "\(word) left without consent")
        }
        run = try runTrinvis(["--db", b.path, "sync", "import", folder.file("a1.sync")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try sqlite3(b.path, "SELECT name FROM citizen ORDER BY name") == "Bente Kun-Møder\nSøren Ærø\n")
        #expect(try sqlite3(b.path, "SELECT goal FROM plan") == "planordSøren\n")

        // Offline on both sides: a new meeting each, at the drop-in centre a changed goal, and
        // the first meeting's notes changed differently on both sides.
        let soeren = world.soeren.id
        let aw = try a.workspace
        try aw.create(Meeting(citizenID: soeren, at: Timestamp(iso: "2026-02-15T10:00:00+01:00")!, notes: "kommunens samtale"))
        var held = try aw.get(Meeting.self, id: world.soerenMeeting.id)
        held.notes = "kommunens note"
        try aw.update(held)
        let bw = try b.workspace
        held = try bw.get(Meeting.self, id: world.soerenMeeting.id)
        held.notes = "værestedets note"
        try bw.update(held)
        try bw.create(Meeting(citizenID: soeren, at: Timestamp(iso: "2026-02-10T12:00:00+01:00")!, kind: .dropIn,
                              notes: "kaffe på værestedet"))
        var plan = try #require(try bw.currentPlan(of: soeren))
        plan.goal = "planordSøren, som værestedet skrev det"
        try bw.update(plan)

        // Both ways through a pipe, the drop-in centre naming the municipality it learnt of.
        var piped = try pipe(["--db", b.path, "sync", "export", "--to", "Aarhus Kommune"], ["--db", a.path, "sync", "import", "-"])
        #expect(piped.status == 0 && piped.errors.contains("Wrote sync file 1 for Aarhus Kommune"), "\(piped.errors)")
        piped = try pipe(["--db", a.path, "sync", "export", "--to", "Værestedet Ø"], ["--db", b.path, "sync", "import", "-"])
        #expect(piped.status == 0 && piped.errors.contains("Wrote sync file 2"), "\(piped.errors)")

        // Both have every meeting, identical to the byte, but two: the municipality alone keeps
        // the meeting of the citizen who shares nothing, and each side kept its own notes of the
        // meeting changed on both, with the other version in a conflict on both sides.
        let difference = try sqldiff(a.path, b.path, table: "meeting").split(separator: "\n").sorted()
        #expect(difference.count == 2 && difference[0] == "DELETE FROM meeting WHERE id=\(world.hemmeligMeeting.id.rawValue);"
                && difference[1].hasPrefix("UPDATE meeting SET ") && difference[1].contains("notes='værestedets note'")
                && difference[1].hasSuffix("WHERE id=\(world.soerenMeeting.id.rawValue);"), "\(difference)")
        let notes = "SELECT notes FROM meeting WHERE citizen_id = \(soeren.rawValue) ORDER BY at_utc"
        #expect(try sqlite3(a.path, notes) == "kommunens note\nkaffe på værestedet\nkommunens samtale\n")
        #expect(try sqlite3(b.path, notes) == "værestedets note\nkaffe på værestedet\nkommunens samtale\n")
        let conflict = "SELECT local_value, remote_value FROM sync_conflict WHERE resolved_at IS NULL"
        #expect(try sqlite3(a.path, conflict) == "kommunens note|værestedets note\n")
        #expect(try sqlite3(b.path, conflict) == "værestedets note|kommunens note\n")
        let goal = "SELECT goal FROM plan WHERE citizen_id = \(soeren.rawValue)"
        #expect(try sqlite3(a.path, goal) == "planordSøren, som værestedet skrev det\n")

        // `sync status` names the peer, both files and the conflicts, in both languages.
        run = try runTrinvis(["--db", a.path, "sync", "status"])
        #expect(run.status == 0 && run.stdout.contains("Værestedet Ø (organisation ")
                && run.stdout.contains("drop-in centre): sent file 2 at ") && run.stdout.contains("received file 1 at ")
                && run.stdout.contains("1 open conflict."), "\(run.stdout)\(run.stderr)")
        run = try runTrinvis(["--db", b.path, "--lang", "da", "sync", "status"])
        #expect(run.status == 0 && run.stdout.contains("Aarhus Kommune (organisation ") && run.stdout.contains("fil 1 sendt ")
                && run.stdout.contains("fil 2 modtaget "), "\(run.stdout)\(run.stderr)")

        // A withdrawn consent: the next file erases the copy at the drop-in centre, and says so.
        var consent = world.soerenConsent
        consent.withdrawnOn = try a.workspace.today
        try a.workspace.update(consent)
        run = try runTrinvis(["--db", a.path, "sync", "export", "--to", "Værestedet Ø", "-o", folder.file("a3.sync")])
        #expect(run.status == 0 && run.stdout.contains("1 are no longer shared"), "\(run.stdout)\(run.stderr)")
        let third = Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("a3.sync"))))
        run = try runTrinvis(["--db", b.path, "sync", "import", folder.file("a3.sync")])
        #expect(run.status == 0 && run.stdout.contains("1 citizens no longer shared erased"), "\(run.stdout)\(run.stderr)")
        #expect(try sqlite3(b.path, "SELECT name FROM citizen") == "Bente Kun-Møder\n")
        #expect(try sqlite3(b.path, "SELECT count(*) FROM meeting WHERE citizen_id = \(soeren.rawValue)") == "0\n")
        #expect(try sqlite3(b.path, "SELECT count(*) FROM plan WHERE citizen_id = \(soeren.rawValue)") == "0\n")
        #expect(try sqlite3(b.path, "SELECT count(*) FROM access_log WHERE action = 'erase' AND citizen_id = \(soeren.rawValue)") == "1\n")
        #expect(try sqlite3(a.path, "SELECT count(*) FROM access_log WHERE action = 'export' AND citizen_id = \(soeren.rawValue) "
                            + "AND detail LIKE '%erased there'") == "1\n")
        // The file erases Søren's copy and carries nothing new of him: only rows that leave.
        let changes = try Changeset(bytes: try SyncFile(bytes: third).changeset)
        #expect(!changes.changes.isEmpty && changes.changes.allSatisfy { $0.after == nil }, "\(changes.changes)")
    }

    @Test func aTerminalAnAmbiguousOrUnknownPeerAndAnAccountWithoutOrganisationAreRefusedAndChangeNothing() throws {
        let world = try World()
        let a = world.municipality
        try a.workspace.create(Organisation(name: "Værestedet \u{1B}[31mNord", kind: .dropInCentre))
        let folder = try ScratchFolder()
        try a.copy(to: folder.file("before.sqlite"))

        var run = try runTrinvis(["--db", a.path, "sync", "export", "--to", "Værestedet", "-o", folder.file("x.sync")])
        #expect(run.status == 1 && run.stderr.contains("'Værestedet' matches several organisations: "), "\(run.stderr)")
        #expect(run.stderr.contains("Værestedet Ø") && run.stderr.contains("Nord") && !run.stderr.contains("\u{1B}"), "\(run.stderr)")
        run = try runTrinvis(["--db", a.path, "--lang", "da", "sync", "export", "--to", "Ingen Sådan", "-o", folder.file("x.sync")])
        #expect(run.status == 1 && run.stderr.contains("ingen organisation passer på 'Ingen Sådan'"), "\(run.stderr)")
        run = try runTrinvis(["--db", a.path, "sync", "export", "--to", "Aarhus Kommune", "-o", folder.file("x.sync")])
        #expect(run.status == 1 && run.stderr.contains("Aarhus Kommune is your own organisation"), "\(run.stderr)")
        run = try runTrinvis(["--db", a.path, "sync", "export", "-o", folder.file("x.sync")])
        #expect(run.status == 2 && run.stderr.contains("--to ORGANISATION"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("x.sync")))

        // Standard output a terminal (`script` gives it one): the binary file is not written there.
        let scratch = try ScratchFolder()
        let command = [TrinvisBinary.path, "--db", a.path, "sync", "export", "--to", "Værestedet Ø"].map { "'\($0)'" }
            .joined(separator: " ")
        let status = try spawnAndWait(["/usr/bin/script", "-qec", command, "/dev/null"],
                                      environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": NSTemporaryDirectory()],
                                      stdoutPath: scratch.file("out"))
        let screen = String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch.file("out"))), as: UTF8.self)
        #expect(status == 2 && screen.contains("a sync file is binary") && !screen.contains("TRINVIS-SYNC"), "\(screen)")
        if hasSqldiff { #expect(try sqldiff(folder.file("before.sqlite"), a.path) == "") }

        // An account in no organisation has nothing of its own to share.
        let dropIn = try Installation([("Værestedet Ø", .dropInCentre)])
        run = try runTrinvis(["--db", dropIn.path, "sync", "export", "--to", "Værestedet Ø", "-o", folder.file("x.sync")])
        #expect(run.status == 1 && run.stderr.contains("belongs to no organisation"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("x.sync")))
    }

    @Test func aFolderAMissingFileAndAnEmptyOneGetMessagesThatSayWhichAndChangeNothing() throws {
        let world = try World()
        let b = world.dropIn
        let folder = try ScratchFolder()
        try b.copy(to: folder.file("before.sqlite"))
        var run = try runTrinvis(["--db", b.path, "sync", "import", folder.path])
        #expect(run.status == 1 && run.stderr.contains("is a folder, not a sync file"), "\(run.stderr)")
        run = try runTrinvis(["--db", b.path, "--lang", "da", "sync", "import", folder.file("intet.sync")])
        #expect(run.status == 1 && run.stderr.contains("der er ingen fil \(folder.file("intet.sync")) at anvende"), "\(run.stderr)")
        run = try runTrinvis(["--db", b.path, "sync", "import", "/dev/null"])
        #expect(run.status == 1 && run.stderr.contains("not a Trinvis sync file"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("permission"), "\(run.stderr)")
        if hasSqldiff { #expect(try sqldiff(folder.file("before.sqlite"), b.path) == "") }
    }
}
