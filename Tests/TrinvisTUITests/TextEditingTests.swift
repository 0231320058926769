import Testing
import TrinvisTUI

@Suite struct TextFieldStateTests {
    @Test func typingInsertsAtTheCursor() {
        var field = TextFieldState()
        for character in "Søren" { field.handle(.character(character)) }
        #expect(field.text == "Søren")
        #expect(field.cursor == 5)
        field.handle(.home)
        field.handle(.character("J"))
        #expect(field.text == "JSøren")
        #expect(field.cursor == 1)
        field.handle(.end)
        field.insert(" 中文")
        #expect(field.text == "JSøren 中文")
        #expect(field.cursorColumn == 11)
    }

    @Test func aCombiningMarkJoinsThePreviousCharacter() {
        var field = TextFieldState()
        field.handle(.character("e"))
        field.handle(.character("\u{301}"))
        #expect(field.characters.count == 1)
        #expect(field.cursor == 1)
        #expect(field.text.unicodeScalars.map(\.value) == [0x65, 0x301])
        field.handle(.backspace)
        #expect(field.text.isEmpty, "Backspace removes the whole cluster")
    }

    @Test func cursorMovesByCluster() {
        var field = TextFieldState(text: "a👍🏽中e\u{301}")
        #expect(field.characters.count == 4)
        #expect(field.cursorColumn == 6)
        field.handle(.left)
        #expect(field.cursorColumn == 5)
        field.handle(.left)
        #expect(field.cursorColumn == 3)
        field.handle(.left)
        #expect(field.cursorColumn == 1)
        field.handle(.backspace)
        #expect(field.text == "👍🏽中e\u{301}")
        field.handle(.delete)
        #expect(field.text == "中e\u{301}")
        field.handle(.left)
        #expect(field.cursor == 0, "stops at the start")
        field.handle(.right)
        field.handle(.right)
        field.handle(.right)
        #expect(field.cursor == 2, "stops at the end")
    }

    @Test func deletionKeys() {
        var field = TextFieldState(text: "Mødet i morgen")
        field.handle(.ctrl("w"))
        #expect(field.text == "Mødet i ")
        field.handle(.ctrl("w"))
        #expect(field.text == "Mødet ")
        field.handle(.ctrl("a"))
        field.handle(.right)
        field.handle(.ctrl("k"))
        #expect(field.text == "M")
        field.handle(.ctrl("u"))
        #expect(field.text.isEmpty)
        #expect(field.cursor == 0)
        field.handle(.backspace)
        field.handle(.delete)
        #expect(field.text.isEmpty)
    }

    @Test func formKeysAreNotConsumed() {
        var field = TextFieldState(text: "x")
        let consumed = [field.handle(.enter), field.handle(.escape), field.handle(.tab), field.handle(.up)]
        #expect(consumed == [false, false, false, false])
        #expect(field.text == "x")
    }

    @Test func inputIsSanitised() {
        var field = TextFieldState()
        field.insert("\u{1B}[2J\u{202E}ok\nnext")
        #expect(!field.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(!field.text.contains("\n"))
        #expect(field.text.hasSuffix("ok next"))
    }

    @Test func lengthLimitCountsClusters() {
        var field = TextFieldState(maxLength: 3)
        field.insert("æ👍🏽中xyz")
        #expect(field.text == "æ👍🏽中")
        field.handle(.left)
        field.handle(.character("\u{301}"))
        #expect(field.characters.count == 3, "a combining mark still fits")
        #expect(TextFieldState(text: "abcdef", maxLength: 2).text == "ab")
    }

    @Test func drawingScrollsToTheCursor() {
        var canvas = Canvas(width: 10, height: 1)
        let field = TextFieldState(text: "abcdefgh")
        TextField.draw(field, in: Rect(row: 0, col: 2, width: 5, height: 1), canvas: &canvas)
        #expect(canvas.line(0) == "  efgh")
        #expect(canvas.cursor == Position(row: 0, col: 6))
        #expect(canvas.style(row: 0, col: 6)?.isUnderline == true, "the field's extent shows")

        var start = field
        start.handle(.home)
        var canvas2 = Canvas(width: 10, height: 1)
        TextField.draw(start, in: Rect(row: 0, col: 0, width: 5, height: 1), canvas: &canvas2)
        #expect(canvas2.line(0) == "abcde")
        #expect(canvas2.cursor == Position(row: 0, col: 0))
    }

    @Test func drawingWideTextKeepsTheCursorInside() {
        var canvas = Canvas(width: 6, height: 1)
        let field = TextFieldState(text: "中文字")
        TextField.draw(field, in: Rect(row: 0, col: 0, width: 5, height: 1), canvas: &canvas)
        #expect(canvas.line(0) == "文字")
        #expect(canvas.cursor == Position(row: 0, col: 4))
    }

    @Test func placeholderWhenEmpty() {
        var canvas = Canvas(width: 12, height: 1)
        TextField.draw(TextFieldState(), in: Rect(row: 0, col: 0, width: 12, height: 1), canvas: &canvas,
            placeholder: "Søg…")
        #expect(canvas.line(0) == "Søg…")
        #expect(canvas.style(row: 0, col: 0)?.isDim == true)
        #expect(canvas.cursor == Position(row: 0, col: 0))
    }
}

@Suite struct TextViewTests {
    let text = (1...20).map { "Line \($0)" }.joined(separator: "\n")

    @Test func scrollsWithinTheContent() {
        var state = TextViewState()
        state.layout(contentHeight: 20, visibleHeight: 5)
        #expect(state.maxOffset == 15)
        state.handle(.pageDown)
        #expect(state.offset == 4)
        state.handle(.end)
        #expect(state.offset == 15)
        state.handle(.down)
        #expect(state.offset == 15)
        state.handle(.character("g"))
        #expect(state.offset == 0)
        state.handle(.up)
        #expect(state.offset == 0)
        let consumed = state.handle(.enter)
        #expect(!consumed)
    }

    @Test func drawShowsTheWindowAndSigns() {
        var canvas = Canvas(width: 12, height: 3)
        var state = TextViewState()
        state.layout(contentHeight: 20, visibleHeight: 3)
        state.scroll(by: 5)
        let lines = TextView.lines(for: text, width: 11)
        let drawn = TextView.draw(lines, state: state, in: Rect(row: 0, col: 0, width: 12, height: 3), canvas: &canvas)
        #expect(drawn.offset == 5)
        #expect(canvas.line(0) == "Line 6" + String(repeating: " ", count: 5) + "▲")
        #expect(canvas.line(1) == "Line 7")
        #expect(canvas.line(2) == "Line 8" + String(repeating: " ", count: 5) + "▼")
    }

    @Test func drawClampsAStaleOffset() {
        var canvas = Canvas(width: 10, height: 5)
        var state = TextViewState()
        state.layout(contentHeight: 100, visibleHeight: 5)
        state.scroll(by: 90)
        let drawn = TextView.draw(TextView.lines(for: "a\nb\nc", width: 10), state: state,
            in: Rect(row: 0, col: 0, width: 10, height: 5), canvas: &canvas)
        #expect(drawn.offset == 0)
        #expect(canvas.lines() == ["a", "b", "c", "", ""])
    }

    @Test func linesAreSanitisedAndWrapped() {
        let lines = TextView.lines(for: "\u{1B}[2Jhej med dig\r\nfarvel", width: 8)
        #expect(lines.map { $0.map(\.text).joined() } == ["\u{FFFD}[2Jhej", "med dig", "farvel"])
    }
}
