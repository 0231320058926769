import TrinvisCore

/// The lines of a detail view, wrapped to a width: the whole citizen, a milestone with its
/// progress notes, a meeting with its agreements, or the results report.
enum DetailView {
    static func lines(_ detail: Detail, width: Int, state: AppState) -> [[Span]] {
        let builder = build(detail, width: width, state: state)
        var lines = builder.lines
        // The record chosen with Tab shows selected.
        if let chosen = state.detailRecord, builder.records.indices.contains(chosen) {
            for index in builder.records[chosen].lines where lines.indices.contains(index) {
                lines[index] = lines[index].map { Span($0.text, style: .selected) }
            }
        }
        return lines
    }

    /// The lines of a detail view and the records among them (which lines each takes).
    static func build(_ detail: Detail, width: Int, state: AppState) -> DetailBuilder {
        var builder = DetailBuilder(width: max(width, 10), say: state.say)
        switch detail {
        case .citizen(let profile): citizen(profile, state, &builder)
        case .milestone(let milestone, let notes, let authors, let moves): self.milestone(milestone, notes, authors, moves, state, &builder)
        case .meeting(let item, let names): meeting(item, names, state, &builder)
        case .story(let item):
            builder.field(state.say(.fieldCitizen).capitalized, item.citizenName)
            builder.field(state.say(.labelDate), state.say.date(item.story.date))
            builder.blank()
            builder.paragraph(item.story.title, style: Style(.normal, [.bold]))
            builder.blank()
            builder.paragraph(item.story.text)
        }
        return builder
    }

    private static func period(_ from: LocalDate, _ to: LocalDate?, _ say: Localizer) -> String {
        say.date(from) + " \u{2013} " + (to.map(say.date) ?? "")
    }

    private static func citizen(_ profile: CitizenProfile, _ state: AppState, _ builder: inout DetailBuilder) {
        let say = state.say
        let citizen = profile.citizen
        if profile.openConflicts > 0 {
            // Both versions of a field changed on both sides of a sync wait for a choice (`K`).
            builder.paragraph(say(.conflictsInCitizenView(count: profile.openConflicts)), style: .warning)
            builder.blank()
        }
        builder.field(say(.fieldCPR), state.revealedCPR[citizen.id] ?? citizen.cpr?.masked)
        if let born = citizen.effectiveBirthDate {
            let age = citizen.age(on: state.today).map { " (\($0))" } ?? ""
            builder.field(say(.fieldBorn), say.date(born) + age)
        }
        builder.field(say(.fieldPhone), citizen.phone)
        builder.field(say(.fieldEmail), citizen.email)
        builder.field(say(.fieldPrefers), say(.contactPreference(citizen.contactPreference)))
        // The household with the citizen's place in it ("Brandt (parent)"); `h` opens it.
        builder.field(say(.fieldHousehold), profile.householdName.map { name in
            citizen.householdRelation.map { name + " (" + say(.householdRelation($0)) + ")" } ?? name
        })
        builder.field(say(.fieldOrganisation), profile.organisationName)
        builder.field(say(.fieldRegistered), say.date(citizen.registeredOn))
        builder.field(say(.fieldArchived), citizen.archivedOn.map { say.date($0) })
        builder.field(say(.fieldInterval), say(.days(citizen.meetingIntervalDays)))

        builder.heading(say(.fieldLife))
        builder.paragraph(citizen.life.isEmpty ? say(.none) : citizen.life, style: citizen.life.isEmpty ? .muted : .normal)

        builder.heading(say(.fieldTeam))
        if profile.team.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for (member, professional) in profile.team {
            let responsible = member.responsible ? ", " + say(.fieldResponsible) : ""
            builder.record(.team(member, name: professional.name)) {
                $0.item(professional.name + " (" + say(.role(professional.role)) + responsible + ") " + period(member.from, member.to, say))
            }
        }

        builder.heading(say(.fieldConsents))
        if profile.consents.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for (consent, recipient) in profile.consents {
            var text = say(.consentScope(consent.scope))
            if let recipient { text += " " + say(.fieldRecipient) + " " + recipient }
            if consent.scope == .shareBetweenOrganisations {
                text += "; " + consent.categories.sorted().map { say(.dataCategory($0)) }.joined(separator: ", ")
            }
            if !consent.information.isEmpty { text += "; " + say(.fieldInformation) + ": " + consent.information }
            if !consent.purpose.isEmpty { text += "; " + consent.purpose }
            text += "; " + say(.fieldGiven) + " " + say.date(consent.givenOn)
            if let expires = consent.expiresOn { text += ", " + say(.fieldExpires) + " " + say.date(expires) }
            if let withdrawn = consent.withdrawnOn { text += ", " + say(.fieldWithdrawn) + " " + say.date(withdrawn) }
            let label = say(.consentScope(consent.scope)) + (recipient.map { " \u{2192} " + $0 } ?? "")
            builder.record(.consent(consent, label: label)) { $0.item(text, style: consent.isInForce(on: state.today) ? .normal : .muted) }
        }

        builder.heading(say(.fieldResources))
        let filled = profile.resources.filter { !($0.resource?.text.isEmpty ?? true) }
        if filled.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for (area, resource) in filled {
            guard let resource else { continue }
            builder.record(.resource(resource, area: area.label(state.language))) { $0.field(area.label(state.language), resource.text) }
        }

        builder.heading(say(.fieldVisions))
        if let vision = profile.vision, !(vision.family + vision.work + vision.housing + vision.other).isEmpty {
            builder.record(.vision(vision)) {
                $0.field(say(.fieldVisionFamily), vision.family.isEmpty ? nil : vision.family)
                $0.field(say(.fieldVisionWork), vision.work.isEmpty ? nil : vision.work)
                $0.field(say(.fieldVisionHousing), vision.housing.isEmpty ? nil : vision.housing)
                $0.field(say(.fieldVisionOther), vision.other.isEmpty ? nil : vision.other)
            }
        } else {
            builder.paragraph(say(.none), style: .muted)
        }

        plans(profile, state, &builder)

        builder.heading(say(.fieldAssessments))
        if profile.assessments.isEmpty { builder.paragraph(say(.none), style: .muted) }
        // Per dimension: the scores over time as a sparkline, then first → latest.
        let ordered = profile.assessments.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        for dimension in AssessmentDimension.allCases {
            let values = ordered.compactMap { $0.scores[dimension] }
            guard let first = values.first, let latest = values.last else { continue }
            builder.chart(say(.dimension(dimension)),
                          Sparkline.spans(values: values, glyphs: state.glyphs)
                            + [Span("  " + Sparkline.trend(first: first, latest: latest, glyphs: state.glyphs))])
        }
        // Each assessment on a line of its own (newest first), to choose, change or delete.
        for assessment in ordered.reversed() {
            let scores = AssessmentDimension.allCases.compactMap { dimension in
                assessment.scores[dimension].map { say(.dimension(dimension)) + " " + String($0) }
            }
            builder.record(.assessment(assessment)) { $0.field(say(.labelDate), say.date(assessment.date) + ": " + scores.joined(separator: ", ")) }
        }

        builder.heading(say(.fieldOutcomes))
        if profile.outcomes.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for outcome in profile.outcomes {
            builder.record(.outcome(outcome)) {
                $0.item(say.date(outcome.date) + " " + say(.outcomeKind(outcome.kind)) + (outcome.note.isEmpty ? "" : ": " + outcome.note))
            }
        }

        builder.heading(say(.fieldPlacements))
        if profile.placements.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for (placement, company) in profile.placements {
            builder.record(.placement(placement, company: company)) {
                $0.item(company + ": " + say(.placementKind(placement.kind)) + ", " + period(placement.from, placement.to, say)
                        + ", " + say(.placementResult(placement.result)) + (placement.note.isEmpty ? "" : ": " + placement.note))
            }
        }

        builder.heading(say(.fieldActivities))
        if profile.activities.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for activity in profile.activities {
            let standing = ActivitiesView.standing(came: activity.came(profile.citizen.id), activity: activity, today: state.today)
            builder.item(ActivitiesView.when(activity, say) + " " + PaneViews.clean(activity.title) + " ("
                         + say(.activityKind(activity.kind)) + "): " + say(standing))
        }

        builder.heading(say(.fieldStories))
        if profile.stories.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for story in profile.stories {
            builder.record(.story(story)) {
                $0.item(say.date(story.date) + " " + story.title, style: Style(.normal, [.bold]))
                $0.paragraph(story.text)
            }
        }
    }

    /// The plans over time: the current plan (the active one, else the newest), then how many
    /// came before it and those plans, each to choose (and open in its form) with Tab.
    private static func plans(_ profile: CitizenProfile, _ state: AppState, _ builder: inout DetailBuilder) {
        let say = state.say
        builder.heading(say(.fieldPlans))
        guard let current = CitizenPlans(profile.plans).current else {
            builder.paragraph(say(.none), style: .muted)
            return
        }
        func show(_ plan: Plan, style: Style) {
            builder.record(.plan(plan)) {
                $0.item(plan.goal + " (" + say(.planStatus(plan.status)) + ", " + period(plan.start, plan.end, say) + ")", style: style)
                if !plan.purpose.isEmpty { $0.field("  " + say(.fieldPurpose), plan.purpose) }
                if !plan.effort.isEmpty { $0.field("  " + say(.fieldEffort), plan.effort) }
            }
        }
        show(current, style: Style(.normal, [.bold]))
        let earlier = CitizenPlans(profile.plans).earlier
        if CitizenPlans(profile.plans).isOver(current, today: state.today) {
            builder.paragraph(say(.planOverHint), style: .muted)
        }
        guard !earlier.isEmpty else { return }
        builder.paragraph(say(.plansBefore(earlier.count)), style: .accent)
        for plan in earlier { show(plan, style: .muted) }
    }

    private static func milestone(_ milestone: Milestone, _ notes: [ProgressNote], _ authors: [ProfessionalID: String],
                                  _ moves: [DeadlineMove], _ state: AppState, _ builder: inout DetailBuilder) {
        let say = state.say
        builder.paragraph(milestone.title, style: Style(.normal, [.bold]))
        builder.blank()
        let overdue = milestone.isOverdue(on: state.today)
        builder.field(say(.fieldDeadline), say.date(milestone.deadline) + " (" + say(.relativeDays(state.today.days(until: milestone.deadline))) + ")",
                      style: overdue ? .danger : .normal)
        builder.field(say(.fieldStatus), say(.milestoneStatus(milestone.status)) + (overdue ? ", ! " + say(.overdueMarker) : ""),
                      style: overdue ? .danger : .normal)
        builder.field(say(.labelSteppingStone), milestone.steppingStone ? say(.yes) : say(.no))
        builder.field(say(.fieldAchieved), milestone.achievedOn.map(say.date))
        if !moves.isEmpty {
            builder.heading(say(.fieldDeadlineHistory))
            for move in moves {
                builder.item(say(.deadlineMoved(from: say.date(move.from), to: say.date(move.to), on: say.date(move.movedAt.localDate),
                                                by: move.movedBy)))
            }
        }
        builder.heading(say(.fieldProgress))
        if notes.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for note in notes {
            let author = note.authorID.flatMap { authors[$0] }.map { " \u{2013} " + $0 } ?? ""
            builder.record(.progress(note, milestone)) {
                $0.item(say.date(note.date) + author, style: Style(.normal, [.bold]))
                $0.paragraph(note.note)
            }
        }
    }

    private static func meeting(_ item: MeetingWithAgreements, _ names: [ProfessionalID: String], _ state: AppState,
                                _ builder: inout DetailBuilder) {
        let say = state.say
        let meeting = item.meeting
        builder.field(say(.fieldTime), say.date(meeting.at.localDate) + " " + meeting.at.clockTime)
        builder.field(say(.fieldKind), say(.meetingKind(meeting.kind)))
        builder.field(say(.fieldPlace), meeting.place.isEmpty ? nil : meeting.place)
        if meeting.kind == .companion {
            let companion = meeting.companion
            builder.field(say(.labelAuthority), companion.authority)
            builder.field(say(.labelCompanionWith), companion.with)
            builder.field(say(.labelCompanionBy), companion.professionalID.flatMap { names[$0] })
            builder.field(say(.labelCompanionPurpose), companion.purpose)
            builder.field(say(.labelCompanionResult), companion.result)
        }
        builder.field(say(.fieldAttendance), say(.attendance(meeting.attendance)))
        builder.field(say(.fieldAttendees), meeting.attendees.isEmpty ? nil : meeting.attendees.compactMap { names[$0] }.joined(separator: ", "))
        builder.field(say(.fieldAuthor), meeting.authorID.flatMap { names[$0] })
        if let next = meeting.nextMeeting {
            builder.field(say(.fieldNextMeeting), say.date(next.localDate) + " " + next.clockTime)
        }
        builder.heading(say(.fieldNotes))
        builder.paragraph(meeting.notes.isEmpty ? say(.none) : meeting.notes, style: meeting.notes.isEmpty ? .muted : .normal)
        builder.heading(say(.fieldAgreements))
        if item.agreements.isEmpty { builder.paragraph(say(.none), style: .muted) }
        for agreement in item.agreements {
            let who: String
            switch agreement.responsible {
            case .citizen: who = say(.fieldCitizen)
            case .professional(let id): who = names[id] ?? "?"
            }
            var text = (agreement.doneOn == nil ? "[ ] " : "[x] ") + agreement.text + " (" + who
            if let due = agreement.due { text += ", " + say(.fieldDue) + " " + say.date(due) }
            if let done = agreement.doneOn { text += ", " + say(.fieldDone) + " " + say.date(done) }
            text += ")"
            let overdue = agreement.isOverdue(on: state.today)
            if overdue { text = "! " + say(.overdueMarker) + ": " + text }
            builder.paragraph(text, style: overdue ? .danger : agreement.doneOn == nil ? .normal : .muted)
        }
    }
}

/// Collects wrapped, styled lines for a detail view, and the records among them.
struct DetailBuilder {
    let width: Int
    let say: Localizer
    var lines: [[Span]] = []
    /// The records that can be chosen, each with the lines it takes.
    var records: [(record: DetailRecord, lines: Range<Int>)] = []
    /// The column where field values start.
    private var labelWidth: Int { min(18, width / 3) }

    init(width: Int, say: Localizer) {
        self.width = width
        self.say = say
    }

    mutating func blank() { lines.append([]) }

    /// Lines that show one record: Tab can choose it.
    mutating func record(_ record: DetailRecord, _ draw: (inout DetailBuilder) -> Void) {
        let start = lines.count
        draw(&self)
        if lines.count > start { records.append((record, start..<lines.count)) }
    }

    mutating func heading(_ text: String) {
        if !lines.isEmpty { blank() }
        lines.append([Span(Sanitizer.sanitize(text), style: Style(.accent, [.bold, .underline]))])
    }

    /// "Label: value", the value wrapped under itself; nothing when the value is nil or empty.
    mutating func field(_ label: String, _ value: String?, style: Style = .normal) {
        guard let value, !value.isEmpty else { return }
        let labelText = DisplayWidth.pad(DisplayWidth.truncate(Sanitizer.sanitize(label), toWidth: labelWidth - 1),
                                         toWidth: labelWidth)
        let wrapped = DisplayWidth.wrap(Sanitizer.sanitize(value, keepingNewlines: true), toWidth: max(width - labelWidth, 4))
        for (index, line) in wrapped.enumerated() {
            lines.append([Span(index == 0 ? labelText : String(repeating: " ", count: labelWidth), style: .muted),
                          Span(line, style: style)])
        }
    }

    /// "Label  chart": a label and spans that are not wrapped (a sparkline and its trend).
    mutating func chart(_ label: String, _ spans: [Span]) {
        let labelText = DisplayWidth.pad(DisplayWidth.truncate(Sanitizer.sanitize(label), toWidth: labelWidth - 1),
                                         toWidth: labelWidth)
        lines.append([Span(labelText, style: .muted)] + spans)
    }

    /// Text wrapped to the width, line breaks kept.
    mutating func paragraph(_ text: String, style: Style = .normal) {
        for line in DisplayWidth.wrap(Sanitizer.sanitize(text, keepingNewlines: true), toWidth: width) {
            lines.append([Span(line, style: style)])
        }
    }

    /// A bulleted line, wrapped with a hanging indent.
    mutating func item(_ text: String, style: Style = .normal) {
        let wrapped = DisplayWidth.wrap(Sanitizer.sanitize(text, keepingNewlines: true), toWidth: max(width - 2, 4))
        for (index, line) in wrapped.enumerated() {
            lines.append([Span(index == 0 ? "- " : "  ", style: .muted), Span(line, style: style)])
        }
    }
}
