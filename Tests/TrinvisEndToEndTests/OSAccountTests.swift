import Foundation
import Testing

/// True when the tests run as root, which may create operating-system accounts.
var runningAsRoot: Bool { getuid() == 0 }

/// Runs a program as root and returns its status and output (for useradd, chmod, python3).
@discardableResult
func runTool(_ arguments: [String], environment: [String: String]? = nil) throws -> RunResult {
    let scratch = try ScratchFolder()
    let status = try spawnAndWait(arguments, environment: environment ?? ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C.UTF-8"],
                                  stdoutPath: scratch.file("out"), stderrPath: scratch.file("err"))
    func read(_ path: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
    }
    return RunResult(status: status, stdout: read(scratch.file("out")), stderr: read(scratch.file("err")))
}

/// An operating-system account made with `useradd` for one test and removed (`userdel -r`)
/// when released, also when the test fails.
final class OSAccount {
    let name: String
    let home: String

    private nonisolated(unsafe) static var counter = 0

    init(_ tag: String) throws {
        OSAccount.counter += 1
        name = "trv-\(tag)-\(getpid() % 100_000)-\(OSAccount.counter)"
        home = "/tmp/\(name)-home"
        let made = try runTool(["/usr/sbin/useradd", "-m", "-d", home, "-s", "/bin/sh", name])
        guard made.status == 0 else { throw AccountError(reason: "useradd \(name): \(made.stderr)") }
    }

    var uid: UInt32 { getpwnam(name).map { $0.pointee.pw_uid } ?? 0 }
    var gid: UInt32 { getpwnam(name).map { $0.pointee.pw_gid } ?? 0 }

    /// Runs `arguments` as this account with `runuser`, in a clean environment plus `environment`.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        var variables = ["PATH": "/usr/bin:/bin", "HOME": home, "LC_ALL": "C.UTF-8", "USER": name, "LOGNAME": name]
        for (key, value) in environment { variables[key] = value }
        func read(_ path: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        // A copied binary can be "busy" for a moment: a process forked elsewhere in the test run
        // may still hold the copy's descriptor open for writing. Such a start never ran, so retry.
        var attempt = 0
        while true {
            let scratch = try ScratchFolder()
            let status = try spawnAndWait(["/usr/sbin/runuser", "-u", name, "--"] + arguments, environment: variables,
                                          stdoutPath: scratch.file("out"), stderrPath: scratch.file("err"))
            let result = RunResult(status: status, stdout: read(scratch.file("out")), stderr: read(scratch.file("err")))
            attempt += 1
            guard result.stderr.contains("Text file busy"), attempt < 20 else { return result }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    deinit { _ = try? runTool(["/usr/sbin/userdel", "-r", name]) }
}

struct AccountError: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// A copy of the debug binary in a folder every account may read and run.
func publicBinaryCopy(in folder: ScratchFolder) throws -> String {
    chmod(folder.path, 0o755)
    let path = folder.file("trinvis")
    // Copied by cp, in a process of its own: a child another test spawns meanwhile would inherit
    // a file this process has open for writing, and running the copy would fail ("Text file busy").
    let copied = try runTool(["/bin/cp", TrinvisBinary.path, path])
    guard copied.status == 0 else { throw AccountError(reason: "cp: \(copied.stderr)") }
    chmod(path, 0o755)
    return path
}

/// An interchange document with two organisations, one professional for each account and
/// two citizens of each organisation, each with a coming meeting.
func twoOrganisationsDocument(municipal: String, dropIn: String) -> String {
    func citizen(_ id: String, _ name: String, organisation: String, professional: String) -> String {
        """
        {"id": "\(id)", "name": "\(name)", "registered_on": "2026-01-10", "organisation": "\(organisation)",
         "team": [{"professional": "\(professional)", "responsible": true, "from": "2026-01-10"}],
         "plans": [{"id": "pl-\(id)", "goal": "Goal of \(name)", "purpose": "", "effort": "", "start": "2026-01-10",
                    "status": "active", "milestones": []}],
         "meetings": [{"id": "mt-\(id)", "at": "2026-01-24T10:00:00+01:00", "kind": "conversation",
                       "attendance": "attended", "attendees": ["\(professional)"], "author": "\(professional)",
                       "notes": "", "agreements": [], "next_meeting": "2030-02-07T10:00:00+01:00"}]}
        """
    }
    return """
        {"format": "trinvis", "version": 1, "exported_at": "2026-11-22T09:00:00+01:00",
         "organisations": [{"id": "o1", "name": "Jobcenter Ryslinge", "kind": "municipality"},
                           {"id": "o2", "name": "Værestedet Fundamentet", "kind": "drop-in-centre"}],
         "professionals": [{"id": "p1", "name": "Inger Holm", "role": "caseworker", "organisation": "o1", "username": "\(municipal)"},
                           {"id": "p2", "name": "Søren Ærø", "role": "drop-in-counselor", "organisation": "o2", "username": "\(dropIn)"}],
         "citizens": [\(citizen("c1", "Alfa Kommunesen", organisation: "o1", professional: "p1")),
                      \(citizen("c2", "Bente Kommunesen", organisation: "o1", professional: "p1")),
                      \(citizen("c3", "Carl Værestedsen", organisation: "o2", professional: "p2")),
                      \(citizen("c4", "Dorte Værestedsen", organisation: "o2", professional: "p2"))]}
        """
}

/// Tests as root: two operating-system accounts, each a professional of its own organisation,
/// run the real binary with `runuser`. Skipped (with a message) when not root.
@Suite(.serialized) struct OSAccountTests {
    @Test func eachAccountSeesExactlyItsOwnCitizensWhateverUSERAndUserSay() throws {
        guard runningAsRoot else {
            print("OSAccountTests skipped: they create operating-system accounts and need root")
            return
        }
        let municipal = try OSAccount("a"), dropIn = try OSAccount("b")
        let folder = try ScratchFolder()
        let binary = try publicBinaryCopy(in: folder)
        // The database in a folder the accounts may write (they need its -wal and -shm too).
        let data = folder.file("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(data, 0o777)
        let database = data + "/trinvis.sqlite"
        let document = folder.file("people.json")
        try Data(twoOrganisationsDocument(municipal: municipal.name, dropIn: dropIn.name).utf8)
            .write(to: URL(fileURLWithPath: document))
        let imported = try runTrinvis(["import", document, "--db", database])
        #expect(imported.status == 0, "import: \(imported.stderr)")
        for suffix in ["", "-wal", "-shm"] { chmod(database + suffix, 0o666) }

        let own = [municipal.name: ["Alfa Kommunesen", "Bente Kommunesen"], dropIn.name: ["Carl Værestedsen", "Dorte Værestedsen"]]
        for (account, other) in [(municipal, dropIn), (dropIn, municipal)] {
            let mine = own[account.name] ?? [], theirs = own[other.name] ?? []
            // USER and LOGNAME naming the other account change nothing.
            for environment in [[:], ["USER": other.name, "LOGNAME": other.name]] {
                let export = try account.run([binary, "export", "--db", database], environment: environment)
                #expect(export.status == 0, "\(account.name) export: \(export.stderr)")
                for name in mine { #expect(export.stdout.contains(name), "\(account.name) exports \(name)") }
                for name in theirs { #expect(!export.stdout.contains(name), "\(account.name) must not export \(name)") }
            }
            // --user by someone who is no administrator: exit 2 and a message.
            let acting = try account.run([binary, "export", "--db", database, "--user", other.name])
            #expect(acting.status == 2)
            #expect(!acting.stderr.isEmpty)
            #expect(!acting.stdout.contains(theirs[0]))

            let report = try account.run([binary, "report", "--db", database, "--format", "json"])
            #expect(report.status == 0, "\(account.name) report: \(report.stderr)")
            #expect(report.stdout.contains("\"citizens\": 2") || report.stdout.contains("\"citizens\":2"),
                    "\(account.name) report counts only its own two citizens: \(report.stdout.prefix(400))")

            let plan = try account.run([binary, "print-plan", mine[0], "--db", database])
            #expect(plan.status == 0, "\(account.name) print-plan: \(plan.stderr)")
            #expect(plan.stdout.contains("Goal of \(mine[0])"))
            for name in theirs {
                let refused = try account.run([binary, "print-plan", name, "--db", database])
                #expect(refused.status == 1, "\(account.name) print-plan \(name): \(refused.stdout)")
                #expect(!refused.stdout.contains("Goal of"))
            }
            let calendar = try account.run([binary, "calendar", "--db", database, "--full-names"])
            #expect(calendar.status == 0, "\(account.name) calendar: \(calendar.stderr)")
            for name in mine { #expect(calendar.stdout.contains(name), "\(account.name) calendar has \(name)") }
            for name in theirs { #expect(!calendar.stdout.contains(name), "\(account.name) calendar lacks \(name)") }
        }
    }
}
