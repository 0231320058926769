#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds on the monotonic clock (`CLOCK_MONOTONIC`), which never jumps with the wall clock.
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// The timings of one operation.
struct Measurement {
    /// What was measured, as the table shows it.
    let name: String
    /// The duration of each measured iteration, in nanoseconds, sorted.
    let samples: [UInt64]
    /// The mean number of rows (items, hits, bytes/1000 …) one call returned, for the reading.
    let rows: Double?
    /// The same SQL timed straight through the C API, when the operation has a bare baseline.
    var bare: BareMeasurement?
    /// Why an operation that should have a bare baseline has none.
    var bareProblem: String?

    /// A measurement of `samples` in any order.
    init(name: String, samples: [UInt64], rows: Double?) {
        self.name = name
        self.samples = samples.sorted()
        self.rows = rows
    }

    /// The value at or below which `percent` % of the samples lie (nearest rank).
    func percentile(_ percent: Double) -> UInt64 { nearestRank(samples, percent) }

    /// The median, in nanoseconds.
    var p50: UInt64 { percentile(50) }
    /// The 99th percentile, in nanoseconds.
    var p99: UInt64 { percentile(99) }
    /// The arithmetic mean, in nanoseconds.
    var mean: Double { samples.isEmpty ? 0 : Double(samples.reduce(0, +)) / Double(samples.count) }
}

/// The value at or below which `percent` % of the sorted `samples` lie (nearest rank); 0 when
/// there are none.
func nearestRank(_ samples: [UInt64], _ percent: Double) -> UInt64 {
    guard !samples.isEmpty else { return 0 }
    let rank = Int((percent / 100 * Double(samples.count)).rounded(.up))
    return samples[min(max(rank, 1), samples.count) - 1]
}

/// Runs `body` `warmup` times unmeasured (statements get prepared, pages get cached) and then
/// `iterations` times measured, one clock reading before and after each call. `body` gets the
/// iteration number (warm-up runs count from -warmup) and returns how many rows it produced.
/// `before`, with the same number, runs before each call and is not timed.
func measure(_ name: String, iterations: Int, warmup: Int = 3, before: ((Int) throws -> Void)? = nil,
             _ body: (Int) throws -> Int) throws -> Measurement {
    for index in -warmup..<0 {
        try before?(index)
        _ = try body(index)
    }
    var samples: [UInt64] = []
    samples.reserveCapacity(iterations)
    var rows = 0
    for index in 0..<iterations {
        try before?(index)
        let start = monotonicNanoseconds()
        rows += try body(index)
        samples.append(monotonicNanoseconds() - start)
    }
    return Measurement(name: name, samples: samples, rows: Double(rows) / Double(max(1, iterations)))
}

/// A duration for a table: µs below a millisecond, ms below a second, else s.
func formatDuration(_ nanoseconds: Double) -> String {
    if nanoseconds < 1_000_000 { return formatFixed(nanoseconds / 1_000, digits: 1) + " µs" }
    if nanoseconds < 1_000_000_000 { return formatFixed(nanoseconds / 1_000_000, digits: 2) + " ms" }
    return formatFixed(nanoseconds / 1_000_000_000, digits: 2) + " s"
}

/// `value` with exactly `digits` decimals (no Foundation formatting).
func formatFixed(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int64((abs(value) * scale).rounded())
    let whole = scaled / Int64(scale)
    let fraction = scaled % Int64(scale)
    var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
    if digits > 0 {
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
    return text
}
