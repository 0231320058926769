import TrinvisCore

/// The story form: a story of the citizen's course, told in their words or the worker's, new or changed.
struct StoryForm: FormKind {
    let citizen: CitizenID
    let story: Story?

    static let draftPrefix = "story"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizenRecord(Story.self, in: workspace) { .story($0, $1) }
    }

    var draftKey: String { DraftKey.citizenRecord(Self.draftPrefix, story, citizen: citizen) }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { story?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .story(citizen, story), title: say(.formStory(try app.citizenName(citizen))), fields: [
            field("date", .labelDate, .date, field.date(story?.date ?? app.workspace.today), required: true, sense: .past),
            field("title", .labelTitle, .line, story?.title ?? "", required: true),
            field("text", .labelText, .text, story?.text ?? ""),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        let title = reader.required("title")
        var story = self.story ?? Story(citizenID: citizen, date: day ?? reader.today, title: title, text: "",
                                        authorID: app.workspace.actor.professionalID)
        story.date = day ?? story.date
        story.title = title
        story.text = reader.text("text")
        try reader.check(story)
        guard reader.errors.isEmpty else { return reader.rejected }
        if self.story == nil { try app.workspace.create(story) } else { try app.workspace.update(story) }
        return .saved(citizen)
    }
}
