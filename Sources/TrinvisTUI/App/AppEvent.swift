import TrinvisCore

/// Work the update function asks for: reads from the database, run by `AppRuntime`, whose
/// results come back as events.
package enum Effect: Sendable, Equatable {
    case loadCitizens(after: PageCursor?)
    case search(String)
    case selectCitizen(CitizenID)
    case loadMoreMilestones(PlanID, after: PageCursor)
    case loadMoreMeetings(CitizenID, after: PageCursor)
    case openCitizen(CitizenID)
    case openMilestone(Milestone)
    case openMeeting(MeetingWithAgreements)
    case openMeetingID(MeetingID)
    case loadAgenda
    case openForm(FormPurpose)
    case saveForm
    case writeDraft
    case restoreDraft(FormDraft)
    case discardDraft(String)
    /// Removes a draft offered on the drafts screen (of this window or one that ended).
    case discardOfferedDraft(FormDraft)
    /// Opens the form of a conflict with the values chosen per field.
    case openChosen(DraftConflict)
    case delete(DeletionTarget)
    /// Ask before deleting, naming what goes with it (counted in the database).
    case askToDelete(DeletionTarget)
    /// Bring an archived citizen back into the list.
    case unarchive(Citizen)
    case toggleAgreement(Agreement)
    /// `x` on a milestone: achieved today, or not achieved again.
    case toggleMilestone(Milestone)
    case refreshCitizen
    case printPlan(CitizenID)
    /// The results report, worked out in the background (the key loop does not wait for it);
    /// it comes back as `resultsLoaded` or `resultsFailed` when ready.
    case loadResults(ResultsQuery)
    case loadStories(after: PageCursor?)
    case loadCompanies
    case printReport
    case openStory(StoryItem)
    /// Reveal the citizen's full CPR number in the open form (logged).
    case revealCPR(CitizenID)
    /// Close the new-citizen form and open the possible duplicate it warned about.
    case openDuplicate
    /// Undo the window's last saved change (`u`), or redo the last undone one (Ctrl-R).
    case undo
    case redo
    /// The household view of a citizen (or, without a household, the form that creates one).
    case openHousehold(CitizenID)
    /// Citizens matching what is typed in the search for a household member.
    case searchMembers(String)
    /// A meeting with the household, from the household view: the member's meeting form with
    /// the other members present.
    case openHouseholdMeeting(CitizenID)
    /// The company register, its next page, and one company's view.
    case openCompanies
    case loadMoreCompanies(after: PageCursor)
    case openCompany(OrganisationID)
    /// Records the result that closing a placement as hired proposed.
    case recordOutcome(Outcome)
    /// Many at once (the tagged citizens, or the selected one): write their plans into the print
    /// folder, write one interchange document of them, open the handover form for them, and hand
    /// them over from one professional to another.
    case printPlans(PlanPrintRequest)
    case exportCitizens([CitizenID])
    case openHandover([CitizenID])
    case handover(HandoverRequest)
    case quit
    /// `new-plan`: the new plan's form once the citizen's current plan is over; else a message.
    case askNewPlan(CitizenID)
    // Activities
    case loadActivities(after: PageCursor?)
    case openActivity(ActivityID)
    /// Citizens to add to the activity on screen, found by what is typed.
    case searchParticipants(String)
    /// The typed search for a participant ended: its last term goes to the access log.
    case finishParticipantSearch
    case changeParticipation(ActivityID, CitizenID, ParticipationChange)
    // Sync conflicts
    /// The open sync conflicts (the first read opens their screen).
    case loadSyncConflicts
    /// Settles a conflict (after its question): the version here stays, or the other place's
    /// is put in.
    case resolveSyncConflict(SyncConflict, ConflictChoice)
}

/// Plans to write: the citizens, as PDF or text, into which folder.
package struct PlanPrintRequest: Sendable, Equatable {
    package var citizens: [CitizenID]
    package var text: Bool
    package var folder: String
}

/// A handover the form asked for: the citizens, from whom, to whom and why.
package struct HandoverRequest: Sendable, Equatable {
    package var citizens: [CitizenID]
    package var from: ProfessionalID
    package var to: ProfessionalID
    package var reason: String
}

/// Something that happened: a key, a new terminal size, the timer, or the result of an effect.
package enum AppEvent: Sendable {
    case key(Key)
    case resize(Size)
    case tick
    case citizensLoaded(Page<CitizenSummary>, append: Bool)
    case searchLoaded(query: String, hits: [SearchHit])
    case citizenLoaded(CitizenSummary?, Plan?, Page<Milestone>, Page<MeetingWithAgreements>, names: [ProfessionalID: String])
    case milestonesLoaded(Page<Milestone>)
    case meetingsLoaded(Page<MeetingWithAgreements>)
    case detailLoaded(Detail)
    case agendaLoaded([AgendaItem])
    case failed(String)
    /// A message for the message line.
    case info(String)
    case formOpened(FormState)
    /// A question to answer before an effect runs.
    case confirmationAsked(Confirmation)
    /// The full CPR number, revealed for the open form only.
    case cprRevealed(String)
    /// The open form was left without saving (its draft is gone).
    case formClosed
    case formSaved(citizen: CitizenID?)
    case formRejected(errors: [String: String], general: String?)
    case draftWritten(version: Int)
    case draftsLoaded([FormDraft])
    /// A restored draft's form, opened on its citizen's screen.
    case draftOpened(FormState)
    /// A restored draft's record changed since: the choice per field.
    case conflictFound(DraftConflict)
    /// A draft could not be restored (another window took it): the message says so.
    case draftUnavailable(String)
    case changed(message: String, citizen: CitizenID?)
    /// A results report worked out in the background, with the organisations to choose between
    /// (dropped when another period or organisation is asked for by now).
    case resultsLoaded(ResultsReport, organisations: [Organisation])
    /// The results report asked for could not be worked out: the message says why.
    case resultsFailed(ResultsQuery, message: String)
    case storiesLoaded(Page<StoryItem>, append: Bool)
    case companiesLoaded([CompanyPlacements])
    /// The household view read (again), for the citizen it is opened from.
    case householdLoaded(HouseholdOverview, citizen: CitizenID)
    /// The citizens found for the search for a household member.
    case memberHitsLoaded(query: String, [Citizen])
    // Activities
    case activitiesLoaded(Page<Activity>, append: Bool)
    case activityLoaded(ActivityDetail)
    case participantsFound(query: String, [CitizenSummary])
    /// A participant added, removed or marked: the message and the activity read again.
    case participationChanged(message: String, ActivityDetail)
    /// What the screen shows, read again after another connection committed (live screens).
    case liveReloaded(LiveReload)
    /// A page of the company register (`append`: the next page of the rows on screen).
    case companyRegisterLoaded(Page<CompanySummary>, append: Bool)
    case companyLoaded(CompanyPlacements)
    /// The open sync conflicts, newest first (opens their screen, or reads it again in place).
    case syncConflictsLoaded([SyncConflict])
}

/// A record to delete (after a yes).
package enum DeletionTarget: Sendable, Equatable {
    case citizen(Citizen)
    case milestone(Milestone)
    case meeting(Meeting)
    case agreement(Agreement)
    /// A record of a citizen's view (or a milestone's progress note).
    case record(DetailRecord)
    /// Take a citizen out of their household (nothing else goes).
    case householdMember(Citizen)
}
