/// A time of day to the minute (an activity's start), without a date or an offset.
package struct ClockTime: Sendable, Hashable, Comparable, SQLValueConvertible, CustomStringConvertible {
    /// 0...23.
    package let hour: Int
    /// 0...59.
    package let minute: Int

    package init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Reads `10`, `9:30`, `09:30`, `9.30` or `0930`; nil for anything else.
    package init?(parsing text: String) {
        let trimmed = text.trimmingBlanks()
        let parts = trimmed.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        let hourText: String
        let minuteText: String
        switch parts.count {
        case 1 where trimmed.count == 4:
            hourText = String(trimmed.prefix(2))
            minuteText = String(trimmed.suffix(2))
        case 1 where trimmed.count <= 2:
            hourText = trimmed
            minuteText = "00"
        case 2 where parts[1].count == 2:
            hourText = parts[0]
            minuteText = parts[1]
        default:
            return nil
        }
        guard hourText.count <= 2, hourText.allSatisfy(\.isASCII), minuteText.allSatisfy(\.isASCII),
              let hour = Int(hourText), let minute = Int(minuteText) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `09:30`: the stored form and how it is shown.
    package var description: String { LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2) }

    package var sqlValue: SQLValue { .text(description) }

    package init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue, text.count == 5 else { return nil }
        self.init(parsing: text)
    }

    package static func < (lhs: ClockTime, rhs: ClockTime) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}
