import Foundation
import Testing
import TrinvisCore

/// A tmpfs mounted for one test (the tests run as root): a real read-only medium after
/// `remountReadOnly`, a real full disk when filled. Unmounted when released.
final class TestMount {
    let path: String

    /// True where this process may mount a tmpfs (root in a container that allows it); the
    /// tests that need a real medium are skipped elsewhere, saying so.
    static let isPermitted: Bool = {
        guard let probe = try? TestMount(size: "64k") else { return false }
        _ = probe
        return true
    }()

    init(size: String) throws {
        path = NSTemporaryDirectory() + "/trinvis-mount-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard TestMount.run(["/bin/mount", "-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path]) == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw POSIXError(.EPERM)
        }
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remountReadOnly() throws {
        guard TestMount.run(["/bin/mount", "-o", "remount,ro", path]) == 0 else { throw POSIXError(.EPERM) }
    }

    /// Fills the medium until it has no room left.
    func fill() {
        let descriptor = open(file("filler"), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0x55, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, 4096) }) > 0 {}
        var byte: UInt8 = 1
        while write(descriptor, &byte, 1) > 0 {}
    }

    private static func run(_ arguments: [String]) -> Int32 {
        (try? spawnAndWait(arguments, stdoutPath: "/dev/null", stderrPath: "/dev/null")) ?? -1
    }

    deinit {
        _ = TestMount.run(["/bin/umount", "-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A demo database at `name` in `folder`, padded to several MB with settings rows.
private func paddedDemo(_ path: String, megabytes: Int) throws {
    #expect(try runTrinvis(["demo", "--db", path]).status == 0)
    let database = try Database(path: path)
    try database.execute("""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO setting (key, value) SELECT 'padding-' || i, hex(randomblob(500)) FROM n
        """, [.integer(Int64(megabytes * 1000))])
    try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
}

private func files(in folder: String, startingWith prefix: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
}

@Suite(.serialized) struct BackupEndToEndTests {
    /// Starts `trinvis backup`, waits until its temporary file is there, waits `delay` more and
    /// sends `signal`. Returns the exit status.
    private func interruptedBackup(of source: String, to destination: String, signal: Int32, after delay: Double) throws -> Int32 {
        let scratch = try ScratchFolder()
        let pid = try spawnProgram([TrinvisBinary.path, "backup", destination, "--db", source],
                                   environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "USER": "tester",
                                                 "LC_ALL": "C.UTF-8"],
                                   stdoutPath: scratch.file("out"), stderrPath: scratch.file("err"))
        let partial = destination + ".partial-\(pid)"
        let deadline = Date().addingTimeInterval(20)
        var status: Int32 = 0
        while !FileManager.default.fileExists(atPath: partial) && Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                // It ended before its temporary file was seen.
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            usleep(500)
        }
        if delay > 0 { usleep(useconds_t(delay * 1_000_000)) }
        kill(pid, signal)
        return waitForExit(pid)
    }

    @Test func aBackupKilledAtAnyMomentLeavesNoFileAndNothingThatPassesForHealthy() throws {
        let folder = try ScratchFolder()
        let source = folder.file("big.sqlite")
        try paddedDemo(source, megabytes: 8)
        var killedMidway = 0
        for (round, delay) in [0.0, 0.002, 0.01, 0.03, 0.06, 0.1, 0.2].enumerated() {
            let destination = folder.file("backup-\(round).sqlite")
            let status = try interruptedBackup(of: source, to: destination, signal: SIGKILL, after: delay)
            if status == 0 {
                // It finished before the kill: then the whole checked copy is there.
                let check = try runTrinvis(["check", "--db", destination])
                #expect(check.status == 0 && check.stdout.contains("11 citizens"), "\(check.stdout)\(check.stderr)")
                continue
            }
            #expect(status == 128 + SIGKILL)
            if FileManager.default.fileExists(atPath: destination) {
                // Killed after the checked copy was linked into place, before the process ended:
                // what is at FILE is then the whole copy, never a part of one.
                let check = try runTrinvis(["check", "--full", "--db", destination])
                #expect(check.status == 0 && check.stdout.contains("11 citizens"), "a killed backup left \(check.stdout)\(check.stderr)")
            }
            for leftover in files(in: folder.path, startingWith: "backup-\(round).sqlite.partial-") where !leftover.hasSuffix("-wal")
                && !leftover.hasSuffix("-shm") && !leftover.hasSuffix("-journal") {
                killedMidway += 1
                let check = try runTrinvis(["check", "--db", folder.file(leftover)])
                #expect(check.status != 0)
                #expect(!check.stdout.contains("healthy"))
                #expect(check.stderr.contains("did not finish"), "\(check.stderr)")
            }
        }
        #expect(killedMidway > 0, "no kill landed while a backup was under way")
    }

    @Test func anInterruptedBackupRemovesItsTemporaryFile() throws {
        let folder = try ScratchFolder()
        let source = folder.file("big.sqlite")
        try paddedDemo(source, megabytes: 8)
        var interrupted = 0
        for (round, signal) in [SIGTERM, SIGINT, SIGTERM, SIGINT].enumerated() {
            let destination = folder.file("backup-\(round).sqlite")
            let status = try interruptedBackup(of: source, to: destination, signal: signal, after: 0.002 * Double(round))
            if status == 0 { continue }
            interrupted += 1
            #expect(status == 128 + signal)
            #expect(files(in: folder.path, startingWith: "backup-\(round).sqlite") == [])
        }
        #expect(interrupted > 0, "no signal landed while a backup was under way")
    }

    @Test func aDamagedDatabaseIsRefusedUnlessForced() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        let damaged = folder.file("damaged.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: damaged)
        try corruptPage(of: "citizen", in: damaged)
        let copy = folder.file("copy.sqlite")
        let refused = try runTrinvis(["backup", copy, "--db", damaged])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("damaged, so no backup was written"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        #expect(!refused.stdout.contains("consistent"))
        #expect(files(in: folder.path, startingWith: "copy") == [])
        let forced = try runTrinvis(["backup", copy, "--force", "--db", damaged])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("DAMAGED"))
        #expect(FileManager.default.fileExists(atPath: copy))
        #expect(try runTrinvis(["check", "--db", copy]).stderr.contains("damaged"))
        // The sound database still backs up, into one self-contained file.
        let sound = try runTrinvis(["backup", folder.file("sound.sqlite"), "--db", path])
        #expect(sound.status == 0 && sound.stdout.contains("checked copy"), "\(sound.stderr)")
        #expect(files(in: folder.path, startingWith: "sound") == ["sound.sqlite"])
    }

    /// Overwrites the root page of `table` with garbage.
    private func corruptPage(of table: String, in path: String) throws {
        let page: Int64
        do {
            let database = try Database(path: path, mode: .readOnly)
            page = try #require(Int64(sqlValue: try database.scalar("SELECT rootpage FROM sqlite_schema WHERE name = ?",
                                                                    [.text(table)])))
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
    }
}

@Suite struct CheckEndToEndTests {
    @Test func checkTellsEachKindOfFileApartWithWhatToDo() throws {
        let folder = try ScratchFolder()
        let demo = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", demo]).status == 0)
        let empty = folder.file("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let foreign = folder.file("notes.sqlite")
        try Database(path: foreign).execute("CREATE TABLE notes (body TEXT)")
        let newer = folder.file("newer.sqlite")
        try FileManager.default.copyItem(atPath: demo, toPath: newer)
        try Database(path: newer).execute("INSERT INTO trinvis_migration (identifier, applied_at) VALUES ('99-from-the-future', 0)")
        let words = folder.file("words.sqlite")
        _ = FileManager.default.createFile(atPath: words, contents: Data("Æbler og pærer \u{1B}]0;pwned\u{07}".utf8))
        let damaged = folder.file("damaged.sqlite")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: demo))
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: damaged))

        let cases: [(String, String)] = [
            (folder.path, "is a directory"),
            (empty, "is empty"),
            (foreign, "another program's SQLite database (tables: notes)"),
            (newer, "newer version of Trinvis (schema steps unknown here: 99-from-the-future)"),
            (words, "not a database file at all"),
            (damaged, "damaged. Restore it from a backup"),
        ]
        for (path, expected) in cases {
            let check = try runTrinvis(["check", "--db", path])
            #expect(check.status == 1, "\(path)")
            #expect(check.stderr.contains(expected), "\(path): \(check.stderr)")
            // Only real damage sends anyone to a backup.
            #expect(check.stderr.contains("Restore it from a backup") == (path == damaged), "\(path): \(check.stderr)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        #expect(try Database(path: foreign, mode: .readOnly).scalar("SELECT count(*) FROM sqlite_schema") == .integer(1))
        let danish = try runTrinvis(["check", "--db", foreign, "--lang", "da"])
        #expect(danish.stderr.contains("et andet programs SQLite-database"))
    }

    @Test func theQuickCheckReadsEveryPageAndFullAlsoComparesEachIndexWithItsTable() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            print("check --full test skipped: /usr/bin/sqlite3 is missing")
            return
        }
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        var run = try runTrinvis(["check", "--db", path])
        #expect(run.status == 0 && run.stdout.contains("healthy (quick integrity check and foreign keys")
                && run.stdout.contains("'trinvis check --full'"), "\(run.stdout)\(run.stderr)")
        run = try runTrinvis(["check", "--full", "--db", path, "--lang", "da"])
        #expect(run.status == 0 && run.stdout.contains("sund (fuld integritetskontrol og fremmednøgler"), "\(run.stdout)\(run.stderr)")

        // An index that no longer matches its table (its schema row hidden while the table
        // changed, then put back): the pages are sound, so only the full check sees it.
        let sql = "CREATE INDEX citizen_by_name_key ON citizen (name_key)"
        let root = try Database(path: path, mode: .readOnly)
            .scalar("SELECT rootpage FROM sqlite_schema WHERE name = 'citizen_by_name_key'")
        for statement in ["PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE name = 'citizen_by_name_key';",
                          "UPDATE citizen SET name_key = name_key || 'x';",
                          "PRAGMA writable_schema = ON; INSERT INTO sqlite_schema VALUES "
                              + "('index', 'citizen_by_name_key', 'citizen', \(Int64(sqlValue: root) ?? 0), '\(sql)');"] {
            let scratch = try ScratchFolder()
            #expect(try spawnAndWait(["/usr/bin/sqlite3", path, statement], stdoutPath: scratch.file("out"),
                                     stderrPath: scratch.file("err")) == 0, "\(statement)")
        }
        run = try runTrinvis(["check", "--db", path])
        #expect(run.status == 0 && run.stdout.contains("quick integrity check"), "\(run.stdout)\(run.stderr)")
        run = try runTrinvis(["check", "--full", "--db", path])
        #expect(run.status == 1 && run.stderr.contains("damaged. Restore it from a backup")
                && run.stderr.contains("missing from index citizen_by_name_key"), "\(run.stderr)")
        run = try runTrinvis(["report", "--full", "--db", path])
        #expect(run.status == 2 && run.stderr.contains("unknown option '--full'"), "\(run.stderr)")
    }

    @Test func noCommandAddsTrinvisTablesToAFileThatIsNotTrinvis() throws {
        let folder = try ScratchFolder()
        let foreign = folder.file("notes.sqlite")
        do {
            let database = try Database(path: foreign)
            try database.execute("CREATE TABLE notes (body TEXT)")
            try database.execute("INSERT INTO notes VALUES ('Åse Ærø')")
        }
        let document = folder.file("doc.json")
        try Data(#"{"format":"trinvis-interchange","version":1}"#.utf8).write(to: URL(fileURLWithPath: document))
        let empty = folder.file("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        for arguments in [["export"], ["report"], ["calendar"], ["audit"], ["print-plan", "Svend Madsen"], ["import", document],
                          ["admin", "organisation", "list"], ["backup", folder.file("b.sqlite")]] {
            let run = try runTrinvis(arguments + ["--db", foreign])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("not Trinvis's"), "\(arguments): \(run.stderr)")
        }
        #expect(try Database(path: foreign, mode: .readOnly).fetchAll("SELECT name FROM sqlite_schema") { try $0.get(0, as: String.self) } == ["notes"])
        for arguments in [["export"], ["report"], ["calendar"], ["audit"], ["print-plan", "Svend Madsen"]] {
            let run = try runTrinvis(arguments + ["--db", empty])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("is empty"), "\(arguments): \(run.stderr)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        #expect(files(in: folder.path, startingWith: "b.sqlite") == [])
    }

    @Test func readingCommandsNeverMigrateAnOlderDatabase() throws {
        let folder = try ScratchFolder()
        let path = folder.file("old.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        try Database(path: path).execute("DELETE FROM trinvis_migration WHERE rowid = (SELECT max(rowid) FROM trinvis_migration)")
        let steps = { try Database(path: path, mode: .readOnly).scalar("SELECT count(*) FROM trinvis_migration") }
        let before = try steps()
        for arguments in [["export"], ["report"], ["calendar"], ["audit"], ["print-plan", "Svend Madsen"]] {
            let run = try runTrinvis(arguments + ["--db", path])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("written by an older Trinvis"), "\(arguments): \(run.stderr)")
        }
        #expect(try steps() == before)
        let check = try runTrinvis(["check", "--db", path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("older Trinvis"))
    }
}

@Suite(.serialized) struct MediumEndToEndTests {
    @Test(.enabled(if: TestMount.isPermitted, "needs permission to mount a tmpfs (root, a container that allows mount)"))
    func readingCommandsWorkOnAReadOnlyMediumAndLoggingOnesRefuse() throws {
        let mount = try TestMount(size: "8m")
        let path = mount.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        try mount.remountReadOnly()
        let check = try runTrinvis(["check", "--db", path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("healthy") && check.stdout.contains("read-only medium"))
        for arguments in [["report"], ["calendar"], ["audit"], ["audit", "--verify"], ["report", "--format", "csv"]] {
            let run = try runTrinvis(arguments + ["--db", path])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(!run.stdout.isEmpty)
        }
        let folder = try ScratchFolder()
        for arguments in [["export"], ["export", "-o", folder.file("out.json")], ["print-plan", "Svend Madsen"],
                          ["print-plan", "Svend Madsen", "-o", folder.file("plan.txt")]] {
            let run = try runTrinvis(arguments + ["--db", path])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("nothing was exported or printed"), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(arguments): something left unlogged")
        }
        #expect(files(in: folder.path, startingWith: "") == [])
        let change = try runTrinvis(["admin", "organisation", "list", "--db", path])
        #expect(change.status == 1)
        #expect(change.stderr.contains("read-only medium"), "\(change.stderr)")
        #expect(!change.stderr.contains("Restore"))
    }

    @Test(.enabled(if: TestMount.isPermitted, "needs permission to mount a tmpfs (root, a container that allows mount)"))
    func aFullDiskSaysDiskFullAndLeavesNoHalfWrittenFile() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        let mount = try TestMount(size: "1m")
        mount.fill()
        for arguments in [["export", "-o", mount.file("out.json")], ["report", "-o", mount.file("report.txt")],
                          ["calendar", "-o", mount.file("meetings.ics")], ["print-plan", "Svend Madsen", "-o", mount.file("plan.pdf")],
                          ["backup", mount.file("backup.sqlite")]] {
            let run = try runTrinvis(arguments + ["--db", path])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("disk is full"), "\(arguments): \(run.stderr)")
        }
        #expect(files(in: mount.path, startingWith: "") == ["filler"])
        // Standard output on a full device.
        let scratch = try ScratchFolder()
        let status = try spawnAndWait([TrinvisBinary.path, "report", "--db", path],
                                      environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "USER": "tester"],
                                      stdoutPath: "/dev/full", stderrPath: scratch.file("err"))
        #expect(status == 1)
        let error = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: scratch.file("err")))) ?? Data(), as: UTF8.self)
        #expect(error.contains("disk is full"), "\(error)")
    }

    @Test(.enabled(if: TestMount.isPermitted, "needs permission to mount a tmpfs (root, a container that allows mount)"))
    func checkOnAFullDiskSaysFullNotDamaged() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)
        let mount = try TestMount(size: "2m")
        let full = mount.file("demo.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: full)
        mount.fill()
        let check = try runTrinvis(["check", "--db", full])
        #expect(check.stdout.contains("healthy") || check.stderr.contains("is full"), "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("disk is full") || check.stderr.contains("is full"))
        #expect(!check.stderr.contains("Restore"))
        let report = try runTrinvis(["report", "--db", full])
        #expect(report.status == 0 || report.stderr.contains("is full"), "\(report.stderr)")
    }
}

/// `-o` naming something that is not a regular file: a device, a pipe or a link such as
/// `/dev/stdout` is written through and never replaced by a file renamed over it (as root that
/// would have replaced `/dev/full` itself), and an erasure never removes one.
@Suite(.serialized) struct SpecialOutputTests {
    private static func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    @Test func aDeviceAPipeAndALinkAreWrittenThroughNeverReplaced() throws {
        let folder = try ScratchFolder()
        let path = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", path]).status == 0)

        let full = try runTrinvis(["export", "-o", "/dev/full", "--db", path])
        let fullIsADevice = Self.kind("/dev/full") == S_IFCHR
        if !fullIsADevice, getuid() == 0 {
            // Put the machine's /dev/full back before failing.
            unlink("/dev/full")
            mknod("/dev/full", S_IFCHR | 0o666, dev_t(1 << 8 | 7))  // major 1, minor 7
        }
        #expect(fullIsADevice, "/dev/full was replaced")
        #expect(full.status == 1 && full.stderr.contains("the disk is full: /dev/full was not written"), "\(full.stderr)")

        // A named pipe: the document arrives through it, and the pipe stays a pipe.
        let fifo = folder.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = try spawnProgram([TrinvisBinary.path, "export", "-o", fifo, "--db", path],
                                      environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LC_ALL": "C.UTF-8"],
                                      stdoutPath: folder.file("writer.out"), stderrPath: folder.file("writer.err"))
        let reader = try #require(FileHandle(forReadingAtPath: fifo))
        let arrived = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        try reader.close()
        #expect(waitForExit(writer) == 0)
        #expect(arrived.hasPrefix("{") && arrived.contains("\"format\": \"trinvis\"") && arrived.contains("Svend Madsen"))
        #expect(Self.kind(fifo) == S_IFIFO)

        // `-o /dev/stdout` with standard output a file: the plan lands in that file, which is
        // what the print records, so the erasure removes it, and /dev/stdout stays a link.
        let plan = folder.file("plan.txt")
        let status = try spawnAndWait([TrinvisBinary.path, "print-plan", "Svend Madsen", "-o", "/dev/stdout", "--db", path],
                                      environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LC_ALL": "C.UTF-8"],
                                      stdoutPath: plan, stderrPath: folder.file("print.err"))
        #expect(status == 0)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: plan)), as: UTF8.self).hasPrefix("Your plan"))
        #expect(Self.kind("/dev/stdout") == S_IFLNK)
        let recorded = try Database(path: path, mode: .readOnly).scalar("SELECT path FROM printed_file")
        let real = try #require(realpath(plan, nil))
        defer { free(real) }
        #expect(recorded == .text(String(cString: real)))
        let erased = try runTrinvis(["erase", "Svend Madsen", "--reason", "test", "--yes", "--db", path])
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(!FileManager.default.fileExists(atPath: plan))
        #expect(Self.kind("/dev/stdout") == S_IFLNK)
    }
}
