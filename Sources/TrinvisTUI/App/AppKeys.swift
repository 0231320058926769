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
    case add
    /// Add an agreement to the selected meeting (`a` in the meeting pane always adds a meeting).
    case addAgreement
    /// In a new meeting's form: Enter on an agreement goes to the next one, or adds one.
    case nextAgreement
    case edit
    case delete
    /// Show or hide archived citizens in the list.
    case showArchived
    case done
    case save
    case cancel
    case nextField
    case previousField
    case choose
    /// Show the full CPR number in the citizen form (logged).
    case revealCPR
    /// Open the possible duplicate the citizen form warned about, instead of saving.
    case openDuplicate
    case restore
    case discard
    case print
    case assess
    case outcome
    case tabs
    case from
    case to
    case organisation
    case allTime
    /// `:`: type the name of a command.
    case commandLine
    /// The conflict of a restored draft: a field takes the draft's value or the saved one, or
    /// every field does.
    case chooseDraft
    case chooseSaved
    case allDraft
    case allSaved
    /// Undo the window's last saved change (`u`, Ctrl-Z); redo what was undone (Ctrl-R).
    case undo
    case redo
    /// The company register, a new company, editing the company on screen; a new placement,
    /// closing one with its result.
    case companies
    case newCompany
    case editCompany
    case newPlacement
    case closePlacement

    // MARK: Editing and deleting records, plans over time
    /// In a citizen's or a milestone's view: choose the next (Tab) or previous record.
    case nextRecord
    case previousRecord
    /// A new plan once the current one ended or was completed.
    case newPlan
    /// The household view of the citizen (`h`), and a meeting with the household from it (`m`).
    case household
    case householdMeeting

    /// The activities screen (`v`); on the main screen `V` opens a new activity.
    case activities
    case newActivity
    /// Many at once: Space tags the selected citizen (or untags them), `+` tags every citizen the
    /// search found, `-` untags everyone; `H` hands the tagged citizens over to another
    /// professional and `E` exports them (the selected citizen when nothing is tagged).
    case tag
    case tagFound
    case untagAll
    case handover
    case export
    /// The sync conflicts screen (`K`); on it `l` keeps the version here, `r` takes the one
    /// from the other place.
    case syncConflicts
    case keepLocal
    case takeRemote
}

/// The key tables of the screens. The bottom bar and the help screen are both generated from
/// these tables, so they cannot disagree.
package enum AppKeys {
    static func binding(_ keys: [Key], _ action: AppAction, _ label: Phrase, _ help: Phrase, _ say: Localizer,
                        bar: Bool = true, priority: Int = 0, barKey: String? = nil,
                        command: String? = nil) -> KeyBinding<AppAction> {
        KeyBinding(keys: keys, action: action, label: say(label), help: say(help), showsInBar: bar, priority: priority,
                   barKeyLabel: barKey, command: command ?? action.commandName)
    }

    /// `:`, the command line, on the screens that take commands.
    static func commandLineBinding(_ say: Localizer) -> KeyBinding<AppAction> {
        binding([.character(":")], .commandLine, .keyCommandLine, .keyCommandLineHelp, say, bar: false)
    }

    /// `u` or Ctrl-Z undoes, Ctrl-R redoes: on the main screen, the detail views and the agenda.
    static func undoBindings(_ say: Localizer) -> [KeyBinding<AppAction>] {
        [binding([.character("u"), .ctrl("z")], .undo, .keyUndo, .keyUndoHelp, say, priority: 1, barKey: "u"),
         binding([.ctrl("r")], .redo, .keyRedo, .keyRedoHelp, say, bar: false)]
    }

    /// The main screen; `/` searches in the citizen pane and finds in the others.
    package static func main(focus: Pane, say: Localizer, searchActive: Bool, upDown: String = "↑↓",
                             tagged: Int = 0) -> KeyTable<AppAction> {
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
            binding([.character("a")], .add, .keyAdd, .keyAddHelp, say, priority: 7,
                    command: ["new-citizen", "new-milestone", "new-meeting"][focus.rawValue]),
            binding([.character("e")], .edit, .keyEdit, .keyEditHelp, say, priority: 6),
            binding([.character("d")], .delete, .keyDelete, .keyDeleteHelp, say, priority: 4),
            binding([.character("A")], .showArchived, .keyArchived, .keyArchivedHelp, say, bar: false),
            binding([.character("x")], .done, .keyDone, .keyDoneHelp, say, bar: focus != .citizens, priority: 4),
            binding([.character("p")], .print, .keyPrint, tagged > 0 ? .keyPrintTaggedHelp : .keyPrintHelp, say,
                    priority: tagged > 0 ? 6 : 3),
            binding([.character("s")], .assess, .keyAssess, .keyAssessHelp, say, priority: 2),
            binding([.character("o")], .outcome, .keyOutcome, .keyOutcomeHelp, say, priority: 2),
            binding([.character("t")], .agenda, .keyAgenda, .keyAgendaHelp, say, priority: 6),
            binding([.character("r")], .report, .keyReport, .keyReportHelp, say, priority: 3),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ] + undoBindings(say)
        if focus == .milestones {
            bindings.append(binding([.character("P")], .newPlan, .keyNewPlan, .keyNewPlanHelp, say, bar: false))
        }
        if focus == .meetings {
            bindings.append(binding([.character("+")], .addAgreement, .keyAddAgreement, .keyAddAgreementHelp, say, priority: 5))
        }
        if searchActive {
            bindings.append(binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 6, command: "clear-search"))
        }
        bindings.append(binding([.character("h")], .household, .keyHousehold, .keyHouseholdHelp, say, bar: false))
        bindings += activityBindings(say)
        bindings += companyBindings(say)
        bindings.append(syncConflictsBinding(say))
        bindings += taggingBindings(focus: focus, tagged: tagged, say: say)
        bindings.append(commandLineBinding(say))
        return KeyTable(bindings)
    }

    /// Tagging on the main screen: Space, `+` and `-` in the citizen list (as in mc and htop);
    /// handing over and exporting wherever the focus is. While citizens are tagged the bar shows
    /// how many, and the keys that act on them.
    private static func taggingBindings(focus: Pane, tagged: Int, say: Localizer) -> [KeyBinding<AppAction>] {
        var bindings: [KeyBinding<AppAction>] = []
        if focus == .citizens {
            bindings += [
                binding([.character(" ")], .tag, tagged > 0 ? .keyTagged(tagged) : .keyTag, .keyTagHelp, say,
                        priority: tagged > 0 ? 8 : 1),
                binding([.character("+")], .tagFound, .keyTagFound, .keyTagFoundHelp, say, bar: false),
                binding([.character("-")], .untagAll, .keyUntagAll, .keyUntagAllHelp, say, bar: tagged > 0, priority: 2),
            ]
        }
        bindings += [
            binding([.character("H")], .handover, .keyHandover, .keyHandoverHelp, say, bar: tagged > 0, priority: 6),
            binding([.character("E")], .export, .keyExport, .keyExportHelp, say, bar: tagged > 0, priority: 5),
        ]
        return bindings
    }

    /// A detail view (citizen, milestone, meeting, report); a citizen, milestone or meeting can
    /// be edited and added to.
    package static func detail(say: Localizer, upDown: String = "↑↓", editable: Bool = false,
                               citizen: Bool = false, records: Bool = false) -> KeyTable<AppAction> {
        var bindings = [
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .scroll, .keyScroll, .keyScrollHelp, say, priority: 5, barKey: upDown),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 8, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ] + undoBindings(say)
        if editable {
            bindings.insert(binding([.character("a")], .add, .keyAddMore, .keyAddMoreHelp, say, priority: 7), at: 2)
            bindings.insert(binding([.character("e")], .edit, .keyEdit, .keyEditHelp, say, priority: 7), at: 3)
            if !citizen {
                // A milestone's view ticks it off; a meeting's view one of its agreements.
                bindings.insert(binding([.character("x")], .done, .keyDone, .keyDoneHelp, say, priority: 6), at: 4)
            }
        }
        if citizen {
            bindings.append(binding([.character("R")], .revealCPR, .keyRevealCPR, .helpRevealCPR, say, bar: false))
            bindings.append(binding([.character("P")], .newPlan, .keyNewPlan, .keyNewPlanHelp, say, priority: 1))
            bindings.append(binding([.character("h")], .household, .keyHousehold, .keyHouseholdHelp, say, priority: 6))
            bindings.append(syncConflictsBinding(say))
        }
        if records {
            // The citizen's records (a milestone's progress notes): choose one, then edit or delete it.
            bindings.insert(binding([.tab], .nextRecord, .keyNextRecord, .keyNextRecordHelp, say, priority: 6), at: 2)
            bindings.append(binding([.backTab], .previousRecord, .keyPreviousRecord, .keyPreviousRecordHelp, say, bar: false))
            bindings.append(binding([.enter], .open, .keyEditRecord, .keyEditRecordHelp, say, bar: false, command: "edit-record"))
            bindings.append(binding([.character("d")], .delete, .keyDeleteRecord, .keyDeleteRecordHelp, say, priority: 5,
                                    command: "delete-record"))
        }
        bindings.append(commandLineBinding(say))
        return KeyTable(bindings)
    }

    /// An open form; a new meeting's form also has its agreement lines.
    package static func form(say: Localizer, newMeeting: Bool = false) -> KeyTable<AppAction> {
        var table = KeyTable([
            binding([.function(2), .ctrl("s")], .save, .keySave, .keySaveHelp, say, priority: 9, barKey: "F2"),
            binding([.escape], .cancel, .keyCancel, .keyCancelHelp, say, priority: 9),
            binding([.tab], .nextField, .keyNextField, .keyNextFieldHelp, say, priority: 8),
            binding([.backTab], .previousField, .keyPreviousField, .keyPreviousFieldHelp, say, priority: 3),
            binding([.function(3)], .revealCPR, .keyRevealCPR, .helpRevealCPR, say, bar: false),
            binding([.ctrl("o")], .openDuplicate, .keyOpenDuplicate, .helpOpenDuplicate, say, bar: false),
            binding([.left, .right], .choose, .keyChoose, .keyChooseHelp, say, priority: 2, barKey: "\u{2190}\u{2192}"),
            binding([.function(1)], .help, .keyHelp, .keyHelpHelp, say, priority: 5, barKey: "F1"),
            binding([.function(10)], .quit, .keyQuit, .keyQuitHelp, say, bar: false),
        ])
        if newMeeting {
            table.bindings.append(binding([.enter], .nextAgreement, .keyNextAgreement, .keyNextAgreementHelp, say, bar: false))
        }
        return table
    }

    /// A question waiting for its answer: Enter does it, Esc or `n` keeps everything.
    package static func confirmation(say: Localizer) -> KeyTable<AppAction> {
        KeyTable([
            binding([.enter], .accept, .keyConfirmYes, .keyConfirmYesHelp, say, priority: 9),
            binding([.escape, .character("n"), .character("N")], .cancel, .keyConfirmNo, .keyConfirmNoHelp, say,
                    priority: 9, barKey: "Esc"),
        ])
    }

    /// The drafts offered for restoring.
    package static func drafts(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.enter], .restore, .keyRestore, .keyRestoreHelp, say, priority: 9),
            binding([.character("d")], .discard, .keyDiscard, .keyDiscardHelp, say, priority: 8),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 7),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 6, barKey: "q"),
        ])
    }

    /// The conflict of a restored draft with the record as saved now.
    package static func conflict(say: Localizer, upDown: String = "↑↓", arrows: (left: String, right: String) = ("←", "→"))
        -> KeyTable<AppAction> {
        KeyTable([
            binding([.enter], .open, .keyConflictOpen, .keyConflictOpenHelp, say, priority: 9, command: "open-form"),
            binding([.escape], .back, .keyConflictLater, .keyConflictLaterHelp, say, priority: 9, command: "keep-draft"),
            binding([.left, .character("1")], .chooseDraft, .keyConflictDraft, .keyConflictDraftHelp, say, priority: 8,
                    barKey: arrows.left + "/1"),
            binding([.right, .character("2")], .chooseSaved, .keyConflictSaved, .keyConflictSavedHelp, say, priority: 8,
                    barKey: arrows.right + "/2"),
            binding([.character(" ")], .choose, .keyConflictSwitch, .keyConflictSwitchHelp, say, bar: false,
                    command: "switch-value"),
            binding([.character("a")], .allDraft, .keyConflictAllDraft, .keyConflictAllDraftHelp, say, priority: 6),
            binding([.character("b")], .allSaved, .keyConflictAllSaved, .keyConflictAllSavedHelp, say, priority: 6),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 4, barKey: "?"),
        ])
    }

    /// The results screen.
    package static func results(say: Localizer, upDown: String = "↑↓", tab: ResultsTab) -> KeyTable<AppAction> {
        var bindings = [
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.character("1"), .character("2"), .character("3"), .tab], .tabs, .keyTabs, .keyTabsHelp, say,
                    priority: 8, barKey: "1-3"),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 6, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
        ]
        switch tab {
        case .report:
            bindings += [
                binding([.character("f")], .from, .keyFrom, .keyFromHelp, say, priority: 7),
                binding([.character("t")], .to, .keyTo, .keyToHelp, say, priority: 7),
                binding([.character("o")], .organisation, .keyOrganisation, .keyOrganisationHelp, say, priority: 6),
                binding([.character("a")], .allTime, .keyAllTime, .keyAllTimeHelp, say, priority: 4),
                binding([.character("p")], .print, .keyPrintReport, .keyPrintReportHelp, say, priority: 4, command: "print-report"),
            ]
        case .stories:
            bindings.append(binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 7))
        case .companies:
            break
        }
        bindings.append(commandLineBinding(say))
        return KeyTable(bindings)
    }

    /// The "add what?" menu.
    package static func menu(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 9),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 8),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
        ])
    }

    /// The agenda.
    package static func agenda(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.escape, .character("t")], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 8),
            binding([.character("x")], .done, .keyDone, .keyDoneHelp, say, priority: 7),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 8, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
            commandLineBinding(say),
        ] + undoBindings(say))
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

    /// The household view.
    package static func household(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.function(1), .character("?")], .help, .keyHelp, .keyHelpHelp, say, priority: 9, barKey: "?"),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.enter], .open, .keyOpen, .keyOpenHelp, say, priority: 8),
            binding([.character("a")], .add, .keyAddMember, .keyAddMemberHelp, say, priority: 8, command: "add-member"),
            binding([.character("e")], .edit, .keyEditRelation, .keyEditRelationHelp, say, priority: 6, command: "edit-relation"),
            binding([.character("m")], .householdMeeting, .keyHouseholdMeeting, .keyHouseholdMeetingHelp, say, priority: 7),
            binding([.character("d")], .delete, .keyRemoveMember, .keyRemoveMemberHelp, say, priority: 4, command: "remove-member"),
            binding([.character("q"), .function(10)], .quit, .keyQuit, .keyQuitHelp, say, priority: 8, barKey: "q"),
            binding([.ctrl("l")], .redraw, .keyRedraw, .keyRedrawHelp, say, bar: false),
            commandLineBinding(say),
        ] + undoBindings(say))
    }

    /// The search for a household member, while it is typed.
    package static func memberSearch(say: Localizer, upDown: String = "↑↓") -> KeyTable<AppAction> {
        KeyTable([
            binding([.enter], .accept, .keyChooseMember, .keyChooseMemberHelp, say, priority: 9),
            binding([.escape], .back, .keyBack, .keyBackHelp, say, priority: 9),
            binding([.up, .down], .move, .keyMove, .keyMoveHelp, say, priority: 5, barKey: upDown),
            binding([.backspace], .editText, .keyEditText, .keyEditTextHelp, say, bar: false),
        ])
    }

    /// The table of what is on screen now.
    package static func current(_ state: AppState) -> KeyTable<AppAction> {
        let say = state.say
        let upDown = state.glyphs.arrows.up + state.glyphs.arrows.down
        if state.confirmation != nil || state.form?.confirmingDiscard == true { return confirmation(say: say) }
        if state.conflict != nil {
            return conflict(say: say, upDown: upDown, arrows: (state.glyphs.arrows.left, state.glyphs.arrows.right))
        }
        if let form = state.form {
            if case .meeting(_, nil) = form.purpose { return self.form(say: say, newMeeting: true) }
            return self.form(say: say)
        }
        if state.addMenu != nil || state.pickMenu != nil { return menu(say: say, upDown: upDown) }
        if state.screen == .activity, state.activities.search != nil { return participantSearch(say: say, upDown: upDown) }
        if let prompt = state.prompt {
            return self.prompt(say: say, isSearch: prompt.purpose == .search, upDown: upDown)
        }
        switch state.screen {
        case .main:
            return main(focus: state.focus, say: say, searchActive: state.citizens.query != nil, upDown: upDown,
                        tagged: state.tags.count)
        case .detail(let detail):
            if case .story = detail { return self.detail(say: say, upDown: upDown) }
            if case .citizen = detail { return self.detail(say: say, upDown: upDown, editable: true, citizen: true, records: true) }
            if case .milestone = detail { return self.detail(say: say, upDown: upDown, editable: true, records: true) }
            return self.detail(say: say, upDown: upDown, editable: true)
        case .agenda: return agenda(say: say, upDown: upDown)
        case .companies: return companies(say: say, upDown: upDown, undo: undoBindings(say), commandLine: commandLineBinding(say))
        case .company: return company(say: say, upDown: upDown, undo: undoBindings(say), commandLine: commandLineBinding(say))
        case .drafts: return drafts(say: say, upDown: upDown)
        case .results: return results(say: say, upDown: upDown, tab: state.results.tab)
        case .household:
            if state.household.search != nil { return memberSearch(say: say, upDown: upDown) }
            return household(say: say, upDown: upDown)
        case .activities: return activities(say: say, upDown: upDown)
        case .activity: return activity(say: say, upDown: upDown)
        case .syncConflicts: return syncConflicts(say: say, upDown: upDown)
        }
    }
}
