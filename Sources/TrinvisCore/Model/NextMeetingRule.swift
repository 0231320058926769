/// How the next meeting is proposed when a meeting is recorded: the meeting's date plus the
/// citizen's interval, on a working day, at the time of day the citizen's meetings usually are.
///
/// A caseworker accepts the proposal without a key, so it must be the date they would have typed:
/// the rhythm of the course (every 14 days, say) and the hour the citizen is used to.
package struct NextMeetingRule: Sendable, Hashable {
    /// Days from one meeting to the next (`Citizen.meetingIntervalDays`).
    package let intervalDays: Int
    /// The time of day proposed.
    package let hour: Int
    package let minute: Int

    /// The time of day used when the citizen has no meetings yet.
    package static let defaultTime = (hour: 10, minute: 0)
    /// How many of the latest meetings decide the usual time of day.
    package static let sample = 5

    package init(intervalDays: Int, hour: Int = NextMeetingRule.defaultTime.hour,
                 minute: Int = NextMeetingRule.defaultTime.minute) {
        self.intervalDays = max(intervalDays, 1)
        self.hour = hour
        self.minute = minute
    }

    /// The rule for a citizen with this interval whose meetings were at `recent` (newest first):
    /// the time of day that is most common among the latest few, the latest of equally common
    /// ones, and 10:00 when there are none.
    package init(intervalDays: Int, recent: [Timestamp]) {
        let times = recent.prefix(Self.sample).map { ($0.localTime.hour, $0.localTime.minute) }
        var counts: [Int: Int] = [:]
        for (hour, minute) in times { counts[hour * 60 + minute, default: 0] += 1 }
        // The newest comes first, so the first time with the highest count is the latest of them.
        let best = counts.values.max() ?? 0
        let chosen = times.first { counts[$0.0 * 60 + $0.1] == best }
        self.init(intervalDays: intervalDays, hour: chosen?.0 ?? Self.defaultTime.hour,
                  minute: chosen?.1 ?? Self.defaultTime.minute)
    }

    /// The day proposed after a meeting on `date`: the interval later, moved off a weekend.
    package func day(after date: LocalDate) -> LocalDate {
        date.adding(days: intervalDays).workday
    }

    /// The next meeting proposed after a meeting on `date`, in the machine's local offset.
    package func proposal(after date: LocalDate) -> Timestamp? {
        Timestamp.local(day(after: date), hour: hour, minute: minute)
    }
}

extension LocalDate {
    /// This day when it is a working day (Monday to Friday); a Saturday or Sunday moves to the
    /// Monday after.
    package var workday: LocalDate {
        isoWeekday > 5 ? adding(days: 8 - isoWeekday) : self
    }
}
