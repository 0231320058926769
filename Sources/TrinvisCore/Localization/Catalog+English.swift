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
                  trinvis export [--citizen ID] [-o FILE]
                                                    write an interchange document (stdout by default)
                  trinvis report [--from DATE] [--to DATE] [--organisation ID] [--format text|csv|json]
                                                    the results report
                  trinvis calendar [-o FILE] [--full-names]
                                                    your coming meetings as iCalendar for Outlook and
                                                    other calendars (stdout by default; citizens
                                                    named "Svend M." unless --full-names)
                  trinvis check                     integrity and foreign-key check of the database
                  trinvis backup FILE               consistent copy of the database while in use

                Options:
                  --db PATH         the database (default: $TRINVIS_DB, else
                                    $XDG_DATA_HOME/trinvis/trinvis.sqlite, else
                                    ~/.local/share/trinvis/trinvis.sqlite)
                  --user NAME       who you are (default: your login name)
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

        case .failure(let text): return "trinvis: \(text)"
        case .noDatabase(let path):
            return "there is no database at \(path). Check --db, or create one with 'trinvis demo --db \(path)' or by starting 'trinvis'."
        case .databaseNewer(let path):
            return "the database \(path) was written by a newer version of Trinvis. Update Trinvis to open it; nothing was changed."
        case .database(let error):
            return english(databaseAdvice: error) + " (" + error.message + ")"
        case .store(let error): return english(storeError: error)
        case .cannotReadFile(let path, let reason): return "cannot read \(path): \(reason)"
        case .cannotWriteFile(let path, let reason):
            return "cannot write \(path): \(reason). Nothing was written; check the folder and the free space."
        case .fileExists(let path): return "\(path) exists already. Choose another name or remove it first."
        case .citizenNotFound(let name): return "no citizen matches '\(name)'. Give an id or a part of the name."
        case .citizenAmbiguous(let name, let candidates):
            return "'\(name)' matches several citizens: \(candidates.joined(separator: "; ")). Give the id or more of the name."
        case .organisationNotFound(let name): return "no organisation matches '\(name)'."
        case .importFailed(let detail): return "import failed, nothing was changed: \(detail)"
        case .terminalUnusable(let detail): return "cannot use this terminal: \(detail)"
        case .notATerminal:
            return "the full-screen interface needs a terminal; standard input and output must not be redirected. Run trinvis directly in a terminal window."
        case .unknownTerminal(let term) where term.isEmpty:
            return "the terminal type is not set (TERM is empty). Set TERM to your terminal's type, for example: export TERM=xterm-256color"
        case .unknownTerminal(let term):
            return "the terminal type \"\(term)\" (TERM) is unknown on this system. Set TERM to a known type, for example: export TERM=xterm-256color"
        case .unusableTerminal(let term):
            return "the terminal type \"\(term)\" (TERM) cannot show a full-screen program. Use a terminal emulator such as xterm, or set TERM to its type."

        case .demoWritten(let path, let citizens): return "Wrote a demo database with \(citizens) citizens to \(path)."
        case .backupWritten(let path): return "Wrote a consistent copy of the database to \(path)."
        case .checkHealthy(let path, let citizens): return "\(path): healthy (integrity and foreign keys checked, \(citizens) citizens)."
        case .checkProblems(let path, let problems):
            return "\(path): damaged. Restore it from a backup.\n" + problems.map { "  " + $0 }.joined(separator: "\n")
        case .imported(let created, let updated): return "Imported: \(created) records created, \(updated) updated."
        case .progress(let what, let done, let total): return "\(what) \(done)/\(total)"
        case .progressImport: return "Importing"
        case .progressExport: return "Exporting"
        case .progressDemo: return "Writing demo data"
        case .calendarWritten(let path, let meetings):
            return meetings == 1 ? "Wrote a calendar with 1 coming meeting to \(path)."
                : "Wrote a calendar with \(meetings) coming meetings to \(path)."
        case .calendarNotRegistered(let username):
            return "the user name \(username) is not registered as a professional, so the calendar is empty. Use --user with your Trinvis user name."
        case .calendarSummary(let name): return "Meeting with \(name)"
        case .calendarDescription(let kind, let date, let citizen):
            return "Agreed at the last meeting (\(kind), \(date)). Citizen no. \(citizen) in Trinvis."

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
        }
    }

    static func english(databaseAdvice error: DatabaseError) -> String {
        if error.isBusy { return "the database is busy in another Trinvis window or program; wait a moment and try again" }
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
        }
    }

    static func english(validation error: ValidationError) -> String {
        switch error.problem {
        case .required: return "\(error.field): must be filled in"
        case .tooLong(let maximum): return "\(error.field): longer than \(maximum) characters"
        case .invalidCPR(.notTenDigits): return "\(error.field): a CPR number has ten digits (DDMMYY-XXXX)"
        case .invalidCPR(.notADate): return "\(error.field): the first six digits must be a date (DDMMYY)"
        case .cprDoesNotMatchBirthDate: return "\(error.field): does not match the birth date"
        case .before(let other, let date): return "\(error.field): lies before \(other) (\(date.iso))"
        case .outOfRange(let range): return "\(error.field): must be between \(range.lowerBound) and \(range.upperBound)"
        case .invalidEmail: return "\(error.field): not an e-mail address"
        case .unknownValue(let allowed): return "\(error.field): must be one of \(allowed.joined(separator: ", "))"
        }
    }
}
