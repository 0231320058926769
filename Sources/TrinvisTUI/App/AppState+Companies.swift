import TrinvisCore

/// The company register (loaded a page at a time) and the company whose view is on screen,
/// with the selected placement.
package struct CompaniesState: Sendable, Equatable {
    /// The register's rows loaded so far.
    package var rows: [CompanySummary] = []
    /// The cursor of the register's next page, nil when everything is loaded.
    package var next: PageCursor?
    package var list = ListState()
    /// The company on screen with its placements (running first, then newest first).
    package var company: CompanyPlacements?
    package var placementList = ListState()
    /// Where Esc leads from the register (the screen it was opened from).
    package var returnScreen: Screen = .main

    /// The selected row of the register.
    package var selectedCompany: Organisation? {
        list.selection.flatMap { rows.indices.contains($0) ? rows[$0].company : nil }
    }

    /// The selected placement of the company on screen.
    package var selectedPlacement: Placement? {
        guard let company, let index = placementList.selection, company.placements.indices.contains(index) else { return nil }
        return company.placements[index].placement
    }
}
