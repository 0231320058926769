/// Writes an interchange document (version 1) from what a workspace may see.
///
/// Everything is read through `Workspace` (`all`, `get`), so the access rule applies: an export
/// holds the citizens the actor may see and nothing of the others. The whole export reads one
/// snapshot of the database, so that a change saved meanwhile in another window cannot leave a
/// reference to a record the document lacks.
package struct InterchangeExporter {
    /// Where the records come from.
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The document: everything (`citizens` nil), or the chosen citizens with only the
    /// organisations, professionals, households and activities they refer to (an activity's
    /// participants, and a household's members, are limited to the exported citizens).
    /// `progress` is called after each citizen.
    package func document(citizens selection: [CitizenID]? = nil, exportedAt: Timestamp,
                          progress: InterchangeProgress? = nil) throws -> JSONValue {
        var tree = DocumentTree()
        try produce(selection: selection, exportedAt: exportedAt, progress: progress, into: &tree)
        return tree.value
    }

    /// The document as UTF-8 text, ending with a line break.
    package func text(citizens selection: [CitizenID]? = nil, exportedAt: Timestamp,
                      progress: InterchangeProgress? = nil) throws -> String {
        var text = ""
        try write(citizens: selection, exportedAt: exportedAt, progress: progress) { text += $0 }
        return text
    }

    /// The document's text (the same as `text`) given to `sink` piece by piece as it is made: the
    /// frame, then each citizen, then the households. An export of everything holds one citizen
    /// at a time, never the whole document, so its memory does not grow with the number of
    /// citizens; an error from `sink` ends the export.
    package func write(citizens selection: [CitizenID]? = nil, exportedAt: Timestamp,
                       progress: InterchangeProgress? = nil, to sink: @escaping (String) throws -> Void) throws {
        var writer = try JSONStreamWriter(sink: sink)
        try produce(selection: selection, exportedAt: exportedAt, progress: progress, into: &writer)
        try writer.finish()
    }

    private func produce<Sink: DocumentSink>(selection: [CitizenID]?, exportedAt: Timestamp, progress: InterchangeProgress?,
                                            into sink: inout Sink) throws {
        try readingOneSnapshot {
            try Interchange.$homeSite.withValue(try workspace.site) {
                try build(selection: selection, exportedAt: exportedAt, progress: progress, into: &sink)
            }
        }
    }

    private func readingOneSnapshot<T>(_ body: () throws -> T) throws -> T {
        let database = workspace.database
        guard !database.isInTransaction else { return try body() }
        // A deferred transaction only reads: in WAL mode it sees one snapshot and blocks no writer.
        try database.execute("BEGIN DEFERRED")
        do {
            let result = try body()
            try database.execute("COMMIT")
            return result
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    /// The records that the exported citizens refer to.
    private struct References {
        var organisations = Set<OrganisationID>()
        var professionals = Set<ProfessionalID>()
        var households = Set<HouseholdID>()
        /// The citizens in the document (a household meeting names only those of its members).
        var exported = Set<CitizenID>()

        mutating func add(_ id: OrganisationID?) { if let id { organisations.insert(id) } }
        mutating func add(_ id: ProfessionalID?) { if let id { professionals.insert(id) } }
    }

    /// The ids of every citizen the actor may see, in id order, read a page at a time (only the
    /// ids are kept).
    private func visibleCitizenIDs() throws -> [CitizenID] {
        var ids: [CitizenID] = []
        var request = PageRequest.first(500)
        while true {
            let page = try workspace.list(Citizen.self, page: request)
            ids += page.items.map(\.id)
            guard let next = page.next else { break }
            request = PageRequest(limit: 500, after: next)
        }
        return ids.sorted()
    }

    private func build<Sink: DocumentSink>(selection: [CitizenID]?, exportedAt: Timestamp, progress: InterchangeProgress?,
                                          into sink: inout Sink) throws {
        let ids = try selection.map { Set($0).sorted() } ?? visibleCitizenIDs()
        // Chosen citizens are read (and the rule checked for each) before any is noted as looked up.
        let records = try selection == nil ? [:] : Dictionary(uniqueKeysWithValues: ids.map { ($0, try workspace.get(Citizen.self, id: $0)) })
        let exported = Set(ids)
        for id in ids { workspace.noteLookup(id, .export) }
        let areaPositions = try resourceAreaPositions()

        var references = References()
        references.exported = exported
        // The members of each household among the exported citizens, in id order.
        var members: [HouseholdID: [CitizenID]] = [:]
        func value(of id: CitizenID, index: Int) throws -> JSONValue {
            let citizen = try records[id] ?? workspace.get(Citizen.self, id: id)
            if let household = citizen.householdID { members[household, default: []].append(citizen.id) }
            var value = try citizenValue(citizen, areaPositions: areaPositions, references: &references)
            if selection != nil, case .object(var object) = value {
                // The right of access: an export of chosen citizens carries, per citizen, who looked
                // them up or changed them and when (an extension member, ignored on import).
                object.append(("x-access-log", try accessLogValue(of: citizen.id)))
                value = .object(object)
            }
            progress?(index + 1, ids.count)
            return value
        }
        // Chosen citizens go before the records they refer to are known: they are made first.
        // Everything is written one citizen at a time, after the shared records.
        let chosen = try selection == nil ? [] : ids.enumerated().map { try value(of: $1, index: $0) }

        // Chosen citizens: only their activities, found by the participant index (reading every
        // activity made the export of one citizen grow with the size of the database).
        let candidates: [Activity]
        if selection != nil {
            var byID: [ActivityID: Activity] = [:]
            for id in ids {
                for activity in try workspace.activities(of: id) { byID[activity.id] = activity }
            }
            candidates = Array(byID.values)
        } else {
            candidates = try workspace.all(Activity.self)
        }
        var activities: [Activity] = []
        for var activity in candidates.sorted(by: { $0.id < $1.id }) {
            activity.participants = activity.participants.filter(exported.contains)
            activity.present = activity.present.filter(exported.contains)
            if selection != nil && activity.participants.isEmpty { continue }
            references.add(activity.organisationID)
            for runner in activity.runners { references.add(runner) }
            activities.append(activity)
        }

        let professionals: [Professional]
        if selection == nil {
            professionals = try workspace.all(Professional.self).sorted { $0.id < $1.id }
        } else {
            professionals = try references.professionals.sorted().map { try workspace.get(Professional.self, id: $0) }
        }
        for professional in professionals { references.add(professional.organisationID) }

        let organisations: [Organisation]
        if selection == nil {
            organisations = try workspace.all(Organisation.self).sorted { $0.id < $1.id }
        } else {
            organisations = try references.organisations.sorted().map { try workspace.get(Organisation.self, id: $0) }
        }

        try sink.member("format", .string(Interchange.formatName))
        try sink.member("version", .integer(Interchange.version))
        try sink.member("exported_at", .string(exportedAt.iso))
        // Which installation the ids are of: an importer remembers them per source, and this
        // installation knows its own records again (an extension member).
        try sink.member(Interchange.installationMember, .string(try workspace.installationID))
        try sink.member("organisations", .array(organisations.map(organisationValue)))
        try sink.member("professionals", .array(professionals.map(professionalValue)))
        try sink.member("activities", .array(activities.map(activityValue)))
        try sink.beginArray("citizens")
        if selection != nil {
            for value in chosen { try sink.element(value) }
        } else {
            for (index, id) in ids.enumerated() { try sink.element(try value(of: id, index: index)) }
        }
        try sink.endArray()

        let households: [Household]
        if selection == nil {
            // Households of citizens the actor may not see are left out (their name is often the
            // family's); households without any member are shared records and go along.
            households = try workspace.all(Household.self).sorted { $0.id < $1.id }.filter {
                try references.households.contains($0.id) || !hasMembers($0.id)
            }
        } else {
            households = try references.households.sorted().map { try workspace.get(Household.self, id: $0) }
        }
        try sink.member("households", .array(households.map { household in
            var object = JSONObjectBuilder()
            object.set("id", household.id)
            object.set("name", household.name)
            object.set("members", .array((members[household.id] ?? []).map { .string(Interchange.documentID($0)) }))
            return object.value
        }))
    }

    /// The log about a citizen: when, which organisation, what kind of look-up or change and of
    /// which record; who (the account) only in an administrator's export.
    private func accessLogValue(of citizen: CitizenID) throws -> JSONValue {
        let entries = try workspace.accessHistory(of: citizen)
        var names: [OrganisationID: String] = [:]
        for id in Set(entries.compactMap(\.organisationID)) {
            names[id] = try workspace.fetch(Organisation.self, id: id)?.name
        }
        let withNames = workspace.actor.isAdministrator || workspace.policy == .unrestricted
        return .array(entries.map { entry in
            var object = JSONObjectBuilder()
            object.set("at", .string(Timestamp(seconds: entry.at, offsetMinutes: 0).iso))
            object.set("organisation", entry.organisationID.flatMap { names[$0] })
            object.set("action", .string(entry.action.rawValue))
            if entry.action != .search { object.set("record", entry.detail.isEmpty ? nil : entry.detail) }
            if withNames { object.set("account", entry.who) }
            return object.value
        })
    }

    /// True when some citizen (seen or not) belongs to the household; only the existence is read.
    private func hasMembers(_ household: HouseholdID) throws -> Bool {
        try workspace.database.scalar("SELECT EXISTS (SELECT 1 FROM citizen WHERE household_id = ?)",
                                      [household.sqlValue]) == .integer(1)
    }

    /// The configured resource areas' positions, for ordering a citizen's resource profile.
    private func resourceAreaPositions() throws -> [String: Int] {
        var positions: [String: Int] = [:]
        try workspace.database.forEach("SELECT key, position FROM resource_area") { row in
            positions[try row.get(0)] = try row.get(1)
        }
        return positions
    }

    // MARK: Shared records

    private func organisationValue(_ organisation: Organisation) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", organisation.id)
        object.set("name", organisation.name)
        object.set("kind", organisation.kind)
        // Only where it differs from the kind's default, so documents without it stay as they were.
        if organisation.holdsCPR != Organisation.holdsCPRByDefault(organisation.kind) {
            object.set("holds_cpr", .bool(organisation.holdsCPR))
        }
        // The company register's details travel as extensions (only those filled in).
        object.setExtension("x-trade", organisation.trade)
        object.setExtension("x-contact-person", organisation.contactPerson)
        object.setExtension("x-phone", organisation.phone)
        object.setExtension("x-email", organisation.email)
        object.setExtension("x-notes", organisation.notes)
        return object.value
    }

    private func professionalValue(_ professional: Professional) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", professional.id)
        object.set("name", professional.name)
        object.set("role", professional.role)
        object.set("organisation", professional.organisationID)
        object.set("username", professional.username)
        object.set("email", professional.email)
        object.set("phone", professional.phone)
        return object.value
    }

    private func activityValue(_ activity: Activity) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", activity.id)
        object.set("title", activity.title)
        object.set("kind", activity.kind)
        object.set("date", activity.date)
        object.set("organisation", activity.organisationID)
        object.set("participants", .array(activity.participants.sorted().map { .string(Interchange.documentID($0)) }))
        // Extensions (Trinvis reads them back): the start time, the place, who runs it, who came.
        object.set("x-start_time", activity.startTime?.description)
        if !activity.place.isEmpty { object.set("x-place", .string(activity.place)) }
        if !activity.runners.isEmpty {
            object.set("x-runners", .array(activity.runners.map { .string(Interchange.documentID($0)) }))
        }
        // Without `x-present` everyone listed came (as a document from elsewhere says).
        if activity.present.sorted() != activity.participants.sorted() {
            object.set("x-present", .array(activity.present.sorted().map { .string(Interchange.documentID($0)) }))
        }
        return object.value
    }

    // MARK: A citizen and everything about them

    private func citizenValue(_ citizen: Citizen, areaPositions: [String: Int],
                              references: inout References) throws -> JSONValue {
        let parent = citizen.id.sqlValue
        references.add(citizen.organisationID)
        if let household = citizen.householdID { references.households.insert(household) }

        var object = JSONObjectBuilder()
        object.set("id", citizen.id)
        object.set("name", citizen.name)
        object.set("cpr", citizen.cpr?.digits)
        object.set("birth_date", citizen.birthDate)
        object.set("phone", citizen.phone)
        object.set("email", citizen.email)
        object.set("contact_preference", citizen.contactPreference)
        object.set("household", citizen.householdID)
        object.set("life", citizen.life)
        object.set("registered_on", citizen.registeredOn)
        object.set("organisation", citizen.organisationID)
        object.set("meeting_interval_days", .integer(Int64(citizen.meetingIntervalDays)))
        object.set("archived_on", citizen.archivedOn)
        if let relation = citizen.householdRelation { object.set("x-household-relation", relation) }

        let team = try workspace.all(TeamMember.self, parent: parent).sorted { ($0.from, $0.id) < ($1.from, $1.id) }
        object.set("team", .array(team.map { member in
            references.add(member.professionalID)
            var entry = JSONObjectBuilder()
            entry.set("professional", member.professionalID)
            entry.set("responsible", .bool(member.responsible))
            entry.set("from", member.from)
            entry.set("to", member.to)
            return entry.value
        }))

        let consents = try workspace.all(Consent.self, parent: parent).sorted { ($0.givenOn, $0.id) < ($1.givenOn, $1.id) }
        object.set("consents", .array(consents.map { consent in
            references.add(consent.recipientID)
            var entry = JSONObjectBuilder()
            entry.set("scope", consent.scope)
            entry.set("recipient", consent.recipientID)
            entry.set("information", consent.information)
            entry.set("purpose", consent.purpose)
            entry.set("given_on", consent.givenOn)
            entry.set("expires_on", consent.expiresOn)
            entry.set("withdrawn_on", consent.withdrawnOn)
            // Absent means all five (the format's default), so documents without it round-trip.
            if consent.categories.count < DataCategory.allCases.count {
                entry.set("categories", .array(consent.categories.sorted().map { .string($0.rawValue) }))
            }
            entry.set("note", consent.note)
            return entry.value
        }))

        let resources = try workspace.all(Resource.self, parent: parent).sorted {
            (areaPositions[$0.area.key] ?? Int.max, $0.area.key, $0.id) < (areaPositions[$1.area.key] ?? Int.max, $1.area.key, $1.id)
        }
        object.set("resources", .array(resources.map { resource in
            var entry = JSONObjectBuilder()
            entry.set("area", resource.area.key)
            entry.set("text", resource.text)
            entry.set("updated_on", resource.updatedOn)
            return entry.value
        }))

        if let vision = try workspace.all(Vision.self, parent: parent).min(by: { $0.id < $1.id }) {
            var entry = JSONObjectBuilder()
            entry.set("family", vision.family)
            entry.set("work", vision.work)
            entry.set("housing", vision.housing)
            entry.set("other", vision.other)
            object.set("visions", entry.value)
        }

        let plans = try workspace.all(Plan.self, parent: parent).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        object.set("plans", .array(try plans.map { try planValue($0, references: &references) }))

        let meetings = try workspace.all(Meeting.self, parent: parent).sorted { ($0.at.seconds, $0.id) < ($1.at.seconds, $1.id) }
        object.set("meetings", .array(try meetings.map { try meetingValue($0, references: &references) }))

        let assessments = try workspace.all(Assessment.self, parent: parent).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        object.set("assessments", .array(assessments.map { assessment in
            references.add(assessment.authorID)
            var entry = JSONObjectBuilder()
            entry.set("date", assessment.date)
            entry.set("author", assessment.authorID)
            var scores = JSONObjectBuilder()
            for dimension in AssessmentDimension.allCases {
                if let score = assessment.scores[dimension] { scores.set(dimension.rawValue, .integer(Int64(score))) }
            }
            entry.set("scores", scores.value)
            return entry.value
        }))

        let outcomes = try workspace.all(Outcome.self, parent: parent).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        object.set("outcomes", .array(outcomes.map { outcome in
            var entry = JSONObjectBuilder()
            entry.set("date", outcome.date)
            entry.set("kind", outcome.kind)
            entry.set("note", outcome.note)
            return entry.value
        }))

        let placements = try workspace.all(Placement.self, parent: parent).sorted { ($0.from, $0.id) < ($1.from, $1.id) }
        object.set("placements", .array(placements.map { placement in
            references.add(placement.companyID)
            var entry = JSONObjectBuilder()
            entry.set("company", placement.companyID)
            entry.set("kind", placement.kind)
            entry.set("from", placement.from)
            entry.set("to", placement.to)
            entry.set("result", placement.result)
            entry.setExtension("x-note", placement.note)
            return entry.value
        }))

        let stories = try workspace.all(Story.self, parent: parent).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        object.set("stories", .array(stories.map { story in
            references.add(story.authorID)
            var entry = JSONObjectBuilder()
            entry.set("date", story.date)
            entry.set("title", story.title)
            entry.set("text", story.text)
            entry.set("author", story.authorID)
            return entry.value
        }))
        return object.value
    }

    private func planValue(_ plan: Plan, references: inout References) throws -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", plan.id)
        object.set("goal", plan.goal)
        object.set("purpose", plan.purpose)
        object.set("effort", plan.effort)
        object.set("start", plan.start)
        object.set("end", plan.end)
        object.set("status", plan.status)
        let milestones = try workspace.all(Milestone.self, parent: plan.id.sqlValue)
            .sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        object.set("milestones", .array(try milestones.map { milestone in
            var entry = JSONObjectBuilder()
            entry.set("id", milestone.id)
            entry.set("title", milestone.title)
            entry.set("deadline", milestone.deadline)
            entry.set("stepping_stone", .bool(milestone.steppingStone))
            entry.set("status", milestone.status)
            entry.set("achieved_on", milestone.achievedOn)
            let notes = try workspace.all(ProgressNote.self, parent: milestone.id.sqlValue)
                .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            entry.set("progress", .array(notes.map { note in
                references.add(note.authorID)
                var progress = JSONObjectBuilder()
                progress.set("date", note.date)
                progress.set("note", note.note)
                progress.set("author", note.authorID)
                return progress.value
            }))
            return entry.value
        }))
        return object.value
    }

    private func meetingValue(_ meeting: Meeting, references: inout References) throws -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", meeting.id)
        object.set("at", .string(meeting.at.iso))
        object.set("kind", meeting.kind)
        object.set("place", meeting.place)
        object.set("attendance", meeting.attendance)
        object.set("attendees", .array(meeting.attendees.map { professional in
            references.add(professional)
            return .string(Interchange.documentID(professional))
        }))
        references.add(meeting.authorID)
        object.set("author", meeting.authorID)
        object.set("notes", meeting.notes)
        let agreements = try workspace.all(Agreement.self, parent: meeting.id.sqlValue).sorted { $0.id < $1.id }
        object.set("agreements", .array(agreements.map { agreement in
            var entry = JSONObjectBuilder()
            entry.set("text", agreement.text)
            switch agreement.responsible {
            case .citizen:
                entry.set("responsible", .string(Interchange.citizenResponsible))
            case .professional(let professional):
                references.add(professional)
                entry.set("responsible", professional)
            }
            entry.set("due", agreement.due)
            entry.set("done_on", agreement.doneOn)
            return entry.value
        }))
        if let next = meeting.nextMeeting { object.set("next_meeting", .string(next.iso)) }
        // A meeting with the household: the other members who were there (those exported).
        let members = meeting.members.filter(references.exported.contains)
        if !members.isEmpty {
            object.set("x-household-members", .array(members.map { .string(Interchange.documentID($0)) }))
        }
        if meeting.kind == .companion, !meeting.companion.isEmpty {
            let companion = meeting.companion
            references.add(companion.professionalID)
            var entry = JSONObjectBuilder()
            entry.set("authority", companion.authority)
            entry.set("with", companion.with)
            entry.set("purpose", companion.purpose)
            entry.set("result", companion.result)
            entry.set("professional", companion.professionalID)
            object.set("x-companion", entry.value)
        }
        return object.value
    }
}

/// Builds a JSON object member by member, keeping the order in which members are set. Optional
/// values that are nil are left out.
struct JSONObjectBuilder {
    /// The members so far.
    private(set) var members: [(String, JSONValue)] = []

    /// The object.
    var value: JSONValue { .object(members) }

    /// Adds a member.
    mutating func set(_ key: String, _ value: JSONValue) { members.append((key, value)) }

    /// Adds a text member, or nothing when `text` is nil.
    mutating func set(_ key: String, _ text: String?) {
        if let text { set(key, .string(text)) }
    }

    /// Adds a `YYYY-MM-DD` member, or nothing when `date` is nil.
    mutating func set(_ key: String, _ date: LocalDate?) {
        if let date { set(key, .string(date.iso)) }
    }

    /// Adds an enumerated word.
    mutating func set<E: TextEnumeration>(_ key: String, _ word: E) {
        set(key, .string(word.rawValue))
    }

    /// Adds an extension's text, or nothing when it is nil or empty (so that documents without
    /// the extension stay as they were).
    mutating func setExtension(_ key: String, _ text: String?) {
        if let text, !text.isEmpty { set(key, .string(text)) }
    }

    /// Adds a record's document id, or nothing when `id` is nil.
    mutating func set<R: Record>(_ key: String, _ id: RecordID<R>?) {
        if let id { set(key, .string(Interchange.documentID(id))) }
    }
}

/// Where the exporter puts the document: streamed as text (`JSONStreamWriter`) or kept as a
/// value (`DocumentTree`); the exporter's one way of making it serves both.
protocol DocumentSink {
    mutating func member(_ key: String, _ value: JSONValue) throws
    mutating func beginArray(_ key: String) throws
    mutating func element(_ value: JSONValue) throws
    mutating func endArray() throws
}

extension JSONStreamWriter: DocumentSink {}

/// The document as a `JSONValue`.
struct DocumentTree: DocumentSink {
    private var builder = JSONObjectBuilder()
    private var array: (key: String, items: [JSONValue])?

    var value: JSONValue { builder.value }

    mutating func member(_ key: String, _ value: JSONValue) { builder.set(key, value) }
    mutating func beginArray(_ key: String) { array = (key, []) }
    mutating func element(_ value: JSONValue) { array?.items.append(value) }
    mutating func endArray() {
        if let array { builder.set(array.key, .array(array.items)) }
        array = nil
    }
}
