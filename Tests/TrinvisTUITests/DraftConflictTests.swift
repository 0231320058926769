import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Restoring drafts on the in-memory canvas: a draft restored over a record a colleague saved in
/// between opens the conflict (both values, the colleague's name, a choice per field) and never
/// overwrites silently; a restored form opens on its own citizen's screen.
@Suite struct DraftConflictTests {
    /// A window of this process that has ended (its process id now belongs to a later process),
    /// as a window killed with `kill -9` is seen by the next one.
    static func killedWindow(_ id: String) -> DraftWindow {
        let current = DraftWindow.current
        return DraftWindow(id: id, host: current.host, pid: current.pid, started: current.started - 1)
    }

    /// The line of the screen that contains `text`.
    static func line(_ app: AppRuntime, containing text: String) -> String? {
        app.screen().lines().first { $0.contains(text) }
    }

    /// In a window that is then killed: the second milestone of the first citizen (Aisha Khalil)
    /// edited, its title replaced by `title`, and the draft written. Returns the milestone as it
    /// was when the form opened.
    @discardableResult
    static func milestoneDraftOfAKilledWindow(_ fixture: DemoFixture, title: String, width: Int = 110, height: Int = 34,
                                              language: Language = .english) throws -> Milestone {
        fixture.workspace.draftWindow = killedWindow("killed")
        let window = fixture.runtime(width: width, height: height, language: language)
        window.press(.character("2"), .down, .character("e"), .ctrl("u"))
        guard case .milestone(_, _, let milestone?)? = window.state.form?.purpose else {
            throw DraftTestFailure(description: "no milestone form: \(window.text)")
        }
        window.type(title)
        window.send(.tick)
        return milestone
    }

    /// Sanne Østergaard saves the milestone with another title and, with `deadlineDays`, a later deadline.
    @discardableResult
    static func colleagueSaves(_ milestone: Milestone, title: String, deadlineDays: Int? = nil, in fixture: DemoFixture)
        throws -> Milestone {
        let colleague = try Workspace(path: fixture.workspace.database.path, username: "demo-sanne", clock: { DemoFixture.now })
        var theirs = try colleague.get(Milestone.self, id: milestone.id)
        theirs.title = title
        if let deadlineDays { theirs.deadline = milestone.deadline.adding(days: deadlineDays) }
        return try colleague.update(theirs)
    }

    /// The window started next (this process's own), on the same database.
    static func nextWindow(_ fixture: DemoFixture, width: Int = 110, height: Int = 34, language: Language = .english)
        -> AppRuntime {
        fixture.workspace.draftWindow = DraftWindow.current
        return fixture.runtime(width: width, height: height, language: language)
    }

    @Test func aDraftRestoredOverAMilestoneAColleagueChangedShowsTheConflictAndKeepsBoth() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        let milestone = try Self.milestoneDraftOfAKilledWindow(fixture, title: "Boligansøgning sendt af Inger")
        let written = try #require(try workspace.drafts().first)
        #expect(written.recordVersion == milestone.audit.version)
        #expect(written.basePayload?.contains(milestone.title) == true)

        // A colleague saves the same milestone in between: another title and another deadline.
        let theirs = try Self.colleagueSaves(milestone, title: "Boligansøgning – Sannes udgave", deadlineDays: 3, in: fixture)

        // The next window offers the draft; Enter opens the conflict, not the form.
        let next = Self.nextWindow(fixture)
        #expect(next.state.screen == .drafts)
        next.press(.enter)
        #expect(next.state.form == nil, "nothing is laid over the colleague's change")
        let conflict = try #require(next.state.conflict)
        #expect(conflict.changedBy == "Sanne Østergaard", "the professional, not the account")
        #expect(conflict.rows.map(\.field) == ["title", "deadline"])
        #expect(conflict.rows.map(\.choice) == [.draft, .saved], "each field starts on the side that changed it")
        let text = next.text
        #expect(text.contains("Changed since your draft: Milestone for Aisha Khalil"))
        #expect(text.contains("Sanne Østergaard saved this on 2026-11-23 at 09:00"))
        #expect(text.contains("Your draft") && text.contains("Saved by Sanne Østergaard"))
        let titleRow = try #require(Self.line(next, containing: "Boligansøgning sendt af Inger"))
        #expect(titleRow.contains("[x] Boligansøgning sendt af Inger") && titleRow.contains("[ ] Boligansøgning – Sannes udgave"))
        let deadlineRow = try #require(Self.line(next, containing: theirs.deadline.iso))
        #expect(deadlineRow.contains("[ ] " + milestone.deadline.iso) && deadlineRow.contains("[x] " + theirs.deadline.iso))
        #expect(next.screen().lines().last?.contains("Enter open form") == true)

        // Both are kept: the saved milestone is the colleague's, the draft is still there.
        #expect(try workspace.get(Milestone.self, id: milestone.id).title == "Boligansøgning – Sannes udgave")
        #expect(try workspace.drafts().map(\.windowID) == ["killed"], "the draft is not yet taken over")

        // Esc keeps the draft for later: back on the drafts screen, offered again.
        next.press(.escape)
        #expect(next.state.conflict == nil && next.state.screen == .drafts)
        #expect(next.state.drafts.count == 1)
        #expect(next.state.message?.text == "The draft is kept for later.")
        #expect(try workspace.get(Milestone.self, id: milestone.id).title == "Boligansøgning – Sannes udgave")
    }

    @Test func eachFieldTakesTheChosenSideAndTheFormSavesAgainstTheCurrentVersion() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        let milestone = try Self.milestoneDraftOfAKilledWindow(fixture, title: "Mit udkast")
        let theirs = try Self.colleagueSaves(milestone, title: "Sannes titel", deadlineDays: 3, in: fixture)
        let next = Self.nextWindow(fixture)
        next.press(.enter)
        #expect(next.state.conflict?.rows.map(\.choice) == [.draft, .saved])
        next.press(.character("b"))
        #expect(next.state.conflict?.rows.map(\.choice) == [.saved, .saved], "b: all saved")
        next.press(.character("a"))
        #expect(next.state.conflict?.rows.map(\.choice) == [.draft, .draft], "a: all yours")
        next.press(.down, .right)
        #expect(next.state.conflict?.rows.map(\.choice) == [.draft, .saved], "→ on the deadline: the saved one")
        next.press(.character("1"))
        #expect(next.state.conflict?.rows.map(\.choice) == [.draft, .draft], "1: yours")
        next.press(.character("2"), .up, .character(" "), .character(" "))
        #expect(next.state.conflict?.rows.map(\.choice) == [.draft, .saved], "Space switches a field and back")
        #expect(try workspace.get(Milestone.self, id: milestone.id) == theirs, "choosing saves nothing")
        next.press(.character("?"))
        #expect(next.text.contains("Every field takes the saved value"), "the help lists the conflict's keys")
        next.press(.escape)
        #expect(next.state.conflict != nil && !next.state.helpVisible)

        // Enter: the form on the colleague's version, with the chosen values.
        next.press(.enter)
        let form = try #require(next.state.form)
        #expect(next.state.conflict == nil)
        #expect(form.value("title") == "Mit udkast")
        #expect(form.value("deadline") == theirs.deadline.iso)
        #expect(form.purpose.recordAudit?.version == theirs.audit.version, "the form saves against the current version")
        #expect(form.isModified)
        #expect(try workspace.drafts().map(\.windowID) == [DraftWindow.current.id], "the draft is this window's now")
        next.press(.function(2))
        #expect(next.state.form == nil, "\(next.state.form?.message ?? "")")
        #expect(next.state.message?.text == "Saved.")
        let saved = try workspace.get(Milestone.self, id: milestone.id)
        #expect(saved.title == "Mit udkast" && saved.deadline == theirs.deadline)
        #expect(saved.audit.version == theirs.audit.version + 1)
        #expect(try workspace.drafts().isEmpty)
    }

    @Test func aDraftOfAnUnchangedRecordOpensItsFormDirectly() throws {
        let fixture = try DemoFixture()
        try Self.milestoneDraftOfAKilledWindow(fixture, title: "Uændret ellers")
        let next = Self.nextWindow(fixture)
        next.press(.enter)
        #expect(next.state.conflict == nil)
        #expect(next.state.form?.value("title") == "Uændret ellers")
    }

    @Test func aRestoredFormOpensOnItsOwnCitizensScreenAndTheOtherDraftsComeBack() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        // Two windows were killed: one with a milestone for Svend Madsen, one for Line Sørensen.
        workspace.draftWindow = Self.killedWindow("svend's")
        let svend = fixture.runtime(width: 110, height: 34)
        svend.press(.down, .down, .down, .down, .down, .down, .down)
        #expect(svend.selectedCitizen == "Svend Madsen")
        svend.press(.character("2"), .character("a"))
        #expect(svend.state.form?.title == "New milestone for Svend Madsen")
        svend.type("Ringe til Lænkeambulatoriet")
        svend.send(.tick)
        workspace.draftWindow = Self.killedWindow("line's")
        let line = fixture.runtime(width: 110, height: 34)
        #expect(line.state.screen == .drafts, "the first killed window's draft is offered")
        line.press(.escape, .down, .down, .down, .down)
        #expect(line.selectedCitizen == "Line Sørensen")
        line.press(.character("2"), .character("a"))
        line.type("Øve jobsamtale")
        line.send(.tick)

        workspace.draftWindow = DraftWindow.current
        let next = fixture.runtime(width: 110, height: 34)
        #expect(next.state.drafts.count == 2)
        #expect(next.selectedCitizen == "Aisha Khalil", "the list starts on the first citizen")
        let index = try #require(next.state.drafts.firstIndex { $0.title == "New milestone for Svend Madsen" })
        for _ in 0..<index { next.press(.down) }
        next.press(.enter)
        #expect(next.state.form?.title == "New milestone for Svend Madsen")
        #expect(next.state.screen == .main)
        #expect(next.selectedCitizen == "Svend Madsen", "the draft's citizen is selected")
        #expect(next.state.panes.summary?.citizen.name == "Svend Madsen")
        #expect(next.state.focus == .milestones)
        let header = next.screen().lines()[0]
        #expect(header.contains("Svend Madsen") && !header.contains("Aisha Khalil"), "\(header)")
        next.press(.function(2))
        #expect(next.state.message?.text == "Saved.")

        // Saved: the other draft is offered again, and opens on Line's screen.
        #expect(next.state.screen == .drafts)
        #expect(next.text.contains("New milestone for Line Sørensen"))
        next.press(.enter)
        #expect(next.state.form?.value("title") == "Øve jobsamtale")
        #expect(next.selectedCitizen == "Line Sørensen")
        #expect(next.screen().lines()[0].contains("Line Sørensen"))
        next.press(.function(2))
        #expect(next.state.screen == .main, "no drafts left")
        #expect(try workspace.drafts().isEmpty)
        let titles = try workspace.all(Milestone.self).map(\.title)
        #expect(titles.contains("Ringe til Lænkeambulatoriet") && titles.contains("Øve jobsamtale"))
    }

    @Test func theConflictFitsAt80x24InDanish() throws {
        let fixture = try DemoFixture()
        let milestone = try Self.milestoneDraftOfAKilledWindow(
            fixture, title: "Min egen meget lange titel på dette delmål, som ikke kan stå på én linje", width: 80, height: 24,
            language: .danish)
        try Self.colleagueSaves(milestone, title: "Sannes titel", in: fixture)
        let next = Self.nextWindow(fixture, width: 80, height: 24, language: .danish)
        next.press(.enter)
        let lines = next.screen().lines()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Din kladde") && text.contains("Gemt af Sanne Østergaard"))
        #expect(text.contains("Sanne Østergaard gemte dette den 23.11.2026 kl. 09:00"))
        #expect(text.contains("…"), "a long value is cut with an ellipsis in its row")
        #expect(text.contains("Min egen meget lange titel") && text.contains("kan stå på én linje"),
                "and shown whole under the rows")
        #expect(lines[23].contains("åbn formular") && lines[23].contains("senere"))
    }
}

/// A test's set-up did not reach the state it needs.
struct DraftTestFailure: Error, CustomStringConvertible {
    let description: String
}
