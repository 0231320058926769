/// A citizen as the citizen list shows them: with the next meeting, what is overdue and
/// whether the current user is the responsible professional.
package struct CitizenSummary: Sendable, Equatable {
    package let citizen: Citizen
    /// The next meeting agreed at the latest meeting, if any.
    package let nextMeeting: Timestamp?
    /// Open milestones of active plans and open agreements past their date.
    package let overdue: Int
    /// The current user is the citizen's responsible professional today.
    package let isMine: Bool
}

/// A meeting with its agreements, for the meeting history.
package struct MeetingWithAgreements: Sendable, Equatable {
    package let meeting: Meeting
    package let agreements: [Agreement]

    package init(meeting: Meeting, agreements: [Agreement]) {
        self.meeting = meeting
        self.agreements = agreements
    }

    /// Agreements not yet done.
    package var openAgreements: [Agreement] { agreements.filter { $0.doneOn == nil } }
}

/// One line of the agenda: a coming meeting, a milestone or agreement due or overdue, a
/// follow-up that was missed, or a citizen with no next meeting.
package struct AgendaItem: Sendable, Equatable {
    /// What the line is about.
    package enum Kind: Sendable, Equatable {
        case meeting(Timestamp)
        case milestone(Milestone)
        case agreement(Agreement)
        /// The next meeting agreed at the latest meeting has passed and no meeting was recorded.
        case missedFollowUp(Timestamp)
        /// The latest meeting (or, with none, the registration) is older than the citizen's
        /// interval and no next meeting was agreed.
        case noNextMeeting(last: LocalDate?)
        /// A companion meeting the user goes along to (as bisidder).
        case companion(Meeting)
    }

    package let kind: Kind
    package let citizenID: CitizenID
    package let citizenName: String
    /// The day the item is due or takes place.
    package let date: LocalDate
    /// Past its date and not done.
    package let isOverdue: Bool

    /// A missed follow-up or a citizen with no next meeting (nothing to tick off).
    package var isFollowUp: Bool {
        switch kind {
        case .missedFollowUp, .noNextMeeting: return true
        case .meeting, .milestone, .agreement, .companion: return false
        }
    }
}

/// A citizen found by a search, and where the match is.
package struct SearchHit: Sendable, Equatable {
    /// Where the query matched.
    package enum Match: Sendable, Equatable {
        case name
        case cpr
        /// In written text: which kind of text and an excerpt with the match between « and ».
        case text(source: TextSource, excerpt: String)
        /// Not found by the search: the citizen just created or changed, shown with the results
        /// so that what was saved is on screen.
        case saved
    }

    /// The kinds of text the full-text index covers.
    package enum TextSource: String, Sendable, Equatable {
        case meeting, agreement, progress, story, life

        /// The category of information the text belongs to.
        package var category: DataCategory {
            switch self {
            case .meeting, .agreement: return .meetings
            case .progress: return .plan
            case .story: return .results
            case .life: return .profile
            }
        }
    }

    package let summary: CitizenSummary
    package let match: Match

    package init(summary: CitizenSummary, match: Match) {
        self.summary = summary
        self.match = match
    }
}

extension Workspace {
    private var summaryColumns: [String] {
        [
            "(SELECT m.next_utc FROM meeting m WHERE m.citizen_id = citizen.id AND \(Self.hasBegun("m")) ORDER BY m.at_utc DESC, m.id DESC LIMIT 1)",
            "(SELECT m.next_offset FROM meeting m WHERE m.citizen_id = citizen.id AND \(Self.hasBegun("m")) ORDER BY m.at_utc DESC, m.id DESC LIMIT 1)",
            """
            (SELECT count(*) FROM milestone ms JOIN plan p ON p.id = ms.plan_id WHERE p.citizen_id = citizen.id \
            AND p.status = 'active' AND ms.status IN ('planned', 'in-progress', 'adjusted') AND ms.deadline < ?) \
            + (SELECT count(*) FROM agreement a JOIN meeting m ON m.id = a.meeting_id WHERE m.citizen_id = citizen.id \
            AND a.done_on IS NULL AND a.due < ?)
            """,
            """
            EXISTS (SELECT 1 FROM team_member t WHERE t.citizen_id = citizen.id AND t.responsible = 1 \
            AND t.professional_id = ? AND t.from_date <= ? AND (t.to_date IS NULL OR t.to_date >= ?))
            """,
        ]
    }

    private var summaryArguments: [SQLValue] {
        let day = today.sqlValue
        let now = SQLValue.integer(clock().seconds)
        return [now, now, day, day, actor.professionalID.sqlValue, day, day]
    }

    private func summary(_ citizen: Citizen, _ extra: [SQLValue]) -> CitizenSummary {
        let seconds = Int64(sqlValue: extra[0])
        let offset = Int(sqlValue: extra[1]) ?? 0
        return CitizenSummary(citizen: citizen, nextMeeting: seconds.map { Timestamp(seconds: $0, offsetMinutes: offset) },
                              overdue: Int(sqlValue: extra[2]) ?? 0, isMine: extra[3] == .integer(1))
    }

    /// Summaries as the actor may see them: the next meeting only with `meetings`, the overdue
    /// count only with both `plan` and `meetings` shared.
    private func visibleSummaries(_ summaries: [CitizenSummary]) throws -> [CitizenSummary] {
        guard policy != .unrestricted else { return summaries }
        let others = summaries.map(\.citizen).filter { $0.organisationID == nil || $0.organisationID != actor.organisationID }
        guard !others.isEmpty else { return summaries }
        let granted = try grantedCategories(of: others.map(\.id))
        return summaries.map { item in
            guard let categories = granted[item.citizen.id], categories.count < DataCategory.allCases.count else { return item }
            return CitizenSummary(citizen: item.citizen, nextMeeting: categories.contains(.meetings) ? item.nextMeeting : nil,
                                  overdue: categories.isSuperset(of: [.plan, .meetings]) ? item.overdue : 0,
                                  isMine: item.isMine)
        }
    }

    /// One page of the citizen list, in Danish name order.
    /// Archived citizens (course ended) are left out unless `includeArchived`.
    package func citizenSummaries(page: PageRequest, includeArchived: Bool = false) throws -> Page<CitizenSummary> {
        let archived = includeArchived ? "1 = 1" : "citizen.archived_on IS NULL"
        guard policy == .organisation else {
            let rows = try pageOfRows(Citizen.self, extraColumns: summaryColumns, extraArguments: summaryArguments, page: page,
                                      where: (archived, []))
            return Page(items: try visibleSummaries(rows.items.map { summary($0.record, $0.extra) }), next: rows.next)
        }
        // Under the organisation rule: the ids in name order first (`firstCitizensUnderTheRule`),
        // then the rows and summaries of the page's alone.
        let first = try firstCitizensUnderTheRule(matching: [], includeArchived: includeArchived, after: page.after,
                                                  limit: page.limit + 1)
        let chosen = first.prefix(page.limit).map(\.id.sqlValue)
        guard !chosen.isEmpty else { return Page(items: [], next: nil) }
        let rows = try pageOfRows(Citizen.self, extraColumns: summaryColumns, extraArguments: summaryArguments,
                                  page: .first(chosen.count),
                                  where: ("citizen.id IN (\(Array(repeating: "?", count: chosen.count).joined(separator: ", ")))", chosen),
                                  filterBeforeOrdering: true)
        let items = rows.items
        return Page(items: try visibleSummaries(items.map { summary($0.record, $0.extra) }),
                    next: first.count > page.limit ? items.last.map { PageCursor(key: $0.record.orderKey) } : nil)
    }

    /// The order of the citizen list: `name_sort` as SQLite compares it (its UTF-8 bytes), then
    /// the id.
    static func inNameOrder(_ first: (key: String, id: Int64), _ second: (key: String, id: Int64)) -> Bool {
        first.key == second.key ? first.id < second.id : first.key.utf8.lexicographicallyPrecedes(second.key.utf8)
    }

    /// The summary of one citizen.
    package func citizenSummary(_ id: CitizenID) throws -> CitizenSummary? {
        try checkAccess(to: id)
        let rows = try pageOfRows(Citizen.self, extraColumns: summaryColumns, extraArguments: summaryArguments,
                                  page: .first(1), where: ("citizen.id = ?", [id.sqlValue]))
        return try visibleSummaries(rows.items.map { summary($0.record, $0.extra) }).first
    }

    /// The plan the screens show: the latest active plan, else the latest plan of any status.
    package func currentPlan(of citizen: CitizenID) throws -> Plan? {
        noteLookup(citizen)
        let active = try list(Plan.self, parent: citizen.sqlValue, page: .first(1), where: ("status = 'active'", []))
        if let plan = active.items.first { return plan }
        return try list(Plan.self, parent: citizen.sqlValue, page: .first(1)).items.first
    }

    /// One page of a citizen's meetings, newest first, each with its agreements: their own and
    /// the household meetings they were present at (those of a member the actor may see).
    package func meetingHistory(of citizen: CitizenID, page: PageRequest) throws -> Page<MeetingWithAgreements> {
        noteLookup(citizen)
        let meetings: Page<Meeting>
        if try database.scalar("SELECT EXISTS (SELECT 1 FROM meeting_member WHERE citizen_id = ?)", [citizen.sqlValue]) == .integer(1) {
            try checkAccess(to: citizen)
            if policy != .unrestricted, !(try grantedCategories(of: citizen).contains(.meetings)) {
                return Page(items: [], next: nil)
            }
            // Without a parent the list applies the rule to each meeting's own citizen.
            let rows = try pageOfRows(Meeting.self, page: page, where: ("""
                meeting.id IN (SELECT id FROM meeting WHERE citizen_id = ? UNION ALL \
                SELECT meeting_id FROM meeting_member WHERE citizen_id = ?)
                """, [citizen.sqlValue, citizen.sqlValue]), filterBeforeOrdering: true)
            meetings = Page(items: rows.items.map(\.record), next: rows.next)
        } else {
            meetings = try list(Meeting.self, parent: citizen.sqlValue, page: page)
        }
        guard !meetings.items.isEmpty else { return Page(items: [], next: nil) }
        let placeholders = Array(repeating: "?", count: meetings.items.count).joined(separator: ", ")
        var byMeeting: [MeetingID: [Agreement]] = [:]
        let columns = (["id"] + Agreement.columns + Audit.columns).joined(separator: ", ")
        try database.forEach("SELECT \(columns) FROM agreement WHERE meeting_id IN (\(placeholders)) ORDER BY id",
                             meetings.items.map(\.id.sqlValue)) { row in
            let agreement = try Agreement(row: row)
            byMeeting[agreement.meetingID, default: []].append(agreement)
        }
        return Page(items: meetings.items.map { MeetingWithAgreements(meeting: $0, agreements: byMeeting[$0.id] ?? []) },
                    next: meetings.next)
    }

    /// The current user's agenda: coming meetings (from today), and milestones and agreements
    /// that are overdue or due within `horizonDays`, across the citizens whose team they are in;
    /// and the companion meetings they go along to within `horizonDays`.
    /// At most `limit` items of each kind.
    package func agenda(horizonDays: Int = 14, limit: Int = 200) throws -> [AgendaItem] {
        guard let professional = actor.professionalID else { return [] }
        let day = today
        let horizon = day.adding(days: horizonDays).sqlValue
        let team = teamCondition(citizenColumn: "c.id", professional: professional, day: day)
        let mine = team.sql, mineArguments = team.arguments
        let planAccess = accessCondition(citizenColumn: "c.id", category: .plan)
        let meetingAccess = accessCondition(citizenColumn: "c.id", category: .meetings)
        var items: [AgendaItem] = []

        for meeting in try comingMeetings(limit: limit) {
            items.append(AgendaItem(kind: .meeting(meeting.at), citizenID: meeting.citizenID,
                                    citizenName: meeting.citizenName, date: meeting.at.localDate, isOverdue: false))
        }

        let milestoneColumns = (["id"] + Milestone.columns + Audit.columns).map { "ms.\($0)" }.joined(separator: ", ")
        try database.forEach("""
            SELECT \(milestoneColumns), c.id AS citizen, c.name AS citizen_name FROM milestone ms
            JOIN plan p ON p.id = ms.plan_id JOIN citizen c ON c.id = p.citizen_id
            WHERE \(mine)\(planAccess.map { " AND " + $0.sql } ?? "") AND p.status = 'active'
              AND ms.status IN ('planned', 'in-progress', 'adjusted') AND ms.deadline <= ?
            ORDER BY ms.deadline, ms.id LIMIT ?
            """, mineArguments + (planAccess?.arguments ?? []) + [horizon, .integer(Int64(limit))]) { row in
            let milestone = try Milestone(row: row)
            items.append(AgendaItem(kind: .milestone(milestone), citizenID: try row.get("citizen"),
                                    citizenName: try row.get("citizen_name"), date: milestone.deadline,
                                    isOverdue: milestone.isOverdue(on: day)))
        }

        let agreementColumns = (["id"] + Agreement.columns + Audit.columns).map { "a.\($0)" }.joined(separator: ", ")
        try database.forEach("""
            SELECT \(agreementColumns), c.id AS citizen, c.name AS citizen_name FROM agreement a
            JOIN meeting m ON m.id = a.meeting_id JOIN citizen c ON c.id = m.citizen_id
            WHERE \(mine)\(meetingAccess.map { " AND " + $0.sql } ?? "") AND a.done_on IS NULL AND a.due IS NOT NULL
              AND a.due <= ?
            ORDER BY a.due, a.id LIMIT ?
            """, mineArguments + (meetingAccess?.arguments ?? []) + [horizon, .integer(Int64(limit))]) { row in
            let agreement = try Agreement(row: row)
            items.append(AgendaItem(kind: .agreement(agreement), citizenID: try row.get("citizen"),
                                    citizenName: try row.get("citizen_name"), date: agreement.due ?? day,
                                    isOverdue: agreement.isOverdue(on: day)))
        }
        for (meeting, name) in try companionMeetings(horizonDays: horizonDays, limit: limit) {
            items.append(AgendaItem(kind: .companion(meeting), citizenID: meeting.citizenID, citizenName: name,
                                    date: meeting.at.localDate, isOverdue: false))
        }
        items += try followUpsDue(professional: professional, limit: limit)
        // What is overdue first, then by date.
        return items.sorted { ($0.isOverdue ? 0 : 1, $0.date, $0.citizenName) < ($1.isOverdue ? 0 : 1, $1.date, $1.citizenName) }
    }

    /// The user's citizens (not archived) whose follow-up is due: the next meeting agreed at
    /// their latest meeting passed with no meeting recorded, or no next meeting was agreed and
    /// the latest meeting (or the registration, with none) is older than their interval.
    private func followUpsDue(professional: ProfessionalID, limit: Int) throws -> [AgendaItem] {
        let day = today
        let team = teamCondition(citizenColumn: "c.id", professional: professional, day: day)
        let access = accessCondition(citizenColumn: "c.id", category: .meetings)
        let offset = clock().offsetMinutes
        let startOfToday = Timestamp(date: day, hour: 0, minute: 0, offsetMinutes: offset)?.seconds ?? 0
        var items: [AgendaItem] = []
        try database.forEach("""
            SELECT c.id, c.name, c.meeting_interval_days, c.registered_on, m.id, m.at_utc, m.at_offset, m.next_utc, m.next_offset
            FROM citizen c
            LEFT JOIN meeting m ON m.id = (SELECT id FROM meeting WHERE citizen_id = c.id AND \(Self.hasBegun("meeting"))
                                            ORDER BY at_utc DESC, id DESC LIMIT 1)
            WHERE \(team.sql)\(access.map { " AND " + $0.sql } ?? "") AND c.archived_on IS NULL
              AND ((m.next_utc IS NOT NULL AND m.next_utc < ?)
                OR (m.id IS NOT NULL AND m.next_utc IS NULL AND m.at_utc + c.meeting_interval_days * 86400 < ?)
                OR (m.id IS NULL AND date(c.registered_on, '+' || c.meeting_interval_days || ' days') < ?))
            ORDER BY c.id LIMIT ?
            """,
            [.integer(clock().seconds)] + team.arguments + (access?.arguments ?? [])
                + [.integer(startOfToday), .integer(startOfToday), day.sqlValue, .integer(Int64(limit))]) { row in
            let citizen: CitizenID = try row.get(0)
            let name: String = try row.get(1)
            let interval: Int = try row.get(2)
            let registered: LocalDate = try row.get(3)
            let meeting: Int64? = try row.get(4)
            if let next: Int64 = try row.get(7) {
                let at = Timestamp(seconds: next, offsetMinutes: try row.get(8))
                items.append(AgendaItem(kind: .missedFollowUp(at), citizenID: citizen, citizenName: name, date: at.localDate,
                                        isOverdue: true))
            } else if meeting != nil, let seconds: Int64 = try row.get(5) {
                let last = Timestamp(seconds: seconds, offsetMinutes: try row.get(6)).localDate
                items.append(AgendaItem(kind: .noNextMeeting(last: last), citizenID: citizen, citizenName: name,
                                        date: last.adding(days: interval), isOverdue: true))
            } else {
                items.append(AgendaItem(kind: .noNextMeeting(last: nil), citizenID: citizen, citizenName: name,
                                        date: registered.adding(days: interval), isOverdue: true))
            }
        }
        return items
    }

    /// Citizens matching a search as it is typed: by name (case- and accent-folded, Danish
    /// letters kept), by CPR prefix (when the text is digits), and by words in what is written
    /// about them (meeting notes, agreements, progress notes, change stories, the life text),
    /// newest writing first. Name and CPR matches come first. Archived citizens are found only
    /// with `includeArchived`.
    package func search(_ query: String, limit: Int = 100, noting: Bool = true,
                        includeArchived: Bool = false) throws -> [SearchHit] {
        let text = query.trimmingBlanks()
        guard !text.isEmpty else { return [] }
        if noting { noteSearch(text) }
        var hits: [SearchHit] = []
        var seen = Set<CitizenID>()
        func add(_ rows: [(record: Citizen, extra: [SQLValue])], _ match: (Citizen) -> SearchHit.Match) {
            for row in rows where hits.count < limit && seen.insert(row.record.id).inserted {
                hits.append(SearchHit(summary: summary(row.record, row.extra), match: match(row.record)))
            }
        }
        func citizens(_ condition: (sql: String, arguments: [SQLValue])) throws -> [(record: Citizen, extra: [SQLValue])] {
            let condition = includeArchived ? condition : ("citizen.archived_on IS NULL AND " + condition.sql, condition.arguments)
            return try pageOfRows(Citizen.self, extraColumns: summaryColumns, extraArguments: summaryArguments,
                                  page: .first(limit), where: condition, filterBeforeOrdering: true).items
        }

        let digits = text.filter { $0 != "-" && $0 != " " }
        if !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            // A range on the CPR index: every number that starts with the digits typed.
            // The CPR number is contact information: a citizen whose consent does not share it is no hit.
            var condition = ("citizen.cpr IS NOT NULL AND citizen.cpr >= ? AND citizen.cpr < ?", [SQLValue.text(digits), .text(digits + ":")])
            if let contact = accessCondition(citizenColumn: "citizen.id", category: .contact) {
                condition.0 += " AND " + contact.sql
                condition.1 += contact.arguments
            }
            add(try citizens(condition)) { _ in .cpr }
        } else {
            // Every word typed must be in the name, in any order ("madsen svend").
            let words = TextNormalization.searchKey(text).split(whereSeparator: \.isWhitespace).map(String.init)
            let found = try citizensNamed(words, limit: limit, includeArchived: includeArchived)
            if !found.isEmpty {
                let placeholders = Array(repeating: "?", count: found.count).joined(separator: ", ")
                add(try citizens(("citizen.id IN (\(placeholders))", found.map(\.sqlValue)))) { _ in .name }
            }
        }

        guard hits.count < limit, let expression = try textMatchExpression(text) else { return try visible(hits) }
        var textMatches: [CitizenID: (source: SearchHit.TextSource, excerpt: String)] = [:]
        var order: [CitizenID] = []
        try database.forEach("""
            SELECT citizen_id, source, snippet(search_text, 0, '«', '»', '…', 8) FROM search_text
            WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT ?
            """, [.text(expression), .integer(Int64(limit * 4))]) { row in
            let citizen: CitizenID = try row.get(0)
            guard !seen.contains(citizen), textMatches[citizen] == nil else { return }
            let source = SearchHit.TextSource(rawValue: try row.get(1)) ?? .meeting
            let excerpt: String = try row.get(2)
            textMatches[citizen] = (source, excerpt.replacingLineEnds().split(separator: "\n").joined(separator: " "))
            order.append(citizen)
        }
        guard !order.isEmpty else { return try visible(hits) }
        // A hit in a category the citizen's consent does not share is no hit.
        let granted = try grantedCategories(of: order)
        order.removeAll { citizen in
            guard let source = textMatches[citizen]?.source else { return true }
            return !(granted[citizen]?.contains(source.category) ?? false)
        }
        let wanted = Array(order.prefix(limit - hits.count))
        let placeholders = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        let rows = try citizens(("citizen.id IN (\(placeholders))", wanted.map(\.sqlValue)))
        let byID = Dictionary(rows.map { ($0.record.id, $0) }, uniquingKeysWith: { first, _ in first })
        for citizen in wanted {
            guard let row = byID[citizen], let match = textMatches[citizen] else { continue }
            add([row]) { _ in .text(source: match.source, excerpt: match.excerpt) }
        }
        return try visible(hits)
    }

    /// The first `limit` citizens (in name order) the actor may see whose folded name holds
    /// every one of `words` (folded by `TextNormalization.searchKey`), found without reading
    /// every name. With a word of three letters or more, the names holding its first trigram
    /// are walked in name order first (`citizensByNameGram`), which is all it takes when they
    /// fill the page soon. Failing that, the word is looked up in the trigram index of the
    /// names (`citizen_name`). When the index finds few citizens (at most
    /// `nameSearchCandidateLimit`), those are read and sorted; when it finds many, or every word
    /// is shorter, the names are read in name order until `limit` match, which is quick since
    /// then many do. Only the ids: the caller reads the rows of these few.
    func citizensNamed(_ words: [String], limit: Int, includeArchived: Bool) throws -> [CitizenID] {
        guard !words.isEmpty, limit > 0 else { return [] }
        // First the walk in name order of the names holding a trigram, which ends with the page
        // when the names found match often enough.
        if policy == .organisation {
            if let organisation = actor.organisationID,
               let own = try citizensByNameGram(words, includeArchived: includeArchived, organisation: organisation, limit: limit) {
                return try firstCitizensUnderTheRule(matching: words, includeArchived: includeArchived, after: nil, limit: limit,
                                                     own: own).map(\.id)
            }
        } else if let found = try citizensByNameGram(words, includeArchived: includeArchived, limit: limit) {
            return found.map(\.id)
        }
        let visible = visibleNamed(words, includeArchived: includeArchived)
        let condition = visible.sql, arguments = visible.arguments
        let indexed = words.filter { $0.unicodeScalars.count >= 3 }
        if !indexed.isEmpty {
            // An FTS5 phrase per word (a quote inside doubled), all required.
            let match = indexed.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
            let most = try nameSearchCandidateLimit ?? adaptiveCandidateLimit(page: limit)
            let candidates = try database.scalar("SELECT count(*) FROM (SELECT rowid FROM citizen_name WHERE citizen_name MATCH ? LIMIT ?)",
                                                 [.text(match), .integer(Int64(most + 1))])
            if let count = Int(sqlValue: candidates), count <= most {
                return try database.fetchAll(Self.namesLookedUp(where: condition), [.text(match)] + arguments + [.integer(Int64(limit))]) {
                    try $0.get(0)
                }
            }
        }
        guard policy == .organisation else {
            return try database.fetchAll(Self.namesInOrder(where: condition), arguments + [.integer(Int64(limit))]) { try $0.get(0) }
        }
        // Under the organisation rule, as the list does (a walk of all names would read every
        // other organisation's citizen before the page had the organisation's).
        return try firstCitizensUnderTheRule(matching: words, includeArchived: includeArchived, after: nil, limit: limit).map(\.id)
    }

    /// The condition on a citizen row (`c`) that the actor may see it, that its folded name
    /// (`names`, `c.name_key` unless another column holds it) holds every one of `words`
    /// (`LIKE '%word%'`), and that it is not archived unless `includeArchived`.
    func visibleNamed(_ words: [String], includeArchived: Bool,
                      names: String = "c.name_key") -> (sql: String, arguments: [SQLValue]) {
        var conditions = words.map { _ in "\(names) LIKE ? ESCAPE '\\'" }
        var arguments = words.map { SQLValue.text("%" + Self.escapeLike($0) + "%") }
        if !includeArchived { conditions.append("c.archived_on IS NULL") }
        if let access = accessCondition(citizenRow: "c") {
            conditions.append(access.sql)
            arguments += access.arguments
        }
        return (conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND "), arguments)
    }

    /// Reading and sorting c candidates costs about c look-ups; reading names in order until a
    /// page of `page` is full costs about page × citizens ÷ c: the two meet at the square root.
    private func adaptiveCandidateLimit(page: Int) throws -> Int {
        if countedCitizens == nil {
            countedCitizens = Int(sqlValue: try database.scalar("SELECT count(*) FROM citizen")) ?? 0
        }
        return max(500, Int(Double(page * (countedCitizens ?? 0)).squareRoot()))
    }

    /// The name search's query for few candidates: the trigram index's citizens (`?1` the FTS5
    /// query), each looked up by id and tested by `condition`, then sorted. The unary `+` keeps
    /// the name index out, so SQLite does not walk every name in order instead.
    static func namesLookedUp(where condition: String) -> String {
        """
        SELECT c.id FROM citizen_name n CROSS JOIN citizen c ON c.id = n.rowid
        WHERE citizen_name MATCH ? AND \(condition) ORDER BY +c.name_sort, +c.id LIMIT ?
        """
    }

    /// The name search's query for many candidates: the names in name order, each tested by
    /// `condition`, until the limit.
    static func namesInOrder(where condition: String) -> String {
        "SELECT c.id FROM citizen c INDEXED BY citizen_by_name WHERE \(condition) ORDER BY c.name_sort, c.id LIMIT ?"
    }

    private func visible(_ hits: [SearchHit]) throws -> [SearchHit] {
        let summaries = try visibleSummaries(hits.map(\.summary))
        return zip(hits, summaries).map { SearchHit(summary: $1, match: $0.match) }
    }

    /// `%`, `_` and `\` taken literally in a LIKE pattern with `ESCAPE '\'`.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// An FTS5 query for typed text: every word quoted (so no word is read as an operator), the
    /// last one as a prefix, all words required. Nil when the text has no word characters.
    static func ftsExpression(_ text: String) -> String? {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            "\"" + word + "\"" + (index == words.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }
}
