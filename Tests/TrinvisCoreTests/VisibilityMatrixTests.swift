import Foundation
import Testing
@testable import TrinvisCore

/// The visibility rule on every surface: two organisations, each viewer looking at the other
/// organisation's citizens under every state of consent, one assertion per surface and state.
@Suite struct VisibilityMatrixTests {
    /// The states a consent to share with the viewer's organisation can be in.
    enum ConsentState: String, CaseIterable {
        case none, given, partial, expired, withdrawn, future
    }

    /// What the viewer may see of a citizen of the other organisation.
    enum Seen {
        case nothing, everything, contactAndMeetings
    }

    static func seen(_ state: ConsentState) -> Seen {
        switch state {
        case .given: return .everything
        case .partial: return .contactAndMeetings
        case .none, .expired, .withdrawn, .future: return .nothing
        }
    }

    /// A surface: whether it shows the citizen (or the part of them it is about).
    struct Surface {
        let name: String
        /// True when the surface needs this category to show anything.
        let category: DataCategory?
        let shows: (Workspace, World.Person) throws -> Bool
    }

    /// Two organisations with a professional each, and per consent state one citizen of each
    /// organisation whose consent (to the other organisation) is in that state.
    struct World {
        struct Person {
            let id: CitizenID
            let name: String
            let cpr: String
            let meetingWord: String
            let lifeWord: String
        }

        let directory: TemporaryDirectory
        let clock: TestClock
        var people: [String: [ConsentState: Person]] = [:]

        init() throws {
            directory = try TemporaryDirectory()
            let clock = TestClock("2026-03-02T10:30:00+01:00")
            self.clock = clock
            let admin = try Workspace(path: directory.path("trinvis.sqlite"), username: "admin", clock: { clock.now })
            let today = admin.today
            let municipality = try admin.create(Organisation(name: "Jobcenter", kind: .municipality))
            // This drop-in centre is set up to hold CPR numbers (with the citizens' consent), so
            // that search by CPR can be tested from both sides.
            var dropInCentre = Organisation(name: "Værestedet", kind: .dropInCentre)
            dropInCentre.holdsCPR = true
            let dropIn = try admin.create(dropInCentre)
            let caseworker = try admin.create(Professional(name: "Inger Holm", role: .caseworker,
                                                           organisationID: municipality.id, username: "inger"))
            let counselor = try admin.create(Professional(name: "Sanne Østergaard", role: .dropInCounselor,
                                                          organisationID: dropIn.id, username: "sanne"))
            let sides: [(key: String, own: Organisation, other: Organisation, viewer: Professional)] = [
                ("municipality", municipality, dropIn, counselor), ("dropin", dropIn, municipality, caseworker),
            ]
            var serial = 10
            for side in sides {
                for state in ConsentState.allCases {
                    serial += 1
                    let tag = "\(side.key)\(state.rawValue)"
                    let person = Person(id: .unsaved, name: "Borger Æ\(tag)", cpr: "0101\(String(format: "%02d", serial))1234",
                                        meetingWord: "mødeord\(tag)", lifeWord: "livsord\(tag)")
                    let citizen = try admin.create(Citizen(name: person.name, cpr: CPR(person.cpr), phone: "+45 11 22 33 44",
                                                           life: "Lever med \(person.lifeWord)", registeredOn: today.adding(days: -60),
                                                           organisationID: side.own.id))
                    try admin.create(TeamMember(citizenID: citizen.id, professionalID: side.viewer.id, responsible: true,
                                                from: today.adding(days: -60)))
                    let plan = try admin.create(Plan(citizenID: citizen.id, goal: "Job", start: today.adding(days: -60)))
                    try admin.create(Milestone(planID: plan.id, title: "Cv", deadline: today.adding(days: -2)))
                    let meeting = try admin.create(Meeting(citizenID: citizen.id, at: clock.now.adding(seconds: -86_400 * 7),
                                                           notes: "Vi talte om \(person.meetingWord)",
                                                           nextMeeting: clock.now.adding(seconds: 86_400 * 3)))
                    try admin.create(Agreement(meetingID: meeting.id, text: "Ring til lægen", due: today.adding(days: -1)))
                    try admin.create(Assessment(citizenID: citizen.id, date: today.adding(days: -50), scores: [.qualityOfLife: 3]))
                    try admin.create(Assessment(citizenID: citizen.id, date: today.adding(days: -5), scores: [.qualityOfLife: 6]))
                    let consent: Consent?
                    switch state {
                    case .none: consent = nil
                    case .given:
                        consent = Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: side.other.id,
                                          givenOn: today.adding(days: -30))
                    case .partial:
                        consent = Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: side.other.id,
                                          givenOn: today.adding(days: -30), categories: [.contact, .meetings])
                    case .expired:
                        consent = Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: side.other.id,
                                          givenOn: today.adding(days: -30), expiresOn: today.adding(days: -1))
                    case .withdrawn:
                        consent = Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: side.other.id,
                                          givenOn: today.adding(days: -30), withdrawnOn: today)
                    case .future:
                        consent = Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: side.other.id,
                                          givenOn: today.adding(days: 1))
                    }
                    if let consent { try admin.create(consent) }
                    people[side.key, default: [:]][state] = Person(id: citizen.id, name: person.name, cpr: person.cpr,
                                                                   meetingWord: person.meetingWord, lifeWord: person.lifeWord)
                }
            }
        }

        /// The viewer of the other organisation, as the program opens the database for them:
        /// from an OS identity, with the rule that follows from who they are.
        func viewer(of side: String) throws -> Workspace {
            let clock = self.clock
            return try Workspace(path: directory.path("trinvis.sqlite"),
                                 identity: Identity(account: side == "municipality" ? "sanne" : "inger", uid: 4242),
                                 clock: { clock.now })
        }
    }

    nonisolated(unsafe) static let surfaces: [Surface] = [
        Surface(name: "citizen list", category: nil) { workspace, person in
            try workspace.citizenSummaries(page: .first(100)).items.contains { $0.citizen.id == person.id }
        },
        Surface(name: "search by name", category: nil) { workspace, person in
            try workspace.search(String(person.name.dropFirst(7))).contains { $0.summary.citizen.id == person.id }
        },
        Surface(name: "search by CPR", category: .contact) { workspace, person in
            try workspace.search(person.cpr).contains { $0.summary.citizen.id == person.id }
        },
        Surface(name: "contact details", category: .contact) { workspace, person in
            try workspace.fetch(Citizen.self, id: person.id)?.phone != nil
        },
        Surface(name: "search in meeting notes", category: .meetings) { workspace, person in
            try workspace.search(person.meetingWord).contains { $0.summary.citizen.id == person.id }
        },
        Surface(name: "search in the life text", category: .profile) { workspace, person in
            try workspace.search(person.lifeWord).contains { $0.summary.citizen.id == person.id }
        },
        Surface(name: "agenda: overdue milestone", category: .plan) { workspace, person in
            try workspace.agenda().contains {
                if case .milestone = $0.kind { return $0.citizenID == person.id } else { return false }
            }
        },
        Surface(name: "agenda: overdue agreement", category: .meetings) { workspace, person in
            try workspace.agenda().contains {
                if case .agreement = $0.kind { return $0.citizenID == person.id } else { return false }
            }
        },
        Surface(name: "calendar", category: .meetings) { workspace, person in
            try workspace.calendarExport(language: .danish, naming: .full).text.contains(person.name)
        },
        Surface(name: "milestone pane", category: .plan) { workspace, person in
            try visible { try workspace.currentPlan(of: person.id) != nil }
        },
        Surface(name: "meeting pane", category: .meetings) { workspace, person in
            try visible { try !workspace.meetingHistory(of: person.id, page: .first(10)).items.isEmpty }
        },
        Surface(name: "citizen view: results", category: .results) { workspace, person in
            try visible { try !workspace.citizenProfile(person.id).assessments.isEmpty }
        },
        Surface(name: "citizen view: life text", category: .profile) { workspace, person in
            try visible { try workspace.citizenProfile(person.id).citizen.life.contains(person.lifeWord) }
        },
        Surface(name: "export: plans", category: .plan) { workspace, person in
            try visible { try workspace.exportText(citizens: [person.id]).contains("\"goal\": \"Job\"") }
        },
        Surface(name: "drafts: a meeting form", category: .meetings) { workspace, person in
            // The viewer's own draft about the citizen (written while they could see them).
            let key = "meeting:new:c\(person.id)"
            try workspace.saveDraft(key: key, title: "Ny samtale med " + person.name, payload: "{}", citizen: person.id)
            return try workspace.drafts().contains { $0.key == key }
        },
        Surface(name: "drafts: a milestone form", category: .plan) { workspace, person in
            let key = "milestone:new:p\(person.id)"
            try workspace.saveDraft(key: key, title: "Nyt delmål", payload: "{}", citizen: person.id)
            return try workspace.drafts().contains { $0.key == key }
        },
        Surface(name: "print", category: .plan) { workspace, person in
            try visible { try workspace.planPrintout(of: person.id, language: .danish).text().contains(person.name) }
        },
    ]

    /// False when the surface refuses with `accessDenied`.
    static func visible(_ body: () throws -> Bool) throws -> Bool {
        do {
            return try body()
        } catch StoreError.accessDenied {
            return false
        }
    }

    @Test func everySurfaceShowsExactlyWhatTheConsentAllows() throws {
        let world = try World()
        for side in ["municipality", "dropin"] {
            let viewer = try world.viewer(of: side)
            #expect(viewer.policy == .organisation)
            for surface in Self.surfaces {
                for state in ConsentState.allCases {
                    guard let person = world.people[side]?[state] else { continue }
                    let expected: Bool
                    switch Self.seen(state) {
                    case .nothing: expected = false
                    case .everything: expected = true
                    case .contactAndMeetings: expected = surface.category.map { [.contact, .meetings].contains($0) } ?? true
                    }
                    let shown = try Self.visible { try surface.shows(viewer, person) }
                    #expect(shown == expected, "\(surface.name), consent \(state.rawValue), \(side) citizen seen from the other side")
                }
            }
        }
    }

    @Test func wholeDatabaseSurfacesCountOnlyWhatTheConsentAllows() throws {
        let world = try World()
        for side in ["municipality", "dropin"] {
            let viewer = try world.viewer(of: side)
            let others = world.people[side] ?? [:]
            // The report counts own citizens and others whose plans, meetings and results are shared.
            let report = try viewer.resultsReport()
            #expect(report.figures.citizens == ConsentState.allCases.count + 1, "report from the \(side == "municipality" ? "drop-in" : "municipal") side")
            // The export holds own citizens and those with a consent in force, nothing else.
            let export = try viewer.exportText()
            for (state, person) in others {
                let expected = Self.seen(state) != .nothing
                #expect(export.contains(person.name) == expected, "export, consent \(state.rawValue)")
                #expect(export.contains(person.meetingWord) == expected, "export of meetings, consent \(state.rawValue)")
                #expect(export.contains(person.lifeWord) == (Self.seen(state) == .everything), "export of the life text, consent \(state.rawValue)")
                #expect(export.contains(person.cpr) == expected, "export of the CPR, consent \(state.rawValue)")
            }
        }
    }

    @Test func lookUpsAreLoggedForTheViewerOnly() throws {
        let world = try World()
        let viewer = try world.viewer(of: "dropin")
        let person = try #require(world.people["dropin"]?[.given])
        _ = try viewer.citizenProfile(person.id)
        _ = try viewer.currentPlan(of: person.id)
        try viewer.flushAccessLog()
        let entries = try viewer.accessLogEntries(citizen: person.id).filter { $0.action == .view }
        #expect(entries.count == 1, "one coalesced view entry")
        #expect(entries.first?.account == "inger")
        let hidden = try #require(world.people["dropin"]?[.withdrawn])
        #expect(throws: StoreError.accessDenied(citizen: hidden.id.rawValue)) { try viewer.citizenProfile(hidden.id) }
    }

    @Test func anAccountWithoutAProfessionalGetsNoDataAndUserIsRefused() throws {
        let world = try World()
        let path = world.directory.path("trinvis.sqlite")
        #expect(throws: IdentityError.notRegistered(account: "stranger")) {
            try Workspace(path: path, identity: Identity(account: "stranger", uid: 5001))
        }
        #expect(throws: IdentityError.actingAsRefused(account: "inger")) {
            try Workspace(path: path, identity: Identity(account: "inger", uid: 4242, actingAs: "sanne"))
        }
        // The superuser administers, may act as someone, and then sees what they see.
        let root = try Workspace(path: path, identity: Identity(account: "root", uid: 0, actingAs: "sanne"))
        #expect(root.actor.professionalName == "Sanne Østergaard")
        #expect(root.actor.username == "root as sanne")
        #expect(root.policy == .organisation)
        let own = try #require(world.people["dropin"]?[.none])
        let created = try root.create(Meeting(citizenID: own.id, at: world.clock.now, notes: "Kort snak"))
        let entry = try #require(try root.accessLogEntries().last)
        #expect(entry.account == "root" && entry.actingAs == "sanne" && entry.action == .change && entry.citizenID == own.id)
        #expect(created.audit.createdBy == "root as sanne")
        // Acting as a professional who is no administrator gives their rights, not more.
        #expect(throws: StoreError.administratorsOnly) { try root.create(Organisation(name: "Ny", kind: .other)) }
    }

    @Test func aNewDatabaseMakesItsCreatorTheFirstAdministrator() throws {
        let directory = try TemporaryDirectory()
        let workspace = try Workspace(path: directory.path("new.sqlite"), identity: Identity(account: "lene", uid: 4300, fullName: "Lene Berg"))
        #expect(workspace.actor.isAdministrator)
        #expect(workspace.actor.professionalName == "Lene Berg")
        let again = try Workspace(path: directory.path("new.sqlite"), identity: Identity(account: "lene", uid: 4300))
        #expect(again.policy == .unrestricted)
        #expect(throws: IdentityError.notRegistered(account: "other")) {
            try Workspace(path: directory.path("new.sqlite"), identity: Identity(account: "other", uid: 4301))
        }
    }

    @Test func onlyAdministratorsChangeProfessionals() throws {
        let world = try World()
        let viewer = try world.viewer(of: "dropin")
        var me = try #require(try viewer.professional(account: "inger"))
        me.role = .administrator
        #expect(throws: StoreError.administratorsOnly) { try viewer.update(me) }
        #expect(throws: StoreError.administratorsOnly) {
            try viewer.create(Professional(name: "Fake", role: .administrator, username: "mallory"))
        }
    }
}

/// The right of access (GDPR art. 15): an export of one citizen carries the log about them.
@Suite struct RightOfAccessExportTests {
    @Test func aCitizensExportCarriesTheirLogWithNamesOnlyForAnAdministrator() throws {
        let world = try VisibilityMatrixTests.World()
        let person = try #require(world.people["dropin"]?[.given])
        let other = try #require(world.people["municipality"]?[.none])
        let viewer = try world.viewer(of: "dropin")
        _ = try viewer.citizenProfile(person.id)
        _ = try viewer.citizenProfile(other.id)
        try viewer.flushAccessLog()

        let document = try viewer.exportText(citizens: [person.id])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let citizens = try #require(parsed["citizens"] as? [[String: Any]])
        let log = try #require(citizens.first?["x-access-log"] as? [[String: Any]])
        #expect(log.contains { $0["action"] as? String == "view" && $0["organisation"] as? String == "Jobcenter" },
                "the caseworker's look-up, by organisation")
        #expect(log.contains { $0["action"] as? String == "change" }, "the changes that made the record")
        #expect(log.allSatisfy { $0["account"] == nil }, "no account names in a caseworker's export")
        #expect(!document.contains(other.name), "only that citizen")

        let clock = world.clock
        let administrator = try Workspace(path: world.directory.path("trinvis.sqlite"),
                                          identity: Identity(account: "root", uid: 0), clock: { clock.now })
        let full = try administrator.exportText(citizens: [person.id])
        #expect(full.contains("\"account\": \"inger\""), "an administrator's export names the accounts")
        // A whole-database export is no right-of-access answer and carries no log.
        #expect(!(try administrator.exportText()).contains("x-access-log"))
    }
}

/// Handover: the responsibility moves in one transaction and the history stays.
@Suite struct HandoverTests {
    @Test func aHandoverEndsTheOldMembershipsTodayAndKeepsTheHistory() throws {
        let world = try VisibilityMatrixTests.World()
        let clock = world.clock
        let path = world.directory.path("trinvis.sqlite")
        let administrator = try Workspace(path: path, identity: Identity(account: "root", uid: 0), clock: { clock.now })
        let municipality = try #require(try administrator.all(Organisation.self).first { $0.name == "Jobcenter" })
        let henrik = try administrator.create(Professional(name: "Henrik Lund", role: .jobConsultant,
                                                           organisationID: municipality.id, username: "henrik"))
        let inger = try #require(try administrator.professional(account: "inger"))
        let ingers = try administrator.list(TeamMember.self, page: .first(100),
                                            where: ("professional_id = ? AND to_date IS NULL", [inger.id.sqlValue])).items
        #expect(ingers.count == 6, "Inger is responsible for the six drop-in citizens of the world")
        let one = try #require(ingers.first?.citizenID)

        // A caseworker cannot hand over; nothing changes.
        let caseworker = try world.viewer(of: "dropin")
        #expect(throws: StoreError.administratorsOnly) {
            try caseworker.handover(from: inger.id, to: henrik.id, citizens: nil, reason: "orlov")
        }

        let some = try administrator.handover(from: inger.id, to: henrik.id, citizens: [one], reason: "Ny fordeling")
        #expect(some.citizens == [one])
        let team = try administrator.all(TeamMember.self, parent: one.sqlValue)
        #expect(team.contains { $0.professionalID == inger.id && $0.to == administrator.today }, "Inger's membership ended today")
        #expect(team.contains { $0.professionalID == henrik.id && $0.responsible && $0.from == administrator.today && $0.to == nil })
        let all = try administrator.handover(from: inger.id, to: henrik.id, citizens: nil, reason: "Orlov")
        #expect(all.citizens.count == 6, "the rest, and the one again until today ends")
        let log = try administrator.accessLogEntries().filter { $0.action == .admin && $0.detail.contains("handover") }
        #expect(log.count == 7)
        #expect(log.allSatisfy { $0.detail.hasSuffix("Ny fordeling") || $0.detail.hasSuffix("Orlov") })
    }
}
