/// The language of the interface: Danish or English.
package enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case danish = "da"

    /// `da` or `en` (also `da_DK.UTF-8` style locale names); nil for anything else.
    package init?(code: String) {
        let lower = code.lowercased()
        if lower == "da" || lower.hasPrefix("da_") || lower.hasPrefix("da-") || lower.hasPrefix("da.") {
            self = .danish
        } else if lower == "en" || lower.hasPrefix("en_") || lower.hasPrefix("en-") || lower.hasPrefix("en.") {
            self = .english
        } else {
            return nil
        }
    }

    /// Danish when the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` starts with `da`, else English.
    package static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("da") ? .danish : .english
        }
        return .english
    }
}

/// Turns phrases into text in one language. Each language's catalog is one exhaustive `switch`,
/// so a phrase without a translation does not compile.
package struct Localizer: Sendable {
    /// The language of every text this localizer gives.
    package let language: Language

    package init(_ language: Language) {
        self.language = language
    }

    /// The text of a phrase.
    package func callAsFunction(_ phrase: Phrase) -> String {
        switch language {
        case .english: return Catalog.english(phrase)
        case .danish: return Catalog.danish(phrase)
        }
    }

    /// A date as the interface writes it: `23.11.2026` in Danish, `2026-11-23` in English.
    package func date(_ date: LocalDate) -> String {
        switch language {
        case .english: return date.iso
        case .danish: return LocalDate.pad(date.day, 2) + "." + LocalDate.pad(date.month, 2) + "." + LocalDate.pad(date.year, 4)
        }
    }

    /// An integer with thousands separators of the language.
    package func number(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .danish ? "." : "," }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}

/// The catalogs, one per language (see `Catalog+English.swift` and `Catalog+Danish.swift`).
package enum Catalog {}

extension Catalog {
    /// A length of time as the catalogs write it: whole years, else whole months, else days.
    enum Duration: Equatable {
        case years(Int), months(Int), days(Int)
    }

    /// `days` in whole years (365 days each, give or take a leap day), else in whole months when
    /// that is within a few days, else in days: 183 days are 6 months, 1826 days 5 years.
    static func duration(_ days: Int) -> Duration {
        if days >= 365, days % 365 <= days / 365 / 4 + 1 { return .years(days / 365) }
        let months = (Double(days) / 30.44).rounded()
        if months >= 1, abs(months * 30.44 - Double(days)) <= 4 { return .months(Int(months)) }
        return .days(days)
    }

    /// "1 change", "12 changes": the count with the word for one or for many.
    static func counted(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) " + (count == 1 ? one : many)
    }

    /// "a", "a and b", "a, b and c", with the language's word for "and".
    static func list(_ items: [String], and conjunction: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// The text with its first letter in upper case.
    static func capitalisingFirstLetter(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
