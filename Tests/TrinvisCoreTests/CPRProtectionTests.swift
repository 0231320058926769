import Foundation
import Testing
@testable import TrinvisCore

/// CPR numbers: revealed only deliberately and logged, refused where the organisation may not
/// hold them; possible duplicates among visible citizens; the administrator's duplicates list.
@Suite struct CPRProtectionTests {
    struct World {
        let fixture: Fixture
        let municipality: OrganisationID
        let dropIn: OrganisationID
        let per: Citizen
    }

    func world() throws -> World {
        let fixture = try Fixture(username: "admin")
        let workspace = fixture.workspace
        let municipality = try workspace.create(Organisation(name: "Jobcenter", kind: .municipality)).id
        let dropIn = try workspace.create(Organisation(name: "Værestedet", kind: .dropInCentre)).id
        try workspace.create(Professional(name: "Admin", role: .administrator, organisationID: municipality, username: "admin"))
        try workspace.create(Professional(name: "Inger", role: .caseworker, organisationID: municipality, username: "inger"))
        try workspace.create(Professional(name: "Sanne", role: .dropInCounselor, organisationID: dropIn, username: "sanne"))
        try workspace.refreshActor()
        let per = try workspace.create(Citizen(name: "Per Kristiansen", cpr: CPR("1405911234"), registeredOn: day("2026-01-01"),
                                               organisationID: municipality))
        return World(fixture: fixture, municipality: municipality, dropIn: dropIn, per: per)
    }

    func workspace(_ world: World, _ username: String) throws -> Workspace {
        let clock = world.fixture.clock
        return try Workspace(path: world.fixture.path, username: username, policy: .organisation, clock: { clock.now })
    }

    func reveals(_ workspace: Workspace) throws -> [AccessLogEntry] {
        try workspace.database.fetchAll("SELECT \(AccessLogEntry.columns) FROM access_log WHERE action = 'reveal-cpr'") {
            try AccessLogEntry(row: $0)
        }
    }

    @Test func organisationsHoldCPRByKindAndTheSettingIsStored() throws {
        let world = try world()
        let organisations = try world.fixture.workspace.all(Organisation.self)
        #expect(organisations.first { $0.id == world.municipality }?.holdsCPR == true)
        #expect(organisations.first { $0.id == world.dropIn }?.holdsCPR == false)
        var centre = try world.fixture.workspace.get(Organisation.self, id: world.dropIn)
        centre.holdsCPR = true
        try world.fixture.workspace.update(centre)
        #expect(try world.fixture.workspace.get(Organisation.self, id: world.dropIn).holdsCPR == true)
        #expect(try world.fixture.workspace.database.scalar("SELECT holds_cpr FROM organisation WHERE id = ?",
                                                            [world.dropIn.sqlValue]) == .integer(1))
    }

    @Test func revealingLogsExactlyOneEntryAndIsRefusedWithoutAccess() throws {
        let world = try world()
        let inger = try workspace(world, "inger")
        #expect(try inger.get(Citizen.self, id: world.per.id).cpr?.description == "140591-XXXX")
        #expect(try reveals(inger).isEmpty)
        #expect(try inger.revealCPR(of: world.per.id)?.formatted == "140591-1234")
        let logged = try reveals(inger)
        #expect(logged.count == 1)
        #expect(logged.first?.account == "inger")
        #expect(logged.first?.citizenID == world.per.id)

        let sanne = try workspace(world, "sanne")
        #expect(throws: StoreError.accessDenied(citizen: world.per.id.rawValue)) { try sanne.revealCPR(of: world.per.id) }
        #expect(try reveals(sanne).count == 1, "a refused reveal writes no entry")
    }

    @Test func aDropInCentreCitizenCannotGetACPR() throws {
        let world = try world()
        let workspace = world.fixture.workspace
        let refusal = StoreError.invalid(ValidationError(field: "cpr", problem: .cprNotHeld))
        #expect(throws: refusal) {
            try workspace.create(Citizen(name: "Kurt", cpr: CPR("0104641234"), registeredOn: day("2026-01-01"),
                                         organisationID: world.dropIn))
        }
        var kurt = try workspace.create(Citizen(name: "Kurt", registeredOn: day("2026-01-01"), organisationID: world.dropIn))
        kurt.cpr = CPR("0104641234")
        #expect(throws: refusal) { try workspace.update(kurt) }
        // Moving Per to the drop-in centre with his number is refused too.
        var per = world.per
        per.organisationID = world.dropIn
        #expect(throws: refusal) { try workspace.update(per) }
        #expect(try workspace.database.scalar("SELECT count(*) FROM citizen WHERE cpr IS NOT NULL") == .integer(1))
        #expect(!Phrase.store(refusal).isEmptyInEnglish)
    }

    @Test func possibleDuplicatesAreFoundOnlyAmongVisibleCitizens() throws {
        let world = try world()
        let admin = world.fixture.workspace
        let visibleTwin = try admin.create(Citizen(name: "Ulla Brandt", birthDate: day("1987-03-12"), registeredOn: day("2026-01-01"),
                                                   organisationID: world.municipality))
        let hiddenTwin = try admin.create(Citizen(name: "Jan Bækgaard", birthDate: day("1971-10-09"), registeredOn: day("2026-01-01"),
                                                  organisationID: world.dropIn))
        let inger = try workspace(world, "inger")
        // The same CPR number (the birth date is encoded in it).
        let samePer = Citizen(name: "P. Kristiansen", cpr: CPR("1405911234"), registeredOn: day("2026-03-02"),
                              organisationID: world.municipality)
        #expect(try inger.possibleDuplicates(of: samePer).map(\.id) == [world.per.id])
        // The same folded name and birth date: case and accents fold, the CPR's date counts.
        let sameUlla = Citizen(name: "ulla BRANDT", cpr: CPR("1203871111"), registeredOn: day("2026-03-02"),
                               organisationID: world.municipality)
        #expect(try inger.possibleDuplicates(of: sameUlla).map(\.id) == [visibleTwin.id])
        let otherUlla = Citizen(name: "Ulla Brandt", birthDate: day("1988-03-12"), registeredOn: day("2026-03-02"))
        #expect(try inger.possibleDuplicates(of: otherUlla).isEmpty)
        // A citizen of the drop-in centre, without consent, is no duplicate for Inger; for Sanne and the administrator it is.
        let sameJan = Citizen(name: "Jan Baekgaard", birthDate: day("1971-10-09"), registeredOn: day("2026-03-02"))
        let janKey = Citizen(name: "Jan Bækgaard", birthDate: day("1971-10-09"), registeredOn: day("2026-03-02"))
        #expect(try inger.possibleDuplicates(of: janKey).isEmpty)
        #expect(try workspace(world, "sanne").possibleDuplicates(of: janKey).map(\.id) == [hiddenTwin.id])
        #expect(try admin.possibleDuplicates(of: janKey).map(\.id) == [hiddenTwin.id])
        _ = sameJan
        // The citizen itself is never its own duplicate.
        #expect(try inger.possibleDuplicates(of: world.per).isEmpty)
    }

    @Test func theAdministratorListsAndLinksDuplicates() throws {
        let world = try world()
        let admin = world.fixture.workspace
        let secondPer = try admin.create(Citizen(name: "Per K.", cpr: CPR("1405911234"), registeredOn: day("2026-02-01"),
                                                 organisationID: world.municipality))
        let jan = try admin.create(Citizen(name: "Jan Bækgaard", birthDate: day("1971-10-09"), registeredOn: day("2026-01-01"),
                                           organisationID: world.dropIn))
        let janAgain = try admin.create(Citizen(name: "JAN BÆKGAARD", birthDate: day("1971-10-09"), registeredOn: day("2026-01-05"),
                                                organisationID: world.municipality))
        try admin.create(Citizen(name: "Jan Bækgaard", birthDate: day("1990-01-01"), registeredOn: day("2026-01-05")))
        let pairs = try admin.duplicatesAcrossDatabase()
        #expect(pairs.map { [$0.first.id, $0.second.id] } == [[world.per.id, secondPer.id], [jan.id, janAgain.id]])
        #expect(pairs.map(\.reason) == [.sameCPR, .sameNameAndBirthDate])
        #expect(pairs.first?.first.organisation == "Jobcenter")
        #expect(pairs.last?.first.organisation == "Værestedet")

        #expect(throws: StoreError.administratorsOnly) { try workspace(world, "inger").duplicatesAcrossDatabase() }
        #expect(throws: StoreError.administratorsOnly) { try workspace(world, "inger").linkCitizens(jan.id, janAgain.id) }

        try admin.linkCitizens(janAgain.id, jan.id, note: "Same man, checked with him")
        #expect(try admin.duplicatesAcrossDatabase().map { [$0.first.id, $0.second.id] } == [[world.per.id, secondPer.id]])
        #expect(try admin.linkedCitizens(of: janAgain.id) == [jan.id])
        // Both citizens still exist: a link never merges.
        #expect(try admin.fetch(Citizen.self, id: jan.id) != nil && admin.fetch(Citizen.self, id: janAgain.id) != nil)
        let logged = try admin.database.fetchAll(
            "SELECT citizen_id, detail FROM access_log WHERE action = 'admin' AND detail LIKE '%linked%' ORDER BY id") {
            (try $0.get(0) as Int64, try $0.get(1) as String)
        }
        #expect(logged.map(\.0) == [jan.id.rawValue, janAgain.id.rawValue])
        let note: String? = try admin.database.fetchOne("SELECT note FROM citizen_link").map { try $0.get(0) }
        #expect(note == "Same man, checked with him")
    }

    @Test func theInterchangeCarriesTheSettingAndDefaultsByKind() throws {
        let world = try world()
        var centre = try world.fixture.workspace.get(Organisation.self, id: world.dropIn)
        centre.holdsCPR = true
        try world.fixture.workspace.update(centre)
        let text = try world.fixture.workspace.exportText()
        #expect(text.contains("\"holds_cpr\": true"))
        #expect(!text.contains("\"holds_cpr\": false"), "the default by kind is not written")
        #expect(text.components(separatedBy: "holds_cpr").count == 2, "only the drop-in centre that holds CPR numbers says so")
        // A document without the member (an older one) gets the default by kind.
        let older = text.replacingOccurrences(of: #",\s*"holds_cpr": (true|false)"#, with: "", options: .regularExpression)
        #expect(!older.contains("holds_cpr"))
        let target = try Fixture(username: "admin")
        _ = try target.workspace.importDocument(text: older)
        let imported = try target.workspace.all(Organisation.self)
        #expect(imported.first { $0.name == "Værestedet" }?.holdsCPR == false)
        #expect(imported.first { $0.name == "Jobcenter" }?.holdsCPR == true)
    }
}

extension Phrase {
    /// True when the English text is empty (a phrase must say something).
    var isEmptyInEnglish: Bool { Localizer(.english)(self).isEmpty }
}
