import Testing
@testable import TrinvisCore

/// The agenda as a to-do list: missed follow-ups and citizens with no next meeting; milestones
/// ticked off and their deadline history. Today in the fixture is 2026-03-02.
@Suite struct AgendaTodoTests {
    @Test func missedFollowUpsAndCitizensWithoutANextMeetingAreListedFirst() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)  // Svend: latest meeting 2026-01-24, no next meeting agreed
        func mine(_ name: String, registered: String = "2026-01-01") throws -> Citizen {
            let citizen = try workspace.create(Citizen(name: name, registeredOn: day(registered), organisationID: world.organisation.id))
            try workspace.create(TeamMember(citizenID: citizen.id, professionalID: world.professional.id, responsible: true,
                                            from: day(registered)))
            return citizen
        }
        try workspace.create(TeamMember(citizenID: world.citizen.id, professionalID: world.professional.id, responsible: true,
                                        from: day("2026-01-10")))
        let ulla = try mine("Ulla Brandt")
        var missed = try workspace.create(Meeting(citizenID: ulla.id, at: instant("2026-02-10T13:00:00+01:00")))
        missed.nextMeeting = instant("2026-02-24T13:00:00+01:00")
        try workspace.update(missed)
        _ = try mine("Kurt Damgaard")  // registered 2026-01-01, never met
        let mette = try mine("Mette Ågaard")
        try workspace.create(Meeting(citizenID: mette.id, at: instant("2026-02-25T10:00:00+01:00")))  // within her 14 days
        let coming = try mine("Line Sørensen")
        var agreed = try workspace.create(Meeting(citizenID: coming.id, at: instant("2026-02-20T10:00:00+01:00")))
        agreed.nextMeeting = instant("2026-03-06T10:00:00+01:00")
        try workspace.update(agreed)
        let archived = try mine("Bo Ærø")
        _ = try workspace.archive(citizen: archived.id)
        // Not in the user's team: never on their agenda.
        let stranger = try workspace.create(Citizen(name: "Fremmed", registeredOn: day("2026-01-01")))
        var strangers = try workspace.create(Meeting(citizenID: stranger.id, at: instant("2026-02-01T10:00:00+01:00")))
        strangers.nextMeeting = instant("2026-02-15T10:00:00+01:00")
        try workspace.update(strangers)

        let agenda = try workspace.agenda()
        let followUps = agenda.filter(\.isFollowUp)
        #expect(followUps.map(\.citizenName).sorted() == ["Kurt Damgaard", "Svend Madsen", "Ulla Brandt"])
        #expect(followUps.allSatisfy { $0.isOverdue })
        let ullas = try #require(followUps.first { $0.citizenName == "Ulla Brandt" })
        #expect(ullas.kind == .missedFollowUp(instant("2026-02-24T13:00:00+01:00")))
        #expect(ullas.date == day("2026-02-24"))
        let svends = try #require(followUps.first { $0.citizenName == "Svend Madsen" })
        #expect(svends.kind == .noNextMeeting(last: day("2026-01-24")))
        #expect(svends.date == day("2026-02-07"), "the last meeting plus his interval of 14 days")
        let kurts = try #require(followUps.first { $0.citizenName == "Kurt Damgaard" })
        #expect(kurts.kind == .noNextMeeting(last: nil))
        #expect(kurts.date == day("2026-01-15"))
        // What is overdue comes first; Line's agreed meeting after it.
        let firstNotOverdue = try #require(agenda.firstIndex { !$0.isOverdue })
        #expect(agenda[..<firstNotOverdue].allSatisfy { $0.isOverdue })
        #expect(agenda[firstNotOverdue...].contains { $0.citizenName == "Line Sørensen" && $0.kind == .meeting(instant("2026-03-06T10:00:00+01:00")) })
        #expect(!agenda.contains { $0.citizenName == "Mette Ågaard" || $0.citizenName == "Bo Ærø" || $0.citizenName == "Fremmed" })
    }

    @Test func aMilestoneIsTickedOffAndBackAndItsDeadlineHistoryKept() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        let achieved = try workspace.toggleAchieved(world.milestone)
        #expect(achieved.status == .achieved && achieved.achievedOn == workspace.today)
        let reopened = try workspace.toggleAchieved(achieved)
        #expect(reopened.status == .planned && reopened.achievedOn == nil, "no progress notes: planned again")
        try workspace.create(ProgressNote(milestoneID: world.milestone.id, date: day("2026-03-01"), note: "Godt i gang"))
        let again = try workspace.toggleAchieved(try workspace.toggleAchieved(reopened))
        #expect(again.status == .inProgress, "with progress notes: in progress again")

        #expect(try workspace.deadlineMoves(of: world.milestone.id).isEmpty, "a status change moves nothing")
        var moved = try workspace.get(Milestone.self, id: world.milestone.id)
        moved.deadline = day("2026-03-15")
        moved = try workspace.update(moved)
        moved.deadline = day("2026-04-01")
        try workspace.update(moved)
        let moves = try workspace.deadlineMoves(of: world.milestone.id)
        #expect(moves.map { [$0.from.iso, $0.to.iso] } == [["2026-01-31", "2026-03-15"], ["2026-03-15", "2026-04-01"]])
        #expect(moves.allSatisfy { $0.movedBy == "Inger Holm" }, "named by the professional, not the account")
        // The history goes with the milestone.
        try workspace.delete(try workspace.get(Milestone.self, id: world.milestone.id))
        #expect(try workspace.database.scalar("SELECT count(*) FROM milestone_move") == .integer(0))
    }
}
