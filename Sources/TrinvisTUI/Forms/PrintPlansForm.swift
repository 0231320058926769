import TrinvisCore

/// The form that prints the plans of the tagged citizens: as PDF files (sent to the printer
/// when one is set up) or text files, into the print folder or another one. Its save asks
/// first, naming how many plans and where they go; it keeps no draft, as it changes no record.
///
/// Fields: `format` (`pdf` or `text`), `folder` (one line, required).
struct PrintPlansForm: TaggedCitizensForm {
    let citizens: [CitizenID]

    static let formatID = "format"
    static let folderID = "folder"
    static let draftPrefix = "print-plans"

    func build(in app: AppRuntime) throws -> FormState {
        let say = app.state.say
        let field = FieldMaker(say: say)
        return FormState(purpose: .printPlans(citizens), title: say(.formPrintPlans(count: citizens.count, names: app.names(of: citizens))),
                         fields: [
                             field(Self.formatID, .fieldPrintFormat, .choice, "pdf",
                                   options: [FormOption("pdf", say(.printFormatPDF)), FormOption("text", say(.printFormatText))]),
                             field(Self.folderID, .fieldPrintFolder, .line, app.printFolder.isEmpty ? "." : app.printFolder,
                                   required: true),
                         ])
    }

    /// Checks the folder and asks: "Print the plans of 3 tagged citizens (…) as PDF files into …?"
    func save(_ reader: inout FormReader, in app: AppRuntime) throws -> AppRuntime.SaveOutcome {
        let folder = reader.required(Self.folderID)
        guard reader.errors.isEmpty else { return reader.rejected }
        let text = reader.text(Self.formatID) == "text"
        let question = reader.say(.printTaggedQuestion(count: citizens.count, names: app.names(of: citizens), text: text,
                                                       folder: PaneViews.clean(folder)))
        return .ask(Confirmation(question: question,
                                 onYes: .printPlans(PlanPrintRequest(citizens: citizens, text: text, folder: folder))))
    }
}
