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

    init(_ organisations: [(String, OrganisationKind)]) throws {
        folder = try ScratchFolder()
        first = try Workspace(path: folder.file("trinvis.sqlite"), identity: Identity.current())
        for (name, kind) in organisations { try first.create(Organisation(name: name, kind: kind)) }
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
