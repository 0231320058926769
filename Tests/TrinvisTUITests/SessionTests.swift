import Testing
import TrinvisTUI

/// A scripted terminal: hands out events in order and records every frame.
final class ScriptedBackend: TerminalBackend {
    enum Step {
        case input(InputEvent)
        case resize(Size)
    }

    var size: Size
    let glyphs = Glyphs.unicode
    var steps: [Step]
    var frames: [Canvas] = []
    var invalidations = 0
    var timeouts: [Duration?] = []

    init(size: Size, steps: [Step]) {
        self.size = size
        self.steps = steps
    }

    func draw(_ canvas: Canvas) {
        frames.append(canvas)
    }

    func readInput(timeout: Duration?) -> InputEvent {
        timeouts.append(timeout)
        guard !steps.isEmpty else { return .signal(15) }
        switch steps.removeFirst() {
        case .input(let event):
            return event
        case .resize(let newSize):
            size = newSize
            return .key(.resize)
        }
    }

    func invalidate() {
        invalidations += 1
    }
}

@Suite struct TerminalSessionTests {
    let minimum = Size(width: 40, height: 12)

    func render(_ canvas: inout Canvas) {
        canvas.put(row: 0, col: 0, text: "Borgere")
    }

    @Test func keysReachTheHandlerAndQuitEndsTheLoop() {
        let backend = ScriptedBackend(size: Size(width: 80, height: 24), steps: [
            .input(.key(.character("j"))), .input(.key(.character("q"))), .input(.key(.character("x"))),
        ])
        var events: [SessionEvent] = []
        let session = TerminalSession(backend: backend, minimumSize: minimum, tooSmallMessage: "Too small")
        let end = session.run(render: render) { event in
            events.append(event)
            return event == .key(.character("q")) ? .quit : .continue
        }
        #expect(end == .quit)
        #expect(events == [.resize(Size(width: 80, height: 24)), .key(.character("j")), .key(.character("q"))])
        #expect(backend.frames.count == 2, "one frame at start, one after the first key")
        #expect(backend.frames.last?.line(0) == "Borgere")
    }

    @Test func belowTheMinimumOnlyQuitKeysAct() {
        let backend = ScriptedBackend(size: Size(width: 30, height: 10), steps: [
            .input(.key(.character("a"))), .input(.key(.enter)), .input(.key(.function(10))),
        ])
        var events: [SessionEvent] = []
        let session = TerminalSession(
            backend: backend, minimumSize: minimum, tooSmallMessage: "The terminal is too small")
        let end = session.run(render: render) { event in
            events.append(event)
            return .continue
        }
        #expect(end == .signal(15))
        #expect(events == [.resize(Size(width: 30, height: 10)), .key(.function(10))])
        let frame = backend.frames.first
        #expect(frame?.text.contains("The terminal is too small") == true)
        #expect(frame?.text.contains("30×10 / 40×12") == true)
        #expect(frame?.text.contains("Borgere") == false)
    }

    @Test func growingPastTheMinimumRestoresTheView() {
        let backend = ScriptedBackend(size: Size(width: 30, height: 10), steps: [
            .input(.key(.character("a"))),
            .resize(Size(width: 80, height: 24)),
            .input(.key(.character("a"))),
        ])
        var events: [SessionEvent] = []
        let session = TerminalSession(backend: backend, minimumSize: minimum, tooSmallMessage: "Too small")
        _ = session.run(render: render) { event in
            events.append(event)
            return .continue
        }
        #expect(events == [
            .resize(Size(width: 30, height: 10)), .resize(Size(width: 80, height: 24)), .key(.character("a")),
        ])
        #expect(backend.frames.first?.line(0) != "Borgere")
        #expect(backend.frames.last?.line(0) == "Borgere")
        #expect(backend.frames.last?.size == Size(width: 80, height: 24))
    }

    @Test func redrawTicksAndSignals() {
        let backend = ScriptedBackend(size: Size(width: 80, height: 24), steps: [
            .input(.key(.ctrl("l"))), .input(.timeout), .input(.signal(1)),
        ])
        var events: [SessionEvent] = []
        let session = TerminalSession(
            backend: backend, minimumSize: minimum, tooSmallMessage: "", tickInterval: .seconds(5))
        let end = session.run(render: render) { event in
            events.append(event)
            return .continue
        }
        #expect(end == .signal(1))
        #expect(backend.invalidations == 1)
        #expect(events == [.resize(Size(width: 80, height: 24)), .tick], "Ctrl-L is handled by the session")
        #expect(backend.timeouts.allSatisfy { $0 == .seconds(5) })
    }

    @Test func tooSmallMessageFitsATinyScreen() {
        var canvas = Canvas(width: 12, height: 3)
        TerminalSession<ScriptedBackend>.drawTooSmall(
            into: &canvas, message: "Vinduet er for lille", minimumSize: minimum)
        #expect(canvas.lines() == [" Vinduet er", " for lille", "12×3 / 40×12"])
        #expect(canvas.style(row: 0, col: 1)?.isBold == true)
        var ascii = Canvas(width: 20, height: 2, glyphs: .ascii)
        TerminalSession<ScriptedBackend>.drawTooSmall(into: &ascii, message: "Too small", minimumSize: minimum)
        #expect(ascii.line(1) == "    20x2 / 40x12")
    }
}

@Suite struct StylePaletteTests {
    @Test func monochromeTurnsRolesIntoAttributes() {
        let danger = StylePalette.attributes(for: Style(.danger), mode: .monochrome)
        #expect(danger.bold && danger.underline)
        #expect(danger.colorPair == 0)
        #expect(StylePalette.attributes(for: Style(.muted), mode: .monochrome).dim)
        #expect(StylePalette.attributes(for: Style(.selection), mode: .monochrome).reverse)
        #expect(StylePalette.attributes(for: Style(.header), mode: .monochrome).bold)
        #expect(StylePalette.attributes(for: .normal, mode: .monochrome) == RenderAttributes())
    }

    @Test func colourModeUsesDistinctPairs() {
        let pairs = ColorRole.allCases.map { StylePalette.attributes(for: Style($0), mode: .color).colorPair }
        #expect(StylePalette.attributes(for: Style(.danger), mode: .color).colorPair != 0)
        #expect(StylePalette.attributes(for: Style(.danger), mode: .color).underline == false)
        let colored = pairs.filter { $0 != 0 }
        #expect(Set(colored).count == colored.count)
        #expect(StylePalette.attributes(for: .selected, mode: .color).reverse)
        #expect(StylePalette.attributes(for: Style(.accent, [.bold, .underline]), mode: .color).bold)
    }

    @Test func noColorIsHonoured() {
        #expect(ColorMode.resolve(colorsWanted: true, noColorVariable: "1", terminalHasColors: true) == .monochrome)
        #expect(ColorMode.resolve(colorsWanted: true, noColorVariable: "", terminalHasColors: true) == .color)
        #expect(ColorMode.resolve(colorsWanted: true, noColorVariable: nil, terminalHasColors: false) == .monochrome)
        #expect(ColorMode.resolve(colorsWanted: false, noColorVariable: nil, terminalHasColors: true) == .monochrome)
    }

    @Test func codesetNames() {
        #expect(TerminalCapabilities.isUTF8(codesetName: "UTF-8"))
        #expect(TerminalCapabilities.isUTF8(codesetName: "utf8"))
        #expect(!TerminalCapabilities.isUTF8(codesetName: "ANSI_X3.4-1968"))
        #expect(!TerminalCapabilities.isUTF8(codesetName: "ISO-8859-1"))
    }
}
