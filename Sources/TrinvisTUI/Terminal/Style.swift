/// The meaning of a piece of text, which the backend turns into a colour (or, without colour,
/// into an attribute). Nothing may be told by colour alone: a role always goes with text.
package enum ColorRole: Sendable, Hashable, CaseIterable {
    /// Ordinary text on the terminal's default colours.
    case normal
    /// Something to notice: keys in the bar, links, the focused pane's frame.
    case accent
    /// Something achieved or in good order.
    case success
    /// Something that needs attention soon.
    case warning
    /// Something overdue, failed or destructive.
    case danger
    /// Secondary text: hints, dates, empty-state notes.
    case muted
    /// The selected row.
    case selection
    /// Titles and column headers.
    case header
}

/// Terminal text attributes.
package struct TextAttributes: OptionSet, Sendable, Hashable {
    /// The raw bits.
    package let rawValue: UInt8

    /// Creates attributes from raw bits.
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold (or bright) text.
    package static let bold = TextAttributes(rawValue: 1 << 0)
    /// Foreground and background swapped.
    package static let reverse = TextAttributes(rawValue: 1 << 1)
    /// Underlined text.
    package static let underline = TextAttributes(rawValue: 1 << 2)
    /// Dim (faint) text.
    package static let dim = TextAttributes(rawValue: 1 << 3)
}

/// How a cell is drawn: a semantic colour role plus attributes.
package struct Style: Sendable, Hashable {
    /// The colour role.
    package var role: ColorRole
    /// The attributes.
    package var attributes: TextAttributes

    /// Creates a style.
    package init(_ role: ColorRole = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// Plain text.
    package static let normal = Style()
    /// Titles and column headers.
    package static let header = Style(.header, [.bold])
    /// The selected row: reverse video, whether or not colours exist.
    package static let selected = Style(.selection, [.reverse])
    /// Secondary text.
    package static let muted = Style(.muted)
    /// Highlighted text.
    package static let accent = Style(.accent)
    /// Good news.
    package static let success = Style(.success)
    /// A warning.
    package static let warning = Style(.warning, [.bold])
    /// An error or a destructive action.
    package static let danger = Style(.danger, [.bold])

    /// Whether the text is bold.
    package var isBold: Bool { attributes.contains(.bold) }
    /// Whether the text is in reverse video.
    package var isReverse: Bool { attributes.contains(.reverse) }
    /// Whether the text is underlined.
    package var isUnderline: Bool { attributes.contains(.underline) }
    /// Whether the text is dim.
    package var isDim: Bool { attributes.contains(.dim) }

    /// This style with more attributes.
    package func adding(_ more: TextAttributes) -> Style {
        Style(role, attributes.union(more))
    }

    /// This style with another colour role.
    package func with(role: ColorRole) -> Style {
        Style(role, attributes)
    }
}

/// A run of text in one style; rows of lists and tables are made of spans.
package struct Span: Sendable, Hashable {
    /// The text (sanitised when drawn).
    package var text: String
    /// The style.
    package var style: Style

    /// Creates a span.
    package init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }
}
