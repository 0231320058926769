import TrinvisCore

/// Named commands: every action has a long name (`new-meeting`, `mark-done`, `print-plan`),
/// shown in the help beside its key and run from the `:` command line. A name is an alias of
/// the key its binding lists first, so the key table stays the one registry.
extension AppAction {
    /// The command's name where the screen gives it no more precise one.
    package var commandName: String {
        switch self {
        case .move: return "move"
        case .nextPane: return "next-pane"
        case .previousPane: return "previous-pane"
        case .jumpPane: return "jump-to-pane"
        case .open: return "open"
        case .search: return "search"
        case .find: return "find"
        case .nextMatch: return "next-match"
        case .previousMatch: return "previous-match"
        case .agenda: return "agenda"
        case .report: return "report"
        case .help: return "help"
        case .back: return "back"
        case .quit: return "quit"
        case .redraw: return "redraw"
        case .scroll: return "scroll"
        case .accept: return "accept"
        case .editText: return "edit-text"
        case .add: return "add"
        case .addAgreement: return "new-agreement"
        case .nextAgreement: return "next-agreement"
        case .edit: return "edit"
        case .delete: return "delete"
        case .showArchived: return "show-archived"
        case .done: return "mark-done"
        case .save: return "save"
        case .cancel: return "cancel"
        case .nextField: return "next-field"
        case .previousField: return "previous-field"
        case .choose: return "choose"
        case .revealCPR: return "reveal-cpr"
        case .openDuplicate: return "open-duplicate"
        case .restore: return "restore-draft"
        case .discard: return "discard-draft"
        case .print: return "print-plan"
        case .assess: return "new-assessment"
        case .outcome: return "new-result"
        case .tabs: return "tab"
        case .from: return "report-from"
        case .to: return "report-to"
        case .organisation: return "report-organisation"
        case .allTime: return "report-all-time"
        case .commandLine: return "command-line"
        case .chooseDraft: return "take-draft-value"
        case .chooseSaved: return "take-saved-value"
        case .allDraft: return "take-all-draft-values"
        case .allSaved: return "take-all-saved-values"
        case .undo: return "undo"
        case .redo: return "redo"
        case .companies: return "companies"
        case .newCompany: return "new-company"
        case .editCompany: return "edit-company"
        case .newPlacement: return "new-placement"
        case .closePlacement: return "close-placement"
        case .nextRecord: return "next-record"
        case .previousRecord: return "previous-record"
        case .newPlan: return "new-plan"
        case .household: return "household"
        case .householdMeeting: return "new-household-meeting"
        case .activities: return "activities"
        case .newActivity: return "new-activity"
        case .tag: return "tag-row"
        case .tagFound: return "tag"
        case .untagAll: return "untag"
        case .handover: return "handover"
        case .export: return "export"
        case .syncConflicts: return "conflicts"
        case .keepLocal: return "keep-local"
        case .takeRemote: return "take-remote"
        }
    }
}

/// The `:` command line: completion and running a named command of the screen underneath.
enum CommandLine {
    /// The named commands of a key table, in its order (each name once).
    static func names(in table: KeyTable<AppAction>) -> [String] {
        var seen = Set<String>()
        return table.bindings.compactMap(\.command).filter { seen.insert($0).inserted && $0 != AppAction.commandLine.commandName }
    }

    /// The commands that start with `text`.
    static func candidates(_ text: String, in table: KeyTable<AppAction>) -> [String] {
        let typed = text.trimmingBlanks().lowercased()
        return names(in: table).filter { $0.hasPrefix(typed) }
    }

    /// `text` completed as far as the candidates agree.
    static func complete(_ text: String, in table: KeyTable<AppAction>) -> String {
        let found = candidates(text, in: table)
        guard var common = found.first else { return text }
        for name in found.dropFirst() {
            while !name.hasPrefix(common) { common.removeLast() }
        }
        return common.count >= text.trimmingBlanks().count ? common : text
    }

    /// The binding a typed name runs: an exact name, else the only one it starts.
    static func binding(for text: String, in table: KeyTable<AppAction>) -> KeyBinding<AppAction>? {
        let typed = text.trimmingBlanks().lowercased()
        if let exact = table.bindings.first(where: { $0.command == typed }) { return exact }
        let found = candidates(typed, in: table)
        guard found.count == 1 else { return nil }
        return table.bindings.first { $0.command == found[0] }
    }
}

/// A letter per entry of a menu: the first letter of its label not yet taken (and not a
/// movement key), so that one key opens an entry.
enum MenuLetters {
    /// Letters that move in a list and so cannot choose.
    private static let reserved: Set<Character> = ["j", "k", "g", "q"]

    static func letters(for labels: [String]) -> [Character?] {
        var taken = reserved
        return labels.map { label in
            let folded = TextNormalization.searchKey(label)
            let letter = folded.first { $0.isLetter && $0.isASCII && !taken.contains($0) }
                ?? "abcdefhilmnoprstuvwxyz".first { !taken.contains($0) }
            if let letter { taken.insert(letter) }
            return letter
        }
    }
}
