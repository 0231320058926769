import TrinvisCore

/// Opening, filling from a draft, and saving forms: the effects that need the database.
extension AppRuntime {
    // MARK: Building forms

    /// The form for a purpose, with its fields filled from the record being edited or with
    /// sensible defaults for a new one.
    func buildForm(_ purpose: FormPurpose) throws -> FormState {
        warnedKeys = []
        let say = state.say
        let today = workspace.today
        func date(_ value: LocalDate?) -> String { FormInput.format(value, say) }
        func field(_ id: String, _ label: Phrase, _ kind: FormField.Kind, _ value: String = "", required: Bool = false,
                   options: [FormOption] = [], sense: DateSense = .coming) -> FormField {
            FormField(id: id, label: say(label), kind: kind, value: value, required: required, options: options, sense: sense)
        }
        func options<E: TextEnumeration>(_ type: E.Type, _ label: (E) -> Phrase) -> [FormOption] {
            E.allCases.map { FormOption($0.rawValue, say(label($0))) }
        }

        switch purpose {
        case .citizen(let citizen):
            let organisations = try workspace.all(Organisation.self).filter { $0.kind != .company }
            let household = try citizen?.householdID.flatMap { try workspace.fetch(Household.self, id: $0)?.name } ?? ""
            let defaultOrganisation = citizen?.organisationID ?? workspace.actor.organisationID
            // The CPR number shows masked; the stored number is kept unless another is typed.
            // Where the organisation may not hold CPR numbers, the field is not offered.
            let cprField = try workspace.holdsCPR(defaultOrganisation)
                ? [field("cpr", .fieldCPR, .line, citizen?.cpr?.masked ?? "")] : []
            return FormState(purpose: purpose, title: citizen.map { say(.formEditCitizen($0.name)) } ?? say(.formNewCitizen), fields: [
                field("name", .labelName, .line, citizen?.name ?? "", required: true),
            ] + cprField + [
                field("birth_date", .labelBirthDate, .date, date(citizen?.birthDate), sense: .past),
                field("phone", .fieldPhone, .line, citizen?.phone ?? ""),
                field("email", .fieldEmail, .line, citizen?.email ?? ""),
                field("contact_preference", .fieldPrefers, .choice, citizen?.contactPreference.rawValue ?? "meeting",
                      options: options(ContactPreference.self) { .contactPreference($0) }),
                field("organisation", .labelOrganisation, .choice, defaultOrganisation.map { "o\($0)" } ?? "",
                      options: [FormOption("", say(.none))] + organisations.map { FormOption("o\($0.id)", $0.name) }),
                field("household", .labelHousehold, .line, household),
                field("meeting_interval_days", .labelInterval, .number, String(citizen?.meetingIntervalDays ?? Citizen.defaultMeetingInterval)),
                field("life", .fieldLife, .text, citizen?.life ?? ""),
            ])
        case .plan(let citizen, let plan):
            let start = plan?.start ?? today
            return FormState(purpose: purpose, title: plan == nil ? say(.formNewPlan(try citizenName(citizen))) : say(.formEditPlan(try citizenName(citizen))), fields: [
                field("goal", .labelGoal, .line, plan?.goal ?? "", required: true),
                field("purpose", .labelPurpose, .text, plan?.purpose ?? ""),
                field("effort", .labelEffort, .text, plan?.effort ?? ""),
                field("start", .labelStart, .date, date(start), required: true, sense: .nearest),
                field("end", .labelEnd, .date, date(plan.map(\.end) ?? start.adding(months: 6))),
                field("status", .labelStatus, .choice, plan?.status.rawValue ?? "active", options: options(PlanStatus.self) { .planStatus($0) }),
            ])
        case .milestone(_, let citizen, let milestone):
            let title = milestone == nil ? say(.formNewMilestone(try citizenName(citizen))) : say(.formEditMilestone(try citizenName(citizen)))
            return FormState(purpose: purpose, title: title, fields: [
                field("title", .labelTitle, .line, milestone?.title ?? "", required: true),
                field("deadline", .labelDue, .date, date(milestone?.deadline ?? today.adding(days: 14)), required: true),
                field("stepping_stone", .labelSteppingStone, .toggle, milestone?.steppingStone == true ? "1" : "0"),
                field("status", .labelStatus, .choice, milestone?.status.rawValue ?? "planned",
                      options: options(MilestoneStatus.self) { .milestoneStatus($0) }),
                field("achieved_on", .labelAchievedOn, .date, date(milestone?.achievedOn), sense: .past),
            ])
        case .progress(let milestone, _):
            return FormState(purpose: purpose, title: say(.formProgress(milestone.title)), fields: [
                field("date", .labelDate, .date, date(today), required: true, sense: .past),
                field("note", .labelNote, .text, "", required: true),
            ])
        case .meeting(let citizen, let meeting):
            return try meetingForm(citizen: citizen, meeting)
        case .agreement(_, let citizen, let agreement):
            let who: String
            switch agreement?.responsible {
            case .professional(let id): who = "p\(id)"
            default: who = "citizen"
            }
            let title = agreement == nil ? say(.formNewAgreement(try citizenName(citizen))) : say(.formEditAgreement(try citizenName(citizen)))
            return FormState(purpose: purpose, title: title, fields: [
                field("text", .labelText, .line, agreement?.text ?? "", required: true),
                field("responsible", .labelWho, .choice, who, options: try responsibleOptions(citizen)),
                field("due", .labelDue, .date, date(agreement?.due ?? today.adding(days: 7))),
                field("done_on", .labelDone, .date, date(agreement?.doneOn), sense: .past),
            ])
        case .outcome(let citizen):
            return FormState(purpose: purpose, title: say(.formOutcome(try citizenName(citizen))), fields: [
                field("date", .labelDate, .date, date(today), required: true, sense: .past),
                field("kind", .labelKind, .choice, "own-housing", options: options(OutcomeKind.self) { .outcomeKind($0) }),
                field("note", .labelNote, .text),
            ])
        case .placement(let citizen):
            let companies = try workspace.all(Organisation.self).filter { $0.kind == .company }
            return FormState(purpose: purpose, title: say(.formPlacement(try citizenName(citizen))), fields: [
                field("company", .labelCompany, .choice, companies.first.map { "o\($0.id)" } ?? "",
                      required: true, options: companies.map { FormOption("o\($0.id)", $0.name) }),
                field("kind", .labelKind, .choice, "internship", options: options(PlacementKind.self) { .placementKind($0) }),
                field("from", .labelFrom, .date, date(today), required: true, sense: .nearest),
                field("to", .labelTo, .date),
                field("result", .labelResult, .choice, "ongoing", options: options(PlacementResult.self) { .placementResult($0) }),
            ])
        case .story(let citizen):
            return FormState(purpose: purpose, title: say(.formStory(try citizenName(citizen))), fields: [
                field("date", .labelDate, .date, date(today), required: true, sense: .past),
                field("title", .labelTitle, .line, "", required: true),
                field("text", .labelText, .text),
            ])
        case .vision(let citizen, let vision):
            return FormState(purpose: purpose, title: say(.formVision(try citizenName(citizen))), fields: [
                field("family", .fieldVisionFamily, .text, vision?.family ?? ""),
                field("work", .fieldVisionWork, .text, vision?.work ?? ""),
                field("housing", .fieldVisionHousing, .text, vision?.housing ?? ""),
                field("other", .fieldVisionOther, .text, vision?.other ?? ""),
            ])
        case .resources(let citizen):
            let existing = Dictionary(try workspace.all(Resource.self, parent: citizen.sqlValue).map { ($0.area, $0.text) },
                                      uniquingKeysWith: { first, _ in first })
            let fields = try workspace.resourceAreas().map { area in
                FormField(id: "area:" + area.area.key, label: area.label(state.language), kind: .text,
                          value: existing[area.area] ?? "")
            }
            return FormState(purpose: purpose, title: say(.formResources(try citizenName(citizen))), fields: fields)
        case .team(let citizen, let member):
            let people = try workspace.all(Professional.self)
            let chosen = member.map { "p\($0.professionalID)" } ?? people.first.map { "p\($0.id)" } ?? ""
            let title = member == nil ? say(.formTeam(try citizenName(citizen))) : say(.formEditTeam(try citizenName(citizen)))
            return FormState(purpose: purpose, title: title, fields: [
                field("professional", .labelProfessional, .choice, chosen, required: true,
                      options: people.map { FormOption("p\($0.id)", $0.name + " (" + say(.role($0.role)) + ")") }),
                field("responsible", .labelResponsible, .toggle, member?.responsible == true ? "1" : "0"),
                field("from", .labelFrom, .date, date(member?.from ?? today), required: true, sense: .nearest),
                field("to", .labelTo, .date, date(member?.to)),
            ])
        case .handover(let citizens):
            return try handoverForm(citizens)
        case .assessment(let citizen):
            // The latest score of each dimension is shown beside it while the new one is typed.
            var latest: [AssessmentDimension: Int] = [:]
            for assessment in try workspace.all(Assessment.self, parent: citizen.sqlValue) {
                for (dimension, score) in assessment.scores { latest[dimension] = score }
            }
            let fields = [field("date", .labelDate, .date, date(today), required: true, sense: .past)]
                + AssessmentDimension.allCases.map { dimension in
                    var score = FormField(id: "score:" + dimension.rawValue, label: say(.dimension(dimension)), kind: .number,
                                          maxLength: 2)
                    score.hint = latest[dimension].map { say(.previousScore($0)) }
                    return score
                }
            return FormState(purpose: purpose, title: say(.formAssessment(try citizenName(citizen))), fields: fields)
        case .consent(let citizen, let consent):
            let organisations = try workspace.all(Organisation.self)
            // What a consent to share lets the recipient see, one yes/no per category (a new
            // consent starts with none chosen: the citizen decides each).
            let categories = DataCategory.allCases.map { category in
                field("category:" + category.rawValue, .labelShares(category), .toggle,
                      consent?.categories.contains(category) == true ? "1" : "0")
            }
            return FormState(purpose: purpose, title: say(.formConsent(try citizenName(citizen))), fields: [
                field("scope", .labelScope, .choice, consent?.scope.rawValue ?? "share-between-organisations",
                      options: options(ConsentScope.self) { .consentScope($0) }),
                field("recipient", .labelRecipient, .choice, consent?.recipientID.map { "o\($0)" } ?? "",
                      options: [FormOption("", say(.none))] + organisations.map { FormOption("o\($0.id)", $0.name) }),
            ] + categories + [
                field("information", .labelInformation, .line, consent?.information ?? ""),
                field("purpose", .labelPurpose, .line, consent?.purpose ?? ""),
                field("given_on", .labelGiven, .date, date(consent?.givenOn ?? today), required: true, sense: .past),
                field("expires_on", .labelExpires, .date, consent.map { date($0.expiresOn) } ?? date(today.adding(months: 12))),
                field("withdrawn_on", .labelWithdrawn, .date, date(consent?.withdrawnOn), sense: .past),
                field("note", .labelNote, .text, consent?.note ?? ""),
            ])
        }
    }

    private func citizenName(_ citizen: CitizenID) throws -> String {
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
    }

    /// Reads the fields, saves the records, and reports the problems instead when a value is not
    /// usable: every problem at once, each beside its field (what was typed, the record's own
    /// checks and those against other records), with the warnings a second save goes past.
    /// Nothing is saved unless everything is valid.
    func save(_ form: FormState) -> SaveOutcome {
        let say = state.say
        var errors: [String: String] = [:]
        var general: String?
        let today = workspace.today
        // The warnings of this save; the same warning on the next save is passed (see `warn`).
        let warnedBefore = warnedKeys
        warnedKeys = []
        func text(_ id: String) -> String { form.value(id) }
        func sense(_ id: String) -> DateSense { form.fields.first { $0.id == id }?.dateSense ?? .coming }
        func required(_ id: String) -> String {
            let value = text(id).trimmingBlanks()
            if value.isEmpty { errors[id] = say(.errorRequired) }
            return value
        }
        func date(_ id: String, required: Bool = false) -> LocalDate? {
            switch FormInput.date(text(id), today: today, sense: sense(id)) {
            case .success(let value):
                if value == nil, required { errors[id] = say(.errorRequired) }
                return value
            case .failure:
                errors[id] = say(.errorNotADate)
                return nil
            }
        }
        func stamp(_ id: String, required: Bool = false) -> Timestamp? {
            switch FormInput.dateTime(text(id), today: today, sense: sense(id), offset: { Timestamp.local($0, hour: $1, minute: $2) }) {
            case .success(let value):
                if value == nil, required { errors[id] = say(.errorRequired) }
                return value
            case .failure(let problem):
                errors[id] = problem == .notATime ? say(.errorNotATime) : say(.errorNotADate)
                return nil
            }
        }
        func number(_ id: String) -> Int? {
            guard let value = Int(text(id).trimmingBlanks()) else {
                errors[id] = say(.errorNotANumber)
                return nil
            }
            return value
        }
        func id<T>(_ field: String, prefix: String) -> RecordID<T>? {
            let value = text(field)
            guard value.hasPrefix(prefix), let raw = Int64(value.dropFirst(prefix.count)) else { return nil }
            return RecordID(raw)
        }
        func enumeration<E: TextEnumeration>(_ field: String, _ type: E.Type) -> E? { E(rawValue: text(field)) }
        func responsible(_ field: String) -> Responsible {
            let professional: ProfessionalID? = id(field, prefix: "p")
            return professional.map(Responsible.professional) ?? .citizen
        }
        /// The record's own problems and those against other records, each beside its field,
        /// unless that field (or the field it is compared with) already says what is wrong with
        /// what was typed.
        func check<R: Record>(_ record: R) throws {
            for problem in try workspace.problems(of: record) {
                let field = Self.formField(of: problem.field)
                if errors[field] != nil { continue }
                if case .before(let other, _) = problem.problem, errors[Self.formField(of: other)] != nil { continue }
                errors[field] = message(problem, in: form)
            }
        }
        /// A warning that stops the save once: shown beside the field (with any problems), and
        /// passed when the next save has the same values and nothing else is wrong.
        func warn(_ key: String, field: String, _ warning: String, hint: String? = nil) {
            warnedKeys.insert(key)
            guard !(warnedBefore.contains(key) && errors.isEmpty) else { return }
            if errors[field] == nil { errors[field] = warning }
            if let hint { general = hint }
        }

        do {
            var citizenToShow = form.purpose.citizenID
            switch form.purpose {
            case .citizen(let existing):
                let name = required("name")
                var cpr: CPR?
                let cprText = text("cpr").trimmingBlanks()
                let offersCPR = form.fields.contains { $0.id == "cpr" }
                if !offersCPR || (existing?.cpr != nil && cprText == existing?.cpr?.masked) {
                    // Not offered, or still the masked number: the stored number stays.
                    cpr = existing?.cpr
                } else if !cprText.isEmpty {
                    switch CPR.parse(cprText) {
                    case .success(let value): cpr = value
                    case .failure(let problem): errors["cpr"] = say(.problem(.invalidCPR(problem)))
                    }
                }
                let born = date("birth_date")
                let interval = number("meeting_interval_days")
                var citizen = existing ?? Citizen(name: name, registeredOn: today)
                citizen.name = name
                citizen.cpr = cpr
                citizen.birthDate = born
                citizen.phone = text("phone").trimmingBlanks().isEmpty ? nil : text("phone")
                citizen.email = text("email").trimmingBlanks().isEmpty ? nil : text("email")
                citizen.contactPreference = enumeration("contact_preference", ContactPreference.self) ?? .meeting
                citizen.organisationID = id("organisation", prefix: "o")
                citizen.meetingIntervalDays = interval ?? Citizen.defaultMeetingInterval
                citizen.life = text("life")
                try check(citizen)
                if existing == nil, !name.isEmpty {
                    // A citizen the user may see who looks like the same person: warn once
                    // beside the name; the same values saved again are saved anyway.
                    if let other = try workspace.possibleDuplicates(of: citizen).first {
                        warnedDuplicateID = other.id
                        let organisation = try other.organisationID.flatMap { try workspace.fetch(Organisation.self, id: $0)?.name } ?? ""
                        warn(["duplicate", TextNormalization.searchKey(name), cpr?.digits ?? "", born?.iso ?? ""].joined(separator: "\u{1F}"),
                             field: "name", say(.duplicateWarning(name: other.name, id: other.id.rawValue, organisation: organisation)),
                             hint: say(.duplicateHint))
                    }
                }
                guard errors.isEmpty else { return .rejected(errors: errors, general: general) }
                try workspace.transaction {
                    let householdName = text("household").trimmingBlanks()
                    var household: HouseholdID?
                    if !householdName.isEmpty {
                        household = try workspace.all(Household.self).first { $0.name == householdName }?.id
                            ?? workspace.create(Household(name: householdName)).id
                    }
                    citizen.householdID = household
                    if existing == nil {
                        let created = try workspace.create(citizen)
                        citizenToShow = created.id
                        if let me = workspace.actor.professionalID {
                            try workspace.create(TeamMember(citizenID: created.id, professionalID: me, responsible: true, from: today))
                        }
                    } else {
                        try workspace.update(citizen)
                    }
                }
            case .plan(let citizen, let existing):
                let goal = required("goal")
                let start = date("start", required: true)
                let end = date("end")
                var plan = existing ?? Plan(citizenID: citizen, goal: goal, start: start ?? today)
                plan.goal = goal
                plan.purpose = text("purpose")
                plan.effort = text("effort")
                plan.start = start ?? plan.start
                plan.end = end
                plan.status = enumeration("status", PlanStatus.self) ?? .active
                try check(plan)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                if existing == nil { try workspace.create(plan) } else { try workspace.update(plan) }
            case .milestone(let planID, _, let existing):
                let title = required("title")
                let deadline = date("deadline", required: true)
                let achieved = date("achieved_on")
                var milestone = existing ?? Milestone(planID: planID, title: title, deadline: deadline ?? today)
                milestone.title = title
                milestone.deadline = deadline ?? milestone.deadline
                milestone.steppingStone = text("stepping_stone") == "1"
                milestone.status = enumeration("status", MilestoneStatus.self) ?? .planned
                milestone.achievedOn = milestone.status == .achieved ? (achieved ?? today) : nil
                try check(milestone)
                // A deadline after the plan's end is asked about once (a new or a moved deadline).
                if let deadline, deadline != existing?.deadline, let end = try workspace.fetch(Plan.self, id: planID)?.end, end < deadline {
                    warn(["late", form.purpose.draftKey, deadline.iso, end.iso].joined(separator: "\u{1F}"),
                         field: "deadline", say(.warningAfterPlanEnd(end: say.date(end))))
                }
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                if existing == nil { try workspace.create(milestone) } else { try workspace.update(milestone) }
            case .progress(let milestone, _):
                let day = date("date", required: true)
                let note = required("note")
                let progress = ProgressNote(milestoneID: milestone.id, date: day ?? today, note: note,
                                            authorID: workspace.actor.professionalID)
                try check(progress)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                try workspace.create(progress)
            case .meeting(let citizen, let existing):
                let at = stamp("at", required: true)
                let next = stamp("next_meeting")
                let agreements = MeetingForm.agreements(in: form, required: required, due: { date($0) }, responsible: responsible)
                let meeting = MeetingForm.meeting(from: form, citizen: citizen, existing: existing, at: at ?? workspace.clock(), next: next)
                if let problem = Self.attendanceProblem(form, meeting) { errors["attendance"] = say(problem) }
                try check(meeting)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                try saveMeeting(meeting, existing: existing, agreements: agreements)
            case .agreement(let meetingID, _, let existing):
                let words = required("text")
                let due = date("due")
                let done = date("done_on")
                var agreement = existing ?? Agreement(meetingID: meetingID, text: words)
                agreement.text = words
                agreement.responsible = responsible("responsible")
                agreement.due = due
                agreement.doneOn = done
                try check(agreement)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                if existing == nil { try workspace.create(agreement) } else { try workspace.update(agreement) }
            case .outcome(let citizen):
                let day = date("date", required: true)
                guard let kind = enumeration("kind", OutcomeKind.self) else { return .rejected(errors: errors, general: nil) }
                let outcome = Outcome(citizenID: citizen, date: day ?? today, kind: kind, note: text("note"))
                try check(outcome)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                try workspace.create(outcome)
            case .placement(let citizen):
                let from = date("from", required: true)
                let to = date("to")
                let company: OrganisationID? = id("company", prefix: "o")
                if company == nil { errors["company"] = say(.errorRequired) }
                guard let kind = enumeration("kind", PlacementKind.self) else { return .rejected(errors: errors, general: nil) }
                let placement = company.map {
                    Placement(citizenID: citizen, companyID: $0, kind: kind, from: from ?? today, to: to,
                              result: enumeration("result", PlacementResult.self) ?? .ongoing)
                }
                if let placement { try check(placement) }
                guard errors.isEmpty, let placement else { return .rejected(errors: errors, general: nil) }
                try workspace.create(placement)
            case .story(let citizen):
                let day = date("date", required: true)
                let title = required("title")
                let story = Story(citizenID: citizen, date: day ?? today, title: title, text: text("text"),
                                  authorID: workspace.actor.professionalID)
                try check(story)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                try workspace.create(story)
            case .vision(let citizen, let existing):
                var vision = existing ?? Vision(citizenID: citizen)
                vision.family = text("family")
                vision.work = text("work")
                vision.housing = text("housing")
                vision.other = text("other")
                try check(vision)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                if existing == nil { try workspace.create(vision) } else { try workspace.update(vision) }
            case .resources(let citizen):
                try workspace.transaction {
                    let existing = try workspace.all(Resource.self, parent: citizen.sqlValue)
                    for field in form.fields where field.id.hasPrefix("area:") {
                        let area = ResourceArea(String(field.id.dropFirst(5)))
                        let words = field.value
                        if var resource = existing.first(where: { $0.area == area }) {
                            guard resource.text != words.trimmingBlanks() else { continue }
                            resource.text = words
                            resource.updatedOn = today
                            try workspace.update(resource)
                        } else if !words.trimmingBlanks().isEmpty {
                            try workspace.create(Resource(citizenID: citizen, area: area, text: words, updatedOn: today))
                        }
                    }
                }
            case .team(let citizen, let existing):
                let from = date("from", required: true)
                let to = date("to")
                let professional: ProfessionalID? = id("professional", prefix: "p")
                if professional == nil { errors["professional"] = say(.errorRequired) }
                var member = professional.map {
                    existing ?? TeamMember(citizenID: citizen, professionalID: $0, responsible: false, from: from ?? today)
                }
                if var changed = member, let professional {
                    changed.professionalID = professional
                    changed.responsible = text("responsible") == "1"
                    changed.from = from ?? changed.from
                    changed.to = to
                    try check(changed)
                    // One responsible professional at a time: another whose period overlaps is refused.
                    if changed.responsible, errors["from"] == nil, errors["to"] == nil,
                       let other = try workspace.all(TeamMember.self, parent: citizen.sqlValue)
                           .first(where: { $0.id != changed.id && $0.responsible && Self.overlap($0, changed) }) {
                        let name = try workspace.professionals([other.professionalID])[other.professionalID]?.name ?? ""
                        errors["responsible"] = say(.errorSecondResponsible(name: name, from: say.date(other.from)))
                    }
                    member = changed
                }
                guard errors.isEmpty, let member else { return .rejected(errors: errors, general: nil) }
                if existing == nil { try workspace.create(member) } else { try workspace.update(member) }
            case .handover:
                // Saved by a question first (`askToHandOver`), never through this switch.
                return .rejected(errors: [:], general: nil)
            case .assessment(let citizen):
                let day = date("date", required: true)
                var scores: [AssessmentDimension: Int] = [:]
                for dimension in AssessmentDimension.allCases {
                    let id = "score:" + dimension.rawValue
                    let typed = text(id).trimmingBlanks()
                    guard !typed.isEmpty else { continue }
                    guard let score = Int(typed), AssessmentDimension.scoreRange.contains(score) else {
                        errors[id] = say(.errorScore)
                        continue
                    }
                    scores[dimension] = score
                }
                if scores.isEmpty, errors.isEmpty { errors["score:" + AssessmentDimension.qualityOfLife.rawValue] = say(.errorNoScores) }
                guard errors.isEmpty, let day else { return .rejected(errors: errors, general: nil) }
                try workspace.create(Assessment(citizenID: citizen, date: day, authorID: workspace.actor.professionalID,
                                                scores: scores))
            case .consent(let citizen, let existing):
                let given = date("given_on", required: true)
                let expires = date("expires_on")
                let withdrawn = date("withdrawn_on")
                guard let scope = enumeration("scope", ConsentScope.self) else { return .rejected(errors: errors, general: nil) }
                var categories = Set(DataCategory.allCases.filter { text("category:" + $0.rawValue) == "1" })
                if scope == .shareBetweenOrganisations, categories.isEmpty {
                    errors["category:" + DataCategory.contact.rawValue] = say(.errorNoCategories)
                }
                // Only a consent to share has categories; for the others the field means nothing.
                if scope != .shareBetweenOrganisations { categories = Set(DataCategory.allCases) }
                var consent = existing ?? Consent(citizenID: citizen, scope: scope, givenOn: given ?? today)
                consent.scope = scope
                consent.categories = categories
                consent.recipientID = id("recipient", prefix: "o")
                consent.information = text("information")
                consent.purpose = text("purpose")
                consent.givenOn = given ?? consent.givenOn
                consent.expiresOn = expires
                consent.withdrawnOn = withdrawn
                consent.note = text("note")
                try check(consent)
                guard errors.isEmpty else { return .rejected(errors: errors, general: nil) }
                if existing == nil { try workspace.create(consent) } else { try workspace.update(consent) }
            }
            warnedKeys = []
            try? workspace.discardDraft(key: form.purpose.draftKey)
            return .saved(citizenToShow)
        } catch let error as StoreError {
            if case .invalid(let validation) = error {
                return .rejected(errors: [Self.formField(of: validation.field): message(validation, in: form)], general: nil)
            }
            return .rejected(errors: [:], general: say(.store(error)))
        } catch let error as DatabaseError {
            return .rejected(errors: [:], general: say(.database(error)))
        } catch {
            return .rejected(errors: [:], general: String(describing: error))
        }
    }

    /// The form field a problem of the record concerns (the record's field names are those of
    /// the interchange format; a few are drawn as several fields).
    private static func formField(of recordField: String) -> String {
        if recordField.hasPrefix("scores.") { return "score:" + recordField.dropFirst("scores.".count) }
        switch recordField {
        case "scores": return "score:" + AssessmentDimension.qualityOfLife.rawValue
        case "categories": return "category:" + DataCategory.contact.rawValue
        default: return recordField
        }
    }

    /// A problem as the form shows it: beside its field without the field's name (and a field
    /// compared with named by its label), or with the name when the form has no such field.
    private func message(_ error: ValidationError, in form: FormState) -> String {
        func label(_ field: String) -> String? { form.fields.first { $0.id == Self.formField(of: field) }?.label }
        var problem = error.problem
        if case .before(let other, let date) = problem { problem = .before(field: label(other) ?? other, date: date) }
        guard label(error.field) != nil else {
            return state.say(.store(.invalid(ValidationError(field: error.field, problem: problem))))
        }
        return state.say(.problem(problem))
    }

    /// A meeting the citizen attended must have someone there: when the form offers professionals
    /// to tick as present and none is ticked, that is a problem of the attendance.
    private static func attendanceProblem(_ form: FormState, _ meeting: Meeting) -> Phrase? {
        guard meeting.attendance == .attended, meeting.attendees.isEmpty,
              form.fields.contains(where: { $0.id.hasPrefix("present:") }) else { return nil }
        return .errorNobodyPresent
    }

    /// True when two team memberships share more than a day (a handover ends one on the day the
    /// other starts).
    private static func overlap(_ first: TeamMember, _ second: TeamMember) -> Bool {
        (second.to.map { first.from < $0 } ?? true) && (first.to.map { second.from < $0 } ?? true)
    }
}
