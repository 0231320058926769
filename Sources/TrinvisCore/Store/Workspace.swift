/// The one place through which Trinvis reads and writes records. It knows who is asking
/// (`actor`) and applies the access rule (`policy`) to every citizen and every record that
/// belongs to one; it stamps every change with the user and time and checks versions so that
/// no one overwrites a change they have not seen.
package final class Workspace {
    /// The connection. Code outside the core reads through `Workspace`, not through this.
    package let database: Database
    /// Who runs Trinvis, as the operating system says.
    package let identity: Identity
    /// Who is asking.
    package private(set) var actor: Actor
    /// The access rule given by tests; nil means the rule follows from the actor.
    let fixedPolicy: AccessPolicy?
    /// The current time; replaceable so that tests and demo data can fix "now".
    package var clock: () -> Timestamp
    /// Look-ups and searches noted but not yet written to the access log.
    var pendingLog = PendingAccessLog()
    /// While `loggingChangesPerCitizen` runs: the records created and updated per citizen.
    var changeTally: ChangeTally?
    /// The window whose drafts this workspace writes (this process's, unless a test says otherwise).
    package var draftWindow = DraftWindow.current
    /// The folder of this account's drafts files (the user's data folder; see `DraftStore`);
    /// nil: a file beside the database (tests, the benchmark).
    package var draftsFolder: String? {
        didSet { openedDraftStore = nil }
    }
    /// The drafts file, once opened (`draftStore()`).
    var openedDraftStore: DraftStore?
    /// True while a new database is being filled by the account that created it (demo data, a
    /// first import): it administers the file until it is registered.
    private var bootstrapping = false
    /// The site number, read once.
    private var cachedSite: Int64?
    /// Called by `syncExport` between working out the changeset and taking the write lock (for
    /// tests that change the shared state at that moment).
    package var syncExportPrepared: (() -> Void)?
    /// How many citizens the trigram index of the names may find for a name search to read
    /// and sort them; with more, the names are read in name order instead (`citizensNamed`).
    /// Either way finds the same citizens; tests set it low or high to take each way. Nil: the
    /// square root of (the page × the citizens in the file), at least 500, where reading and
    /// sorting the candidates costs about what reading names in order until the page is full does.
    package var nameSearchCandidateLimit: Int?
    /// How many index rows the name search's walk in name order may read
    /// (`citizensByNameGram`); nil: `defaultNameGramBudget`, 0: no walk. Tests set it to take
    /// each way.
    package var nameGramBudget: Int?
    /// How many whole words of the index the last word typed in a search may stand for
    /// (`textMatchExpression`); nil: `defaultPrefixWordLimit`, 0: the prefix is always given
    /// to FTS5 as a prefix. Tests set it to take each way.
    package var prefixWordLimit: Int?
    /// The number of citizens in the file, counted once (for `nameSearchCandidateLimit`).
    var countedCitizens: Int?
    /// The citizens of other organisations shared with the actor's, in name order, with the
    /// stamp they were read at (`sharedCitizens()`).
    var knownSharedCitizens: SharedCitizens?

    /// The access rule: administrators see everything (and are logged like everyone), everyone
    /// else sees by organisation and consent.
    package var policy: AccessPolicy {
        if let fixedPolicy { return fixedPolicy }
        return actor.isAdministrator ? .unrestricted : .organisation
    }

    /// Opens the database at `path` (creating it if new) for the person the operating system
    /// says runs Trinvis. A new database registers that account as its first administrator
    /// (unless `registerFirstAdministrator` is false: demo data registers its own people).
    /// Throws `IdentityError` when the account is no registered professional, or when it asks to
    /// act as someone else without being an administrator on a database that is no demo.
    /// `mode` is how the file is opened; `migrating` false (always so for `.readOnly`) applies no
    /// migrations and writes nothing while opening (see `prepareSchema`).
    package convenience init(path: String, identity: Identity, registerFirstAdministrator: Bool = true,
                             mode: Database.OpenMode = .create, migrating: Bool = true,
                             clock: @escaping () -> Timestamp = Timestamp.now) throws {
        try self.init(database: Database(path: path, mode: mode), identity: identity,
                      registerFirstAdministrator: registerFirstAdministrator, migrating: migrating, clock: clock)
    }

    /// Wraps an open connection for `identity`, migrating it first (unless `migrating` is false).
    package init(database: Database, identity: Identity, registerFirstAdministrator: Bool = true,
                 migrating: Bool = true, clock: @escaping () -> Timestamp = Timestamp.now) throws {
        self.database = database
        self.identity = identity
        self.fixedPolicy = nil
        self.clock = clock
        self.actor = Actor(account: identity.account)
        let changing = try Self.prepareSchema(database, migrating: migrating, now: clock().seconds)
        database.beforeCommit = { try CitizenFigures.refreshStale(in: $0) }  // the report's figures follow every write
        if try database.scalar("SELECT count(*) FROM professional") == .integer(0) {
            // A new database: whoever creates it administers it.
            actor = Actor(account: identity.account, isAdministrator: true)
            bootstrapping = true
            if registerFirstAdministrator && changing { try registerAsAdministratorIfUnregistered() }
        }
        try refreshActor()
    }

    /// Registers the account as an administrator unless a professional has it already (after
    /// a first import into a new database, which may have brought the account along).
    package func registerAsAdministratorIfUnregistered() throws {
        guard bootstrapping, try professionalRow(identity.account) == nil else {
            bootstrapping = false
            try refreshActor()
            return
        }
        try create(Professional(name: identity.fullName ?? identity.account, role: .administrator, username: identity.account))
        bootstrapping = false
        try refreshActor()
    }

    /// Opens the database at `path` as `username` with a fixed access rule, without asking the
    /// operating system: for tests and the benchmark, never for the program.
    package convenience init(path: String, username: String, policy: AccessPolicy = .unrestricted,
                             mode: Database.OpenMode = .create, migrating: Bool = true,
                             clock: @escaping () -> Timestamp = Timestamp.now) throws {
        try self.init(database: Database(path: path, mode: mode), username: username, policy: policy,
                      migrating: migrating, clock: clock)
    }

    /// Wraps an open connection as `username` with a fixed access rule (tests and benchmark).
    package init(database: Database, username: String, policy: AccessPolicy = .unrestricted,
                 migrating: Bool = true, clock: @escaping () -> Timestamp = Timestamp.now) throws {
        self.database = database
        self.identity = Identity(account: username, uid: UInt32.max)
        self.fixedPolicy = policy
        self.clock = clock
        self.actor = Actor(account: username)
        try Self.prepareSchema(database, migrating: migrating, now: clock().seconds)
        database.beforeCommit = { try CitizenFigures.refreshStale(in: $0) }  // the report's figures follow every write
        try refreshActor()
    }

    /// Runs `body` as one transaction: the records it saves are kept together or not at all
    /// (a meeting with its agreements).
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    /// How a shared installation's connection works: SQLite's temporary data stays in memory
    /// (never in files the person owns), and the -wal and -shm files stay when it closes.
    package func useSharedInstallationFiles() throws {
        try database.execute("PRAGMA temp_store = MEMORY")
        database.keepWriteAheadLogFiles()
    }

    /// A checked copy of the whole database at `path` (see `Workspace+Backup.swift`).
    package func backup(to path: String) throws {
        _ = try backup(to: path, force: false)
    }

    /// SQLite's `data_version`: it changes when another connection commits to the file.
    package func dataVersion() throws -> Int64 {
        Int64(sqlValue: try database.scalar("PRAGMA data_version")) ?? 0
    }

    /// The installation's identity, drawn when its database was made (step 12): sync files name
    /// their sender and their receiver with it.
    package var installationID: String {
        get throws {
            guard let id = try setting("installation-id") else { throw StoreError.notFound(kind: "setting installation-id", id: 0) }
            return id
        }
    }

    /// The installation's site number: every record made here has an id `site << 32 | n`.
    package var site: Int64 {
        get throws {
            if let site = cachedSite { return site }
            guard let text = try setting("site"), let site = Int64(text) else { throw StoreError.notFound(kind: "setting site", id: 0) }
            cachedSite = site
            return site
        }
    }

    /// True when the file is a demo database (`trinvis demo`, `--demo`).
    package var isDemo: Bool {
        get throws { try setting("demo") == "1" }
    }

    /// A value of the installation's settings.
    package func setting(_ key: String) throws -> String? {
        try database.fetchOne("SELECT value FROM setting WHERE key = ?", [.text(key)]).map { try $0.get(0) }
    }

    /// Marks the database as a demo, where anyone may act as any professional.
    package func markAsDemo() throws {
        try database.transaction {
            try database.execute("INSERT INTO setting (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = '1'")
            try appendAccessLog(.admin, citizen: nil, detail: "demo database")
        }
    }

    private func professionalRow(_ account: String) throws -> (id: ProfessionalID, name: String, organisation: OrganisationID?,
                                                                role: ProfessionalRole)? {
        guard let row = try database.fetchOne("SELECT id, name, organisation_id, role FROM professional WHERE username = ?",
                                              [.text(account)]) else { return nil }
        return (try row.get(0), try row.get(1), try row.get(2), try row.get(3))
    }

    /// Looks up who the actor is again (after professionals changed).
    package func refreshActor() throws {
        if fixedPolicy != nil {
            let own = try professionalRow(identity.account)
            actor = Actor(account: identity.account, professionalID: own?.id, professionalName: own?.name,
                          organisationID: own?.organisation, isAdministrator: own?.role == .administrator)
            return
        }
        let own = try professionalRow(identity.account)
        if bootstrapping, own == nil {
            actor = Actor(account: identity.account, isAdministrator: true)
            return
        }
        let administers = identity.isSuperuser || own?.role == .administrator
        if let name = identity.actingAs, name != identity.account {
            let demo = try isDemo
            guard administers || demo else { throw IdentityError.actingAsRefused(account: identity.account) }
            guard let other = try professionalRow(name) else { throw IdentityError.unknownProfessional(name: name) }
            actor = Actor(account: identity.account, actingAs: name, professionalID: other.id, professionalName: other.name,
                          organisationID: other.organisation, isAdministrator: other.role == .administrator)
            return
        }
        guard own != nil || identity.isSuperuser else { throw IdentityError.notRegistered(account: identity.account) }
        actor = Actor(account: identity.account, professionalID: own?.id, professionalName: own?.name,
                      organisationID: own?.organisation, isAdministrator: administers)
    }

    /// Today, by the workspace clock.
    package var today: LocalDate { clock().localDate }

    // MARK: Access

    /// The access condition on a citizen-id column, or nil when unrestricted. With `category`,
    /// only citizens whose records of that category the actor may see.
    package func accessCondition(citizenColumn column: String,
                                 category: DataCategory? = nil) -> (sql: String, arguments: [SQLValue])? {
        policy.condition(citizenColumn: column, actor: actor, today: today, category: category)
    }

    /// The access condition on the rows of a query over the `citizen` table itself (`alias`), or
    /// nil when unrestricted: the same rule as `accessCondition(citizenColumn:)`, which reads the
    /// row's organisation from the row.
    package func accessCondition(citizenRow alias: String,
                                 category: DataCategory? = nil) -> (sql: String, arguments: [SQLValue])? {
        policy.condition(citizenRow: alias, actor: actor, today: today, category: category)
    }

    /// Throws `accessDenied` unless the actor may see the citizen (and, with `category`, that
    /// category of their records).
    package func checkAccess(to citizen: CitizenID, category: DataCategory? = nil) throws {
        guard let condition = accessCondition(citizenRow: "c", category: category) else { return }
        let allowed = try database.scalar("SELECT EXISTS (SELECT 1 FROM citizen c WHERE c.id = ? AND \(condition.sql))",
                                          [citizen.sqlValue] + condition.arguments)
        guard allowed == .integer(1) else { throw StoreError.accessDenied(citizen: citizen.rawValue) }
    }

    /// The categories of a citizen's records the actor may see: all for the own organisation
    /// (and for administrators), those of the consents in force for another organisation's
    /// citizen, none for a citizen the actor may not see.
    package func grantedCategories(of citizen: CitizenID) throws -> Set<DataCategory> {
        try grantedCategories(of: [citizen])[citizen] ?? []
    }

    /// `grantedCategories(of:)` for many citizens in two queries.
    package func grantedCategories(of citizens: [CitizenID]) throws -> [CitizenID: Set<DataCategory>] {
        var result: [CitizenID: Set<DataCategory>] = [:]
        guard !citizens.isEmpty else { return result }
        if policy == .unrestricted {
            for citizen in citizens { result[citizen] = Set(DataCategory.allCases) }
            return result
        }
        for chunk in stride(from: 0, to: citizens.count, by: 500) {
            let part = Array(citizens[chunk..<min(chunk + 500, citizens.count)])
            let placeholders = Array(repeating: "?", count: part.count).joined(separator: ", ")
            // Looked up by id (the unary `+` keeps SQLite from reading all the organisation's citizens instead).
            try database.forEach("SELECT id FROM citizen WHERE +organisation_id = ? AND id IN (\(placeholders))",
                                 [actor.organisationID.sqlValue] + part.map(\.sqlValue)) { row in
                result[try row.get(0)] = Set(DataCategory.allCases)
            }
            let consented = AccessPolicy.consentedCitizens(organisation: actor.organisationID, category: nil, today: today,
                                                           forNamedCitizens: true)
            let sql = consented.sql.replacingOccurrences(of: "SELECT citizen_id FROM", with: "SELECT citizen_id, categories FROM")
            try database.forEach("\(sql) AND citizen_id IN (\(placeholders))", consented.arguments + part.map(\.sqlValue)) { row in
                let citizen: CitizenID = try row.get(0)
                guard result[citizen]?.count != DataCategory.allCases.count else { return }
                result[citizen, default: []].formUnion(DataCategory.parse(try row.get(1)))
            }
        }
        return result
    }

    /// A citizen as the actor may see them: contact details only with `contact`, the
    /// whole-person text only with `profile`.
    func redacted(_ citizens: [Citizen]) throws -> [Citizen] {
        guard policy != .unrestricted else { return citizens }
        let others = citizens.filter { $0.organisationID == nil || $0.organisationID != actor.organisationID }.map(\.id)
        guard !others.isEmpty else { return citizens }
        let granted = try grantedCategories(of: others)
        return citizens.map { citizen in
            guard let categories = granted[citizen.id], categories.count < DataCategory.allCases.count else { return citizen }
            var copy = citizen
            if !categories.contains(.contact) {
                copy.cpr = nil
                copy.birthDate = nil
                copy.phone = nil
                copy.email = nil
            }
            if !categories.contains(.profile) { copy.life = "" }
            return copy
        }
    }

    /// The citizen a record belongs to, found through its parent, or nil for shared records.
    package func owningCitizen<R: Record>(of record: R) throws -> CitizenID? {
        if R.self == Citizen.self { return CitizenID(record.id.rawValue) }
        guard R.parentColumn != nil else { return nil }
        return try owningCitizen(R.self, parentValue: record.parentValue)
    }

    private func owningCitizen<R: Record>(_ type: R.Type, parentValue: SQLValue) throws -> CitizenID? {
        guard let sql = R.citizenFromParentSQL else { return CitizenID(sqlValue: parentValue) }
        return CitizenID(sqlValue: try database.scalar(sql, [parentValue]))
    }

    /// Returns the citizen that a record with a parent belongs to, as looked up for the rule (nil
    /// for citizens and for records that belong to none).
    @discardableResult
    private func checkAccess<R: Record>(toRecord record: R, writing: Bool = false) throws -> CitizenID? {
        if !R.belongsToCitizen {
            // Organisations and professionals decide who sees what: only administrators change them.
            // Companies are the exception: every professional keeps the company register.
            if writing, R.self == Organisation.self || R.self == Professional.self,
               policy != .unrestricted || fixedPolicy == nil, !actor.isAdministrator,
               !(try isCompanyRegisterChange(record)) {
                throw StoreError.administratorsOnly
            }
            return nil
        }
        if let citizen = record as? Citizen {
            if !citizen.id.isSaved {
                // A new citizen has no rows the rule could look at: under the organisation rule one
                // may register citizens with one's own organisation only.
                guard policy == .unrestricted || citizen.organisationID == actor.organisationID else {
                    throw StoreError.accessDenied(citizen: 0)
                }
                return nil
            }
            try checkAccess(to: citizen.id)
            if writing, policy != .unrestricted {
                // The row holds contact details and the whole-person text: changing it needs both.
                try checkAccess(to: citizen.id, category: .contact)
                try checkAccess(to: citizen.id, category: .profile)
            }
            return nil
        }
        guard let citizen = try owningCitizen(of: record) else {
            throw StoreError.notFound(kind: R.kindName, id: record.id.rawValue)
        }
        try checkAccess(to: citizen, category: R.category)
        return citizen
    }

    // MARK: Reading

    private static func selectList<R: Record>(_ type: R.Type) -> String {
        (["id"] + R.columns + Audit.columns).joined(separator: ", ")
    }

    /// The record with `id`, or nil when it does not exist; throws when the actor may not see it.
    package func fetch<R: Record>(_ type: R.Type, id: RecordID<R>) throws -> R? {
        guard var record = try database.fetchOne("SELECT \(Self.selectList(R.self)) FROM \(R.table) WHERE id = ?",
                                                 [id.sqlValue]).map(R.init(row:)) else { return nil }
        try checkAccess(toRecord: record)
        try record.loadChildren(from: database)
        record = try withVisibleParticipants(record)
        if let citizen = record as? Citizen, let visible = try redacted([citizen]).first as? R { return visible }
        return record
    }

    /// Like `fetch`, but a missing record is an error.
    package func get<R: Record>(_ type: R.Type, id: RecordID<R>) throws -> R {
        guard let record = try fetch(type, id: id) else { throw StoreError.notFound(kind: R.kindName, id: id.rawValue) }
        return record
    }

    /// One page of the records of a kind, in the kind's order; when the kind has a parent,
    /// only the children of `parent` (access to the owning citizen is checked once).
    package func list<R: Record>(_ type: R.Type, parent: SQLValue? = nil, page: PageRequest,
                                 where extra: (sql: String, arguments: [SQLValue])? = nil) throws -> Page<R> {
        let rows = try pageOfRows(R.self, parent: parent, page: page, where: extra)
        return Page(items: rows.items.map(\.record), next: rows.next)
    }

    /// The machinery of every list: one page of records of a kind with, per record, the values of
    /// `extraColumns` (SQL expressions over the record's table, with `extraArguments` bound before
    /// the conditions'). The access rule applies; paging is by keyset on the kind's order.
    package func pageOfRows<R: Record>(_ type: R.Type, extraColumns: [String] = [], extraArguments: [SQLValue] = [],
                                       parent: SQLValue? = nil, page: PageRequest,
                                       where extra: (sql: String, arguments: [SQLValue])? = nil,
                                       filterBeforeOrdering: Bool = false)
        throws -> (items: [(record: R, extra: [SQLValue])], next: PageCursor?) {
        var conditions: [String] = []
        var arguments: [SQLValue] = extraArguments
        if let column = R.parentColumn, let parent {
            if R.belongsToCitizen, let citizen = try owningCitizen(R.self, parentValue: parent) {
                try checkAccess(to: citizen)
                // A category the citizen's consent does not share: the citizen is seen, these records are not.
                if let category = R.category, policy != .unrestricted,
                   !(try grantedCategories(of: citizen).contains(category)) {
                    return ([], nil)
                }
            }
            conditions.append("\(R.table).\(column) = ?")
            arguments.append(parent)
        } else if R.belongsToCitizen,
                  let access = R.self == Citizen.self ? accessCondition(citizenRow: R.table, category: R.category)
                      : accessCondition(citizenColumn: "\(R.table).citizen_id", category: R.category) {
            conditions.append(access.sql)
            arguments += access.arguments
        }
        if let extra {
            conditions.append(extra.sql)
            arguments += extra.arguments
        }
        let direction = R.orderDescending ? "DESC" : "ASC"
        let orderColumns = R.order.map { "\(R.table).\($0)" }
        if let cursor = page.after, cursor.key.count == R.order.count {
            let placeholders = Array(repeating: "?", count: R.order.count).joined(separator: ", ")
            conditions.append("(\(orderColumns.joined(separator: ", "))) \(R.orderDescending ? "<" : ">") (\(placeholders))")
            arguments += cursor.key
        }
        let columns = (["id"] + R.columns + Audit.columns).map { "\(R.table).\($0)" } + extraColumns
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM \(R.table)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        // With `filterBeforeOrdering` the order index is not used (the unary `+`), so SQLite tests
        // every row's condition and sorts only the matches: faster when few rows match.
        let prefix = filterBeforeOrdering ? "+" : ""
        sql += " ORDER BY " + orderColumns.map { "\(prefix)\($0) \(direction)" }.joined(separator: ", ") + " LIMIT ?"
        arguments.append(.integer(Int64(page.limit + 1)))
        let base = 1 + R.columns.count + Audit.columns.count
        var items = try database.fetchAll(sql, arguments) { row -> (record: R, extra: [SQLValue]) in
            (try R(row: row), Array(row.values[base...]))
        }
        let hasMore = items.count > page.limit
        if hasMore { items.removeLast() }
        var records = items.map(\.record)
        try R.loadChildren(of: &records, from: database)
        for index in items.indices {
            items[index].record = try withVisibleParticipants(records[index])
        }
        if R.self == Citizen.self, policy != .unrestricted {
            let visible = try redacted(items.compactMap { $0.record as? Citizen })
            for index in items.indices { if let citizen = visible[index] as? R { items[index].record = citizen } }
        }
        let next = hasMore ? items.last.map { PageCursor(key: $0.record.orderKey) } : nil
        return (items, next)
    }

    /// Every record of a kind (under `parent`), read page by page.
    package func all<R: Record>(_ type: R.Type, parent: SQLValue? = nil, pageSize: Int = 500) throws -> [R] {
        var result: [R] = []
        var request = PageRequest.first(pageSize)
        while true {
            let page = try list(type, parent: parent, page: request)
            result += page.items
            guard let next = page.next else { return result }
            request = PageRequest(limit: pageSize, after: next)
        }
    }

    // MARK: Writing

    /// Stores a new record and returns it with its id and audit filled in.
    @discardableResult
    package func create<R: Record>(_ record: R) throws -> R {
        var stored = try validate(record)
        let owner = try ownerToLog(checkingAccessTo: stored)
        let now = clock().seconds
        stored.audit = Audit(createdAt: now, createdBy: actor.username, updatedAt: now, updatedBy: actor.username, version: 1)
        let columns = R.columns + Audit.columns
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let auditValues: [SQLValue] = [.integer(now), .text(actor.username), .integer(now), .text(actor.username), .integer(1)]
        let ownIDs = SiteIDs.range(of: try site)
        return try database.transaction {
            // Read in the save's transaction, so that no participant saved meanwhile is lost.
            let participation = try mergingHiddenCitizens(&stored)
            try translatingConstraints(R.self) {
                // The id is the next one in the installation's own range (`site << 32 | n`),
                // found in the same statement, which holds the write lock.
                try database.execute("""
                    INSERT INTO \(R.table) (id, \(columns.joined(separator: ", "))) VALUES (max(?, coalesce(
                        (SELECT id FROM \(R.table) WHERE id <= ? ORDER BY id DESC LIMIT 1), 0)) + 1, \(placeholders))
                    """, [.integer(ownIDs.lowerBound), .integer(ownIDs.upperBound)] + stored.values + auditValues)
            }
            stored.id = RecordID(database.lastInsertRowID)
            try translatingConstraints(R.self) { try stored.saveChildren(in: database) }
            try logChange(stored, .change, "created", owner: owner)
            try logNamedCitizens(participation, of: stored)
            return stored
        }
    }

    /// Saves a changed record. Refused with `conflict` when someone else saved it since it was
    /// read (its version moved on), and with `notFound` when it was deleted meanwhile.
    @discardableResult
    package func update<R: Record>(_ record: R) throws -> R {
        var stored = try validate(record)
        let owner = try ownerToLog(checkingAccessTo: stored)
        let now = clock().seconds
        let assignments = (R.columns + ["updated_at", "updated_by"]).map { "\($0) = ?" }.joined(separator: ", ")
        return try database.transaction {
            let participation = try mergingHiddenCitizens(&stored)
            try translatingConstraints(R.self) {
                try database.execute(
                    "UPDATE \(R.table) SET \(assignments), version = version + 1 WHERE id = ? AND version = ?",
                    stored.values + [.integer(now), .text(actor.username), stored.id.sqlValue, .integer(stored.audit.version)])
            }
            guard database.changes == 1 else { throw try staleError(stored) }
            stored.audit.updatedAt = now
            stored.audit.updatedBy = actor.username
            stored.audit.version += 1
            try translatingConstraints(R.self) { try stored.saveChildren(in: database) }
            try logChange(stored, .change, "updated", owner: owner)
            try logNamedCitizens(participation, of: stored)
            return stored
        }
    }

    /// Checks that the actor may write the record; returns the citizen it belongs to when that
    /// was looked up inside a transaction already open (an import's), where nothing can move the
    /// record's parent before the change is logged, so the log need not look it up again.
    private func ownerToLog<R: Record>(checkingAccessTo record: R) throws -> CitizenID? {
        let inTransaction = database.isInTransaction
        let owner = try checkAccess(toRecord: record, writing: true)
        return inTransaction ? owner : nil
    }

    /// Writes the log entry of a change, in the change's transaction: the record's kind and id,
    /// and for professionals and organisations an administrator's change. `owner`: the citizen
    /// the record belongs to, when known (see `ownerToLog`).
    private func logChange<R: Record>(_ record: R, _ action: AccessAction, _ what: String, owner: CitizenID? = nil) throws {
        let citizen = try owner ?? owningCitizen(of: record)
        if let citizen, R.belongsToCitizen, changeTally != nil {
            changeTally?.count(citizen, created: what == "created")
            return
        }
        let kind: AccessAction = R.belongsToCitizen || Self.isCompany(record) ? action : .admin
        try appendAccessLog(kind, citizen: citizen, detail: "\(R.kindName) \(record.id.rawValue) \(what)")
    }

    /// Deletes a record (and, by cascade, what belongs to it), unless someone changed it since it
    /// was read. This is real deletion: the rows are gone.
    package func delete<R: Record>(_ record: R) throws {
        try checkAccess(toRecord: record, writing: true)
        try checkMayDeleteParticipants(of: record)
        try database.transaction {
            let citizen = try owningCitizen(of: record)
            try translatingConstraints(R.self, id: record.id.rawValue) {
                try database.execute("DELETE FROM \(R.table) WHERE id = ? AND version = ?",
                                     [record.id.sqlValue, .integer(record.audit.version)])
            }
            guard database.changes == 1 else { throw try staleError(record) }
            try database.execute("DELETE FROM external_id WHERE kind = ? AND local_id = ?",
                                 [.text(R.table), record.id.sqlValue])
            try appendAccessLog(R.belongsToCitizen || Self.isCompany(record) ? .delete : .admin, citizen: citizen,
                                detail: "\(R.kindName) \(record.id.rawValue) deleted")
        }
    }

    /// Every problem that would keep a record from being saved, all at once: its own values and
    /// the checks against other records (a deadline before its plan's start). Nothing is written.
    package func problems<R: Record>(of record: R) throws -> [ValidationError] {
        var problems = ValidationProblems()
        let valid = record.validated(noting: &problems)
        do {
            try valid.checkContext(in: database)
        } catch let error as ValidationError {
            problems.add(error)
        }
        return problems.all
    }

    private func validate<R: Record>(_ record: R) throws -> R {
        do {
            let valid = try record.validated()
            try valid.checkContext(in: database)
            return valid
        } catch let error as ValidationError {
            throw StoreError.invalid(error)
        }
    }

    private func staleError<R: Record>(_ record: R) throws -> StoreError {
        guard let row = try database.fetchOne("SELECT updated_by, updated_at FROM \(R.table) WHERE id = ?",
                                              [record.id.sqlValue]) else {
            return .notFound(kind: R.kindName, id: record.id.rawValue)
        }
        return .conflict(kind: R.kindName, id: record.id.rawValue, changedBy: try professionalName(auditName: try row.get(0)), changedAt: try row.get(1))
    }

    private func translatingConstraints<R: Record>(_ type: R.Type, id: Int64 = 0, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DatabaseError where error.isConstraintViolation {
            // A RESTRICT action reports SQLITE_CONSTRAINT_TRIGGER, a deferred check _FOREIGNKEY.
            if error.message.contains("FOREIGN KEY") && id != 0 {
                throw StoreError.inUse(kind: R.kindName, id: id)
            }
            if error.extendedCode == 2067 /* SQLITE_CONSTRAINT_UNIQUE */ {
                throw StoreError.duplicate(kind: R.kindName, detail: Self.uniqueColumn(in: error.message))
            }
            throw error
        }
    }

    private static func uniqueColumn(in message: String) -> String {
        // SQLite says "UNIQUE constraint failed: professional.username".
        message.split(separator: ".").last.map(String.init) ?? message
    }
}
