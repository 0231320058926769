extension Schema {
    /// The table of `searchWords`.
    package static let searchWordTable = "search_text_word"

    /// Every word the full-text index holds, with the number of its rows holding it, so that
    /// the word typed last in a search (a prefix: the rest of it is not typed yet) is looked up
    /// as the few whole words it begins. FTS5 answers a prefix by merging every row of every
    /// word with it before it gives the newest, which for a frequent word means hundreds of
    /// thousands of rows; the same words asked for by name (`"praktik" OR "praktikken"`) give
    /// the newest rows at once.
    ///
    /// SQL cannot split a text into words as FTS5 does, so the words of a text are made by FTS5
    /// itself: the triggers write the text into `search_text_scratch`, an index without content
    /// that holds one text at a time, read its words from `search_text_scratch_terms`, count
    /// them in or out, and empty it. A word held by no row is removed, so an erased note's words
    /// leave with it. `search_text_terms` lists the words of the index itself: it fills the
    /// table, and `trinvis check --full` compares the two.
    static let searchWords = """
        CREATE VIRTUAL TABLE search_text_scratch USING fts5(
            body, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE VIRTUAL TABLE search_text_scratch_terms USING fts5vocab(search_text_scratch, 'row');
        CREATE VIRTUAL TABLE search_text_terms USING fts5vocab(search_text, 'row');
        CREATE TABLE \(searchWordTable) (
            word TEXT PRIMARY KEY,
            rows INTEGER NOT NULL CHECK (rows > 0)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO \(searchWordTable) (word, rows) SELECT term, doc FROM search_text_terms;
        \(searchSources.map(\.triggersCountingWords).joined(separator: "\n"))
        """

    /// Counts the words of the texts that `bodies` selects (`rowid, body`, a rowid each, at
    /// most one text per rowid) into the words of the index.
    static func countingWordsIn(_ bodies: String) -> String {
        "INSERT INTO search_text_scratch (rowid, body) \(bodies);\n" + scratchWordsIn
    }

    /// Counts the words of the texts that `bodies` selects out of the words of the index, and
    /// removes each word no row holds any longer.
    static func countingWordsOut(_ bodies: String) -> String {
        "INSERT INTO search_text_scratch (rowid, body) \(bodies);\n" + scratchWordsOut
    }

    /// Counts the words of the texts in `search_text_scratch` into the words of the index, and
    /// empties it.
    static let scratchWordsIn = """
        INSERT INTO \(searchWordTable) (word, rows) SELECT term, doc FROM search_text_scratch_terms WHERE true
            ON CONFLICT (word) DO UPDATE SET rows = rows + excluded.rows;
        INSERT INTO search_text_scratch (search_text_scratch) VALUES ('delete-all');
        """

    /// Counts the words of the texts in `search_text_scratch` out of the words of the index,
    /// removes each word no row holds any longer, and empties it.
    static let scratchWordsOut = """
        DELETE FROM \(searchWordTable) WHERE word IN (SELECT term FROM search_text_scratch_terms)
            AND rows <= (SELECT doc FROM search_text_scratch_terms WHERE term = word);
        UPDATE \(searchWordTable) SET rows = rows - (SELECT doc FROM search_text_scratch_terms WHERE term = word)
            WHERE word IN (SELECT term FROM search_text_scratch_terms);
        INSERT INTO search_text_scratch (search_text_scratch) VALUES ('delete-all');
        """

    /// How many words of `search_text_word` are missing, should not be there or are counted
    /// wrong, against the words of the full-text index (`trinvis check --full`).
    static func searchWordDifferences(in database: Database) throws -> Int {
        let kept = "SELECT word, rows FROM \(searchWordTable)"
        let wanted = "SELECT term, doc FROM search_text_terms"
        return Int(sqlValue: try database.scalar("""
            SELECT (SELECT count(*) FROM (\(kept) EXCEPT \(wanted))) + (SELECT count(*) FROM (\(wanted) EXCEPT \(kept)))
            """)) ?? 0
    }
}

extension Schema.SearchSource {
    /// The index row of the source row `row` (`new` or `old`) as a scratch row: its text.
    private func indexed(_ row: String) -> String {
        "SELECT 1, body FROM search_text WHERE rowid = \(row).id * 8 + \(kind)"
    }

    /// The triggers of `triggers`, each also counting the words of the index row it writes in
    /// and of the one it removes out (`Schema.searchWords`). The words counted are those of the
    /// index row itself, read back from the index: exactly what FTS5 holds.
    var triggersCountingWords: String {
        let wordsOut = Schema.countingWordsOut(indexed("old"))
        let wordsIn = Schema.countingWordsIn(indexed("new"))
        return """
            DROP TRIGGER \(table)_search_insert;
            DROP TRIGGER \(table)_search_update;
            DROP TRIGGER \(table)_search_delete;
            CREATE TRIGGER \(table)_search_insert AFTER INSERT ON \(table) BEGIN
                \(insert)
                \(wordsIn)
            END;
            CREATE TRIGGER \(table)_search_update AFTER UPDATE OF \(watched) ON \(table) BEGIN
                \(wordsOut)
                DELETE FROM search_text WHERE rowid = old.id * 8 + \(kind);
                \(insert)
                \(wordsIn)
            END;
            CREATE TRIGGER \(table)_search_delete AFTER DELETE ON \(table) BEGIN
                \(wordsOut)
                DELETE FROM search_text WHERE rowid = old.id * 8 + \(kind);
            END;
            """
    }
}
