extension Workspace {
    /// The results report for the period `from`...`to` (both days included; nil leaves that end
    /// open), over the citizens the actor may see, optionally only those registered with
    /// `organisation` (`citizen.organisation_id`) and only those whose team includes
    /// `professional` (any team membership, past or present).
    ///
    /// Counting is done by SQLite (`COUNT`, `GROUP BY`, a window for the gaps between meetings,
    /// which come back as a count per gap length); first and last assessments are found while
    /// streaming the scores in order. Only grouped counts per cohort are held in memory, never the
    /// records. All queries read one snapshot of the database.
    ///
    /// Throws `StoreError.notFound` when `organisation` or `professional` does not exist.
    ///
    /// Over all time (no `from`, no `to`) the figures are added up from those kept per citizen
    /// (`CitizenFigures`), unless some citizen's are not current; with a period they are counted
    /// from the records. Both give the same numbers.
    package func resultsReport(from: LocalDate? = nil, to: LocalDate? = nil, organisation: OrganisationID? = nil,
                               professional: ProfessionalID? = nil) throws -> ResultsReport {
        try resultsReport(from: from, to: to, organisation: organisation, professional: professional, usingFigures: true)
    }

    /// The report counted from the records also over all time, never from the kept figures (to
    /// compare the two).
    func resultsReportFromRecords(from: LocalDate? = nil, to: LocalDate? = nil, organisation: OrganisationID? = nil,
                                  professional: ProfessionalID? = nil) throws -> ResultsReport {
        try resultsReport(from: from, to: to, organisation: organisation, professional: professional, usingFigures: false)
    }

    private func resultsReport(from: LocalDate?, to: LocalDate?, organisation: OrganisationID?,
                               professional: ProfessionalID?, usingFigures: Bool) throws -> ResultsReport {
        let organisationRecord = try organisation.map { try get(Organisation.self, id: $0) }
        let professionalRecord = try professional.map { try get(Professional.self, id: $0) }
        let period = ReportPeriod(from: from, to: to)
        var computation = ResultsComputation(
            database: database, period: period,
            scope: ResultsComputation.scope(access: reportAccess, organisation: organisation, professional: professional))
        try readingOneSnapshot {
            if usingFigures && from == nil && to == nil, try CitizenFigures.areCurrent(in: database) {
                let kept = ResultsComputation.figuresScope(access: reportAccess, organisation: organisation,
                                                           professional: professional)
                var maintained = ResultsComputation(database: database, period: period, scope: kept.scope)
                try maintained.addFigures(restricted: kept.restricted)
                try maintained.compareFirstAndLastScores(restricted: kept.restricted)
                try maintained.countOutcomeKinds(restricted: kept.restricted)
                try maintained.countGapsFromFigures(restricted: kept.restricted)
                // Participation needs no cohort: the same citizens, none worked out.
                computation = ResultsComputation(
                    database: database, period: period,
                    scope: ResultsComputation.participantsScope(access: reportAccess, organisation: organisation,
                                                                professional: professional))
                try computation.countParticipation()
                computation.take(maintained.tallies)
            } else {
                try computation.countCitizens()
                try computation.compareAssessments()
                try computation.countOutcomes()
                try computation.countMilestones()
                try computation.countMeetings()
                try computation.countGapsBetweenMeetings()
                try computation.countParticipation()
            }
        }
        var total = ResultsTally()
        var cohorts: [ResultsCohort] = []
        for key in computation.tallies.keys.sorted() {
            guard let tally = computation.tallies[key] else { continue }
            total.add(tally)
            cohorts.append(ResultsCohort(quarter: Quarter(index: key), figures: tally.figures))
        }
        return ResultsReport(from: from, to: to, organisation: organisationRecord, professional: professionalRecord,
                             figures: total.figures, cohorts: cohorts, participation: computation.participation)
    }

    /// The citizens the report counts: those the actor may see with their plans, meetings and
    /// results (a consent that shares less keeps the citizen out of the figures).
    private var reportAccess: (sql: String, arguments: [SQLValue])? {
        policy.citizenRowCondition(alias: "c", actor: actor, today: today, categories: [.plan, .meetings, .results])
    }

    /// Runs `body` inside one deferred read transaction, so that several queries see the same
    /// state of the file even while another connection writes (WAL). Inside a transaction that is
    /// already open, `body` simply runs in it.
    private func readingOneSnapshot(_ body: () throws -> Void) throws {
        guard !database.isInTransaction else { return try body() }
        try database.execute("BEGIN DEFERRED")
        do {
            try body()
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
        try database.execute("COMMIT")
    }
}

/// The report's period as SQL conditions.
struct ReportPeriod {
    /// The first day, nil when open.
    let from: LocalDate?
    /// The last day, nil when open.
    let to: LocalDate?

    /// ` AND column >= ? AND column <= ?` for a `YYYY-MM-DD` text column, open ends left out.
    func dates(_ column: String) -> SQLFragment {
        var fragment = SQLFragment("")
        if let from { fragment += SQLFragment(" AND \(column) >= ?", [from.sqlValue]) }
        if let to { fragment += SQLFragment(" AND \(column) <= ?", [to.sqlValue]) }
        return fragment
    }

    /// The same for an expression that yields days since 1970-01-01.
    func days(_ expression: String) -> SQLFragment {
        var fragment = SQLFragment("")
        if let from { fragment += SQLFragment(" AND \(expression) >= ?", [.integer(Int64(from.daysSinceEpoch))]) }
        if let to { fragment += SQLFragment(" AND \(expression) <= ?", [.integer(Int64(to.daysSinceEpoch))]) }
        return fragment
    }
}

/// A piece of SQL with the arguments of its placeholders, in order.
struct SQLFragment {
    /// SQL text with `?` placeholders; never holds data.
    var sql: String
    /// The values of the placeholders, in order.
    var arguments: [SQLValue]

    init(_ sql: String, _ arguments: [SQLValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The two pieces one after the other.
    static func + (lhs: SQLFragment, rhs: SQLFragment) -> SQLFragment {
        SQLFragment(lhs.sql + rhs.sql, lhs.arguments + rhs.arguments)
    }

    /// Appends a piece.
    static func += (lhs: inout SQLFragment, rhs: SQLFragment) {
        lhs = lhs + rhs
    }
}

/// The queries of the report. Every query starts from `scope`, the citizens in the report with
/// their cohort, and groups by cohort; the figures of all citizens are the sums over cohorts.
struct ResultsComputation {
    /// The connection read from.
    let database: Database
    /// The report's period.
    let period: ReportPeriod
    /// `WITH scope(citizen_id, cohort) AS (...)`.
    let scope: SQLFragment
    /// Cohort (quarter index) → its counts.
    private(set) var tallies: [Int: ResultsTally] = [:]
    /// Participation in group activities (over all cohorts).
    private(set) var participation = ParticipationResults()

    init(database: Database, period: ReportPeriod, scope: SQLFragment) {
        self.database = database
        self.period = period
        self.scope = scope
    }

    /// The common table `scope(citizen_id, cohort)`: the citizens the actor may see, narrowed by
    /// the filters, each with the quarter index (year × 4 + quarter − 1) of their start: the
    /// earliest start of their plans, or their registration date when they have no plan.
    static func scope(access: (sql: String, arguments: [SQLValue])?, organisation: OrganisationID?,
                      professional: ProfessionalID?) -> SQLFragment {
        let conditions = SQLFragment(" 1 = 1") + filters(access: access, organisation: organisation, professional: professional)
        return SQLFragment("""
            WITH scope(citizen_id, cohort) AS MATERIALIZED (
                SELECT id, CAST(substr(started, 1, 4) AS INTEGER) * 4 + (CAST(substr(started, 6, 2) AS INTEGER) - 1) / 3
                FROM (SELECT c.id AS id,
                             coalesce((SELECT min(p.start_date) FROM plan p WHERE p.citizen_id = c.id), c.registered_on)
                                 AS started
                      FROM citizen c WHERE
            """) + conditions + SQLFragment("))\n")
    }

    /// Takes the counts of another computation (of the same citizens) as its own.
    mutating func take(_ other: [Int: ResultsTally]) {
        tallies = other
    }

    /// ` AND …` for each of the access rule and the filters, on `citizen c`.
    static func filters(access: (sql: String, arguments: [SQLValue])?, organisation: OrganisationID?,
                        professional: ProfessionalID?) -> SQLFragment {
        var conditions = SQLFragment("")
        if let access { conditions += SQLFragment(" AND " + access.sql, access.arguments) }
        if let organisation { conditions += SQLFragment(" AND c.organisation_id = ?", [organisation.sqlValue]) }
        if let professional {
            conditions += SQLFragment(" AND c.id IN (SELECT t.citizen_id FROM team_member t WHERE t.professional_id = ?)",
                                      [professional.sqlValue])
        }
        return conditions
    }

    /// Days since 1970-01-01 of a meeting's `at` in its own offset (floor division, so that
    /// dates before 1970 come out right too).
    static func localDay(_ alias: String) -> String {
        let local = "(\(alias).at_utc + \(alias).at_offset * 60)"
        return "((\(local) - ((\(local) % 86400) + 86400) % 86400) / 86400)"
    }

    mutating func withTally(_ cohort: Int, _ change: (inout ResultsTally) -> Void) {
        change(&tallies[cohort, default: ResultsTally()])
    }

    func run(_ fragment: SQLFragment, _ body: (Row) throws -> Void) throws {
        try database.forEach((scope + fragment).sql, (scope + fragment).arguments, body)
    }

    /// Citizens with an assessment, outcome, milestone (by deadline) or meeting in the period.
    mutating func countCitizens() throws {
        let query = SQLFragment("SELECT s.cohort, count(*) FROM scope s WHERE EXISTS (SELECT 1 FROM assessment a WHERE a.citizen_id = s.citizen_id")
            + period.dates("a.date")
            + SQLFragment(") OR EXISTS (SELECT 1 FROM outcome o WHERE o.citizen_id = s.citizen_id")
            + period.dates("o.date")
            + SQLFragment(") OR EXISTS (SELECT 1 FROM plan p JOIN milestone m ON m.plan_id = p.id WHERE p.citizen_id = s.citizen_id")
            + period.dates("m.deadline")
            + SQLFragment(") OR EXISTS (SELECT 1 FROM meeting g WHERE g.citizen_id = s.citizen_id")
            + period.days(Self.localDay("g"))
            + SQLFragment(") GROUP BY s.cohort")
        var counts: [(Int, Int)] = []
        try run(query) { counts.append((try $0.get(0), try $0.get(1))) }
        for (cohort, count) in counts { withTally(cohort) { $0.citizens += count } }
    }

    /// First and last score per citizen and dimension, streamed in the order of date, then id.
    mutating func compareAssessments() throws {
        let query = SQLFragment("""
            SELECT s.citizen_id, s.cohort, x.dimension, x.score
            FROM scope s JOIN assessment a ON a.citizen_id = s.citizen_id
            JOIN assessment_score x ON x.assessment_id = a.id WHERE 1 = 1
            """) + period.dates("a.date") + SQLFragment(" ORDER BY a.citizen_id, a.date, a.id")
        let dimensions = AssessmentDimension.allCases
        // Cohort → counts per dimension index.
        var counts: [Int: [ResultsTally.SoftCounts]] = [:]
        // The current citizen's runs per dimension index: first score, last score, number of scores.
        var citizen: Int64?
        var cohort = 0
        var runs: [(first: Int, last: Int, count: Int)?] = Array(repeating: nil, count: dimensions.count)
        func finishCitizen() {
            defer { runs = Array(repeating: nil, count: dimensions.count) }
            guard citizen != nil else { return }
            var cohortCounts = counts[cohort] ?? Array(repeating: ResultsTally.SoftCounts(), count: dimensions.count)
            for (index, run) in runs.enumerated() {
                guard let run, run.count >= 2 else { continue }
                if run.last > run.first {
                    cohortCounts[index].improved += 1
                } else if run.last == run.first {
                    cohortCounts[index].same += 1
                } else {
                    cohortCounts[index].worse += 1
                }
            }
            counts[cohort] = cohortCounts
        }
        try run(query) { row in
            let rowCitizen: Int64 = try row.get(0)
            if rowCitizen != citizen {
                finishCitizen()
                citizen = rowCitizen
                cohort = try row.get(1)
            }
            let dimension: AssessmentDimension = try row.get(2)
            let score: Int = try row.get(3)
            guard let index = dimensions.firstIndex(of: dimension) else { return }
            if let current = runs[index] {
                runs[index] = (current.first, score, current.count + 1)
            } else {
                runs[index] = (score, score, 1)
            }
        }
        finishCitizen()
        for (cohort, cohortCounts) in counts { withTally(cohort) { $0.soft = cohortCounts } }
    }

    /// Distinct citizens per outcome kind.
    mutating func countOutcomes() throws {
        let query = SQLFragment("""
            SELECT s.cohort, o.kind, count(DISTINCT o.citizen_id)
            FROM scope s JOIN outcome o ON o.citizen_id = s.citizen_id WHERE 1 = 1
            """) + period.dates("o.date") + SQLFragment(" GROUP BY s.cohort, o.kind")
        try tallyOutcomes(query)
    }

    /// Adds the rows of `query` (cohort, outcome kind, citizens) to the tallies.
    mutating func tallyOutcomes(_ query: SQLFragment) throws {
        var counts: [(Int, OutcomeKind, Int)] = []
        try run(query) { counts.append((try $0.get(0), try $0.get(1), try $0.get(2))) }
        let kinds = OutcomeKind.allCases
        for (cohort, kind, count) in counts {
            guard let index = kinds.firstIndex(of: kind) else { continue }
            withTally(cohort) { $0.hard[index] += count }
        }
    }

    /// Milestones with their deadline in the period, by status.
    mutating func countMilestones() throws {
        let query = SQLFragment("""
            SELECT s.cohort, count(*),
                   count(*) FILTER (WHERE m.status = 'achieved'),
                   count(*) FILTER (WHERE m.status = 'achieved' AND m.achieved_on <= m.deadline),
                   count(*) FILTER (WHERE m.status = 'dropped')
            FROM scope s JOIN plan p ON p.citizen_id = s.citizen_id JOIN milestone m ON m.plan_id = p.id WHERE 1 = 1
            """) + period.dates("m.deadline") + SQLFragment(" GROUP BY s.cohort")
        var counts: [(Int, MilestoneResults)] = []
        try run(query) { row in
            counts.append((try row.get(0), MilestoneResults(set: try row.get(1), achieved: try row.get(2),
                                                             achievedByDeadline: try row.get(3), dropped: try row.get(4))))
        }
        for (cohort, milestones) in counts { withTally(cohort) { $0.milestones = milestones } }
    }

    /// Meetings in the period, by attendance.
    /// Participants who came to activities dated in the period: the activities, the times and
    /// the distinct citizens.
    mutating func countParticipation() throws {
        let query = SQLFragment("""
            SELECT count(DISTINCT a.id), count(*), count(DISTINCT p.citizen_id)
            FROM scope s JOIN activity_participant p ON p.citizen_id = s.citizen_id JOIN activity a ON a.id = p.activity_id
            WHERE p.attended = 1
            """) + period.dates("a.date")
        var result = ParticipationResults()
        try run(query) { row in
            result = ParticipationResults(activities: try row.get(0), attendances: try row.get(1), citizens: try row.get(2))
        }
        participation = result
    }

    mutating func countMeetings() throws {
        let query = SQLFragment("""
            SELECT s.cohort, count(*),
                   count(*) FILTER (WHERE g.attendance = 'attended'),
                   count(*) FILTER (WHERE g.attendance = 'excused'),
                   count(*) FILTER (WHERE g.attendance = 'no-show')
            FROM scope s JOIN meeting g ON g.citizen_id = s.citizen_id WHERE 1 = 1
            """) + period.days(Self.localDay("g")) + SQLFragment(" GROUP BY s.cohort")
        var counts: [(cohort: Int, meetings: Int, attended: Int, excused: Int, noShow: Int)] = []
        try run(query) { row in
            counts.append((try row.get(0), try row.get(1), try row.get(2), try row.get(3), try row.get(4)))
        }
        for count in counts {
            withTally(count.cohort) {
                $0.meetings = count.meetings
                $0.attended = count.attended
                $0.excused = count.excused
                $0.noShow = count.noShow
            }
        }
    }

    /// The gaps in calendar days between each citizen's consecutive attended meetings in the
    /// period, counted per gap length. Consecutive means in the order of the local date, then the
    /// instant, then the id, so a gap is never negative even when offsets differ; two attended
    /// meetings on the same day make a gap of 0.
    mutating func countGapsBetweenMeetings() throws {
        let query = SQLFragment("""
            SELECT cohort, gap, count(*) FROM (
                SELECT s.cohort AS cohort,
                       g.day - lag(g.day) OVER (PARTITION BY g.citizen_id ORDER BY g.day, g.at_utc, g.id) AS gap
                FROM scope s JOIN (SELECT citizen_id, id, at_utc, \(Self.localDay("meeting")) AS day
                                   FROM meeting WHERE attendance = 'attended') g ON g.citizen_id = s.citizen_id
                WHERE 1 = 1
            """) + period.days("g.day") + SQLFragment(") WHERE gap IS NOT NULL GROUP BY cohort, gap")
        var counts: [(cohort: Int, gap: Int, count: Int)] = []
        try run(query) { counts.append((try $0.get(0), try $0.get(1), try $0.get(2))) }
        for count in counts { withTally(count.cohort) { $0.gaps[count.gap, default: 0] += count.count } }
    }
}
