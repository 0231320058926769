import TrinvisCore

/// The fixed "now" of the benchmark: the generated data is dated relative to it and every
/// workspace of the run uses it as its clock, so that overdue counts, the agenda and the audit
/// columns are the same on every run, whatever the date.
enum BenchCalendar {
    /// Monday 2 March 2026 (day 20,514 of the epoch), 10:00 Danish winter time (09:00 UTC).
    static let now = Timestamp(seconds: 20_514 * 86_400 + 9 * 3_600, offsetMinutes: 60)
    /// The day of `now`.
    static var today: LocalDate { now.localDate }
}

/// What the database holds, read back after generation (or from a reused file), and the ids the
/// measurements draw their targets from.
struct Targets {
    /// Every citizen, by id.
    let citizens: [CitizenID]
    /// Every CPR number (ten digits).
    let cprs: [String]
    /// Every plan.
    let plans: [PlanID]
    /// Every milestone.
    let milestones: [MilestoneID]
    /// The caseworker responsible for the most citizens today: the agenda's user.
    let busiestCaseworker: (username: String, id: ProfessionalID, citizens: Int)
    /// The job centre with the most citizens: the one-organisation report's organisation.
    let largestMunicipality: (id: OrganisationID, name: String, citizens: Int)
    /// Rows per table, for the description of the data.
    let counts: [(table: String, rows: Int)]

    /// The tables whose sizes describe the data.
    static let countedTables = [
        ("organisation", "organisations"), ("professional", "professionals"), ("citizen", "citizens"),
        ("team_member", "team memberships"), ("plan", "plans"), ("milestone", "milestones"),
        ("progress_note", "progress notes"), ("meeting", "meetings"), ("agreement", "agreements"),
        ("assessment", "assessments"), ("assessment_score", "scores"), ("outcome", "outcomes"),
        ("placement", "placements"), ("activity", "activities"), ("search_text", "full-text rows"),
    ]

    /// Reads the targets through the workspace's connection.
    init(database: Database, today: LocalDate) throws {
        func ids<T>(_ sql: String) throws -> [RecordID<T>] {
            try database.fetchAll(sql) { try $0.get(0) }
        }
        citizens = try ids("SELECT id FROM citizen ORDER BY id")
        cprs = try database.fetchAll("SELECT cpr FROM citizen WHERE cpr IS NOT NULL ORDER BY id") { try $0.get(0) }
        plans = try ids("SELECT id FROM plan ORDER BY id")
        milestones = try ids("SELECT id FROM milestone ORDER BY id")
        guard let busiest = try database.fetchOne("""
            SELECT p.username, p.id, count(*) FROM team_member t JOIN professional p ON p.id = t.professional_id
            WHERE t.responsible = 1 AND p.role = 'caseworker' AND p.username IS NOT NULL
              AND t.from_date <= ? AND (t.to_date IS NULL OR t.to_date >= ?)
            GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1
            """, [today.sqlValue, today.sqlValue]),
              let largest = try database.fetchOne("""
            SELECT o.id, o.name, count(*) FROM citizen c JOIN organisation o ON o.id = c.organisation_id
            WHERE o.kind = 'municipality' GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1
            """),
              !citizens.isEmpty, !plans.isEmpty, !milestones.isEmpty, !cprs.isEmpty else {
            throw BenchError("the database holds no benchmark data (no caseworker with citizens, or no citizens)")
        }
        busiestCaseworker = (try busiest.get(0), try busiest.get(1), try busiest.get(2))
        largestMunicipality = (try largest.get(0), try largest.get(1), try largest.get(2))
        counts = try Self.countedTables.map { table, label in
            (label, try database.fetchOne("SELECT count(*) FROM \(table)")?.get(0) ?? 0)
        }
    }
}

/// A failure of the benchmark itself, with a message for stderr.
struct BenchError: Error, CustomStringConvertible {
    /// The message.
    let description: String

    /// An error with `description` as its message.
    init(_ description: String) {
        self.description = description
    }
}
