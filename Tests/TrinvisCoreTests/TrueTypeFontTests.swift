import Foundation
import Testing
@testable import TrinvisCore

/// The TrueType reader and subsetter: character maps (format 4 and 12), widths, composite glyphs
/// and the subset font file, on a small font built here and on DejaVu Sans from the system.
@Suite struct TrueTypeFontTests {
    /// DejaVu Sans and DejaVu Sans Bold from the system (fonts-dejavu-core; .ci/run installs it).
    static func dejaVu() throws -> (regular: TrueTypeFont, bold: TrueTypeFont) {
        let choice = PDFFonts.system(environment: [:])
        #expect(choice.problem == nil, "DejaVu Sans is missing: install fonts-dejavu-core (.ci/run does)")
        let regular = try #require(choice.fonts.font(.regular)), bold = try #require(choice.fonts.font(.bold))
        return (regular, bold)
    }

    /// The embedded DejaVu fonts, as the printouts use them.
    static func embeddedFonts() throws -> PDFFonts {
        let dejaVu = try dejaVu()
        return .embedded(regular: dejaVu.regular, bold: dejaVu.bold)
    }

    @Test func formatFourMapsByDeltaAndByGlyphArray() throws {
        let font = try TrueTypeFont(bytes: TinyFont.bytes(cmap: TinyFont.formatFour()))
        #expect(font.glyph(for: "A") == 1)
        #expect(font.glyph(for: "B") == 2)
        #expect(font.glyph(for: "\u{0100}") == 3)  // through idRangeOffset
        #expect(font.glyph(for: "\u{0101}") == nil)  // the glyph array says 0: missing
        #expect(font.glyph(for: "C") == nil)
        #expect(font.glyph(for: "\u{1F600}") == nil)  // beyond the BMP: format 4 cannot say
        #expect(font.unitsPerEm == 1000 && font.glyphCount == 4)
    }

    @Test func formatTwelveReachesBeyondTheBasicPlane() throws {
        let font = try TrueTypeFont(bytes: TinyFont.bytes(cmap: TinyFont.formatTwelve()))
        #expect(font.glyph(for: "A") == 1)
        #expect(font.glyph(for: "B") == 2)
        #expect(font.glyph(for: "\u{1F600}") == 3)
        #expect(font.glyph(for: "\u{1F601}") == nil)
    }

    @Test func widthsRepeatTheLastAdvanceAndCompositesNameTheirComponents() throws {
        let font = try TrueTypeFont(bytes: TinyFont.bytes(cmap: TinyFont.formatFour()))
        // Two full metrics: glyphs 2 and 3 have the advance of glyph 1 and their own side bearing.
        #expect((0..<4).map { font.advance(of: $0) } == [500, 600, 600, 600])
        #expect((0..<4).map { font.leftSideBearing(of: $0) } == [0, 10, 20, 30])
        #expect(font.width(of: 1) == 600)
        #expect(font.components(of: 3) == [1, 2])
        #expect(font.components(of: 1).isEmpty)
        #expect(font.outline(of: 2).isEmpty, "glyph 2 has no outline")
    }

    @Test func damagedOrForeignFilesAreRefusedWithAReason() throws {
        #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: Array("not a font at all".utf8)) }
        #expect(throws: TrueTypeError.notTrueType("CFF outlines (OpenType)")) {
            try TrueTypeFont(bytes: Array("OTTO".utf8) + Array(repeating: 0, count: 12))
        }
        var cut = TinyFont.bytes(cmap: TinyFont.formatFour())
        cut.removeLast(40)
        #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: cut) }
    }

    @Test func dejaVuMapsLatinGreekCyrillicAndEmojiToTheirGlyphs() throws {
        let font = try Self.dejaVu().regular
        #expect(font.unitsPerEm == 2048)
        #expect(font.postScriptName == "DejaVuSans")
        // Glyph numbers and advances as the font's own tables give them.
        let expected: [(Unicode.Scalar, TrueTypeFont.GlyphID, Int)] = [
            ("A", 36, 1401), ("Å", 135, 1401), ("Ł", 259, 1151), ("ś", 285, 1067), ("\u{1EC5}", 2499, 1260),
            ("Σ", 824, 1294), ("Д", 937, 1600), ("Æ", 136, 1995), (" ", 3, 651), ("\u{1F600}", 5857, 2135),
        ]
        for (scalar, glyph, advance) in expected {
            #expect(font.glyph(for: scalar) == glyph, "\(scalar)")
            #expect(font.advance(of: glyph) == advance, "\(scalar)")
        }
        #expect(font.glyph(for: "李") == nil)
        #expect(font.width(of: 36) == 684)  // 1401 / 2048 of the size, in thousandths
        // ễ is built from e and a composite of circumflex and tilde: two levels deep.
        #expect(font.components(of: 2499) == [5987, 72])
        #expect(font.components(of: 5987) == [5926, 5924])
        #expect(font.capHeight > 1400 && font.capHeight < 1550)
        #expect(try Self.dejaVu().bold.postScriptName == "DejaVuSans-Bold")
    }

    @Test func theSubsetKeepsTheComponentsOfCompositeAccentsRenumbered() throws {
        let font = try Self.dejaVu().regular
        let glyphs = PDFFonts.glyphs(of: "ễś", in: font).map(\.glyph)
        #expect(glyphs == [2499, 285])
        let subset = font.subset(glyphs)
        #expect(subset.glyphs == [0, 72, 86, 118, 285, 2499, 5924, 5926, 5987])

        let reread = try TrueTypeFont(bytes: subset.bytes)
        #expect(reread.glyphCount == 9)
        #expect(reread.unitsPerEm == 2048)
        func number(_ glyph: TrueTypeFont.GlyphID) throws -> TrueTypeFont.GlyphID {
            try #require(subset.newGlyph(for: glyph))
        }
        #expect(subset.newGlyph(for: 36) == nil)
        // The composites point at their components' new numbers; the rest is as it was.
        #expect(reread.components(of: try number(2499)) == [try number(5987), try number(72)])
        #expect(reread.components(of: try number(5987)) == [try number(5926), try number(5924)])
        #expect(reread.components(of: try number(285)) == [try number(118), try number(86)])
        for glyph in subset.glyphs {
            let new = try number(glyph)
            #expect(reread.advance(of: new) == font.advance(of: glyph), "advance of \(glyph)")
            #expect(reread.leftSideBearing(of: new) == font.leftSideBearing(of: glyph), "side bearing of \(glyph)")
            if font.components(of: glyph).isEmpty {
                #expect(Array(reread.outline(of: new)) == Array(font.outline(of: glyph)), "outline of \(glyph)")
            } else {
                #expect(reread.outline(of: new).count == font.outline(of: glyph).count)
            }
        }
        // The whole file sums to the magic number head.checkSumAdjustment aims at.
        #expect(TrueTypeFont.checksum(subset.bytes[...]) == 0xB1B0_AFBA)
        #expect(subset.bytes.count < 12_000, "\(subset.bytes.count) bytes for nine glyphs")
        // The same glyphs give the same bytes.
        #expect(font.subset(glyphs.reversed()).bytes == subset.bytes)
    }

    @Test func charactersAreShownComposedDecomposedOrAsNotdef() throws {
        let font = try Self.dejaVu().regular
        // "å" typed as a and a combining ring is the composed glyph.
        #expect(PDFFonts.glyphs(of: "a\u{030A}", in: font).map(\.glyph) == PDFFonts.glyphs(of: "å", in: font).map(\.glyph))
        // q with a dot above has no composed form: q and the combining dot.
        let dotted = PDFFonts.glyphs(of: "q\u{0307}", in: font)
        #expect(dotted.map(\.text) == ["q", "\u{0307}"])
        // What the font lacks is one .notdef per character, standing for U+FFFD.
        let missing = PDFFonts.glyphs(of: "李👍🏽", in: font)
        #expect(missing.map(\.glyph) == [0, 0])
        #expect(missing.map(\.text) == ["\u{FFFD}", "\u{FFFD}"])
        // A variation selector the font lacks is left out; one it has is shown (it has no width).
        #expect(PDFFonts.glyphs(of: "\u{2764}\u{E0100}", in: font).map(\.text) == ["\u{2764}"])
        #expect(PDFFonts.glyphs(of: "\u{2764}\u{FE0F}", in: font).map(\.text) == ["\u{2764}", "\u{FE0F}"])
    }
}

/// A four-glyph TrueType font built byte by byte: glyph 1 simple, glyph 2 without outline,
/// glyph 3 a composite of glyphs 1 and 2; two full horizontal metrics.
enum TinyFont {
    static func bytes(cmap: [UInt8]) -> [UInt8] {
        var head = [UInt8](repeating: 0, count: 54)
        put(&head, 0, 0x0001_0000, 4)
        put(&head, 12, 0x5F0F_3CF5, 4)  // magic
        put(&head, 18, 1000, 2)
        put(&head, 40, 900, 2)
        put(&head, 42, 800, 2)
        var maxp = [UInt8](repeating: 0, count: 6)
        put(&maxp, 0, 0x0000_5000, 4)
        put(&maxp, 4, 4, 2)
        var hhea = [UInt8](repeating: 0, count: 36)
        put(&hhea, 0, 0x0001_0000, 4)
        put(&hhea, 4, 800, 2)
        put(&hhea, 6, 0xFF38, 2)  // -200
        put(&hhea, 34, 2, 2)
        var hmtx: [UInt8] = []
        for value in [500, 0, 600, 10, 20, 30] { hmtx += word(value, 2) }
        // Glyph 1: one contour and a few bytes; glyph 3: two components, the first with word
        // arguments and more to come, the second with a scale.
        let simple = word(1, 2) + word(0, 2) + word(0, 2) + word(500, 2) + word(700, 2) + [1, 2, 3, 4, 5, 6]
        let composite = word(0xFFFF, 2) + Array(repeating: 0, count: 8)
            + word(0x0021, 2) + word(1, 2) + word(100, 2) + word(0, 2)
            + word(0x0008, 2) + word(2, 2) + [10, 0] + word(0x4000, 2)
        let glyf = simple + composite
        let loca = [0, 0, simple.count, simple.count, glyf.count].flatMap { word($0 / 2, 2) }
        let tables: [(String, [UInt8])] = [("cmap", cmap), ("glyf", glyf), ("head", head), ("hhea", hhea), ("hmtx", hmtx),
                                           ("loca", loca), ("maxp", maxp)]
        var file = word(0x0001_0000, 4) + word(tables.count, 2) + word(64, 2) + word(2, 2) + word(tables.count * 16 - 64, 2)
        var body: [UInt8] = []
        var offset = 12 + 16 * tables.count
        for (tag, data) in tables {
            var padded = data
            while padded.count % 4 != 0 { padded.append(0) }
            file += Array(tag.utf8) + word(0, 4) + word(offset, 4) + word(data.count, 4)
            body += padded
            offset += padded.count
        }
        return file + body
    }

    /// A format 4 subtable: A–B by delta (glyphs 1, 2); U+0100–U+0101 through the glyph array
    /// (glyph 3, then 0); the closing 0xFFFF segment.
    static func formatFour() -> [UInt8] {
        let segments = 3
        var table = word(4, 2) + word(0, 2) + word(0, 2) + word(2 * segments, 2) + word(4, 2) + word(1, 2) + word(2, 2)
        table += word(0x42, 2) + word(0x101, 2) + word(0xFFFF, 2)  // ends
        table += word(0, 2)  // reserved
        table += word(0x41, 2) + word(0x100, 2) + word(0xFFFF, 2)  // starts
        table += word(0x10000 - 0x40, 2) + word(0, 2) + word(1, 2)  // deltas: A + delta = 1
        // Range offsets: the second points past the last offset to the glyph array.
        table += word(0, 2) + word(4, 2) + word(0, 2)
        table += word(3, 2) + word(0, 2)  // the glyph array
        put(&table, 2, table.count, 2)
        return cmapTable(platform: 3, encoding: 1, subtable: table)
    }

    /// A format 12 subtable: A–B (glyphs 1, 2) and U+1F600 (glyph 3).
    static func formatTwelve() -> [UInt8] {
        var table = word(12, 2) + word(0, 2) + word(0, 4) + word(0, 4) + word(2, 4)
        table += word(0x41, 4) + word(0x42, 4) + word(1, 4)
        table += word(0x1F600, 4) + word(0x1F600, 4) + word(3, 4)
        put(&table, 4, table.count, 4)
        return cmapTable(platform: 3, encoding: 10, subtable: table)
    }

    private static func cmapTable(platform: Int, encoding: Int, subtable: [UInt8]) -> [UInt8] {
        word(0, 2) + word(1, 2) + word(platform, 2) + word(encoding, 2) + word(12, 4) + subtable
    }

    private static func word(_ value: Int, _ size: Int) -> [UInt8] {
        (0..<size).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) }
    }

    private static func put(_ bytes: inout [UInt8], _ offset: Int, _ value: Int, _ size: Int) {
        for (index, byte) in word(value, size).enumerated() { bytes[offset + index] = byte }
    }
}

/// The zlib writer of the font streams (its output is inflated by Python's zlib in the
/// end-to-end tests, and by every PDF reader).
@Suite struct DeflateTests {
    @Test func emptyInputIsTheShortestZlibStream() {
        // As zlib itself writes it: header, a final fixed block with only its end, Adler-32 of 1.
        #expect(Deflate.zlib([]) == [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
    }

    @Test func theChecksumIsAdler32() {
        #expect(Deflate.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Deflate.adler32([]) == 1)
        // Long input, past the point where the sums are reduced.
        #expect(Deflate.adler32([UInt8](repeating: 0xFF, count: 100_000)) == 0x149A_302C)
    }

    @Test func repeatsAreFoundAndTheSameInputGivesTheSameBytes() throws {
        let text = Array(String(repeating: "Łukasz Wiśniewski, Σοφία Παπαδοπούλου. ", count: 200).utf8)
        let compressed = Deflate.zlib(text)
        #expect(compressed.count < text.count / 20, "\(compressed.count) of \(text.count)")
        #expect(compressed == Deflate.zlib(text))
        let font = try TrueTypeFontTests.dejaVu().regular
        let program = font.subset(PDFFonts.glyphs(of: "Ærø Åbenrå", in: font).map(\.glyph)).bytes
        // Outlines repeat little: with the fixed codes a font program shrinks by a tenth or more.
        #expect(Deflate.zlib(program).count < program.count * 9 / 10)
    }
}
