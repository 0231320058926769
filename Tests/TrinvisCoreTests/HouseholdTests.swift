import Foundation
import Testing
@testable import TrinvisCore

@Suite struct HouseholdTests {
    /// A municipality with a family of three (Ulla, her partner Kasper, her daughter Sofie), one
    /// more citizen outside it, and a drop-in centre whose coach may see Sofie only (a consent).
    struct Family {
        let fixture: Fixture
        let household: HouseholdID
        let ulla: CitizenID, kasper: CitizenID, sofie: CitizenID, per: CitizenID
        var workspace: Workspace { fixture.workspace }

        init() throws {
            fixture = try Fixture(username: "admin")
            let workspace = fixture.workspace
            let municipality = try workspace.create(Organisation(name: "Jobcenter", kind: .municipality))
            let dropIn = try workspace.create(Organisation(name: "Værestedet", kind: .dropInCentre))
            try workspace.create(Professional(name: "Coach", role: .dropInCounselor, organisationID: dropIn.id, username: "coach"))
            try workspace.create(Professional(name: "Inger", role: .caseworker, organisationID: municipality.id, username: "inger"))
            let registered = day("2026-01-05")
            ulla = try workspace.create(Citizen(name: "Ulla Brandt", registeredOn: registered, organisationID: municipality.id)).id
            household = try workspace.addMember(ulla, to: nil, newHouseholdName: "Brandt", relation: .parent).householdID!
            kasper = try workspace.create(Citizen(name: "Kasper Holt", householdID: household, registeredOn: registered,
                                                  organisationID: municipality.id, householdRelation: .partner)).id
            sofie = try workspace.create(Citizen(name: "Sofie \u{1B}[2J Brandt æøå", householdID: household, registeredOn: registered,
                                                 organisationID: municipality.id, householdRelation: .child)).id
            per = try workspace.create(Citizen(name: "Per", registeredOn: registered, organisationID: municipality.id)).id
            try workspace.create(Consent(citizenID: sofie, scope: .shareBetweenOrganisations, recipientID: dropIn.id,
                                         givenOn: day("2026-01-05"), categories: [.contact, .plan, .meetings]))
            for (citizen, goal) in [(ulla, "Praktik hos kunstneren"), (sofie, "Landbrugsskolen")] {
                let plan = try workspace.create(Plan(citizenID: citizen, goal: goal, start: registered))
                try workspace.create(Milestone(planID: plan.id, title: "Første skridt for \(goal)", deadline: day("2026-04-01")))
            }
        }

        func workspace(_ username: String) throws -> Workspace {
            let clock = fixture.clock
            return try Workspace(path: fixture.path, username: username, policy: .organisation, clock: { clock.now })
        }

        /// A meeting with Sofie at home, with Ulla there too (not Kasper).
        @discardableResult
        func familyMeeting(in workspace: Workspace? = nil, next: Timestamp? = nil) throws -> Meeting {
            try (workspace ?? self.workspace).create(Meeting(
                citizenID: sofie, at: instant("2026-02-10T15:00:00+01:00"), kind: .homeVisit, notes: "Familiemøde ved køkkenbordet",
                nextMeeting: next, members: [ulla]))
        }
    }

    @Test func theOverviewShowsEveryMembersPlaceAndPlanInFamilyOrder() throws {
        let family = try Family()
        family.fixture.clock.now = instant("2026-02-01T09:00:00+01:00")
        try family.familyMeeting(next: instant("2026-02-24T10:00:00+01:00"))
        let overview = try #require(try family.workspace.householdOverview(of: family.kasper))
        #expect(overview.household.name == "Brandt")
        // Parents and partners first, then children, each group in name order.
        #expect(overview.members.map(\.citizen.id) == [family.kasper, family.ulla, family.sofie])
        #expect(overview.members.map(\.relation) == [.partner, .parent, .child])
        #expect(overview.members[1].plan?.goal == "Praktik hos kunstneren")
        #expect(overview.members[1].milestones.map(\.title) == ["Første skridt for Praktik hos kunstneren"])
        #expect(overview.members[0].plan == nil)
        // The next meeting agreed at the household meeting is coming for Sofie and for Ulla, who was there.
        #expect(overview.members[2].nextMeeting == instant("2026-02-24T10:00:00+01:00"))
        #expect(overview.members[1].nextMeeting == instant("2026-02-24T10:00:00+01:00"))
        #expect(overview.members[0].nextMeeting == nil)
        #expect(try family.workspace.householdOverview(of: family.per) == nil)
    }

    @Test func theHouseholdViewShowsOnlyTheMembersTheActorMaySee() throws {
        let family = try Family()
        let coach = try family.workspace("coach")
        let overview = try #require(try coach.householdOverview(of: family.sofie))
        #expect(overview.members.map(\.citizen.id) == [family.sofie], "Ulla and Kasper gave no consent to the drop-in centre")
        #expect(throws: StoreError.self) { try coach.householdOverview(of: family.ulla) }
        #expect(try coach.householdMeetingMembers(of: family.sofie).isEmpty)
        try coach.flushAccessLog()
        // Each member shown is a logged look-up; no one else's.
        let looked = try family.workspace.database.fetchAll(
            "SELECT DISTINCT citizen_id FROM access_log WHERE account = 'coach' AND chain = 'lookup'") { row -> Int64? in try row.get(0) }
        #expect(looked == [family.sofie.rawValue])
    }

    @Test func aHouseholdMeetingIsInEachPresentMembersHistory() throws {
        let family = try Family()
        let meeting = try family.familyMeeting()
        let workspace = family.workspace
        func history(_ citizen: CitizenID, _ workspace: Workspace) throws -> [MeetingID] {
            try workspace.meetingHistory(of: citizen, page: .first(10)).items.map(\.meeting.id)
        }
        #expect(try history(family.sofie, workspace) == [meeting.id])
        #expect(try history(family.ulla, workspace) == [meeting.id], "Ulla was there")
        #expect(try history(family.kasper, workspace).isEmpty, "Kasper was not")
        #expect(try workspace.get(Meeting.self, id: meeting.id).members == [family.ulla])
        // Another meeting of Ulla's own comes first (newest first), with the household meeting after it.
        let own = try workspace.create(Meeting(citizenID: family.ulla, at: instant("2026-02-20T10:00:00+01:00"), notes: "Alene"))
        #expect(try history(family.ulla, workspace) == [own.id, meeting.id])
        // Paging runs across both kinds.
        let first = try workspace.meetingHistory(of: family.ulla, page: .first(1))
        let second = try workspace.meetingHistory(of: family.ulla, page: PageRequest(limit: 1, after: first.next))
        #expect(first.items.map(\.meeting.id) == [own.id] && second.items.map(\.meeting.id) == [meeting.id])

        // Only members of the household can be named present.
        var outsider = meeting
        outsider.members = [family.per]
        #expect(throws: StoreError.self) { try workspace.update(outsider) }
        #expect(try workspace.problems(of: outsider).map(\.problem) == [.notInHousehold])
    }

    @Test func aHouseholdMeetingOfAMemberTheActorMayNotSeeStaysHidden() throws {
        let family = try Family()
        // The meeting belongs to Ulla (not shared with the drop-in centre); Sofie was there.
        let meeting = try family.workspace.create(Meeting(citizenID: family.ulla, at: instant("2026-02-10T15:00:00+01:00"),
                                                          notes: "Ullas noter", members: [family.sofie]))
        #expect(try family.workspace.meetingHistory(of: family.sofie, page: .first(10)).items.map(\.meeting.id) == [meeting.id])
        let coach = try family.workspace("coach")
        #expect(try coach.meetingHistory(of: family.sofie, page: .first(10)).items.isEmpty)
    }

    @Test func aMemberPresentFollowsTheAccessRuleAndIsLogged() throws {
        let family = try Family()
        let coach = try family.workspace("coach")
        // The coach may see Sofie's meetings but not Ulla: naming Ulla present is refused, and nothing is saved.
        #expect(throws: StoreError.self) { try family.familyMeeting(in: coach) }
        #expect(try family.workspace.meetingHistory(of: family.sofie, page: .first(10)).items.isEmpty)
        // A meeting the municipality recorded with Ulla present keeps her when the coach saves it
        // without her (the coach's form cannot show her).
        let meeting = try family.familyMeeting()
        var edited = try coach.get(Meeting.self, id: meeting.id)
        edited.members = []
        edited.notes = "Rettet af coach"
        try coach.update(edited)
        #expect(try family.workspace.get(Meeting.self, id: meeting.id).members == [family.ulla])
        // Naming a member present is a change logged about that member.
        try family.workspace.flushAccessLog()
        let logged = try family.workspace.database.fetchAll(
            "SELECT detail FROM access_log WHERE citizen_id = ? AND detail LIKE 'meeting %'", [family.ulla.sqlValue]) { row -> String in
            try row.get(0)
        }
        #expect(logged == ["meeting \(meeting.id.rawValue) member present added"])
    }

    @Test func membersComeAndGoAndEachChangeCanBeUndone() throws {
        let family = try Family()
        let workspace = family.workspace
        workspace.recordChangesForUndo()
        try workspace.addMember(family.per, to: family.household, relation: .other)
        #expect(try workspace.householdMembers(family.household).count == 4)
        #expect(try workspace.undo() != nil)
        #expect(try workspace.householdMembers(family.household).count == 3)
        #expect(try workspace.get(Citizen.self, id: family.per).householdID == nil)

        let meeting = try family.familyMeeting()
        #expect(try workspace.undo() != nil)
        #expect(try workspace.meetingHistory(of: family.ulla, page: .first(10)).items.isEmpty)
        #expect(try workspace.database.scalar("SELECT count(*) FROM meeting_member") == .integer(0))
        #expect(try workspace.redo() != nil)
        #expect(try workspace.get(Meeting.self, id: meeting.id).members == [family.ulla])

        // The last one out takes the household with them.
        for citizen in [family.kasper, family.sofie, family.ulla] { try workspace.removeFromHousehold(citizen) }
        #expect(try workspace.fetch(Household.self, id: family.household) == nil)
        #expect(try workspace.get(Citizen.self, id: family.ulla).householdRelation == nil)
    }

    @Test func theRelationAndTheMembersPresentSurviveExportAndImport() throws {
        let family = try Family()
        try family.familyMeeting()
        let exported = try family.workspace.exportText(exportedAt: fixedExportTime)
        #expect(exported.contains("\"x-household-relation\": \"partner\"") || exported.contains("\"x-household-relation\":\"partner\""))
        #expect(exported.contains("x-household-members"))

        let directory = try TemporaryDirectory()
        let b = try emptyWorkspace(directory, "b.sqlite")
        try b.importDocument(text: exported)
        let citizens = try b.all(Citizen.self)
        let relations = Dictionary(uniqueKeysWithValues: citizens.map { ($0.name, $0.householdRelation) })
        #expect(relations["Ulla Brandt"] == .parent && relations["Kasper Holt"] == .partner && relations["Per"] == .some(nil))
        let ulla = try #require(citizens.first { $0.name == "Ulla Brandt" })
        #expect(try b.meetingHistory(of: ulla.id, page: .first(10)).items.map(\.meeting.notes) == ["Familiemøde ved køkkenbordet"])

        // Importing the same document again changes nothing, and B's export goes through C unchanged.
        let again = try b.importDocument(text: exported)
        #expect(again.totalUpdated == 0)
        let exportB = try b.exportText(exportedAt: fixedExportTime)
        let c = try emptyWorkspace(directory, "c.sqlite")
        try c.importDocument(text: exportB)
        #expect(withoutInstallation(try c.exportText(exportedAt: fixedExportTime)) == withoutInstallation(exportB))

        // An export of Sofie alone names no one else as present.
        let alone = try family.workspace.exportText(citizens: [family.sofie], exportedAt: fixedExportTime)
        #expect(!alone.contains("x-household-members"))
    }

    @Test func theDemoHasAFamilyOfThreeWithPlansAndAMeetingAtHome() throws {
        let fixture = try Fixture(username: "tester")
        try DemoData.populate(fixture.workspace, today: day("2026-11-23"), username: "tester")
        let workspace = fixture.workspace
        let ulla = try #require(try workspace.all(Citizen.self).first { $0.name == "Ulla Brandt" })
        let overview = try #require(try workspace.householdOverview(of: ulla.id))
        #expect(overview.members.count >= 3)
        #expect(overview.members.allSatisfy { $0.plan != nil && !$0.milestones.isEmpty })
        #expect(Set(overview.members.compactMap(\.relation)).isSuperset(of: [.parent, .partner, .child]))
        let history = try workspace.meetingHistory(of: ulla.id, page: .first(100)).items.map(\.meeting)
        #expect(history.contains { $0.citizenID != ulla.id && $0.members.contains(ulla.id) })
    }
}
