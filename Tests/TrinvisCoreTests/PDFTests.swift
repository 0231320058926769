import Foundation
import Testing
@testable import TrinvisCore

/// The PDF writer: WinAnsi encoding and the standard fonts' metrics, the embedded fonts, line
/// wrapping and the file structure.
@Suite struct PDFTests {
    @Test func winAnsiKeepsDanishLettersAndTheEuroExact() {
        #expect(WinAnsi.encode("æøåÆØÅ€é") == [0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5, 0x80, 0xE9])
        #expect(WinAnsi.encode("Værestedet") == Array("V".utf8) + [0xE6] + Array("restedet".utf8))
        #expect(WinAnsi.encode("\u{201C}ja\u{201D} \u{2013} \u{2022} \u{00B7}") == [0x93, 0x6A, 0x61, 0x94, 0x20, 0x96, 0x20, 0x95, 0x20, 0xB7])
        // A letter written with a combining mark is composed first.
        #expect(WinAnsi.encode("a\u{030A}") == [0xE5])
    }

    @Test func charactersOutsideWindows1252BecomeOneQuestionMarkEach() {
        #expect(WinAnsi.encode("Łódź") == [0x3F, 0xF3, 0x64, 0x3F])
        #expect(WinAnsi.encode("李😀👍🏽") == [0x3F, 0x3F, 0x3F])
        #expect(WinAnsi.encode("q\u{0307}") == [0x3F])  // no composed form
        #expect(WinAnsi.byte(for: "\u{0081}" as Unicode.Scalar) == nil)
    }

    @Test func standardWidthsComeFromTheHelveticaMetrics() {
        // H 722, e 556, l 222, l 222, o 556 in Helvetica; the bold face is wider.
        let fonts = PDFFonts.standard
        #expect(fonts.width(of: "Hello", face: .regular, size: 1000) == 2278)
        #expect(fonts.width(of: "Hello", face: .bold, size: 1000) == 722 + 556 + 278 + 278 + 611)
        #expect(fonts.width(of: "æøå", face: .regular, size: 10) == (889 + 611 + 556) / 100.0)
        #expect(PDFStandardFont.helveticaBold.advance(of: 0xC6) == 1000)  // Æ
        #expect(PDFStandardFont.helvetica.advance(of: 0x80) == 556)  // €
    }

    @Test func embeddedWidthsAreTheFontsAdvancesInThousandths() throws {
        let dejaVu = try TrueTypeFontTests.dejaVu()
        let fonts = PDFFonts.embedded(regular: dejaVu.regular, bold: dejaVu.bold)
        // Ł 1151, u 1298, k 1186 of 2048 units: 562 + 634 + 579 thousandths.
        let glyphs = PDFFonts.glyphs(of: "Łuk", in: dejaVu.regular).map(\.glyph)
        #expect(glyphs.map(dejaVu.regular.width(of:)) == [562, 634, 579])
        #expect(fonts.width(of: "Łuk", face: .regular, size: 10) == Double(562 + 634 + 579) / 100)
        #expect(fonts.width(of: "Łuk", face: .bold, size: 10) > fonts.width(of: "Łuk", face: .regular, size: 10))
        // Widths add up, as line wrapping needs.
        let name = "Σοφία Παπαδοπούλου"
        let sum = name.reduce(0.0) { $0 + fonts.width(of: String($1), face: .regular, size: 11) }
        #expect(abs(fonts.width(of: name, face: .regular, size: 11) - sum) < 1e-9)
    }

    @Test func wrappingKeepsWordsWholeAndCutsOnlyWordsWiderThanALine() {
        let measure: (String) -> Double = { Double($0.count) }
        #expect(LineWrapping.wrap("Ringe Anlægsgartneri har plads til praktik", width: 20, measure: measure)
                == ["Ringe Anlægsgartneri", "har plads til", "praktik"])
        #expect(LineWrapping.wrap("  mange   mellemrum  ", width: 40, measure: measure) == ["mange mellemrum"])
        #expect(LineWrapping.wrap("", width: 10, measure: measure).isEmpty)
        #expect(LineWrapping.wrap("se https://example.org/meget/lang/adresse", width: 12, measure: measure)
                == ["se", "https://exam", "ple.org/mege", "t/lang/adres", "se"])
    }

    @Test func textIsEscapedInsideLiteralStrings() {
        var page = PDFPage(fonts: .standard)
        page.drawText("a(b)c\\d", x: 10, y: 20.5, face: .regular, size: 11)
        let content = String(decoding: page.content, as: UTF8.self)
        #expect(content.contains("/F1 11 Tf 10 20.5 Td (a\\(b\\)c\\\\d) Tj"))
        #expect(PDFSyntax.number(-0.254) == "-0.25")
        #expect(PDFSyntax.number(595) == "595")
        #expect(PDFSyntax.number(12.5) == "12.5")
        #expect(PDFSyntax.number(0.05) == "0.05")
        #expect(PDFSyntax.literalString([0x0A, 0x01]) == Array("(\\012\\001)".utf8))
    }

    @Test func theFileHasAHeaderACorrectCrossReferenceTableAndATrailer() throws {
        var first = PDFPage(fonts: .standard), second = PDFPage(fonts: .standard)
        first.drawText("Side 1 – Ærø", x: 64, y: 700, face: .bold, size: 14)
        second.drawLine(fromX: 64, fromY: 60, toX: 531, toY: 60, width: 0.5, color: PDFColor(gray: 0.7))
        let document = PDFDocument(title: "Din plan \u{2013} Åse Ærø 😀", creationDate: instant("2026-03-02T10:30:00+01:00"),
                                   fonts: .standard, pages: [first, second])
        let bytes = document.bytes()
        let file = PDFFile(bytes)

        #expect(bytes.starts(with: Array("%PDF-1.4\n%".utf8)))
        #expect(bytes[10...13].allSatisfy { $0 >= 0x80 })
        #expect(file.text.hasSuffix("%%EOF\n"))

        // startxref names the offset of the xref keyword.
        let startxref = try #require(file.startxref)
        #expect(file.string(at: startxref, length: 4) == "xref")

        // Every entry points at the start of "N 0 obj", and there is an entry for every object.
        let entries = try #require(file.xrefEntries)
        #expect(entries.count == 10)  // object 0 + catalog, pages, two fonts, info, two pages with two objects each
        for (number, offset) in entries.enumerated().dropFirst() {
            #expect(file.string(at: offset, length: "\(number) 0 obj".count) == "\(number) 0 obj", "object \(number)")
        }
        #expect(file.text.contains("trailer\n<< /Size 10 /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(startxref)\n%%EOF"))
        #expect(file.text.contains("<< /Type /Pages /Kids [6 0 R 8 0 R] /Count 2 >>"))
        #expect(file.text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        #expect(file.text.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
        #expect(file.text.contains("/MediaBox [0 0 595 842]"))
        #expect(file.text.contains("/Producer <FEFF005400720069006E007600690073>"))
        #expect(file.text.contains("/CreationDate (D:20260302103000+01'00')"))
        #expect(file.infoTitle == "Din plan \u{2013} Åse Ærø 😀")

        // Each stream's /Length is the number of bytes between "stream\n" and "\nendstream".
        let lengths = file.streamLengths
        #expect(lengths.count == 2)
        for (declared, actual) in lengths { #expect(declared == actual) }
        // The page text is in WinAnsi: Æ is the single byte 0xC6.
        #expect(file.contains(Array("(Side 1 ".utf8) + [0x96, 0x20, 0xC6, 0x72, 0xF8, 0x29]))
    }

    @Test func embeddedFontsAreType0FontsWithASubsetWidthsAndAToUnicodeMap() throws {
        let fonts = try TrueTypeFontTests.embeddedFonts()
        var first = PDFPage(fonts: fonts), second = PDFPage(fonts: fonts)
        first.drawText("Łukasz Wiśniewski", x: 64, y: 700, face: .regular, size: 11)
        first.drawText("Σοφία Παπαδοπούλου", x: 64, y: 680, face: .bold, size: 14)
        second.drawText("Алексей Иванов · Nguyễn Thị Hồng", x: 64, y: 700, face: .regular, size: 11)
        let document = PDFDocument(title: "Plan", fonts: fonts, pages: [first, second])
        let file = PDFFile(document.bytes())

        // Catalog, pages, two fonts, info, two pages of two objects, five objects per face.
        let entries = try #require(file.xrefEntries)
        #expect(entries.count == 1 + 5 + 4 + 10)
        for (number, offset) in entries.enumerated().dropFirst() {
            #expect(file.string(at: offset, length: "\(number) 0 obj".count) == "\(number) 0 obj", "object \(number)")
        }
        for (declared, actual) in file.streamLengths { #expect(declared == actual) }
        #expect(file.streamLengths.count == 2 + 2 * 3)
        // The text streams stay readable; the font programs and CIDToGIDMaps are compressed.
        #expect(file.text.components(separatedBy: "/Filter /FlateDecode").count == 1 + 2 * 2)
        for (number, base) in [(3, "DejaVuSans"), (4, "DejaVuSans-Bold")] {
            let pattern = "\(number) 0 obj\n<< /Type /Font /Subtype /Type0 /BaseFont /[A-Z]{6}\\+\(base) /Encoding /Identity-H "
                + "/DescendantFonts \\[[0-9]+ 0 R\\] /ToUnicode [0-9]+ 0 R >>"
            #expect(file.text.range(of: pattern, options: .regularExpression) != nil, "font \(number)")
        }
        #expect(file.text.components(separatedBy: "/Subtype /CIDFontType2").count == 3)
        #expect(file.text.components(separatedBy: "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>")
                .count == 3)
        #expect(file.text.components(separatedBy: "/FontFile2 ").count == 3)
        #expect(!file.text.contains("WinAnsiEncoding"))

        // The text is glyph numbers: Ł is glyph 259 of DejaVu Sans, and the page shows exactly
        // what was drawn.
        #expect(PDFTextRun.all(in: first).first?.codes.first == 259)
        #expect(first.texts == ["Łukasz Wiśniewski", "Σοφία Παπαδοπούλου"])
        #expect(second.texts == ["Алексей Иванов · Nguyễn Thị Hồng"])
        #expect(file.contains(Array("<0103".utf8)))
        // The ToUnicode map of the regular face maps glyph 259 to U+0141 and ễ (2499) to U+1EC5.
        #expect(file.text.contains("<0103> <0141>\n"))
        #expect(file.text.contains("<09C3> <1EC5>\n"))

        // The font programs are the subsets of the shown glyphs and their parts, compressed.
        let programs = file.streams(with: "/Filter /FlateDecode /Length1 ")
        #expect(programs.count == 2)
        let font = try #require(fonts.font(.regular))
        let shown = Set(PDFFonts.glyphs(of: "Łukasz Wiśniewski Алексей Иванов · Nguyễn Thị Hồng", in: font).map(\.glyph))
        let subset = font.subset(shown)
        #expect(subset.glyphs.count > shown.count + 1, "the components of ś, ễ, ị and ồ are kept too")
        #expect(programs.first == Deflate.zlib(subset.bytes))
        #expect(file.text.contains("/Filter /FlateDecode /Length1 \(subset.bytes.count) >>"))
    }

    @Test func widthsAndTheToUnicodeMapAreWrittenAsTheSpecificationSays() throws {
        let font = try TrueTypeFontTests.dejaVu().regular
        // Space 651 and "!" 821 of 2048 units, then a gap, then "A".
        #expect(PDFObjectWriter.widths([3, 4, 36], font) == "[3 [318 401] 36 [684]]")
        #expect(PDFObjectWriter.widths([], font) == "[]")
        let map = String(decoding: PDFObjectWriter.toUnicodeMap([(259, "Ł"), (5857, "😀")]), as: UTF8.self)
        #expect(map.contains("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"))
        #expect(map.contains("2 beginbfchar\n<0103> <0141>\n<16E1> <D83DDE00>\nendbfchar\n"))
        let many = String(decoding: PDFObjectWriter.toUnicodeMap((1...150).map { (UInt16($0), "a") }), as: UTF8.self)
        #expect(many.contains("100 beginbfchar\n") && many.contains("50 beginbfchar\n"))
        #expect(PDFObjectWriter.subsetTag(font: font, glyphs: [0, 3]).range(of: "^[A-Z]{6}$", options: .regularExpression) != nil)
        #expect(PDFObjectWriter.subsetTag(font: font, glyphs: [0, 3]) != PDFObjectWriter.subsetTag(font: font, glyphs: [0, 4]))
    }

    @Test(arguments: [false, true])
    func theOutputIsTheSameEveryTimeExceptTheCreationDate(_ embedded: Bool) throws {
        let fonts = embedded ? try TrueTypeFontTests.embeddedFonts() : .standard
        var page = PDFPage(fonts: fonts)
        page.drawText("Delmål Łukasz", x: 64, y: 700, face: .regular, size: 11)
        let one = PDFDocument(title: "Plan", creationDate: instant("2026-03-02T10:30:00+01:00"), fonts: fonts, pages: [page])
        var other = one
        other.creationDate = instant("2026-03-02T11:45:00+01:00")
        #expect(one.bytes() == one.bytes())
        let first = String(decoding: one.bytes(), as: UTF8.self), second = String(decoding: other.bytes(), as: UTF8.self)
        #expect(first != second)
        #expect(first.replacingOccurrences(of: "D:20260302103000", with: "D:20260302114500") == second)
    }
}

/// A line of text in a content stream (`BT … /Fn size Tf x y Td <glyphs> Tj ET`, or a literal
/// string for the standard fonts), read back with its face, size, position and text.
struct PDFTextRun: CustomStringConvertible {
    let face: PDFFace
    let size: Double
    let x: Double
    let y: Double
    /// The codes shown: glyph numbers for an embedded font, WinAnsi bytes for a standard one.
    let codes: [Int]
    /// The text the codes stand for (by the page's glyph map, or WinAnsi).
    let text: String
    let fonts: PDFFonts

    /// The width as a reader sets it, from the font's widths.
    var width: Double {
        let units = codes.reduce(0) { sum, code in
            sum + (fonts.font(face).map { $0.width(of: UInt16(code)) } ?? PDFStandardFont(face).advance(of: UInt8(code)))
        }
        return Double(units) * size / 1000
    }

    var description: String { "x \(x) width \(width): \(text)" }

    /// Every text line of a page.
    static func all(in page: PDFPage) -> [PDFTextRun] {
        page.content.split(separator: 0x0A).compactMap { line -> PDFTextRun? in
            let bytes = Array(line), marker = Array(" Td ".utf8)
            guard bytes.starts(with: Array("BT".utf8)),
                  let td = (0..<max(bytes.count - marker.count, 0)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
            else { return nil }
            let words = String(decoding: bytes[..<td], as: UTF8.self).split(separator: " ")
            guard let tf = words.firstIndex(of: "Tf"), tf >= 2, let size = Double(words[tf - 1]),
                  let x = Double(words[tf + 1]), let y = Double(words[tf + 2]) else { return nil }
            let face: PDFFace = words[tf - 2] == "/F2" ? .bold : .regular
            let operand = Array(bytes[(td + marker.count)...])
            var codes: [Int] = []
            if operand.first == 0x3C {
                let hex = operand.dropFirst().prefix { $0 != 0x3E }
                for start in stride(from: hex.startIndex, to: hex.endIndex, by: 4) {
                    codes.append(Int(String(decoding: hex[start..<min(start + 4, hex.endIndex)], as: UTF8.self), radix: 16) ?? -1)
                }
            } else {
                var escaped = false
                for byte in operand.dropFirst() {
                    if escaped { codes.append(Int(byte)); escaped = false; continue }
                    if byte == 0x5C { escaped = true; continue }
                    if byte == 0x29 { break }
                    codes.append(Int(byte))
                }
            }
            let shown: String
            if page.fonts.isEmbedded {
                let glyphs = page.shownGlyphs[face] ?? [:]
                shown = codes.map { glyphs[UInt16(clamping: $0)] ?? "\u{FFFD}" }.joined()
            } else {
                shown = String(codes.map { winAnsiCharacters[$0] ?? "?" })
            }
            return PDFTextRun(face: face, size: size, x: x, y: y, codes: codes, text: shown, fonts: page.fonts)
        }
    }

    /// The character of each WinAnsi code.
    private static let winAnsiCharacters: [Int: Character] = {
        var characters: [Int: Character] = [:]
        for value in UInt32(0x20)...0x2200 {
            if let scalar = Unicode.Scalar(value), let byte = WinAnsi.byte(for: scalar) { characters[Int(byte)] = Character(scalar) }
        }
        return characters
    }()
}

extension PDFPage {
    /// The text of each line drawn on the page, in order.
    var texts: [String] { PDFTextRun.all(in: self).map(\.text) }
}

/// A written PDF file, read back for the structure tests.
struct PDFFile {
    let bytes: [UInt8]
    /// The file as Latin-1 text, one scalar a byte, so that offsets in its UTF-16 view are byte
    /// offsets (a String counts CR LF as one character).
    let text: String

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        text = String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    func string(at offset: Int, length: Int) -> String? {
        guard offset >= 0, offset + length <= bytes.count else { return nil }
        return String(bytes[offset..<(offset + length)].map { Character(Unicode.Scalar($0)) })
    }

    func contains(_ needle: [UInt8]) -> Bool {
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The number after the last `startxref`.
    var startxref: Int? {
        guard let range = text.range(of: "startxref\n", options: .backwards) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// The offsets of the cross-reference table, by object number (0 is the free entry).
    var xrefEntries: [Int]? {
        guard let start = startxref, let header = string(at: start, length: 5), header == "xref\n" else { return nil }
        // From the bytes: a font program before it may hold CR LF, which a String counts as one.
        let tail = String(bytes[start...].map { Character(Unicode.Scalar($0)) })
        let lines = tail.split(separator: "\n", omittingEmptySubsequences: false)
        let counts = lines[1].split(separator: " ")
        guard counts.count == 2, counts[0] == "0", let count = Int(counts[1]) else { return nil }
        return lines[2..<(2 + count)].compactMap { line in
            // Every entry is 20 bytes with its line end: 10 digits, space, 5 digits, space, n or f, space.
            guard line.count == 19 else { return nil }
            return Int(line.prefix(10))
        }
    }

    /// The document title, decoded from its UTF-16BE hex string.
    var infoTitle: String? {
        guard let range = text.range(of: "/Title <FEFF") else { return nil }
        let hex = Array(text[range.upperBound...].prefix { $0 != ">" })
        var units: [UInt16] = []
        for index in stride(from: 0, to: hex.count, by: 4) {
            guard let unit = UInt16(String(hex[index..<min(index + 4, hex.count)]), radix: 16) else { return nil }
            units.append(unit)
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The data of the streams whose dictionary holds `entry`, in order.
    func streams(with entry: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var search = text.startIndex
        while let found = text.range(of: entry, range: search..<text.endIndex),
              let open = text.range(of: ">>\nstream\n", range: found.upperBound..<text.endIndex),
              let close = text.range(of: "\nendstream", range: open.upperBound..<text.endIndex) {
            let start = text.utf16.distance(from: text.startIndex, to: open.upperBound)
            let end = text.utf16.distance(from: text.startIndex, to: close.lowerBound)
            result.append(Array(bytes[start..<end]))
            search = close.upperBound
        }
        return result
    }

    /// Per stream: the declared /Length and the bytes actually between `stream` and `endstream`.
    var streamLengths: [(declared: Int, actual: Int)] {
        var result: [(Int, Int)] = []
        var search = text.startIndex
        while let length = text.range(of: "<< /Length ", range: search..<text.endIndex) {
            let declared = Int(text[length.upperBound...].prefix { $0.isNumber }) ?? -1
            guard let open = text.range(of: ">>\nstream\n", range: length.upperBound..<text.endIndex),
                  let close = text.range(of: "\nendstream", range: open.upperBound..<text.endIndex) else { break }
            result.append((declared, text.utf16.distance(from: open.upperBound, to: close.lowerBound)))
            search = close.upperBound
        }
        return result
    }
}
