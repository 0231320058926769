/// Greedy line breaking shared by the text and the PDF printouts: words stay whole, separated
/// by single spaces; only a word wider than a whole line is cut, at character boundaries.
enum LineWrapping {
    /// The lines of `text` no wider than `width` by `measure`, which must be additive (the
    /// width of two strings together is the sum of their widths). Empty text gives no lines.
    static func wrap(_ text: String, width: Double, measure: (String) -> Double) -> [String] {
        let space = measure(" ")
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        for wordText in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(wordText)
            var wordWidth = measure(word)
            if !current.isEmpty, currentWidth + space + wordWidth <= width {
                current += " " + word
                currentWidth += space + wordWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            while wordWidth > width, word.count > 1 {
                let piece = longestPrefix(of: word, width: width, measure: measure)
                lines.append(piece)
                word = String(word.dropFirst(piece.count))
                wordWidth = measure(word)
            }
            current = word
            currentWidth = wordWidth
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The longest start of `word` (at least one character) no wider than `width`.
    private static func longestPrefix(of word: String, width: Double, measure: (String) -> Double) -> String {
        var prefix = ""
        var prefixWidth = 0.0
        for character in word {
            let characterWidth = measure(String(character))
            if !prefix.isEmpty, prefixWidth + characterWidth > width { break }
            prefix.append(character)
            prefixWidth += characterWidth
        }
        return prefix
    }
}
