import Testing
@testable import TrinvisCore

/// Every problem of a record at once, so that a form can show each beside its field after one
/// save, while `create` and `update` still refuse the record as a whole.
@Suite struct ValidationProblemsTests {
    @Test func aCitizenWithSeveralProblemsReportsEveryOne() throws {
        let citizen = Citizen(name: "  ", cpr: CPR("0101921234"), birthDate: day("1992-01-02"), email: "line at example",
                              life: String(repeating: "x", count: Check.textLimit + 1), registeredOn: day("2026-01-01"),
                              meetingIntervalDays: 0)
        let fields = citizen.validationProblems.map(\.field)
        #expect(fields == ["name", "email", "life", "cpr", "meeting_interval_days"])
        #expect(citizen.validationProblems.contains(ValidationError(field: "meeting_interval_days", problem: .outOfRange(1...365))))
        // `validated()` throws the first of them, as before.
        #expect(throws: ValidationError(field: "name", problem: .required)) { try citizen.validated() }
        let fine = Citizen(name: " Åse ", registeredOn: day("2026-01-01"))
        #expect(fine.validationProblems.isEmpty)
        #expect(try fine.validated().name == "Åse")
    }

    @Test func theWorkspaceAddsTheChecksAgainstOtherRecordsAndSavesNothing() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        let early = Milestone(planID: world.plan.id, title: " ", deadline: day("2026-01-09"), status: .achieved)
        let problems = try workspace.problems(of: early)
        #expect(problems == [ValidationError(field: "title", problem: .required),
                             ValidationError(field: "achieved_on", problem: .required),
                             ValidationError(field: "deadline", problem: .before(field: "start", date: day("2026-01-10")))])
        #expect(try workspace.problems(of: Milestone(planID: world.plan.id, title: "Fint", deadline: day("2026-02-01"))).isEmpty)
        let consent = Consent(citizenID: world.citizen.id, scope: .shareBetweenOrganisations, givenOn: day("2026-03-01"),
                              expiresOn: day("2026-02-01"), withdrawnOn: day("2026-01-01"), categories: [])
        #expect(try workspace.problems(of: consent).map(\.field) == ["expires_on", "withdrawn_on", "categories"])
        #expect(try workspace.database.scalar("SELECT count(*) FROM milestone") == .integer(1))
        #expect(try workspace.database.scalar("SELECT count(*) FROM consent") == .integer(0))
    }

    @Test func theDanishMessagesWriteDatesTheDanishWay() {
        let error = ValidationError(field: "Slut", problem: .before(field: "Start", date: day("2026-05-01")))
        #expect(Localizer(.danish)(.store(.invalid(error))) == "Slut: ligger før Start (01.05.2026)")
        #expect(Localizer(.english)(.store(.invalid(error))) == "Slut: lies before Start (2026-05-01)")
        #expect(Localizer(.danish)(.problem(error.problem)) == "ligger før Start (01.05.2026)")
        #expect(ReportLabels.danish.period(from: day("2026-11-01"), to: day("2026-11-30")) == "01.11.2026 til 30.11.2026")
        #expect(ReportLabels.english.period(from: day("2026-11-01"), to: nil) == "from 2026-11-01")
    }
}
