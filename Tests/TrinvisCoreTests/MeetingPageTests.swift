import Foundation
import Testing
@testable import TrinvisCore

/// A page of meetings reads the attendees and members of all its meetings at once, and each
/// meeting comes out as it does when fetched alone.
@Suite struct MeetingPageTests {
    @Test func aPageHasTheAttendeesAndMembersOfEachMeetingAlone() throws {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        let kommune = try workspace.create(Organisation(name: "Jobcenter", kind: .municipality))
        let inger = try workspace.create(Professional(name: "Inger", role: .caseworker, organisationID: kommune.id, username: "inger"))
        let hanne = try workspace.create(Professional(name: "Hanne", role: .jobConsultant, organisationID: kommune.id, username: "hanne"))
        let ole = try workspace.create(Professional(name: "Ole", role: .mentor, organisationID: kommune.id))
        let ulla = try workspace.create(Citizen(name: "Ulla Brandt", registeredOn: day("2026-01-05"), organisationID: kommune.id)).id
        let household = try workspace.addMember(ulla, to: nil, newHouseholdName: "Brandt", relation: .parent).householdID!
        let sofie = try workspace.create(Citizen(name: "Sofie Brandt", householdID: household, registeredOn: day("2026-01-05"),
                                                 organisationID: kommune.id, householdRelation: .child)).id
        // Attendees in an order of their own (not by id), some meetings with none, one with a member.
        let orders: [[ProfessionalID]] = [[hanne.id, inger.id], [], [ole.id, hanne.id, inger.id], [inger.id], [], [ole.id]]
        for (index, attendees) in orders.enumerated() {
            try workspace.create(Meeting(citizenID: ulla, at: instant("2026-02-\(10 + index)T10:00:00+01:00"), attendees: attendees,
                                         notes: "Møde \(index)", members: index == 2 ? [sofie] : []))
        }
        let page = try workspace.meetingHistory(of: ulla, page: .first(20)).items.map(\.meeting)
        #expect(page.count == orders.count)
        for meeting in page {
            let alone = try #require(try workspace.fetch(Meeting.self, id: meeting.id))
            #expect(meeting.attendees == alone.attendees && meeting.members == alone.members, "\(meeting.notes)")
        }
        #expect(Set(page.map(\.attendees)) == Set(orders))
        #expect(page.first { $0.notes == "Møde 2" }?.members == [sofie])
        #expect(page.filter { !$0.members.isEmpty }.count == 1)
        // Sofie's history shows the household meeting with the same attendees.
        let hers = try workspace.meetingHistory(of: sofie, page: .first(20)).items.map(\.meeting)
        #expect(hers.map(\.attendees) == [[ole.id, hanne.id, inger.id]])
    }
}
