/// What reading the terminal produced.
package enum InputEvent: Sendable, Hashable {
    /// A key (or a resize or mouse event).
    case key(Key)
    /// The timeout passed without input.
    case timeout
    /// A termination signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) arrived.
    case signal(Int32)
    /// The wake-up pipe was signalled: work done in the background is ready.
    case wake
}

/// The device a ``TerminalSession`` draws on and reads from: ncurses in the program, a script in
/// tests.
package protocol TerminalBackend: AnyObject {
    /// The current size of the screen.
    var size: Size { get }
    /// The glyph set the terminal can show.
    var glyphs: Glyphs { get }
    /// Shows a canvas (of the current size) and places the hardware cursor at its cursor.
    func draw(_ canvas: Canvas)
    /// Waits for the next key, at most `timeout` (forever when nil).
    func readInput(timeout: Duration?) -> InputEvent
    /// The same, returning ``InputEvent/wake`` as soon as `wake` is signalled.
    func readInput(timeout: Duration?, wake: WakePipe?) -> InputEvent
    /// Makes the next ``draw(_:)`` repaint the whole screen (Ctrl-L).
    func invalidate()
    /// Whether more input has already arrived and waits to be read.
    var hasPendingInput: Bool { get }
}

extension TerminalBackend {
    /// A backend that cannot tell says that nothing waits.
    package var hasPendingInput: Bool { false }

    /// A backend that cannot wait on the pipe looks at it before it reads.
    package func readInput(timeout: Duration?, wake: WakePipe?) -> InputEvent {
        if wake?.isSignalled == true { return .wake }
        return readInput(timeout: timeout)
    }
}
