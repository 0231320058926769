import TrinvisCore

/// The keys of the activities screen, of an activity's view and of the search for a participant.
extension AppKeys {
    /// On the main screen: `v` opens the activities, `V` a new activity's form.
    static func activityBindings(_ say: Localizer) -> [KeyBinding<AppAction>] {
        [binding([.character("v")], .activities, .keyActivities, .keyActivitiesHelp, say, priority: 1),
         binding([.character("V")], .newActivity, .keyNewActivity, .keyNewActivityHelp, say, bar: false)]
    }

    /// Keys every screen of activities has: help, back, quit, redraw, undo, the command line.
    private static func common(_ say: Localizer, back: [Key]) -> [KeyBinding<AppAction>] {
        [
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding(back, .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 8, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ] + undoBindings(say) + [commandLineBinding(say)]
    }

    /// The list of activities.
    package static func activities(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable(common(say, back: [.escape, .character("v")]) + [
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 8),
            binding([.character("a")], .add, .keyNewActivity, .keyNewActivityHelp, say, priority: 7, command: "new-activity"),
            binding([.character("e")], .edit, .keyEdit, .keyEditHelp, say, priority: 6, command: "edit-activity"),
        ])
    }

    /// One activity and its participants.
    package static func activity(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable(common(say, back: [.escape]) + [
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.character("a")], .add, .keyAddParticipant, .keyAddParticipantHelp, say, priority: 8,
                    command: "add-participant"),
            binding([.character("x")], .done, .keyMarkCame, .keyMarkCameHelp, say, priority: 8, command: "mark-came"),
            binding([.character("d")], .delete, .keyRemoveParticipant, .keyRemoveParticipantHelp, say, priority: 6,
                    command: "remove-participant"),
            binding([.character("e")], .edit, .keyEdit, .keyEditHelp, say, priority: 7, command: "edit-activity"),
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 4, command: "open-citizen"),
        ])
    }

    /// While a participant's name is typed: the hits are chosen with ↑↓ and added with Enter.
    package static func participantSearch(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.enter], .accept, .keyAddParticipant, .keyAddParticipantHelp, say, priority: 9),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.backspace], .editText, .keyEditText, .keyEditTextHelp, say, bar: false),
        ])
    }
}
