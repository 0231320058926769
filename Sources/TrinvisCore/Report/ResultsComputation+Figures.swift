/// The report over all time from the figures kept per citizen (`CitizenFigures`): the same
/// counts per cohort as the queries over the records, read from a few rows per citizen. The kept
/// rows are ordered by cohort, so each query groups while it scans, without sorting.
extension ResultsComputation {
    /// The common table `scope(citizen_id, cohort)` of the citizens the access rule and the
    /// filters leave (cohort 0: the kept rows carry their own), or nothing when they leave every
    /// citizen: then the queries read the kept rows whole (`restricted` false).
    static func figuresScope(access: (sql: String, arguments: [SQLValue])?, organisation: OrganisationID?,
                             professional: ProfessionalID?) -> (scope: SQLFragment, restricted: Bool) {
        let filters = filters(access: access, organisation: organisation, professional: professional)
        guard !filters.sql.isEmpty else { return (SQLFragment(""), false) }
        return (participantsScope(access: access, organisation: organisation, professional: professional), true)
    }

    /// `scope(citizen_id, cohort)` with the citizens of `scope` and no cohort worked out (0): for
    /// participation, which is counted over all cohorts, and for the kept figures.
    static func participantsScope(access: (sql: String, arguments: [SQLValue])?, organisation: OrganisationID?,
                                  professional: ProfessionalID?) -> SQLFragment {
        SQLFragment("""
            WITH scope(citizen_id, cohort) AS MATERIALIZED (
                SELECT c.id, 0 FROM citizen c WHERE 1 = 1
            """) + filters(access: access, organisation: organisation, professional: professional) + SQLFragment(")\n")
    }

    /// ` AND citizen_id IN scope` when the scope leaves some citizens out.
    private func inScope(_ restricted: Bool) -> String {
        restricted ? " AND citizen_id IN (SELECT citizen_id FROM scope)" : ""
    }

    /// Citizens counted, milestones by status and meetings by attendance, per cohort.
    mutating func addFigures(restricted: Bool) throws {
        let query = SQLFragment("""
            SELECT cohort, count(*), sum(milestones), sum(achieved), sum(achieved_by_deadline), sum(dropped),
                   sum(meetings), sum(attended), sum(excused), sum(no_show)
            FROM citizen_figures WHERE counted = 1\(inScope(restricted)) GROUP BY cohort
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
    mutating func compareFirstAndLastScores(restricted: Bool) throws {
        let query = SQLFragment("""
            SELECT cohort, dimension, count(*) FILTER (WHERE last > first),
                   count(*) FILTER (WHERE last = first), count(*) FILTER (WHERE last < first)
            FROM citizen_figures_score WHERE scores >= 2\(inScope(restricted)) GROUP BY cohort, dimension
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
    mutating func countOutcomeKinds(restricted: Bool) throws {
        let query = SQLFragment("""
            SELECT cohort, kind, count(*) FROM citizen_figures_outcome WHERE 1 = 1\(inScope(restricted))
            GROUP BY cohort, kind
            """)
        try tallyOutcomes(query)
    }

    /// The gaps between consecutive attended meetings, per gap length and cohort.
    mutating func countGapsFromFigures(restricted: Bool) throws {
        let query = SQLFragment("""
            SELECT cohort, gap, sum(times) FROM citizen_figures_gap WHERE 1 = 1\(inScope(restricted)) GROUP BY cohort, gap
            """)
        var counts: [(cohort: Int, gap: Int, count: Int)] = []
        try run(query) { counts.append((try $0.get(0), try $0.get(1), try $0.get(2))) }
        for count in counts { withTally(count.cohort) { $0.gaps[count.gap, default: 0] += count.count } }
    }
}
