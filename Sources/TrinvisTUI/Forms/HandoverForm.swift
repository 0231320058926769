import TrinvisCore

/// Who can hand a group of citizens over, and who can take them.
package struct HandoverChoices: Sendable, Equatable {
    /// The professionals on every one of the citizens' teams today, those responsible first.
    package var givers: [Professional]
    /// Every professional.
    package var takers: [Professional]
}

/// The handover form: the tagged citizens (or the selected one) go from one professional to
/// another, for a reason, through `Workspace.handover` (administrators only). Saving asks first,
/// naming how many citizens and who gives and takes them; the form keeps no draft, as it changes
/// no record of its own.
///
/// Fields: `from` and `to` (choices, `p<id>`), `reason` (one line, required).
enum HandoverForm {
    static let fromID = "from"
    static let toID = "to"
    static let reasonID = "reason"

    /// The form for the citizens: from the actor when they are on every team, else the first
    /// responsible professional common to all; to the first other professional.
    static func form(citizens: [CitizenID], names: String, choices: HandoverChoices, actor: ProfessionalID?,
                     say: Localizer) -> FormState {
        func option(_ professional: Professional) -> FormOption {
            FormOption("p\(professional.id)", PaneViews.clean(professional.name) + " (" + say(.role(professional.role)) + ")")
        }
        let from = choices.givers.first { $0.id == actor } ?? choices.givers.first
        let to = choices.takers.first { $0.id != from?.id }
        return FormState(purpose: .handover(citizens), title: say(.formHandover(count: citizens.count, names: names)), fields: [
            FormField(id: fromID, label: say(.fieldHandoverFrom), kind: .choice, value: from.map { "p\($0.id)" } ?? "",
                      required: true, options: choices.givers.map(option)),
            FormField(id: toID, label: say(.fieldHandoverTo), kind: .choice, value: to.map { "p\($0.id)" } ?? "",
                      required: true, options: choices.takers.map(option)),
            FormField(id: reasonID, label: say(.fieldHandoverReason), kind: .line, required: true),
        ])
    }

    /// The handover the form asks for, or the problems beside their fields.
    static func request(_ form: FormState, say: Localizer) -> Result<HandoverRequest, FormProblems> {
        guard case .handover(let citizens) = form.purpose else { return .failure(FormProblems(errors: [:])) }
        func professional(_ id: String) -> ProfessionalID? {
            let value = form.value(id)
            guard value.hasPrefix("p"), let raw = Int64(value.dropFirst()) else { return nil }
            return ProfessionalID(raw)
        }
        var errors: [String: String] = [:]
        let from = professional(fromID)
        let to = professional(toID)
        if from == nil { errors[fromID] = say(.errorRequired) }
        if to == nil { errors[toID] = say(.errorRequired) }
        if let from, from == to { errors[toID] = say(.errorHandoverSameProfessional) }
        let reason = form.value(reasonID).trimmingBlanks()
        if reason.isEmpty { errors[reasonID] = say(.errorRequired) }
        guard errors.isEmpty, let from, let to else { return .failure(FormProblems(errors: errors)) }
        return .success(HandoverRequest(citizens: citizens, from: from, to: to, reason: reason))
    }
}

extension FormPurpose {
    /// False for a form that changes no record of its own (the handover): it keeps no draft.
    var keepsDrafts: Bool {
        if case .handover = self { return false }
        return true
    }
}

/// What is wrong with a form's values, by field id.
struct FormProblems: Error, Equatable {
    var errors: [String: String]
}
