/// Group activities under the access rule. An activity is the organisation's, not a citizen's,
/// but who took part is about each participant: a reader sees only the participants they may see,
/// a save keeps the participants the actor cannot see as they were (and refuses to add one), and
/// every participant added, removed or marked present or absent is logged about that citizen.
extension Workspace {
    /// The participants of a read activity narrowed to those the actor may see (every other kind
    /// of record comes back as it is).
    func withVisibleParticipants<R: Record>(_ record: R) throws -> R {
        guard policy != .unrestricted, var activity = record as? Activity, !activity.participants.isEmpty else { return record }
        let visible = try visibleCitizens(among: activity.participants)
        activity.participants = activity.participants.filter(visible.contains)
        activity.present = activity.present.filter(visible.contains)
        return activity as? R ?? record
    }

    /// Of `ids`, the citizens the actor may see (one query per 500).
    package func visibleCitizens(among ids: [CitizenID]) throws -> Set<CitizenID> {
        let unique = Array(Set(ids))
        guard !unique.isEmpty, let condition = accessCondition(citizenColumn: "c.id") else { return Set(unique) }
        var visible = Set<CitizenID>()
        for chunk in stride(from: 0, to: unique.count, by: 500) {
            let part = unique[chunk..<min(chunk + 500, unique.count)]
            let placeholders = Array(repeating: "?", count: part.count).joined(separator: ", ")
            try database.forEach("SELECT c.id FROM citizen c WHERE c.id IN (\(placeholders)) AND \(condition.sql)",
                                 part.map(\.sqlValue) + condition.arguments) { row in
                visible.insert(try row.get(0))
            }
        }
        return visible
    }

    /// The participants of the activity as stored, with whether each came.
    private func storedParticipation(_ id: ActivityID) throws -> [CitizenID: Bool] {
        guard id.isSaved else { return [:] }
        var stored: [CitizenID: Bool] = [:]
        try database.forEach("SELECT citizen_id, attended FROM activity_participant WHERE activity_id = ?", [id.sqlValue]) { row in
            stored[try row.get(0)] = (try row.get(1) as Int64) != 0
        }
        return stored
    }

    /// Before a record that names other citizens is saved (an activity's participants, the
    /// members present at a household meeting): the citizens the actor cannot see are put back
    /// as they were stored, adding one they cannot see is refused, and what changed for each
    /// citizen is returned for the log. Other kinds of record pass unchanged.
    func mergingHiddenCitizens<R: Record>(_ record: inout R) throws -> [(citizen: CitizenID, change: String)] {
        if var meeting = record as? Meeting {
            let changes = try mergingHiddenMembers(&meeting)
            if let merged = meeting as? R { record = merged }
            return changes
        }
        guard var activity = record as? Activity else { return [] }
        let stored = try storedParticipation(activity.id)
        let came = Set(activity.present)
        let wanted = Dictionary(activity.participants.map { ($0, came.contains($0)) }, uniquingKeysWith: { first, _ in first })
        let visible = try visibleCitizens(among: Array(stored.keys) + Array(wanted.keys))
        var participants: [CitizenID] = []
        var present: [CitizenID] = []
        var changes: [(citizen: CitizenID, change: String)] = []
        for citizen in Set(stored.keys).union(wanted.keys).sorted() {
            let before = stored[citizen]
            var after = wanted[citizen]
            if !visible.contains(citizen) {
                guard before != nil || after == nil else { throw StoreError.accessDenied(citizen: citizen.rawValue) }
                after = before
            } else {
                switch (before, after) {
                case (nil, let now?): changes.append((citizen, now ? "participant added, came" : "participant added"))
                case (_?, nil): changes.append((citizen, "participant removed"))
                case (let then?, let now?) where then != now: changes.append((citizen, now ? "marked present" : "marked absent"))
                default: break
                }
            }
            guard let after else { continue }
            participants.append(citizen)
            if after { present.append(citizen) }
        }
        activity.participants = participants
        activity.present = present
        if let merged = activity as? R { record = merged }
        return changes
    }

    /// The members present at a household meeting, merged as `mergingHiddenCitizens` says.
    private func mergingHiddenMembers(_ meeting: inout Meeting) throws -> [(citizen: CitizenID, change: String)] {
        let stored: Set<CitizenID> = meeting.id.isSaved
            ? Set(try database.fetchAll("SELECT citizen_id FROM meeting_member WHERE meeting_id = ?", [meeting.id.sqlValue]) {
                CitizenID(try $0.get(0) as Int64)
            })
            : []
        let wanted = Set(meeting.members)
        let visible = try visibleCitizens(among: Array(stored.union(wanted)))
        var changes: [(citizen: CitizenID, change: String)] = []
        var members: [CitizenID] = []
        for citizen in stored.union(wanted).sorted() {
            if !visible.contains(citizen) {
                guard stored.contains(citizen) || !wanted.contains(citizen) else {
                    throw StoreError.accessDenied(citizen: citizen.rawValue)
                }
                if stored.contains(citizen) { members.append(citizen) }
                continue
            }
            switch (stored.contains(citizen), wanted.contains(citizen)) {
            case (false, true): changes.append((citizen, "member present added"))
            case (true, false): changes.append((citizen, "member present removed"))
            default: break
            }
            if wanted.contains(citizen) { members.append(citizen) }
        }
        meeting.members = members
        return changes
    }

    /// Logs, in the save's transaction, what changed for each citizen the record names.
    func logNamedCitizens<R: Record>(_ changes: [(citizen: CitizenID, change: String)], of record: R) throws {
        for (citizen, change) in changes {
            try appendAccessLog(.change, citizen: citizen, detail: "\(R.kindName) \(record.id.rawValue) \(change)")
        }
    }

    /// Deleting an activity would delete the participation of everyone in it: refused when some of
    /// them are citizens the actor may not see.
    func checkMayDeleteParticipants<R: Record>(of record: R) throws {
        guard let activity = record as? Activity, policy != .unrestricted else { return }
        let stored = Array(try storedParticipation(activity.id).keys)
        let visible = try visibleCitizens(among: stored)
        if let hidden = stored.first(where: { !visible.contains($0) }) {
            throw StoreError.accessDenied(citizen: hidden.rawValue)
        }
    }

    /// One page of the organisation's activities, newest date first, each with the participants
    /// the actor may see.
    package func activities(page: PageRequest) throws -> Page<Activity> {
        try list(Activity.self, page: page)
    }

    /// The activities the citizen took part in (signed up or came), newest first; throws when the
    /// actor may not see the citizen. Each activity carries only the participants the actor sees.
    package func activities(of citizen: CitizenID) throws -> [Activity] {
        try checkAccess(to: citizen)
        let ids: [ActivityID] = try database.fetchAll("""
            SELECT a.id FROM activity a JOIN activity_participant p ON p.activity_id = a.id
            WHERE p.citizen_id = ? ORDER BY a.date DESC, a.start_time DESC, a.id DESC
            """, [citizen.sqlValue]) { try $0.get(0) }
        return try ids.compactMap { try fetch(Activity.self, id: $0) }
    }

    /// Everything the activity's view shows: the activity, its runners' names and its visible
    /// participants by name (in name order); the participants shown are noted as looked up.
    package func activityDetail(_ id: ActivityID) throws -> ActivityDetail {
        let activity = try get(Activity.self, id: id)
        let runners = try professionals(activity.runners)
        var participants: [ActivityDetail.Participant] = []
        for citizen in activity.participants {
            guard let person = try fetch(Citizen.self, id: citizen) else { continue }
            noteLookup(citizen)
            participants.append(ActivityDetail.Participant(citizen: person.id, name: person.name, came: activity.came(citizen)))
        }
        participants.sort { TextNormalization.sortKey($0.name) < TextNormalization.sortKey($1.name) }
        return ActivityDetail(activity: activity,
                              runnerNames: activity.runners.compactMap { runners[$0]?.name },
                              organisationName: try activity.organisationID.flatMap { try fetch(Organisation.self, id: $0)?.name },
                              participants: participants)
    }
}

/// An activity as its view shows it.
package struct ActivityDetail: Sendable, Equatable {
    /// A participant: who, and whether they came.
    package struct Participant: Sendable, Equatable {
        package let citizen: CitizenID
        package let name: String
        package let came: Bool
    }

    package let activity: Activity
    /// The names of the professionals who run it, in their order.
    package let runnerNames: [String]
    package let organisationName: String?
    /// The participants the actor may see, in name order.
    package let participants: [Participant]
}
