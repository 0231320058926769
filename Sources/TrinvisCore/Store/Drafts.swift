/// A form that was being filled in, kept in the database so that a dropped connection, a closed
/// laptop or a crash never loses what was typed. One draft per user and form.
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

    package init(key: String, username: String, title: String, payload: String, updatedAt: Int64) {
        self.key = key
        self.username = username
        self.title = title
        self.payload = payload
        self.updatedAt = updatedAt
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
    /// Writes (or replaces) the current user's draft of a form. Each write is its own committed
    /// transaction, so what is written survives `kill -9` and power loss (`synchronous=FULL`).
    /// `citizen` is the person the form is about (nil for forms about no one), so that erasing
    /// them also removes every user's drafts about them.
    package func saveDraft(key: String, title: String, payload: String, citizen: CitizenID?) throws {
        try database.execute("""
            INSERT INTO draft (username, form_key, title, payload, updated_at, citizen_id) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (username, form_key) DO UPDATE SET title = excluded.title, payload = excluded.payload,
                updated_at = excluded.updated_at, citizen_id = excluded.citizen_id
            """, [.text(actor.username), .text(key), .text(title), .text(payload), .integer(clock().seconds),
                  citizen.sqlValue])
    }

    /// Removes the current user's draft of a form (after it was saved or deliberately discarded).
    package func discardDraft(key: String) throws {
        try database.execute("DELETE FROM draft WHERE username = ? AND form_key = ?", [.text(actor.username), .text(key)])
    }

    /// The current user's drafts, newest first. A draft about a citizen the user may no longer
    /// see (a consent withdrawn or expired, a handover) is left out, as is one whose form is
    /// about a category the consent does not share; it is kept, and shows again if the citizen
    /// does.
    package func drafts() throws -> [FormDraft] {
        let rows = try database.fetchAll("""
            SELECT form_key, username, title, payload, updated_at, citizen_id FROM draft WHERE username = ?
            ORDER BY updated_at DESC, form_key
            """, [.text(actor.username)]) { row in
            (draft: FormDraft(key: try row.get(0), username: try row.get(1), title: try row.get(2), payload: try row.get(3),
                              updatedAt: try row.get(4)),
             citizen: try row.get(5) as CitizenID?)
        }
        let granted = try grantedCategories(of: Array(Set(rows.compactMap(\.citizen))))
        return rows.filter { row in
            guard let citizen = row.citizen else { return true }
            guard let categories = granted[citizen], !categories.isEmpty else { return false }
            return FormDraft.category(ofKey: row.draft.key).map(categories.contains) ?? true
        }.map(\.draft)
    }
}
