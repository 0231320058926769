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

/// A group activity (course, exercise, trip) and the citizens who took part.
package struct Activity: Record {
    package var id: ActivityID = .unsaved
    package var title: String
    package var kind: ActivityKind
    package var date: LocalDate
    package var organisationID: OrganisationID?
    package var participants: [CitizenID]
    package var audit: Audit = .unsaved

    package init(id: ActivityID = .unsaved, title: String, kind: ActivityKind, date: LocalDate,
                 organisationID: OrganisationID? = nil, participants: [CitizenID] = []) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.organisationID = organisationID
        self.participants = participants
    }

    package static let table = "activity"
    package static let kindName = "activity"
    package static let columns = ["title", "kind", "date", "organisation_id"]
    package static let order = ["date", "id"]
    package static let orderDescending = true
    package var values: [SQLValue] { [.text(title), kind.sqlValue, date.sqlValue, organisationID.sqlValue] }

    package init(row: Row) throws {
        id = try row.get("id")
        title = try row.get("title")
        kind = try row.get("kind")
        date = try row.get("date")
        organisationID = try row.get("organisation_id")
        participants = []
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Activity {
        var copy = self
        copy.title = problems.required(title, "title")
        copy.participants = Array(Set(participants)).sorted()
        return copy
    }

    package func saveChildren(in database: Database) throws {
        try database.execute("DELETE FROM activity_participant WHERE activity_id = ?", [id.sqlValue])
        for citizen in participants {
            try database.execute("INSERT INTO activity_participant (activity_id, citizen_id) VALUES (?, ?)",
                                 [id.sqlValue, citizen.sqlValue])
        }
    }

    package mutating func loadChildren(from database: Database) throws {
        participants = try database.fetchAll(
            "SELECT citizen_id FROM activity_participant WHERE activity_id = ? ORDER BY citizen_id",
            [id.sqlValue]) { try $0.get(0) }
    }
}
