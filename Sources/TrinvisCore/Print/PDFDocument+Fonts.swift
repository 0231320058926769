extension PDFObjectWriter {
    /// Writes an embedded TrueType font as a composite font (ISO 32000-1, 9.7): the Type0 font
    /// as object `number` (Encoding Identity-H: the content streams show two-byte CIDs, and a
    /// CID is the glyph's number in the whole font), then five objects from `next` on: the
    /// CIDFontType2 font with the widths of the shown glyphs, its font descriptor, the subset
    /// font program (FontFile2), the ToUnicode map (so that text can be copied and searched) and
    /// the CIDToGIDMap from the CIDs to the glyph numbers in the subset. The two binary streams,
    /// the font program and the CIDToGIDMap, are Flate-compressed; the rest stays readable.
    mutating func embed(_ font: TrueTypeFont, showing shown: [TrueTypeFont.GlyphID: String], as number: Int,
                        next: inout Int) {
        let cids = shown.keys.sorted()
        let subset = font.subset(cids)
        let name = Self.subsetTag(font: font, glyphs: subset.glyphs) + "+" + font.postScriptName
        let (cidFont, descriptor, program, toUnicode, map) = (next, next + 1, next + 2, next + 3, next + 4)
        next += 5

        object(number, "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
               + "/DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        object(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
               + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
               + "/FontDescriptor \(descriptor) 0 R /DW \(font.width(of: 0)) /W \(Self.widths(cids, font)) "
               + "/CIDToGIDMap \(map) 0 R >>")

        func scaled(_ value: Int) -> Int {
            let product = value * 1000
            return (product >= 0 ? product + font.unitsPerEm / 2 : product - font.unitsPerEm / 2) / font.unitsPerEm
        }
        let box = font.boundingBox
        // Symbolic (the glyphs are chosen by CID, not by a standard encoding), fixed pitch, italic.
        let flags = 4 + (font.isFixedPitch ? 1 : 0) + (font.italicAngle != 0 ? 64 : 0)
        let stem = 10 + 220 * max(font.weightClass - 50, 0) / 900
        object(descriptor, "<< /Type /FontDescriptor /FontName /\(name) /Flags \(flags) "
               + "/FontBBox [\(scaled(box.xMin)) \(scaled(box.yMin)) \(scaled(box.xMax)) \(scaled(box.yMax))] "
               + "/ItalicAngle \(PDFSyntax.number(font.italicAngle)) /Ascent \(scaled(font.ascender)) "
               + "/Descent \(scaled(font.descender)) /CapHeight \(scaled(font.capHeight)) /StemV \(stem) "
               + "/FontFile2 \(program) 0 R >>")
        stream(program, Deflate.zlib(subset.bytes), entries: "/Filter /FlateDecode /Length1 \(subset.bytes.count)")
        stream(toUnicode, Self.toUnicodeMap(cids.map { ($0, shown[$0] ?? "") }))

        var gids: [UInt8] = []
        let highest = Int(cids.last ?? 0)
        gids.reserveCapacity(2 * (highest + 1))
        for cid in 0...highest {
            gids.appendUInt16(subset.newGlyph(for: TrueTypeFont.GlyphID(cid)) ?? 0)
        }
        stream(map, Deflate.zlib(gids), entries: "/Filter /FlateDecode")
    }

    /// `[3 [600 633] 36 [684]]`: the widths of the CIDs in thousandths, runs of consecutive
    /// CIDs together.
    static func widths(_ cids: [TrueTypeFont.GlyphID], _ font: TrueTypeFont) -> String {
        var parts: [String] = []
        var run: [String] = []
        var start: TrueTypeFont.GlyphID?
        var previous: TrueTypeFont.GlyphID?
        for cid in cids {
            if let last = previous, cid != last + 1, let first = start {
                parts.append("\(first) [\(run.joined(separator: " "))]")
                run = []
                start = nil
            }
            if start == nil { start = cid }
            run.append(String(font.width(of: cid)))
            previous = cid
        }
        if let first = start { parts.append("\(first) [\(run.joined(separator: " "))]") }
        return "[" + parts.joined(separator: " ") + "]"
    }

    /// The ToUnicode CMap (Adobe technical note 5411): two-byte codes, each CID mapped to its
    /// text in UTF-16BE, at most 100 entries in a `beginbfchar` block.
    static func toUnicodeMap(_ entries: [(cid: TrueTypeFont.GlyphID, text: String)]) -> [UInt8] {
        var map = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let mapped = entries.filter { !$0.text.isEmpty }
        for start in stride(from: 0, to: mapped.count, by: 100) {
            let block = mapped[start..<min(start + 100, mapped.count)]
            map += "\(block.count) beginbfchar\n"
            for entry in block {
                let code = String(decoding: PDFFonts.hexString([entry.cid]), as: UTF8.self)
                let text = String(decoding: PDFFonts.hexString(Array(entry.text.utf16)), as: UTF8.self)
                map += code + " " + text + "\n"
            }
            map += "endbfchar\n"
        }
        map += """
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """
        return Array(map.utf8)
    }

    /// Six capital letters that tell this subset from other subsets of the font (ISO 32000-1,
    /// 9.6.4), taken from a digest of the font's name and the glyphs kept.
    static func subsetTag(font: TrueTypeFont, glyphs: [TrueTypeFont.GlyphID]) -> String {
        var bytes = Array(font.postScriptName.utf8)
        for glyph in glyphs { bytes.appendUInt16(glyph) }
        let digest = SHA256.digest(bytes)
        return String(String.UnicodeScalarView(digest.prefix(6).map { Unicode.Scalar(UInt8(65) + $0 % 26) }))
    }
}
