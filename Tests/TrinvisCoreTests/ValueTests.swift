import Testing
@testable import TrinvisCore

@Suite struct LocalDateTests {
    @Test(arguments: ["2026-01-01", "2024-02-29", "2000-02-29", "1970-01-01", "1969-12-31", "9999-12-31", "0001-01-01"])
    func validDatesRoundTrip(_ text: String) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(date.iso == text)
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31",
                      "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01x", "", "yyyy-mm-dd", "２０２６-01-01"])
    func impossibleOrMalformedDatesAreRejected(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func arithmeticAcrossMonthsYearsAndLeapDays() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("2026-03-02").daysSinceEpoch == 20_514)
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2026-01-10").adding(months: 6) == day("2026-07-10"))
        #expect(day("2026-01-10").days(until: day("2026-07-10")) == 181)
        #expect(day("2026-11-23").isoWeekday == 1)  // a Monday
        #expect(day("2026-11-22") < day("2026-11-23"))
    }
}

@Suite struct TimestampTests {
    @Test func parsesOffsetsAndKeepsThem() throws {
        let stamp = instant("2026-03-02T10:30:00+01:00")
        #expect(stamp.seconds == 1_772_443_800)
        #expect(stamp.offsetMinutes == 60)
        #expect(stamp.iso == "2026-03-02T10:30:00+01:00")
        #expect(instant("2026-03-02T09:30:00Z").seconds == stamp.seconds)
        #expect(instant("2026-03-02T09:30:00Z").iso == "2026-03-02T09:30:00+00:00")
        #expect(instant("2026-03-02T10:30+01:00").iso == "2026-03-02T10:30:00+01:00")
        #expect(instant("2026-03-02T10:30:00.250+01:00").seconds == stamp.seconds)
        #expect(instant("2026-07-01T23:30:00-05:30").localDate == day("2026-07-01"))
        #expect(instant("2026-07-01T23:30:00-05:30").compactUTC == "20260702T050000Z")
    }

    @Test(arguments: ["2026-03-02T10:30:00", "2026-03-02 25:00:00+01:00", "2026-03-02T10:61:00Z",
                      "2026-02-30T10:00:00Z", "2026-03-02T10:30:00+1:00", "2026-03-02T10:30:00+01:00junk", ""])
    func rejectsMalformedTimes(_ text: String) {
        #expect(Timestamp(iso: text) == nil)
    }

    @Test func localDateUsesTheTimestampsOwnOffset() {
        // 23:30 in Copenhagen on 1 March is still 1 March there, though 2 March would be wrong.
        let late = instant("2026-03-01T23:30:00+01:00")
        #expect(late.localDate == day("2026-03-01"))
        #expect(Timestamp(seconds: late.seconds, offsetMinutes: 0).localDate == day("2026-03-01"))
        #expect(Timestamp(seconds: late.seconds, offsetMinutes: 120).localDate == day("2026-03-02"))
    }
}

@Suite struct CPRTests {
    @Test func acceptsValidNumbersInEveryForm() throws {
        for text in ["0101921234", "010192-1234", "010192 1234"] {
            let cpr = try #require(CPR(text))
            #expect(cpr.digits == "0101921234")
            #expect(cpr.masked == "010192-XXXX")
            #expect(cpr.birthDate == day("1992-01-01"))
        }
    }

    @Test func centuryFollowsTheSeventhDigit() throws {
        #expect(try #require(CPR("0101304123")).birthDate == day("2030-01-01"))
        #expect(try #require(CPR("0101404123")).birthDate == day("1940-01-01"))
        #expect(try #require(CPR("0101105123")).birthDate == day("2010-01-01"))
        #expect(try #require(CPR("0101605123")).birthDate == day("1860-01-01"))
        #expect(try #require(CPR("2902004123")).birthDate == day("2000-02-29"))
    }

    @Test func rejectsWhatIsNotACPRNumber() {
        #expect(CPR.parse("3102921234") == .failure(.notADate))
        #expect(CPR.parse("2902931234") == .failure(.notADate))
        #expect(CPR.parse("0113921234") == .failure(.notADate))
        #expect(CPR.parse("010192123") == .failure(.notTenDigits))
        #expect(CPR.parse("01019212345") == .failure(.notTenDigits))
        #expect(CPR.parse("01019a1234") == .failure(.notTenDigits))
        #expect(CPR.parse("") == .failure(.notTenDigits))
        #expect(CPR.parse("٠١٠١٩٢١٢٣٤") == .failure(.notTenDigits))
    }

    @Test func neverPrintsInFullByAccident() throws {
        let cpr = try #require(CPR("0101921234"))
        #expect("\(cpr)" == "010192-XXXX")
        #expect(!String(describing: cpr).contains("1234"))
        #expect(cpr.formatted == "010192-1234")
    }
}

@Suite struct TextNormalizationTests {
    @Test func storesNFC() {
        let decomposed = "A\u{030A}se"  // Å as A + ring above
        #expect(TextNormalization.nfc(decomposed) == "\u{00C5}se")
        #expect(TextNormalization.nfc(decomposed).unicodeScalars.count == 3)
    }

    /// `nfc` returns text below U+0300 as it is (no Foundation call): the same scalars as
    /// Foundation's NFC for every text, on both sides of that border.
    @Test func nfcAgreesWithFoundationAroundTheFastPath() {
        let texts = ["", "abc", "Åse Ærø øre", "René Müller", "\u{02FF}x", "\u{0300}", "e\u{0301}", "A\u{030A}se",
                     "\u{1100}\u{1161}", "\u{0340}", "\u{212B}", "ǅ ß ÿ", "日本語", "👩‍👩‍👧 🍎", "\u{1B}[31m\u{7F}",
                     String(repeating: "æ", count: 5_000) + "a\u{0308}"]
        for text in texts {
            let expected = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
            #expect(Array(TextNormalization.nfc(text).unicodeScalars) == expected, "\(text.unicodeScalars.map { $0.value })")
        }
    }

    @Test func searchKeyFoldsCaseAndAccentsButKeepsDanishLetters() {
        #expect(TextNormalization.searchKey("ÆBLE Øre Århus") == "æble øre århus")
        #expect(TextNormalization.searchKey("A\u{030A}rhus") == "århus")
        #expect(TextNormalization.searchKey("René Müller") == "rene muller")
        #expect(TextNormalization.searchKey("Sjöberg Jäger") == "sjøberg jæger")
        #expect(TextNormalization.searchKey("Åse") != TextNormalization.searchKey("Ase"))
        #expect(TextNormalization.searchKey("Æble") != TextNormalization.searchKey("Aeble"))
    }

    @Test func lineEndsAreUnified() {
        #expect("a\r\nb\rc\nd".replacingLineEnds() == "a\nb\nc\nd")
        #expect("  \n tekst \t\n".trimmingBlanks() == "tekst")
    }
}
