/// Compression for the PDF's font streams (`/Filter /FlateDecode`): a zlib stream (RFC 1950)
/// holding DEFLATE data (RFC 1951) in one final block with the fixed Huffman codes, its repeats
/// found by LZ77 through a hash of three bytes. The same bytes always give the same output.
enum Deflate {
    /// `data` compressed as a zlib stream: the two header bytes, the block, the Adler-32 sum.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // the final block
        writer.write(1, bits: 2)  // fixed Huffman codes
        var matches = MatchFinder(data)
        var position = 0
        while position < data.count {
            if let match = matches.longest(at: position) {
                writer.writeLength(match.length)
                writer.writeDistance(match.distance)
                for skipped in position..<(position + match.length) { matches.insert(skipped) }
                position += match.length
            } else {
                writer.writeLiteral(Int(data[position]))
                matches.insert(position)
                position += 1
            }
        }
        writer.writeLiteral(256)  // end of block
        var output: [UInt8] = [0x78, 0x9C]
        output += writer.finish()
        output.appendUInt32(adler32(data))
        return output
    }

    /// The Adler-32 checksum of RFC 1950.
    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < data.count {
            // 5552 bytes is the most that can be summed before the modulo without overflow.
            let end = min(index + 5552, data.count)
            for byte in data[index..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65521
            b %= 65521
            index = end
        }
        return b << 16 | a
    }

    /// Finds the longest earlier repeat (3 to 258 bytes, at most 32 768 bytes back) through
    /// chains of the positions that start with the same three bytes.
    private struct MatchFinder {
        let data: [UInt8]
        /// The latest position per hash, -1 for none.
        private var head = [Int](repeating: -1, count: 1 << 15)
        /// Per position, the previous one with the same hash.
        private var previous: [Int]

        init(_ data: [UInt8]) {
            self.data = data
            previous = [Int](repeating: -1, count: data.count)
        }

        private func hash(_ position: Int) -> Int {
            (Int(data[position]) << 10 ^ Int(data[position + 1]) << 5 ^ Int(data[position + 2])) & 0x7FFF
        }

        /// Remembers that a repeat may start at `position`.
        mutating func insert(_ position: Int) {
            guard position + 2 < data.count else { return }
            let key = hash(position)
            previous[position] = head[key]
            head[key] = position
        }

        /// The longest repeat of what starts at `position`, the nearest of equal length.
        func longest(at position: Int) -> (length: Int, distance: Int)? {
            guard position + 2 < data.count else { return nil }
            let limit = min(258, data.count - position)
            var best: (length: Int, distance: Int)?
            var candidate = head[hash(position)]
            var steps = 0
            while candidate >= 0, position - candidate <= 32_768, steps < 128 {
                var length = 0
                while length < limit, data[candidate + length] == data[position + length] { length += 1 }
                if length >= 3, length > (best?.length ?? 0) {
                    best = (length, position - candidate)
                    if length == limit { break }
                }
                candidate = previous[candidate]
                steps += 1
            }
            return best
        }
    }

    /// Writes bits from the least significant end of each byte, Huffman codes from their most
    /// significant bit, as DEFLATE wants.
    private struct BitWriter {
        private var bytes: [UInt8] = []
        private var buffer: UInt64 = 0
        private var count = 0

        /// `bits` bits of `value`, least significant first.
        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(value) << UInt64(count)
            count += bits
            while count >= 8 {
                bytes.append(UInt8(buffer & 0xFF))
                buffer >>= 8
                count -= 8
            }
        }

        /// A Huffman code of `bits` bits, most significant first.
        mutating func writeCode(_ code: Int, bits: Int) {
            var reversed = 0
            for bit in 0..<bits where code & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            write(reversed, bits: bits)
        }

        /// A literal byte, the end of the block (256) or a length code (257–285) in the fixed code.
        mutating func writeLiteral(_ symbol: Int) {
            switch symbol {
            case 0...143: writeCode(0x30 + symbol, bits: 8)
            case 144...255: writeCode(0x190 + symbol - 144, bits: 9)
            case 256...279: writeCode(symbol - 256, bits: 7)
            default: writeCode(0xC0 + symbol - 280, bits: 8)
            }
        }

        /// A match length of 3 to 258: its code and extra bits.
        mutating func writeLength(_ length: Int) {
            let index = (Self.lengthBases.lastIndex { $0 <= length }) ?? 0
            writeLiteral(257 + index)
            write(length - Self.lengthBases[index], bits: Self.lengthExtra[index])
        }

        /// A match distance of 1 to 32 768: its five-bit code and extra bits.
        mutating func writeDistance(_ distance: Int) {
            let index = (Self.distanceBases.lastIndex { $0 <= distance }) ?? 0
            writeCode(index, bits: 5)
            write(distance - Self.distanceBases[index], bits: Self.distanceExtra[index])
        }

        /// The bytes, the last one padded with zero bits.
        mutating func finish() -> [UInt8] {
            if count > 0 { bytes.append(UInt8(buffer & 0xFF)) }
            buffer = 0
            count = 0
            return bytes
        }

        private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
                                          115, 131, 163, 195, 227, 258]
        private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        private static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                            1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                                            12, 13, 13]
    }
}
