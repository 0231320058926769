import TrinvisCore

/// The activities screen (the list), the activity open in its view, and the search for a
/// participant to add while it is typed.
package struct ActivitiesState: Sendable, Equatable {
    /// The activities loaded so far, newest date first.
    package var items: [Activity] = []
    /// The cursor of the next page, nil when everything is loaded.
    package var next: PageCursor?
    package var list = ListState()
    /// The activity on screen, with its participants by name.
    package var detail: ActivityDetail?
    package var participantList = ListState()
    /// The search for a participant to add, while it is open.
    package var search: ParticipantSearch?
}

/// Finding a citizen to add to an activity: the text typed and the citizens it found (by name
/// or CPR, those already taking part left out).
package struct ParticipantSearch: Sendable, Equatable {
    package var field = TextFieldState(maxLength: 100)
    package var hits: [CitizenSummary] = []
    package var list = ListState()
}

/// What to change about one participant of an activity.
package enum ParticipationChange: Sendable, Equatable {
    case add
    case remove
    /// Came, or not come again.
    case toggleCame
}
