#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant with the UTC offset it was written in, as in `2026-03-02T10:30:00+01:00`.
///
/// Two timestamps for the same instant in different offsets are different values (the offset is
/// part of what was recorded) but compare by instant.
package struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    package let seconds: Int64
    /// The offset from UTC in minutes, -1439…1439.
    package let offsetMinutes: Int

    package init(seconds: Int64, offsetMinutes: Int) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    /// The instant at a local date and time in a given offset; nil for an impossible time.
    package init?(date: LocalDate, hour: Int, minute: Int, second: Int = 0, offsetMinutes: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              abs(offsetMinutes) < 24 * 60 else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        self.init(seconds: local - Int64(offsetMinutes * 60), offsetMinutes: offsetMinutes)
    }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS][.fraction](Z|±HH:MM)`; the offset is required.
    package init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, let date = LocalDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"),
              let hour = LocalDate.number(bytes[11..<13]),
              let minute = LocalDate.number(bytes[14..<16]) else { return nil }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard bytes.count >= index + 3, let value = LocalDate.number(bytes[(index + 1)..<(index + 3)]) else {
                return nil
            }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let start = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        guard index < bytes.count else { return nil }
        let offset: Int
        if bytes[index] == UInt8(ascii: "Z") {
            guard index + 1 == bytes.count else { return nil }
            offset = 0
        } else {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes.count == index + 6,
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = LocalDate.number(bytes[(index + 1)..<(index + 3)]),
                  let minutes = LocalDate.number(bytes[(index + 4)..<(index + 6)]),
                  hours <= 23, minutes <= 59 else { return nil }
            offset = (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        self.init(date: date, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    /// The local wall-clock seconds since the epoch in this timestamp's offset.
    private var localSeconds: Int64 { seconds + Int64(offsetMinutes * 60) }

    /// The calendar date in this timestamp's own offset.
    package var localDate: LocalDate {
        LocalDate(daysSinceEpoch: Int(Timestamp.floorDivide(localSeconds, 86_400)))
    }

    /// Hour, minute and second in this timestamp's own offset.
    package var localTime: (hour: Int, minute: Int, second: Int) {
        let secondOfDay = Int(localSeconds - Timestamp.floorDivide(localSeconds, 86_400) * 86_400)
        return (secondOfDay / 3_600, secondOfDay % 3_600 / 60, secondOfDay % 60)
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` (`Z` is written as `+00:00`).
    package var iso: String {
        let time = localTime
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return localDate.iso + "T" + LocalDate.pad(time.hour, 2) + ":" + LocalDate.pad(time.minute, 2) + ":"
            + LocalDate.pad(time.second, 2) + sign + LocalDate.pad(offset / 60, 2) + ":" + LocalDate.pad(offset % 60, 2)
    }

    /// `HH:MM` in the timestamp's own offset.
    package var clockTime: String {
        let time = localTime
        return LocalDate.pad(time.hour, 2) + ":" + LocalDate.pad(time.minute, 2)
    }

    /// `YYYYMMDDTHHMMSSZ`, the UTC form of iCalendar.
    package var compactUTC: String {
        let utc = Timestamp(seconds: seconds, offsetMinutes: 0)
        let time = utc.localTime
        let date = utc.localDate
        return LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2) + "T"
            + LocalDate.pad(time.hour, 2) + LocalDate.pad(time.minute, 2) + LocalDate.pad(time.second, 2) + "Z"
    }

    package var description: String { iso }

    /// The same instant plus `count` seconds, in the same offset.
    package func adding(seconds count: Int64) -> Timestamp {
        Timestamp(seconds: seconds + count, offsetMinutes: offsetMinutes)
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.offsetMinutes) < (rhs.seconds, rhs.offsetMinutes)
    }

    /// The current instant in the machine's local offset.
    package static func now() -> Timestamp {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let seconds = Int64(clock.tv_sec)
        return Timestamp(seconds: seconds, offsetMinutes: localOffsetMinutes(at: seconds))
    }

    /// The machine's UTC offset (including daylight saving) at an instant.
    package static func localOffsetMinutes(at seconds: Int64) -> Int {
        var time = time_t(seconds)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff) / 60
    }

    /// The instant of a local wall-clock time on this machine, in the local offset of that day.
    package static func local(_ date: LocalDate, hour: Int, minute: Int) -> Timestamp? {
        guard let guess = Timestamp(date: date, hour: hour, minute: minute, offsetMinutes: 0) else { return nil }
        let offset = localOffsetMinutes(at: guess.seconds)
        let first = Timestamp(date: date, hour: hour, minute: minute, offsetMinutes: offset)
        guard let first else { return nil }
        let corrected = localOffsetMinutes(at: first.seconds)
        return corrected == offset ? first : Timestamp(date: date, hour: hour, minute: minute, offsetMinutes: corrected)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
