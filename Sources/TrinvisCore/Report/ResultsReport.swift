/// The results report: soft and hard results, milestones and contact for a period, optionally
/// restricted to one organisation or one professional (see interchange-v1.md, "Results report
/// over this data").
///
/// Figures are counted from the records the work produces. A record belongs to the period by its
/// own date: an assessment by its `date`, an outcome by its `date`, a milestone by its `deadline`
/// and a meeting by the calendar date of `at` in the offset it was written in. Both ends of the
/// period are included; a missing end is open.
package struct ResultsReport: Sendable, Equatable {
    /// The first day of the period, nil when it has no start.
    package var from: LocalDate?
    /// The last day of the period, nil when it is open.
    package var to: LocalDate?
    /// The organisation the report is restricted to (its registered citizens), if any.
    package var organisation: Organisation?
    /// The professional the report is restricted to (citizens whose team includes them), if any.
    package var professional: Professional?
    /// The figures over every citizen in the report.
    package var figures: ResultsFigures
    /// The same figures per start-date cohort, oldest quarter first; only quarters with at least
    /// one citizen with a record in the period appear.
    package var cohorts: [ResultsCohort]
    /// Participation in group activities dated in the period, over the same citizens.
    package var participation: ParticipationResults

    package init(from: LocalDate?, to: LocalDate?, organisation: Organisation? = nil, professional: Professional? = nil,
                 figures: ResultsFigures, cohorts: [ResultsCohort] = [],
                 participation: ParticipationResults = ParticipationResults()) {
        self.from = from
        self.to = to
        self.organisation = organisation
        self.professional = professional
        self.figures = figures
        self.cohorts = cohorts
        self.participation = participation
    }

    /// Citizens with any assessment, outcome, milestone or meeting in the period.
    package var citizens: Int { figures.citizens }
    /// One row per assessment dimension, in the enumeration's order.
    package var soft: [SoftResult] { figures.soft }
    /// One row per outcome kind, in the enumeration's order.
    package var hard: [HardResult] { figures.hard }
    /// Milestones with their deadline in the period.
    package var milestones: MilestoneResults { figures.milestones }
    /// Meetings in the period.
    package var contact: ContactResults { figures.contact }
}

/// The figures of the report for one group of citizens (all of them, or one cohort).
package struct ResultsFigures: Sendable, Equatable {
    /// Citizens with any assessment, outcome, milestone (by deadline) or meeting in the period.
    /// Placements, stories, activities, plans and registration alone do not count.
    package var citizens: Int
    /// One row per assessment dimension, in the enumeration's order, zero rows included.
    package var soft: [SoftResult]
    /// One row per outcome kind, in the enumeration's order, zero rows included.
    package var hard: [HardResult]
    /// Milestones with their deadline in the period.
    package var milestones: MilestoneResults
    /// Meetings in the period.
    package var contact: ContactResults

    package init(citizens: Int, soft: [SoftResult], hard: [HardResult], milestones: MilestoneResults,
                 contact: ContactResults) {
        self.citizens = citizens
        self.soft = soft
        self.hard = hard
        self.milestones = milestones
        self.contact = contact
    }

    /// Figures with every count zero (every row present).
    package static let empty = ResultsTally().figures
}

/// Participation in group activities: only participants marked as having come count, at
/// activities whose date lies in the period.
package struct ParticipationResults: Sendable, Hashable {
    /// Activities with at least one counted citizen who came.
    package var activities: Int
    /// Times a counted citizen came to an activity.
    package var attendances: Int
    /// Distinct citizens who came to at least one activity.
    package var citizens: Int

    package init(activities: Int = 0, attendances: Int = 0, citizens: Int = 0) {
        self.activities = activities
        self.attendances = attendances
        self.citizens = citizens
    }
}

/// Soft results of one dimension: among the citizens assessed at least twice on it in the
/// period, how the last score compares with the first.
///
/// First and last are taken in the order of the assessment date and, for two assessments on the
/// same date, of the assessment id (the order they were recorded in).
package struct SoftResult: Sendable, Hashable {
    /// The dimension.
    package var dimension: AssessmentDimension
    /// Citizens with at least two scores on the dimension in the period.
    package var assessed: Int
    /// Of those, citizens whose last score is higher than the first.
    package var improved: Int
    /// Of those, citizens whose last score equals the first.
    package var same: Int
    /// Of those, citizens whose last score is lower than the first.
    package var worse: Int

    package init(dimension: AssessmentDimension, assessed: Int = 0, improved: Int = 0, same: Int = 0, worse: Int = 0) {
        self.dimension = dimension
        self.assessed = assessed
        self.improved = improved
        self.same = same
        self.worse = worse
    }

    /// `improved` of `assessed` in whole percent; nil when no one was assessed twice.
    package var improvedPercent: Int? { ReportArithmetic.percent(improved, of: assessed) }
    /// `same` of `assessed` in whole percent; nil when no one was assessed twice.
    package var samePercent: Int? { ReportArithmetic.percent(same, of: assessed) }
    /// `worse` of `assessed` in whole percent; nil when no one was assessed twice.
    package var worsePercent: Int? { ReportArithmetic.percent(worse, of: assessed) }
}

/// Hard results of one outcome kind.
package struct HardResult: Sendable, Hashable {
    /// The kind of outcome.
    package var kind: OutcomeKind
    /// Distinct citizens with at least one outcome of the kind in the period.
    package var citizens: Int

    package init(kind: OutcomeKind, citizens: Int = 0) {
        self.kind = kind
        self.citizens = citizens
    }
}

/// Milestones whose deadline lies in the period.
package struct MilestoneResults: Sendable, Hashable {
    /// Every milestone with its deadline in the period, whatever its status.
    package var set: Int
    /// Of those, the milestones with status `achieved`.
    package var achieved: Int
    /// Of the achieved, those achieved on or before their deadline.
    package var achievedByDeadline: Int
    /// Of those set, the milestones with status `dropped`.
    package var dropped: Int

    package init(set: Int = 0, achieved: Int = 0, achievedByDeadline: Int = 0, dropped: Int = 0) {
        self.set = set
        self.achieved = achieved
        self.achievedByDeadline = achievedByDeadline
        self.dropped = dropped
    }

    /// `achieved` of `set` in whole percent; nil when none was set.
    package var achievedPercent: Int? { ReportArithmetic.percent(achieved, of: set) }
    /// `achievedByDeadline` of `set` in whole percent; nil when none was set.
    package var achievedByDeadlinePercent: Int? { ReportArithmetic.percent(achievedByDeadline, of: set) }
    /// `dropped` of `set` in whole percent; nil when none was set.
    package var droppedPercent: Int? { ReportArithmetic.percent(dropped, of: set) }
}

/// Meetings whose date (in their own offset) lies in the period.
package struct ContactResults: Sendable, Hashable {
    /// Every meeting in the period, whatever the attendance.
    package var meetings: Int
    /// Meetings the citizen came to.
    package var attended: Int
    /// Meetings the citizen was lawfully excused from.
    package var excused: Int
    /// Meetings the citizen did not come to without excuse.
    package var noShow: Int
    /// How many gaps between consecutive attended meetings the median was taken over.
    package var gaps: Int
    /// The median of those gaps in whole calendar days, nil when there are none.
    package var medianDaysBetween: Int?

    package init(meetings: Int = 0, attended: Int = 0, excused: Int = 0, noShow: Int = 0, gaps: Int = 0,
                 medianDaysBetween: Int? = nil) {
        self.meetings = meetings
        self.attended = attended
        self.excused = excused
        self.noShow = noShow
        self.gaps = gaps
        self.medianDaysBetween = medianDaysBetween
    }

    /// The meetings that count for attendance: attended and no-show (excused is neither).
    package var attendanceBase: Int { attended + noShow }
    /// `attended` of `attended + noShow` in whole percent; nil when that is zero.
    package var attendancePercent: Int? { ReportArithmetic.percent(attended, of: attendanceBase) }
    /// `noShow` of `attended + noShow` in whole percent; nil when that is zero.
    package var noShowPercent: Int? { ReportArithmetic.percent(noShow, of: attendanceBase) }
    /// `excused` of all meetings in whole percent; nil when there were none.
    package var excusedPercent: Int? { ReportArithmetic.percent(excused, of: meetings) }
}

/// The citizens who started in one calendar quarter, and their figures.
///
/// A citizen starts on the start date of their first plan (the earliest `start`), or on their
/// registration date when they have no plan.
package struct ResultsCohort: Sendable, Equatable {
    /// The quarter the citizens started in.
    package var quarter: Quarter
    /// Their figures in the report's period.
    package var figures: ResultsFigures

    package init(quarter: Quarter, figures: ResultsFigures) {
        self.quarter = quarter
        self.figures = figures
    }
}

/// A calendar quarter: January-March is the first.
package struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    package let year: Int
    /// 1...4.
    package let number: Int

    /// The quarter that contains `date`.
    package init(containing date: LocalDate) {
        year = date.year
        number = (date.month - 1) / 3 + 1
    }

    /// The quarter with `index` = year × 4 + (number − 1), the form the report's SQL groups by.
    package init(index: Int) {
        year = ReportArithmetic.floorDivide(index, 4)
        number = index - year * 4 + 1
    }

    /// year × 4 + (number − 1): consecutive quarters have consecutive indices.
    package var index: Int { year * 4 + number - 1 }

    /// The first day of the quarter.
    package var firstDay: LocalDate {
        LocalDate(year: year, month: number * 3 - 2, day: 1) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// The last day of the quarter.
    package var lastDay: LocalDate {
        let month = number * 3
        return LocalDate(year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month))
            ?? LocalDate(daysSinceEpoch: 0)
    }

    /// `2026-Q1`: the stable key used in JSON and CSV.
    package var description: String { LocalDate.pad(year, 4) + "-Q" + String(number) }

    package static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.index < rhs.index }
}

/// The output formats of the report (`trinvis report --format`).
package enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain-text tables for the terminal.
    case text
    /// One long RFC 4180 table for spreadsheets.
    case csv
    /// The contract's JSON shape.
    case json
}

extension ResultsReport {
    /// The report written in `format`, with `labels` for the words of text and CSV.
    package func rendered(as format: ReportFormat, labels: ReportLabels = .english) -> String {
        switch format {
        case .text: return text(labels: labels)
        case .csv: return csv(labels: labels)
        case .json: return json.serialized()
        }
    }
}

/// Integer arithmetic of the report: whole percentages and medians, rounded half up.
package enum ReportArithmetic {
    /// `part` of `whole` in whole percent, rounded half up (1 of 8 = 12.5 → 13); nil when `whole`
    /// is zero or less, since a share of nothing is no figure.
    package static func percent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return floorDivide(200 * part + whole, 2 * whole)
    }

    /// The median of the values counted in `counts` (value → how many times it occurs): the middle
    /// value, or the mean of the two middle values rounded half up; nil when there are none.
    package static func median(of counts: [Int: Int]) -> Int? {
        let total = counts.values.reduce(0) { $0 + max($1, 0) }
        guard total > 0 else { return nil }
        let lowerIndex = (total - 1) / 2
        let upperIndex = total / 2
        var lower: Int?
        var seen = 0
        for value in counts.keys.sorted() {
            let count = max(counts[value] ?? 0, 0)
            guard count > 0 else { continue }
            seen += count
            if lower == nil, lowerIndex < seen { lower = value }
            if upperIndex < seen, let lower { return floorDivide(lower + value + 1, 2) }
        }
        return nil
    }

    /// Division rounding towards minus infinity.
    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// Additive counts behind `ResultsFigures`: the tallies of cohorts add up to the tally of all.
struct ResultsTally {
    /// Citizens with any record in the period.
    var citizens = 0
    /// Per dimension, in the enumeration's order.
    var soft = Array(repeating: SoftCounts(), count: AssessmentDimension.allCases.count)
    /// Distinct citizens per outcome kind, in the enumeration's order.
    var hard = Array(repeating: 0, count: OutcomeKind.allCases.count)
    /// Milestones by status.
    var milestones = MilestoneResults()
    /// All meetings.
    var meetings = 0
    /// Attended meetings.
    var attended = 0
    /// Excused meetings.
    var excused = 0
    /// No-show meetings.
    var noShow = 0
    /// Gap in days → how many times it occurs.
    var gaps: [Int: Int] = [:]

    /// How the citizens assessed at least twice on one dimension fared.
    struct SoftCounts {
        /// Last score above the first.
        var improved = 0
        /// Last score equal to the first.
        var same = 0
        /// Last score below the first.
        var worse = 0
    }

    /// Adds the counts of another group of citizens (who are not in this one).
    mutating func add(_ other: ResultsTally) {
        citizens += other.citizens
        for index in soft.indices {
            soft[index].improved += other.soft[index].improved
            soft[index].same += other.soft[index].same
            soft[index].worse += other.soft[index].worse
        }
        for index in hard.indices { hard[index] += other.hard[index] }
        milestones.set += other.milestones.set
        milestones.achieved += other.milestones.achieved
        milestones.achievedByDeadline += other.milestones.achievedByDeadline
        milestones.dropped += other.milestones.dropped
        meetings += other.meetings
        attended += other.attended
        excused += other.excused
        noShow += other.noShow
        gaps.merge(other.gaps, uniquingKeysWith: +)
    }

    /// The figures these counts give, with shares and the median worked out.
    var figures: ResultsFigures {
        let softRows = zip(AssessmentDimension.allCases, soft).map { dimension, counts in
            SoftResult(dimension: dimension, assessed: counts.improved + counts.same + counts.worse,
                       improved: counts.improved, same: counts.same, worse: counts.worse)
        }
        let hardRows = zip(OutcomeKind.allCases, hard).map { HardResult(kind: $0, citizens: $1) }
        let contact = ContactResults(meetings: meetings, attended: attended, excused: excused, noShow: noShow,
                                     gaps: gaps.values.reduce(0, +), medianDaysBetween: ReportArithmetic.median(of: gaps))
        return ResultsFigures(citizens: citizens, soft: softRows, hard: hardRows, milestones: milestones,
                              contact: contact)
    }
}
