import TrinvisCore

/// Reading what was typed into date, time and number fields.
package enum FormInput {
    /// Why a typed value is not usable.
    package enum Problem: Error, Sendable, Equatable {
        case required
        case notADate
        case notATime
        case notANumber
    }

    /// A date: `YYYY-MM-DD`, `DD.MM.YYYY`, `DD-MM-YYYY`, `DD/MM/YYYY`, `DD.MM` (this year),
    /// `+N` / `-N` days from today, or empty (nil).
    package static func date(_ text: String, today: LocalDate) -> Result<LocalDate?, Problem> {
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return .success(nil) }
        if let first = trimmed.first, first == "+" || first == "-", let days = Int(trimmed.dropFirst()), days.magnitude <= 36_500 {
            return .success(today.adding(days: first == "+" ? days : -days))
        }
        if let date = LocalDate(iso: trimmed) { return .success(date) }
        let parts = trimmed.split { $0 == "." || $0 == "/" || $0 == "-" }.map(String.init)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let day = Int(parts[0]), let month = Int(parts[1]) else { return .failure(.notADate) }
        var year = today.year
        if parts.count == 3 {
            guard let typed = Int(parts[2]), parts[2].count == 4 || parts[2].count == 2 else { return .failure(.notADate) }
            year = parts[2].count == 2 ? 2000 + typed : typed
        }
        guard let date = LocalDate(year: year, month: month, day: day) else { return .failure(.notADate) }
        return .success(date)
    }

    /// A date with a time of day (`HH:MM`, or `HH.MM`), in the machine's local offset; a date
    /// alone means `defaultHour` o'clock.
    package static func dateTime(_ text: String, today: LocalDate, defaultHour: Int = 10,
                                 offset: (LocalDate, Int, Int) -> Timestamp?) -> Result<Timestamp?, Problem> {
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return .success(nil) }
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count <= 2 else { return .failure(.notADate) }
        guard case .success(let dateValue) = date(parts[0], today: today), let day = dateValue else {
            return .failure(.notADate)
        }
        var hour = defaultHour, minute = 0
        if parts.count == 2 {
            let time = parts[1].split { $0 == ":" || $0 == "." }.map(String.init)
            guard time.count == 2, let h = Int(time[0]), let m = Int(time[1]), (0...23).contains(h), (0...59).contains(m) else {
                return .failure(.notATime)
            }
            hour = h
            minute = m
        }
        guard let stamp = offset(day, hour, minute) else { return .failure(.notATime) }
        return .success(stamp)
    }

    /// How the interface writes a date and time into a field.
    package static func format(_ stamp: Timestamp) -> String {
        stamp.localDate.iso + " " + stamp.clockTime
    }
}
