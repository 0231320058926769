/// A table whose changes a window records for undo, with what an undo needs to know of it: the
/// record kind (for the access log), the category of information (for the access rule) and how
/// its rows lead to a citizen.
///
/// Not recorded: the access log, drafts, settings, the files printed (erasure's list), the
/// resource areas (configuration) and the full-text index (a virtual table its triggers keep).
/// A new table of records belongs in `all`, or its changes cannot be undone.
struct UndoTable: Sendable {
    /// The table.
    let name: String
    /// The record kind's name in the access log ("meeting"); nil for rows that are part of a
    /// record (attendees, scores) or of its history (deadline moves).
    let kindName: String?
    /// The category a consent must list to see (and so change) these rows.
    let category: DataCategory?
    /// The column holding the id of the record the row belongs to, and that record's table.
    let parentColumn: String?
    let parentTable: String?
    /// Columns that hold a citizen's id themselves.
    let citizenColumns: [String]
    /// True when the rows are about a citizen (the access rule applies).
    let belongsToCitizen: Bool
    /// Only administrators change these (organisations and professionals decide who sees what).
    let administratorsOnly: Bool
    /// True when the table has the audit columns (`updated_at`, `updated_by`, `version`).
    let audited: Bool

    private init(name: String, kindName: String?, category: DataCategory?, parentColumn: String?, citizenColumns: [String],
                 belongsToCitizen: Bool, administratorsOnly: Bool, audited: Bool) {
        self.name = name
        self.kindName = kindName
        self.category = category
        self.parentColumn = parentColumn
        // A parent column is named after its table: `meeting_id` holds a meeting's id.
        self.parentTable = parentColumn.map { String($0.dropLast("_id".count)) }
        self.citizenColumns = citizenColumns
        self.belongsToCitizen = belongsToCitizen
        self.administratorsOnly = administratorsOnly
        self.audited = audited
    }

    /// The table of a kind of record.
    init<R: Record>(_ type: R.Type, administratorsOnly: Bool = false) {
        let direct = R.self == Citizen.self ? ["id"] : R.parentColumn == "citizen_id" ? ["citizen_id"] : []
        self.init(name: R.table, kindName: R.kindName, category: R.category,
                  parentColumn: direct.isEmpty ? R.parentColumn : nil, citizenColumns: direct,
                  belongsToCitizen: R.belongsToCitizen, administratorsOnly: administratorsOnly, audited: true)
    }

    /// A table of rows that are part of a record.
    init(rows name: String, parent: String? = nil, citizens: [String] = [], category: DataCategory? = nil) {
        self.init(name: name, kindName: nil, category: category, parentColumn: parent, citizenColumns: citizens,
                  belongsToCitizen: parent != nil || !citizens.isEmpty, administratorsOnly: false, audited: false)
    }

    /// Every recorded table, each after the tables its rows refer to.
    static let all: [UndoTable] = [
        UndoTable(Organisation.self, administratorsOnly: true), UndoTable(Professional.self, administratorsOnly: true),
        UndoTable(Household.self), UndoTable(Activity.self),
        UndoTable(Citizen.self), UndoTable(rows: "citizen_link", citizens: ["citizen_id", "other_id"]),
        UndoTable(TeamMember.self), UndoTable(Consent.self), UndoTable(Resource.self), UndoTable(Vision.self),
        UndoTable(Plan.self), UndoTable(Milestone.self), UndoTable(rows: "milestone_move", parent: "milestone_id", category: .plan),
        UndoTable(ProgressNote.self),
        UndoTable(Meeting.self), UndoTable(rows: "meeting_attendee", parent: "meeting_id", category: .meetings),
        UndoTable(rows: "meeting_member", parent: "meeting_id", citizens: ["citizen_id"], category: .meetings),
        UndoTable(Agreement.self),
        UndoTable(Assessment.self), UndoTable(rows: "assessment_score", parent: "assessment_id", category: .results),
        UndoTable(Outcome.self), UndoTable(Placement.self), UndoTable(Story.self),
        UndoTable(rows: "activity_participant", citizens: ["citizen_id"]),
        UndoTable(rows: "activity_runner"),
        UndoTable(rows: "external_id"),
        // A settled sync conflict opens again when its settling is undone.
        UndoTable(rows: "sync_conflict", citizens: ["citizen_id"]),
    ]

    /// The audit columns an undo moves on rather than back.
    static let auditColumns: Set<String> = ["updated_at", "updated_by", "version"]

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The recorded table of that name.
    static func named(_ name: String) -> UndoTable? { byName[name] }

    /// Where the table stands in `all`: parents come before their children.
    static func rank(of name: String) -> Int { all.firstIndex { $0.name == name } ?? all.count }

    /// Tables whose rows a trigger writes when another table's row is updated: a milestone's
    /// moved deadline writes its history. An undo carries those rows itself (the history row
    /// it removes or brings back), so the rows the trigger writes while it applies are dropped.
    static let historyWrittenByTrigger: [String: String] = ["milestone": "milestone_move"]

    /// The citizens a row belongs to: from its own columns, else through the record it belongs
    /// to. A row's values are what the change recorded, completed from the database; a parent is
    /// looked up in the database, else among `changes` (deleted with it, or not yet restored).
    static func citizens(of change: RowChange, in changes: Changeset, database: Database) throws -> [CitizenID] {
        try citizens(of: change, changes: changes, database: database, depth: 0)
    }

    private static func citizens(of change: RowChange, changes: Changeset, database: Database, depth: Int) throws -> [CitizenID] {
        guard let table = named(change.table), depth < 8 else { return [] }
        let columns = try database.columnNames(of: change.table)
        let values = try database.knownValues(of: change, columns: columns)
        if !table.citizenColumns.isEmpty {
            return table.citizenColumns.compactMap { values[$0].flatMap(CitizenID.init(sqlValue:)) }
        }
        guard let column = table.parentColumn, let parent = table.parentTable, let id = values[column] else { return [] }
        let parentRow = try changes.changes.first { $0.table == parent && $0.key == [id] } ?? record(parent, id: id, in: database)
        return try citizens(of: parentRow, changes: changes, database: database, depth: depth + 1)
    }

    /// A record's row named by its id alone (no values), to look it up with `currentValues`.
    static func record(_ table: String, id: SQLValue, in database: Database) throws -> RowChange {
        let columns = try database.columnNames(of: table)
        return RowChange(table: table, before: columns.map { $0 == "id" ? id : nil }, after: nil, primaryKey: columns.map { $0 == "id" })
    }

    /// Every citizen whose rows `changes` touches, in order of appearance.
    static func citizens(in changes: Changeset, database: Database) throws -> [CitizenID] {
        var result: [CitizenID] = []
        for change in changes.changes {
            for citizen in try citizens(of: change, in: changes, database: database) where !result.contains(citizen) {
                result.append(citizen)
            }
        }
        return result
    }
}
