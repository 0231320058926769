import TrinvisCore

/// The company register, a company's view, and the result a placement closed as hired proposes:
/// the effects that need the database.
extension AppRuntime {
    /// Reads the register (or its next page) or one company's view.
    func readCompanies(_ effect: Effect) throws -> AppEvent? {
        switch effect {
        case .openCompanies:
            // As many rows as were on screen, so that a refresh keeps the selection in reach.
            let size = max(state.companies.rows.count, AppUpdate.pageSize)
            return .companyRegisterLoaded(try workspace.companies(page: .first(size)), append: false)
        case .loadMoreCompanies(let after):
            return .companyRegisterLoaded(try workspace.companies(page: PageRequest(limit: AppUpdate.pageSize, after: after)),
                                          append: true)
        case .openCompany(let id):
            return .companyLoaded(try workspace.companyPlacements(id))
        default:
            return nil
        }
    }

    /// The company screen on view, read again after a change.
    func companyScreenRefreshed() throws -> [AppEvent] {
        switch state.screen {
        case .company:
            guard let company = state.companies.company?.company.id else { return [] }
            guard try workspace.fetch(Organisation.self, id: company) != nil else { return [.key(.escape)] }
            return [try readCompanies(.openCompany(company))].compactMap { $0 }
        case .companies:
            return [try readCompanies(.openCompanies)].compactMap { $0 }
        default:
            return []
        }
    }

    /// After a save that closed a placement as hired: the question whether to record the
    /// matching result for the citizen (one Enter).
    func proposalAfterSave() throws -> [AppEvent] {
        guard let outcome = proposedOutcome else { return [] }
        proposedOutcome = nil
        let say = state.say
        let name = try workspace.get(Citizen.self, id: outcome.citizenID).name
        return [.confirmationAsked(Confirmation(
            question: say(.proposeOutcome(kind: say(.outcomeKind(outcome.kind)), citizen: PaneViews.clean(name),
                                          date: say.date(outcome.date))),
            onYes: .recordOutcome(outcome)))]
    }

    /// Records a proposed result (undoable like every save).
    func record(_ outcome: Outcome) throws -> [AppEvent] {
        try workspace.create(outcome)
        return (try refreshedDetail())
            + [.changed(message: state.say(.outcomeRecorded(state.say(.outcomeKind(outcome.kind)))), citizen: outcome.citizenID)]
    }
}
