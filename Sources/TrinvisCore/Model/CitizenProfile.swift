/// A professional in the team around a citizen, for a period; one may be the responsible one.
package struct TeamMember: Record {
    package var id: TeamMemberID = .unsaved
    package var citizenID: CitizenID
    package var professionalID: ProfessionalID
    package var responsible: Bool
    package var from: LocalDate
    package var to: LocalDate?
    package var audit: Audit = .unsaved

    package init(id: TeamMemberID = .unsaved, citizenID: CitizenID, professionalID: ProfessionalID,
                 responsible: Bool, from: LocalDate, to: LocalDate? = nil) {
        self.id = id
        self.citizenID = citizenID
        self.professionalID = professionalID
        self.responsible = responsible
        self.from = from
        self.to = to
    }

    package static let table = "team_member"
    package static let kindName = "team member"
    package static let columns = ["citizen_id", "professional_id", "responsible", "from_date", "to_date"]
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] {
        [citizenID.sqlValue, professionalID.sqlValue, responsible.sqlValue, from.sqlValue, to.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        professionalID = try row.get("professional_id")
        responsible = try row.get("responsible")
        from = try row.get("from_date")
        to = try row.get("to_date")
        audit = try Audit(row: row)
    }

    /// True when the membership covers `day`.
    package func isActive(on day: LocalDate) -> Bool {
        from <= day && (to.map { day <= $0 } ?? true)
    }

    package func validated(noting problems: inout ValidationProblems) -> TeamMember {
        problems.notBefore(to, "to", from, "from")
        return self
    }
}

/// A citizen's consent: what may be shared with whom and why; it can expire or be withdrawn.
package struct Consent: Record {
    package var id: ConsentID = .unsaved
    package var citizenID: CitizenID
    package var scope: ConsentScope
    /// The organisation that may receive the information.
    package var recipientID: OrganisationID?
    package var information: String
    package var purpose: String
    package var givenOn: LocalDate
    package var expiresOn: LocalDate?
    package var withdrawnOn: LocalDate?
    package var note: String
    /// What a consent to share between organisations lets the recipient see.
    package var categories: Set<DataCategory>
    package var audit: Audit = .unsaved

    package init(id: ConsentID = .unsaved, citizenID: CitizenID, scope: ConsentScope,
                 recipientID: OrganisationID? = nil, information: String = "", purpose: String = "",
                 givenOn: LocalDate, expiresOn: LocalDate? = nil, withdrawnOn: LocalDate? = nil, note: String = "",
                 categories: Set<DataCategory> = Set(DataCategory.allCases)) {
        self.id = id
        self.citizenID = citizenID
        self.scope = scope
        self.recipientID = recipientID
        self.information = information
        self.purpose = purpose
        self.givenOn = givenOn
        self.expiresOn = expiresOn
        self.withdrawnOn = withdrawnOn
        self.note = note
        self.categories = categories
    }

    package static let table = "consent"
    package static let kindName = "consent"
    package static let columns = [
        "citizen_id", "scope", "recipient_id", "information", "purpose", "given_on", "expires_on",
        "withdrawn_on", "note", "categories",
    ]
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] {
        [citizenID.sqlValue, scope.sqlValue, recipientID.sqlValue, .text(information), .text(purpose),
         givenOn.sqlValue, expiresOn.sqlValue, withdrawnOn.sqlValue, .text(note), .text(DataCategory.stored(categories))]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        scope = try row.get("scope")
        recipientID = try row.get("recipient_id")
        information = try row.get("information")
        purpose = try row.get("purpose")
        givenOn = try row.get("given_on")
        expiresOn = try row.get("expires_on")
        withdrawnOn = try row.get("withdrawn_on")
        note = try row.get("note")
        categories = DataCategory.parse(try row.get("categories"))
        audit = try Audit(row: row)
    }

    /// True when given, not expired and not withdrawn on `day`.
    package func isInForce(on day: LocalDate) -> Bool {
        givenOn <= day && (expiresOn.map { day <= $0 } ?? true) && (withdrawnOn.map { day < $0 } ?? true)
    }

    package func validated(noting problems: inout ValidationProblems) -> Consent {
        var copy = self
        copy.information = problems.optional(information, "information", limit: Check.textLimit)
        copy.purpose = problems.optional(purpose, "purpose", limit: Check.textLimit)
        copy.note = problems.text(note, "note")
        problems.notBefore(expiresOn, "expires_on", givenOn, "given_on")
        problems.notBefore(withdrawnOn, "withdrawn_on", givenOn, "given_on")
        if categories.isEmpty { problems.add("categories", .required) }
        return copy
    }
}

/// One area of the citizen's resource profile: what they bring, in their own words.
package struct Resource: Record {
    package var id: ResourceID = .unsaved
    package var citizenID: CitizenID
    package var area: ResourceArea
    package var text: String
    package var updatedOn: LocalDate
    package var audit: Audit = .unsaved

    package init(id: ResourceID = .unsaved, citizenID: CitizenID, area: ResourceArea, text: String,
                 updatedOn: LocalDate) {
        self.id = id
        self.citizenID = citizenID
        self.area = area
        self.text = text
        self.updatedOn = updatedOn
    }

    package static let table = "resource"
    package static let category: DataCategory? = .profile
    package static let kindName = "resource"
    package static let columns = ["citizen_id", "area", "text", "updated_on"]
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] { [citizenID.sqlValue, area.sqlValue, .text(text), updatedOn.sqlValue] }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        area = try row.get("area")
        text = try row.get("text")
        updatedOn = try row.get("updated_on")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Resource {
        var copy = self
        copy.text = problems.text(text, "text")
        return copy
    }
}

/// The citizen's wishes and visions of the ideal life: room for every dream.
package struct Vision: Record {
    package var id: VisionID = .unsaved
    package var citizenID: CitizenID
    package var family: String
    package var work: String
    package var housing: String
    package var other: String
    package var audit: Audit = .unsaved

    package init(id: VisionID = .unsaved, citizenID: CitizenID, family: String = "", work: String = "",
                 housing: String = "", other: String = "") {
        self.id = id
        self.citizenID = citizenID
        self.family = family
        self.work = work
        self.housing = housing
        self.other = other
    }

    package static let table = "vision"
    package static let category: DataCategory? = .profile
    package static let kindName = "vision"
    package static let columns = ["citizen_id", "family", "work", "housing", "other"]
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] {
        [citizenID.sqlValue, .text(family), .text(work), .text(housing), .text(other)]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        family = try row.get("family")
        work = try row.get("work")
        housing = try row.get("housing")
        other = try row.get("other")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Vision {
        var copy = self
        copy.family = problems.text(family, "family")
        copy.work = problems.text(work, "work")
        copy.housing = problems.text(housing, "housing")
        copy.other = problems.text(other, "other")
        return copy
    }
}
