/// Horizontal alignment of text padded to a width.
package enum TextAlignment: Sendable, Hashable {
    /// Text at the left, padding at the right.
    case leading
    /// Text at the right, padding at the left.
    case trailing
    /// Text in the middle; an odd padding column goes to the right.
    case center
}

/// Display-column arithmetic for text on a terminal.
///
/// Widths come from the C library's `wcwidth` per Unicode scalar, applied per grapheme cluster:
/// a cluster is as wide as its first scalar (combining marks add nothing), a pair of regional
/// indicators (a flag) is 2, and an emoji ZWJ sequence is as wide as its widest member (2).
/// Scalars `wcwidth` cannot measure (controls, unassigned code points) count as 1, because
/// ``Sanitizer`` draws them as U+FFFD. Nothing here uses `String.count` or byte counts as a width.
package enum DisplayWidth {
    /// The number of columns a scalar occupies on its own: 0, 1 or 2.
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let width = SystemWidth.rawWidth(scalar)
        return width < 0 ? 1 : min(width, 2)
    }

    /// The number of columns a grapheme cluster occupies: 0, 1 or 2.
    package static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value >= 0x20 && first.value < 0x7F && scalars.count == 1 { return 1 }
        if isRegionalIndicator(first) {
            let second = scalars.dropFirst().first
            if let second, isRegionalIndicator(second) { return 2 }
        }
        var width = of(first)
        if scalars.contains(zeroWidthJoiner) {
            for scalar in scalars where scalar != zeroWidthJoiner {
                width = max(width, SystemWidth.rawWidth(scalar))
            }
        }
        return min(width, 2)
    }

    /// The number of columns a string occupies.
    package static func of<Text: StringProtocol>(_ text: Text) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// The longest prefix of `text` that fits in `width` columns, and its width.
    ///
    /// Never splits a grapheme cluster; a wide character that would straddle the limit is left out.
    package static func prefix(of text: String, fittingIn width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let characterWidth = of(text[index])
            if used + characterWidth > width { break }
            used += characterWidth
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    /// `text` shortened to at most `width` columns, ending in `ellipsis` when something was cut.
    ///
    /// Grapheme clusters and wide characters are never split, so the result can be one column
    /// narrower than `width`. Spaces before the ellipsis are dropped. When not even the ellipsis
    /// fits, the text is cut without one.
    package static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        guard ellipsisWidth < width else { return prefix(of: text, fittingIn: width).text }
        var kept = prefix(of: text, fittingIn: width - ellipsisWidth).text
        while let last = kept.last, last == " " {
            kept.removeLast()
        }
        return kept + ellipsis
    }

    /// `text` padded with spaces to exactly `width` columns (returned unchanged when wider).
    package static func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .leading)
        -> String
    {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .leading:
            return text + String(repeating: " ", count: missing)
        case .trailing:
            return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text
                + String(repeating: " ", count: missing - left)
        }
    }

    /// `text` truncated (with `ellipsis`) and padded so that it occupies exactly `width` columns.
    package static func fit(
        _ text: String, toWidth width: Int, alignment: TextAlignment = .leading,
        ellipsis: String = "…"
    ) -> String {
        pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width, alignment: alignment)
    }

    /// `text` broken into lines of at most `width` columns.
    ///
    /// Lines break at spaces; a word longer than the width is broken between grapheme clusters.
    /// Explicit newlines are kept (an empty line stays empty). Spaces at a break are dropped,
    /// indentation at the start of a paragraph is kept. A single character wider than `width`
    /// gets a line of its own, so the result can only exceed the width when `width` < 2.
    package static func wrap(_ text: String, toWidth width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        let paragraphs = text.split(omittingEmptySubsequences: false) { $0.isNewline }
        for paragraph in paragraphs {
            wrapParagraph(Substring(paragraph), width: width, into: &lines)
        }
        return lines
    }

    // MARK: - Private

    private static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var pendingSpaces = 0
        var atParagraphStart = true
        var index = paragraph.startIndex

        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
        }

        while index < paragraph.endIndex {
            if paragraph[index] == " " {
                let end = paragraph[index...].firstIndex { $0 != " " } ?? paragraph.endIndex
                pendingSpaces = paragraph.distance(from: index, to: end)
                index = end
                if atParagraphStart {
                    let indent = min(pendingSpaces, width - 1)
                    line = String(repeating: " ", count: indent)
                    lineWidth = indent
                    pendingSpaces = 0
                }
                continue
            }
            atParagraphStart = false
            let end = paragraph[index...].firstIndex(of: " ") ?? paragraph.endIndex
            let word = paragraph[index..<end]
            index = end
            let wordWidth = of(word)
            let separator = lineWidth > 0 ? pendingSpaces : 0
            pendingSpaces = 0
            if lineWidth + separator + wordWidth <= width {
                line += String(repeating: " ", count: separator) + word
                lineWidth += separator + wordWidth
                continue
            }
            if lineWidth > 0 && wordWidth <= width {
                flush()
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            // The word is longer than a line: break it between grapheme clusters.
            if lineWidth > 0 && lineWidth + separator < width {
                line += String(repeating: " ", count: separator)
                lineWidth += separator
            } else if lineWidth > 0 {
                flush()
            }
            for character in word {
                let characterWidth = of(character)
                if lineWidth + characterWidth > width && lineWidth > 0 {
                    flush()
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        lines.append(line)
    }
}

extension String {
    /// The number of terminal columns this string occupies (see ``DisplayWidth``).
    package var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// The number of terminal columns this grapheme cluster occupies (see ``DisplayWidth``).
    package var displayWidth: Int { DisplayWidth.of(self) }
}
