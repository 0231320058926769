import Foundation
import Testing
@testable import TrinvisCore

/// A workspace whose user is a registered administrator, with one organisation and citizen.
private struct AuditWorld {
    let fixture: Fixture
    let citizen: Citizen
    let other: Citizen
    var workspace: Workspace { fixture.workspace }

    init(role: ProfessionalRole = .administrator) throws {
        fixture = try Fixture()
        let workspace = fixture.workspace
        let organisation = try workspace.create(Organisation(name: "Jobcenter Ryslinge", kind: .municipality))
        _ = try workspace.create(Professional(name: "Inger Holm", role: role, organisationID: organisation.id,
                                              username: "inger"))
        try workspace.refreshActor()
        citizen = try workspace.create(Citizen(name: "Svend Madsen", registeredOn: day("2026-01-10"),
                                               organisationID: organisation.id))
        other = try workspace.create(Citizen(name: "Ulla Nørgaard", registeredOn: day("2026-01-10"),
                                             organisationID: organisation.id))
    }

    func entries(_ action: AccessAction? = nil) throws -> [AccessLogEntry] {
        try workspace.accessLogEntries().filter { action == nil || $0.action == action }
    }

    func count(_ table: String) throws -> Int {
        Int(sqlValue: try workspace.database.scalar("SELECT count(*) FROM \(table)")) ?? -1
    }
}

private func isIntact(_ result: AccessLogVerification) -> Bool {
    if case .intact = result { return true }
    return false
}

@Suite struct AccessLogTests {
    // MARK: SHA-256

    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256MatchesTheNISTVectors(message: String, digest: String) {
        #expect(SHA256.hex(message) == digest)
    }

    @Test func sha256OfOneMillionAs() {
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex(SHA256.digest(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: Append-only

    @Test func updateAndDeleteOnTheLogAreRefusedByTheDatabase() throws {
        let world = try AuditWorld()
        let before = try world.entries()
        #expect(!before.isEmpty)
        #expect(throws: DatabaseError.self) { try world.workspace.database.execute("UPDATE access_log SET detail = 'x'") }
        #expect(throws: DatabaseError.self) { try world.workspace.database.execute("DELETE FROM access_log") }
        #expect(throws: DatabaseError.self) {
            try world.workspace.database.execute("DELETE FROM access_log WHERE id = ?", [.integer(before[0].id)])
        }
        #expect(try world.entries() == before)
    }

    // MARK: Coalesced look-ups

    @Test func aLookupTwiceWithinFifteenMinutesIsOneEntry() throws {
        let world = try AuditWorld()
        world.workspace.noteLookup(world.citizen.id)
        try world.workspace.flushAccessLog()
        world.fixture.clock.advance(seconds: 14 * 60)
        world.workspace.noteLookup(world.citizen.id)
        try world.workspace.flushAccessLog()
        #expect(try world.entries(.view).count == 1)
        world.fixture.clock.advance(seconds: 60)
        world.workspace.noteLookup(world.citizen.id)
        try world.workspace.flushAccessLog()
        let views = try world.entries(.view)
        #expect(views.count == 2)
        #expect(views.allSatisfy { $0.citizenID == world.citizen.id && $0.account == "inger" })
    }

    @Test func differentActionsAndCitizensAreSeparateEntries() throws {
        let world = try AuditWorld()
        world.workspace.noteLookup(world.citizen.id, .view)
        world.workspace.noteLookup(world.citizen.id, .print)
        world.workspace.noteLookup(world.other.id, .view)
        world.workspace.noteLookup(world.citizen.id, .view)
        try world.workspace.flushAccessLog()
        let lookups = try world.entries().filter { $0.chain == .lookup }
        #expect(lookups.map { "\($0.action.rawValue) \($0.citizenID?.rawValue ?? 0)" }
                == ["view \(world.citizen.id.rawValue)", "print \(world.citizen.id.rawValue)", "view \(world.other.id.rawValue)"])
    }

    @Test func twoWindowsOfTheSameAccountStillWriteOneEntry() throws {
        let world = try AuditWorld()
        let second = try world.fixture.secondWorkspace(username: "inger")
        world.workspace.noteLookup(world.citizen.id)
        try world.workspace.flushAccessLog()
        world.fixture.clock.advance(seconds: 5 * 60)
        second.noteLookup(world.citizen.id)
        try second.flushAccessLog()
        #expect(try world.entries(.view).count == 1)
        // Another account's look-up is its own entry.
        let colleague = try world.fixture.secondWorkspace(username: "bo")
        colleague.noteLookup(world.citizen.id)
        try colleague.flushAccessLog()
        #expect(try world.entries(.view).map(\.account) == ["inger", "bo"])
    }

    @Test func aSearchIsLoggedOnceWithItsLastTerm() throws {
        let world = try AuditWorld()
        for term in ["S", "Sv", "Sve", "Svend"] { world.workspace.noteSearch(term) }
        try world.workspace.flushAccessLog()
        #expect(try world.entries(.search).isEmpty)
        world.workspace.finishSearch()
        try world.workspace.flushAccessLog()
        #expect(try world.entries(.search).map(\.detail) == ["Svend"])
    }

    // MARK: A change and its entry together

    @Test func aSuccessfulChangeLeavesTheRowAndItsEntry() throws {
        let world = try AuditWorld()
        let entries = try world.entries().count
        let plan = try world.workspace.create(Plan(citizenID: world.citizen.id, goal: "Job", start: day("2026-01-10"),
                                                   end: day("2026-07-10")))
        let after = try world.entries()
        #expect(after.count == entries + 1)
        #expect(after.last?.citizenID == world.citizen.id)
        #expect(after.last?.detail.contains("\(plan.id.rawValue)") == true)
    }

    @Test func aFailingSaveLeavesNeitherTheRowNorAnEntry() throws {
        let world = try AuditWorld()
        let entries = try world.entries().count
        let professionals = try world.count("professional")
        // A constraint failure in the database (a second professional with the same account).
        #expect(throws: StoreError.self) {
            try world.workspace.create(Professional(name: "Inger Anden", role: .caseworker, username: "inger"))
        }
        #expect(try world.count("professional") == professionals)
        #expect(try world.entries().count == entries)
        // A conflict: the citizen was saved in another window meanwhile.
        var stale = world.citizen
        var fresh = world.citizen
        fresh.name = "Svend M. Madsen"
        _ = try world.fixture.secondWorkspace(username: "inger").update(fresh)
        let afterFresh = try world.entries().count
        stale.name = "Svend Overskrevet"
        #expect(throws: StoreError.self) { try world.workspace.update(stale) }
        #expect(try world.entries().count == afterFresh)
        #expect(try world.workspace.fetch(Citizen.self, id: world.citizen.id)?.name == "Svend M. Madsen")
    }

    // MARK: Verification

    @Test func verifyReportsCountsAndTheLatestHashes() throws {
        let world = try AuditWorld()
        world.workspace.noteLookup(world.citizen.id)
        try world.workspace.flushAccessLog()
        let all = try world.entries()
        guard case .intact(let counts, let hashes) = try world.workspace.verifyAccessLog() else {
            Issue.record("not intact")
            return
        }
        #expect(counts[.lookup] == 1)
        #expect(counts[.change] == all.count - 1)
        #expect(hashes[.lookup] == all.last { $0.chain == .lookup }?.hash)
        #expect(hashes[.change] == all.last { $0.chain == .change }?.hash)
    }

    @Test func verifyFindsAnEditedAndARemovedEntry() throws {
        let world = try AuditWorld()
        let database = world.workspace.database
        let entries = try world.entries()
        let target = entries[1]
        try database.execute("DROP TRIGGER access_log_no_update")
        try database.execute("UPDATE access_log SET detail = 'nothing to see' WHERE id = ?", [.integer(target.id)])
        #expect(try world.workspace.verifyAccessLog()
                == .broken(AccessLogProblem(id: target.id, chain: "change", kind: .altered)))
        try database.execute("DROP TRIGGER access_log_no_delete")
        try database.execute("DELETE FROM access_log WHERE id = ?", [.integer(target.id)])
        let next = try #require(entries.first { $0.id > target.id && $0.chain == target.chain })
        #expect(try world.workspace.verifyAccessLog()
                == .broken(AccessLogProblem(id: next.id, chain: "change", kind: .removedBefore)))
    }

    @Test func onlyAdministratorsVerifyAndPrune() throws {
        let world = try AuditWorld(role: .caseworker)
        #expect(throws: StoreError.administratorsOnly) { try world.workspace.pruneAccessLog() }
        #expect(throws: StoreError.administratorsOnly) { try world.workspace.verifyAccessLog() }
    }

    // MARK: Pruning

    @Test func pruningRemovesOnlyWhatIsOlderThanTheRetentionAndKeepsTheChainsVerifiable() throws {
        let world = try AuditWorld()
        let workspace = world.workspace
        let clock = world.fixture.clock
        let start = clock.now.seconds
        workspace.noteLookup(world.citizen.id)
        try workspace.flushAccessLog()
        clock.advance(seconds: 100 * 86_400)
        workspace.noteLookup(world.other.id)
        try workspace.flushAccessLog()
        clock.advance(seconds: 90 * 86_400)
        // Now the first look-up is 190 days old (older than 183), the second 90 days.
        let changesBefore = try world.entries().filter { $0.chain == .change }
        let results = try workspace.pruneAccessLog()
        #expect(results.first { $0.chain == .lookup }?.removed == 1)
        #expect(results.first { $0.chain == .change }?.removed == 0)
        let lookups = try world.entries().filter { $0.chain == .lookup }
        #expect(lookups.map(\.citizenID) == [world.other.id])
        let changes = try world.entries().filter { $0.chain == .change }
        #expect(Array(changes.dropLast()) == changesBefore)
        #expect(changes.last?.action == .prune)
        #expect(changes.last?.detail.contains("\"lookup\":{\"removed\":1") == true)
        #expect(isIntact(try workspace.verifyAccessLog()))
        #expect(try world.count("access_log_pruning") == 0)

        // Shorter retention from the settings; everything of the change chain older than a day
        // goes, the prune entry itself included, and the chain still verifies.
        try workspace.database.execute("INSERT INTO setting (key, value) VALUES ('retention-change-days', '1')")
        try workspace.database.execute("INSERT INTO setting (key, value) VALUES ('retention-lookup-days', '30')")
        #expect(try workspace.retentionDays(.change) == 1)
        clock.advance(seconds: 2 * 86_400)
        _ = try workspace.create(Plan(citizenID: world.citizen.id, goal: "Job", start: day("2026-01-10"),
                                      end: day("2026-07-10")))
        let second = try workspace.pruneAccessLog()
        #expect(second.first { $0.chain == .change }?.removed == changesBefore.count + 1)
        #expect(second.first { $0.chain == .lookup }?.removed == 1)
        let remaining = try world.entries()
        #expect(remaining.map(\.action) == [.change, .prune])
        #expect(remaining.allSatisfy { $0.at > start })
        #expect(isIntact(try workspace.verifyAccessLog()))

        // And once more with nothing to remove: the newest prune entry carries both anchors.
        let third = try workspace.pruneAccessLog()
        #expect(third.allSatisfy { $0.removed == 0 })
        #expect(isIntact(try workspace.verifyAccessLog()))

        // Removing the oldest remaining entry now is detected.
        let oldest = try #require(try world.entries().first)
        try workspace.database.execute("DROP TRIGGER access_log_no_delete")
        try workspace.database.execute("DELETE FROM access_log WHERE id = ?", [.integer(oldest.id)])
        guard case .broken(let problem) = try workspace.verifyAccessLog() else {
            Issue.record("the removal of the oldest entry went unnoticed")
            return
        }
        #expect(problem.kind == .removedBefore)
    }

    @Test func pruningKeepsEverythingYoungerThanTheRetention() throws {
        let world = try AuditWorld()
        world.workspace.noteLookup(world.citizen.id)
        try world.workspace.flushAccessLog()
        world.fixture.clock.advance(seconds: 182 * 86_400)
        let before = try world.entries()
        try world.workspace.pruneAccessLog()
        let after = try world.entries()
        #expect(Array(after.dropLast()) == before)
        #expect(isIntact(try world.workspace.verifyAccessLog()))
    }
}
