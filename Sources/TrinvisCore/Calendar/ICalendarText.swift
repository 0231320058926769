/// The text rules of iCalendar (RFC 5545 section 3.1 and 3.3.11): content lines ended by CRLF
/// and folded at 75 octets, TEXT values escaped, and data cleaned of control characters.
package enum ICalendarText {
    /// The line end of every content line.
    package static let lineEnd = "\r\n"
    /// The longest physical line in octets, without its CRLF (a continuation's leading space counts).
    package static let maximumLineOctets = 75

    /// A TEXT value: data cleaned by `clean`, then `\` `;` `,` escaped and line breaks written `\n`.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in clean(text).unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Text from data made safe for a calendar: line breaks (CRLF, CR, LF, U+2028, U+2029)
    /// become `\n`, a tab becomes a space, and other control characters (C0, DEL, C1) and bidi
    /// controls (which can make a text look like something else) are removed (`Sanitizer`).
    package static func clean(_ text: String) -> String {
        Sanitizer.sanitize(text, keepingNewlines: true, controls: .dropped)
    }

    /// One content line, `NAME[;PARAM=VALUE…]:VALUE`, folded and ended by CRLF. `value` is
    /// written as it is: escape TEXT values with `escape` first.
    package static func contentLine(_ name: String, _ value: String, parameters: [(String, String)] = []) -> String {
        let head = ([name] + parameters.map { $0.0 + "=" + $0.1 }).joined(separator: ";")
        return fold(head + ":" + value)
    }

    /// Folds a logical line into physical lines of at most 75 octets, each ended by CRLF, the
    /// continuations starting with one space. Breaks fall between characters (grapheme clusters)
    /// where they fit, else between Unicode scalars, never inside a UTF-8 sequence; unfolding
    /// (removing every CRLF followed by one space) gives the line back.
    package static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        func breakLine() {
            result += lineEnd + " "
            octets = 1
        }
        for character in line {
            let size = character.utf8.count
            if octets + size <= maximumLineOctets {
                result.append(character)
                octets += size
                continue
            }
            if size <= maximumLineOctets - 1 {
                breakLine()
                result.append(character)
                octets += size
                continue
            }
            // A character longer than a whole line (a long run of combining marks): by scalars.
            for scalar in character.unicodeScalars {
                let scalarSize = UTF8.width(scalar)
                if octets + scalarSize > maximumLineOctets { breakLine() }
                result.unicodeScalars.append(scalar)
                octets += scalarSize
            }
        }
        return result + lineEnd
    }
}
