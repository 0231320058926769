import TrinvisCore

/// The activity form: title, kind, date, start time, place, and a box per professional of the
/// organisation for who runs it (a new activity starts with the user running it). The
/// participants are not in the form: they are added by name in the activity's view.
///
/// Fields, in order: `title`, `kind`, `date`, `start_time`, `place`, then `runs:pN` per professional.
enum ActivityForm {
    static let startID = "start_time"
    static let runnerPrefix = "runs:p"

    /// The start time typed, nil when the field is empty; `.failure` when it is not a time.
    static func startTime(_ text: String) -> Result<ClockTime?, FormInput.Problem> {
        let trimmed = text.trimmingBlanks()
        guard !trimmed.isEmpty else { return .success(nil) }
        guard let time = ClockTime(parsing: trimmed) else { return .failure(.notATime) }
        return .success(time)
    }

    /// The activity as the form describes it (the saved one changed, or a new one of the user's
    /// organisation); its participants stay as they are.
    static func activity(from form: FormState, existing: Activity?, date: LocalDate, start: ClockTime?,
                         organisation: OrganisationID?) -> Activity {
        var activity = existing ?? Activity(title: "", kind: .other, date: date, organisationID: organisation)
        activity.title = form.value("title")
        activity.kind = ActivityKind(rawValue: form.value("kind")) ?? .other
        activity.date = date
        activity.startTime = start
        activity.place = form.value("place")
        activity.runners = form.fields.compactMap { field -> ProfessionalID? in
            guard field.id.hasPrefix(runnerPrefix), field.value == "1",
                  let raw = Int64(field.id.dropFirst(runnerPrefix.count)) else { return nil }
            return ProfessionalID(raw)
        }
        return activity
    }
}

extension AppRuntime {
    /// The form of a new activity, or of a saved one.
    func activityForm(_ activity: Activity?) throws -> FormState {
        let say = state.say
        let organisation = activity?.organisationID ?? workspace.actor.organisationID
        var people = try workspace.all(Professional.self).filter { organisation == nil || $0.organisationID == organisation }
        // Someone who runs it but has moved to another organisation keeps their box.
        let others = try workspace.professionals((activity?.runners ?? []).filter { id in !people.contains { $0.id == id } })
        people += others.values.sorted { $0.name < $1.name }
        let runners = activity?.runners ?? workspace.actor.professionalID.map { [$0] } ?? []
        var fields = [
            FormField(id: "title", label: say(.labelTitle), kind: .line, value: activity?.title ?? "", required: true),
            FormField(id: "kind", label: say(.labelKind), kind: .choice, value: activity?.kind.rawValue ?? ActivityKind.course.rawValue,
                      options: ActivityKind.allCases.map { FormOption($0.rawValue, say(.activityKind($0))) }),
            FormField(id: "date", label: say(.labelDate), kind: .date, value: FormInput.format(activity?.date ?? workspace.today, say),
                      required: true, sense: .nearest),
            FormField(id: ActivityForm.startID, label: say(.labelStartTime), kind: .line,
                      value: activity?.startTime?.description ?? "", maxLength: 5),
            FormField(id: "place", label: say(.labelPlace), kind: .line, value: activity?.place ?? ""),
        ]
        for person in people {
            fields.append(FormField(id: ActivityForm.runnerPrefix + String(person.id.rawValue), label: say(.labelRuns(person.name)),
                                    kind: .toggle, value: runners.contains(person.id) ? "1" : "0"))
        }
        let title = activity.map { say(.formEditActivity($0.title)) } ?? say(.formNewActivity)
        return FormState(purpose: .activity(activity), title: title, fields: fields)
    }

    /// Saves the activity of a form; a new one opens in its view afterwards (to add participants).
    func saveActivity(_ activity: Activity, existing: Activity?) throws {
        if existing == nil {
            createdActivity = try workspace.create(activity).id
        } else {
            try workspace.update(activity)
        }
    }
}
