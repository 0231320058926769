/// The results report's figures per citizen, kept up to date as records are written, so that the
/// report over all time adds up a few rows per citizen instead of reading every record.
///
/// Tables (derived data: never undone, synced or exported; they can always be made again from
/// the records):
/// - `citizen_figures`: per citizen its cohort (quarter index of its start), whether anything of
///   it is counted, its milestones by status and its meetings by attendance;
/// - `citizen_figures_score`: per citizen and dimension the first and last score (in the order
///   of the assessment's date, then id) and how many scores there are;
/// - `citizen_figures_outcome`: each outcome kind the citizen has;
/// - `citizen_figures_gap`: the gaps in days between the citizen's consecutive attended meetings,
///   counted per gap length;
/// - `citizen_figures_stale`: the citizens whose figures no longer follow the records.
///
/// Triggers on every table the figures come from (citizen, plan, milestone, meeting, assessment,
/// assessment_score, outcome) put the citizen a write touches into `citizen_figures_stale`; just
/// before a write transaction commits, `refreshStale` works out the figures of those citizens
/// again, set-based, with the same rules as the report's queries, and empties the list. An
/// import of thousands of citizens is one transaction and so one refresh at its end. A citizen's
/// figures rows go with the citizen (`ON DELETE CASCADE`).
package enum CitizenFigures {
    /// The tables of the figures.
    package static let tables = ["citizen_figures", "citizen_figures_score", "citizen_figures_outcome", "citizen_figures_gap"]

    /// The list of citizens whose figures must be worked out again.
    package static let staleTable = "citizen_figures_stale"

    /// Schema step "17-results-figures": the tables and the triggers that mark citizens stale.
    /// Released with that step: never edited; a change is a new step.
    static let schema = """
        CREATE TABLE citizen_figures (
            citizen_id INTEGER PRIMARY KEY REFERENCES citizen (id) ON DELETE CASCADE,
            cohort INTEGER NOT NULL,
            counted INTEGER NOT NULL CHECK (counted IN (0, 1)),
            milestones INTEGER NOT NULL,
            achieved INTEGER NOT NULL,
            achieved_by_deadline INTEGER NOT NULL,
            dropped INTEGER NOT NULL,
            meetings INTEGER NOT NULL,
            attended INTEGER NOT NULL,
            excused INTEGER NOT NULL,
            no_show INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX citizen_figures_by_cohort ON citizen_figures (cohort, counted, milestones, achieved,
            achieved_by_deadline, dropped, meetings, attended, excused, no_show);
        -- The columns of the primary key come first: SQLite 3.40's integrity check misreads a
        -- WITHOUT ROWID table whose key columns are declared later.
        CREATE TABLE citizen_figures_score (
            cohort INTEGER NOT NULL,
            dimension TEXT NOT NULL,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            first INTEGER NOT NULL,
            last INTEGER NOT NULL,
            scores INTEGER NOT NULL,
            PRIMARY KEY (cohort, dimension, citizen_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX citizen_figures_score_by_citizen ON citizen_figures_score (citizen_id);
        CREATE TABLE citizen_figures_outcome (
            cohort INTEGER NOT NULL,
            kind TEXT NOT NULL,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            PRIMARY KEY (cohort, kind, citizen_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX citizen_figures_outcome_by_citizen ON citizen_figures_outcome (citizen_id);
        CREATE TABLE citizen_figures_gap (
            cohort INTEGER NOT NULL,
            gap INTEGER NOT NULL,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            times INTEGER NOT NULL,
            PRIMARY KEY (cohort, gap, citizen_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX citizen_figures_gap_by_citizen ON citizen_figures_gap (citizen_id);
        CREATE TABLE citizen_figures_stale (
            citizen_id INTEGER PRIMARY KEY NOT NULL
        ) STRICT;
        \(triggers)
        """

    /// Where each source table finds the citizen of a row (`ROW` stands for `new` or `old`), and
    /// the columns whose change can change the figures.
    private static let sources: [(table: String, citizen: String, watched: String)] = [
        ("citizen", "SELECT ROW.id", "registered_on"),
        ("plan", "SELECT ROW.citizen_id", "citizen_id, start_date"),
        ("milestone", "SELECT citizen_id FROM plan WHERE id = ROW.plan_id", "plan_id, deadline, status, achieved_on"),
        ("meeting", "SELECT ROW.citizen_id", "citizen_id, at_utc, at_offset, attendance"),
        ("assessment", "SELECT ROW.citizen_id", "citizen_id, date"),
        ("assessment_score", "SELECT citizen_id FROM assessment WHERE id = ROW.assessment_id",
         "assessment_id, dimension, score"),
        ("outcome", "SELECT ROW.citizen_id", "citizen_id, kind"),
    ]

    private static var triggers: String {
        sources.map { source in
            func mark(_ row: String) -> String {
                "INSERT OR IGNORE INTO citizen_figures_stale (citizen_id) "
                    + source.citizen.replacingOccurrences(of: "ROW.", with: "\(row).") + ";"
            }
            // A citizen's own row: when it goes, its figures go with it (the cascade).
            let delete = source.table == "citizen" ? "" : """
                CREATE TRIGGER citizen_figures_\(source.table)_delete AFTER DELETE ON \(source.table) BEGIN
                    \(mark("old"))
                END;
                """
            return """
                CREATE TRIGGER citizen_figures_\(source.table)_insert AFTER INSERT ON \(source.table) BEGIN
                    \(mark("new"))
                END;
                CREATE TRIGGER citizen_figures_\(source.table)_update AFTER UPDATE OF \(source.watched) ON \(source.table) BEGIN
                    \(mark("old"))
                    \(mark("new"))
                END;
                \(delete)
                """
        }.joined(separator: "\n")
    }

    /// The citizens of a refresh, as a subquery of ids.
    private static let staleCitizens = "(SELECT citizen_id FROM citizen_figures_stale)"
    /// Every citizen, as a subquery of ids.
    private static let allCitizens = "(SELECT id FROM citizen)"

    /// The figures rows of the citizens in `citizens`, one query per table in the order of
    /// `tables`, each yielding the table's columns in their declared order. These are the
    /// report's own rules over all time (see `ResultsComputation`).
    private static func queries(citizens: String) -> [String] {
        [
            """
            SELECT c.id,
                   CAST(substr(c.started, 1, 4) AS INTEGER) * 4 + (CAST(substr(c.started, 6, 2) AS INTEGER) - 1) / 3,
                   coalesce(m.milestones, 0) > 0 OR coalesce(g.meetings, 0) > 0
                       OR EXISTS (SELECT 1 FROM assessment a WHERE a.citizen_id = c.id)
                       OR EXISTS (SELECT 1 FROM outcome o WHERE o.citizen_id = c.id),
                   coalesce(m.milestones, 0), coalesce(m.achieved, 0), coalesce(m.achieved_by_deadline, 0),
                   coalesce(m.dropped, 0),
                   coalesce(g.meetings, 0), coalesce(g.attended, 0), coalesce(g.excused, 0), coalesce(g.no_show, 0)
            FROM (SELECT c.id AS id,
                         coalesce((SELECT min(p.start_date) FROM plan p WHERE p.citizen_id = c.id), c.registered_on) AS started
                  FROM citizen c WHERE c.id IN \(citizens)) c
            LEFT JOIN (SELECT p.citizen_id AS citizen_id, count(*) AS milestones,
                              count(*) FILTER (WHERE m.status = 'achieved') AS achieved,
                              count(*) FILTER (WHERE m.status = 'achieved' AND m.achieved_on <= m.deadline)
                                  AS achieved_by_deadline,
                              count(*) FILTER (WHERE m.status = 'dropped') AS dropped
                       FROM plan p JOIN milestone m ON m.plan_id = p.id
                       WHERE p.citizen_id IN \(citizens) GROUP BY p.citizen_id) m ON m.citizen_id = c.id
            LEFT JOIN (SELECT citizen_id, count(*) AS meetings,
                              count(*) FILTER (WHERE attendance = 'attended') AS attended,
                              count(*) FILTER (WHERE attendance = 'excused') AS excused,
                              count(*) FILTER (WHERE attendance = 'no-show') AS no_show
                       FROM meeting WHERE citizen_id IN \(citizens) GROUP BY citizen_id) g ON g.citizen_id = c.id
            """,
            """
            SELECT f.cohort, w.dimension, w.citizen_id, w.first, w.last, w.scores FROM (
                SELECT a.citizen_id AS citizen_id, x.dimension AS dimension,
                       first_value(x.score) OVER whole AS first, last_value(x.score) OVER whole AS last,
                       count(*) OVER whole AS scores,
                       row_number() OVER (PARTITION BY a.citizen_id, x.dimension ORDER BY a.date, a.id) AS position
                FROM assessment a JOIN assessment_score x ON x.assessment_id = a.id
                WHERE a.citizen_id IN \(citizens)
                WINDOW whole AS (PARTITION BY a.citizen_id, x.dimension ORDER BY a.date, a.id
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) w
            JOIN citizen_figures f ON f.citizen_id = w.citizen_id
            WHERE w.position = 1
            """,
            """
            SELECT DISTINCT f.cohort, o.kind, o.citizen_id FROM outcome o JOIN citizen_figures f ON f.citizen_id = o.citizen_id
            WHERE o.citizen_id IN \(citizens)
            """,
            """
            SELECT f.cohort, w.gap, w.citizen_id, count(*) FROM (
                SELECT citizen_id, day - lag(day) OVER (PARTITION BY citizen_id ORDER BY day, at_utc, id) AS gap
                FROM (SELECT citizen_id, id, at_utc, \(ResultsComputation.localDay("meeting")) AS day
                      FROM meeting WHERE attendance = 'attended' AND citizen_id IN \(citizens))) w
            JOIN citizen_figures f ON f.citizen_id = w.citizen_id
            WHERE w.gap IS NOT NULL GROUP BY w.citizen_id, w.gap
            """,
        ]
    }

    /// Works out again the figures of the citizens marked stale and empties the list: run just
    /// before each write transaction commits (`Database.beforeCommit`). Nothing to do costs one
    /// look-up.
    package static func refreshStale(in database: Database) throws {
        guard try database.scalar("SELECT EXISTS (SELECT 1 FROM citizen_figures_stale)") == .integer(1) else { return }
        for (table, query) in zip(tables, queries(citizens: staleCitizens)) {
            try database.execute("DELETE FROM \(table) WHERE citizen_id IN \(staleCitizens)")
            try database.execute("INSERT INTO \(table) " + query)
        }
        try database.execute("DELETE FROM citizen_figures_stale")
    }

    /// Works out the figures of every citizen from scratch (the schema step; a repair).
    package static func refreshAll(in database: Database) throws {
        for (table, query) in zip(tables, queries(citizens: allCitizens)) {
            try database.execute("DELETE FROM \(table)")
            try database.execute("INSERT INTO \(table) " + query)
        }
        try database.execute("DELETE FROM citizen_figures_stale")
    }

    /// True when no citizen is marked stale: the figures follow the records. (Outside a write
    /// transaction of Trinvis, e.g. after a write by another tool, some may be.)
    package static func areCurrent(in database: Database) throws -> Bool {
        try database.scalar("SELECT EXISTS (SELECT 1 FROM citizen_figures_stale)") == .integer(0)
    }

    /// Per figures table, how many rows differ from a computation from scratch (rows kept that
    /// the records do not give, plus rows the records give that are not kept), leaving out the
    /// citizens marked stale. Reads only.
    package static func differences(in database: Database) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for (table, query) in zip(tables, queries(citizens: "(SELECT id FROM citizen WHERE id NOT IN \(staleCitizens))")) {
            let kept = "SELECT * FROM \(table) WHERE citizen_id NOT IN \(staleCitizens)"
            let count = Int64(sqlValue: try database.scalar("""
                SELECT (SELECT count(*) FROM (\(kept) EXCEPT \(query))) + (SELECT count(*) FROM (\(query) EXCEPT \(kept)))
                """)) ?? 0
            if count > 0 { result[table] = Int(count) }
        }
        return result
    }
}
