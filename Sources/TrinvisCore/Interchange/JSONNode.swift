/// A value of a document being imported together with its JSON path, so that every problem can
/// be reported where it is (`citizens[3].plans[0].milestones[2].deadline: not a date`).
///
/// `null` counts as absent: an optional member that is `null` has no value, a required one is missing.
struct JSONNode {
    /// The value.
    let value: JSONValue
    /// Where the value is, such as `citizens[0].meetings[1].kind`; empty for the whole document.
    let path: String

    /// The error for a problem with this value.
    func problem(_ text: String) -> InterchangeError {
        .invalid(path: path.isEmpty ? "document" : path, problem: text)
    }

    private func typeError(_ expected: String) -> InterchangeError {
        problem("expected \(expected), found \(value.typeName)")
    }

    /// The path of a member of this object.
    func path(of key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    // MARK: Objects and arrays

    /// Throws unless the value is an object.
    func requireObject() throws {
        guard case .object = value else { throw typeError("an object") }
    }

    /// Throws unless the value is an object whose members are all `known` or extensions
    /// (`x-…`). An unknown member is an error at its own path, with the known member it is
    /// closest to (a misspelled `withdrawn_on` must not leave a withdrawn consent in force).
    func requireObject(members known: [String]) throws {
        guard case .object(let members) = value else { throw typeError("an object") }
        for (key, _) in members where !key.hasPrefix(MemberNames.extensionPrefix) && !known.contains(key) {
            var text = "unknown member (extensions begin with \(MemberNames.extensionPrefix))"
            if let near = MemberNames.nearest(to: key, among: known) { text = "unknown member; did you mean `\(near)`?" }
            throw InterchangeError.invalid(path: path(of: key), problem: text)
        }
    }

    /// The member `key`, or nil when it is absent or `null`. The value must be an object.
    func optional(_ key: String) throws -> JSONNode? {
        guard case .object(let members) = value else { throw typeError("an object") }
        guard let member = members.first(where: { $0.0 == key }), member.1 != .null else { return nil }
        return JSONNode(value: member.1, path: path(of: key))
    }

    /// The member `key`; absent or `null` is an error at the member's path.
    func required(_ key: String) throws -> JSONNode {
        guard let member = try optional(key) else {
            throw InterchangeError.invalid(path: path(of: key), problem: "is required")
        }
        return member
    }

    /// The items of an array, each with its path.
    func items() throws -> [JSONNode] {
        guard case .array(let values) = value else { throw typeError("an array") }
        return values.enumerated().map { JSONNode(value: $1, path: path + "[\($0)]") }
    }

    /// The items of the array `key`; an absent or `null` member is an empty list.
    func list(_ key: String) throws -> [JSONNode] {
        try optional(key)?.items() ?? []
    }

    /// The members of an object, each with its path, in document order.
    func members() throws -> [(key: String, node: JSONNode)] {
        guard case .object(let values) = value else { throw typeError("an object") }
        return values.map { (key: $0.0, node: JSONNode(value: $0.1, path: path(of: $0.0))) }
    }

    // MARK: Scalars

    /// A string.
    func string() throws -> String {
        guard case .string(let text) = value else { throw typeError("a string") }
        return text
    }

    /// A string with something other than blanks in it (ids).
    func nonEmptyString() throws -> String {
        let text = try string()
        guard !text.trimmingBlanks().isEmpty else { throw problem("must not be empty") }
        return text
    }

    /// `true` or `false`.
    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw problem("expected true or false, found \(value.typeName)") }
        return flag
    }

    /// A whole number in `range`.
    func integer(in range: ClosedRange<Int>) throws -> Int {
        let expected = "expected an integer \(range.lowerBound)-\(range.upperBound)"
        switch value {
        case .integer(let number):
            guard let small = Int(exactly: number), range.contains(small) else { throw problem("\(expected), found \(number)") }
            return small
        case .number(let number):
            throw problem("\(expected), found \(number)")
        default:
            throw problem("\(expected), found \(value.typeName)")
        }
    }

    /// A `YYYY-MM-DD` date that exists in the calendar. Messages never repeat the value itself
    /// (dates and texts can be personal data, and errors end up on screens and in logs).
    func date() throws -> LocalDate {
        let text = try string()
        guard let date = LocalDate(iso: text) else { throw problem("not a date (expected YYYY-MM-DD)") }
        return date
    }

    /// An ISO 8601 date-time with its offset.
    func timestamp() throws -> Timestamp {
        let text = try string()
        guard let instant = Timestamp(iso: text) else {
            throw problem("not a date-time (expected YYYY-MM-DDTHH:MM:SS+HH:MM)")
        }
        return instant
    }

    /// One of the words of an enumeration, exactly.
    func word<E: TextEnumeration>(_ type: E.Type) throws -> E {
        let text = try string()
        guard let word = E(rawValue: text) else { throw problem("must be one of \(E.allWords.joined(separator: ", "))") }
        return word
    }
}
