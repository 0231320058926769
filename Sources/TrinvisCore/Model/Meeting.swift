/// A follow-up conversation or other contact: who was there, what was said, what was agreed.
package struct Meeting: Record {
    package var id: MeetingID = .unsaved
    package var citizenID: CitizenID
    package var at: Timestamp
    package var kind: MeetingKind
    package var place: String
    package var attendance: Attendance
    package var attendees: [ProfessionalID]
    package var authorID: ProfessionalID?
    package var notes: String
    package var nextMeeting: Timestamp?
    /// The other members of the citizen's household who were there (a meeting with the
    /// household): the meeting shows in each one's history too.
    package var members: [CitizenID] = []
    /// For a companion meeting (the professional went along as bisidder): where, with whom, why,
    /// what came of it and who went along. Empty for other kinds.
    package var companion: Companion
    package var audit: Audit = .unsaved

    package init(id: MeetingID = .unsaved, citizenID: CitizenID, at: Timestamp, kind: MeetingKind = .conversation,
                 place: String = "", attendance: Attendance = .attended, attendees: [ProfessionalID] = [],
                 authorID: ProfessionalID? = nil, notes: String = "", nextMeeting: Timestamp? = nil,
                 members: [CitizenID] = [], companion: Companion = Companion()) {
        self.companion = companion
        self.id = id
        self.citizenID = citizenID
        self.at = at
        self.kind = kind
        self.place = place
        self.attendance = attendance
        self.attendees = attendees
        self.authorID = authorID
        self.notes = notes
        self.nextMeeting = nextMeeting
        self.members = members
    }

    package static let table = "meeting"
    package static let category: DataCategory? = .meetings
    package static let kindName = "meeting"
    package static let columns = [
        "citizen_id", "at_utc", "at_offset", "kind", "place", "attendance", "author_id", "notes", "next_utc",
        "next_offset", "companion_authority", "companion_with", "companion_purpose", "companion_result", "companion_id",
    ]
    package static let order = ["at_utc", "id"]
    package static let orderDescending = true
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] {
        [citizenID.sqlValue, .integer(at.seconds), .integer(Int64(at.offsetMinutes)), kind.sqlValue, .text(place),
         attendance.sqlValue, authorID.sqlValue, .text(notes),
         nextMeeting.map { .integer($0.seconds) } ?? .null,
         nextMeeting.map { .integer(Int64($0.offsetMinutes)) } ?? .null,
         .text(companion.authority), .text(companion.with), .text(companion.purpose), .text(companion.result),
         companion.professionalID.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        at = Timestamp(seconds: try row.get("at_utc"), offsetMinutes: try row.get("at_offset"))
        kind = try row.get("kind")
        place = try row.get("place")
        attendance = try row.get("attendance")
        authorID = try row.get("author_id")
        notes = try row.get("notes")
        let nextSeconds: Int64? = try row.get("next_utc")
        let nextOffset: Int? = try row.get("next_offset")
        nextMeeting = nextSeconds.map { Timestamp(seconds: $0, offsetMinutes: nextOffset ?? 0) }
        companion = Companion(authority: try row.get("companion_authority"), with: try row.get("companion_with"),
                              purpose: try row.get("companion_purpose"), result: try row.get("companion_result"),
                              professionalID: try row.get("companion_id"))
        attendees = []
        members = []
        audit = try Audit(row: row)
    }

    /// The first line of the notes, for one-line lists.
    package var summary: String {
        notes.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
    }

    package func validated(noting problems: inout ValidationProblems) -> Meeting {
        var copy = self
        copy.place = problems.optional(place, "place")
        copy.notes = problems.text(notes, "notes")
        var seen = Set<ProfessionalID>()
        copy.attendees = attendees.filter { seen.insert($0).inserted }
        copy.members = Array(Set(members)).filter { $0 != citizenID }.sorted()
        if let nextMeeting, nextMeeting < at {
            problems.add("next_meeting", .before(field: "at", date: at.localDate))
        }
        if kind == .companion {
            copy.companion.authority = problems.optional(companion.authority, "companion_authority")
            copy.companion.with = problems.optional(companion.with, "companion_with")
            copy.companion.purpose = problems.text(companion.purpose, "companion_purpose")
            copy.companion.result = problems.text(companion.result, "companion_result")
        } else {
            // Only a companion meeting has these: another kind keeps none (a kind changed back).
            copy.companion = Companion()
        }
        return copy
    }

    package func saveChildren(in database: Database) throws {
        try database.execute("DELETE FROM meeting_attendee WHERE meeting_id = ?", [id.sqlValue])
        for (position, professional) in attendees.enumerated() {
            try database.execute(
                "INSERT INTO meeting_attendee (meeting_id, professional_id, position) VALUES (?, ?, ?)",
                [id.sqlValue, professional.sqlValue, .integer(Int64(position))])
        }
        try database.execute("DELETE FROM meeting_member WHERE meeting_id = ?", [id.sqlValue])
        for member in members {
            try database.execute("INSERT INTO meeting_member (meeting_id, citizen_id) VALUES (?, ?)",
                                 [id.sqlValue, member.sqlValue])
        }
    }

    /// The members present belong to the citizen's household.
    package func checkContext(in database: Database) throws {
        guard !members.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: members.count).joined(separator: ", ")
        let outside = try database.scalar("""
            SELECT count(*) FROM citizen c WHERE c.id IN (\(placeholders))
              AND (c.household_id IS NULL OR c.household_id IS NOT (SELECT household_id FROM citizen WHERE id = ?))
            """, members.map(\.sqlValue) + [citizenID.sqlValue])
        if outside != .integer(0) { throw ValidationError(field: "members", problem: .notInHousehold) }
    }

    /// A page of meetings reads its attendees and members in two queries, not two per meeting.
    package static func loadChildren(of records: inout [Meeting], from database: Database) throws {
        var position: [MeetingID: Int] = [:]
        for (index, meeting) in records.enumerated() {
            position[meeting.id] = index
            records[index].attendees = []
            records[index].members = []
        }
        for start in stride(from: 0, to: records.count, by: 500) {
            let ids = records[start..<min(start + 500, records.count)].map(\.id.sqlValue)
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            try database.forEach("""
                SELECT meeting_id, professional_id FROM meeting_attendee WHERE meeting_id IN (\(placeholders))
                ORDER BY meeting_id, position
                """, ids) { row in
                if let index = position[try row.get(0)] { records[index].attendees.append(try row.get(1)) }
            }
            try database.forEach("""
                SELECT meeting_id, citizen_id FROM meeting_member WHERE meeting_id IN (\(placeholders))
                ORDER BY meeting_id, citizen_id
                """, ids) { row in
                if let index = position[try row.get(0)] { records[index].members.append(try row.get(1)) }
            }
        }
    }

    package mutating func loadChildren(from database: Database) throws {
        attendees = try database.fetchAll(
            "SELECT professional_id FROM meeting_attendee WHERE meeting_id = ? ORDER BY position",
            [id.sqlValue]) { try $0.get(0) }
        members = try database.fetchAll("SELECT citizen_id FROM meeting_member WHERE meeting_id = ? ORDER BY citizen_id",
                                        [id.sqlValue]) { try $0.get(0) }
    }
}

/// What a companion meeting has besides an ordinary one: the drop-in coach (or another
/// professional) went along to an authority as bisidder.
package struct Companion: Sendable, Hashable {
    /// Which authority the meeting was at ("Jobcenter Ryslinge", "Ydelseskontoret").
    package var authority: String
    /// Whom the citizen met there ("sagsbehandler Inger Holm").
    package var with: String
    /// What the meeting was for.
    package var purpose: String
    /// What came of it.
    package var result: String
    /// The professional who went along; the meeting shows in their agenda.
    package var professionalID: ProfessionalID?

    package init(authority: String = "", with: String = "", purpose: String = "", result: String = "",
                 professionalID: ProfessionalID? = nil) {
        self.authority = authority
        self.with = with
        self.purpose = purpose
        self.result = result
        self.professionalID = professionalID
    }

    /// True when nothing is filled in.
    package var isEmpty: Bool { self == Companion() }
}

/// Who carries out an agreement: the citizen or one of the professionals.
package enum Responsible: Sendable, Hashable {
    case citizen
    case professional(ProfessionalID)
}

/// Something agreed at a meeting, with who does it and by when.
package struct Agreement: Record {
    package var id: AgreementID = .unsaved
    package var meetingID: MeetingID
    package var text: String
    package var responsible: Responsible
    package var due: LocalDate?
    package var doneOn: LocalDate?
    package var audit: Audit = .unsaved

    package init(id: AgreementID = .unsaved, meetingID: MeetingID, text: String, responsible: Responsible = .citizen,
                 due: LocalDate? = nil, doneOn: LocalDate? = nil) {
        self.id = id
        self.meetingID = meetingID
        self.text = text
        self.responsible = responsible
        self.due = due
        self.doneOn = doneOn
    }

    package static let table = "agreement"
    package static let category: DataCategory? = .meetings
    package static let kindName = "agreement"
    package static let columns = ["meeting_id", "text", "responsible_id", "due", "done_on"]
    package static let parentColumn: String? = "meeting_id"
    package static let citizenFromParentSQL: String? = "SELECT citizen_id FROM meeting WHERE id = ?"
    package var parentValue: SQLValue { meetingID.sqlValue }
    package var values: [SQLValue] {
        let responsibleValue: SQLValue
        switch responsible {
        case .citizen: responsibleValue = .null
        case .professional(let id): responsibleValue = id.sqlValue
        }
        return [meetingID.sqlValue, .text(text), responsibleValue, due.sqlValue, doneOn.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        meetingID = try row.get("meeting_id")
        text = try row.get("text")
        let professional: ProfessionalID? = try row.get("responsible_id")
        responsible = professional.map(Responsible.professional) ?? .citizen
        due = try row.get("due")
        doneOn = try row.get("done_on")
        audit = try Audit(row: row)
    }

    /// Not done and past its due date on `day`.
    package func isOverdue(on day: LocalDate) -> Bool {
        doneOn == nil && (due.map { $0 < day } ?? false)
    }

    package func validated(noting problems: inout ValidationProblems) -> Agreement {
        var copy = self
        copy.text = problems.required(text, "text", limit: Check.textLimit)
        return copy
    }
}
