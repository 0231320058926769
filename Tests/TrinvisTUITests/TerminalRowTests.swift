import Testing
import TrinvisTUI

/// What the backend sends for a row: the attributes of blanks chosen so that a move costs few
/// bytes (issue 11), and the selected row of a list in one run of reverse video.
@Suite struct TerminalRowTests {
    private func attributes(_ row: TerminalRow, _ col: Int) -> RenderAttributes {
        row.cells[col].attributes
    }

    @Test func blanksKeepTheAttributesInEffect() {
        var canvas = Canvas(width: 30, height: 1)
        let used = canvas.put(row: 0, col: 0, spans: [
            Span("  ", style: .danger), Span("2026 "), Span("nået     ", style: .success), Span("Æble"),
            Span(" (trin)", style: .muted),
        ])
        #expect(used == 27)
        let row = TerminalRow(canvas, row: 0, mode: .color)
        let plain = RenderAttributes()
        let green = StylePalette.attributes(for: .success, mode: .color)
        let dim = StylePalette.attributes(for: .muted, mode: .color)
        // The red bold blanks that begin the row show nothing of their style: sent like "2026".
        #expect(attributes(row, 0) == plain && attributes(row, 1) == plain)
        // The blank after the year goes with the year, the padding after the green word with it.
        #expect(attributes(row, 6) == plain)
        #expect(attributes(row, 7) == green)
        #expect((11...15).allSatisfy { attributes(row, $0) == green })
        #expect(attributes(row, 16) == plain)
        // The blank that begins the muted part goes with "Æble"; the row's tail is plain.
        #expect(attributes(row, 20) == plain && attributes(row, 21) == dim)
        #expect((27..<30).allSatisfy { attributes(row, $0) == plain })
        #expect(row.cells.map(\.text).joined() == canvas.line(0) + "   ")
    }

    @Test func theGapBeforeABorderGoesWithTheText() {
        var canvas = Canvas(width: 16, height: 1)
        canvas.put(row: 0, col: 0, spans: [Span("|", style: .accent), Span("(trin)", style: .muted), Span("      "),
                                          Span("|", style: .accent)])
        let row = TerminalRow(canvas, row: 0, mode: .color)
        let dim = StylePalette.attributes(for: .muted, mode: .color)
        #expect((7...12).allSatisfy { attributes(row, $0) == dim }, "no switch to the border's colour for blanks")
        #expect(attributes(row, 13) == StylePalette.attributes(for: .accent, mode: .color))

        // After a border (here "│") the indent goes with the text that follows it.
        var indented = Canvas(width: 10, height: 1)
        indented.put(row: 0, col: 0, spans: [Span("\u{2502}", style: .accent), Span("   "), Span("nået", style: .success)])
        let second = TerminalRow(indented, row: 0, mode: .color)
        let green = StylePalette.attributes(for: .success, mode: .color)
        #expect((1...3).allSatisfy { attributes(second, $0) == green }, "\(second.cells.map(\.attributes))")
        #expect((8..<10).allSatisfy { attributes(second, $0) == RenderAttributes() })
    }

    @Test func blanksThatShowTheirStyleKeepIt() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.put(row: 0, col: 0, spans: [Span("a  ", style: Style(.normal, [.underline])), Span("  "),
                                          Span("b  ", style: .selected)])
        let row = TerminalRow(canvas, row: 0, mode: .monochrome)
        #expect(attributes(row, 1).underline && attributes(row, 2).underline, "underlined blanks stay underlined")
        // A blank before reverse video does not take it: it would show.
        #expect(attributes(row, 3) == RenderAttributes() && attributes(row, 4) == RenderAttributes())
        #expect(attributes(row, 6).reverse && attributes(row, 7).reverse, "reverse blanks stay reverse")
        #expect(attributes(row, 8) == RenderAttributes(), "after the reverse text the row is plain")
    }

    @Test func wideCharactersKeepTheirContinuation() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put(row: 0, col: 0, spans: [Span(" ", style: .warning), Span("中", style: .accent), Span(" ø")])
        let row = TerminalRow(canvas, row: 0, mode: .color)
        #expect(row.cells[1].text == "中" && row.cells[2].isContinuation)
        #expect(attributes(row, 0) == StylePalette.attributes(for: .accent, mode: .color))
        #expect(attributes(row, 3) == StylePalette.attributes(for: .accent, mode: .color), "the blank after it goes with it")
        #expect(attributes(row, 4) == RenderAttributes())
    }

    @Test func uncolouredTextIsSentInThePairOfTheDefaultColours() {
        let rolePairs = ColorRole.allCases.map { StylePalette.pairNumber(for: $0) }
        #expect(!rolePairs.contains(StylePalette.defaultColorsPair))
        #expect(StylePalette.pairToSend(0, mode: .color) == StylePalette.defaultColorsPair)
        #expect(StylePalette.pairToSend(0, mode: .monochrome) == 0)
        let red = StylePalette.pairNumber(for: .danger)
        #expect(StylePalette.pairToSend(red, mode: .color) == red)
    }

    @Test func aFocusedSelectedRowIsOneRunOfReverseVideo() {
        var canvas = Canvas(width: 30, height: 2)
        let state = ListState(count: 2, selection: 1, visibleHeight: 2)
        ListView.draw(state, in: Rect(row: 0, col: 0, width: 30, height: 2), canvas: &canvas) { index, _ in
            [Span("! ", style: .danger), Span("2026-11-23 ", style: .danger), Span("Søge bolig \(index)")]
        }
        #expect((0..<30).allSatisfy { canvas.style(row: 1, col: $0) == .selected }, "one style across the selected row")
        #expect(canvas.style(row: 0, col: 2) == .danger, "the other rows keep their styles")
        let row = TerminalRow(canvas, row: 1, mode: .color)
        #expect(Set(row.cells.map(\.attributes)).count == 1)

        var unfocused = Canvas(width: 30, height: 2)
        ListView.draw(state, in: Rect(row: 0, col: 0, width: 30, height: 2), canvas: &unfocused, isFocused: false) { _, _ in
            [Span("! ", style: .danger), Span("Søge bolig")]
        }
        #expect(unfocused.style(row: 1, col: 2)?.role == .danger && unfocused.style(row: 1, col: 2)?.isBold == true)
        #expect(unfocused.style(row: 1, col: 4)?.isBold == true, "without focus the selected row is bold")
    }
}

/// The Escape delay: 25 ms, the short end of the terminal conventions, and `ESCDELAY` wins for
/// a terminal or a link that wants another.
@Suite struct EscapeDelayTests {
    @Test func theDefaultIsTheConventionsShortEnd() {
        #expect(NcursesBackend.Options.defaultEscapeDelay == 25)
        #expect(NcursesBackend.Options().escapeDelay == NcursesBackend.Options.defaultEscapeDelay)
        #expect(NcursesBackend.escapeDelay(environment: nil, default: 10) == 10)
    }

    @Test func escdelayInTheEnvironmentWins() {
        #expect(NcursesBackend.escapeDelay(environment: "100", default: 10) == 100)
        #expect(NcursesBackend.escapeDelay(environment: "0", default: 10) == 0)
        for unusable in ["", "fast", "-5", "25ms", "99999"] {
            #expect(NcursesBackend.escapeDelay(environment: unusable, default: 10) == 10, "\(unusable)")
        }
    }
}

/// Blank padding is drawn plain, so that without colours (where danger is underlined) no
/// underlined blanks show beside the citizens and milestones that are not overdue.
@Suite struct PaddingStyleTests {
    @Test func thePaddingOfTheOverdueColumnsIsPlain() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        let screen = app.screen()
        let lines = screen.lines()
        let bent = try #require(lines.firstIndex { $0.contains("Bent \u{D8}rsted") })
        let jan = try #require(lines.firstIndex { $0.contains("Jan B\u{E6}kgaard") })
        for row in [bent, jan] {
            let underlined = (0..<42).filter { col in
                screen.cell(row: row, col: col)?.text == " "
                    && StylePalette.attributes(for: screen.style(row: row, col: col) ?? .normal, mode: .monochrome).underline
            }
            #expect(underlined.isEmpty, "underlined blanks in \(lines[row]) at \(underlined)")
        }
        #expect(lines[jan].contains("!4"))
        let planned = try #require(lines.firstIndex { $0.contains("M\u{F8}de med studievejleder") })
        let start = try #require(lines[planned].range(of: "\u{2502}\u{2502}")).upperBound
        let col = lines[planned].distance(from: lines[planned].startIndex, to: start)
        #expect(screen.style(row: planned, col: col + 2) == .normal, "\(lines[planned])")
    }
}
