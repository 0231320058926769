import TrinvisCore

/// The team form: a professional around the citizen, new or changed (a membership ended, the
/// responsible one handed over). One responsible professional at a time.
struct TeamForm: FormKind {
    let citizen: CitizenID
    let member: TeamMember?

    static let draftPrefix = "team"

    static func purpose(draftKey: DraftKey, in workspace: Workspace) throws -> FormPurpose? {
        guard let citizen = try draftKey.citizen(in: workspace) else { return nil }
        guard draftKey.record != "new" else { return .team(citizen, nil) }
        return try draftKey.recordID.flatMap { try workspace.fetch(TeamMember.self, id: TeamMemberID($0)) }.map { .team(citizen, $0) }
    }

    var draftKey: String { member.map { "team:\($0.id):c\(citizen)" } ?? "team:new:c\(citizen)" }
    var citizenID: CitizenID? { citizen }
    var recordAudit: Audit? { member?.audit }

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        let people = try app.workspace.all(Professional.self)
        let chosen = member.map { "p\($0.professionalID)" } ?? people.first.map { "p\($0.id)" } ?? ""
        let name = try app.citizenName(citizen)
        let title = member == nil ? say(.formTeam(name)) : say(.formEditTeam(name))
        return FormState(purpose: .team(citizen, member), title: title, fields: [
            field("professional", .labelProfessional, .choice, chosen, required: true,
                  options: people.map { FormOption("p\($0.id)", $0.name + " (" + say(.role($0.role)) + ")") }),
            field("responsible", .labelResponsible, .toggle, member?.responsible == true ? "1" : "0"),
            field("from", .labelFrom, .date, field.date(member?.from ?? app.workspace.today), required: true, sense: .nearest),
            field("to", .labelTo, .date, field.date(member?.to)),
        ])
    }

    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let workspace = app.workspace
        let say = reader.say
        let from = reader.date("from", required: true)
        let to = reader.date("to")
        let professional: ProfessionalID? = reader.id("professional", prefix: "p")
        if professional == nil { reader.errors["professional"] = say(.errorRequired) }
        var member = professional.map {
            self.member ?? TeamMember(citizenID: citizen, professionalID: $0, responsible: false, from: from ?? reader.today)
        }
        if var changed = member, let professional {
            changed.professionalID = professional
            changed.responsible = reader.text("responsible") == "1"
            changed.from = from ?? changed.from
            changed.to = to
            try reader.check(changed)
            // One responsible professional at a time: another whose period overlaps is refused.
            if changed.responsible, reader.errors["from"] == nil, reader.errors["to"] == nil,
               let other = try workspace.all(TeamMember.self, parent: citizen.sqlValue)
                   .first(where: { $0.id != changed.id && $0.responsible && Self.overlap($0, changed) }) {
                let name = try workspace.professionals([other.professionalID])[other.professionalID]?.name ?? ""
                reader.errors["responsible"] = say(.errorSecondResponsible(name: name, from: say.date(other.from)))
            }
            member = changed
        }
        guard reader.errors.isEmpty, let member else { return reader.rejected }
        if self.member == nil { try workspace.create(member) } else { try workspace.update(member) }
        return .saved(citizen)
    }

    /// True when two team memberships share more than a day (a handover ends one on the day the
    /// other starts).
    private static func overlap(_ first: TeamMember, _ second: TeamMember) -> Bool {
        (second.to.map { first.from < $0 } ?? true) && (first.to.map { second.from < $0 } ?? true)
    }
}
