import CSQLite
import TrinvisCore

/// The timings of an operation's SQL run straight through the C API: what the query costs
/// without Trinvis around it.
struct BareMeasurement {
    /// The duration of each measured call, in nanoseconds, sorted.
    let samples: [UInt64]

    /// A measurement of `samples` in any order.
    init(samples: [UInt64], statements: [(sql: String, count: Int)], rows: Double) {
        self.samples = samples.sorted()
        self.statements = statements
        self.rows = rows
    }
    /// The distinct statements of the first measured call, in the order they first ran, with how
    /// often each ran in that call.
    let statements: [(sql: String, count: Int)]
    /// The mean number of rows the statements of one call returned.
    let rows: Double

    /// The median, in nanoseconds.
    var p50: UInt64 { nearestRank(samples, 50) }
    /// The 99th percentile, in nanoseconds.
    var p99: UInt64 { nearestRank(samples, 99) }
}

/// A connection of its own to the benchmark's file, opened with `sqlite3_open_v2` and the same
/// pragmas as Trinvis's connections that bear on reading (`temp_store`, foreign keys), which
/// runs recorded statements: each prepared once with `sqlite3_prepare_v2`, then per call bound,
/// stepped through all its rows (every column read), reset.
final class BareConnection {
    private let handle: OpaquePointer
    private var prepared: [String: OpaquePointer] = [:]

    /// Opens the file at `path` for reading and writing (it writes nothing: only statements
    /// that `sqlite3_stmt_readonly` calls read-only are run).
    init(path: String) throws {
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(code)"
            sqlite3_close_v2(connection)
            throw BenchError("cannot open \(path) through the C API: \(message)")
        }
        handle = connection
        sqlite3_busy_timeout(connection, 30_000)
        for pragma in ["PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY"] {
            guard sqlite3_exec(connection, pragma, nil, nil, nil) == SQLITE_OK else {
                let message = String(cString: sqlite3_errmsg(connection))
                sqlite3_close_v2(connection)
                throw BenchError("\(pragma) failed on the bare connection: \(message)")
            }
        }
    }

    deinit {
        for statement in prepared.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// A recorded statement that writes: the bare connection runs none.
    struct WritingStatement: Error, CustomStringConvertible {
        /// The statement.
        let sql: String
        /// The message.
        var description: String { "the operation writes (\(sql)), so it has no bare baseline" }
    }

    /// The prepared statement of `sql`, prepared on first use.
    private func statement(_ sql: String) throws -> OpaquePointer {
        if let statement = prepared[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw BenchError("the bare connection cannot prepare \(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        guard sqlite3_stmt_readonly(statement) != 0 else {
            sqlite3_finalize(statement)
            throw WritingStatement(sql: sql)
        }
        prepared[sql] = statement
        return statement
    }

    /// One statement ready to run: prepared, with its values converted for binding.
    fileprivate struct Call {
        let statement: OpaquePointer
        let values: [(index: Int32, value: Bindable)]
    }

    fileprivate enum Bindable {
        case null, integer(Int64), real(Double), text([CChar], length: Int32), blob([UInt8])
    }

    /// Recorded calls made ready to run: every statement prepared, every value converted.
    struct PreparedCalls {
        fileprivate let calls: [[Call]]
        /// The distinct statements of call `sample`, in the order they first ran, with how often
        /// each ran in that call.
        let statements: [(sql: String, count: Int)]
        /// How many calls there are.
        var count: Int { calls.count }
    }

    /// Prepares the statements of `calls` (each distinct text once) and converts their values;
    /// `statements` describes call `sample`.
    func prepare(_ calls: [[RecordedStatement]], describing sample: Int = 0) throws -> PreparedCalls {
        let ready: [[Call]] = try calls.map { call in
            try call.map { recorded in
                Call(statement: try statement(recorded.sql), values: recorded.arguments.sorted { $0.key < $1.key }.map { index, value in
                    switch value {
                    case .null: return (index, .null)
                    case .integer(let number): return (index, .integer(number))
                    case .real(let number): return (index, .real(number))
                    case .text(let text):
                        // An empty buffer has no base address, and a NULL pointer would bind SQL NULL.
                        let bytes = text.isEmpty ? [CChar(0)] : text.utf8.map { CChar(bitPattern: $0) }
                        return (index, .text(bytes, length: Int32(text.utf8.count)))
                    case .blob(let bytes): return (index, .blob(bytes))
                    }
                })
            }
        }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for recorded in calls.indices.contains(sample) ? calls[sample] : [] {
            if counts[recorded.sql] == nil { order.append(recorded.sql) }
            counts[recorded.sql, default: 0] += 1
        }
        return PreparedCalls(calls: ready, statements: order.map { ($0, counts[$0] ?? 0) })
    }

    /// Runs call `index` of `prepared`: each of its statements bound, stepped through and reset.
    /// Returns the rows of all its statements.
    func run(_ prepared: PreparedCalls, call index: Int) throws -> Int {
        var rows = 0
        for call in prepared.calls[index] { rows += try run(call) }
        return rows
    }

    /// Times the recorded calls on their own: `calls[index + warmup]` is run for index
    /// `-warmup..<iterations`, the first `warmup` unmeasured. Everything is prepared before the
    /// first call.
    func measure(_ calls: [[RecordedStatement]], iterations: Int, warmup: Int) throws -> BareMeasurement {
        guard calls.count == iterations + warmup else { throw BenchError("recorded \(calls.count) calls, not \(iterations + warmup)") }
        let prepared = try prepare(calls, describing: warmup)
        var samples: [UInt64] = []
        samples.reserveCapacity(iterations)
        var rows = 0
        for index in -warmup..<iterations {
            let start = monotonicNanoseconds()
            let count = try run(prepared, call: index + warmup)
            let elapsed = monotonicNanoseconds() - start
            if index >= 0 {
                samples.append(elapsed)
                rows += count
            }
        }
        return BareMeasurement(samples: samples.sorted(), statements: prepared.statements,
                               rows: Double(rows) / Double(max(1, iterations)))
    }

    /// Binds, steps through every row reading every column, and resets; returns the row count.
    private func run(_ call: Call) throws -> Int {
        let statement = call.statement
        for (index, value) in call.values {
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let number): code = sqlite3_bind_int64(statement, index, number)
            case .real(let number): code = sqlite3_bind_double(statement, index, number)
            case .text(let bytes, let length):
                code = bytes.withUnsafeBufferPointer { buffer in
                    trinvis_sqlite3_bind_text(statement, index, buffer.baseAddress, length)
                }
            case .blob(let bytes) where bytes.isEmpty: code = sqlite3_bind_zeroblob(statement, index, 0)
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { raw in trinvis_sqlite3_bind_blob(statement, index, raw.baseAddress, Int32(raw.count)) }
            }
            guard code == SQLITE_OK else { throw BenchError("bare bind failed: \(String(cString: sqlite3_errmsg(handle)))") }
        }
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        var rows = 0
        let columns = sqlite3_column_count(statement)
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else {
                throw BenchError("bare step failed: \(String(cString: sqlite3_errmsg(handle)))")
            }
            rows += 1
            var sum: UInt64 = 0
            for column in 0..<columns {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: sum &+= UInt64(bitPattern: sqlite3_column_int64(statement, column))
                case SQLITE_FLOAT: sum &+= sqlite3_column_double(statement, column).bitPattern
                case SQLITE_TEXT:
                    if let text = sqlite3_column_text(statement, column) { sum &+= UInt64(text.pointee) }
                    sum &+= UInt64(sqlite3_column_bytes(statement, column))
                case SQLITE_BLOB:
                    _ = sqlite3_column_blob(statement, column)
                    sum &+= UInt64(sqlite3_column_bytes(statement, column))
                default: break
                }
            }
            BareConnection.sink &+= sum
        }
    }

    /// Where the column values go, so that reading them is not left out by the optimiser.
    nonisolated(unsafe) static var sink: UInt64 = 0
}
