import TrinvisCore

/// The next meeting a meeting form filled in, and the rule it was proposed by: when the meeting's
/// date changes, a proposal the user left alone follows it; a date the user typed stays.
package struct NextMeetingProposal: Sendable, Equatable {
    package let rule: NextMeetingRule
    /// The text the form last put into the next-meeting field.
    package var proposed: String
}

/// The meeting form, in the order of the conversation: it opens in the notes; who was there and
/// whether the citizen came are filled in (attended, the responsible professional and the user
/// present); the agreements are lines under the notes, Enter on the last one adding the next;
/// and the next meeting is proposed, so that saving it costs no key.
///
/// Fields, in order: `at`, `kind`, `place`, for a companion meeting only its own fields
/// (`companion_authority`, `companion_with`, `companion_purpose`, `companion_result`,
/// `companion_by`: they come and go with the kind), `attendance`, a `present:pN` box per
/// professional, a `member:cN` box per other member of the citizen's household (a meeting with
/// the household), `notes`, then for a new meeting `agreementN`, `dueN`, `whoN` for N = 1, 2, …,
/// and `next_meeting`.
struct MeetingForm: FormKind {
    let citizen: CitizenID
    let meeting: Meeting?

    static let draftPrefix = "meeting"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else { return draftKey.owner(prefix: "c").map { .meeting(citizen: CitizenID($0), nil) } }
        return try draftKey.recordID.flatMap { try workspace.fetch(Meeting.self, id: MeetingID($0)) }
            .map { .meeting(citizen: $0.citizenID, $0) }
    }

    var draftKey: String { meeting.map { "meeting:\($0.id)" } ?? "meeting:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { meeting?.audit }
    var pane: Pane { .meetings }

    func build(in app: AppRuntime) throws -> FormState { try app.meetingForm(citizen: citizen, meeting) }

    func handle(_ key: Key, in form: inout FormState, say: Localizer) -> Bool { Self.handle(key, in: &form, say: say) }

    func changed(_ id: String, in form: inout FormState, today: LocalDate, say: Localizer) {
        Self.changed(id, in: &form, today: today, say: say)
    }

    func prepare(_ form: inout FormState, forPayload payload: String, say: Localizer) {
        Self.makeRoom(forPayload: payload, in: &form, say: say)
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let at = reader.stamp(Self.atID, required: true)
        let next = reader.stamp(Self.nextID)
        let agreements = Self.agreements(&reader)
        let meeting = Self.meeting(from: reader.form, citizen: citizen, existing: self.meeting, at: at ?? app.workspace.clock(), next: next)
        if let problem = Self.attendanceProblem(reader.form, meeting) { reader.errors["attendance"] = reader.say(problem) }
        try reader.check(meeting)
        guard reader.errors.isEmpty else { return reader.rejected }
        try app.saveMeeting(meeting, existing: self.meeting, agreements: agreements)
        return .saved(citizen)
    }

    /// A meeting the citizen attended must have someone there: when the form offers professionals
    /// to tick as present and none is ticked, that is a problem of the attendance.
    private static func attendanceProblem(_ form: FormState, _ meeting: Meeting) -> Phrase? {
        guard meeting.attendance == .attended, meeting.attendees.isEmpty,
              form.fields.contains(where: { $0.id.hasPrefix("present:") }) else { return nil }
        return .errorNobodyPresent
    }

    static let notesID = "notes"
    static let atID = "at"
    static let nextID = "next_meeting"
    /// The prefix of a household member's box ("member:c12").
    static let memberPrefix = "member:c"

    /// The field ids of agreement line `slot` (from 1): what, by when, who.
    static func textID(_ slot: Int) -> String { "agreement\(slot)" }
    static func dueID(_ slot: Int) -> String { "due\(slot)" }
    static func whoID(_ slot: Int) -> String { "who\(slot)" }

    /// The agreement line a field belongs to ("due2" → 2), nil for the meeting's own fields.
    static func slot(of id: String) -> Int? {
        for prefix in ["agreement", "due", "who"] where id.hasPrefix(prefix) {
            if let slot = Int(id.dropFirst(prefix.count)), slot > 0 { return slot }
        }
        return nil
    }

    /// How many agreement lines a form has (none when it edits a saved meeting).
    static func agreementCount(_ form: FormState) -> Int {
        form.fields.filter { $0.id.hasPrefix("agreement") && slot(of: $0.id) != nil }.count
    }

    /// The fields of agreement line `slot`: the text, the deadline, and who does it (the citizen
    /// or a professional around them, `who` gives the choices).
    static func agreementFields(slot: Int, who: [FormOption], say: Localizer) -> [FormField] {
        [
            FormField(id: textID(slot), label: say(.agreementSlot(slot)), kind: .line),
            FormField(id: dueID(slot), label: say(.dueSlot(slot)), kind: .date),
            FormField(id: whoID(slot), label: say(.whoSlot(slot)), kind: .choice, value: "citizen", options: who),
        ]
    }

    /// How a date and time is written into the meeting form's fields.
    static func text(_ stamp: Timestamp, _ say: Localizer) -> String {
        FormInput.format(stamp, say)
    }

    /// The time a new meeting is recorded at: the booked next meeting when it is today and has
    /// begun, otherwise now (rounded down to five minutes).
    static func start(now: Timestamp, booked: Timestamp?) -> Timestamp {
        if let booked, booked.localDate == now.localDate, booked <= now { return booked }
        return Timestamp.local(now.localDate, hour: now.localTime.hour, minute: now.localTime.minute / 5 * 5) ?? now
    }

    // MARK: Keys

    /// Enter on an agreement line goes to the next line's text; on the last line it adds a new
    /// line when the last has text, and otherwise goes on to the next meeting. Returns false when
    /// the key is not the meeting form's to handle.
    static func handle(_ key: Key, in form: inout FormState, say: Localizer) -> Bool {
        guard key == .enter, case .meeting(_, nil) = form.purpose, form.fields.indices.contains(form.focus),
              let slot = slot(of: form.fields[form.focus].id) else { return false }
        let count = agreementCount(form)
        if slot < count, let next = form.fields.firstIndex(where: { $0.id == textID(slot + 1) }) {
            form.focus = next
            return true
        }
        guard !form.value(textID(slot)).trimmingBlanks().isEmpty else {
            // An empty last line: on to what follows the agreements (the next meeting).
            let last = form.fields.lastIndex { self.slot(of: $0.id) != nil } ?? form.focus
            form.focus = min(last + 1, form.fields.count - 1)
            return true
        }
        addAgreementLine(to: &form, say: say)
        return true
    }

    /// Adds an empty agreement line after the last one and puts the cursor in its text.
    static func addAgreementLine(to form: inout FormState, say: Localizer) {
        let count = agreementCount(form)
        let who = form.fields.first { $0.id == whoID(1) }?.options ?? [FormOption("citizen", say(.you))]
        let lastIndex = form.fields.lastIndex { slot(of: $0.id) != nil }
            ?? form.fields.firstIndex { $0.id == notesID } ?? form.fields.count - 1
        form.fields.insert(contentsOf: agreementFields(slot: count + 1, who: who, say: say), at: lastIndex + 1)
        form.focus = lastIndex + 1
    }

    /// Makes room for the agreement lines a draft holds before it is put back into the form.
    static func makeRoom(forPayload payload: String, in form: inout FormState, say: Localizer) {
        guard case .meeting = form.purpose, let document = try? JSONParser.parse(payload),
              case .object(let members) = document else { return }
        // A draft of a companion meeting brings its companion fields back.
        if members.contains(where: { $0.0 == "kind" && $0.1 == .string(MeetingKind.companion.rawValue) }),
           let index = form.fields.firstIndex(where: { $0.id == "kind" }) {
            form.fields[index].setValue(MeetingKind.companion.rawValue)
            showCompanionFields(in: &form, me: nil, say: say)
        }
        guard case .meeting(_, nil) = form.purpose else { return }
        let wanted = members.compactMap { $0.0.hasPrefix("agreement") ? slot(of: $0.0) : nil }.max() ?? 0
        let focus = form.focus
        while agreementCount(form) < wanted { addAgreementLine(to: &form, say: say) }
        form.focus = focus
    }

    // MARK: Companion meetings

    /// The ids of a companion meeting's own fields, after the place: which authority, with
    /// whom, the purpose, what came of it, and who goes along.
    static let companionIDs = ["companion_authority", "companion_with", "companion_purpose", "companion_result", "companion_by"]

    /// The companion fields, filled from `companion`; the one who goes along defaults to `me`.
    static func companionFields(_ companion: Companion, choices: [FormOption], me: ProfessionalID?, say: Localizer) -> [FormField] {
        // Without a choice saved, the user goes along (the first choice is the user).
        let by = (companion.professionalID ?? me).map { "p\($0)" } ?? choices.first?.value ?? ""
        return [
            FormField(id: companionIDs[0], label: say(.labelAuthority), kind: .line, value: companion.authority),
            FormField(id: companionIDs[1], label: say(.labelCompanionWith), kind: .line, value: companion.with),
            FormField(id: companionIDs[2], label: say(.labelCompanionPurpose), kind: .text, value: companion.purpose),
            FormField(id: companionIDs[3], label: say(.labelCompanionResult), kind: .text, value: companion.result),
            FormField(id: companionIDs[4], label: say(.labelCompanionBy), kind: .choice, value: by,
                      options: [FormOption("", say(.none))] + choices),
        ]
    }

    /// Shows the companion fields when the kind is companion and takes them away otherwise
    /// (so an ordinary meeting costs no extra key). The focus stays on the field it was on.
    static func showCompanionFields(in form: inout FormState, me: ProfessionalID?, say: Localizer) {
        let wanted = form.value("kind") == MeetingKind.companion.rawValue
        let shown = form.fields.contains { $0.id == companionIDs[0] }
        guard wanted != shown else { return }
        let focused = form.fields.indices.contains(form.focus) ? form.fields[form.focus].id : nil
        if wanted {
            let after = (form.fields.firstIndex { $0.id == "place" } ?? form.fields.firstIndex { $0.id == "kind" } ?? 0) + 1
            form.fields.insert(contentsOf: companionFields(Companion(), choices: form.companionChoices, me: me, say: say), at: after)
        } else {
            form.fields.removeAll { companionIDs.contains($0.id) }
        }
        form.focus = focused.flatMap { id in form.fields.firstIndex { $0.id == id } } ?? min(form.focus, form.fields.count - 1)
    }

    /// The companion meeting's details as the form holds them (empty for another kind).
    static func companion(in form: FormState) -> Companion {
        guard form.value("kind") == MeetingKind.companion.rawValue else { return Companion() }
        let by = form.value(companionIDs[4])
        return Companion(authority: form.value(companionIDs[0]), with: form.value(companionIDs[1]),
                         purpose: form.value(companionIDs[2]), result: form.value(companionIDs[3]),
                         professionalID: by.hasPrefix("p") ? Int64(by.dropFirst()).map(ProfessionalID.init) : nil)
    }

    /// After a field changed: a changed meeting date moves the proposed next meeting with it,
    /// unless the user typed another next meeting; a changed kind shows or hides the companion
    /// fields.
    static func changed(_ id: String, in form: inout FormState, today: LocalDate, say: Localizer) {
        if id == "kind" { showCompanionFields(in: &form, me: nil, say: say) }
        guard id == atID, let proposal = form.proposal,
              let index = form.fields.firstIndex(where: { $0.id == nextID }),
              form.fields[index].value == proposal.proposed,
              case .success(let at?) = FormInput.dateTime(form.value(atID), today: today, sense: .past,
                                                          offset: { Timestamp.local($0, hour: $1, minute: $2) }),
              let next = proposal.rule.proposal(after: at.localDate) else { return }
        let proposed = text(next, say)
        form.fields[index].setValue(proposed)
        form.fields[index].hint = say(.proposedInterval(days: proposal.rule.intervalDays))
        form.proposal?.proposed = proposed
    }

    // MARK: Saving

    /// The agreements typed into the form's lines (empty lines are left out). A line with a
    /// deadline but no text is a problem at its text.
    static func agreements(_ reader: inout FormReader) -> [Agreement] {
        let form = reader.form
        var agreements: [Agreement] = []
        for slot in 1...max(agreementCount(form), 1) {
            let words = form.value(textID(slot)).trimmingBlanks()
            if words.isEmpty {
                if !form.value(dueID(slot)).trimmingBlanks().isEmpty { _ = reader.required(textID(slot)) }
                continue
            }
            agreements.append(Agreement(meetingID: .unsaved, text: words, responsible: reader.responsible(whoID(slot)),
                                        due: reader.date(dueID(slot))))
        }
        return agreements
    }
}

extension AppRuntime {
    /// The meeting form for a new meeting with a citizen, or for a saved meeting; `withHousehold`
    /// starts a new one with every other member of the household present.
    func meetingForm(citizen: CitizenID, _ meeting: Meeting?, withHousehold: Bool = false) throws -> FormState {
        let say = state.say
        let today = workspace.today
        let person = try workspace.get(Citizen.self, id: citizen)
        let recent = try workspace.meetingHistory(of: citizen, page: .first(NextMeetingRule.sample)).items.map(\.meeting)
        let latest = recent.first
        let start = meeting?.at ?? MeetingForm.start(now: workspace.clock(), booked: latest?.nextMeeting)
        let rule = NextMeetingRule(intervalDays: person.meetingIntervalDays, recent: recent.map(\.at))
        let next = meeting?.nextMeeting ?? rule.proposal(after: start.localDate)
        func options<E: TextEnumeration>(_ type: E.Type, _ label: (E) -> Phrase) -> [FormOption] {
            E.allCases.map { FormOption($0.rawValue, say(label($0))) }
        }

        var fields = [
            FormField(id: MeetingForm.atID, label: say(.labelTime), kind: .dateTime, value: MeetingForm.text(start, say), required: true,
                      sense: .past),
            FormField(id: "kind", label: say(.labelKind), kind: .choice,
                      value: meeting?.kind.rawValue ?? latest?.kind.rawValue ?? MeetingKind.conversation.rawValue,
                      options: options(MeetingKind.self) { .meetingKind($0) }),
            FormField(id: "place", label: say(.labelPlace), kind: .line, value: meeting?.place ?? latest?.place ?? ""),
            FormField(id: "attendance", label: say(.labelAttendance), kind: .choice,
                      value: meeting?.attendance.rawValue ?? Attendance.attended.rawValue,
                      options: options(Attendance.self) { .attendance($0) }),
        ]
        // Who was there: a box per professional around the citizen (and the user). A new meeting
        // starts with the responsible professional and the user present, so that "attended"
        // never starts with nobody there.
        let who = try responsibleOptions(citizen)
        let team = try workspace.all(TeamMember.self, parent: citizen.sqlValue).filter { $0.isActive(on: today) }
        var present = meeting?.attendees ?? team.filter(\.responsible).map(\.professionalID)
        if meeting == nil {
            if let me = workspace.actor.professionalID, !present.contains(me) { present.append(me) }
            if present.isEmpty { present = team.map(\.professionalID) }
        }
        for option in who.dropFirst() {
            fields.append(FormField(id: "present:" + option.value, label: say(.labelPresent(option.label)), kind: .toggle,
                                    value: present.contains { "p\($0)" == option.value } ? "1" : "0"))
        }
        // The other members of the household who were there: the meeting shows in their history too.
        for member in try workspace.householdMeetingMembers(of: meeting?.citizenID ?? citizen) {
            let present = meeting?.members.contains(member.id) ?? withHousehold
            fields.append(FormField(id: MeetingForm.memberPrefix + "\(member.id)", label: say(.labelPresent(member.name)),
                                    kind: .toggle, value: present ? "1" : "0"))
        }
        // A companion meeting's own fields follow the place (and come and go with the kind).
        // Everyone may go along; the user comes first, as the one who usually does.
        let me = workspace.actor.professionalID
        let everyone = try workspace.all(Professional.self).sorted { ($0.id == me ? 0 : 1) < ($1.id == me ? 0 : 1) }
            .map { FormOption("p\($0.id)", $0.name) }
        let kind = meeting?.kind ?? latest?.kind ?? .conversation
        if kind == .companion {
            let place = (fields.firstIndex { $0.id == "place" } ?? 2) + 1
            fields.insert(contentsOf: MeetingForm.companionFields(meeting?.companion ?? Companion(), choices: everyone,
                                                                 me: me, say: say), at: place)
        }
        fields.append(FormField(id: MeetingForm.notesID, label: say(.labelNotes), kind: .text, value: meeting?.notes ?? ""))
        if meeting == nil { fields += MeetingForm.agreementFields(slot: 1, who: who, say: say) }
        var nextField = FormField(id: MeetingForm.nextID, label: say(.labelNextMeeting), kind: .dateTime,
                                  value: next.map { MeetingForm.text($0, say) } ?? "")
        nextField.hint = say(.proposedInterval(days: rule.intervalDays))
        fields.append(nextField)

        let title = meeting == nil ? say(.formNewMeeting(person.name)) : say(.formEditMeeting(person.name))
        var form = FormState(purpose: .meeting(citizen: citizen, meeting), title: title, fields: fields)
        form.focus = fields.firstIndex { $0.id == MeetingForm.notesID } ?? 0
        if meeting == nil { form.proposal = NextMeetingProposal(rule: rule, proposed: nextField.value) }
        form.companionChoices = everyone
        return form
    }

}

extension MeetingForm {
    /// The meeting as the form describes it (the saved one changed, or a new one).
    static func meeting(from form: FormState, citizen: CitizenID, existing: Meeting?, at: Timestamp,
                        next: Timestamp?) -> Meeting {
        var meeting = existing ?? Meeting(citizenID: citizen, at: at)
        meeting.at = at
        meeting.kind = MeetingKind(rawValue: form.value("kind")) ?? .conversation
        meeting.place = form.value("place")
        meeting.attendance = Attendance(rawValue: form.value("attendance")) ?? .attended
        meeting.notes = form.value(notesID)
        meeting.nextMeeting = next
        meeting.companion = companion(in: form)
        meeting.attendees = form.fields.compactMap { field -> ProfessionalID? in
            guard field.id.hasPrefix("present:p"), field.value == "1",
                  let raw = Int64(field.id.dropFirst("present:p".count)) else { return nil }
            return ProfessionalID(raw)
        }
        // Members the form does not offer (the user may not see them) stay as they were.
        let offered = form.fields.compactMap { field -> (CitizenID, Bool)? in
            guard field.id.hasPrefix(memberPrefix), let raw = Int64(field.id.dropFirst(memberPrefix.count)) else { return nil }
            return (CitizenID(raw), field.value == "1")
        }
        let offeredIDs = Set(offered.map(\.0))
        meeting.members = meeting.members.filter { !offeredIDs.contains($0) } + offered.filter(\.1).map(\.0)
        return meeting
    }
}

extension AppRuntime {
    /// Saves a meeting form's meeting and, for a new meeting, its agreements, all in one
    /// transaction.
    func saveMeeting(_ meeting: Meeting, existing: Meeting?, agreements: [Agreement]) throws {
        guard existing == nil else {
            try workspace.update(meeting)
            return
        }
        var meeting = meeting
        meeting.authorID = workspace.actor.professionalID
        try workspace.transaction {
            let saved = try workspace.create(meeting)
            for var agreement in agreements {
                agreement.meetingID = saved.id
                try workspace.create(agreement)
            }
        }
    }
}
