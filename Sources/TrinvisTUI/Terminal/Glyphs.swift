/// The line-drawing and marker characters screens draw with, in a Unicode and an ASCII set.
package struct Glyphs: Sendable, Hashable {
    /// Whether this is the ASCII set (for terminals whose locale is not UTF-8).
    package var isASCII: Bool
    /// Horizontal line.
    package var horizontal: String
    /// Vertical line.
    package var vertical: String
    /// Top-left corner.
    package var topLeft: String
    /// Top-right corner.
    package var topRight: String
    /// Bottom-left corner.
    package var bottomLeft: String
    /// Bottom-right corner.
    package var bottomRight: String
    /// A vertical line with a branch to the right (├).
    package var teeRight: String
    /// A vertical line with a branch to the left (┤).
    package var teeLeft: String
    /// A horizontal line with a branch down (┬).
    package var teeDown: String
    /// A horizontal line with a branch up (┴).
    package var teeUp: String
    /// Crossing lines.
    package var cross: String
    /// The marker in front of the selected row.
    package var selectionMarker: String
    /// The sign that text was cut.
    package var ellipsis: String
    /// More content above.
    package var moreAbove: String
    /// More content below.
    package var moreBelow: String
    /// A list bullet.
    package var bullet: String
    /// Done / yes.
    package var check: String
    /// A filled bar segment (charts, progress).
    package var fullBlock: String
    /// An empty bar segment: never one of the stacked bar's parts, so that the empty rest of a
    /// bar is not read as "worse".
    package var lightShade: String
    /// Arrow keys as shown in key labels: up, down, left, right.
    package var arrows: (up: String, down: String, left: String, right: String) {
        isASCII ? ("Up", "Down", "Left", "Right") : ("↑", "↓", "←", "→")
    }

    /// The Unicode set.
    package static let unicode = Glyphs(
        isASCII: false, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴",
        cross: "┼", selectionMarker: "›", ellipsis: "…", moreAbove: "▲", moreBelow: "▼",
        bullet: "•", check: "✓", fullBlock: "█", lightShade: "·")

    /// The ASCII set.
    package static let ascii = Glyphs(
        isASCII: true, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+",
        cross: "+", selectionMarker: ">", ellipsis: "...", moreAbove: "^", moreBelow: "v",
        bullet: "*", check: "x", fullBlock: "#", lightShade: ".")
}
