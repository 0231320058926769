import Foundation
import Testing
@testable import TrinvisCore

/// A municipality with a job consultant (no administrator), a drop-in centre with a coach, and
/// a citizen of each.
private struct CompanyWorld {
    let fixture: Fixture
    let municipality: Organisation
    let dropIn: Organisation
    let consultant: Professional
    let coach: Professional
    let bent: Citizen
    let jan: Citizen

    init() throws {
        fixture = try Fixture(username: "admin")
        let admin = fixture.workspace
        municipality = try admin.create(Organisation(name: "Jobcenter Ryslinge", kind: .municipality))
        dropIn = try admin.create(Organisation(name: "Værestedet", kind: .dropInCentre))
        consultant = try admin.create(Professional(name: "Henrik Lund", role: .jobConsultant, organisationID: municipality.id,
                                                   username: "henrik"))
        coach = try admin.create(Professional(name: "Sanne Østergaard", role: .dropInCounselor, organisationID: dropIn.id,
                                              username: "sanne"))
        bent = try admin.create(Citizen(name: "Bent Ørsted", registeredOn: day("2026-01-05"), organisationID: municipality.id))
        jan = try admin.create(Citizen(name: "Jan Bækgaard", registeredOn: day("2026-01-05"), organisationID: dropIn.id))
    }

    /// A workspace of one of the professionals, under the organisation rule.
    func workspace(_ username: String) throws -> Workspace {
        let clock = fixture.clock
        return try Workspace(path: fixture.path, username: username, policy: .organisation, clock: { clock.now })
    }
}

@Suite struct CompanyRegisterTests {
    @Test func everyProfessionalKeepsTheRegisterButOnlyAdministratorsOtherOrganisations() throws {
        let world = try CompanyWorld()
        let henrik = try world.workspace("henrik")
        var kro = try henrik.create(Organisation(name: "Kværndrup Kro", kind: .company, trade: "Kro og restaurant",
                                                 contactPerson: "Mads Kjær", phone: "+45 62 00 30 01",
                                                 email: "mads@kro.example", notes: "Tager praktikanter"))
        kro.trade = "Kro, restaurant og selskaber"
        kro = try henrik.update(kro)
        #expect(try henrik.get(Organisation.self, id: kro.id).trade == "Kro, restaurant og selskaber")
        // A company cannot become a municipality, nor a municipality be changed, by a non-administrator.
        var turned = kro
        turned.kind = .municipality
        #expect(throws: StoreError.administratorsOnly) { try henrik.update(turned) }
        var renamed = world.municipality
        renamed.name = "Mit jobcenter"
        #expect(throws: StoreError.administratorsOnly) { try henrik.update(renamed) }
        #expect(throws: StoreError.administratorsOnly) {
            try henrik.create(Organisation(name: "Egen kommune", kind: .municipality))
        }
        // The change is logged as a change (not as an administrator's work), with no citizen.
        let details = try henrik.database.fetchAll("SELECT action, detail FROM access_log WHERE account = 'henrik' ORDER BY id") {
            (try $0.get(0) as String) + " " + (try $0.get(1) as String)
        }
        #expect(details == ["change organisation \(kro.id) created", "change organisation \(kro.id) updated"])
        // A bad e-mail address is refused beside its field.
        let bad = Organisation(name: "Faber", kind: .company, email: "ikke en adresse")
        #expect(try henrik.problems(of: bad).map(\.field) == ["email"])
    }

    @Test func theRegisterCountsOnlyThePlacementsOfCitizensOneMaySee() throws {
        let world = try CompanyWorld()
        let admin = world.fixture.workspace
        let kro = try admin.create(Organisation(name: "Kværndrup Kro", kind: .company))
        let faber = try admin.create(Organisation(name: "Faber A/S", kind: .company))
        try admin.create(Placement(citizenID: world.bent.id, companyID: kro.id, kind: .internship, from: day("2026-01-10"),
                                   to: day("2026-02-10"), result: .completed))
        try admin.create(Placement(citizenID: world.bent.id, companyID: kro.id, kind: .wageSubsidy, from: day("2026-02-11")))
        try admin.create(Placement(citizenID: world.jan.id, companyID: kro.id, kind: .internship, from: day("2026-02-01")))

        let henrik = try world.workspace("henrik")
        let register = try henrik.companies(page: .first(10)).items
        #expect(register.map(\.company.name) == ["Faber A/S", "Kværndrup Kro"])
        #expect(register.map(\.placements) == [0, 2])
        #expect(register.map(\.ongoing) == [0, 1])
        // The company's view: Bent's two, the running one first, and not Jan's.
        let view = try henrik.companyPlacements(kro.id)
        #expect(view.placements.map(\.citizenName) == ["Bent Ørsted", "Bent Ørsted"])
        #expect(view.placements.map(\.placement.result) == [.ongoing, .completed])
        #expect(try henrik.companyPlacements(faber.id).placements.isEmpty)
        // Who was shown is a logged look-up.
        try henrik.flushAccessLog()
        let lookups = try henrik.database.fetchAll(
            "SELECT citizen_id FROM access_log WHERE account = 'henrik' AND action = 'view'") { try $0.get(0) as Int64 }
        #expect(lookups == [world.bent.id.rawValue])
        // A page at a time.
        let first = try henrik.companies(page: .first(1))
        #expect(first.items.count == 1)
        #expect(first.next != nil)
        if let cursor = first.next {
            #expect(try henrik.companies(page: PageRequest(limit: 1, after: cursor)).items.map(\.company.name) == ["Kværndrup Kro"])
        }
    }

    @Test func bentsWageSubsidyJobBecomesAPermanentJobAsItHappened() throws {
        let world = try CompanyWorld()
        let henrik = try world.workspace("henrik")
        let kro = try henrik.create(Organisation(name: "Kværndrup Kro", kind: .company))
        try henrik.create(Placement(citizenID: world.bent.id, companyID: kro.id, kind: .internship, from: day("2026-01-10"),
                                    to: day("2026-02-10"), result: .completed, note: "Mødte hver dag"))
        var subsidy = try henrik.create(Placement(citizenID: world.bent.id, companyID: kro.id, kind: .wageSubsidy,
                                                  from: day("2026-02-11"), to: day("2026-08-10")))
        #expect(try henrik.proposedOutcome(for: subsidy) == nil, "a running placement proposes nothing")
        subsidy.result = .hired
        subsidy.to = day("2026-03-01")
        subsidy.note = "Fastansat på fuld tid i køkkenet"
        subsidy = try henrik.update(subsidy)
        let proposal = try #require(try henrik.proposedOutcome(for: subsidy))
        #expect(proposal.kind == .jobOrdinary)
        #expect(proposal.date == day("2026-03-01"))
        #expect(proposal.note == "Kværndrup Kro")
        try henrik.create(proposal)
        #expect(try henrik.proposedOutcome(for: subsidy) == nil, "recorded once, not proposed again")
        // A flex-job placement hired proposes a flex job.
        var flex = Placement(citizenID: world.bent.id, companyID: kro.id, kind: .flexJob, from: day("2026-03-02"))
        flex.result = .hired
        #expect(flex.hiredOutcomeKind == .flexJob)
        let saved = try henrik.get(Placement.self, id: subsidy.id)
        #expect(saved.note == "Fastansat på fuld tid i køkkenet")
        #expect(saved.result == .hired)
    }

    @Test func aCompanysViewKeepsTheRunningAndNewestPlacementsWhenItIsCutShort() throws {
        let world = try CompanyWorld()
        let henrik = try world.workspace("henrik")
        let kro = try henrik.create(Organisation(name: "Kværndrup Kro", kind: .company))
        for month in 1...3 {
            try henrik.create(Placement(citizenID: world.bent.id, companyID: kro.id, kind: .internship, from: day("2025-0\(month)-01"),
                                        to: day("2025-0\(month)-20"), result: .completed))
        }
        let running = try henrik.create(Placement(citizenID: world.bent.id, companyID: kro.id, kind: .wageSubsidy, from: day("2026-02-11")))
        let shown = try henrik.companyPlacements(kro.id, limit: 2).placements.map(\.placement)
        #expect(shown.count == 2)
        #expect(shown.first?.id == running.id, "the running placement comes first")
        #expect(shown.last?.from == day("2025-03-01"), "then the newest of the ended ones")
    }

    @Test func undoingAddedCompanyNeedsNoAdministrator() throws {
        let world = try CompanyWorld()
        let henrik = try world.workspace("henrik")
        henrik.recordChangesForUndo()
        let kro = try henrik.create(Organisation(name: "Kværndrup Kro", kind: .company))
        #expect(try henrik.undo() != nil)
        #expect(try world.fixture.workspace.fetch(Organisation.self, id: kro.id) == nil)
        #expect(try henrik.redo() != nil)
        #expect(try world.fixture.workspace.fetch(Organisation.self, id: kro.id)?.name == "Kværndrup Kro")
    }
}

@Suite struct CompanionMeetingTests {
    @Test func aCompanionMeetingShowsInTheAgendaOfWhoGoesAlong() throws {
        let world = try CompanyWorld()
        let admin = world.fixture.workspace
        // Sanne is not in Jan's team; she goes along to the municipality on Thursday.
        let at = instant("2026-03-05T10:00:00+01:00")
        let companion = Companion(authority: "Jobcenter Ryslinge", with: "sagsbehandler Inger Holm",
                                  purpose: "Fleksjob: visitation", result: "", professionalID: world.coach.id)
        let meeting = try admin.create(Meeting(citizenID: world.jan.id, at: at, kind: .companion, place: "Rådhuset",
                                               companion: companion))
        #expect(try admin.get(Meeting.self, id: meeting.id).companion == companion)

        let sanne = try world.workspace("sanne")
        let agenda = try sanne.agenda()
        let item = try #require(agenda.first { if case .companion = $0.kind { return true } else { return false } })
        #expect(item.citizenName == "Jan Bækgaard")
        #expect(item.date == day("2026-03-05"))
        #expect(item.kind == .companion(try admin.get(Meeting.self, id: meeting.id)))
        // Henrik does not go along: not in his agenda.
        let henrik = try world.workspace("henrik")
        #expect(try henrik.agenda().allSatisfy { if case .companion = $0.kind { return false } else { return true } })
        // A past one is history, not agenda.
        world.fixture.clock.now = instant("2026-03-06T09:00:00+01:00")
        #expect(try sanne.agenda().allSatisfy { if case .companion = $0.kind { return false } else { return true } })
        // In the citizen's history it stays.
        #expect(try sanne.meetingHistory(of: world.jan.id, page: .first(10)).items.map(\.meeting.kind) == [.companion])
    }

    @Test func aCompanionMeetingBookedAheadLeavesTheAgreedFollowUpInForce() throws {
        let world = try CompanyWorld()
        let admin = world.fixture.workspace
        try admin.create(TeamMember(citizenID: world.jan.id, professionalID: world.coach.id, responsible: true,
                                    from: day("2026-01-05")))
        // The last conversation (1 March) agreed the next one on 15 March; on 2 March the coach
        // books a companion meeting for 10 March.
        try admin.create(Meeting(citizenID: world.jan.id, at: instant("2026-03-01T10:00:00+01:00"),
                                 nextMeeting: instant("2026-03-15T10:00:00+01:00")))
        try admin.create(Meeting(citizenID: world.jan.id, at: instant("2026-03-10T10:00:00+01:00"), kind: .companion,
                                 companion: Companion(authority: "Jobcenter", professionalID: world.coach.id)))
        let sanne = try world.workspace("sanne")
        #expect(try sanne.citizenSummary(world.jan.id)?.nextMeeting == instant("2026-03-15T10:00:00+01:00"))
        #expect(try sanne.comingMeetings().map(\.at) == [instant("2026-03-15T10:00:00+01:00")])
        let kinds = try sanne.agenda().map { item -> String in
            switch item.kind {
            case .meeting: return "meeting"
            case .companion: return "companion"
            default: return "other"
            }
        }
        #expect(kinds == ["companion", "meeting"])
        // Once it has begun, it is the latest meeting like any other.
        world.fixture.clock.now = instant("2026-03-10T11:00:00+01:00")
        #expect(try sanne.citizenSummary(world.jan.id)?.nextMeeting == nil)
    }

    @Test func anotherKindKeepsNoCompanionDetails() throws {
        let world = try CompanyWorld()
        var meeting = Meeting(citizenID: world.jan.id, at: instant("2026-03-05T10:00:00+01:00"), kind: .conversation,
                              companion: Companion(authority: "Ydelseskontoret", professionalID: world.coach.id))
        meeting = try world.fixture.workspace.create(meeting)
        #expect(meeting.companion.isEmpty)
    }

    @Test func companiesPlacementNotesAndCompanionMeetingsTravelAsExtensions() throws {
        let world = try CompanyWorld()
        let admin = world.fixture.workspace
        let kro = try admin.create(Organisation(name: "Kværndrup Kro", kind: .company, trade: "Kro", contactPerson: "Mads Kjær",
                                                phone: "+45 62 00 30 01", email: "mads@kro.example", notes: "Mentor: Mads"))
        try admin.create(Placement(citizenID: world.bent.id, companyID: kro.id, kind: .wageSubsidy, from: day("2026-02-11"),
                                   to: day("2026-03-01"), result: .hired, note: "Fastansat"))
        try admin.create(Meeting(citizenID: world.jan.id, at: instant("2026-03-05T10:00:00+01:00"), kind: .companion,
                                 companion: Companion(authority: "Jobcenter", with: "Inger", purpose: "Fleksjob",
                                                      result: "Visiteret", professionalID: world.coach.id)))
        let text = try InterchangeExporter(workspace: admin).text(exportedAt: instant("2026-03-06T09:00:00+01:00"))
        #expect(text.contains("\"x-trade\": \"Kro\""))
        #expect(text.contains("\"x-contact-person\": \"Mads Kjær\""))
        #expect(text.contains("\"x-note\": \"Fastansat\""))
        #expect(text.contains("\"x-companion\""))

        let other = try Fixture(username: "admin")
        _ = try other.workspace.importDocument(text: text)
        let company = try #require(try other.workspace.all(Organisation.self).first { $0.kind == .company })
        #expect(company.trade == "Kro")
        #expect(company.contactPerson == "Mads Kjær")
        #expect(company.phone == "+45 62 00 30 01")
        #expect(company.email == "mads@kro.example")
        #expect(company.notes == "Mentor: Mads")
        let placement = try #require(try other.workspace.all(Placement.self).first)
        #expect(placement.note == "Fastansat")
        let meeting = try #require(try other.workspace.all(Meeting.self).first { $0.kind == .companion })
        #expect(meeting.companion.authority == "Jobcenter")
        #expect(meeting.companion.result == "Visiteret")
        let coach = try #require(meeting.companion.professionalID)
        #expect(try other.workspace.get(Professional.self, id: coach).name == "Sanne Østergaard")
        // The same document exported again is the same.
        #expect(try InterchangeExporter(workspace: other.workspace).text(exportedAt: instant("2026-03-06T09:00:00+01:00"))
                    .contains("\"x-companion\""))
    }
}
