extension Workspace {
    /// Runs `body` inside the caller's transaction with the full-text index of the rows it
    /// creates written once at the end, one statement per source table, instead of by the insert
    /// trigger of each row. In a long transaction a trigger per record made each insert of an
    /// import several times slower (an agreement's 46 µs instead of 8 µs): FTS5 writes its
    /// pending rows out at every savepoint, and every statement whose trigger writes to the index
    /// opens one, so the index was written in tens of thousands of small pieces.
    ///
    /// The insert triggers are dropped for the length of `body` and created again, from their
    /// own stored text, before it returns; both happen in the caller's transaction, which holds
    /// the write lock, so no other connection ever sees the file without them, and a rollback
    /// restores them with everything else. New rows are those of this installation's id range
    /// above the highest before (`create` takes the next id of that range); a new row that an
    /// update trigger indexed meanwhile (a meeting whose members were set) is not indexed twice.
    /// The index then holds exactly the rows the triggers would have written, and its words
    /// (`Schema.searchWords`) are counted as the triggers would have. An error from
    /// `body` must roll the whole transaction back (which brings the triggers back).
    ///
    /// The rows are indexed `batchRows` at a time, a statement each: the journal SQLite keeps
    /// of one statement (in memory, `temp_store`) grows with what the statement writes, and one
    /// statement for the 875,000 meetings of a large import held 185 MB.
    package func indexingSearchTextAtEnd<T>(batchRows: Int = 20_000, _ body: () throws -> T) throws -> T {
        precondition(database.isInTransaction, "the search index is filled in the transaction that writes the rows")
        let own = SiteIDs.range(of: try site)
        var deferred: [(source: Schema.SearchSource, above: Int64, trigger: String)] = []
        for source in Schema.searchSources {
            guard let trigger = try database.fetchOne("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                                                      [.text(source.insertTrigger)]).map({ try $0.get(0) as String })
            else { continue }
            let highest = Int64(sqlValue: try database.scalar("SELECT max(id) FROM \(source.table) WHERE id BETWEEN ? AND ?",
                                                              [.integer(own.lowerBound), .integer(own.upperBound)])) ?? own.lowerBound
            deferred.append((source, highest, trigger))
        }
        for entry in deferred { try database.executeScript("DROP TRIGGER \(entry.source.insertTrigger)") }
        let result = try body()
        for entry in deferred {
            var from = entry.above + 1
            while from <= own.upperBound {
                // The id of the batch's last row, or the end of the range for the last batch.
                let last = Int64(sqlValue: try database.scalar(
                    "SELECT id FROM \(entry.source.table) WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT 1 OFFSET ?3",
                    [.integer(from), .integer(own.upperBound), .integer(Int64(max(batchRows, 1) - 1))]))
                let range: [SQLValue] = [.integer(from), .integer(last ?? own.upperBound)]
                // The batch's words are counted first, as the insert trigger counts each row's.
                try database.execute(entry.source.fillRangeScratch, range)
                try database.executeScript(Schema.scratchWordsIn)
                try database.execute(entry.source.fillRange, range)
                guard let last else { break }
                from = last + 1
            }
            try database.executeScript(entry.trigger)
        }
        return result
    }
}
