import Testing
import TrinvisTUI

@Suite struct ChartTests {
    // MARK: Sparkline

    @Test func sparklineMapsTheScoresOneToTenOntoTheEightBlocks() {
        #expect(Sparkline.string(values: Array(1...10), glyphs: .unicode) == "▁▂▃▃▄▅▆▆▇█")
        #expect(Sparkline.string(values: [1], glyphs: .unicode) == "▁", "the lowest score is still drawn")
        #expect(Sparkline.string(values: [10], glyphs: .unicode) == "█")
        #expect(Sparkline.string(values: [], glyphs: .unicode).isEmpty)
        #expect(Sparkline.spans(values: [], glyphs: .unicode).isEmpty)
        #expect(Sparkline.spans(values: [3, 6], glyphs: .unicode, style: .accent) == [Span("▃▅", style: .accent)])
    }

    @Test func sparklineClampsValuesOutsideTheRange() {
        #expect(Sparkline.string(values: [0, -5, Int.min / 4, 11, 99], glyphs: .unicode) == "▁▁▁██")
        #expect(Sparkline.string(values: [0, 11], glyphs: .ascii) == "1X")
        // Another range: 0...100 in eight levels; a range of one value draws at the lowest level.
        #expect(Sparkline.string(values: [0, 50, 100, 200], range: 0...100, glyphs: .unicode) == "▁▅██")
        #expect(Sparkline.string(values: [4, 5, 6], range: 5...5, glyphs: .unicode) == "▁▁▁")
        #expect(Sparkline.level(of: 7, in: 1...10, levels: 1) == 0)
    }

    @Test func sparklineInASCIIShowsEachScoreAsItself() {
        let line = Sparkline.string(values: Array(1...10) + [3, 4, 6, 9, 10], glyphs: .ascii)
        #expect(line == "123456789X3469X")
        #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(DisplayWidth.of(Sparkline.string(values: Array(1...10), glyphs: .unicode)) == 10, "one column a value")
    }

    @Test func trendTellsTheDirectionByACharacter() {
        #expect(Sparkline.trend(first: 3, latest: 6, glyphs: .unicode) == "3→6 ▲")
        #expect(Sparkline.trend(first: 6, latest: 6, glyphs: .unicode) == "6→6 =")
        #expect(Sparkline.trend(first: 6, latest: 3, glyphs: .unicode) == "6→3 ▼")
        #expect(Sparkline.trend(first: 3, latest: 6, glyphs: .ascii) == "3->6 +")
        #expect(Sparkline.trend(first: 6, latest: 6, glyphs: .ascii) == "6->6 =")
        #expect(Sparkline.trend(first: 10, latest: 3, glyphs: .ascii) == "10->3 -")
        #expect(Sparkline.trend(values: [2, 9, 4], glyphs: .unicode) == "2→4 ▲")
        #expect(Sparkline.trend(values: [5], glyphs: .unicode) == "5")
        #expect(Sparkline.trend(values: [], glyphs: .unicode) == nil)
        #expect(TrendDirection.allCases.map { $0.symbol(glyphs: .unicode) } == ["▲", "=", "▼"])
        #expect(Set(TrendDirection.allCases.map { $0.symbol(glyphs: .ascii) }).count == 3)
    }

    // MARK: Bars

    @Test(arguments: [
        // count, total, filled cells at 80 and at 200 columns
        (1, 3, 27, 67), (2, 3, 53, 133), (60, 67, 72, 179), (0, 0, 0, 0), (3, 0, 0, 0),
        (0, 5, 0, 0), (5, 5, 80, 200), (1, 8, 10, 25), (1, 160, 1, 1), (1, 161, 0, 1),
    ])
    func barLengthsAreRoundedHalfUp(_ count: Int, _ total: Int, _ at80: Int, _ at200: Int) {
        #expect(BarChart.filledCells(count, of: total, width: 80) == at80)
        #expect(BarChart.filledCells(count, of: total, width: 200) == at200)
        for width in [80, 200] {
            let bar = BarChart.bar(count, of: total, width: width, glyphs: .unicode)
            #expect(DisplayWidth.of(bar) == width)
            #expect(bar.filter { $0 == "█" }.count == (width == 80 ? at80 : at200))
            #expect(bar.allSatisfy { $0 == "█" || $0 == "·" })
        }
    }

    @Test func barsNeverOverflowAndSurviveNonsense() {
        #expect(BarChart.filledCells(70, of: 67, width: 80) == 80)
        #expect(BarChart.filledCells(-4, of: 67, width: 80) == 0)
        #expect(BarChart.filledCells(1, of: -3, width: 80) == 0)
        #expect(BarChart.filledCells(1, of: 3, width: 0) == 0)
        #expect(BarChart.filledCells(1, of: 3, width: -5) == 0)
        #expect(BarChart.bar(1, of: 3, width: -5, glyphs: .unicode).isEmpty)
        #expect(BarChart.bar(0, of: 0, width: 6, glyphs: .unicode) == "······", "an empty bar, no division by zero")
        #expect(BarChart.bar(2, of: 3, width: 6, glyphs: .ascii) == "####..")
    }

    @Test func aBarRowIsTheBarAndTheFigureInExactlyTheWidth() {
        let spans = BarChart.spans(60, of: 67, figure: "60 of 67 (90 %)", width: 40, glyphs: .unicode)
        let text = spans.map(\.text).joined()
        #expect(DisplayWidth.of(text) == 40)
        // The figure takes 15 columns and a space, the bar the other 24: 60/67 of 24 = 21.49 → 21.
        #expect(text == String(repeating: "█", count: 21) + "··· 60 of 67 (90 %)")
        #expect(spans.first?.style == .accent && spans[1].style == .muted)
        // A wider figure column pads the figure on the left, so the bars of a table line up.
        let padded = BarChart.spans(1, of: 8, figure: "1 of 8 (13 %)", width: 40, figureWidth: 15, glyphs: .ascii)
        #expect(padded.map(\.text).joined() == "###" + String(repeating: ".", count: 21) + "   1 of 8 (13 %)")
        // No room for a bar: the figure alone.
        #expect(BarChart.spans(1, of: 2, figure: "1 of 2 (50 %)", width: 10, glyphs: .unicode)
                == [Span("1 of 2 (50 %)")])
        // 0 of 0: an empty bar and the figure without a percentage.
        #expect(BarChart.spans(0, of: 0, figure: "0 of 0", width: 10, glyphs: .unicode).map(\.text).joined()
                == "··· 0 of 0")
    }

    @Test(arguments: [80, 200])
    func stackedBarPartsSumToTheWidth(_ width: Int) {
        for counts in [[60, 5, 2], [1, 1, 1], [2, 2, 2], [0, 0, 7], [1, 0, 0], [0, 1, 0], [3, 4, 0],
                       [1, 1, 1000], [999, 1, 0], [7, 11, 13]] {
            let lengths = StackedBar.lengths(counts, width: width)
            #expect(lengths.reduce(0, +) == width, "\(counts)")
            #expect(lengths.allSatisfy { $0 >= 0 })
            let total = counts.reduce(0, +)
            for (count, length) in zip(counts, lengths) {
                // Each part is within one cell of its exact length.
                #expect(abs(Double(length) - Double(count * width) / Double(total)) <= 1, "\(counts)")
            }
            // The improved part is exactly the single bar of the same count.
            #expect(lengths[0] == BarChart.filledCells(counts[0], of: total, width: width))
            let bar = StackedBar.bar(improved: counts[0], same: counts[1], worse: counts[2], width: width, glyphs: .unicode)
            #expect(DisplayWidth.of(bar) == width)
            #expect(bar.filter { $0 == "█" }.count == lengths[0])
            #expect(bar.filter { $0 == "▒" }.count == lengths[1])
            #expect(bar.filter { $0 == "░" }.count == lengths[2])
        }
        #expect(StackedBar.lengths([0, 0, 0], width: width) == [0, 0, 0])
        #expect(StackedBar.bar(improved: 0, same: 0, worse: 0, width: width, glyphs: .unicode)
                == String(repeating: " ", count: width))
    }

    @Test func stackedBarPartsHaveThreeCharactersAndALegend() {
        #expect(StackedBar.bar(improved: 2, same: 1, worse: 1, width: 8, glyphs: .unicode) == "████▒▒░░")
        #expect(StackedBar.bar(improved: 2, same: 1, worse: 1, width: 8, glyphs: .ascii) == "++++==--")
        #expect(StackedBar.bar(improved: 1, same: 1, worse: 1, width: 0, glyphs: .ascii).isEmpty)
        let spans = StackedBar.spans(improved: 2, same: 0, worse: 2, width: 4, glyphs: .unicode)
        #expect(spans == [Span("██", style: .success), Span("░░", style: .warning)])

        let legend = StackedBar.legend(improved: "Forbedret", same: "Uændret", worse: "Forværret", glyphs: .unicode)
        #expect(legend.map(\.text).joined() == "█ Forbedret  ▒ Uændret  ░ Forværret")
        let ascii = StackedBar.legend(improved: "Improved", same: "Same", worse: "Worse", glyphs: .ascii)
        #expect(ascii.map(\.text).joined() == "+ Improved  = Same  - Worse")
    }

    @Test func asciiModeUsesOnlyASCII() {
        var texts = [Sparkline.string(values: Array(-2...14), glyphs: .ascii),
                     Sparkline.trend(first: 2, latest: 8, glyphs: .ascii),
                     Sparkline.trend(first: 8, latest: 2, glyphs: .ascii),
                     BarChart.bar(2, of: 3, width: 80, glyphs: .ascii),
                     StackedBar.bar(improved: 3, same: 2, worse: 1, width: 80, glyphs: .ascii)]
        texts += BarChart.spans(60, of: 67, figure: "60 of 67 (90 %)", width: 80, glyphs: .ascii).map(\.text)
        texts += StackedBar.legend(improved: "Improved", same: "Same", worse: "Worse", glyphs: .ascii).map(\.text)
        texts += TrendDirection.allCases.map { $0.symbol(glyphs: .ascii) }
        for text in texts {
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        }
    }

    // MARK: Drawing

    /// Rows of a soft-results chart: a name column, a bar and a figure, as a screen would draw them.
    static let rows: [(name: String, count: Int, total: Int, figure: String)] = [
        ("Livskvalitet", 60, 67, "60 af 67 (90 %)"),
        ("Forhold til systemet", 1, 3, "1 af 3 (33 %)"),
        ("Økonomi", 2, 3, "2 af 3 (67 %)"),
        ("Søvn 睡眠", 0, 0, "0 af 0"),
        ("Sme\u{301}rrebrød 😀", 8, 8, "8 af 8 (100 %)"),
    ]

    @Test(arguments: [(80, Glyphs.unicode), (200, Glyphs.unicode), (80, Glyphs.ascii), (200, Glyphs.ascii)])
    func barsDrawnIntoACanvasLineUpByDisplayWidth(_ width: Int, _ glyphs: Glyphs) {
        var canvas = Canvas(width: width, height: Self.rows.count + 1, glyphs: glyphs)
        let nameWidth = Self.rows.map { DisplayWidth.of($0.name) }.max() ?? 0
        let figureWidth = Self.rows.map { DisplayWidth.of($0.figure) }.max() ?? 0
        let rowWidth = width - nameWidth - 2
        let barWidth = BarChart.barWidth(rowWidth: rowWidth, figureWidth: figureWidth)
        for (index, row) in Self.rows.enumerated() {
            canvas.put(row: index, col: 0, text: DisplayWidth.fit(row.name, toWidth: nameWidth))
            let spans = BarChart.spans(row.count, of: row.total, figure: row.figure, width: rowWidth,
                                       figureWidth: figureWidth, glyphs: glyphs)
            #expect(canvas.put(row: index, col: nameWidth + 2, spans: spans) == rowWidth)
        }
        canvas.put(row: Self.rows.count, col: nameWidth + 2,
                   spans: StackedBar.legend(improved: "Forbedret", same: "Uændret", worse: "Forværret", glyphs: glyphs))

        let filled = Character(glyphs.fullBlock), empty = Character(glyphs.lightShade)
        for (index, row) in Self.rows.enumerated() {
            // Every bar starts in the same column and is as long as every other.
            let cells = (0..<width).compactMap { canvas.cell(row: index, col: $0)?.text }
            let bar = cells[(nameWidth + 2)..<(nameWidth + 2 + barWidth)].joined()
            #expect(bar == BarChart.bar(row.count, of: row.total, width: barWidth, glyphs: glyphs), "\(row.name)")
            #expect(bar.allSatisfy { $0 == filled || $0 == empty })
            #expect(canvas.cell(row: index, col: nameWidth + 1)?.text == " ")
            // Every figure ends in the last column.
            #expect(canvas.line(index).hasSuffix(" " + row.figure), "\(canvas.line(index))")
            #expect(canvas.cell(row: index, col: width - 1)?.text == String(row.figure.last ?? " "))
        }
        #expect(canvas.line(Self.rows.count).hasSuffix(glyphs.isASCII ? "+ Forbedret  = Uændret  - Forværret"
                                                                         : "█ Forbedret  ▒ Uændret  ░ Forværret"))
        #expect(barWidth == width - nameWidth - 2 - figureWidth - 1)
        // The empty rest of a bar is none of the legend's parts (it is not "worse").
        #expect(StackedBar.Part.allCases.allSatisfy { $0.glyph(glyphs) != glyphs.lightShade && $0.glyph(glyphs) != glyphs.fullBlock || $0 == .improved })
    }
}
