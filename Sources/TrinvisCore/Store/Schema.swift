/// The schema's history. Released steps are never edited; changes are new steps at the end.
package enum Schema {
    /// Every step, in order.
    package static let migrator = Migrator([
        Migration("1-initial-schema", initial),
        Migration("2-default-resource-areas", insertDefaultResourceAreas),
        Migration("3-search-index", searchIndex),
        Migration("4-drafts", """
            CREATE TABLE draft (
                username TEXT NOT NULL,
                form_key TEXT NOT NULL,
                title TEXT NOT NULL,
                payload TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (username, form_key)
            ) STRICT;
            """),
        Migration("5-protection", protection),
        Migration("6-danish-name-keys", recomputeNameKeys),
        Migration("7-milestone-moves", milestoneMoves),
        Migration("8-draft-windows", draftWindows),
        Migration("9-activity-details", activityDetails),
        Migration("10-household-members", householdMembers),
        Migration("11-companies-and-companions", companiesAndCompanions),
        Migration("12-installation-ids", installationIDs),
        Migration("13-sync", sync),
        Migration("13b-sync-in", syncMapping),
        Migration("14-external-ids-by-source", externalIDsBySource),
        Migration("15-drafts-apart", draftsApart),
        Migration("16-name-trigrams", nameTrigrams),
        Migration("17-results-figures", resultsFigures),
        Migration("18-citizens-by-organisation-in-name-order", """
            CREATE INDEX citizen_by_organisation_name ON citizen (organisation_id, name_sort, id);
            DROP INDEX citizen_by_organisation;
            """),
        Migration("19-name-trigrams-in-name-order", nameGrams),
        // The summary of a citizen counts the overdue open agreements and milestones: with these
        // it reads the open ones alone, from the index, not every agreement and milestone.
        Migration("20-open-agreements-and-milestones-by-owner", """
            CREATE INDEX agreement_open_by_meeting ON agreement (meeting_id, due, done_on) WHERE done_on IS NULL;
            CREATE INDEX milestone_open_by_plan ON milestone (plan_id, deadline, status) WHERE status IN ('planned', 'in-progress', 'adjusted');
            """),
        Migration("21-search-words", searchWords),
        Migration("22-shared-citizens-version", sharedCitizensVersion),
        Migration("23-shared-citizen-changes", sharedCitizenChanges),
        // The name search under the organisation rule walks the organisation's own names holding
        // a trigram, in name order (`citizensByNameGram`), not every organisation's. Covering
        // (with `name_key`), so SQLite takes it for that walk by itself.
        Migration("24-name-trigrams-by-organisation", """
            CREATE INDEX \(nameGramByOrganisation) ON citizen_name_gram (organisation_id, gram, name_sort, citizen_id, name_key);
            """),
    ])

    /// The index of `citizen_name_gram` by organisation, trigram and name order (migration 24).
    package static let nameGramByOrganisation = "citizen_name_gram_by_organisation"

    /// A counter of the changes to what the organisation rule's list of shared citizens is read
    /// from (`Workspace+SharedCitizens.swift`): every consent, and the citizens' ids,
    /// organisations, names and archiving. Triggers move it whichever way a row is written
    /// (forms, import, sync, undo, erasure, the sqlite3 shell), inside the writing transaction,
    /// so a rollback moves it back too. The list read at one value of it is right as long as the
    /// value (and the day) stays. A meeting, a milestone or a line of the access log leave it
    /// alone, so the list is kept across them, where SQLite's `data_version` moves on every commit
    /// by anyone. A citizen inserted is shared by nobody until a consent is written for them
    /// (which moves the counter). The key is not named `id`: the table has one row and no ids
    /// to renumber.
    static let sharedCitizensVersion = """
        CREATE TABLE shared_citizens_version (
            one INTEGER PRIMARY KEY NOT NULL CHECK (one = 1),
            changes INTEGER NOT NULL
        ) STRICT;
        INSERT INTO shared_citizens_version (one, changes) VALUES (1, 0);
        \(sharedCitizensVersionTrigger("consent_insert", "AFTER INSERT ON consent"))
        \(sharedCitizensVersionTrigger("consent_update", "AFTER UPDATE ON consent"))
        \(sharedCitizensVersionTrigger("consent_delete", "AFTER DELETE ON consent"))
        \(sharedCitizensVersionTrigger("citizen_update",
                                       "AFTER UPDATE OF id, organisation_id, name_sort, name_key, archived_on ON citizen"))
        \(sharedCitizensVersionTrigger("citizen_delete", "AFTER DELETE ON citizen"))
        """

    private static func sharedCitizensVersionTrigger(_ name: String, _ event: String) -> String {
        """
        CREATE TRIGGER shared_citizens_version_\(name) \(event) BEGIN
            UPDATE shared_citizens_version SET changes = changes + 1;
        END;
        """
    }

    /// Which citizens the changes counted by `shared_citizens_version` were to: one row per
    /// citizen with the counter's value at their latest change, so that a list of shared
    /// citizens kept at an older value reads those citizens again and not all of them. An
    /// erased citizen leaves no row: a delete of a citizen (and a change of a citizen's id)
    /// notes the counter in `rebuilt` instead, and a list kept from before it is read again in
    /// full. A consent noted for a citizen who is no longer there (the cascade of an erasure) is
    /// left out for the same reason. The triggers of step 22 are replaced by ones that also note
    /// the citizen.
    static let sharedCitizenChanges = """
        ALTER TABLE shared_citizens_version ADD COLUMN rebuilt INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE shared_citizen_change (
            citizen_id INTEGER PRIMARY KEY NOT NULL,
            version INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX shared_citizen_change_by_version ON shared_citizen_change (version);
        DROP TRIGGER shared_citizens_version_consent_insert;
        DROP TRIGGER shared_citizens_version_consent_update;
        DROP TRIGGER shared_citizens_version_consent_delete;
        DROP TRIGGER shared_citizens_version_citizen_update;
        DROP TRIGGER shared_citizens_version_citizen_delete;
        CREATE TRIGGER shared_citizens_version_consent_insert AFTER INSERT ON consent BEGIN
            UPDATE shared_citizens_version SET changes = changes + 1;
            \(noteSharedCitizenChange("new.citizen_id"))
        END;
        CREATE TRIGGER shared_citizens_version_consent_update AFTER UPDATE ON consent BEGIN
            UPDATE shared_citizens_version SET changes = changes + 1;
            \(noteSharedCitizenChange("old.citizen_id"))
            \(noteSharedCitizenChange("new.citizen_id"))
        END;
        CREATE TRIGGER shared_citizens_version_consent_delete AFTER DELETE ON consent BEGIN
            UPDATE shared_citizens_version SET changes = changes + 1;
            \(noteSharedCitizenChange("old.citizen_id"))
        END;
        CREATE TRIGGER shared_citizens_version_citizen_update
            AFTER UPDATE OF id, organisation_id, name_sort, name_key, archived_on ON citizen BEGIN
            UPDATE shared_citizens_version SET changes = changes + 1;
            UPDATE shared_citizens_version SET rebuilt = changes WHERE old.id IS NOT new.id;
            \(noteSharedCitizenChange("old.id"))
            \(noteSharedCitizenChange("new.id"))
        END;
        CREATE TRIGGER shared_citizens_version_citizen_delete AFTER DELETE ON citizen BEGIN
            UPDATE shared_citizens_version SET changes = changes + 1, rebuilt = changes + 1;
            DELETE FROM shared_citizen_change WHERE citizen_id = old.id;
        END;
        """

    /// The statement of a trigger that notes a change to the citizen `citizen` (an expression
    /// of the trigger's row) at the counter's value, when the citizen exists.
    private static func noteSharedCitizenChange(_ citizen: String) -> String {
        """
        INSERT INTO shared_citizen_change (citizen_id, version)
                SELECT \(citizen), changes FROM shared_citizens_version WHERE EXISTS (SELECT 1 FROM citizen WHERE id = \(citizen))
                ON CONFLICT (citizen_id) DO UPDATE SET version = excluded.version;
        """
    }

    /// An index of every citizen's folded name (`name_key`) by its trigrams, so that a search
    /// for a piece of a name ("ørg" in "Jørgensen") looks the citizens up instead of reading
    /// every name. The FTS5 rowid is the citizen's id; the triggers keep it equal to the table
    /// whichever way a name is written (forms, import, sync, erasure, the sqlite3 shell). Case is
    /// kept (`case_sensitive 1`): the key is folded already, as the search text is.
    static let nameTrigrams = """
        CREATE VIRTUAL TABLE citizen_name USING fts5(name_key, tokenize = 'trigram case_sensitive 1');
        INSERT INTO citizen_name (rowid, name_key) SELECT id, name_key FROM citizen;
        CREATE TRIGGER citizen_name_insert AFTER INSERT ON citizen BEGIN
            INSERT INTO citizen_name (rowid, name_key) VALUES (new.id, new.name_key);
        END;
        CREATE TRIGGER citizen_name_update AFTER UPDATE OF id, name_key ON citizen BEGIN
            DELETE FROM citizen_name WHERE rowid = old.id;
            INSERT INTO citizen_name (rowid, name_key) VALUES (new.id, new.name_key);
        END;
        CREATE TRIGGER citizen_name_delete AFTER DELETE ON citizen BEGIN
            DELETE FROM citizen_name WHERE rowid = old.id;
        END;
        """

    /// The table of `nameGrams`.
    package static let nameGramTable = "citizen_name_gram"

    /// Every three letters of every citizen's folded name (`name_key`), one row per citizen and
    /// trigram in the order of the citizen list (`name_sort`, id), with the name and the
    /// organisation beside them. The name search walks the citizens holding one trigram of the
    /// word typed in name order and stops when its page is full, instead of reading all of them
    /// and sorting (`citizensNamed`). Trigrams with a space are left out: no word typed holds
    /// one. Triggers keep the table equal to `citizen`, as they keep `citizen_name`.
    static let nameGrams = """
        CREATE TABLE citizen_name_gram (
            gram TEXT NOT NULL,
            name_sort TEXT NOT NULL,
            citizen_id INTEGER NOT NULL,
            name_key TEXT NOT NULL,
            organisation_id INTEGER,
            PRIMARY KEY (gram, name_sort, citizen_id)
        ) STRICT, WITHOUT ROWID;
        \(nameGramFill(where: "1 = 1"));
        CREATE TRIGGER \(nameGramInsertTrigger) AFTER INSERT ON citizen BEGIN
            \(nameGramInsert) \(nameGramRows(of: "new")) FROM \(nameGramPositions(of: "new"));
        END;
        CREATE TRIGGER citizen_name_gram_update AFTER UPDATE OF id, name_key, name_sort, organisation_id ON citizen BEGIN
            \(nameGramDeleteOfOld);
            \(nameGramInsert) \(nameGramRows(of: "new")) FROM \(nameGramPositions(of: "new"));
        END;
        CREATE TRIGGER citizen_name_gram_delete AFTER DELETE ON citizen BEGIN
            \(nameGramDeleteOfOld);
        END;
        """

    /// The start of every statement that writes rows of `nameGrams`.
    private static let nameGramInsert =
        "INSERT OR IGNORE INTO citizen_name_gram (gram, name_sort, citizen_id, name_key, organisation_id)"

    /// Removes the rows of `nameGrams` of the citizen row `old` (in a trigger), each by its key.
    private static let nameGramDeleteOfOld = """
        DELETE FROM citizen_name_gram WHERE citizen_id = old.id AND name_sort = old.name_sort
            AND gram IN (SELECT substr(old.name_key, p.key + 1, 3) FROM \(nameGramPositions(of: "old")))
        """

    /// The trigger of `nameGrams` that writes a new citizen's trigrams.
    static let nameGramInsertTrigger = "citizen_name_gram_insert"

    /// Writes the trigrams of the citizens (`c`) that `condition` chooses, in the table's order.
    static func nameGramFill(where condition: String) -> String {
        "\(nameGramInsert) \(nameGramsOfCitizens(where: condition)) ORDER BY 1, 2, 3"
    }

    /// The rows `citizen_name_gram` must have for the citizens (`c`) that `condition` chooses.
    private static func nameGramsOfCitizens(where condition: String) -> String {
        "\(nameGramRows(of: "c")) FROM citizen c, \(nameGramPositions(of: "c")) AND \(condition)"
    }

    /// How many rows of `citizen_name_gram` are missing or should not be there, against the
    /// citizens' names (`trinvis check --full`, on a file of the current schema).
    static func nameGramDifferences(in database: Database) throws -> Int {
        let kept = "SELECT gram, name_sort, citizen_id, name_key, organisation_id FROM \(nameGramTable)"
        let wanted = nameGramsOfCitizens(where: "1 = 1")
        return Int(sqlValue: try database.scalar("""
            SELECT (SELECT count(*) FROM (\(kept) EXCEPT \(wanted))) + (SELECT count(*) FROM (\(wanted) EXCEPT \(kept)))
            """)) ?? 0
    }

    /// The rows of `nameGrams` for the citizen row `row`, one per position `p.key` of
    /// `nameGramPositions`.
    private static func nameGramRows(of row: String) -> String {
        "SELECT substr(\(row).name_key, p.key + 1, 3), \(row).name_sort, \(row).id, \(row).name_key, \(row).organisation_id"
    }

    /// Each position `p.key` (from 0) where a trigram of `row.name_key` without a space starts.
    /// A trigger cannot hold a recursive query, so the positions are the keys of a JSON array of
    /// as many zeros as the name has characters: `hex(zeroblob(n))` is n times `00`, made into
    /// `[0,0,…]`.
    private static func nameGramPositions(of row: String) -> String {
        """
        json_each('[' || rtrim(replace(hex(zeroblob(length(\(row).name_key))), '00', '0,'), ',') || ']') p \
        WHERE p.key <= length(\(row).name_key) - 3 AND instr(substr(\(row).name_key, p.key + 1, 3), ' ') = 0
        """
    }

    /// The results report's figures per citizen (`CitizenFigures`), filled for the records
    /// already there.
    static func resultsFigures(_ database: Database) throws {
        try database.executeScript(CitizenFigures.schema)
        try CitizenFigures.refreshAll(in: database)
    }

    /// Sync export: the organisation of this installation that exports to each peer (set by
    /// the first export), so that one peer's shared state is never computed for two
    /// organisations in turn (which would erase the first one's citizens at the peer).
    static let sync = """
        ALTER TABLE sync_peer ADD COLUMN from_organisation_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT;
        """

    /// What a sync import learned of a peer's organisations and professionals: the local id
    /// of each remote one it matched (same name and kind; same user name, or name and
    /// organisation) or added, so that ids in later files are translated the same way.
    static let syncMapping = """
        CREATE TABLE sync_mapping (
            peer_installation TEXT NOT NULL,
            table_name TEXT NOT NULL CHECK (table_name IN ('organisation', 'professional')),
            remote_id INTEGER NOT NULL,
            local_id INTEGER NOT NULL,
            PRIMARY KEY (peer_installation, table_name, remote_id)
        ) STRICT, WITHOUT ROWID;
        """

    /// The ids of imported documents are remembered per source installation (the document's
    /// `x-installation`; '' for a document without one, and for every id remembered before this
    /// step), so that two installations that both use `c1` do not meet in one record.
    static let externalIDsBySource = """
        CREATE TABLE external_id_by_source (
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            external TEXT NOT NULL,
            local_id INTEGER NOT NULL,
            PRIMARY KEY (source, kind, external)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO external_id_by_source (source, kind, external, local_id)
            SELECT '', kind, external, local_id FROM external_id;
        DROP TABLE external_id;
        ALTER TABLE external_id_by_source RENAME TO external_id;
        CREATE INDEX external_id_by_local ON external_id (kind, local_id);
        """

    /// Drafts live apart, in a file per account (`DraftStore`), so that typing never waits for
    /// the shared database's write lock. The shared `draft` table stays, for the rows of the
    /// accounts that have not opened Trinvis since: each moves its own on its next start
    /// (`Workspace.moveSharedDrafts`); nothing writes new rows into it.
    static let draftsApart = """
        CREATE TRIGGER draft_lives_apart BEFORE INSERT ON draft
        BEGIN
            SELECT RAISE(ABORT, 'drafts are kept in each account''s drafts file since migration 15-drafts-apart');
        END;
        """

    /// An activity's start time and place, the professionals who run it (`activity_runner`), and
    /// which participants came (`attended`). A participant recorded before this step took part
    /// (that is what the row meant), so existing rows count as attended.
    static let activityDetails = """
        ALTER TABLE activity ADD COLUMN start_time TEXT
            CHECK (start_time IS NULL OR (length(start_time) = 5 AND time(start_time) IS start_time || ':00'));
        ALTER TABLE activity ADD COLUMN place TEXT NOT NULL DEFAULT '';
        ALTER TABLE activity_participant ADD COLUMN attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1));
        UPDATE activity_participant SET attended = 1;
        CREATE TABLE activity_runner (
            activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
            professional_id INTEGER NOT NULL REFERENCES professional (id) ON DELETE RESTRICT,
            position INTEGER NOT NULL,
            PRIMARY KEY (activity_id, professional_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX activity_runner_by_professional ON activity_runner (professional_id);
        """

    /// Households with members: each citizen's place in the household, and the members present
    /// at a meeting with the household (the meeting shows in each one's history).
    static let householdMembers = """
        ALTER TABLE citizen ADD COLUMN household_relation TEXT
            CHECK (household_relation IN ('parent', 'child', 'partner', 'other'));
        CREATE TABLE meeting_member (
            meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            PRIMARY KEY (meeting_id, citizen_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX meeting_member_by_citizen ON meeting_member (citizen_id);
        """

    /// The company register and companion meetings: a company (an organisation of kind
    /// `company`) gets its trade, contact person, phone, e-mail and notes; a placement what came
    /// of it; a companion meeting (the professional went along as bisidder) the authority, whom
    /// the citizen met, the purpose, what came of it and the professional who went along.
    static let companiesAndCompanions = """
        ALTER TABLE organisation ADD COLUMN trade TEXT NOT NULL DEFAULT '';
        ALTER TABLE organisation ADD COLUMN contact_person TEXT NOT NULL DEFAULT '';
        ALTER TABLE organisation ADD COLUMN phone TEXT;
        ALTER TABLE organisation ADD COLUMN email TEXT;
        ALTER TABLE organisation ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        ALTER TABLE placement ADD COLUMN note TEXT NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN companion_authority TEXT NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN companion_with TEXT NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN companion_purpose TEXT NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN companion_result TEXT NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN companion_id INTEGER REFERENCES professional (id) ON DELETE RESTRICT;
        CREATE INDEX meeting_by_companion ON meeting (companion_id, at_utc) WHERE companion_id IS NOT NULL;
        CREATE INDEX organisation_by_kind ON organisation (kind, name, id);
        """

    /// The columns of a draft row (the shared table of migration 8, and the drafts file's).
    static let draftColumns = """
            username TEXT NOT NULL,
            window_id TEXT NOT NULL DEFAULT '',
            form_key TEXT NOT NULL,
            title TEXT NOT NULL,
            payload TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            citizen_id INTEGER,
            window_host TEXT NOT NULL DEFAULT '',
            window_pid INTEGER NOT NULL DEFAULT 0,
            window_started INTEGER NOT NULL DEFAULT 0,
            record_version INTEGER,
            base_payload TEXT,
            PRIMARY KEY (username, window_id, form_key)
        """

    /// Drafts per window: the key gains the window that wrote the draft (so two windows of one
    /// user keep both), with what tells whether that window still runs (host, process id and
    /// the process's start time), and the version of the record and the values the form was
    /// opened with (so that a draft restored over a record changed since opens the conflict).
    /// Drafts written before (and rows written without a window) have the empty window, which no
    /// running window has: they are offered.
    static let draftWindows = """
        CREATE TABLE draft_by_window (
        \(draftColumns)
        ) STRICT;
        INSERT INTO draft_by_window (username, form_key, title, payload, updated_at, citizen_id)
            SELECT username, form_key, title, payload, updated_at, citizen_id FROM draft;
        DROP TABLE draft;
        ALTER TABLE draft_by_window RENAME TO draft;
        CREATE INDEX draft_by_citizen ON draft (citizen_id) WHERE citizen_id IS NOT NULL;
        """

    /// A milestone's deadline history: every change of a deadline, by any path (a form, an
    /// import), is kept by a trigger with who moved it and when.
    static let milestoneMoves = """
        CREATE TABLE milestone_move (
            id INTEGER PRIMARY KEY,
            milestone_id INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
            from_deadline TEXT NOT NULL \(isDate("from_deadline")),
            to_deadline TEXT NOT NULL \(isDate("to_deadline")),
            moved_at INTEGER NOT NULL,
            moved_by TEXT NOT NULL
        ) STRICT;
        CREATE INDEX milestone_move_by_milestone ON milestone_move (milestone_id, id);
        CREATE TRIGGER milestone_deadline_moved AFTER UPDATE OF deadline ON milestone
            WHEN old.deadline IS NOT new.deadline
        BEGIN
            INSERT INTO milestone_move (milestone_id, from_deadline, to_deadline, moved_at, moved_by)
            VALUES (new.id, old.deadline, new.deadline, new.updated_at, new.updated_by);
        END;
        """

    /// The name keys again, since `aa` folds to `å` (so "aalund" finds Ålund and Aalborg sorts
    /// with Ålborg).
    static func recomputeNameKeys(_ database: Database) throws {
        let names = try database.fetchAll("SELECT id, name FROM citizen") { row in
            (try row.get(0) as Int64, try row.get(1) as String)
        }
        for (id, name) in names {
            try database.execute("UPDATE citizen SET name_key = ?, name_sort = ? WHERE id = ?",
                                 [.text(TextNormalization.searchKey(name)), .text(TextNormalization.sortKey(name)), .integer(id)])
        }
    }

    /// Identity, consent categories, the access log, archiving, the CPR setting and what was
    /// printed for whom (for erasure).
    static let protection = """
        CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT;

        ALTER TABLE consent ADD COLUMN categories TEXT NOT NULL DEFAULT 'contact,plan,meetings,profile,results'
            CHECK (categories <> '');
        ALTER TABLE organisation ADD COLUMN holds_cpr INTEGER NOT NULL DEFAULT 1 CHECK (holds_cpr IN (0, 1));
        UPDATE organisation SET holds_cpr = 0 WHERE kind = 'drop-in-centre';
        ALTER TABLE citizen ADD COLUMN archived_on TEXT \(isDate("archived_on"));
        ALTER TABLE draft ADD COLUMN citizen_id INTEGER;
        CREATE INDEX draft_by_citizen ON draft (citizen_id) WHERE citizen_id IS NOT NULL;

        CREATE TABLE printed_file (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL,
            path TEXT NOT NULL,
            account TEXT NOT NULL,
            printed_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX printed_file_by_citizen ON printed_file (citizen_id);

        CREATE TABLE citizen_link (
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            note TEXT NOT NULL DEFAULT '',
            linked_at INTEGER NOT NULL,
            linked_by TEXT NOT NULL,
            PRIMARY KEY (citizen_id, other_id),
            CHECK (citizen_id < other_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE access_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            account TEXT NOT NULL,
            acting_as TEXT,
            organisation_id INTEGER,
            action TEXT NOT NULL CHECK (action IN ('view', 'search', 'export', 'print', 'change', 'delete', 'erase',
                'reveal-cpr', 'admin', 'prune')),
            citizen_id INTEGER,
            detail TEXT NOT NULL DEFAULT '',
            chain TEXT NOT NULL CHECK (chain IN ('lookup', 'change')),
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;
        CREATE INDEX access_log_by_citizen ON access_log (citizen_id, at) WHERE citizen_id IS NOT NULL;
        CREATE INDEX access_log_by_account ON access_log (account, citizen_id, action, at);
        CREATE INDEX access_log_by_chain ON access_log (chain, id);
        CREATE INDEX access_log_by_time ON access_log (at);

        -- Pruning is the only removal: it names the entries it may remove here, in its own
        -- transaction, and takes the permission away again before it commits.
        CREATE TABLE access_log_pruning (up_to_id INTEGER NOT NULL, chain TEXT NOT NULL, before INTEGER NOT NULL) STRICT;
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN
            SELECT RAISE(ABORT, 'access_log is append-only');
        END;
        CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
            WHEN NOT EXISTS (SELECT 1 FROM access_log_pruning p
                             WHERE old.id <= p.up_to_id AND old.chain = p.chain AND old.at < p.before)
        BEGIN
            SELECT RAISE(ABORT, 'access_log is append-only');
        END;
        """

    private static let audit = """
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
        """

    /// A `CHECK` that a column holds a valid `YYYY-MM-DD` date (or NULL).
    private static func isDate(_ column: String) -> String {
        "CHECK (\(column) IS NULL OR (length(\(column)) = 10 AND date(\(column)) IS \(column)))"
    }

    static let initial = """
        CREATE TABLE organisation (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('municipality', 'drop-in-centre', 'company', 'other')),
            \(audit)
        ) STRICT;
        CREATE INDEX organisation_by_name ON organisation (name, id);

        CREATE TABLE professional (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            role TEXT NOT NULL CHECK (role IN ('caseworker', 'job-consultant', 'addiction-counsellor',
                'support-contact', 'drop-in-counselor', 'mentor', 'administrator', 'other')),
            organisation_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
            username TEXT UNIQUE,
            email TEXT,
            phone TEXT,
            \(audit)
        ) STRICT;
        CREATE INDEX professional_by_name ON professional (name, id);
        CREATE INDEX professional_by_organisation ON professional (organisation_id);

        CREATE TABLE household (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            \(audit)
        ) STRICT;
        CREATE INDEX household_by_name ON household (name, id);

        CREATE TABLE citizen (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            name_key TEXT NOT NULL,
            name_sort TEXT NOT NULL,
            cpr TEXT CHECK (cpr IS NULL OR (length(cpr) = 10 AND cpr NOT GLOB '*[^0-9]*')),
            birth_date TEXT \(isDate("birth_date")),
            phone TEXT,
            email TEXT,
            contact_preference TEXT NOT NULL DEFAULT 'meeting'
                CHECK (contact_preference IN ('meeting', 'phone', 'email', 'sms')),
            household_id INTEGER REFERENCES household (id) ON DELETE SET NULL,
            life TEXT NOT NULL DEFAULT '',
            registered_on TEXT NOT NULL \(isDate("registered_on")),
            organisation_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
            meeting_interval_days INTEGER NOT NULL DEFAULT 14 CHECK (meeting_interval_days BETWEEN 1 AND 365),
            \(audit)
        ) STRICT;
        CREATE INDEX citizen_by_name ON citizen (name_sort, id);
        CREATE INDEX citizen_by_name_key ON citizen (name_key);
        CREATE INDEX citizen_by_cpr ON citizen (cpr) WHERE cpr IS NOT NULL;
        CREATE INDEX citizen_by_organisation ON citizen (organisation_id);
        CREATE INDEX citizen_by_household ON citizen (household_id) WHERE household_id IS NOT NULL;

        CREATE TABLE team_member (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            professional_id INTEGER NOT NULL REFERENCES professional (id) ON DELETE RESTRICT,
            responsible INTEGER NOT NULL DEFAULT 0 CHECK (responsible IN (0, 1)),
            from_date TEXT NOT NULL \(isDate("from_date")),
            to_date TEXT \(isDate("to_date")),
            \(audit),
            CHECK (to_date IS NULL OR to_date >= from_date)
        ) STRICT;
        CREATE INDEX team_member_by_citizen ON team_member (citizen_id, id);
        CREATE INDEX team_member_by_professional ON team_member (professional_id, citizen_id);

        CREATE TABLE consent (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            scope TEXT NOT NULL CHECK (scope IN ('share-between-organisations', 'contact-by-email', 'contact-by-sms')),
            recipient_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
            information TEXT NOT NULL DEFAULT '',
            purpose TEXT NOT NULL DEFAULT '',
            given_on TEXT NOT NULL \(isDate("given_on")),
            expires_on TEXT \(isDate("expires_on")),
            withdrawn_on TEXT \(isDate("withdrawn_on")),
            note TEXT NOT NULL DEFAULT '',
            \(audit)
        ) STRICT;
        CREATE INDEX consent_by_citizen ON consent (citizen_id, id);
        CREATE INDEX consent_by_recipient ON consent (recipient_id) WHERE recipient_id IS NOT NULL;

        CREATE TABLE resource_area (
            key TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),
            position INTEGER NOT NULL,
            label_en TEXT NOT NULL,
            label_da TEXT NOT NULL
        ) STRICT;

        CREATE TABLE resource (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            area TEXT NOT NULL REFERENCES resource_area (key) ON UPDATE CASCADE ON DELETE RESTRICT,
            text TEXT NOT NULL DEFAULT '',
            updated_on TEXT NOT NULL \(isDate("updated_on")),
            \(audit),
            UNIQUE (citizen_id, area)
        ) STRICT;

        CREATE TABLE vision (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL UNIQUE REFERENCES citizen (id) ON DELETE CASCADE,
            family TEXT NOT NULL DEFAULT '',
            work TEXT NOT NULL DEFAULT '',
            housing TEXT NOT NULL DEFAULT '',
            other TEXT NOT NULL DEFAULT '',
            \(audit)
        ) STRICT;

        CREATE TABLE plan (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            goal TEXT NOT NULL CHECK (goal <> ''),
            purpose TEXT NOT NULL DEFAULT '',
            effort TEXT NOT NULL DEFAULT '',
            start_date TEXT NOT NULL \(isDate("start_date")),
            end_date TEXT \(isDate("end_date")),
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'ended')),
            \(audit),
            CHECK (end_date IS NULL OR end_date >= start_date)
        ) STRICT;
        CREATE INDEX plan_by_citizen ON plan (citizen_id, start_date, id);

        CREATE TABLE milestone (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
            title TEXT NOT NULL CHECK (title <> ''),
            deadline TEXT NOT NULL \(isDate("deadline")),
            stepping_stone INTEGER NOT NULL DEFAULT 0 CHECK (stepping_stone IN (0, 1)),
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'in-progress', 'achieved', 'adjusted', 'dropped')),
            achieved_on TEXT \(isDate("achieved_on")),
            \(audit)
        ) STRICT;
        CREATE INDEX milestone_by_plan ON milestone (plan_id, deadline, id);
        CREATE INDEX milestone_by_deadline ON milestone (deadline) WHERE status IN ('planned', 'in-progress', 'adjusted');

        CREATE TABLE progress_note (
            id INTEGER PRIMARY KEY,
            milestone_id INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
            date TEXT NOT NULL \(isDate("date")),
            note TEXT NOT NULL CHECK (note <> ''),
            author_id INTEGER REFERENCES professional (id) ON DELETE RESTRICT,
            \(audit)
        ) STRICT;
        CREATE INDEX progress_note_by_milestone ON progress_note (milestone_id, date, id);

        CREATE TABLE meeting (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            at_utc INTEGER NOT NULL,
            at_offset INTEGER NOT NULL CHECK (at_offset BETWEEN -1439 AND 1439),
            kind TEXT NOT NULL DEFAULT 'conversation'
                CHECK (kind IN ('conversation', 'phone', 'email', 'home-visit', 'drop-in', 'companion')),
            place TEXT NOT NULL DEFAULT '',
            attendance TEXT NOT NULL DEFAULT 'attended' CHECK (attendance IN ('attended', 'excused', 'no-show')),
            author_id INTEGER REFERENCES professional (id) ON DELETE RESTRICT,
            notes TEXT NOT NULL DEFAULT '',
            next_utc INTEGER,
            next_offset INTEGER CHECK (next_offset IS NULL OR next_offset BETWEEN -1439 AND 1439),
            \(audit)
        ) STRICT;
        CREATE INDEX meeting_by_citizen ON meeting (citizen_id, at_utc, id);
        CREATE INDEX meeting_by_next ON meeting (next_utc) WHERE next_utc IS NOT NULL;

        CREATE TABLE meeting_attendee (
            meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
            professional_id INTEGER NOT NULL REFERENCES professional (id) ON DELETE RESTRICT,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (meeting_id, professional_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX meeting_attendee_by_professional ON meeting_attendee (professional_id);

        CREATE TABLE agreement (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (text <> ''),
            responsible_id INTEGER REFERENCES professional (id) ON DELETE RESTRICT,
            due TEXT \(isDate("due")),
            done_on TEXT \(isDate("done_on")),
            \(audit)
        ) STRICT;
        CREATE INDEX agreement_by_meeting ON agreement (meeting_id, id);
        CREATE INDEX agreement_open_by_due ON agreement (due) WHERE done_on IS NULL;

        CREATE TABLE assessment (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            date TEXT NOT NULL \(isDate("date")),
            author_id INTEGER REFERENCES professional (id) ON DELETE RESTRICT,
            \(audit)
        ) STRICT;
        CREATE INDEX assessment_by_citizen ON assessment (citizen_id, date, id);

        CREATE TABLE assessment_score (
            assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
            dimension TEXT NOT NULL CHECK (dimension IN ('quality-of-life', 'self-esteem', 'relation-to-system',
                'social-network', 'health', 'housing', 'finances', 'work-readiness')),
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
            PRIMARY KEY (assessment_id, dimension)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE outcome (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            date TEXT NOT NULL \(isDate("date")),
            kind TEXT NOT NULL CHECK (kind IN ('own-housing', 'job-ordinary', 'job-special-terms', 'job-wage-subsidy',
                'flex-job', 'education', 'self-supporting', 'reduced-support', 'support-ended',
                'treatment-started', 'other')),
            note TEXT NOT NULL DEFAULT '',
            \(audit)
        ) STRICT;
        CREATE INDEX outcome_by_citizen ON outcome (citizen_id, date, id);
        CREATE INDEX outcome_by_date ON outcome (date);

        CREATE TABLE placement (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
            kind TEXT NOT NULL CHECK (kind IN ('internship', 'wage-subsidy', 'mentor', 'flex-job', 'other')),
            from_date TEXT NOT NULL \(isDate("from_date")),
            to_date TEXT \(isDate("to_date")),
            result TEXT NOT NULL DEFAULT 'ongoing' CHECK (result IN ('ongoing', 'completed', 'hired', 'stopped')),
            \(audit),
            CHECK (to_date IS NULL OR to_date >= from_date)
        ) STRICT;
        CREATE INDEX placement_by_citizen ON placement (citizen_id, from_date, id);
        CREATE INDEX placement_by_company ON placement (company_id, from_date);

        CREATE TABLE activity (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (title <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('course', 'exercise', 'health', 'trip', 'social', 'other')),
            date TEXT NOT NULL \(isDate("date")),
            organisation_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
            \(audit)
        ) STRICT;
        CREATE INDEX activity_by_date ON activity (date, id);

        CREATE TABLE activity_participant (
            activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            PRIMARY KEY (activity_id, citizen_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX activity_participant_by_citizen ON activity_participant (citizen_id);

        CREATE TABLE story (
            id INTEGER PRIMARY KEY,
            citizen_id INTEGER NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
            date TEXT NOT NULL \(isDate("date")),
            title TEXT NOT NULL CHECK (title <> ''),
            text TEXT NOT NULL DEFAULT '',
            author_id INTEGER REFERENCES professional (id) ON DELETE RESTRICT,
            \(audit)
        ) STRICT;
        CREATE INDEX story_by_citizen ON story (citizen_id, date, id);

        CREATE TABLE external_id (
            kind TEXT NOT NULL,
            external TEXT NOT NULL,
            local_id INTEGER NOT NULL,
            PRIMARY KEY (kind, external)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX external_id_by_local ON external_id (kind, local_id);
        """

    /// The full-text index over what is written about a citizen: meeting notes, agreements,
    /// progress notes, change stories and the whole-person text. Triggers keep it current, so
    /// every way of writing (screens, import, the sqlite3 shell) updates it. The FTS rowid is
    /// `source id * 8 + source kind` so that a change finds its index row without a scan.
    /// Tokens fold case for every script but keep accents: `æ` finds `Æ`, `å` is not `a`.
    static let searchIndex = """
        CREATE VIRTUAL TABLE search_text USING fts5(
            body, citizen_id UNINDEXED, source UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        \(searchSources.map { $0.fill + "\n" + $0.triggers }.joined(separator: "\n"))
        """

    /// What the full-text index is made from: one row per source kind.
    static let searchSources = [
        SearchSource(table: "meeting", kind: 1, source: "meeting", body: "new.notes", citizen: "new.citizen_id",
                     watched: "notes, citizen_id"),
        SearchSource(table: "agreement", kind: 2, source: "agreement", body: "new.text",
                     citizen: "(SELECT citizen_id FROM meeting WHERE id = new.meeting_id)", watched: "text, meeting_id"),
        SearchSource(table: "progress_note", kind: 3, source: "progress", body: "new.note",
                     citizen: "(SELECT p.citizen_id FROM milestone m JOIN plan p ON p.id = m.plan_id WHERE m.id = new.milestone_id)",
                     watched: "note, milestone_id"),
        SearchSource(table: "story", kind: 4, source: "story", body: "new.title || char(10) || new.text",
                     citizen: "new.citizen_id", watched: "title, text, citizen_id"),
        SearchSource(table: "citizen", kind: 5, source: "life", body: "new.life", citizen: "new.id", watched: "life"),
    ]

    /// A table whose text the full-text index holds, with the statement that fills the index
    /// from it and the triggers that keep the index current.
    struct SearchSource {
        let table: String, kind: Int, source: String, body: String, citizen: String, watched: String

        var insert: String {
            """
            INSERT INTO search_text (rowid, body, citizen_id, source)
                SELECT new.id * 8 + \(kind), \(body), \(citizen), '\(source)' WHERE \(body) <> '';
            """
        }

        /// Fills the index with the table's rows.
        var fill: String {
            """
            INSERT INTO search_text (rowid, body, citizen_id, source)
                SELECT id * 8 + \(kind), \(body.replacingOccurrences(of: "new.", with: "")),
                       \(citizen.replacingOccurrences(of: "new.", with: "\(table).")), '\(source)'
                FROM \(table) WHERE \(body.replacingOccurrences(of: "new.", with: "")) <> '';
            """
        }

        /// The trigger that indexes a new row.
        var insertTrigger: String { "\(table)_search_insert" }

        /// Indexes the rows with an id from `?1` through `?2` that the index does not hold yet,
        /// as the insert trigger would have (`Workspace.indexingSearchTextAtEnd`).
        var fillRange: String {
            "INSERT INTO search_text (rowid, body, citizen_id, source)\n"
                + rowsOfRange(then: ", \(citizen.replacingOccurrences(of: "new.", with: "\(table).")), '\(source)'")
        }

        /// Writes the texts `fillRange` indexes into `search_text_scratch`, so that their words
        /// are counted (`Schema.scratchWordsIn`) before `fillRange` indexes them.
        var fillRangeScratch: String {
            "INSERT INTO search_text_scratch (rowid, body)\n" + rowsOfRange(then: "")
        }

        /// The rows with an id from `?1` through `?2` the index does not hold yet: their index
        /// rowid and text, then the `columns` given.
        private func rowsOfRange(then columns: String) -> String {
            let body = body.replacingOccurrences(of: "new.", with: "")
            return """
                SELECT id * 8 + \(kind), \(body)\(columns)
                FROM \(table) WHERE id BETWEEN ?1 AND ?2 AND \(body) <> ''
                    AND NOT EXISTS (SELECT 1 FROM search_text WHERE search_text.rowid = \(table).id * 8 + \(kind))
                """
        }

        /// Keeps the index current as rows are written.
        var triggers: String {
            """
            CREATE TRIGGER \(table)_search_insert AFTER INSERT ON \(table) BEGIN
                \(insert)
            END;
            CREATE TRIGGER \(table)_search_update AFTER UPDATE OF \(watched) ON \(table) BEGIN
                DELETE FROM search_text WHERE rowid = old.id * 8 + \(kind);
                \(insert)
            END;
            CREATE TRIGGER \(table)_search_delete AFTER DELETE ON \(table) BEGIN
                DELETE FROM search_text WHERE rowid = old.id * 8 + \(kind);
            END;
            """
        }
    }

    static func insertDefaultResourceAreas(_ database: Database) throws {
        for (position, area) in ResourceArea.defaults.enumerated() {
            try database.execute("INSERT INTO resource_area (key, position, label_en, label_da) VALUES (?, ?, ?, ?)",
                                 [.text(area.key), .integer(Int64(position + 1)), .text(area.english), .text(area.danish)])
        }
    }
}
