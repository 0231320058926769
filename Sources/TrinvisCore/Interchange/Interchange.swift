/// The interchange format, version 1 (see `interchange-v1.md`): what export writes and import reads.
///
/// Decisions that the contract leaves open, made once here and followed by both directions:
/// - Ids in a written document are a kind prefix and the local id (`o12`, `p3`, `h2`, `a5`, `c7`,
///   `pl4`, `m9`, `mt11`). A read document may use any non-empty strings, unique per kind.
/// - An optional value that is not set is left out, never written as `null` (the contract's
///   example shows `withdrawn_on: null`; both forms mean "no value" on import). Text fields that
///   are never nil in Trinvis (`life`, `notes`, `purpose`, ...) are always written, even when empty.
///   Lists of a citizen (`team`, `plans`, ...) are always written, even when empty; `visions` is
///   left out when the citizen has none.
/// - Records are written in a stable order: top-level records by local id; the lists of a
///   citizen in their natural order (by date, start, deadline or time), then by local id;
///   object keys in the order of the contract's example, with Trinvis's extra fields after the
///   example's (`meeting_interval_days`, a professional's `email` and `phone`, `to` of a team entry).
package enum Interchange {
    /// The value of `format`.
    package static let formatName = "trinvis"
    /// The only version this Trinvis reads and writes.
    package static let version: Int64 = 1

    /// The top-level extension member that names the installation a document was exported
    /// from (its `installation-id`), so that its ids are remembered per source.
    package static let installationMember = "x-installation"

    /// The longest text (any string of a document, in UTF-8 bytes as written) an import takes:
    /// 1 MiB, far above any note, and refused before it is read into memory.
    package static let maximumTextBytes = 1 << 20

    /// The word in an agreement's `responsible` that means the citizen (else a professional's id).
    package static let citizenResponsible = "citizen"

    /// The id prefix of each kind that has ids in the document, keyed by table name.
    package static let idPrefixes: [String: String] = [
        Organisation.table: "o", Professional.table: "p", Household.table: "h", Activity.table: "a",
        Citizen.table: "c", Plan.table: "pl", Milestone.table: "m", Meeting.table: "mt",
    ]

    /// The site of the installation whose document is being written (see `documentID`).
    @TaskLocal package static var homeSite: Int64?

    /// The document id of a record: its kind's prefix and its number. A record made by the
    /// installation that writes the document (`homeSite`) is numbered within its site (`c5`);
    /// one made elsewhere and received by sync keeps its whole id, which is at least 2^32, so
    /// the two never meet.
    package static func documentID<R: Record>(_ id: RecordID<R>, site: Int64? = homeSite) -> String {
        let prefix = idPrefixes[R.table] ?? R.table
        return prefix + String(site.map { SiteIDs.short(id.rawValue, site: $0) } ?? id.rawValue)
    }
}

/// Reports progress of a long import or export: `done` of `total` citizens.
package typealias InterchangeProgress = (_ done: Int, _ total: Int) -> Void

/// Why a document could not be imported. Nothing was changed when one is thrown.
package enum InterchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not JSON, or it stops early (a truncated file); line and column are 1-based.
    case notJSON(line: Int, column: Int, detail: String)
    /// The document is JSON, but the value at `path` (such as `citizens[3].plans[0].start`) is wrong.
    case invalid(path: String, problem: String)

    /// The JSON path of the problem, or nil for a syntax error.
    package var path: String? {
        switch self {
        case .notJSON: return nil
        case .invalid(let path, _): return path
        }
    }

    package var description: String {
        switch self {
        case .notJSON(let line, let column, let detail):
            return "line \(line), column \(column): not valid JSON: \(detail)"
        case .invalid(let path, let problem):
            return "\(path): \(problem)"
        }
    }
}

/// How many records of each kind an import created, changed, or found already as in the document.
package struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    /// The counts of one kind.
    package struct Counts: Sendable, Equatable {
        /// New records.
        package var created = 0
        /// Existing records whose values changed (their version went up by one).
        package var updated = 0
        /// Existing records that already matched the document (left untouched, version kept).
        package var unchanged = 0

        package init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
            self.created = created
            self.updated = updated
            self.unchanged = unchanged
        }
    }

    /// Every kind an import writes, by table name, in the order a summary lists them.
    package static let kinds = [
        Organisation.table, Professional.table, Household.table, Citizen.table, TeamMember.table, Consent.table,
        Resource.table, Vision.table, Plan.table, Milestone.table, ProgressNote.table, Meeting.table,
        Agreement.table, Assessment.table, Outcome.table, Placement.table, Story.table, Activity.table,
    ]

    private var counts: [String: Counts] = [:]

    package init() {}

    /// The counts of one kind (by table name); zero for a kind the document did not hold.
    package subscript(kind: String) -> Counts {
        counts[kind] ?? Counts()
    }

    /// Records created, over all kinds.
    package var totalCreated: Int { counts.values.reduce(0) { $0 + $1.created } }
    /// Records changed, over all kinds.
    package var totalUpdated: Int { counts.values.reduce(0) { $0 + $1.updated } }
    /// Records found unchanged, over all kinds.
    package var totalUnchanged: Int { counts.values.reduce(0) { $0 + $1.unchanged } }

    /// Adds one to a count of a kind.
    mutating func count(_ kind: String, _ change: WritableKeyPath<Counts, Int>) {
        counts[kind, default: Counts()][keyPath: change] += 1
    }

    /// One line per kind the document held: `citizen: 2 created, 1 updated, 0 unchanged`.
    package var description: String {
        Self.kinds.compactMap { kind in
            guard let value = counts[kind] else { return nil }
            return "\(kind): \(value.created) created, \(value.updated) updated, \(value.unchanged) unchanged"
        }.joined(separator: "\n")
    }
}
