import Testing
import TrinvisCore

/// A hostile string that prints escaped in test output (printing it raw would attack the
/// terminal of whoever runs the tests).
struct HostileText: Sendable, CustomTestStringConvertible {
    let text: String
    var testDescription: String { text.debugDescription }
}

@Suite struct SanitizerTests {
    static let hostile = [
        "\u{1B}]0;pwned\u{07}\u{1B}[2J",
        "\u{1B}[31mred\u{1B}[0m",
        "\u{9B}2J\u{9D}0;title\u{9C}",
        "evil\u{202E}txt.exe",
        "\u{2066}isolate\u{2069}\u{200E}\u{200F}\u{061C}",
        "null\u{0}byte\u{7F}del\u{8}back",
        "\r\nline\rbreak\u{2028}sep",
        "\u{1B}P+q\u{1B}\\",
        String(repeating: "\u{1B}[A", count: 1000),
        "",
    ].map(HostileText.init(text:))

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C
    }

    @Test(arguments: hostile)
    func noControlSurvives(_ hostile: HostileText) {
        let safe = Sanitizer.sanitize(hostile.text)
        #expect(!safe.unicodeScalars.contains(where: Self.isForbidden), "\(Array(safe.unicodeScalars))")
        #expect(Sanitizer.isSafe(safe))
    }

    @Test(arguments: hostile)
    func onlyNewlinesSurviveInMultiLineMode(_ hostile: HostileText) {
        let safe = Sanitizer.sanitize(hostile.text, keepingNewlines: true)
        #expect(!safe.unicodeScalars.contains { $0 != "\n" && Self.isForbidden($0) })
        #expect(!safe.contains("\r"))
    }

    @Test func escapeSequencesBecomeVisibleInertText() {
        #expect(
            Sanitizer.sanitize("\u{1B}]0;pwned\u{07}\u{1B}[2J") == "\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J")
    }

    @Test func bidiControlsAreRemoved() {
        #expect(Sanitizer.sanitize("abc\u{202E}def\u{2066}x\u{2069}\u{200F}") == "abcdefx")
    }

    @Test func tabsAndNewlines() {
        #expect(Sanitizer.sanitize("a\tb") == "a b")
        #expect(Sanitizer.sanitize("a\nb") == "a b")
        #expect(Sanitizer.sanitize("a\r\nb") == "a b")
        #expect(Sanitizer.sanitize("a\r\nb\rc\nd", keepingNewlines: true) == "a\nb\nc\nd")
    }

    @Test func everyC0AndC1ControlIsReplaced() {
        var text = ""
        for value in UInt32(0)...0x9F {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        let safe = Sanitizer.sanitize(text)
        #expect(!safe.unicodeScalars.contains(where: Self.isForbidden))
        #expect(safe.contains("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Søren Ærø 😀 👨‍👩‍👧 中文 e\u{301} 🇩🇰"
        #expect(Sanitizer.sanitize(text) == text)
        #expect(Sanitizer.sanitize("plain ascii") == "plain ascii")
    }
}
