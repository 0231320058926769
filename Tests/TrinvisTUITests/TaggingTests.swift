import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Many at once: Space tags rows of the citizen list, `tag` (`+`) tags what a search found,
/// `untag` (`-`) clears, and handover, print and export act on the tagged citizens (the selected
/// one when nothing is tagged), asking first and naming how many.
@Suite struct TaggingTests {
    /// The three citizens the tests tag: Inger Holm is responsible for each, Henrik Lund on each team.
    private let three = ["Per Kristiansen", "Svend Madsen", "Ulla Brandt"]

    private func app(_ fixture: DemoFixture, width: Int = 100, height: Int = 30, language: Language = .english,
                     glyphs: Glyphs = .unicode) -> AppRuntime {
        AppRuntime(workspace: fixture.workspace, language: language, size: Size(width: width, height: height), glyphs: glyphs,
                   printFolder: fixture.folder.appendingPathComponent("prints").path, fontEnvironment: [:])
    }

    /// Moves the selection of the citizen list to `name`.
    private func select(_ name: String, in app: AppRuntime) throws {
        app.press(.home)
        for _ in 0..<app.state.citizens.rows.count where app.selectedCitizen != name { app.press(.down) }
        try #require(app.selectedCitizen == name)
    }

    /// Tags the three citizens with Space (they follow each other in the list).
    private func tagThree(in app: AppRuntime) throws {
        for name in three {
            try select(name, in: app)
            app.press(.character(" "))
        }
        try #require(app.state.tags.count == 3)
    }

    private func id(_ name: String, _ fixture: DemoFixture) throws -> CitizenID {
        try #require(try fixture.workspace.all(Citizen.self).first { $0.name == name }).id
    }

    /// The row of a list (inside a pane's frame, not the header) that contains `text`.
    private func line(_ app: AppRuntime, _ text: String, glyphs: Glyphs = .unicode) -> String {
        app.screen(glyphs: glyphs).lines().first { $0.hasPrefix(glyphs.vertical) && $0.contains(text) } ?? ""
    }

    // MARK: Tagging

    @Test func spaceTagsTheRowAndMovesOnAndTheListMarksTheTaggedAt80x24() throws {
        let fixture = try DemoFixture()
        let app = app(fixture, width: 80, height: 24)
        try select("Per Kristiansen", in: app)
        app.press(.character(" "))
        #expect(app.selectedCitizen != "Per Kristiansen", "the selection moved on, as in mc and htop")
        #expect(app.state.message?.text == "Tagged Per Kristiansen (1 tagged).")
        // Space Space tags the next two: the three follow each other in the list.
        app.press(.character(" "), .character(" "))
        #expect(app.state.tags.entries.map(\.name) == three)
        let lines = app.screen().lines()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        for name in three {
            #expect(line(app, name).contains("\u{2713}"), "\(name) is marked: \(line(app, name))")
        }
        #expect(!line(app, "Aisha Khalil").contains("\u{2713}"))
        // The count is in the pane's title and in the key bar, with the keys that act on the tagged.
        #expect(lines[2].contains("Citizens \u{2022} 3 tagged"), "\(lines[2])")
        #expect(lines[23].contains("Space 3 tagged"), "\(lines[23])")
        // A tagged name is bold as well as marked, so the mark is not the only sign.
        let row = try #require(lines.firstIndex { $0.hasPrefix("\u{2502}") && $0.contains("Ulla Brandt") })
        let col = try #require(lines[row].range(of: "Ulla").map { lines[row].distance(from: lines[row].startIndex, to: $0.lowerBound) })
        #expect(app.screen().style(row: row, col: col)?.attributes.contains(.bold) == true)

        // Space on a tagged row untags it; `-` untags everyone.
        try select("Svend Madsen", in: app)
        app.press(.character(" "))
        #expect(app.state.tags.count == 2)
        #expect(app.state.message?.text == "Untagged Svend Madsen (2 tagged).")
        app.press(.character("-"))
        #expect(app.state.tags.isEmpty)
        #expect(app.state.message?.text == "Untagged 2 citizens.")
        #expect(!app.text.contains("\u{2713}"))
        #expect(!app.screen().lines()[2].contains("tagged"))
    }

    @Test func theTaggedListAt200x60ShowsMarksCountAndTheKeysOfTheTagged() throws {
        let fixture = try DemoFixture()
        let app = app(fixture, width: 200, height: 60)
        try tagThree(in: app)
        let lines = app.screen().lines()
        #expect(lines.count == 60 && lines.allSatisfy { DisplayWidth.of($0) <= 200 })
        #expect(lines.contains { $0.contains("[1 Citizens \u{2022} 3 tagged]") })
        for name in three { #expect(line(app, name).contains("\u{2713}")) }
        let bar = lines[59]
        #expect(bar.contains("Space 3 tagged") && bar.contains("H hand over") && bar.contains("E export") && bar.contains("- untag"),
                "\(bar)")
        // The help lists the tagging keys and their commands.
        app.press(.character("?"))
        let help = app.text
        #expect(help.contains("tag-row") && help.contains("handover") && help.contains("export") && help.contains("untag"))
    }

    @Test func asciiTerminalsMarkTaggedRowsWithAPlus() throws {
        let fixture = try DemoFixture()
        let app = app(fixture, width: 80, height: 24, glyphs: .ascii)
        try select("Ulla Brandt", in: app)
        app.press(.character(" "))
        let row = line(app, "Ulla Brandt", glyphs: .ascii)
        #expect(row.contains("+  Ulla Brandt") || row.contains("+* Ulla Brandt"), "\(row)")
    }

    @Test func theTagCommandTagsWhatTheSearchFound() throws {
        let fixture = try DemoFixture()
        let app = app(fixture)
        // Without a search, the command says what it needs.
        app.press(.character(":"))
        app.type("tag")
        app.press(.enter)
        #expect(app.state.tags.isEmpty)
        #expect(app.state.message?.text == "Search first (/): + tags every citizen the search found.")

        app.press(.character("/"))
        app.type("sen")
        app.press(.enter)
        let found = app.state.citizens.rows.map(\.citizen.id)
        #expect(found.count >= 2, "the search found several citizens")
        app.press(.character(":"))
        app.type("tag")
        app.press(.enter)
        #expect(app.state.tags.ids == found)
        #expect(app.state.message?.text == "Tagged \(found.count) of the \(found.count) citizens found by \u{201C}sen\u{201D} (\(found.count) tagged).")
        // `+` again adds nobody new; the tags stay when the search is cleared.
        app.press(.character("+"))
        #expect(app.state.message?.text.hasPrefix("Tagged 0 of the") == true)
        app.press(.escape)
        #expect(app.state.citizens.query == nil)
        #expect(app.state.tags.ids == found)
        let marked = app.screen().lines().filter { $0.contains("\u{2713}") }.count
        #expect(marked == found.count)
        // `untag` by name clears them.
        app.press(.character(":"))
        app.type("untag")
        app.press(.enter)
        #expect(app.state.tags.isEmpty)
    }

    @Test func hostileNamesAreCleanInTheMessagesOfTagging() throws {
        let fixture = try DemoFixture()
        try fixture.workspace.create(Citizen(name: "Åse \u{1B}[31mRød\u{07}", registeredOn: fixture.workspace.today))
        let app = app(fixture)
        app.press(.character("/"))
        app.type("Åse")
        app.press(.enter)
        app.press(.character(" "))
        let message = try #require(app.state.message?.text)
        #expect(message.contains("Åse") && message.contains("Rød"))
        #expect(!message.contains("\u{1B}") && !message.contains("\u{07}"))
        app.press(.character("p"))
        let title = try #require(app.state.form?.title)
        #expect(title.contains("Rød") && !title.contains("\u{1B}"))
    }

    // MARK: Acting on the tagged

    @Test func printingTheTaggedAsksNamingHowManyThenWritesEachPlanAndLogsIt() throws {
        let fixture = try DemoFixture()
        let app = app(fixture)
        let folder = fixture.folder.appendingPathComponent("prints").path
        try tagThree(in: app)
        // The form asks how and where, with the print folder and PDF filled in.
        app.press(.character("p"))
        let form = try #require(app.state.form)
        #expect(form.title == "Print the plans of 3 citizens: Per Kristiansen, Svend Madsen and Ulla Brandt")
        #expect(form.value("format") == "pdf" && form.value("folder") == folder)
        app.press(.function(2))
        #expect(app.state.confirmation?.question
                == "Print the plans of 3 tagged citizens as PDF files into \(folder) (Per Kristiansen, Svend Madsen and Ulla Brandt)?")
        #expect(app.text.contains("Print the plans of 3 tagged citizens"))
        app.press(.escape)
        #expect(app.state.form != nil, "Esc goes back to the form")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty ?? true, "Esc prints nothing")

        app.press(.function(2), .enter)
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Printed 3 plans into \(folder).")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasPrefix("trinvis-plan-") && $0.hasSuffix(".pdf") }, "\(files)")
        for name in three {
            let printed = try fixture.workspace.printedFiles(of: try id(name, fixture))
            #expect(printed.count == 1, "\(name)'s plan is remembered for erasure")
            let file = try #require(printed.first)
            let data = try #require(FileManager.default.contents(atPath: file))
            #expect(data.starts(with: Array("%PDF-".utf8)))
            #expect(try fixture.workspace.accessLogEntries(citizen: try id(name, fixture)).contains { $0.action == .print })
        }
        #expect(try fixture.workspace.drafts().isEmpty, "the print form keeps no draft")
        // Nothing tagged: `p` prints the selected citizen's plan at once, as before.
        app.press(.character("-"))
        app.press(.character("p"))
        #expect(app.state.form == nil && app.state.confirmation == nil)
        #expect(app.state.message?.text.hasPrefix("The plan is saved as ") == true)
    }

    @Test func theTaggedPlansCanBeTextFilesInAnotherFolder() throws {
        let fixture = try DemoFixture()
        let app = app(fixture)
        let other = fixture.folder.appendingPathComponent("til mødet/Ærø").path
        try tagThree(in: app)
        app.press(.character("p"))
        app.press(.right)
        #expect(app.state.form?.value("format") == "text")
        app.press(.tab, .ctrl("u"))
        app.type(other)
        app.press(.function(2))
        #expect(app.state.confirmation?.question.hasPrefix("Print the plans of 3 tagged citizens as text files into \(other) (") == true)
        app.press(.enter)
        #expect(app.state.message?.text == "Printed 3 plans into \(other).")
        let files = try FileManager.default.contentsOfDirectory(atPath: other).sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasSuffix(".txt") }, "\(files)")
        let per = try #require(files.first { $0.contains("-\(try id("Per Kristiansen", fixture))-") })
        let text = try String(contentsOfFile: other + "/" + per, encoding: .utf8)
        #expect(text.contains("Per Kristiansen"))
        #expect(try fixture.workspace.printedFiles(of: try id("Per Kristiansen", fixture)).first?.hasSuffix(".txt") == true)
        // An empty folder is a problem beside the field.
        app.press(.character("p"), .tab, .ctrl("u"), .function(2))
        #expect(app.state.confirmation == nil)
        #expect(app.state.form?.fields.first { $0.id == "folder" }?.error == "must be filled in")
    }

    @Test func exportingTheTaggedWritesOneDocumentOfJustThoseCitizens() throws {
        let fixture = try DemoFixture()
        let app = app(fixture)
        try tagThree(in: app)
        app.press(.character("E"))
        #expect(app.state.confirmation?.question == "Export 3 tagged citizens (Per Kristiansen, Svend Madsen and Ulla Brandt) into one file?")
        app.press(.enter)
        let message = try #require(app.state.message?.text)
        let prefix = "Exported 3 citizens to "
        #expect(message.hasPrefix(prefix), "\(message)")
        let path = String(message.dropFirst(prefix.count).dropLast())
        #expect(path.hasSuffix("/prints/trinvis-export-2026-11-23.json"), "\(path)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(names(inDocument: text) == Set(three))

        // Nothing tagged: the selected citizen alone, without a question.
        app.press(.character("-"))
        try select("Aisha Khalil", in: app)
        app.press(.character(":"))
        app.type("export")
        app.press(.enter)
        #expect(app.state.confirmation == nil)
        let single = try #require(app.state.message?.text)
        #expect(single.hasPrefix("Exported 1 citizen to ") && single.hasSuffix("trinvis-export-2026-11-23-2.json."), "\(single)")
        let second = String(single.dropFirst("Exported 1 citizen to ".count).dropLast())
        #expect(names(inDocument: try String(contentsOfFile: second, encoding: .utf8)) == ["Aisha Khalil"])
    }

    private func names(inDocument text: String) -> Set<String> {
        guard let document = try? JSONParser.parse(text), case .array(let citizens)? = document["citizens"] else { return [] }
        return Set(citizens.compactMap { citizen -> String? in
            if case .string(let name)? = citizen["name"] { return name }
            return nil
        })
    }

    // MARK: Handover

    @Test func theHandoverFormAt80x24And200x60NamesTheCitizensAndAsksFromWhomToWhomAndWhy() throws {
        let fixture = try DemoFixture()
        for (width, height) in [(80, 24), (200, 60)] {
            let app = app(fixture, width: width, height: height)
            try tagThree(in: app)
            app.press(.character("H"))
            let form = try #require(app.state.form)
            #expect(form.title == "Hand over 3 citizens: Per Kristiansen, Svend Madsen and Ulla Brandt")
            let lines = app.screen().lines()
            #expect(lines.count == height && lines.allSatisfy { DisplayWidth.of($0) <= width })
            let text = lines.joined(separator: "\n")
            #expect(text.contains("Hand over 3 citizens"), "\(text)")
            #expect(text.contains("From") && text.contains("Inger Holm (caseworker)"), "the user is the one handing over")
            #expect(text.contains("To") && text.contains("Reason"))
            // Only professionals on all three teams can hand over: Inger Holm and Henrik Lund.
            let from = try #require(form.fields.first { $0.id == "from" })
            #expect(from.options.map(\.label) == ["Inger Holm (caseworker)", "Henrik Lund (job consultant)"])
            #expect(lines[height - 1].contains("F2"), "\(lines[height - 1])")
            // The print form of the same three, at the same size.
            app.press(.escape)
            app.press(.character("p"))
            let print = app.screen().lines()
            #expect(print.allSatisfy { DisplayWidth.of($0) <= width })
            let printText = print.joined(separator: "\n")
            #expect(printText.contains("Print the plans of 3 citizens"), "\(printText)")
            #expect(printText.contains("PDF files") && printText.contains("Into the folder"))
        }
    }

    @Test func aHandoverAsksThenMovesTheTeamsAndUndoBringsThemBack() throws {
        let fixture = try DemoFixture()
        let app = app(fixture)
        let workspace = fixture.workspace
        let inger = try #require(try workspace.all(Professional.self).first { $0.name == "Inger Holm" })
        let sanne = try #require(try workspace.all(Professional.self).first { $0.name == "Sanne Østergaard" })
        try tagThree(in: app)
        app.press(.character("H"))
        // To Sanne Østergaard; without a reason the form says what is missing.
        let to = try #require(app.state.form?.fields.firstIndex { $0.id == "to" })
        app.press(.tab)
        #expect(app.state.form?.focus == to)
        for _ in 0..<10 where app.state.form?.value("to") != "p\(sanne.id)" { app.press(.right) }
        #expect(app.state.form?.value("to") == "p\(sanne.id)")
        app.press(.function(2))
        #expect(app.state.confirmation == nil)
        #expect(app.state.form?.fields.first { $0.id == "reason" }?.error == "must be filled in")
        #expect(app.state.form?.fields[app.state.form?.focus ?? 0].id == "reason", "the focus went to the problem")
        app.type("Inger går på orlov; Sanne følger dem på værestedet")
        app.press(.function(2))
        let question = try #require(app.state.confirmation?.question)
        #expect(question == "Hand over 3 citizens from Inger Holm to Sanne Østergaard (Per Kristiansen, Svend Madsen and Ulla Brandt)?",
                "\(question)")
        // Esc keeps the form as it was; Enter hands over.
        app.press(.escape)
        #expect(app.state.confirmation == nil && app.state.form != nil)
        app.press(.function(2), .enter)
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Handed 3 citizens over from Inger Holm to Sanne Østergaard.")
        for name in three {
            let team = try workspace.all(TeamMember.self, parent: try id(name, fixture).sqlValue)
            let hers = try #require(team.first { $0.professionalID == sanne.id }, "\(name) has Sanne on the team")
            #expect(hers.responsible && hers.from == workspace.today && hers.to == nil)
            #expect(team.first { $0.professionalID == inger.id && $0.responsible }?.to == workspace.today, "Inger's membership ended today")
            let log = try workspace.accessLogEntries(citizen: try id(name, fixture)).map(\.detail)
            #expect(log.contains { $0.hasPrefix("handover from professional \(inger.id) to \(sanne.id): Inger går på orlov") })
        }
        #expect(try fixture.workspace.drafts().isEmpty, "the handover form keeps no draft")

        // One step of undo takes the whole handover back.
        app.press(.character("u"))
        #expect(app.state.message?.text == "Undone: changed the teams of 3 citizens.", "\(app.state.message?.text ?? "")")
        for name in three {
            let team = try workspace.all(TeamMember.self, parent: try id(name, fixture).sqlValue)
            #expect(!team.contains { $0.professionalID == sanne.id })
            #expect(team.first { $0.professionalID == inger.id && $0.responsible }?.to == nil)
        }
    }

    @Test func withNothingTaggedTheSelectedCitizenIsHandedOver() throws {
        let fixture = try DemoFixture()
        let app = app(fixture)
        try select("Bent Ørsted", in: app)
        app.press(.character(":"))
        app.type("handover")
        app.press(.enter)
        let form = try #require(app.state.form)
        #expect(form.title == "Hand over 1 citizen: Bent Ørsted")
        // Henrik Lund is responsible for Bent: he is offered first.
        let inger = try #require(try fixture.workspace.all(Professional.self).first { $0.name == "Inger Holm" })
        #expect(form.value("from") == "p\(inger.id)", "the user is on Bent's team and is the one handing over")
        #expect(form.fields.first { $0.id == "from" }?.options.first?.label.hasPrefix("Henrik Lund") == true)
        app.press(.tab, .tab)
        app.type("Ny kontaktperson")
        app.press(.function(2))
        #expect(app.state.confirmation?.question.hasPrefix("Hand over 1 citizen from Inger Holm to ") == true)
        #expect(app.state.confirmation?.question.hasSuffix(" (Bent Ørsted)?") == true)
    }

    @Test func theSameProfessionalOnBothSidesIsAProblemBesideTheField() throws {
        let fixture = try DemoFixture()
        let app = app(fixture)
        try tagThree(in: app)
        app.press(.character("H"))
        let from = try #require(app.state.form?.value("from"))
        app.press(.tab)
        for _ in 0..<10 where app.state.form?.value("to") != from { app.press(.right) }
        app.press(.tab)
        app.type("x")
        app.press(.function(2))
        #expect(app.state.confirmation == nil)
        #expect(app.state.form?.fields.first { $0.id == "to" }?.error == "is the professional handing over; choose another one")
    }

    @Test func aProfessionalWhoIsNoAdministratorIsToldSoAndNoFormOpens() throws {
        let fixture = try DemoFixture()
        let path = fixture.folder.appendingPathComponent("demo.sqlite").path
        let now = DemoFixture.now
        let workspace = try Workspace(path: path, username: "inger", policy: .organisation, clock: { now })
        let app = AppRuntime(workspace: workspace, language: .english, size: Size(width: 100, height: 30),
                             printFolder: fixture.folder.appendingPathComponent("prints").path)
        try tagThree(in: app)
        app.press(.character("H"))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text == "Only an administrator may hand citizens over to another professional; ask yours to do it.")
        #expect(app.state.message?.kind == .error)
        #expect(app.text.contains("Only an administrator may hand citizens over"))
    }

    @Test func inDanishTheQuestionsNameHowManyTaggedCitizens() throws {
        let fixture = try DemoFixture()
        let app = app(fixture, width: 80, height: 24, language: .danish)
        try tagThree(in: app)
        #expect(app.screen().lines()[2].contains("Borgere \u{2022} 3 markeret"), "\(app.screen().lines()[2])")
        #expect(app.screen().lines()[23].contains("Space 3 markeret"))
        app.press(.character("p"))
        #expect(app.state.form?.title == "Udskriv handleplanerne for 3 borgere: Per Kristiansen, Svend Madsen og Ulla Brandt")
        app.press(.function(2))
        #expect(app.state.confirmation?.question.hasPrefix("Udskriv handleplanerne for 3 markerede borgere som PDF-filer i ") == true)
        #expect(app.state.confirmation?.question.hasSuffix("(Per Kristiansen, Svend Madsen og Ulla Brandt)?") == true)
        app.press(.escape, .escape)
        app.press(.character("H"))
        #expect(app.state.form?.title == "Overdrag 3 borgere: Per Kristiansen, Svend Madsen og Ulla Brandt")
        #expect(app.text.contains("Begrundelse"))
    }

    @Test func namesAndMoreSpellsOutThreeAndCountsTheRest() {
        let say = Localizer(.english)
        #expect(say(.namesAndMore(["A"], more: 0)) == "A")
        #expect(say(.namesAndMore(["A", "B"], more: 0)) == "A and B")
        #expect(say(.namesAndMore(["A", "B", "C"], more: 2)) == "A, B, C and 2 more")
        #expect(Localizer(.danish)(.namesAndMore(["Å", "Æ", "Ø"], more: 1)) == "Å, Æ, Ø og 1 til")
    }
}
