import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Dates as they are typed into forms: ISO everywhere, the Danish way, words and day counts, and
/// a short date read ahead for something coming and back for something past.
@Suite struct DateInputTests {
    /// A December day, when "15.01" is a month ahead or eleven months back.
    let december = LocalDate(year: 2026, month: 12, day: 10) ?? LocalDate(daysSinceEpoch: 0)

    func read(_ text: String, _ sense: DateSense = .coming, today: LocalDate? = nil) -> LocalDate? {
        guard case .success(let date) = FormInput.date(text, today: today ?? december, sense: sense) else { return nil }
        return date
    }

    func day(_ iso: String) -> LocalDate? { LocalDate(iso: iso) }

    @Test func aShortDateIsTheNextSuchDayAheadAndTheLastSuchDayBack() {
        for typed in ["15.01", "15.1", "15/1", "15/01", "15-1", "15.01."] {
            #expect(read(typed, .coming) == day("2027-01-15"), "\(typed) as a deadline")
            #expect(read(typed, .past) == day("2026-01-15"), "\(typed) as a birth date")
            #expect(read(typed, .nearest) == day("2027-01-15"), "\(typed) is nearer next January")
        }
        // Today is both the next and the last such day.
        #expect(read("10.12", .coming) == december)
        #expect(read("10.12", .past) == december)
        // Later this month ahead, earlier this month back.
        #expect(read("24.12", .coming) == day("2026-12-24"))
        #expect(read("24.12", .past) == day("2025-12-24"))
        #expect(read("01.12", .coming) == day("2027-12-01"))
        #expect(read("01.12", .past) == day("2026-12-01"))
        #expect(read("01.12", .nearest) == day("2026-12-01"))
        // 29 February: the next and the last leap year.
        #expect(read("29.02", .coming) == day("2028-02-29"))
        #expect(read("29.02", .past) == day("2024-02-29"))
    }

    @Test func fullDatesMeanWhatTheySayInEveryWay() {
        for typed in ["2027-01-15", "15.01.2027", "15-01-2027", "15/1/2027", "15.1.2027", " 15.01.2027 "] {
            #expect(read(typed, .coming) == day("2027-01-15"), "\(typed)")
            #expect(read(typed, .past) == day("2027-01-15"), "\(typed): a typed year is kept")
        }
        // A two-digit year: the last such day for a past field, else the nearest.
        #expect(read("21.06.96", .past) == day("1996-06-21"))
        #expect(read("15.01.27", .coming) == day("2027-01-15"))
        #expect(read("15.01.20", .coming) == day("2020-01-15"), "not 2120")
        #expect(read("15.01.27", .past) == day("1927-01-15"))
    }

    @Test func wordsAndDayCountsFromToday() {
        #expect(read("i dag") == december)
        #expect(read("I DAG") == december)
        #expect(read("idag") == december)
        #expect(read("today") == december)
        #expect(read("i morgen") == day("2026-12-11"))
        #expect(read("imorgen") == day("2026-12-11"))
        #expect(read("Tomorrow") == day("2026-12-11"))
        #expect(read("i overmorgen") == day("2026-12-12"))
        #expect(read("i går", .past) == day("2026-12-09"))
        #expect(read("i forgårs", .past) == day("2026-12-08"))
        #expect(read("yesterday", .past) == day("2026-12-09"))
        #expect(read("+14") == day("2026-12-24"))
        #expect(read("+0") == december)
        #expect(read("-3", .past) == day("2026-12-07"))
        #expect(read("+14", .past) == day("2026-12-24"), "a count means the same whichever way the field looks")
    }

    @Test func whatIsNotADateIsSaidSo() {
        for typed in ["31.04", "15.13", "0.1", "32.01", "2026-02-30", "abc", "15", "15.01.2027.1", "1/15", "15.01.202",
                      "i morgen i dag", "+", "++3", "+-3", "+1.01", "15..01", "١٥.٠١"] {
            #expect(FormInput.date(typed, today: december) == .failure(.notADate), "\(typed)")
        }
        #expect(FormInput.date("", today: december) == .success(nil))
        #expect(FormInput.date("   ", today: december) == .success(nil))
    }

    @Test func aDateWithATimeOfDay() {
        func stamp(_ text: String, _ sense: DateSense = .coming) -> (LocalDate, String)? {
            guard case .success(let value?) = FormInput.dateTime(text, today: december, sense: sense,
                                                                 offset: { Timestamp.local($0, hour: $1, minute: $2) }) else {
                return nil
            }
            return (value.localDate, value.clockTime)
        }
        #expect(stamp("i morgen 14:30")?.0 == day("2026-12-11"))
        #expect(stamp("i morgen 14:30")?.1 == "14:30")
        #expect(stamp("i morgen kl. 9")?.1 == "09:00")
        #expect(stamp("15.01 10.30")?.0 == day("2027-01-15"))
        #expect(stamp("15.01 10.30")?.1 == "10:30")
        #expect(stamp("15.01 10.30", .past)?.0 == day("2026-01-15"), "a meeting's own date looks back")
        #expect(stamp("2027-01-15 08:05")?.1 == "08:05")
        #expect(stamp("14:30")?.0 == december, "a time alone is today")
        #expect(stamp("+7")?.1 == "10:00", "a date alone is ten o'clock")
        #expect(stamp("tomorrow at 16:00")?.1 == "16:00")
        let offset: (LocalDate, Int, Int) -> Timestamp? = { Timestamp.local($0, hour: $1, minute: $2) }
        #expect(FormInput.dateTime("15.01 25:00", today: december, offset: offset) == .failure(.notATime))
        #expect(FormInput.dateTime("15.01 10:7", today: december, offset: offset) == .failure(.notATime))
        #expect(FormInput.dateTime("31.04 10:00", today: december, offset: offset) == .failure(.notADate))
        #expect(FormInput.dateTime("", today: december, offset: offset) == .success(nil))
    }

    @Test func datesAreWrittenTheWayOfTheLanguage() throws {
        let date = try #require(day("2027-01-15"))
        #expect(FormInput.format(date, Localizer(.danish)) == "15.01.2027")
        #expect(FormInput.format(date, Localizer(.english)) == "2027-01-15")
        #expect(FormInput.format(nil, Localizer(.danish)) == "")
        // What is written is read back as the same day, whichever way the field looks.
        for sense in [DateSense.coming, .past, .nearest] {
            #expect(read(FormInput.format(date, Localizer(.danish)), sense) == date)
        }
        var field = FormField(id: "deadline", label: "Frist", kind: .date, value: "15.01")
        #expect(FormInput.meaning(of: field, today: december, say: Localizer(.danish)) == "= fredag 15.01.2027")
        #expect(FormInput.meaning(of: field, today: december, say: Localizer(.english)) == "= Friday 2027-01-15")
        field = FormField(id: "birth_date", label: "Født", kind: .date, value: "15.01", sense: .past)
        #expect(FormInput.meaning(of: field, today: december, say: Localizer(.danish)) == "= torsdag 15.01.2026")
        field.setValue("15.13")
        #expect(FormInput.meaning(of: field, today: december, say: Localizer(.danish)) == nil)
    }
}
