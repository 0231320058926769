/// A key press (or a terminal event that arrives like one).
package enum Key: Sendable, Hashable {
    /// A printable character, as typed (case included).
    case character(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Enter / Return.
    case enter
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Escape.
    case escape
    /// Backspace.
    case backspace
    /// Delete (forward).
    case delete
    /// Insert.
    case insert
    /// A function key: F1 is `function(1)`.
    case function(Int)
    /// Control plus a key, by its lowercase letter or symbol: Ctrl-S is `ctrl("s")`.
    /// Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M arrive as `backspace`, `tab` and `enter` instead.
    case ctrl(Character)
    /// The terminal changed size.
    case resize
    /// A mouse event (only when mouse support is switched on).
    case mouse(MouseEvent)
    /// A code nothing else matches.
    case unknown(Int32)

    /// Ctrl-L: redraw the screen.
    package static let redraw = Key.ctrl("l")
}

/// A mouse button, including the wheel.
package enum MouseButton: Sendable, Hashable {
    /// The left button.
    case left
    /// The middle button.
    case middle
    /// The right button.
    case right
    /// The wheel turned up.
    case wheelUp
    /// The wheel turned down.
    case wheelDown
    /// No button reported.
    case none
}

/// What a mouse button did.
package enum MouseAction: Sendable, Hashable {
    /// Pressed down.
    case press
    /// Let go.
    case release
    /// Pressed and let go.
    case click
    /// Clicked twice.
    case doubleClick
    /// Anything else.
    case other
}

/// A mouse event at a screen cell.
package struct MouseEvent: Sendable, Hashable {
    /// The row, from 0 at the top.
    package var row: Int
    /// The column, from 0 at the left.
    package var col: Int
    /// The button.
    package var button: MouseButton
    /// What it did.
    package var action: MouseAction

    /// Creates a mouse event.
    package init(row: Int, col: Int, button: MouseButton, action: MouseAction) {
        self.row = row
        self.col = col
        self.button = button
        self.action = action
    }
}
