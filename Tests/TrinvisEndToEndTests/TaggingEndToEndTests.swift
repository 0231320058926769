import Foundation
import Testing
import TrinvisCore

/// Many at once with the real binary in tmux: three citizens tagged with Space (each found by a
/// search, so the tags outlive it) are handed over to another professional through the handover
/// form and its question; the database has the new teams afterwards. A professional who is no
/// administrator is told so instead.
@Suite(.serialized) struct TaggingEndToEndTests {
    private let three = ["Per Kristiansen", "Svend Madsen", "Ulla Brandt"]

    /// Finds a citizen with `/` and tags them with Space, then clears the search.
    private func tag(_ name: String, count: Int, in terminal: TmuxTerminal) throws {
        try terminal.keys("/")
        try terminal.waitForStable("Search:")
        try terminal.type(name)
        try terminal.waitUntil(description: "\(name) is selected") {
            TmuxTerminal.listLine(in: $0, containing: name)?.contains("\u{203A}") == true
        }
        try terminal.keys("Enter")
        try terminal.keys("Space")
        try terminal.waitForStable("(\(count) tagged)")
        try terminal.keys("Escape")
        try terminal.waitUntil(description: "the whole list is back") { !$0.contains("Esc shows all") && $0.contains("Mette Ågaard") }
    }

    @Test func threeTaggedCitizensAreHandedOverAndTheTeamsChange() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang en", database: database)
        try terminal.waitForStable("1 Citizens")
        for (index, name) in three.enumerated() { try tag(name, count: index + 1, in: terminal) }
        let list = try terminal.waitForStable("3 tagged")
        for name in three {
            #expect(TmuxTerminal.listLine(in: list, containing: name)?.contains("\u{2713}") == true, "\(name) is marked:\n\(list)")
        }
        #expect(TmuxTerminal.listLine(in: list, containing: "Aisha Khalil")?.contains("\u{2713}") == false)

        try terminal.keys("H")
        let form = try terminal.waitForStable("Hand over 3 citizens: Per Kristiansen, Svend Madsen and Ulla Brandt")
        #expect(form.contains("Inger Holm (caseworker)"), "\(form)")
        try terminal.keys("Tab")
        for _ in 0..<8 {
            let screen = try terminal.waitForStable("To")
            if screen.split(separator: "\n").contains(where: { $0.contains("To") && $0.contains("Sanne Østergaard") }) { break }
            try terminal.keys("Right")
            Thread.sleep(forTimeInterval: 0.2)
        }
        try terminal.keys("Tab")
        try terminal.type("Inger går på orlov")
        try terminal.waitForStable("Inger går på orlov")
        try terminal.keys("F2")
        try terminal.waitForStable("Hand over 3 citizens from Inger Holm to Sanne Østergaard")
        try terminal.keys("Enter")
        try terminal.waitForStable("Handed 3 citizens over from Inger Holm to Sanne Østergaard.")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        // On the file: Sanne is responsible for each from today, Inger's membership ended today,
        // and each handover is in the access log with its reason.
        let workspace = try Workspace(path: database, username: "check")
        let people = try workspace.all(Professional.self)
        let inger = try #require(people.first { $0.name == "Inger Holm" })
        let sanne = try #require(people.first { $0.name == "Sanne Østergaard" })
        let today = LocalDate.today()
        for name in three {
            let citizen = try #require(try workspace.all(Citizen.self).first { $0.name == name })
            let team = try workspace.all(TeamMember.self, parent: citizen.id.sqlValue)
            let hers = try #require(team.first { $0.professionalID == sanne.id }, "\(name) has Sanne on the team")
            #expect(hers.responsible && hers.to == nil && hers.from == today)
            #expect(team.first { $0.professionalID == inger.id && $0.responsible }?.to == today)
            let log = try workspace.accessLogEntries(citizen: citizen.id).map(\.detail)
            #expect(log.contains("handover from professional \(inger.id) to \(sanne.id): Inger går på orlov"), "\(log)")
        }
        let aisha = try #require(try workspace.all(Citizen.self).first { $0.name == "Aisha Khalil" })
        #expect(!(try workspace.all(TeamMember.self, parent: aisha.id.sqlValue)).contains { $0.from == today },
                "an untagged citizen keeps their team")
    }

    @Test func aProfessionalWhoIsNoAdministratorIsToldSo() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang en --user demo-henrik", database: database)
        try terminal.waitForStable("1 Citizens")
        try tag("Bent Ørsted", count: 1, in: terminal)
        try terminal.keys("H")
        let refused = try terminal.waitForStable("Only an administrator may hand citizens over to another professional")
        #expect(!refused.contains("Hand over 1 citizen"))
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
        let workspace = try Workspace(path: database, username: "check")
        #expect(try workspace.accessLogEntries().allSatisfy { !$0.detail.hasPrefix("handover") })
    }
}
