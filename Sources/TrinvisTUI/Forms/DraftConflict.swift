import TrinvisCore

/// A draft restored over a record that someone saved after the draft's form was opened: the
/// fields whose value in the draft differs from the saved one, side by side, each with the side
/// the user chose. Nothing is saved from here: Enter opens the form on the record as it is saved
/// now, with the chosen values, and the form saves against that version.
package struct DraftConflict: Sendable, Equatable {
    /// Which value a field takes.
    package enum Side: Sendable, Equatable {
        /// What the draft holds.
        case draft
        /// What is saved now.
        case saved
    }

    /// One field whose draft value differs from the saved value.
    package struct Row: Sendable, Equatable {
        /// The field's id in the form.
        package let field: String
        package let label: String
        package let draftValue: String
        package let savedValue: String
        /// The values as shown: an option's label, a box for yes and no, the text itself.
        package let draftShown: String
        package let savedShown: String
        package var choice: Side
    }

    /// The draft, as offered (its window, for claiming it).
    package let draft: FormDraft
    /// The form's purpose on the record as it is saved now.
    package let purpose: FormPurpose
    /// The form's title.
    package let title: String
    /// The professional who saved the record last, and when.
    package let changedBy: String
    package let changedAt: Timestamp?
    package var rows: [Row]
    package var list: ListState
    /// The conflict of a form still open (its save found the record changed since it opened;
    /// see `AppRuntime+Live`) rather than of a restored draft: Esc goes back to the form, and
    /// Enter replaces the form without claiming a draft.
    package var fromOpenForm = false

    /// The conflict of `draft` with `current` (the form as built on the saved record). A field
    /// the draft did not change (its value is the one the form opened with) takes the saved
    /// value; every other field takes the draft's. No rows when nothing differs.
    package init(draft: FormDraft, current: FormState, changedBy: String, changedAt: Timestamp?) {
        self.draft = draft
        purpose = current.purpose
        title = current.title
        self.changedBy = changedBy
        self.changedAt = changedAt
        let mine = FormState.values(ofPayload: draft.payload)
        let base = draft.basePayload.map(FormState.values(ofPayload:)) ?? [:]
        rows = current.fields.compactMap { field in
            guard let value = mine[field.id], value != field.value else { return nil }
            return Row(field: field.id, label: field.label, draftValue: value, savedValue: field.value,
                       draftShown: Self.shown(value, of: field), savedShown: Self.shown(field.value, of: field),
                       choice: base[field.id] == value ? .saved : .draft)
        }
        list = ListState(count: rows.count, selection: rows.isEmpty ? nil : 0, visibleHeight: max(rows.count, 1))
    }

    /// A value as the form would show it.
    private static func shown(_ value: String, of field: FormField) -> String {
        switch field.kind {
        case .choice: return field.options.first { $0.value == value }?.label ?? value
        case .toggle: return value == "1" ? "[x]" : "[ ]"
        case .line, .text, .date, .dateTime, .number: return value
        }
    }

    /// The selected row takes `side`.
    package mutating func choose(_ side: Side) {
        guard let index = list.selection, rows.indices.contains(index) else { return }
        rows[index].choice = side
    }

    /// The selected row takes the other side.
    package mutating func toggle() {
        guard let index = list.selection, rows.indices.contains(index) else { return }
        rows[index].choice = rows[index].choice == .draft ? .saved : .draft
    }

    /// Every row takes `side`.
    package mutating func chooseAll(_ side: Side) {
        for index in rows.indices { rows[index].choice = side }
    }

    /// The form on the saved record (`current`, built for `purpose`) with the chosen values.
    package func form(on current: FormState) -> FormState {
        var form = current
        for row in rows where row.choice == .draft {
            guard let index = form.fields.firstIndex(where: { $0.id == row.field }) else { continue }
            form.fields[index].setValue(row.draftValue)
        }
        form.version += 1
        return form
    }
}
