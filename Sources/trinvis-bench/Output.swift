#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TrinvisCore

/// Writes text to standard error, without Foundation.
func writeError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
            write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        }
        guard written > 0 else { return }
        offset += written
    }
    bytes.removeAll()
}

/// True when standard error is a terminal (progress is shown only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

/// Facts about the machine and the build, printed with the results so that readers can compare.
enum MachineFacts {
    /// Online processor cores.
    static var cores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Physical memory in GiB.
    static var memoryGiB: Double {
        Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_073_741_824
    }

    /// The processor's name from `/proc/cpuinfo` (Linux), or nil.
    static var processor: String? {
        guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 1_024)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("model name"), let colon = text.firstIndex(of: ":") {
                return String(text[text.index(after: colon)...]).trimmingSpaces()
            }
        }
        return nil
    }

    /// The kernel: `uname` system, release and machine.
    static var system: String {
        var name = utsname()
        guard uname(&name) == 0 else { return "unknown" }
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return "\(field(name.sysname)) \(field(name.release)) \(field(name.machine))"
    }

    /// The load averages over 1, 5 and 15 minutes, from `/proc/loadavg` (Linux), or "unknown".
    static var loadAverage: String {
        guard let text = readText("/proc/loadavg") else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// The most memory this process has held resident so far (`getrusage`), in bytes.
    static var peakResidentBytes: Int64 {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        #else
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        #endif
        #if canImport(Darwin)
        return Int64(usage.ru_maxrss)
        #else
        return Int64(usage.ru_maxrss) * 1_024
        #endif
    }

    /// The compiler the benchmark was built with.
    static var swift: String {
        #if compiler(>=6.5)
        return "Swift 6.5 or later"
        #elseif compiler(>=6.4)
        return "Swift 6.4"
        #elseif compiler(>=6.3)
        return "Swift 6.3"
        #elseif compiler(>=6.2)
        return "Swift 6.2"
        #elseif compiler(>=6.1)
        return "Swift 6.1"
        #else
        return "Swift 6.0"
        #endif
    }
}

/// The size of a file in bytes, 0 when it does not exist.
func fileSize(_ path: String) -> Int64 {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return Int64(info.st_size)
}

/// A byte count for people: `123.4 MB`.
func formatBytes(_ bytes: Int64) -> String {
    if bytes < 1_000_000 { return formatFixed(Double(bytes) / 1_000, digits: 1) + " kB" }
    if bytes < 1_000_000_000 { return formatFixed(Double(bytes) / 1_000_000, digits: 1) + " MB" }
    return formatFixed(Double(bytes) / 1_000_000_000, digits: 2) + " GB"
}

/// A table for people: aligned plain text (numbers right-aligned), or Markdown.
struct TextTable {
    /// The column headings.
    let header: [String]
    /// The cells, row by row.
    let rows: [[String]]

    /// Columns padded to their widest cell; the first left-aligned, the others right-aligned.
    var plain: String {
        let all = [header] + rows
        let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table.
    var markdown: String {
        var lines = ["| " + header.map { $0.replacingPipes() }.joined(separator: " | ") + " |",
                     "| --- |" + String(repeating: " ---: |", count: header.count - 1)]
        for row in rows {
            lines.append("| " + row.map { $0.replacingPipes() }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain text or Markdown.
    func text(markdown: Bool) -> String { markdown ? self.markdown : plain }
}

/// The results of one database size: every operation with its timings, its bare-SQL baseline,
/// the ratio of the two and its target.
struct ResultTable {
    /// The rows, in the order they were measured.
    let measurements: [Measurement]

    /// The mean row count of a call, as the tables show it.
    static func rowText(_ rows: Double?) -> String {
        rows.map { $0 == $0.rounded() ? String(Int($0)) : formatFixed($0, digits: 1) } ?? "-"
    }

    /// Trinvis's median ÷ the bare median, nil without a baseline.
    static func ratio(_ measurement: Measurement) -> Double? {
        guard let bare = measurement.bare, bare.p50 > 0 else { return nil }
        return Double(measurement.p50) / Double(bare.p50)
    }

    /// Whether the operation meets its target and the ratio to bare SQL: "yes", "no (…)", or
    /// "-" when neither applies.
    static func verdict(_ measurement: Measurement, among all: [Measurement]) -> String {
        var checked = false
        var missed: [String] = []
        if let goal = Goal.of(measurement.name), let met = goal.isMet(by: measurement, among: all) {
            checked = true
            if !met { missed.append("target") }
        }
        if let ratio = ratio(measurement) {
            checked = true
            if ratio > Goal.bareRatio { missed.append("÷ bare") }
        }
        guard checked else { return "-" }
        return missed.isEmpty ? "yes" : "no (" + missed.joined(separator: ", ") + ")"
    }

    /// The table.
    var table: TextTable {
        TextTable(
            header: ["operation", "iterations", "p50", "p99", "mean", "rows", "bare p50", "bare p99",
                     "÷ bare (≤ " + formatFixed(Goal.bareRatio, digits: 1) + ")", "target", "met"],
            rows: measurements.map { measurement in
                [measurement.name, String(measurement.samples.count), formatDuration(Double(measurement.p50)),
                 formatDuration(Double(measurement.p99)), formatDuration(measurement.mean),
                 Self.rowText(measurement.rows),
                 measurement.bare.map { formatDuration(Double($0.p50)) } ?? "-",
                 measurement.bare.map { formatDuration(Double($0.p99)) } ?? "-",
                 Self.ratio(measurement).map { formatFixed($0, digits: 2) } ?? "-",
                 Goal.of(measurement.name)?.text ?? "-",
                 Self.verdict(measurement, among: measurements)]
            })
    }
}

/// The results of every size, one line per operation: p50 / p99 at each size, and how much the
/// median grew from the smallest to the largest size.
struct GrowthTable {
    /// Each size's citizens and measurements, smallest first.
    let runs: [(citizens: Int, measurements: [Measurement])]

    /// The table.
    var table: TextTable {
        var names: [String] = []
        for run in runs {
            for measurement in run.measurements where !names.contains(measurement.name) { names.append(measurement.name) }
        }
        let header = ["operation (p50 / p99)", "target"] + runs.map { "\($0.citizens) citizens" }
            + ["growth of p50, \(runs.first?.citizens ?? 0) → \(runs.last?.citizens ?? 0)"]
        let rows = names.map { name -> [String] in
            let found = runs.map { run in run.measurements.first { $0.name == name } }
            let cells = found.map { measurement in
                measurement.map { formatDuration(Double($0.p50)) + " / " + formatDuration(Double($0.p99)) } ?? "-"
            }
            var growth = "-"
            if let first = found.first ?? nil, let last = found.last ?? nil, found.count > 1, first.p50 > 0 {
                growth = formatFixed(Double(last.p50) / Double(first.p50), digits: 2) + "×"
            }
            return [name, Goal.of(name)?.text ?? "-"] + cells + [growth]
        }
        return TextTable(header: header, rows: rows)
    }
}

/// The results of every size as a JSON array for tools: one object per operation and size with
/// the keys `operation`, `citizens`, `p50_ms`, `p99_ms`, `bare_p50_ms` and `bare_p99_ms` (only
/// where a bare baseline was measured) and `rows` (null where the operation counts none).
func resultsJSON(_ runs: [(citizens: Int, measurements: [Measurement])]) -> String {
    func milliseconds(_ nanoseconds: UInt64) -> String { formatFixed(Double(nanoseconds) / 1_000_000, digits: 4) }
    var objects: [String] = []
    for run in runs {
        for measurement in run.measurements {
            var fields = ["\"operation\": " + jsonString(measurement.name), "\"citizens\": \(run.citizens)",
                          "\"p50_ms\": " + milliseconds(measurement.p50), "\"p99_ms\": " + milliseconds(measurement.p99)]
            if let bare = measurement.bare {
                fields.append("\"bare_p50_ms\": " + milliseconds(bare.p50))
                fields.append("\"bare_p99_ms\": " + milliseconds(bare.p99))
            }
            fields.append("\"rows\": " + (measurement.rows.map { $0 == $0.rounded() ? String(Int($0)) : formatFixed($0, digits: 2) } ?? "null"))
            objects.append("  {" + fields.joined(separator: ", ") + "}")
        }
    }
    return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
}

/// `text` as a JSON string literal (escaped as every JSON Trinvis writes).
func jsonString(_ text: String) -> String { JSONValue.quoted(text) }

/// The SQL each bare baseline ran, per operation (as the first measured call ran it), and why an
/// operation that should have one has none.
func bareStatementsText(_ measurements: [Measurement], markdown: Bool) -> String {
    var text = markdown ? "### The SQL of the bare baselines\n\n" : "The SQL of the bare baselines (one call):\n\n"
    for measurement in measurements {
        if let problem = measurement.bareProblem {
            text += (markdown ? "- **" + measurement.name + "**: " : measurement.name + ": ") + problem + "\n"
            continue
        }
        guard let bare = measurement.bare else { continue }
        text += markdown ? "**" + measurement.name + "**\n\n```sql\n" : measurement.name + "\n"
        for statement in bare.statements {
            let sql = statement.sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            text += (markdown ? "" : "    ") + sql + (statement.count > 1 ? (markdown ? "  -- " : "  ") + "×\(statement.count)" : "") + "\n"
        }
        text += markdown ? "```\n\n" : "\n"
    }
    return text
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingSpaces() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }

    /// `|` escaped for a Markdown table cell.
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
