import TrinvisCore

/// A record of a detail view that Tab chooses, to edit (`e`, Enter) or delete (`d`): what the
/// citizen's view lists (team, consents, resources, visions, plans, assessments, results,
/// placements, stories) and a milestone's progress notes.
package enum DetailRecord: Sendable, Equatable {
    case team(TeamMember, name: String)
    case consent(Consent, label: String)
    case resource(Resource, area: String)
    case vision(Vision)
    case plan(Plan)
    case assessment(Assessment)
    case outcome(Outcome)
    case placement(Placement, company: String)
    case story(Story)
    case progress(ProgressNote, Milestone)

    /// The form that changes the record.
    func editPurpose(citizen: CitizenID) -> FormPurpose {
        switch self {
        case .team(let member, _): return .team(citizen, member)
        case .consent(let consent, _): return .consent(citizen, consent)
        case .resource: return .resources(citizen)
        case .vision(let vision): return .vision(citizen, vision)
        case .plan(let plan): return .plan(citizen: citizen, plan)
        case .assessment(let assessment): return .assessment(citizen, assessment)
        case .outcome(let outcome): return .outcome(citizen, outcome)
        case .placement(let placement, _): return .placement(citizen, placement)
        case .story(let story): return .story(citizen, story)
        case .progress(let note, let milestone): return .progress(milestone, citizen: citizen, note)
        }
    }

    /// What deleting the record takes with it, as the question names it ("the assessment of
    /// 01.12.2026 and its 3 scores"); nil for a plan, whose milestones are counted first.
    func deletionSubject(_ say: Localizer) -> String? {
        switch self {
        case .team(_, let name): return say(.recordTeam(PaneViews.clean(name)))
        case .consent(_, let label): return say(.recordConsent(PaneViews.clean(label)))
        case .resource(_, let area): return say(.recordResource(PaneViews.clean(area)))
        case .vision: return say(.recordVision)
        case .plan: return nil
        case .assessment(let assessment): return say(.recordAssessment(date: say.date(assessment.date), scores: assessment.scores.count))
        case .outcome(let outcome): return say(.recordOutcome(kind: say(.outcomeKind(outcome.kind)), date: say.date(outcome.date)))
        case .placement(let placement, let company):
            return say(.recordPlacement(company: PaneViews.clean(company), from: say.date(placement.from)))
        case .story(let story): return say(.recordStory(PaneViews.clean(story.title)))
        case .progress(let note, _): return say(.recordProgress(say.date(note.date)))
        }
    }
}

/// A record deleted from a detail view, and the view's citizen.
extension DetailRecord {
    /// Deletes the record through the workspace.
    func delete(in workspace: Workspace) throws {
        switch self {
        case .team(let member, _): try workspace.delete(member)
        case .consent(let consent, _): try workspace.delete(consent)
        case .resource(let resource, _): try workspace.delete(resource)
        case .vision(let vision): try workspace.delete(vision)
        case .plan(let plan): try workspace.delete(plan)
        case .assessment(let assessment): try workspace.delete(assessment)
        case .outcome(let outcome): try workspace.delete(outcome)
        case .placement(let placement, _): try workspace.delete(placement)
        case .story(let story): try workspace.delete(story)
        case .progress(let note, _): try workspace.delete(note)
        }
    }
}

extension Screen {
    /// Which record a detail view shows (`citizen:3`), to tell a view read again from another.
    var detailSubject: String? {
        guard case .detail(let detail) = self else { return nil }
        switch detail {
        case .citizen(let profile): return "citizen:\(profile.citizen.id)"
        case .milestone(let milestone, _, _, _): return "milestone:\(milestone.id)"
        case .meeting(let item, _): return "meeting:\(item.meeting.id)"
        case .story(let item): return "story:\(item.story.id)"
        }
    }
}

extension AppUpdate {
    // MARK: Choosing, editing and deleting the records of a detail view

    /// The records of a detail view, in the order they are shown (Tab goes through them).
    static func records(of detail: Detail, _ state: AppState) -> [(record: DetailRecord, lines: Range<Int>)] {
        DetailView.build(detail, width: AppView.detailWidth(state), state: state).records
    }

    /// The chosen record of the detail view, if any.
    static func chosenRecord(_ detail: Detail, _ state: AppState) -> DetailRecord? {
        let records = records(of: detail, state)
        return state.detailRecord.flatMap { records.indices.contains($0) ? records[$0].record : nil }
    }

    /// Tab and Shift-Tab choose the next or previous record, `e` and Enter edit the chosen one,
    /// `d` deletes it (asking first, naming what goes with it). Nil for other keys, and for `e`
    /// with nothing chosen (the view's own record is edited then).
    static func recordAction(_ key: Key, _ detail: Detail, _ state: inout AppState) -> [Effect]? {
        let citizen: CitizenID
        switch detail {
        case .citizen(let profile): citizen = profile.citizen.id
        case .milestone:
            guard let id = state.panes.citizenID else { return nil }
            citizen = id
        case .meeting, .story: return nil
        }
        switch AppKeys.current(state).action(for: key) {
        case .nextRecord, .previousRecord:
            // The view is laid out only for the keys that choose a record, not for every key in it.
            let records = records(of: detail, state)
            guard !records.isEmpty else {
                state.message = StatusMessage(text: state.say(.noRecordsToChoose), kind: .info)
                return []
            }
            let forward = key == .tab
            let current = state.detailRecord
            let next = current.map { (forward ? $0 + 1 : $0 - 1 + records.count) % records.count } ?? (forward ? 0 : records.count - 1)
            state.detailRecord = next
            // The chosen record is scrolled into view.
            let lines = records[next].lines
            let visible = AppView.detailHeight(state)
            let total = DetailView.lines(detail, width: AppView.detailWidth(state), state: state).count
            state.detail.layout(contentHeight: total, visibleHeight: visible)
            if lines.lowerBound < state.detail.offset {
                state.detail.scroll(by: lines.lowerBound - state.detail.offset)
            } else if lines.upperBound > state.detail.offset + visible {
                state.detail.scroll(by: min(lines.upperBound - visible, lines.lowerBound) - state.detail.offset)
            }
            state.message = nil
            return []
        case .edit, .open:
            guard let record = chosenRecord(detail, state) else { return nil }
            return [.openForm(record.editPurpose(citizen: citizen))]
        case .delete:
            guard let record = chosenRecord(detail, state) else {
                state.message = StatusMessage(text: state.say(.chooseARecord), kind: .info)
                return []
            }
            guard let subject = record.deletionSubject(state.say) else { return [.askToDelete(.record(record))] }
            state.confirmation = Confirmation(question: state.say(.deleteRecordQuestion(subject)), onYes: .delete(.record(record)))
            return []
        default:
            return nil
        }
    }
}
