import Foundation

/// Text rules shared by storage and search: NFC storage and Danish-aware folding.
package enum TextNormalization {
    /// The canonical composed form (NFC) in which all text is stored.
    package static func nfc(_ text: String) -> String {
        // Below U+0300 (where the combining marks begin) every character is its own NFC and
        // none combines with its neighbour: such text, Danish included, is NFC already. In
        // UTF-8 those are exactly the texts without a byte from 0xCC up (U+0300 is CC 80).
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// A key for case- and accent-insensitive matching that keeps the Danish letters apart:
    /// `Æ` and `æ` fold together, `é` folds to `e`, but `æ`, `ø` and `å` stay letters of their own
    /// (`å` is not `a`, `æ` is not `ae`). The Swedish/German `ä` and `ö` fold to `æ` and `ø`, and
    /// the old Danish spelling `aa` is `å` (Aalborg is Ålborg, Aalund is Ålund), as in Danish
    /// alphabetical order.
    package static func searchKey(_ text: String) -> String {
        let lower = text.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in lower.unicodeScalars {
            if isCombiningMark(scalar) {
                switch (previous, scalar.value) {
                case ("a", 0x030A):  // a + ring above = å
                    scalars.append(scalar)
                case ("a", 0x0308):  // ä → æ
                    scalars.removeLast()
                    scalars.append("æ")
                case ("o", 0x0308):  // ö → ø
                    scalars.removeLast()
                    scalars.append("ø")
                default:
                    break  // other accents are dropped
                }
                continue
            }
            scalars.append(scalar)
            previous = scalar
        }
        return String(scalars).precomposedStringWithCanonicalMapping.replacingOccurrences(of: "aa", with: "å")
    }

    /// A key that orders names as a Danish reader expects: by `searchKey`, with æ, ø and å
    /// (in that order) after z and the other Latin letters.
    package static func sortKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in searchKey(text).unicodeScalars {
            switch scalar {
            case "æ": scalars.append("\u{0250}")
            case "ø": scalars.append("\u{0251}")
            case "å": scalars.append("\u{0252}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
