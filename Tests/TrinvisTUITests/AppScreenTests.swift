import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

@Suite struct MainScreenTests {
    private let demoNames = ["Aisha Khalil", "Bent Ørsted", "Jan Bækgaard", "Kurt Damgaard", "Line Sørensen",
                             "Mette Ågaard", "Per Kristiansen", "Svend Madsen", "Ulla Brandt", "Viggo Holt", "Vilma Brandt"]

    @Test func at80x24OnePaneAtATimeWithTabsHeaderAndKeyBar() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24)
        let lines = app.screen().lines()
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines[0].contains("Aisha Khalil") && lines[0].contains("ends 2027-04-24 (in 152 days)"))
        // Aisha's goal does not fit beside her end date: it has the second line, the tabs the third.
        #expect(lines[1].contains("Goal: "), "\(lines[1])")
        #expect(lines[2].contains("[1 Citizens]") && lines[2].contains("2 Milestones") && lines[2].contains("3 Meetings"))
        for name in demoNames { #expect(app.text.contains(name), "\(name) is listed") }
        // Danish alphabetical order: Ø and Å sort after Z, so Mette Ågaard comes by her first name.
        let order = demoNames.compactMap { name in lines.firstIndex { $0.contains(name) } }
        #expect(order == order.sorted())
        // The user's own citizens carry a marker that is not colour alone.
        let perLine = try #require(lines.first { $0.contains("Per Kristiansen") })
        let bentLine = try #require(lines.first { $0.contains("Bent Ørsted") })
        #expect(perLine.contains("\u{25CF}"))
        #expect(!bentLine.contains("\u{25CF}"))
        #expect(perLine.contains("!2"), "Per has two overdue items")
        #expect(lines[23].contains("? help") && lines[23].contains("q quit"))
        // The hardware cursor sits on the selected row.
        let cursor = try #require(app.screen().cursor)
        #expect(lines[cursor.row].contains("Aisha Khalil"))
    }

    @Test func at100x30TheThreePanesShowCitizenMilestonesAndMeetings() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.down, .down, .down, .down, .down, .down, .down)  // Svend Madsen
        #expect(app.selectedCitizen == "Svend Madsen")
        let text = app.text
        #expect(text.contains("[1 Citizens]") && text.contains("2 Milestones") && text.contains("3 Meetings"))
        #expect(text.contains("Goal: Ædru"))
        #expect(text.contains("Starte behandling på alkohol"))
        #expect(app.screen().lines()[0].contains("ends 2027-01-26 (in 64 days)"))
        let overdue = try #require(app.screen().lines().first { $0.contains("Praktik hos Ringe Anlægsgartneri") })
        #expect(overdue.contains("! ") && overdue.contains("overdue"))
        #expect(text.contains("no-show"), "Svend missed one meeting")
        #expect(text.contains("1 open"), "an open agreement is counted")
        // Newest meeting first.
        let meetingLines = app.screen().lines().filter { $0.range(of: #"\d{4}-\d{2}-\d{2} (attended|no-show|excused)"#, options: .regularExpression) != nil }
        let dates = meetingLines.compactMap { line in line.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression).map { String(line[$0]) } }
        #expect(dates.count >= 3)
        #expect(dates == dates.sorted(by: >))
    }

    @Test func at200x60ThePanesStandSideBySide() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 200, height: 60)
        let lines = app.screen().lines()
        let titles = try #require(lines.first { $0.contains("1 Citizens") })
        #expect(titles.contains("2 Milestones") && titles.contains("3 Meetings"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 200 })
        #expect(lines[0].contains("ends 2027-04-24 (in 152 days)"))
        #expect(app.text.contains("Deltage i IT-kurset i værestedet (steppin"))
        #expect(lines[0].contains("Goal: Egen bolig og afklaring af uddannelse"))
        #expect(app.text.contains("conversation") || app.text.contains("drop-in"))
        for name in demoNames { #expect(app.text.contains(name)) }
    }

    @Test func danishLabelsFollowTheLanguage() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30, language: .danish)
        let text = app.text
        #expect(text.contains("[1 Borgere]") && text.contains("2 Milepæle") && text.contains("3 Møder"))
        #expect(text.contains("23.11.2026"))
        #expect(text.contains("? hjælp") && text.contains("q afslut"))
    }

    @Test func wideAndCombiningCharactersStayAligned() throws {
        let fixture = try DemoFixture()
        let workspace = fixture.workspace
        let names = ["Ærø Åsø 😀 Jensen", "李雷 王芳", "Zoe\u{0301} Nørgård", "Ib"]
        for name in names {
            let citizen = try workspace.create(Citizen(name: name, registeredOn: LocalDate(iso: "2026-11-01")!))
            try workspace.create(Meeting(citizenID: citizen.id, at: Timestamp(iso: "2026-11-20T10:00:00+01:00")!,
                                         nextMeeting: Timestamp(iso: "2026-12-04T10:00:00+01:00")!))
        }
        let app = fixture.runtime(width: 100, height: 30)
        let canvas = app.screen()
        var dateColumns: [Int] = []
        for row in 0..<canvas.height {
            let line = canvas.line(row)
            guard names.contains(where: { line.contains(TextNormalization.nfc($0)) }) else { continue }
            // Find the display column where "2026-12-04" begins on this row.
            for col in 0..<canvas.width where canvas.cell(row: row, col: col)?.text == "2" {
                let slice = (col..<min(col + 10, canvas.width)).compactMap { canvas.cell(row: row, col: $0)?.text }.joined()
                if slice == "2026-12-04" { dateColumns.append(col) }
            }
        }
        #expect(dateColumns.count == names.count)
        #expect(Set(dateColumns).count == 1, "dates line up: \(dateColumns)")
    }

    @Test func anEscapeSequenceInANoteIsDrawnInert() throws {
        let fixture = try DemoFixture()
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}Hello \u{9B}31m world"
        let citizen = try fixture.workspace.create(Citizen(name: "\u{1B}[31mAaron", registeredOn: LocalDate(iso: "2026-11-01")!))
        try fixture.workspace.create(Meeting(citizenID: citizen.id, at: Timestamp(iso: "2026-11-20T10:00:00+01:00")!,
                                             notes: hostile))
        let app = fixture.runtime(width: 100, height: 30)
        #expect(app.selectedCitizen?.contains("Aaron") == true)
        app.press(.character("3"), .enter)  // open the meeting
        expectInert(app.screen())
        #expect(app.text.contains("Hello"))
        #expect(app.text.contains("world"))
    }
}

@Suite struct InteractionTests {
    @Test func searchNarrowsAsYouTypeAndEscShowsAllAgain() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("/"))
        app.type("sve")
        #expect(app.state.citizens.rows.map(\.citizen.name) == ["Svend Madsen"])
        #expect(app.text.contains("Search: sve"))
        // The plan of the first hit is already on screen.
        #expect(app.text.contains("Goal: Ædru"))
        app.press(.enter)
        #expect(app.state.prompt == nil)
        #expect(app.state.citizens.query == "sve")
        // A save while the search is kept refreshes the results and says "Saved.".
        app.press(.character("3"), .character("a"), .function(2))
        #expect(app.state.message?.text == "Saved.")
        #expect(app.state.citizens.rows.map(\.citizen.name) == ["Svend Madsen"])
        app.press(.character("1"))
        app.press(.escape)
        #expect(app.state.citizens.rows.count == 11)
    }

    @Test func searchFindsAWordThatOnlyStandsInAMeetingNote() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 30)
        app.press(.character("/"))
        app.type("højskoler")
        #expect(app.state.citizens.rows.map(\.citizen.name) == ["Per Kristiansen"])
        // Where the match is: the excerpt of the selected hit is on the message line.
        let messageLine = app.screen().lines()[28]
        #expect(messageLine.contains("«højskoler»"))
        #expect(messageLine.contains("meeting notes:") || messageLine.contains("agreement:"))
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(app.state.citizens.rows.count == 11, "an emptied search shows everyone")
    }

    @Test func enterOpensTheCitizenAndEscReturnsWithTheSelectionKept() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.down, .down)  // Jan Bækgaard
        app.press(.enter)
        guard case .detail(.citizen(let profile)) = app.state.screen else {
            Issue.record("a citizen view")
            return
        }
        #expect(profile.citizen.name == "Jan Bækgaard")
        let text = app.text
        #expect(text.contains("Life"))
        #expect(text.contains("Team") && text.contains("Sanne Østergaard"))
        #expect(text.contains("Consents"))
        app.press(.end)
        #expect(app.state.detail.offset > 0)
        #expect(app.text.contains("Own housing"))
        app.press(.escape)
        #expect(app.state.screen == .main)
        #expect(app.selectedCitizen == "Jan Bækgaard")
    }

    @Test func milestoneAndMeetingDetails() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.down, .down, .down, .down, .down, .down, .down, .down)  // Ulla Brandt
        app.press(.character("2"), .down, .enter)
        #expect(app.text.contains("Progress"))
        #expect(app.text.contains("To måneder gennemført"))
        app.press(.escape, .character("3"), .enter)
        #expect(app.text.contains("Agreements"))
        #expect(app.text.contains("[ ] Ulla fortæller Gitte om sin ryg"))
        #expect(app.text.contains("Present") && app.text.contains("Inger Holm"))
    }

    @Test func helpListsEveryKeyOfTheScreenFromTheSameTableAsTheBar() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("?"))
        let text = app.text
        // The help (scrolled as far as it goes) has every binding's text and command name.
        let help = AppView.helpLines(app.state).map { $0.map(\.text).joined() }.joined(separator: "\n")
        for binding in AppKeys.current(app.state).bindings {
            #expect(help.contains(binding.help), "help shows: \(binding.help)")
            if let command = binding.command { #expect(help.contains(":" + command), "help names :\(command)") }
        }
        #expect(text.contains(AppKeys.current(app.state).bindings[0].help), "the first is on screen")
        #expect(text.contains("Keys"))
        app.press(.escape)
        #expect(!app.state.helpVisible)
        app.press(.function(1))
        #expect(app.state.helpVisible)
    }

    @Test func resizeKeepsTheSelectionAndItStaysVisible() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        app.press(.down, .down, .down, .down, .down, .down)  // Per Kristiansen
        app.press(.character("3"), .down)
        let meeting = app.state.panes.meetingList.selection
        app.resize(60, 20)
        #expect(app.selectedCitizen == "Per Kristiansen")
        #expect(app.state.focus == .meetings)
        #expect(app.state.panes.meetingList.selection == meeting)
        app.press(.character("1"))
        #expect(app.text.contains("Per Kristiansen"))
        app.resize(120, 40)
        #expect(app.selectedCitizen == "Per Kristiansen")
        #expect(app.state.panes.meetingList.selection == meeting)
        let lines = app.screen().lines()
        let cursor = try #require(app.screen().cursor)
        #expect(lines[cursor.row].contains("Per Kristiansen"))
    }

    @Test func findInTheMilestoneListAndJumpWithN() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.down, .down, .down, .down, .down, .down, .down)  // Svend
        app.press(.character("2"), .character("/"))
        app.type("uden")
        app.press(.enter)
        #expect(app.state.panes.milestoneList.selection == 1)
        app.press(.character("/"), .ctrl("u"))
        app.type("aftalt")
        app.press(.enter)
        #expect(app.state.panes.milestoneList.selection == 3)
        app.press(.character("/"), .ctrl("u"))
        app.type("xyzzy")
        app.press(.enter)
        #expect(app.text.contains("is not in this list"))
    }

    @Test func agendaShowsMyComingMeetingsAndOverdueItems() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("t"))
        #expect(app.state.screen == .agenda)
        let text = app.text
        #expect(text.contains("Agenda"))
        #expect(text.contains("! ") && text.contains("Overdue") && text.contains("Praktik hos Ringe Anlægsgartneri"), "\(text)")
        #expect(text.contains("meeting"))
        #expect(!text.contains("Aisha Khalil"), "Aisha's team does not include Inger")
        app.press(.escape)
        #expect(app.state.screen == .main)
    }

    @Test func reportKeyShowsTheResults() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        app.press(.character("r"))
        #expect(app.text.contains("Results report"))
        #expect(app.text.contains(" of "))
    }

    @Test func theReportsLastLineCanBeScrolledToAt80x24() throws {
        let fixture = try DemoFixture()
        for language in [Language.english, .danish] {
            let app = fixture.runtime(width: 80, height: 24, language: language)
            app.press(.character("r"), .end)
            let lines = ResultsView.lines(app.state, width: ResultsView.width(app.state))
            let last = try #require(lines.last { !$0.isEmpty }).map(\.text).joined()
            let shown = app.text.split(separator: "\n").map { String($0) }
            let probe = String(last.trimmingCharacters(in: .whitespaces).prefix(20))
            #expect(shown.contains { $0.contains(probe) }, "the last line \"\(last)\" is on screen:\n\(app.text)")
        }
    }

    @Test func quitKeysEndTheProgram() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        #expect(app.press(.character("q")))
        #expect(app.press(.function(10)))
        app.press(.character("/"))
        #expect(!app.press(.character("q")), "q is typed into a search")
    }

    @Test func asciiModeUsesOnlyASCII() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30, glyphs: .ascii)
        let canvas = app.screen(glyphs: .ascii)
        let frame = canvas.lines().joined().unicodeScalars.filter { "┌┐└┘│─›●↑↓".unicodeScalars.contains($0) }
        #expect(frame.isEmpty)
        #expect(canvas.text.contains("* Per Kristiansen"))
        #expect(canvas.text.contains("> "))
    }

    @Test func theCitizenListPagesThroughSQLite() throws {
        let fixture = try DemoFixture()
        try fixture.workspace.database.transaction {
            for number in 0..<250 {
                try fixture.workspace.create(Citizen(name: "Testborger \(1000 + number)", registeredOn: LocalDate(iso: "2026-01-01")!))
            }
        }
        let app = fixture.runtime(width: 100, height: 30)
        #expect(app.state.citizens.rows.count == AppUpdate.pageSize)
        #expect(app.state.citizens.next != nil)
        app.press(.end)
        #expect(app.state.citizens.rows.count == 2 * AppUpdate.pageSize)
        app.press(.end, .end)
        #expect(app.state.citizens.rows.count == 261)
        #expect(app.state.citizens.next == nil)
        #expect(app.selectedCitizen == "Vilma Brandt")
    }
}

@Suite struct FormTests {
    @Test func aMeetingIsRecordedFromTheKeyboardWithAgreementsAndTheNextMeeting() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("3"), .character("a"))
        let form = try #require(app.state.form)
        #expect(form.title == "New meeting with Aisha Khalil")
        #expect(form.value("at") == "2026-11-23 09:00")
        #expect(form.value("next_meeting") == "2026-12-07 10:00", "the citizen's interval of 14 days, at her usual time")
        // The form opens in the notes; the agreement's deadline comes before who does it.
        app.type("Første linje")
        app.press(.enter)
        app.type("Anden linje æøå")
        app.press(.tab)
        app.type("Aisha ringer")
        app.press(.tab)
        app.type("+2")
        app.press(.tab, .right)
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Saved.")
        let newest = try #require(app.state.panes.meetings.first)
        #expect(newest.meeting.notes == "Første linje\nAnden linje æøå")
        #expect(newest.agreements.map(\.text) == ["Aisha ringer"])
        let sanne = try #require(try fixture.workspace.all(Professional.self).first { $0.name == "Sanne Østergaard" }?.id)
        #expect(newest.meeting.attendees == [sanne] + [fixture.workspace.actor.professionalID].compactMap { $0 },
                "the responsible professional and the user were there")
        #expect(newest.agreements.first?.due == LocalDate(iso: "2026-11-25"))
        guard case .professional = newest.agreements.first?.responsible else {
            Issue.record("the second choice is a professional")
            return
        }
        #expect(app.text.contains("[ ] Aisha ringer"))
    }

    @Test func impossibleValuesAreShownBesideTheFieldAndNothingIsSaved() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        let milestonesBefore = app.state.panes.milestones.count
        app.press(.character("2"), .character("a"))
        #expect(app.state.form?.title == "New milestone for Aisha Khalil")
        app.press(.tab)
        app.press(.ctrl("u"))
        app.type("2026-02-30")
        app.press(.function(2))
        let form = try #require(app.state.form)
        #expect(form.fields.first { $0.id == "title" }?.error == "must be filled in")
        #expect(form.fields.first { $0.id == "deadline" }?.error?.hasPrefix("not a date") == true)
        #expect(app.text.contains("! must be filled in"))
        // The first field with a problem gets the focus. A deadline before the plan's start is
        // refused by the core, and shown beside the deadline.
        #expect(app.state.form?.focus == 0)
        app.type("Tidligt skridt")
        app.press(.tab, .ctrl("u"))
        app.type("2020-01-01")
        app.press(.ctrl("s"))
        #expect(app.state.form?.fields.first { $0.id == "deadline" }?.error?.contains("before") == true)
        #expect(app.state.form?.focus == 1)
        #expect(app.state.panes.milestones.count == milestonesBefore)
        app.press(.ctrl("u"))
        app.type("+10")
        app.press(.ctrl("s"))
        #expect(app.state.form == nil)
        #expect(app.state.panes.milestones.count == milestonesBefore + 1)
        #expect(app.state.panes.milestones.contains { $0.title == "Tidligt skridt" && $0.deadline == LocalDate(iso: "2026-12-03") })
    }

    @Test func anInvalidCPRIsRefusedAtTheField() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("a"))
        #expect(app.state.form?.title == "New citizen")
        app.type("Zoë Ærø")
        app.press(.tab)
        app.type("3102921234")
        app.press(.function(2))
        #expect(app.state.form?.fields.first { $0.id == "cpr" }?.error?.contains("date") == true)
        app.press(.ctrl("u"))
        app.type("010192-1234")
        app.press(.function(2))
        #expect(app.state.form == nil)
        #expect(app.state.citizens.rows.contains { $0.citizen.name == "Zoë Ærø" && $0.isMine })
        #expect(app.selectedCitizen == "Zoë Ærø")
    }

    @Test func escAsksBeforeDiscardingAndDeleteAsksFirst() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("2"), .character("e"))
        app.type(" ændret")
        app.press(.escape)
        #expect(app.state.form?.confirmingDiscard == true)
        #expect(app.text.contains("Discard the changes?"))
        #expect(app.text.contains("Enter yes") && app.text.contains("Esc no"), "the key bar gives the answers")
        app.press(.character("n"))
        #expect(app.state.form != nil)
        app.press(.escape, .character("y"), .character("j"))
        #expect(app.state.form?.confirmingDiscard == true, "y and j answer nothing")
        app.press(.enter)
        #expect(app.state.form == nil)
        let before = app.state.panes.milestones.count
        app.press(.character("d"))
        #expect(app.state.confirmation != nil)
        app.press(.character("n"))
        #expect(app.state.panes.milestones.count == before)
        app.press(.character("d"), .enter)
        #expect(app.state.panes.milestones.count == before - 1)
        #expect(app.state.message?.text == "Deleted.")
    }

    @Test func f10InAChangedFormAsksBeforeQuitting() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 34)
        app.press(.character("3"), .character("a"))
        #expect(app.press(.function(10)), "an unchanged form quits at once")
        let second = fixture.runtime(width: 100, height: 34)
        second.press(.character("3"), .character("a"))
        second.type("noget")
        #expect(!second.press(.function(10)))
        #expect(second.text.contains("Discard the changes and quit Trinvis?"))
        #expect(!second.press(.character("n")))
        #expect(second.state.form != nil)
        second.press(.function(10))
        #expect(!second.press(.character("y")), "only Enter answers yes")
        #expect(second.press(.enter))
    }

    @Test func draftsAreWrittenAndOfferedAgain() throws {
        let fixture = try DemoFixture()
        do {
            let app = fixture.runtime(width: 100, height: 34)
            app.press(.character("3"), .character("a"))
            app.type("Noget vi talte om 😀")
            app.send(.tick)
            #expect(try fixture.workspace.drafts().count == 1)
        }
        let again = fixture.runtime(width: 100, height: 34)
        #expect(again.state.screen == .drafts)
        #expect(again.text.contains("New meeting with Aisha Khalil"))
        #expect(again.text.contains("Noget vi talte om"), "the draft shows what was typed")
        again.press(.enter)
        #expect(again.state.form?.value("notes") == "Noget vi talte om 😀")
        again.press(.escape, .enter)
        #expect(try fixture.workspace.drafts().isEmpty)
    }

    @Test func printWritesThePlanAsAPDF() throws {
        let fixture = try DemoFixture()
        let folder = fixture.folder.appendingPathComponent("prints/nested").path
        let app = AppRuntime(workspace: fixture.workspace, language: .english, size: Size(width: 100, height: 30),
                             printFolder: folder)
        app.press(.character("p"))
        let message = try #require(app.state.message?.text)
        #expect(message.hasPrefix("The plan is saved as "))
        let path = String(message.dropFirst("The plan is saved as ".count))
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(data.starts(with: Array("%PDF-".utf8)))
    }

    @Test func twoPrintsOnOneDayKeepBothFilesAndEachMessageNamesItsFile() throws {
        let fixture = try DemoFixture()
        let folder = fixture.folder.appendingPathComponent("prints").path
        let app = AppRuntime(workspace: fixture.workspace, language: .english, size: Size(width: 100, height: 30),
                             printFolder: folder, fontEnvironment: [:])
        let prefix = "The plan is saved as "
        app.press(.character("p"))
        let first = try #require(app.state.message?.text)
        app.press(.character("p"))
        let second = try #require(app.state.message?.text)
        #expect(first.hasPrefix(prefix) && second.hasPrefix(prefix), "\(first) / \(second)")
        let (one, two) = (String(first.dropFirst(prefix.count)), String(second.dropFirst(prefix.count)))
        #expect(one.range(of: "^\(folder)/trinvis-plan-[0-9]+-2026-11-23\\.pdf$", options: .regularExpression) != nil, "\(one)")
        #expect(two == one.dropLast(4) + "-2.pdf")
        for path in [one, two] {
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(data.starts(with: Array("%PDF-".utf8)))
            #expect(String(decoding: data, as: UTF8.self).contains("/FontFile2"), "the font is embedded")
        }

        // The report too: its own name each time.
        app.press(.character("r"), .character("p"))
        let report = try #require(app.state.message?.text)
        app.press(.character("p"))
        let again = try #require(app.state.message?.text)
        #expect(report == "The report is saved as \(folder)/trinvis-report-2026-11-23.pdf")
        #expect(again == "The report is saved as \(folder)/trinvis-report-2026-11-23-2.pdf")
    }

    @Test func theMessageSaysWhetherThePrinterTookThePlan() throws {
        let fixture = try DemoFixture()
        let folder = fixture.folder.appendingPathComponent("prints").path
        for (command, start) in [("/bin/true", "The plan was sent to the printer (and saved as "),
                                 ("/bin/false", "The printer did not take the plan; it is saved as ")] {
            let app = AppRuntime(workspace: fixture.workspace, language: .english, size: Size(width: 100, height: 30),
                                 printFolder: folder, printer: Printer(command: command), fontEnvironment: [:])
            app.press(.character("p"))
            let message = try #require(app.state.message?.text)
            #expect(message.hasPrefix(start + folder + "/trinvis-plan-"), "\(message)")
        }
        let danish = AppRuntime(workspace: fixture.workspace, language: .danish, size: Size(width: 100, height: 30),
                                printFolder: folder, printer: Printer(command: "/bin/false"), fontEnvironment: [:])
        danish.press(.character("p"))
        #expect(danish.state.message?.text.hasPrefix("Printeren tog ikke imod planen; den er gemt som ") == true)
    }

    @Test func withoutAUsableFontTheMessageSaysThePlanIsInTheStandardFonts() throws {
        let fixture = try DemoFixture()
        let folder = fixture.folder.appendingPathComponent("prints").path
        let app = AppRuntime(workspace: fixture.workspace, language: .english, size: Size(width: 100, height: 30),
                             printFolder: folder, fontEnvironment: ["TRINVIS_FONT": folder + "/nowhere.ttf"])
        app.press(.character("p"))
        let message = try #require(app.state.message?.text)
        #expect(message.hasPrefix("The plan is saved as \(folder)/trinvis-plan-"), "\(message)")
        #expect(message.hasSuffix(".pdf; standard fonts only (no usable Unicode font): Ł, Greek and Cyrillic print as ?"),
                "\(message)")
        let path = try #require(message.components(separatedBy: "The plan is saved as ").last?.components(separatedBy: ";").first)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: data, as: UTF8.self).contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
    }
}

@Suite struct ResultsScreenTests {
    @Test func theReportShowsEveryFigureWithItsBaseAndBarsAt80And200Columns() throws {
        let fixture = try DemoFixture()
        for width in [80, 200] {
            let app = fixture.runtime(width: width, height: 60)
            app.press(.character("r"))
            #expect(app.state.screen == .results)
            let lines = app.screen().lines()
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            let quality = try #require(lines.first { $0.contains("Quality of life") })
            #expect(quality.contains("Improved 8 of 8 (100 %)"))
            #expect(quality.contains("\u{2588}"), "a bar, not only a number")
            let finances = try #require(lines.first { $0.contains("Finances") })
            #expect(finances.contains("\u{2591}"), "one citizen's finances got worse: its own mark, not only a colour")
            // No bare percentage: every "%" stands in "N of M (P %)".
            for line in lines where line.contains("%") {
                #expect(line.range(of: #"\d+ of \d+ \(\d+ %\)"#, options: .regularExpression) != nil, "\(line)")
            }
        }
    }

    @Test func asciiBarsWhenTheTerminalCannotShowBlocks() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 60, glyphs: .ascii)
        app.press(.character("r"))
        let text = app.screen(glyphs: .ascii).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII || "æøåÆØÅé".unicodeScalars.contains($0) })
        #expect(text.contains("#"))
    }

    @Test func periodAndOrganisationNarrowTheReport() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 60)
        app.press(.character("r"), .character("f"))
        app.type("2026-11-01")
        app.press(.enter)
        #expect(app.state.results.from == LocalDate(iso: "2026-11-01"))
        #expect(app.text.contains("from 2026-11-01"))
        let meetingsInNovember = app.state.results.report?.contact.meetings ?? 0
        app.press(.character("a"))
        #expect(app.state.results.from == nil)
        #expect((app.state.results.report?.contact.meetings ?? 0) > meetingsInNovember)
        app.press(.character("o"))
        #expect(app.state.results.organisation?.name == "Jobcenter Ryslinge")
        #expect(app.text.contains("Organisation: Jobcenter Ryslinge"))
        let municipalCitizens = app.state.results.report?.citizens ?? 0
        #expect(municipalCitizens > 0 && municipalCitizens < 9)
        app.press(.character("f"))
        app.type("2026-02-30")
        app.press(.enter)
        #expect(app.state.message?.kind == .error, "an impossible date is refused")
    }

    @Test func changeStoriesAndCompanies() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 120, height: 40)
        app.press(.character("r"), .character("2"))
        #expect(app.text.contains("Uundværlig på kroen"))
        #expect(app.text.contains("Bent Ørsted"))
        app.press(.enter)
        #expect(app.text.contains("Bent startede i praktik"))
        app.press(.escape)
        #expect(app.state.screen == .results)
        app.press(.character("3"))
        #expect(app.text.contains("Kværndrup Kro"))
        #expect(app.text.contains("wage subsidy"))
    }
}

@Suite struct AssessmentChartTests {
    @Test func theCitizenViewShowsEachDimensionAsASparklineWithFirstAndLatest() throws {
        let fixture = try DemoFixture()
        for (glyphs, trend) in [(Glyphs.unicode, "3\u{2192}7 \u{25B2}"), (Glyphs.ascii, "3->7 +")] {
            let app = fixture.runtime(width: 100, height: 30, glyphs: glyphs)
            app.press(.down, .down, .down, .down, .down, .down, .down)  // Svend Madsen
            app.press(.enter)
            guard case .detail(let detail) = app.state.screen else {
                Issue.record("the citizen view")
                return
            }
            let lines = DetailView.lines(detail, width: 90, state: app.state).map { $0.map(\.text).joined() }
            let quality = try #require(lines.first { $0.hasPrefix("Quality of life") })
            #expect(quality.contains(trend), "\(quality)")
            let spark = Sparkline.string(values: [3, 5, 7], glyphs: glyphs)
            #expect(quality.contains(spark))
            #expect(!lines.contains { $0.hasPrefix("Social network") }, "Svend was never assessed on his network")
        }
    }
}

@Suite struct CitizenViewFormTests {
    @Test func aConsentIsWithdrawnAndATeamMembershipEndedFromTheCitizenView() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 40)
        app.press(.down, .down, .down, .down, .down, .down, .down, .enter)  // Svend Madsen's view
        app.press(.character("a"))
        let menu = try #require(app.state.addMenu)
        let consentRow = try #require(menu.items.firstIndex { $0.label.hasPrefix("Change or withdraw the consent") })
        let teamRow = try #require(menu.items.firstIndex { $0.label == "Change the team: Birgitte Friis" })
        for _ in 0..<consentRow { app.press(.down) }
        app.press(.enter)
        #expect(app.state.form?.value("scope") == "share-between-organisations")
        let index = try #require(app.state.form?.fields.firstIndex { $0.id == "withdrawn_on" })
        for _ in 0..<index { app.press(.tab) }
        app.type("+0")
        app.press(.function(2))
        #expect(app.state.form == nil)
        let svend = try #require(app.state.panes.citizenID)
        let consent = try #require(try fixture.workspace.all(Consent.self, parent: svend.sqlValue).first)
        #expect(consent.withdrawnOn == LocalDate(iso: "2026-11-23"))
        #expect(consent.audit.version == 2, "the consent was changed, not added again")

        app.press(.character("a"))
        for _ in 0..<teamRow { app.press(.down) }
        app.press(.enter)
        app.press(.tab, .tab, .tab)
        app.type("2026-11-30")
        app.press(.function(2))
        let members = try fixture.workspace.all(TeamMember.self, parent: svend.sqlValue)
        #expect(members.count == 3)
        #expect(members.contains { $0.to == LocalDate(iso: "2026-11-30") })
    }
}
