import Foundation
import TrinvisCore

/// A shared installation on one server: the binary is setgid to a group no person is in, and
/// the database (folder 2770, files 0660 of that group) is reachable only through Trinvis.
/// Running setgid, Trinvis uses only the database named in `/etc/trinvis/trinvis.conf`.
struct SharedInstallation: Equatable {
    /// Where the configuration of a shared installation is. Fixed: never from the environment.
    static let configurationPath = "/etc/trinvis/trinvis.conf"

    /// The database every person of the installation uses.
    let databasePath: String

    /// True when the process runs setgid (its effective group is not the person's own).
    static var isActive: Bool { PersonRights.hasInstallationGroup }

    /// The installation when running setgid, read from its configuration; nil otherwise.
    static func current() throws -> SharedInstallation? {
        guard isActive else { return nil }
        return try load(from: configurationPath)
    }

    /// Reads a configuration file: `database = PATH` lines, comments after `#`, blank lines.
    static func load(from path: String) throws -> SharedInstallation {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(phrase: .sharedConfigurationUnreadable(path: path, reason: (error as NSError).localizedDescription))
        }
        switch parse(text) {
        case .success(let installation): return installation
        case .failure(let problem): throw Failure(phrase: .sharedConfigurationInvalid(path: path, line: problem.line))
        }
    }

    /// What is wrong with a configuration text: the line (1-based; 0 when `database` is missing).
    struct Problem: Error, Equatable {
        let line: Int
    }

    /// Parses a configuration text. The database must be an absolute path.
    static func parse(_ text: String) -> Result<SharedInstallation, Problem> {
        var database: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0] == "database", parts[1].hasPrefix("/"), database == nil else {
                return .failure(Problem(line: index + 1))
            }
            database = parts[1]
        }
        guard let database else { return .failure(Problem(line: 0)) }
        return .success(SharedInstallation(databasePath: database))
    }

    /// True when `path` names the configured database (compared after resolving links).
    func isConfiguredDatabase(_ path: String) -> Bool {
        func canonical(_ path: String) -> String {
            let standard = (path as NSString).standardizingPath
            guard let resolved = realpath(standard, nil) else { return standard }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return canonical(path) == canonical(databasePath)
    }

    /// Gives up the installation's group for the rest of the process (the demo interface, which
    /// needs none of the shared data).
    static func dropGroupForGood() throws {
        let real = getgid()
        guard setregid(real, real) == 0 else { throw Failure(phrase: .failure(String(cString: strerror(errno)))) }
    }

    /// Prepares the configured database before it is opened. The superuser creates a missing
    /// database and the write-ahead log and shared-memory files beside it (group-owned, 0660),
    /// so that no person ever owns a file of the shared database; a person finds a missing
    /// database an error that names the administrator's command.
    func prepare() throws {
        let fileManager = FileManager.default
        if getuid() == 0 {
            if !fileManager.fileExists(atPath: databasePath) {
                let workspace = try Workspace(path: databasePath, identity: Identity.current())
                try workspace.useSharedInstallationFiles()
            }
            for path in DatabaseFiles.paths(of: databasePath) {
                if !fileManager.fileExists(atPath: path) {
                    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o660)
                    if descriptor >= 0 { close(descriptor) }
                }
                _ = chown(path, 0, getegid())
                _ = chmod(path, 0o660)
            }
            return
        }
        guard fileManager.fileExists(atPath: databasePath) else {
            throw Failure(phrase: .sharedDatabaseMissing(path: databasePath))
        }
        // A missing -wal or -shm file would be created by, and belong to, this person, who
        // could then read it around Trinvis: refuse until the administrator makes it again.
        for path in DatabaseFiles.paths(of: databasePath) {
            var status = stat()
            guard stat(path, &status) == 0, status.st_uid != getuid() else {
                throw Failure(phrase: .sharedDatabaseFilesNotReady(path: databasePath))
            }
        }
    }
}
