import TrinvisCore

/// A refusal to open a form, with the sentence that says why (no company to choose, say).
struct FormRefusal: Error, CustomStringConvertible {
    let description: String
}

/// The placement forms: a new or saved placement (company, kind, period, result, what came of
/// it), and closing a running one with its result. Closing as hired proposes the matching
/// result for the citizen, which one Enter records (see `AppRuntime.proposalAfterSave`).
enum PlacementForm {
    /// The results a placement can be closed with (not "ongoing").
    static let closingResults: [PlacementResult] = [.completed, .hired, .stopped]

    /// The placement as the new-or-edit form describes it; nil without a company.
    static func placement(from form: FormState, citizen: CitizenID, existing: Placement?, company: OrganisationID?,
                          from start: LocalDate, to end: LocalDate?) -> Placement? {
        guard let company else { return nil }
        var placement = existing ?? Placement(citizenID: citizen, companyID: company, kind: .internship, from: start)
        placement.companyID = company
        placement.kind = PlacementKind(rawValue: form.value("kind")) ?? .internship
        placement.from = start
        placement.to = end
        placement.result = PlacementResult(rawValue: form.value("result")) ?? .ongoing
        placement.note = form.value("note")
        return placement
    }

    /// The running placement closed as the closing form says.
    static func closed(_ placement: Placement, form: FormState, on end: LocalDate) -> Placement {
        var closed = placement
        closed.result = PlacementResult(rawValue: form.value("result")) ?? .completed
        closed.to = end
        closed.note = form.value("note")
        return closed
    }
}

extension AppRuntime {
    /// The form of a new placement for a citizen (at `company` when given), or of a saved one.
    func placementForm(citizen: CitizenID, _ placement: Placement?, company: OrganisationID?) throws -> FormState {
        let say = state.say
        let companies = try workspace.allCompanies()
        guard !companies.isEmpty else { throw FormRefusal(description: say(.noCompanyForPlacement)) }
        let chosen = placement?.companyID ?? company ?? companies[0].id
        func options<E: TextEnumeration>(_ type: E.Type, _ label: (E) -> Phrase) -> [FormOption] {
            E.allCases.map { FormOption($0.rawValue, say(label($0))) }
        }
        let name = try workspace.get(Citizen.self, id: citizen).name
        let title = placement == nil ? say(.formPlacement(name)) : say(.formEditPlacement(name))
        return FormState(purpose: .placement(citizen, placement, company: company), title: title, fields: [
            FormField(id: "company", label: say(.labelCompany), kind: .choice, value: "o\(chosen)", required: true,
                      options: companies.map { FormOption("o\($0.id)", $0.name) }),
            FormField(id: "kind", label: say(.labelKind), kind: .choice, value: placement?.kind.rawValue ?? "internship",
                      options: options(PlacementKind.self) { .placementKind($0) }),
            FormField(id: "from", label: say(.labelFrom), kind: .date, value: FormInput.format(placement?.from ?? workspace.today, say),
                      required: true, sense: .nearest),
            FormField(id: "to", label: say(.labelTo), kind: .date, value: FormInput.format(placement?.to, say)),
            FormField(id: "result", label: say(.labelResult), kind: .choice, value: placement?.result.rawValue ?? "ongoing",
                      options: options(PlacementResult.self) { .placementResult($0) }),
            FormField(id: "note", label: say(.labelWhatCameOfIt), kind: .text, value: placement?.note ?? ""),
        ])
    }

    /// The form that closes a running placement: the result, the last day (today unless the
    /// placement ended earlier) and what came of it.
    func closePlacementForm(_ placement: Placement) throws -> FormState {
        let say = state.say
        let company = try workspace.get(Organisation.self, id: placement.companyID).name
        let name = try workspace.get(Citizen.self, id: placement.citizenID).name
        let end = min(placement.to ?? workspace.today, workspace.today)
        return FormState(purpose: .closePlacement(placement), title: say(.formClosePlacement(company: company, citizen: name)), fields: [
            FormField(id: "result", label: say(.labelResult), kind: .choice, value: PlacementResult.completed.rawValue,
                      options: PlacementForm.closingResults.map { FormOption($0.rawValue, say(.placementResult($0))) }),
            FormField(id: "to", label: say(.labelTo), kind: .date, value: FormInput.format(end, say), required: true,
                      sense: .past),
            FormField(id: "note", label: say(.labelWhatCameOfIt), kind: .text, value: placement.note),
        ])
    }
}
