import Foundation

/// What an erasure removed.
package struct ErasureSummary: Sendable, Equatable {
    /// The erased citizen's id (the only thing about them that is kept, in the access log).
    package let citizen: CitizenID
    /// Rows removed per table, tables with none left out.
    package var rows: [String: Int] = [:]
    /// Printed files that were removed.
    package var filesRemoved: [String] = []
    /// Printed files that could not be removed, with the reason.
    package var filesNotRemoved: [(path: String, reason: String)] = []
    /// False when another connection kept the WAL from being emptied (its old frames may still
    /// hold the erased data until the next checkpoint).
    package var walCheckpointed = true

    /// Every row removed.
    package var totalRows: Int { rows.values.reduce(0, +) }

    package static func == (lhs: ErasureSummary, rhs: ErasureSummary) -> Bool {
        lhs.citizen == rhs.citizen && lhs.rows == rhs.rows && lhs.filesRemoved == rhs.filesRemoved
            && lhs.filesNotRemoved.map(\.path) == rhs.filesNotRemoved.map(\.path) && lhs.walCheckpointed == rhs.walCheckpointed
    }
}

/// Why an erasure was refused.
package enum ErasureError: Error, Sendable, Equatable {
    /// The reason is empty.
    case reasonMissing
    /// The reason names the person: the log would keep what is erased.
    case reasonNamesCitizen
}

extension Workspace {
    /// The tables of records that belong to a citizen, with the SQL that selects the ids of one
    /// citizen's rows (for their `external_id` entries and the count).
    private static let erasedRecordTables: [(table: String, ids: String)] = [
        ("team_member", "SELECT id FROM team_member WHERE citizen_id = ?1"),
        ("consent", "SELECT id FROM consent WHERE citizen_id = ?1"),
        ("resource", "SELECT id FROM resource WHERE citizen_id = ?1"),
        ("vision", "SELECT id FROM vision WHERE citizen_id = ?1"),
        ("plan", "SELECT id FROM plan WHERE citizen_id = ?1"),
        ("milestone", "SELECT m.id FROM milestone m JOIN plan p ON p.id = m.plan_id WHERE p.citizen_id = ?1"),
        ("progress_note", """
            SELECT n.id FROM progress_note n JOIN milestone m ON m.id = n.milestone_id JOIN plan p ON p.id = m.plan_id
            WHERE p.citizen_id = ?1
            """),
        ("meeting", "SELECT id FROM meeting WHERE citizen_id = ?1"),
        ("agreement", "SELECT a.id FROM agreement a JOIN meeting m ON m.id = a.meeting_id WHERE m.citizen_id = ?1"),
        ("assessment", "SELECT id FROM assessment WHERE citizen_id = ?1"),
        ("outcome", "SELECT id FROM outcome WHERE citizen_id = ?1"),
        ("placement", "SELECT id FROM placement WHERE citizen_id = ?1"),
        ("story", "SELECT id FROM story WHERE citizen_id = ?1"),
        ("citizen", "SELECT id FROM citizen WHERE id = ?1"),
    ]

    /// Erases every trace of a person (GDPR art. 17), administrators only. In one write
    /// transaction it removes the citizen's row and everything that belongs to it, the
    /// `external_id` entries of those rows, their activity places and links, every user's drafts
    /// about them, the rows of the files printed for them and their household when they were
    /// its only member; it merges the full-text index so that no old segment keeps their words,
    /// and appends one `erase` entry (the citizen's id and `reason`, never the name) to the access
    /// log. `secure_delete` (on for every connection) zeroes the freed space. After the commit it
    /// removes the printed files and empties the WAL.
    ///
    /// The access log keeps the ids of the person's earlier entries and the search terms users
    /// typed (which may contain a name): the log must stay verifiable.
    package func erase(citizen: CitizenID, reason: String) throws -> ErasureSummary {
        var (summary, files) = try eraseRows(citizen: citizen, reason: reason)
        let (removed, notRemoved) = removePrintedFiles(files)
        summary.filesRemoved = removed
        summary.filesNotRemoved = notRemoved
        summary.walCheckpointed = try checkpointWAL()
        return summary
    }

    /// The erasure's write transaction (nested in one already open, as a sync import does):
    /// everything of `erase` but removing the printed files (returned) and emptying the WAL,
    /// which wait for the commit.
    func eraseRows(citizen: CitizenID, reason: String) throws -> (summary: ErasureSummary, files: [String]) {
        guard actor.isAdministrator else { throw StoreError.administratorsOnly }
        let reason = reason.trimmingBlanks()
        guard !reason.isEmpty else { throw ErasureError.reasonMissing }
        guard let row = try database.fetchOne("SELECT name, household_id FROM citizen WHERE id = ?", [citizen.sqlValue]) else {
            throw StoreError.notFound(kind: Citizen.kindName, id: citizen.rawValue)
        }
        let name: String = try row.get(0)
        let household: Int64? = try row.get(1)
        let nameKey = TextNormalization.searchKey(name)
        if !nameKey.isEmpty, TextNormalization.searchKey(reason).contains(nameKey) { throw ErasureError.reasonNamesCitizen }

        var summary = ErasureSummary(citizen: citizen)
        let id = citizen.sqlValue
        var files: [String] = []
        try database.transaction {
            // Ids first: the cascade removes the rows the external ids point at.
            var ids: [String: [Int64]] = [:]
            for entry in Self.erasedRecordTables {
                ids[entry.table] = try database.fetchAll(entry.ids, [id]) { try $0.get(0) }
            }
            func count(_ table: String, _ n: Int) { if n > 0 { summary.rows[table, default: 0] += n } }
            for entry in Self.erasedRecordTables {
                for local in ids[entry.table] ?? [] {
                    try database.execute("DELETE FROM external_id WHERE kind = ? AND local_id = ?",
                                         [.text(entry.table), .integer(local)])
                    count("external_id", database.changes)
                }
            }
            try database.execute("DELETE FROM activity_participant WHERE citizen_id = ?", [id])
            count("activity_participant", database.changes)
            try database.execute("DELETE FROM meeting_member WHERE citizen_id = ?", [id])
            count("meeting_member", database.changes)
            try database.execute("DELETE FROM citizen_link WHERE citizen_id = ?1 OR other_id = ?1", [id])
            count("citizen_link", database.changes)
            count("draft", try eraseDrafts(citizen: citizen, name: name, ids: ids))
            files = try database.fetchAll("SELECT DISTINCT path FROM printed_file WHERE citizen_id = ?", [id]) { try $0.get(0) }
            try database.execute("DELETE FROM printed_file WHERE citizen_id = ?", [id])
            count("printed_file", database.changes)
            for entry in Self.erasedRecordTables where entry.table != "citizen" {
                count(entry.table, ids[entry.table]?.count ?? 0)
            }
            try database.execute("DELETE FROM citizen WHERE id = ?", [id])
            count("citizen", database.changes)
            if let household,
               try database.scalar("SELECT count(*) FROM citizen WHERE household_id = ?", [.integer(household)]) == .integer(0) {
                try database.execute("DELETE FROM household WHERE id = ?", [.integer(household)])
                count("household", database.changes)
                try database.execute("DELETE FROM external_id WHERE kind = 'household' AND local_id = ?", [.integer(household)])
                count("external_id", database.changes)
            }
            // The triggers removed the index rows; what the cascade could have missed goes too,
            // and its words with it.
            let missed = try database.fetchAll("SELECT rowid FROM search_text WHERE citizen_id = ?", [id]) {
                try $0.get(0, as: Int64.self)
            }
            if !missed.isEmpty {
                let rows = missed.map(String.init).joined(separator: ", ")
                try database.executeScript(Schema.countingWordsOut("SELECT rowid, body FROM search_text WHERE rowid IN (\(rows))"))
                try database.execute("DELETE FROM search_text WHERE rowid IN (\(rows))")
            }
            // FTS5 keeps deleted terms in old segments until they are merged: merge them all.
            try database.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
            // The same for the trigram index of the names (its trigger removed the row).
            try database.execute("DELETE FROM citizen_name WHERE rowid = ?", [id])
            try database.execute("INSERT INTO citizen_name (citizen_name) VALUES ('optimize')")
            try appendAccessLog(.erase, citizen: citizen, detail: reason)
        }
        return (summary, files)
    }

    /// Removes the files printed for erased citizens (a missing file counts as removed).
    @discardableResult
    func removePrintedFiles(_ files: [String]) -> (removed: [String], notRemoved: [(path: String, reason: String)]) {
        var removed: [String] = []
        var notRemoved: [(path: String, reason: String)] = []
        for path in files {
            // Only a file Trinvis wrote: never a device, a pipe or a folder found at its path now.
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
                notRemoved.append((path, "not a regular file; left alone"))
                continue
            }
            if unlink(path) == 0 || errno == ENOENT {
                removed.append(path)
            } else {
                notRemoved.append((path, String(cString: strerror(errno))))
            }
        }
        return (removed, notRemoved)
    }

    /// Empties the WAL into the database file and truncates it. Returns false when a reader
    /// kept part of it from being copied.
    @discardableResult
    package func checkpointWAL() throws -> Bool {
        guard let row = try database.fetchOne("PRAGMA wal_checkpoint(TRUNCATE)") else { return true }
        let busy: Int64 = try row.get(0)
        return busy == 0
    }

    // MARK: Printed files

    /// Remembers that a file was printed for the citizen, so that erasing them removes it, and
    /// logs the print as a look-up. That entry is the print's: a print look-up noted for the
    /// citizen and not yet written (by `planPrintout`, `accessLetter`) is not written again.
    package func recordPrintedFile(citizen: CitizenID, path: String) throws {
        let absolute = Self.absolutePath(path)
        let now = clock().seconds
        try database.transaction {
            try database.execute("""
                INSERT INTO printed_file (citizen_id, path, account, printed_at) VALUES (?, ?, ?, ?)
                """, [citizen.sqlValue, .text(absolute), .text(actor.account), .integer(now)])
            try appendAccessLog(.print, citizen: citizen, detail: "printed file")
        }
        pendingLog.markWritten(.init(citizen: citizen, action: .print), at: now)
    }

    /// The files printed for a citizen (administrators and those who may see the citizen).
    package func printedFiles(of citizen: CitizenID) throws -> [String] {
        try checkAccess(to: citizen)
        return try database.fetchAll("SELECT path FROM printed_file WHERE citizen_id = ? ORDER BY id", [citizen.sqlValue]) {
            try $0.get(0)
        }
    }

    private static func absolutePath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
