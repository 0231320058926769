/// Makes text from data safe to send to the terminal.
///
/// Removes bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and
/// the byte-order mark; turns tabs into a space; replaces every other C0 control, ESC, DEL, C1
/// control (U+0080–U+009F) and any scalar the terminal cannot print with U+FFFD, so hostile
/// escape sequences become visible, inert text. Newlines (LF, CR, CR LF, U+2028, U+2029) become
/// a space, or a single LF when the caller keeps newlines for a multi-line view.
package enum Sanitizer {
    /// The character drawn in place of a control or unprintable scalar.
    package static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// `text` with nothing left that a terminal would interpret.
    package static func sanitize(_ text: String, keepingNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                continue
            case "\n", "\r", "\u{2028}", "\u{2029}":
                result.append(keepingNewlines ? "\n" : " ")
            case "\t":
                result.append(" ")
            case _ where isBidiControl(scalar) || scalar == "\u{FEFF}":
                continue
            case _ where isControl(scalar) || SystemWidth.rawWidth(scalar) < 0:
                result.append(replacement)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` contains nothing that ``sanitize(_:keepingNewlines:)`` would change.
    package static func isSafe(_ text: String, allowingNewlines: Bool = false) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar == "\n" { return allowingNewlines }
            return !isControl(scalar) && !isBidiControl(scalar) && scalar != "\u{FEFF}"
                && scalar != "\u{2028}" && scalar != "\u{2029}"
        }
    }

    /// Whether a scalar is a C0 control, DEL or a C1 control.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether a scalar is an explicit bidirectional formatting control.
    package static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return true
        default:
            return false
        }
    }
}
