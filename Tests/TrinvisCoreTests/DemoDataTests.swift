import Testing
@testable import TrinvisCore

@Suite struct DemoDataTests {
    @Test func theDemoHasThePeopleOfTheStoriesWithCurrentDates() throws {
        let fixture = try Fixture(username: "tester")
        let workspace = fixture.workspace
        let today = day("2026-11-23")
        try DemoData.populate(workspace, today: today, username: "tester")

        let citizens = try workspace.all(Citizen.self)
        for name in ["Per", "Ulla", "Svend", "Line", "Bent", "Jan"] {
            #expect(citizens.contains { $0.name.hasPrefix(name + " ") }, "\(name) is in the demo")
        }
        #expect(citizens.count >= 8)
        // The user running the demo is the caseworker Inger Holm.
        #expect(workspace.actor.professionalID != nil)
        let ingerID = try #require(workspace.actor.professionalID)
        let inger = try #require(try workspace.fetch(Professional.self, id: ingerID))
        #expect(inger.name == "Inger Holm")
        #expect(try workspace.all(Organisation.self).filter { $0.kind != .company }.count == 2)
        #expect((4...5).contains(try workspace.all(Professional.self).count))

        var overdue = 0, achieved = 0, adjusted = 0
        for citizen in citizens {
            let plans = try workspace.all(Plan.self, parent: citizen.id.sqlValue)
            #expect(plans.count == 1, "\(citizen.name) has a plan")
            let meetings = try workspace.all(Meeting.self, parent: citizen.id.sqlValue)
            #expect(!meetings.isEmpty, "\(citizen.name) has meetings")
            // Nothing lies in the future except the next meeting; the latest meeting is recent.
            #expect(meetings.allSatisfy { $0.at.localDate <= today })
            #expect(meetings.allSatisfy { meeting in meeting.nextMeeting.map { $0 > meeting.at } ?? true })
            for plan in plans {
                for milestone in try workspace.all(Milestone.self, parent: plan.id.sqlValue) {
                    if milestone.isOverdue(on: today) { overdue += 1 }
                    if milestone.status == .achieved { achieved += 1 }
                    if milestone.status == .adjusted { adjusted += 1 }
                    #expect(milestone.achievedOn.map { $0 <= today } ?? true)
                }
            }
        }
        #expect(overdue >= 2)
        #expect(achieved >= 5)
        #expect(adjusted >= 1)
        #expect(try workspace.database.scalar("SELECT count(*) FROM agreement") != .integer(0))
        #expect(try workspace.database.scalar("SELECT count(DISTINCT citizen_id) FROM assessment") == .integer(Int64(citizens.count - 3)))
        #expect(try workspace.database.scalar("SELECT count(*) FROM outcome") != .integer(0))
        #expect(try workspace.database.scalar("SELECT count(*) FROM placement") != .integer(0))
        #expect(try workspace.database.scalar("SELECT count(*) FROM story") != .integer(0))
        #expect(try workspace.database.scalar("SELECT count(*) FROM activity_participant") != .integer(0))
        #expect(try workspace.database.fetchAll("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func theDemoMovesWithToday() throws {
        let early = try Fixture(), late = try Fixture()
        try DemoData.populate(early.workspace, today: day("2026-01-15"), username: "a")
        try DemoData.populate(late.workspace, today: day("2027-06-01"), username: "a")
        let earlyLatest = try early.workspace.database.scalar("SELECT max(at_utc) FROM meeting")
        let lateLatest = try late.workspace.database.scalar("SELECT max(at_utc) FROM meeting")
        guard case .integer(let a) = earlyLatest, case .integer(let b) = lateLatest else {
            Issue.record("meetings exist")
            return
        }
        #expect((b - a) / 86_400 == Int64(day("2026-01-15").days(until: day("2027-06-01"))))
    }
}
