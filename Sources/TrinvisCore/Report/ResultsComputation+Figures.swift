/// The report over all time from the figures kept per citizen (`CitizenFigures`): the same
/// counts per cohort as the queries over the records, read from a few rows per citizen.
extension ResultsComputation {
    /// The common table `scope(citizen_id, cohort)` over the kept figures: the same citizens and
    /// filters as `scope`, with the cohort kept in `citizen_figures`, and only the citizens with
    /// anything counted (the others add nothing to these counts; participation reads `scope`).
    static func figuresScope(access: (sql: String, arguments: [SQLValue])?, organisation: OrganisationID?,
                             professional: ProfessionalID?) -> SQLFragment {
        SQLFragment("""
            WITH scope(citizen_id, cohort) AS MATERIALIZED (
                SELECT c.id, f.cohort FROM citizen c JOIN citizen_figures f ON f.citizen_id = c.id WHERE f.counted = 1
            """) + filters(access: access, organisation: organisation, professional: professional) + SQLFragment(")\n")
    }

    /// `scope(citizen_id, cohort)` with the citizens of `scope` and no cohort worked out (0): for
    /// participation, which is counted over all cohorts.
    static func participantsScope(access: (sql: String, arguments: [SQLValue])?, organisation: OrganisationID?,
                                  professional: ProfessionalID?) -> SQLFragment {
        SQLFragment("""
            WITH scope(citizen_id, cohort) AS MATERIALIZED (
                SELECT c.id, 0 FROM citizen c WHERE 1 = 1
            """) + filters(access: access, organisation: organisation, professional: professional) + SQLFragment(")\n")
    }

    /// Citizens counted, milestones by status and meetings by attendance, per cohort.
    mutating func addFigures() throws {
        let query = SQLFragment("""
            SELECT s.cohort, count(*), sum(f.milestones), sum(f.achieved), sum(f.achieved_by_deadline), sum(f.dropped),
                   sum(f.meetings), sum(f.attended), sum(f.excused), sum(f.no_show)
            FROM scope s JOIN citizen_figures f ON f.citizen_id = s.citizen_id GROUP BY s.cohort
            """)
        var rows: [(cohort: Int, citizens: Int, milestones: MilestoneResults, meetings: [Int])] = []
        try run(query) { row in
            rows.append((try row.get(0), try row.get(1),
                         MilestoneResults(set: try row.get(2), achieved: try row.get(3), achievedByDeadline: try row.get(4),
                                          dropped: try row.get(5)),
                         [try row.get(6), try row.get(7), try row.get(8), try row.get(9)]))
        }
        for row in rows {
            withTally(row.cohort) {
                $0.citizens += row.citizens
                $0.milestones = row.milestones
                $0.meetings = row.meetings[0]
                $0.attended = row.meetings[1]
                $0.excused = row.meetings[2]
                $0.noShow = row.meetings[3]
            }
        }
    }

    /// Per cohort and dimension, the citizens scored at least twice whose last score is above,
    /// equal to or below their first.
    mutating func compareFirstAndLastScores() throws {
        let query = SQLFragment("""
            SELECT s.cohort, r.dimension, count(*) FILTER (WHERE r.last > r.first),
                   count(*) FILTER (WHERE r.last = r.first), count(*) FILTER (WHERE r.last < r.first)
            FROM scope s JOIN citizen_figures_score r ON r.citizen_id = s.citizen_id WHERE r.scores >= 2
            GROUP BY s.cohort, r.dimension
            """)
        let dimensions = AssessmentDimension.allCases
        var rows: [(cohort: Int, dimension: AssessmentDimension, counts: ResultsTally.SoftCounts)] = []
        try run(query) { row in
            rows.append((try row.get(0), try row.get(1),
                         ResultsTally.SoftCounts(improved: try row.get(2), same: try row.get(3), worse: try row.get(4))))
        }
        for row in rows {
            guard let index = dimensions.firstIndex(of: row.dimension) else { continue }
            withTally(row.cohort) { $0.soft[index] = row.counts }
        }
    }

    /// Citizens per outcome kind, per cohort.
    mutating func countOutcomeKinds() throws {
        let query = SQLFragment("""
            SELECT s.cohort, o.kind, count(*)
            FROM scope s JOIN citizen_figures_outcome o ON o.citizen_id = s.citizen_id GROUP BY s.cohort, o.kind
            """)
        var counts: [(Int, OutcomeKind, Int)] = []
        try run(query) { counts.append((try $0.get(0), try $0.get(1), try $0.get(2))) }
        let kinds = OutcomeKind.allCases
        for (cohort, kind, count) in counts {
            guard let index = kinds.firstIndex(of: kind) else { continue }
            withTally(cohort) { $0.hard[index] += count }
        }
    }

    /// The gaps between consecutive attended meetings, per gap length and cohort.
    mutating func countGapsFromFigures() throws {
        let query = SQLFragment("""
            SELECT s.cohort, g.gap, sum(g.times)
            FROM scope s JOIN citizen_figures_gap g ON g.citizen_id = s.citizen_id GROUP BY s.cohort, g.gap
            """)
        var counts: [(cohort: Int, gap: Int, count: Int)] = []
        try run(query) { counts.append((try $0.get(0), try $0.get(1), try $0.get(2))) }
        for count in counts { withTally(count.cohort) { $0.gaps[count.gap, default: 0] += count.count } }
    }
}
