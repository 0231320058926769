extension Catalog {
    /// The English catalog.
    static func english(_ phrase: Phrase) -> String {
        switch phrase {
        case .usage:
            return """
                Trinvis: plans, milestones and follow-up conversations with citizens, step by step.

                Usage:
                  trinvis [options]                 open the full-screen interface
                  trinvis --demo                    open it on a fresh demo database
                  trinvis demo --db PATH            write a demo database and exit
                  trinvis import FILE               import an interchange document (JSON)
                  trinvis sync export --to ORGANISATION [-o FILE]
                                                    what changed since the last file for that
                                                    organisation (id or name), as far as the
                                                    citizens consented: to FILE or into a pipe
                  trinvis sync import FILE|-        apply a sync file from another installation
                  trinvis sync status               the peers, the last file each way and the
                                                    open conflicts
                  trinvis export [--citizen ID] [-o FILE]
                                                    write an interchange document (stdout by default)
                  trinvis report [--from DATE] [--to DATE] [--organisation ID]
                                 [--format text|csv|json|pdf] [-o FILE]
                                                    the results report (stdout by default), or one
                                                    A4 page of PDF with --format pdf or -o FILE.pdf
                  trinvis print-plan CITIZEN [--format text|pdf] [-o FILE]
                                                    the plan the citizen takes home: text on stdout,
                                                    or an A4 PDF with --format pdf or -o FILE.pdf
                                                    (a PDF goes to stdout only when it is redirected)
                  trinvis print-access CITIZEN [--format text|pdf] [-o FILE]
                                                    the right-of-access letter for the citizen: who
                                                    looked up or changed their information, and when
                                                    (text or PDF, as for print-plan)
                  trinvis calendar [-o FILE] [--full-names]
                                                    your coming meetings as iCalendar for Outlook and
                                                    other calendars (stdout by default; citizens
                                                    named "Svend M." unless --full-names)
                  trinvis check [--full]            what the database file is: healthy, damaged,
                                                    or why else it cannot be used, with what to do
                                                    (--full: also every index against its table)
                  trinvis backup FILE [--force]     checked copy of the database while in use
                                                    (a damaged one only with --force)
                  trinvis admin organisation list|add --name N --kind K [--holds-cpr yes|no]
                  trinvis admin organisation set ORG [--name N] [--holds-cpr yes|no]
                  trinvis admin professional list|add|set [PROFESSIONAL] [--name N] [--role R]
                                 [--organisation ORG] [--account A] [--email E] [--phone P]
                  trinvis admin link-account PROFESSIONAL ACCOUNT | --unlink PROFESSIONAL
                  trinvis admin handover --from ACCOUNT --to ACCOUNT [--citizen ID ...] --reason TEXT
                                                    administration (administrators only; logged)
                  trinvis admin duplicates          likely duplicate citizens (same CPR, or name and birth date)
                  trinvis admin link CITIZEN OTHER [--note TEXT]
                                                    record that two entries are the same person (never merged)
                  trinvis audit [--citizen ID] [--account NAME] [--from DATE] [--to DATE]
                                [--format text|csv|json] [--verify] [--prune]
                                                    the access log (administrators see every entry,
                                                    others their own); --verify checks its hash
                                                    chains, --prune removes entries older than the
                                                    retention (administrators)
                  trinvis erase CITIZEN --reason TEXT [--yes]
                                                    erase every trace of a person (administrators;
                                                    asks to type the name unless --yes)

                Options:
                  --db PATH         the database (default: $TRINVIS_DB, else
                                    $XDG_DATA_HOME/trinvis/trinvis.sqlite, else
                                    ~/.local/share/trinvis/trinvis.sqlite)
                  --user NAME       act as the professional NAME: for administrators and
                                    demo databases only (default: your operating-system
                                    account)
                  --lang da|en      language of the interface (default: from LANG)
                  --mouse           let the mouse select rows in the interface
                  --help, -h        this text
                  --version         the version

                Dates are written YYYY-MM-DD. CITIZEN and ID are a number or an unambiguous name.
                Exit status: 0 success, 1 failure, 2 usage error.
                """
        case .version(let version): return "trinvis \(version)"
        case .usageError(let detail): return "trinvis: \(detail)\nRun 'trinvis --help' for usage."
        case .unknownCommand(let name): return "unknown command '\(name)'"
        case .unknownOption(let option): return "unknown option '\(option)'"
        case .missingValue(let option): return "the option \(option) needs a value"
        case .unexpectedArgument(let argument): return "unexpected argument '\(argument)'"
        case .missingArgument(let what): return "missing \(what)"
        case .invalidDate(let option, let value): return "\(option): '\(value)' is not a date (YYYY-MM-DD)"
        case .invalidChoice(let option, let value, let allowed):
            return "\(option): '\(value)' is not one of \(allowed.joined(separator: ", "))"
        case .invalidLanguage(let value): return "--lang: '\(value)' is not da or en"
        case .dateRangeReversed(let from, let to): return "--from \(from) lies after --to \(to)"
        case .pdfNeedsOutput:
            return "a PDF is not for the terminal: give -o FILE.pdf, or redirect standard output to a file or a printer"

        case .failure(let text): return "trinvis: \(text)"
        case .noDatabase(let path):
            return "there is no database at \(path). Check --db, or create one with 'trinvis demo --db \(path)' or by starting 'trinvis'."
        case .databaseNewer(let path):
            return "the database \(path) was written by a newer version of Trinvis. Update Trinvis to open it; nothing was changed."
        case .database(let error):
            return english(databaseAdvice: error) + " (" + error.message + ")"
        case .identity(.notRegistered(let account)):
            return "the account \(account) is not registered as a professional in this Trinvis; ask an administrator to add you (trinvis admin professional add)"
        case .identity(.actingAsRefused(let account)):
            return "--user is only for administrators and demo databases; you are \(account), as the operating system says"
        case .identity(.unknownProfessional(let name)):
            return "no professional has the account \(name); trinvis admin professional list shows them"
        case .store(let error): return english(storeError: error)
        case .cannotReadFile(let path, let reason): return "cannot read \(path): \(reason)"
        case .cannotWriteFile(let path, let reason):
            return "cannot write \(path): \(reason). Nothing was written; check the folder and the free space."
        case .fileExists(let path): return "\(path) exists already. Choose another name or remove it first."
        case .citizenNotFound(let name): return "no citizen matches '\(name)'. Give an id or a part of the name."
        case .citizenAmbiguous(let name, let candidates):
            return "'\(name)' matches several citizens: \(candidates.joined(separator: "; ")). Give the id or more of the name."
        case .organisationNotFound(let name): return "no organisation matches '\(name)'."
        case .organisationAmbiguous(let name, let candidates):
            return "'\(name)' matches several organisations: \(candidates.joined(separator: "; ")). Give the id or the whole name."
        case .syncExported(let peer, let sequence, let citizens, let erased, let rows, let path):
            var text = "Wrote sync file \(sequence) for \(peer)"
            if let path { text += " to \(path)" }
            guard rows > 0 else { return text + ": nothing changed since the last file." }
            text += ": \(rows) changed records of \(citizens) citizens"
            if erased > 0 { text += ", of whom \(erased) are no longer shared and will be erased there" }
            return text + "."
        case .syncExportNeedsOutput:
            return "a sync file is binary: write it with -o FILE or into a pipe (trinvis sync export --to ORGANISATION | ssh server trinvis sync import -)."
        case .syncNoOrganisation(let username):
            return "\(username) belongs to no organisation, so there is nothing of theirs to share. An administrator can set it with trinvis admin."
        case .syncOwnOrganisation(let name): return "\(name) is your own organisation; give the organisation to share with."
        case .syncExportsMadeAs(let organisation, let peer):
            return "exports to \(peer) are made as \(organisation); ask someone of \(organisation) to export."
        case .syncExportBusy(let peer):
            return "the exchange with \(peer) kept changing while the file was being made (other exports or imports at the same moment); nothing was written. Try again."
        case .syncNoPeers: return "No exchanges yet. trinvis sync export --to ORGANISATION starts one."
        case .syncPeer(let peer, let shownID, let sent, let received):
            var text = "\(peer.name) (organisation \(shownID), \(english(.organisationKind(peer.kind)))): "
            text += sent.map { "sent file \(peer.sentSequence) at \($0)" } ?? "nothing sent yet"
            text += "; " + (received.map { "received file \(peer.receivedSequence) at \($0)" } ?? "nothing received yet")
            text += "; " + (peer.openConflicts == 1 ? "1 open conflict" : "\(peer.openConflicts) open conflicts")
            return text + "."
        case .importFailed(let detail): return "import failed, nothing was changed: \(detail)"
        case .terminalUnusable(let detail): return "cannot use this terminal: \(detail)"
        case .notATerminal:
            return "the full-screen interface needs a terminal; standard input and output must not be redirected. Run trinvis directly in a terminal window."
        case .unknownTerminal(let term) where term.isEmpty:
            return "the terminal type is not set (TERM is empty). Set TERM to your terminal's type, for example: export TERM=xterm-256color"
        case .unknownTerminal(let term):
            return "the terminal type '\(term)' (TERM) is unknown on this system. Set TERM to a known type, for example: export TERM=xterm-256color"
        case .unusableTerminal(let term):
            return "the terminal type '\(term)' (TERM) cannot show a full-screen program. Use a terminal emulator such as xterm, or set TERM to its type."

        case .demoWritten(let path, let citizens): return "Wrote a demo database with \(citizens) citizens to \(path)."
        case .backupWritten(let path):
            return "Wrote a checked copy of the database to \(path) (integrity, foreign keys and schema history checked)."
        case .checkHealthy(let path, let citizens, let full):
            return full ? "\(path): healthy (full integrity check and foreign keys, \(citizens) citizens)."
                : "\(path): healthy (quick integrity check and foreign keys, \(citizens) citizens; 'trinvis check --full' also compares every index with its table)."
        case .checkProblems(let path, let problems):
            return "\(path): damaged. Restore it from a backup that 'trinvis check' calls healthy, and keep this file aside.\n" + problems.map { "  " + $0 }.joined(separator: "\n")
        case .imported(let created, let updated): return "Imported: \(created) records created, \(updated) updated."
        case .progress(let what, let done, let total): return "\(what) \(done)/\(total)"
        case .progressImport: return "Importing"
        case .progressExport: return "Exporting"
        case .progressDemo: return "Writing demo data"
        case .formNewCitizen: return "New citizen"
        case .formEditCitizen(let name): return "Edit \(name)"
        case .formNewPlan(let name): return "New plan for \(name)"
        case .formEditPlan(let name): return "Plan for \(name)"
        case .formNewMilestone(let name): return "New milestone for \(name)"
        case .formEditMilestone(let name): return "Milestone for \(name)"
        case .formProgress(let name): return "Progress on \u{201C}\(name)\u{201D}"
        case .formNewMeeting(let name): return "New meeting with \(name)"
        case .formEditMeeting(let name): return "Meeting with \(name)"
        case .formNewAgreement(let name): return "New agreement with \(name)"
        case .formEditAgreement(let name): return "Agreement with \(name)"
        case .formOutcome(let name): return "Result for \(name)"
        case .formPlacement(let name): return "Placement for \(name)"
        case .formStory(let name): return "Change story of \(name)"
        case .formVision(let name): return "Wishes and visions of \(name)"
        case .formResources(let name): return "Resources of \(name)"
        case .formTeam(let name): return "Add to the team around \(name)"
        case .formConsent(let name): return "Consent from \(name)"
        case .labelName: return "Name"
        case .labelBirthDate: return "Birth date"
        case .labelHousehold: return "Household"
        case .labelGoal: return "Long-term goal"
        case .labelStart: return "Start"
        case .labelEnd: return "End"
        case .labelTitle: return "Title"
        case .labelSteppingStone: return "Stepping stone"
        case .labelDate: return "Date"
        case .labelNote: return "Note"
        case .labelText: return "Text"
        case .labelWho: return "Who"
        case .labelCompany: return "Company"
        case .labelFrom: return "From"
        case .labelTo: return "To"
        case .labelResult: return "Result"
        case .labelProfessional: return "Professional"
        case .labelResponsible: return "Responsible"
        case .labelScope: return "Consent to"
        case .labelRecipient: return "Recipient"
        case .labelPurpose: return "Purpose"
        case .labelExpires: return "Expires"
        case .labelWithdrawn: return "Withdrawn"
        case .labelGiven: return "Given"
        case .labelInformation: return "Information"
        case .labelOrganisation: return "Organisation"
        case .labelInterval: return "Meeting every (days)"
        case .labelAchievedOn: return "Achieved on"
        case .labelNextMeeting: return "Next meeting"
        case .labelNotes: return "Notes"
        case .labelPlace: return "Place"
        case .labelTime: return "Time"
        case .labelKind: return "Kind"
        case .labelAttendance: return "Attendance"
        case .labelDue: return "Due"
        case .labelDone: return "Done on"
        case .labelStatus: return "Status"
        case .labelEffort: return "Effort"
        case .errorRequired: return "must be filled in"
        case .errorNotADate: return "not a date (2027-01-15, 15/1, +14, today, tomorrow)"
        case .errorNotATime: return "not a time (HH:MM)"
        case .errorNotANumber: return "not a number"
        case .saved: return "Saved."
        case .deleted: return "Deleted."
        case .discardQuestion: return "Discard the changes?"
        case .drafts: return "Unsaved forms from last time"
        case .draftsHelp: return "Enter restores the form, d discards it, Esc keeps the drafts for later."
        case .addMenu: return "Add"
        case .needPlan: return "Make a plan first (a in the milestone pane)."
        case .noSelection: return "Select a row first."
        case .notEditable: return "This cannot be edited here."
        case .keyAdd: return "add"
        case .keyAddHelp: return "Add a citizen, a milestone or a meeting in the focused pane"
        case .keyEdit: return "edit"
        case .keyEditHelp: return "Edit the selected item"
        case .keyDelete: return "delete"
        case .keyDeleteHelp: return "Delete the selected item (asks first)"
        case .keySave: return "save"
        case .keySaveHelp: return "Save the form (also Ctrl-S)"
        case .keyCancel: return "cancel"
        case .keyCancelHelp: return "Close the form (asks before discarding changes)"
        case .keyNextField: return "next field"
        case .keyNextFieldHelp: return "Next field (also Enter in one-line fields, ↓)"
        case .keyPreviousField: return "previous field"
        case .keyPreviousFieldHelp: return "Previous field (also ↑)"
        case .keyChoose: return "choose"
        case .keyChooseHelp: return "Change a choice (also Space); Space ticks a box"
        case .keyDone: return "done"
        case .keyPrint: return "print"
        case .labelPresent(let name): return "Present: \(name)"
        case .formAssessment(let name): return "Assessment of \(name) (1-10, 10 best)"
        case .previousScore(let score): return "last time: \(score)"
        case .discardAndQuitQuestion: return "Discard the changes and quit Trinvis?"
        case .errorScore: return "a whole number from 1 to 10"
        case .errorNoScores: return "give at least one score"
        case .keyAssess: return "assess"
        case .keyAssessHelp: return "Record an assessment (quality of life, self-esteem, ... 1-10)"
        case .keyOutcome: return "result"
        case .keyOutcomeHelp: return "Record a result: own home, a job, education, less support ..."
        case .menuAssessment: return "Assessment (1-10)"
        case .menuEditTeam(let name): return "Change the team: \(name)"
        case .menuEditConsent(let what): return "Change or withdraw the consent: \(what)"
        case .tabReport: return "Report"
        case .tabStories: return "Change stories"
        case .tabCompanies: return "Companies"
        case .promptFrom: return "From (date, empty: no start): "
        case .promptTo: return "To (date, empty: no end): "
        case .allOrganisations: return "all organisations"
        case .keyTabs: return "tab"
        case .keyTabsHelp: return "Show the report (1), the change stories (2) or the partner companies (3)"
        case .keyFrom: return "from"
        case .keyFromHelp: return "Set the first day of the period"
        case .keyTo: return "to"
        case .keyToHelp: return "Set the last day of the period"
        case .keyOrganisation: return "organisation"
        case .keyOrganisationHelp: return "Limit the report to the next organisation (or all)"
        case .keyAllTime: return "all time"
        case .keyAllTimeHelp: return "Report over all time"
        case .keyPrintReport: return "pdf"
        case .keyPrintReportHelp: return "Save the report as a one-page PDF (to the printer when lp is set up)"
        case .noStories: return "No change stories yet."
        case .noCompanies: return "No partner companies yet."
        case .resultsComputing: return "Computing the figures…"
        case .resultsUpdating: return "Updating the figures…"
        case .placementsSummary(let total, let hired, let completed, let ongoing, let stopped):
            return "\(total) placements: \(hired) hired, \(completed) completed, \(ongoing) ongoing, \(stopped) stopped"
        case .reportSaved(let path): return "The report is saved as \(path)"
        case .keyPrintHelp: return "Print the selected citizen's plan (PDF; to the printer when lp is set up)"
        case .planSaved(let path): return "The plan is saved as \(path)"
        case .planSentToPrinter(let path): return "The plan was sent to the printer (and saved as \(path))"
        case .printFailed(let detail): return "The plan could not be saved: \(detail)"
        case .keyDoneHelp: return "Tick off: the selected agreement done, milestone achieved (or back again)"
        case .keyRestore: return "restore"
        case .keyRestoreHelp: return "Open the form as it was"
        case .keyDiscard: return "discard"
        case .keyDiscardHelp: return "Discard this draft"
        case .keyAddMore: return "add"
        case .keyAddMoreHelp: return "Add a progress note, agreement, or (for a citizen) choose what to add"
        case .menuTeam: return "Team member"
        case .menuConsent: return "Consent"
        case .menuResources: return "Resource profile"
        case .menuVision: return "Wishes and visions"
        case .menuPlan: return "Plan"
        case .menuOutcome: return "Result (job, home, …)"
        case .menuPlacement: return "Placement at a company"
        case .menuStory: return "Change story"
        case .matchSaved: return "just saved"
        case .keyCommandLine: return "command"
        case .keyCommandLineHelp: return "Type the name of a command (Tab completes, Enter runs it)"
        case .unknownCommandHere(let name): return "No command \u{201C}\(name)\u{201D} here; : and Tab list them."
        case .searchWrappedToTop: return "Reached the end; going on from the top."
        case .searchWrappedToBottom: return "Reached the top; going on from the end."
        case .deleteMeetingQuestion(let date, let agreements):
            switch agreements {
            case 0: return "Delete the meeting of \(date)?"
            case 1: return "Delete the meeting of \(date) and its agreement?"
            default: return "Delete the meeting of \(date) and its \(agreements) agreements?"
            }
        case .deleteMilestoneQuestion(let title, let notes):
            switch notes {
            case 0: return "Delete the milestone \u{201C}\(title)\u{201D}?"
            case 1: return "Delete the milestone \u{201C}\(title)\u{201D} and its progress note?"
            default: return "Delete the milestone \u{201C}\(title)\u{201D} and its \(notes) progress notes?"
            }
        case .deleteAgreementQuestion(let text): return "Delete the agreement \u{201C}\(text)\u{201D}?"
        case .keyConfirmYes: return "yes"
        case .keyConfirmYesHelp: return "Answer yes: do it"
        case .keyConfirmNo: return "no"
        case .keyConfirmNoHelp: return "Answer no: keep everything as it is (other keys do nothing here)"
        case .markedDone(let text): return "Done: \(text)"
        case .markedOpen(let text): return "Open again: \(text)"
        case .draftLine(let title, let age): return "\(title)  (\(age))"
        case .minutesAgo(let minutes): return minutes < 1 ? "just now" : minutes < 120 ? "\(minutes) min ago" : "\(minutes / 60) hours ago"
        // Drafts per window and their conflicts
        case .conflictTitle(let title): return "Changed since your draft: \(title)"
        case .conflictIntro(let name, let date, let time):
            return "\(name) saved this on \(date) at \(time), after your draft was begun. Choose for each field which value the form opens with; nothing is saved until you save the form."
        case .conflictField: return "Field"
        case .conflictYours: return "Your draft"
        case .conflictSaved(let name): return "Saved by \(name)"
        case .conflictNothingDiffers(let name):
            return "\(name) changed this since your draft, in other fields than yours: the form shows your draft on their version."
        case .draftTakenElsewhere: return "This draft was restored in another window."
        case .draftKeptForLater: return "The draft is kept for later."
        case .draftRecordGone: return "What this draft belonged to was deleted in the meantime; the draft is discarded."
        case .keyConflictOpen: return "open form"
        case .keyConflictOpenHelp: return "Open the form with the chosen values (nothing is saved until you save it)"
        case .keyConflictLater: return "later"
        case .keyConflictLaterHelp: return "Keep the draft for later and go back to the drafts"
        case .keyConflictDraft: return "yours"
        case .keyConflictDraftHelp: return "This field takes your draft's value"
        case .keyConflictSaved: return "saved"
        case .keyConflictSavedHelp: return "This field takes the saved value"
        case .keyConflictSwitch: return "switch"
        case .keyConflictSwitchHelp: return "Switch this field between your draft and the saved value"
        case .keyConflictAllDraft: return "all yours"
        case .keyConflictAllDraftHelp: return "Every field takes your draft's value"
        case .keyConflictAllSaved: return "all saved"
        case .keyConflictAllSavedHelp: return "Every field takes the saved value"
        case .agreementSlot(let number): return "Agreement \(number)"
        case .whoSlot: return "  who"
        case .dueSlot: return "  due"
        case .you: return "the citizen"
        case .problem(let problem): return english(problem: problem)
        case .formEditTeam(let name): return "Change the team around \(name)"
        case .errorSecondResponsible(let name, let from):
            return "\(name) is already responsible (from \(from)); end that first, or leave this unticked"
        case .errorNobodyPresent: return "attended, but nobody is ticked as present below; tick who was there"
        case .warningAfterPlanEnd(let end): return "lies after the plan's end (\(end)); F2 again saves it anyway"
        case .dateMeans(let date):
            let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            return "= \(weekdays[date.isoWeekday - 1]) \(Localizer(.english).date(date))"
        case .keyAddAgreement: return "agreement"
        case .keyAddAgreementHelp: return "Add an agreement to the selected meeting (a adds a meeting)"
        case .selectAMeeting: return "Select a meeting first (a adds one)."
        case .keyNextAgreement: return "next agreement"
        case .keyNextAgreementHelp: return "On an agreement: go to the next one; after the last one (with text), add a new one"
        case .proposedInterval(let days): return days == 1 ? "every day" : "every \(days) days"

        case .changeSummary(let summary): return english(change: summary)
        case .undone(let summary): return "Undone: \(english(change: summary))."
        case .redone(let summary): return "Redone: \(english(change: summary))."
        case .nothingToUndo: return "Nothing to undo in this window."
        case .nothingToRedo: return "Nothing to redo."
        case .undoRefused(let refusal, let redoing):
            let refused = redoing ? "Not redone" : "Not undone"
            switch refusal {
            case .changedSince(let summary, let name):
                return "\(refused): \(name ?? "someone else") has changed \(english(changeSubject: summary.subject)) since."
            case .cannotRestore(let summary):
                return "\(refused): what \(english(changeSubject: summary.subject)) belonged to is gone."
            }
        case .keyUndo: return "undo"
        case .keyUndoHelp: return "Undo the last saved change of this window, step by step"
        case .keyRedo: return "redo"
        case .keyRedoHelp: return "Redo what was undone"
        case .calendarWritten(let path, let meetings):
            return meetings == 1 ? "Wrote a calendar with 1 coming meeting to \(path)."
                : "Wrote a calendar with \(meetings) coming meetings to \(path)."
        case .calendarNotRegistered(let username):
            return "the user name \(username) is not registered as a professional, so the calendar is empty. Use --user with your Trinvis user name."
        case .calendarSummary(let name): return "Meeting with \(name)"
        case .calendarDescription(let kind, let date, let citizen):
            return "Agreed at the last meeting (\(kind), \(date)). Citizen no. \(citizen) in Trinvis."

        case .accessLogNotWritten:
            return "The access log could not be written; Trinvis tries again in a second"
        case .adminOrganisationAdded(let id, let name): return "Added organisation \(id) \(name)."
        case .adminOrganisationSaved(let id, let name): return "Saved organisation \(id) \(name)."
        case .adminOrganisationCPR(let holds):
            return holds ? "It may hold CPR numbers: its professionals see the CPR field."
                : "It holds no CPR numbers: its professionals are not offered the CPR field."
        case .adminProfessionalSaved(let id, let name): return "Saved professional \(id) \(name)."
        case .adminAccountLinked(let name, let account):
            return account.map { "\(name) now signs in with the account \($0)." } ?? "\(name) has no account any more."
        case .adminHandoverDone(let citizens, let from, let to):
            return "Handed \(citizens) \(citizens == 1 ? "citizen" : "citizens") over from \(from) to \(to); the history is kept."
        case .professionalNotFound(let text):
            return "no professional matches '\(text)'; trinvis admin professional list shows them"
        case .auditIntact(let lookups, let changes, let lookupHash, let changeHash):
            return "the access log is intact: \(lookups + changes) entries (\(lookups) look-ups, \(changes) changes), latest hashes: lookup \(lookupHash), change \(changeHash)"
        case .auditBroken(let id, let chain, let kind):
            switch kind {
            case .altered:
                return "the access log is broken at entry \(id) (\(chain) chain): its contents do not match its hash; it was altered or inserted outside Trinvis"
            case .removedBefore:
                return "the access log is broken at entry \(id) (\(chain) chain): the entry before it in the chain is missing; entries were removed or inserted outside Trinvis"
            case .invalid:
                return "the access log is broken at entry \(id) (\(chain) chain): it names an unknown action or chain; it was inserted or altered outside Trinvis"
            }
        case .auditPruned(let lookups, let changes, let lookupDays, let changeDays):
            return "Removed \(lookups) look-ups older than \(lookupDays) days and \(changes) changes older than \(changeDays) days from the access log."
        case .auditCitizen(let id): return "citizen #\(id)"
        case .sharedConfigurationUnreadable(let path, let reason):
            return "this is a shared installation, but its configuration \(path) cannot be read (\(reason)). Ask the administrator to write the line 'database = /var/lib/trinvis/trinvis.sqlite' there (see docs/installation.md)."
        case .sharedConfigurationInvalid(let path, let line):
            return line == 0
                ? "the configuration \(path) names no database. Ask the administrator to add the line 'database = /var/lib/trinvis/trinvis.sqlite'."
                : "line \(line) of the configuration \(path) is not 'database = /ABSOLUTE/PATH'. Ask the administrator to correct it."
        case .sharedDatabaseOnly(let path):
            return "this is a shared installation: it uses only the database \(path) (from /etc/trinvis/trinvis.conf), and --db cannot name another"
        case .sharedDatabaseMissing(let path):
            return "the shared database \(path) does not exist yet. The administrator creates it with 'sudo trinvis check' (see docs/installation.md)."
        case .sharedDatabaseFilesNotReady(let path):
            return "the write-ahead log files of the shared database \(path) are missing or belong to a person. The administrator makes them again with 'sudo trinvis check'."
        case .sharedBackupAdministratorsOnly:
            return "in a shared installation only an administrator makes a copy of the database"
        case .databaseFilesExposed(let files, let command):
            return "warning: others may read \(files.joined(separator: ", ")) (the mode is wider than 0660). Fix it with: \(command)"
        case .eraseConfirmPrompt(let citizen):
            return "This erases citizen #\(citizen) and every trace of them; it cannot be undone. Type the citizen's full name to go on: "
        case .eraseNeedsConfirmation:
            return "erase asks you to type the citizen's name on a terminal; give --yes when standard input is not one"
        case .eraseNameMismatch: return "the name typed is not the citizen's full name; nothing was erased"
        case .erasure(let error):
            switch error {
            case .reasonMissing: return "--reason must say why the citizen is erased"
            case .reasonNamesCitizen:
                return "the reason names the citizen, and the access log keeps the reason: write it without the name"
            }
        case .erased(let citizen, let rows, let files):
            return "Erased citizen #\(citizen): \(rows) rows removed, \(files) printed \(files == 1 ? "file" : "files") removed."
        case .erasedTable(let table, let rows): return "  \(table): \(rows)"
        case .erasedFileNotRemoved(let path, let reason): return "could not remove the printed file \(path): \(reason); remove it by hand"
        case .erasedWALBusy:
            return "another connection is reading the database, so its write-ahead log still holds old pages; it is emptied when the last connection closes (run 'trinvis check' afterwards)"

        case .archiveQuestion(let name):
            return "End the course of \(name) and archive them? Nothing is deleted."
        case .archived: return "The course ended and the citizen was archived."
        case .unarchiveQuestion(let name):
            return "Bring \(name) back into the citizen list?"
        case .unarchived(let name): return "\(name) is back in the citizen list."
        case .archivedShown: return "Archived citizens are shown (A hides them)."
        case .archivedHidden: return "Archived citizens are hidden (A shows them)."
        case .archivedMark: return "archived"
        case .paneWithArchived: return "with archived"
        case .fieldArchived: return "Archived"
        case .keyArchived: return "archived"
        case .keyArchivedHelp: return "Show or hide archived citizens (d on one brings them back)"

        case .duplicatesNone: return "No likely duplicates."
        case .duplicatePair(let first, let firstName, let firstOrganisation, let second, let secondName,
                            let secondOrganisation, let sameCPR):
            return "#\(first) \(firstName) (\(firstOrganisation)) and #\(second) \(secondName) (\(secondOrganisation)): "
                + (sameCPR ? "same CPR number" : "same name and birth date")
        case .citizensLinked(let first, let second):
            return "Citizens #\(first) and #\(second) are linked (nothing was merged)."
        case .duplicateWarning(let name, let id, let organisation):
            return "Possibly the same person as \(name) (#\(id), \(organisation.isEmpty ? "no organisation" : organisation))"
        case .duplicateHint: return "Ctrl-O opens them instead; F2 again saves anyway"
        case .keyRevealCPR: return "show CPR"
        case .helpRevealCPR: return "show the full CPR number (logged)"
        case .keyOpenDuplicate: return "open them"
        case .helpOpenDuplicate: return "open the possible duplicate instead"
        case .cprRevealed: return "The full CPR number is shown here only; the look was logged."
        case .noCPRToReveal: return "This citizen has no CPR number."
        case .organisationKind(let kind):
            switch kind {
            case .municipality: return "municipality"
            case .dropInCentre: return "drop-in centre"
            case .company: return "company"
            case .other: return "other"
            }
        case .role(let role):
            switch role {
            case .caseworker: return "caseworker"
            case .jobConsultant: return "job consultant"
            case .addictionCounsellor: return "addiction counsellor"
            case .supportContact: return "support contact"
            case .dropInCounselor: return "drop-in counselor"
            case .mentor: return "mentor"
            case .administrator: return "administrator"
            case .other: return "other"
            }
        case .contactPreference(let preference):
            switch preference {
            case .meeting: return "meetings"
            case .phone: return "phone"
            case .email: return "e-mail"
            case .sms: return "text message"
            }
        case .dataCategory(let category):
            switch category {
            case .contact: return "name and contact details"
            case .plan: return "plan and milestones"
            case .meetings: return "meetings and agreements"
            case .profile: return "resources, dreams and life story"
            case .results: return "assessments and results"
            }
        case .labelShares(let category): return "Shares " + english(.dataCategory(category))
        case .errorNoCategories: return "choose at least one thing to share"
        case .consentScope(let scope):
            switch scope {
            case .shareBetweenOrganisations: return "share between organisations"
            case .contactByEmail: return "contact by e-mail"
            case .contactBySMS: return "contact by text message"
            }
        case .planStatus(let status):
            switch status {
            case .active: return "active"
            case .completed: return "completed"
            case .ended: return "ended"
            }
        case .milestoneStatus(let status):
            switch status {
            case .planned: return "planned"
            case .inProgress: return "in progress"
            case .achieved: return "achieved"
            case .adjusted: return "adjusted"
            case .dropped: return "dropped"
            }
        case .meetingKind(let kind):
            switch kind {
            case .conversation: return "conversation"
            case .phone: return "phone"
            case .email: return "e-mail"
            case .homeVisit: return "home visit"
            case .dropIn: return "drop-in"
            case .companion: return "companion"
            }
        case .attendance(let attendance):
            switch attendance {
            case .attended: return "attended"
            case .excused: return "excused"
            case .noShow: return "no-show"
            }
        case .dimension(let dimension):
            switch dimension {
            case .qualityOfLife: return "Quality of life"
            case .selfEsteem: return "Self-esteem"
            case .relationToSystem: return "Relation to the system"
            case .socialNetwork: return "Social network"
            case .health: return "Health"
            case .housing: return "Housing"
            case .finances: return "Finances"
            case .workReadiness: return "Work readiness"
            }
        case .outcomeKind(let kind):
            switch kind {
            case .ownHousing: return "Own housing"
            case .jobOrdinary: return "Ordinary job"
            case .jobSpecialTerms: return "Job on special terms"
            case .jobWageSubsidy: return "Wage-subsidy job"
            case .flexJob: return "Flex job"
            case .education: return "Education"
            case .selfSupporting: return "Self-supporting"
            case .reducedSupport: return "Less support needed"
            case .supportEnded: return "Support ended"
            case .treatmentStarted: return "Treatment started"
            case .other: return "Other"
            }
        case .placementKind(let kind):
            switch kind {
            case .internship: return "internship"
            case .wageSubsidy: return "wage subsidy"
            case .mentor: return "mentor scheme"
            case .flexJob: return "flex job"
            case .other: return "other"
            }
        case .placementResult(let result):
            switch result {
            case .ongoing: return "ongoing"
            case .completed: return "completed"
            case .hired: return "hired"
            case .stopped: return "stopped"
            }
        case .activityKind(let kind):
            switch kind {
            case .course: return "course"
            case .exercise: return "exercise"
            case .health: return "health"
            case .trip: return "trip"
            case .social: return "social"
            case .other: return "other"
            }
        case .relativeDays(let days):
            switch days {
            case 0: return "today"
            case 1: return "tomorrow"
            case -1: return "yesterday"
            case 2...: return "in \(days) days"
            default: return "\(-days) days ago"
            }
        case .days(let days): return days == 1 ? "1 day" : "\(days) days"
        case .yes: return "yes"
        case .no: return "no"

        case .terminalTooSmall: return "The terminal is too small for Trinvis. Make the window larger."
        case .paneCitizens: return "Citizens"
        case .paneMilestones: return "Milestones"
        case .paneMeetings: return "Meetings"
        case .agendaTitle: return "Agenda"
        case .helpTitle: return "Keys"
        case .reportTitle: return "Results"
        case .citizenTitle(let name): return name
        case .milestoneTitle: return "Milestone"
        case .meetingTitle: return "Meeting"
        case .noCitizens: return "No citizens yet."
        case .noPlan: return "No plan yet."
        case .noMilestones: return "No milestones."
        case .noMeetings: return "No meetings yet."
        case .noCitizenSelected: return "No citizen selected."
        case .agendaEmpty: return "Nothing coming up and nothing overdue."
        case .agendaNoProfessional(let username):
            return "The user name \(username) is not registered as a professional, so there is no personal agenda."
        case .searchPrompt: return "Search: "
        case .findPrompt: return "Find: "
        case .searchHits(let count): return count == 1 ? "1 citizen found" : "\(count) citizens found"
        case .searchNoHits(let query): return "Nothing found for \u{201C}\(query)\u{201D}"
        case .findNotFound(let text): return "\u{201C}\(text)\u{201D} is not in this list"
        case .searchActive(let query): return "Search: \(query)  (Esc shows all)"
        case .goal(let goal): return "Goal: \(goal)"
        case .planEnds(let date, let relative): return "ends \(date) (\(relative))"
        case .planOpenEnded: return "no end date"
        case .overdueMarker: return "overdue"
        case .overdueCount(let count): return "\(count) overdue"
        case .steppingStone: return "stepping stone"
        case .openAgreements(let count): return count == 1 ? "1 open" : "\(count) open"
        case .agendaOverdue: return "Overdue"
        case .agendaToday: return "Today"
        case .agendaThisWeek: return "This week"
        case .agendaLater: return "Later"
        case .agendaFollowUp: return "follow-up"
        case .agendaMissedFollowUp(let time): return "the meeting at \(time) was not recorded"
        case .agendaNoNextMeeting(let last):
            return last.map { "no next meeting agreed; the last one was \($0)" } ?? "no meeting yet"
        case .agendaNothingToTick: return "Only milestones and agreements are ticked off; Enter opens the citizen."
        case .pickAgreementToTick: return "Tick off which agreement?"
        case .noAgreementsToTick: return "This meeting has no agreements to tick off."
        case .selectAnAgreement: return "x ticks off a milestone or an agreement: select one first."
        case .milestoneAchieved(let title): return "Achieved: \(title)"
        case .milestoneReopened(let title): return "Not achieved after all: \(title)"
        case .deadlineMoved(let from, let to, let on, let by): return "moved from \(from) to \(to) on \(on) by \(by)"
        case .fieldDeadlineHistory: return "Deadline history"
        case .agendaMeeting: return "meeting"
        case .agendaMilestone: return "milestone"
        case .agendaAgreement: return "agreement"
        case .matchName: return "name"
        case .matchCPR: return "CPR"
        case .matchText(let source):
            switch source {
            case .meeting: return "meeting notes"
            case .agreement: return "agreement"
            case .progress: return "progress note"
            case .story: return "change story"
            case .life: return "life"
            }
        case .mine: return "mine"
        case .helpFooter: return "Esc or ? closes this help."
        case .notRegistered(let username): return "Signed in as \(username) (not a registered professional)"

        case .printTitle: return "Your plan"
        case .printCPR(let masked): return "CPR no. \(masked)"
        case .printPrintedOn(let date): return "Printed \(date)"
        case .printPage(let page, let count): return "Page \(page) of \(count)"
        case .printGoalHeading: return "Your goal"
        case .printPurpose(let purpose): return "Purpose: \(purpose)"
        case .printPeriodHeading: return "How long the plan runs"
        case .printPeriod(let from, let to): return "From \(from) to \(to)"
        case .printPeriodOpen(let from): return "From \(from), no end date yet"
        case .printDaysLeft(let days):
            switch days {
            case 0: return "Today is the last day"
            case 1: return "1 day left"
            case 2...: return "\(days) days left"
            case -1: return "The plan ended yesterday"
            default: return "The plan ended \(-days) days ago"
            }
        case .printNoPlan: return "There is no plan yet. We will make it together."
        case .printMilestonesHeading: return "Steps on the way"
        case .printNoMilestones: return "No steps yet."
        case .printMilestoneState(let state):
            switch state {
            case .done: return "Done"
            case .overdue: return "Overdue"
            case .underWay: return "Under way"
            case .planned: return "Planned"
            case .changed: return "Changed"
            case .leftOut: return "Left out"
            }
        case .printDoneOn(let date): return "Done on \(date)"
        case .printDeadline(let date, let relative): return "By \(date) (\(relative))"
        case .printAgreementsHeading: return "What we agreed"
        case .printNoAgreements: return "Nothing open right now."
        case .printYou: return "You"
        case .printWho(let who): return "Who: \(who)"
        case .printBy(let date): return "By: \(date)"
        case .printNextMeetingHeading: return "Next meeting"
        case .printMeetingTime(let date, let hour, let minute):
            let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
            return "\(weekdays[date.isoWeekday - 1]) \(date.day) \(months[date.month - 1]) \(date.year) at "
                + LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2)
        case .printPlace(let place): return "Place: \(place)"
        case .printNoNextMeeting: return "Not agreed yet."
        case .printContactHeading: return "Your contact person"
        case .printPhone(let phone): return "Phone: \(phone)"
        case .printEmail(let email): return "E-mail: \(email)"

        case .accessTitle: return "Who has looked at your information"
        case .accessAboutHeading: return "About this letter"
        case .accessRight:
            return "You have the right to know what is registered about you, and who has looked at it or changed it "
                + "(the General Data Protection Regulation, article 15). This letter shows it for Trinvis, the system in "
                + "which your plan and your meetings are written down."
        case .accessHolder(let holder?): return "\(holder) is responsible for the information about you."
        case .accessHolder(nil): return "No organisation is recorded as responsible for the information about you."
        case .accessShared(let organisation, let categories, let until):
            return "With your consent, \(organisation) may also see "
                + list(categories.map(english(accessCategory:)), and: "and") + (until.map { ", until \($0)" } ?? "") + "."
        case .accessRegisteredHeading: return "What is registered about you"
        case .accessCategory(let category): return capitalisingFirstLetter(english(accessCategory: category))
        case .accessCategoryContents(let category):
            switch category {
            case .contact: return "name, phone, e-mail, birth date, CPR number"
            case .plan: return "the goal, the steps on the way and notes on how they go"
            case .meetings: return "who was there, what was talked about and what was agreed"
            case .profile: return "your resources, your wishes for the future and your life situation"
            case .results: return "assessments of how things are going, results, internships and jobs, stories of what changed"
            }
        case .accessPartial(let holder):
            return "This letter was printed by an organisation that may see only part of your information."
                + (holder.map { " Ask \($0) if you want to see all of it." } ?? "")
        case .accessLogHeading: return "What the log shows"
        case .accessLogExplained(let lookupDays, let changeDays):
            return "Every time someone looks up or changes your information in Trinvis, it is written down: the day, "
                + "the organisation and what was done. Look-ups are kept for \(english(duration: lookupDays)) and changes "
                + "for \(english(duration: changeDays)); then they are removed."
        case .accessTotals(let since, let lookups, let changes, let organisations):
            return "Since \(since): \(counted(lookups, "look-up", "look-ups")) and "
                + "\(counted(changes, "change", "changes")), by \(counted(organisations, "organisation", "organisations"))."
        case .accessHowToRead:
            return "First an overview for each organisation, month by month; then every entry, newest first. What one "
                + "organisation did in the same way on the same day is one line."
        case .accessNames(shown: true, _): return "The professionals are named, because an administrator printed this letter."
        case .accessNames(shown: false, let ask):
            return "The names of the professionals are not in this letter."
                + (ask.map { " Ask \($0) if you want to know them." } ?? "")
        case .accessNothingLogged: return "Nothing about you is written in the log yet."
        case .accessQuestionsHeading: return "Questions"
        case .accessQuestions(let ask):
            return "If you have questions, or think something is wrong or should be deleted, contact "
                + (ask ?? "the place that gave you this letter") + ". You can also complain to the Danish Data Protection "
                + "Agency (Datatilsynet, www.datatilsynet.dk)."
        case .accessOverviewHeading(let organisation): return "\(organisation), month by month"
        case .accessMonth(let year, let month):
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                          "November", "December"]
            return "\(months[max(1, min(12, month)) - 1]) \(year)"
        case .accessCount(let kind, let times):
            switch kind {
            case .looked: return counted(times, "look-up", "look-ups")
            case .revealedCPR: return counted(times, "look-up", "look-ups") + " of your full CPR number"
            case .printed: return counted(times, "printout", "printouts")
            case .exported: return counted(times, "export", "exports") + " to a file"
            case .added: return counted(times, "addition", "additions")
            case .changed: return counted(times, "change", "changes")
            case .deleted: return counted(times, "deletion", "deletions")
            case .administered: return counted(times, "administrative change", "administrative changes")
            }
        case .accessEntriesHeading(let month): return "Every entry in \(month)"
        case .accessEntry(let organisation, let kind, let subject, let times):
            let what = subject.map(english(accessSubject:))
            let done: String
            switch kind {
            case .looked: done = "looked at your information"
            case .revealedCPR: done = "looked at your full CPR number"
            case .printed: done = "printed your information"
            case .exported: done = "copied your information to a file"
            case .added: done = "added " + (what ?? "information about you")
            case .changed: done = "changed " + (what ?? "your information")
            case .deleted: done = "deleted " + (what ?? "some of your information")
            case .administered:
                switch subject {
                case .responsibility?: done = "changed who is responsible for you"
                case .link?: done = "noted that two records are about you"
                default: done = "made an administrative change" + (what.map { " to \($0)" } ?? "")
                }
            }
            return "\(organisation) \(done)" + (times > 1 ? " (\(times) times)" : "")
        case .accessBy(let name): return "by \(name)"
        case .accessNoOrganisation: return "The administration of Trinvis"
        case .printEffort(let effort): return "Effort: \(effort)"
        case .printSteppingStone(let title): return "\(title) (stepping stone)"
        case .printFontFallback(.notFound(let searched)):
            return "warning: no Unicode font for the PDF: \(PDFFonts.regularFileName) is in none of "
                + searched.joined(separator: ", ")
                + " (install fonts-dejavu-core, or name a TrueType font file in TRINVIS_FONT). The PDF is set in the "
                + "standard fonts, in which letters outside Western European ones (such as Ł, Greek and Cyrillic) print as ?"
        case .printFontFallback(.unusable(let path, let reason)):
            return "warning: the font \(path) cannot be used: \(reason). The PDF is set in the standard fonts, in which "
                + "letters outside Western European ones (such as Ł, Greek and Cyrillic) print as ?"
        case .printedWithStandardFonts(let message):
            return "\(message); standard fonts only (no usable Unicode font): Ł, Greek and Cyrillic print as ?"
        case .planPrinterFailed(let path): return "The printer did not take the plan; it is saved as \(path)"
        case .reportSentToPrinter(let path): return "The report was sent to the printer (and saved as \(path))"
        case .reportPrinterFailed(let path): return "The printer did not take the report; it is saved as \(path)"

        case .keyMove: return "move"
        case .keyMoveHelp: return "Move up and down (also k, j, PgUp, PgDn, Home, End, g, G)"
        case .keyNextPane: return "next pane"
        case .keyNextPaneHelp: return "Go to the next pane"
        case .keyPreviousPane: return "previous pane"
        case .keyPreviousPaneHelp: return "Go to the previous pane"
        case .keyJumpPane: return "pane"
        case .keyJumpPaneHelp: return "Jump to citizens (1), milestones (2) or meetings (3)"
        case .keyOpen: return "open"
        case .keyOpenHelp: return "Open the selected citizen, milestone or meeting"
        case .keySearch: return "search"
        case .keySearchHelp: return "Search citizens (name, CPR, words in notes); in other panes: find"
        case .keyFind: return "find"
        case .keyFindHelp: return "Find text in this list"
        case .keyNextMatch: return "next"
        case .keyNextMatchHelp: return "Next match"
        case .keyPreviousMatch: return "previous"
        case .keyPreviousMatchHelp: return "Previous match"
        case .keyAgenda: return "agenda"
        case .keyAgendaHelp: return "Your coming meetings and what is overdue across your citizens"
        case .keyReport: return "results"
        case .keyReportHelp: return "The results report"
        case .keyHelp: return "help"
        case .keyHelpHelp: return "Show every key of this screen"
        case .keyBack: return "back"
        case .keyBackHelp: return "Close this view, or clear the search"
        case .keyQuit: return "quit"
        case .keyQuitHelp: return "Quit Trinvis"
        case .keyRedraw: return "redraw"
        case .keyRedrawHelp: return "Redraw the screen"
        case .keyScroll: return "scroll"
        case .keyScrollHelp: return "Scroll (also k, j, PgUp, PgDn, Home, End)"
        case .keyAccept: return "keep"
        case .keyAcceptHelp: return "Keep the results and go to the list"
        case .keyEditText: return "edit"
        case .keyEditTextHelp: return "Type to search; Backspace, Ctrl-U clear, ← → move"

        case .fieldCPR: return "CPR"
        case .fieldBorn: return "Born"
        case .fieldAge: return "Age"
        case .fieldPhone: return "Phone"
        case .fieldEmail: return "E-mail"
        case .fieldPrefers: return "Prefers"
        case .fieldHousehold: return "Household"
        case .fieldOrganisation: return "Organisation"
        case .fieldRegistered: return "Registered"
        case .fieldInterval: return "Meets every"
        case .fieldLife: return "Life"
        case .fieldTeam: return "Team"
        case .fieldResponsible: return "responsible"
        case .fieldConsents: return "Consents"
        case .fieldResources: return "Resources"
        case .fieldVisions: return "Wishes and visions"
        case .fieldVisionFamily: return "Family"
        case .fieldVisionWork: return "Work"
        case .fieldVisionHousing: return "Housing"
        case .fieldVisionOther: return "Other"
        case .fieldPlans: return "Plans"
        case .fieldAssessments: return "Assessments"
        case .fieldOutcomes: return "Results"
        case .fieldPlacements: return "Placements"
        case .fieldStories: return "Change stories"
        case .fieldDeadline: return "Deadline"
        case .fieldStatus: return "Status"
        case .fieldAchieved: return "Achieved"
        case .fieldProgress: return "Progress"
        case .fieldTime: return "Time"
        case .fieldKind: return "Kind"
        case .fieldPlace: return "Place"
        case .fieldAttendance: return "Attendance"
        case .fieldAttendees: return "Present"
        case .fieldAuthor: return "Written by"
        case .fieldNotes: return "Notes"
        case .fieldAgreements: return "Agreements"
        case .fieldNextMeeting: return "Next meeting"
        case .fieldDue: return "due"
        case .fieldDone: return "done"
        case .fieldCitizen: return "the citizen"
        case .fieldPurpose: return "Purpose"
        case .fieldEffort: return "Effort"
        case .fieldPeriod: return "Period"
        case .fieldExpires: return "expires"
        case .fieldWithdrawn: return "withdrawn"
        case .fieldGiven: return "given"
        case .fieldRecipient: return "to"
        case .fieldInformation: return "information"
        case .none: return "none"

        // MARK: Companies, placements and companion meetings
        case .companiesTitle: return "Companies"
        case .companyTitle(let name): return "Company: \(name)"
        case .noCompaniesInRegister: return "No companies yet. a adds one."
        case .companyPlacementCount(let total, let ongoing):
            return total == 0 ? "no placements" : "\(ongoing) running, \(total) in all"
        case .companyNoPlacements: return "No placements with this company yet."
        case .companyRunning: return "Running"
        case .companyEnded: return "Ended"
        case .keyCompanies: return "companies"
        case .keyCompaniesHelp: return "The company register: partner companies and their placements"
        case .keyNewCompany: return "new company"
        case .keyNewCompanyHelp: return "Add a company to the register"
        case .keyEditCompany: return "edit company"
        case .keyEditCompanyHelp: return "Edit the company's name, trade, contact person and notes"
        case .keyNewPlacement: return "new placement"
        case .keyNewPlacementHelp: return "A placement (internship, wage subsidy, mentor) for the selected citizen"
        case .keyEditPlacement: return "edit"
        case .keyEditPlacementHelp: return "Edit the selected placement"
        case .keyClosePlacement: return "close"
        case .keyClosePlacementHelp: return "Close the selected placement with its result (hired proposes the result for the citizen)"
        case .formNewCompany: return "New company"
        case .formEditCompany(let name): return "Company: \(name)"
        case .formEditPlacement(let name): return "Placement for \(name)"
        case .formClosePlacement(let company, let citizen): return "Close the placement of \(citizen) at \(company)"
        case .labelTrade: return "Trade"
        case .labelContactPerson: return "Contact person"
        case .labelWhatCameOfIt: return "What came of it"
        case .selectCitizenForPlacement: return "Select the citizen in the list first."
        case .noCompanyForPlacement: return "There is no company yet: add it in the register (c, then a)."
        case .placementAlreadyClosed: return "That placement is closed already; e edits it."
        case .proposeOutcome(let kind, let citizen, let date):
            return "Record the result \u{201C}\(kind)\u{201D} for \(citizen) on \(date)? Enter records it, Esc leaves it."
        case .outcomeRecorded(let kind): return "Result recorded: \(kind)."
        case .menuClosePlacement(let company): return "Close the placement at \(company)"
        case .labelAuthority: return "Authority"
        case .labelCompanionWith: return "Meeting with"
        case .labelCompanionPurpose: return "Purpose"
        case .labelCompanionResult: return "What came of it"
        case .labelCompanionBy: return "Goes along"
        case .agendaCompanion: return "Companion"
        case .companionSummary(let authority, let purpose):
            return ["Companion at \(authority.isEmpty ? "the authority" : authority)", purpose].filter { !$0.isEmpty }.joined(separator: ": ")
        // MARK: Editing and deleting records, plans over time
        case .keyNextRecord: return "choose"
        case .keyNextRecordHelp: return "Choose the next record (Shift-Tab the previous): e or Enter changes it, d deletes it"
        case .keyPreviousRecord: return "previous"
        case .keyPreviousRecordHelp: return "Choose the previous record"
        case .keyEditRecord: return "change"
        case .keyEditRecordHelp: return "Change the chosen record in its form"
        case .keyDeleteRecord: return "delete"
        case .keyDeleteRecordHelp: return "Delete the chosen record (asks first; u undoes it)"
        case .keyNewPlan: return "new plan"
        case .keyNewPlanHelp: return "A new plan, once the current one has ended or is completed (the old ones are kept)"
        case .noRecordsToChoose: return "Nothing here to choose yet."
        case .chooseARecord: return "Choose a record with Tab first."
        case .deleteRecordQuestion(let subject): return "Delete \(subject)?"
        case .recordTeam(let name): return "\(name)\u{2019}s place in the team"
        case .recordConsent(let label): return "the consent \u{201C}\(label)\u{201D}"
        case .recordResource(let area): return "what is written under \u{201C}\(area)\u{201D}"
        case .recordVision: return "the wishes and visions (family, work, housing and the rest)"
        case .recordAssessment(let date, let scores):
            return scores == 1 ? "the assessment of \(date) and its score" : "the assessment of \(date) and its \(scores) scores"
        case .recordOutcome(let kind, let date): return "the result \u{201C}\(kind)\u{201D} of \(date)"
        case .recordPlacement(let company, let from): return "the placement at \(company) from \(from)"
        case .recordStory(let title): return "the change story \u{201C}\(title)\u{201D}"
        case .recordProgress(let date): return "the progress note of \(date)"
        case .recordPlan(let goal, let milestones):
            switch milestones {
            case 0: return "the plan \u{201C}\(goal)\u{201D}"
            case 1: return "the plan \u{201C}\(goal)\u{201D} and its milestone with its progress notes"
            default: return "the plan \u{201C}\(goal)\u{201D} and its \(milestones) milestones with their progress notes"
            }
        case .menuNewPlan: return "New plan"
        case .plansBefore(let count): return count == 1 ? "1 plan before this one:" : "\(count) plans before this one:"
        case .planOverHint: return "This plan is over: P (new-plan) begins the next one."
        case .planStillRunning(let goal):
            return "The plan \u{201C}\(goal)\u{201D} still runs: end it or mark it completed first (Tab to it, e)."
        // MARK: Households
        case .keyHousehold: return "household"
        case .keyHouseholdHelp: return "the citizen's household: every member's plan, milestones and next meeting"
        case .keyAddMember: return "add member"
        case .keyAddMemberHelp: return "add a member: existing citizens first, by search as you type, or a new citizen"
        case .keyEditRelation: return "relation"
        case .keyEditRelationHelp: return "change the selected member's place in the household"
        case .keyRemoveMember: return "take out"
        case .keyRemoveMemberHelp: return "take the selected member out of the household (their plan and meetings stay)"
        case .keyHouseholdMeeting: return "family meeting"
        case .keyHouseholdMeetingHelp: return "a meeting with the household: it shows in each present member's history"
        case .keyChooseMember: return "choose"
        case .keyChooseMemberHelp: return "add the selected citizen, or create the new one"
        case .householdTitle(let name, let members):
            return "Household \u{201C}\(name)\u{201D}: " + counted(members, "member", "members")
        case .householdRelation(let relation):
            switch relation {
            case .parent: return "parent"
            case .child: return "child"
            case .partner: return "partner"
            case .other: return "other"
            }
        case .householdNoRelation: return "relation not given"
        case .householdNoPlan: return "No plan yet"
        case .householdMilestones(let achieved, let total): return "\(achieved) of \(total) milestones achieved"
        case .householdNextMeeting(let when): return "Next meeting \(when)"
        case .householdNoNextMeeting: return "No next meeting agreed"
        case .memberSearchPrompt: return "Add to the household: "
        case .memberSearchTitle: return "Existing citizens first"
        case .memberSearchNew(let name): return "New citizen \u{201C}\(name)\u{201D}"
        case .memberSearchTypeName: return "New citizen (type the name)"
        case .memberSearchNoHits: return "No citizen found: Enter creates a new one"
        case .formNewHousehold(let name): return "New household for \(name)"
        case .formHouseholdMember(let name): return "\(name) in the household"
        case .formNewHouseholdMember: return "New citizen in the household"
        case .labelRelation: return "Relation"
        case .removeMemberQuestion(let name, let household):
            return "Take \(name) out of the household \u{201C}\(household)\u{201D}? Their plan and meetings stay."
        case .memberRemoved(let name): return "\(name) is no longer in the household."
        case .meetingWithHousehold: return "with the household"
        // MARK: Activities
        case .keyActivities: return "activities"
        case .keyActivitiesHelp: return "Group activities by date, who took part and came"
        case .keyNewActivity: return "new activity"
        case .keyNewActivityHelp: return "Add a group activity"
        case .activitiesTitle: return "Activities"
        case .activitiesEmpty: return "No activities yet. a adds one."
        case .activitySignedUp(let count): return "\(count) signed up"
        case .activityCame(let came, let total): return "\(came) of \(total) came"
        case .formNewActivity: return "New activity"
        case .formEditActivity(let title): return "Activity: \(title)"
        case .labelStartTime: return "Starts at"
        case .labelRuns(let name): return "Runs: \(name)"
        case .activityRunBy: return "Run by"
        case .activityParticipants: return "Participants"
        case .activityNoParticipants: return "No participants yet. a adds one by name."
        case .participantCame: return "came"
        case .participantSignedUp: return "signed up"
        case .participantDidNotCome: return "did not come"
        case .keyAddParticipant: return "add participant"
        case .keyAddParticipantHelp: return "Find a citizen by name as you type and add them"
        case .keyMarkCame: return "came"
        case .keyMarkCameHelp: return "Mark the participant as having come, or not"
        case .keyRemoveParticipant: return "remove"
        case .keyRemoveParticipantHelp: return "Take the participant off the activity (asks first)"
        case .participantSearchPrompt: return "Add participant: "
        case .participantSearchHint: return "type a name; \u{2191}\u{2193} choose, Enter adds, Esc closes"
        case .participantSearchNone(let query): return "No citizen found for \u{201C}\(query)\u{201D}."
        case .participantAdded(let name): return "\(name) added."
        case .participantRemoved(let name): return "\(name) removed from the activity."
        case .participantMarkedCame(let name): return "\(name) came."
        case .participantMarkedNotCome(let name): return "\(name) did not come."
        case .removeParticipantQuestion(let name, let activity):
            return "Take \(name) off \u{201C}\(activity)\u{201D}? Whether they came goes with it."
        case .fieldActivities: return "Activities"
        // MARK: Many at once: tagging citizens, and handing over, printing and exporting the tagged
        case .keyTag: return "tag"
        case .keyTagged(let count): return "\(count) tagged"
        case .keyTagHelp: return "Tag or untag the selected citizen, and go to the next row"
        case .keyTagFound: return "tag found"
        case .keyTagFoundHelp: return "Tag every citizen the search found"
        case .keyUntagAll: return "untag"
        case .keyUntagAllHelp: return "Untag every tagged citizen"
        case .keyHandover: return "hand over"
        case .keyHandoverHelp: return "Hand the tagged (or the selected) citizens over to another professional"
        case .keyExport: return "export"
        case .keyExportHelp: return "Export the tagged (or the selected) citizens into one file"
        case .keyPrintTaggedHelp: return "Print the plans of the tagged citizens (PDF or text files)"
        case .paneTagged(let count): return "\(count) tagged"
        case .rowTagged(let name, let count): return "Tagged \(name) (\(count) tagged)."
        case .rowUntagged(let name, let count): return "Untagged \(name) (\(count) tagged)."
        case .tagNeedsSearch: return "Search first (/): + tags every citizen the search found."
        case .taggedFound(let query, let found, let added, let count):
            let citizens = found == 1 ? "1 citizen" : "\(found) citizens"
            return "Tagged \(added) of the \(citizens) found by \u{201C}\(query)\u{201D} (\(count) tagged)."
        case .nothingTagged: return "Nothing is tagged."
        case .untaggedAll(let count): return count == 1 ? "Untagged 1 citizen." : "Untagged \(count) citizens."
        case .namesAndMore(let names, let more):
            if more > 0 { return names.joined(separator: ", ") + " and \(more) more" }
            guard names.count > 1, let last = names.last else { return names.first ?? "" }
            return names.dropLast().joined(separator: ", ") + " and " + last
        case .formPrintPlans(let count, let names):
            return count == 1 ? "Print the plan of 1 citizen: \(names)" : "Print the plans of \(count) citizens: \(names)"
        case .fieldPrintFormat: return "As"
        case .fieldPrintFolder: return "Into the folder"
        case .printFormatPDF: return "PDF files (to the printer when lp is set up)"
        case .printFormatText: return "text files"
        case .printTaggedQuestion(let count, let names, let text, let folder):
            let files = text ? "text files" : "PDF files"
            return count == 1 ? "Print the plan of 1 tagged citizen as a \(text ? "text" : "PDF") file into \(folder) (\(names))?"
                : "Print the plans of \(count) tagged citizens as \(files) into \(folder) (\(names))?"
        case .exportTaggedQuestion(let count, let names):
            return count == 1 ? "Export 1 tagged citizen (\(names)) into one file?"
                : "Export \(count) tagged citizens (\(names)) into one file?"
        case .plansPrinted(let count, let total, let folder, let sent):
            var text = count == total ? (count == 1 ? "Printed 1 plan into \(folder)." : "Printed \(count) plans into \(folder).")
                : "Printed \(count) of \(total) plans into \(folder)."
            if let sent { text += sent == count ? " All went to the printer." : " \(sent) went to the printer." }
            return text
        case .notPrintedBecause(let name, let reason): return "Not \(name): \(reason)."
        case .citizensExported(let count, let path):
            return count == 1 ? "Exported 1 citizen to \(path)." : "Exported \(count) citizens to \(path)."
        case .exportNotWritten(let detail): return "The export could not be written: \(detail)"
        case .formHandover(let count, let names):
            return count == 1 ? "Hand over 1 citizen: \(names)" : "Hand over \(count) citizens: \(names)"
        case .fieldHandoverFrom: return "From"
        case .fieldHandoverTo: return "To"
        case .fieldHandoverReason: return "Reason"
        case .errorHandoverSameProfessional: return "is the professional handing over; choose another one"
        case .handoverQuestion(let count, let names, let from, let to):
            let citizens = count == 1 ? "1 citizen" : "\(count) citizens"
            return "Hand over \(citizens) from \(from) to \(to) (\(names))?"
        case .handedOver(let count, let from, let to):
            let citizens = count == 1 ? "1 citizen" : "\(count) citizens"
            return "Handed \(citizens) over from \(from) to \(to)."
        case .handoverAdministratorsOnly:
            return "Only an administrator may hand citizens over to another professional; ask yours to do it."
        case .handoverNotOnTeam(let name): return "\(name) is not on that professional\u{2019}s team; nothing was handed over."
        case .handoverNoCommonProfessional(let count):
            return count == 1 ? "The citizen has no professional on their team to hand over from."
                : "No professional is on the teams of all \(count) tagged citizens; tag the citizens of one professional."

        // MARK: Strict import and clear messages
        case .importFileIsFolder(let path):
            return "\(path) is a folder, not a document; name the JSON file to import"
        case .importFileMissing(let path): return "there is no file \(path) to import; check the name"
        case .optionNeedsPath(let option): return "the option \(option) needs a path (it was given an empty one)"

        // MARK: Live screens
        case .liveChangedWhileEditing(let name, let time):
            return "Changed by \(name) at \(time) while you edit; saving will ask"
        case .liveDeletedWhileEditing(let name, let time):
            if let name, let time { return "Deleted by \(name) at \(time) while you edit; it can no longer be saved (Esc closes the form)" }
            return "Deleted elsewhere while you edit; it can no longer be saved (Esc closes the form)"
        case .liveShownRecordDeleted(let name, let time):
            if let name, let time { return "What you were looking at was deleted by \(name) at \(time)." }
            return "What you were looking at was deleted elsewhere."
        case .liveShownCitizenHidden:
            return "The citizen you were looking at is no longer shared with you (a consent withdrawn or ended)."
        case .liveConflictTitle(let title): return "Changed while you edit: \(title)"
        case .liveConflictIntro(let name, let time):
            return "\(name) saved this at \(time), after you opened the form. Choose for each field which value to keep; Enter goes back to the form on their version, and nothing is saved until you save it."
        case .liveConflictYours: return "Yours"
        case .liveConflictBackToForm: return "Back in your form, as you left it; saving will ask again."
        // MARK: Trustworthy backup and check, read-only commands
        case .databaseFile(let path, let problem):
            switch problem {
            case .missing:
                return "there is no database at \(path). Check --db, or create one with 'trinvis demo --db \(path)' or by starting 'trinvis'."
            case .directory:
                return "\(path) is a directory, not a database file. Give the path of the database file itself with --db (for example \(path)/trinvis.sqlite)."
            case .readOnlyMedium:
                return "\(path) is on a read-only medium: Trinvis can read it there ('trinvis check', 'report', 'calendar' and 'audit' work) but not change it. Remount the medium read-write, or copy the database to a writable place; the file is not damaged."
            case .diskFull:
                return "the disk holding \(path) is full, so SQLite cannot open or write it. Free some space on that disk and try again; the database is not damaged by this, do not restore a backup over it."
            case .empty:
                return "\(path) is empty: it holds no database yet. Check --db; starting 'trinvis' or 'trinvis import' makes a new database there."
            case .notSQLite:
                return "\(path) is not a database file at all (it does not begin as SQLite files do). Check that --db names your Trinvis database; Trinvis changes nothing in this file."
            case .foreign(let tables):
                let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
                return "\(path) is another program's SQLite database (tables: \(shown)), not Trinvis's. Check --db; Trinvis adds nothing to this file."
            case .needsMigration(let missing):
                return "\(path) was written by an older Trinvis: \(missing.count == 1 ? "1 step of its schema is" : "\(missing.count) steps of its schema are") still to be applied, and this command only reads, so it changes nothing. Start 'trinvis --db \(path)' once (it brings the database up to date), then try again."
            case .unfinishedBackup:
                return "\(path) is the temporary file of a 'trinvis backup' that did not finish; it is no backup. Delete it and run 'trinvis backup' again."
            case .unreadable(let reason):
                return "\(path) cannot be read (\(reason)). Check the path and its permissions; the file itself may be fine."
            }
        case .checkNewer(let path, let steps):
            return "\(path) was written by a newer version of Trinvis (schema steps unknown here: \(steps.joined(separator: ", "))). Update Trinvis to check or open it; the file is not damaged, do not restore a backup over it."
        case .checkNote(let note):
            switch note {
            case .readOnlyMedium:
                return "  note: the file is on a read-only medium: it can be read (check, report, calendar, audit), not changed; export and print are refused there because they must be logged."
            case .diskFull:
                return "  note: its disk is full: nothing can be saved until you free some space there."
            case .olderSchema(let steps):
                return "  note: written by an older Trinvis; \(steps) schema step\(steps == 1 ? " is" : "s are") applied the next time it is opened for changes ('trinvis')."
            }
        case .readOnlyNeedsLog(let path):
            return "\(path) cannot be written (a read-only medium), and what leaves Trinvis is written to the access log first, so nothing was exported or printed. Remount it read-write or copy the database to a writable place; 'trinvis report', 'calendar' and 'audit' work on a read-only medium."
        case .backupRefusedDamaged(let path, let problems):
            return "the database is damaged, so no backup was written to \(path): a copy would carry the damage. Keep the database file as it is; 'trinvis check' tells more, and 'trinvis backup --force \(path)' keeps such a copy anyway to rescue what can be read.\n"
                + problems.prefix(10).map { "  " + $0 }.joined(separator: "\n")
        case .backupWrittenDamaged(let path, let problems):
            return "Wrote a copy of the DAMAGED database to \(path) (--force). It is no sound backup: \(problems.count) problem\(problems.count == 1 ? "" : "s") came along.\n"
                + problems.prefix(10).map { "  " + $0 }.joined(separator: "\n")
        case .outputDiskFull(let path):
            return "the disk is full: \(path) was not written, and nothing half-written was left. Free some space and try again."
        case .standardOutputFull:
            return "the disk is full: the output could not be written completely. Free some space and try again."

        // MARK: Sync import and conflicts
        case .syncImported(let from, let sequence, let inserted, let updated, let deleted, let erased, let conflicts):
            var text = "Applied file \(sequence) from \(from): \(inserted) records added, \(updated) changed, \(deleted) deleted"
            if erased > 0 { text += ", \(erased) citizens no longer shared erased" }
            text += conflicts == 0 ? "." : "; \(conflicts) fields were changed on both sides: both versions are kept, open the conflicts view (K) to choose."
            return text
        case .syncAlreadyApplied(let from, let sequence): return "File \(sequence) from \(from) was already applied, nothing changed."
        case .syncFileIsFolder(let path): return "\(path) is a folder, not a sync file; name the file to apply"
        case .syncFileMissing(let path): return "there is no file \(path) to apply; check the name"
        case .syncNotASyncFile: return "This is not a Trinvis sync file; nothing was changed."
        case .syncDamaged: return "The sync file is truncated or damaged; nothing was changed. Ask for it to be sent again."
        case .syncMeantForAnotherInstallation(let organisation):
            return "The sync file is meant for another installation (\(organisation)); nothing was changed."
        case .syncOutOfOrder(let missing):
            return "The sync file is out of order: file \(missing) is missing. Apply it first; nothing was changed."
        case .conflictRemoteCannotBeTaken:
            return "The other version cannot be put in place (the record is gone here or would clash); keep this one or enter it by hand."
        case .conflictAlreadyResolved: return "This conflict was settled already."
        case .conflictsTitle(let count): return "Sync conflicts (\(count) open)"
        case .conflictsNone: return "No open conflicts: everything that arrived could be applied."
        case .conflictHere: return "Here"
        case .conflictThere: return "From the other place"
        case .conflictDeletedThere: return "(deleted there)"
        case .conflictGoneHere: return "(deleted here)"
        case .conflictFrom(let by): return "changed by \(by)"
        case .conflictResolvedLocal: return "Kept the version here."
        case .conflictResolvedRemote: return "Took the version from the other place."
        case .conflictsInCitizenView(let count):
            return count == 1 ? "1 field has an open sync conflict: K shows both versions."
                : "\(count) fields have open sync conflicts: K shows both versions."
        case .commandConflicts: return "Sync conflicts: both versions side by side"
        case .commandConflictKeepLocal: return "Keep the version here"
        case .commandConflictTakeRemote: return "Take the version from the other place"
        case .keyConflicts: return "conflicts"
        case .keyConflictKeepLocal: return "keep here"
        case .keyConflictTakeRemote: return "take theirs"
        case .conflictKeepLocalQuestion(let kind, let field):
            return "Keep the \(kind)'s \(field) as it is here?"
        case .conflictTakeRemoteQuestion(let kind, let field):
            return "Take the \(kind)'s \(field) from the other place?"
        case .conflictTakeDeletionQuestion(let kind):
            return "Delete the \(kind) here too, as at the other place?"
        case .conflictWholeRecord: return "whole record"
        case .conflictChangedHere: return "(changed here; kept as it is)"
        case .conflictRecordKind(let kind): return kind
        case .conflictColumn(let column): return Self.englishColumns[column] ?? column.replacingOccurrences(of: "_", with: " ")
        // MARK: Waiting for the write lock (no lock errors in ordinary use)
        case .lockHolder(let holder):
            guard let holder else { return "another user\u{2019}s save" }
            let work: String
            switch holder.work {
            case .importing: work = "an import"
            case .syncing: work = "a sync"
            case .saving: work = "a save"
            }
            if holder.isSameAccount { return work + " in another window of yours" }
            return holder.account.map { "\(work) by \($0)" } ?? (holder.work == .saving ? "another user\u{2019}s save" : work)
        case .waitingToSave(let holder):
            return "Waiting for \(english(.lockHolder(holder))) to finish; your save goes through then (the text is kept)."
        case .gaveUpWaiting(let holder, let seconds):
            return "Not saved: the database stayed busy for \(seconds) s with \(english(.lockHolder(holder))). "
                + "Your text is kept; press F2 to try again."
        case .waitingForWriteLock(let holder):
            return "Waiting for \(english(.lockHolder(holder))) to finish\u{2026}"
        }
    }

    static func english(databaseAdvice error: DatabaseError) -> String {
        if error.isBusy { return "the database stayed busy for 30 seconds in another Trinvis window or program; try again when it is done" }
        if error.isFull { return "the disk is full; free some space and try again, nothing was saved" }
        if error.isCorrupt { return "the database file is damaged or is not a Trinvis database; restore it from a backup" }
        if error.isReadOnlyOrCannotOpen { return "the database file cannot be opened for writing; check the path and its permissions" }
        return "the database reported an error"
    }

    static func english(storeError error: StoreError) -> String {
        switch error {
        case .notFound(let kind, _): return "the \(kind) does not exist any more; it may have been deleted in another window"
        case .conflict(let kind, _, let changedBy, _):
            return "\(changedBy) changed this \(kind) after you opened it. Your text is kept; look at their change and save again"
        case .accessDenied: return "you do not have access to this citizen's records"
        case .invalid(let validation): return english(validation: validation)
        case .inUse(let kind, _): return "the \(kind) is still used by other records and cannot be deleted"
        case .duplicate(let kind, let detail): return "another \(kind) already has this \(detail)"
        case .administratorsOnly: return "only an administrator may do this"
        }
    }

    static func english(validation error: ValidationError) -> String {
        "\(error.field): " + english(problem: error.problem)
    }

    /// What is wrong with a value, without the field's name (shown beside the field).
    static func english(problem: ValidationProblem) -> String {
        switch problem {
        case .required: return "must be filled in"
        case .tooLong(let maximum): return "longer than \(maximum) characters"
        case .invalidCPR(.notTenDigits): return "a CPR number has ten digits (DDMMYY-XXXX)"
        case .invalidCPR(.notADate): return "the first six digits must be a date (DDMMYY)"
        case .cprDoesNotMatchBirthDate: return "does not match the birth date"
        case .cprNotHeld: return "the citizen's organisation does not hold CPR numbers; leave it empty"
        case .notInHousehold: return "not a member of the citizen's household"
        case .before(let other, let date): return "lies before \(other) (\(Localizer(.english).date(date)))"
        case .outOfRange(let range): return "must be between \(range.lowerBound) and \(range.upperBound)"
        case .invalidEmail: return "not an e-mail address"
        case .unknownValue(let allowed): return "must be one of \(allowed.joined(separator: ", "))"
        }
    }
}

// MARK: The right-of-access letter

extension Catalog {
    /// A category of information, as the citizen would name it (lower case).
    static func english(accessCategory category: DataCategory) -> String {
        switch category {
        case .contact: return "your contact details"
        case .plan: return "your plan"
        case .meetings: return "your meetings"
        case .profile: return "your profile"
        case .results: return "your results"
        }
    }

    /// What a change was about, with its article.
    static func english(accessSubject subject: AccessLetter.Subject) -> String {
        switch subject {
        case .contact: return "your name and contact details"
        case .team: return "a professional on your team"
        case .consent: return "a consent"
        case .resource: return "a note on your resources"
        case .vision: return "a note on your wishes"
        case .plan: return "your plan"
        case .milestone: return "a step of your plan"
        case .progressNote: return "a note on a step of your plan"
        case .meeting: return "a meeting"
        case .agreement: return "an agreement"
        case .assessment: return "an assessment of how things are going"
        case .outcome: return "a result"
        case .placement: return "an internship or job"
        case .story: return "a story of what changed"
        case .responsibility: return "who is responsible for you"
        case .link: return "a link between two records"
        }
    }

    /// "6 months", "5 years", "90 days".
    static func english(duration days: Int) -> String {
        switch Catalog.duration(days) {
        case .years(let count): return counted(count, "year", "years")
        case .months(let count): return counted(count, "month", "months")
        case .days(let count): return counted(count, "day", "days")
        }
    }

    /// "deleted the meeting of 2026-11-12 and its 2 agreements".
    static func english(change summary: ChangeSummary) -> String {
        let subject = english(changeSubject: summary.subject)
        var parts = ""
        if let kind = summary.parts {
            let one: String, many: String
            switch kind {
            case .agreements: (one, many) = ("agreement", "agreements")
            case .progressNotes: (one, many) = ("progress note", "progress notes")
            case .milestones: (one, many) = ("milestone", "milestones")
            }
            parts = summary.partCount == 1 ? " and its \(one)" : " and its \(summary.partCount) \(many)"
        }
        switch summary.action {
        case .added: return "added \(subject)\(parts)"
        case .changed: return "changed \(subject)"
        case .deleted: return "deleted \(subject)\(parts)"
        case .markedDone: return "marked \(subject) done"
        case .markedOpen: return "opened \(subject) again"
        case .achieved: return "marked \(subject) achieved"
        case .reopened: return "marked \(subject) not achieved"
        case .archived: return "archived \(subject)"
        case .unarchived: return "brought \(subject) back into the list"
        }
    }

    /// "the meeting of 2026-11-12", "the agreement “Call the landlord”".
    static func english(changeSubject subject: ChangeSummary.Subject) -> String {
        let say = Localizer(.english)
        switch subject {
        case .citizen(let name), .professional(let name): return name
        case .plan(let goal): return "the plan \u{201C}\(goal)\u{201D}"
        case .milestone(let title): return "the milestone \u{201C}\(title)\u{201D}"
        case .progressNote(let date): return "the progress note of \(say.date(date))"
        case .meeting(let date): return "the meeting of \(say.date(date))"
        case .agreement(let text): return "the agreement \u{201C}\(text)\u{201D}"
        case .teamMember: return "a team member"
        case .teams(let citizens): return "the teams of \(citizens) citizens"
        case .consent: return "a consent"
        case .resources: return "the resource profile"
        case .vision: return "the wishes and visions"
        case .assessment(let date): return "the assessment of \(say.date(date))"
        case .outcome(let date): return "the result of \(say.date(date))"
        case .placement: return "a placement"
        case .story(let title): return "the change story \u{201C}\(title)\u{201D}"
        case .household(let name): return "the household \u{201C}\(name)\u{201D}"
        case .activity(let title): return "the activity \u{201C}\(title)\u{201D}"
        case .organisation(let name): return "the organisation \u{201C}\(name)\u{201D}"
        case .records: return "the records"
        }
    }

    /// The fields a sync conflict names, by column, in words.
    static let englishColumns: [String: String] = [
        "name": "name", "kind": "kind", "holds_cpr": "may hold CPR", "trade": "trade", "contact_person": "contact person",
        "phone": "phone", "email": "e-mail", "notes": "notes", "note": "note", "role": "role", "organisation_id": "organisation",
        "title": "title", "date": "date", "start_time": "start time", "place": "place", "cpr": "CPR number",
        "birth_date": "birth date", "contact_preference": "contact preference", "household_id": "household",
        "life": "the whole person", "registered_on": "registered on", "meeting_interval_days": "days between meetings",
        "archived_on": "archived on", "household_relation": "relation in the household", "responsible": "responsible",
        "professional_id": "professional", "from_date": "from", "to_date": "to", "scope": "scope", "recipient_id": "recipient",
        "information": "information", "purpose": "purpose", "given_on": "given on", "expires_on": "expires on",
        "withdrawn_on": "withdrawn on", "categories": "categories", "area": "area", "text": "text", "updated_on": "updated on",
        "family": "family", "work": "work", "housing": "housing", "other": "other", "goal": "goal", "effort": "effort",
        "start_date": "start", "end_date": "end", "status": "status", "deadline": "deadline", "stepping_stone": "stepping stone",
        "achieved_on": "achieved on", "author_id": "author", "at_utc": "time", "attendance": "attendance",
        "next_utc": "next meeting", "responsible_id": "responsible", "due": "due", "done_on": "done on", "result": "result",
        "company_id": "company", "score": "score", "dimension": "dimension",
    ]
}
