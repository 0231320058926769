#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the terminal's locale can show.
package enum TerminalCapabilities {
    /// Whether the current `LC_CTYPE` codeset (`nl_langinfo(CODESET)`) is UTF-8.
    /// Call after `setlocale(LC_ALL, "")`; before it the C locale always answers false.
    package static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return isUTF8(codesetName: String(cString: codeset))
    }

    /// Whether a codeset name means UTF-8 ("UTF-8", "utf8", ...).
    package static func isUTF8(codesetName: String) -> Bool {
        let letters = codesetName.lowercased().filter { $0.isLetter || $0.isNumber }
        return letters == "utf8"
    }
}
