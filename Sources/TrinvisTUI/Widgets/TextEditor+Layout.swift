/// One logical line (paragraph) of a ``TextEditorState``: its grapheme clusters, their widths,
/// and where it is soft-wrapped at the editor's text width.
struct EditorLine: Sendable, Hashable {
    /// The grapheme clusters (no line break).
    private(set) var characters: [Character]
    /// Per cluster: its display width (bits 0–1) and whether it is a space one may wrap after
    /// (bit 7). Kept beside the clusters so re-wrapping never calls `wcwidth` again.
    private(set) var metrics: [UInt8]
    /// The index of the first cluster of each visual row; the first is always 0, and an empty
    /// line has one (empty) row.
    private(set) var rowStarts: [Int]

    /// A line of `characters` wrapped at `width` columns.
    init(_ characters: [Character], width: Int) {
        self.characters = characters
        self.metrics = characters.map(EditorWrap.metric)
        self.rowStarts = EditorWrap.rowStarts(of: metrics, width: width)
    }

    /// A line cut from another: its clusters and their metrics, wrapped at `width` columns.
    private init(_ characters: ArraySlice<Character>, metrics: ArraySlice<UInt8>, width: Int) {
        self.characters = Array(characters)
        self.metrics = Array(metrics)
        self.rowStarts = EditorWrap.rowStarts(of: self.metrics, width: width)
    }

    /// The number of clusters.
    var count: Int { characters.count }

    /// The number of visual rows.
    var rowCount: Int { rowStarts.count }

    /// The display width of the cluster at `index`.
    func width(at index: Int) -> Int { Int(metrics[index] & EditorWrap.widthMask) }

    /// The clusters of visual row `row`.
    func range(ofRow row: Int) -> Range<Int> {
        rowStarts[row]..<(row + 1 < rowStarts.count ? rowStarts[row + 1] : characters.count)
    }

    /// The visual row that shows the position before cluster `index` (0...count). A position
    /// on a soft break belongs to the row it starts, the end of the line to the last row.
    func row(of index: Int) -> Int {
        var low = 0
        var high = rowStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rowStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The display column of the position before cluster `index`, within its visual row.
    func column(of index: Int) -> Int {
        var column = 0
        for position in rowStarts[row(of: index)]..<index {
            column += width(at: position)
        }
        return column
    }

    /// The display width of the clusters before `index` in the whole line (for tab stops).
    func lineColumn(of index: Int) -> Int {
        metrics[..<index].reduce(0) { $0 + Int($1 & EditorWrap.widthMask) }
    }

    /// The last position on visual row `row` whose column is at most `goal`. On a row followed
    /// by a soft break the position on the break itself belongs to the next row, so the row's
    /// last cluster is not passed.
    func index(inRow row: Int, atColumn goal: Int) -> Int {
        let rowRange = range(ofRow: row)
        let last = row + 1 < rowStarts.count ? rowRange.upperBound - 1 : rowRange.upperBound
        var index = rowRange.lowerBound
        var column = 0
        while index < last {
            let characterWidth = width(at: index)
            if column + characterWidth > goal { break }
            column += characterWidth
            index += 1
        }
        return index
    }

    /// Replaces the clusters in `range` by `replacement` and re-wraps only as far as the change
    /// can reach: from the row before the changed one until a row starts where an old row
    /// started (past the change), from where the old layout is reused.
    mutating func replace(_ range: Range<Int>, with replacement: [Character], width: Int) {
        let oldStarts = rowStarts
        let changedRow = row(of: range.lowerBound)
        let kept = oldStarts[...max(changedRow - 1, 0)]
        let shift = replacement.count - range.count
        characters.replaceSubrange(range, with: replacement)
        metrics.replaceSubrange(range, with: replacement.map(EditorWrap.metric))
        rowStarts = EditorWrap.rowStarts(
            of: metrics, width: width, keeping: kept, reusing: oldStarts[(changedRow + 1)...],
            shift: shift, from: range.lowerBound + replacement.count)
    }

    /// Cuts the line at `index` into two lines, of which this keeps the longer part (so only
    /// the shorter one is copied) and the returned one holds the other. `keepsHead` tells
    /// whether this line kept the part before `index`. Both re-use what they can of the old
    /// layout.
    mutating func split(at index: Int, width: Int) -> (other: EditorLine, keepsHead: Bool) {
        if index * 2 >= characters.count {
            let tail = EditorLine(characters[index...], metrics: metrics[index...], width: width)
            replace(index..<characters.count, with: [], width: width)
            return (tail, true)
        }
        let head = EditorLine(characters[..<index], metrics: metrics[..<index], width: width)
        replace(0..<index, with: [], width: width)
        return (head, false)
    }

    /// Appends `other` (the next line, after its line break was deleted), re-wrapping only
    /// around the join: this line's rows before it and `other`'s rows after it are reused.
    /// `junction` is the replacement for this line's last cluster and `other`'s first, already
    /// re-segmented (both may have become one cluster).
    mutating func join(_ other: EditorLine, junction: [Character], width: Int) {
        guard !other.characters.isEmpty else { return }
        guard !characters.isEmpty else {
            self = other
            return
        }
        let oldStarts = rowStarts
        let changedRow = row(of: characters.count - 1)
        let kept = oldStarts[...max(changedRow - 1, 0)]
        let junctionStart = characters.count - 1
        characters.removeLast()
        metrics.removeLast()
        characters.append(contentsOf: junction)
        metrics.append(contentsOf: junction.map(EditorWrap.metric))
        characters.append(contentsOf: other.characters.dropFirst())
        metrics.append(contentsOf: other.metrics.dropFirst())
        // `other`'s cluster 1 now sits right after the junction.
        let shift = junctionStart + junction.count - 1
        rowStarts = EditorWrap.rowStarts(
            of: metrics, width: width, keeping: kept, reusing: other.rowStarts[...], shift: shift,
            from: junctionStart + junction.count)
    }

    /// Re-wraps the whole line at another width.
    mutating func rewrap(width: Int) {
        rowStarts = EditorWrap.rowStarts(of: metrics, width: width)
    }
}

/// The soft-wrap rule of the editor, on per-cluster metrics.
///
/// Greedy, by display columns: a row takes clusters while they fit in the width. Spaces never
/// start a new row: they hang at the end of the row they follow (they are invisible there and
/// keep every position of the text on the screen). A row may break after a space; a word that
/// does not fit moves to the next row whole, and a word wider than the whole width is broken
/// between clusters. A wide (2-column) cluster never straddles the edge. A row always takes at
/// least one cluster, so a cluster wider than the width gets a row of its own.
///
/// Where a row ends depends only on the clusters from its start up to (at most) the first
/// cluster of the following row. So after an edit, rows ending before the edit are kept, and
/// once a row starts at a position where a row started before the edit (with the same text
/// after it) the rest of the old layout is kept too: typing costs a few rows of work, not the
/// whole paragraph.
package enum EditorWrap {
    /// The bits of a metric holding the display width.
    static let widthMask: UInt8 = 0x03
    /// The bit of a metric marking a space that a row may break after.
    static let spaceBit: UInt8 = 0x80

    /// The metric of a cluster: its display width, and the space bit for " ".
    static func metric(_ character: Character) -> UInt8 {
        UInt8(DisplayWidth.of(character)) | (character == " " ? spaceBit : 0)
    }

    /// Row starts of a whole paragraph wrapped at `width` columns (the reference layout).
    package static func rowStarts(of characters: [Character], width: Int) -> [Int] {
        rowStarts(of: characters.map(metric), width: width)
    }

    /// Row starts of a paragraph's metrics wrapped at `width` columns, from scratch.
    static func rowStarts(of metrics: [UInt8], width: Int) -> [Int] {
        rowStarts(of: metrics, width: width, keeping: [0], reusing: [], shift: 0, from: 0)
    }

    /// Row starts of a paragraph's metrics wrapped at `width` columns, re-using earlier work.
    ///
    /// - Parameters:
    ///   - kept: row starts known to be unchanged; the last one is where wrapping resumes.
    ///   - old: row starts of an earlier layout, in increasing order, in coordinates that
    ///     `shift` turns into this paragraph's.
    ///   - minimum: the first position from which the text after an old row start (shifted) is
    ///     known to be the same as before; the first row start produced at or after it that
    ///     matches an old one ends the work, and the rest of `old` is taken over.
    static func rowStarts(
        of metrics: [UInt8], width: Int, keeping kept: ArraySlice<Int>, reusing old: ArraySlice<Int>,
        shift: Int, from minimum: Int
    ) -> [Int] {
        let width = max(width, 1)
        var starts = Array(kept)
        var rowStart = starts.last ?? 0
        if starts.isEmpty { starts.append(0) }
        var column = 0
        var wordStart = -1  // where the current word started, if a row may break there
        var wordWidth = 0
        var oldIndex = old.startIndex
        var index = rowStart
        while index < metrics.count {
            let metric = metrics[index]
            let characterWidth = Int(metric & widthMask)
            if metric & spaceBit != 0 {
                column += characterWidth
                index += 1
                continue
            }
            if index > rowStart && metrics[index - 1] & spaceBit != 0 {
                wordStart = index
                wordWidth = 0
            }
            if column + characterWidth > width && index > rowStart {
                if wordStart > rowStart && wordWidth + characterWidth <= width {
                    rowStart = wordStart
                    column = wordWidth
                } else {
                    rowStart = index
                    column = 0
                }
                wordStart = -1
                if rowStart >= minimum {
                    while oldIndex < old.endIndex && old[oldIndex] + shift < rowStart {
                        oldIndex += 1
                    }
                    if oldIndex < old.endIndex && old[oldIndex] + shift == rowStart {
                        starts.append(contentsOf: old[oldIndex...].lazy.map { $0 + shift })
                        return starts
                    }
                }
                starts.append(rowStart)
            }
            column += characterWidth
            wordWidth += characterWidth
            index += 1
        }
        return starts
    }
}
