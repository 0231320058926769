import Testing
@testable import TrinvisCore

/// Broken documents: each is refused with the JSON path of the problem, and not one row of the
/// database changes (every table's rows, audit columns included, and the full export compared).
///
/// Every broken document is the good document with harmless changes first (an organisation
/// renamed, a new citizen at the end) and then one error, so that an import that was not all or
/// nothing would leave a trace.
@Suite struct InterchangeErrorTests {
    /// A database that has imported the rich data set, and the document it imported.
    struct Base {
        let directory: TemporaryDirectory
        let workspace: Workspace
        let document: JSONValue
        /// The index of Svend, who has every kind of record, in `citizens`.
        let svend: Int

        init() throws {
            directory = try TemporaryDirectory()
            let source = try emptyWorkspace(directory, "source.sqlite")
            try buildRichData(in: source)
            document = try source.exportDocument(exportedAt: fixedExportTime)
            workspace = try emptyWorkspace(directory, "target.sqlite")
            try workspace.importDocument(text: document.serialized())
            svend = try citizenIndex(named: "Svend Madsen", in: document)
        }

        /// The document with harmless changes that an import would write if it got that far.
        var changedDocument: JSONValue {
            var changed = setting(document, at: "organisations[0].name", to: .string("Omdøbt Ærø ApS"))
            changed = appending(changed, at: "citizens", .object([
                ("id", .string("c-new")), ("name", .string("Ny Borger")), ("registered_on", .string("2026-03-01")),
            ]))
            return changed
        }

        /// The index of the household with `name` in `households`.
        func household(named name: String) throws -> Int {
            guard case .array(let households)? = document["households"] else { throw TestFailure("no households") }
            return try #require(households.firstIndex { $0["name"] == .string(name) })
        }

        /// Imports `text`, which must fail; returns the error after checking that nothing changed.
        func rejected(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> InterchangeError? {
            let before = try fingerprint(workspace.database)
            let exportBefore = try workspace.exportText(exportedAt: fixedExportTime)
            var failure: InterchangeError?
            do {
                try workspace.importDocument(text: text)
                Issue.record("the broken document was imported", sourceLocation: sourceLocation)
            } catch let error as InterchangeError {
                failure = error
            }
            #expect(try fingerprint(workspace.database) == before, "the database changed", sourceLocation: sourceLocation)
            #expect(try workspace.exportText(exportedAt: fixedExportTime) == exportBefore, sourceLocation: sourceLocation)
            #expect(!workspace.database.isInTransaction, sourceLocation: sourceLocation)
            return failure
        }

        /// Sets `path` in the changed document to `newValue`, imports it, and expects exactly
        /// `problem` at `path` (or at `errorPath` when the problem is reported elsewhere).
        func expect(_ path: String, _ newValue: JSONValue?, problem: String, errorPath: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
            let broken = setting(changedDocument, at: path, to: newValue)
            let error = try rejected(broken.serialized(), sourceLocation: sourceLocation)
            #expect(error == .invalid(path: errorPath ?? path, problem: problem), sourceLocation: sourceLocation)
            #expect(error?.description == "\(errorPath ?? path): \(problem)", sourceLocation: sourceLocation)
        }
    }

    @Test func theChangedDocumentItselfIsValid() throws {
        // Without this, the broken documents below might fail for the harmless changes alone.
        let base = try Base()
        let summary = try base.workspace.importDocument(text: base.changedDocument.serialized())
        #expect(summary[Citizen.table].created == 1 && summary[Organisation.table].updated == 1)
    }

    @Test func aDateThatDoesNotExist() throws {
        let base = try Base()
        try base.expect("citizens[\(base.svend)].plans[0].milestones[1].deadline", .string("2026-02-30"),
                        problem: "not a date (expected YYYY-MM-DD)")
        try base.expect("citizens[\(base.svend)].meetings[0].at", .string("2026-01-24 25:00"),
                        problem: "not a date-time (expected YYYY-MM-DDTHH:MM:SS+HH:MM)")
        try base.expect("exported_at", .string("yesterday"), problem: "not a date-time (expected YYYY-MM-DDTHH:MM:SS+HH:MM)")
    }

    @Test func anUnknownWord() throws {
        let base = try Base()
        try base.expect("citizens[\(base.svend)].meetings[1].kind", .string("visit"),
                        problem: "must be one of conversation, phone, email, home-visit, drop-in, companion")
        // Exactly the lower-case words: no other spelling is accepted.
        try base.expect("organisations[1].kind", .string("Municipality"),
                        problem: "must be one of municipality, drop-in-centre, company, other")
        try base.expect("citizens[\(base.svend)].resources[0].area", .string("cooking"),
                        problem: "must be one of " + ResourceArea.defaults.map(\.key).joined(separator: ", "))
        try base.expect("citizens[\(base.svend)].assessments[0].scores.happiness", .integer(5),
                        problem: "not an assessment dimension; must be one of quality-of-life, self-esteem, "
                            + "relation-to-system, social-network, health, housing, finances, work-readiness")
    }

    @Test func aReferenceToARecordThatIsNotInTheDocument() throws {
        let base = try Base()
        try base.expect("citizens[\(base.svend)].team[0].professional", .string("p999"),
                        problem: "refers to \"p999\", which is not in the document")
        try base.expect("citizens[\(base.svend)].meetings[0].agreements[1].responsible", .string("p999"),
                        problem: "refers to \"p999\", which is not in the document")
        try base.expect("activities[0].participants[0]", .string("c999"),
                        problem: "refers to \"c999\", which is not in the document")
        // A kind's ids do not stand in for another kind's.
        try base.expect("citizens[\(base.svend)].placements[0].company", .string("p1"),
                        problem: "refers to \"p1\", which is not in the document")
    }

    @Test func aDocumentCutShort() throws {
        let base = try Base()
        let text = base.changedDocument.serialized()
        for cut in [text.count / 2, text.count / 10, text.count * 9 / 10, text.count - 2] {
            let error = try base.rejected(String(text.prefix(cut)))
            guard case .notJSON(let line, let column, let detail)? = error else {
                Issue.record("expected a syntax error, got \(String(describing: error))")
                continue
            }
            #expect(line > 1 && column >= 1)
            #expect(detail.contains("truncated"))
            #expect(error?.description.hasPrefix("line \(line), column \(column): not valid JSON: ") == true)
        }
        let notJSON = try base.rejected("{\"format\": \"trinvis\", \"version\": 1,\n  'organisations': []}")
        #expect(notJSON == .notJSON(line: 2, column: 3, detail: "expected a member name in quotes"))
    }

    @Test func aValueOfTheWrongType() throws {
        let base = try Base()
        try base.expect("organisations[2].name", .integer(5), problem: "expected a string, found a number")
        try base.expect("citizens[\(base.svend)].meeting_interval_days", .string("14"),
                        problem: "expected an integer 1-365, found a string")
        try base.expect("citizens[\(base.svend)].team[0].responsible", .string("yes"),
                        problem: "expected true or false, found a string")
        try base.expect("citizens[\(base.svend)].plans", .object([]), problem: "expected an array, found an object")
        try base.expect("citizens[\(base.svend)].plans[0]", .string("plan"), problem: "expected an object, found a string")
        try base.expect("citizens[\(base.svend)].team[0].from", .integer(20260110), problem: "expected a string, found a number")
        let notAnObject = try base.rejected("[1, 2]")
        #expect(notAnObject == .invalid(path: "document", problem: "expected an object, found an array"))
    }

    @Test func aScoreOutsideOneToTen() throws {
        let base = try Base()
        try base.expect("citizens[\(base.svend)].assessments[0].scores.quality-of-life", .integer(11),
                        problem: "expected an integer 1-10, found 11")
        try base.expect("citizens[\(base.svend)].assessments[0].scores.self-esteem", .integer(0),
                        problem: "expected an integer 1-10, found 0")
        try base.expect("citizens[\(base.svend)].assessments[1].scores.work-readiness", .number(9.5),
                        problem: "expected an integer 1-10, found 9.5")
        try base.expect("citizens[\(base.svend)].assessments[0].scores", .object([]), problem: "must not be empty")
    }

    @Test func anIDUsedTwice() throws {
        let base = try Base()
        let first = try #require(value(base.document, at: "citizens[\(base.svend)].plans[0].id").flatMap(stringValue))
        try base.expect("citizens[\(base.svend)].plans[1].id", .string(first),
                        problem: "\"\(first)\" is used twice (first at citizens[\(base.svend)].plans[0].id)")
        let organisation = try #require(value(base.document, at: "organisations[0].id").flatMap(stringValue))
        try base.expect("organisations[1].id", .string(organisation),
                        problem: "\"\(organisation)\" is used twice (first at organisations[0].id)")
    }

    @Test func theFormatAndVersionAreChecked() throws {
        let base = try Base()
        try base.expect("format", .string("trinvis2"), problem: "must be \"trinvis\"")
        try base.expect("format", nil, problem: "must be \"trinvis\"")
        try base.expect("version", .integer(2), problem: "2 is not supported (this Trinvis reads version 1)")
        try base.expect("version", .string("1"), problem: "expected an integer, found a string")
    }

    @Test func aMissingRequiredValue() throws {
        let base = try Base()
        try base.expect("citizens[\(base.svend)].registered_on", nil, problem: "is required")
        try base.expect("citizens[\(base.svend)].plans[0].milestones[0].id", nil, problem: "is required")
        try base.expect("organisations[0].kind", .null, problem: "is required")
    }

    @Test func aRecordsOwnValidationIsReportedAtItsMember() throws {
        let base = try Base()
        let svend = "citizens[\(base.svend)]"
        try base.expect("\(svend).name", .string("  \n "), problem: "must not be empty")
        try base.expect("\(svend).plans[0].end", .string("2025-01-01"), problem: "lies before start (2026-01-10)")
        try base.expect("\(svend).plans[0].milestones[0].deadline", .string("2025-12-31"),
                        problem: "lies before start (2026-01-10)")
        try base.expect("\(svend).plans[0].milestones[1].status", .string("achieved"), problem: "must not be empty",
                        errorPath: "\(svend).plans[0].milestones[1].achieved_on")
        try base.expect("\(svend).cpr", .string("3102921234"),
                        problem: "the first six digits of a CPR number must be a date (DDMMYY)")
        try base.expect("\(svend).cpr", .string("0202921234"), problem: "does not match the birth date")
        try base.expect("\(svend).email", .string("svend at example"), problem: "not an e-mail address")
        try base.expect("\(svend).resources[1].area", .string("education"),
                        problem: "\"education\" appears twice in this citizen's resources (first at \(svend).resources[0].area)")
    }

    @Test func householdsThatContradictTheCitizens() throws {
        let base = try Base()
        let madsen = try base.household(named: "Madsen")
        let empty = try base.household(named: "Tom husstand")
        let svendID = try #require(value(base.document, at: "citizens[\(base.svend)].id").flatMap(stringValue))
        let madsenID = try #require(value(base.document, at: "households[\(madsen)].id").flatMap(stringValue))
        let emptyID = try #require(value(base.document, at: "households[\(empty)].id").flatMap(stringValue))
        // Svend names Madsen, but Madsen's members leave him out.
        try base.expect("households[\(madsen)].members", .array([]),
                        problem: "is \"\(madsenID)\", but households[\(madsen)].members does not list \"\(svendID)\"",
                        errorPath: "citizens[\(base.svend)].household")
        // Svend is listed in two households.
        try base.expect("households[\(empty)].members", .array([.string(svendID)]),
                        problem: "\"\(svendID)\" is already a member of \"\(emptyID)\" (households[\(empty)].members[0])",
                        errorPath: "households[\(madsen)].members[0]")
        // Either link alone is enough: without `household` on the citizen, the members list decides.
        let withoutLink = setting(base.document, at: "citizens[\(base.svend)].household", to: nil)
        let summary = try base.workspace.importDocument(text: withoutLink.serialized())
        #expect(summary.totalUpdated == 0)
    }

    @Test func aProblemFoundWhileWritingRollsEverythingBack() throws {
        let base = try Base()
        // Another professional already has the user name: only the database can tell, after the
        // organisation was renamed and the professionals before it were written.
        let broken = appending(base.changedDocument, at: "professionals", .object([
            ("id", .string("p-new")), ("name", .string("Anden Inger")), ("role", .string("other")),
            ("username", .string("inger")),
        ]))
        let index = try #require({ () -> Int? in
            guard case .array(let items)? = broken["professionals"] else { return nil }
            return items.count - 1
        }())
        let error = try base.rejected(broken.serialized())
        #expect(error == .invalid(path: "professionals[\(index)].username", problem: "another professional already has this value"))
    }

    @Test func anImportBySomeoneWhoIsNoAdministratorIsRefusedWhole() throws {
        let base = try Base()
        let soren = try #require(try base.workspace.all(Professional.self).first { $0.name == "Søren Ærø" })
        try base.workspace.update(soren.with(username: "soren"))
        let clock = TestClock()
        let restricted = try Workspace(path: base.directory.path("target.sqlite"), username: "soren",
                                       policy: .organisation, clock: { clock.now })
        let ulla = try citizenIndex(named: "Ulla Gård", in: base.document)
        let before = try fingerprint(base.workspace.database)
        do {
            // Professionals decide who sees whom: only administrators write them, so the document
            // is refused at its first professional and nothing is written, not even the renamed
            // company before it (the company register every professional keeps; Ulla, registered
            // elsewhere, is not Søren's to change either).
            try restricted.importDocument(text: base.changedDocument.serialized())
            Issue.record("the import must be refused")
        } catch let error as InterchangeError {
            #expect(error == .invalid(path: "professionals[0]", problem: StoreError.administratorsOnly.description))
            #expect(ulla >= 0)
        }
        #expect(try fingerprint(base.workspace.database) == before)
    }
}
