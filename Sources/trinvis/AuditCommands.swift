import TrinvisCore
import TrinvisTUI

extension CommandRunner {
    /// `trinvis audit`: lists the access log (administrators every entry, others their own),
    /// checks its hash chains with `--verify`, or prunes it with `--prune`.
    func audit(_ request: Invocation.AuditRequest) throws {
        // Only pruning changes the log; listing and verifying read it (also on a read-only medium).
        let workspace = request.prune ? try openExisting() : try openForReading(logging: false)
        if request.prune {
            let results = try workspace.pruneAccessLog()
            func removed(_ chain: AccessLogChain) -> Int { results.first { $0.chain == chain }?.removed ?? 0 }
            writeOutput(say(.auditPruned(lookups: removed(.lookup), changes: removed(.change),
                                         lookupDays: try workspace.retentionDays(.lookup),
                                         changeDays: try workspace.retentionDays(.change))) + "\n")
        }
        if request.verify {
            switch try workspace.verifyAccessLog() {
            case .intact(let counts, let hashes):
                writeOutput(say(.auditIntact(lookups: counts[.lookup] ?? 0, changes: counts[.change] ?? 0,
                                             lookupHash: hashes[.lookup] ?? AccessLogEntry.genesis,
                                             changeHash: hashes[.change] ?? AccessLogEntry.genesis)) + "\n")
            case .broken(let problem):
                throw Failure(phrase: .auditBroken(id: problem.id, chain: problem.chain, kind: problem.kind))
            }
        }
        if request.verify || request.prune { return }
        let citizen: CitizenID?
        if let text = request.citizen {
            // An id stands as it is: the entries of an erased citizen remain in the log.
            if let number = Int64(text), number > 0 { citizen = CitizenID(number) } else {
                citizen = try resolveCitizen(text, in: workspace)
            }
        } else {
            citizen = nil
        }
        let entries = try workspace.accessLogEntries(citizen: citizen, account: request.account, from: request.from,
                                                     to: request.to)
        switch request.format {
        case .text: try deliver(entries.map(auditTextLine).joined(), to: nil)
        case .csv: try deliver(AuditFormatting.csv(entries), to: nil)
        case .json: try deliver(AuditFormatting.json(entries) + "\n", to: nil)
        }
    }

    /// One line of the text form: local date and time, who, action, citizen, detail.
    private func auditTextLine(_ entry: AccessLogEntry) -> String {
        var fields = [AuditFormatting.localTime(entry.at), Sanitizer.sanitize(entry.who), entry.action.rawValue]
        fields.append(entry.citizenID.map { say(.auditCitizen($0.rawValue)) } ?? "-")
        if !entry.detail.isEmpty { fields.append(Sanitizer.sanitize(entry.detail)) }
        return fields.joined(separator: "  ") + "\n"
    }
}

/// The CSV and JSON forms of `trinvis audit`.
enum AuditFormatting {
    /// `YYYY-MM-DD HH:MM:SS` in the machine's local time.
    static func localTime(_ seconds: Int64) -> String {
        let stamp = Timestamp(seconds: seconds, offsetMinutes: Timestamp.localOffsetMinutes(at: seconds))
        let time = stamp.localTime
        return stamp.localDate.iso + " " + pad2(time.hour) + ":" + pad2(time.minute) + ":"
            + pad2(time.second)
    }

    static let csvHeader = ["id", "time", "account", "acting_as", "organisation_id", "action", "citizen_id", "detail",
                            "chain", "hash"]

    /// A header row and one row per entry, RFC 4180 quoting, CRLF line ends.
    static func csv(_ entries: [AccessLogEntry]) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        for entry in entries {
            let fields = [String(entry.id), localTime(entry.at), entry.account, entry.actingAs ?? "",
                          entry.organisationID.map { String($0.rawValue) } ?? "", entry.action.rawValue,
                          entry.citizenID.map { String($0.rawValue) } ?? "", entry.detail, entry.chain.rawValue, entry.hash]
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// A field without controls, defused against spreadsheet formulas (a leading `=`, `+`, `-`
    /// or `@` gets an apostrophe before it), in quotes when it holds a comma or a quote.
    static func csvField(_ raw: String) -> String {
        ResultsReport.csvField(ResultsReport.neutralisingFormula(raw))
    }

    /// An array of objects, one per entry.
    static func json(_ entries: [AccessLogEntry]) -> String {
        JSONValue.array(entries.map { entry in
            JSONValue.object([
                ("id", .integer(entry.id)),
                ("time", .string(Timestamp(seconds: entry.at, offsetMinutes: Timestamp.localOffsetMinutes(at: entry.at)).iso)),
                ("account", .string(entry.account)),
                ("acting_as", entry.actingAs.map { .string($0) } ?? .null),
                ("organisation_id", entry.organisationID.map { .integer($0.rawValue) } ?? .null),
                ("action", .string(entry.action.rawValue)),
                ("citizen_id", entry.citizenID.map { .integer($0.rawValue) } ?? .null),
                ("detail", .string(entry.detail)),
                ("chain", .string(entry.chain.rawValue)),
                ("hash", .string(entry.hash)),
            ])
        }).serialized()
    }
}

/// A number with at least two digits.
private func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
