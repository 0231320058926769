import TrinvisCore

/// Which way a date field looks from today, to tell what a short date means: "15.01" typed in
/// December is next January for a deadline and last January for a birth date.
package enum DateSense: Sendable, Equatable {
    /// Something coming (a deadline, the next meeting, a consent's expiry): the next such day,
    /// today included.
    case coming
    /// Something that happened (a birth date, achieved on, a meeting's own date): the last such
    /// day, today included.
    case past
    /// Either (a plan's start): the nearest such day.
    case nearest
}

/// Reading what was typed into date, time and number fields.
package enum FormInput {
    /// Why a typed value is not usable.
    package enum Problem: Error, Sendable, Equatable {
        case required
        case notADate
        case notATime
        case notANumber
    }

    /// The words for a day near today, in both languages (a Danish user who types `today`, or an
    /// English one who types `i morgen`, means the same day), without blanks and in lower case.
    private static let dayWords: [String: Int] = [
        "idag": 0, "today": 0,
        "imorgen": 1, "tomorrow": 1,
        "iovermorgen": 2, "overmorgen": 2,
        "igår": -1, "yesterday": -1,
        "iforgårs": -2, "forgårs": -2,
    ]

    /// A date, or empty (nil). Understood in every language:
    /// - `2027-01-15` (ISO), `15.01.2027`, `15-01-2027`, `15/1/2027`, and with a two-digit year
    ///   `15.01.27`;
    /// - `15.01`, `15/1`, `15-1` (day and month): the next such day for a `.coming` field, the
    ///   last for a `.past` one, the nearest for `.nearest`; a two-digit year is in the century
    ///   that makes it the last such day for a `.past` field (`15.01.85` as a birth date is
    ///   1985), else the nearest (`15.01.27` is 2027);
    /// - `+14`, `-3` (days from today);
    /// - `i dag`, `i morgen`, `i overmorgen`, `i går`, `i forgårs`, `today`, `tomorrow`,
    ///   `yesterday`.
    /// The day and month come first in every language (never `1/15`).
    package static func date(_ text: String, today: LocalDate, sense: DateSense = .coming) -> Result<LocalDate?, Problem> {
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return .success(nil) }
        let word = String(TextNormalization.nfc(trimmed).lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
        if let offset = dayWords[word] { return .success(today.adding(days: offset)) }
        if let first = trimmed.first, first == "+" || first == "-", trimmed.dropFirst().allSatisfy(isDigit),
           let days = Int(trimmed.dropFirst()), days.magnitude <= 36_500 {
            return .success(today.adding(days: first == "+" ? days : -days))
        }
        if let date = LocalDate(iso: trimmed) { return .success(date) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "/", omittingEmptySubsequences: false) }
            .flatMap { $0.split(separator: "-", omittingEmptySubsequences: false) }
            .map(String.init)
        // "15.01." (a Danish habit) is "15.01".
        let fields = parts.count == 3 && parts[2].isEmpty ? Array(parts.prefix(2)) : parts
        guard fields.count == 2 || fields.count == 3,
              fields.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(isDigit) }),
              fields[0].count <= 2, fields[1].count <= 2,
              let day = Int(fields[0]), let month = Int(fields[1]), (1...12).contains(month), (1...31).contains(day) else {
            return .failure(.notADate)
        }
        let candidates: [LocalDate]
        var sense = sense
        if fields.count == 3 {
            guard let typed = Int(fields[2]), fields[2].count == 4 || fields[2].count == 2 else { return .failure(.notADate) }
            if fields[2].count == 4 {
                candidates = [LocalDate(year: typed, month: month, day: day)].compactMap { $0 }
            } else {
                // The century: the last such day for a past field (`85` is 1985 as a birth
                // date), else the nearest (`27` is 2027, `20` is 2020).
                if sense != .past { sense = .nearest }
                let century = today.year / 100 * 100
                candidates = [century - 100, century, century + 100].compactMap {
                    LocalDate(year: $0 + typed, month: month, day: day)
                }
            }
        } else {
            // The day in the years around this one (29 February only in leap years).
            candidates = (-8...8).compactMap { LocalDate(year: today.year + $0, month: month, day: day) }
        }
        guard let date = pick(candidates, today: today, sense: sense) else { return .failure(.notADate) }
        return .success(date)
    }

    /// `0`…`9` (not `+`, not other scripts' digits).
    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    /// Of the days that fit what was typed, the one the field means.
    private static func pick(_ candidates: [LocalDate], today: LocalDate, sense: DateSense) -> LocalDate? {
        if candidates.count <= 1 { return candidates.first }
        switch sense {
        case .coming: return candidates.filter { $0 >= today }.min()
        case .past: return candidates.filter { $0 <= today }.max()
        case .nearest:
            return candidates.min { abs(today.days(until: $0)) < abs(today.days(until: $1)) }
        }
    }

    /// A date with a time of day, in the machine's local offset: a date as `date` reads it,
    /// then a time `HH:MM`, `HH.MM` or `HH` (optionally after `kl.`); a date alone means
    /// `defaultHour` o'clock, a time alone (`14:30`) today.
    package static func dateTime(_ text: String, today: LocalDate, sense: DateSense = .coming, defaultHour: Int = 10,
                                 offset: (LocalDate, Int, Int) -> Timestamp?) -> Result<Timestamp?, Problem> {
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return .success(nil) }
        var words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var clock: (hour: Int, minute: Int)?
        if words.count == 1, words[0].contains(":") {
            guard let time = time(words[0]) else { return .failure(.notATime) }
            clock = time
            words = []
        } else if words.count >= 2, let time = time(words[words.count - 1]) {
            clock = time
            words.removeLast()
            if let last = words.last?.lowercased(), last == "kl." || last == "kl" || last == "at" { words.removeLast() }
        } else if words.count >= 2, words[words.count - 1].contains(":") {
            return .failure(.notATime)
        }
        let day: LocalDate
        if words.isEmpty {
            day = today
        } else {
            guard case .success(let typed) = date(words.joined(separator: " "), today: today, sense: sense), let typed else {
                return .failure(.notADate)
            }
            day = typed
        }
        guard let stamp = offset(day, clock?.hour ?? defaultHour, clock?.minute ?? 0) else { return .failure(.notATime) }
        return .success(stamp)
    }

    /// `14:30`, `14.30` or `14`: hour and minute.
    private static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(isDigit) }),
              let hour = Int(parts[0]), (0...23).contains(hour) else { return nil }
        guard parts.count == 2 else { return (hour, 0) }
        guard parts[1].count == 2, let minute = Int(parts[1]), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }

    /// What a date field's text means, shown beside it while it is typed ("15.01" as
    /// "= Friday 2027-01-15"); nil for other fields, an empty field, or what is not a date.
    package static func meaning(of field: FormField, today: LocalDate, say: Localizer) -> String? {
        switch field.kind {
        case .date:
            guard case .success(let date?) = Self.date(field.value, today: today, sense: field.dateSense) else { return nil }
            return say(.dateMeans(date))
        case .dateTime:
            let read = dateTime(field.value, today: today, sense: field.dateSense) { Timestamp.local($0, hour: $1, minute: $2) }
            guard case .success(let stamp?) = read else { return nil }
            return say(.dateMeans(stamp.localDate)) + " " + stamp.clockTime
        default:
            return nil
        }
    }

    /// How the interface writes a date into a field: `15.01.2027` in Danish, `2027-01-15` in
    /// English; empty for none.
    package static func format(_ date: LocalDate?, _ say: Localizer) -> String {
        date.map(say.date) ?? ""
    }

    /// How the interface writes a date and time into a field.
    package static func format(_ stamp: Timestamp, _ say: Localizer) -> String {
        say.date(stamp.localDate) + " " + stamp.clockTime
    }
}
