/// The members each kind of entry of a document may have, and the nearest known name to an
/// unknown one (for "did you mean `withdrawn_on`?").
enum MemberNames {
    /// A member whose name starts with this is an extension: allowed anywhere, and read only
    /// where Trinvis knows it (`x-trade`, `x-companion`, ...).
    static let extensionPrefix = "x-"

    /// The known member closest to `name` by edit distance (letters inserted, removed, changed
    /// or two swapped; case, `-` and `_` alike), when it is close enough to be a slip: at most
    /// one edit for short names, two for names of six letters or more.
    static func nearest(to name: String, among known: [String]) -> String? {
        let typed = folded(name)
        let allowed = typed.count >= 6 ? 2 : 1
        var best: (name: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(typed, folded(candidate))
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    private static func folded(_ name: String) -> [Unicode.Scalar] {
        name.lowercased().unicodeScalars.map { $0 == "-" ? "_" : $0 }
    }

    /// The optimal string alignment distance (Levenshtein with adjacent transpositions).
    static func editDistance(_ first: [Unicode.Scalar], _ second: [Unicode.Scalar]) -> Int {
        if first.isEmpty { return second.count }
        if second.isEmpty { return first.count }
        var previousRow = [Int](0...second.count)
        var twoRowsBack = [Int](repeating: 0, count: second.count + 1)
        for i in 1...first.count {
            var row = [Int](repeating: 0, count: second.count + 1)
            row[0] = i
            for j in 1...second.count {
                let cost = first[i - 1] == second[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, first[i - 1] == second[j - 2], first[i - 2] == second[j - 1] {
                    row[j] = min(row[j], twoRowsBack[j - 2] + 1)
                }
            }
            twoRowsBack = previousRow
            previousRow = row
        }
        return previousRow[second.count]
    }
}
