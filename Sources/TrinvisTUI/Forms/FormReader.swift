import TrinvisCore

/// Reads a form's fields for a save and gathers the problems: every problem at once, each
/// beside its field (what was typed, the record's own checks and those against other records),
/// with the warnings a second save goes past.
struct FormReader {
    /// The form being saved.
    let form: FormState
    let workspace: Workspace
    let say: Localizer
    let today: LocalDate
    /// The problems so far, by field id.
    var errors: [String: String] = [:]
    /// A message for the whole form (the hint of a warning).
    var general: String?
    /// The warnings of the previous save: the same warning on this save is passed.
    let warnedBefore: Set<String>
    /// The warnings of this save.
    var warned: Set<String> = []

    init(form: FormState, workspace: Workspace, say: Localizer, warnedBefore: Set<String>) {
        self.form = form
        self.workspace = workspace
        self.say = say
        self.warnedBefore = warnedBefore
        today = workspace.today
    }

    /// The save refused, with the problems gathered.
    var rejected: AppRuntime.SaveOutcome { .rejected(errors: errors, general: general) }

    /// A field's value as typed.
    func text(_ id: String) -> String { form.value(id) }

    private func sense(_ id: String) -> DateSense { form.fields.first { $0.id == id }?.dateSense ?? .coming }

    /// A field's value without surrounding blanks; a problem when it is empty.
    mutating func required(_ id: String) -> String {
        let value = text(id).trimmingBlanks()
        if value.isEmpty { errors[id] = say(.errorRequired) }
        return value
    }

    /// A date field's date (nil when empty, or not a date: then a problem).
    mutating func date(_ id: String, required: Bool = false) -> LocalDate? {
        switch FormInput.date(text(id), today: today, sense: sense(id)) {
        case .success(let value):
            if value == nil, required { errors[id] = say(.errorRequired) }
            return value
        case .failure:
            errors[id] = say(.errorNotADate)
            return nil
        }
    }

    /// A date-and-time field's moment (nil when empty, or not a moment: then a problem).
    mutating func stamp(_ id: String, required: Bool = false) -> Timestamp? {
        switch FormInput.dateTime(text(id), today: today, sense: sense(id), offset: { Timestamp.local($0, hour: $1, minute: $2) }) {
        case .success(let value):
            if value == nil, required { errors[id] = say(.errorRequired) }
            return value
        case .failure(let problem):
            errors[id] = problem == .notATime ? say(.errorNotATime) : say(.errorNotADate)
            return nil
        }
    }

    /// A number field's number (nil and a problem when it is not a number).
    mutating func number(_ id: String) -> Int? {
        guard let value = Int(text(id).trimmingBlanks()) else {
            errors[id] = say(.errorNotANumber)
            return nil
        }
        return value
    }

    /// The record id a choice names (`p4` with prefix `p`), nil for none.
    func id<T>(_ field: String, prefix: String) -> RecordID<T>? {
        DraftKey.number(text(field), prefix: prefix).map { RecordID($0) }
    }

    /// The enumeration value a choice holds.
    func enumeration<E: TextEnumeration>(_ field: String, _ type: E.Type) -> E? { E(rawValue: text(field)) }

    /// Who a "who" choice names: a professional, or the citizen.
    func responsible(_ field: String) -> Responsible {
        let professional: ProfessionalID? = id(field, prefix: "p")
        return professional.map(Responsible.professional) ?? .citizen
    }

    /// The record's own problems and those against other records, each beside its field,
    /// unless that field (or the field it is compared with) already says what is wrong with
    /// what was typed.
    mutating func check<R: Record>(_ record: R) throws {
        for problem in try workspace.problems(of: record) {
            let field = Self.formField(of: problem.field)
            if errors[field] != nil { continue }
            if case .before(let other, _) = problem.problem, errors[Self.formField(of: other)] != nil { continue }
            errors[field] = Self.message(problem, in: form, say: say)
        }
    }

    /// A warning that stops the save once: shown beside the field (with any problems), and
    /// passed when the next save has the same values and nothing else is wrong.
    mutating func warn(_ key: String, field: String, _ warning: String, hint: String? = nil) {
        warned.insert(key)
        guard !(warnedBefore.contains(key) && errors.isEmpty) else { return }
        if errors[field] == nil { errors[field] = warning }
        if let hint { general = hint }
    }

    /// The form field a problem of the record concerns (the record's field names are those of
    /// the interchange format; a few are drawn as several fields).
    static func formField(of recordField: String) -> String {
        if recordField.hasPrefix("scores.") { return "score:" + recordField.dropFirst("scores.".count) }
        switch recordField {
        case "scores": return "score:" + AssessmentDimension.qualityOfLife.rawValue
        case "categories": return "category:" + DataCategory.contact.rawValue
        default: return recordField
        }
    }

    /// A problem as the form shows it: beside its field without the field's name (and a field
    /// compared with named by its label), or with the name when the form has no such field.
    static func message(_ error: ValidationError, in form: FormState, say: Localizer) -> String {
        func label(_ field: String) -> String? { form.fields.first { $0.id == formField(of: field) }?.label }
        var problem = error.problem
        if case .before(let other, let date) = problem { problem = .before(field: label(other) ?? other, date: date) }
        guard label(error.field) != nil else {
            return say(.store(.invalid(ValidationError(field: error.field, problem: problem))))
        }
        return say(.problem(problem))
    }
}
