/// WinAnsiEncoding (Windows code page 1252), the encoding the printouts' PDF fonts use: the
/// Latin-1 letters (æ ø å Æ Ø Å é ü …) keep their code, and a few punctuation marks and letters
/// (€ – — “ ” ‘ ’ • … Š Œ Ÿ) sit in 0x80–0x9F. Anything else cannot be shown by the standard
/// fonts and becomes `?`.
package enum WinAnsi {
    /// The byte written for a character the encoding does not have.
    package static let replacement: UInt8 = 0x3F

    /// The bytes of `text`, one per character (a letter with its combining marks is one
    /// character: composed when Unicode has the composed letter, `?` otherwise).
    package static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text {
            bytes.append(byte(for: character) ?? replacement)
        }
        return bytes
    }

    /// The code of a character, or nil when WinAnsiEncoding does not have it.
    package static func byte(for character: Character) -> UInt8? {
        var scalars = character.unicodeScalars
        if scalars.count > 1 {
            scalars = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
        }
        guard scalars.count == 1, let scalar = scalars.first else { return nil }
        return byte(for: scalar)
    }

    /// The code of a Unicode scalar, or nil when WinAnsiEncoding does not have it.
    package static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xFF: return UInt8(scalar.value)
        default: return upperHalf[scalar.value]
        }
    }

    /// The characters of 0x80–0x9F (five codes there are unassigned).
    private static let upperHalf: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E,
        0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
