import TrinvisCore

/// Acting on the tagged citizens (or the selected one): their plans into the print folder, one
/// interchange document of them, and the handover to another professional. Everything goes
/// through `Workspace`, which checks access and logs, as for one citizen.
extension AppRuntime {
    /// Performs an effect on the tagged citizens and returns the events that carry its result.
    func performOnTagged(_ effect: Effect) throws -> [AppEvent] {
        switch effect {
        case .printPlans(let request):
            // The print form closes once something was printed; when nothing could be, it stays
            // open with the reasons.
            let event = printPlans(request)
            if case .failed(let text) = event, state.form != nil { return [.formRejected(errors: [:], general: text)] }
            return (state.form == nil ? [] : [.formClosed]) + [event]
        case .exportCitizens(let citizens): return [try export(citizens)]
        case .openHandover(let citizens): return [try openHandover(citizens)]
        case .handover(let request): return try handOver(request)
        default: return []
        }
    }

    /// The name a tagged citizen was tagged with, else the one on record.
    func taggedName(_ citizen: CitizenID) -> String {
        if let entry = state.tags.entries.first(where: { $0.id == citizen }) { return entry.name }
        return (try? workspace.fetch(Citizen.self, id: citizen)).flatMap { $0?.name }.map(PaneViews.clean) ?? "#\(citizen)"
    }

    /// Writes each citizen's plan as a PDF (sent to the printer when one is set up) or a text
    /// file into the folder, each logged and remembered for erasure as a single print is. One that
    /// cannot be printed (no access to the plan, a full disk) is named in the message; the others
    /// are printed.
    private func printPlans(_ request: PlanPrintRequest) -> AppEvent {
        let say = state.say
        let fonts = PDFFonts.system(environment: fontEnvironment ?? PDFFonts.processEnvironment)
        var paths: [String] = []
        var sent = 0
        var failures: [String] = []
        for citizen in request.citizens {
            do {
                let written = try writePlan(citizen, fonts: fonts, text: request.text, folder: request.folder)
                paths.append(written.path)
                if written.printed == true { sent += 1 }
            } catch let error as StoreError {
                failures.append(say(.notPrintedBecause(name: taggedName(citizen), reason: say(.store(error)))))
            } catch {
                failures.append(say(.notPrintedBecause(name: taggedName(citizen), reason: String(describing: error))))
            }
        }
        let citizens = request.citizens
        let folder = paths.first.map(Self.folder(of:)) ?? request.folder
        var text = say(.plansPrinted(count: paths.count, of: citizens.count, folder: folder,
                                     sent: printer == nil || request.text ? nil : sent))
        if !failures.isEmpty { text += " " + failures.joined(separator: " ") }
        if !request.text { text = noting(fonts, text) }
        return paths.isEmpty ? .failed(text) : .changed(message: text, citizen: nil)
    }

    /// Writes one interchange document of the citizens (with what they refer to) into the print
    /// folder as `trinvis-export-DATE.json`; the exporter reads through `Workspace`, so only what
    /// the actor may see is in it, and each citizen's export is logged.
    private func export(_ citizens: [CitizenID]) throws -> AppEvent {
        let say = state.say
        let text = try workspace.exportText(citizens: citizens)
        do {
            let path = try save(Array(text.utf8), as: "trinvis-export-\(workspace.today.iso)", suffix: ".json")
            return .info(say(.citizensExported(count: citizens.count, path: path)))
        } catch {
            return .failed(say(.exportNotWritten(String(describing: error))))
        }
    }

    /// Hands the citizens over through `Workspace.handover` (one transaction, so one step of
    /// undo), which an administrator alone may do.
    private func handOver(_ request: HandoverRequest) throws -> [AppEvent] {
        let say = state.say
        do {
            let summary = try workspace.handover(from: request.from, to: request.to, citizens: request.citizens,
                                                 reason: request.reason)
            let names = try workspace.professionals([request.from, request.to]).mapValues { PaneViews.clean($0.name) }
            return [.formClosed,
                    .changed(message: say(.handedOver(count: summary.citizens.count, from: names[request.from] ?? "?",
                                                      to: names[request.to] ?? "?")),
                             citizen: nil)]
        } catch StoreError.administratorsOnly {
            return [.formRejected(errors: [:], general: say(.handoverAdministratorsOnly))]
        } catch StoreError.notFound(kind: "team membership", let id) {
            return [.formRejected(errors: [:], general: say(.handoverNotOnTeam(name: taggedName(CitizenID(id)))))]
        } catch let error as StoreError {
            return [.formRejected(errors: [:], general: say(.store(error)))]
        }
    }

    /// The handover form for the citizens. Only an administrator may hand over (the rule of
    /// `Workspace.handover`): anyone else is told so before the form opens.
    private func openHandover(_ citizens: [CitizenID]) throws -> AppEvent {
        let say = state.say
        do {
            try workspace.requireAdministrator()
        } catch StoreError.administratorsOnly {
            return .failed(say(.handoverAdministratorsOnly))
        }
        let choices = try handoverChoices(citizens)
        guard !choices.givers.isEmpty else { return .failed(say(.handoverNoCommonProfessional(count: citizens.count))) }
        warnedKeys = []
        return .formOpened(try HandoverForm(citizens: citizens).build(choices: choices, names: names(of: citizens),
                                                                      actor: workspace.actor.professionalID, say: say))
    }

    /// The first names of the citizens and how many more, for a title or a question.
    func names(of citizens: [CitizenID]) -> String {
        let shown = AppUpdate.namesInQuestion
        return state.say(.namesAndMore(citizens.prefix(shown).map(taggedName), more: max(citizens.count - shown, 0)))
    }

    /// Who can hand the citizens over (the professionals on every one of their teams today, the
    /// responsible ones first) and who can take them (every professional).
    func handoverChoices(_ citizens: [CitizenID]) throws -> HandoverChoices {
        let today = workspace.today
        var common: Set<ProfessionalID>?
        var responsible: Set<ProfessionalID> = []
        for citizen in citizens {
            let open = try workspace.all(TeamMember.self, parent: citizen.sqlValue).filter { $0.to.map { $0 >= today } ?? true }
            let theirs = Set(open.map(\.professionalID))
            common = common.map { $0.intersection(theirs) } ?? theirs
            responsible.formUnion(open.filter(\.responsible).map(\.professionalID))
        }
        let everyone = try workspace.all(Professional.self)
        let candidates = everyone.filter { common?.contains($0.id) == true }
        let givers = candidates.filter { responsible.contains($0.id) } + candidates.filter { !responsible.contains($0.id) }
        return HandoverChoices(givers: givers, takers: everyone)
    }

    /// The folder a file was written into.
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
