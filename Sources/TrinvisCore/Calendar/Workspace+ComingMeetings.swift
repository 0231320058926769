/// A coming meeting: the "next meeting" agreed at a citizen's latest meeting, with what the
/// calendar needs to know about the meeting where it was agreed. Carries no notes.
package struct ComingMeeting: Sendable, Equatable {
    package let citizenID: CitizenID
    package let citizenName: String
    /// When the coming meeting starts, in the offset it was agreed in.
    package let at: Timestamp
    /// The latest meeting, where the coming one was agreed.
    package let agreedAt: MeetingID
    /// When the latest meeting took place.
    package let agreedOn: Timestamp
    /// The kind of the latest meeting.
    package let kind: MeetingKind
    /// The place of the latest meeting ("" when none was written).
    package let place: String
    /// The version of the latest meeting record: grows with every saved change of it.
    package let version: Int64

    package init(citizenID: CitizenID, citizenName: String, at: Timestamp, agreedAt: MeetingID, agreedOn: Timestamp,
                 kind: MeetingKind, place: String, version: Int64) {
        self.citizenID = citizenID
        self.citizenName = citizenName
        self.at = at
        self.agreedAt = agreedAt
        self.agreedOn = agreedOn
        self.kind = kind
        self.place = place
        self.version = version
    }
}

extension Workspace {
    /// The condition "the citizen's team includes `professional` on `day`" on a citizen-id column.
    func teamCondition(citizenColumn column: String, professional: ProfessionalID,
                       day: LocalDate) -> (sql: String, arguments: [SQLValue]) {
        ("""
            \(column) IN (SELECT citizen_id FROM team_member WHERE professional_id = ? AND from_date <= ? \
            AND (to_date IS NULL OR to_date >= ?))
            """, [professional.sqlValue, day.sqlValue, day.sqlValue])
    }

    /// The current user's coming meetings, earliest first: for each citizen whose team includes
    /// the user today, the next meeting agreed at the citizen's latest meeting, when it lies at
    /// or after the start of today. Empty when the user is not a registered professional. At
    /// most `limit` meetings (all when nil). The agenda's meetings are these.
    package func comingMeetings(limit: Int? = nil) throws -> [ComingMeeting] {
        guard let professional = actor.professionalID else { return [] }
        let day = today
        let mine = teamCondition(citizenColumn: "c.id", professional: professional, day: day)
        let access = accessCondition(citizenColumn: "c.id", category: .meetings)
        let accessSQL = access.map { " AND " + $0.sql } ?? ""
        let startOfToday = Timestamp(date: day, hour: 0, minute: 0, offsetMinutes: clock().offsetMinutes)?.seconds ?? 0
        var meetings: [ComingMeeting] = []
        try database.forEach("""
            SELECT c.id, c.name, m.next_utc, m.next_offset, m.id, m.at_utc, m.at_offset, m.kind, m.place, m.version
            FROM citizen c
            JOIN meeting m ON m.id = (SELECT id FROM meeting WHERE citizen_id = c.id AND \(Self.hasBegun("meeting"))
                                      ORDER BY at_utc DESC, id DESC LIMIT 1)
            WHERE \(mine.sql)\(accessSQL) AND m.next_utc IS NOT NULL AND m.next_utc >= ?
            ORDER BY m.next_utc, c.id LIMIT ?
            """, [.integer(clock().seconds)] + mine.arguments + (access?.arguments ?? [])
                + [.integer(startOfToday), .integer(Int64(limit ?? -1))]) { row in
            meetings.append(ComingMeeting(
                citizenID: try row.get(0), citizenName: try row.get(1),
                at: Timestamp(seconds: try row.get(2), offsetMinutes: try row.get(3)),
                agreedAt: try row.get(4), agreedOn: Timestamp(seconds: try row.get(5), offsetMinutes: try row.get(6)),
                kind: try row.get(7), place: try row.get(8), version: try row.get(9)))
        }
        return meetings
    }
}
