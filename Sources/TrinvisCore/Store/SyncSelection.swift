/// What leaves this installation for a peer organisation, as rows of the same tables as the
/// database's own, built in a scratch database (`sync_now`) beside the shared state last agreed
/// with the peer (`sync_shadow`, from the peer's shadow changeset). The export is SQLite's
/// difference between the two.
///
/// Which rows:
/// - **Citizens** while a share consent between the two organisations is in force: a citizen of
///   the exporting organisation with a consent to the peer, or a citizen of the peer with a
///   consent to the exporting organisation (a copy received from it, whose changes go back).
///   The actor must be allowed to see them.
/// - **Their records** of the consented categories only (`Record.category`: plans, meetings,
///   profile, results; team members and activity participation go with the citizen). The
///   citizen's own row leaves without its contact details unless `contact` is consented, without
///   the whole-person text unless `profile` is, and without the CPR number when the peer may not
///   hold one.
/// - **Their share consents** between the two organisations (the peer needs them to see the
///   citizen), and the household members present at a meeting only when both are shared.
/// - **Organisations, professionals, households and activities** that these rows refer to, so
///   that the peer needs no pairing step. Once sent they stay in the shared state: a row the
///   peer may refer to is never deleted there by a sync.
///
/// A citizen of this organisation who leaves (consent withdrawn or expired, erased here) is in
/// the shadow but not in the new state: the difference deletes their rows, and the peer erases
/// its copy. A citizen of the peer who leaves is not the peer's to lose: their rows stay as last
/// agreed, only their consents follow this side (a withdrawal recorded here reaches the peer,
/// whose next file then erases the copy here).
struct SyncSelection {
    /// The tables a sync file carries, each after the tables its rows refer to.
    static let tables = [
        "organisation", "professional", "household", "activity", "activity_runner",
        "citizen", "team_member", "consent", "resource", "vision", "plan", "milestone", "progress_note",
        "meeting", "meeting_attendee", "meeting_member", "agreement",
        "assessment", "assessment_score", "outcome", "placement", "story", "activity_participant",
    ]

    /// The scratch database that holds the state to send.
    static let now = "sync_now"
    /// The scratch database that holds the state last agreed with the peer.
    static let shadow = "sync_shadow"

    /// How the rows of a table that belongs to a citizen are found: the category a consent must
    /// list, and how a row `t` leads to its citizen.
    struct CitizenTable: Sendable {
        /// The row's own column, or the record it belongs to.
        enum Path: Sendable {
            case itself, column, plan, milestone, meeting, assessment
        }

        let name: String
        let category: DataCategory?
        let path: Path

        init(_ name: String, _ category: DataCategory?, via path: Path = .column) {
            self.name = name
            self.category = category
            self.path = path
        }

        /// The citizen's id as an SQL expression over the row `t` in `schema`.
        func citizen(_ schema: String) -> String {
            switch path {
            case .itself: return "t.id"
            case .column: return "t.citizen_id"
            case .plan: return "(SELECT p.citizen_id FROM \(schema).plan p WHERE p.id = t.plan_id)"
            case .milestone:
                return "(SELECT p.citizen_id FROM \(schema).milestone m JOIN \(schema).plan p ON p.id = m.plan_id WHERE m.id = t.milestone_id)"
            case .meeting: return "(SELECT m.citizen_id FROM \(schema).meeting m WHERE m.id = t.meeting_id)"
            case .assessment: return "(SELECT a.citizen_id FROM \(schema).assessment a WHERE a.id = t.assessment_id)"
            }
        }
    }

    /// The tables of a citizen's own records, with how each row leads to its citizen.
    static let citizenTables: [CitizenTable] = [
        CitizenTable("citizen", nil, via: .itself),
        CitizenTable("team_member", TeamMember.category), CitizenTable("consent", Consent.category),
        CitizenTable("resource", Resource.category), CitizenTable("vision", Vision.category),
        CitizenTable("plan", Plan.category), CitizenTable("milestone", Milestone.category, via: .plan),
        CitizenTable("progress_note", ProgressNote.category, via: .milestone),
        CitizenTable("meeting", Meeting.category), CitizenTable("meeting_attendee", Meeting.category, via: .meeting),
        CitizenTable("meeting_member", Meeting.category, via: .meeting),
        CitizenTable("agreement", Agreement.category, via: .meeting),
        CitizenTable("assessment", Assessment.category),
        CitizenTable("assessment_score", Assessment.category, via: .assessment),
        CitizenTable("outcome", Outcome.category), CitizenTable("placement", Placement.category),
        CitizenTable("story", Story.category), CitizenTable("activity_participant", nil),
    ]

    /// The rows of shared tables that other rows refer to, and where those references are.
    static let references: [(table: String, referrers: [(table: String, column: String)])] = [
        ("activity", [("activity_participant", "activity_id")]),
        ("household", [("citizen", "household_id")]),
        ("professional", [("team_member", "professional_id"), ("progress_note", "author_id"), ("meeting", "author_id"),
                          ("meeting", "companion_id"), ("meeting_attendee", "professional_id"),
                          ("agreement", "responsible_id"), ("assessment", "author_id"), ("story", "author_id"),
                          ("activity_runner", "professional_id")]),
        ("organisation", [("citizen", "organisation_id"), ("consent", "recipient_id"), ("placement", "company_id"),
                          ("activity", "organisation_id"), ("professional", "organisation_id")]),
    ]

    let database: Database
    /// The exporting organisation and the peer.
    let from: OrganisationID
    let peer: OrganisationID
    /// Whether the peer may hold CPR numbers.
    let peerHoldsCPR: Bool
    /// The columns of each table, in the database's order.
    private(set) var columns: [String: [String]] = [:]

    init(database: Database, from: OrganisationID, peer: OrganisationID, peerHoldsCPR: Bool) {
        self.database = database
        self.from = from
        self.peer = peer
        self.peerHoldsCPR = peerHoldsCPR
    }

    /// Attaches the two scratch databases (in memory: nothing about a citizen lands in a
    /// temporary file). Must run outside a transaction.
    static func attach(to database: Database) throws {
        try database.execute("ATTACH DATABASE ':memory:' AS \(now)")
        do {
            try database.execute("ATTACH DATABASE ':memory:' AS \(shadow)")
        } catch {
            try? database.execute("DETACH DATABASE \(now)")
            throw error
        }
    }

    /// Detaches the scratch databases again (outside a transaction).
    static func detach(from database: Database) {
        try? database.execute("DETACH DATABASE \(now)")
        try? database.execute("DETACH DATABASE \(shadow)")
    }

    /// Creates every shared table in both scratch databases with the columns, types and primary
    /// key of the database's own (without its constraints: the rows are copies), plus the lists
    /// of shared and kept citizens.
    mutating func createTables() throws {
        for table in Self.tables {
            let info = try database.fetchAll("SELECT name, type, pk FROM pragma_table_info(?, 'main') ORDER BY cid",
                                             [.text(table)]) { row in
                (try row.get(0) as String, try row.get(1) as String, try row.get(2) as Int64)
            }
            columns[table] = info.map(\.0)
            let key = info.filter { $0.2 > 0 }.sorted { $0.2 < $1.2 }.map { "\"\($0.0)\"" }
            let definitions = info.map { "\"\($0.0)\" \($0.1.isEmpty ? "ANY" : $0.1)" } + ["PRIMARY KEY (\(key.joined(separator: ", ")))"]
            for schema in [Self.now, Self.shadow] {
                try database.execute("CREATE TABLE \(schema).\(table) (\(definitions.joined(separator: ", "))) STRICT")
            }
        }
        let flags = DataCategory.allCases.map { "\"\($0.rawValue)\" INTEGER NOT NULL" }.joined(separator: ", ")
        try database.execute("CREATE TABLE \(Self.now).x_shared (id INTEGER PRIMARY KEY, \(flags)) STRICT")
        try database.execute("CREATE TABLE \(Self.now).x_kept (id INTEGER PRIMARY KEY, in_main INTEGER NOT NULL) STRICT")
    }

    /// Fills the shadow database from the shadow changeset (rows inserted from an empty
    /// database). Rows of other tables, and updates or deletions without a row to apply to, are
    /// left out: the difference then sends those rows whole.
    func loadShadow(_ changes: Changeset) throws {
        for change in changes.changes {
            guard let row = change.after, change.before == nil, let names = columns[change.table], row.count == names.count else {
                continue
            }
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            try database.execute("INSERT OR REPLACE INTO \(Self.shadow).\(change.table) (\(quoted(names))) VALUES (\(placeholders))",
                                 row.map { $0 ?? .null })
        }
    }

    /// Records the citizens that leave now, with the categories their consents in force list.
    /// `condition` is the actor's access rule on `c.id` (nil: unrestricted).
    func shareCitizens(today: LocalDate, condition: (sql: String, arguments: [SQLValue])?) throws {
        var shared: [Int64: Set<DataCategory>] = [:]
        for (owner, recipient) in [(from, peer), (peer, from)] {
            let consented = AccessPolicy.consentedCitizens(organisation: recipient, category: nil, today: today)
            let inForce = consented.sql.replacingOccurrences(of: "SELECT citizen_id FROM consent WHERE",
                                                             with: "SELECT citizen_id, categories FROM main.consent WHERE")
            var sql = "SELECT k.citizen_id, k.categories FROM (\(inForce)) k JOIN main.citizen c ON c.id = k.citizen_id "
                + "WHERE c.organisation_id = ?"
            var arguments = consented.arguments + [owner.sqlValue]
            if let condition {
                sql += " AND \(condition.sql)"
                arguments += condition.arguments
            }
            try database.forEach(sql, arguments) { row in
                shared[try row.get(0), default: []].formUnion(DataCategory.parse(try row.get(1)))
            }
        }
        let placeholders = Array(repeating: "?", count: DataCategory.allCases.count + 1).joined(separator: ", ")
        let names = DataCategory.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        for (id, categories) in shared.sorted(by: { $0.key < $1.key }) where !categories.isEmpty {
            try database.execute("INSERT INTO \(Self.now).x_shared (id, \(names)) VALUES (\(placeholders))",
                                 [.integer(id)] + DataCategory.allCases.map { .integer(categories.contains($0) ? 1 : 0) })
        }
        // The peer's citizens that were shared and are no longer: kept as last agreed.
        try database.execute("""
            INSERT INTO \(Self.now).x_kept (id, in_main)
            SELECT s.id, EXISTS (SELECT 1 FROM main.citizen c WHERE c.id = s.id)
            FROM \(Self.shadow).citizen s
            WHERE s.organisation_id = ? AND s.id NOT IN (SELECT id FROM \(Self.now).x_shared)
            """, [peer.sqlValue])
    }

    /// Copies into the new state the rows of the shared citizens (of the consented categories,
    /// the citizen's row without what is not consented) and the rows of the kept ones as last
    /// agreed, then the rows they refer to.
    func copyRows() throws {
        let pair: [SQLValue] = [from.sqlValue, peer.sqlValue]
        let shareConsent = "t.scope = 'share-between-organisations' AND t.recipient_id IN (?, ?)"
        for table in Self.citizenTables {
            guard let names = columns[table.name] else { continue }
            let target = "INSERT INTO \(Self.now).\(table.name) (\(quoted(names)))"
            let flag = table.category.map { " WHERE \"\($0.rawValue)\" = 1" } ?? ""
            var condition = "\(table.citizen("main")) IN (SELECT id FROM \(Self.now).x_shared\(flag))"
            var arguments: [SQLValue] = []
            if table.name == "consent" {
                condition += " AND " + shareConsent
                arguments += pair
            }
            if table.name == "meeting_member" {
                condition += " AND t.citizen_id IN (SELECT id FROM \(Self.now).x_shared\(flag))"
            }
            if table.name == "citizen" {
                try database.execute("\(target) SELECT \(citizenColumns(names)) FROM main.citizen t "
                                     + "JOIN \(Self.now).x_shared s ON s.id = t.id", [.integer(peerHoldsCPR ? 1 : 0)])
            } else {
                try database.execute("\(target) SELECT \(quoted(names, prefix: "t.")) FROM main.\(table.name) t WHERE \(condition)",
                                     arguments)
            }
            // The peer's citizens who left: as last agreed, but their consents as they are here.
            var kept = "\(table.citizen(Self.shadow)) IN (SELECT id FROM \(Self.now).x_kept)"
            if table.name == "consent" {
                try database.execute("\(target) SELECT \(quoted(names, prefix: "t.")) FROM main.consent t "
                                     + "WHERE t.citizen_id IN (SELECT id FROM \(Self.now).x_kept WHERE in_main = 1) AND \(shareConsent)",
                                     pair)
                kept = "t.citizen_id IN (SELECT id FROM \(Self.now).x_kept WHERE in_main = 0)"
            }
            if table.name == "meeting_member" {
                kept += " AND t.citizen_id IN (SELECT id FROM \(Self.now).x_shared UNION SELECT id FROM \(Self.now).x_kept)"
            }
            try database.execute("INSERT OR IGNORE INTO \(Self.now).\(table.name) (\(quoted(names))) "
                                 + "SELECT \(quoted(names, prefix: "t.")) FROM \(Self.shadow).\(table.name) t WHERE \(kept)")
        }
        for (table, referrers) in Self.references {
            try copyReferenced(table, referrers: referrers)
            if table == "activity" { try copyRunners() }
        }
    }

    /// The citizen's columns, without the contact details unless `contact` is consented (and
    /// the CPR number unless the peer may hold one: the one argument), without the whole-person
    /// text unless `profile` is.
    private func citizenColumns(_ names: [String]) -> String {
        names.map { name in
            switch name {
            case "cpr": return "CASE WHEN s.\"contact\" = 1 AND ? = 1 THEN t.cpr END"
            case "birth_date", "phone", "email": return "CASE WHEN s.\"contact\" = 1 THEN t.\(name) END"
            case "life": return "CASE WHEN s.\"profile\" = 1 THEN t.life ELSE '' END"
            default: return "t.\"\(name)\""
            }
        }.joined(separator: ", ")
    }

    /// A table of rows others refer to: those referred to now and those sent before, as they
    /// are here, and those sent before that are gone here, as last agreed.
    private func copyReferenced(_ table: String, referrers: [(table: String, column: String)]) throws {
        guard let names = columns[table] else { return }
        var sources = referrers.map { "SELECT \($0.column) FROM \(Self.now).\($0.table)" }
        sources.append("SELECT id FROM \(Self.shadow).\(table)")
        var arguments: [SQLValue] = []
        if table == "organisation" {
            sources += ["SELECT ?", "SELECT ?"]
            arguments = [from.sqlValue, peer.sqlValue]
        }
        try database.execute("""
            INSERT INTO \(Self.now).\(table) (\(quoted(names))) SELECT \(quoted(names, prefix: "t.")) FROM main.\(table) t
            WHERE t.id IN (\(sources.joined(separator: " UNION ")))
            """, arguments)
        try database.execute("""
            INSERT OR IGNORE INTO \(Self.now).\(table) (\(quoted(names))) SELECT \(quoted(names, prefix: "t.")) FROM \(Self.shadow).\(table) t
            WHERE t.id NOT IN (SELECT id FROM main.\(table))
            """)
    }

    /// The professionals who run the shared activities: as here, or as last agreed for an
    /// activity gone here.
    private func copyRunners() throws {
        guard let names = columns["activity_runner"] else { return }
        let target = "INSERT OR IGNORE INTO \(Self.now).activity_runner (\(quoted(names)))"
        try database.execute("""
            \(target) SELECT \(quoted(names, prefix: "t.")) FROM main.activity_runner t
            WHERE t.activity_id IN (SELECT id FROM \(Self.now).activity) AND t.activity_id IN (SELECT id FROM main.activity)
            """)
        try database.execute("""
            \(target) SELECT \(quoted(names, prefix: "t.")) FROM \(Self.shadow).activity_runner t
            WHERE t.activity_id IN (SELECT id FROM \(Self.now).activity) AND t.activity_id NOT IN (SELECT id FROM main.activity)
            """)
    }

    /// The changeset that turns the shadow into the new state: SQLite's session extension,
    /// table by table in `tables` order.
    func difference() throws -> [UInt8] {
        let session = try Session(database: database, schema: Self.now, tables: Self.tables)
        for table in Self.tables { try session.addDifference(from: Self.shadow, table: table) }
        return try session.changesetBytes()
    }

    /// The citizens the new state shares (for the log), and those whose rows the difference
    /// deletes because they left (the peer erases them).
    func sharedCitizens() throws -> Set<Int64> {
        Set(try database.fetchAll("SELECT id FROM \(Self.now).x_shared") { try $0.get(0) as Int64 })
    }

    private func quoted(_ names: [String], prefix: String = "") -> String {
        names.map { "\(prefix)\"\($0)\"" }.joined(separator: ", ")
    }
}
