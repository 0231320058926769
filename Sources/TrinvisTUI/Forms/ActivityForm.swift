import TrinvisCore

/// The activity form: title, kind, date, start time, place, and a box per professional of the
/// organisation for who runs it (a new activity starts with the user running it). The
/// participants are not in the form: they are added by name in the activity's view, which a new
/// activity opens in once saved.
///
/// Fields, in order: `title`, `kind`, `date`, `start_time`, `place`, then `runs:pN` per professional.
struct ActivityForm: FormKind {
    let activity: Activity?

    static let draftPrefix = "activity"
    static let startID = "start_time"
    static let runnerPrefix = "runs:p"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard draftKey.record != "new" else { return .activity(nil) }
        return try draftKey.recordID.flatMap { try workspace.fetch(Activity.self, id: ActivityID($0)) }.map { .activity($0) }
    }

    var draftKey: String { activity.map { "activity:\($0.id)" } ?? "activity:new" }
    /// An activity is the organisation's, about no one citizen.
    var citizenID: CitizenID? { nil }
    var recordAudit: Audit? { activity?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let workspace = app.workspace
        let organisation = activity?.organisationID ?? workspace.actor.organisationID
        var people = try workspace.all(Professional.self).filter { organisation == nil || $0.organisationID == organisation }
        // Someone who runs it but belongs to another organisation keeps their box.
        let others = try workspace.professionals((activity?.runners ?? []).filter { id in !people.contains { $0.id == id } })
        people += others.values.sorted { $0.name < $1.name }
        let runners = activity?.runners ?? workspace.actor.professionalID.map { [$0] } ?? []
        var fields = [
            field("title", .labelTitle, .line, activity?.title ?? "", required: true),
            field("kind", .labelKind, .choice, activity?.kind.rawValue ?? ActivityKind.course.rawValue,
                  options: field.options(ActivityKind.self) { .activityKind($0) }),
            field("date", .labelDate, .date, field.date(activity?.date ?? workspace.today), required: true, sense: .nearest),
            FormField(id: Self.startID, label: say(.labelStartTime), kind: .line, value: activity?.startTime?.description ?? "",
                      maxLength: 5),
            field("place", .labelPlace, .line, activity?.place ?? ""),
        ]
        for person in people {
            fields.append(FormField(id: Self.runnerPrefix + String(person.id.rawValue), label: say(.labelRuns(person.name)),
                                    kind: .toggle, value: runners.contains(person.id) ? "1" : "0"))
        }
        let title = activity.map { say(.formEditActivity($0.title)) } ?? say(.formNewActivity)
        return FormState(purpose: .activity(activity), title: title, fields: fields)
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let day = reader.date("date", required: true)
        var start: ClockTime?
        let typed = reader.text(Self.startID).trimmingBlanks()
        if !typed.isEmpty {
            start = ClockTime(parsing: typed)
            if start == nil { reader.errors[Self.startID] = reader.say(.errorNotATime) }
        }
        // The participants stay as they are; a new activity is the user's organisation's.
        var changed = activity ?? Activity(title: "", kind: .other, date: day ?? reader.today,
                                           organisationID: app.workspace.actor.organisationID)
        changed.title = reader.text("title")
        changed.kind = reader.enumeration("kind", ActivityKind.self) ?? .other
        changed.date = day ?? changed.date
        changed.startTime = start
        changed.place = reader.text("place")
        changed.runners = reader.form.fields.compactMap { field -> ProfessionalID? in
            guard field.id.hasPrefix(Self.runnerPrefix), field.value == "1",
                  let raw = Int64(field.id.dropFirst(Self.runnerPrefix.count)) else { return nil }
            return ProfessionalID(raw)
        }
        try reader.check(changed)
        guard reader.errors.isEmpty else { return reader.rejected }
        if activity == nil {
            app.createdActivity = try app.workspace.create(changed).id
        } else {
            try app.workspace.update(changed)
        }
        return .saved(nil)
    }
}
