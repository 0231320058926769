import Foundation
import Testing
@testable import TrinvisCore

/// The physical lines of a document: its bytes split at CRLF (the last, empty piece dropped).
private func physicalLines(_ text: String) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
            lines.append(current)
            current = []
            index += 2
        } else {
            current.append(bytes[index])
            index += 1
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// RFC 5545 unfolding: every CRLF followed by one space or tab is removed. By octets, as a
/// parser does (a continuation may start with a combining mark, which `String` would join to
/// the space).
private func unfold(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var unfolded: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x0D, index + 2 < bytes.count, bytes[index + 1] == 0x0A,
           bytes[index + 2] == 0x20 || bytes[index + 2] == 0x09 {
            index += 3
        } else {
            unfolded.append(bytes[index])
            index += 1
        }
    }
    return String(decoding: unfolded, as: UTF8.self)
}

/// The value of the first content line named `name` (parameters ignored) in an unfolded document.
private func value(of name: String, in text: String) -> String? {
    for line in unfold(text).components(separatedBy: "\r\n") {
        guard line.hasPrefix(name + ":") || line.hasPrefix(name + ";"), let colon = line.firstIndex(of: ":") else {
            continue
        }
        return String(line[line.index(after: colon)...])
    }
    return nil
}

@Suite struct CalendarTextTests {
    @Test func foldingKeepsEveryLineWithin75OctetsWithoutSplittingUTF8() throws {
        let summary = "Samtale med Søren Ærbøl-Østergård om æbleplantagen på Ærø, flødeboller og blåbærgrød 🍓🫐 "
            + "samt næste skridt: bolig, arbejde og økonomi — 👩🏽‍🌾 gartneri i Kværndrup 🌱🌱🌱 Åbent hus hos Bøgeskov"
        let line = ICalendarText.contentLine("SUMMARY", ICalendarText.escape(summary), parameters: [("LANGUAGE", "da")])
        #expect(line.hasSuffix("\r\n"))
        let lines = physicalLines(line)
        #expect(lines.count > 3)
        for (index, bytes) in lines.enumerated() {
            #expect(bytes.count <= 75, "line \(index) has \(bytes.count) octets")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "line \(index) is whole UTF-8")
            if index > 0 { #expect(bytes.first == 0x20, "a continuation starts with one space") }
        }
        // The lines are filled: only a character (at most the 15-octet 👩🏽‍🌾) that did not fit moved on.
        for bytes in lines.dropLast() { #expect(bytes.count > 75 - 15) }
        #expect(unfold(line) == "SUMMARY;LANGUAGE=da:" + ICalendarText.escape(summary) + "\r\n")
    }

    @Test func foldingBreaksAnOverlongCharacterBetweenScalars() throws {
        let zalgo = "a" + String(repeating: "\u{0301}", count: 60) + "b"
        let line = ICalendarText.fold("X-TEST:" + zalgo)
        for bytes in physicalLines(line) {
            #expect(bytes.count <= 75)
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
        #expect(unfold(line) == "X-TEST:" + zalgo + "\r\n")
        #expect(ICalendarText.fold("SHORT:x") == "SHORT:x\r\n")
        let exact = "X:" + String(repeating: "y", count: 73)
        #expect(ICalendarText.fold(exact) == exact + "\r\n", "75 octets fit on one line")
        #expect(ICalendarText.fold(exact + "z") == exact + "\r\n z\r\n")
    }

    @Test func textValuesAreEscapedAndControlsRemoved() {
        #expect(ICalendarText.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
        #expect(ICalendarText.escape("one\r\ntwo\rthree\u{2028}four") == "one\\ntwo\\nthree\\nfour")
        #expect(ICalendarText.escape("tab\there") == "tab here")
        #expect(ICalendarText.escape("\u{1B}[31mred\u{07}\u{00}\u{7F}\u{85}\u{9B}") == "[31mred")
        #expect(ICalendarText.escape("\u{202E}evil\u{202C} \u{2066}x\u{2069}\u{200F}") == "evil x")
        #expect(ICalendarText.escape("Æblegård 🍎 café") == "Æblegård 🍎 café")
        #expect(ICalendarText.escape("") == "")
    }

    @Test func namesAreShortUnlessFullIsAsked() {
        #expect(CalendarExport.displayName("Svend Madsen", naming: .short) == "Svend M.")
        #expect(CalendarExport.displayName("Anne-Marie Ø. Ærbøl", naming: .short) == "Anne-Marie Æ.")
        #expect(CalendarExport.displayName("Per", naming: .short) == "Per")
        #expect(CalendarExport.displayName("  Svend \n Madsen ", naming: .full) == "Svend Madsen")
        #expect(CalendarExport.displayName("Svend Madsen", naming: .full) == "Svend Madsen")
    }
}

@Suite struct CalendarExportTests {
    private func coming(_ id: Int64, name: String = "Svend Madsen", at: String = "2026-03-04T09:00:00+01:00",
                        place: String = "Jobcenter Ryslinge", version: Int64 = 1) -> ComingMeeting {
        ComingMeeting(citizenID: CitizenID(3), citizenName: name, at: instant(at), agreedAt: MeetingID(id),
                      agreedOn: instant("2026-02-18T10:00:00+01:00"), kind: .homeVisit, place: place, version: version)
    }

    @Test func theDocumentIsAPublishedCalendarWithOneEventPerMeeting() throws {
        let export = CalendarExport(meetings: [coming(7), coming(9, name: "Ulla Brandt", place: "  ")],
                                    stamp: instant("2026-03-02T10:30:00+01:00"), language: .danish)
        let text = export.text
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Trinvis//Trinvis "))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        for property in ["CALSCALE:GREGORIAN", "METHOD:PUBLISH"] { #expect(text.contains("\r\n\(property)\r\n")) }
        // CRLF everywhere: no bare LF or CR.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT\r\n").count == 3)
        #expect(value(of: "UID", in: text) == "trinvis-meeting-7-next@trinvis.invalid")
        #expect(value(of: "DTSTAMP", in: text) == "20260302T093000Z")
        #expect(value(of: "DTSTART", in: text) == "20260304T080000Z")
        #expect(value(of: "DTEND", in: text) == "20260304T090000Z", "one hour by default")
        #expect(value(of: "SUMMARY", in: text) == "Samtale med Svend M.")
        #expect(text.contains("SUMMARY;LANGUAGE=da:"))
        #expect(value(of: "LOCATION", in: text) == "Jobcenter Ryslinge")
        #expect(value(of: "DESCRIPTION", in: text) == "Aftalt ved sidste møde (hjemmebesøg\\, 18.02.2026). Borger nr. 3 i Trinvis.")
        #expect(value(of: "CLASS", in: text) == "PRIVATE")
        #expect(text.components(separatedBy: "LOCATION").count == 2, "no LOCATION for a meeting without a place")
        for bytes in physicalLines(text) { #expect(bytes.count <= 75) }

        var english = export
        english.language = .english
        english.naming = .full
        english.duration = 1_800
        #expect(value(of: "SUMMARY", in: english.text) == "Meeting with Svend Madsen")
        #expect(value(of: "DTEND", in: english.text) == "20260304T083000Z")
    }

    @Test func anEmptyCalendarIsStillACalendar() {
        let text = CalendarExport(meetings: [], stamp: instant("2026-03-02T10:30:00+01:00"), language: .english).text
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.contains("VEVENT"))
    }

    @Test func hostileDataCannotBreakOutOfItsLine() {
        let export = CalendarExport(meetings: [coming(7, name: "Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT", place: "A;B,C\nD\u{1B}[2J")],
                                    stamp: instant("2026-03-02T10:30:00+01:00"), language: .english, naming: .full)
        let text = export.text
        #expect(text.components(separatedBy: "\r\nBEGIN:VEVENT\r\n").count == 2)
        #expect(text.components(separatedBy: "\r\nEND:VEVENT\r\n").count == 2)
        #expect(value(of: "SUMMARY", in: text) == "Meeting with Eve END:VEVENT BEGIN:VEVENT")
        #expect(value(of: "LOCATION", in: text) == "A\\;B\\,C\\nD[2J")
    }

    @Test func uidsAreStableAcrossExportsAndChangesOfTheMeeting() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        try workspace.create(TeamMember(citizenID: world.citizen.id, professionalID: world.professional.id,
                                        responsible: true, from: day("2026-01-10")))
        var meeting = world.meeting
        meeting.nextMeeting = instant("2026-03-04T09:00:00+01:00")
        meeting.place = "Værestedet"
        meeting = try workspace.update(meeting)

        let first = try workspace.calendarExport(language: .english).text
        fixture.clock.advance(seconds: 3_600)
        let second = try workspace.calendarExport(language: .english).text
        #expect(value(of: "UID", in: first) == "trinvis-meeting-\(meeting.id.rawValue)-next@trinvis.invalid")
        #expect(value(of: "UID", in: second) == value(of: "UID", in: first))
        #expect(value(of: "DTSTAMP", in: second) != value(of: "DTSTAMP", in: first))
        #expect(value(of: "SEQUENCE", in: first) == "1")

        // Moving the agreed time keeps the UID and raises SEQUENCE, so calendars update the event.
        meeting.nextMeeting = instant("2026-03-05T13:00:00+01:00")
        meeting = try workspace.update(meeting)
        let moved = try workspace.calendarExport(language: .english).text
        #expect(value(of: "UID", in: moved) == value(of: "UID", in: first))
        #expect(value(of: "SEQUENCE", in: moved) == "2")
        #expect(value(of: "DTSTART", in: moved) == "20260305T120000Z")
        #expect(!moved.contains("Talte om haven"), "notes never go into the calendar")
    }

    @Test func comingMeetingsAreTheAgendasMeetingsWithTheirPlace() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        try workspace.create(TeamMember(citizenID: world.citizen.id, professionalID: world.professional.id,
                                        responsible: true, from: day("2026-01-10")))
        var meeting = world.meeting
        meeting.nextMeeting = instant("2026-03-04T09:00:00+01:00")
        meeting.kind = .homeVisit
        meeting.place = "Hjemme"
        meeting = try workspace.update(meeting)
        // A citizen whose agreed meeting lay yesterday: not coming.
        let past = try workspace.create(Citizen(name: "Per Kristiansen", registeredOn: day("2026-01-01")))
        try workspace.create(TeamMember(citizenID: past.id, professionalID: world.professional.id,
                                        responsible: true, from: day("2026-01-10")))
        try workspace.create(Meeting(citizenID: past.id, at: instant("2026-02-01T10:00:00+01:00"),
                                     nextMeeting: instant("2026-03-01T10:00:00+01:00")))
        // Earlier today still counts (from the start of today).
        let early = try workspace.create(Citizen(name: "Line Sørensen", registeredOn: day("2026-01-01")))
        try workspace.create(TeamMember(citizenID: early.id, professionalID: world.professional.id,
                                        responsible: false, from: day("2026-01-10")))
        try workspace.create(Meeting(citizenID: early.id, at: instant("2026-02-16T10:00:00+01:00"),
                                     nextMeeting: instant("2026-03-02T08:00:00+01:00")))
        // Not in the user's team: not theirs.
        let stranger = try workspace.create(Citizen(name: "Fremmed Person", registeredOn: day("2026-01-01")))
        try workspace.create(Meeting(citizenID: stranger.id, at: instant("2026-02-20T10:00:00+01:00"),
                                     nextMeeting: instant("2026-03-06T10:00:00+01:00")))
        // A team membership that ended: not theirs any more.
        let former = try workspace.create(Citizen(name: "Bent Ørsted", registeredOn: day("2026-01-01")))
        try workspace.create(TeamMember(citizenID: former.id, professionalID: world.professional.id,
                                        responsible: true, from: day("2026-01-10"), to: day("2026-02-01")))
        try workspace.create(Meeting(citizenID: former.id, at: instant("2026-02-20T10:00:00+01:00"),
                                     nextMeeting: instant("2026-03-06T10:00:00+01:00")))

        let coming = try workspace.comingMeetings()
        #expect(coming.map(\.citizenName) == ["Line Sørensen", "Svend Madsen"])
        #expect(coming.last == ComingMeeting(citizenID: world.citizen.id, citizenName: "Svend Madsen",
                                             at: instant("2026-03-04T09:00:00+01:00"), agreedAt: meeting.id,
                                             agreedOn: meeting.at, kind: .homeVisit, place: "Hjemme",
                                             version: meeting.audit.version))
        let agendaMeetings = try workspace.agenda().compactMap { item -> Timestamp? in
            if case .meeting(let at) = item.kind { return at }
            return nil
        }
        #expect(agendaMeetings == coming.map(\.at))
        #expect(try workspace.comingMeetings(limit: 1).count == 1)

        let nobody = try fixture.secondWorkspace(username: "nobody")
        #expect(try nobody.comingMeetings().isEmpty)
        #expect(try nobody.calendarExport(language: .danish).meetings.isEmpty)
    }
}
