/// What is wrong with a field's value.
package enum ValidationProblem: Sendable, Equatable {
    /// The field must not be empty.
    case required
    /// The text is longer than the field allows.
    case tooLong(maximum: Int)
    /// Not a valid CPR number.
    case invalidCPR(CPR.Problem)
    /// The CPR number encodes another birth date than the one given.
    case cprDoesNotMatchBirthDate
    /// The citizen's organisation may not hold CPR numbers (a drop-in centre).
    case cprNotHeld
    /// A date lies before the date it must follow (a plan's end before its start).
    case before(field: String, date: LocalDate)
    /// A number lies outside the allowed range.
    case outOfRange(ClosedRange<Int>)
    /// Not a valid e-mail address.
    case invalidEmail
    /// A word that is not one of the allowed values.
    case unknownValue(allowed: [String])
    /// A citizen named as present at a household meeting is not in the citizen's household.
    case notInHousehold
}

/// A field whose value cannot be saved, and why. Nothing is stored while one exists.
package struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's name as in the interchange format (`deadline`, `cpr`).
    package let field: String
    /// What is wrong.
    package let problem: ValidationProblem

    package init(field: String, problem: ValidationProblem) {
        self.field = field
        self.problem = problem
    }

    package var description: String {
        switch problem {
        case .required: return "\(field): must not be empty"
        case .tooLong(let maximum): return "\(field): longer than \(maximum) characters"
        case .invalidCPR(.notTenDigits): return "\(field): a CPR number has ten digits (DDMMYY-XXXX)"
        case .invalidCPR(.notADate): return "\(field): the first six digits of a CPR number must be a date (DDMMYY)"
        case .cprDoesNotMatchBirthDate: return "\(field): does not match the birth date"
        case .cprNotHeld: return "\(field): the citizen's organisation does not hold CPR numbers; leave it empty"
        case .before(let other, let date): return "\(field): lies before \(other) (\(date.iso))"
        case .outOfRange(let range): return "\(field): must be between \(range.lowerBound) and \(range.upperBound)"
        case .invalidEmail: return "\(field): not an e-mail address"
        case .unknownValue(let allowed): return "\(field): must be one of \(allowed.joined(separator: ", "))"
        case .notInHousehold: return "\(field): not a member of the citizen's household"
        }
    }
}

/// The problems found in one record, collected so that every one of them can be shown at once
/// (a form shows each beside its field after a single save).
package struct ValidationProblems: Sendable, Equatable {
    /// Every problem, in the order found.
    package private(set) var all: [ValidationError] = []

    package init() {}

    /// True when nothing is wrong.
    package var isEmpty: Bool { all.isEmpty }

    /// Notes a problem.
    package mutating func add(_ error: ValidationError) {
        all.append(error)
    }

    /// Notes a problem of a field.
    package mutating func add(_ field: String, _ problem: ValidationProblem) {
        all.append(ValidationError(field: field, problem: problem))
    }

    // The checks of `Check`, each noting its problem instead of throwing; on a problem the
    // value comes back as given.

    /// `Check.required`, noted.
    package mutating func required(_ text: String, _ field: String, limit: Int = Check.lineLimit) -> String {
        do { return try Check.required(text, field, limit: limit) } catch { add(error); return text }
    }

    /// `Check.optional`, noted.
    package mutating func optional(_ text: String, _ field: String, limit: Int = Check.lineLimit) -> String {
        do { return try Check.optional(text, field, limit: limit) } catch { add(error); return text }
    }

    /// `Check.optional` of an optional text, noted.
    package mutating func optional(_ text: String?, _ field: String, limit: Int = Check.lineLimit) -> String? {
        do { return try Check.optional(text, field, limit: limit) } catch { add(error); return text }
    }

    /// `Check.text`, noted.
    package mutating func text(_ text: String, _ field: String, limit: Int = Check.textLimit) -> String {
        do { return try Check.text(text, field, limit: limit) } catch { add(error); return text }
    }

    /// `Check.email`, noted.
    package mutating func email(_ text: String?, _ field: String) -> String? {
        do { return try Check.email(text, field) } catch { add(error); return text }
    }

    /// `Check.notBefore`, noted.
    package mutating func notBefore(_ later: LocalDate?, _ laterField: String, _ earlier: LocalDate?, _ earlierField: String) {
        do { try Check.notBefore(later, laterField, earlier, earlierField) } catch { add(error) }
    }
}

/// Field checks shared by the record kinds.
package enum Check {
    /// The longest single-line text (names, titles, places).
    package static let lineLimit = 500
    /// The longest multi-line text (notes, stories, the life text).
    package static let textLimit = 100_000

    /// NFC, trimmed, non-empty and not too long.
    package static func required(_ text: String, _ field: String, limit: Int = lineLimit) throws(ValidationError) -> String {
        let value = try optional(text, field, limit: limit)
        guard !value.isEmpty else { throw ValidationError(field: field, problem: .required) }
        return value
    }

    /// NFC, trimmed and not too long; may be empty.
    package static func optional(_ text: String, _ field: String, limit: Int = lineLimit) throws(ValidationError) -> String {
        let value = TextNormalization.nfc(text).trimmingBlanks()
        guard value.count <= limit else { throw ValidationError(field: field, problem: .tooLong(maximum: limit)) }
        return value
    }

    /// NFC, trimmed, nil when empty.
    package static func optional(_ text: String?, _ field: String, limit: Int = lineLimit) throws(ValidationError) -> String? {
        guard let text else { return nil }
        let value = try optional(text, field, limit: limit)
        return value.isEmpty ? nil : value
    }

    /// Multi-line text: NFC and line ends unified to `\n`; inner blanks are kept.
    package static func text(_ text: String, _ field: String, limit: Int = textLimit) throws(ValidationError) -> String {
        let unified = TextNormalization.nfc(text).replacingLineEnds()
        guard unified.count <= limit else { throw ValidationError(field: field, problem: .tooLong(maximum: limit)) }
        return unified.trimmingBlanks()
    }

    /// `later` must not lie before `earlier`.
    package static func notBefore(_ later: LocalDate?, _ laterField: String, _ earlier: LocalDate?, _ earlierField: String) throws(ValidationError) {
        if let later, let earlier, later < earlier {
            throw ValidationError(field: laterField, problem: .before(field: earlierField, date: earlier))
        }
    }

    /// A plausible e-mail address: one `@` with text on both sides and a dot in the domain.
    package static func email(_ text: String?, _ field: String) throws(ValidationError) -> String? {
        guard let value = try optional(text, field) else { return nil }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(" ") else {
            throw ValidationError(field: field, problem: .invalidEmail)
        }
        return value
    }
}

extension String {
    /// The text without blanks and line ends at either end.
    package func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// CRLF and lone CR become LF.
    package func replacingLineEnds() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var result = ""
        var scalars = unicodeScalars.makeIterator()
        var pendingCR = false
        while let scalar = scalars.next() {
            if scalar == "\r" {
                if pendingCR { result.unicodeScalars.append("\n") }
                pendingCR = true
                continue
            }
            if pendingCR {
                result.unicodeScalars.append("\n")
                pendingCR = false
                if scalar == "\n" { continue }
            }
            result.unicodeScalars.append(scalar)
        }
        if pendingCR { result.unicodeScalars.append("\n") }
        return result
    }
}
