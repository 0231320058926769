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

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Imports a document given as UTF-8 bytes (a leading byte-order mark is allowed).
    @discardableResult
    package func importDocument(bytes: [UInt8], progress: InterchangeProgress? = nil) throws -> ImportSummary {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes, maximumStringBytes: Interchange.maximumTextBytes)
        } catch let error as JSONStringTooLong {
            throw InterchangeError.invalid(
                path: error.path.isEmpty ? "document" : error.path,
                problem: "is longer than \(error.limit) bytes (1 MiB), the longest text a document may hold")
        } catch let error as JSONSyntaxError {
            var detail = error.message
            if !detail.contains("truncated"), Self.endsUnfinished(bytes) {
                detail += "; the document ends before its objects, arrays or strings are closed (truncated?)"
            }
            throw InterchangeError.notJSON(line: error.line, column: error.column, detail: detail)
        }
        return try importDocument(document, progress: progress)
    }

    /// True when the text ends inside a string or with an object or array still open: the sign
    /// of a file cut short, even where the parser stumbled first on a cut word or escape.
    static func endsUnfinished(_ bytes: [UInt8]) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return inString || depth > 0
    }

    /// Imports a document given as text.
    @discardableResult
    package func importDocument(text: String, progress: InterchangeProgress? = nil) throws -> ImportSummary {
        try importDocument(bytes: Array(text.utf8), progress: progress)
    }

    /// Imports a parsed document. `progress` is called after each citizen is written.
    @discardableResult
    package func importDocument(_ document: JSONValue, progress: InterchangeProgress? = nil) throws -> ImportSummary {
        let areas = try workspace.database.fetchAll("SELECT key FROM resource_area ORDER BY position, key") {
            try $0.get(0, as: String.self)
        }
        var decoder = DocumentDecoder(resourceAreas: areas)
        let draft = try decoder.decode(document)
        let writer = try ImportWriter(workspace: workspace, source: draft.source)
        try workspace.database.transaction {
            // Any error rolls the whole import back, so its records need no savepoint each, and
            // the full-text index is written once at the end instead of by a trigger per row.
            try workspace.database.sharingOuterTransaction {
                try workspace.indexingSearchTextAtEnd {
                    // One log entry per citizen imported, not one per record: who imported whom.
                    try workspace.loggingChangesPerCitizen("imported") {
                        try writer.write(draft, progress: progress)
                    }
                }
            }
        }
        // An imported professional may carry the current user's name.
        try workspace.refreshActor()
        return writer.summary
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
    private var pendingMembers: [(meeting: Meeting, members: [String], path: String)] = []

    init(workspace: Workspace, source: String) throws {
        self.workspace = workspace
        self.source = source
        isOwn = try !source.isEmpty && source == workspace.installationID
        site = try workspace.site
    }

    /// Writes everything, referred records before the records that refer to them.
    func write(_ document: DocumentDraft, progress: InterchangeProgress?) throws {
        for draft in document.organisations { try storeIdentified(draft) }
        for draft in document.professionals { try storeIdentified(draft) }
        for draft in document.households { try storeIdentified(draft.household) }
        for (index, draft) in document.citizens.enumerated() {
            try storeCitizen(draft)
            progress?(index + 1, document.citizens.count)
        }
        try storeMeetingMembers()
        for draft in document.activities {
            try storeIdentified(draft) { record, existing in
                guard let existing else { return }
                // Local participants the document does not list stay, with whether they came.
                let listed = Set(record.participants)
                record.participants += existing.participants
                record.present += existing.present.filter { !listed.contains($0) }
            }
        }
    }

    /// Sets the household members present at each meeting (`x-household-members`), now that
    /// every citizen of the document is stored; a meeting whose members did not change is left.
    private func storeMeetingMembers() throws {
        for (meeting, members, path) in pendingMembers {
            // Nobody present, in the document or as stored: nothing to set.
            if members.isEmpty && meeting.members.isEmpty { continue }
            try InterchangeError.at(path) {
                var changed = try workspace.get(Meeting.self, id: meeting.id)
                changed.members = try members.map { try ids.id(Citizen.self, $0) }
                if try changed.validated() != workspace.get(Meeting.self, id: meeting.id) {
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
            ids.set(documentID, saved.id)
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
        if let found = RecordID<R>(sqlValue: try workspace.database.scalar(query, [.text(source)] + key)) { return found }
        guard !source.isEmpty, !isOwn,
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

    private func storeCitizen(_ draft: CitizenDraft) throws {
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
            pendingMembers.append((meeting, meetingDraft.members, meetingDraft.meeting.path))
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
