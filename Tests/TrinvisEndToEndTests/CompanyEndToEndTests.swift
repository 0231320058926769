import Foundation
import Testing
import TrinvisCore

/// The company register with the real binary in tmux: a new company, a wage-subsidy placement
/// for Per there, closed as hired, and the proposed result taken with one Enter.
@Suite(.serialized) struct CompanyEndToEndTests {
    @Test func aCompanyAPlacementClosedAsHiredAndTheProposedResult() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang en", database: database)
        try terminal.waitForStable("1 Citizens")

        // The register: a new company.
        try terminal.keys("c")
        try terminal.waitForStable("Kværndrup Kro")
        try terminal.keys("a")
        try terminal.waitForStable("New company")
        try terminal.type("Café Ødegård")
        try terminal.keys("Tab")
        try terminal.type("Café og frokost")
        try terminal.keys("Tab")
        try terminal.type("Åse Ødegård")
        try terminal.keys("F2")
        let register = try terminal.waitForStable("Åse Ødegård")
        #expect(register.contains("Café og frokost"), "\(register)")
        #expect(register.contains("Saved."), "\(register)")

        // Per, found by search, gets a wage-subsidy placement at the café.
        try terminal.keys("Escape")
        try terminal.waitForStable("1 Citizens")
        try terminal.keys("/")
        try terminal.type("Per Kri")
        try terminal.waitForStable("1 citizen found")
        try terminal.keys("Enter", "W")
        try terminal.waitForStable("Placement for Per Kristiansen")
        try terminal.keys("c")  // the company whose name starts with c
        try terminal.waitUntil(description: "the café is chosen") { $0.contains("Café Ødegård") }
        try terminal.keys("Tab", "Right")  // internship → wage subsidy
        try terminal.waitForStable("wage subsidy")
        try terminal.keys("F2")
        try terminal.waitForStable("Saved.")

        // The café's view: Per's placement, closed as hired.
        try terminal.keys("c")
        try terminal.waitForStable("Kværndrup Kro")
        for _ in 0..<8 {
            if try terminal.listLine(containing: "Café Ødegård")?.contains("›") == true { break }
            try terminal.keys("Down")
            _ = try terminal.waitForStable("Companies")
        }
        try terminal.keys("Enter")
        let view = try terminal.waitForStable("Company: Café Ødegård")
        #expect(view.contains("Per Kristiansen"), "\(view)")
        #expect(view.contains("1 placements: 0 hired, 0 completed, 1 ongoing"), "\(view)")
        try terminal.keys("c")
        try terminal.waitForStable("Close the placement of Per Kristiansen at Café Ødegård")
        try terminal.keys("Right")  // completed → hired
        try terminal.waitForStable("hired")
        try terminal.keys("Tab", "Tab")
        try terminal.type("Fastansat i køkkenet")
        try terminal.keys("F2")
        let question = try terminal.waitForStable("Enter records it")
        #expect(question.contains("Record the result \u{201C}Ordinary job\u{201D} for Per Kristiansen"), "\(question)")
        try terminal.keys("Enter")
        let done = try terminal.waitForStable("Result recorded: Ordinary job.")
        #expect(done.contains("hired"), "\(done)")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        // What is on the file: the company, the placement closed as hired, and the result.
        let workspace = try Workspace(path: database, username: "check")
        let cafe = try #require(try workspace.allCompanies().first { $0.name == "Café Ødegård" })
        #expect(cafe.trade == "Café og frokost")
        #expect(cafe.contactPerson == "Åse Ødegård")
        let per = try #require(try workspace.all(Citizen.self).first { $0.name == "Per Kristiansen" })
        let placement = try #require(try workspace.all(Placement.self, parent: per.id.sqlValue).first { $0.companyID == cafe.id })
        #expect(placement.kind == .wageSubsidy)
        #expect(placement.result == .hired)
        #expect(placement.to == workspace.today)
        #expect(placement.note == "Fastansat i køkkenet")
        let outcomes = try workspace.all(Outcome.self, parent: per.id.sqlValue)
        #expect(outcomes.contains { $0.kind == .jobOrdinary && $0.note == "Café Ødegård" && $0.date == workspace.today })
    }
}
