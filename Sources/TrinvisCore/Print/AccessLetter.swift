/// The right-of-access letter (GDPR art. 15) the citizen takes home: who keeps information about
/// them in Trinvis and of which kinds, and what the access log holds about them (the same
/// entries as the `x-access-log` member of `trinvis export --citizen`): the day, the
/// organisation and what was done, in plain words and one language; the professionals' names
/// only in a letter an administrator prints.
///
/// For a citizen with hundreds of look-ups the log is shown twice: month by month per
/// organisation with counts, then every entry, newest first, the entries of one day,
/// organisation and kind (and professional) as one line with how many times.
///
/// Every text is ready to print (in the letter's language, without control characters, on one
/// line); the text and PDF renderers of `CitizenPrintout` lay out its `sections`.
package struct AccessLetter: Sendable, Equatable, CitizenPrintout {
    /// What was done with the citizen's information, in their words.
    package enum Kind: Sendable, Hashable, CaseIterable {
        /// Looked up (a pane, the citizen view, a search hit opened).
        case looked
        /// The full CPR number shown on purpose.
        case revealedCPR
        /// Printed (a plan, this letter).
        case printed
        /// Written to a file (an export).
        case exported
        /// A record about the citizen created.
        case added
        /// A record about the citizen changed.
        case changed
        /// A record about the citizen deleted.
        case deleted
        /// An administrator's change: a handover, a link between two records, …
        case administered

        /// The log's action and detail in the citizen's words.
        init(action: AccessAction, detail: String) {
            switch action {
            case .view, .search: self = .looked
            case .revealCPR: self = .revealedCPR
            case .print: self = .printed
            case .export: self = .exported
            case .change: self = detail.hasSuffix(" created") ? .added : .changed
            case .delete: self = .deleted
            case .admin, .erase, .prune: self = .administered
            }
        }

        /// A look-up (kept for months) rather than a change (kept for years).
        package var isLookup: Bool {
            switch self {
            case .looked, .revealedCPR, .printed, .exported: return true
            case .added, .changed, .deleted, .administered: return false
            }
        }
    }

    /// What a change was about: the kind of record (the citizen's own record is their contact
    /// details), or an administrator's change.
    package enum Subject: Sendable, Hashable, CaseIterable {
        case contact, team, consent, resource, vision, plan, milestone, progressNote, meeting, agreement
        case assessment, outcome, placement, story
        /// Who is responsible for the citizen (a handover).
        case responsibility
        /// Two records noted as the same person.
        case link

        /// The kinds of record by their log name (`Record.kindName`).
        private static let byKindName: [String: Subject] = [
            Citizen.kindName: .contact, TeamMember.kindName: .team, Consent.kindName: .consent,
            Resource.kindName: .resource, Vision.kindName: .vision, Plan.kindName: .plan,
            Milestone.kindName: .milestone, ProgressNote.kindName: .progressNote, Meeting.kindName: .meeting,
            Agreement.kindName: .agreement, Assessment.kindName: .assessment, Outcome.kindName: .outcome,
            Placement.kindName: .placement, Story.kindName: .story,
        ]

        /// The subject of a log entry's detail: "meeting 12 created" is a meeting, "handover from
        /// …" the responsibility; nil when the detail names none (a look-up).
        init?(action: AccessAction, detail: String) {
            switch action {
            case .admin where detail.hasPrefix("handover "): self = .responsibility
            case .admin where detail.contains(" linked with "): self = .link
            case .change, .delete, .admin:
                // An undo's entry names the record after the word "undo" (or "redo").
                let words = detail.split(separator: " ").drop { $0 == "undo" || $0 == "redo" }
                guard let number = words.firstIndex(where: { $0.allSatisfy(\.isNumber) }),
                      let subject = Self.byKindName[words[..<number].joined(separator: " ")] else { return nil }
                self = subject
            default: return nil
            }
        }
    }

    /// One line of the detailed list: what one organisation (one professional) did on one day.
    package struct Entry: Sendable, Equatable {
        /// The day, in the machine's time zone.
        package let day: LocalDate
        /// The organisation of the professional who did it.
        package let organisation: String
        /// What was done.
        package let kind: Kind
        /// What a change was about; nil for a look-up.
        package let subject: Subject?
        /// The professional's name; only in an administrator's letter.
        package let professional: String?
        /// How many entries of the log this line stands for.
        package let times: Int
    }

    /// A consent in force that lets another organisation see part of the information.
    package struct Sharing: Sendable, Equatable {
        /// The organisation that may see it.
        package let organisation: String
        /// What it may see.
        package let categories: [DataCategory]
        /// The last day of the consent, if it has one.
        package let until: LocalDate?
    }

    /// The language of every text in the letter.
    package let language: Language
    /// The citizen's name.
    package let citizenName: String
    /// `DDMMYY-XXXX`; nil when the citizen has no CPR number (or the printer may not see it).
    package let maskedCPR: String?
    /// The day the letter was printed.
    package let printedOn: LocalDate
    /// The organisation the citizen is registered with: it keeps the information and answers
    /// questions. Nil when the citizen belongs to none.
    package let holder: String?
    /// Other organisations that may see part of it by the citizen's consent.
    package let sharing: [Sharing]
    /// The kinds of information recorded about the citizen (of those the printer may see).
    package let registered: [DataCategory]
    /// False when the printer (another organisation, by consent) sees only part of it.
    package let seesEverything: Bool
    /// The detailed list, newest first.
    package let entries: [Entry]
    /// True when an administrator printed the letter: the professionals are named.
    package let namesShown: Bool
    /// How long look-ups stay in the log, in days.
    package let lookupRetentionDays: Int
    /// How long changes stay in the log, in days.
    package let changeRetentionDays: Int

    private var say: Localizer { Localizer(language) }

    /// "Who has looked at your information".
    package var title: String { say(.accessTitle) }

    /// The title with the citizen's name, for the document's properties.
    package var documentTitle: String { title + " \u{2013} " + citizenName }

    /// "Printed 2026-03-02".
    package var printedLine: String { say(.printPrintedOn(say.date(printedOn))) }

    /// The masked CPR number (when there is one) and the print date.
    package var headerLines: [String] { [maskedCPR.map { say(.printCPR($0)) }, printedLine].compactMap { $0 } }

    /// "Page 1 of 2".
    package func pageLine(_ page: Int, of count: Int) -> String { say(.printPage(page, of: count)) }

    /// Entries of the log that are look-ups.
    package var lookupCount: Int { entries.filter(\.kind.isLookup).reduce(0) { $0 + $1.times } }

    /// Entries of the log that are changes.
    package var changeCount: Int { entries.filter { !$0.kind.isLookup }.reduce(0) { $0 + $1.times } }

    /// The first of each month with entries, newest first.
    package var months: [LocalDate] {
        var seen = Set<LocalDate>()
        return entries.map(\.day.firstOfMonth).filter { seen.insert($0).inserted }
    }

    /// The organisations in the log: the holder first, the others by name.
    package var organisations: [String] {
        let names = Set(entries.map(\.organisation))
        return names.sorted { first, second in
            if (first == holder) != (second == holder) { return first == holder }
            return first < second
        }
    }

    /// How often an organisation did each kind of thing in a month (kinds in their order, those
    /// with none left out).
    package func counts(of organisation: String, in month: LocalDate) -> [(kind: Kind, times: Int)] {
        let inMonth = entries.filter { $0.organisation == organisation && $0.day.firstOfMonth == month }
        return Kind.allCases.compactMap { kind in
            let times = inMonth.filter { $0.kind == kind }.reduce(0) { $0 + $1.times }
            return times == 0 ? nil : (kind, times)
        }
    }

    /// The parts under their headings: about the letter, what is registered, what the log shows,
    /// where to ask; then per organisation month by month; then per month every entry.
    package var sections: [PrintSection] {
        var about: [PrintBlock] = [.paragraph(say(.accessRight)), .paragraph(say(.accessHolder(holder)))]
        for shared in sharing {
            about.append(.paragraph(say(.accessShared(organisation: shared.organisation, categories: shared.categories,
                                                      until: shared.until.map(say.date)))))
        }
        var registeredBlocks: [PrintBlock] = registered.map { category in
            .item(label: nil, text: say(.accessCategory(category)), details: [say(.accessCategoryContents(category))],
                  alert: false)
        }
        if !seesEverything { registeredBlocks.append(.paragraph(say(.accessPartial(holder: holder)))) }

        var log: [PrintBlock] = [.paragraph(say(.accessLogExplained(lookupDays: lookupRetentionDays,
                                                                    changeDays: changeRetentionDays)))]
        if let first = entries.last?.day {
            log.append(.paragraph(say(.accessTotals(since: say.date(first), lookups: lookupCount, changes: changeCount,
                                                    organisations: organisations.count))))
            log.append(.paragraph(say(.accessHowToRead)))
            log.append(.paragraph(say(.accessNames(shown: namesShown, ask: holder))))
        } else {
            log.append(.paragraph(say(.accessNothingLogged)))
        }

        var sections = [
            PrintSection(heading: say(.accessAboutHeading), blocks: about, separateParagraphs: true),
            PrintSection(heading: say(.accessRegisteredHeading), blocks: registeredBlocks, separateParagraphs: true),
            PrintSection(heading: say(.accessLogHeading), blocks: log, separateParagraphs: true),
            PrintSection(heading: say(.accessQuestionsHeading), blocks: [.paragraph(say(.accessQuestions(ask: holder)))]),
        ]
        let months = self.months
        for organisation in organisations {
            let rows: [PrintBlock] = months.compactMap { month in
                let counts = counts(of: organisation, in: month)
                guard !counts.isEmpty else { return nil }
                let text = counts.map { say(.accessCount($0.kind, $0.times)) }.joined(separator: " \u{00B7} ")
                return .item(label: say(.accessMonth(year: month.year, month: month.month)), text: text, details: [],
                             alert: false)
            }
            sections.append(PrintSection(heading: say(.accessOverviewHeading(organisation)), blocks: rows))
        }
        for month in months {
            let rows: [PrintBlock] = entries.filter { $0.day.firstOfMonth == month }.map { entry in
                .item(label: say.date(entry.day),
                      text: say(.accessEntry(organisation: entry.organisation, kind: entry.kind, subject: entry.subject,
                                             times: entry.times)),
                      details: entry.professional.map { [say(.accessBy($0))] } ?? [], alert: false)
            }
            sections.append(PrintSection(heading: say(.accessEntriesHeading(say(.accessMonth(year: month.year,
                                                                                               month: month.month)))),
                                         blocks: rows))
        }
        return sections
    }
}

extension LocalDate {
    /// The first day of this date's month.
    var firstOfMonth: LocalDate { adding(days: 1 - day) }
}

extension Workspace {
    /// The right-of-access letter for a citizen, as of today, in `language`. The access rule
    /// applies (a user who may not see the citizen is refused); the letter shows the categories
    /// of information the user may see, and the whole log about the citizen, with the
    /// professionals named only for an administrator. Printing it is a look-up of kind `print`,
    /// written at the next `flushAccessLog`.
    package func accessLetter(of citizenID: CitizenID, language: Language) throws -> AccessLetter {
        let say = Localizer(language)
        let today = self.today
        let history = try accessHistory(of: citizenID)
        let citizen = try get(Citizen.self, id: citizenID)
        noteLookup(citizenID, .print, detail: "access letter")

        var organisationNames: [OrganisationID: String] = [:]
        func name(of organisation: OrganisationID?) throws -> String? {
            guard let organisation else { return nil }
            if let known = organisationNames[organisation] { return known }
            let found = try fetch(Organisation.self, id: organisation).map { PrintText.clean($0.name) }
            organisationNames[organisation] = found
            return found
        }

        let namesShown = actor.isAdministrator || policy == .unrestricted
        var professionalNames: [String: String] = [:]
        if namesShown {
            for professional in try all(Professional.self) {
                if let account = professional.username { professionalNames[account] = PrintText.clean(professional.name) }
            }
        }

        // One line per day, organisation, kind, subject and professional, newest first.
        struct Key: Hashable {
            let day: LocalDate
            let organisation: String
            let kind: AccessLetter.Kind
            let subject: AccessLetter.Subject?
            let professional: String?
        }
        var order: [Key] = []
        var times: [Key: Int] = [:]
        for entry in history.reversed() {
            let day = Timestamp(seconds: entry.at, offsetMinutes: Timestamp.localOffsetMinutes(at: entry.at)).localDate
            var professional: String?
            if namesShown {
                let account = entry.actingAs ?? entry.account
                let person = professionalNames[account] ?? PrintText.clean(account)
                professional = entry.actingAs == nil ? person : person + " (" + PrintText.clean(entry.who) + ")"
            }
            let key = Key(day: day, organisation: try name(of: entry.organisationID) ?? say(.accessNoOrganisation),
                          kind: AccessLetter.Kind(action: entry.action, detail: entry.detail),
                          subject: AccessLetter.Subject(action: entry.action, detail: entry.detail),
                          professional: professional)
            if times[key] == nil { order.append(key) }
            times[key, default: 0] += 1
        }

        let sharing = try all(Consent.self, parent: citizenID.sqlValue)
            .filter { $0.scope == .shareBetweenOrganisations && $0.isInForce(on: today) }
            .sorted { ($0.givenOn, $0.id.rawValue) < ($1.givenOn, $1.id.rawValue) }
            .compactMap { consent -> AccessLetter.Sharing? in
                guard let recipient = try name(of: consent.recipientID) else { return nil }
                return AccessLetter.Sharing(organisation: recipient, categories: consent.categories.sorted(),
                                            until: consent.expiresOn)
            }

        let granted = try grantedCategories(of: citizenID)
        let parent = citizenID.sqlValue
        func holds<R: Record>(_ type: R.Type) throws -> Bool {
            !(try list(type, parent: parent, page: .first(1)).items.isEmpty)
        }
        var registered: [DataCategory] = []
        for category in DataCategory.allCases where granted.contains(category) {
            let held: Bool
            switch category {
            case .contact: held = true
            case .plan: held = try holds(Plan.self)
            case .meetings: held = try holds(Meeting.self)
            case .profile: held = try !citizen.life.trimmingBlanks().isEmpty || holds(Resource.self) || holds(Vision.self)
            case .results:
                held = try holds(Assessment.self) || holds(Outcome.self) || holds(Placement.self) || holds(Story.self)
            }
            if held { registered.append(category) }
        }

        return AccessLetter(
            language: language, citizenName: PrintText.clean(citizen.name), maskedCPR: citizen.cpr?.masked,
            printedOn: today,
            holder: try name(of: citizen.organisationID), sharing: sharing, registered: registered,
            seesEverything: granted.count == DataCategory.allCases.count,
            entries: order.map { key in
                AccessLetter.Entry(day: key.day, organisation: key.organisation, kind: key.kind, subject: key.subject,
                                   professional: key.professional, times: times[key] ?? 1)
            },
            namesShown: namesShown, lookupRetentionDays: try retentionDays(.lookup),
            changeRetentionDays: try retentionDays(.change))
    }
}
