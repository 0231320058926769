import TrinvisCore

/// What the event handler wants after an event.
package enum LoopDecision: Sendable, Hashable {
    /// Keep running.
    case `continue`
    /// Leave the loop.
    case quit
}

/// An event delivered to the application by ``TerminalSession/run(render:handle:)``.
package enum SessionEvent: Sendable, Hashable {
    /// A key press (never `.resize`, and never Ctrl-L, which the session handles itself).
    case key(Key)
    /// The terminal has this size (sent first, and after every resize).
    case resize(Size)
    /// The tick interval passed without input (the moment to flush drafts).
    case tick
    /// Work done in the background is ready to be taken (the session's ``TerminalSession/wake``
    /// was signalled; the session has emptied it).
    case wake
}

/// Why ``TerminalSession/run(render:handle:)`` returned.
package enum SessionEnd: Sendable, Hashable {
    /// The handler asked to quit.
    case quit
    /// A termination signal arrived; the caller saves what it must, shuts the backend down and
    /// exits (status 128 + signal number, by convention).
    case signal(Int32)
}

/// The event loop: draws, reads a key, hands it over, draws again.
///
/// Below the minimum size it draws only a "terminal too small" message (with the current and the
/// needed size) and keys do nothing, except the quit keys, which still reach the handler (the
/// application decides how to leave safely). Resizes and ticks always reach the handler. Ctrl-L
/// repaints the whole screen. No frame is drawn after a key while the next key already waits.
/// Work finished in the background (``wake``) reaches the handler as `.wake` between keys.
package struct TerminalSession<Backend: TerminalBackend> {
    /// The device.
    package let backend: Backend
    /// The smallest size the screens are laid out for.
    package var minimumSize: Size
    /// The already-localised "terminal too small" message.
    package var tooSmallMessage: String
    /// Keys that still reach the handler below the minimum size.
    package var quitKeys: Set<Key>
    /// How often the handler gets `.tick` when no key arrives (nil: never).
    package var tickInterval: Duration?
    /// Signalled by work done in the background: the wait for input ends at once, the handler
    /// gets `.wake` and a frame is drawn.
    package var wake: WakePipe?

    /// Creates a session.
    package init(
        backend: Backend, minimumSize: Size, tooSmallMessage: String,
        quitKeys: Set<Key> = [.character("q"), .function(10)], tickInterval: Duration? = nil, wake: WakePipe? = nil
    ) {
        self.backend = backend
        self.minimumSize = minimumSize
        self.tooSmallMessage = tooSmallMessage
        self.quitKeys = quitKeys
        self.tickInterval = tickInterval
        self.wake = wake
    }

    /// Runs the loop until the handler quits or a termination signal arrives. The first event
    /// is always `.resize` with the current size, so the state can lay itself out before the
    /// first frame.
    ///
    /// - Parameters:
    ///   - render: draws the application's current state into a blank canvas of the screen size.
    ///   - handle: updates the application's state for an event.
    package func run(
        render: (inout Canvas) -> Void, handle: (SessionEvent) -> LoopDecision
    ) -> SessionEnd {
        if handle(.resize(backend.size)) == .quit { return .quit }
        draw(render: render)
        while true {
            switch backend.readInput(timeout: tickInterval, wake: wake) {
            case .signal(let number):
                return .signal(number)
            case .timeout:
                if handle(.tick) == .quit { return .quit }
            case .wake:
                // Emptied before the handler takes what is ready: a signal that comes later stays.
                wake?.drain()
                if handle(.wake) == .quit { return .quit }
            case .key(.resize):
                if handle(.resize(backend.size)) == .quit { return .quit }
            case .key(Key.redraw):
                backend.invalidate()
            case .key(let key):
                let usable = backend.size.covers(minimumSize)
                if usable || quitKeys.contains(key) {
                    if handle(.key(key)) == .quit { return .quit }
                }
                // The next key is already there: its frame replaces this one, so none is drawn.
                if backend.hasPendingInput { continue }
            }
            draw(render: render)
        }
    }

    /// Draws one frame: the application's view, or the too-small message.
    private func draw(render: (inout Canvas) -> Void) {
        let size = backend.size
        var canvas = Canvas(size: size, glyphs: backend.glyphs)
        if size.covers(minimumSize) {
            render(&canvas)
        } else {
            Self.drawTooSmall(
                into: &canvas, message: tooSmallMessage, minimumSize: minimumSize)
        }
        backend.draw(canvas)
    }

    /// Draws the too-small message, centred, followed by "current size / needed size".
    package static func drawTooSmall(into canvas: inout Canvas, message: String, minimumSize: Size) {
        canvas.hideCursor()
        let size = canvas.size
        guard size.width > 0, size.height > 0 else { return }
        let messageLines = DisplayWidth.wrap(Sanitizer.sanitize(message), toWidth: size.width)
        let times = canvas.glyphs.isASCII ? "x" : "×"
        let sizes = "\(size.width)\(times)\(size.height) / \(minimumSize.width)\(times)\(minimumSize.height)"
        let lines = messageLines + [sizes]
        let shown = lines.prefix(size.height)
        let top = max((size.height - shown.count) / 2, 0)
        for (offset, line) in shown.enumerated() {
            canvas.put(
                row: top + offset, col: 0, text: line,
                style: offset < messageLines.count ? .warning : .normal, width: size.width,
                alignment: .center)
        }
    }
}
