import Foundation
import Testing
@testable import TrinvisCore

/// Activities: their time, place, runners and who came; the access rule over participants;
/// the log about each participant; the citizen's activities; participation in the report; the
/// interchange extensions.
@Suite struct ActivityTests {
    /// Two organisations, a professional of each, a citizen of each, and an activity of the
    /// drop-in centre with both citizens (the municipality's citizen came).
    struct World {
        let fixture: Fixture
        let centre: OrganisationID
        let municipality: OrganisationID
        let sanne: ProfessionalID
        let inger: ProfessionalID
        let jan: CitizenID
        let ulla: CitizenID
        let activity: Activity

        init() throws {
            fixture = try Fixture(username: "admin")
            let admin = fixture.workspace
            centre = try admin.create(Organisation(name: "Værestedet", kind: .dropInCentre)).id
            municipality = try admin.create(Organisation(name: "Jobcenter", kind: .municipality)).id
            sanne = try admin.create(Professional(name: "Sanne Østergaard", role: .dropInCounselor, organisationID: centre,
                                                  username: "sanne")).id
            inger = try admin.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: municipality,
                                                  username: "inger")).id
            jan = try admin.create(Citizen(name: "Jan Bækgaard", registeredOn: day("2026-01-05"), organisationID: centre)).id
            ulla = try admin.create(Citizen(name: "Ulla \u{1B}[31mBrandt", registeredOn: day("2026-01-05"),
                                            organisationID: municipality)).id
            activity = try admin.create(Activity(title: "Tur til Ærø 🚢", kind: .trip, date: day("2026-02-20"),
                                                 startTime: ClockTime(hour: 8, minute: 15), place: "Færgelejet",
                                                 organisationID: centre, participants: [jan, ulla], present: [ulla],
                                                 runners: [sanne, inger]))
        }

        func workspace(_ username: String) throws -> Workspace {
            let clock = fixture.clock
            return try Workspace(path: fixture.path, username: username, policy: .organisation, clock: { clock.now })
        }
    }

    @Test func startTimePlaceRunnersAndWhoCameAreStored() throws {
        let world = try World()
        let stored = try world.fixture.workspace.get(Activity.self, id: world.activity.id)
        #expect(stored.startTime == ClockTime(hour: 8, minute: 15))
        #expect(stored.place == "Færgelejet")
        #expect(stored.runners == [world.sanne, world.inger])
        #expect(stored.participants == [world.jan, world.ulla])
        #expect(stored.present == [world.ulla])
        #expect(stored.came(world.ulla) && !stored.came(world.jan))
        // Marking someone present makes them a participant.
        var more = stored
        more.present.append(world.jan)
        more.participants = [world.ulla]
        #expect(try world.fixture.workspace.update(more).participants == [world.jan, world.ulla])
    }

    @Test func clockTimesAreReadAsTyped() {
        #expect(ClockTime(parsing: "9:30")?.description == "09:30")
        #expect(ClockTime(parsing: "9.30")?.description == "09:30")
        #expect(ClockTime(parsing: "0930")?.description == "09:30")
        #expect(ClockTime(parsing: "17")?.description == "17:00")
        for wrong in ["24:00", "9:3", "12:60", "kl. 9", "", "١٢:٣٠"] { #expect(ClockTime(parsing: wrong) == nil, "\(wrong)") }
    }

    @Test func aProfessionalSeesOnlyTheParticipantsTheyMaySee() throws {
        let world = try World()
        let sanne = try world.workspace("sanne")
        let seen = try sanne.get(Activity.self, id: world.activity.id)
        #expect(seen.participants == [world.jan])
        #expect(seen.present.isEmpty)
        #expect(try sanne.activities(page: .first(10)).items.first?.participants == [world.jan])
        #expect(try sanne.activityDetail(world.activity.id).participants.map(\.name) == ["Jan Bækgaard"])
        #expect(throws: StoreError.self) { try sanne.activities(of: world.ulla) }
    }

    @Test func aSaveKeepsTheParticipantsTheActorCannotSeeAndRefusesToAddThem() throws {
        let world = try World()
        let sanne = try world.workspace("sanne")
        var seen = try sanne.get(Activity.self, id: world.activity.id)
        seen.present = [world.jan]
        seen.title = "Tur til Ærø"
        try sanne.update(seen)
        let stored = try world.fixture.workspace.get(Activity.self, id: world.activity.id)
        #expect(stored.participants == [world.jan, world.ulla])
        #expect(stored.present == [world.jan, world.ulla])

        var forged = try sanne.get(Activity.self, id: world.activity.id)
        forged.participants = []
        forged.present = []
        try sanne.update(forged)
        #expect(try world.fixture.workspace.get(Activity.self, id: world.activity.id).participants == [world.ulla])

        let other = try world.fixture.workspace.create(Citizen(name: "Kurt Damgaard", registeredOn: day("2026-01-05"),
                                                              organisationID: world.municipality))
        var adding = try sanne.get(Activity.self, id: world.activity.id)
        adding.participants.append(other.id)
        #expect(throws: StoreError.accessDenied(citizen: other.id.rawValue)) { try sanne.update(adding) }
        #expect(throws: StoreError.accessDenied(citizen: world.ulla.rawValue)) {
            try sanne.delete(try sanne.get(Activity.self, id: world.activity.id))
        }
    }

    @Test func aProfessionalUndoesWhatTheyMarkedWithoutTouchingOthersParticipants() throws {
        let world = try World()
        let sanne = try world.workspace("sanne")
        sanne.recordChangesForUndo()
        var seen = try sanne.get(Activity.self, id: world.activity.id)
        seen.present = [world.jan]
        try sanne.update(seen)
        #expect(try world.fixture.workspace.get(Activity.self, id: world.activity.id).present == [world.jan, world.ulla])
        #expect(try sanne.undo() != nil)
        let stored = try world.fixture.workspace.get(Activity.self, id: world.activity.id)
        #expect(stored.present == [world.ulla])
        #expect(stored.participants == [world.jan, world.ulla])
    }

    @Test func eachParticipantChangeIsLoggedAboutTheCitizen() throws {
        let world = try World()
        let admin = world.fixture.workspace
        var activity = try admin.get(Activity.self, id: world.activity.id)
        activity.present.append(world.jan)
        try admin.update(activity)
        activity = try admin.get(Activity.self, id: world.activity.id)
        activity.participants.removeAll { $0 == world.ulla }
        activity.present.removeAll { $0 == world.ulla }
        try admin.update(activity)
        let janLog = try admin.accessHistory(of: world.jan).map(\.detail)
        let ullaLog = try admin.accessHistory(of: world.ulla).map(\.detail)
        let id = world.activity.id.rawValue
        #expect(janLog.contains("activity \(id) participant added"))
        #expect(janLog.contains("activity \(id) marked present"))
        #expect(ullaLog.contains("activity \(id) participant added, came"))
        #expect(ullaLog.contains("activity \(id) participant removed"))
    }

    @Test func theCitizenViewListsTheirActivitiesNewestFirst() throws {
        let world = try World()
        let admin = world.fixture.workspace
        try admin.create(Activity(title: "Motion", kind: .exercise, date: day("2026-03-01"), participants: [world.jan]))
        try admin.create(Activity(title: "Uden Jan", kind: .social, date: day("2026-03-02"), participants: [world.ulla]))
        #expect(try admin.citizenProfile(world.jan).activities.map(\.title) == ["Motion", "Tur til Ærø 🚢"])
    }

    @Test func theReportCountsWhoCameToActivitiesInThePeriod() throws {
        let world = try World()
        let admin = world.fixture.workspace
        try admin.create(Activity(title: "Motion", kind: .exercise, date: day("2026-03-01"),
                                  participants: [world.jan, world.ulla], present: [world.jan, world.ulla]))
        try admin.create(Activity(title: "Ingen kom", kind: .social, date: day("2026-03-01"), participants: [world.jan]))
        let all = try admin.resultsReport()
        #expect(all.participation == ParticipationResults(activities: 2, attendances: 3, citizens: 2))
        let march = try admin.resultsReport(from: day("2026-03-01"), to: day("2026-03-31"))
        #expect(march.participation == ParticipationResults(activities: 1, attendances: 2, citizens: 2))
        let mine = try world.workspace("sanne").resultsReport(from: day("2026-03-01"))
        #expect(mine.participation == ParticipationResults(activities: 1, attendances: 1, citizens: 1))
        #expect(all.text().contains("Times a citizen came  3\nCitizens who came     2\n"))
        // The JSON report carries the same figures (a key beside the contract's), read back by the parser.
        let json = try JSONParser.parse(all.json.serialized())
        #expect(json["activities"]?["held"] == .integer(2))
        #expect(json["activities"]?["attendances"] == .integer(3))
        #expect(json["activities"]?["citizens"] == .integer(2))
    }

    @Test func theInterchangeCarriesTimePlaceRunnersAndWhoCame() throws {
        let world = try World()
        let document = try world.fixture.workspace.exportDocument()
        #expect(value(document, at: "activities[0].x-start_time") == .string("08:15"))
        #expect(value(document, at: "activities[0].x-place") == .string("Færgelejet"))
        #expect(value(document, at: "activities[0].x-present") == .array([.string(Interchange.documentID(world.ulla, site: try world.fixture.workspace.site))]))
        let other = try emptyWorkspace(world.fixture.directory, "other.sqlite")
        try other.importDocument(text: document.serialized())
        let imported = try other.all(Activity.self)
        #expect(imported.count == 1)
        #expect(imported.first?.startTime == ClockTime(hour: 8, minute: 15))
        #expect(imported.first?.place == "Færgelejet")
        #expect(imported.first?.runners.count == 2)
        #expect(imported.first?.participants.count == 2)
        #expect(imported.first?.present.count == 1)

        // A document without the extensions: everyone listed took part, so everyone came.
        let plain = setting(setting(document, at: "activities[0].x-present", to: nil), at: "activities[0].x-start_time", to: nil)
        let third = try emptyWorkspace(world.fixture.directory, "third.sqlite")
        try third.importDocument(text: plain.serialized())
        let read = try third.all(Activity.self)
        #expect(read.first?.present.count == 2)
        #expect(read.first?.startTime == nil)
    }

    @Test func migrationNineCountsEarlierParticipantsAsHavingCome() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("old.sqlite"))
        let eight = Migrator(Array(Schema.migrator.migrations.prefix(8)))
        try eight.migrate(database, now: 0)
        try database.execute("""
            INSERT INTO citizen (id, name, name_key, name_sort, registered_on, created_at, created_by, updated_at, updated_by, version)
            VALUES (1, 'Jan', 'jan', 'jan', '2026-01-01', 0, 'x', 0, 'x', 1)
            """)
        try database.execute("""
            INSERT INTO activity (id, title, kind, date, created_at, created_by, updated_at, updated_by, version)
            VALUES (1, 'IT-kursus', 'course', '2026-01-02', 0, 'x', 0, 'x', 1)
            """)
        try database.execute("INSERT INTO activity_participant (activity_id, citizen_id) VALUES (1, 1)")
        try Schema.migrator.migrate(database, now: 0)
        #expect(try database.scalar("SELECT attended FROM activity_participant") == .integer(1))
        #expect(throws: DatabaseError.self) { try database.execute("UPDATE activity SET start_time = '25:00'") }
    }
}
