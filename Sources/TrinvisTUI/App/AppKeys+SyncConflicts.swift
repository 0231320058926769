import TrinvisCore

/// The keys of the sync conflicts screen, and the key that opens it.
extension AppKeys {
    /// On the main screen and in a citizen's view: `K` (and `:conflicts`) opens the conflicts.
    static func syncConflictsBinding(_ say: Localizer) -> KeyBinding<AppAction> {
        binding([.character("K")], .syncConflicts, .keyConflicts, .commandConflicts, say, bar: false)
    }

    /// The open sync conflicts: `l` keeps the version here, `r` takes the other place's, each
    /// after a question; undo, help, back and quit as on every screen.
    package static func syncConflicts(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.escape, .character("K")], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.character("l")], .keepLocal, .keyConflictKeepLocal, .commandConflictKeepLocal, say, priority: 8),
            binding([.character("r")], .takeRemote, .keyConflictTakeRemote, .commandConflictTakeRemote, say, priority: 8),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 8, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ] + undoBindings(say) + [commandLineBinding(say)])
    }
}
