import Foundation
import Testing
@testable import TrinvisCore

/// A screen's query must not grow with the number of citizens. Measured in SQLite's virtual
/// machine instructions (`Database.countingInstructions`), which count the rows read and do not
/// depend on the machine's speed: the same question asked of a small file and of one with many
/// more citizens (who are not in the answer) must cost about the same.
@Suite struct ScaleShapeTests {
    /// A municipality and a drop-in centre, a caseworker of the municipality, 60 of its citizens
    /// at the start of the name order (one of them, "Anders Ølgaard", in an activity), a few of
    /// the drop-in centre's shared by consent, and `others` more of the municipality's citizens
    /// later in the name order, each in an activity of their own.
    private struct World {
        let fixture: Fixture
        let inger: Workspace
        let anders: CitizenID
        /// The first of the drop-in centre's citizens shared with the municipality.
        let shared: CitizenID

        init(others: Int, strangersFirst: Int = 0, sharedCitizens: Int = 5) throws {
            fixture = try Fixture(username: "admin")
            let admin = fixture.workspace
            let kommune = try admin.create(Organisation(name: "Aarhus Kommune", kind: .municipality))
            let cafe = try admin.create(Organisation(name: "Værestedet", kind: .dropInCentre))
            try admin.create(Professional(name: "Ada Admin", role: .administrator, organisationID: kommune.id, username: "admin"))
            try admin.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: kommune.id, username: "inger"))
            try admin.refreshActor()
            let registered = LocalDate(iso: "2026-01-05")!
            var anders: CitizenID?, firstShared: CitizenID?
            try admin.transaction {
                for index in 0..<60 {
                    let name = index == 0 ? "Anders Ølgaard" : "Anders Bak \(index)"
                    let made = try admin.create(Citizen(name: name, registeredOn: registered, organisationID: kommune.id))
                    if index == 0 { anders = made.id }
                }
                for index in 0..<sharedCitizens {
                    let shared = try admin.create(Citizen(name: "Birte Kaae \(index)", registeredOn: registered, organisationID: cafe.id))
                    if index == 0 { firstShared = shared.id }
                    try admin.create(Consent(citizenID: shared.id, scope: .shareBetweenOrganisations, recipientID: kommune.id,
                                             givenOn: registered, categories: [.contact, .meetings]))
                }
                // Another organisation's citizens, not shared, before ours in the name order.
                for index in 0..<strangersFirst {
                    try admin.create(Citizen(name: "Abel Fremmed \(index)", registeredOn: registered, organisationID: cafe.id))
                }
                for index in 0..<others {
                    let other = try admin.create(Citizen(name: "Åse Winther \(index)", registeredOn: registered, organisationID: kommune.id))
                    try admin.create(Activity(title: "Gåtur \(index)", kind: .exercise, date: registered, participants: [other.id]))
                }
            }
            self.anders = try #require(anders)
            self.shared = try #require(firstShared)
            try admin.create(Activity(title: "Kajak", kind: .exercise, date: registered, participants: [self.anders]))
            let clock = fixture.clock
            inger = try Workspace(path: fixture.path, username: "inger", policy: .organisation, clock: { clock.now })
        }

        /// The instructions of `body`, run once before to prepare its statements.
        func cost<T>(_ body: (Workspace) throws -> T) throws -> (result: T, instructions: Int) {
            _ = try body(inger)
            return try inger.database.countingInstructions { try body(inger) }
        }
    }

    /// The cost in the large file is within 25% (and 2,000 instructions) of the small one's.
    private func expectFlat(_ small: Int, _ large: Int, _ what: String) {
        #expect(small > 0, "\(what): something was counted")
        #expect(Double(large) <= Double(small) * 1.25 + 2000, "\(what): \(small) instructions with few citizens, \(large) with many")
    }

    @Test func theFirstPageOfTheListUnderTheOrganisationRuleDoesNotGrow() throws {
        let small = try World(others: 10), large = try World(others: 800)
        let page = { (workspace: Workspace) in try workspace.citizenSummaries(page: .first(50)).items.map(\.citizen.name) }
        let (names, smallCost) = try small.cost(page)
        let (largeNames, largeCost) = try large.cost(page)
        #expect(names == largeNames && names.first == "Anders Bak 1" && names.count == 50)
        expectFlat(smallCost, largeCost, "first page of the list")
    }

    /// Asked again, the first page under the rule reads none of the consents shared with the
    /// municipality: the shared citizens are kept while the file does not change.
    @Test func theFirstPageDoesNotGrowWithTheConsentsSharedWithTheOrganisation() throws {
        let small = try World(others: 10), large = try World(others: 10, sharedCitizens: 800)
        let page = { (workspace: Workspace) in try workspace.citizenSummaries(page: .first(50)).items.map(\.citizen.name) }
        let (names, smallCost) = try small.cost(page)
        let (largeNames, largeCost) = try large.cost(page)
        #expect(names == largeNames && names.first == "Anders Bak 1" && names.count == 50)
        expectFlat(smallCost, largeCost, "first page beside 800 shared citizens")
    }

    @Test func theFirstPageIsNotFoundByReadingOtherOrganisationsCitizens() throws {
        let small = try World(others: 10), large = try World(others: 10, strangersFirst: 800)
        let page = { (workspace: Workspace) in try workspace.citizenSummaries(page: .first(50)).items.map(\.citizen.name) }
        let (names, smallCost) = try small.cost(page)
        let (largeNames, largeCost) = try large.cost(page)
        #expect(names == largeNames && names.first == "Anders Bak 1")
        expectFlat(smallCost, largeCost, "first page behind 800 others' citizens")
    }

    @Test func pagingUnderTheOrganisationRuleGivesEveryVisibleCitizenOnceInNameOrder() throws {
        let world = try World(others: 30, strangersFirst: 20)
        let admin = world.fixture.workspace
        // A withdrawn consent and an archived citizen of our own: neither is in the list.
        let withdrawn = try admin.create(Citizen(name: "Birte Kaae trukket", registeredOn: day("2026-01-05"),
                                                 organisationID: try #require(admin.all(Organisation.self).first { $0.name == "Værestedet" }).id))
        try admin.create(Consent(citizenID: withdrawn.id, scope: .shareBetweenOrganisations,
                                 recipientID: try #require(admin.all(Organisation.self).first { $0.name == "Aarhus Kommune" }).id,
                                 givenOn: day("2026-01-05"), withdrawnOn: day("2026-02-01"), categories: [.contact]))
        var archived = try #require(try admin.fetch(Citizen.self, id: world.anders))
        archived.archivedOn = day("2026-02-01")
        try admin.update(archived)
        // What the list must show, worked out from every citizen with the rule's own test.
        let expected = try admin.all(Citizen.self)
            .filter { $0.archivedOn == nil }
            .filter { (try? world.inger.fetch(Citizen.self, id: $0.id)) != nil }
            .sorted { first, second in
                let one = TextNormalization.sortKey(first.name), other = TextNormalization.sortKey(second.name)
                return one == other ? first.id.rawValue < second.id.rawValue : one.utf8.lexicographicallyPrecedes(other.utf8)
            }
            .map(\.name)
        #expect(expected.count == 59 + 30 + 5, "ours but the archived one, the later ones, the five shared")
        for size in [1, 7, 50, 200] {
            var names: [String] = []
            var request = PageRequest.first(size)
            while true {
                let page = try world.inger.citizenSummaries(page: request)
                names += page.items.map(\.citizen.name)
                guard let next = page.next else { break }
                request = PageRequest(limit: size, after: next)
            }
            #expect(names == expected, "pages of \(size)")
        }
    }

    @Test func aNameSearchForManyUnderTheRuleReadsNoOtherOrganisationsNames() throws {
        let small = try World(others: 10), large = try World(others: 10, strangersFirst: 800)
        for world in [small, large] { world.inger.nameSearchCandidateLimit = 0 }
        // "a" is in every name: the names are read in order until the page is full.
        let search = { (workspace: Workspace) in try workspace.citizensNamed(["a"], limit: 20, includeArchived: false) }
        let (hits, smallCost) = try small.cost(search)
        let (largeHits, largeCost) = try large.cost(search)
        #expect(hits.count == 20 && largeHits.count == 20)
        let names = try largeHits.map { try large.fixture.workspace.get(Citizen.self, id: $0).name }
        #expect(names.allSatisfy { $0.hasPrefix("Anders") || $0.hasPrefix("Birte") }, "\(names)")
        expectFlat(smallCost, largeCost, "name search behind 800 others' citizens")
    }

    /// A word many names hold ("win" of the "Åse Winther"s, after everyone else in the name
    /// order) is answered by walking the names holding it in name order until the page is full:
    /// neither the names before them ("Abel Fremmed"s, read when every name is walked in order)
    /// nor the other names holding it (read when every candidate is read and sorted) are read.
    /// Without the walk (`nameGramBudget = 0`) each of those ways grows. (The walk first finds
    /// where its budget of index rows ends, reading up to that many rows: a budget of 100 here,
    /// so that it is not the 800 more holding the word that are counted.)
    @Test func aNameSearchForAWordManyHoldReadsOnlyThePage() throws {
        let small = try World(others: 30), before = try World(others: 30, strangersFirst: 800), many = try World(others: 800)
        for world in [small, before, many] { world.inger.nameGramBudget = 100 }
        func cost(_ world: World, candidates: Int, walk: Bool) throws -> (result: [CitizenID], instructions: Int) {
            let admin = world.fixture.workspace
            admin.nameSearchCandidateLimit = candidates
            admin.nameGramBudget = walk ? 100 : 0
            let search = { try admin.citizensNamed(["win"], limit: 20, includeArchived: false) }
            _ = try search()
            return try admin.database.countingInstructions { try search() }
        }
        // Every name walked in order (no candidates read): the strangers first grow it.
        let (smallHits, smallInOrder) = try cost(small, candidates: 0, walk: true)
        let (beforeHits, beforeInOrder) = try cost(before, candidates: 0, walk: true)
        #expect(smallHits.count == 20 && beforeHits.count == 20)
        expectFlat(smallInOrder, beforeInOrder, "a word many hold, behind 800 names without it")
        let (_, withoutWalk) = try cost(before, candidates: 0, walk: false)
        #expect(Double(withoutWalk) > Double(smallInOrder) * 3, "without the walk: \(withoutWalk) against \(smallInOrder)")
        // Every candidate read and sorted: the 800 holding the word grow it.
        let (_, smallSorted) = try cost(small, candidates: 1_000_000, walk: true)
        let (manyHits, manySorted) = try cost(many, candidates: 1_000_000, walk: true)
        #expect(manyHits.count == 20)
        expectFlat(smallSorted, manySorted, "a word 800 more hold")
        let (_, sortedWithoutWalk) = try cost(many, candidates: 1_000_000, walk: false)
        #expect(Double(sortedWithoutWalk) > Double(smallSorted) * 3, "without the walk: \(sortedWithoutWalk) against \(smallSorted)")
        // Under the organisation rule, the same.
        many.inger.nameSearchCandidateLimit = 1_000_000
        small.inger.nameSearchCandidateLimit = 1_000_000
        let rule = { (workspace: Workspace) in try workspace.citizensNamed(["win"], limit: 20, includeArchived: false) }
        let (ruleHits, ruleSmall) = try small.cost(rule)
        let (ruleManyHits, ruleMany) = try many.cost(rule)
        #expect(ruleHits.count == 20 && ruleManyHits.count == 20)
        expectFlat(ruleSmall, ruleMany, "a word 800 more hold, under the organisation rule")
    }

    @Test func theExportOfOneCitizenDoesNotGrow() throws {
        let small = try World(others: 10), large = try World(others: 800)
        let export = { (world: World) in
            try world.cost { try $0.exportText(citizens: [world.anders], exportedAt: Timestamp(iso: "2026-03-02T10:00:00+01:00")!) }
        }
        let (smallText, smallCost) = try export(small)
        let (largeText, largeCost) = try export(large)
        #expect(smallText.contains("Kajak") && !smallText.contains("Gåtur") && largeText.contains("Kajak") && !largeText.contains("Gåtur"))
        expectFlat(smallCost, largeCost, "export of one citizen")
    }

    @Test func aNameSearchForAFewDoesNotGrow() throws {
        let small = try World(others: 10), large = try World(others: 800)
        let search = { (workspace: Workspace) in try workspace.search("ølgå", noting: false).map(\.summary.citizen.name) }
        let (hits, smallCost) = try small.cost(search)
        let (largeHits, largeCost) = try large.cost(search)
        #expect(hits == ["Anders Ølgaard"] && largeHits == hits)
        expectFlat(smallCost, largeCost, "name search")
    }

    /// What the caseworker may see of one shared citizen (asked for each citizen a screen shows
    /// of another organisation) is looked up by that citizen, not found among every consent
    /// shared with the municipality.
    @Test func theCategoriesOfASharedCitizenDoNotGrowWithTheConsentsSharedWithTheOrganisation() throws {
        let small = try World(others: 10), large = try World(others: 10, sharedCitizens: 800)
        let categories = { (world: World) in try world.cost { try $0.grantedCategories(of: [world.shared]) } }
        let (smallGranted, smallCost) = try categories(small)
        let (largeGranted, largeCost) = try categories(large)
        #expect(smallGranted == [small.shared: [.contact, .meetings]])
        #expect(largeGranted == [large.shared: [.contact, .meetings]])
        expectFlat(smallCost, largeCost, "the categories of one shared citizen")
    }
}
