/// Writes a JSON document whose top level is an object, member by member, with the bytes
/// `JSONValue.serialized()` would give for the whole (two-space indentation, a final line
/// break), to `sink` as it goes: one member of the top level may be an array whose elements come
/// one at a time, so that a document of any length is never held whole.
package struct JSONStreamWriter {
    private let sink: (String) throws -> Void
    private var members = 0
    /// Elements of the open array; nil when no array is open.
    private var elements: Int?

    /// Begins the document.
    package init(sink: @escaping (String) throws -> Void) throws {
        self.sink = sink
        try sink("{")
    }

    /// A member of the top-level object.
    package mutating func member(_ key: String, _ value: JSONValue) throws {
        precondition(elements == nil, "the open array ends before the next member")
        try sink(separator(key) + value.serialized(depth: 1))
    }

    /// Begins a member whose value is an array of objects or arrays (never scalars, which the
    /// serializer writes on one line), given one by one with `element`.
    package mutating func beginArray(_ key: String) throws {
        precondition(elements == nil, "one array at a time")
        try sink(separator(key))
        elements = 0
    }

    /// The next element of the open array.
    package mutating func element(_ value: JSONValue) throws {
        guard let count = elements else { preconditionFailure("no array is open") }
        try sink((count == 0 ? "[" : ",") + "\n    " + value.serialized(depth: 2))
        elements = count + 1
    }

    /// Ends the open array.
    package mutating func endArray() throws {
        guard let count = elements else { preconditionFailure("no array is open") }
        try sink(count == 0 ? "[]" : "\n  ]")
        elements = nil
    }

    /// Ends the document.
    package mutating func finish() throws {
        precondition(elements == nil, "the open array ends before the document")
        try sink(members == 0 ? "}\n" : "\n}\n")
    }

    private mutating func separator(_ key: String) -> String {
        defer { members += 1 }
        return (members == 0 ? "" : ",") + "\n  " + JSONValue.quoted(key) + ": "
    }
}
