/// A kind of record stored in a table of its own, with an id, an audit trail and a version.
///
/// The protocol carries the table mapping so that one generic implementation in `Workspace`
/// creates, reads, updates, deletes and pages every kind.
package protocol Record: Sendable, Equatable {
    /// The table name.
    static var table: String { get }
    /// A short name for messages ("milestone").
    static var kindName: String { get }
    /// The data columns in the order of `values` (not `id`, not the audit columns).
    static var columns: [String] { get }
    /// Columns that order a list, ending with `id`; every one `NOT NULL`. Used for keyset paging.
    static var order: [String] { get }
    /// True when lists run from the largest key down (newest first).
    static var orderDescending: Bool { get }
    /// The column that links to the record's owner, if it has one.
    static var parentColumn: String? { get }
    /// SQL that yields the owning citizen's id from the parent column's value (one `?`), or nil
    /// when the parent column itself holds the citizen id or the record has no citizen.
    static var citizenFromParentSQL: String? { get }
    /// True when the record belongs to a citizen (access rules apply).
    static var belongsToCitizen: Bool { get }
    /// The category of information a consent must list for another organisation to see records
    /// of this kind; nil for kinds seen with the citizen (team, consents) or not about one.
    static var category: DataCategory? { get }

    /// The id; `.unsaved` before the record is created.
    var id: RecordID<Self> { get set }
    /// Who created and last changed the record.
    var audit: Audit { get set }
    /// The values of `columns`, in order.
    var values: [SQLValue] { get }
    /// The value of `parentColumn`.
    var parentValue: SQLValue { get }

    /// Decodes a row that holds `id`, the data columns and the audit columns.
    init(row: Row) throws
    /// The record with its text in NFC and surrounding blanks trimmed; every problem found is
    /// noted in `problems` (all of them, so that a form can show each beside its field).
    func validated(noting problems: inout ValidationProblems) -> Self
    /// Checks that need other records (a deadline against its plan's start); runs before a save.
    func checkContext(in database: Database) throws

    /// Writes rows of dependent tables (attendees, scores, participants) after a save.
    func saveChildren(in database: Database) throws
    /// Reads rows of dependent tables after a fetch.
    mutating func loadChildren(from database: Database) throws
    /// Reads the rows of dependent tables of several records (a page of a list) at once; by
    /// default each record's own, one after the other.
    static func loadChildren(of records: inout [Self], from database: Database) throws
}

extension Record {
    package static var order: [String] { ["id"] }
    package static var orderDescending: Bool { false }
    package static var parentColumn: String? { nil }
    package static var citizenFromParentSQL: String? { nil }
    package static var belongsToCitizen: Bool { parentColumn != nil }
    package static var category: DataCategory? { nil }
    package var parentValue: SQLValue { .null }
    package func saveChildren(in database: Database) throws {}
    package func checkContext(in database: Database) throws {}
    package mutating func loadChildren(from database: Database) throws {}
    package static func loadChildren(of records: inout [Self], from database: Database) throws {
        for index in records.indices { try records[index].loadChildren(from: database) }
    }

    /// The record with its text in NFC and surrounding blanks trimmed, or its first problem.
    package func validated() throws(ValidationError) -> Self {
        var problems = ValidationProblems()
        let valid = validated(noting: &problems)
        if let first = problems.all.first { throw first }
        return valid
    }

    /// Every problem of the record's own values (not those that need other records), all at once.
    package var validationProblems: [ValidationError] {
        var problems = ValidationProblems()
        _ = validated(noting: &problems)
        return problems.all
    }

    /// The order key of this record, as stored in a page cursor.
    package var orderKey: [SQLValue] {
        Self.order.map { column in
            if column == "id" { return id.sqlValue }
            guard let index = Self.columns.firstIndex(of: column) else { return .null }
            return values[index]
        }
    }
}

/// Typed ids of every kind.
package typealias OrganisationID = RecordID<Organisation>
package typealias ProfessionalID = RecordID<Professional>
package typealias HouseholdID = RecordID<Household>
package typealias CitizenID = RecordID<Citizen>
package typealias TeamMemberID = RecordID<TeamMember>
package typealias ConsentID = RecordID<Consent>
package typealias ResourceID = RecordID<Resource>
package typealias VisionID = RecordID<Vision>
package typealias PlanID = RecordID<Plan>
package typealias MilestoneID = RecordID<Milestone>
package typealias ProgressNoteID = RecordID<ProgressNote>
package typealias MeetingID = RecordID<Meeting>
package typealias AgreementID = RecordID<Agreement>
package typealias AssessmentID = RecordID<Assessment>
package typealias OutcomeID = RecordID<Outcome>
package typealias PlacementID = RecordID<Placement>
package typealias ActivityID = RecordID<Activity>
package typealias StoryID = RecordID<Story>
