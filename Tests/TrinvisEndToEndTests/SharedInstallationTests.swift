import Foundation
import Testing

/// The repository's root (for the install script and the committed manual page).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// Tests as root of the shared installation: `scripts/install-shared.sh` into a temporary
/// prefix, the setgid copy, an account that the kernel keeps from the database but Trinvis
/// lets in, and the access log naming the account. Skipped (with a message) when not root.
@Suite(.serialized) struct SharedInstallationTests {
    static let configuration = "/etc/trinvis/trinvis.conf"

    @Test func theSetgidCopyIsTheOnlyWayIntoTheDatabaseAndTheLogNamesTheAccount() throws {
        guard runningAsRoot else {
            print("SharedInstallationTests skipped: they install setgid, create accounts and need root")
            return
        }
        let folder = try ScratchFolder()
        chmod(folder.path, 0o755)
        let group = "trv-g-\(getpid() % 100_000)"
        defer { _ = try? runTool(["/usr/sbin/groupdel", group]) }
        let prefix = folder.file("prefix"), data = folder.file("data"), etc = folder.file("etc")
        let database = data + "/trinvis.sqlite"
        let install = try runTool(["/bin/bash", repositoryRoot + "/scripts/install-shared.sh", "--binary", TrinvisBinary.path,
                                   "--prefix", prefix, "--group", group, "--data-dir", data, "--config-dir", etc])
        #expect(install.status == 0, "install: \(install.stdout) \(install.stderr)")
        let again = try runTool(["/bin/bash", repositoryRoot + "/scripts/install-shared.sh", "--binary", TrinvisBinary.path,
                                 "--prefix", prefix, "--group", group, "--data-dir", data, "--config-dir", etc])
        #expect(again.status == 0, "install again: \(again.stderr)")
        let binary = prefix + "/bin/trinvis"
        let groupID = getgrnam(group).map { $0.pointee.gr_gid } ?? 0
        #expect(groupID != 0)
        #expect(mode(binary) == 0o2755)
        #expect(owner(binary) == (0, groupID))
        #expect(mode(data) == 0o2770)
        #expect(owner(data) == (0, groupID))
        #expect((try? String(contentsOfFile: etc + "/trinvis.conf", encoding: .utf8))?.contains("database = \(database)") == true)
        #expect(FileManager.default.contentsEqual(atPath: prefix + "/share/man/man1/trinvis.1",
                                                  andPath: repositoryRoot + "/docs/trinvis.1"))

        // The setgid binary reads only /etc/trinvis/trinvis.conf: write it, restore it after.
        let saved = try? Data(contentsOf: URL(fileURLWithPath: Self.configuration))
        let hadFolder = FileManager.default.fileExists(atPath: "/etc/trinvis")
        defer {
            if let saved {
                try? saved.write(to: URL(fileURLWithPath: Self.configuration))
            } else {
                try? FileManager.default.removeItem(atPath: Self.configuration)
                if !hadFolder { try? FileManager.default.removeItem(atPath: "/etc/trinvis") }
            }
        }
        try FileManager.default.createDirectory(atPath: "/etc/trinvis", withIntermediateDirectories: true)
        try Data("# test\ndatabase = \(database)  # the shared database\n".utf8).write(to: URL(fileURLWithPath: Self.configuration))

        let account = try OSAccount("s")
        // Without the database, a person is told that the administrator creates it.
        let missing = try account.run([binary, "export"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("sudo trinvis check"), "stderr: \(missing.stderr)")

        // Root creates it (with -wal and -shm, 0660 root:group) and imports the people.
        let created = try runTool([binary, "check"], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"])
        #expect(created.status == 0, "check as root: \(created.stderr)")
        for path in [database, database + "-wal", database + "-shm"] {
            #expect(mode(path) == 0o660, "\(path) is 0660")
            #expect(owner(path) == (0, groupID), "\(path) is root:\(group)")
        }
        let document = folder.file("people.json")
        try Data(twoOrganisationsDocument(municipal: account.name, dropIn: "nobody-\(getpid())").utf8)
            .write(to: URL(fileURLWithPath: document))
        chmod(document, 0o644)
        let imported = try runTool([binary, "import", document], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"])
        #expect(imported.status == 0, "import as root: \(imported.stderr)")

        // The kernel keeps the account from the file itself.
        let python = try account.run(["/usr/bin/python3", "-c",
                                      "import sqlite3; sqlite3.connect('file:\(database)?mode=ro', uri=True).execute('select 1 from citizen')"])
        #expect(python.status != 0, "python3 sqlite3 as the account must fail")
        let cat = try account.run(["/bin/cat", database])
        #expect(cat.status != 0)

        // Trinvis lets it in, whatever TRINVIS_DB and XDG_DATA_HOME say, and shows its citizens.
        let export = try account.run([binary, "export"], environment: ["TRINVIS_DB": "/nonexistent/x.sqlite",
                                                                       "XDG_DATA_HOME": "/nonexistent"])
        #expect(export.status == 0, "export: \(export.stderr)")
        #expect(export.stdout.contains("Alfa Kommunesen"))
        #expect(!export.stdout.contains("Carl Værestedsen"))
        let check = try account.run([binary, "check"])
        #expect(check.status == 0, "check: \(check.stderr)")

        // --db pointing elsewhere is refused; the configured path itself is fine.
        let elsewhere = try account.run([binary, "export", "--db", account.home + "/mine.sqlite"])
        #expect(elsewhere.status == 2)
        #expect(elsewhere.stderr.contains("shared installation"), "stderr: \(elsewhere.stderr)")
        #expect(try account.run([binary, "export", "--db", database]).status == 0)
        #expect(try account.run([binary, "demo", "--db", account.home + "/demo.sqlite"]).status == 2)

        // A file written for the person has the person's own group, not the installation's.
        let output = account.home + "/export.json"
        let written = try account.run([binary, "export", "-o", output])
        #expect(written.status == 0, "export -o: \(written.stderr)")
        #expect(owner(output) == (account.uid, account.gid), "the export belongs to the person's own group")
        // ... and Trinvis cannot be used to write into the installation's folder.
        let intoData = try account.run([binary, "export", "-o", data + "/stolen.json"])
        #expect(intoData.status == 1)
        #expect(!FileManager.default.fileExists(atPath: data + "/stolen.json"))
        // ... nor to read a file of the group.
        let readData = try account.run([binary, "import", database])
        #expect(readData.status == 1)
        #expect(readData.stderr.contains("ermission"), "stderr: \(readData.stderr)")

        // A change by the account (an import of one more citizen of its organisation).
        let more = folder.file("more.json")
        try Data("""
            {"format": "trinvis", "version": 1, "exported_at": "2026-11-22T09:00:00+01:00",
             "organisations": [{"id": "o1", "name": "Jobcenter Ryslinge", "kind": "municipality"}],
             "citizens": [{"id": "c9", "name": "Erik Nyborger", "registered_on": "2026-02-01", "organisation": "o1"}]}
            """.utf8).write(to: URL(fileURLWithPath: more))
        chmod(more, 0o644)
        let change = try account.run([binary, "import", more])
        #expect(change.status == 0, "import by the account: \(change.stderr)")

        // No file of the shared database belongs to the person.
        for path in [database, database + "-wal", database + "-shm"] {
            #expect(owner(path) == (0, groupID), "\(path) still root:\(group)")
        }
        // The access log names the account (read by root with python3's sqlite3, which removes
        // the -wal and -shm files when it closes: `trinvis check` as root makes them again).
        let log = try runTool(["/usr/bin/python3", "-c",
                               "import sqlite3; print('\\n'.join(r[0] for r in sqlite3.connect('\(database)').execute('SELECT account FROM access_log')))"])
        #expect(log.status == 0, "python3: \(log.stderr)")
        #expect(log.stdout.split(separator: "\n").contains(Substring(account.name)), "log: \(log.stdout)")

        // With the -wal and -shm files gone, a person's Trinvis refuses (it would create them,
        // owned by the person) until root's `trinvis check` makes them again.
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        let notReady = try account.run([binary, "export"])
        #expect(notReady.status == 1)
        #expect(notReady.stderr.contains("sudo trinvis check"), "stderr: \(notReady.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        #expect(try runTool([binary, "check"], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"]).status == 0)
        #expect(owner(database + "-wal") == (0, groupID))
        #expect(try account.run([binary, "export"]).status == 0)
    }

    @Test func aMissingOrInvalidConfigurationIsAClearError() throws {
        guard runningAsRoot else {
            print("SharedInstallationTests skipped: they install setgid, create accounts and need root")
            return
        }
        let folder = try ScratchFolder()
        chmod(folder.path, 0o755)
        let group = "trv-h-\(getpid() % 100_000)"
        _ = try runTool(["/usr/sbin/groupadd", "--system", group])
        defer { _ = try? runTool(["/usr/sbin/groupdel", group]) }
        let binary = folder.file("trinvis")
        // Copied by cp, not in this process: a child that another test spawns meanwhile would
        // inherit the open file and make executing the copy fail with "Text file busy".
        #expect(try runTool(["/bin/cp", TrinvisBinary.path, binary]).status == 0)
        _ = try runTool(["/bin/chown", "root:\(group)", binary])
        chmod(binary, 0o2755)
        let saved = try? Data(contentsOf: URL(fileURLWithPath: Self.configuration))
        let hadFolder = FileManager.default.fileExists(atPath: "/etc/trinvis")
        defer {
            if let saved {
                try? saved.write(to: URL(fileURLWithPath: Self.configuration))
            } else {
                try? FileManager.default.removeItem(atPath: Self.configuration)
                if !hadFolder { try? FileManager.default.removeItem(atPath: "/etc/trinvis") }
            }
        }
        try? FileManager.default.removeItem(atPath: Self.configuration)
        let account = try OSAccount("c")
        let missing = try account.run([binary, "export"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/etc/trinvis/trinvis.conf"), "stderr: \(missing.stderr)")
        try FileManager.default.createDirectory(atPath: "/etc/trinvis", withIntermediateDirectories: true)
        try Data("# comment\ndatabase: /var/lib/trinvis/trinvis.sqlite\n".utf8).write(to: URL(fileURLWithPath: Self.configuration))
        let invalid = try account.run([binary, "export"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("line 2"), "stderr: \(invalid.stderr)")
    }
}

/// The permission bits of a file (with setuid, setgid and sticky).
func mode(_ path: String) -> UInt32 {
    var status = stat()
    guard stat(path, &status) == 0 else { return 0 }
    return UInt32(status.st_mode) & 0o7777
}

/// The owner and group of a file.
func owner(_ path: String) -> (UInt32, UInt32) {
    var status = stat()
    guard stat(path, &status) == 0 else { return (UInt32.max, UInt32.max) }
    return (status.st_uid, status.st_gid)
}
