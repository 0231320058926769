import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Database {
    /// How a connection opens its file.
    package enum OpenMode: Sendable, Equatable {
        /// Read and write, creating the file (permissions 0600) when it is missing.
        case create
        /// Read and write a file that exists; never creates one. A file on a read-only medium
        /// is refused with `DatabaseFileProblem.readOnlyMedium`.
        case existing
        /// `SQLITE_OPEN_READONLY`: nothing is ever written to the file. On a read-only medium the
        /// file is opened as immutable (nobody can change it there), so that a database in WAL
        /// mode is readable without its -shm file.
        case readOnly
    }

    /// The raw connection for `path` in `mode`, with extended result codes on.
    static func openConnection(path: String, mode: OpenMode) throws -> OpaquePointer {
        var flags = SQLITE_OPEN_NOMUTEX
        var name = path
        switch mode {
        case .create:
            try createPrivateFileIfMissing(path)
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .existing:
            if FileMedium.isReadOnly(path) { throw DatabaseFileProblem.readOnlyMedium }
            flags |= SQLITE_OPEN_READWRITE
        case .readOnly:
            flags |= SQLITE_OPEN_READONLY
            if FileMedium.isReadOnly(path) {
                flags |= SQLITE_OPEN_URI
                name = "file:" + uriEscaped(path) + "?immutable=1"
            }
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(name, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            if let connection { sqlite3_close_v2(connection) }
            throw DatabaseError(extendedCode: code, message: message)
        }
        sqlite3_extended_result_codes(connection, 1)
        if mode == .existing, sqlite3_db_readonly(connection, "main") == 1 {
            sqlite3_close_v2(connection)
            throw DatabaseFileProblem.readOnlyMedium
        }
        return connection
    }

    /// True when opening may switch the file to WAL mode: a new file opened with `.create`, or
    /// a Trinvis database opened for writing. Another program's database, an empty file opened
    /// by a command that only reads, and every `.readOnly` connection are left as they are.
    func mayUseWriteAheadLog() throws -> Bool {
        guard mode != .readOnly else { return false }
        let tables = try scalar("SELECT count(*) FROM sqlite_schema")
        if tables == .integer(0) { return mode == .create }
        return try scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'trinvis_migration'") == .integer(1)
    }

    /// A path as the path part of a `file:` URI: `%`, `?` and `#` (and controls) escaped.
    private static func uriEscaped(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x20, 0x7F:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            default:
                result += String(decoding: [byte], as: UTF8.self)
            }
        }
        return result
    }

    private static func createPrivateFileIfMissing(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            fchmod(descriptor, 0o600)
            close(descriptor)
            return
        }
        let error = errno
        if error == EEXIST { return }
        throw DatabaseError(extendedCode: SQLITE_CANTOPEN,
                            message: "cannot create \(path): \(String(cString: strerror(error)))")
    }
}

/// What the file system holding a path says about it.
package enum FileMedium {
    /// True when the file system holding `path` (or, for a missing file, its folder) is mounted
    /// read-only.
    package static func isReadOnly(_ path: String) -> Bool {
        guard let info = statistics(path) else { return false }
        return (info.f_flag & UInt(ST_RDONLY)) != 0
    }

    /// The bytes an ordinary user may still write on the file system holding `path`.
    package static func availableBytes(_ path: String) -> UInt64? {
        guard let info = statistics(path) else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// True when the file system holding `path` has (almost) no room left: less than 64 KiB.
    package static func isFull(_ path: String) -> Bool {
        guard let available = availableBytes(path) else { return false }
        return available < 64 * 1024
    }

    private static func statistics(_ path: String) -> statvfs? {
        var info = statvfs()
        if statvfs(path, &info) == 0 { return info }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let parent = folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder
        if statvfs(parent, &info) == 0 { return info }
        return nil
    }
}
