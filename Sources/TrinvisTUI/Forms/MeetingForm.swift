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
/// Fields, in order: `at`, `kind`, `place`, `attendance`, a `present:pN` box per professional,
/// `notes`, then for a new meeting `agreementN`, `dueN`, `whoN` for N = 1, 2, …, and `next_meeting`.
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
        guard case .meeting(_, nil) = form.purpose, let document = try? JSONParser.parse(payload),
              case .object(let members) = document else { return }
        let wanted = members.compactMap { $0.0.hasPrefix("agreement") ? slot(of: $0.0) : nil }.max() ?? 0
        let focus = form.focus
        while agreementCount(form) < wanted { addAgreementLine(to: &form, say: say) }
        form.focus = focus
    }

    /// After a field changed: a changed meeting date moves the proposed next meeting with it,
    /// unless the user typed another next meeting.
    static func changed(_ id: String, in form: inout FormState, today: LocalDate, say: Localizer) {
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
    /// The meeting form for a new meeting with a citizen, or for a saved meeting.
    func meetingForm(citizen: CitizenID, _ meeting: Meeting?) throws -> FormState {
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
        meeting.attendees = form.fields.compactMap { field -> ProfessionalID? in
            guard field.id.hasPrefix("present:p"), field.value == "1",
                  let raw = Int64(field.id.dropFirst("present:p".count)) else { return nil }
            return ProfessionalID(raw)
        }
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
