import Testing
import TrinvisCore
import TrinvisTUI

/// Feeds `text` as a terminal paste does: one key per cluster, "\n" as Enter.
private func paste(_ text: String, into editor: inout TextEditorState) {
    for character in text {
        editor.handle(character == "\n" ? .enter : .character(character))
    }
}

/// An editor for an area `width` columns wide (text wraps at `width - 1`), cursor at the end.
private func editor(_ text: String = "", width: Int = 40, height: Int = 10, maxLength: Int? = nil)
    -> TextEditorState
{
    TextEditorState(text: text, maxLength: maxLength, width: width, height: height)
}

/// The same text laid out from scratch, to compare an incrementally updated layout with.
private func freshRows(_ state: TextEditorState) -> [String] {
    TextEditorState(text: state.text, width: state.width, height: state.visibleHeight).wrappedRows()
}

/// A deterministic generator (SplitMix64) for the long and random tests.
private struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A note of `length` clusters: Danish words, wide characters, emoji and line breaks.
private func sampleNote(length: Int, seed: UInt64) -> String {
    var generator = Generator(state: seed)
    let words = [
        "æble", "øre", "får", "Åse", "Ærø", "blåbærgrød", "borgeren", "forløbet", "mødet", "søndag",
        "中文", "日本語の文", "👍🏽", "🇩🇰", "café", "naïve", "x", "supercalifragilisticexpialidocious",
    ]
    var text = ""
    var count = 0
    while count < length {
        let piece: String
        switch generator.below(10) {
        case 0: piece = "\n"
        case 1: piece = "  "
        default: piece = generator.pick(words) + " "
        }
        text += piece
        count += piece.count
    }
    return String(text.prefix(length))
}

@Suite struct TextEditorWrapTests {
    @Test func wrapsAtSpacesWithHangingSpaces() {
        let state = editor("Mødet i morgen klokken ti", width: 11)
        #expect(state.textWidth == 10)
        #expect(state.wrappedRows() == ["Mødet i ", "morgen ", "klokken ti"])
    }

    @Test func breaksWordsLongerThanTheWidth() {
        let state = editor("ab blåbærgrødsfabrik", width: 6)
        #expect(state.wrappedRows() == ["ab ", "blåbæ", "rgrød", "sfabr", "ik"])
    }

    @Test func wideCharactersAtTheEdgeMoveToTheNextRow() {
        // Text width 6: "abcde" uses 5 columns, 中 needs 2, so it starts the next row.
        #expect(editor("abcde中f", width: 7).wrappedRows() == ["abcde", "中f"])
        #expect(editor("abcde👍🏽x", width: 7).wrappedRows() == ["abcde", "👍🏽x"])
        #expect(editor("abcde🇩🇰x", width: 7).wrappedRows() == ["abcde", "🇩🇰x"])
        // A run of CJK without spaces: 2 per row at width 5, never half a character.
        #expect(editor("中文中文中文中", width: 6).wrappedRows() == ["中文", "中文", "中文", "中"])
        // At width 6 a space is a break: the wide word moves whole.
        #expect(editor("abc 中文", width: 7).wrappedRows() == ["abc ", "中文"])
        // A character wider than the width still gets a row.
        #expect(editor("中a", width: 2).wrappedRows() == ["中", "a"])
    }

    @Test func hardLineBreaksAndEmptyLinesAreRows() {
        let state = editor("a\n\nb", width: 10)
        #expect(state.wrappedRows() == ["a", "", "b"])
        #expect(state.lineCount == 3)
        #expect(state.rowCount == 3)
    }

    @Test func resizingRewrapsAndKeepsTheCursorVisible() {
        var state = editor(sampleNote(length: 2_000, seed: 7), width: 60, height: 5)
        state.resize(width: 23, height: 4)
        #expect(state.wrappedRows() == freshRows(state))
        #expect(state.wrappedRows().allSatisfy { $0.trimmingSpacesAtEnd().displayWidth <= 22 })
        #expect((state.firstVisibleRow..<state.firstVisibleRow + 4).contains(state.cursorRow))
    }
}

@Suite struct TextEditorInputTests {
    @Test func combiningMarksJoinThePreviousCharacterInNFC() {
        var state = editor()
        state.handle(.character("e"))
        state.handle(.character("\u{301}"))
        #expect(state.text == "\u{E9}", "stored composed")
        #expect(state.count == 1)
        #expect(state.cursor == TextPosition(line: 0, index: 1))
        state.handle(.character("\u{323}"))
        #expect(state.count == 1, "a second mark joins too")
        #expect(state.text == TextNormalization.nfc("e\u{301}\u{323}"))
        state.handle(.backspace)
        #expect(state.isEmpty, "Backspace removes the whole cluster")
    }

    @Test func joinersAndFlagsBecomeOneCluster() {
        var state = editor()
        paste("🇩🇰👩\u{200D}💻", into: &state)
        #expect(state.count == 2)
        #expect(state.cursorColumn == 4)
        state.handle(.left)
        state.handle(.backspace)
        #expect(state.text == "👩\u{200D}💻")
    }

    @Test func aBaseTypedBeforeALoneMarkJoinsIt() {
        var state = editor("\u{301}x")
        state.moveToStart()
        state.handle(.character("a"))
        #expect(state.text == "\u{E1}x")
        #expect(state.count == 2)
        #expect(state.cursor.index == 1)
    }

    @Test func deletingBetweenRegionalIndicatorsMakesAFlag() {
        var state = editor("🇩x🇰")
        #expect(state.count == 3)
        state.handle(.left)
        state.handle(.backspace)
        #expect(state.count == 1)
        #expect(state.text == "🇩🇰")
        #expect(state.cursor.index == 1)
    }

    @Test func inputIsCleaned() {
        var state = editor()
        state.insert("a\tb\r\nc\u{1B}[2J\u{202E}d\re")
        #expect(state.text == "a   b\nc\u{FFFD}[2Jd\ne")
        state.moveToStart()
        state.insertTab()
        #expect(state.lineTexts[0] == "    a   b", "tab stops every 4 columns")
        #expect(TextEditorState(text: "x\u{2028}y\u{0085}z\r").text == "x\ny\nz\n")
        #expect(TextEditorState(text: "e\u{301}").text == "\u{E9}")
    }

    @Test func tabAndFormKeysAreLeftToTheApp() {
        var state = editor("x")
        let keys: [Key] = [.tab, .backTab, .escape, .function(2), .ctrl("s"), .ctrl("l"), .insert, .resize]
        #expect(keys.map { state.handle($0) } == Array(repeating: false, count: keys.count))
        #expect(state.text == "x")
        #expect(state.version == 0)
    }

    @Test func versionAndModification() {
        var state = editor("Hej")
        #expect(state.version == 0)
        #expect(!state.isModified)
        state.handle(.left)
        state.handle(.home)
        #expect(state.version == 0, "movement is not a change")
        state.handle(.backspace)
        #expect(state.version == 0, "nothing deleted at the start")
        state.handle(.end)
        state.handle(.character("!"))
        #expect(state.version == 1)
        #expect(state.isModified)
        state.handle(.backspace)
        #expect(state.version == 2)
        #expect(!state.isModified, "back to the loaded text")
        state.handle(.enter)
        state.markSaved()
        #expect(!state.isModified)
        #expect(state.text == "Hej\n")
    }

    @Test func maxLengthRefusesInputBeyondIt() {
        var state = editor(maxLength: 5)
        paste("æø\nåxyz", into: &state)
        #expect(state.text == "æø\nåx")
        #expect(state.count == 5)
        #expect(state.isFull)
        state.handle(.enter)
        #expect(state.text == "æø\nåx", "a line break counts")
        state.handle(.character("\u{301}"))
        #expect(state.text == "æø\nåx\u{301}", "a joining mark still fits")
        #expect(state.count == 5)
        state.handle(.backspace)
        state.insert("中文")
        #expect(state.text == "æø\nå中")
        let long = TextEditorState(text: "abcdefgh", maxLength: 3)
        #expect(long.text == "abcdefgh", "a loaded note is never cut")
        var typing = long
        typing.handle(.character("i"))
        #expect(typing.text == "abcdefgh")
        typing.handle(.backspace)
        #expect(typing.text == "abcdefg", "deleting is always possible")
    }
}

@Suite struct TextEditorDeletionTests {
    @Test func backspaceAtTheStartOfALineJoinsThePrevious() {
        var state = editor("første\nanden")
        state.moveCursor(to: TextPosition(line: 1, index: 0))
        state.handle(.backspace)
        #expect(state.text == "førsteanden")
        #expect(state.cursor == TextPosition(line: 0, index: 6))
        #expect(state.count == 11)
    }

    @Test func deleteAtTheEndOfALineJoinsTheNext() {
        var state = editor("første\nanden\n")
        state.moveCursor(to: TextPosition(line: 0, index: 6))
        state.handle(.delete)
        #expect(state.text == "førsteanden\n")
        #expect(state.cursor == TextPosition(line: 0, index: 6))
        state.handle(.end)
        state.handle(.delete)
        #expect(state.text == "førsteanden")
        state.handle(.delete)
        #expect(state.text == "førsteanden", "nothing after the end")
    }

    @Test func joiningALoneMarkOntoALetterMakesOneCluster() {
        var state = editor("e\n\u{301}x")
        state.moveCursor(to: TextPosition(line: 1, index: 0))
        state.handle(.backspace)
        #expect(state.text == "\u{E9}x")
        #expect(state.count == 2)
        #expect(state.cursor == TextPosition(line: 0, index: 1))
    }

    @Test func ctrlWDeletesTheWordBefore() {
        var state = editor("Mødet i  morgen\nnæste")
        state.moveCursor(to: TextPosition(line: 0, index: 15))
        state.handle(.ctrl("w"))
        #expect(state.lineTexts == ["Mødet i  ", "næste"])
        state.handle(.ctrl("w"))
        #expect(state.lineTexts == ["Mødet ", "næste"])
        state.moveCursor(to: TextPosition(line: 1, index: 0))
        state.handle(.ctrl("w"))
        #expect(state.text == "Mødet næste", "at a line's start it deletes the line break")
        #expect(state.cursor == TextPosition(line: 0, index: 6))
    }

    @Test func ctrlKDeletesToTheEndOfTheLine() {
        var state = editor("abc def\nghi")
        state.moveCursor(to: TextPosition(line: 0, index: 3))
        state.handle(.ctrl("k"))
        #expect(state.text == "abc\nghi")
        state.handle(.ctrl("k"))
        #expect(state.text == "abcghi", "at the end it deletes the line break")
        #expect(state.cursor == TextPosition(line: 0, index: 3))
    }

    @Test func ctrlUDeletesToTheStartOfTheLine() {
        var state = editor("abc\ndef ghi")
        state.moveCursor(to: TextPosition(line: 1, index: 4))
        state.handle(.ctrl("u"))
        #expect(state.text == "abc\nghi")
        #expect(state.cursor == TextPosition(line: 1, index: 0))
        state.handle(.ctrl("u"))
        #expect(state.text == "abcghi", "at the start it deletes the line break")
        #expect(state.cursor == TextPosition(line: 0, index: 3))
    }
}

@Suite struct TextEditorMovementTests {
    @Test func leftAndRightCrossLineEnds() {
        var state = editor("ab\ncd")
        state.moveToStart()
        state.handle(.left)
        #expect(state.cursor == TextPosition(line: 0, index: 0))
        state.handle(.right)
        state.handle(.right)
        state.handle(.right)
        #expect(state.cursor == TextPosition(line: 1, index: 0))
        state.handle(.left)
        #expect(state.cursor == TextPosition(line: 0, index: 2))
        state.moveToEnd()
        state.handle(.right)
        #expect(state.cursor == TextPosition(line: 1, index: 2))
    }

    @Test func wordMovementSkipsSpacesAndLineBreaks() {
        var state = editor("Søren  går\n  hjem. nu")
        state.moveToStart()
        state.moveWordForward()
        #expect(state.cursor == TextPosition(line: 0, index: 5))
        state.moveWordForward()
        #expect(state.cursor == TextPosition(line: 0, index: 10))
        state.moveWordForward()
        #expect(state.cursor == TextPosition(line: 1, index: 7))
        state.moveWordBackward()
        #expect(state.cursor == TextPosition(line: 1, index: 2))
        state.moveWordBackward()
        #expect(state.cursor == TextPosition(line: 0, index: 7))
        state.moveWordBackward()
        state.moveWordBackward()
        #expect(state.cursor == TextPosition(line: 0, index: 0))
    }

    @Test func homeEndAndCtrlAEGoToTheLogicalLine() {
        var state = editor("hello world foo\nx", width: 7)
        state.moveCursor(to: TextPosition(line: 0, index: 8))
        #expect(state.cursorRow == 1, "on the second visual row")
        state.handle(.home)
        #expect(state.cursor == TextPosition(line: 0, index: 0))
        state.handle(.ctrl("e"))
        #expect(state.cursor == TextPosition(line: 0, index: 15))
        state.handle(.ctrl("a"))
        #expect(state.cursor.index == 0)
        state.handle(.end)
        #expect(state.cursor.index == 15)
    }

    @Test func upAndDownKeepThePreferredColumnAcrossHardLines() {
        var state = editor("abcdefghij\nabc\n\nab中文\nabcdefghij")
        state.moveCursor(to: TextPosition(line: 0, index: 8))
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 1, index: 3), "short line: its end")
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 2, index: 0))
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 3, index: 4), "end of the wide line at column 6")
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 4, index: 8), "column 8 again")
        state.handle(.left)
        state.handle(.left)
        state.handle(.left)
        state.handle(.up)
        #expect(state.cursorColumn == 4, "a new preferred column after a sideways move")
        #expect(state.cursor == TextPosition(line: 3, index: 3))
        state.handle(.right)
        state.handle(.down)
        // From column 6 in "ab中文" to column 6 below.
        #expect(state.cursor == TextPosition(line: 4, index: 6))
        state.moveCursor(to: TextPosition(line: 4, index: 5))
        state.handle(.up)
        #expect(state.cursor == TextPosition(line: 3, index: 3), "column 5 falls inside 文: stop before it")
        state.handle(.up)
        state.handle(.up)
        state.handle(.up)
        #expect(state.cursor == TextPosition(line: 0, index: 5), "preferred column 5 kept")
        state.handle(.up)
        #expect(state.cursor == TextPosition(line: 0, index: 0), "up from the first row: the start")
        state.moveToEnd()
        state.handle(.up)
        state.handle(.down)
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 4, index: 10), "down from the last row: the end")
    }

    @Test func upAndDownMoveByVisualRowsInAWrappedLine() {
        // Text width 6: "hello " / "world " / "foo ba" ... rows of one logical line.
        var state = editor("hello world foo bar\nend", width: 7)
        #expect(state.wrappedRows() == ["hello ", "world ", "foo ", "bar", "end"])
        state.moveCursor(to: TextPosition(line: 0, index: 3))
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 0, index: 9), "same column, next row")
        #expect(state.cursorColumn == 3)
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 0, index: 15), "foo: column 3, before the space")
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 0, index: 19), "bar: its end")
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 1, index: 3))
        state.handle(.up)
        state.handle(.up)
        state.handle(.up)
        #expect(state.cursor == TextPosition(line: 0, index: 9))
        state.moveCursor(to: TextPosition(line: 0, index: 5))
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 0, index: 11), "the end of 'world' keeps column 5")
        state.handle(.down)
        #expect(state.cursor == TextPosition(line: 0, index: 15), "a short row: the position before its break")
    }

    @Test func pageKeysMoveByTheVisibleHeight() {
        let text = (1...30).map { "linje \($0)" }.joined(separator: "\n")
        var state = editor(text, width: 20, height: 5)
        state.moveToStart()
        state.moveCursor(to: TextPosition(line: 0, index: 3))
        state.handle(.pageDown)
        #expect(state.cursor == TextPosition(line: 4, index: 3))
        #expect(state.firstVisibleRow == 4, "the view moves as far as the cursor")
        state.handle(.pageDown)
        #expect(state.cursor == TextPosition(line: 8, index: 3))
        state.handle(.pageUp)
        #expect(state.cursor == TextPosition(line: 4, index: 3))
        #expect(state.firstVisibleRow == 4)
        state.handle(.pageUp)
        #expect(state.cursor == TextPosition(line: 0, index: 3))
        #expect(state.firstVisibleRow == 0)
        state.handle(.pageUp)
        #expect(state.cursor == TextPosition(line: 0, index: 0), "on the first row: the start")
        for _ in 0..<20 { state.handle(.pageDown) }
        #expect(state.cursor == state.endPosition)
        #expect(state.firstVisibleRow == 25, "no empty rows below the text")
    }
}

@Suite struct TextEditorScrollTests {
    @Test func typingKeepsTheCursorVisible() {
        var state = editor(width: 12, height: 4)
        var generator = Generator(state: 3)
        for _ in 0..<600 {
            let key: Key = generator.pick([
                .character("a"), .character("ø"), .character(" "), .character("中"), .enter, .up, .down,
                .left, .right, .pageUp, .pageDown, .backspace, .home, .end,
            ])
            state.handle(key)
            let first = state.firstVisibleRow
            #expect((first..<first + 4).contains(state.cursorRow), "after \(key)")
            #expect(state.rowCount <= 4 || first + 4 <= state.rowCount, "no empty rows below while rows are hidden")
        }
    }

    @Test func scrollingFollowsTheCursorMinimally() {
        let text = (1...20).map { "l\($0)" }.joined(separator: "\n")
        var state = editor(text, width: 10, height: 3)
        #expect(state.firstVisibleRow == 17, "loaded with the cursor at the end")
        state.moveToStart()
        #expect(state.firstVisibleRow == 0)
        state.handle(.down)
        state.handle(.down)
        #expect(state.firstVisibleRow == 0)
        state.handle(.down)
        #expect(state.firstVisibleRow == 1, "one row at a time")
        state.resize(width: 10, height: 10)
        #expect(state.firstVisibleRow == 1)
        state.moveToEnd()
        #expect(state.firstVisibleRow == 10)
        state.resize(width: 10, height: 30)
        #expect(state.firstVisibleRow == 0, "everything fits: nothing hidden above")
    }

    @Test func deletingAtTheEndPullsTheViewBack() {
        let text = (1...10).map { "l\($0)" }.joined(separator: "\n")
        var state = editor(text, width: 10, height: 4)
        #expect(state.firstVisibleRow == 6)
        state.handle(.ctrl("u"))
        state.handle(.backspace)
        state.handle(.ctrl("u"))
        state.handle(.backspace)
        #expect(state.rowCount == 8)
        #expect(state.firstVisibleRow == 4)
    }
}

@Suite struct TextEditorPasteTests {
    @Test func pastingTenThousandCharactersGivesExactlyThem() {
        let note = sampleNote(length: 10_000, seed: 42)
        #expect(note.count == 10_000)
        #expect(note.contains("\n") && note.contains("æ") && note.contains("中") && note.contains("🇩🇰"))
        #expect(note == TextNormalization.nfc(note))
        var state = editor(width: 62, height: 20)
        paste(note, into: &state)
        #expect(state.text == note)
        #expect(state.count == 10_000)
        #expect(state.cursor == state.endPosition)
        #expect(state.wrappedRows() == freshRows(state), "the incremental layout is the full one")
        let first = state.firstVisibleRow
        #expect((first..<first + 20).contains(state.cursorRow))
    }

    @Test func pastingIntoTheMiddleKeepsBothSides() {
        let before = sampleNote(length: 3_000, seed: 1)
        let inserted = sampleNote(length: 5_000, seed: 2)
        var state = editor(before, width: 30)
        state.moveToStart()
        for _ in 0..<7 { state.handle(.right) }
        paste(inserted, into: &state)
        let expected = String(before.prefix(7)) + inserted + String(before.dropFirst(7))
        #expect(state.text == expected)
        #expect(state.wrappedRows() == freshRows(state))
        var bulk = editor(before, width: 30)
        bulk.moveToStart()
        for _ in 0..<7 { bulk.handle(.right) }
        bulk.insert(inserted)
        #expect(bulk.text == expected, "insert(_:) does what the keys do")
    }

    @Test func editingInsideABrokenWordRewrapsWhatFollows() {
        var state = editor("abcdefghijkl mnop", width: 6)
        #expect(state.wrappedRows() == ["abcde", "fghij", "kl ", "mnop"])
        state.moveCursor(to: TextPosition(line: 0, index: 2))
        state.handle(.backspace)
        #expect(state.wrappedRows() == ["acdef", "ghijk", "l ", "mnop"])
        state.handle(.character("b"))
        state.handle(.character("b"))
        #expect(state.wrappedRows() == ["abbcd", "efghi", "jkl ", "mnop"])
    }

    @Test func splittingAndJoiningAtEveryPositionKeepsTheLayoutExact() {
        let text = "ab cdefghijklmnop qr stu 中文字 vwxyzæøå abcdefghij k l"
        for width in [4, 6, 7, 11] {
            for index in 0...text.count {
                var state = editor(text, width: width)
                state.moveCursor(to: TextPosition(line: 0, index: index))
                state.handle(.enter)
                #expect(state.wrappedRows() == freshRows(state), "split at \(index), width \(width)")
                state.handle(.backspace)
                #expect(state.text == text)
                #expect(state.wrappedRows() == freshRows(state), "joined at \(index), width \(width)")
                state.handle(.enter)
                state.handle(.left)
                state.handle(.delete)
                #expect(state.wrappedRows() == freshRows(state), "joined by Delete at \(index), width \(width)")
            }
        }
    }

    @Test func randomEditsKeepTheLayoutExactAndTheTextNFC() {
        var generator = Generator(state: 99)
        for width in [5, 9, 17, 40] {
            var state = editor(sampleNote(length: 400, seed: UInt64(width)), width: width, height: 6)
            for step in 0..<400 {
                let key: Key = generator.pick([
                    .character("a"), .character("æ"), .character(" "), .character(" "), .character("中"),
                    .character("👍🏽"), .character("\u{301}"), .character("🇩"), .enter, .backspace, .delete,
                    .left, .right, .up, .down, .home, .end, .ctrl("w"), .ctrl("k"), .ctrl("u"), .pageDown,
                ])
                state.handle(key)
                #expect(state.wrappedRows() == freshRows(state), "width \(width), step \(step), \(key)")
                if step % 20 == 0 {
                    #expect(state.text == TextNormalization.nfc(state.text))
                    #expect(state.count == state.text.count)
                    #expect(state.lineTexts.map { Array($0) } == state.text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) })
                }
            }
            #expect(state.wrappedRows() == freshRows(state))
        }
    }
}

@Suite struct TextEditorDrawTests {
    let note = "Mødet i morgen kl. 10 中文字 👍🏽\nslut"

    @Test func drawsWrappedTextAndTheCursorAtTwoWidths() {
        var canvas = Canvas(width: 14, height: 6)
        var state = editor(note, width: 12, height: 5)
        let rect = Rect(row: 1, col: 2, width: 12, height: 5)
        state = TextEditor.draw(state, in: rect, canvas: &canvas)
        #expect(canvas.lines() == ["", "  Mødet i", "  morgen kl.", "  10 中文字", "  👍🏽", "  slut"])
        #expect(canvas.cursor == Position(row: 5, col: 6), "after 'slut'")

        state.moveCursor(to: TextPosition(line: 0, index: 25))
        TextEditor.draw(state, in: rect, canvas: &canvas)
        #expect(canvas.cursor == Position(row: 3, col: 11), "after 字, before the hanging space")

        var narrow = Canvas(width: 8, height: 4)
        state = TextEditor.draw(state, in: Rect(row: 0, col: 0, width: 8, height: 4), canvas: &narrow)
        #expect(state.textWidth == 7)
        #expect(state.wrappedRows() == ["Mødet i ", "morgen ", "kl. 10 ", "中文字 ", "👍🏽", "slut"])
        #expect(narrow.lines() == ["Mødet i", "morgen", "kl. 10", "中文字 ▼"])
        #expect(narrow.cursor == Position(row: 3, col: 6))
        #expect(narrow.style(row: 3, col: 7) == .muted)

        state.moveToEnd()
        state = TextEditor.draw(state, in: Rect(row: 0, col: 0, width: 8, height: 4), canvas: &narrow)
        #expect(narrow.lines() == ["kl. 10 ▲", "中文字", "👍🏽", "slut"])
        #expect(narrow.cursor == Position(row: 3, col: 4))
    }

    @Test func theCursorAfterAFullRowUsesTheLastColumn() {
        var canvas = Canvas(width: 6, height: 2)
        let state = editor("abcde", width: 6, height: 2)
        TextEditor.draw(state, in: Rect(row: 0, col: 0, width: 6, height: 2), canvas: &canvas)
        #expect(canvas.lines() == ["abcde", ""])
        #expect(canvas.cursor == Position(row: 0, col: 5))

        var spaces = state
        paste("   ", into: &spaces)
        #expect(spaces.wrappedRows() == ["abcde   "], "spaces hang past the edge")
        #expect(spaces.cursorColumn == 8)
        var fresh = Canvas(width: 6, height: 2)
        TextEditor.draw(spaces, in: Rect(row: 0, col: 0, width: 6, height: 2), canvas: &fresh)
        #expect(fresh.cursor == Position(row: 0, col: 5), "the cursor stays inside the area")
        paste("x", into: &spaces)
        TextEditor.draw(spaces, in: Rect(row: 0, col: 0, width: 6, height: 2), canvas: &canvas)
        #expect(canvas.lines() == ["abcde", "x"])
        #expect(canvas.cursor == Position(row: 1, col: 1))
    }

    @Test func drawingIsSanitisedAndUnfocusedLeavesTheCursor() {
        var canvas = Canvas(width: 10, height: 2)
        var state = editor(width: 10, height: 2)
        state.insert("\u{1B}[31mrød")
        TextEditor.draw(state, in: Rect(row: 0, col: 0, width: 10, height: 2), canvas: &canvas, isFocused: false)
        #expect(canvas.line(0) == "\u{FFFD}[31mrød")
        #expect(canvas.cursor == nil)
    }

    @Test func placeholderWhenEmpty() {
        var canvas = Canvas(width: 12, height: 2)
        TextEditor.draw(editor(), in: Rect(row: 0, col: 0, width: 12, height: 2), canvas: &canvas,
            placeholder: "Skriv noter")
        #expect(canvas.line(0) == "Skriv noter")
        #expect(canvas.style(row: 0, col: 0)?.isDim == true)
        #expect(canvas.cursor == Position(row: 0, col: 0))
    }
}

extension String {
    fileprivate func trimmingSpacesAtEnd() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
