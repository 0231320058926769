/// What the command line asks the benchmark to do.
struct BenchOptions {
    /// How many citizens each generated database holds: one database and one table per size,
    /// smallest first.
    var sizes = [10_000]
    /// Iterations of the fast operations; slow ones run a fraction of this (see `Suite`).
    var iterations = 200
    /// Keep (and reuse) the database at this path; nil for a temporary file removed at the end.
    var databasePath: String?
    /// Keep (and reuse) each size's database in this folder as `bench-N.sqlite`.
    var databaseFolder: String?
    /// The seed of the data and of the chosen targets.
    var seed: UInt64 = 20_260_302
    /// Print the results as Markdown tables.
    var markdown = false
    /// Write the results to stdout as one JSON array (and nothing else).
    var json = false
    /// Print the SQL each bare baseline ran.
    var showSQL = false
    /// Leave out the bare-SQL baselines.
    var bare = true
    /// Measure key to screen with the real `trinvis` in a pseudo-terminal (when it was built).
    var terminal = true
    /// Print the help text and exit.
    var help = false
    /// Measure only the 2000-citizen import by another process (its own database; nothing is
    /// generated).
    var locksOnly = false

    /// The help text.
    static let usage = """
        usage: trinvis-bench [--citizens N[,N…] | --sizes N,N,…] [--iterations K] [--db PATH | --db-dir DIR]
                             [--seed S] [--markdown | --json] [--sql] [--no-bare] [--no-terminal] [--locks]

        Generates a deterministic database of N citizens (default 10000) and measures the queries
        and writes behind Trinvis's screens: p50, p99 and mean of K iterations (default 200 for
        fast operations, fewer for slow ones). Each screen query's SQL is also timed straight
        through the SQLite C API on the same file (bare p50/p99 and the ratio Trinvis ÷ bare), and
        every row shows its target. With several sizes, every operation runs at each size, one
        database per size, and a growth table follows: operation × size.

          --citizens N    citizens to generate (default 10000); a comma list such as
                          10000,50000,200000 measures each size
          --sizes N,N,…   the same as --citizens with a list
          --iterations K  iterations of the fast operations (default 200)
          --db PATH       keep the database at PATH and reuse it when it already holds N citizens
                          of the same seed (default: a temporary file, removed at the end); one
                          size only
          --db-dir DIR    keep each size's database in DIR as bench-N.sqlite (bench-N-seed-S.sqlite
                          with another seed) and reuse it on later runs
          --seed S        seed of the generated data and the chosen targets (default 20260302)
          --markdown      print the results as Markdown tables
          --json          write the results to stdout as a JSON array of objects with the keys
                          operation, citizens, p50_ms, p99_ms, bare_p50_ms, bare_p99_ms (only
                          where a bare baseline applies) and rows; progress stays on stderr
          --sql           print the SQL each bare baseline ran (after the tables)
          --no-bare       leave out the bare-SQL baselines
          --no-terminal   leave out key to screen: the real trinvis (built beside the benchmark,
                          swift build -c release) in a 120x40 pseudo-terminal, each key timed to
                          the last byte of its screen update
          --locks         measure only the 2000-citizen import by another process: how long it
                          holds the write lock, the longest pause of typing and the wait of a save
          --help          this text

        Build and run in release mode: swift run -c release trinvis-bench
        """
}

/// A usage error: the message is printed with a pointer to `--help` and the exit status is 2.
struct BenchUsageError: Error {
    /// What is wrong with the command line.
    let message: String
}

/// Parses the arguments (without the program name).
func parseBenchOptions(_ arguments: [String]) throws -> BenchOptions {
    var options = BenchOptions()
    var index = 0
    func value(for option: String, inline: String?) throws -> String {
        if let inline { return inline }
        index += 1
        guard index < arguments.count else { throw BenchUsageError(message: "\(option) needs a value") }
        return arguments[index]
    }
    func number(_ option: String, _ text: String, minimum: Int) throws -> Int {
        guard let value = Int(text), value >= minimum else {
            throw BenchUsageError(message: "\(option) wants a whole number of at least \(minimum), not '\(text)'")
        }
        return value
    }
    while index < arguments.count {
        let argument = arguments[index]
        var name = argument
        var inline: String?
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inline = String(argument[argument.index(after: equals)...])
        }
        switch name {
        case "--citizens", "--sizes":
            let text = try value(for: name, inline: inline)
            let sizes = try text.split(separator: ",", omittingEmptySubsequences: false).map {
                try number(name, String($0), minimum: 100)
            }
            guard Set(sizes).count == sizes.count else { throw BenchUsageError(message: "\(name) names a size twice: '\(text)'") }
            options.sizes = sizes.sorted()
        case "--iterations": options.iterations = try number(name, try value(for: name, inline: inline), minimum: 1)
        case "--db":
            let path = try value(for: name, inline: inline)
            guard !path.isEmpty else { throw BenchUsageError(message: "--db needs a path") }
            options.databasePath = path
        case "--db-dir":
            let path = try value(for: name, inline: inline)
            guard !path.isEmpty else { throw BenchUsageError(message: "--db-dir needs a folder") }
            options.databaseFolder = path
        case "--seed":
            let text = try value(for: name, inline: inline)
            guard let seed = UInt64(text) else {
                throw BenchUsageError(message: "--seed wants a whole number from 0 to \(UInt64.max), not '\(text)'")
            }
            options.seed = seed
        case "--markdown": options.markdown = true
        case "--json": options.json = true
        case "--sql": options.showSQL = true
        case "--no-bare": options.bare = false
        case "--no-terminal": options.terminal = false
        case "--locks": options.locksOnly = true
        case "--help", "-h": options.help = true
        default: throw BenchUsageError(message: "unknown argument '\(argument)'")
        }
        index += 1
    }
    if options.databasePath != nil, options.databaseFolder != nil {
        throw BenchUsageError(message: "--db and --db-dir cannot be used together")
    }
    if options.databasePath != nil, options.sizes.count > 1 {
        throw BenchUsageError(message: "--db keeps one database; use --db-dir DIR for several sizes")
    }
    if options.json, options.markdown {
        throw BenchUsageError(message: "--json and --markdown cannot be used together")
    }
    if options.json, options.locksOnly {
        throw BenchUsageError(message: "--locks prints a table of its own; it cannot be used with --json")
    }
    if options.json, options.showSQL {
        throw BenchUsageError(message: "--sql prints text; it cannot be used with --json")
    }
    return options
}
