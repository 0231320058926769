/// What the command line asks the benchmark to do.
struct BenchOptions {
    /// How many citizens the generated database holds.
    var citizens = 10_000
    /// Iterations of the fast operations; slow ones run a fraction of this (see `Suite`).
    var iterations = 200
    /// Keep (and reuse) the database at this path; nil for a temporary file removed at the end.
    var databasePath: String?
    /// The seed of the data and of the chosen targets.
    var seed: UInt64 = 20_260_302
    /// Print the results as a Markdown table.
    var markdown = false
    /// Print the help text and exit.
    var help = false
    /// Measure only the 2000-citizen import by another process (its own database; nothing is
    /// generated).
    var locksOnly = false

    /// The help text.
    static let usage = """
        usage: trinvis-bench [--citizens N] [--iterations K] [--db PATH] [--seed S] [--markdown] [--locks]

        Generates a deterministic database of N citizens (default 10000) and measures the queries
        and writes behind Trinvis's screens: p50, p99 and mean of K iterations (default 200 for
        fast operations, fewer for slow ones).

          --citizens N    citizens to generate (default 10000)
          --iterations K  iterations of the fast operations (default 200)
          --db PATH       keep the database at PATH and reuse it when it already holds N citizens
                          of the same seed (default: a temporary file, removed at the end)
          --seed S        seed of the generated data and the chosen targets (default 20260302)
          --markdown      print the results as a Markdown table
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
        case "--citizens": options.citizens = try number(name, try value(for: name, inline: inline), minimum: 100)
        case "--iterations": options.iterations = try number(name, try value(for: name, inline: inline), minimum: 1)
        case "--db":
            let path = try value(for: name, inline: inline)
            guard !path.isEmpty else { throw BenchUsageError(message: "--db needs a path") }
            options.databasePath = path
        case "--seed":
            let text = try value(for: name, inline: inline)
            guard let seed = UInt64(text) else {
                throw BenchUsageError(message: "--seed wants a whole number from 0 to \(UInt64.max), not '\(text)'")
            }
            options.seed = seed
        case "--markdown": options.markdown = true
        case "--locks": options.locksOnly = true
        case "--help", "-h": options.help = true
        default: throw BenchUsageError(message: "unknown argument '\(argument)'")
        }
        index += 1
    }
    return options
}
