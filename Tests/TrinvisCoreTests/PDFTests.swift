import Foundation
import Testing
@testable import TrinvisCore

/// The PDF writer: WinAnsi encoding, font metrics, line wrapping and the file structure.
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

    @Test func widthsComeFromTheHelveticaMetrics() {
        // H 722, e 556, l 222, l 222, o 556 in Helvetica; the bold face is wider.
        #expect(PDFFont.helvetica.width(of: "Hello", size: 1000) == 2278)
        #expect(PDFFont.helveticaBold.width(of: "Hello", size: 1000) == 722 + 556 + 278 + 278 + 611)
        #expect(PDFFont.helvetica.width(of: "æøå", size: 10) == (889 + 611 + 556) / 100.0)
        #expect(PDFFont.helveticaBold.advance(of: 0xC6) == 1000)  // Æ
        #expect(PDFFont.helvetica.advance(of: 0x80) == 556)  // €
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
        var page = PDFPage()
        page.drawText("a(b)c\\d", x: 10, y: 20.5, font: .helvetica, size: 11)
        let content = String(decoding: page.content, as: UTF8.self)
        #expect(content.contains("/F1 11 Tf 10 20.5 Td (a\\(b\\)c\\\\d) Tj"))
        #expect(PDFSyntax.number(-0.254) == "-0.25")
        #expect(PDFSyntax.number(595) == "595")
        #expect(PDFSyntax.number(12.5) == "12.5")
        #expect(PDFSyntax.number(0.05) == "0.05")
        #expect(PDFSyntax.literalString([0x0A, 0x01]) == Array("(\\012\\001)".utf8))
    }

    @Test func theFileHasAHeaderACorrectCrossReferenceTableAndATrailer() throws {
        var first = PDFPage(), second = PDFPage()
        first.drawText("Side 1 – Ærø", x: 64, y: 700, font: .helveticaBold, size: 14)
        second.drawLine(fromX: 64, fromY: 60, toX: 531, toY: 60, width: 0.5, color: PDFColor(gray: 0.7))
        let document = PDFDocument(title: "Din plan \u{2013} Åse Ærø 😀", creationDate: instant("2026-03-02T10:30:00+01:00"),
                                   pages: [first, second])
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

    @Test func theOutputIsTheSameEveryTimeExceptTheCreationDate() {
        var page = PDFPage()
        page.drawText("Delmål", x: 64, y: 700, font: .helvetica, size: 11)
        let one = PDFDocument(title: "Plan", creationDate: instant("2026-03-02T10:30:00+01:00"), pages: [page])
        var other = one
        other.creationDate = instant("2026-03-02T11:45:00+01:00")
        #expect(one.bytes() == one.bytes())
        let first = String(decoding: one.bytes(), as: UTF8.self), second = String(decoding: other.bytes(), as: UTF8.self)
        #expect(first != second)
        #expect(first.replacingOccurrences(of: "D:20260302103000", with: "D:20260302114500") == second)
    }
}

/// A written PDF file, read back for the structure tests.
struct PDFFile {
    let bytes: [UInt8]
    /// The file as Latin-1 text, one character a byte, so that offsets are byte offsets.
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
        let lines = text.dropFirst(start).split(separator: "\n", omittingEmptySubsequences: false)
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

    /// Per stream: the declared /Length and the bytes actually between `stream` and `endstream`.
    var streamLengths: [(declared: Int, actual: Int)] {
        var result: [(Int, Int)] = []
        var search = text.startIndex
        while let length = text.range(of: "<< /Length ", range: search..<text.endIndex) {
            let declared = Int(text[length.upperBound...].prefix { $0.isNumber }) ?? -1
            guard let open = text.range(of: ">>\nstream\n", range: length.upperBound..<text.endIndex),
                  let close = text.range(of: "\nendstream", range: open.upperBound..<text.endIndex) else { break }
            result.append((declared, text.distance(from: open.upperBound, to: close.lowerBound)))
            search = close.upperBound
        }
        return result
    }
}
