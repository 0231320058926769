/// Where everything goes on a screen of a given size.
///
/// From 150 columns the three panes stand side by side; from 100 columns the citizens stand
/// left and the milestones above the meetings on the right; below that one pane is shown at a
/// time, with tabs naming the panes. The first row is the header, the last two the message line
/// and the key bar.
package struct Layout: Sendable, Equatable {
    /// How the panes share the screen.
    package enum Mode: Sendable, Equatable {
        case columns, stacked, single
    }

    /// The smallest terminal the screens are laid out for.
    package static let minimumSize = Size(width: 60, height: 16)

    package let size: Size
    package let mode: Mode
    package let header: Rect
    /// The pane tabs (single-pane mode only).
    package let tabs: Rect?
    /// The area under the header (and tabs) and above the message line.
    package let body: Rect
    package let message: Rect
    package let keyBar: Rect

    /// `goalLine`: the header takes a second row for the plan's goal (when it does not fit on
    /// the first).
    package init(size: Size, goalLine: Bool = false) {
        self.size = size
        let width = size.width
        let headerRows = goalLine ? 2 : 1
        header = Rect(row: 0, col: 0, width: width, height: headerRows)
        message = Rect(row: max(size.height - 2, 0), col: 0, width: width, height: 1)
        keyBar = Rect(row: max(size.height - 1, 0), col: 0, width: width, height: 1)
        if width >= 150 {
            mode = .columns
        } else if width >= 100 {
            mode = .stacked
        } else {
            mode = .single
        }
        let top = mode == .single ? headerRows + 1 : headerRows
        tabs = mode == .single ? Rect(row: headerRows, col: 0, width: width, height: 1) : nil
        body = Rect(row: top, col: 0, width: width, height: max(size.height - top - 2, 0))
    }

    /// The frame of each visible pane (the focused one only, in single-pane mode).
    package func frames(focus: Pane) -> [Pane: Rect] {
        switch mode {
        case .single:
            return [focus: body]
        case .columns:
            let parts = body.columns([.ratio(0.30), .ratio(0.35), .fill(1)])
            return [.citizens: parts[0], .milestones: parts[1], .meetings: parts[2]]
        case .stacked:
            let sides = body.columns([.fixed(max(40, body.width * 36 / 100)), .fill(1)])
            let right = sides[1].rows([.ratio(0.45), .fill(1)])
            return [.citizens: sides[0], .milestones: right[0], .meetings: right[1]]
        }
    }

    /// The rows a list can show inside a pane frame (the frame's border takes two).
    package func listHeight(of pane: Pane, focus: Pane) -> Int {
        max((frames(focus: focus)[pane]?.height ?? body.height) - 2, 1)
    }
}

extension Layout {
    /// The layout of what `state` shows: with the goal's own header row when it needs one.
    package static func of(_ state: AppState) -> Layout {
        Layout(size: state.size, goalLine: AppView.goalNeedsItsOwnLine(state))
    }
}
