/// The plan as the citizen takes it home, in plain words and one language: whom it is for (the
/// CPR number only masked), the goal with its purpose and effort, how long the plan runs, the
/// steps on the way (stepping stones marked), what is agreed and still open, the next meeting and
/// whom to contact.
///
/// Every text is ready to print: in the printout's language, without control characters and
/// on one line (line breaks in the data become spaces). The text and PDF renderers lay out the
/// same `sections`.
package struct PlanPrintout: Sendable, Equatable, CitizenPrintout {
    /// How a step stands, in the citizen's words.
    package enum MilestoneState: Sendable, Equatable, CaseIterable {
        /// Achieved.
        case done
        /// Still open after its deadline.
        case overdue
        /// In progress, deadline ahead.
        case underWay
        /// Not started, deadline ahead.
        case planned
        /// Adjusted to changed circumstances, deadline ahead.
        case changed
        /// Dropped.
        case leftOut
    }

    /// A step of the plan.
    package struct MilestoneEntry: Sendable, Equatable {
        /// What the step is.
        package let title: String
        /// How it stands today.
        package let state: MilestoneState
        /// "Done on …" or "By … (in 5 days)"; nil for a step left out.
        package let detail: String?
        /// A deliberately easy step (snublemål), marked as such.
        package var steppingStone = false
    }

    /// An agreement not yet done: what, who and by when.
    package struct AgreementEntry: Sendable, Equatable {
        /// What was agreed.
        package let text: String
        /// "You" for the citizen, else the professional's name.
        package let who: String
        /// The due date as printed, if there is one.
        package let due: String?
        /// Not done and past its due date.
        package let isOverdue: Bool
    }

    /// The professional the citizen can turn to.
    package struct Contact: Sendable, Equatable {
        /// The professional's name.
        package let name: String
        /// Role and organisation: "caseworker, Jobcenter Ryslinge".
        package let description: String
        /// The professional's phone number, if recorded.
        package let phone: String?
        /// The professional's e-mail address, if recorded.
        package let email: String?
    }

    /// The language of every text in the printout.
    package let language: Language
    /// The citizen's name.
    package let citizenName: String
    /// `DDMMYY-XXXX`; nil when the citizen has no CPR number.
    package let maskedCPR: String?
    /// The day the printout was made.
    package let printedOn: LocalDate
    /// The long-term goal; nil when the citizen has no plan.
    package let goal: String?
    /// The plan's purpose, if written.
    package let purpose: String?
    /// The plan's effort (indsats): what is done to reach the goal, if written.
    package var effort: String?
    /// "From … to …".
    package let period: String?
    /// "61 days left".
    package let daysLeft: String?
    /// The steps of the plan, by deadline.
    package let milestones: [MilestoneEntry]
    /// Open agreements from every meeting, by due date (those without one last).
    package let agreements: [AgreementEntry]
    /// "Monday 9 March 2026 at 10:00"; nil when no coming meeting is agreed.
    package let nextMeeting: String?
    /// Where the latest meeting was held, as the place of the next.
    package let nextMeetingPlace: String?
    /// The responsible professional.
    package let contact: Contact?

    private var say: Localizer { Localizer(language) }

    /// "Your plan".
    package var title: String { say(.printTitle) }

    /// The title with the citizen's name, for the document's properties.
    package var documentTitle: String { title + " \u{2013} " + citizenName }

    /// "CPR no. 010194-XXXX", nil without a CPR number.
    package var cprLine: String? { maskedCPR.map { say(.printCPR($0)) } }

    /// "Printed 2026-03-02".
    package var printedLine: String { say(.printPrintedOn(say.date(printedOn))) }

    /// The masked CPR number (when there is one) and the print date.
    package var headerLines: [String] { [cprLine, printedLine].compactMap { $0 } }

    /// "Page 1 of 2".
    package func pageLine(_ page: Int, of count: Int) -> String { say(.printPage(page, of: count)) }

    /// The parts under their headings, in order.
    package var sections: [PrintSection] {
        var sections: [PrintSection] = []
        guard let goal else {
            sections.append(PrintSection(heading: say(.printGoalHeading), blocks: [.paragraph(say(.printNoPlan))]))
            return sections + commonSections
        }
        var goalBlocks: [PrintBlock] = [.paragraph(goal)]
        if let purpose { goalBlocks.append(.paragraph(say(.printPurpose(purpose)))) }
        if let effort { goalBlocks.append(.paragraph(say(.printEffort(effort)))) }
        sections.append(PrintSection(heading: say(.printGoalHeading), blocks: goalBlocks))
        sections.append(PrintSection(heading: say(.printPeriodHeading),
                                     blocks: [period, daysLeft].compactMap { $0.map(PrintBlock.paragraph) }))
        let steps: [PrintBlock] = milestones.map { step in
            .item(label: say(.printMilestoneState(step.state)),
                  text: step.steppingStone ? say(.printSteppingStone(step.title)) : step.title,
                  details: step.detail.map { [$0] } ?? [], alert: step.state == .overdue)
        }
        sections.append(PrintSection(heading: say(.printMilestonesHeading),
                                     blocks: steps.isEmpty ? [.paragraph(say(.printNoMilestones))] : steps))
        return sections + commonSections
    }

    /// Agreements, the next meeting and the contact: there with or without a plan.
    private var commonSections: [PrintSection] {
        var sections: [PrintSection] = []
        let agreed: [PrintBlock] = agreements.map { agreement in
            var facts = [say(.printWho(agreement.who))]
            if let due = agreement.due { facts.append(say(.printBy(due))) }
            if agreement.isOverdue { facts.append(say(.printMilestoneState(.overdue))) }
            return .item(label: nil, text: agreement.text, details: [facts.joined(separator: " \u{00B7} ")],
                         alert: agreement.isOverdue)
        }
        sections.append(PrintSection(heading: say(.printAgreementsHeading),
                                     blocks: agreed.isEmpty ? [.paragraph(say(.printNoAgreements))] : agreed))
        var meeting: [PrintBlock] = [.paragraph(nextMeeting ?? say(.printNoNextMeeting))]
        if nextMeeting != nil, let place = nextMeetingPlace { meeting.append(.paragraph(say(.printPlace(place)))) }
        sections.append(PrintSection(heading: say(.printNextMeetingHeading), blocks: meeting))
        if let contact {
            var lines = [contact.name]
            if !contact.description.isEmpty { lines.append(contact.description) }
            if let phone = contact.phone { lines.append(say(.printPhone(phone))) }
            if let email = contact.email { lines.append(say(.printEmail(email))) }
            sections.append(PrintSection(heading: say(.printContactHeading), blocks: lines.map(PrintBlock.paragraph)))
        }
        return sections
    }
}

/// A part of a printout under its heading.
package struct PrintSection: Sendable, Equatable {
    /// The heading ("Your goal").
    package let heading: String
    /// What stands under it, in order.
    package let blocks: [PrintBlock]
    /// True when its paragraphs are separate (with space between them), as in a letter; false
    /// when they are lines that belong together (a contact's name, phone and e-mail).
    package var separateParagraphs = false
}

/// What a section holds: paragraphs and listed items.
package enum PrintBlock: Sendable, Equatable {
    /// A line of body text (wrapped when long).
    case paragraph(String)
    /// An entry of a list: a word in a column on the left (such as "Done"), or nil for a bullet;
    /// the main text; quieter lines under it. `alert` marks an entry that needs attention.
    case item(label: String?, text: String, details: [String], alert: Bool)
}

extension Workspace {
    /// The printout of a citizen's current plan (the latest active one, else the latest) as of
    /// today, in `language`. The contact is the responsible professional of the team today, else
    /// the author of the latest meeting.
    package func planPrintout(of citizenID: CitizenID, language: Language) throws -> PlanPrintout {
        let say = Localizer(language)
        let today = self.today
        // The printout is the plan: a consent that does not share the plan does not let it be printed.
        try checkAccess(to: citizenID, category: .plan)
        let citizen = try get(Citizen.self, id: citizenID)
        noteLookup(citizenID, .print)
        let plan = try currentPlan(of: citizenID)
        let steps = try plan.map { try all(Milestone.self, parent: $0.id.sqlValue) } ?? []

        var meetings: [MeetingWithAgreements] = []
        var request = PageRequest.first(200)
        while true {
            let page = try meetingHistory(of: citizenID, page: request)
            meetings += page.items
            guard let next = page.next else { break }
            request = PageRequest(limit: 200, after: next)
        }
        let latest = meetings.first?.meeting
        let open = meetings.flatMap(\.openAgreements).sorted { first, second in
            switch (first.due, second.due) {
            case let (one?, two?) where one != two: return one < two
            case (.some, nil): return true
            case (nil, .some): return false
            default: return first.id.rawValue < second.id.rawValue
            }
        }

        let responsible = try all(TeamMember.self, parent: citizenID.sqlValue)
            .filter { $0.responsible && $0.isActive(on: today) }
            .max { ($0.from, $0.id.rawValue) < ($1.from, $1.id.rawValue) }?.professionalID ?? latest?.authorID
        var wanted: [ProfessionalID] = open.compactMap { agreement in
            if case .professional(let id) = agreement.responsible { return id }
            return nil
        }
        if let responsible { wanted.append(responsible) }
        let people = try professionals(wanted)

        let milestones = steps.map { step -> PlanPrintout.MilestoneEntry in
            let state: PlanPrintout.MilestoneState
            switch step.status {
            case .achieved: state = .done
            case .dropped: state = .leftOut
            case _ where step.isOverdue(on: today): state = .overdue
            case .inProgress: state = .underWay
            case .adjusted: state = .changed
            case .planned: state = .planned
            }
            let detail: String?
            switch state {
            case .done: detail = say(.printDoneOn(say.date(step.achievedOn ?? step.deadline)))
            case .leftOut: detail = nil
            default:
                detail = say(.printDeadline(say.date(step.deadline), relative: say(.relativeDays(today.days(until: step.deadline)))))
            }
            return .init(title: PrintText.clean(step.title), state: state, detail: detail, steppingStone: step.steppingStone)
        }
        let agreements = open.map { agreement -> PlanPrintout.AgreementEntry in
            let who: String
            switch agreement.responsible {
            case .citizen: who = say(.printYou)
            case .professional(let id): who = people[id].map { PrintText.clean($0.name) } ?? "\u{2013}"
            }
            return .init(text: PrintText.clean(agreement.text), who: who, due: agreement.due.map(say.date),
                         isOverdue: agreement.isOverdue(on: today))
        }

        var nextMeeting: String?
        if let next = latest?.nextMeeting, next.localDate >= today {
            let time = next.localTime
            nextMeeting = say(.printMeetingTime(next.localDate, hour: time.hour, minute: time.minute))
        }

        var contact: PlanPrintout.Contact?
        if let responsible, let person = people[responsible] {
            let organisation = try person.organisationID.flatMap { try fetch(Organisation.self, id: $0)?.name }
            let description = [say(.role(person.role)), organisation.map(PrintText.clean)].compactMap { $0 }
                .filter { !$0.isEmpty }.joined(separator: ", ")
            contact = .init(name: PrintText.clean(person.name), description: description,
                            phone: PrintText.cleanOptional(person.phone), email: PrintText.cleanOptional(person.email))
        }

        return PlanPrintout(
            language: language, citizenName: PrintText.clean(citizen.name), maskedCPR: citizen.cpr?.masked,
            printedOn: today, goal: plan.map { PrintText.clean($0.goal) },
            purpose: plan.flatMap { PrintText.cleanOptional($0.purpose) },
            effort: plan.flatMap { PrintText.cleanOptional($0.effort) },
            period: plan.map { plan in
                plan.end.map { say(.printPeriod(from: say.date(plan.start), to: say.date($0))) }
                    ?? say(.printPeriodOpen(from: say.date(plan.start)))
            },
            daysLeft: plan?.end.map { say(.printDaysLeft(today.days(until: $0))) },
            milestones: milestones, agreements: agreements, nextMeeting: nextMeeting,
            nextMeetingPlace: nextMeeting == nil ? nil : latest.flatMap { PrintText.cleanOptional($0.place) },
            contact: contact)
    }
}

/// Text from the database made safe and tidy for print.
enum PrintText {
    /// Without control and bidirectional characters, line breaks and tabs as spaces, runs of
    /// spaces as one, no spaces at either end.
    static func clean(_ text: String) -> String {
        Sanitizer.sanitize(text, controls: .dropped).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// `clean`, or nil when nothing is left.
    static func cleanOptional(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }
}
