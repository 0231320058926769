/// A printout the citizen takes home: their plan (`PlanPrintout`) or the right-of-access letter
/// (`AccessLetter`). A title, the citizen's name, a few lines under it, then sections; the text
/// renderer (PlanPrintout+Text.swift) and the A4 PDF renderer (PlanPrintout+PDF.swift) lay out
/// every kind the same way.
package protocol CitizenPrintout: Sendable {
    /// The title ("Your plan").
    var title: String { get }
    /// The citizen's name, under the title and in every page's footer.
    var citizenName: String { get }
    /// The lines under the name: the masked CPR number, the print date.
    var headerLines: [String] { get }
    /// The parts under their headings, in order.
    var sections: [PrintSection] { get }
    /// The title with the citizen's name, for the document's properties.
    var documentTitle: String { get }
    /// "Printed 2026-03-02", in every page's footer beside the name.
    var printedLine: String { get }
    /// "Page 1 of 2".
    func pageLine(_ page: Int, of count: Int) -> String
}
