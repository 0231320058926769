import TrinvisCore

/// The story form: a story of the citizen's course, told in their words or the worker's.
struct StoryForm: FormKind {
    let citizen: CitizenID

    static let draftPrefix = "story"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizen(in: workspace).map { .story($0) }
    }

    var draftKey: String { "story:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .story(citizen), title: say(.formStory(try app.citizenName(citizen))), fields: [
            field("date", .labelDate, .date, field.date(app.workspace.today), required: true, sense: .past),
            field("title", .labelTitle, .line, "", required: true),
            field("text", .labelText, .text),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        let title = reader.required("title")
        let story = Story(citizenID: citizen, date: day ?? reader.today, title: title, text: reader.text("text"),
                          authorID: app.workspace.actor.professionalID)
        try reader.check(story)
        guard reader.errors.isEmpty else { return reader.rejected }
        try app.workspace.create(story)
        return .saved(citizen)
    }
}
