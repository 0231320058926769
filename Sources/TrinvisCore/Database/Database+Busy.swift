import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting for another connection's write lock.
///
/// SQLite lets one connection write at a time. A statement that finds the write lock taken
/// waits in Trinvis's busy handler: it sleeps in short, growing steps (1 ms up to 100 ms), tells
/// `onBusyWait` once after about a second (the command line prints who it waits for, the
/// interface shows it in the status line) and fails with `SQLITE_BUSY` only after
/// `busyWaitLimit` (30 s by default; the interface tries for a quarter of a second at a time and
/// keeps the interface alive between tries).
extension Database {
    /// The steps the busy handler sleeps, in milliseconds; the last one repeats.
    static let busySleepSteps: [Int32] = [1, 2, 5, 10, 20, 50, 100]
    /// How long a wait lasts before `onBusyWait` is told.
    static let busyNoticeDelay: Duration = .seconds(1)

    /// Installs the busy handler (once, when the connection opens).
    func installBusyHandler() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_busy_handler(handle, { context, count in
            guard let context else { return 0 }
            return Unmanaged<Database>.fromOpaque(context).takeUnretainedValue().keepsWaiting(attempt: count) ? 1 : 0
        }, context)
    }

    /// Called by SQLite each time a statement finds the lock taken (`attempt` counts from 0 per
    /// wait): sleeps a step and says whether to try again.
    private func keepsWaiting(attempt: Int32) -> Bool {
        let now = ContinuousClock.now
        if attempt == 0 || busySince == nil {
            busySince = now
            busyNoticed = false
        }
        let waited = now - (busySince ?? now)
        guard waited < busyWaitLimit else {
            busySince = nil
            return false
        }
        if !busyNoticed, waited >= Self.busyNoticeDelay {
            busyNoticed = true
            onBusyWait?(writeLockHolder())
        }
        let step = Self.busySleepSteps[min(Int(attempt), Self.busySleepSteps.count - 1)]
        let left = busyWaitLimit - waited
        let milliseconds = min(Int64(step), max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
        sqlite3_sleep(Int32(milliseconds))
        return true
    }

    /// Runs `body` with another limit on how long its statements wait for a lock.
    package func waitingForLocks<T>(atMost limit: Duration, _ body: () throws -> T) rethrows -> T {
        let saved = busyWaitLimit
        busyWaitLimit = limit
        defer { busyWaitLimit = saved }
        return try body()
    }

    /// Who holds the write lock of this database now, when the system tells: the process whose
    /// POSIX lock on the write-lock byte of the `-shm` file `/proc/locks` lists (SQLite's WAL
    /// write lock), with its account and what it does (from its command line). Nil when no one
    /// does or it cannot be told (no `/proc`, another host).
    package func writeLockHolder() -> WriteLockHolder? {
        var status = stat()
        guard stat(path + "-shm", &status) == 0 else { return nil }
        let device = UInt64(status.st_dev)
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        let inode = UInt64(status.st_ino)
        guard let locks = Self.readSmallFile("/proc/locks") else { return nil }
        for line in locks.split(separator: "\n") where !line.contains("->") {
            let fields = line.split(separator: " ")
            // "N: POSIX ADVISORY WRITE PID MAJ:MIN:INODE START END"
            guard fields.count >= 8, fields[1] == "POSIX", fields[3] == "WRITE",
                  let pid = Int32(fields[4]), pid > 0, pid != getpid() else { continue }
            let file = fields[5].split(separator: ":")
            guard file.count == 3, UInt64(file[0], radix: 16) == major, UInt64(file[1], radix: 16) == minor,
                  UInt64(file[2]) == inode,
                  let start = UInt64(fields[6]), start <= Self.walWriteLockOffset,
                  fields[7] == "EOF" || (UInt64(fields[7]) ?? 0) >= Self.walWriteLockOffset else { continue }
            return WriteLockHolder(process: pid)
        }
        return nil
    }

    /// The byte of the `-shm` file whose lock is SQLite's WAL write lock (`WAL_WRITE_LOCK` at
    /// the base of the lock bytes, `(22 + SQLITE_SHM_NLOCK) * 4`).
    static let walWriteLockOffset: UInt64 = 120

    /// The text of a small file (under 1 MB) such as one of `/proc`, nil when it cannot be read.
    static func readSmallFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < 1_048_576 {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer.prefix(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The process that holds a database's write lock: whose it is and what it does, so that a
/// waiting save can say what it waits for.
package struct WriteLockHolder: Sendable, Equatable {
    /// What the process is doing, from its command line.
    package enum Work: Sendable, Equatable {
        /// `trinvis import`.
        case importing
        /// `trinvis sync …`.
        case syncing
        /// Anything else: a save in an interface, another command.
        case saving
    }

    /// The process id.
    package let pid: Int32
    /// The account the process runs as; nil when it cannot be told.
    package let account: String?
    /// True when it runs as the same account as this process (another window of the same person).
    package let isSameAccount: Bool
    /// What it does.
    package let work: Work

    package init(pid: Int32, account: String?, isSameAccount: Bool, work: Work) {
        self.pid = pid
        self.account = account
        self.isSameAccount = isSameAccount
        self.work = work
    }

    /// The holder of a lock, read from `/proc/PID`.
    init(process pid: Int32) {
        var status = stat()
        let known = stat("/proc/\(pid)", &status) == 0
        var name: String?
        if known, let entry = getpwuid(status.st_uid), let text = entry.pointee.pw_name {
            // Account names are plain; anything else is not shown.
            name = String(String(cString: text).unicodeScalars.filter { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "._-".unicodeScalars.contains(scalar))
            }.map(Character.init))
        }
        let arguments = Database.readSmallFile("/proc/\(pid)/cmdline")?.split(separator: "\0").map(String.init) ?? []
        let work: Work
        if arguments.dropFirst().contains("import") && !arguments.dropFirst().contains("sync") {
            work = .importing
        } else if arguments.dropFirst().contains("sync") {
            work = .syncing
        } else {
            work = .saving
        }
        self.init(pid: pid, account: name.flatMap { $0.isEmpty ? nil : $0 }, isSameAccount: known && status.st_uid == getuid(),
                  work: work)
    }
}
