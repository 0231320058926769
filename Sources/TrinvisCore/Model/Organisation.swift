/// A municipality, drop-in centre, company or other body. A company (a partner for
/// internships, wage-subsidy jobs and mentors) also has its trade and a contact person.
package struct Organisation: Record {
    package var id: OrganisationID = .unsaved
    package var name: String
    package var kind: OrganisationKind
    /// Whether the organisation may hold CPR numbers of its citizens (a drop-in centre, where
    /// people come without giving their number, does not unless set).
    package var holdsCPR: Bool
    /// What the company does ("Restaurant", "Anlægsgartner").
    package var trade: String
    /// Whom to call at the company.
    package var contactPerson: String
    package var phone: String?
    package var email: String?
    /// What is worth knowing about working with the company.
    package var notes: String
    package var audit: Audit = .unsaved

    package init(id: OrganisationID = .unsaved, name: String, kind: OrganisationKind, holdsCPR: Bool? = nil,
                 trade: String = "", contactPerson: String = "", phone: String? = nil, email: String? = nil,
                 notes: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.holdsCPR = holdsCPR ?? Organisation.holdsCPRByDefault(kind)
        self.trade = trade
        self.contactPerson = contactPerson
        self.phone = phone
        self.email = email
        self.notes = notes
    }

    /// Municipalities (and companies and others) hold CPR numbers; drop-in centres do not.
    package static func holdsCPRByDefault(_ kind: OrganisationKind) -> Bool {
        kind != .dropInCentre
    }

    package static let table = "organisation"
    package static let kindName = "organisation"
    package static let columns = ["name", "kind", "holds_cpr", "trade", "contact_person", "phone", "email", "notes"]
    package static let order = ["name", "id"]
    package var values: [SQLValue] {
        [.text(name), kind.sqlValue, .integer(holdsCPR ? 1 : 0), .text(trade), .text(contactPerson), phone.sqlValue,
         email.sqlValue, .text(notes)]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        name = try row.get("name")
        kind = try row.get("kind")
        let holds: Int64 = try row.get("holds_cpr")
        holdsCPR = holds != 0
        trade = try row.get("trade")
        contactPerson = try row.get("contact_person")
        phone = try row.get("phone")
        email = try row.get("email")
        notes = try row.get("notes")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Organisation {
        var copy = self
        copy.name = problems.required(name, "name")
        copy.trade = problems.optional(trade, "trade")
        copy.contactPerson = problems.optional(contactPerson, "contact_person")
        copy.phone = problems.optional(phone, "phone")
        copy.email = problems.email(email, "email")
        copy.notes = problems.text(notes, "notes")
        return copy
    }
}

/// A caseworker, job consultant, counsellor, mentor or other professional.
package struct Professional: Record {
    package var id: ProfessionalID = .unsaved
    package var name: String
    package var role: ProfessionalRole
    package var organisationID: OrganisationID?
    /// The operating-system user name that identifies the professional at start-up.
    package var username: String?
    package var email: String?
    package var phone: String?
    package var audit: Audit = .unsaved

    package init(id: ProfessionalID = .unsaved, name: String, role: ProfessionalRole,
                 organisationID: OrganisationID? = nil, username: String? = nil,
                 email: String? = nil, phone: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.organisationID = organisationID
        self.username = username
        self.email = email
        self.phone = phone
    }

    package static let table = "professional"
    package static let kindName = "professional"
    package static let columns = ["name", "role", "organisation_id", "username", "email", "phone"]
    package static let order = ["name", "id"]
    package var values: [SQLValue] {
        [.text(name), role.sqlValue, organisationID.sqlValue, username.sqlValue, email.sqlValue, phone.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        name = try row.get("name")
        role = try row.get("role")
        organisationID = try row.get("organisation_id")
        username = try row.get("username")
        email = try row.get("email")
        phone = try row.get("phone")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Professional {
        var copy = self
        copy.name = problems.required(name, "name")
        copy.username = problems.optional(username, "username")
        copy.email = problems.email(email, "email")
        copy.phone = problems.optional(phone, "phone")
        return copy
    }
}

/// A household: citizens who live together and may work with the method as a family.
package struct Household: Record {
    package var id: HouseholdID = .unsaved
    package var name: String
    package var audit: Audit = .unsaved

    package init(id: HouseholdID = .unsaved, name: String) {
        self.id = id
        self.name = name
    }

    package static let table = "household"
    package static let kindName = "household"
    package static let columns = ["name"]
    package static let order = ["name", "id"]
    package var values: [SQLValue] { [.text(name)] }

    package init(row: Row) throws {
        id = try row.get("id")
        name = try row.get("name")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Household {
        var copy = self
        copy.name = problems.required(name, "name")
        return copy
    }
}

/// A group activity (course, exercise, trip): when and where, the professionals who run it, the
/// citizens who signed up or were added, and which of them came.
package struct Activity: Record {
    package var id: ActivityID = .unsaved
    package var title: String
    package var kind: ActivityKind
    package var date: LocalDate
    /// When it starts, if a time was given.
    package var startTime: ClockTime?
    package var place: String
    package var organisationID: OrganisationID?
    /// The citizens taking part (signed up, added), in id order.
    package var participants: [CitizenID]
    /// Of the participants, those who came.
    package var present: [CitizenID]
    /// The professionals who run it, in the order given.
    package var runners: [ProfessionalID]
    package var audit: Audit = .unsaved

    package init(id: ActivityID = .unsaved, title: String, kind: ActivityKind, date: LocalDate,
                 startTime: ClockTime? = nil, place: String = "", organisationID: OrganisationID? = nil,
                 participants: [CitizenID] = [], present: [CitizenID] = [], runners: [ProfessionalID] = []) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.startTime = startTime
        self.place = place
        self.organisationID = organisationID
        self.participants = participants
        self.present = present
        self.runners = runners
    }

    package static let table = "activity"
    package static let kindName = "activity"
    package static let columns = ["title", "kind", "date", "organisation_id", "start_time", "place"]
    package static let order = ["date", "id"]
    package static let orderDescending = true
    package var values: [SQLValue] {
        [.text(title), kind.sqlValue, date.sqlValue, organisationID.sqlValue, startTime.sqlValue, .text(place)]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        title = try row.get("title")
        kind = try row.get("kind")
        date = try row.get("date")
        organisationID = try row.get("organisation_id")
        startTime = try row.get("start_time")
        place = try row.get("place")
        participants = []
        present = []
        runners = []
        audit = try Audit(row: row)
    }

    /// Whether the citizen is a participant who came.
    package func came(_ citizen: CitizenID) -> Bool { present.contains(citizen) }

    package func validated(noting problems: inout ValidationProblems) -> Activity {
        var copy = self
        copy.title = problems.required(title, "title")
        copy.place = problems.optional(place, "place")
        // Only a participant can have come; marking someone present makes them one.
        copy.participants = Array(Set(participants + present)).sorted()
        copy.present = Array(Set(present)).sorted()
        var seen = Set<ProfessionalID>()
        copy.runners = runners.filter { seen.insert($0).inserted }
        return copy
    }

    package func saveChildren(in database: Database) throws {
        try database.execute("DELETE FROM activity_participant WHERE activity_id = ?", [id.sqlValue])
        let came = Set(present)
        for citizen in participants {
            try database.execute("INSERT INTO activity_participant (activity_id, citizen_id, attended) VALUES (?, ?, ?)",
                                 [id.sqlValue, citizen.sqlValue, .integer(came.contains(citizen) ? 1 : 0)])
        }
        try database.execute("DELETE FROM activity_runner WHERE activity_id = ?", [id.sqlValue])
        for (position, professional) in runners.enumerated() {
            try database.execute("INSERT INTO activity_runner (activity_id, professional_id, position) VALUES (?, ?, ?)",
                                 [id.sqlValue, professional.sqlValue, .integer(Int64(position))])
        }
    }

    package mutating func loadChildren(from database: Database) throws {
        let rows: [(CitizenID, Bool)] = try database.fetchAll(
            "SELECT citizen_id, attended FROM activity_participant WHERE activity_id = ? ORDER BY citizen_id",
            [id.sqlValue]) { (try $0.get(0), (try $0.get(1) as Int64) != 0) }
        participants = rows.map(\.0)
        present = rows.filter(\.1).map(\.0)
        runners = try database.fetchAll(
            "SELECT professional_id FROM activity_runner WHERE activity_id = ? ORDER BY position",
            [id.sqlValue]) { try $0.get(0) }
    }
}
