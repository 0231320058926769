import Testing
@testable import TrinvisCore

/// Another connection for a thread of its own (the interface's results report in the
/// background): the same file, the same person, the same access rule, only reading; and work
/// on a connection that stops when no one waits for it any longer.
@Suite struct WorkspaceOpeningTests {
    @Test func theOtherConnectionSeesWhatTheActorMaySeeAndOnlyReads() throws {
        let data = try ReportData(username: "inger", policy: .organisation)
        let ryslinge = try data.organisation("Jobcenter Ryslinge")
        _ = try data.professional("Inger Holm", username: "inger", organisation: ryslinge)
        try data.workspace.refreshActor()
        for (name, organisation) in [("Svend", ryslinge), ("Jan", try data.organisation("Fundamentet"))] {
            try data.meeting(try data.citizen(name, organisation: organisation), "2026-01-01")
        }

        let other = try data.workspace.opening.openForReading()
        #expect(other !== data.workspace)
        #expect(other.isReadOnly)
        #expect(other.actor == data.workspace.actor)
        #expect(other.policy == .organisation)
        #expect(try other.resultsReport() == data.report())
        #expect(try other.resultsReport().citizens == 1, "Jan of the other organisation is not counted")
        #expect(try other.resultsReport(from: LocalDate(iso: "2026-01-01")) == data.report(from: "2026-01-01"))
    }

    @Test func aPersonOfTheOperatingSystemIsThatPersonOnTheOtherConnectionToo() throws {
        let data = try ReportData()
        let ryslinge = try data.organisation("Jobcenter Ryslinge")
        _ = try data.professional("Inger Holm", username: "inger-os", organisation: ryslinge)
        try data.meeting(try data.citizen("Svend", organisation: ryslinge), "2026-01-01")
        try data.meeting(try data.citizen("Jan"), "2026-01-01")
        let clock = data.fixture.clock
        let person = try Workspace(path: data.fixture.path, identity: Identity(account: "inger-os", uid: 4242),
                                   clock: { clock.now })
        let other = try person.opening.openForReading()
        #expect(other.identity == person.identity)
        #expect(other.actor == person.actor)
        #expect(other.today == person.today)
        #expect(try other.resultsReport() == person.resultsReport())
        #expect(try other.resultsReport().citizens == 1)
    }

    @Test func workStopsOnceItIsNoLongerWanted() throws {
        let fixture = try Fixture()
        let database = fixture.workspace.database
        let counting = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT count(*) FROM n"
        #expect(try database.stopping(when: { false }) { try database.scalar(counting) } == .integer(100_000))
        var asked = 0
        do {
            _ = try database.stopping(when: { asked += 1; return asked > 3 }) { try database.scalar(counting) }
            Issue.record("the count ran to its end")
        } catch let error as DatabaseError {
            #expect(error.isInterrupted, "\(error)")
        }
        #expect(asked == 4)
        // The handler is gone afterwards: the connection works as before.
        #expect(try database.scalar(counting) == .integer(100_000))
    }
}
