import TrinvisCore

/// The agreement form: an agreement of a meeting, new or changed (what, who, by when, done).
struct AgreementForm: FormKind {
    let meeting: MeetingID
    let citizen: CitizenID
    let agreement: Agreement?

    static let draftPrefix = "agreement"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else {
            guard let meeting = try draftKey.owner(prefix: "mt").flatMap({ try workspace.fetch(Meeting.self, id: MeetingID($0)) }) else {
                return nil
            }
            return .agreement(meeting: meeting.id, citizen: meeting.citizenID, nil)
        }
        guard let agreement = try draftKey.recordID.flatMap({ try workspace.fetch(Agreement.self, id: AgreementID($0)) }),
              let meeting = try workspace.fetch(Meeting.self, id: agreement.meetingID) else { return nil }
        return .agreement(meeting: meeting.id, citizen: meeting.citizenID, agreement)
    }

    var draftKey: String { agreement.map { "agreement:\($0.id)" } ?? "agreement:new:mt\(meeting)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { agreement?.audit }
    var pane: Pane { .meetings }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let who: String
        switch agreement?.responsible {
        case .professional(let id): who = "p\(id)"
        default: who = "citizen"
        }
        let name = try app.citizenName(citizen)
        let title = agreement == nil ? say(.formNewAgreement(name)) : say(.formEditAgreement(name))
        return FormState(purpose: .agreement(meeting: meeting, citizen: citizen, agreement), title: title, fields: [
            field("text", .labelText, .line, agreement?.text ?? "", required: true),
            field("responsible", .labelWho, .choice, who, options: try app.responsibleOptions(citizen)),
            field("due", .labelDue, .date, field.date(agreement?.due ?? app.workspace.today.adding(days: 7))),
            field("done_on", .labelDone, .date, field.date(agreement?.doneOn), sense: .past),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let words = reader.required("text")
        let due = reader.date("due")
        let done = reader.date("done_on")
        var agreement = self.agreement ?? Agreement(meetingID: meeting, text: words)
        agreement.text = words
        agreement.responsible = reader.responsible("responsible")
        agreement.due = due
        agreement.doneOn = done
        try reader.check(agreement)
        guard reader.errors.isEmpty else { return reader.rejected }
        if self.agreement == nil { try app.workspace.create(agreement) } else { try app.workspace.update(agreement) }
        return .saved(citizen)
    }
}
