/// A colour for text and lines, each part 0…1.
package struct PDFColor: Sendable, Hashable {
    /// The red part.
    package let red: Double
    /// The green part.
    package let green: Double
    /// The blue part.
    package let blue: Double

    package init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A grey: 0 is black, 1 is white.
    package init(gray: Double) {
        self.init(red: gray, green: gray, blue: gray)
    }

    /// Black, for body text.
    package static let black = PDFColor(gray: 0)
}

/// One page: its content stream, built from text and lines. Coordinates are in points from the
/// page's lower left corner, as in PDF.
package struct PDFPage: Sendable, Equatable {
    /// The fonts the page's text is set in.
    package let fonts: PDFFonts
    /// The page's drawing operators.
    package private(set) var content: [UInt8] = []
    /// Per face, the embedded glyphs the page shows and the text each stands for (the first
    /// text seen), for the font subsets and their ToUnicode maps.
    private(set) var shownGlyphs: [PDFFace: [TrueTypeFont.GlyphID: String]] = [:]

    /// An empty page whose text is set in `fonts`.
    package init(fonts: PDFFonts) {
        self.fonts = fonts
    }

    /// Writes `text` on one line with its baseline starting at (`x`, `y`).
    package mutating func drawText(_ text: String, x: Double, y: Double, face: PDFFace, size: Double,
                                   color: PDFColor = .black) {
        append("BT \(PDFSyntax.color(color, stroke: false)) /\(face.resourceName) \(PDFSyntax.number(size)) Tf "
               + "\(PDFSyntax.number(x)) \(PDFSyntax.number(y)) Td ")
        if let font = fonts.font(face) {
            let glyphs = PDFFonts.glyphs(of: text, in: font)
            for (glyph, text) in glyphs where shownGlyphs[face, default: [:]][glyph] == nil {
                shownGlyphs[face, default: [:]][glyph] = text
            }
            content += PDFFonts.hexString(glyphs.map(\.glyph))
        } else {
            content += fonts.operand(text, face: face)
        }
        append(" Tj ET\n")
    }

    /// Draws a straight line.
    package mutating func drawLine(fromX: Double, fromY: Double, toX: Double, toY: Double, width: Double,
                                   color: PDFColor = .black) {
        append("\(PDFSyntax.color(color, stroke: true)) \(PDFSyntax.number(width)) w "
               + "\(PDFSyntax.number(fromX)) \(PDFSyntax.number(fromY)) m "
               + "\(PDFSyntax.number(toX)) \(PDFSyntax.number(toY)) l S\n")
    }

    /// Fills a rectangle whose lower left corner is (`x`, `y`).
    package mutating func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: PDFColor) {
        append("\(PDFSyntax.color(color, stroke: false)) \(PDFSyntax.number(x)) \(PDFSyntax.number(y)) "
               + "\(PDFSyntax.number(width)) \(PDFSyntax.number(height)) re f\n")
    }

    /// Draws the outline of a rectangle whose lower left corner is (`x`, `y`).
    package mutating func strokeRectangle(x: Double, y: Double, width: Double, height: Double, lineWidth: Double,
                                          color: PDFColor = .black) {
        append("\(PDFSyntax.color(color, stroke: true)) \(PDFSyntax.number(lineWidth)) w "
               + "\(PDFSyntax.number(x)) \(PDFSyntax.number(y)) "
               + "\(PDFSyntax.number(width)) \(PDFSyntax.number(height)) re S\n")
    }

    private mutating func append(_ operators: String) {
        content += Array(operators.utf8)
    }
}

/// A PDF document of A4 pages, its text set in embedded subsets of TrueType fonts (or in the
/// standard Helvetica fonts when there are none). Only the font programs and their CIDToGIDMaps
/// are compressed; the pages' content stays readable. The bytes depend only on the pages, the
/// fonts, the title and the creation date.
package struct PDFDocument: Sendable, Equatable {
    /// The width of an A4 page in points.
    package static let pageWidth = 595.0
    /// The height of an A4 page in points.
    package static let pageHeight = 842.0

    /// The document's title (`/Title` in the document information).
    package var title: String
    /// The program that wrote it (`/Producer`).
    package var producer = "Trinvis"
    /// When it was written (`/CreationDate`); nil leaves it out.
    package var creationDate: Timestamp?
    /// The fonts the pages are set in.
    package var fonts: PDFFonts
    /// The pages, in order, drawn with `fonts`.
    package var pages: [PDFPage]

    package init(title: String, creationDate: Timestamp? = nil, fonts: PDFFonts, pages: [PDFPage] = []) {
        self.title = title
        self.creationDate = creationDate
        self.fonts = fonts
        self.pages = pages
    }

    /// The complete file: header, objects, cross-reference table and trailer.
    ///
    /// Objects: 1 the catalog, 2 the page tree, 3 and 4 the fonts (regular and bold), 5 the
    /// document information, then for every page its page object and its content stream, and
    /// last, for embedded fonts, five objects per face (see `embed`).
    package func bytes() -> [UInt8] {
        var writer = PDFObjectWriter()
        let pageObjects = pages.indices.map { 6 + 2 * $0 }
        writer.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.object(2, "<< /Type /Pages /Kids [\(pageObjects.map { "\($0) 0 R" }.joined(separator: " "))] "
                      + "/Count \(pages.count) >>")
        var next = 6 + 2 * pages.count
        for (number, face) in zip([3, 4], PDFFace.allCases) {
            if let font = fonts.font(face) {
                var shown: [TrueTypeFont.GlyphID: String] = [:]
                for page in pages {
                    shown.merge(page.shownGlyphs[face] ?? [:]) { first, _ in first }
                }
                writer.embed(font, showing: shown, as: number, next: &next)
            } else {
                let font = PDFStandardFont(face)
                writer.object(number, "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>")
            }
        }
        var information = "<< /Title \(PDFSyntax.textString(title)) /Producer \(PDFSyntax.textString(producer))"
        if let creationDate { information += " /CreationDate (\(PDFSyntax.date(creationDate)))" }
        writer.object(5, information + " >>")
        let size = "[0 0 \(PDFSyntax.number(Self.pageWidth)) \(PDFSyntax.number(Self.pageHeight))]"
        for (page, number) in zip(pages, pageObjects) {
            writer.object(number, "<< /Type /Page /Parent 2 0 R /MediaBox \(size) "
                          + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(number + 1) 0 R >>")
            writer.stream(number + 1, page.content)
        }
        return writer.finish(root: 1, info: 5)
    }
}

/// Writes numbered objects one after the other and remembers where each starts, for the
/// cross-reference table at the end.
struct PDFObjectWriter {
    /// The file so far.
    private(set) var output: [UInt8]
    /// The byte offset of each object, by object number.
    private var offsets: [Int: Int] = [:]

    /// Starts a file with the PDF 1.4 header and a comment of four high bytes that tells
    /// transfer programs the file is binary.
    init() {
        output = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    }

    /// Writes `number 0 obj`, the body and `endobj`.
    mutating func object(_ number: Int, _ body: String) {
        offsets[number] = output.count
        output += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
    }

    /// Writes a stream object with its exact `/Length` and any further entries of its dictionary
    /// (`/Length1 …`).
    mutating func stream(_ number: Int, _ data: [UInt8], entries: String = "") {
        offsets[number] = output.count
        output += Array("\(number) 0 obj\n<< /Length \(data.count)\(entries.isEmpty ? "" : " " + entries) >>\nstream\n".utf8)
        output += data
        output += Array("\nendstream\nendobj\n".utf8)
    }

    /// Appends the cross-reference table (objects 0…highest, 20 bytes an entry), the trailer and
    /// `startxref`, and returns the finished file.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let count = (offsets.keys.max() ?? 0) + 1
        let start = output.count
        var table = "xref\n0 \(count)\n0000000000 65535 f \n"
        for number in 1..<count {
            if let offset = offsets[number] {
                table += LocalDate.pad(offset, 10) + " 00000 n \n"
            } else {
                table += "0000000000 65535 f \n"
            }
        }
        table += "trailer\n<< /Size \(count) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(start)\n%%EOF\n"
        output += Array(table.utf8)
        return output
    }
}

/// How values are spelled in PDF.
enum PDFSyntax {
    /// A number with at most two decimals and no exponent: `56`, `700.5`, `-0.25`.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        var text = (hundredths < 0 ? "-" : "") + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += "." + (fraction % 10 == 0 ? String(fraction / 10) : LocalDate.pad(fraction, 2))
        }
        return text
    }

    /// A literal string `( … )` of encoded bytes, with `(`, `)` and `\` escaped and control bytes
    /// written as octal escapes.
    static func literalString(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = [0x28]
        for byte in bytes {
            switch byte {
            case 0x28, 0x29, 0x5C:
                result += [0x5C, byte]
            case 0x00..<0x20, 0x7F:
                result += Array(("\\" + octal(byte)).utf8)
            default:
                result.append(byte)
            }
        }
        result.append(0x29)
        return result
    }

    /// A text string for the document information: UTF-16BE with a byte order mark, in hex, so
    /// that any name comes out exactly.
    static func textString(_ text: String) -> String {
        let digits = Array("0123456789ABCDEF")
        var hex = "<FEFF"
        for unit in text.utf16 {
            for shift in [12, 8, 4, 0] { hex.append(digits[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        return hex + ">"
    }

    /// A date as `D:YYYYMMDDHHmmSS+HH'mm'`.
    static func date(_ timestamp: Timestamp) -> String {
        let day = timestamp.localDate, time = timestamp.localTime
        let offset = abs(timestamp.offsetMinutes)
        let zone = timestamp.offsetMinutes == 0
            ? "Z" : (timestamp.offsetMinutes < 0 ? "-" : "+") + LocalDate.pad(offset / 60, 2) + "'" + LocalDate.pad(offset % 60, 2) + "'"
        return "D:" + LocalDate.pad(day.year, 4) + LocalDate.pad(day.month, 2) + LocalDate.pad(day.day, 2)
            + LocalDate.pad(time.hour, 2) + LocalDate.pad(time.minute, 2) + LocalDate.pad(time.second, 2) + zone
    }

    /// The colour operator for filling (text) or stroking (lines).
    static func color(_ color: PDFColor, stroke: Bool) -> String {
        if color.red == color.green && color.green == color.blue {
            return number(color.red) + (stroke ? " G" : " g")
        }
        return [color.red, color.green, color.blue].map(number).joined(separator: " ") + (stroke ? " RG" : " rg")
    }

    private static func octal(_ byte: UInt8) -> String {
        String(byte >> 6) + String((byte >> 3) & 7) + String(byte & 7)
    }
}
