import Foundation
import Testing
@testable import TrinvisCore

/// The summary of a citizen on the list and in the name search counts the overdue open
/// agreements and milestones. What is done or settled must not be read for it: a citizen with
/// years of kept agreements and reached milestones costs what one without them costs.
@Suite struct SummaryCostTests {
    /// A citizen with 30 meetings and one active plan, each meeting with an open agreement past
    /// its due date and `done` agreements done, the plan with an open milestone past its
    /// deadline and `settled` milestones reached (also past their deadlines).
    private func citizen(in workspace: Workspace, done: Int, settled: Int) throws -> CitizenID {
        let day = LocalDate(iso: "2026-01-05")!
        return try workspace.transaction {
            let citizen = try workspace.create(Citizen(name: "Svend Madsen", registeredOn: day))
            for index in 0..<30 {
                let meeting = try workspace.create(Meeting(citizenID: citizen.id, at: Timestamp(iso: "2026-01-05T10:00:00+01:00")!.adding(seconds: Int64(index) * 86_400)))
                try workspace.create(Agreement(meetingID: meeting.id, text: "Ring til lægen", due: day))
                for _ in 0..<done {
                    try workspace.create(Agreement(meetingID: meeting.id, text: "Gået en tur", due: day, doneOn: day))
                }
            }
            let plan = try workspace.create(Plan(citizenID: citizen.id, goal: "Arbejde", start: day))
            try workspace.create(Milestone(planID: plan.id, title: "Cv skrevet", deadline: LocalDate(iso: "2026-01-20")!))
            for index in 0..<settled {
                try workspace.create(Milestone(planID: plan.id, title: "Trin \(index)", deadline: LocalDate(iso: "2026-01-10")!,
                                               status: .achieved, achievedOn: LocalDate(iso: "2026-01-09")!))
            }
            return citizen.id
        }
    }

    @Test func theOverdueCountReadsOnlyWhatIsOpen() throws {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        try workspace.create(Professional(name: "Ada Admin", role: .administrator, username: "admin"))
        try workspace.refreshActor()
        fixture.clock.now = Timestamp(iso: "2026-03-02T10:00:00+01:00")!
        let light = try citizen(in: workspace, done: 0, settled: 0)
        let heavy = try citizen(in: workspace, done: 40, settled: 600)
        func cost(_ id: CitizenID) throws -> (overdue: Int, instructions: Int) {
            _ = try workspace.citizenSummary(id)
            let (summary, instructions) = try workspace.database.countingInstructions { try workspace.citizenSummary(id) }
            return (try #require(summary).overdue, instructions)
        }
        let (lightOverdue, lightCost) = try cost(light)
        let (heavyOverdue, heavyCost) = try cost(heavy)
        #expect(lightOverdue == 31 && heavyOverdue == 31, "30 agreements and 1 milestone overdue")
        // 1,200 done agreements and 600 reached milestones read would cost thousands more.
        #expect(Double(heavyCost) <= Double(lightCost) * 1.25 + 2000,
                "\(lightCost) instructions without what is done, \(heavyCost) with 1,200 done agreements and 600 reached milestones")
    }
}
