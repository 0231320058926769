import Foundation
import TrinvisCore

extension CommandRunner {
    /// `trinvis import FILE`: all or nothing, with the JSON path of the first problem.
    func importDocument(_ path: String) throws {
        let source = try openImportFile(path)
        // Importing into a new database: the document may bring the importing account along as
        // a professional; if it does not, the account becomes the first administrator after.
        let isNew = !FileManager.default.fileExists(atPath: databasePath)
        try createFolder(of: databasePath)
        do {
            try importDocument(source, path: path, isNew: isNew)
        } catch {
            // A database made for this import and left empty by its failure is not left behind.
            if isNew { for file in DatabaseFiles.paths(of: databasePath) { _ = try? PersonRights.perform { unlink(file) } } }
            throw error
        }
    }

    /// Imports into the database, closed again when this returns.
    private func importDocument(_ source: JSONFileSource, path: String, isNew: Bool) throws {
        let workspace = try openWorkspace(databasePath, registerFirstAdministrator: !isNew)
        do {
            let summary = try workspace.importDocument(source: source, progress: progressReporter(.progressImport))
            if isNew { try workspace.registerAsAdministratorIfUnregistered() }
            writeOutput(say(.imported(created: summary.totalCreated, updated: summary.totalUpdated)) + "\n")
        } catch let error as InterchangeError {
            throw Failure(phrase: .importFailed(error.description))
        } catch let error as JSONReadError {
            throw Failure(phrase: .cannotReadFile(path: path, reason: POSIXFailure(code: error.code).description))
        }
    }

    /// `trinvis export [--citizen ID] [-o FILE]`: to standard output or, atomically, to a file.
    func export(citizen: String?, output: String?) throws {
        let workspace = try openForReading(logging: true)
        let citizens = try citizen.map { [try resolveCitizen($0, in: workspace)] }
        // Written as it is made: an export of everything never holds the whole document.
        let progress = progressReporter(.progressExport)
        try deliver(to: output) { write in
            try workspace.exportDocument(citizens: citizens, progress: progress) { text in try write(Array(text.utf8)) }
        }
    }

    /// `trinvis report [-o FILE]`: the results report as text, CSV, JSON or a one-page PDF, to
    /// standard output or, atomically, to a file. A PDF is never written to a terminal.
    func report(from: LocalDate?, to: LocalDate?, organisation: String?, format: Invocation.ReportFormat,
                output: String?) throws {
        if format == .pdf { try refusePDFOnTerminal(output: output) }
        let workspace = try openForReading(logging: false)
        let organisationID = try organisation.map { try resolveOrganisation($0, in: workspace) }
        let report = try workspace.resultsReport(from: from, to: to, organisation: organisationID)
        let labels = ReportLabels.forLanguage(say.language.rawValue)
        switch format {
        case .text: try deliver(report.text(labels: labels), to: output)
        case .csv: try deliver(report.csv(labels: labels), to: output)
        case .json: try deliver(report.json.serialized(), to: output)
        case .pdf: try deliver(report.pdf(labels: labels, fonts: printFonts(), creationDate: workspace.clock()), to: output)
        }
    }

    /// `trinvis print-plan CITIZEN`: the plan the citizen takes home, as text or as a PDF. A PDF
    /// is never written to a terminal: it needs `-o FILE` or a redirected standard output.
    func printPlan(citizen: String, format: Invocation.PrintFormat, output: String?) throws {
        try printForCitizen(citizen, format: format, output: output) { workspace, id in
            try workspace.planPrintout(of: id, language: say.language)
        }
    }

    /// `trinvis print-access CITIZEN`: the right-of-access letter for the citizen (GDPR art. 15),
    /// as text or as a PDF, like `print-plan`.
    func printAccess(citizen: String, format: Invocation.PrintFormat, output: String?) throws {
        try printForCitizen(citizen, format: format, output: output) { workspace, id in
            try workspace.accessLetter(of: id, language: say.language)
        }
    }

    /// Writes a printout for a citizen as text or as a PDF (never to a terminal), remembers a
    /// written file and logs the print. Nothing leaves unlogged: a print to standard output is
    /// logged before it is written, and a file that cannot be recorded is removed again.
    private func printForCitizen(_ citizen: String, format: Invocation.PrintFormat, output: String?,
                                 printout make: (Workspace, CitizenID) throws -> any CitizenPrintout) throws {
        if format == .pdf { try refusePDFOnTerminal(output: output) }
        let workspace = try openForReading(logging: true)
        let id = try resolveCitizen(citizen, in: workspace)
        let printout = try make(workspace, id)
        let bytes: [UInt8]
        switch format {
        case .text: bytes = Array(printout.text().utf8)
        case .pdf: bytes = printout.pdf(fonts: printFonts(), creationDate: workspace.clock())
        }
        guard let output, let recorded = writtenFilePath(output) else {
            // A print to standard output (or to a device or a pipe given as -o, which no erasure
            // may ever remove) is logged as a look-up, before it leaves.
            try workspace.flushAccessLog()
            try deliver(bytes, to: nil)
            return
        }
        // A file written for the citizen is remembered, so that erasing them removes it too (and
        // the print is logged with it).
        try deliver(bytes, to: output)
        do {
            try workspace.recordPrintedFile(citizen: id, path: recorded)
            try workspace.flushAccessLog()
        } catch {
            removeWrittenFile(output)
            throw error
        }
    }

    /// `trinvis calendar [-o FILE] [--full-names]`: the user's coming meetings as iCalendar. A user
    /// name that is no professional gets an empty calendar and a note on standard error.
    func calendar(output: String?, naming: CalendarExport.Naming) throws {
        // Full names are logged (one export entry per citizen named); the short form is not.
        let workspace = try openForReading(logging: naming == .full)
        if workspace.actor.professionalID == nil {
            printError(say(.failure(say(.calendarNotRegistered(username: username)))))
        }
        let calendar = try workspace.calendarExport(language: say.language, naming: naming)
        try deliver(calendar.text, to: output)
        if let output {
            writeOutput(say(.calendarWritten(path: output, meetings: calendar.meetings.count)) + "\n")
        }
    }

    /// The fonts for a PDF, read from the system now; a warning on standard error when there is
    /// no usable TrueType font and the PDF is set in the standard fonts.
    func printFonts() -> PDFFonts {
        let choice = PDFFonts.system(environment: environment.variables)
        if let problem = choice.problem { printError(say(.printFontFallback(problem))) }
        return choice.fonts
    }

    /// A usage error when a PDF would go to standard output and that is a terminal: a PDF needs
    /// `-o FILE` or a redirected standard output.
    func refusePDFOnTerminal(output: String?) throws {
        if output == nil, environment.stdoutIsTerminal {
            throw UsageError(phrase: .pdfNeedsOutput)
        }
    }

    /// Writes to standard output, or atomically to `path`.
    func deliver(_ text: String, to path: String?) throws {
        try deliver(Array(text.utf8), to: path)
    }

    /// Writes bytes to standard output, or atomically to `path`.
    func deliver(_ bytes: [UInt8], to path: String?) throws {
        try deliver(to: path) { write in try write(bytes) }
    }

    /// Writes what `produce` hands its `write` function, piece by piece, to standard output or
    /// atomically to `path` (a failure leaves no file there). An error of `produce` itself comes
    /// out as it was; standard output may then have had part of the output.
    func deliver(to path: String?, _ produce: (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        // `produce`'s own error, told apart from the writes' failures, which become the messages below.
        var produced: Error?
        guard let path else {
            do {
                try produce { bytes in try writeStandardOutput(bytes) }
            } catch let error as POSIXFailure where error.code == ENOSPC || error.code == EDQUOT {
                throw Failure(phrase: .standardOutputFull)
            }
            return
        }
        do {
            try writeFileAtomically(to: path) { write in
                do {
                    try produce(write)
                } catch let error as POSIXFailure {
                    throw error
                } catch {
                    produced = error
                    throw error
                }
            }
        } catch let error as POSIXFailure {
            throw outputFailure(path: path, code: error.code)
        } catch {
            if let produced { throw produced }
            throw Failure(phrase: .cannotWriteFile(path: path, reason: String(describing: error)))
        }
    }

    /// A citizen by id, or by a name that matches exactly one citizen (or exactly one in full).
    func resolveCitizen(_ text: String, in workspace: Workspace) throws -> CitizenID {
        if let number = Int64(text), number > 0 {
            let id = CitizenID(SiteIDs.local(number, site: try workspace.site))
            guard try workspace.fetch(Citizen.self, id: id) != nil else {
                throw Failure(phrase: .citizenNotFound(text))
            }
            return id
        }
        let byName = try workspace.search(text, limit: 20, includeArchived: true).filter { $0.match == .name }.map(\.summary.citizen)
        let key = TextNormalization.searchKey(text)
        let exact = byName.filter { TextNormalization.searchKey($0.name) == key }
        if exact.count == 1 { return exact[0].id }
        if byName.count == 1 { return byName[0].id }
        if byName.isEmpty { throw Failure(phrase: .citizenNotFound(text)) }
        let site = try workspace.site
        throw Failure(phrase: .citizenAmbiguous(text, candidates: byName.prefix(5).map { "\(SiteIDs.short($0.id.rawValue, site: site)) \($0.name)" }))
    }

    /// An organisation by id or by a name that matches exactly one organisation.
    func resolveOrganisation(_ text: String, in workspace: Workspace) throws -> OrganisationID {
        if let number = Int64(text), number > 0 {
            let id = OrganisationID(SiteIDs.local(number, site: try workspace.site))
            guard try workspace.fetch(Organisation.self, id: id) != nil else {
                throw Failure(phrase: .organisationNotFound(text))
            }
            return id
        }
        let key = TextNormalization.searchKey(text)
        let matches = try workspace.all(Organisation.self).filter {
            TextNormalization.searchKey($0.name).contains(key)
        }
        let exact = matches.filter { TextNormalization.searchKey($0.name) == key }
        if exact.count == 1 { return exact[0].id }
        guard matches.count == 1 else {
            if matches.isEmpty { throw Failure(phrase: .organisationNotFound(text)) }
            let site = try workspace.site
            throw Failure(phrase: .organisationAmbiguous(text, candidates: matches.prefix(5).map {
                "\(SiteIDs.short($0.id.rawValue, site: site)) \($0.name)"
            }))
        }
        return matches[0].id
    }
}
