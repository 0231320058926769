/// A TrueType font program holding only some glyphs of a font, for embedding in a PDF.
package struct TrueTypeSubset: Sendable, Equatable {
    /// The font file: head, hhea, maxp, hmtx, loca, glyf, post (without glyph names) and the
    /// hinting tables (cvt, fpgm, prep) as the font has them.
    package let bytes: [UInt8]
    /// The kept glyphs by their number in the whole font, in order; a kept glyph's number in the
    /// subset is its index here (glyph 0, `.notdef`, stays 0).
    package let glyphs: [TrueTypeFont.GlyphID]

    /// The glyph's number in the subset, nil when it was not kept.
    package func newGlyph(for glyph: TrueTypeFont.GlyphID) -> TrueTypeFont.GlyphID? {
        var low = 0, high = glyphs.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if glyphs[middle] == glyph { return TrueTypeFont.GlyphID(middle) }
            if glyphs[middle] < glyph { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}

extension TrueTypeFont {
    /// The glyphs and, with them, `.notdef` and every component of a composite glyph (the letter
    /// and the ring of "Å"), however deep, in ascending order.
    package func closure(of glyphs: some Sequence<GlyphID>) -> [GlyphID] {
        var kept: Set<GlyphID> = [0]
        var waiting = glyphs.filter { Int($0) < glyphCount }
        while let glyph = waiting.popLast() {
            guard kept.insert(glyph).inserted else { continue }
            waiting += components(of: glyph).filter { Int($0) < glyphCount && !kept.contains($0) }
        }
        return kept.sorted()
    }

    /// A font of only `glyphs` (with their closure): numbered anew from 0 in the order of their
    /// numbers here, composite glyphs pointing at their components' new numbers. The same
    /// glyphs always give the same bytes.
    package func subset(_ glyphs: some Sequence<GlyphID>) -> TrueTypeSubset {
        let kept = closure(of: glyphs)
        var newNumber: [GlyphID: GlyphID] = [:]
        for (index, glyph) in kept.enumerated() { newNumber[glyph] = GlyphID(index) }

        var glyf: [UInt8] = [], offsets: [Int] = []
        var hmtx: [UInt8] = []
        for glyph in kept {
            offsets.append(glyf.count)
            var outline = Array(outline(of: glyph))
            for component in Self.components(in: outline[...]) {
                let number = newNumber[component.glyph] ?? 0
                outline[component.position] = UInt8(number >> 8)
                outline[component.position + 1] = UInt8(number & 0xFF)
            }
            glyf += outline
            while glyf.count % 4 != 0 { glyf.append(0) }
            hmtx.appendUInt16(UInt16(clamping: advance(of: glyph)))
            hmtx.appendUInt16(UInt16(bitPattern: leftSideBearing(of: glyph)))
        }
        offsets.append(glyf.count)
        let long = glyf.count > 0x1FFFE
        var loca: [UInt8] = []
        for offset in offsets {
            if long { loca.appendUInt32(UInt32(offset)) } else { loca.appendUInt16(UInt16(offset / 2)) }
        }

        var head = Array(table("head"))
        head.set(uint32: 0, at: 8)  // checkSumAdjustment, set when the file is complete
        head.set(uint16: long ? 1 : 0, at: 50)
        var hhea = Array(table("hhea"))
        hhea.set(uint16: UInt16(kept.count), at: 34)
        var maxp = Array(table("maxp"))
        maxp.set(uint16: UInt16(kept.count), at: 4)
        var post = Array(table("post").prefix(32))
        if post.count == 32 {
            post.set(uint32: 0x0003_0000, at: 0)  // no glyph names
        } else {
            post = [0, 3, 0, 0] + Array(repeating: 0, count: 28)
        }

        var tables: [(tag: String, data: [UInt8])] = [
            ("glyf", glyf), ("head", head), ("hhea", hhea), ("hmtx", hmtx), ("loca", loca), ("maxp", maxp), ("post", post),
        ]
        for tag in ["cvt ", "fpgm", "prep"] where self.tables[tag] != nil {
            tables.append((tag, Array(table(tag))))
        }
        var bytes = Self.file(tables.sorted { Array($0.tag.utf8).lexicographicallyPrecedes(Array($1.tag.utf8)) })
        if let headOffset = Self.tableOffset("head", in: bytes) {
            bytes.set(uint32: 0xB1B0_AFBA &- Self.checksum(bytes[...]), at: headOffset + 8)
        }
        return TrueTypeSubset(bytes: bytes, glyphs: kept)
    }

    /// A table's bytes as the font has them, empty when it has none.
    private func table(_ tag: String) -> ArraySlice<UInt8> {
        guard let table = tables[tag] else { return [] }
        return (try? data.bytes(table.offset, table.length)) ?? []
    }

    /// The file: the table directory (tables in tag order, each with its checksum) and the
    /// tables, each starting on a four-byte boundary.
    private static func file(_ tables: [(tag: String, data: [UInt8])]) -> [UInt8] {
        var power = 1, exponent = 0
        while power * 2 <= tables.count { power *= 2; exponent += 1 }
        var bytes: [UInt8] = []
        bytes.appendUInt32(0x0001_0000)
        bytes.appendUInt16(UInt16(tables.count))
        bytes.appendUInt16(UInt16(power * 16))
        bytes.appendUInt16(UInt16(exponent))
        bytes.appendUInt16(UInt16(tables.count * 16 - power * 16))
        var offset = 12 + 16 * tables.count
        var body: [UInt8] = []
        for table in tables {
            var padded = table.data
            while padded.count % 4 != 0 { padded.append(0) }
            bytes += Array(table.tag.utf8)
            bytes.appendUInt32(checksum(padded[...]))
            bytes.appendUInt32(UInt32(offset))
            bytes.appendUInt32(UInt32(table.data.count))
            body += padded
            offset += padded.count
        }
        return bytes + body
    }

    /// Where a table starts in a file this writer made.
    private static func tableOffset(_ tag: String, in bytes: [UInt8]) -> Int? {
        let data = FontData(bytes)
        guard let count = try? data.uint16(4) else { return nil }
        for index in 0..<Int(count) where (try? data.bytes(12 + 16 * index, 4)).map({ Array($0) }) == Array(tag.utf8) {
            return (try? data.uint32(12 + 16 * index + 8)).map(Int.init)
        }
        return nil
    }

    /// The sum of the big-endian 32-bit words, the last one padded with zeros.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var sum: UInt32 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var word: UInt32 = 0
            for step in 0..<4 {
                word <<= 8
                if index + step < bytes.endIndex { word |= UInt32(bytes[index + step]) }
            }
            sum = sum &+ word
            index += 4
        }
        return sum
    }
}

extension Array where Element == UInt8 {
    /// Appends a big-endian 16-bit number.
    mutating func appendUInt16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    /// Appends a big-endian 32-bit number.
    mutating func appendUInt32(_ value: UInt32) {
        appendUInt16(UInt16(value >> 16))
        appendUInt16(UInt16(value & 0xFFFF))
    }

    /// Overwrites two bytes with a big-endian 16-bit number (nothing when they are not there).
    mutating func set(uint16 value: UInt16, at offset: Int) {
        guard offset >= 0, offset + 2 <= count else { return }
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    /// Overwrites four bytes with a big-endian 32-bit number (nothing when they are not there).
    mutating func set(uint32 value: UInt32, at offset: Int) {
        guard offset >= 0, offset + 4 <= count else { return }
        set(uint16: UInt16(value >> 16), at: offset)
        set(uint16: UInt16(value & 0xFFFF), at: offset + 2)
    }
}
