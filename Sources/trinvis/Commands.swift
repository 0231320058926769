import Foundation
import TrinvisCore

/// A failure to report on standard error with exit status 1.
struct Failure: Error {
    let phrase: Phrase
}

/// Runs one invocation of the command line and returns the exit status.
struct CommandRunner {
    let environment: Environment
    let invocation: Invocation
    let say: Localizer

    /// Who runs Trinvis: the real user id's account, acting as `--user` when given.
    var identity: Identity { Identity.current(actingAs: invocation.username) }
    /// The account name (for messages).
    var username: String { identity.account }
    var databasePath: String { invocation.databasePath ?? environment.defaultDatabasePath }

    func run() -> Int32 {
        do {
            try perform()
            return 0
        } catch let request as ExitRequest {
            return request.status
        } catch let error as UsageError {
            printError(say(.usageError(say(error.phrase))))
            return 2
        } catch let failure as Failure {
            printError(say(.failure(say(failure.phrase))))
        } catch let error as DatabaseError {
            // SQLite says "disk I/O error" when it cannot make its -shm file on a full disk.
            if !error.isFull, FileMedium.isFull(databasePath) {
                printError(say(.failure(say(.databaseFile(path: databasePath, problem: .diskFull)))))
            } else {
                printError(say(.failure(say(.database(error)))))
            }
        } catch let error as StoreError {
            printError(say(.failure(say(.store(error)))))
        } catch let error as IdentityError {
            switch error {
            case .actingAsRefused:
                printError(say(.usageError(say(.identity(error)))))
                return 2
            default:
                printError(say(.failure(say(.identity(error)))))
            }
        } catch let error as ErasureError {
            printError(say(.failure(say(.erasure(error)))))
        } catch is UnknownMigrationsError {
            printError(say(.failure(say(.databaseNewer(path: databasePath)))))
        } catch let problem as DatabaseFileProblem {
            printError(say(.failure(say(.databaseFile(path: databasePath, problem: problem)))))
        } catch {
            printError(say(.failure(String(describing: error))))
        }
        return 1
    }

    private func perform() throws {
        if let shared = environment.shared {
            try guardSharedInstallation(shared)
        }
        switch invocation.command {
        case .help:
            writeOutput(say(.usage) + "\n")
        case .manual:
            writeOutput(ManualPage.roff())
        case .version:
            writeOutput(say(.version(TrinvisVersion.current)) + "\n")
        case .interface(let demo):
            try openInterface(demo: demo)
        case .demo:
            try writeDemo()
        case .check(let full):
            try check(full: full)
        case .backup(let path, let force):
            try backup(to: path, force: force)
        case .importDocument(let path):
            try importDocument(path)
        case .export(let citizen, let output):
            try export(citizen: citizen, output: output)
        case .report(let from, let to, let organisation, let format, let output):
            try report(from: from, to: to, organisation: organisation, format: format, output: output)
        case .printPlan(let citizen, let format, let output):
            try printPlan(citizen: citizen, format: format, output: output)
        case .printAccess(let citizen, let format, let output):
            try printAccess(citizen: citizen, format: format, output: output)
        case .calendar(let output, let naming):
            try calendar(output: output, naming: naming)
        case .admin(let command):
            try admin(command)
        case .audit(let request):
            try audit(request)
        case .erase(let citizen, let reason, let confirmed):
            try erase(citizen: citizen, reason: reason, confirmed: confirmed)
        case .adminDuplicates:
            try adminDuplicates()
        case .adminLink(let citizen, let other, let note):
            try adminLink(citizen: citizen, other: other, note: note)
        case .syncImport(let path):
            try syncImport(path)
        case .syncExport(let peer, let output):
            try syncExport(to: peer, output: output)
        case .syncStatus:
            try syncStatus()
        }
    }

    /// In a shared installation: `--db` may name only the configured database, the superuser
    /// creates it when it is missing, and the demo interface gives up the group first.
    private func guardSharedInstallation(_ shared: SharedInstallation) throws {
        switch invocation.command {
        case .help, .manual, .version: return
        case .interface(demo: true):
            try SharedInstallation.dropGroupForGood()
            return
        default: break
        }
        if let path = invocation.databasePath, !shared.isConfiguredDatabase(path) {
            throw UsageError(phrase: .sharedDatabaseOnly(path: shared.databasePath))
        }
        if case .demo = invocation.command {
            throw UsageError(phrase: .sharedDatabaseOnly(path: shared.databasePath))
        }
        try shared.prepare()
    }

    /// Opens an existing database for a command that changes it and must not create it (brought
    /// up to date first; refused on a read-only medium).
    func openExisting() throws -> Workspace {
        try requireDatabaseFile()
        return try openWorkspace(databasePath, mode: .existing)
    }

    /// Opens an existing database for a command that only reads: no migrations, no tables
    /// created, and nothing written. Without `logging` the file is opened read-only (works on a
    /// read-only medium); a command that logs what it reads (`logging`: export, print) opens it
    /// for writing the log, and is refused on a read-only medium before it reads anything.
    func openForReading(logging: Bool) throws -> Workspace {
        try requireDatabaseFile()
        do {
            return try openWorkspace(databasePath, mode: logging ? .existing : .readOnly, migrating: false)
        } catch DatabaseFileProblem.readOnlyMedium where logging {
            throw Failure(phrase: .readOnlyNeedsLog(path: databasePath))
        }
    }

    /// Throws `noDatabase` when nothing is at the database path, and `DatabaseFileProblem` for a
    /// directory.
    private func requireDatabaseFile() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: databasePath, isDirectory: &isDirectory) else {
            throw Failure(phrase: .noDatabase(path: databasePath))
        }
        if isDirectory.boolValue { throw DatabaseFileProblem.directory }
    }

    /// Opens (and creates, with its folder) the database the interface uses.
    func openOrCreate() throws -> Workspace {
        try createFolder(of: databasePath)
        return try openWorkspace(databasePath)
    }

    /// Opens the database for the person, after a warning when others may read its files. In a
    /// shared installation SQLite keeps its temporary data in memory (never in files the person
    /// owns) and the write-ahead log files stay in place.
    func openWorkspace(_ path: String, registerFirstAdministrator: Bool = true, mode: Database.OpenMode = .create,
                       migrating: Bool = true) throws -> Workspace {
        warnAboutExposedFiles(path)
        let workspace = try Workspace(path: path, identity: identity, registerFirstAdministrator: registerFirstAdministrator,
                                      mode: mode, migrating: migrating)
        useOwnDraftsAndWaitForLocks(workspace)
        if environment.shared != nil {
            try workspace.useSharedInstallationFiles()
        }
        return workspace
    }

    /// The account's drafts file in its data folder, and a note on stderr when a command waits
    /// for another connection's write lock (it waits up to 30 s instead of failing at once).
    func useOwnDraftsAndWaitForLocks(_ workspace: Workspace, draftsFolder: String? = nil) {
        workspace.draftsFolder = draftsFolder ?? environment.defaultDataFolder
        let say = self.say
        workspace.database.onBusyWait = { holder in printError(say(.waitingForWriteLock(holder))) }
    }

    /// Prints a warning with the `chmod` command that fixes it when others may read the
    /// database or its write-ahead log.
    func warnAboutExposedFiles(_ path: String) {
        let exposed = DatabaseFiles.exposed(databasePath: path)
        guard !exposed.isEmpty else { return }
        printError(say(.databaseFilesExposed(files: exposed, command: DatabaseFiles.fixCommand(exposed))))
    }

    /// Creates the folder a database goes into (mode 0700) when it does not exist yet.
    func createFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(phrase: .cannotWriteFile(path: folder, reason: error.localizedDescription))
            }
        }
    }

    /// Reports progress on standard error, only when it is a terminal.
    func progressReporter(_ what: Phrase) -> ((Int, Int) -> Void)? {
        guard environment.stderrIsTerminal else { return nil }
        let label = say(what)
        return { done, total in
            writeStandardError("\r" + say(.progress(what: label, done: done, total: total)) + (done == total ? "\n" : ""))
        }
    }

    private func writeDemo() throws {
        guard invocation.databasePath != nil else { throw UsageError(phrase: .missingArgument("--db PATH")) }
        guard !FileManager.default.fileExists(atPath: databasePath) else {
            throw Failure(phrase: .fileExists(path: databasePath))
        }
        try createFolder(of: databasePath)
        let workspace = try Workspace(path: databasePath, identity: Identity.current(), registerFirstAdministrator: false)
        let citizens = try DemoData.populate(workspace, today: LocalDate.today(), username: username,
                                             progress: progressReporter(.progressDemo))
        writeOutput(say(.demoWritten(path: databasePath, citizens: citizens)) + "\n")
    }
}
