import TrinvisCore

extension CommandRunner {
    /// `trinvis admin duplicates`: likely duplicates across the database, one pair a line
    /// (administrators only).
    func adminDuplicates() throws {
        let workspace = try openExisting()
        let pairs = try workspace.duplicatesAcrossDatabase()
        guard !pairs.isEmpty else {
            writeOutput(say(.duplicatesNone) + "\n")
            return
        }
        var text = ""
        for pair in pairs {
            text += say(.duplicatePair(first: pair.first.id.rawValue, firstName: pair.first.name,
                                       firstOrganisation: pair.first.organisation ?? "",
                                       second: pair.second.id.rawValue, secondName: pair.second.name,
                                       secondOrganisation: pair.second.organisation ?? "",
                                       sameCPR: pair.reason == .sameCPR)) + "\n"
        }
        writeOutput(text)
    }

    /// `trinvis admin link CITIZEN OTHER [--note TEXT]`: records that two citizens are linked
    /// as possibly the same person (never merges them).
    func adminLink(citizen: String, other: String, note: String?) throws {
        let workspace = try openExisting()
        let first = try resolveCitizen(citizen, in: workspace)
        let second = try resolveCitizen(other, in: workspace)
        try workspace.linkCitizens(first, second, note: note ?? "")
        writeOutput(say(.citizensLinked(first: first.rawValue, second: second.rawValue)) + "\n")
    }
}
