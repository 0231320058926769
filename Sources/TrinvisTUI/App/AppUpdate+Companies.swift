import TrinvisCore

/// The company register and a company's view: what their events and keys do.
extension AppUpdate {
    // MARK: Events

    /// A page of the register arrived: the first opens the register (from the screen it was
    /// asked on), a refresh keeps the selected company, a next page is added.
    static func companyRegisterLoaded(_ page: Page<CompanySummary>, append: Bool, _ state: inout AppState) {
        var companies = state.companies
        let selected = companies.selectedCompany?.id
        companies.rows = append ? companies.rows + page.items : page.items
        companies.next = page.next
        companies.list.setCount(companies.rows.count)
        if !append {
            let opening = state.screen != .companies && state.screen != .company
            if opening {
                companies.returnScreen = state.screen
                companies.list = ListState(count: companies.rows.count, selection: companies.rows.isEmpty ? nil : 0)
                state.message = nil
            } else if let selected, let index = companies.rows.firstIndex(where: { $0.company.id == selected }) {
                companies.list.select(index)
            }
            if state.screen != .company { state.screen = .companies }
        }
        state.companies = companies
    }

    /// A company's view arrived: opened from the register, or read again (the selected
    /// placement stays selected).
    static func companyLoaded(_ company: CompanyPlacements, _ state: inout AppState) {
        let same = state.screen == .company && state.companies.company?.company.id == company.company.id
        let selected = same ? state.companies.selectedPlacement?.id : nil
        state.companies.company = company
        state.companies.placementList = ListState(count: company.placements.count, selection: company.placements.isEmpty ? nil : 0)
        if let selected, let index = company.placements.firstIndex(where: { $0.placement.id == selected }) {
            state.companies.placementList.select(index)
        }
        if !same { state.message = nil }
        state.screen = .company
    }

    // MARK: Keys

    /// `c`, `C` and `W` on the main screen: the register, a new company, a new placement for
    /// the selected citizen.
    static func mainCompanyAction(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .companies: return [.openCompanies]
        case .newCompany: return [.openForm(.company(nil))]
        case .newPlacement:
            guard let citizen = state.panes.citizenID else {
                state.message = StatusMessage(text: state.say(.selectCitizenForPlacement), kind: .info)
                return []
            }
            return [.openForm(.placement(citizen))]
        default: return []
        }
    }

    /// The keys of the register.
    static func handleCompanies(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let move = ListMove(key: key) {
            state.companies.list.move(move)
            if let next = state.companies.next, let index = state.companies.list.selection,
               index >= state.companies.rows.count - prefetchDistance {
                return [.loadMoreCompanies(after: next)]
            }
            return []
        }
        switch AppKeys.current(state).action(for: key) {
        case .back:
            state.screen = state.companies.returnScreen
            state.companies.returnScreen = .main
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .open:
            guard let company = state.companies.selectedCompany else { return [] }
            return [.openCompany(company.id)]
        case .newCompany:
            return [.openForm(.company(nil))]
        case .editCompany:
            guard let company = state.companies.selectedCompany else {
                state.message = StatusMessage(text: state.say(.noSelection), kind: .info)
                return []
            }
            return [.openForm(.company(company))]
        default:
            break
        }
        return []
    }

    /// The keys of a company's view.
    static func handleCompany(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let entry = state.companies.company else {
            state.screen = .companies
            return []
        }
        if let move = ListMove(key: key) {
            state.companies.placementList.move(move)
            return []
        }
        let placement = state.companies.selectedPlacement
        switch AppKeys.current(state).action(for: key) {
        case .back:
            // The register is read again: its counts may have changed here.
            state.screen = .companies
            return [.openCompanies]
        case .quit:
            return [.quit]
        case .help:
            openHelp(&state)
        case .newPlacement:
            guard let citizen = state.panes.citizenID else {
                state.message = StatusMessage(text: state.say(.selectCitizenForPlacement), kind: .info)
                return []
            }
            return [.openForm(.placement(citizen, company: entry.company.id))]
        case .edit:
            guard let placement else { return noPlacement(&state) }
            return [.openForm(.placement(placement.citizenID, placement))]
        case .closePlacement:
            guard let placement else { return noPlacement(&state) }
            guard placement.isOngoing else {
                state.message = StatusMessage(text: state.say(.placementAlreadyClosed), kind: .info)
                return []
            }
            return [.openForm(.closePlacement(placement))]
        case .editCompany:
            return [.openForm(.company(entry.company))]
        default:
            break
        }
        return []
    }

    private static func noPlacement(_ state: inout AppState) -> [Effect] {
        state.message = StatusMessage(text: state.say(.noSelection), kind: .info)
        return []
    }

    /// The citizen view's menu entries that close the citizen's running placements.
    static func closePlacementItems(_ profile: CitizenProfile, _ say: Localizer) -> [(FormPurpose, String)] {
        profile.placements.filter { $0.placement.isOngoing }.map { placement, company in
            (.closePlacement(placement), say(.menuClosePlacement(PaneViews.clean(company))))
        }
    }
}
