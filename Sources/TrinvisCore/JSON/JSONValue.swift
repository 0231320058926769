/// A JSON value whose objects keep their key order, so that written documents are stable.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a key appears at most once.
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The member `key` of an object; nil for other values or a missing key.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A short name of the value's type for error messages.
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONValue {
    /// The document as text: two-space indentation, one member per line, keys in stored order,
    /// non-ASCII letters written as they are (UTF-8), control characters escaped.
    package func serialized(indent: Bool = true) -> String {
        var output = ""
        write(into: &output, depth: 0, indent: indent)
        if indent { output += "\n" }
        return output
    }

    /// The value as `serialized()` writes it when it stands `depth` levels down in a document
    /// (its inner lines indented from there), without the final line break.
    package func serialized(depth: Int) -> String {
        var output = ""
        write(into: &output, depth: depth, indent: true)
        return output
    }

    private func write(into output: inout String, depth: Int, indent: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                output += String(Int64(value))
            } else if value.isFinite {
                output += String(value)
            } else {
                output += "null"
            }
        case .string(let value): JSONValue.writeString(value, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                output += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { output += indent ? ", " : "," }
                    item.write(into: &output, depth: depth + 1, indent: indent)
                }
                output += "]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(&output, depth + 1, indent)
                item.write(into: &output, depth: depth + 1, indent: indent)
            }
            newline(&output, depth, indent)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(&output, depth + 1, indent)
                JSONValue.writeString(member.0, into: &output)
                output += indent ? ": " : ":"
                member.1.write(into: &output, depth: depth + 1, indent: indent)
            }
            newline(&output, depth, indent)
            output += "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func newline(_ output: inout String, _ depth: Int, _ indent: Bool) {
        guard indent else { return }
        output += "\n" + String(repeating: "  ", count: depth)
    }

    /// `value` as a JSON string, quoted and escaped as `serialized()` writes it.
    package static func quoted(_ value: String) -> String {
        var output = ""
        writeString(value, into: &output)
        return output
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                // Every control (C0, DEL, C1), bidi control and line separator as an escape, so
                // that no byte of the output is one a terminal would act on.
                if Sanitizer.isControl(scalar) || Sanitizer.isBidiControl(scalar) || scalar == "\u{2028}"
                    || scalar == "\u{2029}" || scalar == "\u{FEFF}" {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
