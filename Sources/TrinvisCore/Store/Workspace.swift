/// The one place through which Trinvis reads and writes records. It knows who is asking
/// (`actor`) and applies the access rule (`policy`) to every citizen and every record that
/// belongs to one; it stamps every change with the user and time and checks versions so that
/// no one overwrites a change they have not seen.
package final class Workspace {
    /// The connection. Code outside the core reads through `Workspace`, not through this.
    package let database: Database
    /// Who is asking.
    package private(set) var actor: Actor
    /// The access rule.
    package let policy: AccessPolicy
    /// The current time; replaceable so that tests and demo data can fix "now".
    package var clock: () -> Timestamp

    /// Opens the database at `path` (creating it if new), applies pending migrations and looks up
    /// the professional with `username`.
    package convenience init(path: String, username: String, policy: AccessPolicy = .unrestricted,
                             clock: @escaping () -> Timestamp = Timestamp.now) throws {
        try self.init(database: Database(path: path), username: username, policy: policy, clock: clock)
    }

    /// Wraps an open connection, migrating it first.
    package init(database: Database, username: String, policy: AccessPolicy = .unrestricted,
                 clock: @escaping () -> Timestamp = Timestamp.now) throws {
        self.database = database
        self.policy = policy
        self.clock = clock
        self.actor = Actor(username: username)
        try Schema.migrator.migrate(database, now: clock().seconds)
        try refreshActor()
    }

    /// Looks up the professional behind the user name again (after professionals changed).
    package func refreshActor() throws {
        let row = try database.fetchOne("SELECT id, organisation_id FROM professional WHERE username = ?",
                                        [.text(actor.username)])
        actor = Actor(username: actor.username, professionalID: try row?.get(0), organisationID: try row?.get(1))
    }

    /// Today, by the workspace clock.
    package var today: LocalDate { clock().localDate }

    // MARK: Access

    /// The access condition on a citizen-id column, or nil when unrestricted.
    package func accessCondition(citizenColumn column: String) -> (sql: String, arguments: [SQLValue])? {
        policy.condition(citizenColumn: column, actor: actor, today: today)
    }

    /// Throws `accessDenied` unless the actor may see the citizen.
    package func checkAccess(to citizen: CitizenID) throws {
        guard let condition = accessCondition(citizenColumn: "c.id") else { return }
        let allowed = try database.scalar("SELECT EXISTS (SELECT 1 FROM citizen c WHERE c.id = ? AND \(condition.sql))",
                                          [citizen.sqlValue] + condition.arguments)
        guard allowed == .integer(1) else { throw StoreError.accessDenied(citizen: citizen.rawValue) }
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

    private func checkAccess<R: Record>(toRecord record: R) throws {
        guard R.belongsToCitizen else { return }
        if let citizen = record as? Citizen, !citizen.id.isSaved {
            // A new citizen has no rows the rule could look at: under the organisation rule one
            // may register citizens with one's own organisation only.
            guard policy == .unrestricted || citizen.organisationID == actor.organisationID else {
                throw StoreError.accessDenied(citizen: 0)
            }
            return
        }
        guard let citizen = try owningCitizen(of: record) else {
            throw StoreError.notFound(kind: R.kindName, id: record.id.rawValue)
        }
        try checkAccess(to: citizen)
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
            }
            conditions.append("\(R.table).\(column) = ?")
            arguments.append(parent)
        } else if R.belongsToCitizen,
                  let access = accessCondition(citizenColumn: R.self == Citizen.self ? "\(R.table).id" : "\(R.table).citizen_id") {
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
        for index in items.indices { try items[index].record.loadChildren(from: database) }
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
        try checkAccess(toRecord: stored)
        let now = clock().seconds
        stored.audit = Audit(createdAt: now, createdBy: actor.username, updatedAt: now, updatedBy: actor.username, version: 1)
        let columns = R.columns + Audit.columns
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let auditValues: [SQLValue] = [.integer(now), .text(actor.username), .integer(now), .text(actor.username), .integer(1)]
        return try database.transaction {
            try translatingConstraints(R.self) {
                try database.execute("INSERT INTO \(R.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                                     stored.values + auditValues)
            }
            stored.id = RecordID(database.lastInsertRowID)
            try translatingConstraints(R.self) { try stored.saveChildren(in: database) }
            return stored
        }
    }

    /// Saves a changed record. Refused with `conflict` when someone else saved it since it was
    /// read (its version moved on), and with `notFound` when it was deleted meanwhile.
    @discardableResult
    package func update<R: Record>(_ record: R) throws -> R {
        var stored = try validate(record)
        try checkAccess(toRecord: stored)
        let now = clock().seconds
        let assignments = (R.columns + ["updated_at", "updated_by"]).map { "\($0) = ?" }.joined(separator: ", ")
        return try database.transaction {
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
            return stored
        }
    }

    /// Deletes a record (and, by cascade, what belongs to it), unless someone changed it since it
    /// was read. This is real deletion: the rows are gone.
    package func delete<R: Record>(_ record: R) throws {
        try checkAccess(toRecord: record)
        try database.transaction {
            try translatingConstraints(R.self, id: record.id.rawValue) {
                try database.execute("DELETE FROM \(R.table) WHERE id = ? AND version = ?",
                                     [record.id.sqlValue, .integer(record.audit.version)])
            }
            guard database.changes == 1 else { throw try staleError(record) }
            try database.execute("DELETE FROM external_id WHERE kind = ? AND local_id = ?",
                                 [.text(R.table), record.id.sqlValue])
        }
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
        return .conflict(kind: R.kindName, id: record.id.rawValue, changedBy: try row.get(0), changedAt: try row.get(1))
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
