import Testing
@testable import TrinvisCore

@Suite struct OverviewTests {
    /// Today in the fixture is 2026-03-02.
    @Test func summariesShowNextMeetingOverdueItemsAndMine() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)  // Svend, plan from 2026-01-10, milestone due 2026-01-31, meeting 2026-01-24
        try workspace.create(TeamMember(citizenID: world.citizen.id, professionalID: world.professional.id,
                                        responsible: true, from: day("2026-01-10")))
        let other = try workspace.create(Citizen(name: "Ulla Brandt", registeredOn: day("2026-01-01")))
        try workspace.create(Agreement(meetingID: world.meeting.id, text: "Ringe til lægen", due: day("2026-02-01")))
        try workspace.create(Agreement(meetingID: world.meeting.id, text: "Gjort", due: day("2026-02-01"), doneOn: day("2026-01-30")))
        try workspace.create(Agreement(meetingID: world.meeting.id, text: "Senere", due: day("2026-03-10")))
        var latest = try workspace.create(Meeting(citizenID: world.citizen.id, at: instant("2026-02-20T10:00:00+01:00")))
        latest.nextMeeting = instant("2026-03-06T10:00:00+01:00")
        try workspace.update(latest)

        let page = try workspace.citizenSummaries(page: .first(10))
        #expect(page.items.map(\.citizen.name) == ["Svend Madsen", "Ulla Brandt"])
        let svend = page.items[0]
        #expect(svend.isMine)
        #expect(svend.overdue == 2)  // the milestone due 31 January and one agreement
        #expect(svend.nextMeeting == instant("2026-03-06T10:00:00+01:00"))
        let ulla = page.items[1]
        #expect(!ulla.isMine && ulla.overdue == 0 && ulla.nextMeeting == nil)
        #expect(try workspace.citizenSummary(other.id) == ulla)
    }

    @Test func meetingHistoryCarriesAgreements() throws {
        let fixture = try Fixture()
        let world = try World(fixture.workspace)
        let agreement = try fixture.workspace.create(Agreement(meetingID: world.meeting.id, text: "Svend ringer"))
        let later = try fixture.workspace.create(Meeting(citizenID: world.citizen.id, at: instant("2026-02-07T10:00:00+01:00")))
        let history = try fixture.workspace.meetingHistory(of: world.citizen.id, page: .first(10))
        #expect(history.items.map(\.meeting.id) == [later.id, world.meeting.id])
        #expect(history.items[1].agreements == [agreement])
        #expect(history.items[1].openAgreements.count == 1)
        #expect(history.items[0].agreements.isEmpty)
    }

    @Test func agendaListsComingMeetingsAndOverdueItemsOfMyCitizensOnly() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        try workspace.create(TeamMember(citizenID: world.citizen.id, professionalID: world.professional.id,
                                        responsible: true, from: day("2026-01-10")))
        var meeting = world.meeting
        meeting.nextMeeting = instant("2026-03-04T09:00:00+01:00")
        try workspace.update(meeting)
        try workspace.create(Agreement(meetingID: world.meeting.id, text: "Ring til centret", due: day("2026-02-20")))
        try workspace.create(Agreement(meetingID: world.meeting.id, text: "Langt ude", due: day("2026-06-01")))
        // Someone else's citizen with an overdue milestone does not appear.
        let stranger = try workspace.create(Citizen(name: "Fremmed", registeredOn: day("2026-01-01")))
        let plan = try workspace.create(Plan(citizenID: stranger.id, goal: "Mål", start: day("2026-01-01")))
        try workspace.create(Milestone(planID: plan.id, title: "Ikke min", deadline: day("2026-01-05")))

        let agenda = try workspace.agenda()
        let described = agenda.map { item -> String in
            switch item.kind {
            case .meeting: return "meeting \(item.date.iso)"
            case .milestone(let milestone): return "milestone \(milestone.title) \(item.isOverdue)"
            case .agreement(let agreement): return "agreement \(agreement.text) \(item.isOverdue)"
            case .missedFollowUp, .noNextMeeting: return "follow-up \(item.date.iso)"
            case .companion: return "companion \(item.date.iso)"
            }
        }
        #expect(described == ["milestone Start behandling true", "agreement Ring til centret true", "meeting 2026-03-04"])
        #expect(agenda.allSatisfy { $0.citizenName == "Svend Madsen" })
    }

    @Test func searchFindsByNamePartCPRPrefixAndWordsInNotes() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        let aase = try workspace.create(Citizen(name: "Åse Ærø-Østergård", cpr: CPR("0101921234"), registeredOn: day("2026-01-01")))
        let ase = try workspace.create(Citizen(name: "Ase Hansen", registeredOn: day("2026-01-01")))
        try workspace.create(Meeting(citizenID: ase.id, at: instant("2026-02-01T10:00:00+01:00"),
                                     notes: "Vi talte om drivhuset og tomaterne.\nNæste gang: ansøgning."))

        #expect(try workspace.search("ærø").map(\.summary.citizen.id) == [aase.id])
        #expect(try workspace.search("ÆRØ").map(\.summary.citizen.id) == [aase.id])
        #expect(try workspace.search("åse").map(\.summary.citizen.id) == [aase.id], "å is not a")
        #expect(try workspace.search("ase").map(\.summary.citizen.id) == [ase.id])
        #expect(try workspace.search("svend").first?.match == .name)
        let byCPR = try workspace.search("010192")
        #expect(byCPR.map(\.summary.citizen.id) == [aase.id])
        #expect(byCPR.first?.match == .cpr)

        let byNote = try workspace.search("drivhu")
        #expect(byNote.map(\.summary.citizen.id) == [ase.id])
        guard case .text(let source, let excerpt) = byNote.first?.match else {
            Issue.record("a text match")
            return
        }
        #expect(source == .meeting)
        #expect(excerpt.contains("«drivhuset»"))
        #expect(!excerpt.contains("\n"))
        #expect(try workspace.search("TOMATERNE").map(\.summary.citizen.id) == [ase.id], "case folds")
        #expect(Set(try workspace.search("talte").map(\.summary.citizen.id)) == [ase.id, world.citizen.id])
        _ = world
    }

    @Test func hostileSearchTextIsHarmless() throws {
        let fixture = try Fixture()
        _ = try World(fixture.workspace)
        for query in ["\"", "*", "NEAR(a b)", "a OR b", "%", "_", "\\", "'; DROP TABLE citizen; --", "\u{1B}[2J", "()", "-"] {
            _ = try fixture.workspace.search(query)
        }
        #expect(try fixture.workspace.search("%").isEmpty)
        #expect(try fixture.workspace.search("_").isEmpty)
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM citizen") == .integer(1))
    }

    @Test func theSearchIndexFollowsChangesAndErasure() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        #expect(try workspace.search("haven").count == 1)
        var meeting = try workspace.get(Meeting.self, id: world.meeting.id)
        meeting.notes = "Talte om cyklen."
        try workspace.update(meeting)
        #expect(try workspace.search("haven").isEmpty)
        #expect(try workspace.search("cyklen").count == 1)
        try workspace.create(ProgressNote(milestoneID: world.milestone.id, date: day("2026-01-20"), note: "Ringede til lægen"))
        try workspace.create(Story(citizenID: world.citizen.id, date: day("2026-02-01"), title: "Ædru", text: "Svend fortæller"))
        try workspace.create(Agreement(meetingID: world.meeting.id, text: "Købe arbejdsstøvler"))
        #expect(try workspace.search("lægen").first.map { if case .text(.progress, _) = $0.match { true } else { false } } == true)
        #expect(try workspace.search("arbejdsstøvler").count == 1)
        try workspace.delete(try workspace.get(Citizen.self, id: world.citizen.id))
        #expect(try workspace.database.scalar("SELECT count(*) FROM search_text") == .integer(0))
    }
}

@Suite struct ResultListsTests {
    @Test func storiesAndCompaniesFollowTheAccessRule() throws {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        let dropIn = try workspace.create(Organisation(name: "Værestedet", kind: .dropInCentre))
        let municipality = try workspace.create(Organisation(name: "Jobcenter", kind: .municipality))
        let kro = try workspace.create(Organisation(name: "Kroen", kind: .company))
        try workspace.create(Professional(name: "Coach", role: .dropInCounselor, organisationID: dropIn.id, username: "coach"))
        let jan = try workspace.create(Citizen(name: "Jan", registeredOn: day("2026-01-01"), organisationID: dropIn.id))
        let per = try workspace.create(Citizen(name: "Per", registeredOn: day("2026-01-01"), organisationID: municipality.id))
        try workspace.create(Story(citizenID: jan.id, date: day("2026-02-01"), title: "Egen lejlighed", text: "…"))
        try workspace.create(Story(citizenID: per.id, date: day("2026-03-01"), title: "Fast job", text: "…"))
        try workspace.create(Story(citizenID: jan.id, date: day("2026-04-01"), title: "Fleksjob", text: "…"))
        try workspace.create(Placement(citizenID: jan.id, companyID: kro.id, kind: .internship, from: day("2026-01-05"), result: .hired))
        try workspace.create(Placement(citizenID: per.id, companyID: kro.id, kind: .wageSubsidy, from: day("2026-02-05")))

        let all = try workspace.changeStories(page: .first(10)).items
        #expect(all.map(\.story.title) == ["Fleksjob", "Fast job", "Egen lejlighed"])
        #expect(all.map(\.citizenName) == ["Jan", "Per", "Jan"])
        let companies = try workspace.partnerCompanies()
        #expect(companies.map(\.company.name) == ["Kroen"])
        #expect(companies.first?.placements.map(\.citizenName) == ["Per", "Jan"])
        #expect(companies.first?.count(.hired) == 1)

        let clock = fixture.clock
        let coach = try Workspace(path: fixture.path, username: "coach", policy: .organisation, clock: { clock.now })
        #expect(try coach.changeStories(page: .first(10)).items.map(\.citizenName) == ["Jan", "Jan"])
        #expect(try coach.partnerCompanies().first?.placements.map(\.citizenName) == ["Jan"])
    }
}
