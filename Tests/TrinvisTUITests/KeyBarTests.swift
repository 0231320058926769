import Testing
import TrinvisTUI

enum TestAction: Hashable, Sendable {
    case help, quit, add, edit, delete, search, moveDown
}

@Suite struct KeyBarTests {
    let table = KeyTable<TestAction>([
        KeyBinding(
            keys: [.function(1), .character("?")], action: .help, label: "Help",
            help: "Show every key of this screen", showsInBar: true, priority: 10, group: "General"),
        KeyBinding(
            keys: [.character("q"), .function(10)], action: .quit, label: "Quit",
            help: "Quit Trinvis", showsInBar: true, priority: 9, group: "General"),
        KeyBinding(
            keys: [.character("/")], action: .search, label: "Search", help: "Search the list",
            showsInBar: true, priority: 3, group: "Lists"),
        KeyBinding(
            keys: [.character("a")], action: .add, label: "Add", help: "Add a citizen",
            showsInBar: true, priority: 5, group: "Lists"),
        KeyBinding(
            keys: [.character("d")], action: .delete, label: "Delete",
            help: "Delete the selected citizen, after a confirmation", showsInBar: true,
            priority: 1, group: "Lists"),
        KeyBinding(
            keys: [.character("e")], action: .edit, label: "Edit",
            help: "Edit the selected citizen", group: "Lists"),
        KeyBinding(
            keys: [.down, .character("j")], action: .moveDown, label: "Down",
            help: "Move down", group: "Lists"),
    ])
    let names = KeyNames()

    @Test func lookupByKey() {
        #expect(table.action(for: .character("?")) == .help)
        #expect(table.action(for: .function(10)) == .quit)
        #expect(table.action(for: .character("x")) == nil)
        #expect(table.conflictingKeys.isEmpty)
        let clash = KeyTable<TestAction>(table.bindings + [
            KeyBinding(keys: [.character("a")], action: .edit, label: "x", help: "x"),
        ])
        #expect(clash.conflictingKeys == [.character("a")])
    }

    @Test func wideBarShowsAllBarEntriesInTableOrder() {
        let items = KeyBar.items(for: table, width: 80, names: names)
        #expect(items.map(\.label) == ["Help", "Quit", "Search", "Add", "Delete"])
        #expect(items.first == KeyBarItem(key: "F1", label: "Help"))
    }

    @Test func narrowBarDropsLowestPriorityFirst() {
        // Full bar: "F1 Help  q Quit  / Search  a Add  d Delete" = 42 columns.
        #expect(KeyBar.items(for: table, width: 42, names: names).count == 5)
        #expect(KeyBar.items(for: table, width: 41, names: names).map(\.label)
            == ["Help", "Quit", "Search", "Add"])
        #expect(KeyBar.items(for: table, width: 30, names: names).map(\.label)
            == ["Help", "Quit", "Add"])
        #expect(KeyBar.items(for: table, width: 16, names: names).map(\.label) == ["Help", "Quit"])
        #expect(KeyBar.items(for: table, width: 5, names: names).map(\.label) == ["Help"])
        for width in 10...60 {
            let items = KeyBar.items(for: table, width: width, names: names)
            let used = items.map(\.width).reduce(0, +) + KeyBar.gap * (items.count - 1)
            #expect(used <= width)
        }
    }

    @Test func barIsDrawnWithKeysStandingOut() {
        var canvas = Canvas(width: 30, height: 2)
        KeyBar.draw(table, row: 1, in: &canvas)
        #expect(canvas.line(1) == "F1 Help  q Quit  a Add")
        #expect(canvas.style(row: 1, col: 0)?.isBold == true)
        #expect(canvas.style(row: 1, col: 3)?.isBold == false)
    }

    @Test func helpListsEveryBindingIncludingThoseNotInTheBar() {
        let lines = KeyHelp.plainLines(for: table, width: 60, names: names)
        #expect(lines.contains("F1, ?   Show every key of this screen"))
        #expect(lines.contains("q, F10  Quit Trinvis"))
        #expect(lines.contains("e       Edit the selected citizen"))
        #expect(lines.contains("↓, j    Move down"))
        #expect(lines.first == "General")
        #expect(lines.contains("Lists"))
    }

    @Test func barAndHelpComeFromTheSameBinding() {
        let bar = KeyBar.items(for: table, width: 80, names: names)
        let help = KeyHelp.plainLines(for: table, width: 80, names: names)
        for binding in table.bindings where binding.showsInBar {
            #expect(bar.contains { $0.label == binding.label })
            #expect(help.contains { $0.hasSuffix(binding.help) && $0.hasPrefix(names.helpLabel(of: binding)) })
        }
    }

    @Test func helpWrapsLongTextUnderItsColumn() {
        let lines = KeyHelp.plainLines(for: table, width: 30, names: names)
        let start = lines.firstIndex { $0.hasPrefix("d ") } ?? -1
        #expect(start >= 0)
        #expect(lines[start] == "d       Delete the selected")
        #expect(lines[start + 1] == "        citizen, after a")
        #expect(lines[start + 2] == "        confirmation")
        #expect(lines.allSatisfy { $0.displayWidth <= 30 })
    }

    @Test func keyNames() {
        #expect(names.name(of: .ctrl("s")) == "Ctrl-S")
        #expect(names.name(of: .function(2)) == "F2")
        #expect(names.name(of: .character(" ")) == "Space")
        #expect(names.name(of: .up) == "↑")
        #expect(KeyNames(glyphs: .ascii).name(of: .up) == "Up")
        var danish = KeyNames()
        danish.space = "Mellemrum"
        #expect(danish.name(of: .character(" ")) == "Mellemrum")
    }
}
