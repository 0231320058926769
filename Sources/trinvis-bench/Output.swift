#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// The results as a table: aligned plain text, or Markdown.
struct ResultTable {
    /// The rows, in the order they were measured.
    let measurements: [Measurement]

    private var rows: [[String]] {
        measurements.map { measurement in
            [measurement.name, String(measurement.samples.count), formatDuration(Double(measurement.p50)),
             formatDuration(Double(measurement.p99)), formatDuration(measurement.mean),
             measurement.rows.map { $0 == $0.rounded() ? String(Int($0)) : formatFixed($0, digits: 1) } ?? "-"]
        }
    }

    private static let header = ["operation", "iterations", "p50", "p99", "mean", "rows"]

    /// Columns padded to their widest cell; the operation left-aligned, the numbers right-aligned.
    var plain: String {
        let all = [Self.header] + rows
        let widths = (0..<Self.header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table.
    var markdown: String {
        var lines = ["| " + Self.header.joined(separator: " | ") + " |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for row in rows {
            lines.append("| " + row.map { $0.replacingPipes() }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
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
