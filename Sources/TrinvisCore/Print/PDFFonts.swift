import Foundation

/// A face of the printouts: the body text, or bold for titles, headings and what is overdue.
package enum PDFFace: Sendable, Hashable, CaseIterable {
    case regular
    case bold

    /// The font's name in a page's resources.
    var resourceName: String { self == .regular ? "F1" : "F2" }
}

/// The fonts a PDF is set in: two TrueType fonts read from the system and embedded as subsets,
/// so that every letter of Latin (with all its diacritics), Greek and Cyrillic prints exactly and
/// can be copied and searched; or, when no font file was found, the standard Helvetica fonts
/// every reader has, which know only WinAnsiEncoding.
///
/// Text is measured with the same widths the PDF gives its glyphs, so that wrapped lines end
/// where the reader sets them.
package struct PDFFonts: Sendable, Equatable {
    /// Where the glyphs come from.
    enum Source: Sendable, Equatable {
        /// Helvetica and Helvetica-Bold, not embedded.
        case standard
        /// TrueType fonts, embedded.
        case embedded(regular: TrueTypeFont, bold: TrueTypeFont)
    }

    /// Where the glyphs come from.
    let source: Source

    /// The standard Helvetica fonts (WinAnsiEncoding; other letters print as "?").
    package static let standard = PDFFonts(source: .standard)

    /// Two TrueType fonts, embedded as subsets of the glyphs the document shows.
    package static func embedded(regular: TrueTypeFont, bold: TrueTypeFont) -> PDFFonts {
        PDFFonts(source: .embedded(regular: regular, bold: bold))
    }

    /// True when the fonts are embedded TrueType fonts.
    package var isEmbedded: Bool { font(.regular) != nil }

    /// The TrueType font of a face, nil for the standard fonts.
    package func font(_ face: PDFFace) -> TrueTypeFont? {
        guard case .embedded(let regular, let bold) = source else { return nil }
        return face == .regular ? regular : bold
    }

    /// The width of `text` in points at `size` points, as a reader sets it (no kerning).
    package func width(of text: String, face: PDFFace, size: Double) -> Double {
        let units: Int
        if let font = font(face) {
            units = Self.glyphs(of: text, in: font).reduce(0) { $0 + font.width(of: $1.glyph) }
        } else {
            let standard = PDFStandardFont(face)
            units = WinAnsi.encode(text).reduce(0) { $0 + standard.advance(of: $1) }
        }
        return Double(units) * size / 1000
    }

    /// `text` as the operand of `Tj`: a hexadecimal string of two-byte glyph numbers for an
    /// embedded font (Identity-H), a literal string of WinAnsi bytes for a standard one.
    package func operand(_ text: String, face: PDFFace) -> [UInt8] {
        guard let font = font(face) else { return PDFSyntax.literalString(WinAnsi.encode(text)) }
        return Self.hexString(Self.glyphs(of: text, in: font).map(\.glyph))
    }

    /// The glyphs that show `text` in `font`, each with the text it stands for (for the
    /// ToUnicode map). A character is looked up composed (NFC), else decomposed (a letter and
    /// its combining marks); invisible format characters the font lacks (variation selectors,
    /// joiners) are left out; a character the font cannot show at all becomes one `.notdef`
    /// glyph standing for U+FFFD.
    package static func glyphs(of text: String, in font: TrueTypeFont) -> [(glyph: TrueTypeFont.GlyphID, text: String)] {
        var result: [(glyph: TrueTypeFont.GlyphID, text: String)] = []
        result.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, let glyph = font.glyph(for: scalar) {
                result.append((glyph, String(scalar)))
                continue
            }
            let forms = [String(character).precomposedStringWithCanonicalMapping,
                         String(character).decomposedStringWithCanonicalMapping]
            if let shown = forms.lazy.compactMap({ glyphs(ofScalars: $0.unicodeScalars, in: font) }).first {
                result += shown
            } else {
                result.append((0, "\u{FFFD}"))
            }
        }
        return result
    }

    /// The glyphs of every scalar but ignorable ones the font lacks, nil when one is missing.
    private static func glyphs(ofScalars scalars: String.UnicodeScalarView,
                               in font: TrueTypeFont) -> [(glyph: TrueTypeFont.GlyphID, text: String)]? {
        var result: [(glyph: TrueTypeFont.GlyphID, text: String)] = []
        for scalar in scalars {
            if let glyph = font.glyph(for: scalar) {
                result.append((glyph, String(scalar)))
            } else if !scalar.properties.isDefaultIgnorableCodePoint {
                return nil
            }
        }
        return result
    }

    /// `<0024004F…>`: each number as four uppercase hexadecimal digits.
    static func hexString(_ numbers: [UInt16]) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = [0x3C]
        bytes.reserveCapacity(numbers.count * 4 + 2)
        for number in numbers {
            for shift in [12, 8, 4, 0] { bytes.append(digits[Int(number >> UInt16(shift)) & 0xF]) }
        }
        bytes.append(0x3E)
        return bytes
    }
}
