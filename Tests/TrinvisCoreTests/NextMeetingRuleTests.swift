import Testing
@testable import TrinvisCore

/// The next meeting proposed when a meeting is recorded: the interval later, on a working day, at
/// the citizen's usual time of day.
@Suite struct NextMeetingRuleTests {
    private func stamp(_ text: String) throws -> Timestamp {
        try #require(Timestamp(iso: text))
    }

    private func day(_ text: String) throws -> LocalDate {
        try #require(LocalDate(iso: text))
    }

    @Test func withoutMeetingsTheTimeIsTenOClock() {
        let rule = NextMeetingRule(intervalDays: 14, recent: [])
        #expect(rule.hour == 10 && rule.minute == 0)
        #expect(rule.intervalDays == 14)
    }

    @Test func theMostCommonTimeOfTheLatestMeetingsWins() throws {
        // Newest first: 09:30 three times against 14:00 twice; the 13:00 meetings are too old to count.
        let recent = try ["2026-11-20T14:00:00+01:00", "2026-11-13T09:30:00+01:00", "2026-11-06T09:30:00+01:00",
                          "2026-10-30T14:00:00+01:00", "2026-10-23T09:30:00+01:00", "2026-10-16T13:00:00+02:00",
                          "2026-10-09T13:00:00+02:00", "2026-10-02T13:00:00+02:00", "2026-09-25T13:00:00+02:00"].map(stamp)
        let rule = NextMeetingRule(intervalDays: 7, recent: recent)
        #expect(rule.hour == 9 && rule.minute == 30)
    }

    @Test func equallyCommonTimesGiveTheLatest() throws {
        let recent = try ["2026-11-20T14:15:00+01:00", "2026-11-13T09:30:00+01:00", "2026-11-06T14:15:00+01:00",
                          "2026-10-30T09:30:00+01:00"].map(stamp)
        let rule = NextMeetingRule(intervalDays: 7, recent: recent)
        #expect(rule.hour == 14 && rule.minute == 15)
    }

    @Test func theTimeOfDayIsReadInTheOffsetTheMeetingWasWrittenIn() throws {
        // 10:00 in summer time and 10:00 in winter time are the same time of day for the citizen.
        let recent = try ["2026-11-02T10:00:00+01:00", "2026-10-19T10:00:00+02:00", "2026-10-26T13:00:00+01:00"].map(stamp)
        let rule = NextMeetingRule(intervalDays: 14, recent: recent)
        #expect(rule.hour == 10 && rule.minute == 0)
    }

    @Test func aWeekendMovesToTheMonday() throws {
        // 2026-11-23 is a Monday.
        let monday = try day("2026-11-23")
        #expect(NextMeetingRule(intervalDays: 14).day(after: monday) == (try day("2026-12-07")))
        #expect(NextMeetingRule(intervalDays: 12).day(after: monday) == (try day("2026-12-07")), "Saturday → Monday")
        #expect(NextMeetingRule(intervalDays: 13).day(after: monday) == (try day("2026-12-07")), "Sunday → Monday")
        #expect(NextMeetingRule(intervalDays: 11).day(after: monday) == (try day("2026-12-04")), "a Friday stays")
        let weekdays = (0..<7).map { monday.adding(days: $0).workday.iso }
        #expect(weekdays == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-11-30"])
    }

    @Test func theProposalIsAtTheUsualTimeOnTheWorkday() throws {
        let recent = try ["2026-11-09T13:30:00+01:00"].map(stamp)
        let rule = NextMeetingRule(intervalDays: 12, recent: recent)
        let proposal = try #require(rule.proposal(after: try day("2026-11-23")))
        #expect(proposal.localDate == (try day("2026-12-07")))
        #expect(proposal.localTime.hour == 13 && proposal.localTime.minute == 30)
    }

    @Test func anIntervalBelowOneDayIsOneDay() throws {
        #expect(NextMeetingRule(intervalDays: 0).day(after: try day("2026-11-23")) == (try day("2026-11-24")))
    }
}
