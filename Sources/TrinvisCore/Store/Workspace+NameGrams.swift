extension Workspace {
    /// How many citizens holding the trigram the name search walks (`citizensByNameGram`)
    /// before it gives up, when `nameGramBudget` is nil: a page of 50 is full within it when
    /// one name in 40 of those holding the trigram matches.
    static let defaultNameGramBudget = 2_000

    /// The first `limit` citizens in the list's order (`name_sort`, id), whose
    /// folded name holds every one of `words` (folded by `TextNormalization.searchKey`), that
    /// the actor may see, that are not archived unless `includeArchived`, and that belong to
    /// `organisation` when it is given.
    ///
    /// The names holding one trigram of the longest word are walked in name order in
    /// `citizen_name_gram` until the page is full: the name is tested on the index row, and only
    /// the names that match are looked up in `citizen` for the rest of the condition and the
    /// access rule. The walk reads at most `nameGramBudget` index rows, of `organisation`'s
    /// names alone when it is given (the first row past them is found first and bounds the
    /// walk); when those do not fill the page and more names hold the trigram, the answer is not
    /// known and the result is nil. A word of three letters or more is needed (nil without one).
    func citizensByNameGram(_ words: [String], includeArchived: Bool, organisation: OrganisationID? = nil,
                            limit: Int) throws -> [(id: CitizenID, key: String)]? {
        let budget = nameGramBudget ?? Self.defaultNameGramBudget
        guard budget > 0, limit > 0,
              let word = words.filter({ $0.unicodeScalars.count >= 3 }).max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count })
        else { return nil }
        // SQLite's `substr` counts code points, as the scalars here.
        let gram = String(String.UnicodeScalarView(word.unicodeScalars.prefix(3)))

        // With an organisation, its own rows alone, on the index by organisation (migration 24):
        // the budget counts the organisation's names, not every organisation's.
        var range = "g.gram = ?", rangeArguments: [SQLValue] = [.text(gram)]
        if let organisation {
            range = "g.organisation_id = ? AND " + range
            rangeArguments.insert(organisation.sqlValue, at: 0)
        }
        let end = try database.fetchOne("""
            SELECT g.name_sort, g.citizen_id FROM citizen_name_gram g WHERE \(range)
            ORDER BY g.name_sort, g.citizen_id LIMIT 1 OFFSET ?
            """, rangeArguments + [.integer(Int64(budget))])
        if let end {
            range += " AND (g.name_sort, g.citizen_id) < (?, ?)"
            rangeArguments += [end.values[0], end.values[1]]
        }

        // The words are tested on the index row; the rest of the condition needs the citizen's.
        let visible = visibleNamed(words, includeArchived: includeArchived, names: "g.name_key")
        // CROSS JOIN: the index rows lead, in their order, so the walk stops at the limit.
        let found = try database.fetchAll("""
            SELECT g.citizen_id, g.name_sort FROM citizen_name_gram g CROSS JOIN citizen c ON c.id = g.citizen_id
            WHERE \(range) AND \(visible.sql) ORDER BY g.name_sort, g.citizen_id LIMIT ?
            """, rangeArguments + visible.arguments + [.integer(Int64(limit))]) { (id: try $0.get(0) as CitizenID, key: try $0.get(1) as String) }
        return found.count == limit || end == nil ? found : nil
    }
}

extension Workspace {
    /// Runs `body`, which inserts many citizens in the open transaction, with the trigrams of
    /// the citizens it inserts written once at the end, in the table's order, instead of by the
    /// insert trigger per citizen (about a third of the time at 50,000 citizens). A temporary
    /// trigger notes the ids inserted; updates and deletes keep their triggers meanwhile, and the
    /// end reads each noted citizen as it is then. An error rolls all of it back with the
    /// transaction, the dropped trigger too.
    func writingNameGramsAtEnd<T>(_ body: () throws -> T) throws -> T {
        precondition(database.isInTransaction, "the trigrams are written in the transaction that writes the citizens")
        guard let trigger = try database.fetchOne("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                                                  [.text(Schema.nameGramInsertTrigger)]).map({ try $0.get(0) as String })
        else { return try body() }
        try database.executeScript("""
            CREATE TEMP TABLE citizen_name_gram_pending (id INTEGER PRIMARY KEY);
            CREATE TEMP TRIGGER citizen_name_gram_pending_insert AFTER INSERT ON main.citizen BEGIN
                INSERT OR IGNORE INTO citizen_name_gram_pending (id) VALUES (new.id);
            END;
            DROP TRIGGER main.\(Schema.nameGramInsertTrigger);
            """)
        let result = try body()
        try database.execute(Schema.nameGramFill(where: "c.id IN (SELECT id FROM temp.citizen_name_gram_pending)"))
        try database.executeScript("""
            DROP TRIGGER temp.citizen_name_gram_pending_insert;
            DROP TABLE temp.citizen_name_gram_pending;
            \(trigger);
            """)
        return result
    }
}
