import TrinvisCore

/// The citizens tagged in one window's citizen list (Space, `tag`), to act on together: hand
/// over, print, export. Tags belong to the window and are never stored; a tag stays while the
/// list changes (another search, another page), so a search can add to what is tagged.
package struct CitizenTags: Sendable, Equatable {
    /// The tagged citizens in the order they were tagged, each with the name shown when tagged.
    package private(set) var entries: [(id: CitizenID, name: String)] = []
    private var members: Set<CitizenID> = []

    package init() {}

    /// How many citizens are tagged.
    package var count: Int { entries.count }

    /// True when nothing is tagged.
    package var isEmpty: Bool { entries.isEmpty }

    /// The tagged citizens' ids, in the order they were tagged.
    package var ids: [CitizenID] { entries.map(\.id) }

    /// True when the citizen is tagged.
    package func contains(_ id: CitizenID) -> Bool { members.contains(id) }

    /// Tags an untagged citizen, untags a tagged one. Returns true when the citizen is now tagged.
    @discardableResult
    package mutating func toggle(_ id: CitizenID, name: String) -> Bool {
        if members.remove(id) != nil {
            entries.removeAll { $0.id == id }
            return false
        }
        members.insert(id)
        entries.append((id, name))
        return true
    }

    /// Tags every citizen given that is not tagged yet. Returns how many were added.
    @discardableResult
    package mutating func add(_ citizens: [(id: CitizenID, name: String)]) -> Int {
        var added = 0
        for citizen in citizens where members.insert(citizen.id).inserted {
            entries.append(citizen)
            added += 1
        }
        return added
    }

    /// Untags everyone.
    package mutating func removeAll() {
        entries = []
        members = []
    }

    package static func == (lhs: CitizenTags, rhs: CitizenTags) -> Bool {
        lhs.entries.map(\.id) == rhs.entries.map(\.id) && lhs.entries.map(\.name) == rhs.entries.map(\.name)
    }
}
