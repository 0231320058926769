import TrinvisCore

extension TextEditorState {
    /// Inserts text at the cursor, as if typed: cleaned (see the type's summary), line breaks
    /// included. Stops at the first cluster the length limit refuses.
    package mutating func insert(_ text: String) {
        let scalars = text.unicodeScalars
        if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
            Self.isPlain(scalar)
        {
            if insertCluster(Character(scalar)) { finishEdit() }
            return
        }
        // The cursor's column in its line matters only for tab stops, and costs the line.
        let column = text.unicodeScalars.contains("\t") ? lines[cursor.line].lineColumn(of: cursor.index) : 0
        var changed = false
        for character in Self.clean(text, startColumn: column, tabWidth: tabWidth) {
            let inserted = character == "\n" ? breakLine() : insertCluster(character)
            guard inserted else { break }
            changed = true
        }
        if changed { finishEdit() }
    }

    /// Breaks the line at the cursor (Enter).
    package mutating func insertLineBreak() {
        if breakLine() { finishEdit() }
    }

    /// Inserts spaces up to the next tab stop (for an app that binds Tab to it).
    package mutating func insertTab() {
        insert("\t")
    }

    /// Deletes the cluster before the cursor, or the line break when at the start of a line
    /// (Backspace).
    package mutating func deleteBackward() {
        if cursor.index > 0 {
            deleteInLine(cursor.index - 1..<cursor.index)
        } else if cursor.line > 0 {
            joinWithNext(cursor.line - 1)
        }
    }

    /// Deletes the cluster after the cursor, or the line break when at the end of a line
    /// (Delete).
    package mutating func deleteForward() {
        if cursor.index < lines[cursor.line].count {
            deleteInLine(cursor.index..<cursor.index + 1)
        } else if cursor.line + 1 < lines.count {
            joinWithNext(cursor.line)
        }
    }

    /// Deletes the spaces before the cursor and the word before them, within the line; at the
    /// start of a line deletes the line break (Ctrl-W).
    package mutating func deleteWordBackward() {
        guard cursor.index > 0 else {
            deleteBackward()
            return
        }
        let characters = lines[cursor.line].characters
        var start = cursor.index
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        deleteInLine(start..<cursor.index)
    }

    /// Deletes from the cursor to the end of the logical line; at the end of a line deletes the
    /// line break (Ctrl-K).
    package mutating func deleteToLineEnd() {
        let end = lines[cursor.line].count
        if cursor.index < end {
            deleteInLine(cursor.index..<end)
        } else {
            deleteForward()
        }
    }

    /// Deletes from the start of the logical line to the cursor; at the start of a line deletes
    /// the line break (Ctrl-U).
    package mutating func deleteToLineStart() {
        if cursor.index > 0 {
            deleteInLine(0..<cursor.index)
        } else {
            deleteBackward()
        }
    }

    // MARK: - Cleaning

    /// `text` as the editor stores it: line ends as "\n", tabs as spaces up to the next
    /// multiple of `tabWidth` columns (counted from `startColumn`, the column the text starts
    /// at in its line), controls as U+FFFD, no bidirectional controls or byte-order marks, NFC.
    package static func clean(_ text: String, startColumn: Int, tabWidth: Int) -> String {
        let tabWidth = max(tabWidth, 1)
        var result = String.UnicodeScalarView()
        var column = startColumn
        var isNormalized = true
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                continue
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                result.append("\n")
                column = 0
            case "\t":
                let spaces = tabWidth - column % tabWidth
                result.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case _ where Sanitizer.isBidiControl(scalar) || scalar == "\u{FEFF}":
                continue
            case _ where Sanitizer.isControl(scalar):
                result.append(Sanitizer.replacement)
                column += 1
            default:
                result.append(scalar)
                column += DisplayWidth.of(scalar)
                isNormalized = isNormalized && !affectsNormalization(scalar)
            }
        }
        let cleaned = String(result)
        return isNormalized ? cleaned : TextNormalization.nfc(cleaned)
    }

    // MARK: - Private

    /// Whether a scalar on its own is a cluster that is already clean and NFC, and never joins
    /// or composes with a neighbour that is plain too: printable and below U+0300 (ASCII,
    /// Latin-1 with æ ø å, Latin Extended), where no combining mark, joiner or composing jamo
    /// lives. The fast path for typing.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 && !Sanitizer.isControl(scalar) && scalar != "\u{AD}"
    }

    /// Whether NFC may change a scalar or what comes before it: it may compose with or be
    /// reordered around what precedes it (a combining mark, a Hangul vowel or final jamo), or
    /// NFC replaces it (a composition exclusion). Text without such scalars is NFC as it is,
    /// and putting such text after NFC text keeps it NFC.
    static func affectsNormalization(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered || properties.isFullCompositionExclusion {
            return true
        }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return (0x1161...0x1175).contains(value) || (0x11A8...0x11C2).contains(value)
        }
    }

    /// Whether a cluster is a single plain scalar (see the scalar's `isPlain`).
    static func isPlain(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        return scalars.count == 1 && isPlain(first)
    }

    /// Bookkeeping after any change of the text.
    private mutating func finishEdit() {
        version &+= 1
        preferredColumn = nil
        keepCursorVisible()
    }

    /// Inserts one clean cluster at the cursor, joining it with its neighbours where Unicode
    /// says they form one cluster (and recomposing to NFC). Returns false when the length
    /// limit refuses it.
    private mutating func insertCluster(_ character: Character) -> Bool {
        // Read the neighbours without keeping a reference to the line: holding one while
        // mutating it would copy the whole line on every keystroke.
        let position = cursor
        let (before, after) = neighbours(of: position)
        let window = [before, character, after].compactMap { $0 }
        let isPlain = Self.isPlain(character) && before.map(Self.isPlain) != false && after.map(Self.isPlain) != false
        if isPlain || Self.segment(window) == window {
            guard hasRoom(for: 1) else { return false }
            lines[position.line].replace(position.index..<position.index, with: [character], width: textWidth)
            count += 1
            cursor.index += 1
            return true
        }
        let start = position.index - (before == nil ? 0 : 1)
        let end = position.index + (after == nil ? 0 : 1)
        let left = Self.segment([before, character].compactMap { $0 })
        let joined = Self.segment(window)
        let growth = joined.count - (end - start)
        guard growth <= 0 || hasRoom(for: growth) else { return false }
        lines[position.line].replace(start..<end, with: joined, width: textWidth)
        count += growth
        let keepsAfter = after == nil || joined.count == left.count + 1 && joined.last == after
        cursor.index = start + (keepsAfter ? left.count : joined.count)
        return true
    }

    /// Breaks the line at the cursor; returns false when the length limit refuses it.
    private mutating func breakLine() -> Bool {
        guard hasRoom(for: 1) else { return false }
        let (other, keepsHead) = lines[cursor.line].split(at: cursor.index, width: textWidth)
        lines.insert(other, at: keepsHead ? cursor.line + 1 : cursor.line)
        count += 1
        cursor = TextPosition(line: cursor.line + 1, index: 0)
        return true
    }

    /// Deletes clusters of the cursor's line; the cursor goes to where they were. Clusters that
    /// become neighbours are re-segmented (two regional indicators make a flag).
    private mutating func deleteInLine(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let start = range.lowerBound
        let (before, _) = neighbours(of: TextPosition(line: cursor.line, index: start))
        let (_, after) = neighbours(of: TextPosition(line: cursor.line, index: range.upperBound))
        if let before, let after, !(Self.isPlain(before) && Self.isPlain(after)) {
            let pair = [before, after]
            let window = Self.segment(pair)
            lines[cursor.line].replace(start - 1..<range.upperBound + 1, with: window, width: textWidth)
            count -= range.count + 2 - window.count
            cursor.index = window == pair ? start : start - 1 + window.count
        } else {
            lines[cursor.line].replace(range, with: [], width: textWidth)
            count -= range.count
            cursor.index = start
        }
        finishEdit()
    }

    /// Deletes the line break after line `number`, joining the next line to it; the cursor
    /// goes to the join.
    private mutating func joinWithNext(_ number: Int) {
        let next = lines.remove(at: number + 1)
        let firstCount = lines[number].count
        count -= 1
        var junctionEnd = firstCount
        if let last = lines[number].characters.last, let head = next.characters.first {
            let pair = [last, head]
            let junction = Self.isPlain(last) && Self.isPlain(head) ? pair : Self.segment(pair)
            lines[number].join(next, junction: junction, width: textWidth)
            count -= 2 - junction.count
            if junction != pair { junctionEnd = firstCount - 1 + junction.count }
        } else {
            lines[number].join(next, junction: [], width: textWidth)
        }
        cursor = TextPosition(line: number, index: junctionEnd)
        finishEdit()
    }

    /// The clusters just before and just after a position in its line.
    private func neighbours(of position: TextPosition) -> (before: Character?, after: Character?) {
        let count = lines[position.line].count
        return (
            position.index > 0 ? lines[position.line].characters[position.index - 1] : nil,
            position.index < count ? lines[position.line].characters[position.index] : nil
        )
    }

    /// Neighbouring clean clusters as Unicode segments their concatenation, in NFC: the same
    /// clusters unless two of them join (a mark after a letter, two regional indicators) or
    /// compose. Foundation's NFC runs only when a scalar at a join may compose or reorder.
    private static func segment(_ clusters: [Character]) -> [Character] {
        let joined = String(clusters)
        let composes = clusters.dropFirst().contains { cluster in
            cluster.unicodeScalars.first.map(affectsNormalization) ?? false
        }
        if !composes {
            let segmented = Array(joined)
            if segmented == clusters { return clusters }
            return segmented
        }
        return Array(TextNormalization.nfc(joined))
    }

    /// Whether `growth` more clusters fit under the length limit.
    private func hasRoom(for growth: Int) -> Bool {
        guard let maxLength else { return true }
        return count + growth <= maxLength
    }
}
