#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
// Only libc's `wcwidth`, which the Glibc module hides, is taken from the shim here; no curses calls.
internal import CNcurses

/// The C library's `wcwidth`, evaluated under a UTF-8 character-type locale so that widths do
/// not depend on the process locale (in the "C" locale every non-ASCII scalar measures -1).
enum SystemWidth {
    /// A UTF-8 `LC_CTYPE` locale object, or nil when the system has none.
    nonisolated(unsafe) private static let utf8Locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) {
                return locale
            }
        }
        return nil
    }()

    /// The raw `wcwidth` of a scalar: 0, 1 or 2, or -1 for controls and unassigned code points.
    static func rawWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        guard let locale = utf8Locale else { return fallbackWidth(scalar) }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return Int(trinvis_wcwidth(value))
    }

    /// Whether `wcwidth` is backed by a UTF-8 table (false only on systems without one).
    static var hasUTF8Table: Bool { utf8Locale != nil }

    /// A rough width from Unicode properties for systems without a UTF-8 locale.
    private static func fallbackWidth(_ scalar: Unicode.Scalar) -> Int {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator:
            return -1
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if properties.isEmojiPresentation { return 2 }
        let value = scalar.value
        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }
}
