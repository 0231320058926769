/// Makes text from data safe to send to a terminal: the one place that decides what may reach
/// one, used by the interface (every string drawn), the command line (every message and listing
/// on standard output and standard error), the text and CSV forms of the report and the audit
/// log, the printouts and the calendar.
///
/// Removes bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and
/// the byte-order mark; turns tabs into a space (or keeps them); replaces every other C0
/// control, ESC, DEL, C1 control (U+0080–U+009F) and unassigned code point with U+FFFD, so
/// hostile escape sequences become visible, inert text (or drops them, for print and CSV).
/// Newlines (LF, CR, CR LF, U+2028, U+2029) become a space, or a single LF when the caller
/// keeps newlines for multi-line text.
package enum Sanitizer {
    /// The character drawn in place of a control or unprintable scalar.
    package static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// What becomes of a control character.
    package enum Controls: Sendable {
        /// Replaced by U+FFFD, so that the attempt is visible (screens, messages).
        case marked
        /// Left out (print, CSV, calendars).
        case dropped
    }

    /// `text` with nothing left that a terminal would interpret.
    package static func sanitize(_ text: String, keepingNewlines: Bool = false, keepingTabs: Bool = false,
                                 controls: Controls = .marked) -> String {
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
                result.append(keepingTabs ? "\t" : " ")
            case _ where isBidiControl(scalar) || scalar == "\u{FEFF}":
                continue
            case _ where isControl(scalar) || isUnassigned(scalar):
                if controls == .marked { result.append(replacement) }
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` contains nothing that ``sanitize(_:keepingNewlines:keepingTabs:controls:)``
    /// would change.
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

    /// Whether a scalar is no character at all (unassigned, or a noncharacter), which a
    /// terminal cannot be trusted to measure.
    private static func isUnassigned(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && scalar.properties.generalCategory == .unassigned
    }
}
