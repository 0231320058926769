import TrinvisCore

/// The scroll position of a read-only text view (details, help).
///
/// The content height depends on the width the text is wrapped to, so the view reports it:
/// call ``layout(contentHeight:visibleHeight:)`` when either changes. Drawing clamps anyway.
package struct TextViewState: Sendable, Hashable {
    /// The first visible line.
    package private(set) var offset: Int
    /// The number of lines of content, as last laid out.
    package private(set) var contentHeight: Int
    /// The number of visible lines, as last laid out.
    package private(set) var visibleHeight: Int

    /// Creates a state at the top.
    package init(contentHeight: Int = 0, visibleHeight: Int = 1) {
        self.offset = 0
        self.contentHeight = max(contentHeight, 0)
        self.visibleHeight = max(visibleHeight, 1)
    }

    /// The largest useful offset.
    package var maxOffset: Int { max(contentHeight - visibleHeight, 0) }

    /// Whether lines are hidden above.
    package var hasMoreAbove: Bool { offset > 0 }

    /// Whether lines are hidden below.
    package var hasMoreBelow: Bool { offset < maxOffset }

    /// Records the content and window heights, keeping the offset within them.
    package mutating func layout(contentHeight: Int, visibleHeight: Int) {
        self.contentHeight = max(contentHeight, 0)
        self.visibleHeight = max(visibleHeight, 1)
        offset = min(offset, maxOffset)
    }

    /// This state laid out for other heights.
    package func laidOut(contentHeight: Int, visibleHeight: Int) -> TextViewState {
        var copy = self
        copy.layout(contentHeight: contentHeight, visibleHeight: visibleHeight)
        return copy
    }

    /// Scrolls by a number of lines (negative: up).
    package mutating func scroll(by lines: Int) {
        offset = min(max(offset + lines, 0), maxOffset)
    }

    /// Applies a movement key (↑/k, ↓/j, PgUp, PgDn, Space, Home/g, End/G); returns whether
    /// the key was one.
    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        let page = max(visibleHeight - 1, 1)
        switch key {
        case .up, .character("k"): scroll(by: -1)
        case .down, .character("j"): scroll(by: 1)
        case .pageUp: scroll(by: -page)
        case .pageDown, .character(" "): scroll(by: page)
        case .home, .character("g"): offset = 0
        case .end, .character("G"): offset = maxOffset
        default: return false
        }
        return true
    }
}

/// Draws scrollable text.
package enum TextView {
    /// Plain (possibly multi-line) text as lines wrapped to `width`, all in one style.
    package static func lines(for text: String, width: Int, style: Style = .normal) -> [[Span]] {
        let safe = Sanitizer.sanitize(text, keepingNewlines: true)
        return DisplayWidth.wrap(safe, toWidth: width).map { [Span($0, style: style)] }
    }

    /// Draws the visible part of `lines` into `rect` and returns the state clamped to them.
    /// When lines are hidden, the right-most column shows "more above/below" signs. The cursor
    /// goes to the first visible line so a screen reader starts reading there.
    @discardableResult
    package static func draw(
        _ lines: [[Span]], state: TextViewState, in rect: Rect, canvas: inout Canvas,
        isFocused: Bool = true
    ) -> TextViewState {
        let state = state.laidOut(contentHeight: lines.count, visibleHeight: rect.height)
        guard !rect.isEmpty else { return state }
        canvas.fill(rect)
        let scrollable = lines.count > rect.height && rect.width > 2
        let width = rect.width - (scrollable ? 1 : 0)
        for (line, spans) in lines.dropFirst(state.offset).prefix(rect.height).enumerated() {
            canvas.put(row: rect.row + line, col: rect.col, spans: spans, maxWidth: width, overflow: .ellipsis)
        }
        if scrollable {
            if state.hasMoreAbove {
                canvas.put(row: rect.row, col: rect.endCol - 1, text: canvas.glyphs.moreAbove, style: .muted)
            }
            if state.hasMoreBelow {
                canvas.put(
                    row: rect.endRow - 1, col: rect.endCol - 1, text: canvas.glyphs.moreBelow, style: .muted)
            }
        }
        if isFocused {
            canvas.setCursor(row: rect.row, col: rect.col)
        }
        return state
    }
}
