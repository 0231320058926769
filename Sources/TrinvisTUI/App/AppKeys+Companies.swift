import TrinvisCore

/// The keys of the company register and of a company's view, and those of the main screen that
/// lead there.
extension AppKeys {
    /// On the main screen: `c` opens the register, `C` adds a company, `W` a placement for the
    /// selected citizen.
    static func companyBindings(_ say: Localizer) -> [KeyBinding<AppAction>] {
        [binding([.character("c")], .companies, .keyCompanies, .keyCompaniesHelp, say, priority: 1),
         binding([.character("C")], .newCompany, .keyNewCompany, .keyNewCompanyHelp, say, bar: false),
         binding([.character("W")], .newPlacement, .keyNewPlacement, .keyNewPlacementHelp, say, bar: false)]
    }

    /// The keys every company screen shares.
    private static func companyCommon(_ say: Localizer, upDown: String) -> [KeyBinding<AppAction>] {
        [binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
         binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
         binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
         binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 6, barKey: "q"),
         binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false)]
    }

    /// The company register.
    package static func companies(say: Localizer, upDown: String, undo: [KeyBinding<AppAction>],
                                  commandLine: KeyBinding<AppAction>) -> KeyTable<AppAction> {
        KeyTable(companyCommon(say, upDown: upDown) + [
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 8, command: "open-company"),
            binding([.character("a")], .newCompany, .keyNewCompany, .keyNewCompanyHelp, say, priority: 8),
            binding([.character("e")], .editCompany, .keyEditCompany, .keyEditCompanyHelp, say, priority: 7),
        ] + undo + [commandLine])
    }

    /// A company's view: its placements are the rows.
    package static func company(say: Localizer, upDown: String, undo: [KeyBinding<AppAction>],
                                commandLine: KeyBinding<AppAction>) -> KeyTable<AppAction> {
        KeyTable(companyCommon(say, upDown: upDown) + [
            binding([.character("a")], .newPlacement, .keyNewPlacement, .keyNewPlacementHelp, say, priority: 8),
            binding([.character("c")], .closePlacement, .keyClosePlacement, .keyClosePlacementHelp, say, priority: 8),
            binding([.character("e")], .edit, .keyEditPlacement, .keyEditPlacementHelp, say, priority: 7,
                    command: "edit-placement"),
            binding([.character("E")], .editCompany, .keyEditCompany, .keyEditCompanyHelp, say, priority: 4),
        ] + undo + [commandLine])
    }
}
