import TrinvisCore

/// Opening and saving forms: the effects that need the database. Each kind of form is a
/// `FormKind` of its own (Forms/); this is the engine around them.
extension AppRuntime {
    // MARK: Building forms

    /// The form for a purpose, with its fields filled from the record being edited or with
    /// sensible defaults for a new one.
    func buildForm(_ purpose: FormPurpose) throws -> FormState {
        warnedKeys = []
        return try purpose.kind.build(in: self)
    }

    /// The citizen's name, for a form's title.
    func citizenName(_ citizen: CitizenID) throws -> String {
        try workspace.get(Citizen.self, id: citizen).name
    }

    /// "The citizen" and the professionals around them (and the user), for agreement forms.
    func responsibleOptions(_ citizen: CitizenID) throws -> [FormOption] {
        let team = try workspace.all(TeamMember.self, parent: citizen.sqlValue).filter { $0.isActive(on: workspace.today) }
        var ids = team.map(\.professionalID)
        if let me = workspace.actor.professionalID, !ids.contains(me) { ids.append(me) }
        let people = try workspace.professionals(ids)
        return [FormOption("citizen", state.say(.you))]
            + ids.compactMap { id in people[id].map { FormOption("p\(id)", $0.name) } }
    }

    // MARK: Saving forms

    /// What a save produced: the citizen to show afterwards, or the problems to show in the form.
    enum SaveOutcome {
        case saved(CitizenID?)
        case rejected(errors: [String: String], general: String?)
        /// The values are usable, but what they do waits for a yes to a question (a handover).
        case ask(Confirmation)
        /// Another connection holds the write lock: the save waits and is tried again.
        case busy(DatabaseError)
    }

    /// Reads the fields, saves the records, and reports the problems instead when a value is not
    /// usable: every problem at once, each beside its field (what was typed, the record's own
    /// checks and those against other records), with the warnings a second save goes past.
    /// Nothing is saved unless everything is valid.
    func save(_ form: FormState) -> SaveOutcome {
        let say = state.say
        // The warnings of this save; the same warning on the next save is passed (see `FormReader.warn`).
        var reader = FormReader(form: form, workspace: workspace, say: say, warnedBefore: warnedKeys)
        warnedKeys = []
        proposedOutcome = nil
        do {
            let outcome = try form.purpose.kind.save(&reader, in: self)
            warnedKeys = reader.warned
            guard case .saved = outcome else { return outcome }
            warnedKeys = []
            try? workspace.discardDraft(key: form.purpose.draftKey)
            return outcome
        } catch let error as StoreError {
            warnedKeys = reader.warned
            if case .invalid(let validation) = error {
                return .rejected(errors: [FormReader.formField(of: validation.field): FormReader.message(validation, in: form, say: say)],
                                 general: nil)
            }
            return .rejected(errors: [:], general: say(.store(error)))
        } catch let error as DatabaseError where error.isBusy {
            warnedKeys = reader.warned
            return .busy(error)
        } catch let error as DatabaseError {
            warnedKeys = reader.warned
            return .rejected(errors: [:], general: say(.database(error)))
        } catch {
            warnedKeys = reader.warned
            return .rejected(errors: [:], general: String(describing: error))
        }
    }
}
