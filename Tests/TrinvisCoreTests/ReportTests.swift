import Testing
@testable import TrinvisCore

@Suite struct ReportTests {
    // MARK: Soft results

    @Test func softComparesFirstAndLastAndLeavesOutCitizensAssessedOnce() throws {
        let data = try ReportData()
        let better = try data.citizen("Ulla")
        try data.assess(better, "2026-01-10", [.qualityOfLife: 3, .selfEsteem: 4])
        try data.assess(better, "2026-02-10", [.qualityOfLife: 1])
        try data.assess(better, "2026-03-10", [.qualityOfLife: 5, .selfEsteem: 4])
        let same = try data.citizen("Per")
        // The middle score does not matter: first 4, last 4.
        try data.assess(same, "2026-01-10", [.qualityOfLife: 4])
        try data.assess(same, "2026-02-10", [.qualityOfLife: 9])
        try data.assess(same, "2026-03-10", [.qualityOfLife: 4, .selfEsteem: 2])
        let worse = try data.citizen("Line")
        try data.assess(worse, "2026-01-10", [.qualityOfLife: 6])
        try data.assess(worse, "2026-03-10", [.qualityOfLife: 2])
        let once = try data.citizen("Bent")
        try data.assess(once, "2026-01-10", [.qualityOfLife: 1, .health: 7])

        let report = try data.report()
        #expect(report.soft(.qualityOfLife) == SoftResult(dimension: .qualityOfLife, assessed: 3, improved: 1, same: 1,
                                                          worse: 1))
        #expect(report.soft(.qualityOfLife)?.improvedPercent == 33)
        // Self-esteem: Ulla twice (same), Per once (left out).
        #expect(report.soft(.selfEsteem) == SoftResult(dimension: .selfEsteem, assessed: 1, same: 1))
        #expect(report.soft(.selfEsteem)?.improvedPercent == 0)
        // Health: only Bent, once.
        #expect(report.soft(.health) == SoftResult(dimension: .health))
        #expect(report.soft(.health)?.improvedPercent == nil)
        #expect(report.soft.map(\.dimension) == AssessmentDimension.allCases)
    }

    @Test func softOrdersByDateAndTheRecordingOrderOnTheSameDate() throws {
        let data = try ReportData()
        // Recorded late with an earlier date: the date decides, not the id.
        let backdated = try data.citizen("Svend")
        try data.assess(backdated, "2026-01-10", [.selfEsteem: 5])
        try data.assess(backdated, "2026-01-01", [.selfEsteem: 8])
        // Two on the same date: the one recorded first (lower id) is first.
        let sameDay = try data.citizen("Jan")
        let earlier = try data.assess(sameDay, "2026-01-05", [.health: 7])
        let later = try data.assess(sameDay, "2026-01-05", [.health: 3])
        #expect(earlier < later)

        let report = try data.report()
        #expect(report.soft(.selfEsteem) == SoftResult(dimension: .selfEsteem, assessed: 1, worse: 1))
        #expect(report.soft(.health) == SoftResult(dimension: .health, assessed: 1, worse: 1))
    }

    // MARK: The period

    @Test func recordsOnTheFirstAndLastDayAreInAndTheDaysAroundAreOut() throws {
        let data = try ReportData()
        let svend = try data.citizen("Svend")
        let plan = try data.plan(svend)
        for (date, score) in [("2026-01-31", 9), ("2026-02-01", 4), ("2026-02-28", 6), ("2026-03-01", 1)] {
            try data.assess(svend, date, [.qualityOfLife: score])
        }
        try data.outcome(svend, "2026-01-31", .jobOrdinary)
        try data.outcome(svend, "2026-02-01", .ownHousing)
        try data.outcome(svend, "2026-02-28", .education)
        try data.outcome(svend, "2026-03-01", .flexJob)
        try data.milestone(plan, deadline: "2026-01-31", .achieved, achievedOn: "2026-01-30")
        try data.milestone(plan, deadline: "2026-02-01", .achieved, achievedOn: "2026-02-01")
        try data.milestone(plan, deadline: "2026-02-28", .dropped)
        try data.milestone(plan, deadline: "2026-03-01", .dropped)
        try data.meeting(svend, "2026-01-31", .noShow)
        try data.meeting(svend, "2026-02-01", .attended)
        try data.meeting(svend, "2026-02-28", .attended)
        try data.meeting(svend, "2026-03-01", .excused)
        // Records only on the days around the period: not counted.
        let outside = try data.citizen("Per")
        try data.outcome(outside, "2026-01-31", .ownHousing)
        try data.meeting(outside, "2026-03-01")
        try data.assess(outside, "2026-03-01", [.health: 5])
        // A single meeting on the last day: counted.
        let lastDay = try data.citizen("Line")
        try data.meeting(lastDay, "2026-02-28", .excused)

        let report = try data.report(from: "2026-02-01", to: "2026-02-28")
        #expect(report.from == day("2026-02-01"))
        #expect(report.to == day("2026-02-28"))
        #expect(report.citizens == 2)
        #expect(report.soft(.qualityOfLife) == SoftResult(dimension: .qualityOfLife, assessed: 1, improved: 1))
        #expect(report.hard(.ownHousing) == 1)
        #expect(report.hard(.education) == 1)
        #expect(report.hard(.jobOrdinary) == 0)
        #expect(report.hard(.flexJob) == 0)
        #expect(report.milestones == MilestoneResults(set: 2, achieved: 1, achievedByDeadline: 1, dropped: 1))
        #expect(report.contact == ContactResults(meetings: 3, attended: 2, excused: 1, noShow: 0, gaps: 1,
                                                 medianDaysBetween: 27))

        // Open ends.
        let fromOnly = try data.report(from: "2026-02-01")
        #expect(fromOnly.to == nil)
        #expect(fromOnly.contact.meetings == 5)
        #expect(fromOnly.milestones.set == 3)
        let toOnly = try data.report(to: "2026-02-28")
        #expect(toOnly.from == nil)
        #expect(toOnly.contact.meetings == 4)
        #expect(toOnly.hard(.jobOrdinary) == 1)
        #expect(toOnly.hard(.ownHousing) == 2)
        let allTime = try data.report()
        #expect(allTime.citizens == 3)
        #expect(allTime.contact.meetings == 6)
        // 9 → 1 over all time.
        #expect(allTime.soft(.qualityOfLife) == SoftResult(dimension: .qualityOfLife, assessed: 1, worse: 1))
    }

    @Test func aMeetingBelongsToItsOwnLocalDate() throws {
        let data = try ReportData()
        let jan = try data.citizen("Jan")
        try data.meeting(jan, "2026-03-01T00:30:00+01:00")  // 2026-02-28 in UTC: in
        try data.meeting(jan, "2026-02-28T23:30:00+00:00")  // out
        try data.meeting(jan, "2026-03-31T23:30:00-02:00")  // 2026-04-01 in UTC: in
        try data.meeting(jan, "2026-04-01T00:30:00+02:00")  // 2026-03-31 in UTC: out

        let report = try data.report(from: "2026-03-01", to: "2026-03-31")
        #expect(report.contact.meetings == 2)
        #expect(report.contact.attended == 2)
        #expect(report.contact.medianDaysBetween == 30)
        #expect(report.citizens == 1)
    }

    @Test func anEmptyPeriodHasZeroCountsAndNoShares() throws {
        let data = try ReportData()
        let empty = try data.report()
        #expect(empty.figures == ResultsFigures.empty)
        #expect(empty.cohorts.isEmpty)

        let svend = try data.citizen("Svend")
        try data.assess(svend, "2026-01-10", [.qualityOfLife: 3])
        try data.assess(svend, "2026-02-10", [.qualityOfLife: 5])
        try data.meeting(svend, "2026-01-10")
        try data.meeting(svend, "2026-01-24")
        try data.milestone(try data.plan(svend), deadline: "2026-02-01", .achieved, achievedOn: "2026-01-20")

        let report = try data.report(from: "2030-01-01", to: "2030-12-31")
        #expect(report.citizens == 0)
        #expect(report.soft.count == AssessmentDimension.allCases.count)
        #expect(report.soft.allSatisfy { $0.assessed == 0 && $0.improvedPercent == nil })
        #expect(report.hard.count == OutcomeKind.allCases.count)
        #expect(report.hard.allSatisfy { $0.citizens == 0 })
        #expect(report.milestones == MilestoneResults())
        #expect(report.milestones.achievedPercent == nil)
        #expect(report.contact == ContactResults())
        #expect(report.contact.attendancePercent == nil)
        #expect(report.contact.medianDaysBetween == nil)
        #expect(report.cohorts.isEmpty)
        // A period whose end lies before its start is empty too.
        #expect(try data.report(from: "2026-03-01", to: "2026-01-01").figures == ResultsFigures.empty)
    }

    // MARK: Contact

    @Test func theMedianOfAnOddNumberOfGapsIsTheMiddleOne() throws {
        let data = try ReportData()
        let svend = try data.citizen("Svend")
        try data.meeting(svend, "2026-01-01")
        try data.meeting(svend, "2026-01-04")
        try data.meeting(svend, "2026-01-14")
        let ulla = try data.citizen("Ulla")
        try data.meeting(ulla, "2026-01-01")
        try data.meeting(ulla, "2026-01-05")
        // Gaps 3, 10 and 4: the median is 4 (the mean would be 5.67).
        let report = try data.report()
        #expect(report.contact.gaps == 3)
        #expect(report.contact.medianDaysBetween == 4)
    }

    @Test func theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwoRoundedHalfUp() throws {
        let data = try ReportData()
        let svend = try data.citizen("Svend")
        try data.meeting(svend, "2026-01-01")
        try data.meeting(svend, "2026-01-04")
        let ulla = try data.citizen("Ulla")
        try data.meeting(ulla, "2026-01-01")
        try data.meeting(ulla, "2026-01-05")
        // Gaps 3 and 4: 3.5 rounds up to 4.
        #expect(try data.report().contact.medianDaysBetween == 4)

        let line = try data.citizen("Line")
        try data.meeting(line, "2026-02-01")
        try data.meeting(line, "2026-02-21")
        try data.meeting(line, "2026-03-01")
        // Gaps 3, 4, 20 and 8: (4 + 8) / 2 = 6.
        let report = try data.report()
        #expect(report.contact.gaps == 4)
        #expect(report.contact.medianDaysBetween == 6)
    }

    @Test func gapsAreBetweenConsecutiveAttendedMeetingsOfOneCitizenInThePeriod() throws {
        let data = try ReportData()
        // No-show and excused meetings in between do not break a gap.
        let svend = try data.citizen("Svend")
        try data.meeting(svend, "2026-01-01")
        try data.meeting(svend, "2026-01-08", .noShow)
        try data.meeting(svend, "2026-01-10", .excused)
        try data.meeting(svend, "2026-01-15")
        #expect(try data.report().contact.medianDaysBetween == 14)
        #expect(try data.report().contact.gaps == 1)

        // Meetings of different citizens never make a gap.
        let other = try ReportData()
        try other.meeting(try other.citizen("Per"), "2026-01-01")
        try other.meeting(try other.citizen("Bent"), "2026-01-03")
        #expect(try other.report().contact.gaps == 0)
        #expect(try other.report().contact.medianDaysBetween == nil)

        // A meeting before the period does not start a gap.
        let period = try ReportData()
        let ulla = try period.citizen("Ulla")
        try period.meeting(ulla, "2026-01-01")
        try period.meeting(ulla, "2026-01-12")
        try period.meeting(ulla, "2026-01-20")
        #expect(try period.report(from: "2026-01-10").contact.medianDaysBetween == 8)
        #expect(try period.report().contact.medianDaysBetween == 10)
    }

    @Test func gapsAreWholeCalendarDays() throws {
        let data = try ReportData()
        let jan = try data.citizen("Jan")
        // Nine hours apart across midnight: one calendar day.
        try data.meeting(jan, "2026-01-01T23:00:00+01:00")
        try data.meeting(jan, "2026-01-02T08:00:00+01:00")
        #expect(try data.report().contact.medianDaysBetween == 1)

        // Two on the same day: a gap of 0; with the gap of 2 the median is 1.
        let same = try ReportData()
        let line = try same.citizen("Line")
        try same.meeting(line, "2026-01-01T09:00:00+01:00")
        try same.meeting(line, "2026-01-01T15:00:00+01:00")
        try same.meeting(line, "2026-01-03T09:00:00+01:00")
        #expect(try same.report().contact.gaps == 2)
        #expect(try same.report().contact.medianDaysBetween == 1)

        // Written in different offsets: the later instant has the earlier local date. Meetings
        // follow each other by local date first, so the gap is 1 day, not -1.
        let offsets = try ReportData()
        let bent = try offsets.citizen("Bent")
        try offsets.meeting(bent, "2026-01-02T00:30:00+02:00")  // 2026-01-01T22:30Z
        try offsets.meeting(bent, "2026-01-01T23:00:00+00:00")
        #expect(try offsets.report().contact.gaps == 1)
        #expect(try offsets.report().contact.medianDaysBetween == 1)
    }

    @Test func attendanceIsAttendedOfAttendedAndNoShowWithExcusedLeftOut() throws {
        let data = try ReportData()
        let ulla = try data.citizen("Ulla")
        for date in ["2026-01-01", "2026-01-15", "2026-01-29"] { try data.meeting(ulla, date, .attended) }
        try data.meeting(ulla, "2026-02-12", .noShow)
        for date in ["2026-02-26", "2026-03-12", "2026-03-26", "2026-04-09"] { try data.meeting(ulla, date, .excused) }

        let contact = try data.report().contact
        #expect(contact.meetings == 8)
        #expect(contact.attended == 3)
        #expect(contact.noShow == 1)
        #expect(contact.excused == 4)
        #expect(contact.attendancePercent == 75)  // 3 of 4, not 3 of 8

        let twoOfThree = try ReportData()
        let bent = try twoOfThree.citizen("Bent")
        try twoOfThree.meeting(bent, "2026-01-01")
        try twoOfThree.meeting(bent, "2026-01-02")
        try twoOfThree.meeting(bent, "2026-01-03", .noShow)
        #expect(try twoOfThree.report().contact.attendancePercent == 67)
    }

    // MARK: Milestones and hard results

    @Test func milestonesAreCountedByStatusAndDeadline() throws {
        let data = try ReportData()
        let plan = try data.plan(try data.citizen("Svend"), start: "2026-01-01")
        try data.milestone(plan, deadline: "2026-03-01", .achieved, achievedOn: "2026-02-20")
        try data.milestone(plan, deadline: "2026-03-01", .achieved, achievedOn: "2026-03-01")
        try data.milestone(plan, deadline: "2026-03-01", .achieved, achievedOn: "2026-03-05")
        try data.milestone(plan, deadline: "2026-03-01", .dropped)
        try data.milestone(plan, deadline: "2026-03-01", .planned)
        try data.milestone(plan, deadline: "2026-03-01", .inProgress)
        try data.milestone(plan, deadline: "2026-03-01", .adjusted)

        let milestones = try data.report().milestones
        #expect(milestones == MilestoneResults(set: 7, achieved: 3, achievedByDeadline: 2, dropped: 1))
        #expect(milestones.achievedPercent == 43)  // 42.86
    }

    @Test func oneMilestoneAchievedOfEightRoundsUpToThirteenPercent() throws {
        let data = try ReportData()
        let svend = try data.citizen("Svend")
        let first = try data.plan(svend, start: "2026-01-01")
        let second = try data.plan(svend, start: "2026-02-01")
        try data.milestone(first, deadline: "2026-01-10", .achieved, achievedOn: "2026-01-09")
        for day in 11...14 { try data.milestone(first, deadline: "2026-01-\(day)") }
        for day in 11...13 { try data.milestone(second, deadline: "2026-02-\(day)") }

        let milestones = try data.report().milestones
        #expect(milestones.set == 8)
        #expect(milestones.achieved == 1)
        #expect(milestones.achievedPercent == 13)
    }

    @Test func hardResultsCountDistinctCitizensPerKindInTheEnumerationOrder() throws {
        let data = try ReportData()
        let jan = try data.citizen("Jan")
        try data.outcome(jan, "2026-01-01", .ownHousing)
        try data.outcome(jan, "2026-05-01", .ownHousing)
        try data.outcome(jan, "2026-06-01", .flexJob)
        let bent = try data.citizen("Bent")
        try data.outcome(bent, "2026-03-01", .ownHousing)
        try data.outcome(bent, "2026-04-01", .other)

        let report = try data.report()
        #expect(report.hard.map(\.kind) == OutcomeKind.allCases)
        #expect(report.hard(.ownHousing) == 2)
        #expect(report.hard(.flexJob) == 1)
        #expect(report.hard(.other) == 1)
        #expect(report.hard.map(\.citizens).reduce(0, +) == 4)
        #expect(report.citizens == 2)
    }

    // MARK: Who is in the report

    @Test func citizensAreThoseWithAnAssessmentOutcomeMilestoneOrMeetingInThePeriod() throws {
        let data = try ReportData()
        let company = try data.organisation("Kværndrup Kro", kind: .company)
        let placed = try data.citizen("Per")
        try data.writer.create(Placement(citizenID: placed, companyID: company, kind: .internship, from: day("2026-02-01")))
        try data.writer.create(Story(citizenID: placed, date: day("2026-02-01"), title: "Working", text: "…"))
        _ = try data.plan(try data.citizen("Only a plan"), start: "2026-02-01")
        try data.assess(try data.citizen("Ulla"), "2026-02-01", [.housing: 5])
        try data.outcome(try data.citizen("Jan"), "2026-02-01", .ownHousing)
        try data.milestone(try data.plan(try data.citizen("Line")), deadline: "2026-02-01")
        try data.meeting(try data.citizen("Bent"), "2026-02-01", .excused)
        _ = try data.citizen("Nothing")

        #expect(try data.report().citizens == 4)
        #expect(try data.report(from: "2026-02-02").citizens == 0)
    }

    @Test func theOrganisationFilterKeepsItsRegisteredCitizens() throws {
        let data = try ReportData()
        let ryslinge = try data.organisation("Jobcenter Ryslinge")
        let fundamentet = try data.organisation("Værestedet Fundamentet", kind: .dropInCentre)
        let svend = try data.citizen("Svend", organisation: ryslinge)
        let jan = try data.citizen("Jan", organisation: fundamentet)
        let line = try data.citizen("Line")
        try data.meeting(svend, "2026-01-01")
        try data.meeting(jan, "2026-01-01")
        try data.meeting(jan, "2026-01-15", .noShow)
        try data.meeting(line, "2026-01-01")
        try data.outcome(svend, "2026-02-01", .jobWageSubsidy)

        let report = try data.report(organisation: ryslinge)
        #expect(report.organisation?.name == "Jobcenter Ryslinge")
        #expect(report.citizens == 1)
        #expect(report.contact.meetings == 1)
        #expect(report.hard(.jobWageSubsidy) == 1)
        let other = try data.report(organisation: fundamentet)
        #expect(other.citizens == 1)
        #expect(other.contact.meetings == 2)
        #expect(other.hard(.jobWageSubsidy) == 0)
        #expect(try data.report().citizens == 3)

        #expect(throws: StoreError.notFound(kind: "organisation", id: 999)) {
            try data.report(organisation: OrganisationID(999))
        }
    }

    @Test func theProfessionalFilterKeepsTheCitizensWhoseTeamIncludesThem() throws {
        let data = try ReportData()
        let ryslinge = try data.organisation("Jobcenter Ryslinge")
        let inger = try data.professional("Inger Holm", organisation: ryslinge)
        let svend = try data.citizen("Svend", organisation: ryslinge)
        let jan = try data.citizen("Jan")
        try data.team(jan, inger)
        try data.meeting(svend, "2026-01-01")
        try data.meeting(jan, "2026-01-01")
        try data.meeting(jan, "2026-01-03")

        let report = try data.report(professional: inger)
        #expect(report.professional?.name == "Inger Holm")
        #expect(report.citizens == 1)
        #expect(report.contact.meetings == 2)
        #expect(report.contact.medianDaysBetween == 2)
        // Both filters: registered with Ryslinge and in Inger's team: no one.
        #expect(try data.report(organisation: ryslinge, professional: inger).citizens == 0)
    }

    @Test func theReportCountsOnlyCitizensTheActorMaySee() throws {
        let data = try ReportData(username: "inger", policy: .organisation)
        let ryslinge = try data.organisation("Jobcenter Ryslinge")
        let fundamentet = try data.organisation("Værestedet Fundamentet", kind: .dropInCentre)
        _ = try data.professional("Inger Holm", username: "inger", organisation: ryslinge)
        try data.workspace.refreshActor()
        try data.meeting(try data.citizen("Svend", organisation: ryslinge), "2026-01-01")
        try data.meeting(try data.citizen("Jan", organisation: fundamentet), "2026-01-01")
        try data.outcome(try data.citizen("Line", organisation: fundamentet), "2026-01-01", .education)

        let report = try data.report()
        #expect(report.citizens == 1)
        #expect(report.contact.meetings == 1)
        #expect(report.hard(.education) == 0)
        #expect(try data.writer.resultsReport().citizens == 3)
    }

    // MARK: Cohorts

    @Test func cohortsGroupCitizensByTheQuarterOfTheirFirstPlanElseTheirRegistration() throws {
        let data = try ReportData()
        let svend = try data.citizen("Svend", registered: "2025-11-01")
        _ = try data.plan(svend, start: "2026-07-01")
        _ = try data.plan(svend, start: "2026-04-15")
        try data.meeting(svend, "2026-05-01")
        try data.meeting(svend, "2026-05-08")
        let ulla = try data.citizen("Ulla", registered: "2025-11-01")
        try data.meeting(ulla, "2026-05-01", .noShow)
        let line = try data.citizen("Line", registered: "2026-02-10")
        _ = try data.plan(line, start: "2026-03-31")
        try data.outcome(line, "2026-06-01", .education)
        // Started in 2024 but no record in the period: no cohort.
        _ = try data.citizen("Bent", registered: "2024-02-01")

        let report = try data.report(from: "2026-01-01")
        #expect(report.cohorts.map(\.quarter.description) == ["2025-Q4", "2026-Q1", "2026-Q2"])
        #expect(report.cohorts.map(\.figures.citizens) == [1, 1, 1])
        #expect(report.cohorts[0].figures.contact == ContactResults(meetings: 1, noShow: 1))
        #expect(report.cohorts[1].figures.hard.first { $0.kind == .education }?.citizens == 1)
        #expect(report.cohorts[2].figures.contact == ContactResults(meetings: 2, attended: 2, gaps: 1,
                                                                    medianDaysBetween: 7))
        #expect(report.citizens == 3)
        #expect(report.contact == ContactResults(meetings: 3, attended: 2, noShow: 1, gaps: 1, medianDaysBetween: 7))
    }

    @Test func quartersKnowTheirDaysAndOrder() {
        let first = Quarter(containing: day("2026-03-31"))
        #expect(first.description == "2026-Q1")
        #expect(first.firstDay == day("2026-01-01"))
        #expect(first.lastDay == day("2026-03-31"))
        let fourth = Quarter(containing: day("2024-10-01"))
        #expect(fourth.number == 4)
        #expect(fourth.lastDay == day("2024-12-31"))
        #expect(Quarter(index: first.index) == first)
        #expect(Quarter(index: fourth.index + 1) == Quarter(containing: day("2025-01-01")))
        #expect(fourth < first)
        #expect(ReportLabels.english.name(of: first) == "Q1 2026")
        #expect(ReportLabels.danish.name(of: fourth) == "4. kvt. 2024")
    }

    // MARK: Arithmetic

    @Test func percentagesRoundHalfUpWithIntegers() {
        #expect(ReportArithmetic.percent(1, of: 8) == 13)  // 12.5
        #expect(ReportArithmetic.percent(7, of: 8) == 88)  // 87.5
        #expect(ReportArithmetic.percent(2, of: 3) == 67)  // 66.67
        #expect(ReportArithmetic.percent(1, of: 3) == 33)  // 33.33
        #expect(ReportArithmetic.percent(1, of: 200) == 1)  // 0.5
        #expect(ReportArithmetic.percent(199, of: 200) == 100)  // 99.5
        #expect(ReportArithmetic.percent(60, of: 67) == 90)  // 89.55
        #expect(ReportArithmetic.percent(0, of: 5) == 0)
        #expect(ReportArithmetic.percent(5, of: 5) == 100)
        #expect(ReportArithmetic.percent(0, of: 0) == nil)
        #expect(ReportArithmetic.percent(3, of: 0) == nil)
    }

    @Test func mediansOfCountedValues() {
        #expect(ReportArithmetic.median(of: [:]) == nil)
        #expect(ReportArithmetic.median(of: [14: 1]) == 14)
        #expect(ReportArithmetic.median(of: [3: 1, 10: 1, 4: 1]) == 4)
        #expect(ReportArithmetic.median(of: [3: 1, 4: 1]) == 4)  // 3.5
        #expect(ReportArithmetic.median(of: [2: 1, 5: 1]) == 4)  // 3.5
        #expect(ReportArithmetic.median(of: [2: 1, 4: 1]) == 3)
        #expect(ReportArithmetic.median(of: [7: 5, 100: 4]) == 7)
        #expect(ReportArithmetic.median(of: [7: 4, 100: 4]) == 54)  // 53.5
        #expect(ReportArithmetic.median(of: [0: 3, 1: 1]) == 0)
    }
}
