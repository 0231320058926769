import Foundation
import Testing

/// The results screen of the real binary in tmux: `r` shows the figures `trinvis report` prints,
/// worked out in the background, and keys go on working around it.
@Suite(.serialized) struct ResultsScreenEndToEndTests {
    /// The lines of `trinvis report` that end in a share, as (label, the first share on the line).
    private static func shares(in report: String) -> [(label: String, share: String)] {
        let pattern = #"^(\S+(?: \S+)*)\s{2,}(?:\d+\s+)?(\d+ of \d+ \(\d+ %\))"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return report.split(separator: "\n").compactMap { line in
            let text = String(line)
            guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let label = Range(match.range(at: 1), in: text), let share = Range(match.range(at: 2), in: text)
            else { return nil }
            return (String(text[label]), String(text[share]))
        }
    }

    @Test func rShowsTheFiguresOfTheReportCommandAndKeysGoOnWorking() throws {
        let terminal = try TmuxTerminal(width: 100, height: 45)
        let database = try makeDemoDatabase(in: terminal.folder)
        let command = try runTrinvis(["report", "--db", database])
        #expect(command.status == 0, "\(command.stderr)")
        // The soft results (the improved share) and the hard ones, as the command prints them.
        let softAndHard = command.stdout.components(separatedBy: "Milestones with").first ?? ""
        let rows = Self.shares(in: softAndHard)
        #expect(rows.count == 8 + 11, "\(command.stdout)")

        try terminal.startTrinvis(database: database)
        try terminal.waitFor("1 Citizens")
        try terminal.keys("r")
        let screen = try terminal.waitForStable("Quality of life")
        #expect(!screen.contains("Computing the figures") && !screen.contains("Updating the figures"), "\(screen)")
        #expect(screen.contains("Citizens: 11"))
        for row in rows {
            let line = TmuxTerminal.listLine(in: screen, containing: row.label + " ")
            #expect(line?.contains(row.share) == true, "\(row.label): \(row.share) on screen:\n\(screen)")
        }

        // Tab and Esc act as before; r again shows the same figures.
        try terminal.keys("Tab")
        try terminal.waitForStable("[2 Change stories]")
        try terminal.keys("Escape")
        try terminal.waitForStable("1 Citizens")
        try terminal.keys("r")
        let again = try terminal.waitForStable("Quality of life")
        #expect(again.contains("[1 Report]") && !again.contains("Updating the figures"), "\(again)")
        #expect(TmuxTerminal.listLine(in: again, containing: "Quality of life")?.contains("Improved 8 of 8 (100 %)") == true)
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }

    @Test func inDanishAt80x24() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang da", database: database)
        try terminal.waitFor("1 Borgere")
        try terminal.keys("r")
        let screen = try terminal.waitForStable("Livskvalitet")
        #expect(screen.contains("[1 Rapport]") && !screen.contains("Beregner tallene") && !screen.contains("Opdaterer tallene"))
        #expect(TmuxTerminal.listLine(in: screen, containing: "Livskvalitet")?.contains("Forbedret 8 af 8 (100 %)") == true,
                "\(screen)")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }
}
