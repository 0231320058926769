import Testing
import TrinvisTUI

@Suite struct DisplayWidthTests {
    @Test func danishLettersAreOneColumnEach() {
        for letter in "æøåÆØÅ" {
            #expect(DisplayWidth.of(letter) == 1, "\(letter)")
        }
        #expect("Søren Ærø Åbenrå".displayWidth == 16)
    }

    @Test func combiningMarksAddNoWidth() {
        let decomposed = "e\u{301}"
        #expect(decomposed.count == 1)
        #expect(decomposed.displayWidth == 1)
        #expect("Rene\u{301} Jørgensen".displayWidth == 14)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
    }

    @Test func emojiAreTwoColumns() {
        #expect("😀".displayWidth == 2)
        #expect("👍🏽".displayWidth == 2, "skin tone modifier joins its base")
        #expect("👨‍👩‍👧".displayWidth == 2, "a ZWJ family is one wide glyph")
        #expect("🇩🇰".displayWidth == 2, "a flag is two regional indicators, one glyph")
        #expect("a😀b".displayWidth == 4)
    }

    @Test func cjkIsTwoColumns() {
        #expect("中".displayWidth == 2)
        #expect("日本語".displayWidth == 6)
        #expect("한국".displayWidth == 4)
        #expect("Tanaka 田中".displayWidth == 11)
    }

    @Test func unprintableScalarsCountAsTheirReplacement() {
        #expect("\u{1B}".displayWidth == 1)
        #expect("\u{202E}".displayWidth == 0)
    }

    @Test func truncationAddsEllipsisWithinWidth() {
        #expect(DisplayWidth.truncate("abcdef", toWidth: 4) == "abc…")
        #expect(DisplayWidth.truncate("abc", toWidth: 3) == "abc")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 5, ellipsis: "...") == "ab...")
        #expect(DisplayWidth.truncate("abc", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("abc def", toWidth: 5) == "abc…", "spaces before the ellipsis go")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        // 中文字 is 6 columns; 4 columns leave 3 for text, and 文 would need columns 3-4.
        let cut = DisplayWidth.truncate("中文字", toWidth: 4)
        #expect(cut == "中…")
        #expect(cut.displayWidth == 3)
        #expect(DisplayWidth.truncate("中文字", toWidth: 5) == "中文…")
        for width in 0...7 {
            let result = DisplayWidth.truncate("中a文😀字", toWidth: width)
            #expect(result.displayWidth <= width, "width \(width): \(result)")
            #expect(result.unicodeScalars.allSatisfy { $0.value != 0xFFFD })
        }
    }

    @Test func truncationKeepsGraphemeClustersWhole() {
        let text = "e\u{301}e\u{301}e\u{301}"
        let cut = DisplayWidth.truncate(text, toWidth: 2)
        #expect(cut == "e\u{301}…")
        #expect(Array(cut.unicodeScalars).map(\.value) == [0x65, 0x301, 0x2026])
        #expect(DisplayWidth.truncate("👨‍👩‍👧👨‍👩‍👧", toWidth: 3) == "👨‍👩‍👧…")
    }

    @Test func prefixStopsBeforeAStraddlingWideCharacter() {
        let (text, width) = DisplayWidth.prefix(of: "a中b", fittingIn: 2)
        #expect(text == "a")
        #expect(width == 1)
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect(DisplayWidth.pad("æø", toWidth: 4) == "æø  ")
        #expect(DisplayWidth.pad("中", toWidth: 4, alignment: .trailing) == "  中")
        #expect(DisplayWidth.pad("中", toWidth: 5, alignment: .center) == " 中  ")
        #expect(DisplayWidth.pad("e\u{301}", toWidth: 3) == "e\u{301}  ")
        #expect(DisplayWidth.pad("abcdef", toWidth: 3) == "abcdef")
        #expect(DisplayWidth.fit("中文字", toWidth: 4) == "中… ")
        #expect(DisplayWidth.fit("中文字", toWidth: 4).displayWidth == 4)
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(DisplayWidth.wrap("Hello world foo", toWidth: 11) == ["Hello world", "foo"])
        #expect(DisplayWidth.wrap("one two three", toWidth: 7) == ["one two", "three"])
        #expect(DisplayWidth.wrap("a  b", toWidth: 10) == ["a  b"], "inner spacing kept")
        #expect(DisplayWidth.wrap("", toWidth: 10) == [""])
    }

    @Test func wrapHardBreaksOverlongWords() {
        #expect(DisplayWidth.wrap("abcdefghij", toWidth: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("ab cdefghij", toWidth: 4) == ["ab c", "defg", "hij"])
    }

    @Test func wrapKeepsExplicitNewlines() {
        #expect(DisplayWidth.wrap("a\n\nb c", toWidth: 10) == ["a", "", "b c"])
        #expect(DisplayWidth.wrap("  indented", toWidth: 20) == ["  indented"])
    }

    @Test func wrapMeasuresWideCharacters() {
        let lines = DisplayWidth.wrap("中文 中文中文", toWidth: 5)
        #expect(lines == ["中文", "中文", "中文"])
        #expect(DisplayWidth.wrap("中文字", toWidth: 3) == ["中", "文", "字"])
        let mixed = "Søren mødte 田中さん og 😀 i går kl. 14"
        for width in 3...20 {
            let wrapped = DisplayWidth.wrap(mixed, toWidth: width)
            for line in wrapped {
                #expect(line.displayWidth <= width, "width \(width): \(line)")
            }
            let rejoined = wrapped.joined().filter { $0 != " " }
            #expect(rejoined == mixed.filter { $0 != " " }, "nothing lost at width \(width)")
        }
    }
}
