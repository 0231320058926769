import Foundation
import Testing
import TrinvisCore

/// A household of three built with the real binary in tmux: Per starts one from his citizen
/// view, Line (found by search as it is typed) joins as his partner, and a new citizen is made
/// for his son, whom the search does not find; the household view shows all three.
@Suite(.serialized) struct HouseholdEndToEndTests {
    @Test func aHouseholdOfThreeIsBuiltAndShown() throws {
        let terminal = try TmuxTerminal(width: 110, height: 36)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang en", database: database)
        try terminal.waitForStable("1 Citizens")
        try terminal.keys("/")
        try terminal.type("Per Kri")
        try terminal.waitForStable("Search: Per Kri")
        try terminal.keys("Enter", "Enter")
        try terminal.waitForStable("h household")

        try terminal.keys("h")
        let start = try terminal.waitForStable("New household for Per Kristiansen")
        #expect(start.contains("Kristiansen"), "the family name is proposed")
        try terminal.keys("Tab", "Right", "F2")  // parent
        let one = try terminal.waitForStable("1 member")
        #expect(one.contains("Per Kristiansen \u{B7} parent"))

        try terminal.keys("a")
        try terminal.type("Line S")
        let found = try terminal.waitForStable("New citizen \u{201C}Line S\u{201D}")
        #expect(found.contains("Line Sørensen"), "the existing citizen is offered first")
        try terminal.keys("Enter")
        try terminal.waitForStable("Line Sørensen in the household")
        try terminal.keys("Right", "Right", "Right", "F2")  // partner
        try terminal.waitForStable("2 members")

        try terminal.keys("a")
        try terminal.type("Rasmus Kristiansen")
        let none = try terminal.waitForStable("New citizen \u{201C}Rasmus Kristiansen\u{201D}")
        #expect(none.contains("No citizen found"))
        try terminal.keys("Enter")
        try terminal.waitForStable("New citizen in the household")
        try terminal.keys("Tab", "Right", "Right", "F2")  // child
        let three = try terminal.waitForStable("3 members")
        #expect(three.contains("Household \u{201C}Kristiansen\u{201D}: 3 members"))
        #expect(three.contains("Per Kristiansen \u{B7} parent"))
        #expect(three.contains("Line Sørensen \u{B7} partner"))
        #expect(three.contains("Rasmus Kristiansen \u{B7} child"))
        #expect(three.contains("Goal: Tabe sig"), "Per's plan is at a glance")
        #expect(three.contains("No plan yet"), "Rasmus has none yet")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        let workspace = try Workspace(path: database, username: "check")
        let household = try #require(try workspace.all(Household.self).first { $0.name == "Kristiansen" })
        let members = try workspace.householdMembers(household.id)
        #expect(Set(members.map(\.name)) == ["Per Kristiansen", "Line Sørensen", "Rasmus Kristiansen"])
        #expect(try workspace.all(Citizen.self).filter { $0.name == "Line Sørensen" }.count == 1, "Line was not registered twice")
    }
}
