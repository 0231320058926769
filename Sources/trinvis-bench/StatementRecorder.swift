#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSQLite
import TrinvisCore

/// One statement as Trinvis ran it: the SQL text it prepared and the values it bound, by
/// parameter number (1 for the first `?`).
struct RecordedStatement: Equatable {
    /// The SQL text, with its parameters.
    let sql: String
    /// The bound values, by parameter number.
    let arguments: [Int32: SQLValue]
}

/// Finds out which SQL a Trinvis operation runs, so that the bare baseline can run the same.
///
/// An auto-extension (`sqlite3_auto_extension`) sees every connection the process opens, so the
/// connections of a workspace are known without reaching into `Database`. While an operation is
/// recorded, `sqlite3_trace_v2` reports each statement as it starts; its text is
/// `sqlite3_sql` and its bound values are read back from `sqlite3_expanded_sql`. The trace is on
/// only while recording (never while Trinvis is timed), and statements run by triggers are
/// left out (they run again when the bare statement runs).
///
/// Only connections opened by the thread that asked (`connections(openedBy:)`, one thread at a
/// time) are noted, so that other threads opening connections meanwhile (tests running in
/// parallel) are not traced; each recording collects into its own `Recording`.
enum StatementRecorder {
    nonisolated(unsafe) private static var installed = false
    /// Guards `listener` and `opened`, which SQLite's auto-extension reaches from any thread.
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()
    /// Held by `connections(openedBy:)` throughout, so that one thread at a time listens.
    nonisolated(unsafe) private static let openingLock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()
    /// The thread whose new connections are noted, nil when none is.
    nonisolated(unsafe) private static var listener: pthread_t?
    nonisolated(unsafe) private static var opened: [OpaquePointer] = []

    /// The statements one recording has seen, in the order they started (the trace's context).
    private final class Recording {
        var statements: [(sql: String, expanded: String?)] = []
    }

    /// Called by SQLite for every new connection (as an auto-extension's entry point).
    private static let noteConnection: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeRawPointer?) -> Int32 = { connection, _, _ in
        pthread_mutex_lock(StatementRecorder.lock)
        defer { pthread_mutex_unlock(StatementRecorder.lock) }
        if let connection, let listener = StatementRecorder.listener, pthread_equal(listener, pthread_self()) != 0 {
            StatementRecorder.opened.append(connection)
        }
        return SQLITE_OK
    }

    /// Called by SQLite when a traced statement starts.
    private static let noteStatement: @convention(c) (UInt32, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Int32 = { kind, context, statement, text in
        guard kind == UInt32(SQLITE_TRACE_STMT), let context, let statement, let text else { return 0 }
        let recording = Unmanaged<Recording>.fromOpaque(context).takeUnretainedValue()
        // A trigger's statements come as a comment naming the trigger.
        if text.assumingMemoryBound(to: CChar.self).pointee == CChar(UInt8(ascii: "-")) { return 0 }
        let handle = OpaquePointer(statement)
        guard let sql = sqlite3_sql(handle) else { return 0 }
        var expanded: String?
        if let copy = sqlite3_expanded_sql(handle) {
            expanded = String(cString: copy)
            sqlite3_free(copy)
        }
        recording.statements.append((String(cString: sql), expanded))
        return 0
    }

    /// Registers the auto-extension; connections opened before this call are not seen.
    static func install() {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard !installed else { return }
        installed = true
        sqlite3_auto_extension(unsafeBitCast(noteConnection, to: (@convention(c) () -> Void).self))
    }

    /// Runs `open` and returns what it made with the connections it opened meanwhile (on this
    /// thread; one thread at a time).
    static func connections<T>(openedBy open: () throws -> T) rethrows -> (T, [OpaquePointer]) {
        install()
        pthread_mutex_lock(openingLock)
        defer { pthread_mutex_unlock(openingLock) }
        pthread_mutex_lock(lock)
        listener = pthread_self()
        opened.removeAll()
        pthread_mutex_unlock(lock)
        defer {
            pthread_mutex_lock(lock)
            listener = nil
            opened.removeAll()
            pthread_mutex_unlock(lock)
        }
        let made = try open()
        pthread_mutex_lock(lock)
        let new = opened
        pthread_mutex_unlock(lock)
        return (made, new)
    }

    /// Runs `body` once for each index in `indices` with the trace on `connections`, and returns
    /// the statements each call ran, in the order they started (`before` runs first each time,
    /// its statements left out).
    static func record(on connections: [OpaquePointer], indices: Range<Int>, before: ((Int) throws -> Void)? = nil,
                       _ body: (Int) throws -> Void) throws -> [[RecordedStatement]] {
        guard !connections.isEmpty else { throw BenchError("no connection of the workspace was seen opening") }
        let recording = Recording()
        let context = Unmanaged.passUnretained(recording).toOpaque()
        for connection in connections {
            sqlite3_trace_v2(connection, UInt32(SQLITE_TRACE_STMT), noteStatement, context)
        }
        defer {
            for connection in connections { sqlite3_trace_v2(connection, 0, nil, nil) }
            withExtendedLifetime(recording) {}
        }
        var calls: [[RecordedStatement]] = []
        for index in indices {
            try before?(index)
            recording.statements.removeAll(keepingCapacity: true)
            try body(index)
            calls.append(try recording.statements.map { sql, expanded in
                guard let expanded else { throw BenchError("SQLite did not expand the statement \(sql)") }
                return RecordedStatement(sql: sql, arguments: try boundValues(sql: sql, expanded: expanded))
            })
        }
        return calls
    }

    /// The values bound to `sql`, read from `expanded`: SQLite copies the text between
    /// parameters as it is and writes each parameter as an SQL literal.
    static func boundValues(sql: String, expanded: String) throws -> [Int32: SQLValue] {
        let (segments, numbers) = parameters(of: Array(sql.utf8))
        let text = Array(expanded.utf8)
        var position = 0
        var values: [Int32: SQLValue] = [:]
        func fail() -> BenchError { BenchError("cannot read the bound values of \(sql) from \(expanded)") }
        for (offset, segment) in segments.enumerated() {
            guard text.count - position >= segment.count, text[position..<position + segment.count].elementsEqual(segment) else {
                throw fail()
            }
            position += segment.count
            guard offset < numbers.count else { break }
            guard let (value, end) = literal(in: text, at: position) else { throw fail() }
            values[numbers[offset]] = value
            position = end
        }
        guard position == text.count else { throw fail() }
        return values
    }

    /// The text of `sql` cut at its parameters (`?` and `?NNN`, outside quotes and comments),
    /// and the number of each parameter.
    static func parameters(of sql: [UInt8]) -> (segments: [ArraySlice<UInt8>], numbers: [Int32]) {
        var segments: [ArraySlice<UInt8>] = []
        var numbers: [Int32] = []
        var start = 0, index = 0, highest: Int32 = 0
        func skip(to closing: UInt8, from offset: Int) -> Int {
            var at = offset
            while at < sql.count, sql[at] != closing { at += 1 }
            return min(at + 1, sql.count)
        }
        while index < sql.count {
            let byte = sql[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                index = skip(to: byte, from: index + 1)
            case UInt8(ascii: "["):
                index = skip(to: UInt8(ascii: "]"), from: index + 1)
            case UInt8(ascii: "-") where index + 1 < sql.count && sql[index + 1] == UInt8(ascii: "-"):
                index = skip(to: UInt8(ascii: "\n"), from: index + 2)
            case UInt8(ascii: "/") where index + 1 < sql.count && sql[index + 1] == UInt8(ascii: "*"):
                var at = index + 2
                while at + 1 < sql.count, !(sql[at] == UInt8(ascii: "*") && sql[at + 1] == UInt8(ascii: "/")) { at += 1 }
                index = min(at + 2, sql.count)
            case UInt8(ascii: "?"):
                segments.append(sql[start..<index])
                var end = index + 1
                var number: Int32 = 0
                while end < sql.count, sql[end] >= UInt8(ascii: "0"), sql[end] <= UInt8(ascii: "9") {
                    number = number * 10 + Int32(sql[end] - UInt8(ascii: "0"))
                    end += 1
                }
                if end == index + 1 { number = highest + 1 }
                highest = max(highest, number)
                numbers.append(number)
                start = end
                index = end
            default:
                index += 1
            }
        }
        segments.append(sql[start..<sql.count])
        return (segments, numbers)
    }

    /// The SQL literal at `start` of `text` (as `sqlite3_expanded_sql` writes it) and where it
    /// ends; nil when there is none.
    static func literal(in text: [UInt8], at start: Int) -> (SQLValue, Int)? {
        guard start < text.count else { return nil }
        func hasPrefix(_ word: String) -> Bool {
            let bytes = Array(word.utf8)
            return text.count - start >= bytes.count && text[start..<start + bytes.count].elementsEqual(bytes)
        }
        if hasPrefix("NULL") { return (.null, start + 4) }
        if text[start] == UInt8(ascii: "'") {
            var bytes: [UInt8] = []
            var at = start + 1
            while at < text.count {
                if text[at] == UInt8(ascii: "'") {
                    if at + 1 < text.count, text[at + 1] == UInt8(ascii: "'") {
                        bytes.append(UInt8(ascii: "'"))
                        at += 2
                        continue
                    }
                    return (.text(String(decoding: bytes, as: UTF8.self)), at + 1)
                }
                bytes.append(text[at])
                at += 1
            }
            return nil
        }
        if hasPrefix("x'") {
            var bytes: [UInt8] = []
            var at = start + 2
            func digit(_ byte: UInt8) -> UInt8? {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
                default: return nil
                }
            }
            while at + 1 < text.count, let high = digit(text[at]), let low = digit(text[at + 1]) {
                bytes.append(high << 4 | low)
                at += 2
            }
            guard at < text.count, text[at] == UInt8(ascii: "'") else { return nil }
            return (.blob(bytes), at + 1)
        }
        if hasPrefix("zeroblob(") {
            var at = start + 9
            var count = 0
            while at < text.count, text[at] >= UInt8(ascii: "0"), text[at] <= UInt8(ascii: "9") {
                count = count * 10 + Int(text[at] - UInt8(ascii: "0"))
                at += 1
            }
            guard at < text.count, text[at] == UInt8(ascii: ")") else { return nil }
            return (.blob([UInt8](repeating: 0, count: count)), at + 1)
        }
        var at = start
        if text[at] == UInt8(ascii: "-") { at += 1 }
        var isReal = false
        while at < text.count {
            let byte = text[at]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                at += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isReal = true
                at += 1
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && isReal
                        && (text[at - 1] == UInt8(ascii: "e") || text[at - 1] == UInt8(ascii: "E")) {
                at += 1
            } else {
                break
            }
        }
        let number = String(decoding: text[start..<at], as: UTF8.self)
        if isReal, let value = Double(number) { return (.real(value), at) }
        if !isReal, let value = Int64(number) { return (.integer(value), at) }
        return nil
    }
}
