import Foundation
import Testing
@testable import TrinvisCore

/// Under the organisation rule the citizen list and the name search keep the other
/// organisations' citizens shared by consent, read once; whatever changes them must show at the
/// next list, whoever changed it and however.
@Suite struct SharedCitizensTests {
    /// A municipality's caseworker (Inger), three citizens of her own, and two of the drop-in
    /// centre: Birte, shared by a consent until 2026-03-03, Carl, whose consent was withdrawn,
    /// and Erik, whose consent comes into force on 2026-03-05; and `more` others of the drop-in
    /// centre's shared without an end.
    private struct World {
        let fixture: Fixture
        let inger: Workspace
        let kommune: OrganisationID
        let birte: CitizenID
        let carl: CitizenID
        let erik: CitizenID

        init(more: Int = 0) throws {
            fixture = try Fixture(username: "admin")
            let admin = fixture.workspace
            let kommune = try admin.create(Organisation(name: "Aarhus Kommune", kind: .municipality)).id
            self.kommune = kommune
            let cafe = try admin.create(Organisation(name: "Værestedet", kind: .dropInCentre)).id
            try admin.create(Professional(name: "Ada Admin", role: .administrator, organisationID: kommune, username: "admin"))
            try admin.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: kommune, username: "inger"))
            try admin.refreshActor()
            let registered = day("2026-01-05")
            for name in ["Anders Bak", "Åse Winther", "Ib Øster"] {
                try admin.create(Citizen(name: name, registeredOn: registered, organisationID: kommune))
            }
            birte = try admin.create(Citizen(name: "Birte Kaae", registeredOn: registered, organisationID: cafe)).id
            carl = try admin.create(Citizen(name: "Carl Dahl", registeredOn: registered, organisationID: cafe)).id
            erik = try admin.create(Citizen(name: "Erik Ny", registeredOn: registered, organisationID: cafe)).id
            try admin.create(Consent(citizenID: carl, scope: .shareBetweenOrganisations, recipientID: kommune, givenOn: registered,
                                     withdrawnOn: day("2026-02-01"), categories: [.contact]))
            try admin.create(Consent(citizenID: erik, scope: .shareBetweenOrganisations, recipientID: kommune,
                                     givenOn: day("2026-03-05"), categories: [.contact]))
            try admin.create(Consent(citizenID: birte, scope: .shareBetweenOrganisations, recipientID: kommune, givenOn: registered,
                                     expiresOn: day("2026-03-03"), categories: [.contact, .meetings]))
            try admin.transaction {
                for index in 0..<more {
                    let other = try admin.create(Citizen(name: "Dorte Dam \(index)", registeredOn: registered, organisationID: cafe))
                    try admin.create(Consent(citizenID: other.id, scope: .shareBetweenOrganisations, recipientID: kommune,
                                             givenOn: registered, categories: [.contact]))
                }
            }
            let clock = fixture.clock
            inger = try Workspace(path: fixture.path, username: "inger", policy: .organisation, clock: { clock.now })
        }

        /// The names of Inger's first page.
        func names() throws -> [String] {
            try inger.citizenSummaries(page: .first(50)).items.map(\.citizen.name)
        }

        /// Withdraws Birte's consent with SQL on Inger's own connection, as an import or a sync
        /// writes, beside `Workspace.update`.
        func withdrawBirtesConsentOnIngersConnection() throws {
            try inger.database.execute("UPDATE consent SET withdrawn_on = '2026-03-01' WHERE citizen_id = ?", [birte.sqlValue])
        }
    }

    @Test func theListShowsOwnAndSharedCitizensInNameOrder() throws {
        let world = try World()
        #expect(try world.names() == ["Anders Bak", "Birte Kaae", "Ib Øster", "Åse Winther"])
        #expect(try world.inger.search("kaae", noting: false).map(\.summary.citizen.name) == ["Birte Kaae"])
    }

    @Test func aConsentGivenInAnotherWindowShowsAtTheNextList() throws {
        let world = try World()
        #expect(try !world.names().contains("Carl Dahl"))
        #expect(try world.inger.search("dahl", noting: false).isEmpty)
        try world.fixture.workspace.create(Consent(citizenID: world.carl, scope: .shareBetweenOrganisations, recipientID: world.kommune,
                                                   givenOn: day("2026-02-01"), categories: [.contact]))
        #expect(try world.names().contains("Carl Dahl"))
        #expect(try world.inger.search("dahl", noting: false).map(\.summary.citizen.name) == ["Carl Dahl"])
    }

    @Test func aConsentChangedOnTheSameConnectionChangesTheList() throws {
        let world = try World()
        #expect(try world.names().contains("Birte Kaae"))
        #expect(try !world.names().contains("Carl Dahl"))
        try world.withdrawBirtesConsentOnIngersConnection()
        #expect(try !world.names().contains("Birte Kaae"))
        #expect(try world.inger.search("kaae", noting: false).isEmpty)
        try world.inger.database.execute("UPDATE consent SET withdrawn_on = NULL WHERE citizen_id = ?", [world.carl.sqlValue])
        #expect(try world.names().contains("Carl Dahl"))
        #expect(try world.inger.search("dahl", noting: false).map(\.summary.citizen.name) == ["Carl Dahl"])
    }

    @Test func aListReadInsideATransactionThatIsRolledBackIsNotKept() throws {
        let world = try World()
        #expect(try world.names().contains("Birte Kaae"))
        struct Undo: Error {}
        #expect(throws: Undo.self) {
            try world.inger.transaction {
                try world.withdrawBirtesConsentOnIngersConnection()
                #expect(try !world.names().contains("Birte Kaae"), "inside, the withdrawal is seen")
                throw Undo()
            }
        }
        #expect(try world.names().contains("Birte Kaae"), "the withdrawal was rolled back")
    }

    @Test func consentsComeIntoAndGoOutOfForceWithTheDay() throws {
        let world = try World()
        #expect(try world.names().contains("Birte Kaae"))
        #expect(try !world.names().contains("Erik Ny"))
        world.fixture.clock.now = instant("2026-03-03T23:30:00+01:00")
        #expect(try world.names().contains("Birte Kaae"), "in force on its last day")
        world.fixture.clock.now = instant("2026-03-04T08:00:00+01:00")
        #expect(try !world.names().contains("Birte Kaae"))
        #expect(try !world.names().contains("Erik Ny"))
        world.fixture.clock.now = instant("2026-03-05T08:00:00+01:00")
        #expect(try world.names().contains("Erik Ny"), "in force from its first day")
    }

    /// The access log leaves the shared citizens kept; a change to one of them reads that one
    /// again, not all; an erasure, or more changes than `changedCitizenLimit`, read all again.
    /// (Instructions of SQLite's virtual machine count the rows read.)
    @Test func theLogKeepsTheSharedCitizensAChangeReadsItsCitizenAndAnErasureAll() throws {
        let more = SharedCitizens.changedCitizenLimit + 20
        let world = try World(more: more)
        _ = try world.names()
        let kept = try world.inger.database.countingInstructions { try world.names() }.instructions
        world.inger.forgetSharedCitizens()
        let read = try world.inger.database.countingInstructions { try world.names() }.instructions
        #expect(read > kept, "reading the shared citizens costs something (\(read) against \(kept))")
        func cost() throws -> Int { try world.inger.database.countingInstructions { try world.names() }.instructions }
        let between = (kept + read) / 2

        world.inger.noteLookup(world.birte)
        try world.inger.flushAccessLog()
        #expect(try world.inger.accessLogEntries(citizen: world.birte).count == 1)
        let afterLog = try cost()
        #expect(afterLog < between, "after the log: \(afterLog), kept: \(kept), read: \(read)")

        try world.withdrawBirtesConsentOnIngersConnection()
        let afterChange = try cost()
        #expect(afterChange > kept && afterChange < between, "after a change: \(afterChange), kept: \(kept), read: \(read)")
        #expect(try !world.names().contains("Birte Kaae"))

        let dorte = try #require(try world.inger.search("dorte dam 7", noting: false).first).summary.citizen.id
        _ = try world.fixture.workspace.erase(citizen: dorte, reason: "Test")
        let afterErasure = try cost()
        #expect(afterErasure > between, "after an erasure: \(afterErasure), kept: \(kept), read: \(read)")
        #expect(try world.inger.database.scalar("SELECT count(*) FROM shared_citizen_change WHERE citizen_id = ?",
                                                [dorte.sqlValue]) == .integer(0), "an erased citizen leaves no note")

        try world.fixture.workspace.database.execute("UPDATE consent SET note = 'Gennemgået' WHERE recipient_id = ?",
                                                     [world.kommune.sqlValue])
        let afterMany = try cost()
        #expect(afterMany > between, "after \(more) changes: \(afterMany), kept: \(kept), read: \(read)")
        #expect(try world.inger.citizenSummaries(page: .first(2 * more)).items.count == 3 + more - 1,
                "her three and the others but the erased")
    }

    /// Reads Inger's list once, so that its shared citizens are kept, and returns what a list
    /// costs with them kept and with them read again.
    private func keptAndReadCosts(_ world: World) throws -> (kept: Int, read: Int) {
        _ = try world.names()
        let kept = try world.inger.database.countingInstructions { try world.names() }.instructions
        world.inger.forgetSharedCitizens()
        let read = try world.inger.database.countingInstructions { try world.names() }.instructions
        #expect(read > kept, "reading the shared citizens costs something (\(read) against \(kept))")
        return (kept, read)
    }

    /// Another caseworker writes a meeting and a milestone for one of Inger's citizens: nothing
    /// the shared citizens are read from, so Inger's next list reads them no more, though the
    /// file changed (SQLite's `data_version` moved).
    @Test func anotherConnectionsMeetingAndMilestoneKeepTheSharedCitizens() throws {
        let world = try World(more: 300)
        let costs = try keptAndReadCosts(world)
        let between = (costs.kept + costs.read) / 2
        let version = try world.inger.dataVersion()
        let admin = world.fixture.workspace
        let anders = try #require(try admin.citizenSummaries(page: .first(50)).items.first { $0.citizen.name == "Anders Bak" })
        try admin.create(Meeting(citizenID: anders.citizen.id, at: instant("2026-02-24T10:00:00+01:00"), attendance: .attended))
        let plan = try admin.create(Plan(citizenID: anders.citizen.id, goal: "Fast job", start: day("2026-02-24")))
        try admin.create(Milestone(planID: plan.id, title: "Søge tre job", deadline: day("2026-03-10")))
        #expect(try world.inger.dataVersion() != version, "another connection committed")
        let after = try world.inger.database.countingInstructions { try world.names() }.instructions
        #expect(after < between, "after the meeting: \(after), kept: \(costs.kept), read: \(costs.read)")
    }

    /// Every change the shared citizens depend on, by another connection, shows at Inger's next
    /// list and search: a rename, a move to her organisation, archiving and erasure of a
    /// citizen through the store, and a consent given, changed and deleted with SQL (as the
    /// sqlite3 shell or a sync would write).
    @Test func everyChangeTheSharedCitizensDependOnShowsAtTheNextList() throws {
        let world = try World(more: 3)
        let admin = world.fixture.workspace
        let shell = try Database(path: world.fixture.path, mode: .existing)
        func birte() throws -> Citizen { try #require(try admin.fetch(Citizen.self, id: world.birte)) }
        // The names of the list's shared citizens, once the kept list has been found equal to
        // one read afresh (the list reads the rule again, which hides a stale entry of a
        // withdrawn consent, but not a stale name or a missing entry).
        func sharedNames(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
            func described(_ entries: [SharedCitizens.Entry]) -> [String] {
                entries.map { "\($0.id.rawValue) \($0.key) \($0.nameKey) \($0.archived)" }
            }
            let kept = described(try world.inger.sharedCitizens())
            world.inger.forgetSharedCitizens()
            #expect(kept == described(try world.inger.sharedCitizens()), "the kept list is the list read afresh",
                    sourceLocation: sourceLocation)
            return try world.names().filter { !["Anders Bak", "Ib Øster", "Åse Winther"].contains($0) }
        }
        #expect(try sharedNames() == ["Birte Kaae", "Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2"])

        var renamed = try birte()
        renamed.name = "Aase Holm"
        _ = try admin.update(renamed)
        #expect(try sharedNames() == ["Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2", "Aase Holm"], "sorted as Å")
        #expect(try world.inger.search("holm", noting: false).map(\.summary.citizen.name) == ["Aase Holm"])
        #expect(try world.inger.search("kaae", noting: false).isEmpty)

        var moved = try birte()
        moved.organisationID = world.kommune
        moved = try admin.update(moved)
        #expect(try sharedNames() == ["Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2", "Aase Holm"], "her own now")
        #expect(try world.names().filter { $0 == "Aase Holm" }.count == 1, "listed once")
        moved.organisationID = try #require(try admin.fetch(Citizen.self, id: world.carl)).organisationID
        _ = try admin.update(moved)
        #expect(try sharedNames() == ["Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2", "Aase Holm"], "shared again")

        _ = try admin.archive(citizen: world.birte)
        #expect(try sharedNames() == ["Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2"])

        try shell.execute("UPDATE consent SET withdrawn_on = NULL WHERE citizen_id = ?", [world.carl.sqlValue])
        #expect(try sharedNames() == ["Carl Dahl", "Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2"], "a consent changed")
        try shell.execute("DELETE FROM consent WHERE citizen_id = ?", [world.carl.sqlValue])
        #expect(try sharedNames() == ["Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2"], "a consent deleted")
        // A copy of Dorte Dam 0's consent for Erik, every column as it is but the id and the citizen.
        let columns = try shell.fetchAll("SELECT name FROM pragma_table_info('consent') WHERE name NOT IN ('id', 'citizen_id')") {
            try $0.get(0, as: String.self)
        }.joined(separator: ", ")
        try shell.execute("""
            INSERT INTO consent (citizen_id, \(columns)) SELECT ?, \(columns)
            FROM consent WHERE citizen_id = (SELECT id FROM citizen WHERE name = 'Dorte Dam 0')
            """, [world.erik.sqlValue])
        #expect(try sharedNames() == ["Dorte Dam 0", "Dorte Dam 1", "Dorte Dam 2", "Erik Ny"], "a consent given")

        let dorte = try #require(try world.inger.search("dorte dam 1", noting: false).first).summary.citizen.id
        _ = try admin.erase(citizen: dorte, reason: "Test")
        #expect(try sharedNames() == ["Dorte Dam 0", "Dorte Dam 2", "Erik Ny"], "erased")

        // Three at once, to both ends and in between, as the sqlite3 shell may write them.
        try shell.execute("""
            UPDATE citizen SET name_sort = CASE name WHEN 'Dorte Dam 0' THEN 'zzz' WHEN 'Dorte Dam 2' THEN '000' ELSE name_sort || ' ' END
            WHERE organisation_id IS NOT ?
            """, [world.kommune.sqlValue])
        #expect(try sharedNames() == ["Dorte Dam 2", "Erik Ny", "Dorte Dam 0"], "three renamed")
    }

    /// The rule on the `citizen` table's own rows (the row's organisation read from the row)
    /// lets through exactly the citizens the rule on a citizen id does, for every category.
    @Test func theRuleOnACitizenRowIsTheRuleOnACitizenID() throws {
        let world = try World()
        try world.fixture.workspace.create(Citizen(name: "Uden Sted", registeredOn: day("2026-01-05")))
        for category in [nil] + DataCategory.allCases {
            func allowed(_ condition: (sql: String, arguments: [SQLValue])?) throws -> [Int64] {
                let condition = try #require(condition)
                return try world.inger.database.fetchAll("SELECT c.id FROM citizen c WHERE \(condition.sql) ORDER BY c.id",
                                                         condition.arguments) { try $0.get(0) }
            }
            let name = category?.rawValue ?? "any category"
            let byRow = try allowed(world.inger.accessCondition(citizenRow: "c", category: category))
            let byID = try allowed(world.inger.accessCondition(citizenColumn: "c.id", category: category))
            #expect(byRow == byID, "\(name)")
            let shared = category == nil || category == .contact || category == .meetings
            #expect(byRow.count == 3 + (shared ? 1 : 0), "her three, and Birte for \(name)")
        }
    }

    /// The name search tests the kept names as SQLite's `LIKE '%…%' ESCAPE '\'` would.
    @Test func theKeptNamesAreMatchedAsLikeMatches() throws {
        let fixture = try Fixture()
        let texts = ["birte kaae", "BIRTE Kaae", "søren ærø", "SØREN", "åse aagaard", "a%b_c\\d", "", "ib"]
        let parts = ["kaae", "KAAE", "rte k", "ærø", "ÆRØ", "søren", "ø", "%", "_", "\\", "b_c", "x", "aa", "ib", "ibs", ""]
        for text in texts {
            for part in parts {
                let like = try fixture.workspace.database.scalar("SELECT ? LIKE ? ESCAPE '\\'",
                                                                 [.text(text), .text("%" + Workspace.escapeLike(part) + "%")])
                #expect(Workspace.contains(text, likePattern: part) == (like == .integer(1)), "'\(text)' holds '\(part)'")
            }
        }
    }
}
