import Foundation

/// Step 12: every installation has an identity and a range of ids of its own, so that records
/// made on the drop-in centre's laptop and on the municipality's server never share an id and
/// can travel between them (sync) without being renumbered.
extension Schema {
    /// The lowest site number an installation can draw.
    static let lowestSite: Int64 = 1
    /// The highest site number: ids are `site << 32 | n`, below 2^52, so they stay exact in
    /// JSON numbers and in the full-text index's rowids (`id * 8 + kind`).
    static let highestSite: Int64 = (1 << 20) - 1
    /// Ids below this were made before the step (every installation counted from 1).
    static let legacyLimit: Int64 = 1 << 32

    /// The tables whose rows are left alone: the access log is append-only and hash-chained, so
    /// its references to renumbered rows are translated when it is read (`AccessLog.swift`).
    private static let unnumberedTables: Set<String> = ["access_log", "access_log_pruning", "setting", "trinvis_migration"]

    /// Draws the installation's identity and site, renumbers the rows made before into the
    /// site's range (every reference with them), and creates the tables sync keeps: its peers and
    /// the conflicts it found.
    static func installationIDs(_ database: Database) throws {
        var generator = SystemRandomNumberGenerator()
        let site = Int64.random(in: lowestSite...highestSite, using: &generator)
        let offset = site << 32
        let logEnd = Int64(sqlValue: try database.scalar("SELECT max(id) FROM access_log")) ?? 0
        for (key, value) in [("installation-id", UUID().uuidString.lowercased()), ("site", String(site)),
                             ("legacy-id-offset", String(offset)), ("legacy-log-end", String(logEnd))] {
            try database.execute("INSERT INTO setting (key, value) VALUES (?, ?)", [.text(key), .text(value)])
        }
        try renumber(database, offset: offset)
        try database.executeScript(syncTables)
    }

    /// Moves every id made before the step (and every column that refers to one) up by
    /// `offset`. Foreign keys are checked at the commit, when all references agree again.
    private static func renumber(_ database: Database, offset: Int64) throws {
        try database.execute("PRAGMA defer_foreign_keys = ON")
        let tables = try database.fetchAll("""
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE 'search_text%' ORDER BY name
            """) { try $0.get(0, as: String.self) }
        let shift: [SQLValue] = [.integer(offset), .integer(legacyLimit)]
        for table in tables where !unnumberedTables.contains(table) {
            let columns = try database.fetchAll("SELECT name, pk, type FROM pragma_table_info(?)", [.text(table)]) {
                (name: try $0.get(0, as: String.self), key: try $0.get(1, as: Int64.self), type: try $0.get(2, as: String.self))
            }
            var moved = Set<String>()
            if columns.contains(where: { $0.name == "id" && $0.key == 1 && $0.type == "INTEGER" }) { moved.insert("id") }
            let references = try database.fetchAll("SELECT \"from\" FROM pragma_foreign_key_list(?)", [.text(table)]) {
                try $0.get(0, as: String.self)
            }
            moved.formUnion(references)
            // References that are not declared as foreign keys, since the row outlives its target
            // (a draft, a printed file) or names one of several kinds (an imported id).
            let undeclared: [String: [String]] = ["draft": ["citizen_id"], "printed_file": ["citizen_id"],
                                                  "external_id": ["local_id"]]
            moved.formUnion(undeclared[table, default: []])
            for column in moved.sorted() {
                try database.execute("UPDATE \(table) SET \(column) = \(column) + ? WHERE \(column) < ?", shift)
            }
        }
        try renumberDraftKeys(database, offset: offset)
        try rebuildSearchIndex(database)
    }

    /// A draft's key names the records its form edits (`milestone:17:p4`); those numbers move too.
    private static func renumberDraftKeys(_ database: Database, offset: Int64) throws {
        guard try database.scalar("SELECT 1 FROM sqlite_schema WHERE name = 'draft'") != .null else { return }
        let keys = try database.fetchAll("SELECT DISTINCT form_key FROM draft") { try $0.get(0, as: String.self) }
        for key in keys {
            let parts = key.split(separator: ":", omittingEmptySubsequences: false).enumerated().map { index, part -> String in
                guard index > 0 else { return String(part) }
                let prefix = part.prefix { $0.isLetter }
                guard let number = Int64(part.dropFirst(prefix.count)), number < legacyLimit else { return String(part) }
                return prefix + String(number + offset)
            }
            try database.execute("UPDATE draft SET form_key = ? WHERE form_key = ?",
                                 [.text(parts.joined(separator: ":")), .text(key)])
        }
    }

    /// The full-text index's rowids are made from the ids: made again from the tables.
    private static func rebuildSearchIndex(_ database: Database) throws {
        try database.execute("DELETE FROM search_text")
        try database.executeScript(searchSources.map(\.fill).joined(separator: "\n"))
    }

    /// What sync keeps: the organisations it exchanges with (what was sent and received, and
    /// the shared state both sides last agreed on) and the conflicts it found, each kept with
    /// both versions until a person chooses.
    static let syncTables = """
        CREATE TABLE sync_peer (
            organisation_id INTEGER PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
            installation_id TEXT UNIQUE,
            sent_seq INTEGER NOT NULL DEFAULT 0,
            received_seq INTEGER NOT NULL DEFAULT 0,
            last_sent_at INTEGER,
            last_received_at INTEGER,
            shadow BLOB NOT NULL DEFAULT x''
        ) STRICT;

        CREATE TABLE sync_conflict (
            id INTEGER PRIMARY KEY,
            peer_installation TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            citizen_id INTEGER,
            column_name TEXT NOT NULL,
            local_value ANY,
            remote_value ANY,
            remote_by TEXT,
            remote_at INTEGER,
            detected_at INTEGER NOT NULL,
            resolved_at INTEGER,
            resolved_by TEXT,
            resolution TEXT CHECK (resolution IN ('local', 'remote'))
        ) STRICT;
        CREATE INDEX sync_conflict_open ON sync_conflict (citizen_id, table_name, row_id) WHERE resolved_at IS NULL;
        """
}
