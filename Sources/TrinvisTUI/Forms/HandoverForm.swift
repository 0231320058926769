import TrinvisCore

/// Who can hand a group of citizens over, and who can take them.
package struct HandoverChoices: Sendable, Equatable {
    /// The professionals on every one of the citizens' teams today, those responsible first.
    package var givers: [Professional]
    /// Every professional.
    package var takers: [Professional]
}

/// The handover form: the tagged citizens (or the selected one) go from one professional to
/// another, for a reason, through `Workspace.handover` (administrators only). Its save asks
/// first, naming how many citizens and who gives and takes them; the form keeps no draft, as it
/// changes no record of its own.
///
/// Fields: `from` and `to` (choices, `p<id>`), `reason` (one line, required).
struct HandoverForm: TaggedCitizensForm {
    let citizens: [CitizenID]

    static let fromID = "from"
    static let toID = "to"
    static let reasonID = "reason"
    static let draftPrefix = "handover"

    /// The form for the citizens: from the user when they are on every team, else the first
    /// responsible professional common to all; to the first other professional.
    func build(in app: AppRuntime) throws -> FormState {
        try build(choices: try app.handoverChoices(citizens), names: app.names(of: citizens), actor: app.workspace.actor.professionalID,
                  say: app.state.say)
    }

    /// The form for choices already read (the runtime reads them first, to refuse an empty one).
    func build(choices: HandoverChoices, names: String, actor: ProfessionalID?, say: Localizer) throws -> FormState {
        let field = FieldMaker(say: say)
        func option(_ professional: Professional) -> FormOption {
            FormOption("p\(professional.id)", PaneViews.clean(professional.name) + " (" + say(.role(professional.role)) + ")")
        }
        let from = choices.givers.first { $0.id == actor } ?? choices.givers.first
        let to = choices.takers.first { $0.id != from?.id }
        return FormState(purpose: .handover(citizens), title: say(.formHandover(count: citizens.count, names: names)), fields: [
            field(Self.fromID, .fieldHandoverFrom, .choice, from.map { "p\($0.id)" } ?? "", required: true,
                  options: choices.givers.map(option)),
            field(Self.toID, .fieldHandoverTo, .choice, to.map { "p\($0.id)" } ?? "", required: true,
                  options: choices.takers.map(option)),
            field(Self.reasonID, .fieldHandoverReason, .line, required: true),
        ])
    }

    /// Checks the fields and asks: "Hand over 3 citizens from … to … (…)?"; the yes hands over.
    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let say = reader.say
        let from: ProfessionalID? = reader.id(Self.fromID, prefix: "p")
        let to: ProfessionalID? = reader.id(Self.toID, prefix: "p")
        if from == nil { reader.errors[Self.fromID] = say(.errorRequired) }
        if to == nil { reader.errors[Self.toID] = say(.errorRequired) }
        if let from, from == to { reader.errors[Self.toID] = say(.errorHandoverSameProfessional) }
        let reason = reader.required(Self.reasonID)
        guard reader.errors.isEmpty, let from, let to else { return reader.rejected }
        let people = try app.workspace.professionals([from, to])
        let question = say(.handoverQuestion(count: citizens.count, names: app.names(of: citizens),
                                             from: people[from].map { PaneViews.clean($0.name) } ?? "?",
                                             to: people[to].map { PaneViews.clean($0.name) } ?? "?"))
        return .ask(Confirmation(question: question,
                                 onYes: .handover(HandoverRequest(citizens: citizens, from: from, to: to, reason: reason))))
    }
}
