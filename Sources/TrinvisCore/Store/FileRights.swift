import Foundation

/// Files written for the person (exports, reports, prints, calendars) are written with the
/// person's own rights, never with those of a shared installation's group: a setgid Trinvis
/// drops its effective group to the real group around such writes, and takes it back after.
package enum PersonRights {
    /// True when the process runs with a group that is not the person's own (setgid).
    package static var hasInstallationGroup: Bool { getegid() != getgid() }

    /// Runs `body` with the effective group set to the real group, then restores it. Outside a
    /// setgid process it simply runs `body`.
    package static func perform<T>(_ body: () throws -> T) throws -> T {
        let effective = getegid(), real = getgid()
        guard effective != real else { return try body() }
        guard setegid(real) == 0 else { throw PersonRightsError(code: errno) }
        defer { _ = setegid(effective) }
        return try body()
    }
}

/// The effective group could not be dropped, so nothing was written.
package struct PersonRightsError: Error, CustomStringConvertible {
    package let code: Int32
    package var description: String { String(cString: strerror(code)) }
}

/// The files of a database on disk: the file itself, its write-ahead log and its shared memory.
package enum DatabaseFiles {
    /// The database file and the companions SQLite keeps beside it.
    package static func paths(of databasePath: String) -> [String] {
        [databasePath, databasePath + "-wal", databasePath + "-shm"]
    }

    /// The existing files of the database that others (neither the owner nor the group) may
    /// read, write or execute: mode wider than 0660 in its "other" bits.
    package static func exposed(databasePath: String) -> [String] {
        paths(of: databasePath).filter { path in
            var status = stat()
            guard stat(path, &status) == 0 else { return false }
            return status.st_mode & 0o007 != 0
        }
    }

    /// The shell command that takes every right away from others on `files`.
    package static func fixCommand(_ files: [String]) -> String {
        "chmod o-rwx " + files.map(shellQuoted).joined(separator: " ")
    }

    /// `text` quoted for a POSIX shell when it needs it.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+,:@%".contains($0) }
        if plain, !text.isEmpty { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
