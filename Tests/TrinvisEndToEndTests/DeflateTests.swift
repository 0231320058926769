import Foundation
import Testing
@testable import TrinvisCore

/// Trinvis's zlib streams inflated by Python's zlib, which knows nothing of Trinvis.
@Suite struct DeflateTests {
    /// What Python's zlib.decompress makes of `bytes`, nil when it refuses them.
    private func inflated(_ bytes: [UInt8], in folder: ScratchFolder) throws -> [UInt8]? {
        let input = folder.file("in-\(UUID().uuidString)"), output = folder.file("out-\(UUID().uuidString)")
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let script = "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], 'rb').read()))"
        let status = try spawnAndWait(["/usr/bin/python3", "-c", script, input], stdoutPath: output,
                                      stderrPath: folder.file("python.err"))
        guard status == 0 else { return nil }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    @Test func pythonInflatesWhatTrinvisDeflates() throws {
        let folder = try ScratchFolder()
        var random = SystemRandomNumberGenerator()
        let font = try #require(PDFFonts.system(environment: [:]).fonts.font(.regular))
        let inputs: [[UInt8]] = [
            [],
            [0x41],
            Array(repeating: 0, count: 70_000),  // matches of 258 bytes, distance 1
            (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &random) },  // nothing to find
            Array(String(repeating: "Алексей Иванов · Nguyễn Thị Hồng\n", count: 2_000).utf8),  // farther than 32 KiB
            font.subset(PDFFonts.glyphs(of: "Łukasz Wiśniewski Σοφία Παπαδοπούλου", in: font).map(\.glyph)).bytes,
        ]
        for input in inputs {
            let compressed = Deflate.zlib(input)
            #expect(try inflated(compressed, in: folder) == input, "\(input.count) bytes")
        }
    }
}
