/// A record read from a document but not yet stored: where it is, its document id (for the kinds
/// that have one), the record with placeholder ids for what it refers to, and how to fill in
/// those ids once the referred records are stored.
struct Draft<R: Record> {
    /// The record's JSON path, such as `citizens[0].plans[1]`.
    let path: String
    /// The record's `id` in the document; nil for kinds without ids (team entries, consents, ...).
    let documentID: String?
    /// The record with `.unsaved` ids for its parent and its references.
    let record: R
    /// Sets the local ids of the records this one refers to.
    let link: (inout R, LocalIDs) throws -> Void

    init(path: String, documentID: String? = nil, record: R, link: @escaping (inout R, LocalIDs) throws -> Void = { _, _ in }) {
        self.path = path
        self.documentID = documentID
        self.record = record
        self.link = link
    }
}

/// The local ids of the records stored so far, by kind (table name) and document id.
struct LocalIDs {
    private var ids: [String: [String: Int64]] = [:]

    /// Records that the document's `documentID` of kind `R` is stored as `id`.
    mutating func set<R: Record>(_ documentID: String, _ id: RecordID<R>) {
        ids[R.table, default: [:]][documentID] = id.rawValue
    }

    /// The local id of a document id. Every reference was checked against the document before
    /// anything is stored and referred records are stored first, so a miss is a defect.
    func id<R: Record>(_ type: R.Type, _ documentID: String) throws -> RecordID<R> {
        guard let local = ids[R.table]?[documentID] else {
            throw InterchangeError.invalid(path: "document",
                                           problem: "the \(R.kindName) \"\(documentID)\" was not stored before it was used")
        }
        return RecordID(local)
    }

    /// The local id of an optional reference.
    func id<R: Record>(_ type: R.Type, _ documentID: String?) throws -> RecordID<R>? {
        guard let documentID else { return nil }
        return try id(type, documentID) as RecordID<R>
    }
}

/// A plan with its milestones and their progress notes.
struct PlanDraft {
    /// The plan.
    let plan: Draft<Plan>
    /// Its milestones with their progress notes.
    let milestones: [(milestone: Draft<Milestone>, progress: [Draft<ProgressNote>])]
}

/// A meeting with its agreements.
struct MeetingDraft {
    /// The meeting.
    let meeting: Draft<Meeting>
    /// What was agreed.
    let agreements: [Draft<Agreement>]
    /// The document ids of the household members present (`x-household-members`), set after
    /// every citizen is stored.
    let members: [String]
}

/// A citizen and everything about them, as read from the document.
struct CitizenDraft {
    /// The citizen (without the household, which is resolved after `households` is read).
    let citizen: Draft<Citizen>
    /// The household's document id from `citizens[].household` or `households[].members`.
    var household: String?
    /// The path of `household`, for messages about contradictions.
    let householdPath: String
    /// The household the citizen entry names itself.
    let declaredHousehold: String?
    /// `team`, in document order (as are all lists below).
    let team: [Draft<TeamMember>]
    /// `consents`.
    let consents: [Draft<Consent>]
    /// `resources`, at most one per area.
    let resources: [Draft<Resource>]
    /// `visions`, when the entry has it.
    let vision: Draft<Vision>?
    /// `plans` with their milestones.
    let plans: [PlanDraft]
    /// `meetings` with their agreements.
    let meetings: [MeetingDraft]
    /// `assessments`.
    let assessments: [Draft<Assessment>]
    /// `outcomes`.
    let outcomes: [Draft<Outcome>]
    /// `placements`.
    let placements: [Draft<Placement>]
    /// `stories`.
    let stories: [Draft<Story>]
}

/// A household and, if the document lists them, its members.
struct HouseholdDraft {
    /// The household.
    let household: Draft<Household>
    /// The members' document ids and paths; nil when the entry has no `members`.
    let members: [(id: String, path: String)]?
}

/// Reads the parts of a document into drafts, checking everything that can be checked without
/// writing: types, required members, dates, enumerations, scores, references, unique ids,
/// households, and each record's own validation. The importer reads the document in parts
/// (`checkRoot`, then each list's entries, then `HouseholdMembership`), so that a document of
/// any size is checked one entry at a time.
///
/// Required members (absent or `null` is an error): every `id`; organisation `name`, `kind`;
/// professional `name`, `role`; activity `title`, `kind`, `date`; citizen `name`,
/// `registered_on` (no default "today": re-importing the same document another day would
/// otherwise change it); household `name`; team `professional`, `from`; consent `scope`,
/// `given_on`; resource `area`, `updated_on`; plan `goal`, `start`; milestone `title`,
/// `deadline`; progress `date`, `note`; meeting `at`; agreement `text`; assessment `date`,
/// `scores`; outcome `date`, `kind`; placement `company`, `kind`, `from`; story `date`, `title`.
/// Everything else is optional, with the defaults of the model (`contact_preference` meeting,
/// `meeting_interval_days` 14, plan `status` active, milestone `status` planned,
/// `stepping_stone` false, meeting `kind` conversation, `attendance` attended, agreement
/// `responsible` citizen, placement `result` ongoing, texts empty, lists empty).
struct DocumentDecoder {
    /// The configured resource areas, in their order.
    let resourceAreas: [String]
    /// Document ids of the kinds that others refer to, collected before decoding.
    private var known: [String: Set<String>] = [:]
    /// Each document id met so far, by kind, with the path where it was first met.
    private var seen: [String: [String: CompactPath]] = [:]
    /// The shapes of the paths in `seen`.
    private var pathShapes = PathShapes()

    init(resourceAreas: [String], known: [String: Set<String>]) {
        self.resourceAreas = resourceAreas
        self.known = known
    }

    /// The top-level members that hold the records, in the order they are checked.
    static let lists = ["organisations", "professionals", "activities", "citizens", "households"]

    /// The kinds whose document ids others refer to, by the list that holds them: what the
    /// importer collects before decoding (`known`).
    static let referredLists = [Organisation.table: "organisations", Professional.table: "professionals",
                                Household.table: "households", Citizen.table: "citizens"]

    /// Checks the root of a document whose lists are given as empty arrays (their entries are
    /// read one at a time afterwards): `format`, `version`, `exported_at`, no unknown members,
    /// and each list an array.
    static func checkRoot(_ value: JSONValue) throws {
        let root = JSONNode(value: value, path: "")
        try root.requireObject()

        guard case .string(Interchange.formatName)? = try root.optional("format")?.value else {
            throw InterchangeError.invalid(path: "format", problem: "must be \"\(Interchange.formatName)\"")
        }
        let versionNode = try root.required("version")
        guard case .integer(let version) = versionNode.value else {
            throw versionNode.problem("expected an integer, found \(versionNode.value.typeName)")
        }
        guard version == Interchange.version else {
            throw versionNode.problem("\(version) is not supported (this Trinvis reads version \(Interchange.version))")
        }
        _ = try root.optional("exported_at")?.timestamp()
        try root.requireObject(members: ["format", "version", "exported_at"] + Self.lists)
        // Each list is an array before anything in it is read, so that `citizens: {}` is
        // reported as what it is, not as references to citizens that seem to be missing.
        for key in Self.lists {
            guard let list = try root.optional(key) else { continue }
            guard case .array = list.value else {
                throw list.problem("must be an array of \(key), found \(list.value.typeName)")
            }
        }
    }

    /// The installation the document's ids are of (`x-installation`); empty when it does not
    /// say. Checked after the entries.
    static func source(_ value: JSONValue) throws -> String {
        try JSONNode(value: value, path: "").optional(Interchange.installationMember)?.string() ?? ""
    }

    // MARK: Ids and references

    /// The `id` member of an entry, which must be unique among the document's records of its kind.
    private mutating func claimID<R: Record>(_ node: JSONNode, _ type: R.Type) throws -> String {
        let idNode = try node.required("id")
        let id = try idNode.nonEmptyString()
        if let first = seen[R.table]?[id] {
            throw idNode.problem("\"\(id)\" is used twice (first at \(pathShapes.path(first)))")
        }
        seen[R.table, default: [:]][id] = pathShapes.compact(idNode.path)
        return id
    }

    /// A reference to a record of kind `R` that the document holds.
    private func reference<R: Record>(_ node: JSONNode, to type: R.Type) throws -> String {
        let id = try node.string()
        guard known[R.table]?.contains(id) == true else {
            throw node.problem("refers to \"\(id)\", which is not in the document")
        }
        return id
    }

    /// An optional member that refers to a record of kind `R`.
    private func reference<R: Record>(_ node: JSONNode, _ key: String, to type: R.Type) throws -> String? {
        try node.optional(key).map { try reference($0, to: type) }
    }

    // MARK: Shared records

    mutating func organisation(_ node: JSONNode) throws -> Draft<Organisation> {
        try node.requireObject(members: ["id", "name", "kind", "holds_cpr"])
        let id = try claimID(node, Organisation.self)
        // `holds_cpr` is optional (added later): without it, the kind decides.
        // The company register's details are Trinvis's own extensions.
        let record = Organisation(name: try node.required("name").string(),
                                  kind: try node.required("kind").word(OrganisationKind.self),
                                  holdsCPR: try node.optional("holds_cpr")?.bool(),
                                  trade: try node.optional("x-trade")?.string() ?? "",
                                  contactPerson: try node.optional("x-contact-person")?.string() ?? "",
                                  phone: try node.optional("x-phone")?.string(), email: try node.optional("x-email")?.string(),
                                  notes: try node.optional("x-notes")?.string() ?? "")
        return Draft(path: node.path, documentID: id, record: try checked(record, node))
    }

    mutating func professional(_ node: JSONNode) throws -> Draft<Professional> {
        try node.requireObject(members: ["id", "name", "role", "organisation", "username", "email", "phone"])
        let id = try claimID(node, Professional.self)
        let name = try node.required("name").string()
        let role = try node.required("role").word(ProfessionalRole.self)
        let organisation = try reference(node, "organisation", to: Organisation.self)
        let record = Professional(name: name, role: role, username: try node.optional("username")?.string(),
                                  email: try node.optional("email")?.string(), phone: try node.optional("phone")?.string())
        return Draft(path: node.path, documentID: id, record: try checked(record, node)) { record, ids in
            record.organisationID = try ids.id(Organisation.self, organisation)
        }
    }

    mutating func activity(_ node: JSONNode) throws -> Draft<Activity> {
        try node.requireObject(members: ["id", "title", "kind", "date", "organisation", "participants"])
        let id = try claimID(node, Activity.self)
        let title = try node.required("title").string()
        let kind = try node.required("kind").word(ActivityKind.self)
        let date = try node.required("date").date()
        let organisation = try reference(node, "organisation", to: Organisation.self)
        let participants = try node.list("participants").map { try reference($0, to: Citizen.self) }
        // Trinvis's own extensions; a document without `x-present` says who took part, so all came.
        var startTime: ClockTime?
        if let time = try node.optional("x-start_time") {
            guard let parsed = ClockTime(parsing: try time.string()) else { throw time.problem("not a time (expected HH:MM)") }
            startTime = parsed
        }
        let place = try node.optional("x-place")?.string() ?? ""
        let runners = try node.optional("x-runners")?.items().map { try reference($0, to: Professional.self) } ?? []
        let present = try node.optional("x-present")?.items().map { try reference($0, to: Citizen.self) }
        let record = Activity(title: title, kind: kind, date: date, startTime: startTime, place: place)
        return Draft(path: node.path, documentID: id, record: try checked(record, node)) { record, ids in
            record.organisationID = try ids.id(Organisation.self, organisation)
            record.participants = try participants.map { try ids.id(Citizen.self, $0) }
            record.present = try present.map { try $0.map { try ids.id(Citizen.self, $0) } } ?? record.participants
            record.runners = try runners.map { try ids.id(Professional.self, $0) }
        }
    }

    mutating func household(_ node: JSONNode) throws -> HouseholdDraft {
        try node.requireObject(members: ["id", "name", "members"])
        let id = try claimID(node, Household.self)
        let record = Household(name: try node.required("name").string())
        let members = try node.optional("members")?.items().map { (id: try reference($0, to: Citizen.self), path: $0.path) }
        return HouseholdDraft(household: Draft(path: node.path, documentID: id, record: try checked(record, node)),
                              members: members)
    }

    // MARK: Citizens

    mutating func citizen(_ node: JSONNode) throws -> CitizenDraft {
        try node.requireObject(members: ["id", "name", "cpr", "birth_date", "phone", "email", "contact_preference",
                                         "household", "life", "registered_on", "organisation",
                                         "meeting_interval_days", "archived_on", "team", "consents", "resources",
                                         "visions", "plans", "meetings", "assessments", "outcomes", "placements",
                                         "stories"])
        let id = try claimID(node, Citizen.self)
        let name = try node.required("name").string()
        var cpr: CPR?
        if let cprNode = try node.optional("cpr") {
            switch CPR.parse(try cprNode.string()) {
            case .success(let value): cpr = value
            case .failure(.notTenDigits): throw cprNode.problem("a CPR number has ten digits (DDMMYY-XXXX)")
            case .failure(.notADate): throw cprNode.problem("the first six digits of a CPR number must be a date (DDMMYY)")
            }
        }
        let birthDate = try node.optional("birth_date")?.date()
        let phone = try node.optional("phone")?.string()
        let email = try node.optional("email")?.string()
        let preference = try node.optional("contact_preference")?.word(ContactPreference.self) ?? .meeting
        let household = try reference(node, "household", to: Household.self)
        let life = try node.optional("life")?.string() ?? ""
        let registeredOn = try node.required("registered_on").date()
        let organisation = try reference(node, "organisation", to: Organisation.self)
        let interval = try node.optional("meeting_interval_days")?.integer(in: 1...365) ?? Citizen.defaultMeetingInterval
        // `archived_on` is optional (added later): without it the citizen is in the list, so
        // importing a document again brings back a citizen archived since.
        let archivedOn = try node.optional("archived_on")?.date()
        // Trinvis's own extension: the citizen's place in the household.
        let relation = try node.optional("x-household-relation")?.word(HouseholdRelation.self)
        let record = Citizen(name: name, cpr: cpr, birthDate: birthDate, phone: phone, email: email,
                             contactPreference: preference, life: life, registeredOn: registeredOn,
                             meetingIntervalDays: interval, archivedOn: archivedOn, householdRelation: relation)
        let citizen = Draft(path: node.path, documentID: id, record: try checked(record, node)) { record, ids in
            record.organisationID = try ids.id(Organisation.self, organisation)
        }

        let team = try node.list("team").map { try teamMember($0) }
        let consents = try node.list("consents").map { try consent($0) }
        var areasSeen: [String: String] = [:]
        let resources = try node.list("resources").map { try resource($0, seen: &areasSeen) }
        let vision = try node.optional("visions").map { try self.vision($0) }
        let plans = try node.list("plans").map { try plan($0) }
        let meetings = try node.list("meetings").map { try meeting($0) }
        let assessments = try node.list("assessments").map { try assessment($0) }
        let outcomes = try node.list("outcomes").map { try outcome($0) }
        let placements = try node.list("placements").map { try placement($0) }
        let stories = try node.list("stories").map { try story($0) }
        return CitizenDraft(citizen: citizen, household: household, householdPath: node.path(of: "household"),
                            declaredHousehold: household, team: team, consents: consents, resources: resources,
                            vision: vision, plans: plans, meetings: meetings, assessments: assessments,
                            outcomes: outcomes, placements: placements, stories: stories)
    }

    private func teamMember(_ node: JSONNode) throws -> Draft<TeamMember> {
        try node.requireObject(members: ["professional", "responsible", "from", "to"])
        let professional = try reference(try node.required("professional"), to: Professional.self)
        let responsible = try node.optional("responsible")?.bool() ?? false
        let record = TeamMember(citizenID: .unsaved, professionalID: .unsaved, responsible: responsible,
                                from: try node.required("from").date(), to: try node.optional("to")?.date())
        return Draft(path: node.path, record: try checked(record, node)) { record, ids in
            record.professionalID = try ids.id(Professional.self, professional)
        }
    }

    /// A consent's `categories`: absent means all five; present, a non-empty list of the words.
    private func categories(_ node: JSONNode) throws -> Set<DataCategory> {
        guard let list = try node.optional("categories") else { return Set(DataCategory.allCases) }
        let words = try list.items().map { try $0.word(DataCategory.self) }
        guard !words.isEmpty else {
            throw InterchangeError.invalid(path: list.path, problem: "must name at least one of \(DataCategory.allWords.joined(separator: ", "))")
        }
        return Set(words)
    }

    private func consent(_ node: JSONNode) throws -> Draft<Consent> {
        try node.requireObject(members: ["scope", "recipient", "information", "purpose", "given_on", "expires_on",
                                         "withdrawn_on", "note", "categories"])
        let scope = try node.required("scope").word(ConsentScope.self)
        let recipient = try reference(node, "recipient", to: Organisation.self)
        let record = Consent(citizenID: .unsaved, scope: scope,
                             information: try node.optional("information")?.string() ?? "",
                             purpose: try node.optional("purpose")?.string() ?? "",
                             givenOn: try node.required("given_on").date(),
                             expiresOn: try node.optional("expires_on")?.date(),
                             withdrawnOn: try node.optional("withdrawn_on")?.date(),
                             note: try node.optional("note")?.string() ?? "",
                             categories: try categories(node))
        return Draft(path: node.path, record: try checked(record, node)) { record, ids in
            record.recipientID = try ids.id(Organisation.self, recipient)
        }
    }

    private func resource(_ node: JSONNode, seen: inout [String: String]) throws -> Draft<Resource> {
        try node.requireObject(members: ["area", "text", "updated_on"])
        let areaNode = try node.required("area")
        let area = try areaNode.string()
        guard resourceAreas.contains(area) else {
            throw areaNode.problem("must be one of \(resourceAreas.joined(separator: ", "))")
        }
        if let first = seen[area] {
            throw areaNode.problem("\"\(area)\" appears twice in this citizen's resources (first at \(first))")
        }
        seen[area] = areaNode.path
        let record = Resource(citizenID: .unsaved, area: ResourceArea(area), text: try node.optional("text")?.string() ?? "",
                              updatedOn: try node.required("updated_on").date())
        return Draft(path: node.path, record: try checked(record, node))
    }

    private func vision(_ node: JSONNode) throws -> Draft<Vision> {
        try node.requireObject(members: ["family", "work", "housing", "other"])
        let record = Vision(citizenID: .unsaved, family: try node.optional("family")?.string() ?? "",
                            work: try node.optional("work")?.string() ?? "",
                            housing: try node.optional("housing")?.string() ?? "",
                            other: try node.optional("other")?.string() ?? "")
        return Draft(path: node.path, record: try checked(record, node))
    }

    private mutating func plan(_ node: JSONNode) throws -> PlanDraft {
        try node.requireObject(members: ["id", "goal", "purpose", "effort", "start", "end", "status", "milestones"])
        let id = try claimID(node, Plan.self)
        let record = Plan(citizenID: .unsaved, goal: try node.required("goal").string(),
                          purpose: try node.optional("purpose")?.string() ?? "",
                          effort: try node.optional("effort")?.string() ?? "",
                          start: try node.required("start").date(), end: try node.optional("end")?.date(),
                          status: try node.optional("status")?.word(PlanStatus.self) ?? .active)
        let plan = Draft(path: node.path, documentID: id, record: try checked(record, node))
        let milestones = try node.list("milestones").map { try milestone($0, planStart: record.start) }
        return PlanDraft(plan: plan, milestones: milestones)
    }

    private mutating func milestone(_ node: JSONNode, planStart: LocalDate)
        throws -> (milestone: Draft<Milestone>, progress: [Draft<ProgressNote>]) {
        try node.requireObject(members: ["id", "title", "deadline", "stepping_stone", "status", "achieved_on",
                                         "progress"])
        let id = try claimID(node, Milestone.self)
        let record = Milestone(planID: .unsaved, title: try node.required("title").string(),
                               deadline: try node.required("deadline").date(),
                               steppingStone: try node.optional("stepping_stone")?.bool() ?? false,
                               status: try node.optional("status")?.word(MilestoneStatus.self) ?? .planned,
                               achievedOn: try node.optional("achieved_on")?.date())
        let milestone = try checked(record, node)
        // The check that `Milestone.checkContext` makes against the stored plan, made here too
        // so that it is reported in document order.
        try InterchangeError.at(node.path) { try Check.notBefore(milestone.deadline, "deadline", planStart, "start") }
        let progress = try node.list("progress").map { try progressNote($0) }
        return (Draft(path: node.path, documentID: id, record: milestone), progress)
    }

    private func progressNote(_ node: JSONNode) throws -> Draft<ProgressNote> {
        try node.requireObject(members: ["date", "note", "author"])
        let date = try node.required("date").date()
        let note = try node.required("note").string()
        let author = try reference(node, "author", to: Professional.self)
        let record = ProgressNote(milestoneID: .unsaved, date: date, note: note)
        return Draft(path: node.path, record: try checked(record, node)) { record, ids in
            record.authorID = try ids.id(Professional.self, author)
        }
    }

    private mutating func meeting(_ node: JSONNode) throws -> MeetingDraft {
        try node.requireObject(members: ["id", "at", "kind", "place", "attendance", "attendees", "author", "notes",
                                         "agreements", "next_meeting"])
        let id = try claimID(node, Meeting.self)
        let at = try node.required("at").timestamp()
        let kind = try node.optional("kind")?.word(MeetingKind.self) ?? .conversation
        let place = try node.optional("place")?.string() ?? ""
        let attendance = try node.optional("attendance")?.word(Attendance.self) ?? .attended
        let attendees = try node.list("attendees").map { try reference($0, to: Professional.self) }
        let author = try reference(node, "author", to: Professional.self)
        let notes = try node.optional("notes")?.string() ?? ""
        let agreements = try node.list("agreements").map { try agreement($0) }
        let next = try node.optional("next_meeting")?.timestamp()
        let members = try node.list("x-household-members").map { try reference($0, to: Citizen.self) }
        // A companion meeting's details (Trinvis's own extension).
        let companionNode = try node.optional("x-companion")
        var companion = Companion()
        var companionProfessional: String?
        if let companionNode {
            companion = Companion(authority: try companionNode.optional("authority")?.string() ?? "",
                                  with: try companionNode.optional("with")?.string() ?? "",
                                  purpose: try companionNode.optional("purpose")?.string() ?? "",
                                  result: try companionNode.optional("result")?.string() ?? "")
            companionProfessional = try reference(companionNode, "professional", to: Professional.self)
        }
        let record = Meeting(citizenID: .unsaved, at: at, kind: kind, place: place, attendance: attendance,
                             notes: notes, nextMeeting: next, companion: companion)
        let meeting = Draft(path: node.path, documentID: id, record: try checked(record, node)) { record, ids in
            record.attendees = try attendees.map { try ids.id(Professional.self, $0) }
            record.authorID = try ids.id(Professional.self, author)
            if record.kind == .companion { record.companion.professionalID = try ids.id(Professional.self, companionProfessional) }
        }
        return MeetingDraft(meeting: meeting, agreements: agreements, members: members)
    }

    private func agreement(_ node: JSONNode) throws -> Draft<Agreement> {
        try node.requireObject(members: ["text", "responsible", "due", "done_on"])
        let text = try node.required("text").string()
        // "citizen", or a professional's id (a professional whose id is "citizen" cannot be named).
        var responsible: String?
        if let responsibleNode = try node.optional("responsible"), try responsibleNode.string() != Interchange.citizenResponsible {
            responsible = try reference(responsibleNode, to: Professional.self)
        }
        let record = Agreement(meetingID: .unsaved, text: text, due: try node.optional("due")?.date(),
                               doneOn: try node.optional("done_on")?.date())
        return Draft(path: node.path, record: try checked(record, node)) { record, ids in
            record.responsible = try ids.id(Professional.self, responsible).map(Responsible.professional) ?? .citizen
        }
    }

    private func assessment(_ node: JSONNode) throws -> Draft<Assessment> {
        try node.requireObject(members: ["date", "author", "scores"])
        let date = try node.required("date").date()
        let author = try reference(node, "author", to: Professional.self)
        var scores: [AssessmentDimension: Int] = [:]
        for (key, scoreNode) in try node.required("scores").members() where !key.hasPrefix(MemberNames.extensionPrefix) {
            guard let dimension = AssessmentDimension(rawValue: key) else {
                throw scoreNode.problem("not an assessment dimension; must be one of "
                    + AssessmentDimension.allWords.joined(separator: ", "))
            }
            scores[dimension] = try scoreNode.integer(in: AssessmentDimension.scoreRange)
        }
        let record = Assessment(citizenID: .unsaved, date: date, scores: scores)
        return Draft(path: node.path, record: try checked(record, node)) { record, ids in
            record.authorID = try ids.id(Professional.self, author)
        }
    }

    private func outcome(_ node: JSONNode) throws -> Draft<Outcome> {
        try node.requireObject(members: ["date", "kind", "note"])
        let record = Outcome(citizenID: .unsaved, date: try node.required("date").date(),
                             kind: try node.required("kind").word(OutcomeKind.self),
                             note: try node.optional("note")?.string() ?? "")
        return Draft(path: node.path, record: try checked(record, node))
    }

    private func placement(_ node: JSONNode) throws -> Draft<Placement> {
        try node.requireObject(members: ["company", "kind", "from", "to", "result"])
        let company = try reference(try node.required("company"), to: Organisation.self)
        let record = Placement(citizenID: .unsaved, companyID: .unsaved,
                               kind: try node.required("kind").word(PlacementKind.self),
                               from: try node.required("from").date(), to: try node.optional("to")?.date(),
                               result: try node.optional("result")?.word(PlacementResult.self) ?? .ongoing,
                               note: try node.optional("x-note")?.string() ?? "")
        return Draft(path: node.path, record: try checked(record, node)) { record, ids in
            record.companyID = try ids.id(Organisation.self, company)
        }
    }

    private func story(_ node: JSONNode) throws -> Draft<Story> {
        try node.requireObject(members: ["date", "title", "text", "author"])
        let date = try node.required("date").date()
        let title = try node.required("title").string()
        let text = try node.optional("text")?.string() ?? ""
        let author = try reference(node, "author", to: Professional.self)
        let record = Story(citizenID: .unsaved, date: date, title: title, text: text)
        return Draft(path: node.path, record: try checked(record, node)) { record, ids in
            record.authorID = try ids.id(Professional.self, author)
        }
    }

    // MARK: Record validation

    /// The record's own validation (`Record.validated`), with a problem reported at the path of
    /// the member it concerns. Returns the record as given (it is validated again when stored).
    private func checked<R: Record>(_ record: R, _ node: JSONNode) throws -> R {
        try InterchangeError.at(node.path) { _ = try record.validated() }
        return record
    }
}

extension InterchangeError {
    /// Runs `body` and turns the errors of validation and storage into an `InterchangeError` at
    /// `path` (or at the member of `path` that a `ValidationError` names). Other errors (a busy
    /// or full database) pass through unchanged.
    static func at<T>(_ path: String, _ body: () throws -> T) throws -> T {
        try mapping(path, body)
    }
}

private func mapping<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InterchangeError {
        throw error
    } catch let error as ValidationError {
        throw interchangeError(error, at: path)
    } catch let error as StoreError {
        switch error {
        case .invalid(let validation):
            throw interchangeError(validation, at: path)
        case .duplicate(let kind, let detail):
            throw InterchangeError.invalid(path: memberPath(path, InterchangeFieldNames.jsonKey(for: detail)),
                                           problem: "another \(kind) already has this value")
        case .accessDenied:
            throw InterchangeError.invalid(path: path, problem: "you do not have access to this citizen's records")
        default:
            throw InterchangeError.invalid(path: path, problem: error.description)
        }
    } catch let error as DatabaseError where error.isConstraintViolation {
        throw InterchangeError.invalid(path: path, problem: "cannot be stored (\(error.message))")
    }
}

private func memberPath(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : path + "." + key
}

private func interchangeError(_ error: ValidationError, at path: String) -> InterchangeError {
    let text = error.description
    let prefix = error.field + ": "
    let problem = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    return .invalid(path: memberPath(path, InterchangeFieldNames.jsonKey(for: error.field)), problem: problem)
}

/// Model field and column names that differ from the document's member names.
enum InterchangeFieldNames {
    private static let keys: [String: String] = [
        // Swift property names.
        "birthDate": "birth_date", "contactPreference": "contact_preference", "householdID": "household",
        "registeredOn": "registered_on", "organisationID": "organisation", "meetingIntervalDays": "meeting_interval_days",
        "archivedOn": "archived_on",
        "professionalID": "professional", "recipientID": "recipient", "givenOn": "given_on", "expiresOn": "expires_on",
        "withdrawnOn": "withdrawn_on", "updatedOn": "updated_on", "steppingStone": "stepping_stone",
        "achievedOn": "achieved_on", "authorID": "author", "nextMeeting": "next_meeting", "doneOn": "done_on",
        "companyID": "company", "contactPerson": "x-contact-person",
        // Column names.
        "name_key": "name", "name_sort": "name", "household_id": "household", "organisation_id": "organisation",
        "professional_id": "professional", "recipient_id": "recipient", "from_date": "from", "to_date": "to",
        "start_date": "start", "end_date": "end", "author_id": "author", "at_utc": "at", "at_offset": "at",
        "next_utc": "next_meeting", "next_offset": "next_meeting", "responsible_id": "responsible",
        "company_id": "company", "trade": "x-trade", "contact_person": "x-contact-person",
        "companion_authority": "x-companion.authority", "companion_with": "x-companion.with",
        "companion_purpose": "x-companion.purpose", "companion_result": "x-companion.result",
    ]

    /// The document's member name for a model field or column name (most are the same).
    static func jsonKey(for field: String) -> String {
        keys[field] ?? field
    }
}

/// Both `citizens[].household` and `households[].members` link a citizen to a household;
/// either is enough. They contradict when a citizen is listed in two households, when a citizen
/// names one household and is listed in another, or when a citizen names a household whose
/// `members` (when present) do not list them. Every household is added before any citizen is
/// resolved.
struct HouseholdMembership {
    /// The household each listed citizen is in, with where the listing is.
    private var listedIn: [String: (household: String, path: String)] = [:]
    /// The members each household lists, with where the list is.
    private var memberLists: [String: (members: Set<String>, path: String)] = [:]

    /// Adds a household's members; a citizen listed in two households is an error.
    mutating func add(_ household: HouseholdDraft) throws {
        guard let members = household.members, let householdID = household.household.documentID else { return }
        memberLists[householdID] = (Set(members.map(\.id)), household.household.path + ".members")
        for member in members {
            if let earlier = listedIn[member.id], earlier.household != householdID {
                throw InterchangeError.invalid(
                    path: member.path,
                    problem: "\"\(member.id)\" is already a member of \"\(earlier.household)\" (\(earlier.path))")
            }
            listedIn[member.id] = (householdID, member.path)
        }
    }

    /// The household of the citizen `citizenID`, who names `declared` themselves at `path`.
    func household(of citizenID: String?, declared: String?, path: String) throws -> String? {
        guard let citizenID else { return declared }
        let listed = listedIn[citizenID]
        if let declared, let listed, listed.household != declared {
            throw InterchangeError.invalid(
                path: path, problem: "is \"\(declared)\", but \(listed.path) lists \"\(citizenID)\" in \"\(listed.household)\"")
        }
        if let declared, let list = memberLists[declared], !list.members.contains(citizenID) {
            throw InterchangeError.invalid(path: path, problem: "is \"\(declared)\", but \(list.path) does not list \"\(citizenID)\"")
        }
        return declared ?? listed?.household
    }

    /// Sets the household of a citizen entry.
    func resolve(_ citizen: inout CitizenDraft) throws {
        citizen.household = try household(of: citizen.citizen.documentID, declared: citizen.declaredHousehold,
                                          path: citizen.householdPath)
    }
}

/// A JSON path as its shape (the path with the positions left out, kept once) and up to four
/// positions: what `DocumentDecoder` remembers of each document id, in 24 bytes instead of a
/// string of its own per record.
struct CompactPath {
    let shape: UInt32
    let positions: (Int32, Int32, Int32, Int32)
}

/// The shapes of compact paths, each kept once.
struct PathShapes {
    /// Each shape, and whether it is a whole path kept as it is.
    private var shapes: [(text: String, literal: Bool)] = []
    private var numbers: [String: UInt32] = [:]

    /// The compact form of `path`.
    mutating func compact(_ path: String) -> CompactPath {
        var shape = ""
        var positions: [Int32] = []
        var number: Int64?
        for character in path {
            if let digit = character.wholeNumberValue, character.isASCII, number != nil {
                number = min(number! * 10 + Int64(digit), Int64(Int32.max))
                continue
            }
            if let value = number {
                positions.append(Int32(clamping: value))
                number = nil
            }
            shape.append(character)
            if character == "[" { number = 0 }
        }
        // A path of more positions than the form holds, or a position too large, keeps its text.
        let literal = positions.count > 4 || positions.contains(Int32.max)
        if literal {
            shape = path
            positions = []
        }
        let padded = positions + Array(repeating: 0, count: 4 - positions.count)
        let name = (literal ? "=" : "~") + shape
        let key: UInt32
        if let known = numbers[name] {
            key = known
        } else {
            key = UInt32(shapes.count)
            shapes.append((shape, literal))
            numbers[name] = key
        }
        return CompactPath(shape: key, positions: (padded[0], padded[1], padded[2], padded[3]))
    }

    /// The path a compact form stands for.
    func path(_ compact: CompactPath) -> String {
        let values = [compact.positions.0, compact.positions.1, compact.positions.2, compact.positions.3]
        var text = ""
        var next = 0
        let shape = shapes[Int(compact.shape)]
        if shape.literal { return shape.text }
        for character in shape.text {
            text.append(character)
            if character == "[", next < values.count {
                text += String(values[next])
                next += 1
            }
        }
        return text
    }
}
