#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the bytes of a document read as a stream come from, read at offsets from its start.
package protocol JSONByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes from `offset` on into `buffer`; 0 at the end.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A document held in memory.
package final class JSONMemorySource: JSONByteSource {
    private let bytes: [UInt8]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < bytes.count else { return 0 }
        let count = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        return count
    }
}

/// A document in a file, read through an open descriptor (closed with the source).
package final class JSONFileSource: JSONByteSource {
    private let descriptor: Int32

    /// Takes over `descriptor`, open for reading.
    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    package func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno != EINTR { throw JSONReadError(code: errno) }
        }
    }
}

/// The document's file could not be read (an `errno` value).
package struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    package let code: Int32
    package var description: String { String(cString: strerror(code)) }
}

/// Where a reading of JSON text is, as far as brackets and strings go: how many brackets are
/// open, and whether it is inside a string (and just after a backslash there).
struct BracketState {
    var depth = 0
    var inString = false
    var escaped = false

    /// Takes the next byte; true when it closed a string or a bracket.
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                return true
            }
            return false
        }
        switch byte {
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            return true
        default: break
        }
        return false
    }
}

/// A window onto a byte source, refilled as it is read, so that a document of any size is read
/// with a buffer of a fixed size.
final class JSONWindow {
    private let source: JSONByteSource
    private var buffer: [UInt8]
    /// The offset in the document of `buffer[0]`.
    private var start = 0
    /// How many bytes of `buffer` hold the document.
    private var count = 0
    /// The position in `buffer` of the next byte.
    private var index = 0

    init(source: JSONByteSource, size: Int) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: max(size, 1))
    }

    /// The offset in the document of the next byte.
    var offset: Int { start + index }

    /// The window's fixed size.
    var size: Int { buffer.count }

    /// Goes to `offset` in the document, keeping the window when it already holds that place.
    func seek(to offset: Int) {
        if offset >= start, offset <= start + count {
            index = offset - start
        } else {
            start = offset
            count = 0
            index = 0
        }
    }

    /// Reads the bytes after the window; false at the end of the document.
    private func refill() throws -> Bool {
        start += count
        index = 0
        count = 0
        let size = buffer.count
        count = try buffer.withUnsafeMutableBytes { try source.read(at: start, into: $0) }
        precondition(count <= size)
        return count > 0
    }

    /// The next byte without taking it; nil at the end of the document.
    func peek() throws -> UInt8? {
        if index == count, try !refill() { return nil }
        return buffer[index]
    }

    /// Takes the byte `peek` returned.
    func advance() {
        index += 1
    }

    /// Takes spaces, tabs and line breaks.
    func skipWhitespace() throws {
        while let byte = try peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    /// The bytes of the value that begins at the next byte, up to where it must end if it is
    /// well formed (the parser then says whether it is): an object or array to the bracket that
    /// closes it, a string to its closing quote, anything else to the next comma, bracket,
    /// quote or white space. Stops early, at the end of the document or once a string is longer
    /// than `maximumStringBytes`, where the parser will stop too. Takes what it returns.
    func capture(maximumStringBytes: Int) throws -> [UInt8] {
        var captured: [UInt8] = []
        guard let first = try peek() else { return captured }
        let structured = first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"")
        let stringLimit = maximumStringBytes >= Int.max - 2 ? Int.max : maximumStringBytes + 2
        let scalarLimit = maximumStringBytes >= Int.max - 64 ? Int.max : maximumStringBytes + 64
        var state = BracketState()
        var stringBytes = 0
        while try peek() != nil {
            var end = index
            var done = false
            while end < count, !done {
                let byte = buffer[end]
                if !structured {
                    switch byte {
                    case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "{"), UInt8(ascii: "["),
                         UInt8(ascii: "\""), 0x20, 0x09, 0x0A, 0x0D:
                        done = true
                    default:
                        end += 1
                        done = captured.count + (end - index) >= scalarLimit
                    }
                    continue
                }
                end += 1
                stringBytes = state.inString ? stringBytes + 1 : 0
                if state.take(byte) {
                    done = state.depth == 0 && !state.inString
                } else if state.inString, stringBytes >= stringLimit {
                    done = true
                }
            }
            if !structured, captured.isEmpty, end == index {
                // Not the beginning of any value: that byte alone, for the parser to name.
                end += 1
                done = true
            }
            captured.append(contentsOf: buffer[index..<end])
            index = end
            if done { break }
        }
        return captured
    }
}

/// A document read as a stream: its root object member by member, and the items of the arrays
/// it holds one at a time, so that a document of any size is read in memory of the size of its
/// largest item. The syntax is that of `JSONParser`, with the same messages at the same places;
/// errors are `JSONFragmentError`s (at offsets, turned into a line and a column by `position`)
/// and `JSONStringTooLong`.
package final class JSONDocumentStream {
    private let window: JSONWindow
    private let source: JSONByteSource
    private let maximumStringBytes: Int

    /// The size of the window onto the document.
    package static let windowSize = 1 << 20

    package init(source: JSONByteSource, maximumStringBytes: Int = Int.max, windowSize: Int = JSONDocumentStream.windowSize) {
        self.source = source
        self.maximumStringBytes = maximumStringBytes
        window = JSONWindow(source: source, size: windowSize)
    }

    private func error(_ message: String) -> JSONFragmentError {
        JSONFragmentError(offset: window.offset, message: message)
    }

    /// Parses the value at the current place, `depth` levels down at `path`, and goes past it.
    private func value(depth: Int, path: [JSONPathStep]) throws -> JSONValue {
        let start = window.offset
        let bytes = try window.capture(maximumStringBytes: maximumStringBytes)
        let (value, length) = try JSONParser.parseFragment(bytes, offset: start, depth: depth, path: path,
                                                           maximumStringBytes: maximumStringBytes)
        window.seek(to: start + length)
        return value
    }

    /// What the root of a document is.
    package enum Root {
        /// An object, whose members were given to `read`'s closures.
        case object
        /// Something else: the whole value.
        case other(JSONValue)
    }

    /// Reads the whole document once. The members of the root object are given to `member` in
    /// order, except those named in `streamed` whose value is an array: of these, `list` is
    /// given the name and the offset of the array (for `items(ofListAt:)`) and `item` each item
    /// with its position. A root that is not an object is returned whole.
    @discardableResult
    package func read(streamed: Set<String>, member: (String, JSONValue) throws -> Void, list: (String, Int) throws -> Void,
                      item: (String, Int, JSONValue) throws -> Void) throws -> Root {
        window.seek(to: 0)
        if try window.peek() == 0xEF {
            // A byte-order mark is skipped only whole; anything else is read as the parser reads it.
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            var matched = 0
            while matched < 3, try window.peek() == bom[matched] {
                window.advance()
                matched += 1
            }
            if matched < 3 { window.seek(to: 0) }
        }
        try window.skipWhitespace()
        guard let first = try window.peek() else { throw error("the document is empty") }
        let root: Root
        if first == UInt8(ascii: "{") {
            try readRootObject(streamed: streamed, member: member, list: list, item: item)
            root = .object
        } else {
            root = .other(try value(depth: 0, path: []))
        }
        try window.skipWhitespace()
        guard try window.peek() == nil else { throw error("unexpected text after the end of the document") }
        return root
    }

    private func readRootObject(streamed: Set<String>, member: (String, JSONValue) throws -> Void, list: (String, Int) throws -> Void,
                                item: (String, Int, JSONValue) throws -> Void) throws {
        window.advance()
        try window.skipWhitespace()
        if try window.peek() == UInt8(ascii: "}") {
            window.advance()
            return
        }
        var keys = Set<String>()
        while true {
            try window.skipWhitespace()
            guard let next = try window.peek() else { throw error("the document ends inside an object (truncated?)") }
            guard next == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let keyStart = window.offset
            guard case .string(let key) = try value(depth: 1, path: []) else { preconditionFailure("a quote begins a string") }
            guard keys.insert(key).inserted else {
                throw JSONFragmentError(offset: keyStart, message: "the member \"\(key)\" appears twice")
            }
            try window.skipWhitespace()
            guard let colon = try window.peek() else { throw error("the document ends inside an object (truncated?)") }
            guard colon == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
            window.advance()
            try window.skipWhitespace()
            if streamed.contains(key), try window.peek() == UInt8(ascii: "[") {
                try list(key, window.offset)
                try readItems(key: key, item: { try item(key, $0, $1) })
            } else {
                try member(key, try value(depth: 1, path: [.member(key)]))
            }
            try window.skipWhitespace()
            guard let separator = try window.peek() else { throw error("the document ends inside an object (truncated?)") }
            guard separator == UInt8(ascii: ",") || separator == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            window.advance()
            if separator == UInt8(ascii: "}") { return }
        }
    }

    /// Reads the items of the array at the current place, a member of the root object.
    private func readItems(key: String, item: (Int, JSONValue) throws -> Void) throws {
        window.advance()
        try window.skipWhitespace()
        if try window.peek() == UInt8(ascii: "]") {
            window.advance()
            return
        }
        var position = 0
        while true {
            try window.skipWhitespace()
            try item(position, try value(depth: 2, path: [.member(key), .item(position)]))
            position += 1
            try window.skipWhitespace()
            guard let separator = try window.peek() else { throw error("the document ends inside an array (truncated?)") }
            guard separator == UInt8(ascii: ",") || separator == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            window.advance()
            if separator == UInt8(ascii: "]") { return }
        }
    }

    /// Reads again, one at a time, the items of the array `key` that `read` found at `offset`.
    package func items(ofListAt offset: Int, key: String, _ item: (Int, JSONValue) throws -> Void) throws {
        window.seek(to: offset)
        guard try window.peek() == UInt8(ascii: "[") else { throw error("expected '['; did the file change while it was read?") }
        try readItems(key: key, item: item)
    }

    /// Reads the document from its start in pieces of the window's size.
    private func scan(upTo end: Int = Int.max, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        var chunk = [UInt8](repeating: 0, count: window.size)
        var offset = 0
        while offset < end {
            let wanted = min(chunk.count, end - offset)
            let count = try chunk.withUnsafeMutableBytes { try source.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted])) }
            if count == 0 { return }
            try chunk.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count]), offset) }
            offset += count
        }
    }

    /// The 1-based line and column (in characters, as `JSONSyntaxError` counts them) of an
    /// offset in the document. Reads the document up to there again.
    package func position(of offset: Int) throws -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        try scan(upTo: offset) { bytes, at in
            for (position, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = at + position + 1
            }
        }
        // The characters of the last line, counted in pieces that end before a plain ASCII byte
        // (which always begins a new character within a line), so that a long line is never held.
        var characters = 0
        var pending: [UInt8] = []
        try scan(upTo: offset) { bytes, at in
            guard at + bytes.count > lineStart else { return }
            pending.append(contentsOf: bytes[max(lineStart - at, 0)...])
            guard let cut = pending.lastIndex(where: { $0 < 0x80 }), cut > 0 else { return }
            characters += String(decoding: pending[..<cut], as: UTF8.self).count
            pending.removeFirst(cut)
        }
        characters += String(decoding: pending, as: UTF8.self).count
        return (line, characters + 1)
    }

    /// True when the document ends inside a string or with an object or array still open: the
    /// sign of a file cut short, even where the parser stumbled first on a cut word or escape.
    package func endsUnfinished() throws -> Bool {
        var state = BracketState()
        try scan { bytes, _ in
            for byte in bytes { _ = state.take(byte) }
        }
        return state.inString || state.depth > 0
    }
}
