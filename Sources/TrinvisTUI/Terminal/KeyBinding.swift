import TrinvisCore

/// One row of a screen's key table: which keys do what, and how the bar and help describe it.
///
/// The bottom bar and the help screen are both generated from the same table, so they cannot
/// disagree. Labels and help texts arrive already localised.
package struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    /// The keys that trigger the action (the first is the one the bar shows).
    package var keys: [Key]
    /// What the screen does.
    package var action: Action
    /// A short label for the bottom bar ("Help", "Hjælp").
    package var label: String
    /// A longer description for the help screen.
    package var help: String
    /// Whether the bottom bar shows this entry.
    package var showsInBar: Bool
    /// Bar priority: when the bar is too narrow, lower priorities are dropped first.
    package var priority: Int
    /// How the bar writes the keys, when not simply the first key ("↑↓" for a pair of moves).
    package var barKeyLabel: String?
    /// A heading the help screen groups this entry under.
    package var group: String?
    /// The named command (`new-meeting`) that the `:` command line runs and the help shows.
    package var command: String?

    /// Creates a binding.
    package init(
        keys: [Key], action: Action, label: String, help: String, showsInBar: Bool = false,
        priority: Int = 0, barKeyLabel: String? = nil, group: String? = nil, command: String? = nil
    ) {
        self.command = command
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.showsInBar = showsInBar
        self.priority = priority
        self.barKeyLabel = barKeyLabel
        self.group = group
    }
}

/// A screen's key table.
package struct KeyTable<Action: Hashable & Sendable>: Sendable {
    /// The bindings, in the order the bar and the help list them.
    package var bindings: [KeyBinding<Action>]

    /// Creates a table.
    package init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action a key triggers (the first binding that lists it), or nil.
    package func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The binding of an action, or nil.
    package func binding(for action: Action) -> KeyBinding<Action>? {
        bindings.first { $0.action == action }
    }

    /// Keys listed by more than one binding (a table should have none).
    package var conflictingKeys: [Key] {
        var seen = Set<Key>()
        var conflicts: [Key] = []
        for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted {
            if !conflicts.contains(key) {
                conflicts.append(key)
            }
        }
        return conflicts
    }
}

/// The names keys are written with in the bar and the help screen. The defaults are English;
/// a catalog can supply translations (the Danish keyboard says "Mellemrum" for Space).
package struct KeyNames: Sendable, Hashable {
    /// Arrow up.
    package var up: String
    /// Arrow down.
    package var down: String
    /// Arrow left.
    package var left: String
    /// Arrow right.
    package var right: String
    /// Page Up.
    package var pageUp = "PgUp"
    /// Page Down.
    package var pageDown = "PgDn"
    /// Home.
    package var home = "Home"
    /// End.
    package var end = "End"
    /// Enter.
    package var enter = "Enter"
    /// Tab.
    package var tab = "Tab"
    /// Shift-Tab.
    package var backTab = "Shift-Tab"
    /// Escape.
    package var escape = "Esc"
    /// Backspace.
    package var backspace = "Backspace"
    /// Delete.
    package var delete = "Del"
    /// Insert.
    package var insert = "Ins"
    /// The space bar.
    package var space = "Space"
    /// The prefix of control keys ("Ctrl-S").
    package var controlPrefix = "Ctrl-"
    /// How several keys of one binding are joined in the help screen.
    package var separator = ", "

    /// Names with arrows from a glyph set ("↑" or "Up").
    package init(glyphs: Glyphs = .unicode) {
        let arrows = glyphs.arrows
        up = arrows.up
        down = arrows.down
        left = arrows.left
        right = arrows.right
    }

    /// How one key is written.
    package func name(of key: Key) -> String {
        switch key {
        case .character(" "): return space
        case .character(let character): return Sanitizer.sanitize(String(character))
        case .up: return up
        case .down: return down
        case .left: return left
        case .right: return right
        case .pageUp: return pageUp
        case .pageDown: return pageDown
        case .home: return home
        case .end: return end
        case .enter: return enter
        case .tab: return tab
        case .backTab: return backTab
        case .escape: return escape
        case .backspace: return backspace
        case .delete: return delete
        case .insert: return insert
        case .function(let number): return "F\(number)"
        case .ctrl(let character): return controlPrefix + String(character).uppercased()
        case .resize, .mouse, .unknown: return ""
        }
    }

    /// How a binding's keys are written in the help screen: every key, joined.
    package func helpLabel<Action>(of binding: KeyBinding<Action>) -> String {
        binding.keys.map(name(of:)).filter { !$0.isEmpty }.joined(separator: separator)
    }

    /// How a binding's keys are written in the bar: its bar label, or its first key.
    package func barLabel<Action>(of binding: KeyBinding<Action>) -> String {
        binding.barKeyLabel ?? binding.keys.first.map(name(of:)) ?? ""
    }
}
