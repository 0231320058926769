/// Reads an interchange document (version 1) into a workspace, all or nothing.
///
/// The document is first checked as a whole (`DocumentDecoder`); then every record is written
/// through `Workspace.create`/`update` in one transaction, so that validation, NFC, audit stamps
/// and the access rule apply as to any other change. Any error rolls everything back and names
/// the JSON path of the problem.
///
/// Re-importing: the document's ids are remembered in `external_id` (source installation, kind =
/// table name, document id), so a second import of the same document finds the records of the
/// first. Records without ids in the format are found by a natural key within their parent:
///
/// | records | key within the parent |
/// | --- | --- |
/// | team entries | professional and `from` |
/// | consents | `scope`, `recipient` and `given_on` |
/// | resources | `area` |
/// | visions | (one per citizen) |
/// | progress notes | `date` and `note` |
/// | agreements | `text` |
/// | assessments | `date` and `author` |
/// | outcomes | `date` and `kind` |
/// | placements | `company`, `kind` and `from` |
/// | stories | `date` and `title` |
///
/// Each local record matches at most one entry per import (so two equal entries stay two
/// records). A found record takes every value of the document (a member left out clears an
/// optional value); it is written, and its version goes up, only when a value differs, so a
/// second import of the same document changes nothing at all. Changing a key member in the
/// document (a progress note's text, say) makes a new record: local records that the document
/// does not mention are never deleted. An activity's participants are the local ones plus the
/// document's (a document about some citizens does not drop the others). When a remembered id
/// points to a record deleted since, the record is created again and the id remembered anew.
///
/// Ids are remembered per source installation (the document's `x-installation`, '' when it
/// has none) and kind: two installations that both use `c1` get two records. A document this
/// installation exported itself names its records by their local ids, so importing it back
/// finds them (and changes nothing when nothing changed since).
package struct InterchangeImporter {
    /// Where the records go.
    package let workspace: Workspace
    /// The size of the window the document is read through (smaller in tests, to read every
    /// document across many refills).
    package var windowSize = JSONDocumentStream.windowSize

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Imports a document given as UTF-8 bytes (a leading byte-order mark is allowed).
    @discardableResult
    package func importDocument(bytes: [UInt8], progress: InterchangeProgress? = nil) throws -> ImportSummary {
        try importDocument(source: JSONMemorySource(bytes), progress: progress)
    }

    /// Imports a document given as text.
    @discardableResult
    package func importDocument(text: String, progress: InterchangeProgress? = nil) throws -> ImportSummary {
        try importDocument(bytes: Array(text.utf8), progress: progress)
    }

    /// Imports a parsed document (as its text would be imported).
    @discardableResult
    package func importDocument(_ document: JSONValue, progress: InterchangeProgress? = nil) throws -> ImportSummary {
        try importDocument(text: document.serialized(indent: false), progress: progress)
    }

    /// Imports a document read from `source` as a stream, never held whole: memory grows with
    /// its largest citizen and its number of records, not with its size. `progress` is called
    /// after each citizen is written. A `JSONReadError` of the source is thrown as it is.
    ///
    /// The document is read twice when it can be imported, three times when it cannot:
    /// 1. its syntax, the ids that records refer to, and the root (nothing is locked yet);
    /// 2. in one transaction, each entry checked and written at once, in the order records
    ///    refer to each other (organisations, professionals, households, citizens, activities);
    /// 3. only after a failure in 2 (rolled back): every entry checked again in the order of
    ///    the checks (organisations, professionals, activities, citizens, households, then the
    ///    households' members), so the problem reported is the first a check of the whole
    ///    document finds, whatever order the records are written in. Without one, it is the
    ///    failure of 2 (a write refused by the database or by the access rule).
    @discardableResult
    package func importDocument(source: JSONByteSource, progress: InterchangeProgress? = nil) throws -> ImportSummary {
        let stream = JSONDocumentStream(source: source, maximumStringBytes: Interchange.maximumTextBytes,
                                        windowSize: windowSize)
        let outline = try reporting(stream) { try DocumentOutline(stream) }
        try DocumentDecoder.checkRoot(outline.root)
        let areas = try workspace.database.fetchAll("SELECT key FROM resource_area ORDER BY position, key") {
            try $0.get(0, as: String.self)
        }
        let summary: ImportSummary
        do {
            summary = try reporting(stream) { try write(outline, from: stream, areas: areas, progress: progress) }
        } catch let failure {
            try reporting(stream) { try check(outline, from: stream, areas: areas) }
            throw failure
        }
        // An imported professional may carry the current user's name.
        try workspace.refreshActor()
        return summary
    }

    /// Runs `body`, turning the stream's syntax errors into `InterchangeError`s.
    private func reporting<T>(_ stream: JSONDocumentStream, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as JSONStringTooLong {
            throw InterchangeError.invalid(
                path: error.path.isEmpty ? "document" : error.path,
                problem: "is longer than \(error.limit) bytes (1 MiB), the longest text a document may hold")
        } catch let error as JSONFragmentError {
            var detail = error.message
            if !detail.contains("truncated"), try stream.endsUnfinished() {
                detail += "; the document ends before its objects, arrays or strings are closed (truncated?)"
            }
            let (line, column) = try stream.position(of: error.offset)
            throw InterchangeError.notJSON(line: line, column: column, detail: detail)
        }
    }

    /// Every entry of the list `key`, read again one at a time, with its path.
    private func entries(_ key: String, of outline: DocumentOutline, from stream: JSONDocumentStream,
                         _ body: (JSONNode) throws -> Void) throws {
        guard let offset = outline.lists[key] else { return }
        try stream.items(ofListAt: offset, key: key) { position, value in
            try body(JSONNode(value: value, path: "\(key)[\(position)]"))
        }
    }

    /// The second reading: each entry checked and written, all in one transaction.
    private func write(_ outline: DocumentOutline, from stream: JSONDocumentStream, areas: [String],
                       progress: InterchangeProgress?) throws -> ImportSummary {
        var decoder = DocumentDecoder(resourceAreas: areas, known: outline.known)
        let source = try DocumentDecoder.source(outline.root)
        return try workspace.database.transaction {
            // Made inside the transaction: what it finds remembered stays so until the commit.
            let writer = try ImportWriter(workspace: workspace, source: source)
            // Any error rolls the whole import back, so its records need no savepoint each, and
            // the full-text index and the names' trigrams are written once at the end instead of by
            // a trigger per row.
            try workspace.database.sharingOuterTransaction {
                try workspace.indexingSearchTextAtEnd { try workspace.writingNameGramsAtEnd {
                    // One log entry per citizen imported, not one per record: who imported whom.
                    try workspace.loggingChangesPerCitizen("imported") {
                        try entries("organisations", of: outline, from: stream) { try writer.storeIdentified(try decoder.organisation($0)) }
                        try entries("professionals", of: outline, from: stream) { try writer.storeIdentified(try decoder.professional($0)) }
                        var households = HouseholdMembership()
                        try entries("households", of: outline, from: stream) {
                            let draft = try decoder.household($0)
                            try households.add(draft)
                            try writer.storeIdentified(draft.household)
                        }
                        // Activities refer to citizens: checked now, written after them.
                        var activities: [Draft<Activity>] = []
                        try entries("activities", of: outline, from: stream) { activities.append(try decoder.activity($0)) }
                        var done = 0
                        try entries("citizens", of: outline, from: stream) {
                            var draft = try decoder.citizen($0)
                            try households.resolve(&draft)
                            try writer.storeCitizen(draft)
                            done += 1
                            progress?(done, outline.citizens)
                        }
                        try writer.storeMeetingMembers()
                        for draft in activities { try writer.storeActivity(draft) }
                    }
                } }
            }
            return writer.summary
        }
    }

    /// The third reading, after a failed second: the checks alone, in their own order, throwing
    /// the first problem.
    private func check(_ outline: DocumentOutline, from stream: JSONDocumentStream, areas: [String]) throws {
        var decoder = DocumentDecoder(resourceAreas: areas, known: outline.known)
        try entries("organisations", of: outline, from: stream) { _ = try decoder.organisation($0) }
        try entries("professionals", of: outline, from: stream) { _ = try decoder.professional($0) }
        try entries("activities", of: outline, from: stream) { _ = try decoder.activity($0) }
        var citizens: [(id: String?, declared: String?, path: String)] = []
        try entries("citizens", of: outline, from: stream) {
            let draft = try decoder.citizen($0)
            citizens.append((draft.citizen.documentID, draft.declaredHousehold, draft.householdPath))
        }
        var households = HouseholdMembership()
        try entries("households", of: outline, from: stream) { try households.add(try decoder.household($0)) }
        for citizen in citizens { _ = try households.household(of: citizen.id, declared: citizen.declared, path: citizen.path) }
        _ = try DocumentDecoder.source(outline.root)
    }
}

/// What the first reading of a document finds: its syntax is sound (else it throws), the root
/// with each list as an empty array, where each list is, the ids that records refer to, and how
/// many citizens there are.
private struct DocumentOutline {
    /// The root object with its lists left empty, or the whole value when it is not an object.
    private(set) var root: JSONValue = .null
    /// The offset of each list's array in the document.
    private(set) var lists: [String: Int] = [:]
    /// The document ids of the kinds others refer to (`DocumentDecoder.referredLists`).
    private(set) var known: [String: Set<String>] = [:]
    /// How many entries `citizens` has.
    private(set) var citizens = 0

    init(_ stream: JSONDocumentStream) throws {
        var members: [(String, JSONValue)] = []
        let kinds = Dictionary(uniqueKeysWithValues: DocumentDecoder.referredLists.map { ($0.value, $0.key) })
        for kind in DocumentDecoder.referredLists.keys { known[kind] = [] }
        let shape = try stream.read(
            streamed: Set(DocumentDecoder.lists),
            member: { members.append(($0, $1)) },
            list: { key, offset in
                members.append((key, .array([])))
                lists[key] = offset
            },
            item: { key, _, value in
                if key == "citizens" { citizens += 1 }
                guard let kind = kinds[key], case .string(let id)? = value["id"] else { return }
                known[kind]?.insert(id)
            })
        switch shape {
        case .object: root = .object(members)
        case .other(let value): root = value
        }
    }
}

/// Writes a checked document; lives for one import.
private final class ImportWriter {
    let workspace: Workspace
    /// The installation the document's ids are of ('' when it does not say).
    let source: String
    /// Whether the document is this installation's own export: its ids are then local ids.
    let isOwn: Bool
    /// This installation's site (for reading its own document ids).
    let site: Int64
    var ids = LocalIDs()
    var summary = ImportSummary()
    /// Household meetings and the members present, by document id, for after the citizens.
    /// Only meetings with members present, in the document or as stored, are kept.
    private var pendingMembers: [(meeting: RecordID<Meeting>, members: [String], path: String)] = []

    /// Whether any id of this source, or of no source ('', from before ids were kept per
    /// source), was remembered before this import. When not, no look-up can find one: each
    /// document id of a kind is stored once per import. (A first import of a large document
    /// saves two look-ups per record.)
    private let remembersSource: Bool
    private let remembersLegacy: Bool

    init(workspace: Workspace, source: String) throws {
        self.workspace = workspace
        self.source = source
        isOwn = try !source.isEmpty && source == workspace.installationID
        site = try workspace.site
        let remembered = "SELECT EXISTS (SELECT 1 FROM external_id WHERE source = ?)"
        remembersSource = try workspace.database.scalar(remembered, [.text(source)]) == .integer(1)
        remembersLegacy = try workspace.database.scalar(remembered, [.text("")]) == .integer(1)
    }

    /// Stores an activity, after the citizens it refers to.
    func storeActivity(_ draft: Draft<Activity>) throws {
        try storeIdentified(draft) { record, existing in
            guard let existing else { return }
            // Local participants the document does not list stay, with whether they came.
            let listed = Set(record.participants)
            record.participants += existing.participants
            record.present += existing.present.filter { !listed.contains($0) }
        }
    }

    /// Sets the household members present at each meeting (`x-household-members`), now that
    /// every citizen of the document is stored; a meeting whose members did not change is left.
    func storeMeetingMembers() throws {
        for (meeting, members, path) in pendingMembers {
            try InterchangeError.at(path) {
                var changed = try workspace.get(Meeting.self, id: meeting)
                changed.members = try members.map { try ids.id(Citizen.self, $0) }
                if try changed.validated() != workspace.get(Meeting.self, id: meeting) {
                    try workspace.update(changed)
                }
            }
        }
    }

    // MARK: Records with document ids

    /// Stores a record that has an id in the document: the record remembered for that id is
    /// updated, otherwise a new one is created and remembered. `prepare` sets the parent and
    /// anything else that depends on the stored record. Returns the record and whether it existed.
    @discardableResult
    func storeIdentified<R: Record>(_ draft: Draft<R>, prepare: (inout R, R?) throws -> Void = { _, _ in })
        throws -> (record: R, existed: Bool) {
        guard let documentID = draft.documentID else {
            throw InterchangeError.invalid(path: draft.path, problem: "has no id")
        }
        return try InterchangeError.at(draft.path) {
            var candidate = draft.record
            try draft.link(&candidate, ids)
            let local = try rememberedID(R.self, documentID) ?? ownID(R.self, documentID)
            let existing = try local.flatMap { try workspace.fetch(R.self, id: $0) }
            try prepare(&candidate, existing)
            let saved = try save(candidate, existing: existing)
            if existing == nil {
                try workspace.database.execute(
                    """
                    INSERT INTO external_id (source, kind, external, local_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (source, kind, external) DO UPDATE SET local_id = excluded.local_id
                    """,
                    [.text(source), .text(R.table), .text(documentID), saved.id.sqlValue])
            }
            // Only the kinds that others refer to are looked up again.
            if DocumentDecoder.referredLists[R.table] != nil { ids.set(documentID, saved.id) }
            return (saved, existing != nil)
        }
    }

    /// The local id remembered for a document id of this source. An id remembered before ids
    /// were kept per source (source '') is taken over by the first source that names it, so a
    /// document imported before is still known; a document of another installation that uses
    /// the same id then no longer meets it. This installation's own export never takes them.
    private func rememberedID<R: Record>(_ type: R.Type, _ documentID: String) throws -> RecordID<R>? {
        let query = "SELECT local_id FROM external_id WHERE source = ? AND kind = ? AND external = ?"
        let key: [SQLValue] = [.text(R.table), .text(documentID)]
        if remembersSource, let found = RecordID<R>(sqlValue: try workspace.database.scalar(query, [.text(source)] + key)) {
            return found
        }
        guard remembersLegacy, !source.isEmpty, !isOwn,
              let legacy = RecordID<R>(sqlValue: try workspace.database.scalar(query, [.text("")] + key)) else { return nil }
        try workspace.database.execute("UPDATE external_id SET source = ? WHERE source = '' AND kind = ? AND external = ?",
                                       [.text(source)] + key)
        return legacy
    }

    /// In this installation's own export, a document id is a kind's prefix and the record's
    /// number within this site, or its whole id when it was made elsewhere
    /// (`Interchange.documentID`): the record it names, if that is its form.
    private func ownID<R: Record>(_ type: R.Type, _ documentID: String) -> RecordID<R>? {
        guard isOwn, let prefix = Interchange.idPrefixes[R.table], documentID.hasPrefix(prefix),
              let number = Int64(documentID.dropFirst(prefix.count)), number > 0 else { return nil }
        let id = RecordID<R>(SiteIDs.local(number, site: site))
        return Interchange.documentID(id, site: site) == documentID ? id : nil
    }

    // MARK: Records found by a natural key

    /// The children of a stored parent that an import may match, oldest first; none when the
    /// parent was just created.
    func existingChildren<R: Record>(_ type: R.Type, of parent: SQLValue, existed: Bool, path: String) throws -> [R] {
        guard existed else { return [] }
        return try InterchangeError.at(path) { try workspace.all(R.self, parent: parent) }.sorted { $0.id < $1.id }
    }

    /// Stores a record without a document id: the first unclaimed record of `pool` with the same
    /// `key` is updated (and claimed), otherwise a new one is created.
    @discardableResult
    func storeMatched<R: Record>(_ draft: Draft<R>, pool: inout [R], key: (R) -> [SQLValue],
                                 parent: (inout R) -> Void) throws -> R {
        try InterchangeError.at(draft.path) {
            var candidate = draft.record
            try draft.link(&candidate, ids)
            parent(&candidate)
            let wanted = key(try candidate.validated())
            var existing: R?
            if let index = pool.firstIndex(where: { key($0) == wanted }) {
                existing = pool.remove(at: index)
            }
            return try save(candidate, existing: existing)
        }
    }

    /// Creates the record, or updates `existing` with the record's values when any differ.
    private func save<R: Record>(_ candidate: R, existing: R?) throws -> R {
        guard let existing else {
            let created = try workspace.create(candidate)
            summary.count(R.table, \.created)
            return created
        }
        var changed = candidate
        changed.id = existing.id
        changed.audit = existing.audit
        if try changed.validated() == existing {
            summary.count(R.table, \.unchanged)
            return existing
        }
        let updated = try workspace.update(changed)
        summary.count(R.table, \.updated)
        return updated
    }

    // MARK: A citizen

    func storeCitizen(_ draft: CitizenDraft) throws {
        let (citizen, existed) = try storeIdentified(draft.citizen) { record, _ in
            record.householdID = try ids.id(Household.self, draft.household)
        }
        let parent = citizen.id.sqlValue
        let path = draft.citizen.path

        var team = try existingChildren(TeamMember.self, of: parent, existed: existed, path: path)
        for entry in draft.team {
            try storeMatched(entry, pool: &team, key: { [$0.professionalID.sqlValue, $0.from.sqlValue] }, parent: { $0.citizenID = citizen.id })
        }
        var consents = try existingChildren(Consent.self, of: parent, existed: existed, path: path)
        for entry in draft.consents {
            try storeMatched(entry, pool: &consents, key: { [$0.scope.sqlValue, $0.recipientID.sqlValue, $0.givenOn.sqlValue] },
                             parent: { $0.citizenID = citizen.id })
        }
        var resources = try existingChildren(Resource.self, of: parent, existed: existed, path: path)
        for entry in draft.resources {
            try storeMatched(entry, pool: &resources, key: { [$0.area.sqlValue] }, parent: { $0.citizenID = citizen.id })
        }
        if let entry = draft.vision {
            var visions = try existingChildren(Vision.self, of: parent, existed: existed, path: path)
            try storeMatched(entry, pool: &visions, key: { _ in [] }, parent: { $0.citizenID = citizen.id })
        }
        for planDraft in draft.plans {
            let (plan, _) = try storeIdentified(planDraft.plan) { record, _ in record.citizenID = citizen.id }
            for (milestoneDraft, progress) in planDraft.milestones {
                let (milestone, milestoneExisted) = try storeIdentified(milestoneDraft) { record, _ in record.planID = plan.id }
                var notes = try existingChildren(ProgressNote.self, of: milestone.id.sqlValue,
                                                 existed: milestoneExisted, path: milestoneDraft.path)
                for entry in progress {
                    try storeMatched(entry, pool: &notes, key: { [$0.date.sqlValue, .text($0.note)] },
                                     parent: { $0.milestoneID = milestone.id })
                }
            }
        }
        for meetingDraft in draft.meetings {
            let (meeting, meetingExisted) = try storeIdentified(meetingDraft.meeting) { record, existing in
                record.citizenID = citizen.id
                // The members present are set once every citizen is stored.
                record.members = existing?.members ?? []
            }
            // Nobody present, in the document or as stored: nothing to set.
            if !meetingDraft.members.isEmpty || !meeting.members.isEmpty {
                pendingMembers.append((meeting.id, meetingDraft.members, meetingDraft.meeting.path))
            }
            var agreements = try existingChildren(Agreement.self, of: meeting.id.sqlValue, existed: meetingExisted,
                                                  path: meetingDraft.meeting.path)
            for entry in meetingDraft.agreements {
                try storeMatched(entry, pool: &agreements, key: { [.text($0.text)] }, parent: { $0.meetingID = meeting.id })
            }
        }
        var assessments = try existingChildren(Assessment.self, of: parent, existed: existed, path: path)
        for entry in draft.assessments {
            try storeMatched(entry, pool: &assessments, key: { [$0.date.sqlValue, $0.authorID.sqlValue] },
                             parent: { $0.citizenID = citizen.id })
        }
        var outcomes = try existingChildren(Outcome.self, of: parent, existed: existed, path: path)
        for entry in draft.outcomes {
            try storeMatched(entry, pool: &outcomes, key: { [$0.date.sqlValue, $0.kind.sqlValue] },
                             parent: { $0.citizenID = citizen.id })
        }
        var placements = try existingChildren(Placement.self, of: parent, existed: existed, path: path)
        for entry in draft.placements {
            try storeMatched(entry, pool: &placements,
                             key: { [$0.companyID.sqlValue, $0.kind.sqlValue, $0.from.sqlValue] },
                             parent: { $0.citizenID = citizen.id })
        }
        var stories = try existingChildren(Story.self, of: parent, existed: existed, path: path)
        for entry in draft.stories {
            try storeMatched(entry, pool: &stories, key: { [$0.date.sqlValue, .text($0.title)] },
                             parent: { $0.citizenID = citizen.id })
        }
    }
}
