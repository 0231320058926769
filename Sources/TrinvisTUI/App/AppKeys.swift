import TrinvisCore

/// What a key does in the interface.
package enum AppAction: Hashable, Sendable {
    case move
    case nextPane
    case previousPane
    case jumpPane
    case open
    case search
    case find
    case nextMatch
    case previousMatch
    case agenda
    case report
    case help
    case back
    case quit
    case redraw
    case scroll
    case accept
    case editText
}

/// The key tables of the screens. The bottom bar and the help screen are both generated from
/// these tables, so they cannot disagree.
package enum AppKeys {
    private static func binding(_ keys: [Key], _ action: AppAction, _ label: Phrase, _ help: Phrase, _ say: Localizer,
                                bar: Bool = true, priority: Int = 0, barKey: String? = nil) -> KeyBinding<AppAction> {
        KeyBinding(keys: keys, action: action, label: say(label), help: say(help), showsInBar: bar, priority: priority,
                   barKeyLabel: barKey)
    }

    /// The main screen; `/` searches in the citizen pane and finds in the others.
    package static func main(focus: Pane, say: Localizer, searchActive: Bool, upDown: String = "↑↓") -> KeyTable<AppAction> {
        let searchLabel: Phrase = focus == .citizens ? .keySearch : .keyFind
        let searchHelp: Phrase = focus == .citizens ? .keySearchHelp : .keyFindHelp
        var bindings = [
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 9, barKey: "q"),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.tab], .nextPane, .keyNextPane, .keyNextPaneHelp, say, priority: 7),
            binding([.backTab], .previousPane, .keyPreviousPane, .keyPreviousPaneHelp, say, bar: false),
            binding([.character("1"), .character("2"), .character("3")], .jumpPane, .keyJumpPane, .keyJumpPaneHelp, say,
                    priority: 2, barKey: "1-3"),
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 8),
            binding([.character("/")], .search, searchLabel, searchHelp, say, priority: 8),
            binding([.character("n")], .nextMatch, .keyNextMatch, .keyNextMatchHelp, say, priority: 1),
            binding([.character("N")], .previousMatch, .keyPreviousMatch, .keyPreviousMatchHelp, say, bar: false),
            binding([.character("t")], .agenda, .keyAgenda, .keyAgendaHelp, say, priority: 6),
            binding([.character("r")], .report, .keyReport, .keyReportHelp, say, priority: 3),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ]
        if searchActive {
            bindings.append(binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 6))
        }
        return KeyTable(bindings)
    }

    /// A detail view (citizen, milestone, meeting, report).
    package static func detail(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .scroll, .keyScroll, .keyScrollHelp, say, priority: 5, barKey: upDown),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 8, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ])
    }

    /// The agenda.
    package static func agenda(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.escape, .character("t")], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 8),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 8, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ])
    }

    /// While a search or find text is typed.
    package static func prompt(say: Localizer, isSearch: Bool, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.enter], .accept, .keyAccept, .keyAcceptHelp, say, priority: 9),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, bar: isSearch, priority: 5, barKey: upDown),
            binding([.backspace], .editText, .keyEditText, .keyEditTextHelp, say, bar: false),
        ])
    }

    /// The table of what is on screen now.
    package static func current(_ state: AppState) -> KeyTable<AppAction> {
        let say = state.say
        let upDown = state.glyphs.arrows.up + state.glyphs.arrows.down
        if let prompt = state.prompt {
            return self.prompt(say: say, isSearch: prompt.purpose == .search, upDown: upDown)
        }
        switch state.screen {
        case .main: return main(focus: state.focus, say: say, searchActive: state.citizens.query != nil, upDown: upDown)
        case .detail: return detail(say: say, upDown: upDown)
        case .agenda: return agenda(say: say, upDown: upDown)
        }
    }
}
