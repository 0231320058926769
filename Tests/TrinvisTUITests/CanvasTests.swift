import Testing
import TrinvisTUI

@Suite struct CanvasTests {
    @Test func linesAreTrimmedAndAligned() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.put(row: 0, col: 0, text: "Æble 中文")
        canvas.put(row: 0, col: 9, text: "x")
        canvas.put(row: 1, col: 2, text: "e\u{301}t")
        #expect(canvas.lines() == ["Æble 中文x", "  e\u{301}t", ""])
        #expect(canvas.text == "Æble 中文x\n  e\u{301}t\n")
        // The wide characters take two cells each, so x lands in column 9.
        #expect(canvas.cell(row: 0, col: 5)?.text == "中")
        #expect(canvas.cell(row: 0, col: 6)?.isContinuation == true)
        #expect(canvas.cell(row: 0, col: 9)?.text == "x")
    }

    @Test func putReturnsColumnsUsed() {
        var canvas = Canvas(width: 20, height: 1)
        #expect(canvas.put(row: 0, col: 0, text: "Søren") == 5)
        #expect(canvas.put(row: 0, col: 6, text: "田中😀") == 6)
        #expect(canvas.put(row: 0, col: 13, text: "abc", maxWidth: 2) == 2)
        #expect(canvas.line(0) == "Søren 田中😀 ab")
    }

    @Test func hugeAndNegativeWidthsAreSafe() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put(row: 0, col: 1, text: "abcdef", maxWidth: .max) == 4)
        #expect(canvas.put(row: 0, col: 0, text: "x", maxWidth: -3) == 0)
        #expect(canvas.put(row: 0, col: 9, text: "x") == 0)
        #expect(canvas.line(0) == " abcd")
    }

    @Test func wideCharacterAtTheRightEdgeIsNotSplit() {
        var canvas = Canvas(width: 10, height: 2)
        #expect(canvas.put(row: 0, col: 8, text: "中文") == 2)
        #expect(canvas.line(0) == "        中")
        #expect(canvas.cell(row: 0, col: 9)?.isContinuation == true)
        #expect(canvas.put(row: 1, col: 8, text: "a中") == 1)
        #expect(canvas.cell(row: 1, col: 9)?.text == " ", "half a wide character is never drawn")
    }

    @Test func overwritingHalfOfAWideCharacterClearsTheOtherHalf() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.put(row: 0, col: 2, text: "中")
        canvas.put(row: 0, col: 3, text: "x")
        #expect(canvas.cell(row: 0, col: 2)?.text == " ")
        #expect(canvas.line(0) == "   x")

        canvas.put(row: 1, col: 2, text: "中")
        canvas.put(row: 1, col: 2, text: "y")
        #expect(canvas.cell(row: 1, col: 3)?.text == " ")
        #expect(canvas.line(1) == "  y")

        canvas.put(row: 2, col: 2, text: "中文")
        canvas.put(row: 2, col: 1, text: "字")
        #expect(canvas.line(2) == " 字 文")
        for row in 0..<3 {
            for col in 0..<8 where canvas.cell(row: row, col: col)?.isContinuation == true {
                let owner = canvas.cell(row: row, col: col - 1)?.text ?? ""
                #expect(owner.displayWidth == 2, "continuation at \(row),\(col) has its wide owner")
            }
        }
    }

    @Test func putSanitises() {
        var canvas = Canvas(width: 40, height: 1)
        canvas.put(row: 0, col: 0, text: "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}ok\u{9B}")
        let text = canvas.line(0)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E })
        #expect(text.hasSuffix("ok\u{FFFD}"))
    }

    @Test func clippingToARegion() {
        var canvas = Canvas(width: 10, height: 4)
        canvas.put(row: 0, col: 0, text: "0123456789")
        var used = -1
        canvas.draw(in: Rect(row: 1, col: 2, width: 3, height: 2)) { pane in
            #expect(pane.bounds == Rect(row: 0, col: 0, width: 3, height: 2))
            used = pane.put(row: 0, col: 0, text: "abcdef")
            pane.put(row: 1, col: 1, text: "中文")
            pane.put(row: 2, col: 0, text: "outside")
            pane.put(row: -1, col: 0, text: "above")
        }
        #expect(used == 3)
        #expect(canvas.lines() == ["0123456789", "  abc", "   中", ""])
    }

    @Test func wideCharacterStraddlingTheLeftEdgeShowsASpace() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put(row: 0, col: 0, text: "##########")
        canvas.draw(in: Rect(row: 0, col: 2, width: 4, height: 1)) { pane in
            pane.put(row: 0, col: -1, text: "中x")
        }
        #expect(canvas.line(0) == "## x######")
    }

    @Test func nestedRegionsCompose() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.draw(in: Rect(row: 1, col: 1, width: 8, height: 2)) { outer in
            outer.draw(in: Rect(row: 1, col: 2, width: 10, height: 5)) { inner in
                inner.put(row: 0, col: 0, text: "abcdefghij")
                inner.setCursor(row: 0, col: 1)
            }
        }
        #expect(canvas.lines() == ["", "", "   abcdef"])
        #expect(canvas.cursor == Position(row: 2, col: 4))
    }

    @Test func cursorOutsideTheRegionIsRefused() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.setCursor(row: 0, col: 0)
        canvas.draw(in: Rect(row: 1, col: 1, width: 2, height: 1)) { pane in
            let placed = pane.setCursor(row: 1, col: 0)
            #expect(!placed)
        }
        #expect(canvas.cursor == Position(row: 0, col: 0))
        canvas.hideCursor()
        #expect(canvas.cursor == nil)
    }

    @Test func stylesCanBeQueried() {
        var canvas = Canvas(width: 10, height: 2)
        canvas.put(row: 0, col: 0, text: "Late", style: .danger)
        canvas.fill(Rect(row: 1, col: 2, width: 3, height: 1), style: .selected)
        #expect(canvas.style(row: 0, col: 3) == .danger)
        #expect(canvas.style(row: 0, col: 4) == .normal)
        #expect(canvas.style(row: 1, col: 2)?.isReverse == true)
        #expect(canvas.style(row: 1, col: 5)?.isReverse == false)
        canvas.restyle(Rect(row: 0, col: 0, width: 2, height: 1), style: .muted)
        #expect(canvas.style(row: 0, col: 1) == .muted)
        #expect(canvas.line(0) == "Late")
    }

    @Test func ellipsisOverflowUsesTheGlyphSet() {
        var unicode = Canvas(width: 10, height: 1)
        unicode.put(row: 0, col: 0, text: "abcdefgh", maxWidth: 5, overflow: .ellipsis)
        #expect(unicode.line(0) == "abcd…")
        var ascii = Canvas(width: 10, height: 1, glyphs: .ascii)
        ascii.put(row: 0, col: 0, text: "abcdefgh", maxWidth: 5, overflow: .ellipsis)
        #expect(ascii.line(0) == "ab...")
        var edge = Canvas(width: 6, height: 1)
        edge.put(row: 0, col: 2, text: "中文字", overflow: .ellipsis)
        #expect(edge.line(0) == "  中…")
    }

    @Test func alignedPut() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.put(row: 0, col: 0, text: "42", width: 6, alignment: .trailing)
        canvas.put(row: 1, col: 0, text: "中", width: 6, alignment: .center)
        canvas.put(row: 2, col: 0, text: "abcdefghij", width: 6, alignment: .trailing)
        #expect(canvas.lines() == ["    42", "  中", "abcde…"])
    }

    @Test func unicodeAndASCIIFrames() {
        var unicode = Canvas(width: 6, height: 3)
        unicode.box(Rect(row: 0, col: 0, width: 6, height: 3))
        #expect(unicode.lines() == ["┌────┐", "│    │", "└────┘"])

        var ascii = Canvas(width: 12, height: 3, glyphs: .ascii)
        ascii.box(Rect(row: 0, col: 0, width: 12, height: 3), title: "Borger")
        #expect(ascii.lines() == ["+ Borger --+", "|          |", "+----------+"])

        var narrow = Canvas(width: 8, height: 2)
        narrow.box(Rect(row: 0, col: 0, width: 8, height: 2), title: "Milepæle")
        #expect(narrow.line(0) == "┌ Mil…─┐", "the title leaves a line character before the corner")
    }

    @Test func wrappedTextInARect() {
        var canvas = Canvas(width: 10, height: 3)
        let needed = canvas.putWrapped("Mødet gik godt.\nNæste gang: 中文", in: Rect(row: 0, col: 0, width: 8, height: 3))
        #expect(needed == 6)
        #expect(canvas.lines() == ["Mødet", "gik", "godt."])
    }

    @Test func zeroWidthClustersAreSkipped() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put(row: 0, col: 0, text: "\u{301}a\u{200B}b") == 2)
        #expect(canvas.line(0) == "ab")
    }

    @Test func fillWithAWideCharacterLeavesNoHalf() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.fill(Rect(row: 0, col: 0, width: 5, height: 1), with: "中")
        #expect(canvas.line(0) == "中中")
        #expect(canvas.cell(row: 0, col: 4)?.text == " ")
    }
}

@Suite struct RectTests {
    @Test func rowsSplitFixedAndFill() {
        let parts = Rect(row: 0, col: 0, width: 80, height: 24).rows([.fixed(1), .fill, .fixed(1)])
        #expect(parts.map(\.height) == [1, 22, 1])
        #expect(parts.map(\.row) == [0, 1, 23])
        #expect(parts.allSatisfy { $0.width == 80 })
    }

    @Test func columnsSplitByRatioAndWeight() {
        let rect = Rect(row: 2, col: 5, width: 80, height: 10)
        let ratio = rect.columns([.ratio(0.3), .fill])
        #expect(ratio.map(\.width) == [24, 56])
        #expect(ratio.map(\.col) == [5, 29])
        let weighted = Rect(row: 0, col: 0, width: 10, height: 1).columns([.fill(1), .fill(2)])
        #expect(weighted.map(\.width) == [4, 6])
    }

    @Test func splitNeverExceedsTheWhole() {
        let parts = Rect(row: 0, col: 0, width: 40, height: 1).columns([.fixed(30), .fixed(30), .fill])
        #expect(parts.map(\.width) == [30, 10, 0])
        #expect(parts.map(\.endCol).max() == 40)
    }

    @Test func insetAndIntersection() {
        let rect = Rect(row: 1, col: 1, width: 10, height: 5)
        #expect(rect.inset(by: 1) == Rect(row: 2, col: 2, width: 8, height: 3))
        #expect(Rect(row: 0, col: 0, width: 1, height: 1).inset(by: 1).isEmpty)
        #expect(rect.intersection(Rect(row: 3, col: 8, width: 10, height: 10))
            == Rect(row: 3, col: 8, width: 3, height: 3))
        #expect(rect.intersection(Rect(row: 20, col: 20, width: 2, height: 2)).isEmpty)
    }
}
