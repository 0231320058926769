/// The demo database: the people of the method's stories (Per, Ulla, Svend, Line, Bent, Jan and
/// a few more), fictional in every detail, dated relative to `today` so that the demo always
/// looks current: some milestones achieved, some overdue, one adjusted, meetings about every
/// 14 days with agreements, assessments over time and a few results.
package enum DemoData {
    /// Fills an empty workspace. `username` becomes the user name of the caseworker Inger Holm,
    /// so that the person running the demo sees "their" citizens marked.
    /// Returns the number of citizens written.
    @discardableResult
    package static func populate(_ workspace: Workspace, today: LocalDate, username: String,
                                 progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        try workspace.database.transaction {
            var builder = try Builder(workspace: workspace, today: today, username: username)
            let people = DemoData.people
            for (index, person) in people.enumerated() {
                try builder.add(person)
                progress?(index + 1, people.count)
            }
            try builder.addActivities()
            try workspace.markAsDemo()
        }
        try workspace.refreshActor()
        return people.count
    }

    /// The organisations: a municipality, a drop-in centre and the partner companies.
    static let organisations: [(key: String, name: String, kind: OrganisationKind)] = [
        ("jobcenter", "Jobcenter Ryslinge", .municipality),
        ("fundamentet", "Værestedet Fundamentet", .dropInCentre),
        ("kro", "Kværndrup Kro", .company),
        ("blomster", "Blomsterhjørnet i Ringe", .company),
        ("gartner", "Ringe Anlægsgartneri", .company),
        ("atelier", "Atelier Gitte Bech", .company),
        ("faber", "Faber A/S", .company),
    ]

    /// The professionals; `inger` gets the user name of whoever creates the demo.
    static let professionals: [(key: String, name: String, role: ProfessionalRole, organisation: String, email: String, phone: String)] = [
        ("inger", "Inger Holm", .caseworker, "jobcenter", "inger.holm@ryslinge.example", "+45 62 00 10 01"),
        ("henrik", "Henrik Lund", .jobConsultant, "jobcenter", "henrik.lund@ryslinge.example", "+45 62 00 10 02"),
        ("birgitte", "Birgitte Friis", .addictionCounsellor, "jobcenter", "birgitte.friis@ryslinge.example", "+45 62 00 10 03"),
        ("sanne", "Sanne Østergaard", .dropInCounselor, "fundamentet", "sanne@fundamentet.example", "+45 32 00 20 01"),
        ("mads", "Mads Kjær", .mentor, "kro", "mads@kvaerndrupkro.example", "+45 62 00 30 01"),
    ]
}

extension DemoData {
    /// A milestone of a demo plan: deadline in days after the plan's start, how it stands.
    struct Step {
        let title: String
        let day: Int
        var steppingStone = false
        var status: MilestoneStatus = .planned
        /// Days after the plan's start the milestone was achieved.
        var achievedDay: Int? = nil
        var progress: [(day: Int, note: String)] = []
    }

    /// A demo meeting: days after the plan's start, notes and agreements.
    struct Talk {
        let day: Int
        var kind: MeetingKind = .conversation
        var place = "Jobcenter Ryslinge"
        var attendance: Attendance = .attended
        var with: [String] = []
        /// The other members of the citizen's household who were there (by name).
        var family: [String] = []
        let notes: String
        var agreements: [(text: String, who: String, dueIn: Int, done: Bool)] = []
    }

    /// One citizen of the stories and their whole course.
    struct Person {
        let name: String
        var cpr: String? = nil
        let born: String
        var phone: String? = nil
        var email: String? = nil
        var preference: ContactPreference = .meeting
        let organisation: String
        let responsible: String
        var team: [String] = []
        let life: String
        /// Days before today that the course began.
        let startedDaysAgo: Int
        var lengthMonths = 6
        var interval = 14
        let goal: String
        let purpose: String
        let effort: String
        let steps: [Step]
        let talks: [Talk]
        var resources: [(area: String, text: String)] = []
        var vision = (family: "", work: "", housing: "", other: "")
        /// Scores at the start and now, per dimension; a middle assessment is interpolated.
        var scores: [(AssessmentDimension, Int, Int)] = []
        var outcomes: [(day: Int, kind: OutcomeKind, note: String)] = []
        var placements: [(company: String, kind: PlacementKind, from: Int, to: Int?, result: PlacementResult)] = []
        var stories: [(day: Int, title: String, text: String)] = []
        var consentTo: String? = nil
        var household: String? = nil
        var relation: HouseholdRelation? = nil
    }

    struct Builder {
        let workspace: Workspace
        let today: LocalDate
        var organisationIDs: [String: OrganisationID] = [:]
        var professionalIDs: [String: ProfessionalID] = [:]
        var citizenIDs: [String: CitizenID] = [:]
        var householdIDs: [String: HouseholdID] = [:]

        init(workspace: Workspace, today: LocalDate, username: String) throws {
            self.workspace = workspace
            self.today = today
            for organisation in DemoData.organisations {
                organisationIDs[organisation.key] = try workspace.create(
                    DemoData.organisation(organisation.key, name: organisation.name, kind: organisation.kind)).id
            }
            for professional in DemoData.professionals {
                professionalIDs[professional.key] = try workspace.create(Professional(
                    name: professional.name, role: professional.role,
                    organisationID: organisationIDs[professional.organisation],
                    username: professional.key == "inger" ? username : "demo-\(professional.key)",
                    email: professional.email, phone: professional.phone)).id
            }
        }

        func meetingTime(_ date: LocalDate, hour: Int = 10) -> Timestamp {
            Timestamp.local(date, hour: hour, minute: 0)
                ?? Timestamp(date: date, hour: hour, minute: 0, offsetMinutes: 0)
                ?? Timestamp(seconds: Int64(date.daysSinceEpoch) * 86_400, offsetMinutes: 0)
        }

        mutating func add(_ person: Person) throws {
            let start = today.adding(days: -person.startedDaysAgo)
            func on(_ offset: Int) -> LocalDate { start.adding(days: offset) }
            let responsible = professionalIDs[person.responsible]
            var householdID: HouseholdID?
            if let household = person.household {
                if let existing = householdIDs[household] {
                    householdID = existing
                } else {
                    let created = try workspace.create(Household(name: household)).id
                    householdIDs[household] = created
                    householdID = created
                }
            }
            let citizen = try workspace.create(Citizen(
                name: person.name, cpr: person.cpr.flatMap(CPR.init), birthDate: LocalDate(iso: person.born),
                phone: person.phone, email: person.email, contactPreference: person.preference,
                householdID: householdID, life: person.life, registeredOn: on(-7),
                organisationID: organisationIDs[person.organisation], meetingIntervalDays: person.interval,
                householdRelation: person.relation))
            citizenIDs[person.name] = citizen.id

            if let responsible {
                try workspace.create(TeamMember(citizenID: citizen.id, professionalID: responsible, responsible: true,
                                                from: on(-7)))
            }
            for member in person.team {
                guard let id = professionalIDs[member] else { continue }
                try workspace.create(TeamMember(citizenID: citizen.id, professionalID: id, responsible: false, from: on(0)))
            }
            if let recipient = person.consentTo, let recipientID = organisationIDs[recipient] {
                try workspace.create(Consent(
                    citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: recipientID,
                    information: "Handleplan, milepæle og aftaler fra samtaler", purpose: "Koordineret støtte",
                    givenOn: on(0), expiresOn: on(365), note: "Skriftligt samtykke ved første samtale",
                    categories: [.contact, .plan, .meetings]))
            }
            if person.preference == .email {
                try workspace.create(Consent(citizenID: citizen.id, scope: .contactByEmail, givenOn: on(0),
                                             note: "Foretrækker kontakt pr. mail"))
            }
            for resource in person.resources {
                try workspace.create(Resource(citizenID: citizen.id, area: ResourceArea(resource.area),
                                              text: resource.text, updatedOn: on(0)))
            }
            try workspace.create(Vision(citizenID: citizen.id, family: person.vision.family, work: person.vision.work,
                                        housing: person.vision.housing, other: person.vision.other))

            let plan = try workspace.create(Plan(
                citizenID: citizen.id, goal: person.goal, purpose: person.purpose, effort: person.effort,
                start: start, end: start.adding(months: person.lengthMonths)))
            for step in person.steps {
                let milestone = try workspace.create(Milestone(
                    planID: plan.id, title: step.title, deadline: on(step.day), steppingStone: step.steppingStone,
                    status: step.status, achievedOn: step.achievedDay.map(on)))
                for note in step.progress {
                    try workspace.create(ProgressNote(milestoneID: milestone.id, date: on(note.day), note: note.note,
                                                      authorID: responsible))
                }
            }

            let talks = person.talks.sorted { $0.day < $1.day }
            for (index, talk) in talks.enumerated() {
                let date = on(talk.day)
                guard date <= today else { continue }
                let isLast = index == talks.count - 1 || on(talks[index + 1].day) > today
                let next = isLast ? meetingTime(max(date.adding(days: person.interval), today.adding(days: 1)).workday)
                    : meetingTime(on(talks[index + 1].day))
                var attendees = [responsible].compactMap { $0 }
                attendees += talk.with.compactMap { professionalIDs[$0] }
                let meeting = try workspace.create(Meeting(
                    citizenID: citizen.id, at: meetingTime(date), kind: talk.kind, place: talk.place,
                    attendance: talk.attendance, attendees: attendees, authorID: responsible, notes: talk.notes,
                    nextMeeting: next, members: talk.family.compactMap { citizenIDs[$0] },
                    companion: companion(of: talk, goingAlong: responsible)))
                for agreement in talk.agreements {
                    let due = date.adding(days: agreement.dueIn)
                    let who: Responsible = agreement.who == "citizen"
                        ? .citizen : professionalIDs[agreement.who].map(Responsible.professional) ?? .citizen
                    try workspace.create(Agreement(meetingID: meeting.id, text: agreement.text, responsible: who,
                                                   due: due, doneOn: agreement.done ? min(due, today) : nil))
                }
            }

            if !person.scores.isEmpty {
                let elapsed = min(person.startedDaysAgo, 200)
                let moments = [0, elapsed / 2, max(elapsed - 3, 1)]
                for (index, moment) in moments.enumerated() {
                    var scores: [AssessmentDimension: Int] = [:]
                    for (dimension, first, last) in person.scores {
                        scores[dimension] = index == 0 ? first : index == 2 ? last : (first + last + 1) / 2
                    }
                    try workspace.create(Assessment(citizenID: citizen.id, date: on(moment), authorID: responsible,
                                                    scores: scores))
                }
            }
            for outcome in person.outcomes where on(outcome.day) <= today {
                try workspace.create(Outcome(citizenID: citizen.id, date: on(outcome.day), kind: outcome.kind, note: outcome.note))
            }
            for placement in person.placements {
                guard let company = organisationIDs[placement.company] else { continue }
                try workspace.create(Placement(citizenID: citizen.id, companyID: company, kind: placement.kind,
                                               from: on(placement.from), to: placement.to.map(on), result: placement.result))
            }
            for story in person.stories where on(story.day) <= today {
                try workspace.create(Story(citizenID: citizen.id, date: on(story.day), title: story.title, text: story.text,
                                           authorID: responsible))
            }
        }

        func addActivities() throws {
            // Title, kind, day, start, place, organisation, who runs it, participants; those
            // marked with "!" did not come (a coming activity has no one marked yet).
            let activities: [(String, ActivityKind, Int, ClockTime?, String, String, [String], [String])] = [
                ("IT-kursus: mail og NemID", .course, -40, ClockTime(hour: 10, minute: 0), "Værestedets computerstue", "fundamentet",
                 ["sanne"], ["Jan Bækgaard", "Aisha Khalil", "Line Sørensen!"]),
                ("Gåtur i Sollerup Skov", .exercise, -26, ClockTime(hour: 13, minute: 30), "P-pladsen ved skoven", "jobcenter",
                 ["henrik", "birgitte"], ["Per Kristiansen", "Ulla Brandt", "Svend Madsen"]),
                ("Sundhedsundervisning: søvn og kost", .health, -12, ClockTime(hour: 9, minute: 30), "Jobcentret, mødelokale 2",
                 "jobcenter", ["birgitte"], ["Per Kristiansen", "Svend Madsen!"]),
                ("Tur til Møns Klint", .trip, -5, ClockTime(hour: 8, minute: 0), "Afgang fra værestedet", "fundamentet",
                 ["sanne"], ["Jan Bækgaard", "Aisha Khalil", "Kurt Damgaard"]),
                ("Fællesspisning", .social, 3, ClockTime(hour: 17, minute: 30), "Værestedets køkken", "fundamentet",
                 ["sanne"], ["Jan Bækgaard", "Kurt Damgaard"]),
            ]
            for (title, kind, offset, start, place, organisation, runners, names) in activities {
                let participants = names.compactMap { citizenIDs[$0.hasSuffix("!") ? String($0.dropLast()) : $0] }
                let came = offset < 0 ? names.filter { !$0.hasSuffix("!") }.compactMap { citizenIDs[$0] } : []
                try workspace.create(Activity(title: title, kind: kind, date: today.adding(days: offset), startTime: start,
                                              place: place, organisationID: organisationIDs[organisation],
                                              participants: participants, present: came,
                                              runners: runners.compactMap { professionalIDs[$0] }))
            }
        }
    }
}
