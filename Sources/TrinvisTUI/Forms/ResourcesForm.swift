import TrinvisCore

/// The resources form: what the citizen has to build on, one text per resource area (the
/// areas are the organisation's own).
struct ResourcesForm: FormKind {
    let citizen: CitizenID

    static let draftPrefix = "resources"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        try draftKey.citizen(in: workspace).map { .resources($0) }
    }

    /// The prefix of the area fields' ids (`area:health`).
    static let areaPrefix = "area:"

    var draftKey: String { "resources:c\(citizen)" }
    var citizenID: CitizenID? { citizen }

    func build(in app: AppRuntime) throws -> FormState {
        let workspace = app.workspace
        let existing = Dictionary(try workspace.all(Resource.self, parent: citizen.sqlValue).map { ($0.area, $0.text) },
                                  uniquingKeysWith: { first, _ in first })
        let fields = try workspace.resourceAreas().map { area in
            FormField(id: Self.areaPrefix + area.area.key, label: area.label(app.state.language), kind: .text,
                      value: existing[area.area] ?? "")
        }
        return FormState(purpose: .resources(citizen), title: app.state.say(.formResources(try app.citizenName(citizen))), fields: fields)
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let workspace = app.workspace
        let today = reader.today
        let fields = reader.form.fields
        try workspace.transaction {
            let existing = try workspace.all(Resource.self, parent: citizen.sqlValue)
            for field in fields where field.id.hasPrefix(Self.areaPrefix) {
                let area = ResourceArea(String(field.id.dropFirst(Self.areaPrefix.count)))
                let words = field.value
                if var resource = existing.first(where: { $0.area == area }) {
                    guard resource.text != words.trimmingBlanks() else { continue }
                    resource.text = words
                    resource.updatedOn = today
                    try workspace.update(resource)
                } else if !words.trimmingBlanks().isEmpty {
                    try workspace.create(Resource(citizenID: citizen, area: area, text: words, updatedOn: today))
                }
            }
        }
        return .saved(citizen)
    }
}
