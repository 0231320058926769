/// Why a text is not JSON, and where (1-based line and column, counted in characters).
package struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    package let line: Int
    package let column: Int
    package let message: String

    package var description: String { "line \(line), column \(column): \(message)" }
}

/// A string in a document longer than the parser allows: refused as soon as the limit is passed,
/// before the string is built, so a huge value never takes memory beyond the document's own.
package struct JSONStringTooLong: Error, Sendable, Equatable {
    /// Where the string is, such as `citizens[0].life` (empty for a document that is one string).
    package let path: String
    /// The longest string allowed, in bytes of UTF-8 as written in the document.
    package let limit: Int
}

/// A syntax error in a value read on its own out of a longer document (`JSONParser.parseFragment`):
/// where it is as a byte offset in the whole document, which the reader turns into a line and a
/// column only when the error is reported.
package struct JSONFragmentError: Error, Sendable, Equatable {
    /// The offset of the error in the whole document, in bytes.
    package let offset: Int
    package let message: String
}

/// One step of the way to a value in a document: a member of an object or an item of an array.
package enum JSONPathStep: Sendable, Equatable {
    case member(String)
    case item(Int)
}

/// A strict JSON parser (RFC 8259) that keeps object member order and reports the position of
/// the first error. Duplicate keys are an error, since the later one would silently win.
package struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    /// The longest string (member names included), in bytes as written.
    private var maximumStringBytes = Int.max
    /// The member names and array positions leading to the value being read (for
    /// `JSONStringTooLong`).
    private var path: [JSONPathStep] = []
    /// For a fragment: the offset of its first byte in the whole document, whose errors are then
    /// `JSONFragmentError`s at offsets in the whole document.
    private var fragmentOffset: Int?

    /// Nesting deeper than this is refused rather than risking the stack.
    package static let maximumDepth = 200

    /// Parses a whole document.
    package static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses a whole document from UTF-8 bytes (a leading byte-order mark is skipped). A string
    /// longer than `maximumStringBytes` throws `JSONStringTooLong`.
    package static func parse(_ bytes: [UInt8], maximumStringBytes: Int = Int.max) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.maximumStringBytes = maximumStringBytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.error("the document is empty") }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the end of the document") }
        return value
    }

    /// Parses one value that begins at the first of `bytes`, read out of a longer document where
    /// it begins at byte `offset`, stands `depth` levels down and is reached by `path`. Returns
    /// the value and how many bytes it took (what follows is the caller's to read). A syntax
    /// error is a `JSONFragmentError` at its offset in the whole document; a string longer than
    /// `maximumStringBytes` throws `JSONStringTooLong` with the path in the whole document.
    package static func parseFragment(_ bytes: [UInt8], offset: Int, depth: Int, path: [JSONPathStep],
                                      maximumStringBytes: Int = Int.max) throws -> (value: JSONValue, length: Int) {
        var parser = JSONParser(bytes: bytes)
        parser.maximumStringBytes = maximumStringBytes
        parser.fragmentOffset = offset
        parser.depth = depth
        parser.path = path
        let value = try parser.parseValue()
        return (value, parser.index)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func error(_ message: String) -> any Error {
        if let fragmentOffset { return JSONFragmentError(offset: fragmentOffset + min(index, bytes.count), message: message) }
        var line = 1
        var lineStart = 0
        let end = min(index, bytes.count)
        for position in 0..<end where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw error("the document ends too early (truncated?)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a value")
        }
    }

    private mutating func expectWord(_ word: String) throws {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw error("expected a value")
        }
        index += expected.count
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= JSONParser.maximumDepth else { throw error("nested too deeply") }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(String, JSONValue)] = []
        var keys = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an object (truncated?)") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let keyStart = index
            let key = try parseString()
            guard keys.insert(key).inserted else {
                index = keyStart
                throw error("the member \"\(key)\" appears twice")
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an object (truncated?)") }
            guard bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
            index += 1
            skipWhitespace()
            path.append(.member(key))
            members.append((key, try parseValue()))
            path.removeLast()
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an object (truncated?)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            index += 1
            return .object(members)
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            path.append(.item(items.count))
            items.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an array (truncated?)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            index += 1
            return .array(items)
        }
    }

    private mutating func parseString() throws -> String {
        index += 1
        let start = index
        let limit = index > Int.max - maximumStringBytes ? Int.max : index + maximumStringBytes
        // The bytes of a string with escapes, decoded; nil while there has been none, when the
        // string is its bytes as written.
        var decoded: [UInt8]?
        var chunkStart = index
        /// Adds the bytes since the last escape, which must be UTF-8 of their own.
        func flush(_ end: Int) throws {
            guard end > chunkStart else { return }
            guard String(validating: bytes[chunkStart..<end], as: UTF8.self) != nil else {
                throw error("the text is not valid UTF-8")
            }
            decoded?.append(contentsOf: bytes[chunkStart..<end])
        }
        while index < bytes.count {
            if index > limit { throw JSONStringTooLong(path: pathText, limit: maximumStringBytes) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if decoded == nil {
                    guard let whole = String(validating: bytes[start..<index], as: UTF8.self) else {
                        throw error("the text is not valid UTF-8")
                    }
                    text = whole
                } else {
                    try flush(index)
                    text = String(decoding: decoded ?? [], as: UTF8.self)
                }
                index += 1
                return text
            }
            if byte < 0x20 { throw error("a control character must be escaped inside a string") }
            if byte == UInt8(ascii: "\\") {
                if decoded == nil { decoded = [] }
                try flush(index)
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                let scalar: Unicode.Scalar
                switch escape {
                case UInt8(ascii: "\""): scalar = "\""
                case UInt8(ascii: "\\"): scalar = "\\"
                case UInt8(ascii: "/"): scalar = "/"
                case UInt8(ascii: "b"): scalar = "\u{08}"
                case UInt8(ascii: "f"): scalar = "\u{0C}"
                case UInt8(ascii: "n"): scalar = "\n"
                case UInt8(ascii: "r"): scalar = "\r"
                case UInt8(ascii: "t"): scalar = "\t"
                case UInt8(ascii: "u"): scalar = try parseUnicodeEscape()
                default:
                    index -= 1
                    throw error("unknown escape sequence")
                }
                decoded?.append(contentsOf: UTF8.encode(scalar)!)
                chunkStart = index
                continue
            }
            index += 1
        }
        throw error("the document ends inside a string (truncated?)")
    }

    /// The path of the value being read, as the importer writes it: `citizens[0].life`.
    private var pathText: String {
        var text = ""
        for step in path {
            switch step {
            case .member(let name): text += text.isEmpty ? name : "." + name
            case .item(let position): text += "[\(position)]"
            }
        }
        return text
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("the document ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800...0xDBFF).contains(first) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("a lone surrogate in a \\u escape")
            }
            index += 2
            let second = try hexQuad()
            guard (0xDC00...0xDFFF).contains(second),
                  let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                throw error("a lone surrogate in a \\u escape")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw error("a lone surrogate in a \\u escape") }
        return scalar
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            index = integerStart
            throw error("a number must not start with 0")
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else { throw error("the number is out of range") }
        return .number(value)
    }
}
