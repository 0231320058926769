import Testing
@testable import TrinvisCore

/// The fixed `exported_at` of every export in the interchange tests.
let fixedExportTime = instant("2026-11-22T09:00:00+01:00")

/// Text that tries to break things: control and escape sequences, quotes, backslashes, line
/// ends, tabs, DEL, a line separator, emoji with joiners, CJK, and a combining mark that has no
/// precomposed form (so NFC keeps it).
let hostileText = "Første linje\nEscape: \u{1B}[2J \"citat\" back\\slash\ttab\u{7F} \u{2028} 👩‍👧 漢字 q\u{0307} ÆØÅ æøå"

/// The local ids of the rich data set.
struct RichData {
    var jobcenter: OrganisationID
    var cafe: OrganisationID
    var inn: OrganisationID
    var otherOrganisation: OrganisationID
    var inger: ProfessionalID
    var soren: ProfessionalID
    var mentor: ProfessionalID
    var unusedProfessional: ProfessionalID
    var madsen: HouseholdID
    var emptyHousehold: HouseholdID
    var svend: CitizenID
    var ulla: CitizenID
    var li: CitizenID
    var bare: CitizenID
}

/// Fills a workspace with every kind of record, in an order that leaves gaps in the ids and
/// creates plans, milestones and meetings out of their natural order, so that another database
/// that imports the export gives them other local ids.
@discardableResult
func buildRichData(in workspace: Workspace) throws -> RichData {
    // A record created and deleted again leaves a gap in the ids.
    let gap = try workspace.create(Organisation(name: "Slettes", kind: .other))
    try workspace.delete(gap)

    let inn = try workspace.create(Organisation(name: "Kværndrup Kro", kind: .company)).id
    let jobcenter = try workspace.create(Organisation(name: "Jobcenter Ryslinge", kind: .municipality)).id
    let cafe = try workspace.create(Organisation(name: "Værestedet Fundamentet", kind: .dropInCentre)).id
    let otherOrganisation = try workspace.create(Organisation(name: "ÆØÅ æøå 漢字 🏠", kind: .other)).id

    let soren = try workspace.create(Professional(name: "Søren Ærø", role: .dropInCounselor, organisationID: cafe,
                                                  email: "soren@example.org", phone: "+45 11 22 33 44")).id
    let inger = try workspace.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: jobcenter,
                                                  username: "inger")).id
    let mentor = try workspace.create(Professional(name: "李明 🌟", role: .mentor, organisationID: inn)).id
    let unusedProfessional = try workspace.create(Professional(name: "Åse Ørsted", role: .other)).id

    let emptyHousehold = try workspace.create(Household(name: "Tom husstand")).id
    let madsen = try workspace.create(Household(name: "Madsen")).id
    let ulrichsen = try workspace.create(Household(name: "Ørum-Åberg")).id

    let ulla = try workspace.create(Citizen(
        name: "Ulla Gård", phone: "+45 98 76 54 32", email: "ulla@example.org", contactPreference: .email,
        householdID: ulrichsen, life: "Tre børn.\nAngst. Hårdt fysisk liv på landet.", registeredOn: day("2026-02-01"),
        organisationID: jobcenter)).id
    let svend = try workspace.create(Citizen(
        name: "Svend Madsen", cpr: CPR("0101921234"), birthDate: day("1992-01-01"), phone: "+45 12 34 56 78",
        email: "svend@example.org", contactPreference: .meeting, householdID: madsen, life: hostileText,
        registeredOn: day("2026-01-10"), organisationID: jobcenter, meetingIntervalDays: 10)).id
    let li = try workspace.create(Citizen(name: "李小龍 🐉", registeredOn: day("2026-03-01"), organisationID: cafe)).id
    let bare = try workspace.create(Citizen(name: "Jan", householdID: madsen, registeredOn: day("2025-12-24"))).id

    // Svend: everything.
    try workspace.create(TeamMember(citizenID: svend, professionalID: soren, responsible: false,
                                    from: day("2026-02-01"), to: day("2026-05-31")))
    try workspace.create(TeamMember(citizenID: svend, professionalID: inger, responsible: true, from: day("2026-01-10")))
    try workspace.create(Consent(citizenID: svend, scope: .shareBetweenOrganisations, recipientID: cafe,
                                 information: "plan og møder", purpose: "koordineret støtte", givenOn: day("2026-01-10"),
                                 expiresOn: day("2027-01-10"), note: "Skriftligt samtykke ved første møde"))
    try workspace.create(Consent(citizenID: svend, scope: .contactBySMS, givenOn: day("2026-01-10"),
                                 withdrawnOn: day("2026-02-15")))
    try workspace.create(Resource(citizenID: svend, area: ResourceArea("health"), text: "Drikker mindre 🍺→💧",
                                  updatedOn: day("2026-02-01")))
    try workspace.create(Resource(citizenID: svend, area: ResourceArea("education"), text: "Gartneruddannelse",
                                  updatedOn: day("2026-01-10")))
    try workspace.create(Resource(citizenID: svend, area: ResourceArea("interests"), text: "",
                                  updatedOn: day("2026-01-10")))
    try workspace.create(Vision(citizenID: svend, family: "", work: "Anlægsgartner", housing: "", other: hostileText))

    let later = try workspace.create(Plan(citizenID: svend, goal: "Fast job som anlægsgartner", purpose: "Ædru",
                                          effort: "Praktik", start: day("2026-07-11"), status: .active))
    let first = try workspace.create(Plan(citizenID: svend, goal: "Ædru og selvforsørgende", purpose: "Trin for trin",
                                          effort: "Alkoholbehandling, praktik, løntilskud", start: day("2026-01-10"),
                                          end: day("2026-07-10"), status: .completed))
    let second = try workspace.create(Milestone(planID: first.id, title: "Praktik hos gartner", deadline: day("2026-04-30"),
                                                status: .inProgress))
    let firstMilestone = try workspace.create(Milestone(planID: first.id, title: "Start behandling på alkoholcentret",
                                                        deadline: day("2026-01-31"), steppingStone: true,
                                                        status: .achieved, achievedOn: day("2026-01-28")))
    try workspace.create(Milestone(planID: later.id, title: "Søg job 漢字", deadline: day("2026-08-01")))
    try workspace.create(ProgressNote(milestoneID: firstMilestone.id, date: day("2026-01-28"),
                                      note: "Første session gennemført", authorID: inger))
    try workspace.create(ProgressNote(milestoneID: firstMilestone.id, date: day("2026-01-20"), note: hostileText))
    try workspace.create(ProgressNote(milestoneID: second.id, date: day("2026-03-01"), note: "Godt i gang", authorID: mentor))

    let secondMeeting = try workspace.create(Meeting(
        citizenID: svend, at: instant("2026-02-07T10:00:00+01:00"), kind: .homeVisit, place: "Hjemme hos Svend",
        attendance: .noShow, attendees: [soren, inger], authorID: soren, notes: "",
        nextMeeting: instant("2026-02-21T10:00:00+01:00")))
    let firstMeeting = try workspace.create(Meeting(
        citizenID: svend, at: instant("2026-01-24T09:00:00Z"), kind: .conversation, place: "Jobcenter",
        attendance: .attended, attendees: [inger], authorID: inger, notes: hostileText))
    try workspace.create(Agreement(meetingID: firstMeeting.id, text: "Svend ringer til alkoholcentret", responsible: .citizen,
                                   due: day("2026-01-27"), doneOn: day("2026-01-26")))
    try workspace.create(Agreement(meetingID: firstMeeting.id, text: "Inger finder en praktikplads",
                                   responsible: .professional(inger), due: day("2026-02-15")))
    try workspace.create(Agreement(meetingID: secondMeeting.id, text: "Ny tid 📅"))

    try workspace.create(Assessment(citizenID: svend, date: day("2026-06-01"), authorID: inger,
                                    scores: [.qualityOfLife: 7, .relationToSystem: 6, .workReadiness: 10]))
    try workspace.create(Assessment(citizenID: svend, date: day("2026-01-10"), authorID: inger,
                                    scores: [.qualityOfLife: 3, .relationToSystem: 2, .selfEsteem: 1]))
    try workspace.create(Outcome(citizenID: svend, date: day("2026-06-01"), kind: .jobWageSubsidy, note: "Gartner i Ringe"))
    // Two outcomes with the same natural key must stay two records on every re-import.
    try workspace.create(Outcome(citizenID: svend, date: day("2026-02-01"), kind: .treatmentStarted, note: "Ambulant"))
    try workspace.create(Outcome(citizenID: svend, date: day("2026-02-01"), kind: .treatmentStarted, note: "Døgn"))
    try workspace.create(Placement(citizenID: svend, companyID: inn, kind: .internship, from: day("2026-04-01"),
                                   to: day("2026-05-31"), result: .completed))
    try workspace.create(Placement(citizenID: svend, companyID: inn, kind: .wageSubsidy, from: day("2026-06-01")))
    try workspace.create(Story(citizenID: svend, date: day("2026-06-15"), title: "Ædru og i arbejde",
                               text: hostileText, authorID: inger))

    // Ulla: some records, a professional from another organisation, an empty vision.
    try workspace.create(TeamMember(citizenID: ulla, professionalID: inger, responsible: true, from: day("2026-02-01")))
    try workspace.create(Vision(citizenID: ulla))
    let ullaPlan = try workspace.create(Plan(citizenID: ulla, goal: "Praktik hos en kunstner", start: day("2026-02-01")))
    try workspace.create(Milestone(planID: ullaPlan.id, title: "Kom til alle møder", deadline: day("2026-03-01"),
                                   steppingStone: true, status: .dropped))
    try workspace.create(Meeting(citizenID: ulla, at: instant("2026-02-10T13:15:00-03:30"), kind: .email,
                                 attendance: .excused))
    try workspace.create(Story(citizenID: ulla, date: day("2026-03-01"), title: "Første skridt", text: ""))

    // Li: an activity and a placement at an organisation nobody else refers to.
    try workspace.create(Placement(citizenID: li, companyID: otherOrganisation, kind: .mentor, from: day("2026-03-02"),
                                   result: .ongoing))
    try workspace.create(Assessment(citizenID: li, date: day("2026-03-02"), scores: [.housing: 5]))

    try workspace.create(Activity(title: "Tur til Ærø 🚢", kind: .trip, date: day("2026-05-01"), organisationID: cafe,
                                  participants: [li, svend]))
    try workspace.create(Activity(title: "IT-kursus", kind: .course, date: day("2026-03-04"), organisationID: cafe,
                                  participants: [svend, ulla]))
    try workspace.create(Activity(title: "Motion", kind: .exercise, date: day("2026-03-05")))

    return RichData(jobcenter: jobcenter, cafe: cafe, inn: inn, otherOrganisation: otherOrganisation, inger: inger,
                    soren: soren, mentor: mentor, unusedProfessional: unusedProfessional, madsen: madsen,
                    emptyHousehold: emptyHousehold, svend: svend, ulla: ulla, li: li, bare: bare)
}

/// Every row of every table, as exact text (UTF-8 bytes of texts, so that NFC and NFD differ),
/// sorted per table: equal fingerprints mean an unchanged database, audit columns included.
func fingerprint(_ database: Database) throws -> [String: [String]] {
    let tables = try database.fetchAll(
        // The access log and the settings record how the data was made, not the data. The
        // scratch index of the full-text index's words has no content to read (and is empty).
        """
        SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
          AND name NOT IN ('access_log', 'access_log_pruning', 'setting', 'search_text_scratch') ORDER BY name
        """) {
        try $0.get(0, as: String.self)
    }
    var result: [String: [String]] = [:]
    for table in tables {
        // The table names come from the schema, not from data.
        result[table] = try database.fetchAll("SELECT * FROM \"\(table)\"") { row in
            row.values.map { value -> String in
                switch value {
                case .null: return "null"
                case .integer(let number): return "i\(number)"
                case .real(let number): return "r\(number)"
                case .text(let text): return "t" + text.utf8.map { String($0) }.joined(separator: ",")
                case .blob(let bytes): return "b" + bytes.map { String($0) }.joined(separator: ",")
                }
            }.joined(separator: "|")
        }.sorted()
    }
    return result
}

/// The number of rows per table of records. Full-text indexes (virtual tables and their shadow
/// tables), the trigrams of the names, the results report's kept figures and the notes of
/// changes to the shared citizens are left out: they are derived, and their row counts move
/// with every insert.
func rowCounts(_ database: Database) throws -> [String: Int] {
    let virtual = try database.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'") {
        try $0.get(0, as: String.self)
    } + CitizenFigures.tables + [CitizenFigures.staleTable, Schema.nameGramTable, "shared_citizens_version", "shared_citizen_change"]
    return try fingerprint(database).filter { table, _ in
        !virtual.contains { table == $0 || table.hasPrefix($0 + "_") }
    }.mapValues(\.count)
}

/// What the database holds, independent of local ids and of the exporter: every row of every
/// table of records, without its own `id` and audit columns, with each foreign key replaced by
/// the content of the row it refers to (recursively), sorted per table. Two databases with the
/// same records under other ids have equal contents. (Texts are compared as UTF-8 bytes.)
func contents(_ database: Database) throws -> [String: [String]] {
    let skipped: Set<String> = ["id", "created_at", "created_by", "updated_at", "updated_by", "version"]
    let virtual = try database.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'") {
        try $0.get(0, as: String.self)
    }
    let tables = try database.fetchAll(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
        try $0.get(0, as: String.self)
    }.filter { table in
        !["external_id", "trinvis_migration", "access_log", "access_log_pruning", "setting", Schema.nameGramTable,
          "shared_citizens_version", "shared_citizen_change"].contains(table) && !virtual.contains { table == $0 || table.hasPrefix($0 + "_") }
    }
    var foreignKeys: [String: [String: (table: String, column: String)]] = [:]
    for table in tables {
        try database.forEach("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)", [.text(table)]) { row in
            foreignKeys[table, default: [:]][try row.get(1)] = (try row.get(0), (try row.get(2, as: String?.self)) ?? "id")
        }
    }
    var memo: [String: String] = [:]
    func text(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let number): return "i\(number)"
        case .real(let number): return "r\(number)"
        case .text(let text): return "t" + text.utf8.map { String($0) }.joined(separator: ",")
        case .blob(let bytes): return "b" + bytes.map { String($0) }.joined(separator: ",")
        }
    }
    func canonical(_ table: String, _ row: Row) throws -> String {
        var parts: [String] = []
        for (index, column) in row.columns.enumerated() where !skipped.contains(column) {
            let value = row.values[index]
            if let reference = foreignKeys[table]?[column], value != .null {
                parts.append(try column + "=" + referenced(reference.table, reference.column, value))
            } else {
                parts.append(column + "=" + text(value))
            }
        }
        return "{" + parts.joined(separator: ";") + "}"
    }
    func referenced(_ table: String, _ column: String, _ value: SQLValue) throws -> String {
        let key = table + "/" + text(value)
        if let known = memo[key] { return known }
        // Table and column names come from the schema, not from data.
        guard let row = try database.fetchOne("SELECT * FROM \"\(table)\" WHERE \"\(column)\" = ?", [value]) else {
            return "missing"
        }
        let result = try table + canonical(table, row)
        memo[key] = result
        return result
    }
    var result: [String: [String]] = [:]
    for table in tables {
        result[table] = try database.fetchAll("SELECT * FROM \"\(table)\"").map { try canonical(table, $0) }.sorted()
    }
    return result
}

/// A workspace on a new, empty database file.
func emptyWorkspace(_ directory: TemporaryDirectory, _ name: String, clock: TestClock = TestClock()) throws -> Workspace {
    try Workspace(path: directory.path(name), username: "importer", clock: { clock.now })
}

// MARK: Editing documents by JSON path

/// The value at a path such as `citizens[0].plans[1].id`; nil when there is none.
func value(_ document: JSONValue, at path: String) -> JSONValue? {
    var current: JSONValue? = document
    for step in steps(path) {
        switch step {
        case .key(let key): current = current?[key]
        case .index(let index):
            guard case .array(let items)? = current, items.indices.contains(index) else { return nil }
            current = items[index]
        }
    }
    return current
}

/// The document with the value at `path` replaced (or added to its object), or removed when
/// `newValue` is nil.
func setting(_ document: JSONValue, at path: String, to newValue: JSONValue?) -> JSONValue {
    replace(document, steps(path)[...], newValue) ?? .null
}

/// The document with `item` appended to the array at `path`.
func appending(_ document: JSONValue, at path: String, _ item: JSONValue) -> JSONValue {
    guard case .array(let items)? = value(document, at: path) else {
        Issue.record("no array at \(path)")
        return document
    }
    return setting(document, at: path, to: .array(items + [item]))
}

private enum PathStep {
    case key(String)
    case index(Int)
}

private func steps(_ path: String) -> [PathStep] {
    var result: [PathStep] = []
    for part in path.split(separator: ".") {
        var rest = Substring(part)
        if let bracket = rest.firstIndex(of: "[") {
            if bracket > rest.startIndex { result.append(.key(String(rest[..<bracket]))) }
            rest = rest[bracket...]
            while rest.first == "[", let close = rest.firstIndex(of: "]") {
                result.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? -1))
                rest = rest[rest.index(after: close)...]
            }
        } else {
            result.append(.key(String(rest)))
        }
    }
    return result
}

private func replace(_ value: JSONValue, _ steps: ArraySlice<PathStep>, _ newValue: JSONValue?) -> JSONValue? {
    guard let step = steps.first else { return newValue }
    let rest = steps.dropFirst()
    switch (step, value) {
    case (.key(let key), .object(var members)):
        if let index = members.firstIndex(where: { $0.0 == key }) {
            if let replaced = replace(members[index].1, rest, newValue) {
                members[index].1 = replaced
            } else {
                members.remove(at: index)
            }
        } else if rest.isEmpty, let newValue {
            members.append((key, newValue))
        } else {
            Issue.record("no member \(key)")
        }
        return .object(members)
    case (.index(let index), .array(var items)) where items.indices.contains(index):
        if let replaced = replace(items[index], rest, newValue) {
            items[index] = replaced
        } else {
            items.remove(at: index)
        }
        return .array(items)
    default:
        Issue.record("the path does not fit the document")
        return value
    }
}

/// An export's text without its `x-installation` line: exports of two installations differ there
/// and, after a faithful round trip, nowhere else.
func withoutInstallation(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("  \"\(Interchange.installationMember)\": ") }.joined(separator: "\n")
}
