import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Live screens, with two workspaces on one real SQLite file: what a colleague saves shows in an
/// open window at its next tick, while what the user is doing (the selection by id, the scroll
/// position, an open form, a search being typed) stays as it was; an open form says who changed
/// its record, and its save asks; a view whose record was deleted says so.
@Suite struct LiveScreenTests {
    /// Sanne Østergaard's workspace on the fixture's database (another connection).
    static func colleague(_ fixture: DemoFixture, username: String = "demo-sanne") throws -> Workspace {
        try Workspace(path: fixture.workspace.database.path, username: username, clock: { DemoFixture.now })
    }

    /// The message line (the row above the key bar).
    static func statusLine(_ app: AppRuntime) -> String {
        let lines = app.screen().lines()
        return lines[lines.count - 2]
    }

    /// The window's milestone form on Aisha Khalil's second milestone, its title replaced by `title`.
    static func milestoneForm(_ app: AppRuntime, title: String) throws -> Milestone {
        app.press(.character("2"), .down, .character("e"), .ctrl("u"))
        guard case .milestone(_, _, let milestone?)? = app.state.form?.purpose else {
            throw DraftTestFailure(description: "no milestone form: \(app.text)")
        }
        app.type(title)
        return milestone
    }

    @Test func aColleaguesMeetingShowsAtTheNextTickAndTheSelectedMilestoneStaysByID() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        let citizen = try #require(app.state.panes.citizenID)
        app.press(.character("2"), .down)
        let selected = try #require(app.state.panes.milestoneList.selection.map { app.state.panes.milestones[$0] })

        // Sanne records a meeting and adds a milestone that comes first in the list.
        let other = try Self.colleague(fixture)
        let plan = try #require(try other.currentPlan(of: citizen))
        let earliest = try #require(app.state.panes.milestones.first)
        let added = try other.create(Milestone(planID: plan.id, title: "Åbne brevene fra kommunen", deadline: plan.start))
        #expect(added.deadline <= earliest.deadline)
        let sanne = try #require(other.actor.professionalID)
        try other.create(Meeting(citizenID: citizen, at: DemoFixture.now, attendees: [sanne], authorID: sanne,
                                 notes: "Live: Aisha ringede om nøglerne"))
        #expect(!app.text.contains("Live: Aisha ringede"), "not before the tick")

        app.send(.tick)
        let text = app.text
        #expect(text.contains("Live: Aisha ringede"), "the colleague's meeting is in the pane")
        #expect(text.contains("Åbne brevene fra kommunen"))
        let index = try #require(app.state.panes.milestoneList.selection)
        #expect(app.state.panes.milestones[index].id == selected.id, "the same milestone stays selected")
        let addedIndex = try #require(app.state.panes.milestones.firstIndex { $0.id == added.id })
        #expect(addedIndex < index, "the new one came before it: an index alone would have moved")
        #expect(app.state.focus == .milestones)
        #expect(app.state.panes.citizenID == citizen)
    }

    @Test func aTickWithoutAnotherCommitChangesNothing() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        app.press(.character("3"), .down)
        // This window's own save moves no data_version of its own connection.
        app.press(.character("a"))
        app.type("Et møde i eget vindue")
        app.press(.function(2))
        let before = app.state
        app.send(.tick)
        app.send(.tick)
        #expect(app.state == before)
    }

    @Test func aSearchBeingTypedAndAListScrolledStayAsTheyWere() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        app.press(.character("/"))
        app.type("a")
        let prompt = try #require(app.state.prompt)
        let selected = app.selectedCitizen
        let other = try Self.colleague(fixture)
        let hit = try #require(try other.search("Aisha").first?.summary.citizen)
        var changed = try other.get(Citizen.self, id: hit.id)
        changed.phone = "+45 11 22 33 44"
        try other.update(changed)
        app.send(.tick)
        #expect(app.state.prompt == prompt, "the text being typed is untouched")
        #expect(app.selectedCitizen == selected)
    }

    @Test func theCitizenViewKeepsItsScrollPositionWhenAColleagueAddsAResult() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.enter)
        guard case .detail(.citizen(let profile)) = app.state.screen else {
            Issue.record("no citizen view: \(app.text)")
            return
        }
        app.press(.pageDown)
        let offset = app.state.detail.offset
        #expect(offset > 0)
        let other = try Self.colleague(fixture)
        try other.create(Outcome(citizenID: profile.citizen.id, date: DemoFixture.now.localDate, kind: .ownHousing,
                                 note: "Nøglerne til lejligheden på Ærøvej"))
        app.send(.tick)
        guard case .detail(.citizen(let fresh)) = app.state.screen else {
            Issue.record("the citizen view closed: \(app.text)")
            return
        }
        #expect(fresh.outcomes.contains { $0.note.contains("Ærøvej") }, "the view shows the colleague's result")
        #expect(app.state.detail.offset == offset, "and stays where it was scrolled to")
    }

    @Test func aMeetingViewWhoseMeetingWasDeletedClosesAndSaysWhoDeletedIt() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        app.press(.character("3"), .enter)
        guard case .detail(.meeting(let item, _)) = app.state.screen else {
            Issue.record("no meeting view: \(app.text)")
            return
        }
        let other = try Self.colleague(fixture)
        try other.delete(try other.get(Meeting.self, id: item.meeting.id))
        app.send(.tick)
        #expect(app.state.screen == .main)
        #expect(app.state.message?.text == "What you were looking at was deleted by Sanne Østergaard at 09:00.")
        #expect(Self.statusLine(app).contains("deleted by Sanne Østergaard at 09:00"))
    }

    @Test func anActivityDeletedInAnotherWindowClosesItsViewAndTheAgendaKeepsItsLine() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        app.press(.character("v"), .down, .enter)
        let id = try #require(app.state.activities.detail?.activity.id)
        // The same user's other window (another connection) deletes it.
        let window = try Self.colleague(fixture, username: "inger")
        try window.delete(try window.get(Activity.self, id: id))
        app.send(.tick)
        #expect(app.state.screen == .activities)
        #expect(!app.state.activities.items.contains { $0.id == id }, "the list is read again too")
        #expect(app.state.message?.text == "What you were looking at was deleted by Inger Holm at 09:00.")

        app.press(.escape, .character("t"))
        #expect(app.state.screen == .agenda)
        app.press(.down, .down)
        let line = try #require(app.state.agendaList.selection.map { app.state.agenda[$0] })
        let plan = try #require(try window.currentPlan(of: line.citizenID))
        try window.create(Milestone(planID: plan.id, title: "Ringe til boligselskabet", deadline: DemoFixture.now.localDate.adding(days: -30)))
        app.send(.tick)
        #expect(app.state.agenda.contains { $0.kind.milestoneTitle == "Ringe til boligselskabet" })
        let after = try #require(app.state.agendaList.selection.map { app.state.agenda[$0] })
        #expect(after.liveKey == line.liveKey, "the same line stays selected")
        let added = try #require(app.state.agenda.firstIndex { $0.kind.milestoneTitle == "Ringe til boligselskabet" })
        #expect(added < (app.state.agendaList.selection ?? 0), "it came above the selected line")
        #expect(app.state.screen == .agenda)
    }

    @Test func anOpenFormKeepsTheTypedTextSaysWhoChangedItsRecordAndItsSaveAsks() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 110, height: 34)
        let milestone = try Self.milestoneForm(app, title: "Mit udkast")
        let focus = app.state.form?.focus

        let other = try Self.colleague(fixture)
        var theirs = try other.get(Milestone.self, id: milestone.id)
        theirs.title = "Sannes titel"
        theirs = try other.update(theirs)
        #expect(app.state.form?.liveNotice == nil)

        app.send(.tick)
        let form = try #require(app.state.form, "the form stays open")
        #expect(form.value("title") == "Mit udkast", "with what was typed")
        #expect(form.focus == focus)
        #expect(Self.statusLine(app).hasPrefix("! Changed by Sanne Østergaard at 09:00 while you edit; saving will ask"))

        // F2 asks: the conflict view, nothing saved over Sanne's change.
        app.press(.function(2))
        let conflict = try #require(app.state.conflict)
        #expect(conflict.fromOpenForm)
        #expect(conflict.rows.first { $0.field == "title" }?.choice == .draft)
        #expect(app.text.contains("Changed while you edit: "))
        #expect(app.text.contains("Sanne Østergaard saved this at 09:00, after you opened the form."))
        #expect(try fixture.workspace.get(Milestone.self, id: milestone.id).title == "Sannes titel")

        // Esc: back in the form as it was.
        app.press(.escape)
        #expect(app.state.conflict == nil)
        #expect(app.state.form?.value("title") == "Mit udkast")

        // F2 again, Enter: the form on Sanne's version with the chosen values; F2 saves it.
        app.press(.function(2), .enter)
        let rebased = try #require(app.state.form)
        #expect(app.state.conflict == nil)
        #expect(rebased.purpose.recordAudit?.version == theirs.audit.version)
        #expect(rebased.value("title") == "Mit udkast")
        #expect(rebased.liveNotice == nil)
        app.press(.function(2))
        #expect(app.state.form == nil, "\(app.state.form?.message ?? "")")
        #expect(app.state.message?.text == "Saved.")
        let saved = try fixture.workspace.get(Milestone.self, id: milestone.id)
        #expect(saved.title == "Mit udkast" && saved.audit.version == theirs.audit.version + 1)
    }

    @Test func anOpenFormOnARecordDeletedMeanwhileSaysSo() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 110, height: 34)
        let milestone = try Self.milestoneForm(app, title: "Mit udkast")
        let other = try Self.colleague(fixture)
        try other.delete(try other.get(Milestone.self, id: milestone.id))
        app.send(.tick)
        #expect(app.state.form?.value("title") == "Mit udkast")
        #expect(Self.statusLine(app).hasPrefix("! Deleted by Sanne Østergaard at 09:00 while you edit"))
    }

    @Test func theNoticeInTheFormAt80x24And200x60() throws {
        for (width, height, language) in [(80, 24, Language.english), (200, 60, .english), (80, 24, .danish), (200, 60, .danish)] {
            let fixture = try DemoFixture()
            // A colleague whose name carries an escape sequence: it never reaches the terminal.
            let sanne = try #require(try Self.colleague(fixture).actor.professionalID)
            let organisation = try #require(try fixture.workspace.get(Professional.self, id: sanne).organisationID)
            try fixture.workspace.create(Professional(name: "Bø \u{1B}]0;pwned\u{07}Hånsen", role: .dropInCounselor,
                                                      organisationID: organisation, username: "bo"))
            let app = fixture.runtime(width: width, height: height, language: language)
            let milestone = try Self.milestoneForm(app, title: "Udkast 🏠 med æøå")
            let other = try Self.colleague(fixture, username: "bo")
            var theirs = try other.get(Milestone.self, id: milestone.id)
            theirs.title = "Bøs titel"
            try other.update(theirs)
            app.send(.tick)
            let canvas = app.screen()
            expectInert(canvas)
            let line = Self.statusLine(app)
            #expect(DisplayWidth.of(line) <= width)
            let expected = language == .english ? "! Changed by Bø \u{FFFD}]0;pwned\u{FFFD}Hånsen at 09:00 while you edit; saving will ask"
                : "! Ændret af Bø \u{FFFD}]0;pwned\u{FFFD}Hånsen kl. 09:00, mens du skriver; når du gemmer, bliver du spurgt"
            if DisplayWidth.of(expected) <= width {
                #expect(line.hasPrefix(expected), "\(width)×\(height): \(line)")
            } else {
                // Who and when come first; the rest gives way.
                #expect(line.hasPrefix(String(expected.prefix(45))) && line.hasSuffix("…"), "\(width)×\(height): \(line)")
            }
            #expect(app.text.contains("Udkast 🏠 med æøå"), "the form and its text are still on screen")
        }
    }
}

extension AgendaItem.Kind {
    /// A milestone line's title (nil for other lines).
    var milestoneTitle: String? {
        if case .milestone(let milestone) = self { return milestone.title }
        return nil
    }
}

@Suite struct AccessLogTickTests {
    /// The look-ups of the last second are written on the tick without an fsync (a key pressed
    /// meanwhile would wait for it); when the interface closes, the last ones wait for the disk.
    @Test func theTickWritesTheLookupsWithoutWaitingAndClosingWaits() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        let database = fixture.workspace.database
        // `PRAGMA synchronous` as each transaction commits: 1 = NORMAL (no fsync), 2 = FULL.
        nonisolated(unsafe) var levels: [Int] = []
        let figures = database.beforeCommit
        database.beforeCommit = { connection in
            try figures?(connection)
            levels.append(Int(sqlValue: try connection.scalar("PRAGMA synchronous")) ?? -1)
        }
        let views = { try fixture.workspace.accessLogEntries().filter { $0.action == .view }.count }
        let before = try views()
        app.send(.tick)
        #expect(levels == [1])
        #expect(try views() == before + 1, "the first citizen's look-up is in the log")
        app.press(.down)
        #expect(app.press(.character("q")))
        #expect(levels == [1, 2])
        #expect(try views() == before + 2)
    }
}
