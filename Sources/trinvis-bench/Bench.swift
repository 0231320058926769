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

    /// Prepares the database, measures, prints the facts and the table, and removes a temporary
    /// database again.
    func run() throws {
        var temporaryDirectory: String?
        let path: String
        if let chosen = options.databasePath {
            path = chosen
        } else {
            let directory = try makeTemporaryDirectory()
            temporaryDirectory = directory
            path = directory + "/bench.sqlite"
        }
        defer {
            if let directory = temporaryDirectory {
                for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
                rmdir(directory)
            }
        }

        if options.locksOnly {
            try runLocksOnly(path: path)
            return
        }
        let generation = try prepareDatabase(at: path)
        let (targets, sqliteVersion) = try {
            let workspace = try Workspace(path: path, username: Self.generatorUser, clock: { BenchCalendar.now })
            let version: String = try workspace.database.fetchOne("SELECT sqlite_version()")?.get(0) ?? "?"
            return (try Targets(database: workspace.database, today: BenchCalendar.today), version)
        }()

        let measurements = try Suite(path: path, options: options, targets: targets).run { name in
            if standardErrorIsTerminal { writeError("\r\u{1B}[Kmeasuring: \(name)") }
        }
        if standardErrorIsTerminal { writeError("\r\u{1B}[K") }

        let facts = describe(path: path, generation: generation, targets: targets, sqliteVersion: sqliteVersion)
        let table = ResultTable(measurements: measurements)
        if options.markdown {
            print(facts.map { "- **\($0.label)**: \($0.value)" }.joined(separator: "\n"))
            print()
            print(table.markdown, terminator: "")
        } else {
            let width = facts.map(\.label.count).max() ?? 0
            for fact in facts {
                print(fact.label + ":" + String(repeating: " ", count: width - fact.label.count + 1) + fact.value)
            }
            print()
            print(table.plain, terminator: "")
        }
    }

    /// `--locks`: only the import by another process, on its own database beside `path`.
    private func runLocksOnly(path: String) throws {
        if standardErrorIsTerminal { writeError("\r\u{1B}[Kmeasuring: import \(Suite.importedCitizens) citizens by another process") }
        let measurements = try Suite.measureImportLock(besides: path, seed: options.seed)
        if standardErrorIsTerminal { writeError("\r\u{1B}[K") }
        let table = ResultTable(measurements: measurements)
        print(options.markdown ? table.markdown : table.plain, terminator: "")
    }

    /// Generates the database at `path`, or checks that the one there is this benchmark's data
    /// (same number of citizens, same seed). Returns the generation time in nanoseconds, or nil
    /// when an existing file was reused.
    private func prepareDatabase(at path: String) throws -> UInt64? {
        let workspace = try Workspace(path: path, username: Self.generatorUser, clock: { BenchCalendar.now })
        let citizens: Int = try workspace.database.fetchOne("SELECT count(*) FROM citizen")?.get(0) ?? 0
        if citizens > 0 {
            let first: String? = try workspace.database.fetchOne("SELECT name FROM citizen ORDER BY id LIMIT 1")?.get(0)
            guard citizens == options.citizens,
                  first == DataGenerator.expectedName(index: 0, seed: options.seed) else {
                throw BenchError("""
                    \(path) holds \(citizens) citizens that this benchmark did not generate with \
                    --citizens \(options.citizens) --seed \(options.seed); remove the file or pass the options it was made with
                    """)
            }
            return nil
        }
        let start = monotonicNanoseconds()
        let generator = DataGenerator(workspace: workspace, citizenCount: options.citizens, seed: options.seed,
                                      today: BenchCalendar.today)
        try generator.run { done, total in
            if standardErrorIsTerminal { writeError("\r\u{1B}[Kgenerating: \(done) of \(total) citizens") }
        }
        if standardErrorIsTerminal { writeError("\r\u{1B}[K") }
        try workspace.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return monotonicNanoseconds() - start
    }

    /// The lines above the table: when, on what, with which data.
    private func describe(path: String, generation: UInt64?, targets: Targets,
                          sqliteVersion: String) -> [(label: String, value: String)] {
        var machine = "\(MachineFacts.cores) cores"
        if let processor = MachineFacts.processor { machine += ", " + processor }
        machine += ", " + formatFixed(MachineFacts.memoryGiB, digits: 1) + " GiB, " + MachineFacts.system
        let counts = targets.counts.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
        let size = fileSize(path) + fileSize(path + "-wal")
        let made = generation.map { "generated in " + formatDuration(Double($0)) } ?? "reused (generated earlier)"
        return [
            ("date", Timestamp.now().localDate.iso + " (the data is dated relative to " + BenchCalendar.today.iso + ")"),
            ("machine", machine),
            ("build", MachineFacts.swift + ", release; SQLite " + sqliteVersion),
            ("data", "\(options.citizens) citizens, seed \(options.seed): " + counts),
            ("file", formatBytes(size) + ", " + made + (options.databasePath == nil ? " (temporary)" : " (" + path + ")")),
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
