import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Keys that arrive faster than they are handled (issue 11): while a search is typed with more
/// keys already waiting, the first hit's panes are not read for every letter; the screen and the
/// state end exactly as when every key is handled in full.
@Suite struct TypeaheadTests {
    /// Sends `keys` to a runtime slowly (nothing waiting) and to another quickly (every key but
    /// the last with more waiting), and expects the same state and screen at the end.
    private func expectSameEnd(_ keys: [Key], width: Int = 100, height: Int = 30, language: Language = .english,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        // One database for both (ids are drawn at random per database); only reads happen.
        let fixture = try DemoFixture()
        let slow = fixture.runtime(width: width, height: height, language: language)
        for key in keys { slow.send(.key(key)) }
        let quick = fixture.runtime(width: width, height: height, language: language)
        for (index, key) in keys.enumerated() { quick.send(.key(key), inputWaiting: index < keys.count - 1) }
        #expect(quick.state == slow.state, sourceLocation: sourceLocation)
        #expect(quick.screen() == slow.screen(), "\(quick.text)\n---\n\(slow.text)", sourceLocation: sourceLocation)
    }

    private func keys(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func aNameTypedQuicklyReadsThePanesOnce() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        let first = app.state.panes.citizenID
        #expect(app.selectedCitizen == "Aisha Khalil")
        app.send(.key(.character("/")))
        app.send(.key(.character("s")), inputWaiting: true)
        app.send(.key(.character("v")), inputWaiting: true)
        // The list follows the letters; the panes wait for the last one.
        #expect(app.state.citizens.query == "sv")
        #expect(app.selectedCitizen == "Svend Madsen")
        #expect(app.state.panes.citizenID == first, "no panes read while keys wait")
        app.send(.key(.character("e")))
        #expect(app.state.panes.citizenID == app.state.citizens.rows[0].citizen.id)
        #expect(app.text.contains("Svend Madsen") && app.text.contains("Praktik hos Ringe"), "\(app.text)")
    }

    @Test func quickAndSlowTypingEndAlike() throws {
        try expectSameEnd([.character("/")] + keys("sve"))
        try expectSameEnd([.character("/")] + keys("ørs"), language: .danish)
        // Erased back to nothing and typed again: the full list, then another search.
        try expectSameEnd([.character("/")] + keys("sv") + [.backspace, .backspace] + keys("ku"))
        try expectSameEnd([.character("/")] + keys("zzz") + [.backspace, .backspace, .backspace])
        // An arrow, Enter, Tab and Esc among the quick keys.
        try expectSameEnd([.character("/")] + keys("en") + [.down, .down] + keys("d") + [.enter, .tab, .down])
        try expectSameEnd([.character("/")] + keys("ul") + [.escape, .down])
        try expectSameEnd([.character("/")] + keys("telefonen") + [.enter, .enter], width: 80, height: 24)
    }
}

/// A terminal whose keys come in bursts: after each key it says whether the next one waits.
private final class BurstBackend: TerminalBackend {
    let size = Size(width: 60, height: 16)
    let glyphs = Glyphs.unicode
    var keys: [(key: Key, nextWaits: Bool)]
    var frames: [Canvas] = []
    private var waiting = false

    init(_ keys: [(key: Key, nextWaits: Bool)]) { self.keys = keys }

    func draw(_ canvas: Canvas) { frames.append(canvas) }

    func readInput(timeout: Duration?) -> InputEvent {
        guard !keys.isEmpty else { return .signal(15) }
        let next = keys.removeFirst()
        waiting = next.nextWaits
        return .key(next.key)
    }

    func invalidate() {}

    var hasPendingInput: Bool { waiting }
}

@Suite struct TypeaheadSessionTests {
    @Test func noFrameIsDrawnWhileTheNextKeyWaits() {
        let backend = BurstBackend([(.character("a"), true), (.character("b"), true), (.character("c"), false),
                                    (.character("d"), false)])
        var typed = ""
        let session = TerminalSession(backend: backend, minimumSize: Size(width: 40, height: 12), tooSmallMessage: "Too small")
        let end = session.run(render: { $0.put(row: 0, col: 0, text: typed) }) { event in
            if case .key(.character(let character)) = event { typed.append(character) }
            return .continue
        }
        #expect(end == .signal(15))
        #expect(backend.frames.map { $0.line(0) } == ["", "abc", "abcd"], "the first frame, then one per burst")
    }
}
