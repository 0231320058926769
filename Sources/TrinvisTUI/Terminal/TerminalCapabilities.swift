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

    /// `setlocale(LC_ALL, "")`, and when that fails because a locale named in the environment is
    /// not installed (say `LANG=da_DK.UTF-8` on a machine without it), at least the character
    /// type: the named locale's `LC_CTYPE` if it exists, else `C.UTF-8` when a UTF-8 locale was
    /// asked for, so that Danish letters are still drawn rather than replaced by "?".
    package static func adoptEnvironmentLocale() {
        if setlocale(LC_ALL, "") != nil { return }
        let names = ["LC_ALL", "LC_CTYPE", "LANG"]
        let requested = names.lazy.compactMap { name in getenv(name).map { String(cString: $0) } }
            .first { !$0.isEmpty } ?? ""
        if !requested.isEmpty, setlocale(LC_CTYPE, requested) != nil { return }
        if isUTF8(codesetName: requested.split(separator: ".").last.map(String.init) ?? "") {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Whether a codeset name means UTF-8 ("UTF-8", "utf8", ...).
    package static func isUTF8(codesetName: String) -> Bool {
        let letters = codesetName.lowercased().filter { $0.isLetter || $0.isNumber }
        return letters == "utf8"
    }
}
