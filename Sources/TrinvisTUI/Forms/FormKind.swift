import TrinvisCore

/// One kind of form: its fields, how they are read and checked, and what saving them writes.
/// Each kind lives in a file of its own (`PlanForm.swift`, `ConsentForm.swift`, …); a form's
/// `FormPurpose` names the kind and the record (`FormPurpose.kind`), and `FormKinds.all` lists
/// the kinds for reading draft keys back. Adding a record kind adds a file with a `FormKind`, a
/// case to `FormPurpose` and a line to each of the two registries.
protocol FormKind {
    /// The first part of the kind's draft keys (`plan` in `plan:new:c3`).
    static var draftPrefix: String { get }
    /// The form a draft key of this kind names; nil when its record (or citizen) is gone.
    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose?

    /// The key under which drafts of this form are kept: kind, new or which record, and owner.
    var draftKey: String { get }
    /// The citizen the form is about (nil for a new citizen).
    var citizenID: CitizenID? { get }
    /// The audit of the one record the form changes: nil for a new record, and for forms that
    /// add a record or change several (resources, compared by their values instead).
    var recordAudit: Audit? { get }
    /// The pane the form's record is shown in on the main screen.
    var pane: Pane { get }

    /// The form, with its fields filled from the record being edited or with sensible defaults
    /// for a new one.
    func build(in app: AppRuntime) throws -> FormState
    /// Reads the fields through `reader` (which gathers every problem) and saves the records,
    /// or returns `reader.rejected` when something is not usable. Nothing is saved then.
    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome
    /// A key the kind handles itself before the field does; false when it does not.
    func handle(_ key: Key, in form: inout FormState, say: Localizer) -> Bool
    /// After the field `id` changed (a kind may fill in another field).
    func changed(_ id: String, in form: inout FormState, today: LocalDate, say: Localizer)
    /// Before a draft's values are put back: room for what the draft holds (more lines).
    func prepare(_ form: inout FormState, forPayload payload: String, say: Localizer)
    /// False for a form that changes no record of its own (the handover): it keeps no draft.
    var keepsDrafts: Bool { get }
}

extension FormKind {
    var recordAudit: Audit? { nil }
    var pane: Pane { .citizens }
    func handle(_ key: Key, in form: inout FormState, say: Localizer) -> Bool { false }
    func changed(_ id: String, in form: inout FormState, today: LocalDate, say: Localizer) {}
    func prepare(_ form: inout FormState, forPayload payload: String, say: Localizer) {}
    var keepsDrafts: Bool { true }
}

/// A draft key taken apart: `plan:new:c3` is kind `plan`, record `new`, owner `c3`.
struct DraftKey {
    let parts: [String]

    init?(_ key: String) {
        parts = key.split(separator: ":").map(String.init)
        guard parts.count >= 2 else { return nil }
    }

    /// The kind (the first part).
    var kind: String { parts[0] }
    /// `new`, or the id of the record the form edits.
    var record: String { parts[1] }
    /// The id of the record edited, nil for a new one.
    var recordID: Int64? { Int64(record) }
    /// What a new record belongs to (`c3`, `p7`): the third part, "" when there is none.
    var owner: String { parts.count == 3 ? parts[2] : "" }

    /// The number after `prefix` in `text` (`c3` → 3).
    static func number(_ text: String, prefix: String) -> Int64? {
        text.hasPrefix(prefix) ? Int64(text.dropFirst(prefix.count)) : nil
    }

    /// The number of the owner after `prefix` (`c3` → 3).
    func owner(prefix: String) -> Int64? { Self.number(owner, prefix: prefix) }

    /// The citizen a citizen's record form belongs to, named by the last part (`c3`), when they
    /// still exist.
    func citizen(in workspace: Workspace) throws -> CitizenID? {
        guard let citizen = Self.number(parts.last ?? "", prefix: "c").map(CitizenID.init),
              try workspace.fetch(Citizen.self, id: citizen) != nil else { return nil }
        return citizen
    }

    /// The purpose of a form on a citizen's record of type `R` (`outcome:new:c3`, `outcome:5:c3`):
    /// `make` gets the citizen and the record (nil for a new one); nil when either is gone.
    func citizenRecord<R: Record>(_ type: R.Type, in workspace: Workspace,
                                  _ make: (CitizenID, R?) -> FormPurpose) throws -> FormPurpose? {
        guard let citizen = try citizen(in: workspace) else { return nil }
        guard record != "new" else { return make(citizen, nil) }
        return try recordID.flatMap { try workspace.fetch(R.self, id: RecordID($0)) }.map { make(citizen, $0) }
    }

    /// The draft key of a form on a citizen's record: `kind:new:cN` or `kind:ID:cN`.
    static func citizenRecord<R: Record>(_ kind: String, _ record: R?, citizen: CitizenID) -> String {
        record.map { "\(kind):\($0.id):c\(citizen)" } ?? "\(kind):new:c\(citizen)"
    }
}

/// The registries of form kinds.
enum FormKinds {
    /// Every kind, for reading draft keys back.
    static var all: [any FormKind.Type] {
        [
            CitizenForm.self, PlanForm.self, MilestoneForm.self, ProgressForm.self, MeetingForm.self, AgreementForm.self,
            OutcomeForm.self, PlacementForm.self, StoryForm.self, VisionForm.self, ResourcesForm.self, TeamForm.self,
            ConsentForm.self, AssessmentForm.self, ActivityForm.self, ClosePlacementForm.self, CompanyForm.self,
            HouseholdMemberForm.self, HandoverForm.self, PrintPlansForm.self,
        ]
    }

    /// The form a draft belongs to, from its key; nil when its record no longer exists.
    static func purpose(forDraftKey key: String, in workspace: Workspace) throws -> FormPurpose? {
        guard let draftKey = DraftKey(key), let kind = all.first(where: { $0.draftPrefix == draftKey.kind }) else { return nil }
        return try kind.purpose(draftKey: draftKey, in: workspace)
    }
}

extension FormPurpose {
    /// The kind of form and the record it works on.
    var kind: any FormKind {
        switch self {
        case .citizen(let citizen): return CitizenForm(citizen: citizen)
        case .plan(let citizen, let plan): return PlanForm(citizen: citizen, plan: plan)
        case .milestone(let plan, let citizen, let milestone): return MilestoneForm(plan: plan, citizen: citizen, milestone: milestone)
        case .progress(let milestone, let citizen, let note): return ProgressForm(milestone: milestone, citizen: citizen, note: note)
        case .meeting(let citizen, let meeting): return MeetingForm(citizen: citizen, meeting: meeting)
        case .agreement(let meeting, let citizen, let agreement): return AgreementForm(meeting: meeting, citizen: citizen, agreement: agreement)
        case .outcome(let citizen, let outcome): return OutcomeForm(citizen: citizen, outcome: outcome)
        case .placement(let citizen, let placement, let company): return PlacementForm(citizen: citizen, placement: placement, company: company)
        case .closePlacement(let placement): return ClosePlacementForm(placement: placement)
        case .company(let company): return CompanyForm(company: company)
        case .story(let citizen, let story): return StoryForm(citizen: citizen, story: story)
        case .vision(let citizen, let vision): return VisionForm(citizen: citizen, vision: vision)
        case .resources(let citizen): return ResourcesForm(citizen: citizen)
        case .team(let citizen, let member): return TeamForm(citizen: citizen, member: member)
        case .consent(let citizen, let consent): return ConsentForm(citizen: citizen, consent: consent)
        case .assessment(let citizen, let assessment): return AssessmentForm(citizen: citizen, assessment: assessment)
        case .householdMember(let target): return HouseholdMemberForm(target: target)
        case .activity(let activity): return ActivityForm(activity: activity)
        case .handover(let citizens): return HandoverForm(citizens: citizens)
        case .printPlans(let citizens): return PrintPlansForm(citizens: citizens)
        }
    }

    /// The key under which drafts of this form are kept: kind, new or which record, and owner.
    package var draftKey: String { kind.draftKey }

    /// The citizen the form is about (nil for a new citizen).
    package var citizenID: CitizenID? { kind.citizenID }

    /// The audit of the one record the form changes: nil for a new record, and for forms that add
    /// a record or change several (resources, compared by their values instead).
    package var recordAudit: Audit? { kind.recordAudit }

    /// The pane a form's record is shown in on the main screen.
    package var pane: Pane { kind.pane }

    /// False for a form that changes no record of its own: it keeps no draft.
    package var keepsDrafts: Bool { kind.keepsDrafts }
}

/// A form field made from a phrase (the shared shape of the kinds' field lists).
struct FieldMaker {
    let say: Localizer

    /// A field labelled with a phrase.
    func callAsFunction(_ id: String, _ label: Phrase, _ kind: FormField.Kind, _ value: String = "", required: Bool = false,
                        options: [FormOption] = [], sense: DateSense = .coming) -> FormField {
        FormField(id: id, label: say(label), kind: kind, value: value, required: required, options: options, sense: sense)
    }

    /// A date as a date field shows it ("" for none).
    func date(_ value: LocalDate?) -> String { FormInput.format(value, say) }

    /// The options of a choice field over an enumeration, each with its phrase.
    func options<E: TextEnumeration>(_ type: E.Type, _ label: (E) -> Phrase) -> [FormOption] {
        E.allCases.map { FormOption($0.rawValue, say(label($0))) }
    }
}
