import Testing
import TrinvisTUI

@Suite struct ListStateTests {
    @Test func startsAtTheTop() {
        let state = ListState(count: 100, visibleHeight: 10)
        #expect(state.selection == 0)
        #expect(state.offset == 0)
        #expect(state.visibleRange == 0..<10)
        #expect(!state.hasMoreAbove)
        #expect(state.hasMoreBelow)
    }

    @Test func movingDownScrollsMinimally() {
        var state = ListState(count: 100, visibleHeight: 10)
        for _ in 0..<15 { state.move(.down) }
        #expect(state.selection == 15)
        #expect(state.offset == 6)
        state.move(.up)
        #expect(state.selection == 14)
        #expect(state.offset == 6, "moving inside the window does not scroll")
    }

    @Test func pagesKeepTheRowOnScreen() {
        var state = ListState(count: 100, selection: 15, visibleHeight: 10)
        let rowOnScreen = 15 - state.offset
        state.move(.pageDown)
        #expect(state.selection == 24)
        #expect(state.selection.map { $0 - state.offset } == rowOnScreen)
        state.move(.pageUp)
        #expect(state.selection == 15)
        state.move(.pageUp)
        state.move(.pageUp)
        #expect(state.selection == 0)
        #expect(state.offset == 0)
    }

    @Test func homeAndEnd() {
        var state = ListState(count: 100, visibleHeight: 10)
        state.move(.last)
        #expect(state.selection == 99)
        #expect(state.offset == 90)
        state.move(.down)
        #expect(state.selection == 99, "no wrap-around")
        state.move(.first)
        #expect(state.selection == 0)
        #expect(state.offset == 0)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = ListState(count: 100, selection: 50, visibleHeight: 10)
        #expect(state.visibleRange.contains(50))
        state.resize(visibleHeight: 5)
        #expect(state.selection == 50)
        #expect(state.visibleRange.contains(50))
        state.resize(visibleHeight: 30)
        #expect(state.selection == 50)
        #expect(state.visibleRange.contains(50))
        state.resize(visibleHeight: 1)
        #expect(state.visibleRange == 50..<51)
    }

    @Test func growingAtTheEndLeavesNoEmptyRows() {
        var state = ListState(count: 100, visibleHeight: 10)
        state.move(.last)
        state.resize(visibleHeight: 20)
        #expect(state.selection == 99)
        #expect(state.offset == 80)
        state.resize(visibleHeight: 200)
        #expect(state.offset == 0)
    }

    @Test func shrinkingTheListClampsTheSelection() {
        var state = ListState(count: 100, selection: 50, visibleHeight: 10)
        state.setCount(20)
        #expect(state.selection == 19)
        #expect(state.visibleRange.contains(19))
        state.setCount(0)
        #expect(state.selection == nil)
        #expect(state.visibleRange.isEmpty)
        state.move(.down)
        #expect(state.selection == nil)
        state.setCount(3)
        #expect(state.selection == 0)
    }

    @Test func movementKeys() {
        var state = ListState(count: 10, visibleHeight: 5)
        var consumed: [Bool] = []
        for key: Key in [.character("j"), .down] { consumed.append(state.handle(key)) }
        #expect(state.selection == 2)
        consumed.append(state.handle(.character("k")))
        #expect(state.selection == 1)
        consumed.append(state.handle(.character("G")))
        #expect(state.selection == 9)
        consumed.append(state.handle(.character("g")))
        #expect(state.selection == 0)
        #expect(consumed.allSatisfy { $0 })
        let other = [state.handle(.character("x")), state.handle(.enter)]
        #expect(other == [false, false])
        #expect(state.selection == 0)
    }
}

@Suite struct ListViewTests {
    let names = ["Anne", "Bo", "Carl Ærø", "Dorthe", "中田"]

    @Test func selectedRowHasMarkerReverseAndCursor() {
        var canvas = Canvas(width: 20, height: 4)
        let state = ListState(count: names.count, selection: 1, visibleHeight: 3)
        ListView.draw(state, in: Rect(row: 1, col: 0, width: 20, height: 3), canvas: &canvas) { index, _ in
            [Span(names[index])]
        }
        let moreBelow = "  Carl Ærø" + String(repeating: " ", count: 9) + "▼"
        #expect(canvas.lines() == ["", "  Anne", "› Bo", moreBelow])
        #expect(canvas.style(row: 2, col: 5)?.isReverse == true, "reverse across the row")
        #expect(canvas.style(row: 1, col: 2)?.isReverse == false)
        #expect(canvas.cursor == Position(row: 2, col: 0))
    }

    @Test func asciiMarkerAndUnfocusedList() {
        var canvas = Canvas(width: 12, height: 2, glyphs: .ascii)
        let state = ListState(count: 2, selection: 0, visibleHeight: 2)
        ListView.draw(state, in: Rect(row: 0, col: 0, width: 12, height: 2), canvas: &canvas, isFocused: false) {
            index, _ in [Span(names[index])]
        }
        #expect(canvas.lines() == ["> Anne", "  Bo"])
        #expect(canvas.style(row: 0, col: 2)?.isReverse == false, "no reverse without focus")
        #expect(canvas.cursor == nil)
    }

    @Test func drawingFollowsTheRectHeight() {
        // The state thinks 10 rows are visible; the rect has 2, and the selection must show.
        var canvas = Canvas(width: 20, height: 2)
        let state = ListState(count: names.count, selection: 4, visibleHeight: 10)
        ListView.draw(state, in: Rect(row: 0, col: 0, width: 20, height: 2), canvas: &canvas) { index, _ in
            [Span(names[index])]
        }
        #expect(canvas.line(1).hasPrefix("› 中田"))
        #expect(canvas.line(0).hasSuffix("▲"))
    }

    @Test func emptyListShowsItsNote() {
        var canvas = Canvas(width: 20, height: 2)
        ListView.draw(ListState(), in: Rect(row: 0, col: 0, width: 20, height: 2), canvas: &canvas,
            emptyText: "No citizens yet") { _, _ in [] }
        #expect(canvas.line(0) == "  No citizens yet")
        #expect(canvas.style(row: 0, col: 2) == .muted)
    }

    @Test func longRowsAreCutWithAnEllipsis() {
        var canvas = Canvas(width: 10, height: 1)
        ListView.draw(ListState(count: 1), in: Rect(row: 0, col: 0, width: 10, height: 1), canvas: &canvas) { _, _ in
            [Span("Jørgensen, Karen Margrethe")]
        }
        #expect(canvas.line(0) == "› Jørgens…")
    }
}
