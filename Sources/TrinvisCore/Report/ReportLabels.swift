/// The words of the results report in one language: headings, column names, the names of the
/// dimensions and outcome kinds, and templates for figures.
///
/// Templates name their values in braces (`{count} of {total}`), so that a language can put them
/// in its own order. `english` and `danish` are complete; `forLanguage(_:)` picks one.
package struct ReportLabels: Sendable, Hashable {
    /// The language code, `en` or `da`.
    package var language: String
    /// The report's title.
    package var title: String
    /// Heading of the period line.
    package var period: String
    /// The period when it has neither start nor end.
    package var allTime: String
    /// A period with both ends: `{from}`, `{to}`.
    package var periodBetween: String
    /// A period with only a start: `{from}`.
    package var periodFrom: String
    /// A period with only an end: `{to}`.
    package var periodUntil: String
    /// The start of the period (a CSV label).
    package var periodStart: String
    /// The end of the period (a CSV label).
    package var periodEnd: String
    /// Heading of the organisation filter line.
    package var organisation: String
    /// Heading of the professional filter line.
    package var professional: String
    /// Citizens with any record in the period.
    package var citizens: String
    /// What counts as a record for `citizens`.
    package var citizensNote: String

    /// Heading of the soft results.
    package var softHeading: String
    /// How soft results are counted.
    package var softNote: String
    /// Column: the dimension.
    package var dimension: String
    /// Column / measure: citizens assessed at least twice.
    package var assessed: String
    /// Column / measure: improved.
    package var improved: String
    /// Column / measure: stayed the same.
    package var same: String
    /// Column / measure: fell.
    package var worse: String

    /// Heading of the hard results.
    package var hardHeading: String
    /// Column: the kind of outcome.
    package var outcome: String
    /// Column / measure: distinct citizens.
    package var outcomeCitizens: String

    /// Heading of the milestones.
    package var milestonesHeading: String
    /// Milestones set (deadline in the period).
    package var milestonesSet: String
    /// Milestones achieved.
    package var milestonesAchieved: String
    /// Milestones achieved on or before their deadline.
    package var milestonesAchievedByDeadline: String
    /// Milestones dropped.
    package var milestonesDropped: String

    /// Heading of contact.
    package var contactHeading: String
    /// How attendance is counted.
    package var contactNote: String
    /// Meetings held.
    package var meetings: String
    /// Meetings the citizen came to.
    package var attended: String
    /// Meetings the citizen was excused from.
    package var excused: String
    /// Meetings the citizen did not come to.
    package var noShow: String
    /// The median number of days between attended meetings.
    package var medianDaysBetween: String
    /// The gaps between consecutive attended meetings the median is taken over (a CSV label).
    package var gaps: String
    /// The median with its number of gaps, when there is one gap: `{median}`.
    package var medianOfOneGap: String
    /// The median with its number of gaps: `{median}`, `{gaps}`.
    package var medianOfGaps: String

    /// Heading of the participation in group activities.
    package var participationHeading: String
    /// How participation is counted.
    package var participationNote: String
    /// Activities with at least one counted citizen who came.
    package var activitiesHeld: String
    /// Times a citizen came to an activity.
    package var attendances: String
    /// Distinct citizens who came to at least one activity.
    package var participants: String

    /// Heading of the cohorts.
    package var cohortsHeading: String
    /// Column: the quarter of start.
    package var cohort: String
    /// Column of the cohorts: milestones achieved of those set.
    package var cohortMilestones: String
    /// Column of the cohorts: attended of attended and no-show.
    package var cohortAttendance: String
    /// Column of the cohorts: the median of days between attended meetings.
    package var cohortMedian: String
    /// A quarter: `{year}`, `{quarter}` (1-4).
    package var quarter: String

    /// A count of a total with its percentage: `{count}`, `{total}`, `{percent}`.
    package var share: String
    /// A count of a total that is zero (no percentage): `{count}`, `{total}`.
    package var shareOfNothing: String
    /// A figure that does not exist (no median).
    package var none: String
    /// When a printed report was made (the PDF's footer): `{date}`.
    package var printed: String
    /// In the PDF, in place of a cohort table too long for the page: `{count}` cohorts.
    package var cohortsNotShown: String

    /// Names of the assessment dimensions.
    package var dimensions: [AssessmentDimension: String]
    /// Names of the outcome kinds.
    package var outcomes: [OutcomeKind: String]

    /// The name of a dimension (its key when a name is missing).
    package func name(of dimension: AssessmentDimension) -> String {
        dimensions[dimension] ?? dimension.rawValue
    }

    /// The name of an outcome kind (its key when a name is missing).
    package func name(of kind: OutcomeKind) -> String {
        outcomes[kind] ?? kind.rawValue
    }

    /// `count` of `total`, with the percentage when there is one: "60 of 67 (90 %)".
    package func share(_ count: Int, of total: Int, percent: Int?) -> String {
        guard let percent else {
            return Self.fill(shareOfNothing, ["count": String(count), "total": String(total)])
        }
        return Self.fill(share, ["count": String(count), "total": String(total), "percent": String(percent)])
    }

    /// The median of the gaps with how many there were, or `none`.
    package func median(_ median: Int?, gaps: Int) -> String {
        guard let median else { return none }
        let template = gaps == 1 ? medianOfOneGap : medianOfGaps
        return Self.fill(template, ["median": String(median), "gaps": String(gaps)])
    }

    /// A quarter in words: "Q1 2026", "1. kvt. 2026".
    package func name(of quarter: Quarter) -> String {
        Self.fill(self.quarter, ["year": String(quarter.year), "quarter": String(quarter.number)])
    }

    /// The period in words, its dates written the way of the language (`01.11.2026` in Danish).
    package func period(from: LocalDate?, to: LocalDate?) -> String {
        switch (from, to) {
        case (nil, nil): return allTime
        case (let from?, nil): return Self.fill(periodFrom, ["from": date(from)])
        case (nil, let to?): return Self.fill(periodUntil, ["to": date(to)])
        case (let from?, let to?): return Self.fill(periodBetween, ["from": date(from), "to": date(to)])
        }
    }

    /// A date as the interface of the language writes it (`Localizer.date`).
    package func date(_ day: LocalDate) -> String {
        Localizer(Language(code: language) ?? .english).date(day)
    }

    /// A date and time of day as the interface of the language writes it.
    package func dateTime(_ stamp: Timestamp) -> String {
        date(stamp.localDate) + " " + stamp.clockTime
    }

    /// `template` with each `{name}` replaced by its value.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = template
        for (name, value) in values {
            result = result.replacing("{" + name + "}", with: value)
        }
        return result
    }

    /// Danish for a language code starting with `da` (`da`, `da_DK.UTF-8`), English otherwise.
    package static func forLanguage(_ code: String) -> ReportLabels {
        code.lowercased().hasPrefix("da") ? .danish : .english
    }

    /// English.
    package static let english = ReportLabels(
        language: "en",
        title: "Results report",
        period: "Period",
        allTime: "all time",
        periodBetween: "{from} to {to}",
        periodFrom: "from {from}",
        periodUntil: "until {to}",
        periodStart: "From",
        periodEnd: "To",
        organisation: "Organisation",
        professional: "Professional",
        citizens: "Citizens",
        citizensNote: "citizens with an assessment, outcome, milestone deadline or meeting in the period",
        softHeading: "Soft results",
        softNote: "citizens assessed at least twice on a dimension in the period; first and last score compared",
        dimension: "Dimension",
        assessed: "Assessed",
        improved: "Improved",
        same: "Same",
        worse: "Worse",
        hardHeading: "Hard results",
        outcome: "Outcome",
        outcomeCitizens: "Citizens",
        milestonesHeading: "Milestones with a deadline in the period",
        milestonesSet: "Set",
        milestonesAchieved: "Achieved",
        milestonesAchievedByDeadline: "Achieved by the deadline",
        milestonesDropped: "Dropped",
        contactHeading: "Contact",
        contactNote: "attendance is attended of attended and no-show; excused counts as neither",
        meetings: "Meetings",
        attended: "Attended",
        excused: "Excused",
        noShow: "No-show",
        medianDaysBetween: "Days between attended meetings (median)",
        gaps: "Intervals between attended meetings",
        medianOfOneGap: "{median} (1 interval)",
        medianOfGaps: "{median} ({gaps} intervals)",
        participationHeading: "Group activities",
        participationNote: "participants who came, activities dated in the period",
        activitiesHeld: "Activities",
        attendances: "Times a citizen came",
        participants: "Citizens who came",
        cohortsHeading: "Cohorts by quarter of start (first plan, else registration)",
        cohort: "Started",
        cohortMilestones: "Milestones achieved",
        cohortAttendance: "Attendance",
        cohortMedian: "Days between meetings (median)",
        quarter: "Q{quarter} {year}",
        share: "{count} of {total} ({percent} %)",
        shareOfNothing: "{count} of {total}",
        none: "–",
        printed: "Printed {date}",
        cohortsNotShown: "{count} cohorts by quarter of start: too many for this page; they are in the text, CSV and JSON report",
        dimensions: [
            .qualityOfLife: "Quality of life",
            .selfEsteem: "Self-esteem",
            .relationToSystem: "Relation to the system",
            .socialNetwork: "Social network",
            .health: "Health",
            .housing: "Housing",
            .finances: "Finances",
            .workReadiness: "Work readiness",
        ],
        outcomes: [
            .ownHousing: "Own housing",
            .jobOrdinary: "Ordinary job",
            .jobSpecialTerms: "Job on special terms",
            .jobWageSubsidy: "Wage-subsidy job",
            .flexJob: "Flex job",
            .education: "Education",
            .selfSupporting: "Self-supporting",
            .reducedSupport: "Less support",
            .supportEnded: "Support ended",
            .treatmentStarted: "Treatment started",
            .other: "Other",
        ])

    /// Danish.
    package static let danish = ReportLabels(
        language: "da",
        title: "Resultatopgørelse",
        period: "Periode",
        allTime: "hele tiden",
        periodBetween: "{from} til {to}",
        periodFrom: "fra {from}",
        periodUntil: "til {to}",
        periodStart: "Fra",
        periodEnd: "Til",
        organisation: "Organisation",
        professional: "Fagperson",
        citizens: "Borgere",
        citizensNote: "borgere med en vurdering, et resultat, en milepælsfrist eller et møde i perioden",
        softHeading: "Bløde resultater",
        softNote: "borgere vurderet mindst to gange på et område i perioden; første og sidste score sammenlignet",
        dimension: "Område",
        assessed: "Vurderet",
        improved: "Forbedret",
        same: "Uændret",
        worse: "Forværret",
        hardHeading: "Hårde resultater",
        outcome: "Resultat",
        outcomeCitizens: "Borgere",
        milestonesHeading: "Milepæle med frist i perioden",
        milestonesSet: "Sat",
        milestonesAchieved: "Nået",
        milestonesAchievedByDeadline: "Nået inden fristen",
        milestonesDropped: "Opgivet",
        contactHeading: "Kontakt",
        contactNote: "fremmøde er mødt af mødt og udeblevet; afbud tæller ikke med",
        meetings: "Møder",
        attended: "Mødt",
        excused: "Afbud",
        noShow: "Udeblevet",
        medianDaysBetween: "Dage mellem møder med fremmøde (median)",
        gaps: "Mellemrum mellem møder med fremmøde",
        medianOfOneGap: "{median} (1 mellemrum)",
        medianOfGaps: "{median} ({gaps} mellemrum)",
        participationHeading: "Gruppeaktiviteter",
        participationNote: "deltagere, der kom; aktiviteter dateret i perioden",
        activitiesHeld: "Aktiviteter",
        attendances: "Gange en borger kom",
        participants: "Borgere, der kom",
        cohortsHeading: "Årgange efter kvartal for start (første plan, ellers registrering)",
        cohort: "Startet",
        cohortMilestones: "Milepæle nået",
        cohortAttendance: "Fremmøde",
        cohortMedian: "Dage mellem møder (median)",
        quarter: "{quarter}. kvt. {year}",
        share: "{count} af {total} ({percent} %)",
        shareOfNothing: "{count} af {total}",
        none: "–",
        printed: "Udskrevet {date}",
        cohortsNotShown: "{count} årgange efter kvartal for start: for mange til denne side; de står i rapporten som tekst, CSV og JSON",
        dimensions: [
            .qualityOfLife: "Livskvalitet",
            .selfEsteem: "Selvværd",
            .relationToSystem: "Forhold til systemet",
            .socialNetwork: "Socialt netværk",
            .health: "Helbred",
            .housing: "Bolig",
            .finances: "Økonomi",
            .workReadiness: "Arbejdsparathed",
        ],
        outcomes: [
            .ownHousing: "Egen bolig",
            .jobOrdinary: "Ordinært job",
            .jobSpecialTerms: "Job på særlige vilkår",
            .jobWageSubsidy: "Løntilskudsjob",
            .flexJob: "Fleksjob",
            .education: "Uddannelse",
            .selfSupporting: "Selvforsørgende",
            .reducedSupport: "Mindre støtte",
            .supportEnded: "Støtte afsluttet",
            .treatmentStarted: "Behandling startet",
            .other: "Andet",
        ])
}
