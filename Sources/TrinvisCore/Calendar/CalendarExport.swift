/// The current user's coming meetings as an iCalendar document (RFC 5545) to import into
/// Outlook or any other calendar: one VEVENT per coming meeting.
///
/// - Every event has a UID derived from the meeting where it was agreed, so importing a newer
///   file again updates the events instead of duplicating them; SEQUENCE follows the version of
///   that meeting record.
/// - Times are written in UTC (`…Z`), so no time-zone definitions are needed.
/// - An event lasts `defaultDuration` (one hour) unless told otherwise: Trinvis records when a
///   meeting starts, not how long it lasts.
/// - A calendar leaves Trinvis: it is synchronised to phones and mail servers and may be seen by
///   colleagues with access to it. So the events carry no notes, are marked `CLASS:PRIVATE`, and
///   name the citizen by first name and the initial of the last name ("Svend M.") unless
///   `naming` is `.full`. The place of the latest meeting is the event's LOCATION.
package struct CalendarExport: Sendable, Equatable {
    /// How an event names the citizen.
    package enum Naming: String, Sendable, CaseIterable {
        /// The first name and the initial of the last name: "Svend M." (the default).
        case short
        /// The name as registered: "Svend Madsen".
        case full
    }

    /// The length of an event: one hour.
    package static let defaultDuration: Int64 = 3_600
    /// The right-hand side of every UID: a constant, so that UIDs do not depend on the machine.
    package static let uidDomain = "trinvis.invalid"

    /// The meetings, one event each, in this order.
    package var meetings: [ComingMeeting]
    /// When the document was made (DTSTAMP).
    package var stamp: Timestamp
    /// The language of the summaries and descriptions.
    package var language: Language
    /// How the citizens are named.
    package var naming: Naming
    /// The length of every event in seconds.
    package var duration: Int64

    package init(meetings: [ComingMeeting], stamp: Timestamp, language: Language, naming: Naming = .short,
                 duration: Int64 = CalendarExport.defaultDuration) {
        self.meetings = meetings
        self.stamp = stamp
        self.language = language
        self.naming = naming
        self.duration = duration
    }

    /// The UID of the event for a coming meeting: the same for every export as long as the meeting
    /// where it was agreed is the citizen's latest, as in `trinvis-meeting-42-next@trinvis.invalid`.
    package static func uid(of meeting: ComingMeeting) -> String {
        "trinvis-meeting-\(meeting.agreedAt.rawValue)-next@\(uidDomain)"
    }

    /// A citizen's name as an event shows it.
    package static func displayName(_ name: String, naming: Naming) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard naming == .short, words.count > 1, let first = words.first, let initial = words.last?.first else {
            return words.joined(separator: " ")
        }
        return "\(first) \(initial)."
    }

    /// The SUMMARY of a meeting's event: "Meeting with Svend M." / "Samtale med Svend M.".
    package func summary(of meeting: ComingMeeting) -> String {
        Localizer(language)(.calendarSummary(name: Self.displayName(meeting.citizenName, naming: naming)))
    }

    /// The document: CRLF line ends, lines folded at 75 octets.
    package var text: String {
        let say = Localizer(language)
        var text = ICalendarText.contentLine("BEGIN", "VCALENDAR")
        text += ICalendarText.contentLine("VERSION", "2.0")
        text += ICalendarText.contentLine(
            "PRODID", "-//Trinvis//Trinvis \(TrinvisVersion.current)//\(language.rawValue.uppercased())")
        text += ICalendarText.contentLine("CALSCALE", "GREGORIAN")
        text += ICalendarText.contentLine("METHOD", "PUBLISH")
        text += ICalendarText.contentLine("X-WR-CALNAME", "Trinvis")
        let languageParameter = [("LANGUAGE", language.rawValue)]
        for meeting in meetings {
            text += ICalendarText.contentLine("BEGIN", "VEVENT")
            text += ICalendarText.contentLine("UID", ICalendarText.escape(Self.uid(of: meeting)))
            text += ICalendarText.contentLine("DTSTAMP", stamp.compactUTC)
            text += ICalendarText.contentLine("SEQUENCE", String(max(meeting.version - 1, 0)))
            text += ICalendarText.contentLine("DTSTART", meeting.at.compactUTC)
            text += ICalendarText.contentLine("DTEND", meeting.at.adding(seconds: duration).compactUTC)
            text += ICalendarText.contentLine("SUMMARY", ICalendarText.escape(summary(of: meeting)),
                                              parameters: languageParameter)
            let place = ICalendarText.escape(meeting.place.trimmingBlanks())
            if !place.isEmpty {
                text += ICalendarText.contentLine("LOCATION", place, parameters: languageParameter)
            }
            let description = say(.calendarDescription(kind: say(.meetingKind(meeting.kind)),
                                                       date: say.date(meeting.agreedOn.localDate),
                                                       citizen: meeting.citizenID.rawValue))
            text += ICalendarText.contentLine("DESCRIPTION", ICalendarText.escape(description),
                                              parameters: languageParameter)
            text += ICalendarText.contentLine("CLASS", "PRIVATE")
            text += ICalendarText.contentLine("END", "VEVENT")
        }
        text += ICalendarText.contentLine("END", "VCALENDAR")
        return text
    }
}

extension Workspace {
    /// The calendar of the current user's coming meetings (see `comingMeetings`), stamped now.
    /// With full names the file names each citizen, so each is logged as an export of theirs
    /// (written before the text is returned); the short form ("Svend M.") is not logged.
    package func calendarExport(language: Language, naming: CalendarExport.Naming = .short) throws -> CalendarExport {
        let meetings = try comingMeetings()
        if naming == .full {
            for citizen in Set(meetings.map(\.citizenID)).sorted(by: { $0.rawValue < $1.rawValue }) {
                noteLookup(citizen, .export, detail: "calendar with full names")
            }
            try flushAccessLog()
        }
        return CalendarExport(meetings: meetings, stamp: clock(), language: language, naming: naming)
    }
}
