/// What an operation should take: the targets of issue 11 ("scale"), measured on this kind of
/// 2-core machine in a release build. Keys are within 5 ms; the queries behind the panes that a
/// move loads are held to the same 5 ms as the move itself.
enum Goal {
    /// The 99th percentile at most this many nanoseconds.
    case p99(atMost: UInt64)
    /// The median at most `factor` times the median of the operation `reference`.
    case relative(to: String, factor: Double)

    /// Trinvis ÷ bare SQL (the medians) at most this, for every operation with a bare baseline.
    static let bareRatio = 1.5

    /// The goal, as the tables show it.
    var text: String {
        switch self {
        case .p99(let limit): return "p99 ≤ " + formatLimit(Double(limit))
        case .relative(_, let factor): return "p50 ≤ " + formatFixed(factor, digits: 1) + "× list"
        }
    }

    /// Whether `measurement` meets the goal; nil when the reference was not measured.
    func isMet(by measurement: Measurement, among all: [Measurement]) -> Bool? {
        switch self {
        case .p99(let limit):
            return measurement.p99 <= limit
        case .relative(let reference, let factor):
            guard let base = all.first(where: { $0.name == reference }) else { return nil }
            return Double(measurement.p50) <= factor * Double(base.p50)
        }
    }

    /// The goal of the operation named `name`, nil when it has none.
    static func of(_ name: String) -> Goal? { goals[name] }

    private static let milliseconds: UInt64 = 1_000_000
    private static let key: Goal = .p99(atMost: 5 * milliseconds)
    private static let goals: [String: Goal] = [
        "open Workspace (cold start)": .p99(atMost: 100 * milliseconds),
        Suite.firstPage: key,
        "citizen list: later page via cursor (50)": key,
        "citizen list: first page, organisation rule": .relative(to: Suite.firstPage, factor: 1.5),
        Suite.sharedReadInFull: .relative(to: Suite.firstPage, factor: 1.5),
        Suite.afterSharingChange: .relative(to: Suite.firstPageAfterOthersWrite, factor: 1.5),
        Suite.firstPageAfterOthersWrite: key,
        Suite.afterOthersWrite: .relative(to: Suite.firstPageAfterOthersWrite, factor: 1.5),
        "protected: citizen list, first page (50)": .relative(to: Suite.firstPage, factor: 1.5),
        "protected: search, name fragment, 3 letters": key,
        Suite.typedSearch: key,
        "protected: panes of a citizen with the look-up logged": key,
        "search: name fragment, 3 letters": key,
        "search: CPR prefix, 6 digits": key,
        "search: frequent word in notes (FTS)": .p99(atMost: 30 * milliseconds),
        "search: rare word in notes (FTS)": .p99(atMost: 30 * milliseconds),
        "citizen profile": key,
        "meeting history: first page (20)": key,
        "milestones of a plan": key,
        "agenda of a caseworker": key,
        "results report: everything": .p99(atMost: 1_000 * milliseconds),
        "results report: one organisation": .p99(atMost: 1_000 * milliseconds),
        "export one citizen (interchange text)": .p99(atMost: 10 * milliseconds),
        // "Within a few seconds" at 200,000 citizens.
        Suite.checkName: .p99(atMost: 5_000 * milliseconds),
        "write: meeting + 2 agreements (1 transaction)": .p99(atMost: 10 * milliseconds),
        "write: update a milestone (version check)": .p99(atMost: 10 * milliseconds),
        "screen: ↓ in citizen list (loads the panes)": key,
        "key to screen: open and first screen": .p99(atMost: 100 * milliseconds),
        "key to screen: ↓/↑ in the citizen list": .p99(atMost: 10 * milliseconds),
        "key to screen: a letter of a name search": .p99(atMost: 16 * milliseconds),
        "key to screen: r, the results report": .p99(atMost: 1_000 * milliseconds),
    ]
}

/// A limit for a table: whole ms below a second, else s.
private func formatLimit(_ nanoseconds: Double) -> String {
    nanoseconds < 1_000_000_000 ? formatFixed(nanoseconds / 1_000_000, digits: 0) + " ms"
        : formatFixed(nanoseconds / 1_000_000_000, digits: 0) + " s"
}
