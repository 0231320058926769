import TrinvisCore

/// Restoring drafts: a draft opens on the record as it is saved now, on its citizen's screen;
/// when someone saved that record after the draft's form was opened, the conflict opens instead,
/// and nothing is laid over their change unseen.
extension AppRuntime {
    /// Restores an offered draft: its citizen's panes, then its form, or the conflict when its
    /// record changed since. The draft becomes this window's when its form opens.
    func restore(_ draft: FormDraft) throws -> [AppEvent] {
        let say = state.say
        guard let purpose = try purpose(forDraftKey: draft.key) else {
            try workspace.discard(draft)
            return [.draftUnavailable(say(.draftRecordGone))]
        }
        let current = try buildForm(purpose)
        let panes = try purpose.citizenID.map { [try citizenEvent($0)] } ?? []
        var notes: [AppEvent] = []
        if let change = try changeSince(draft, on: current) {
            let conflict = DraftConflict(draft: draft, current: current, changedBy: change.by, changedAt: change.at)
            guard conflict.rows.isEmpty else { return panes + [.conflictFound(conflict)] }
            notes.append(.info(say(.conflictNothingDiffers(change.by))))
        }
        guard try workspace.claim(draft) else { return [.draftUnavailable(say(.draftTakenElsewhere))] }
        var form = current
        // A new meeting's draft may hold more agreement lines than a fresh form has.
        form.purpose.kind.prepare(&form, forPayload: draft.payload, say: say)
        form.restore(payload: draft.payload)
        return panes + [.draftOpened(form)] + notes
    }

    /// Opens the form of a conflict on the record as it was saved when the conflict opened, with
    /// the values chosen per field: it saves against that version.
    func openForm(of conflict: DraftConflict) throws -> [AppEvent] {
        // An open form's conflict has no draft to claim: the form is this window's already.
        if conflict.fromOpenForm { return [.formOpened(conflict.form(on: try buildForm(conflict.purpose)))] }
        guard try workspace.claim(conflict.draft) else { return [.draftUnavailable(state.say(.draftTakenElsewhere))] }
        return [.draftOpened(conflict.form(on: try buildForm(conflict.purpose)))]
    }

    /// Who saved the draft's record after the draft's form was opened (the professional's name)
    /// and when; nil when no one did. One record is compared by its version; the resources form,
    /// over several records, by the values it opened with.
    private func changeSince(_ draft: FormDraft, on current: FormState) throws -> (by: String, at: Timestamp)? {
        let audit: Audit?
        if case .resources(let citizen) = current.purpose {
            guard let base = draft.basePayload.map(FormState.values(ofPayload:)),
                  current.fields.contains(where: { field in base[field.id].map { $0 != field.value } ?? false }) else {
                return nil
            }
            audit = try workspace.all(Resource.self, parent: citizen.sqlValue).map(\.audit).max { $0.updatedAt < $1.updatedAt }
        } else {
            audit = current.purpose.recordAudit
            guard audit?.version != draft.recordVersion else { return nil }
        }
        guard let audit else { return nil }
        return (try workspace.professionalName(auditName: audit.updatedBy),
                Timestamp(seconds: audit.updatedAt, offsetMinutes: workspace.clock().offsetMinutes))
    }
}
