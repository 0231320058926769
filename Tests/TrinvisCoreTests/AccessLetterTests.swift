import Foundation
import Testing
@testable import TrinvisCore

/// Two organisations on a real SQLite file, each workspace opened for an OS identity (so the
/// access rule follows from the professional): Lene administers, Inger is a caseworker at the
/// jobcentre, Sanne a counselor at the drop-in centre. Inger registers Søren and Åse and looks
/// them up; today is Monday 2026-03-02.
private struct LetterWorld {
    let directory: TemporaryDirectory
    let clock = TestClock()
    let jobcentre: Organisation
    let dropIn: Organisation
    let soeren: Citizen
    let aase: Citizen
    var path: String { directory.path("trinvis.sqlite") }

    init() throws {
        directory = try TemporaryDirectory()
        let lene = try Workspace(path: directory.path("trinvis.sqlite"), identity: Identity(account: "lene", uid: 4100,
                                                                                           fullName: "Lene Berg"),
                                 clock: { [clock] in clock.now })
        jobcentre = try lene.create(Organisation(name: "Jobcenter Ærø", kind: .municipality))
        dropIn = try lene.create(Organisation(name: "Værestedet Kilden", kind: .dropInCentre))
        let brewery = try lene.create(Organisation(name: "Ærø Bryggeri", kind: .company))
        try lene.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: jobcentre.id, username: "inger"))
        try lene.create(Professional(name: "Sanne Østergaard", role: .dropInCounselor, organisationID: dropIn.id,
                                     username: "sanne"))
        let inger = try Workspace(path: directory.path("trinvis.sqlite"), identity: Identity(account: "inger", uid: 4101),
                                  clock: { [clock] in clock.now })
        soeren = try inger.create(Citizen(name: "Søren Ærbø", cpr: CPR("0101941237"), registeredOn: day("2026-03-02"),
                                          organisationID: jobcentre.id))
        aase = try inger.create(Citizen(name: "Åse Øberg", registeredOn: day("2026-03-02"), organisationID: jobcentre.id))
        try inger.create(Meeting(citizenID: soeren.id, at: instant("2026-03-02T10:00:00+01:00"), place: "Jobcenter Ærø"))
        inger.noteLookup(soeren.id)
        // Åse's entries must never show in Søren's letter: a placement and a revealed CPR number.
        try inger.create(Placement(citizenID: aase.id, companyID: brewery.id, kind: .internship, from: day("2026-03-02")))
        inger.noteLookup(aase.id)
        inger.noteLookup(aase.id, .revealCPR)
        try inger.flushAccessLog()
    }

    func workspace(_ account: String, uid: UInt32) throws -> Workspace {
        try Workspace(path: path, identity: Identity(account: account, uid: uid), clock: { [clock] in clock.now })
    }
}

/// The text with its lines joined by spaces (without their indentation), so that a sentence can be
/// found wherever the text wrapped it.
private func unwrapped(_ text: String) -> String {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
}

@Suite struct AccessLetterTests {
    @Test func theLetterListsExactlyTheCitizensEntriesWithoutNamesForACaseworker() throws {
        let world = try LetterWorld()
        let inger = try world.workspace("inger", uid: 4101)
        let letter = try inger.accessLetter(of: world.soeren.id, language: .english)

        #expect(letter.citizenName == "Søren Ærbø")
        #expect(letter.maskedCPR == "010194-XXXX")
        #expect(letter.holder == "Jobcenter Ærø")
        #expect(!letter.namesShown)
        #expect(letter.entries == [
            .init(day: day("2026-03-02"), organisation: "Jobcenter Ærø", kind: .looked, subject: nil, professional: nil, times: 1),
            .init(day: day("2026-03-02"), organisation: "Jobcenter Ærø", kind: .added, subject: .meeting, professional: nil,
                  times: 1),
            .init(day: day("2026-03-02"), organisation: "Jobcenter Ærø", kind: .added, subject: .contact, professional: nil,
                  times: 1),
        ])
        // Exactly the log's entries about Søren, none of Åse's.
        #expect(letter.lookupCount + letter.changeCount == (try inger.accessHistory(of: world.soeren.id).count))
        #expect(letter.entries.allSatisfy { $0.subject != .placement && $0.kind != .revealedCPR })

        let text = unwrapped(letter.text())
        for expected in ["Who has looked at your information", "Søren Ærbø", "CPR no. 010194-XXXX",
                         "Jobcenter Ærø is responsible for the information about you.", "Jobcenter Ærø, month by month",
                         "March 2026  1 look-up · 2 additions", "Every entry in March 2026",
                         "2026-03-02  Jobcenter Ærø added a meeting", "2026-03-02  Jobcenter Ærø looked at your information",
                         "The names of the professionals are not in this letter. Ask Jobcenter Ærø",
                         "Look-ups are kept for 6 months and changes for 5 years"] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        for absent in ["Inger Holm", "inger", "Åse", "Øberg", "internship", "0101941237"] {
            #expect(!text.contains(absent), "must not show: \(absent)")
        }
    }

    @Test func anAdministratorsLetterNamesTheProfessionals() throws {
        let world = try LetterWorld()
        let lene = try world.workspace("lene", uid: 4100)
        let letter = try lene.accessLetter(of: world.soeren.id, language: .danish)
        #expect(letter.namesShown)
        #expect(letter.entries.map(\.professional) == ["Inger Holm", "Inger Holm", "Inger Holm"])
        let text = unwrapped(letter.text())
        for expected in ["Hvem har set dine oplysninger", "Jobcenter Ærø tilføjede et møde", "af Inger Holm", "marts 2026",
                         "Fagpersonernes navne står med, fordi en administrator har udskrevet brevet."] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(!text.contains("Åse"))
    }

    @Test func anotherOrganisationIsRefusedWithoutConsentAndSeesOnlyTheConsentedCategoriesWithIt() throws {
        let world = try LetterWorld()
        let sanne = try world.workspace("sanne", uid: 4102)
        #expect(throws: StoreError.accessDenied(citizen: world.soeren.id.rawValue)) {
            try sanne.accessLetter(of: world.soeren.id, language: .english)
        }

        let inger = try world.workspace("inger", uid: 4101)
        try inger.create(Consent(citizenID: world.soeren.id, scope: .shareBetweenOrganisations, recipientID: world.dropIn.id,
                                 givenOn: day("2026-03-01"), expiresOn: day("2026-09-01"), categories: [.contact, .meetings]))
        let letter = try sanne.accessLetter(of: world.soeren.id, language: .english)
        #expect(letter.registered == [.contact, .meetings])
        #expect(!letter.seesEverything)
        #expect(!letter.namesShown)
        #expect(letter.sharing == [.init(organisation: "Værestedet Kilden", categories: [.contact, .meetings],
                                         until: day("2026-09-01"))])
        let text = unwrapped(letter.text())
        #expect(text.contains("With your consent, Værestedet Kilden may also see your contact details and your meetings, "
                              + "until 2026-09-01."), "\(text)")
        #expect(text.contains("This letter was printed by an organisation that may see only part of your information."))
        #expect(!text.contains("Your plan"))
    }

    @Test func printingTheLetterIsALoggedLookUpOfKindPrint() throws {
        let world = try LetterWorld()
        let inger = try world.workspace("inger", uid: 4101)
        let before = try inger.accessHistory(of: world.soeren.id)
        _ = try inger.accessLetter(of: world.soeren.id, language: .english)
        try inger.flushAccessLog()
        let added = try inger.accessHistory(of: world.soeren.id).dropFirst(before.count)
        #expect(added.map(\.action) == [.print])
        #expect(added.first?.account == "inger")
        #expect(added.first?.detail == "access letter")
    }

    @Test func aLetterPrintedToAFileIsOneEntryOfKindPrint() throws {
        let world = try LetterWorld()
        let inger = try world.workspace("inger", uid: 4101)
        let before = try inger.accessHistory(of: world.soeren.id).count
        _ = try inger.accessLetter(of: world.soeren.id, language: .english)
        world.clock.advance(seconds: 2)
        try inger.recordPrintedFile(citizen: world.soeren.id, path: world.directory.path("letter.pdf"))
        try inger.flushAccessLog()
        let added = try inger.accessHistory(of: world.soeren.id).dropFirst(before)
        #expect(added.map(\.action) == [.print])
        #expect(added.first?.detail == "printed file")
    }

    @Test func hundredsOfLookUpsStayReadable() throws {
        let world = try LetterWorld()
        let inger = try world.workspace("inger", uid: 4101)
        // 300 look-ups, 16 minutes apart (each its own entry), over four days (2 to 5 March).
        for _ in 0..<300 {
            world.clock.advance(seconds: 16 * 60)
            inger.noteLookup(world.soeren.id)
            try inger.flushAccessLog()
        }
        let letter = try inger.accessLetter(of: world.soeren.id, language: .english)
        #expect(letter.lookupCount == 301)
        let looked = letter.entries.filter { $0.kind == .looked }
        #expect(looked.count == 4, "one line per day: \(looked)")
        #expect(looked.reduce(0) { $0 + $1.times } == 301)
        #expect(letter.entries.map(\.day) == letter.entries.map(\.day).sorted(by: >), "newest first")
        let text = unwrapped(letter.text())
        #expect(text.contains("March 2026  301 look-ups · 2 additions"), "\(text)")
        #expect(letter.text().split(separator: "\n").count < 80)
        let pdf = letter.pdfDocument(fonts: PDFFonts.system(environment: [:]).fonts)
        #expect(pdf.pages.count <= 2)
    }

    @Test(arguments: [(183, "6 months", "6 måneder"), (1826, "5 years", "5 år"), (365, "1 year", "1 år"),
                      (31, "1 month", "1 måned"), (10, "10 days", "10 dage")])
    func retentionIsWrittenInWholeYearsMonthsOrDays(days: Int, english: String, danish: String) {
        #expect(Catalog.english(duration: days) == english)
        #expect(Catalog.danish(duration: days) == danish)
    }
}
