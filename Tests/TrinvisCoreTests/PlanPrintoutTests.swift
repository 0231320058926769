import Foundation
import Testing
@testable import TrinvisCore

/// A citizen with a plan in every state: today in the fixture is Monday 2026-03-02.
private struct PrintWorld {
    let inger: Professional
    let henrik: Professional
    let citizen: Citizen
    let plan: Plan

    init(_ workspace: Workspace, cpr: String? = "0101941237", responsible: Bool = true) throws {
        let jobcenter = try workspace.create(Organisation(name: "Jobcenter Ærø", kind: .municipality))
        inger = try workspace.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: jobcenter.id,
                                                  username: "inger", email: "inger@aeroe.example", phone: "+45 62 00 10 01"))
        henrik = try workspace.create(Professional(name: "Henrik Lund", role: .jobConsultant, organisationID: jobcenter.id))
        citizen = try workspace.create(Citizen(name: "Svend Madsen", cpr: cpr.flatMap(CPR.init), registeredOn: day("2026-01-05"),
                                               organisationID: jobcenter.id))
        if responsible {
            try workspace.create(TeamMember(citizenID: citizen.id, professionalID: inger.id, responsible: true,
                                            from: day("2026-01-05")))
        }
        try workspace.create(TeamMember(citizenID: citizen.id, professionalID: henrik.id, responsible: false,
                                        from: day("2026-01-05")))
        plan = try workspace.create(Plan(citizenID: citizen.id, goal: "Ædru, anlægsgartner\nog i fast arbejde",
                                         purpose: "Ædruelighed og selvforsørgelse",
                                         effort: "Samtaler hver 14. dag,\talkoholbehandling, praktik", start: day("2026-01-10"),
                                         end: day("2026-07-10")))
        try workspace.create(Milestone(planID: plan.id, title: "Starte behandling", deadline: day("2026-01-31"),
                                       steppingStone: true, status: .achieved, achievedOn: day("2026-01-29")))
        try workspace.create(Milestone(planID: plan.id, title: "Gå til tandlæge", deadline: day("2026-02-01"), status: .dropped))
        try workspace.create(Milestone(planID: plan.id, title: "Praktik hos Ringe Anlægsgartneri", deadline: day("2026-02-20")))
        try workspace.create(Milestone(planID: plan.id, title: "Seks uger uden alkohol", deadline: day("2026-03-20"),
                                       status: .inProgress))
        try workspace.create(Milestone(planID: plan.id, title: "Løntilskudsjob aftalt", deadline: day("2026-04-30"),
                                       status: .adjusted))

        let first = try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-02-01T10:00:00+01:00"),
                                                 place: "Jobcenter Ærø", authorID: inger.id))
        try workspace.create(Agreement(meetingID: first.id, text: "Ringe til alkoholcentret", due: day("2026-02-03"),
                                       doneOn: day("2026-02-02")))
        try workspace.create(Agreement(meetingID: first.id, text: "Svend køber arbejdsstøvler\u{1B}[31m", due: day("2026-02-10")))
        try workspace.create(Agreement(meetingID: first.id, text: "Henrik spørger gartneren om praktik",
                                       responsible: .professional(henrik.id), due: day("2026-03-10")))
        let latest = try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-02-20T10:00:00+01:00"),
                                                  place: "Værestedet Fundamentet", authorID: inger.id,
                                                  nextMeeting: instant("2026-03-06T10:00:00+01:00")))
        try workspace.create(Agreement(meetingID: latest.id, text: "Tale med lægen om søvn"))
    }
}

@Suite struct PlanPrintoutTests {
    @Test func thePrintoutHoldsTheMaskedCPRTheGoalAndTheSteps() throws {
        let fixture = try Fixture()
        let world = try PrintWorld(fixture.workspace)
        let printout = try fixture.workspace.planPrintout(of: world.citizen.id, language: .english)

        #expect(printout.citizenName == "Svend Madsen")
        #expect(printout.maskedCPR == "010194-XXXX")
        #expect(printout.cprLine == "CPR no. 010194-XXXX")
        #expect(printout.printedOn == day("2026-03-02"))
        #expect(printout.goal == "Ædru, anlægsgartner og i fast arbejde")  // the line break became a space
        #expect(printout.purpose == "Ædruelighed og selvforsørgelse")
        #expect(printout.effort == "Samtaler hver 14. dag, alkoholbehandling, praktik")  // the tab became a space
        #expect(printout.period == "From 2026-01-10 to 2026-07-10")
        #expect(printout.daysLeft == "130 days left")
        #expect(printout.milestones.map(\.title) == ["Starte behandling", "Gå til tandlæge", "Praktik hos Ringe Anlægsgartneri",
                                                      "Seks uger uden alkohol", "Løntilskudsjob aftalt"])
        #expect(printout.milestones.map(\.state) == [.done, .leftOut, .overdue, .underWay, .changed])
        #expect(printout.milestones.map(\.steppingStone) == [true, false, false, false, false])
        #expect(printout.milestones.map(\.detail) == ["Done on 2026-01-29", nil, "By 2026-02-20 (10 days ago)",
                                                       "By 2026-03-20 (in 18 days)", "By 2026-04-30 (in 59 days)"])
        #expect(printout.nextMeeting == "Friday 6 March 2026 at 10:00")
        #expect(printout.nextMeetingPlace == "Værestedet Fundamentet")
        #expect(printout.contact == PlanPrintout.Contact(name: "Inger Holm", description: "caseworker, Jobcenter Ærø",
                                                         phone: "+45 62 00 10 01", email: "inger@aeroe.example"))
    }

    @Test func onlyOpenAgreementsAreListedWithWhoDoesWhatByWhen() throws {
        let fixture = try Fixture()
        let world = try PrintWorld(fixture.workspace)
        let printout = try fixture.workspace.planPrintout(of: world.citizen.id, language: .english)

        // The done agreement is left out; the rest by due date, the one without a date last.
        #expect(printout.agreements == [
            .init(text: "Svend køber arbejdsstøvler[31m", who: "You", due: "2026-02-10", isOverdue: true),
            .init(text: "Henrik spørger gartneren om praktik", who: "Henrik Lund", due: "2026-03-10", isOverdue: false),
            .init(text: "Tale med lægen om søvn", who: "You", due: nil, isOverdue: false),
        ])
        let text = printout.text()
        #expect(!text.contains("Ringe til alkoholcentret"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("! Svend køber arbejdsstøvler[31m\n  Who: You · By: 2026-02-10 · Overdue\n"))
        #expect(text.contains("- Henrik spørger gartneren om praktik\n  Who: Henrik Lund · By: 2026-03-10\n"))
        #expect(text.contains("- Tale med lægen om søvn\n  Who: You\n"))
    }

    @Test func theTextMarksOverdueStepsAndDoneOnesInPlainWords() throws {
        let fixture = try Fixture()
        let world = try PrintWorld(fixture.workspace)
        let text = try fixture.workspace.planPrintout(of: world.citizen.id, language: .english).text()
        #expect(text.hasPrefix("Your plan\n=========\n\nSvend Madsen\nCPR no. 010194-XXXX\nPrinted 2026-03-02\n"))
        #expect(text.contains("""
            Steps on the way
            ----------------
              Done       Starte behandling (stepping stone)
                         Done on 2026-01-29
              Left out   Gå til tandlæge
            ! Overdue    Praktik hos Ringe Anlægsgartneri
                         By 2026-02-20 (10 days ago)
              Under way  Seks uger uden alkohol
                         By 2026-03-20 (in 18 days)
              Changed    Løntilskudsjob aftalt
                         By 2026-04-30 (in 59 days)
            """))
        #expect(text.contains("Next meeting\n------------\nFriday 6 March 2026 at 10:00\nPlace: Værestedet Fundamentet\n"))
        #expect(text.contains("Your contact person\n-------------------\nInger Holm\ncaseworker, Jobcenter Ærø\n"
                              + "Phone: +45 62 00 10 01\nE-mail: inger@aeroe.example\n"))
    }

    @Test func theDanishPrintoutSpeaksDanish() throws {
        let fixture = try Fixture()
        let world = try PrintWorld(fixture.workspace)
        let printout = try fixture.workspace.planPrintout(of: world.citizen.id, language: .danish)
        let text = printout.text()
        for expected in ["Din plan\n========\n", "CPR-nr. 010194-XXXX", "Udskrevet 02.03.2026", "Dit mål",
                         "Formål: Ædruelighed og selvforsørgelse", "Indsats: Samtaler hver 14. dag, alkoholbehandling, praktik",
                         "Fra 10.01.2026 til 10.07.2026", "Der er 130 dage tilbage",
                         "  Klaret        Starte behandling (snublemål)\n                Klaret den 29.01.2026",
                         "! Over fristen  Praktik hos Ringe Anlægsgartneri\n                Senest 20.02.2026 (for 10 dage siden)",
                         "Hvem: Du · Senest: 10.02.2026 · Over fristen", "Hvem: Henrik Lund · Senest: 10.03.2026",
                         "Fredag den 6. marts 2026 kl. 10.00", "Sted: Værestedet Fundamentet", "Din kontaktperson",
                         "sagsbehandler, Jobcenter Ærø", "Telefon: +45 62 00 10 01", "Mail: inger@aeroe.example"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(printout.pageLine(2, of: 3) == "Side 2 af 3")
    }

    @Test(arguments: [false, true])
    func theFullCPRNumberIsOnNothingTheCitizenTakesHome(_ embedded: Bool) throws {
        let fixture = try Fixture()
        let world = try PrintWorld(fixture.workspace)
        let fonts = embedded ? try TrueTypeFontTests.embeddedFonts() : .standard
        for language in Language.allCases {
            let printout = try fixture.workspace.planPrintout(of: world.citizen.id, language: language)
            let text = printout.text()
            let document = printout.pdfDocument(fonts: fonts, creationDate: fixture.clock.now)
            let pdf = PDFFile(document.bytes())
            #expect(text.contains("010194-XXXX"))
            #expect(document.pages[0].texts.contains(try #require(printout.cprLine)))
            for secret in ["0101941237", "941237", "1237"] {
                #expect(!text.contains(secret))
                #expect(!pdf.contains(Array(secret.utf8)), "\(secret) in the PDF")
                // Nor as the glyphs that would show it.
                #expect(!pdf.contains(Array(fonts.operand(secret, face: .regular).dropFirst().dropLast())), "\(secret) as glyphs")
                #expect(!document.pages.contains { $0.texts.joined().contains(secret) })
            }
        }
    }

    @Test func withoutCPRPlanOrResponsibleTheMissingPartsAreLeftOutCalmly() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let lone = try workspace.create(Citizen(name: "Kurt", registeredOn: day("2026-01-05")))
        let printout = try workspace.planPrintout(of: lone.id, language: .english)
        #expect(printout.maskedCPR == nil && printout.goal == nil && printout.contact == nil && printout.nextMeeting == nil)
        #expect(printout.milestones.isEmpty && printout.agreements.isEmpty)
        let text = printout.text()
        #expect(!text.contains("CPR"))
        #expect(text.contains("Your goal\n---------\nThere is no plan yet. We will make it together.\n"))
        #expect(text.contains("What we agreed\n--------------\nNothing open right now.\n"))
        #expect(text.contains("Next meeting\n------------\nNot agreed yet.\n"))
        #expect(!text.contains("Your contact person"))

        // Without a responsible team member the author of the latest meeting is the contact; a
        // next meeting in the past is not shown.
        let world = try PrintWorld(workspace, cpr: nil, responsible: false)
        var latest = try #require(try workspace.meetingHistory(of: world.citizen.id, page: .first(1)).items.first?.meeting)
        latest.authorID = world.henrik.id
        latest.nextMeeting = instant("2026-02-27T10:00:00+01:00")
        try workspace.update(latest)
        let other = try workspace.planPrintout(of: world.citizen.id, language: .english)
        #expect(other.contact?.name == "Henrik Lund")
        #expect(other.contact?.description == "job consultant, Jobcenter Ærø")
        #expect(other.contact?.phone == nil)
        #expect(other.nextMeeting == nil && other.nextMeetingPlace == nil)
    }

    @Test(arguments: [false, true])
    func longTextIsWrappedAt72ColumnsWithoutBreakingWords(_ embedded: Bool) throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try PrintWorld(workspace)
        let words = (1...40).map { "ord\($0)æ" }
        let meeting = try workspace.create(Meeting(citizenID: world.citizen.id, at: instant("2026-02-21T10:00:00+01:00")))
        try workspace.create(Agreement(meetingID: meeting.id, text: words.joined(separator: " "), due: day("2026-03-30")))
        var plan = world.plan
        plan.goal = words.reversed().joined(separator: " ")
        try workspace.update(plan)
        let text = try workspace.planPrintout(of: world.citizen.id, language: .danish).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { TextColumns.displayWidth(String($0)) <= PlanPrintout.textColumns })
        let printedWords = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
        #expect(words.allSatisfy(printedWords.contains))
        // Continuation lines of an entry keep its indentation.
        let start = try #require(lines.firstIndex { $0.hasPrefix("- ord1æ ") })
        #expect(lines[start + 1].hasPrefix("  ord"))

        // In the PDF every line ends inside the right margin, measured with the font metrics,
        // also for a word longer than a line.
        try workspace.create(Agreement(meetingID: meeting.id, text: "Se https://" + String(repeating: "meget-lang-adresse/", count: 12)))
        let fonts = embedded ? try TrueTypeFontTests.embeddedFonts() : .standard
        let document = try workspace.planPrintout(of: world.citizen.id, language: .danish).pdfDocument(fonts: fonts)
        var runs = 0
        for page in document.pages {
            for run in PDFTextRun.all(in: page) {
                runs += 1
                #expect(run.x >= 64 && run.x + run.width <= PDFDocument.pageWidth - 64 + 0.01, "\(run)")
            }
        }
        #expect(runs > 40)
    }

    @Test func aLongPlanRunsOverSeveralNumberedPages() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try PrintWorld(workspace)
        for index in 1...60 {
            try workspace.create(Milestone(planID: world.plan.id, title: "Delmål nummer \(index) på vejen mod målet",
                                           deadline: day("2026-03-03").adding(days: index)))
        }
        let printout = try workspace.planPrintout(of: world.citizen.id, language: .danish)
        let document = printout.pdfDocument(fonts: try TrueTypeFontTests.embeddedFonts(), creationDate: fixture.clock.now)
        #expect(document.pages.count >= 3)
        for (index, page) in document.pages.enumerated() {
            #expect(page.texts.contains("Side \(index + 1) af \(document.pages.count)"), "page \(index + 1)")
        }
        let file = PDFFile(document.bytes())
        #expect(file.text.contains("/Count \(document.pages.count) >>"))
        let entries = try #require(file.xrefEntries)
        #expect(entries.count == 6 + 2 * document.pages.count + 2 * 5)
        for (number, offset) in entries.enumerated().dropFirst() {
            #expect(file.string(at: offset, length: "\(number) 0 obj".count) == "\(number) 0 obj")
        }
        // Every step is printed once, on the same page as its deadline.
        let pages = document.pages.map(\.texts)
        for index in 1...60 {
            let title = "Delmål nummer \(index) på vejen mod målet"
            let deadline = "Senest \(Localizer(.danish).date(day("2026-03-03").adding(days: index))) "
            let holding = pages.filter { $0.contains(title) }
            #expect(holding.count == 1, "step \(index)")
            #expect(holding.first?.contains { $0.hasPrefix(deadline) } == true, "deadline of step \(index)")
        }
        #expect(document.title == "Din plan \u{2013} Svend Madsen")
    }

    @Test func thePDFShowsTheSameContentAsTheText() throws {
        let fixture = try Fixture()
        let world = try PrintWorld(fixture.workspace)
        let printout = try fixture.workspace.planPrintout(of: world.citizen.id, language: .danish)
        let pages = printout.pdfDocument(fonts: try TrueTypeFontTests.embeddedFonts()).pages.map(\.texts)
        #expect(pages.count == 2)
        for text in ["Din plan", "Svend Madsen", "CPR-nr. 010194-XXXX", "Udskrevet 02.03.2026", "Dit mål",
                     "Ædru, anlægsgartner og i fast arbejde", "Over fristen", "Praktik hos Ringe Anlægsgartneri",
                     "Senest 20.02.2026 (for 10 dage siden)", "Hvem: Du · Senest: 10.02.2026 · Over fristen",
                     "Fredag den 6. marts 2026 kl. 10.00", "Sted: Værestedet Fundamentet", "Inger Holm",
                     "Telefon: +45 62 00 10 01", "Indsats: Samtaler hver 14. dag, alkoholbehandling, praktik",
                     "Starte behandling (snublemål)"] {
            #expect(pages.contains { $0.contains(text) }, "missing: \(text)")
        }
        #expect(pages[0].contains("Side 1 af 2"))
        #expect(pages[1].contains("Side 2 af 2"))
        // The contact's lines stay together on one page.
        #expect(pages.filter { $0.contains("Inger Holm") }.allSatisfy { $0.contains("Mail: inger@aeroe.example") })
    }
}
