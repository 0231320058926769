/// A person the professionals work with, seen whole: contact, household, life and registration.
package struct Citizen: Record {
    package var id: CitizenID = .unsaved
    /// The name as the person gives it; many drop-in visitors give only a first name.
    package var name: String
    package var cpr: CPR?
    package var birthDate: LocalDate?
    package var phone: String?
    package var email: String?
    package var contactPreference: ContactPreference
    package var householdID: HouseholdID?
    /// The citizen's place in their household (parent, child, partner, other), if told.
    package var householdRelation: HouseholdRelation?
    /// The whole-person text: family, network, leisure, work, institutions, doctor.
    package var life: String
    package var registeredOn: LocalDate
    /// The organisation the citizen is registered with.
    package var organisationID: OrganisationID?
    /// The usual number of days between follow-up meetings.
    package var meetingIntervalDays: Int
    /// The day the course ended and the citizen was archived (hidden from the list), or nil.
    package var archivedOn: LocalDate?
    package var audit: Audit = .unsaved

    /// The default interval between follow-up conversations.
    package static let defaultMeetingInterval = 14

    package init(id: CitizenID = .unsaved, name: String, cpr: CPR? = nil, birthDate: LocalDate? = nil,
                 phone: String? = nil, email: String? = nil, contactPreference: ContactPreference = .meeting,
                 householdID: HouseholdID? = nil, life: String = "", registeredOn: LocalDate,
                 organisationID: OrganisationID? = nil, meetingIntervalDays: Int = Citizen.defaultMeetingInterval,
                 archivedOn: LocalDate? = nil, householdRelation: HouseholdRelation? = nil) {
        self.id = id
        self.name = name
        self.cpr = cpr
        self.birthDate = birthDate
        self.phone = phone
        self.email = email
        self.contactPreference = contactPreference
        self.householdID = householdID
        self.life = life
        self.registeredOn = registeredOn
        self.organisationID = organisationID
        self.meetingIntervalDays = meetingIntervalDays
        self.archivedOn = archivedOn
        self.householdRelation = householdRelation
    }

    package static let table = "citizen"
    package static let kindName = "citizen"
    package static let columns = [
        "name", "name_key", "name_sort", "cpr", "birth_date", "phone", "email", "contact_preference", "household_id",
        "life", "registered_on", "organisation_id", "meeting_interval_days", "archived_on",
        "household_relation",
    ]
    package static let order = ["name_sort", "id"]
    package static var belongsToCitizen: Bool { true }

    package var values: [SQLValue] {
        [.text(name), .text(TextNormalization.searchKey(name)), .text(TextNormalization.sortKey(name)), cpr.map { .text($0.digits) } ?? .null,
         birthDate.sqlValue, phone.sqlValue, email.sqlValue, contactPreference.sqlValue, householdID.sqlValue,
         .text(life), registeredOn.sqlValue, organisationID.sqlValue, .integer(Int64(meetingIntervalDays)),
         archivedOn.sqlValue, householdRelation.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        name = try row.get("name")
        let digits: String? = try row.get("cpr")
        cpr = digits.flatMap(CPR.init)
        birthDate = try row.get("birth_date")
        phone = try row.get("phone")
        email = try row.get("email")
        contactPreference = try row.get("contact_preference")
        householdID = try row.get("household_id")
        life = try row.get("life")
        registeredOn = try row.get("registered_on")
        organisationID = try row.get("organisation_id")
        meetingIntervalDays = try row.get("meeting_interval_days")
        archivedOn = try row.get("archived_on")
        householdRelation = try row.get("household_relation")
        audit = try Audit(row: row)
    }

    /// The birth date given, or else the one the CPR number encodes.
    package var effectiveBirthDate: LocalDate? { birthDate ?? cpr?.birthDate }

    /// Age in whole years on a given day.
    package func age(on day: LocalDate) -> Int? {
        guard let born = effectiveBirthDate else { return nil }
        var years = day.year - born.year
        if (day.month, day.day) < (born.month, born.day) { years -= 1 }
        return years
    }

    package func validated(noting problems: inout ValidationProblems) -> Citizen {
        var copy = self
        copy.name = problems.required(name, "name")
        copy.phone = problems.optional(phone, "phone")
        copy.email = problems.email(email, "email")
        copy.life = problems.text(life, "life")
        if let cpr, let birthDate, cpr.birthDate != birthDate {
            problems.add("cpr", .cprDoesNotMatchBirthDate)
        }
        if !(1...365).contains(meetingIntervalDays) {
            problems.add("meeting_interval_days", .outOfRange(1...365))
        }
        return copy
    }

    /// A CPR number only for a citizen of an organisation that may hold CPR numbers.
    package func checkContext(in database: Database) throws {
        guard cpr != nil, let organisationID else { return }
        if try database.scalar("SELECT holds_cpr FROM organisation WHERE id = ?", [organisationID.sqlValue]) == .integer(0) {
            throw ValidationError(field: "cpr", problem: .cprNotHeld)
        }
    }
}
