/// Whether the backend draws in colour.
package enum ColorMode: Sendable, Hashable {
    /// Colour roles become colours on the terminal's default background.
    case color
    /// No colours: roles become attributes (bold, underline, dim, reverse).
    case monochrome

    /// The mode for a terminal: monochrome when colours are off by choice, when `NO_COLOR` is
    /// set to a non-empty value, or when the terminal has no colours.
    package static func resolve(colorsWanted: Bool, noColorVariable: String?, terminalHasColors: Bool)
        -> ColorMode
    {
        if !colorsWanted { return .monochrome }
        if let noColorVariable, !noColorVariable.isEmpty { return .monochrome }
        return terminalHasColors ? .color : .monochrome
    }
}

/// One of the eight basic terminal colours, or the terminal's default (-1).
package enum TerminalColor: Int16, Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault = -1
    /// Black.
    case black = 0
    /// Red.
    case red = 1
    /// Green.
    case green = 2
    /// Yellow.
    case yellow = 3
    /// Blue.
    case blue = 4
    /// Magenta.
    case magenta = 5
    /// Cyan.
    case cyan = 6
    /// White.
    case white = 7
}

/// A backend-neutral description of how to draw a style.
package struct RenderAttributes: Sendable, Hashable {
    /// Bold.
    package var bold = false
    /// Reverse video.
    package var reverse = false
    /// Underline.
    package var underline = false
    /// Dim.
    package var dim = false
    /// The colour pair number (0 = the terminal's default colours).
    package var colorPair: Int16 = 0

    /// Creates attributes.
    package init(
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
        colorPair: Int16 = 0
    ) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.colorPair = colorPair
    }
}

/// Maps styles to terminal attributes and colour pairs; pure, so it is tested without a terminal.
package enum StylePalette {
    /// The foreground of each role's colour pair; every pair uses the default background.
    /// Roles without an entry use pair 0 (the terminal's colours).
    package static let foregrounds: [(role: ColorRole, color: TerminalColor)] = [
        (.accent, .cyan),
        (.success, .green),
        (.warning, .yellow),
        (.danger, .red),
        (.header, .blue),
    ]

    /// The colour pair number of a role in colour mode (0 for the default colours).
    package static func pairNumber(for role: ColorRole) -> Int16 {
        guard let index = foregrounds.firstIndex(where: { $0.role == role }) else { return 0 }
        return Int16(index + 1)
    }

    /// The pair the terminal is sent for pair 0 in colour mode: the terminal's default colours
    /// as a pair of their own. From a colour back to pair 0 curses sends "default colours" and
    /// then resets every attribute as well; to this pair, only "default foreground".
    package static let defaultColorsPair = Int16(foregrounds.count + 1)

    /// The colour pair to send for attributes' `colorPair` in a mode.
    package static func pairToSend(_ pair: Int16, mode: ColorMode) -> Int16 {
        mode == .color && pair == 0 ? defaultColorsPair : pair
    }

    /// How to draw a style.
    ///
    /// The style's own attributes always apply. In colour mode the role picks a colour pair and
    /// muted text is dim; in monochrome the role becomes an attribute instead (header, accent
    /// and warning bold, danger bold and underlined, muted dim, selection reverse).
    package static func attributes(for style: Style, mode: ColorMode) -> RenderAttributes {
        var result = RenderAttributes(
            bold: style.isBold, reverse: style.isReverse, underline: style.isUnderline,
            dim: style.isDim)
        switch style.role {
        case .selection:
            result.reverse = true
        case .muted:
            result.dim = true
        default:
            break
        }
        switch mode {
        case .color:
            result.colorPair = pairNumber(for: style.role)
        case .monochrome:
            switch style.role {
            case .header, .accent, .warning:
                result.bold = true
            case .danger:
                result.bold = true
                result.underline = true
            case .normal, .success, .muted, .selection:
                break
            }
        }
        return result
    }
}
