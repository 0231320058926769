import TrinvisCore

/// The measurements: a baseline of the machine, then every query and write behind the screens,
/// each on targets drawn with the seeded generator so that two runs measure the same work.
struct Suite {
    /// The database file.
    let path: String
    /// The command line.
    let options: BenchOptions
    /// What the database holds.
    let targets: Targets
    /// Whether the run ends with the import by another process (on a database of its own, so
    /// the same at every size: a run of several sizes measures it once).
    let includeImportLock: Bool

    /// The name of the first page of the citizen list, which the access rules are held against.
    static let firstPage = "citizen list: first page (50)"
    static let afterSharingChange = "citizen list: first page, organisation rule, after another's consent"
    static let sharedReadInFull = "citizen list: first page, organisation rule, shared citizens read in full"
    static let afterOthersWrite = "citizen list: first page, organisation rule, after another's milestone"
    static let firstPageAfterOthersWrite = "citizen list: first page (50), after another's milestone"
    static let typedSearch = "protected: search as typed, each letter of 'jensen' (100)"

    /// Iterations of operations that take microseconds to a few milliseconds.
    var fast: Int { options.iterations }
    /// Iterations of operations that take tens of milliseconds.
    var medium: Int { max(5, options.iterations / 4) }
    /// Iterations of operations that read the whole database.
    var slow: Int { max(3, options.iterations / 20) }

    /// A workspace on the file as the busiest caseworker, on the benchmark's clock.
    func open(policy: AccessPolicy = .unrestricted) throws -> Workspace {
        try Workspace(path: path, username: targets.busiestCaseworker.username, policy: policy,
                      clock: { BenchCalendar.now })
    }

    /// `count` targets drawn from the generator of operation `stream` (one stream per operation,
    /// so that adding an operation changes no other operation's targets).
    func draw<T>(_ count: Int, stream: UInt64, _ make: (inout SplitMix64) -> T) -> [T] {
        var random = SplitMix64(seed: options.seed, stream: 1_000 + stream)
        return (0..<count).map { _ in make(&random) }
    }

    /// A workspace as `open` makes it, with the SQLite connections it opened (for the bare
    /// baselines' recording).
    func openRecorded(policy: AccessPolicy = .unrestricted) throws -> (Workspace, [OpaquePointer]) {
        try StatementRecorder.connections { try open(policy: policy) }
    }

    /// Runs everything; `announce` is told the name of each operation before it runs.
    ///
    /// Unless `--no-bare`, a screen query's calls are first run once with their statements
    /// recorded (not timed); then each iteration times the Trinvis call and the same SQL on a
    /// bare C API connection to the same file (`BareConnection`), one after the other.
    func run(announce: (String) -> Void) throws -> [Measurement] {
        var results: [Measurement] = []
        func add(_ name: String, iterations: Int, warmup: Int = 3, before: ((Int) throws -> Void)? = nil,
                 _ body: (Int) throws -> Int) throws {
            announce(name)
            results.append(try measure(name, iterations: iterations, warmup: warmup, before: before, body))
        }
        let warmup = 3
        let bare = options.bare ? try BareConnection(path: path) : nil
        // A screen query and its bare baseline. The calls are first recorded (which also
        // brings their pages into the operating system's cache, so that neither side pays for
        // reading them first); then each iteration times the Trinvis call and right after it the
        // same statements on the bare connection, so that both see the same load of the machine.
        // `before` runs before each call, untimed and unrecorded.
        func addWithBare(_ name: String, iterations: Int, on connections: [OpaquePointer],
                         before: ((Int) throws -> Void)? = nil, _ body: (Int) throws -> Int) throws {
            guard let bare else { return try add(name, iterations: iterations, warmup: warmup, before: before, body) }
            announce(name)
            let prepared: BareConnection.PreparedCalls
            do {
                func recorded() throws -> [[RecordedStatement]] {
                    try StatementRecorder.record(on: connections, indices: -warmup..<iterations, before: before) { index in
                        _ = try body(index)
                    }
                }
                // An operation that writes only the first time (the export notes its access-log
                // entry once per citizen and quarter of an hour) is recorded again: the timed
                // calls after the recording only read, and so does the baseline.
                do {
                    prepared = try bare.prepare(try recorded(), describing: warmup)
                } catch let error as BareConnection.WritingStatement {
                    writeError("trinvis-bench: \(name) wrote (\(error.sql)) while it was recorded; recording it again\n")
                    prepared = try bare.prepare(try recorded(), describing: warmup)
                }
            } catch {
                writeError("trinvis-bench: no bare baseline for \(name): \(error)\n")
                try add(name, iterations: iterations, warmup: warmup, before: before, body)
                results[results.count - 1].bareProblem = "\(error)"
                return
            }
            var samples: [UInt64] = [], bareSamples: [UInt64] = []
            var rows = 0, bareRows = 0
            for index in -warmup..<iterations {
                try before?(index)
                let start = monotonicNanoseconds()
                let count = try body(index)
                let middle = monotonicNanoseconds()
                let bareCount = try bare.run(prepared, call: index + warmup)
                let end = monotonicNanoseconds()
                guard index >= 0 else { continue }
                samples.append(middle - start)
                bareSamples.append(end - middle)
                rows += count
                bareRows += bareCount
            }
            var measurement = Measurement(name: name, samples: samples, rows: Double(rows) / Double(max(1, iterations)))
            measurement.bare = BareMeasurement(samples: bareSamples, statements: prepared.statements,
                                               rows: Double(bareRows) / Double(max(1, iterations)))
            results.append(measurement)
        }

        // Baseline: what the machine and SQLite cost without Trinvis's queries.
        do {
            let (workspace, connections) = try openRecorded()
            let database = workspace.database
            try add("baseline: prepared SELECT 1 via Database", iterations: fast) { _ in
                try database.scalar("SELECT 1") == .integer(1) ? 1 : 0
            }
            let citizens = draw(fast + warmup, stream: 1) { $0.pick(targets.citizens) }
            try addWithBare("baseline: citizen by primary key (Workspace.get)", iterations: fast, on: connections) { index in
                _ = try workspace.get(Citizen.self, id: citizens[index + warmup])
                return 1
            }
        }

        // Start-up: no other connection is open, as when the program starts.
        announce("open Workspace (cold start)")
        results.append(try measureOpen(iterations: fast, warmup: warmup))

        let (workspace, connections) = try openRecorded()
        try addWithBare(Self.firstPage, iterations: fast, on: connections) { _ in
            try workspace.citizenSummaries(page: .first(50)).items.count
        }
        let cursors = try draw(fast + warmup, stream: 2) { $0.pick(targets.citizens) }.map { id in
            PageCursor(key: try workspace.get(Citizen.self, id: id).orderKey)
        }
        try addWithBare("citizen list: later page via cursor (50)", iterations: fast, on: connections) { index in
            try workspace.citizenSummaries(page: PageRequest(limit: 50, after: cursors[index + warmup])).items.count
        }
        do {
            let (restricted, restrictedConnections) = try openRecorded(policy: .organisation)
            try addWithBare("citizen list: first page, organisation rule", iterations: fast, on: restrictedConnections) { _ in
                try restricted.citizenSummaries(page: .first(50)).items.count
            }
            // The list when the shared citizens are read in full: the first of the day or of the
            // program, after an erasure, after an import of more than a few hundred of them.
            try addWithBare(Self.sharedReadInFull, iterations: fast, on: restrictedConnections) { _ in
                restricted.forgetSharedCitizens()
                return try restricted.citizenSummaries(page: .first(50)).items.count
            }
            // The first list after another connection saved a consent shared with the
            // organisation: its citizen is read again, the other shared citizens are kept.
            let consentWriter = try open()
            let consents = try consentWriter.database.fetchAll("""
                SELECT id FROM consent WHERE scope = 'share-between-organisations' AND recipient_id = ? ORDER BY id LIMIT 200
                """, [restricted.actor.organisationID.sqlValue]) { try $0.get(0) as ConsentID }
            guard !consents.isEmpty else { throw BenchError("no consent is shared with the caseworker's organisation") }
            let changedConsents = draw(fast + warmup, stream: 14) { $0.pick(consents) }
            var savedConsents: [ConsentID: Consent] = [:]
            try addWithBare(Self.afterSharingChange, iterations: fast, on: restrictedConnections, before: { index in
                let id = changedConsents[index + warmup]
                savedConsents[id] = try consentWriter.update(try savedConsents[id] ?? consentWriter.get(Consent.self, id: id))
            }) { _ in
                try restricted.citizenSummaries(page: .first(50)).items.count
            }
            // The first list after another connection saved a milestone: the file changed (the
            // connection's page cache is dropped), the shared citizens did not. Without the rule
            // first, as the rule's row is held to.
            let writer = try open()
            var latest: [MilestoneID: Milestone] = [:]
            let milestones = draw(2 * (fast + warmup), stream: 13) { $0.pick(targets.milestones) }
            func savingAMilestone(_ offset: Int) -> (Int) throws -> Void {
                { index in
                    let id = milestones[offset + index + warmup]
                    latest[id] = try writer.update(try latest[id] ?? writer.get(Milestone.self, id: id))
                }
            }
            try addWithBare(Self.firstPageAfterOthersWrite, iterations: fast, on: connections, before: savingAMilestone(0)) { _ in
                try workspace.citizenSummaries(page: .first(50)).items.count
            }
            try addWithBare(Self.afterOthersWrite, iterations: fast, on: restrictedConnections,
                            before: savingAMilestone(fast + warmup)) { _ in
                try restricted.citizenSummaries(page: .first(50)).items.count
            }
        }
        // The program's own way in: the caseworker's OS identity, so the rule follows from who
        // they are and every look-up is noted for the access log (written once per 15 minutes).
        do {
            let (protected, protectedConnections) = try StatementRecorder.connections {
                try Workspace(path: path, identity: Identity(account: targets.busiestCaseworker.username, uid: 60_000),
                              clock: { BenchCalendar.now })
            }
            try addWithBare("protected: citizen list, first page (50)", iterations: fast, on: protectedConnections) { _ in
                try protected.citizenSummaries(page: .first(50)).items.count
            }
            let names = draw(fast + warmup, stream: 30) { String($0.pick(Vocabulary.lastNames).lowercased().prefix(3)) }
            try addWithBare("protected: search, name fragment, 3 letters", iterations: fast, on: protectedConnections) { index in
                try protected.search(names[index + warmup], noting: false).count
            }
            // The search as the interface runs it on each letter typed (a page of 100), the
            // name of the key-to-screen row's typing: 1 to 6 letters of "jensen" in turn.
            let typed = Array("jensen")
            try addWithBare(Self.typedSearch, iterations: fast, on: protectedConnections) { index in
                let letters = (index % typed.count + typed.count) % typed.count + 1
                return try protected.search(String(typed.prefix(letters)), limit: 100, noting: false).count
            }
            let seen = draw(fast + warmup, stream: 31) { $0.pick(targets.citizens) }
            try add("protected: panes of a citizen with the look-up logged", iterations: fast) { index in
                let citizen = seen[index + warmup]
                guard (try? protected.checkAccess(to: citizen)) != nil else { return 0 }
                let count = try protected.meetingHistory(of: citizen, page: .first(20)).items.count
                try protected.flushAccessLog()
                return count
            }
        }

        let fragments = draw(fast + warmup, stream: 3) { random -> String in
            let name = random.chance(70) ? random.pick(Vocabulary.lastNames) : random.pick(Vocabulary.firstNames)
            return String(name.lowercased().prefix(3))
        }
        try addWithBare("search: name fragment, 3 letters", iterations: fast, on: connections) { index in
            try workspace.search(fragments[index + warmup]).count
        }
        let prefixes = draw(fast + warmup, stream: 4) { String($0.pick(targets.cprs).prefix(6)) }
        try addWithBare("search: CPR prefix, 6 digits", iterations: fast, on: connections) { index in
            try workspace.search(prefixes[index + warmup]).count
        }
        let frequent = draw(medium + warmup, stream: 5) { $0.pick(Suite.frequentWords) }
        try addWithBare("search: frequent word in notes (FTS)", iterations: medium, on: connections) { index in
            try workspace.search(frequent[index + warmup]).count
        }
        let rare = draw(fast + warmup, stream: 6) { $0.pick(Suite.rareWords) }
        try addWithBare("search: rare word in notes (FTS)", iterations: fast, on: connections) { index in
            try workspace.search(rare[index + warmup]).count
        }

        let profiles = draw(fast + warmup, stream: 7) { $0.pick(targets.citizens) }
        try addWithBare("citizen profile", iterations: fast, on: connections) { index in
            let profile = try workspace.citizenProfile(profiles[index + warmup])
            return profile.team.count + profile.plans.count + profile.assessments.count + profile.resources.count
        }
        let histories = draw(fast + warmup, stream: 8) { $0.pick(targets.citizens) }
        try addWithBare("meeting history: first page (20)", iterations: fast, on: connections) { index in
            try workspace.meetingHistory(of: histories[index + warmup], page: .first(20)).items.count
        }
        let plans = draw(fast + warmup, stream: 9) { $0.pick(targets.plans) }
        try addWithBare("milestones of a plan", iterations: fast, on: connections) { index in
            try workspace.list(Milestone.self, parent: plans[index + warmup].sqlValue, page: .first(50)).items.count
        }
        // Whose agenda, and how many citizens they are responsible for, is in the facts above the table.
        try addWithBare("agenda of a caseworker", iterations: fast, on: connections) { _ in
            try workspace.agenda().count
        }

        try add("results report: everything", iterations: slow, warmup: 1) { _ in
            try workspace.resultsReport().figures.citizens
        }
        let organisation = targets.largestMunicipality.id
        try add("results report: one organisation", iterations: slow, warmup: 1) { _ in
            try workspace.resultsReport(organisation: organisation).figures.citizens
        }
        try measureCheck(bare: bare, announce: announce, into: &results)
        let exports = draw(medium + warmup, stream: 10) { $0.pick(targets.citizens) }
        try addWithBare("export one citizen (interchange text)", iterations: medium, on: connections) { index in
            try workspace.exportText(citizens: [exports[index + warmup]]).isEmpty ? 0 : 1
        }

        let addUnprepared = { (name: String, iterations: Int, warmup: Int, body: (Int) throws -> Int) throws in
            try add(name, iterations: iterations, warmup: warmup, body)
        }
        try measureWrites(workspace, add: addUnprepared)
        try measureScreens(workspace, add: addUnprepared)
        if includeImportLock {
            announce("import \(Self.importedCitizens) citizens by another process")
            results += try Self.measureImportLock(besides: path, seed: options.seed)
        }
        return results
    }

    /// The name of the quick check's row.
    static let checkName = "check: quick form (trinvis check)"

    /// `trinvis check` without `--full`, as the command runs it (its own connections: SQLite's
    /// check of the pages beside the check of the references). Its bare baseline is the same two
    /// statements, `PRAGMA quick_check(20)` and `PRAGMA foreign_key_check`, one after the other on
    /// the bare connection.
    private func measureCheck(bare: BareConnection?, announce: (String) -> Void, into results: inout [Measurement]) throws {
        announce(Self.checkName)
        var check = try measure(Self.checkName, iterations: slow, warmup: 1) { _ in
            let report = DatabaseCheck.run(path: path)
            guard case .healthy(let citizens) = report.verdict else {
                throw BenchError("trinvis check found the benchmark's file unsound: \(report.problems.joined(separator: "; "))")
            }
            return citizens
        }
        if let bare {
            let statements = ["PRAGMA quick_check(20)", "PRAGMA foreign_key_check"].map { RecordedStatement(sql: $0, arguments: [:]) }
            do {
                check.bare = try bare.measure(Array(repeating: statements, count: slow + 1), iterations: slow, warmup: 1)
            } catch {
                check.bareProblem = "\(error)"
            }
        }
        results.append(check)
    }

    /// Opening a workspace on the existing file: `sqlite3_open`, the pragmas, the migration check
    /// and the user lookup. The connection is closed outside the measured time.
    private func measureOpen(iterations: Int, warmup: Int) throws -> Measurement {
        var samples: [UInt64] = []
        for index in -warmup..<iterations {
            let start = monotonicNanoseconds()
            let workspace = try open()
            let elapsed = monotonicNanoseconds() - start
            withExtendedLifetime(workspace) {}
            if index >= 0 { samples.append(elapsed) }
        }
        return Measurement(name: "open Workspace (cold start)", samples: samples, rows: nil)
    }

    /// The two writes: a meeting with two agreements in one transaction (the commit waits for
    /// fsync, `synchronous=FULL`), and saving a milestone (the version check and the update).
    /// The meetings are deleted again afterwards, so that a reused database stays as generated.
    private func measureWrites(_ workspace: Workspace,
                               add: (String, Int, Int, (Int) throws -> Int) throws -> Void) throws {
        let warmup = 3
        let author = targets.busiestCaseworker.id
        let citizens = draw(fast + warmup, stream: 11) { $0.pick(targets.citizens) }
        var created: [Meeting] = []
        try add("write: meeting + 2 agreements (1 transaction)", fast, warmup) { index in
            let at = BenchCalendar.now.adding(seconds: Int64(index + warmup) * 60)
            try workspace.database.transaction {
                let meeting = try workspace.create(Meeting(
                    citizenID: citizens[index + warmup], at: at, place: "Jobcentret", attendees: [author],
                    authorID: author,
                    notes: "Vi talte om praktikken og økonomien. Borgeren fortalte, at det går bedre med søvnen.",
                    nextMeeting: at.adding(seconds: 14 * 86_400)))
                try workspace.create(Agreement(meetingID: meeting.id, text: "Søge tre job inden næste samtale",
                                               due: BenchCalendar.today.adding(days: 14)))
                try workspace.create(Agreement(meetingID: meeting.id, text: "Ringe til lægen om ryggen",
                                               responsible: .professional(author), due: BenchCalendar.today.adding(days: 7)))
                created.append(meeting)
            }
            return 3
        }
        try workspace.database.transaction {
            for meeting in created { try workspace.delete(meeting) }
        }

        var latest: [MilestoneID: Milestone] = [:]
        let milestones = draw(fast + warmup, stream: 12) { $0.pick(targets.milestones) }
        for id in milestones where latest[id] == nil { latest[id] = try workspace.get(Milestone.self, id: id) }
        try add("write: update a milestone (version check)", fast, warmup) { index in
            let id = milestones[index + warmup]
            guard let milestone = latest[id] else { throw BenchError("milestone \(id) was not read") }
            latest[id] = try workspace.update(milestone)
            return 1
        }
    }

    /// Words that occur in many meeting notes (several per cent of them).
    static let frequentWords = ["praktik", "bolig", "gæld", "lægen", "søvn", "økonomi"]
    /// Words that occur in about one note in 3,600 (`Vocabulary.hobbies`), typed as prefixes.
    static let rareWords = ["kajak", "lystfisk", "vinterbad", "æbletræ", "ølbryg", "petanque", "ålefisk"]
}
