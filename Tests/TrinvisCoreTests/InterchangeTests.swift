import Foundation
import Testing
@testable import TrinvisCore

@Suite struct InterchangeTests {
    // MARK: Round trip

    /// Local ids differ between databases, so A's export and B's export cannot simply be equal.
    /// The comparison is made honest in two ways:
    /// 1. A's document with every id rewritten through B's `external_id` table (A's document id
    ///    → B's local id → B's document id) must be byte-identical to B's export: every value,
    ///    every key and every record order survived the trip, and the ids B remembered are right.
    /// 2. B's export imported into C and exported again is byte-identical to B's export as it is,
    ///    with no rewriting at all (C creates the records in B's order, so the ids agree).
    /// A is built with gaps in its ids and records out of their natural order, so that B's ids
    /// really differ from A's (checked below), and the rewriting is not a no-op.
    /// Since both comparisons run through the exporter, something the exporter loses would be
    /// lost on both sides; so the databases are also compared row by row (`contents`), with
    /// foreign keys replaced by what they refer to.
    @Test func exportImportExportIsByteIdentical() throws {
        let directory = try TemporaryDirectory()
        let a = try emptyWorkspace(directory, "a.sqlite")
        try buildRichData(in: a)
        let exportA = try a.exportText(exportedAt: fixedExportTime)

        let b = try emptyWorkspace(directory, "b.sqlite")
        let summary = try b.importDocument(text: exportA)
        let exportB = try b.exportText(exportedAt: fixedExportTime)
        #expect(exportA != exportB, "the ids of B should differ from A's, or this test proves less than it claims")

        // Every kind of record made the trip.
        let counts = try rowCounts(b.database)
        for table in ImportSummary.kinds + ["meeting_attendee", "assessment_score", "activity_participant"] {
            #expect((counts[table] ?? 0) > 0, "no \(table) in the round trip")
        }
        #expect(try rowCounts(a.database).filter { $0.key != "external_id" } == counts.filter { $0.key != "external_id" })
        #expect(summary.totalUpdated == 0 && summary.totalUnchanged == 0)
        #expect(summary[Citizen.table].created == 4 && summary[Outcome.table].created == 3)

        // The databases hold the same records, compared without the exporter.
        let contentsA = try contents(a.database)
        #expect(try contents(b.database) == contentsA)

        let translated = try translatingIDs(try JSONParser.parse(exportA), into: b.database)
        #expect(translated.serialized() == exportB)

        let c = try emptyWorkspace(directory, "c.sqlite")
        try c.importDocument(text: exportB)
        let exportC = try c.exportText(exportedAt: fixedExportTime)
        #expect(exportC == exportB)
        #expect(try contents(c.database) == contentsA)

        // The hostile text came through unchanged, down to the scalars.
        let svend = try #require(try c.all(Citizen.self).first { $0.name == "Svend Madsen" })
        #expect(Array(svend.life.unicodeScalars) == Array(hostileText.unicodeScalars))
        #expect(exportB.contains("\\u001b[2J") && !exportB.contains("\u{1B}"))
    }

    @Test func exportingTheSameDatabaseTwiceIsByteIdentical() throws {
        let fixture = try Fixture()
        try buildRichData(in: fixture.workspace)
        let first = try fixture.workspace.exportText(exportedAt: fixedExportTime)
        fixture.clock.advance(seconds: 3_600)
        let second = try fixture.workspace.exportText(exportedAt: fixedExportTime)
        #expect(first == second)
        // Only `exported_at` differs when it is left to the clock.
        let third = try fixture.workspace.exportText()
        let differing = zip(first.split(separator: "\n"), third.split(separator: "\n")).filter { $0 != $1 }
        #expect(differing.count == 1 && differing.first?.1 == "  \"exported_at\": \"2026-03-02T11:30:00+01:00\",")
    }

    /// The contract's own example imports, and exports again exactly as written (keys, nesting,
    /// order), apart from `withdrawn_on: null` (left out) and `meeting_interval_days` (added).
    @Test func theContractsExampleRoundTripsExactly() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "example.sqlite")
        let summary = try workspace.importDocument(text: contractExample)
        #expect(summary[Organisation.table].created == 3 && summary[Milestone.table].created == 1)
        let exported = try workspace.exportDocument(exportedAt: fixedExportTime)
        var expected = try JSONParser.parse(contractExample)
        expected = setting(expected, at: "citizens[0].consents[0].withdrawn_on", to: nil)
        #expect(value(exported, at: "citizens[0].meeting_interval_days") == .integer(14))
        let trimmed = setting(exported, at: "citizens[0].meeting_interval_days", to: nil)
        #expect(trimmed == expected)
        #expect(trimmed.serialized() == expected.serialized())
    }

    // MARK: Re-import

    @Test func importingTheSameDocumentTwiceChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let a = try emptyWorkspace(directory, "a.sqlite")
        try buildRichData(in: a)
        let document = try a.exportText(exportedAt: fixedExportTime)

        let clock = TestClock()
        let b = try emptyWorkspace(directory, "b.sqlite", clock: clock)
        let first = try b.importDocument(text: document)
        let before = try fingerprint(b.database)
        clock.advance(seconds: 86_400)
        let second = try b.importDocument(text: document)
        // Not one row touched: no duplicates, and no version or audit stamp moved.
        #expect(try fingerprint(b.database) == before)
        #expect(second.totalCreated == 0 && second.totalUpdated == 0)
        #expect(second.totalUnchanged == first.totalCreated)
        #expect(second[Outcome.table].unchanged == 3)
    }

    @Test func reimportingAChangedDocumentUpdatesTheSameRecords() throws {
        let directory = try TemporaryDirectory()
        let a = try emptyWorkspace(directory, "a.sqlite")
        try buildRichData(in: a)
        var document = try a.exportDocument(exportedAt: fixedExportTime)

        let clock = TestClock()
        let b = try emptyWorkspace(directory, "b.sqlite", clock: clock)
        try b.importDocument(text: document.serialized())
        let countsBefore = try rowCounts(b.database)
        // A record that only B has is never deleted by an import.
        let svendInB = try localID(Citizen.self, Interchange.documentID(CitizenID(try svendID(in: a)), site: try a.site), in: b)
        let localOutcome = try b.create(Outcome(citizenID: svendInB, date: day("2026-09-01"), kind: .other, note: "Kun i B"))

        let svend = try citizenIndex(named: "Svend Madsen", in: document)
        let citizen = "citizens[\(svend)]"
        document = setting(document, at: "\(citizen).phone", to: .string("+45 99 99 99 99"))
        document = setting(document, at: "\(citizen).email", to: nil)
        document = setting(document, at: "\(citizen).plans[0].milestones[1].status", to: .string("achieved"))
        document = setting(document, at: "\(citizen).plans[0].milestones[1].achieved_on", to: .string("2026-04-20"))
        document = setting(document, at: "\(citizen).outcomes[0].note", to: .string("Ambulant, ændret"))
        document = setting(document, at: "\(citizen).team[1].responsible", to: .bool(true))
        document = setting(document, at: "organisations[0].name", to: .string("Kværndrup Kro & Café"))
        document = appending(document, at: "\(citizen).plans[0].milestones[0].progress",
                             .object([("date", .string("2026-02-01")), ("note", .string("Ny note"))]))
        clock.advance(seconds: 60)
        let summary = try b.importDocument(text: document.serialized())

        var expectedCounts = countsBefore
        expectedCounts[Outcome.table]? += 1  // the local one
        expectedCounts[ProgressNote.table]? += 1
        #expect(try rowCounts(b.database) == expectedCounts)
        #expect(summary[Citizen.table] == ImportSummary.Counts(created: 0, updated: 1, unchanged: 3))
        #expect(summary[Milestone.table] == ImportSummary.Counts(created: 0, updated: 1, unchanged: 3))
        #expect(summary[Outcome.table] == ImportSummary.Counts(created: 0, updated: 1, unchanged: 2))
        #expect(summary[TeamMember.table] == ImportSummary.Counts(created: 0, updated: 1, unchanged: 2))
        #expect(summary[Organisation.table] == ImportSummary.Counts(created: 0, updated: 1, unchanged: 3))
        #expect(summary[ProgressNote.table] == ImportSummary.Counts(created: 1, updated: 0, unchanged: 3))
        #expect(summary[Plan.table] == ImportSummary.Counts(created: 0, updated: 0, unchanged: 3))

        let stored = try b.get(Citizen.self, id: svendInB)
        #expect(stored.phone == "+45 99 99 99 99" && stored.email == nil)
        #expect(stored.audit.version == 2 && stored.audit.updatedBy == "importer")
        let notes = try b.all(Outcome.self, parent: svendInB.sqlValue).map(\.note).sorted()
        #expect(notes == ["Ambulant, ændret", "Døgn", "Gartner i Ringe", "Kun i B"])
        #expect(try b.fetch(Outcome.self, id: localOutcome.id) == localOutcome)
        let milestoneID = try #require(value(document, at: "\(citizen).plans[0].milestones[1].id").flatMap(stringValue))
        let milestone = try b.get(Milestone.self, id: try localID(Milestone.self, milestoneID, in: b))
        #expect(milestone.status == .achieved && milestone.achievedOn == day("2026-04-20") && milestone.audit.version == 2)

        // The changed document is now the truth: importing it again changes nothing more.
        let settled = try fingerprint(b.database)
        let again = try b.importDocument(text: document.serialized())
        #expect(again.totalCreated == 0 && again.totalUpdated == 0)
        #expect(try fingerprint(b.database) == settled)
    }

    @Test func aRememberedIDWhoseRecordIsGoneIsCreatedAnew() throws {
        let directory = try TemporaryDirectory()
        let a = try emptyWorkspace(directory, "a.sqlite")
        try buildRichData(in: a)
        let document = try a.exportDocument(exportedAt: fixedExportTime)
        let b = try emptyWorkspace(directory, "b.sqlite")
        try b.importDocument(text: document.serialized())

        let svend = try citizenIndex(named: "Svend Madsen", in: document)
        let planID = try #require(value(document, at: "citizens[\(svend)].plans[0].id").flatMap(stringValue))
        let oldLocal = try localID(Plan.self, planID, in: b)
        // Removed behind Workspace's back (with its milestones and notes, by cascade), so that
        // the remembered ids are left dangling.
        try b.database.execute("DELETE FROM plan WHERE id = ?", [oldLocal.sqlValue])
        let counts = try rowCounts(b.database)

        let summary = try b.importDocument(text: document.serialized())
        #expect(summary[Plan.table] == ImportSummary.Counts(created: 1, updated: 0, unchanged: 2))
        #expect(summary[Milestone.table].created == 2 && summary[ProgressNote.table].created == 3)
        let newLocal = try localID(Plan.self, planID, in: b)
        #expect(newLocal != oldLocal)
        let plan = try b.get(Plan.self, id: newLocal)
        #expect(plan.goal == "Ædru og selvforsørgende")
        #expect(try b.all(Milestone.self, parent: newLocal.sqlValue).count == 2)
        var expected = counts
        expected[Plan.table]? += 1
        expected[Milestone.table]? += 2
        expected[ProgressNote.table]? += 3
        #expect(try rowCounts(b.database) == expected)
        // The mapping was replaced, not doubled.
        #expect(try b.database.scalar("SELECT count(*) FROM external_id WHERE kind = 'plan' AND external = ?",
                                      [.text(planID)]) == .integer(1))
    }

    // MARK: Export of chosen citizens

    @Test func citizenExportHoldsOnlyThatCitizenAndWhatTheyReferTo() throws {
        let fixture = try Fixture()
        let data = try buildRichData(in: fixture.workspace)
        let site = try fixture.workspace.site
        let document = try fixture.workspace.exportDocument(citizens: [data.ulla], exportedAt: fixedExportTime)
        func ids(_ key: String) -> [String] {
            guard case .array(let items)? = document[key] else { return [] }
            return items.compactMap { $0["id"].flatMap(stringValue) }
        }
        #expect(ids("citizens") == [Interchange.documentID(data.ulla, site: site)])
        // Ulla's organisation, her team member's, the activity's organisation; not the inn or the others.
        #expect(ids("organisations") == [data.jobcenter, data.cafe].sorted().map { Interchange.documentID($0, site: site) })
        #expect(ids("professionals") == [Interchange.documentID(data.inger, site: site)])
        #expect(ids("activities").count == 1)
        #expect(value(document, at: "activities[0].title") == .string("IT-kursus"))
        #expect(value(document, at: "activities[0].participants") == .array([.string(Interchange.documentID(data.ulla, site: site))]))
        #expect(value(document, at: "households[0].members") == .array([.string(Interchange.documentID(data.ulla, site: site))]))
        #expect(ids("households").count == 1)
        let text = document.serialized()
        for name in ["Svend", "李小龍", "Jan", "Madsen", "Søren", "Kværndrup", "0101921234"] {
            #expect(!text.contains(name), "\(name) does not belong in Ulla's export")
        }

        // Svend's export names Svend and Jan's shared household, but Jan is not a member in it.
        let svendDocument = try fixture.workspace.exportDocument(citizens: [data.svend], exportedAt: fixedExportTime)
        #expect(value(svendDocument, at: "households[0].members") == .array([.string(Interchange.documentID(data.svend, site: site))]))
        #expect(value(svendDocument, at: "citizens[0].cpr") == .string("0101921234"))

        // The document stands on its own: it imports into an empty database.
        let other = try emptyWorkspace(fixture.directory, "other.sqlite")
        let summary = try other.importDocument(text: text)
        #expect(summary[Citizen.table].created == 1 && summary[Organisation.table].created == 2)
    }

    @Test func exportFollowsTheAccessRule() throws {
        let fixture = try Fixture()
        let data = try buildRichData(in: fixture.workspace)
        let site = try fixture.workspace.site
        // Søren at the drop-in centre sees Li (registered there) and Svend (he is in Svend's team).
        try fixture.workspace.update(try fixture.workspace.get(Professional.self, id: data.soren).with(username: "soren"))
        let clock = fixture.clock
        let soren = try Workspace(path: fixture.path, username: "soren", policy: .organisation, clock: { clock.now })
        let document = try soren.exportDocument(exportedAt: fixedExportTime)
        guard case .array(let citizens)? = document["citizens"] else {
            Issue.record("no citizens")
            return
        }
        #expect(citizens.compactMap { $0["id"].flatMap(stringValue) } == [data.svend, data.li].map { Interchange.documentID($0, site: site) })
        let text = document.serialized()
        #expect(!text.contains("Ulla") && !text.contains("\"Jan\""))
        // The IT course is exported, but without Ulla among its participants.
        #expect(text.contains("IT-kursus"))
        #expect(!text.contains("\"\(Interchange.documentID(data.ulla, site: site))\""))
        // Ulla's household is hers alone and is left out; the empty household is a shared record.
        #expect(!text.contains("Ørum-Åberg") && text.contains("Tom husstand"))
        #expect(throws: StoreError.accessDenied(citizen: data.ulla.rawValue)) {
            try soren.exportDocument(citizens: [data.ulla], exportedAt: fixedExportTime)
        }
    }

    // MARK: Text and progress

    @Test func textImportedInNFDIsStoredInNFC() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "nfd.sqlite")
        let decomposed = "Ulla Ga\u{030A}rd Sœrensen Ærø".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.contains("\u{030A}"))
        var document = try JSONParser.parse(contractExample)
        document = setting(document, at: "citizens[0].name", to: .string(decomposed))
        document = setting(document, at: "organisations[1].name", to: .string("Værestedet Fundamentet".decomposedStringWithCanonicalMapping))
        try workspace.importDocument(text: document.serialized())
        let names = try workspace.database.fetchAll("SELECT name FROM citizen UNION ALL SELECT name FROM organisation") {
            try $0.get(0, as: String.self)
        }
        #expect(names.contains { Array($0.utf8) == Array("Ulla Gård Sœrensen Ærø".precomposedStringWithCanonicalMapping.utf8) })
        #expect(names.allSatisfy { Array($0.utf8) == Array($0.precomposedStringWithCanonicalMapping.utf8) })
        #expect(!names.contains { $0.unicodeScalars.contains("\u{030A}") })
    }

    @Test func progressIsReportedPerCitizen() throws {
        let fixture = try Fixture()
        try buildRichData(in: fixture.workspace)
        var exportCalls: [String] = []
        let text = try fixture.workspace.exportText(exportedAt: fixedExportTime) { exportCalls.append("\($0)/\($1)") }
        #expect(exportCalls == ["1/4", "2/4", "3/4", "4/4"])

        let other = try emptyWorkspace(fixture.directory, "other.sqlite")
        var importCalls: [String] = []
        try other.importDocument(text: text) { importCalls.append("\($0)/\($1)") }
        #expect(importCalls == ["1/4", "2/4", "3/4", "4/4"])
    }
}

// MARK: Helpers

func stringValue(_ value: JSONValue) -> String? {
    if case .string(let text) = value { return text }
    return nil
}

/// The local id that a database remembers for a document id.
func localID<R: Record>(_ type: R.Type, _ documentID: String, in workspace: Workspace) throws -> RecordID<R> {
    let value = try workspace.database.scalar("SELECT local_id FROM external_id WHERE kind = ? AND external = ?",
                                              [.text(R.table), .text(documentID)])
    return try #require(RecordID<R>(sqlValue: value), "\(documentID) is not remembered")
}

private func svendID(in workspace: Workspace) throws -> Int64 {
    try #require(try workspace.all(Citizen.self).first { $0.name == "Svend Madsen" }).id.rawValue
}

/// The index in `citizens` of the citizen with `name`.
func citizenIndex(named name: String, in document: JSONValue) throws -> Int {
    guard case .array(let citizens)? = document["citizens"] else { throw TestFailure("no citizens") }
    return try #require(citizens.firstIndex { $0["name"] == .string(name) })
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Professional {
    func with(username: String) -> Professional {
        var copy = self
        copy.username = username
        return copy
    }
}

/// Rewrites every id in a document from the exporting database's ids to the ids of the database
/// that imported it, through that database's `external_id` table.
func translatingIDs(_ document: JSONValue, into database: Database) throws -> JSONValue {
    func translate(_ id: JSONValue, _ kind: String) throws -> JSONValue {
        guard case .string(let external) = id else { throw TestFailure("an id that is not a string") }
        let local = try database.scalar("SELECT local_id FROM external_id WHERE kind = ? AND external = ?",
                                        [.text(kind), .text(external)])
        guard case .integer(let number) = local, let prefix = Interchange.idPrefixes[kind] else {
            throw TestFailure("\(kind) \(external) was not remembered")
        }
        let site = try database.scalar("SELECT value FROM setting WHERE key = 'site'")
        guard case .text(let siteText) = site, let siteNumber = Int64(siteText) else { throw TestFailure("no site") }
        return .string(number >> 32 == siteNumber ? prefix + String(number & 0xFFFF_FFFF) : prefix + String(number))
    }
    let listKinds = ["organisations": "organisation", "professionals": "professional", "activities": "activity",
                     "citizens": "citizen", "households": "household", "plans": "plan", "milestones": "milestone",
                     "meetings": "meeting"]
    let referenceKinds = ["organisation": "organisation", "recipient": "organisation", "company": "organisation",
                          "professional": "professional", "author": "professional", "household": "household"]
    let referenceListKinds = ["participants": "citizen", "members": "citizen", "attendees": "professional"]

    func walk(_ value: JSONValue, idKind: String?) throws -> JSONValue {
        switch value {
        case .array(let items):
            return .array(try items.map { try walk($0, idKind: idKind) })
        case .object(let members):
            return .object(try members.map { key, member in
                if key == "id", let idKind { return (key, try translate(member, idKind)) }
                if let kind = referenceKinds[key], case .string = member { return (key, try translate(member, kind)) }
                if key == "responsible", case .string(let word) = member, word != Interchange.citizenResponsible {
                    return (key, try translate(member, "professional"))
                }
                if let kind = referenceListKinds[key], case .array(let items) = member {
                    return (key, .array(try items.map { try translate($0, kind) }))
                }
                return (key, try walk(member, idKind: listKinds[key]))
            })
        default:
            return value
        }
    }
    return try walk(document, idKind: nil)
}

/// The example document of `interchange-v1.md`, as written there.
let contractExample = #"""
{
  "format": "trinvis",
  "version": 1,
  "exported_at": "2026-11-22T09:00:00+01:00",
  "organisations": [
    {"id": "o1", "name": "Jobcenter Ryslinge", "kind": "municipality"},
    {"id": "o2", "name": "Værestedet Fundamentet", "kind": "drop-in-centre"},
    {"id": "o3", "name": "Kværndrup Kro", "kind": "company"}
  ],
  "professionals": [
    {"id": "p1", "name": "Inger Holm", "role": "caseworker", "organisation": "o1", "username": "inger"}
  ],
  "activities": [
    {"id": "a1", "title": "IT-kursus", "kind": "course", "date": "2026-03-04", "organisation": "o2",
     "participants": ["c1"]}
  ],
  "citizens": [
    {
      "id": "c1",
      "name": "Svend Madsen",
      "cpr": "0101921234",
      "birth_date": "1992-01-01",
      "phone": "+45 12 34 56 78",
      "email": "svend@example.org",
      "contact_preference": "meeting",
      "household": "h1",
      "life": "Lives with his mother in an old house with a large garden. Trained gardener.",
      "registered_on": "2026-01-10",
      "organisation": "o1",
      "team": [
        {"professional": "p1", "responsible": true, "from": "2026-01-10"}
      ],
      "consents": [
        {"scope": "share-between-organisations", "recipient": "o2", "information": "plan and meetings",
         "purpose": "coordinated support", "given_on": "2026-01-10", "expires_on": "2027-01-10",
         "withdrawn_on": null, "note": "Written consent at first meeting"}
      ],
      "resources": [
        {"area": "education", "text": "Basic gardener training", "updated_on": "2026-01-10"}
      ],
      "visions": {"family": "", "work": "Landscape gardener", "housing": "", "other": "Become sober"},
      "plans": [
        {
          "id": "pl1",
          "goal": "Trained landscape gardener with a permanent job",
          "purpose": "Sober and self-supporting",
          "effort": "Alcohol treatment, internship, wage-subsidy job",
          "start": "2026-01-10",
          "end": "2026-07-10",
          "status": "active",
          "milestones": [
            {"id": "m1", "title": "Start treatment at the alcohol centre", "deadline": "2026-01-31",
             "stepping_stone": true, "status": "achieved", "achieved_on": "2026-01-28",
             "progress": [{"date": "2026-01-28", "note": "First weekly session done", "author": "p1"}]}
          ]
        }
      ],
      "meetings": [
        {
          "id": "mt1",
          "at": "2026-01-24T10:00:00+01:00",
          "kind": "conversation",
          "place": "Jobcenter",
          "attendance": "attended",
          "attendees": ["p1"],
          "author": "p1",
          "notes": "Talked about the treatment and the garden.",
          "agreements": [
            {"text": "Svend calls the alcohol centre", "responsible": "citizen", "due": "2026-01-27",
             "done_on": "2026-01-26"}
          ],
          "next_meeting": "2026-02-07T10:00:00+01:00"
        }
      ],
      "assessments": [
        {"date": "2026-01-10", "author": "p1", "scores": {"quality-of-life": 3, "relation-to-system": 2}}
      ],
      "outcomes": [
        {"date": "2026-06-01", "kind": "job-wage-subsidy", "note": "Gardener in Ringe"}
      ],
      "placements": [
        {"company": "o3", "kind": "internship", "from": "2026-04-01", "to": "2026-05-31",
         "result": "completed"}
      ],
      "stories": [
        {"date": "2026-06-15", "title": "Sober and working", "text": "...", "author": "p1"}
      ]
    }
  ],
  "households": [
    {"id": "h1", "name": "Madsen", "members": ["c1"]}
  ]
}
"""#
