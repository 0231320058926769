import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection to a Trinvis SQLite file, with a single owner.
///
/// Statements are prepared once and cached by their SQL text; arguments are always bound.
/// The connection runs in WAL mode with foreign keys on, `synchronous=FULL` and a busy timeout.
package final class Database {
    /// The file this connection reads and writes.
    package let path: String
    /// How the file was opened.
    package let mode: OpenMode
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    private var transactionDepth = 0
    /// Told what each outermost transaction changed (a window's undo); nil: nothing is recorded.
    var changeRecorder: ChangeRecorder?
    /// Work done at the end of every outermost write transaction, after its body and before its
    /// commit, inside it: the results report's figures follow the records written
    /// (`CitizenFigures.refreshStale`). An error rolls the transaction back.
    package var beforeCommit: ((Database) throws -> Void)?

    /// How long a statement waits for another connection's lock before it fails with `SQLITE_BUSY`.
    package static let defaultBusyTimeoutMilliseconds: Int32 = 30_000
    /// How long a statement waits for another connection's write lock before it fails with
    /// `SQLITE_BUSY` (see `Database+Busy.swift`).
    package var busyWaitLimit: Duration
    /// Told once per wait, after about a second, that a statement waits for another
    /// connection's write lock, with who holds it when that can be found out.
    package var onBusyWait: ((WriteLockHolder?) -> Void)?
    /// When the current wait for a lock began (the busy handler's first call).
    var busySince: ContinuousClock.Instant?
    /// Whether `onBusyWait` was told of the current wait.
    var busyNoticed = false
    /// How long the last outermost transaction held the write lock, from `BEGIN IMMEDIATE` to
    /// the end of its `COMMIT` or `ROLLBACK`.
    package private(set) var lastWriteLockHold: Duration = .zero

    /// Opens the database at `path`: with `.create` (the default) creating it, with permissions
    /// 0600, when it is missing; with `.existing` only a file that is there; with `.readOnly`
    /// without ever writing to it (see `OpenMode`).
    package init(path: String, mode: OpenMode = .create,
                 busyTimeoutMilliseconds: Int32 = Database.defaultBusyTimeoutMilliseconds) throws {
        self.path = path
        self.mode = mode
        let connection = try Database.openConnection(path: path, mode: mode)
        self.busyWaitLimit = .milliseconds(Int64(busyTimeoutMilliseconds))
        handle = connection
        sqlite3_extended_result_codes(connection, 1)
        installBusyHandler()
        do {
            // Reading the schema version makes SQLite look at the file: a file that is not a
            // database fails here with SQLITE_NOTADB rather than at some later statement.
            _ = try scalar("PRAGMA schema_version")
            try execute("PRAGMA foreign_keys = ON")
            if try mayUseWriteAheadLog() { try execute("PRAGMA journal_mode = WAL") }
            try execute("PRAGMA synchronous = FULL")
            // Deleted content is overwritten with zeros rather than left in free pages and cells,
            // so that a deletion or an erasure leaves no readable trace in the file.
            try execute("PRAGMA secure_delete = ON")
            // Temporary data stays in memory: the journals of the savepoints and statements of a
            // long transaction (an import), written to a temporary file, kept it seconds longer.
            try execute("PRAGMA temp_store = MEMORY")
        } catch {
            statements.removeAll()
            sqlite3_close_v2(connection)
            throw error
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    func lastError(code: Int32, sql: String?) -> DatabaseError {
        let extended = sqlite3_extended_errcode(handle)
        let primaryMatches = (extended & 0xFF) == (code & 0xFF)
        return DatabaseError(extendedCode: primaryMatches ? extended : code,
                             message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// The cached prepared statement for `sql`, prepared now if it is new.
    package func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows of interest.
    package func execute(_ sql: String, _ arguments: [SQLValue] = []) throws {
        try forEach(sql, arguments) { _ in }
    }

    /// Runs a script of several statements without arguments (migrations).
    package func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "script failed"
            sqlite3_free(message)
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Hands each result row to `body`, without collecting them.
    ///
    /// A cached statement that SQLite cannot prepare again after another connection changed the
    /// schema (`SQLITE_SCHEMA`, such as "no such table: meeting" while an import sets its
    /// full-text triggers aside and back) is dropped with every other cached statement and
    /// prepared afresh, once: that succeeds where SQLite's own re-preparation inside
    /// `sqlite3_step` failed (seen with SQLite 3.40 on a connection that also ran the results
    /// figures' refresh). Such an error comes before the first row; an error after one (from
    /// `body`, say) is never retried, so nothing runs twice.
    package func forEach(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        var delivered = false
        do {
            try statement(sql).run(arguments) { row in
                delivered = true
                try body(row)
            }
        } catch let error as DatabaseError where error.resultCode == SQLITE_SCHEMA && !delivered {
            statements.removeAll()
            try statement(sql).run(arguments, body)
        }
    }

    /// All result rows.
    package func fetchAll(_ sql: String, _ arguments: [SQLValue] = []) throws -> [Row] {
        var rows: [Row] = []
        try forEach(sql, arguments) { rows.append($0) }
        return rows
    }

    /// All rows, each decoded by `decode`.
    package func fetchAll<T>(_ sql: String, _ arguments: [SQLValue] = [], _ decode: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(sql, arguments) { result.append(try decode($0)) }
        return result
    }

    /// The first result row, if any.
    package func fetchOne(_ sql: String, _ arguments: [SQLValue] = []) throws -> Row? {
        var first: Row?
        try forEach(sql, arguments) { row in
            if first == nil { first = row }
        }
        return first
    }

    /// The first column of the first row, `.null` when there is no row.
    package func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLValue {
        try fetchOne(sql, arguments)?.values.first ?? .null
    }

    /// The rowid of the last inserted row.
    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The number of rows the last statement changed.
    package var changes: Int { Int(sqlite3_changes(handle)) }

    /// True while a transaction is open on this connection.
    package var isInTransaction: Bool { transactionDepth > 0 }

    /// The rows this connection has inserted, changed or deleted since it opened (triggers
    /// included; a rolled-back change still counts), as `sqlite3_total_changes64` says.
    package var totalChanges: Int64 { sqlite3_total_changes64(handle) }

    /// True when no transaction is open on the connection, by SQLite's own account (also one
    /// opened with a plain `BEGIN`).
    package var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// True while `sharingOuterTransaction` runs: nested transactions open no savepoint.
    package private(set) var nestedTransactionsShareOuter = false

    /// Runs `body`, inside a transaction, with every transaction nested in it running in that
    /// transaction without a savepoint of its own. Only for work that lets every error roll the
    /// whole transaction back (an import, all or nothing): an error inside a nested transaction
    /// then leaves its partial work in place until that rollback, so nothing may catch it and go
    /// on. A savepoint per record costs an import two statements and a sub-journal copy of every
    /// page the record changes.
    package func sharingOuterTransaction<T>(_ body: () throws -> T) throws -> T {
        precondition(isInTransaction, "nested transactions share an open transaction only")
        let before = nestedTransactionsShareOuter
        nestedTransactionsShareOuter = true
        defer { nestedTransactionsShareOuter = before }
        return try body()
    }

    /// Runs `body` in a transaction as `transaction` does, whose commit does not wait for the
    /// disk: in WAL mode with `synchronous = NORMAL` for it, so that it is written to the log
    /// without an fsync. It is atomic and seen by every connection at once; only a power loss or
    /// a crash of the system (not of the program) before the next durable commit or checkpoint
    /// can take it back, whole. Outside WAL mode (where that could damage the file) and inside
    /// an open transaction it is a plain `transaction`.
    package func transactionNotWaitingForDisk<T>(_ body: () throws -> T) throws -> T {
        guard transactionDepth == 0,
              try scalar("PRAGMA journal_mode") == .text("wal") else { return try transaction(body) }
        try execute("PRAGMA synchronous = NORMAL")
        defer { try? execute("PRAGMA synchronous = FULL") }
        return try transaction(body)
    }

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` at the outermost level, a savepoint when
    /// nested (none inside `sharingOuterTransaction`). An error thrown by `body` rolls back its
    /// work and is rethrown. With a `changeRecorder`, a session records what the outermost
    /// transaction changes.
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        if depth > 0 && nestedTransactionsShareOuter { return try body() }
        let savepoint = "trinvis_sp\(depth)"
        try execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        let locked = ContinuousClock.now
        transactionDepth += 1
        defer {
            transactionDepth -= 1
            if depth == 0 { lastWriteLockHold = ContinuousClock.now - locked }
        }
        let recorder = depth == 0 ? changeRecorder : nil
        do {
            let session = try recorder.map { try Session(database: self, tables: $0.recordedTables) }
            let result = try body()
            if depth == 0, let beforeCommit { try beforeCommit(self) }
            if let recorder, let session { recorder.transactionWillCommit(session, in: self) }
            try execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
            recorder?.transactionDidCommit()
            return result
        } catch {
            if depth == 0 {
                try? execute("ROLLBACK")
                recorder?.transactionDidRollBack()
            } else {
                try? execute("ROLLBACK TO \(savepoint)")
                try? execute("RELEASE \(savepoint)")
            }
            throw error
        }
    }

    /// Keeps the write-ahead log and shared-memory files when the last connection closes, so that
    /// in a shared installation they stay the files the administrator created (owned by root)
    /// instead of being made anew by, and owned by, whichever person opens the database next.
    package func keepWriteAheadLogFiles() {
        var on: Int32 = 1
        _ = sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &on)
    }
}
