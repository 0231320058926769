/// Everything the interface says, as values. The catalogs turn them into text.
package enum Phrase: Sendable, Equatable {
    // MARK: Command line
    /// The whole `--help` text.
    case usage
    /// `trinvis 0.1.0`.
    case version(String)
    /// A usage error, with the pointer to `--help`.
    case usageError(String)
    case unknownCommand(String)
    case unknownOption(String)
    case missingValue(option: String)
    case unexpectedArgument(String)
    case missingArgument(String)
    case invalidDate(option: String, value: String)
    case invalidChoice(option: String, value: String, allowed: [String])
    case invalidLanguage(String)
    case dateRangeReversed(from: String, to: String)
    /// `print-plan --format pdf` without `-o FILE` while standard output is a terminal.
    case pdfNeedsOutput

    // MARK: Failures
    /// A failure with what to do, prefixed by "trinvis: ".
    case failure(String)
    case noDatabase(path: String)
    case databaseNewer(path: String)
    case database(DatabaseError)
    case store(StoreError)
    /// Who you are does not let you open the database (no professional, `--user` refused).
    case identity(IdentityError)
    case cannotReadFile(path: String, reason: String)
    case cannotWriteFile(path: String, reason: String)
    case fileExists(path: String)
    case citizenNotFound(String)
    case citizenAmbiguous(String, candidates: [String])
    case organisationNotFound(String)
    /// A name that matches several organisations (each "id name").
    case organisationAmbiguous(String, candidates: [String])
    // MARK: Sync export and status
    /// `trinvis sync export`: what the file holds, written to `path` (nil: standard output).
    case syncExported(peer: String, sequence: Int64, citizens: Int, erased: Int, rows: Int, path: String?)
    /// A sync file is binary: it goes to `-o FILE` or a pipe, never to the terminal.
    case syncExportNeedsOutput
    /// Why an export was refused.
    case syncNoOrganisation(username: String)
    case syncOwnOrganisation(name: String)
    case syncExportsMadeAs(organisation: String, peer: String)
    case syncExportBusy(peer: String)
    /// `trinvis sync status`: no peer yet, or one line per peer.
    case syncNoPeers
    case syncPeer(SyncPeerStatus, shownID: Int64, sent: String?, received: String?)
    case importFailed(String)
    case terminalUnusable(String)
    case notATerminal
    case unknownTerminal(term: String)
    case unusableTerminal(term: String)

    // MARK: Results of commands
    case demoWritten(path: String, citizens: Int)
    case backupWritten(path: String)
    /// `full`: SQLite's whole integrity check ran, not only the quick one.
    case checkHealthy(path: String, citizens: Int, full: Bool)
    case checkProblems(path: String, problems: [String])
    case imported(created: Int, updated: Int)
    case progress(what: String, done: Int, total: Int)
    case progressImport
    case progressExport
    case progressDemo
    /// `trinvis calendar -o FILE` wrote the file.
    case calendarWritten(path: String, meetings: Int)
    /// `trinvis calendar` for a user name that is no professional: the calendar is empty.
    case calendarNotRegistered(username: String)

    // MARK: Calendar
    /// The SUMMARY of a coming meeting's event.
    case calendarSummary(name: String)
    /// The DESCRIPTION of a coming meeting's event: the kind and day of the meeting where it was
    /// agreed and the citizen's id in Trinvis.
    case calendarDescription(kind: String, date: String, citizen: Int64)

    // MARK: Protection
    /// The access log could not be written (the interface keeps the entries and tries again).
    case accessLogNotWritten
    case adminOrganisationAdded(id: Int64, name: String)
    case adminOrganisationSaved(id: Int64, name: String)
    /// Whether the organisation may hold CPR numbers (after `admin organisation add|set`).
    case adminOrganisationCPR(holds: Bool)
    case adminProfessionalSaved(id: Int64, name: String)
    /// `account` nil: the professional has no account any more.
    case adminAccountLinked(name: String, account: String?)
    case adminHandoverDone(citizens: Int, from: String, to: String)
    case professionalNotFound(String)

    // MARK: Access log
    /// `trinvis audit --verify` found both chains unbroken.
    case auditIntact(lookups: Int, changes: Int, lookupHash: String, changeHash: String)
    /// `trinvis audit --verify` found the first break.
    case auditBroken(id: Int64, chain: String, kind: AccessLogProblem.Kind)
    /// `trinvis audit --prune` removed entries older than the retention.
    case auditPruned(lookups: Int, changes: Int, lookupDays: Int, changeDays: Int)
    /// The citizen of an entry in `trinvis audit`'s text form.
    case auditCitizen(Int64)

    // MARK: Shared installation
    /// A setgid Trinvis cannot read `/etc/trinvis/trinvis.conf`.
    case sharedConfigurationUnreadable(path: String, reason: String)
    /// The configuration has a line that is not `database = /ABSOLUTE/PATH` (0: no such line).
    case sharedConfigurationInvalid(path: String, line: Int)
    /// `--db` names another database than the shared installation's.
    case sharedDatabaseOnly(path: String)
    /// The shared installation's database does not exist yet.
    case sharedDatabaseMissing(path: String)
    /// The shared database's -wal or -shm file is missing or belongs to a person.
    case sharedDatabaseFilesNotReady(path: String)
    /// `trinvis backup` in a shared installation by someone who is not an administrator.
    case sharedBackupAdministratorsOnly
    /// Others may read the database or its companions: a warning with the command that fixes it.
    case databaseFilesExposed(files: [String], command: String)
    // MARK: Erasure and archiving
    /// `trinvis erase` on a terminal: type the citizen's full name to go on.
    case eraseConfirmPrompt(citizen: Int64)
    /// `trinvis erase` without `--yes` while standard input is no terminal.
    case eraseNeedsConfirmation
    /// The typed name was not the citizen's: nothing was erased.
    case eraseNameMismatch
    /// An erasure refused for its reason.
    case erasure(ErasureError)
    /// What an erasure removed: rows in all, per table, printed files.
    case erased(citizen: Int64, rows: Int, files: Int)
    case erasedTable(table: String, rows: Int)
    case erasedFileNotRemoved(path: String, reason: String)
    /// Another connection kept the WAL from being emptied.
    case erasedWALBusy
    /// `d` on a citizen: end the course and archive (nothing is deleted).
    case archiveQuestion(String)
    /// The citizen was archived.
    case archived
    /// `d` on an archived citizen: bring them back into the list.
    case unarchiveQuestion(String)
    /// The citizen is back in the list.
    case unarchived(String)
    /// `A`: archived citizens are now shown in the list, or hidden again.
    case archivedShown, archivedHidden
    /// The mark of an archived citizen's row, and the citizen list's title while they are shown.
    case archivedMark, paneWithArchived
    /// The citizen view of an archived citizen.
    case fieldArchived
    /// The key that shows and hides archived citizens.
    case keyArchived, keyArchivedHelp
    // MARK: CPR and duplicates
    /// `trinvis admin duplicates` found none.
    case duplicatesNone
    /// One line of `trinvis admin duplicates`.
    case duplicatePair(first: Int64, firstName: String, firstOrganisation: String, second: Int64, secondName: String,
                       secondOrganisation: String, sameCPR: Bool)
    /// `trinvis admin link` recorded the link.
    case citizensLinked(first: Int64, second: Int64)
    /// The citizen form's warning beside the name: a citizen the user may see looks like the same person.
    case duplicateWarning(name: String, id: Int64, organisation: String)
    /// The form's hint how to act on the warning.
    case duplicateHint
    /// The key label of revealing the CPR number.
    case keyRevealCPR
    /// The key help of revealing the CPR number.
    case helpRevealCPR
    /// The key label of opening the possible duplicate.
    case keyOpenDuplicate
    /// The key help of opening the possible duplicate.
    case helpOpenDuplicate
    /// The message after a CPR number was revealed.
    case cprRevealed
    /// The citizen has no CPR number to reveal.
    case noCPRToReveal

    // MARK: Values
    case organisationKind(OrganisationKind)
    case role(ProfessionalRole)
    case contactPreference(ContactPreference)
    case consentScope(ConsentScope)
    /// What a consent to share lets the recipient see.
    case dataCategory(DataCategory)
    /// The consent form's yes/no field for one category.
    case labelShares(DataCategory)
    /// A consent to share without any category.
    case errorNoCategories
    case planStatus(PlanStatus)
    case milestoneStatus(MilestoneStatus)
    case meetingKind(MeetingKind)
    case attendance(Attendance)
    case dimension(AssessmentDimension)
    case outcomeKind(OutcomeKind)
    case placementKind(PlacementKind)
    case placementResult(PlacementResult)
    case activityKind(ActivityKind)
    /// "in 3 days", "today", "5 days ago".
    case relativeDays(Int)
    /// "14 days".
    case days(Int)
    case yes
    case no

    // MARK: Screens
    case terminalTooSmall
    case paneCitizens
    case paneMilestones
    case paneMeetings
    case agendaTitle
    case helpTitle
    case reportTitle
    case citizenTitle(String)
    case milestoneTitle
    case meetingTitle
    case noCitizens
    case noPlan
    case noMilestones
    case noMeetings
    case noCitizenSelected
    case agendaEmpty
    case agendaNoProfessional(username: String)
    case searchPrompt
    case findPrompt
    case searchHits(Int)
    case searchNoHits(String)
    case findNotFound(String)
    case searchActive(String)
    case goal(String)
    case planEnds(date: String, relative: String)
    case planOpenEnded
    case overdueMarker
    case overdueCount(Int)
    case steppingStone
    case openAgreements(Int)
    case agendaMeeting
    case agendaMilestone
    case agendaAgreement
    /// The agenda as a to-do list: its sections and the follow-up lines.
    case agendaOverdue, agendaToday, agendaThisWeek, agendaLater
    case agendaFollowUp
    case agendaMissedFollowUp(String)
    case agendaNoNextMeeting(last: String?)
    /// `x` on an agenda line that cannot be ticked off.
    case agendaNothingToTick
    /// `x` in a meeting's view: which agreement, or none there.
    case pickAgreementToTick, noAgreementsToTick
    /// `x` where no agreement or milestone is selected.
    case selectAnAgreement
    case milestoneAchieved(String), milestoneReopened(String)
    /// The milestone view's deadline history.
    case deadlineMoved(from: String, to: String, on: String, by: String)
    case fieldDeadlineHistory
    case matchName
    case matchCPR
    case matchText(SearchHitSource)
    case mine
    case helpFooter
    case notRegistered(username: String)

    // MARK: Undo and redo
    /// What a saved change did: "deleted the meeting of 12.11.2026 and its 2 agreements".
    case changeSummary(ChangeSummary)
    /// `u`: "Undone: deleted the meeting of …".
    case undone(ChangeSummary)
    /// Ctrl-R: "Redone: deleted the meeting of …".
    case redone(ChangeSummary)
    case nothingToUndo
    case nothingToRedo
    /// An undo (or a redo) refused, with why; nothing was changed.
    case undoRefused(UndoRefusal, redoing: Bool)
    /// The keys `u` / Ctrl-Z and Ctrl-R.
    case keyUndo, keyUndoHelp, keyRedo, keyRedoHelp

    // MARK: The printed plan (plain words for the citizen)
    /// The printout's title.
    case printTitle
    /// The masked CPR number, labelled.
    case printCPR(String)
    /// When the printout was made.
    case printPrintedOn(String)
    /// "Page 1 of 2".
    case printPage(Int, of: Int)
    case printGoalHeading
    case printPurpose(String)
    case printPeriodHeading
    case printPeriod(from: String, to: String)
    /// A plan without an end date.
    case printPeriodOpen(from: String)
    /// Days until the plan's end (negative: since it ended).
    case printDaysLeft(Int)
    case printNoPlan
    case printMilestonesHeading
    case printNoMilestones
    case printMilestoneState(PlanPrintout.MilestoneState)
    case printDoneOn(String)
    /// A deadline with how far away it is.
    case printDeadline(String, relative: String)
    case printAgreementsHeading
    case printNoAgreements
    /// The citizen, as the one who does something.
    case printYou
    case printWho(String)
    case printBy(String)
    case printNextMeetingHeading
    /// The day and time of a meeting, in full words.
    case printMeetingTime(LocalDate, hour: Int, minute: Int)
    case printPlace(String)
    case printNoNextMeeting
    case printContactHeading
    case printPhone(String)
    case printEmail(String)

    // MARK: The right-of-access letter (plain words for the citizen)
    /// The letter's title.
    case accessTitle
    case accessAboutHeading
    /// The citizen's right to know (GDPR art. 15).
    case accessRight
    /// Who keeps the information (the citizen's organisation; nil: none recorded).
    case accessHolder(String?)
    /// A consent in force: another organisation may see these categories, until a day or not.
    case accessShared(organisation: String, categories: [DataCategory], until: String?)
    case accessRegisteredHeading
    /// A category of information, as the citizen would name it.
    case accessCategory(DataCategory)
    /// What a category holds.
    case accessCategoryContents(DataCategory)
    /// The printer sees only part of the information; the holder has all of it.
    case accessPartial(holder: String?)
    case accessLogHeading
    /// What the log records and how long it keeps it.
    case accessLogExplained(lookupDays: Int, changeDays: Int)
    /// How much the log holds, since its first entry.
    case accessTotals(since: String, lookups: Int, changes: Int, organisations: Int)
    /// How the overview and the list are arranged.
    case accessHowToRead
    /// Whether the professionals are named, and whom to ask for the names.
    case accessNames(shown: Bool, ask: String?)
    case accessNothingLogged
    case accessQuestionsHeading
    /// Whom to ask, and where to complain.
    case accessQuestions(ask: String?)
    /// The heading of an organisation's month-by-month overview.
    case accessOverviewHeading(String)
    /// "March 2026".
    case accessMonth(year: Int, month: Int)
    /// "12 look-ups".
    case accessCount(AccessLetter.Kind, Int)
    /// The heading of a month's entries (the month as `accessMonth` writes it).
    case accessEntriesHeading(String)
    /// One line of the detailed list: who did what, how many times.
    case accessEntry(organisation: String, kind: AccessLetter.Kind, subject: AccessLetter.Subject?, times: Int)
    /// The professional of an entry (administrators' letters only).
    case accessBy(String)
    /// The organisation of an entry without one: an administrator with no organisation.
    case accessNoOrganisation
    // MARK: The printed plan's effort, stepping stones, fonts and print files
    /// The plan's effort (indsats): what is done to reach the goal.
    case printEffort(String)
    /// A step's title marked as a stepping stone.
    case printSteppingStone(String)
    /// The warning on standard error when a PDF is set in the standard fonts, and why.
    case printFontFallback(PDFFontProblem)
    /// A message about a saved printout, noting that it is set in the standard fonts.
    case printedWithStandardFonts(String)
    /// A printer is set up but did not take the plan; where the file is.
    case planPrinterFailed(path: String)
    /// The report went to the printer; where the file is.
    case reportSentToPrinter(path: String)
    /// A printer is set up but did not take the report; where the file is.
    case reportPrinterFailed(path: String)

    // MARK: Key help
    case keyMove
    case keyMoveHelp
    case keyNextPane
    case keyNextPaneHelp
    case keyPreviousPane
    case keyPreviousPaneHelp
    case keyJumpPane
    case keyJumpPaneHelp
    case keyOpen
    case keyOpenHelp
    case keySearch
    case keySearchHelp
    case keyFind
    case keyFindHelp
    case keyNextMatch
    case keyNextMatchHelp
    case keyPreviousMatch
    case keyPreviousMatchHelp
    case keyAgenda
    case keyAgendaHelp
    case keyReport
    case keyReportHelp
    case keyHelp
    case keyHelpHelp
    case keyBack
    case keyBackHelp
    case keyQuit
    case keyQuitHelp
    case keyRedraw
    case keyRedrawHelp
    case keyScroll
    case keyScrollHelp
    case keyAccept
    case keyAcceptHelp
    case keyEditText
    case keyEditTextHelp

    // MARK: The meeting form in the order of the conversation
    /// `+` in the meeting pane: an agreement on the selected meeting (`a` always adds a meeting).
    case keyAddAgreement, keyAddAgreementHelp
    /// `+` where no meeting is selected (the meeting pane is empty).
    case selectAMeeting
    /// Beside the proposed next meeting: the citizen's interval it follows.
    case proposedInterval(days: Int)
    /// In the meeting form's key help: what Enter does on an agreement.
    case keyNextAgreement, keyNextAgreementHelp

    // MARK: Field labels
    case fieldCPR
    case fieldBorn
    case fieldAge
    case fieldPhone
    case fieldEmail
    case fieldPrefers
    case fieldHousehold
    case fieldOrganisation
    case fieldRegistered
    case fieldInterval
    case fieldLife
    case fieldTeam
    case fieldResponsible
    case fieldConsents
    case fieldResources
    case fieldVisions
    case fieldVisionFamily
    case fieldVisionWork
    case fieldVisionHousing
    case fieldVisionOther
    case fieldPlans
    case fieldAssessments
    case fieldOutcomes
    case fieldPlacements
    case fieldStories
    case fieldDeadline
    case fieldStatus
    case fieldAchieved
    case fieldProgress
    case fieldTime
    case fieldKind
    case fieldPlace
    case fieldAttendance
    case fieldAttendees
    case fieldAuthor
    case fieldNotes
    case fieldAgreements
    case fieldNextMeeting
    case fieldDue
    case fieldDone
    case fieldCitizen
    case fieldPurpose
    case fieldEffort
    case fieldPeriod
    case fieldExpires
    case fieldWithdrawn
    case fieldGiven
    case fieldRecipient
    case fieldInformation
    case none

    // MARK: Forms
    case formNewCitizen
    case formEditCitizen(String)
    case formNewPlan(String)
    case formEditPlan(String)
    case formNewMilestone(String)
    case formEditMilestone(String)
    case formProgress(String)
    case formNewMeeting(String)
    case formEditMeeting(String)
    case formNewAgreement(String)
    case formEditAgreement(String)
    case formOutcome(String)
    case formPlacement(String)
    case formStory(String)
    case formVision(String)
    case formResources(String)
    case formTeam(String)
    case formConsent(String)
    case labelName
    case labelBirthDate
    case labelHousehold
    case labelGoal
    case labelStart
    case labelEnd
    case labelTitle
    case labelSteppingStone
    case labelDate
    case labelNote
    case labelText
    case labelWho
    case labelCompany
    case labelFrom
    case labelTo
    case labelResult
    case labelProfessional
    case labelResponsible
    case labelScope
    case labelRecipient
    case labelPurpose
    case labelExpires
    case labelWithdrawn
    case labelGiven
    case labelInformation
    case labelOrganisation
    case labelInterval
    case labelAchievedOn
    case labelNextMeeting
    case labelNotes
    case labelPlace
    case labelTime
    case labelKind
    case labelAttendance
    case labelDue
    case labelDone
    case labelStatus
    case labelEffort
    case errorRequired
    case errorNotADate
    case errorNotATime
    case errorNotANumber
    case saved
    case deleted
    case discardQuestion
    case drafts
    case draftsHelp
    case addMenu
    case needPlan
    case noSelection
    case notEditable
    case keyAdd
    case keyAddHelp
    case keyEdit
    case keyEditHelp
    case keyDelete
    case keyDeleteHelp
    case keySave
    case keySaveHelp
    case keyCancel
    case keyCancelHelp
    case keyNextField
    case keyNextFieldHelp
    case keyPreviousField
    case keyPreviousFieldHelp
    case keyChoose
    case keyChooseHelp
    case keyDone
    case keyPrint
    case labelPresent(String)
    case formAssessment(String)
    case previousScore(Int)
    case discardAndQuitQuestion
    case errorScore
    case errorNoScores
    case keyAssess
    case keyAssessHelp
    case keyOutcome
    case keyOutcomeHelp
    case menuAssessment
    case menuEditTeam(String)
    case menuEditConsent(String)
    case tabReport
    case tabStories
    case tabCompanies
    case promptFrom
    case promptTo
    case allOrganisations
    case keyTabs
    case keyTabsHelp
    case keyFrom
    case keyFromHelp
    case keyTo
    case keyToHelp
    case keyOrganisation
    case keyOrganisationHelp
    case keyAllTime
    case keyAllTimeHelp
    case keyPrintReport
    case keyPrintReportHelp
    case noStories
    case noCompanies
    /// The results screen before its first figures have come (worked out in the background).
    case resultsComputing
    /// The results screen over the last figures while they are brought up to date.
    case resultsUpdating
    case placementsSummary(total: Int, hired: Int, completed: Int, ongoing: Int, stopped: Int)
    case reportSaved(path: String)
    case keyPrintHelp
    case planSaved(path: String)
    case planSentToPrinter(path: String)
    case printFailed(String)
    case keyDoneHelp
    case keyRestore
    case keyRestoreHelp
    case keyDiscard
    case keyDiscardHelp
    case keyAddMore
    case keyAddMoreHelp
    case menuTeam
    case menuConsent
    case menuResources
    case menuVision
    case menuPlan
    case menuOutcome
    case menuPlacement
    case menuStory
    /// What a deletion takes with it, asked before it is done (answered with Enter or Esc).
    /// `n` past the last match goes on from the first (`N`: from the last).
    case searchWrappedToTop, searchWrappedToBottom
    /// The `:` command line.
    case keyCommandLine, keyCommandLineHelp
    case unknownCommandHere(String)
    /// A search result row of a citizen just saved that the search does not find.
    case matchSaved
    case deleteMeetingQuestion(date: String, agreements: Int)
    case deleteMilestoneQuestion(title: String, notes: Int)
    case deleteAgreementQuestion(String)
    /// The answers to a question, in the key bar.
    case keyConfirmYes, keyConfirmYesHelp, keyConfirmNo, keyConfirmNoHelp
    case markedDone(String)
    case markedOpen(String)
    case draftLine(title: String, age: String)
    case minutesAgo(Int)
    case agreementSlot(Int)
    case whoSlot(Int)
    case dueSlot(Int)
    case you

    // MARK: Validation all at once, and dates typed the way of the language
    /// A problem of a field's value, shown beside the field (so without the field's name).
    case problem(ValidationProblem)
    /// The title of the team form when it changes a membership.
    case formEditTeam(String)
    /// Another professional is responsible for the citizen in the same period.
    case errorSecondResponsible(name: String, from: String)
    /// A meeting the citizen attended, with no professional marked present.
    case errorNobodyPresent
    /// A deadline after the plan's end: said once, and a second save saves it.
    case warningAfterPlanEnd(end: String)
    /// What a typed date means, beside the field while it is typed ("= Friday 2027-01-15").
    case dateMeans(LocalDate)

    // MARK: Drafts per window and their conflicts
    /// The conflict of a restored draft with the record saved since: its title, what happened,
    /// the two columns and the keys.
    case conflictTitle(String)
    case conflictIntro(name: String, date: String, time: String)
    case conflictField, conflictYours
    case conflictSaved(String)
    /// The record changed since the draft, but in no field the draft holds differently.
    case conflictNothingDiffers(String)
    case draftTakenElsewhere
    case draftKeptForLater
    case draftRecordGone
    case keyConflictOpen, keyConflictOpenHelp, keyConflictLater, keyConflictLaterHelp
    case keyConflictDraft, keyConflictDraftHelp, keyConflictSaved, keyConflictSavedHelp
    case keyConflictSwitch, keyConflictSwitchHelp
    case keyConflictAllDraft, keyConflictAllDraftHelp, keyConflictAllSaved, keyConflictAllSavedHelp

    // MARK: Companies, placements and companion meetings
    /// The company register and a company's view.
    case companiesTitle
    case companyTitle(String)
    case noCompaniesInRegister
    /// A register row's count: placements running and in all (of the citizens one may see).
    case companyPlacementCount(total: Int, ongoing: Int)
    case companyNoPlacements
    case companyRunning, companyEnded
    case keyCompanies, keyCompaniesHelp
    case keyNewCompany, keyNewCompanyHelp
    case keyEditCompany, keyEditCompanyHelp
    case keyNewPlacement, keyNewPlacementHelp
    case keyEditPlacement, keyEditPlacementHelp
    case keyClosePlacement, keyClosePlacementHelp
    case formNewCompany
    case formEditCompany(String)
    case formEditPlacement(String)
    case formClosePlacement(company: String, citizen: String)
    case labelTrade, labelContactPerson, labelWhatCameOfIt
    /// A placement needs a citizen chosen in the list, and a company in the register.
    case selectCitizenForPlacement
    case noCompanyForPlacement
    case placementAlreadyClosed
    /// Closing a placement as hired proposes the matching result: one Enter records it.
    case proposeOutcome(kind: String, citizen: String, date: String)
    case outcomeRecorded(String)
    /// The citizen view's menu: close a running placement.
    case menuClosePlacement(String)
    /// A companion meeting's fields and how it shows.
    case labelAuthority, labelCompanionWith, labelCompanionPurpose, labelCompanionResult, labelCompanionBy
    case agendaCompanion
    case companionSummary(authority: String, purpose: String)
    // MARK: Editing and deleting records, plans over time
    /// Choosing a record of a citizen's (or a milestone's) view with Tab, then editing or deleting it.
    case keyNextRecord, keyNextRecordHelp, keyPreviousRecord, keyPreviousRecordHelp
    case keyEditRecord, keyEditRecordHelp, keyDeleteRecord, keyDeleteRecordHelp
    case keyNewPlan, keyNewPlanHelp
    case noRecordsToChoose, chooseARecord
    /// "Delete the assessment of 01.12.2026 and its 3 scores?": the subject names what goes with it.
    case deleteRecordQuestion(String)
    case recordTeam(String)
    case recordConsent(String)
    case recordResource(String)
    case recordVision
    case recordAssessment(date: String, scores: Int)
    case recordOutcome(kind: String, date: String)
    case recordPlacement(company: String, from: String)
    case recordStory(String)
    case recordProgress(String)
    case recordPlan(goal: String, milestones: Int)
    /// The add menu's entry for a new plan once the current one is over.
    case menuNewPlan
    /// In the citizen's view: how many plans came before the current one.
    case plansBefore(Int)
    /// Under a current plan that is over: how to begin the next.
    case planOverHint
    /// `new-plan` while the current plan still runs.
    case planStillRunning(String)
    // MARK: Households
    /// The keys of the household view (and `h` from the citizen view).
    case keyHousehold, keyHouseholdHelp
    case keyAddMember, keyAddMemberHelp, keyEditRelation, keyEditRelationHelp
    case keyRemoveMember, keyRemoveMemberHelp, keyHouseholdMeeting, keyHouseholdMeetingHelp
    case keyChooseMember, keyChooseMemberHelp
    /// The household view's title: the household's name and how many members are shown.
    case householdTitle(name: String, members: Int)
    /// A member's place in the household.
    case householdRelation(HouseholdRelation)
    case householdNoRelation
    case householdNoPlan
    /// "2 of 5 milestones achieved".
    case householdMilestones(achieved: Int, total: Int)
    case householdNextMeeting(String)
    case householdNoNextMeeting
    /// The search for a member to add: its prompt, the title of the hits, and the last row.
    case memberSearchPrompt
    case memberSearchTitle
    case memberSearchNew(String)
    case memberSearchTypeName
    case memberSearchNoHits
    /// The form of a household member: a new household, a member, a new citizen in it.
    case formNewHousehold(String)
    case formHouseholdMember(String)
    case formNewHouseholdMember
    case labelRelation
    case removeMemberQuestion(name: String, household: String)
    case memberRemoved(String)
    /// A meeting in the history that was held with the household.
    case meetingWithHousehold

    // MARK: Activities
    /// The activities screen: its key, the key that opens a new activity, the screen's title and
    /// what it says when there are none.
    case keyActivities, keyActivitiesHelp, keyNewActivity, keyNewActivityHelp
    case activitiesTitle, activitiesEmpty
    /// A row's participants: how many came of how many took part.
    case activityCame(came: Int, of: Int)
    /// A coming activity nobody has come to yet: how many signed up.
    case activitySignedUp(Int)
    /// The activity form: its titles and fields (one box per professional who may run it).
    case formNewActivity
    case formEditActivity(String)
    case labelStartTime
    case labelRuns(String)
    /// The activity's view: its headings, and a participant's line.
    case activityRunBy, activityParticipants, activityNoParticipants
    case participantCame, participantSignedUp, participantDidNotCome
    /// The keys of the activity's view.
    case keyAddParticipant, keyAddParticipantHelp, keyMarkCame, keyMarkCameHelp
    case keyRemoveParticipant, keyRemoveParticipantHelp
    /// The search for a participant to add, as it is typed.
    case participantSearchPrompt, participantSearchHint
    case participantSearchNone(String)
    case participantAdded(String), participantRemoved(String), participantMarkedCame(String), participantMarkedNotCome(String)
    case removeParticipantQuestion(name: String, activity: String)
    /// The citizen view's list of the activities the citizen took part in.
    case fieldActivities
    // MARK: Many at once: tagging citizens, and handing over, printing and exporting the tagged
    /// The keys: Space tags a row (the bar shows how many are tagged), `+` tags what the search
    /// found, `-` untags all, `H` hands over, `E` exports; `p` prints the tagged.
    case keyTag, keyTagged(Int), keyTagHelp, keyTagFound, keyTagFoundHelp, keyUntagAll, keyUntagAllHelp
    case keyHandover, keyHandoverHelp, keyExport, keyExportHelp, keyPrintTaggedHelp
    /// Beside the citizen pane's title: how many are tagged.
    case paneTagged(Int)
    case rowTagged(name: String, count: Int)
    case rowUntagged(name: String, count: Int)
    /// `+` without a search.
    case tagNeedsSearch
    case taggedFound(query: String, found: Int, added: Int, count: Int)
    case nothingTagged
    case untaggedAll(Int)
    /// A few names and how many more ("Aisha Ahmed, Bent Nielsen and 2 more").
    case namesAndMore([String], more: Int)
    /// The form that prints the plans of the tagged, and its question.
    case formPrintPlans(count: Int, names: String)
    case fieldPrintFormat, fieldPrintFolder, printFormatPDF, printFormatText
    case printTaggedQuestion(count: Int, names: String, text: Bool, folder: String)
    case exportTaggedQuestion(count: Int, names: String)
    /// The plans written into `folder`; `sent` is how many the printer took (nil: no printer).
    case plansPrinted(count: Int, of: Int, folder: String, sent: Int?)
    case notPrintedBecause(name: String, reason: String)
    case citizensExported(count: Int, path: String)
    case exportNotWritten(String)
    /// The handover form: its title, fields, problems, question and what it did.
    case formHandover(count: Int, names: String)
    case fieldHandoverFrom, fieldHandoverTo, fieldHandoverReason
    case errorHandoverSameProfessional
    case handoverQuestion(count: Int, names: String, from: String, to: String)
    case handedOver(count: Int, from: String, to: String)
    case handoverAdministratorsOnly
    case handoverNotOnTeam(name: String)
    case handoverNoCommonProfessional(count: Int)

    // MARK: Strict import and clear messages
    /// `trinvis import` was given a folder instead of a document.
    case importFileIsFolder(path: String)
    /// `trinvis import` was given a file that does not exist.
    case importFileMissing(path: String)
    /// An option that names a file was given an empty value (`--db=`).
    case optionNeedsPath(option: String)

    // MARK: Live screens

    /// An open form's record was saved by someone else meanwhile (the form's status line).
    case liveChangedWhileEditing(name: String, time: String)
    /// An open form's record was deleted meanwhile; `name` and `time` when the log says who.
    case liveDeletedWhileEditing(name: String?, time: String?)
    /// The record of the view on screen was deleted meanwhile: the view closed.
    case liveShownRecordDeleted(name: String?, time: String?)
    /// The citizen of the view on screen is no longer shown to the user (a consent ended).
    case liveShownCitizenHidden
    /// The conflict of an open form's save: its title, its introduction and its column.
    case liveConflictTitle(String)
    case liveConflictIntro(name: String, time: String)
    case liveConflictYours
    /// Esc in the conflict of an open form: back to the form, nothing lost.
    case liveConflictBackToForm
    // MARK: Trustworthy backup and check, read-only commands
    /// What a file is when Trinvis cannot use it as a database as it is, with what to do.
    case databaseFile(path: String, problem: DatabaseFileProblem)
    /// `trinvis check`: written by a newer Trinvis (the schema steps it does not know).
    case checkNewer(path: String, steps: [String])
    /// A line after `trinvis check`'s verdict on a sound file.
    case checkNote(DatabaseCheck.Note)
    /// A command that logs what it reads (export, print) on a database it cannot write: refused.
    case readOnlyNeedsLog(path: String)
    /// `trinvis backup` of a damaged database without `--force`: nothing was written.
    case backupRefusedDamaged(path: String, problems: [String])
    /// `trinvis backup --force` kept a copy of a damaged database.
    case backupWrittenDamaged(path: String, problems: [String])
    /// An output file was not written because its disk is full.
    case outputDiskFull(path: String)
    /// Standard output could not take everything because its disk is full.
    case standardOutputFull
    // MARK: Sync import and conflicts
    /// `trinvis sync import`: what it did, or why the file was refused.
    case syncImported(from: String, sequence: Int64, inserted: Int, updated: Int, deleted: Int, erased: Int, conflicts: Int)
    case syncAlreadyApplied(from: String, sequence: Int64)
    case syncNotASyncFile
    /// The path given to `sync import` is a folder, or names nothing.
    case syncFileIsFolder(path: String), syncFileMissing(path: String)
    case syncDamaged
    case syncMeantForAnotherInstallation(organisation: String)
    case syncOutOfOrder(missing: Int64)
    /// Settling a conflict that cannot be settled as asked.
    case conflictRemoteCannotBeTaken
    case conflictAlreadyResolved
    /// The conflicts view: its title, columns, keys and messages.
    case conflictsTitle(count: Int)
    case conflictsNone
    case conflictHere, conflictThere
    case conflictDeletedThere, conflictGoneHere
    case conflictFrom(by: String)
    case conflictResolvedLocal, conflictResolvedRemote
    case conflictsInCitizenView(count: Int)
    case commandConflicts, commandConflictKeepLocal, commandConflictTakeRemote
    /// The conflicts view's key labels (`K`, `l`, `r`), the questions before settling, the field
    /// of a whole-record conflict and a record's kind in words ("meeting" as "møde").
    case keyConflicts, keyConflictKeepLocal, keyConflictTakeRemote
    case conflictKeepLocalQuestion(kind: String, field: String)
    case conflictTakeRemoteQuestion(kind: String, field: String)
    case conflictTakeDeletionQuestion(kind: String)
    case conflictWholeRecord
    /// A record deleted there: what stands here (it is kept, with the change made here).
    case conflictChangedHere
    case conflictRecordKind(String)
    /// A field of a record in a sync conflict, by its column ("notes", "deadline").
    case conflictColumn(String)
    // MARK: Waiting for the write lock (no lock errors in ordinary use)
    /// Who holds the write lock and what they do ("an import by anna"); nil: not known.
    case lockHolder(WriteLockHolder?)
    /// The interface's status line while a save waits for the write lock.
    case waitingToSave(WriteLockHolder?)
    /// A save that waited `seconds` and gave up; the form stays open with its text.
    case gaveUpWaiting(WriteLockHolder?, seconds: Int)
    /// The command line's note on stderr while a command waits for the write lock.
    case waitingForWriteLock(WriteLockHolder?)
}

/// Which kind of written text a search matched (for the catalogs).
package typealias SearchHitSource = SearchHit.TextSource
