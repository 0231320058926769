import Testing
@testable import TrinvisCore

/// Creates, reads, updates and deletes one record of a kind, checking each step against the file.
private func exerciseCRUD<R: Record>(_ workspace: Workspace, _ record: R, change: (inout R) -> Void) throws {
    let created = try workspace.create(record)
    #expect(created.id.isSaved)
    #expect(created.audit.version == 1)
    #expect(created.audit.createdBy == workspace.actor.username)
    let read = try #require(try workspace.fetch(R.self, id: created.id))
    #expect(read == created)

    var changed = read
    change(&changed)
    #expect(changed != read, "the change closure must change something")
    let updated = try workspace.update(changed)
    #expect(updated.audit.version == 2)
    let reread = try #require(try workspace.fetch(R.self, id: created.id))
    #expect(reread == updated)

    try workspace.delete(reread)
    #expect(try workspace.fetch(R.self, id: created.id) == nil)
    #expect(try workspace.database.scalar("SELECT count(*) FROM \(R.table) WHERE id = ?", [created.id.sqlValue]) == .integer(0))
}

/// A small world: an organisation, a professional, a citizen with a plan and a meeting.
struct World {
    let organisation: Organisation
    let company: Organisation
    let professional: Professional
    let citizen: Citizen
    let plan: Plan
    let milestone: Milestone
    let meeting: Meeting

    init(_ workspace: Workspace) throws {
        organisation = try workspace.create(Organisation(name: "Jobcenter Ryslinge", kind: .municipality))
        company = try workspace.create(Organisation(name: "Kværndrup Kro", kind: .company))
        professional = try workspace.create(Professional(name: "Inger Holm", role: .caseworker,
                                                         organisationID: organisation.id, username: "inger"))
        try workspace.refreshActor()
        citizen = try workspace.create(Citizen(name: "Svend Madsen", registeredOn: day("2026-01-10"),
                                               organisationID: organisation.id))
        plan = try workspace.create(Plan(citizenID: citizen.id, goal: "Uddannet anlægsgartner", start: day("2026-01-10"),
                                         end: day("2026-07-10")))
        milestone = try workspace.create(Milestone(planID: plan.id, title: "Start behandling", deadline: day("2026-01-31")))
        meeting = try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-01-24T10:00:00+01:00"),
                                               attendees: [professional.id], authorID: professional.id,
                                               notes: "Talte om haven."))
    }
}

@Suite struct StoreTests {
    @Test func everyKindCanBeCreatedReadUpdatedAndDeleted() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        let household = try workspace.create(Household(name: "Madsen"))

        try exerciseCRUD(workspace, Organisation(name: "Værestedet Fundamentet", kind: .dropInCentre)) { $0.name = "Fundamentet" }
        try exerciseCRUD(workspace, Professional(name: "Bo Jensen", role: .jobConsultant, username: "bo")) {
            $0.role = .mentor
            $0.email = "bo@example.org"
        }
        try exerciseCRUD(workspace, Household(name: "Hansen")) { $0.name = "Familien Hansen" }
        try exerciseCRUD(workspace, Citizen(name: "Ulla Nørgaard", cpr: CPR("1203871234"), registeredOn: day("2026-02-01"))) {
            $0.householdID = household.id
            $0.contactPreference = .email
            $0.email = "ulla@example.org"
        }
        try exerciseCRUD(workspace, TeamMember(citizenID: world.citizen.id, professionalID: world.professional.id,
                                               responsible: true, from: day("2026-01-10"))) { $0.to = day("2026-06-30") }
        try exerciseCRUD(workspace, Consent(citizenID: world.citizen.id, scope: .shareBetweenOrganisations,
                                            recipientID: world.company.id, givenOn: day("2026-01-10"))) {
            $0.withdrawnOn = day("2026-02-01")
        }
        try exerciseCRUD(workspace, Resource(citizenID: world.citizen.id, area: ResourceArea("education"),
                                             text: "Grunduddannelse som gartner", updatedOn: day("2026-01-10"))) {
            $0.text = "Gartner, 2 år"
        }
        try exerciseCRUD(workspace, Vision(citizenID: world.citizen.id, work: "Anlægsgartner")) { $0.other = "Blive ædru" }
        try exerciseCRUD(workspace, Plan(citizenID: world.citizen.id, goal: "Fast job", start: day("2026-02-01"))) {
            $0.status = .completed
        }
        try exerciseCRUD(workspace, Milestone(planID: world.plan.id, title: "Praktik hos gartner",
                                              deadline: day("2026-04-01"), steppingStone: true)) {
            $0.status = .achieved
            $0.achievedOn = day("2026-03-28")
        }
        try exerciseCRUD(workspace, ProgressNote(milestoneID: world.milestone.id, date: day("2026-01-28"),
                                                 note: "Første samtale gennemført", authorID: world.professional.id)) {
            $0.note = "Første og anden samtale"
        }
        try exerciseCRUD(workspace, Meeting(citizenID: world.citizen.id, at: instant("2026-02-07T10:00:00+01:00"),
                                            attendees: [world.professional.id])) {
            $0.attendance = .noShow
            $0.attendees = []
        }
        try exerciseCRUD(workspace, Agreement(meetingID: world.meeting.id, text: "Svend ringer til alkoholcentret",
                                              due: day("2026-01-27"))) {
            $0.doneOn = day("2026-01-26")
            $0.responsible = .professional(world.professional.id)
        }
        try exerciseCRUD(workspace, Assessment(citizenID: world.citizen.id, date: day("2026-01-10"),
                                               scores: [.qualityOfLife: 3, .relationToSystem: 2])) {
            $0.scores[.selfEsteem] = 4
            $0.scores[.qualityOfLife] = nil
        }
        try exerciseCRUD(workspace, Outcome(citizenID: world.citizen.id, date: day("2026-06-01"), kind: .jobWageSubsidy)) {
            $0.note = "Gartner i Ringe"
        }
        try exerciseCRUD(workspace, Placement(citizenID: world.citizen.id, companyID: world.company.id, kind: .internship,
                                              from: day("2026-04-01"))) {
            $0.to = day("2026-05-31")
            $0.result = .completed
        }
        try exerciseCRUD(workspace, Activity(title: "IT-kursus", kind: .course, date: day("2026-03-04"),
                                             participants: [world.citizen.id])) { $0.participants = [] }
        try exerciseCRUD(workspace, Story(citizenID: world.citizen.id, date: day("2026-06-15"), title: "Ædru og i arbejde",
                                          text: "Svend fortæller…")) { $0.title = "Ædru" }
    }

    @Test func textIsStoredInNFCAndTrimmed() throws {
        let fixture = try Fixture()
        let citizen = try fixture.workspace.create(Citizen(name: "  A\u{030A}se Ære\u{0301}  ", registeredOn: day("2026-01-01")))
        let stored = try fixture.workspace.database.scalar("SELECT name FROM citizen WHERE id = ?", [citizen.id.sqlValue])
        #expect(stored == .text("\u{00C5}se Ær\u{00E9}"))
        #expect(try fixture.workspace.database.scalar("SELECT name_key FROM citizen WHERE id = ?",
                                                      [citizen.id.sqlValue]) == .text("åse ære"))
    }

    @Test func invalidRecordsAreRefusedAndNothingIsStored() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        #expect(throws: StoreError.invalid(ValidationError(field: "name", problem: .required))) {
            try workspace.create(Citizen(name: "   ", registeredOn: day("2026-01-01")))
        }
        #expect(throws: StoreError.invalid(ValidationError(field: "deadline",
                                                           problem: .before(field: "start", date: day("2026-01-10"))))) {
            try workspace.create(Milestone(planID: world.plan.id, title: "For tidligt", deadline: day("2026-01-09")))
        }
        #expect(throws: StoreError.invalid(ValidationError(field: "end", problem: .before(field: "start", date: day("2026-05-01"))))) {
            try workspace.create(Plan(citizenID: world.citizen.id, goal: "Mål", start: day("2026-05-01"), end: day("2026-04-01")))
        }
        #expect(throws: StoreError.invalid(ValidationError(field: "scores.health", problem: .outOfRange(1...10)))) {
            try workspace.create(Assessment(citizenID: world.citizen.id, date: day("2026-01-10"), scores: [.health: 11]))
        }
        #expect(throws: StoreError.invalid(ValidationError(field: "cpr", problem: .cprDoesNotMatchBirthDate))) {
            try workspace.create(Citizen(name: "Per", cpr: CPR("0101921234"), birthDate: day("1992-01-02"),
                                         registeredOn: day("2026-01-01")))
        }
        #expect(throws: StoreError.invalid(ValidationError(field: "email", problem: .invalidEmail))) {
            try workspace.create(Citizen(name: "Line", email: "line at example", registeredOn: day("2026-01-01")))
        }
        #expect(try workspace.database.scalar("SELECT count(*) FROM citizen") == .integer(1))
        #expect(try workspace.database.scalar("SELECT count(*) FROM plan") == .integer(1))
        #expect(try workspace.database.scalar("SELECT count(*) FROM milestone") == .integer(1))
        #expect(try workspace.database.scalar("SELECT count(*) FROM assessment") == .integer(0))
    }

    @Test func aConflictNamesTheProfessionalNotTheAccount() throws {
        let fixture = try Fixture()
        let world = try World(fixture.workspace)  // the account "inger" is Inger Holm
        let other = try fixture.secondWorkspace(username: "bo")
        var theirs = try other.get(Milestone.self, id: world.milestone.id)
        var mine = try fixture.workspace.get(Milestone.self, id: world.milestone.id)
        mine.title = "Start behandling hos lægen"
        try fixture.workspace.update(mine)
        theirs.title = "Start behandling i Ringe"
        #expect(throws: StoreError.self) { try other.update(theirs) }
        do {
            try other.update(theirs)
        } catch StoreError.conflict(_, _, let changedBy, _) {
            #expect(changedBy == "Inger Holm")
        }
    }

    @Test func aSecondSaveOfAStaleCopyIsRefusedAndNamesWhoChangedIt() throws {
        let fixture = try Fixture()
        let world = try World(fixture.workspace)
        let other = try fixture.secondWorkspace(username: "bo")
        var mine = try fixture.workspace.get(Milestone.self, id: world.milestone.id)
        var theirs = try other.get(Milestone.self, id: world.milestone.id)
        theirs.title = "Start behandling i Ringe"
        try other.update(theirs)
        mine.title = "Start behandling hos lægen"
        do {
            try fixture.workspace.update(mine)
            Issue.record("a stale save must be refused")
        } catch let error as StoreError {
            guard case .conflict(_, _, let changedBy, _) = error else {
                Issue.record("expected a conflict, got \(error)")
                return
            }
            #expect(changedBy == "bo")
        }
        #expect(try fixture.workspace.get(Milestone.self, id: world.milestone.id).title == "Start behandling i Ringe")
        // A deleted record is reported as gone, not as a conflict.
        let fresh = try other.get(Milestone.self, id: world.milestone.id)
        try other.delete(fresh)
        #expect(throws: StoreError.notFound(kind: "milestone", id: world.milestone.id.rawValue)) {
            try fixture.workspace.update(fresh)
        }
    }

    @Test func deletingACitizenErasesEverythingAboutThem() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        try workspace.create(Agreement(meetingID: world.meeting.id, text: "Ring til lægen"))
        try workspace.create(Assessment(citizenID: world.citizen.id, date: day("2026-01-10"), scores: [.health: 5]))
        try workspace.delete(try workspace.get(Citizen.self, id: world.citizen.id))
        for table in ["plan", "milestone", "meeting", "meeting_attendee", "agreement", "assessment", "assessment_score"] {
            #expect(try workspace.database.scalar("SELECT count(*) FROM \(table)") == .integer(0), "\(table)")
        }
        #expect(try workspace.database.scalar("SELECT count(*) FROM professional") == .integer(1))
    }

    @Test func aProfessionalWithHistoryCannotBeDeleted() throws {
        let fixture = try Fixture()
        let world = try World(fixture.workspace)
        #expect(throws: StoreError.inUse(kind: "professional", id: world.professional.id.rawValue)) {
            try fixture.workspace.delete(world.professional)
        }
    }

    @Test func duplicateUserNamesAreRefused() throws {
        let fixture = try Fixture()
        try fixture.workspace.create(Professional(name: "Inger Holm", role: .caseworker, username: "inger"))
        #expect(throws: StoreError.duplicate(kind: "professional", detail: "username")) {
            try fixture.workspace.create(Professional(name: "Inger Anden", role: .caseworker, username: "inger"))
        }
    }

    @Test func listsPageWithACursorInTheirOrder() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let names = ["Øjvind", "Åse", "Ærbar", "anders", "Bent", "Zeynep", "李雷", "Émile", "Per", "Ulla", "Jan"]
        for name in names {
            try workspace.create(Citizen(name: name, registeredOn: day("2026-01-01")))
        }
        var seen: [String] = []
        var request = PageRequest.first(3)
        var pages = 0
        while true {
            let page = try workspace.list(Citizen.self, page: request)
            #expect(page.items.count <= 3)
            seen += page.items.map(\.name)
            pages += 1
            guard let next = page.next else { break }
            request = PageRequest(limit: 3, after: next)
        }
        #expect(pages == 4)
        // Ordered by the folded name: a-z, then æ, ø, å as in the Danish alphabet, then CJK.
        #expect(seen == ["anders", "Bent", "Émile", "Jan", "Per", "Ulla", "Zeynep", "Ærbar", "Øjvind", "Åse", "李雷"])
    }

    @Test func meetingsListNewestFirstAcrossPages() throws {
        let fixture = try Fixture()
        let world = try World(fixture.workspace)
        for dayOfMonth in 1...5 {
            try fixture.workspace.create(Meeting(citizenID: world.citizen.id,
                                                 at: instant("2026-02-0\(dayOfMonth)T10:00:00+01:00")))
        }
        let first = try fixture.workspace.list(Meeting.self, parent: world.citizen.id.sqlValue, page: .first(4))
        let second = try fixture.workspace.list(Meeting.self, parent: world.citizen.id.sqlValue,
                                                page: PageRequest(limit: 4, after: first.next))
        let dates = (first.items + second.items).map(\.at.localDate.iso)
        #expect(dates == ["2026-02-05", "2026-02-04", "2026-02-03", "2026-02-02", "2026-02-01", "2026-01-24"])
        #expect(second.next == nil)
        #expect(first.items.first?.attendees == [])
        #expect(second.items.last?.attendees == [world.professional.id])
    }

    @Test func organisationPolicyShowsOwnAndConsentedCitizensOnly() throws {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        let municipality = try workspace.create(Organisation(name: "Jobcenter", kind: .municipality))
        let dropIn = try workspace.create(Organisation(name: "Værestedet", kind: .dropInCentre))
        let coach = try workspace.create(Professional(name: "Coach", role: .dropInCounselor, organisationID: dropIn.id,
                                                      username: "coach"))
        let own = try workspace.create(Citizen(name: "Jan", registeredOn: day("2026-01-01"), organisationID: dropIn.id))
        let shared = try workspace.create(Citizen(name: "Line", registeredOn: day("2026-01-01"), organisationID: municipality.id))
        let teamed = try workspace.create(Citizen(name: "Bent", registeredOn: day("2026-01-01"), organisationID: municipality.id))
        let hidden = try workspace.create(Citizen(name: "Per", registeredOn: day("2026-01-01"), organisationID: municipality.id))
        let withdrawn = try workspace.create(Citizen(name: "Ulla", registeredOn: day("2026-01-01"), organisationID: municipality.id))
        try workspace.create(Consent(citizenID: shared.id, scope: .shareBetweenOrganisations, recipientID: dropIn.id,
                                     givenOn: day("2026-01-01")))
        try workspace.create(Consent(citizenID: withdrawn.id, scope: .shareBetweenOrganisations, recipientID: dropIn.id,
                                     givenOn: day("2026-01-01"), withdrawnOn: day("2026-02-01")))
        try workspace.create(TeamMember(citizenID: teamed.id, professionalID: coach.id, responsible: false, from: day("2026-01-01")))
        let hiddenPlan = try workspace.create(Plan(citizenID: hidden.id, goal: "Job", start: day("2026-01-01")))

        let clock = fixture.clock
        let coachView = try Workspace(path: fixture.path, username: "coach", policy: .organisation, clock: { clock.now })
        let visible = try coachView.all(Citizen.self).map(\.name)
        // Being on the team of another organisation's citizen is not consent: Bent stays hidden.
        #expect(visible == ["Jan", "Line"])
        #expect(try coachView.fetch(Citizen.self, id: own.id) != nil)
        #expect(throws: StoreError.accessDenied(citizen: hidden.id.rawValue)) {
            try coachView.fetch(Citizen.self, id: hidden.id)
        }
        #expect(throws: StoreError.accessDenied(citizen: hidden.id.rawValue)) {
            try coachView.fetch(Plan.self, id: hiddenPlan.id)
        }
        #expect(throws: StoreError.accessDenied(citizen: hidden.id.rawValue)) {
            try coachView.create(Milestone(planID: hiddenPlan.id, title: "Snige sig ind", deadline: day("2026-02-01")))
        }
        #expect(throws: StoreError.accessDenied(citizen: hidden.id.rawValue)) {
            try coachView.list(Plan.self, parent: hidden.id.sqlValue, page: .first(10))
        }
        #expect(try coachView.all(Plan.self).isEmpty)
        // New citizens may be registered with one's own organisation only.
        #expect(try coachView.create(Citizen(name: "Ny", registeredOn: day("2026-03-01"), organisationID: dropIn.id)).id.isSaved)
        #expect(throws: StoreError.accessDenied(citizen: 0)) {
            try coachView.create(Citizen(name: "Anden", registeredOn: day("2026-03-01"), organisationID: municipality.id))
        }
    }
}
