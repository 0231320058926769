import Testing
import TrinvisTUI

@Suite struct KeyDecoderTests {
    let codes = KeyCodes.standard

    func character(_ value: UInt32) -> Key? {
        KeyDecoder.decode(status: codes.ok, value: value)
    }

    func keyCode(_ value: Int32) -> Key? {
        KeyDecoder.decode(status: codes.codeYes, value: UInt32(value))
    }

    @Test func printableCharacters() {
        #expect(character(0x61) == .character("a"))
        #expect(character(0x41) == .character("A"))
        #expect(character(0xE6) == .character("æ"))
        #expect(character(0xC5) == .character("Å"))
        #expect(character(0x4E2D) == .character("中"))
        #expect(character(0x1F600) == .character("😀"))
        #expect(character(0x20) == .character(" "))
    }

    @Test func controlLettersBecomeCtrl() {
        #expect(character(19) == .ctrl("s"))
        #expect(character(12) == .ctrl("l"))
        #expect(character(12) == Key.redraw)
        #expect(character(21) == .ctrl("u"))
        #expect(character(1) == .ctrl("a"))
        #expect(character(26) == .ctrl("z"))
        #expect(character(0) == .ctrl("@"))
        #expect(character(31) == .ctrl("_"))
    }

    @Test func enterBackspaceTabEscape() {
        #expect(character(13) == .enter)
        #expect(character(10) == .enter)
        #expect(keyCode(codes.enter) == .enter)
        #expect(character(127) == .backspace)
        #expect(character(8) == .backspace)
        #expect(keyCode(codes.backspace) == .backspace)
        #expect(character(9) == .tab)
        #expect(keyCode(codes.backTab) == .backTab)
        #expect(character(27) == .escape)
    }

    @Test func keyCodes() {
        #expect(keyCode(0o403) == .up)
        #expect(keyCode(0o402) == .down)
        #expect(keyCode(0o404) == .left)
        #expect(keyCode(0o405) == .right)
        #expect(keyCode(0o523) == .pageUp)
        #expect(keyCode(0o522) == .pageDown)
        #expect(keyCode(0o406) == .home)
        #expect(keyCode(0o550) == .end)
        #expect(keyCode(0o552) == .home, "KEY_FIND, sent by some terminals for Home")
        #expect(keyCode(0o601) == .end, "KEY_SELECT, sent by some terminals for End")
        #expect(keyCode(0o512) == .delete)
        #expect(keyCode(0o513) == .insert)
        #expect(keyCode(0o632) == .resize)
    }

    @Test func functionKeys() {
        #expect(keyCode(codes.f0 + 1) == .function(1))
        #expect(keyCode(codes.f0 + 2) == .function(2))
        #expect(keyCode(codes.f0 + 10) == .function(10))
        #expect(keyCode(codes.f0 + 13) == .function(13))
    }

    @Test func mouseNeedsAnEvent() {
        let event = MouseEvent(row: 3, col: 7, button: .left, action: .click)
        #expect(
            KeyDecoder.decode(status: codes.codeYes, value: UInt32(codes.mouse), mouse: event)
                == .mouse(event))
        #expect(keyCode(codes.mouse) == .unknown(codes.mouse))
    }

    @Test func nothingReadAndOddities() {
        #expect(KeyDecoder.decode(status: codes.err, value: 0) == nil)
        #expect(character(0x9B) == .unknown(0x9B), "a C1 control is not a character")
        #expect(character(0xD800) == .unknown(0xD800), "a surrogate is not a scalar")
        #expect(keyCode(0o777) == .unknown(0o777))
    }

    @Test func theBackendUsesTheStandardCodes() {
        #expect(NcursesBackend.keyCodes == KeyCodes.standard)
    }
}
