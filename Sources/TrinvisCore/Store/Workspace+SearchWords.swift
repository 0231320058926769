extension Workspace {
    /// How many whole words the last word typed may stand for (`textMatchExpression`) when
    /// `prefixWordLimit` is nil. Beyond it (a word of one or two letters) FTS5's prefix answers.
    static let defaultPrefixWordLimit = 50

    /// The FTS5 query for typed text in what is written about citizens: `ftsExpression`, with
    /// the last word, which is a prefix, given as the whole words of the index it begins
    /// (`"praktik" OR "praktikken"`, from `search_text_word`). Both find the same rows, but
    /// FTS5 reads every row of every word a prefix begins before it gives the newest, and only
    /// the newest of each word named. Nil when no row can match: the text has no word, or the
    /// index holds no word the last one begins.
    ///
    /// The words are looked up only for a word whose letters are all ones whose folding is
    /// known to be FTS5's (`foldedAsTheIndex`: the Latin letters, Danish ones too, and the
    /// digits); any other word, and one that begins more than the limit, goes to FTS5 as typed.
    func textMatchExpression(_ text: String) throws -> String? {
        guard let expression = Self.ftsExpression(text) else { return nil }
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let limit = prefixWordLimit ?? Self.defaultPrefixWordLimit
        guard limit > 0, let last = words.last, let prefix = Self.foldedAsTheIndex(last) else { return expression }
        // Every word that begins with the prefix sorts from it up to the prefix followed by the
        // highest code point, which no word holds (FTS5 takes only letters, digits and private use).
        let found = try database.fetchAll("""
            SELECT word FROM \(Schema.searchWordTable) WHERE word >= ?1 AND word < ?1 || char(1114111) ORDER BY word LIMIT ?2
            """, [.text(prefix), .integer(Int64(limit + 1))]) { try $0.get(0, as: String.self) }
        guard !found.isEmpty else { return nil }
        guard found.count <= limit else { return expression }
        // FTS5 joins phrases side by side with AND, but a group only with an AND written out.
        let earlier = words.dropLast().map { "\"" + $0 + "\" " }.joined()
        return earlier + (earlier.isEmpty ? "" : "AND ") + "(" + found.map { "\"" + $0 + "\"" }.joined(separator: " OR ") + ")"
    }

    /// `word` folded as FTS5's `unicode61` tokenizer folds it (`remove_diacritics 0`), when
    /// every one of its characters is a digit or a letter of the Latin alphabets of ASCII and
    /// Latin-1, whose folding is plain: `A`-`Z` and `À`-`Þ` (but `×`) to the letter 32 above.
    /// Nil for a word with any other character.
    static func foldedAsTheIndex(_ word: String) -> String? {
        var folded = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A, 0xE0...0xF6, 0xF8...0xFF: folded.append(scalar)
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: folded.append(Unicode.Scalar(scalar.value + 32)!)
            default: return nil
            }
        }
        return folded.isEmpty ? nil : String(folded)
    }
}
