import TrinvisCore

/// A form that acts on a group of citizens (the tagged ones, or the selected one) rather than on
/// a record: the handover, the printing of their plans. It changes no record of its own, so it
/// keeps no draft and no draft key names one; its save asks the question (`SaveOutcome.ask`).
protocol TaggedCitizensForm: FormKind {
    /// The citizens the form acts on.
    var citizens: [CitizenID] { get }
}

extension TaggedCitizensForm {
    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? { nil }
    var draftKey: String { Self.draftPrefix + ":new:" + citizens.map { "c\($0)" }.joined(separator: "-") }
    var citizenID: CitizenID? { nil }
    var keepsDrafts: Bool { false }
}
