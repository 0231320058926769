import Foundation
@testable import TrinvisCore

/// A workspace on a fresh file with short-hands for the records the results report counts.
struct ReportData {
    let fixture: Fixture
    /// The workspace the data is written through (unrestricted).
    let writer: Workspace

    init(username: String = "inger", policy: AccessPolicy = .unrestricted) throws {
        fixture = try Fixture(username: username, policy: policy)
        writer = policy == .unrestricted ? fixture.workspace : try fixture.secondWorkspace(username: "admin")
    }

    /// The workspace the report is read through.
    var workspace: Workspace { fixture.workspace }

    func organisation(_ name: String, kind: OrganisationKind = .municipality) throws -> OrganisationID {
        try writer.create(Organisation(name: name, kind: kind)).id
    }

    func professional(_ name: String, username: String? = nil, organisation: OrganisationID? = nil) throws
        -> ProfessionalID {
        try writer.create(Professional(name: name, role: .caseworker, organisationID: organisation, username: username)).id
    }

    func citizen(_ name: String = "Svend Madsen", registered: String = "2020-01-01",
                 organisation: OrganisationID? = nil) throws -> CitizenID {
        try writer.create(Citizen(name: name, registeredOn: day(registered), organisationID: organisation)).id
    }

    func team(_ citizen: CitizenID, _ professional: ProfessionalID) throws {
        try writer.create(TeamMember(citizenID: citizen, professionalID: professional, responsible: true,
                                     from: day("2020-01-01")))
    }

    @discardableResult
    func assess(_ citizen: CitizenID, _ date: String, _ scores: [AssessmentDimension: Int]) throws -> AssessmentID {
        try writer.create(Assessment(citizenID: citizen, date: day(date), scores: scores)).id
    }

    func outcome(_ citizen: CitizenID, _ date: String, _ kind: OutcomeKind) throws {
        try writer.create(Outcome(citizenID: citizen, date: day(date), kind: kind))
    }

    func plan(_ citizen: CitizenID, start: String = "2020-01-01") throws -> PlanID {
        try writer.create(Plan(citizenID: citizen, goal: "Own flat and a job", start: day(start))).id
    }

    func milestone(_ plan: PlanID, deadline: String, _ status: MilestoneStatus = .planned,
                   achievedOn: String? = nil) throws {
        try writer.create(Milestone(planID: plan, title: "Step", deadline: day(deadline), status: status,
                                    achievedOn: achievedOn.map(day)))
    }

    /// A meeting at an ISO date-time with offset, or at 10:00+01:00 on a plain date.
    func meeting(_ citizen: CitizenID, _ at: String, _ attendance: Attendance = .attended) throws {
        let time = at.count == 10 ? instant(at + "T10:00:00+01:00") : instant(at)
        try writer.create(Meeting(citizenID: citizen, at: time, attendance: attendance))
    }

    func report(from: String? = nil, to: String? = nil, organisation: OrganisationID? = nil,
                professional: ProfessionalID? = nil) throws -> ResultsReport {
        try workspace.resultsReport(from: from.map(day), to: to.map(day), organisation: organisation,
                                    professional: professional)
    }
}

extension ResultsReport {
    func soft(_ dimension: AssessmentDimension) -> SoftResult? {
        soft.first { $0.dimension == dimension }
    }

    func hard(_ kind: OutcomeKind) -> Int? {
        hard.first { $0.kind == kind }?.citizens
    }
}

extension ResultsFigures {
    /// Figures with only the given parts changed from zero.
    static func with(citizens: Int = 0, soft: [SoftResult] = [], hard: [HardResult] = [],
                     milestones: MilestoneResults = MilestoneResults(), contact: ContactResults = ContactResults())
        -> ResultsFigures {
        var figures = ResultsFigures.empty
        figures.citizens = citizens
        for row in soft {
            if let index = figures.soft.firstIndex(where: { $0.dimension == row.dimension }) { figures.soft[index] = row }
        }
        for row in hard {
            if let index = figures.hard.firstIndex(where: { $0.kind == row.kind }) { figures.hard[index] = row }
        }
        figures.milestones = milestones
        figures.contact = contact
        return figures
    }
}
