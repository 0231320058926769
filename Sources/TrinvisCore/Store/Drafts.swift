import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A form that was being filled in, kept in the account's own drafts file (`DraftStore`) so that a
/// dropped connection, a closed laptop or a crash never loses what was typed. One draft per user, window and form: two
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

/// Where an account keeps its drafts: a small SQLite file of its own in the user's data folder
/// (`drafts-KEY.sqlite`, mode 0600, its folder 0700), apart from the shared database, so that
/// typing never waits for another user's transaction (an import, a save) and a draft write
/// never moves the shared database's `data_version`. KEY names the database: its installation
/// id when it has one, else a hash of its real path, so that `--db` on another file or the demo
/// never offers the drafts of another database.
package final class DraftStore {
    /// The drafts file.
    package let path: String
    /// Its connection.
    let database: Database

    /// The drafts file's own schema (it is not the shared database's).
    static let migrator = Migrator([
        Migration("1-drafts", "CREATE TABLE draft (\n\(Schema.draftColumns)\n) STRICT;"),
    ])

    /// The columns of a draft row, in the order of both tables (the shared legacy `draft` and
    /// the file's).
    static let columns = """
        username, window_id, form_key, title, payload, updated_at, citizen_id, window_host, window_pid, window_started,
        record_version, base_payload
        """

    /// Opens (and creates, with its folder) the drafts file at `path`. A setgid Trinvis creates
    /// it with the person's own group.
    package init(path: String) throws {
        self.path = path
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        database = try PersonRights.perform {
            if !folder.isEmpty { try Self.createFolder(folder) }
            return try Database(path: path)
        }
        // Nothing but this account's windows writes here, and each write is one small row.
        database.busyWaitLimit = .seconds(5)
        try Self.migrator.migrate(database, now: Int64(time(nil)))
    }

    /// The file name for the database named by `key` (see the type's summary).
    package static func fileName(databaseKey key: String) -> String {
        "drafts-\(key).sqlite"
    }

    /// Creates `folder` and its missing parents with mode 0700.
    private static func createFolder(_ folder: String) throws {
        let components = folder.split(separator: "/")
        for count in 1...max(1, components.count) where !components.isEmpty {
            let partial = (folder.hasPrefix("/") ? "/" : "") + components.prefix(count).joined(separator: "/")
            if mkdir(partial, 0o700) != 0, errno != EEXIST {
                throw DatabaseError(extendedCode: SQLITE_CANTOPEN,
                                    message: "cannot create \(partial): \(String(cString: strerror(errno)))")
            }
        }
    }
}

extension Workspace {
    /// The key that names this database in drafts file names: its installation id, else the
    /// first 16 hexadecimal digits of the SHA-256 of its real path.
    package func draftDatabaseKey() throws -> String {
        if let installation = try setting("installation-id"), !installation.isEmpty {
            return String(SHA256.hex(installation).prefix(16))
        }
        let resolved = realpath(database.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? database.path
        return String(SHA256.hex(resolved).prefix(16))
    }

    /// Where this account's drafts of this database are kept: `drafts-KEY.sqlite` in
    /// `draftsFolder`; without one (tests, the benchmark) a file beside the database named for
    /// the database and the account.
    package func draftStorePath() throws -> String {
        if let folder = draftsFolder {
            return folder + "/" + DraftStore.fileName(databaseKey: try draftDatabaseKey())
        }
        return database.path + "-drafts-" + String(SHA256.hex(identity.account).prefix(12)) + ".sqlite"
    }

    /// The account's drafts file, opened on first use. Opening it moves the user's drafts left in
    /// the shared database by versions before migration 15 into it (`moveSharedDrafts`).
    package func draftStore() throws -> DraftStore {
        if let openedDraftStore { return openedDraftStore }
        let store = try DraftStore(path: try draftStorePath())
        openedDraftStore = store
        try? moveSharedDrafts(into: store)
        return store
    }

    /// Moves the user's own rows of the shared `draft` table (kept since migration 15 for the
    /// accounts that have not opened Trinvis since) into the drafts file and deletes them there,
    /// in the shared database's write transaction: a draft is never in both places once the
    /// move committed. A row the file already has (a move cut short before) keeps the file's.
    /// Only the user's own rows: on a shared server no process can write another account's file.
    /// When the shared database is busy, the move waits for the next start.
    func moveSharedDrafts(into store: DraftStore) throws {
        let mine: [SQLValue] = [.text(actor.username)]
        guard try database.scalar("SELECT EXISTS (SELECT 1 FROM draft WHERE username = ?)", mine) == .integer(1) else { return }
        try database.waitingForLocks(atMost: .milliseconds(500)) {
            try database.transaction {
                let rows = try database.fetchAll("SELECT \(DraftStore.columns) FROM draft WHERE username = ?", mine)
                try store.database.transaction {
                    for row in rows {
                        try store.database.execute("""
                            INSERT INTO draft (\(DraftStore.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (username, window_id, form_key) DO NOTHING
                            """, row.values)
                    }
                }
                try database.execute("DELETE FROM draft WHERE username = ?", mine)
            }
        }
    }

    /// Deletes the drafts of the file whose citizen is no longer in the database (erased by an
    /// administrator, whose erasure cannot write this account's file): by the `citizen_id`
    /// column, or for a draft without one by the citizen its form key names (`…:cN`, `citizen=N`).
    private func forgetDraftsOfErasedCitizens(in store: DraftStore) throws {
        let rows = try store.database.fetchAll("SELECT form_key, citizen_id FROM draft") { row in
            (key: try row.get(0, as: String.self), citizen: try row.get(1) as Int64?)
        }
        var exists: [Int64: Bool] = [:]
        for row in rows {
            guard let citizen = row.citizen ?? Self.citizenNamed(byDraftKey: row.key) else { continue }
            if exists[citizen] == nil {
                exists[citizen] = try database.scalar("SELECT EXISTS (SELECT 1 FROM citizen WHERE id = ?)",
                                                      [.integer(citizen)]) == .integer(1)
            }
            guard exists[citizen] == false else { continue }
            try store.database.execute("DELETE FROM draft WHERE form_key = ?", [.text(row.key)])
        }
    }

    /// The citizen a draft key names (`plan:new:c12`, `milestone:4:c12:…`, `…citizen=12`), if any.
    static func citizenNamed(byDraftKey key: String) -> Int64? {
        for part in key.split(whereSeparator: { $0 == ":" || $0 == "&" }) {
            if part.hasPrefix("citizen="), let id = Int64(part.dropFirst("citizen=".count)) { return id }
            if part.hasPrefix("c"), let id = Int64(part.dropFirst()) { return id }
        }
        return nil
    }

    /// Writes (or replaces) this window's draft of a form for the current user, in the account's
    /// drafts file (never waiting for the shared database). Each write is its own committed
    /// transaction, so what is written survives `kill -9` and power loss (`synchronous=FULL`).
    /// `citizen` is the person the form is about (nil for forms about no one), so that erasing
    /// them also removes the drafts about them. `recordVersion` is the version of the record the
    /// form was opened on (nil for a new record), `basePayload` the values it was opened with.
    package func saveDraft(key: String, title: String, payload: String, citizen: CitizenID?,
                           recordVersion: Int64? = nil, basePayload: String? = nil) throws {
        let window = draftWindow
        try draftStore().database.execute("""
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
        try draftStore().database.execute("DELETE FROM draft WHERE username = ? AND window_id = ? AND form_key = ?",
                                          [.text(actor.username), .text(draftWindow.id), .text(key)])
    }

    /// Removes a draft offered by `drafts()`, of this window or of one that ended.
    package func discard(_ draft: FormDraft) throws {
        try draftStore().database.execute("DELETE FROM draft WHERE username = ? AND window_id = ? AND form_key = ?",
                                          [.text(actor.username), .text(draft.windowID), .text(draft.key)])
    }

    /// Takes over a draft of a window that ended, before its form is opened here: from now on
    /// this window writes it. False when it is gone (another window restored it first).
    package func claim(_ draft: FormDraft) throws -> Bool {
        let window = draftWindow
        let store = try draftStore()
        try store.database.execute("""
            UPDATE draft SET window_id = ?, window_host = ?, window_pid = ?, window_started = ?
            WHERE username = ? AND window_id = ? AND form_key = ?
            """, [.text(window.id), .text(window.host), .integer(Int64(window.pid)), .integer(window.started),
                  .text(actor.username), .text(draft.windowID), .text(draft.key)])
        return store.database.changes == 1
    }

    /// The current user's drafts that this window may restore, newest first: its own, and those
    /// of windows that no longer run (a window that still runs keeps its drafts to itself; see
    /// `DraftWindow.isRunning`). A draft about a citizen the user may no longer see (a consent
    /// withdrawn or expired, a handover) is left out, as is one whose form is about a category
    /// the consent does not share; it is kept, and shows again if the citizen does. A draft about
    /// a citizen who no longer exists (erased) is deleted.
    package func drafts() throws -> [FormDraft] {
        let store = try draftStore()
        try forgetDraftsOfErasedCitizens(in: store)
        let rows = try store.database.fetchAll("""
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

    /// Removes the drafts about an erased citizen from the legacy shared table and from this
    /// account's drafts file (other accounts' files forget them when they are next read, see
    /// `drafts()`): by the `citizen_id` column, by their form key (which names the citizen
    /// or one of their records) or, for a new-citizen form, by the name typed into it. `ids` are
    /// the erased rows by table. Returns how many were removed.
    func eraseDrafts(citizen: CitizenID, name: String, ids: [String: [Int64]]) throws -> Int {
        var removed = try Self.eraseDrafts(in: database, citizen: citizen, name: name, ids: ids)
        let store = try draftStore()
        try store.database.transaction {
            removed += try Self.eraseDrafts(in: store.database, citizen: citizen, name: name, ids: ids)
        }
        return removed
    }

    /// `eraseDrafts` on the `draft` table of one database.
    private static func eraseDrafts(in database: Database, citizen: CitizenID, name: String, ids: [String: [Int64]]) throws -> Int {
        var removed = 0
        try database.execute("DELETE FROM draft WHERE citizen_id = ?", [citizen.sqlValue])
        removed += database.changes
        var keys = ["citizen:\(citizen.rawValue)"]
        let suffixes = ["%:c\(citizen.rawValue)", "%:c\(citizen.rawValue):%", "%citizen=\(citizen.rawValue)",
                        "%citizen=\(citizen.rawValue):%", "%citizen=\(citizen.rawValue)&%"]
        for (table, prefix) in [("plan", "plan"), ("milestone", "milestone"), ("meeting", "meeting"), ("agreement", "agreement"),
                                ("team_member", "team"), ("consent", "consent")] {
            for local in ids[table] ?? [] { keys.append("\(prefix):\(local)") }
        }
        for local in ids["plan"] ?? [] { keys.append("milestone:new:p\(local)") }
        for local in ids["milestone"] ?? [] { keys.append("progress:new:m\(local)") }
        for local in ids["meeting"] ?? [] { keys.append("agreement:new:mt\(local)") }
        for key in keys {
            try database.execute("DELETE FROM draft WHERE form_key = ? OR form_key LIKE ?", [.text(key), .text(key + ":%")])
            removed += database.changes
        }
        for pattern in suffixes {
            try database.execute("DELETE FROM draft WHERE form_key LIKE ?", [.text(pattern)])
            removed += database.changes
        }
        // A draft that was never tied to the citizen but carries their name (a new-citizen form).
        try database.execute("DELETE FROM draft WHERE instr(title, ?1) > 0 OR instr(payload, ?1) > 0", [.text(name)])
        removed += database.changes
        return removed
    }
}
