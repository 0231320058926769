/// A TrueType font file (glyf outlines) read for embedding in a PDF: the character map (cmap
/// formats 4 and 12), the advance widths (hmtx), the metrics of head, hhea, post and OS/2, the
/// PostScript name, and each glyph's outline data with the components of composite glyphs.
///
/// Every table the reader needs is checked when the font is read (present, inside the file,
/// `loca` non-decreasing and inside `glyf`), so that looking a glyph up later cannot fail.
package struct TrueTypeFont: Sendable, Equatable {
    /// A glyph's number in the font (0 is `.notdef`, the glyph of a missing character).
    package typealias GlyphID = UInt16

    /// The font's outer box in font units.
    package struct Box: Sendable, Equatable {
        /// The left edge.
        package let xMin: Int
        /// The bottom edge (below the baseline: negative).
        package let yMin: Int
        /// The right edge.
        package let xMax: Int
        /// The top edge.
        package let yMax: Int
    }

    /// Where a table is in the file.
    struct Table: Sendable, Equatable {
        /// Its first byte.
        let offset: Int
        /// Its length in bytes (without padding).
        let length: Int
    }

    /// The character map subtable the font is read with.
    enum CharacterMap: Sendable, Equatable {
        /// Segment mapping to delta values (the Basic Multilingual Plane), at this offset.
        case segments(offset: Int)
        /// Segmented coverage (all of Unicode), at this offset.
        case groups(offset: Int)
    }

    /// The whole file.
    let data: FontData
    /// The tables by tag.
    let tables: [String: Table]
    /// Font units per em (2048 for DejaVu Sans).
    package let unitsPerEm: Int
    /// The number of glyphs (maxp).
    package let glyphCount: Int
    /// The outer box of all glyphs.
    package let boundingBox: Box
    /// The distance from the baseline to the top of the tallest letters (hhea), font units.
    package let ascender: Int
    /// The distance from the baseline to the bottom of the descenders, negative (hhea).
    package let descender: Int
    /// The slant in degrees counter-clockwise from the vertical (post); 0 for upright faces.
    package let italicAngle: Double
    /// True when every glyph has the same width (post).
    package let isFixedPitch: Bool
    /// The weight, 100 (thin) to 900 (black), 400 regular, 700 bold (OS/2; 400 without one).
    package let weightClass: Int
    /// The PostScript name (name ID 6), letters, digits and hyphens only.
    package let postScriptName: String
    /// True when `loca` holds 32-bit offsets.
    let longOffsets: Bool
    /// The number of full entries (advance and side bearing) in hmtx.
    let horizontalMetricCount: Int
    /// The character map used; nil when the font has none in Unicode (as in a subset made for
    /// a PDF, whose text chooses glyphs by number).
    let characterMap: CharacterMap?

    /// Reads a font from the bytes of its file.
    package init(bytes: [UInt8]) throws {
        let data = FontData(bytes)
        self.data = data
        let version = try data.uint32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else {  // 1.0 or "true"
            throw TrueTypeError.notTrueType(version == 0x4F54_544F ? "CFF outlines (OpenType)" : "no sfnt header")
        }
        let count = Int(try data.uint16(4))
        var tables: [String: Table] = [:]
        for index in 0..<count {
            let record = 12 + 16 * index
            let tag = String(decoding: try data.bytes(record, 4), as: UTF8.self)
            let table = Table(offset: Int(try data.uint32(record + 8)), length: Int(try data.uint32(record + 12)))
            guard table.offset >= 0, table.length >= 0, table.offset + table.length <= data.count else {
                throw TrueTypeError.damaged("the table \(tag) lies outside the file")
            }
            tables[tag] = table
        }
        self.tables = tables
        func table(_ tag: String, minimum: Int) throws -> Table {
            guard let table = tables[tag] else { throw TrueTypeError.missingTable(tag) }
            guard table.length >= minimum else { throw TrueTypeError.damaged("the table \(tag) is too short") }
            return table
        }

        let head = try table("head", minimum: 54)
        unitsPerEm = Int(try data.uint16(head.offset + 18))
        guard (16...16384).contains(unitsPerEm) else { throw TrueTypeError.damaged("unitsPerEm is \(unitsPerEm)") }
        boundingBox = Box(xMin: Int(try data.int16(head.offset + 36)), yMin: Int(try data.int16(head.offset + 38)),
                          xMax: Int(try data.int16(head.offset + 40)), yMax: Int(try data.int16(head.offset + 42)))
        longOffsets = try data.int16(head.offset + 50) == 1

        let maxp = try table("maxp", minimum: 6)
        glyphCount = Int(try data.uint16(maxp.offset + 4))
        guard glyphCount > 0 else { throw TrueTypeError.damaged("the font has no glyphs") }

        let hhea = try table("hhea", minimum: 36)
        ascender = Int(try data.int16(hhea.offset + 4))
        descender = Int(try data.int16(hhea.offset + 6))
        horizontalMetricCount = Int(try data.uint16(hhea.offset + 34))
        guard (1...glyphCount).contains(horizontalMetricCount) else {
            throw TrueTypeError.damaged("numberOfHMetrics is \(horizontalMetricCount)")
        }
        _ = try table("hmtx", minimum: 4 * horizontalMetricCount + 2 * (glyphCount - horizontalMetricCount))

        let loca = try table("loca", minimum: (glyphCount + 1) * (longOffsets ? 4 : 2))
        let glyf = try table("glyf", minimum: 0)
        var previous = 0
        for index in 0...glyphCount {
            let offset = longOffsets ? Int(try data.uint32(loca.offset + 4 * index))
                : 2 * Int(try data.uint16(loca.offset + 2 * index))
            guard offset >= previous, offset <= glyf.length else {
                throw TrueTypeError.damaged("loca entry \(index) points outside glyf")
            }
            previous = offset
        }

        if let post = tables["post"], post.length >= 16 {
            italicAngle = Double(try data.int32(post.offset + 4)) / 65536
            isFixedPitch = try data.uint32(post.offset + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }
        if let os2 = tables["OS/2"], os2.length >= 6 {
            weightClass = Int(try data.uint16(os2.offset + 4))
        } else {
            weightClass = 400
        }
        postScriptName = Self.postScriptName(data, tables["name"]) ?? "Embedded"
        characterMap = try tables["cmap"].flatMap { try Self.characterMap(data, $0) }
    }

    // MARK: - Characters and widths

    /// True when the font maps Unicode characters to its glyphs (cmap format 4 or 12).
    package var hasCharacterMap: Bool { characterMap != nil }

    /// The glyph of a character, or nil when the font has none (the character map gives no glyph
    /// or glyph 0).
    package func glyph(for scalar: Unicode.Scalar) -> GlyphID? {
        let code = scalar.value
        let found: Int?
        switch characterMap {
        case .segments(let offset)?: found = code <= 0xFFFF ? segmentGlyph(UInt16(code), table: offset) : nil
        case .groups(let offset)?: found = groupGlyph(code, table: offset)
        case nil: found = nil
        }
        guard let found, found > 0, found < glyphCount else { return nil }
        return GlyphID(found)
    }

    /// The advance width of a glyph in font units.
    package func advance(of glyph: GlyphID) -> Int {
        guard let hmtx = tables["hmtx"] else { return 0 }
        let index = min(Int(glyph), horizontalMetricCount - 1)
        return Int((try? data.uint16(hmtx.offset + 4 * index)) ?? 0)
    }

    /// The left side bearing of a glyph in font units.
    func leftSideBearing(of glyph: GlyphID) -> Int16 {
        guard let hmtx = tables["hmtx"] else { return 0 }
        let index = Int(glyph)
        let offset = index < horizontalMetricCount ? hmtx.offset + 4 * index + 2
            : hmtx.offset + 4 * horizontalMetricCount + 2 * (index - horizontalMetricCount)
        return (try? data.int16(offset)) ?? 0
    }

    /// The advance width of a glyph in thousandths of the font size, rounded: the width a PDF
    /// gives it and the width Trinvis measures lines with.
    package func width(of glyph: GlyphID) -> Int {
        (advance(of: glyph) * 1000 + unitsPerEm / 2) / unitsPerEm
    }

    // MARK: - Outlines

    /// The outline data of a glyph as it stands in glyf; empty for a glyph without outline
    /// (the space).
    package func outline(of glyph: GlyphID) -> ArraySlice<UInt8> {
        guard Int(glyph) < glyphCount, let loca = tables["loca"], let glyf = tables["glyf"] else { return [] }
        func offset(_ index: Int) -> Int {
            let value = longOffsets ? (try? data.uint32(loca.offset + 4 * index)).map(Int.init)
                : (try? data.uint16(loca.offset + 2 * index)).map { 2 * Int($0) }
            return value ?? 0
        }
        let start = offset(Int(glyph)), end = offset(Int(glyph) + 1)
        guard end > start else { return [] }
        return (try? data.bytes(glyf.offset + start, end - start)) ?? []
    }

    /// The glyphs a composite glyph is built from (a letter and its accent), in order; empty for
    /// a simple glyph.
    package func components(of glyph: GlyphID) -> [GlyphID] {
        Self.components(in: outline(of: glyph)).map(\.glyph)
    }

    /// The components of composite outline data and where each one's glyph number stands
    /// (relative to the start of the data). A damaged record ends the list.
    static func components(in outline: ArraySlice<UInt8>) -> [(glyph: GlyphID, position: Int)] {
        let bytes = Array(outline)
        func uint16(_ at: Int) -> UInt16? {
            at + 1 < bytes.count ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) : nil
        }
        guard let contours = uint16(0), Int16(bitPattern: contours) < 0 else { return [] }
        var result: [(GlyphID, Int)] = []
        var at = 10
        while let flags = uint16(at), let glyph = uint16(at + 2) {
            result.append((glyph, at + 2))
            at += 4 + (flags & 0x0001 != 0 ? 4 : 2)  // ARG_1_AND_2_ARE_WORDS
            if flags & 0x0008 != 0 { at += 2 }  // WE_HAVE_A_SCALE
            else if flags & 0x0040 != 0 { at += 4 }  // WE_HAVE_AN_X_AND_Y_SCALE
            else if flags & 0x0080 != 0 { at += 8 }  // WE_HAVE_A_TWO_BY_TWO
            guard flags & 0x0020 != 0 else { break }  // MORE_COMPONENTS
        }
        return result
    }

    /// The top of a glyph's outline in font units (from its glyf header), nil without outline.
    package func top(of glyph: GlyphID) -> Int? {
        let outline = outline(of: glyph)
        guard outline.count >= 10 else { return nil }
        let start = outline.startIndex
        return Int(Int16(bitPattern: UInt16(outline[start + 8]) << 8 | UInt16(outline[start + 9])))
    }

    /// The height of the capitals in font units: the top of "H", else 70 % of the ascender.
    package var capHeight: Int {
        glyph(for: "H").flatMap(top(of:)) ?? ascender * 7 / 10
    }

    // MARK: - Reading the tables

    /// The preferred character map subtable: full Unicode (format 12) before the Basic
    /// Multilingual Plane (format 4), Windows before Unicode platform entries.
    private static func characterMap(_ data: FontData, _ cmap: Table) throws -> CharacterMap? {
        guard cmap.length >= 4 else { return nil }
        let count = Int(try data.uint16(cmap.offset + 2))
        var candidates: [(rank: Int, map: CharacterMap)] = []
        for index in 0..<count {
            let record = cmap.offset + 4 + 8 * index
            guard record + 8 <= cmap.offset + cmap.length else { break }
            let platform = try data.uint16(record), encoding = try data.uint16(record + 2)
            let offset = cmap.offset + Int(try data.uint32(record + 4))
            guard offset + 2 <= cmap.offset + cmap.length else { continue }
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard unicode else { continue }
            switch try data.uint16(offset) {
            case 12:
                guard offset + 16 <= data.count else { continue }
                let groups = Int(try data.uint32(offset + 12))
                guard offset + 16 + 12 * groups <= data.count else { continue }
                candidates.append((platform == 3 ? 0 : 1, .groups(offset: offset)))
            case 4:
                guard offset + 14 <= data.count else { continue }
                let segments = Int(try data.uint16(offset + 6)) / 2
                guard segments > 0, offset + 16 + 8 * segments <= data.count else { continue }
                candidates.append((platform == 3 ? 2 : 3, .segments(offset: offset)))
            default:
                continue
            }
        }
        return candidates.min(by: { $0.rank < $1.rank })?.map
    }

    /// Format 4: the segment whose end is the first at or after `code`.
    private func segmentGlyph(_ code: UInt16, table offset: Int) -> Int? {
        guard let doubled = try? data.uint16(offset + 6) else { return nil }
        let segments = Int(doubled) / 2
        let ends = offset + 14, starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments, ranges = deltas + 2 * segments
        var low = 0, high = segments - 1
        while low < high {
            let middle = (low + high) / 2
            guard let end = try? data.uint16(ends + 2 * middle) else { return nil }
            if end < code { low = middle + 1 } else { high = middle }
        }
        guard let end = try? data.uint16(ends + 2 * low), end >= code,
              let start = try? data.uint16(starts + 2 * low), start <= code,
              let delta = try? data.uint16(deltas + 2 * low),
              let range = try? data.uint16(ranges + 2 * low) else { return nil }
        if range == 0 { return Int(code &+ delta) }
        let at = ranges + 2 * low + Int(range) + 2 * Int(code - start)
        guard let glyph = try? data.uint16(at), glyph != 0 else { return nil }
        return Int(glyph &+ delta)
    }

    /// Format 12: the group of consecutive codes that holds `code`.
    private func groupGlyph(_ code: UInt32, table offset: Int) -> Int? {
        guard let count = try? data.uint32(offset + 12) else { return nil }
        var low = 0, high = Int(count) - 1
        while low <= high {
            let middle = (low + high) / 2, group = offset + 16 + 12 * middle
            guard let start = try? data.uint32(group), let end = try? data.uint32(group + 4) else { return nil }
            if code < start {
                high = middle - 1
            } else if code > end {
                low = middle + 1
            } else {
                return (try? data.uint32(group + 8)).map { Int($0) + Int(code - start) }
            }
        }
        return nil
    }

    /// Name ID 6 from the Windows (UTF-16BE) or Macintosh (Roman) records, reduced to the
    /// characters a PDF name may hold plainly.
    private static func postScriptName(_ data: FontData, _ name: Table?) -> String? {
        guard let name, let count = try? data.uint16(name.offset + 2),
              let storage = try? data.uint16(name.offset + 4) else { return nil }
        for index in 0..<Int(count) {
            let record = name.offset + 6 + 12 * index
            guard let platform = try? data.uint16(record), let id = try? data.uint16(record + 6),
                  let length = try? data.uint16(record + 8), let at = try? data.uint16(record + 10), id == 6,
                  let bytes = try? data.bytes(name.offset + Int(storage) + Int(at), Int(length)) else { continue }
            let text: String
            switch platform {
            case 3, 0:
                let units = stride(from: 0, to: bytes.count - 1, by: 2).map {
                    UInt16(bytes[bytes.startIndex + $0]) << 8 | UInt16(bytes[bytes.startIndex + $0 + 1])
                }
                text = String(decoding: units, as: UTF16.self)
            default:
                text = String(decoding: bytes, as: UTF8.self)
            }
            let kept = String(text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
            if !kept.isEmpty { return String(kept.prefix(63)) }
        }
        return nil
    }
}

/// Why a font file cannot be used.
package enum TrueTypeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a TrueType font with glyf outlines.
    case notTrueType(String)
    /// A table the PDF needs is missing.
    case missingTable(String)
    /// The file is damaged or cut short.
    case damaged(String)

    package var description: String {
        switch self {
        case .notTrueType(let detail): return "not a TrueType font (\(detail))"
        case .missingTable(let tag): return "the font has no \(tag) table"
        case .damaged(let detail): return "the font is damaged: \(detail)"
        }
    }
}

/// The bytes of a font file read big-endian, every read checked against the end.
struct FontData: Sendable, Equatable {
    /// The file.
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The file's length in bytes.
    var count: Int { bytes.count }

    /// The unsigned 16-bit number at `offset`.
    func uint16(_ offset: Int) throws -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { throw TrueTypeError.damaged("cut short") }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    /// The signed 16-bit number at `offset`.
    func int16(_ offset: Int) throws -> Int16 {
        Int16(bitPattern: try uint16(offset))
    }

    /// The unsigned 32-bit number at `offset`.
    func uint32(_ offset: Int) throws -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw TrueTypeError.damaged("cut short") }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    /// The signed 32-bit number at `offset` (a 16.16 fixed-point value read whole).
    func int32(_ offset: Int) throws -> Int32 {
        Int32(bitPattern: try uint32(offset))
    }

    /// `length` bytes from `offset`.
    func bytes(_ offset: Int, _ length: Int) throws -> ArraySlice<UInt8> {
        guard offset >= 0, length >= 0, offset + length <= bytes.count else { throw TrueTypeError.damaged("cut short") }
        return bytes[offset..<(offset + length)]
    }
}
