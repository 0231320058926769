import TrinvisCore

/// The assessment form: a score per dimension (quality of life, housing…), the latest score of
/// each shown beside it while the new one is typed.
struct AssessmentForm: FormKind {
    let citizen: CitizenID

    static let draftPrefix = "assessment"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizen(in: workspace).map { .assessment($0) }
    }

    /// The id of a dimension's score field (`score:housing`).
    static func scoreID(_ dimension: AssessmentDimension) -> String { "score:" + dimension.rawValue }

    var draftKey: String { "assessment:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        // The latest score of each dimension is shown beside it while the new one is typed.
        var latest: [AssessmentDimension: Int] = [:]
        for assessment in try app.workspace.all(Assessment.self, parent: citizen.sqlValue) {
            for (dimension, score) in assessment.scores { latest[dimension] = score }
        }
        let fields = [field("date", .labelDate, .date, field.date(app.workspace.today), required: true, sense: .past)]
            + AssessmentDimension.allCases.map { dimension in
                var score = FormField(id: Self.scoreID(dimension), label: say(.dimension(dimension)), kind: .number, maxLength: 2)
                score.hint = latest[dimension].map { say(.previousScore($0)) }
                return score
            }
        return FormState(purpose: .assessment(citizen), title: say(.formAssessment(try app.citizenName(citizen))), fields: fields)
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        var scores: [AssessmentDimension: Int] = [:]
        for dimension in AssessmentDimension.allCases {
            let id = Self.scoreID(dimension)
            let typed = reader.text(id).trimmingBlanks()
            guard !typed.isEmpty else { continue }
            guard let score = Int(typed), AssessmentDimension.scoreRange.contains(score) else {
                reader.errors[id] = reader.say(.errorScore)
                continue
            }
            scores[dimension] = score
        }
        if scores.isEmpty, reader.errors.isEmpty { reader.errors[Self.scoreID(.qualityOfLife)] = reader.say(.errorNoScores) }
        guard reader.errors.isEmpty, let day else { return reader.rejected }
        try app.workspace.create(Assessment(citizenID: citizen, date: day, authorID: app.workspace.actor.professionalID, scores: scores))
        return .saved(citizen)
    }
}
