/// A form that was being filled in, kept in the database so that a dropped connection, a closed
/// laptop or a crash never loses what was typed. One draft per user, window and form: two
/// windows of one user keep one each.
package struct FormDraft: Sendable, Equatable {
    /// Which form: kind, record and owner, e.g. `meeting:new:citizen=12` or `milestone:4`.
    package let key: String
    /// Who was typing.
    package let username: String
    /// A line that tells the user what the draft is ("New meeting with Svend Madsen").
    package let title: String
    /// The form's field values, as JSON.
    package let payload: String
    /// When it was last written (seconds since the epoch).
    package let updatedAt: Int64
    /// The window that wrote it (`DraftWindow.id`; "" for drafts written before windows).
    package let windowID: String
    /// The version of the record the form was opened on (`audit.version`); nil for a new record.
    package let recordVersion: Int64?
    /// The values the form was opened with, as JSON (which fields the draft changed); nil when
    /// not known.
    package let basePayload: String?

    package init(key: String, username: String, title: String, payload: String, updatedAt: Int64, windowID: String = "",
                 recordVersion: Int64? = nil, basePayload: String? = nil) {
        self.key = key
        self.username = username
        self.title = title
        self.payload = payload
        self.updatedAt = updatedAt
        self.windowID = windowID
        self.recordVersion = recordVersion
        self.basePayload = basePayload
    }
}

extension FormDraft {
    /// The category of what a draft's form writes, from the first word of its key (the kind of
    /// record: `meeting:new:c12`); nil for forms that need only the citizen to be seen.
    package static func category(ofKey key: String) -> DataCategory? {
        switch key.split(separator: ":").first.map(String.init) ?? "" {
        case "citizen": return .contact
        case "plan", "milestone", "progress": return .plan
        case "meeting", "agreement": return .meetings
        case "vision", "resources": return .profile
        case "outcome", "placement", "story", "assessment": return .results
        default: return nil
        }
    }
}

extension Workspace {
    /// Writes (or replaces) this window's draft of a form for the current user. Each write is its
    /// own committed transaction, so what is written survives `kill -9` and power loss
    /// (`synchronous=FULL`). `citizen` is the person the form is about (nil for forms about no
    /// one), so that erasing them also removes every user's drafts about them. `recordVersion` is
    /// the version of the record the form was opened on (nil for a new record), `basePayload`
    /// the values it was opened with.
    package func saveDraft(key: String, title: String, payload: String, citizen: CitizenID?,
                           recordVersion: Int64? = nil, basePayload: String? = nil) throws {
        let window = draftWindow
        try database.execute("""
            INSERT INTO draft (username, window_id, form_key, title, payload, updated_at, citizen_id,
                               window_host, window_pid, window_started, record_version, base_payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (username, window_id, form_key) DO UPDATE SET title = excluded.title, payload = excluded.payload,
                updated_at = excluded.updated_at, citizen_id = excluded.citizen_id, record_version = excluded.record_version,
                base_payload = excluded.base_payload
            """, [.text(actor.username), .text(window.id), .text(key), .text(title), .text(payload), .integer(clock().seconds),
                  citizen.sqlValue, .text(window.host), .integer(Int64(window.pid)), .integer(window.started),
                  recordVersion.sqlValue, basePayload.sqlValue])
    }

    /// Removes this window's draft of a form (after it was saved or deliberately discarded).
    package func discardDraft(key: String) throws {
        try database.execute("DELETE FROM draft WHERE username = ? AND window_id = ? AND form_key = ?",
                             [.text(actor.username), .text(draftWindow.id), .text(key)])
    }

    /// Removes a draft offered by `drafts()`, of this window or of one that ended.
    package func discard(_ draft: FormDraft) throws {
        try database.execute("DELETE FROM draft WHERE username = ? AND window_id = ? AND form_key = ?",
                             [.text(actor.username), .text(draft.windowID), .text(draft.key)])
    }

    /// Takes over a draft of a window that ended, before its form is opened here: from now on
    /// this window writes it. False when it is gone (another window restored it first).
    package func claim(_ draft: FormDraft) throws -> Bool {
        let window = draftWindow
        try database.execute("""
            UPDATE draft SET window_id = ?, window_host = ?, window_pid = ?, window_started = ?
            WHERE username = ? AND window_id = ? AND form_key = ?
            """, [.text(window.id), .text(window.host), .integer(Int64(window.pid)), .integer(window.started),
                  .text(actor.username), .text(draft.windowID), .text(draft.key)])
        return database.changes == 1
    }

    /// The current user's drafts that this window may restore, newest first: its own, and those
    /// of windows that no longer run (a window that still runs keeps its drafts to itself; see
    /// `DraftWindow.isRunning`). A draft about a citizen the user may no longer see (a consent
    /// withdrawn or expired, a handover) is left out, as is one whose form is about a category
    /// the consent does not share; it is kept, and shows again if the citizen does.
    package func drafts() throws -> [FormDraft] {
        let rows = try database.fetchAll("""
            SELECT form_key, username, title, payload, updated_at, citizen_id, window_id, window_host, window_pid,
                   window_started, record_version, base_payload
            FROM draft WHERE username = ? ORDER BY updated_at DESC, form_key, window_id
            """, [.text(actor.username)]) { row in
            (draft: FormDraft(key: try row.get(0), username: try row.get(1), title: try row.get(2), payload: try row.get(3),
                              updatedAt: try row.get(4), windowID: try row.get(6), recordVersion: try row.get(10),
                              basePayload: try row.get(11)),
             citizen: try row.get(5) as CitizenID?,
             window: DraftWindow(id: try row.get(6), host: try row.get(7), pid: Int32(truncatingIfNeeded: try row.get(8) as Int64),
                                 started: try row.get(9)))
        }
        var running: [String: Bool] = [draftWindow.id: false]
        for row in rows where running[row.window.id] == nil { running[row.window.id] = row.window.isRunning }
        let granted = try grantedCategories(of: Array(Set(rows.compactMap(\.citizen))))
        return rows.filter { row in
            guard running[row.window.id] != true else { return false }
            guard let citizen = row.citizen else { return true }
            guard let categories = granted[citizen], !categories.isEmpty else { return false }
            return FormDraft.category(ofKey: row.draft.key).map(categories.contains) ?? true
        }.map(\.draft)
    }
}
