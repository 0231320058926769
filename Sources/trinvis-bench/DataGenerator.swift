import TrinvisCore

/// The organisations and professionals every citizen is drawn against.
struct Staff {
    /// Job centres (municipalities): most citizens are registered here.
    var municipalities: [OrganisationID] = []
    /// Drop-in centres: the rest of the citizens.
    var dropInCentres: [OrganisationID] = []
    /// Partner companies, for placements.
    var companies: [OrganisationID] = []
    /// Who can be responsible for a citizen of an organisation: caseworkers at a job centre,
    /// drop-in counsellors at a drop-in centre.
    var responsible: [OrganisationID: [ProfessionalID]] = [:]
    /// Job consultants, addiction counsellors, support contacts and mentors: the rest of the team.
    var others: [ProfessionalID] = []
}

/// Fills an empty workspace with a deterministic, realistic municipality: organisations, about
/// one professional per 40 citizens, and per citizen a team, a plan with milestones, a history of
/// meetings about every 14 days with notes and agreements, assessments, and now and then results,
/// placements, consents and change stories. Everything is dated relative to `today`.
///
/// Every record is stored through `Workspace.create`, as the screens and the importer store them
/// (validation, NFC, audit, full-text triggers), in transactions of `batchSize` citizens.
struct DataGenerator {
    /// Where the records are stored.
    let workspace: Workspace
    /// How many citizens to create.
    let citizenCount: Int
    /// The seed of every random choice.
    let seed: UInt64
    /// The day the data is dated relative to.
    let today: LocalDate
    /// The UTC offset meetings are written in (Danish winter time).
    let offsetMinutes = 60
    /// Citizens per transaction.
    let batchSize = 250

    /// The user name of the professional with index `index`.
    static func username(_ index: Int) -> String { "bench\(index + 1)" }

    /// Generates everything; `progress` is called after each batch with (citizens done, total).
    func run(progress: (Int, Int) -> Void) throws {
        var shared = SplitMix64(seed: seed)
        let staff = try workspace.database.transaction { try createStaff(&shared) }
        var citizenIDs: [CitizenID] = []
        citizenIDs.reserveCapacity(citizenCount)
        var household: HouseholdID?
        for start in stride(from: 0, to: citizenCount, by: batchSize) {
            try workspace.database.transaction {
                for index in start..<min(start + batchSize, citizenCount) {
                    citizenIDs.append(try addCitizen(index, staff: staff, household: &household))
                }
            }
            progress(min(start + batchSize, citizenCount), citizenCount)
        }
        try workspace.database.transaction { try addActivities(&shared, staff: staff, citizens: citizenIDs) }
    }

    // MARK: Organisations and professionals

    private func createStaff(_ random: inout SplitMix64) throws -> Staff {
        var staff = Staff()
        let municipalityCount = max(2, min(8, citizenCount / 3_000))
        let dropInCount = max(1, min(Vocabulary.dropInCentres.count, citizenCount / 5_000))
        let companyCount = max(20, citizenCount / 200)
        for index in 0..<municipalityCount {
            let name = "Jobcenter " + Vocabulary.towns[index % Vocabulary.towns.count]
            staff.municipalities.append(try workspace.create(Organisation(name: name, kind: .municipality)).id)
        }
        for index in 0..<dropInCount {
            let name = Vocabulary.dropInCentres[index]
            staff.dropInCentres.append(try workspace.create(Organisation(name: name, kind: .dropInCentre)).id)
        }
        for index in 0..<companyCount {
            let town = Vocabulary.towns[index % Vocabulary.towns.count]
            let trade = Vocabulary.trades[(index / Vocabulary.towns.count + index) % Vocabulary.trades.count]
            staff.companies.append(try workspace.create(Organisation(name: "\(town) \(trade)", kind: .company)).id)
        }

        let professionalCount = max(12, citizenCount / 40)
        let homes = staff.municipalities + staff.dropInCentres
        for index in 0..<professionalCount {
            let role: ProfessionalRole
            let organisation: OrganisationID
            if index < homes.count {
                // One responsible professional per organisation first, so that every one has one.
                organisation = homes[index]
                role = index < staff.municipalities.count ? .caseworker : .dropInCounselor
            } else {
                switch random.int(0...99) {
                case 0..<45: role = .caseworker; organisation = random.pick(staff.municipalities)
                case 45..<55: role = .dropInCounselor; organisation = random.pick(staff.dropInCentres)
                case 55..<75: role = .jobConsultant; organisation = random.pick(staff.municipalities)
                case 75..<85: role = .addictionCounsellor; organisation = random.pick(staff.municipalities)
                case 85..<93: role = .supportContact; organisation = random.pick(staff.municipalities)
                default: role = .mentor; organisation = random.pick(staff.companies)
                }
            }
            let name = random.pick(Vocabulary.firstNames) + " " + random.pick(Vocabulary.lastNames)
            let username = Self.username(index)
            let professional = try workspace.create(Professional(
                name: name, role: role, organisationID: organisation, username: username,
                email: "\(username)@kommune.example", phone: "+45 62 \(random.int(10...99)) \(random.int(10...99)) \(random.int(10...99))"))
            if role == .caseworker || role == .dropInCounselor {
                staff.responsible[organisation, default: []].append(professional.id)
            } else {
                staff.others.append(professional.id)
            }
        }
        return staff
    }

    // MARK: Citizens

    /// Whether citizen `index` belongs to a drop-in centre, and their name: the first draws of the
    /// citizen's own stream, so that a reused database can be recognised by its first citizen.
    static func identity(_ random: inout SplitMix64) -> (dropIn: Bool, name: String) {
        let dropIn = random.chance(20)
        let first = random.pick(Vocabulary.firstNames)
        if dropIn && random.chance(25) { return (dropIn, first) }  // many visitors give a first name only
        let middle = random.chance(25) ? " " + random.pick(Vocabulary.middleNames) : ""
        return (dropIn, first + middle + " " + random.pick(Vocabulary.lastNames))
    }

    /// The name citizen `index` gets with `seed`.
    static func expectedName(index: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed, stream: UInt64(index + 1))
        return identity(&random).name
    }

    private func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }

    private func timestamp(_ date: LocalDate, hour: Int, minute: Int) -> Timestamp {
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60)
        return Timestamp(seconds: local - Int64(offsetMinutes * 60), offsetMinutes: offsetMinutes)
    }

    /// A CPR number for a birth date (the seventh digit tells the century, as in the register).
    private static func cpr(born: LocalDate, _ random: inout SplitMix64) -> CPR? {
        let seventh = born.year < 2000 ? random.int(0...3) : (random.chance(50) ? 4 : 9)
        let digits = LocalDate.pad2(born.day) + LocalDate.pad2(born.month) + LocalDate.pad2(born.year % 100)
            + String(seventh) + String(random.int(100...999))
        return CPR(digits)
    }

    private func addCitizen(_ index: Int, staff: Staff, household: inout HouseholdID?) throws -> CitizenID {
        var random = SplitMix64(seed: seed, stream: UInt64(index + 1))
        let (dropIn, name) = Self.identity(&random)
        let organisation = dropIn ? random.pick(staff.dropInCentres) : random.pick(staff.municipalities)
        let born = LocalDate(year: random.int(1958...2006), month: random.int(1...12), day: random.int(1...28))
            ?? LocalDate(daysSinceEpoch: 0)
        let hasCPR = name.contains(" ") && random.chance(92)
        let drawn = hasCPR ? Self.cpr(born: born, &random) : nil
        // Drop-in centres hold no CPR numbers (the draw is kept so the data stays as before).
        let cpr = dropIn ? nil : drawn
        let interval = [14, 14, 14, 14, 14, 14, 14, 7, 21, 28][random.index(10)]
        let meetingCount = random.int(10...25)
        let ended = random.chance(20)
        let lastMeetingDaysAgo = ended ? random.int(30...500) : random.int(0...(interval - 1))
        let startOffset = -(lastMeetingDaysAgo + (meetingCount - 1) * interval + random.int(0...10))
        let start = day(startOffset)
        let lastMeetingDay = day(-lastMeetingDaysAgo)

        // Every 40th citizen starts a household that the next one joins.
        let householdID: HouseholdID?
        if let pending = household {
            householdID = pending
            household = nil
        } else if index % 40 == 0, index + 1 < citizenCount, let last = name.split(separator: " ").last, name.contains(" ") {
            householdID = try workspace.create(Household(name: "Familien \(last)")).id
            household = householdID
        } else {
            householdID = nil
        }

        let lifeParts = random.sample(Vocabulary.lifeParts, count: random.int(2...4))
        let preference: ContactPreference = [.meeting, .meeting, .meeting, .meeting, .meeting, .meeting, .phone, .phone,
                                             .email, .sms][random.index(10)]
        let citizen = try workspace.create(Citizen(
            name: name, cpr: cpr, birthDate: cpr == nil && random.chance(50) ? born : nil,
            phone: random.chance(85) ? "+45 \(random.int(20...99)) \(random.int(10...99)) \(random.int(10...99)) \(random.int(10...99))" : nil,
            email: preference == .email || random.chance(30) ? "borger\(index + 1)@post.example" : nil,
            contactPreference: preference, householdID: householdID, life: lifeParts.joined(separator: " "),
            registeredOn: start, organisationID: organisation, meetingIntervalDays: interval))
        let id = citizen.id

        // The team: the responsible professional (perhaps a successor halfway), and 0-2 others.
        let candidates = staff.responsible[organisation] ?? staff.others
        let responsible = random.pick(candidates)
        let successor: ProfessionalID? = random.chance(12) && candidates.count > 1
            ? random.pick(candidates.filter { $0 != responsible }) : nil
        let handover = day((startOffset - lastMeetingDaysAgo) / 2)
        let teamEnd: LocalDate? = ended ? lastMeetingDay.adding(days: 30) : nil
        if let next = successor {
            try workspace.create(TeamMember(citizenID: id, professionalID: responsible, responsible: true, from: start,
                                            to: handover))
            try workspace.create(TeamMember(citizenID: id, professionalID: next, responsible: true,
                                            from: handover.adding(days: 1), to: teamEnd))
        } else {
            try workspace.create(TeamMember(citizenID: id, professionalID: responsible, responsible: true, from: start,
                                            to: teamEnd))
        }
        var team = [responsible]
        for other in random.sample(staff.others, count: random.int(0...2)) {
            team.append(other)
            try workspace.create(TeamMember(citizenID: id, professionalID: other, responsible: false,
                                            from: start.adding(days: random.int(0...60)), to: teamEnd))
        }
        let lead: (LocalDate) -> ProfessionalID = { date in
            if let successor, date > handover { return successor }
            return responsible
        }

        try addProfile(id, dropIn: dropIn, start: start, organisation: organisation, staff: staff, &random)
        try addPlan(id, start: start, lastMeeting: lastMeetingDay, ended: ended, lead: lead, &random)
        try addMeetings(id, start: start, count: meetingCount, interval: interval, lastMeeting: lastMeetingDay,
                        ended: ended, dropIn: dropIn, team: team, lead: lead, &random)
        try addResults(id, start: start, lastMeeting: lastMeetingDay, staff: staff, lead: lead, &random)
        return id
    }

    /// Resource profile, visions and consents.
    private func addProfile(_ id: CitizenID, dropIn: Bool, start: LocalDate, organisation: OrganisationID,
                            staff: Staff, _ random: inout SplitMix64) throws {
        let areas = random.sample(ResourceArea.defaults.map(\.key), count: random.int(3...6))
        for area in areas {
            try workspace.create(Resource(citizenID: id, area: ResourceArea(area), text: random.pick(Vocabulary.resourceTexts),
                                          updatedOn: start.adding(days: random.int(0...30))))
        }
        if random.chance(60) {
            try workspace.create(Vision(citizenID: id, family: "Have et godt forhold til børnene og familien.",
                                        work: "Et arbejde med " + random.pick(["planter", "maskiner", "mad", "mennesker", "dyr"]) + ".",
                                        housing: random.chance(50) ? "Egen lejlighed med altan." : "Blive boende, men uden gæld."))
        }
        if random.chance(25) {
            let recipient = dropIn ? random.pick(staff.municipalities) : random.pick(staff.dropInCentres)
            let given = start.adding(days: random.int(0...20))
            try workspace.create(Consent(
                citizenID: id, scope: .shareBetweenOrganisations, recipientID: recipient,
                information: "Handleplan, aftaler og mødenotater", purpose: "Fremskudt indsats på værestedet",
                givenOn: given, withdrawnOn: random.chance(10) ? given.adding(days: random.int(30...200)) : nil))
        }
    }

    /// The plan and its 4-8 milestones (past ones mostly achieved, some overdue), with a few
    /// progress notes.
    private func addPlan(_ id: CitizenID, start: LocalDate, lastMeeting: LocalDate, ended: Bool,
                         lead: (LocalDate) -> ProfessionalID, _ random: inout SplitMix64) throws {
        let end = ended ? lastMeeting : max(start.adding(months: 6), lastMeeting.adding(days: random.int(30...120)))
        let status: PlanStatus = ended ? (random.chance(60) ? .completed : .ended) : .active
        let plan = try workspace.create(Plan(
            citizenID: id, goal: random.pick(Vocabulary.goals), purpose: "At komme nærmere målet i små skridt.",
            effort: "Samtaler hver \(random.pick(["anden", "tredje", "fjerde"])) uge, praktik og mentor.",
            start: start, end: end, status: status))
        let titles = random.sample(Vocabulary.milestones, count: random.int(4...8))
        let span = max(1, start.days(until: end) - 14)
        for (position, title) in titles.enumerated() {
            let deadline = start.adding(days: 14 + span * position / max(1, titles.count - 1))
            var milestoneStatus: MilestoneStatus
            var achievedOn: LocalDate?
            if deadline < today || ended {
                switch random.int(0...99) {
                case 0..<65: milestoneStatus = .achieved
                case 65..<73: milestoneStatus = .dropped
                case 73..<80: milestoneStatus = ended ? .achieved : .adjusted
                default: milestoneStatus = ended ? .dropped : (random.chance(50) ? .planned : .inProgress)
                }
                if milestoneStatus == .achieved {
                    let achieved = deadline.adding(days: -random.int(0...10))
                    achievedOn = min(max(achieved, start), today)
                }
            } else {
                milestoneStatus = random.chance(70) ? .planned : .inProgress
            }
            let milestone = try workspace.create(Milestone(
                planID: plan.id, title: title, deadline: deadline,
                steppingStone: position == 0 ? random.chance(60) : random.chance(15),
                status: milestoneStatus, achievedOn: achievedOn))
            if milestoneStatus == .achieved || milestoneStatus == .inProgress, random.chance(25) {
                let date = min(min(deadline, today), start.adding(days: random.int(7...max(7, span))))
                try workspace.create(ProgressNote(milestoneID: milestone.id, date: max(date, start),
                                                  note: random.pick(Vocabulary.progress), authorID: lead(date)))
            }
        }
    }

    /// The meeting notes: a few sentences from the vocabulary.
    private static func notes(first: Bool, attendance: Attendance, _ random: inout SplitMix64) -> String {
        if attendance == .noShow {
            return random.pick(["Borgeren mødte ikke op. Der er sendt en ny indkaldelse.",
                                "Udeblev uden afbud. Ringede om eftermiddagen uden svar."])
        }
        if attendance == .excused {
            return random.pick(["Lovligt afbud på grund af sygdom. Ny tid aftalt.",
                                "Afbud, barnet var sygt. Samtalen er flyttet."])
        }
        var sentences: [String] = []
        if first { sentences.append("Første samtale. Vi gennemgik ressourceprofilen og ønskerne for fremtiden.") }
        sentences.append("Vi talte om " + random.pick(Vocabulary.topics) + " og " + random.pick(Vocabulary.topics) + ".")
        sentences.append("Borgeren fortalte, at " + random.pick(Vocabulary.events) + ".")
        for _ in 0..<random.int(0...2) {
            sentences.append(random.chance(50) ? random.pick(Vocabulary.reflections)
                             : "Desuden: " + random.pick(Vocabulary.events) + ".")
        }
        if random.chance(1) { sentences.append("Borgeren fortalte også om " + random.pick(Vocabulary.hobbies) + ".") }
        return sentences.joined(separator: " ")
    }

    /// 10-25 meetings about every `interval` days, with 0-3 agreements each; the last meeting of
    /// an ongoing course names the next one, so the agenda has coming meetings.
    private func addMeetings(_ id: CitizenID, start: LocalDate, count: Int, interval: Int, lastMeeting: LocalDate,
                             ended: Bool, dropIn: Bool, team: [ProfessionalID], lead: (LocalDate) -> ProfessionalID,
                             _ random: inout SplitMix64) throws {
        let hour = random.int(8...14)
        let minute = random.pick([0, 15, 30, 45])
        var previous = start.adding(days: -1)
        for number in 0..<count {
            let planned = number == count - 1 ? lastMeeting : start.adding(days: number * interval + random.int(-2...2))
            let date = min(max(planned, previous.adding(days: 1)), lastMeeting)
            previous = date
            let at = timestamp(date, hour: hour, minute: minute)
            let attendance: Attendance = random.chance(85) ? .attended : (random.chance(50) ? .excused : .noShow)
            let kind: MeetingKind
            switch random.int(0...99) {
            case 0..<72: kind = dropIn ? .dropIn : .conversation
            case 72..<82: kind = .phone
            case 82..<87: kind = .email
            case 87..<93: kind = .homeVisit
            case 93..<97: kind = .dropIn
            default: kind = .companion
            }
            let author = lead(date)
            var attendees = [author]
            if team.count > 1, random.chance(30) { attendees.append(random.pick(team)) }
            let isLast = number == count - 1
            let next: Timestamp? = isLast && ended ? nil : at.adding(seconds: Int64(interval) * 86_400)
            let meeting = try workspace.create(Meeting(
                citizenID: id, at: at, kind: kind, place: random.pick(Vocabulary.places), attendance: attendance,
                attendees: attendees, authorID: author,
                notes: Self.notes(first: number == 0, attendance: attendance, &random), nextMeeting: next))
            guard attendance != .noShow else { continue }
            let agreementCount = [0, 0, 1, 1, 1, 1, 2, 2, 2, 3][random.index(10)]
            for text in random.sample(Vocabulary.agreements, count: agreementCount) {
                let due = date.adding(days: interval + random.int(-3...3))
                // Old agreements are nearly all settled; recent ones are often still open.
                let settled = due < today.adding(days: -60) ? random.chance(97) : (due < today && random.chance(75))
                let done: LocalDate? = settled ? max(date, due.adding(days: -random.int(0...5))) : nil
                try workspace.create(Agreement(
                    meetingID: meeting.id, text: text,
                    responsible: random.chance(60) ? .citizen : .professional(author), due: due, doneOn: done))
            }
        }
    }

    /// 2-4 assessments that mostly improve, and now and then outcomes, placements and a story.
    private func addResults(_ id: CitizenID, start: LocalDate, lastMeeting: LocalDate, staff: Staff,
                            lead: (LocalDate) -> ProfessionalID, _ random: inout SplitMix64) throws {
        let span = max(1, start.days(until: lastMeeting))
        let count = random.int(2...4)
        let dimensions = random.chance(70) ? AssessmentDimension.allCases
            : random.sample(Array(AssessmentDimension.allCases), count: random.int(4...7))
        var scores: [AssessmentDimension: Int] = [:]
        for dimension in dimensions { scores[dimension] = random.int(2...6) }
        for number in 0..<count {
            let date = start.adding(days: span * number / max(1, count - 1))
            if number > 0 {
                for dimension in dimensions {
                    scores[dimension] = min(10, max(1, (scores[dimension] ?? 5) + random.int(-1...2)))
                }
            }
            try workspace.create(Assessment(citizenID: id, date: date, authorID: lead(date), scores: scores))
        }
        let outcomes = random.chance(18) ? (random.chance(25) ? 2 : 1) : 0
        for _ in 0..<outcomes {
            let kind = random.pick(Array(OutcomeKind.allCases))
            try workspace.create(Outcome(citizenID: id, date: start.adding(days: random.int(0...span)), kind: kind,
                                         note: "Registreret ved opfølgning."))
        }
        if random.chance(15) {
            let from = start.adding(days: random.int(0...span))
            let to = from.adding(days: 7 * random.int(4...13))
            let kind: PlacementKind = [.internship, .internship, .internship, .internship, .internship, .wageSubsidy,
                                       .wageSubsidy, .mentor, .flexJob, .other][random.index(10)]
            let result: PlacementResult = to >= today ? .ongoing : [.completed, .completed, .hired, .stopped][random.index(4)]
            try workspace.create(Placement(citizenID: id, companyID: random.pick(staff.companies), kind: kind,
                                           from: from, to: to, result: result))
        }
        if random.chance(4) {
            let date = lastMeeting.adding(days: -random.int(0...30))
            try workspace.create(Story(citizenID: id, date: max(date, start), title: random.pick(Vocabulary.storyTitles),
                                       text: "Borgeren fortæller, at " + random.pick(Vocabulary.events) + ". "
                                           + random.pick(Vocabulary.reflections),
                                       authorID: lead(date)))
        }
    }

    /// Group activities at the drop-in centres, one per 25 citizens, with up to 15 participants
    /// (drawn with replacement; `Activity` keeps each citizen once).
    private func addActivities(_ random: inout SplitMix64, staff: Staff, citizens: [CitizenID]) throws {
        let kinds: [ActivityKind] = [.course, .exercise, .exercise, .health, .trip, .social, .social, .other]
        for _ in 0..<max(1, citizens.count / 25) {
            let host = random.chance(80) ? random.pick(staff.dropInCentres) : random.pick(staff.municipalities)
            try workspace.create(Activity(
                title: random.pick(Vocabulary.activityTitles), kind: random.pick(kinds), date: day(-random.int(0...730)),
                organisationID: host, participants: (0..<random.int(4...15)).map { _ in random.pick(citizens) }))
        }
    }
}

extension LocalDate {
    /// Two digits with a leading zero.
    fileprivate static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
