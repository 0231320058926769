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

    // MARK: Failures
    /// A failure with what to do, prefixed by "trinvis: ".
    case failure(String)
    case noDatabase(path: String)
    case databaseNewer(path: String)
    case database(DatabaseError)
    case store(StoreError)
    case cannotReadFile(path: String, reason: String)
    case cannotWriteFile(path: String, reason: String)
    case fileExists(path: String)
    case citizenNotFound(String)
    case citizenAmbiguous(String, candidates: [String])
    case organisationNotFound(String)
    case importFailed(String)
    case terminalUnusable(String)
    case notATerminal
    case unknownTerminal(term: String)
    case unusableTerminal(term: String)

    // MARK: Results of commands
    case demoWritten(path: String, citizens: Int)
    case backupWritten(path: String)
    case checkHealthy(path: String, citizens: Int)
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

    // MARK: Values
    case organisationKind(OrganisationKind)
    case role(ProfessionalRole)
    case contactPreference(ContactPreference)
    case consentScope(ConsentScope)
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
    case matchName
    case matchCPR
    case matchText(SearchHitSource)
    case mine
    case helpFooter
    case notRegistered(username: String)

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
}

/// Which kind of written text a search matched (for the catalogs).
package typealias SearchHitSource = SearchHit.TextSource
