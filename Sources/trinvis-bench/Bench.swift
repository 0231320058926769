#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TrinvisCore

/// Parses the command line, runs the benchmark and returns the exit status (0, 1 or 2).
func benchMain(_ arguments: [String]) -> Int32 {
    let options: BenchOptions
    do {
        options = try parseBenchOptions(arguments)
    } catch let error as BenchUsageError {
        writeError("trinvis-bench: \(error.message)\nsee trinvis-bench --help\n")
        return 2
    } catch {
        writeError("trinvis-bench: \(error)\n")
        return 2
    }
    if options.help {
        print(BenchOptions.usage)
        return 0
    }
    do {
        try Benchmark(options: options).run()
        return 0
    } catch {
        writeError("trinvis-bench: \(error)\n")
        return 1
    }
}

/// One run: the database (generated, or reused with `--db`), the measurements and the report.
struct Benchmark {
    /// The command line.
    let options: BenchOptions

    /// The user name that generates the data (not a professional, so it sees no "mine").
    static let generatorUser = "trinvis-bench"

    /// Measures each size (preparing its database), prints each size's facts and table, the
    /// growth table when there are several sizes, and removes temporary databases again.
    func run() throws {
        if options.locksOnly {
            let path = try databasePath(citizens: options.sizes[0])
            defer { path.remove() }
            try runLocksOnly(path: path.path)
            return
        }
        if let folder = options.databaseFolder { try makeFolder(folder) }
        var runs: [(citizens: Int, measurements: [Measurement])] = []
        var texts: [String] = []
        for (position, citizens) in options.sizes.enumerated() {
            let path = try databasePath(citizens: citizens)
            defer { path.remove() }
            let (facts, measurements) = try measureSize(citizens, at: path.path, temporary: path.isTemporary,
                                                        includeImportLock: position == 0)
            runs.append((citizens, measurements))
            guard !options.json else { continue }
            var text = options.sizes.count > 1 ? (options.markdown ? "## \(citizens) citizens\n\n" : "== \(citizens) citizens ==\n\n") : ""
            if options.markdown {
                text += facts.map { "- **\($0.label)**: \($0.value)" }.joined(separator: "\n") + "\n\n"
            } else {
                let width = facts.map(\.label.count).max() ?? 0
                for fact in facts {
                    text += fact.label + ":" + String(repeating: " ", count: width - fact.label.count + 1) + fact.value + "\n"
                }
                text += "\n"
            }
            text += ResultTable(measurements: measurements).table.text(markdown: options.markdown)
            texts.append(text)
            // Each size's table as soon as it is measured, so that a long run shows its results.
            print(text, terminator: options.sizes.count > 1 ? "\n" : "")
        }
        if options.json {
            print(resultsJSON(runs), terminator: "")
            return
        }
        if runs.count > 1 {
            print(options.markdown ? "## Growth\n" : "== Growth: p50 / p99 at each size ==\n")
            print(GrowthTable(runs: runs).table.text(markdown: options.markdown), terminator: "")
        }
        if options.showSQL, let first = runs.first {
            print()
            print(bareStatementsText(first.measurements, markdown: options.markdown), terminator: "")
        }
    }

    /// Where one size's database lives: chosen by `--db` or `--db-dir`, or a temporary file.
    private struct DatabasePlace {
        let path: String
        let temporaryDirectory: String?
        var isTemporary: Bool { temporaryDirectory != nil }

        /// Removes a temporary database, the files SQLite and Trinvis kept beside it (the
        /// journals, the drafts) and its folder; a kept database stays.
        func remove() {
            guard let directory = temporaryDirectory, let folder = opendir(directory) else { return }
            var names: [String] = []
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(folder)
            for name in names { unlink(directory + "/" + name) }
            rmdir(directory)
        }
    }

    private func databasePath(citizens: Int) throws -> DatabasePlace {
        if let chosen = options.databasePath { return DatabasePlace(path: chosen, temporaryDirectory: nil) }
        if let folder = options.databaseFolder {
            let name = options.seed == BenchOptions().seed ? "bench-\(citizens).sqlite" : "bench-\(citizens)-seed-\(options.seed).sqlite"
            return DatabasePlace(path: folder + "/" + name, temporaryDirectory: nil)
        }
        let directory = try makeTemporaryDirectory()
        return DatabasePlace(path: directory + "/bench.sqlite", temporaryDirectory: directory)
    }

    private func makeFolder(_ folder: String) throws {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw BenchError("--db-dir \(folder) is not a folder") }
            return
        }
        guard mkdir(folder, 0o700) == 0 else {
            throw BenchError("cannot create the folder \(folder): \(String(cString: strerror(errno)))")
        }
    }

    /// Prepares the database of `citizens` citizens at `path` and measures it.
    private func measureSize(_ citizens: Int, at path: String, temporary: Bool,
                             includeImportLock: Bool) throws -> ([(label: String, value: String)], [Measurement]) {
        let generation = try prepareDatabase(at: path, citizens: citizens)
        let (targets, sqliteVersion) = try {
            let workspace = try Workspace(path: path, username: Self.generatorUser, clock: { BenchCalendar.now })
            let version: String = try workspace.database.fetchOne("SELECT sqlite_version()")?.get(0) ?? "?"
            return (try Targets(database: workspace.database, today: BenchCalendar.today), version)
        }()
        let suite = Suite(path: path, options: options, targets: targets, includeImportLock: includeImportLock)
        let measurements = try suite.run { name in
            if standardErrorIsTerminal {
                writeError("\r\u{1B}[K\(citizens) citizens, measuring: \(name)")
            } else {
                writeError("trinvis-bench: \(citizens) citizens: \(name)\n")
            }
        }
        var all = measurements
        if options.terminal {
            if let executable = TerminalLatency.siblingExecutable() {
                let latency = TerminalLatency(executable: executable, database: path, user: targets.busiestCaseworker.username,
                                              presses: max(options.iterations / 4, 20))
                all += try latency.run { name in
                    if standardErrorIsTerminal {
                        writeError("\r\u{1B}[K\(citizens) citizens, measuring: \(name)")
                    } else {
                        writeError("trinvis-bench: \(citizens) citizens: \(name)\n")
                    }
                }
            } else {
                writeError("trinvis-bench: no trinvis beside the benchmark (swift build -c release builds it): key to screen left out\n")
            }
        }
        if standardErrorIsTerminal { writeError("\r\u{1B}[K") }
        let facts = describe(path: path, temporary: temporary, citizens: citizens, generation: generation,
                             targets: targets, sqliteVersion: sqliteVersion)
        return (facts, all)
    }

    /// `--locks`: only the import by another process, on its own database beside `path`.
    private func runLocksOnly(path: String) throws {
        if standardErrorIsTerminal { writeError("\r\u{1B}[Kmeasuring: import \(Suite.importedCitizens) citizens by another process") }
        let measurements = try Suite.measureImportLock(besides: path, seed: options.seed)
        if standardErrorIsTerminal { writeError("\r\u{1B}[K") }
        print(ResultTable(measurements: measurements).table.text(markdown: options.markdown), terminator: "")
    }

    /// Generates the database at `path`, or checks that the one there is this benchmark's data
    /// (same number of citizens, same seed). Returns the generation time in nanoseconds, or nil
    /// when an existing file was reused.
    private func prepareDatabase(at path: String, citizens wanted: Int) throws -> UInt64? {
        let workspace = try Workspace(path: path, username: Self.generatorUser, clock: { BenchCalendar.now })
        let citizens: Int = try workspace.database.fetchOne("SELECT count(*) FROM citizen")?.get(0) ?? 0
        if citizens > 0 {
            let first: String? = try workspace.database.fetchOne("SELECT name FROM citizen ORDER BY id LIMIT 1")?.get(0)
            guard citizens == wanted,
                  first == DataGenerator.expectedName(index: 0, seed: options.seed) else {
                throw BenchError("""
                    \(path) holds \(citizens) citizens that this benchmark did not generate with \
                    --citizens \(wanted) --seed \(options.seed); remove the file or pass the options it was made with
                    """)
            }
            return nil
        }
        let start = monotonicNanoseconds()
        let generator = DataGenerator(workspace: workspace, citizenCount: wanted, seed: options.seed,
                                      today: BenchCalendar.today)
        // On a terminal a line that counts up; otherwise (a log, CI) a line at every tenth, so
        // that a long run shows life.
        var reported = 0
        try generator.run { done, total in
            if standardErrorIsTerminal {
                writeError("\r\u{1B}[Kgenerating: \(done) of \(total) citizens")
            } else if done * 10 / total > reported || done == total {
                reported = done * 10 / total
                let elapsed = formatDuration(Double(monotonicNanoseconds() - start))
                writeError("trinvis-bench: generating \(total) citizens: \(done) done (\(done * 100 / total) %), "
                           + "\(elapsed), peak resident \(formatBytes(MachineFacts.peakResidentBytes))\n")
            }
        }
        if standardErrorIsTerminal { writeError("\r\u{1B}[K") }
        try workspace.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return monotonicNanoseconds() - start
    }

    /// The lines above the table: when, on what, with which data.
    private func describe(path: String, temporary: Bool, citizens: Int, generation: UInt64?, targets: Targets,
                          sqliteVersion: String) -> [(label: String, value: String)] {
        var machine = "\(MachineFacts.cores) cores"
        if let processor = MachineFacts.processor { machine += ", " + processor }
        machine += ", " + formatFixed(MachineFacts.memoryGiB, digits: 1) + " GiB, " + MachineFacts.system
        let counts = targets.counts.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
        let size = fileSize(path) + fileSize(path + "-wal")
        let made = generation.map { "generated in " + formatDuration(Double($0)) } ?? "reused (generated earlier)"
        let memory = "peak resident " + formatBytes(MachineFacts.peakResidentBytes) + " (the process so far)"
        return [
            ("date", Timestamp.now().localDate.iso + " (the data is dated relative to " + BenchCalendar.today.iso + ")"),
            ("machine", machine + "; load average " + MachineFacts.loadAverage + " after measuring"),
            ("build", MachineFacts.swift + ", release; SQLite " + sqliteVersion),
            ("data", "\(citizens) citizens, seed \(options.seed): " + counts),
            ("file", formatBytes(size) + ", " + made + (temporary ? " (temporary)" : " (" + path + ")") + "; " + memory),
            ("user", "\(targets.busiestCaseworker.username), caseworker responsible for "
                + "\(targets.busiestCaseworker.citizens) citizens; report organisation "
                + "\(targets.largestMunicipality.name) (\(targets.largestMunicipality.citizens) citizens)"),
        ]
    }

    private func makeTemporaryDirectory() throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/trinvis-bench-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchError("cannot create a temporary directory in \(base): \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
