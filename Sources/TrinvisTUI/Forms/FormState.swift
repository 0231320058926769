import TrinvisCore

/// What a form creates or changes.
package enum FormPurpose: Sendable, Equatable {
    case citizen(Citizen?)
    case plan(citizen: CitizenID, Plan?)
    case milestone(plan: PlanID, citizen: CitizenID, Milestone?)
    case progress(Milestone, citizen: CitizenID, ProgressNote? = nil)
    case meeting(citizen: CitizenID, Meeting?)
    case agreement(meeting: MeetingID, citizen: CitizenID, Agreement?)
    case outcome(CitizenID, Outcome? = nil)
    /// A new placement for a citizen (at `company` when given), or a saved one edited.
    case placement(CitizenID, Placement? = nil, company: OrganisationID? = nil)
    /// A running placement closed with its result.
    case closePlacement(Placement)
    /// A company of the register, new or saved.
    case company(Organisation?)
    case story(CitizenID, Story? = nil)
    case vision(CitizenID, Vision?)
    case resources(CitizenID)
    case team(CitizenID, TeamMember?)
    case consent(CitizenID, Consent?)
    case assessment(CitizenID, Assessment? = nil)
    /// A household member: a new household, an existing citizen added, a new citizen, or a
    /// member's place in the household changed.
    case householdMember(HouseholdMemberTarget)

    /// A group activity (not about one citizen).
    case activity(Activity?)
    /// Hand citizens over to another professional (see `HandoverForm`).
    case handover([CitizenID])
    /// Print the plans of the tagged citizens (see `PrintPlansForm`).
    case printPlans([CitizenID])
}

/// A choice in a choice field: the stored value and the label shown.
package struct FormOption: Sendable, Equatable {
    package let value: String
    package let label: String

    package init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }
}

/// One field of a form.
package struct FormField: Sendable, Equatable {
    /// How the field is edited.
    package enum Kind: Sendable, Equatable {
        /// One line of text.
        case line
        /// Several lines (notes): the multi-line editor.
        case text
        /// A date, typed as `FormInput.date` reads it (`15.01.2027`, `2027-01-15`, `15/1`, `+14`,
        /// `i morgen`); `FormField.dateSense` tells what a short date means.
        case date
        /// A date and a time of day.
        case dateTime
        /// A whole number.
        case number
        /// One of a list of options.
        case choice
        /// Yes or no.
        case toggle
    }

    /// The field's name, as in the record and the interchange format (`deadline`, `notes`).
    package let id: String
    package let label: String
    package let kind: Kind
    package var required: Bool
    package var line: TextFieldState
    package var editor: TextEditorState
    package var options: [FormOption]
    package var selected: Int
    package var toggle: Bool
    /// What is wrong with the value, shown beside the field.
    package var error: String?
    /// A note shown after the value (the previous score, say; what a typed date means).
    package var hint: String?
    /// For a date field: whether it looks ahead (a deadline) or back (a birth date), which tells
    /// what a short date like `15.01` means.
    package var dateSense: DateSense

    package init(id: String, label: String, kind: Kind, value: String = "", required: Bool = false,
                 options: [FormOption] = [], maxLength: Int = Check.lineLimit, sense: DateSense = .coming) {
        self.id = id
        dateSense = sense
        self.label = label
        self.kind = kind
        self.required = required
        line = TextFieldState(text: kind == .text ? "" : value, maxLength: maxLength)
        editor = TextEditorState(text: kind == .text ? value : "", maxLength: Check.textLimit)
        self.options = options
        selected = max(options.firstIndex { $0.value == value } ?? 0, 0)
        toggle = value == "1"
    }

    /// The value as text: what was typed, the chosen option's value, or "1"/"0".
    package var value: String {
        switch kind {
        case .line, .date, .dateTime, .number: return line.text
        case .text: return editor.text
        case .choice: return options.indices.contains(selected) ? options[selected].value : ""
        case .toggle: return toggle ? "1" : "0"
        }
    }

    /// Puts a value back (from a draft).
    package mutating func setValue(_ value: String) {
        switch kind {
        case .line, .date, .dateTime, .number: line.setText(value)
        case .text: editor = TextEditorState(text: value, maxLength: Check.textLimit)
        case .choice: selected = options.firstIndex { $0.value == value } ?? selected
        case .toggle: toggle = value == "1"
        }
    }
}

/// An open form: its fields, which one has focus, and whether it changed.
package struct FormState: Sendable, Equatable {
    package let purpose: FormPurpose
    package let title: String
    package var fields: [FormField]
    package var focus = 0
    /// The first row of the form shown (when the form is taller than the screen).
    package var scroll = 0
    /// Increases with every change; compared with `draftVersion` to know when to write a draft.
    package var version = 0
    /// The version last written as a draft.
    package var draftVersion = 0
    /// The values when the form opened, to tell whether anything changed.
    package let original: [String]
    /// A message for the whole form (a refused save).
    package var message: String?
    /// Someone else saved or deleted the form's record while it is open (the form's status
    /// line says who and when; see `AppUpdate.liveReloaded`).
    package var liveNotice: String?
    /// Asking whether to discard the changes.
    package var confirmingDiscard = false
    /// The question is about quitting Trinvis (F10), not only closing the form.
    package var quitAfterDiscard = false
    /// The CPR number revealed in this form (F3) and the mask it replaced: a draft keeps the
    /// mask, so the full number never lands in a draft and shows again only by the logged key.
    package private(set) var revealedCPR: RevealedCPR?
    /// The next meeting a meeting form proposed, proposed again when the meeting's date changes
    /// (see `MeetingForm`); nil in other forms.
    package var proposal: NextMeetingProposal?
    /// The professionals a meeting form offers as the one who goes along to a companion
    /// meeting (its companion fields come and go with the kind); empty in other forms.
    package var companionChoices: [FormOption] = []

    package init(purpose: FormPurpose, title: String, fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        original = fields.map(\.value)
    }

    /// A CPR number shown in full, and the mask it replaced.
    package struct RevealedCPR: Sendable, Equatable {
        package let full: String
        package let masked: String
    }

    /// Shows the full CPR number in the `cpr` field (revealed by the logged key).
    package mutating func reveal(cpr: String) {
        guard let index = fields.firstIndex(where: { $0.id == "cpr" }) else { return }
        revealedCPR = RevealedCPR(full: cpr, masked: fields[index].value)
        fields[index].setValue(cpr)
    }

    /// The values as they are kept: a revealed CPR number that was not changed counts as its mask.
    private var keptValues: [String] {
        fields.map { field in
            if field.id == "cpr", let revealed = revealedCPR, field.value == revealed.full { return revealed.masked }
            return field.value
        }
    }

    /// True when a value differs from what the form opened with (revealing the CPR is no change).
    package var isModified: Bool { keptValues != original }

    /// The value of a field by id ("" when there is no such field).
    package func value(_ id: String) -> String {
        fields.first { $0.id == id }?.value ?? ""
    }

    /// The field values as a JSON object, for a draft.
    package var payload: String { Self.payload(keptValues, of: fields) }

    /// The values the form opened with, as a JSON object: a draft keeps them to tell which
    /// fields it changed.
    package var basePayload: String { Self.payload(original, of: fields) }

    private static func payload(_ values: [String], of fields: [FormField]) -> String {
        JSONValue.object(zip(fields, values).map { ($0.id, .string($1)) }).serialized(indent: false)
    }

    /// The values of a draft's JSON object, by field id (empty when it is not one).
    package static func values(ofPayload payload: String) -> [String: String] {
        guard let object = try? JSONParser.parse(payload), case .object(let members) = object else { return [:] }
        var values: [String: String] = [:]
        for (key, value) in members {
            if case .string(let text) = value, values[key] == nil { values[key] = text }
        }
        return values
    }

    /// Puts the values of a draft back into the fields.
    package mutating func restore(payload: String) {
        let values = Self.values(ofPayload: payload)
        for index in fields.indices {
            if let text = values[fields[index].id] { fields[index].setValue(text) }
        }
        version += 1
    }

    /// Shows errors beside fields; ids that are not fields go to the form's message.
    package mutating func show(errors: [String: String], general: String?) {
        for index in fields.indices { fields[index].error = errors[fields[index].id] }
        let stray = errors.filter { key, _ in !fields.contains { $0.id == key } }.map(\.value).sorted()
        message = ([general].compactMap { $0 } + stray).joined(separator: " ")
        if message?.isEmpty == true { message = nil }
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
    }
}
