import TrinvisCore

/// The assessment form: a score per dimension (quality of life, housing…), the latest score of
/// each shown beside it while the new one is typed; a saved assessment can be changed.
struct AssessmentForm: FormKind {
    let citizen: CitizenID
    let assessment: Assessment?

    static let draftPrefix = "assessment"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizenRecord(Assessment.self, in: workspace) { .assessment($0, $1) }
    }

    /// The id of a dimension's score field (`score:housing`).
    static func scoreID(_ dimension: AssessmentDimension) -> String { "score:" + dimension.rawValue }

    var draftKey: String { DraftKey.citizenRecord(Self.draftPrefix, assessment, citizen: citizen) }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { assessment?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        // The latest score of each dimension is shown beside it while the new one is typed.
        var latest: [AssessmentDimension: Int] = [:]
        // (For a saved assessment: the score of the one before it.)
        let earlier = try app.workspace.all(Assessment.self, parent: citizen.sqlValue).filter { other in
            assessment.map { (other.date, other.id) < ($0.date, $0.id) } ?? true
        }
        for other in earlier {
            for (dimension, score) in other.scores { latest[dimension] = score }
        }
        let fields = [field("date", .labelDate, .date, field.date(assessment?.date ?? app.workspace.today), required: true, sense: .past)]
            + AssessmentDimension.allCases.map { dimension in
                var score = FormField(id: Self.scoreID(dimension), label: say(.dimension(dimension)), kind: .number,
                                      value: assessment?.scores[dimension].map(String.init) ?? "", maxLength: 2)
                score.hint = latest[dimension].map { say(.previousScore($0)) }
                return score
            }
        return FormState(purpose: .assessment(citizen, assessment), title: say(.formAssessment(try app.citizenName(citizen))), fields: fields)
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
        guard var assessment = self.assessment else {
            try app.workspace.create(Assessment(citizenID: citizen, date: day, authorID: app.workspace.actor.professionalID, scores: scores))
            return .saved(citizen)
        }
        assessment.date = day
        assessment.scores = scores
        try app.workspace.update(assessment)
        return .saved(citizen)
    }
}
