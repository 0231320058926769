import Foundation
import Testing
@testable import TrinvisCore

/// `trinvis erase` with the real binary: afterwards no byte of the person's name or of a word
/// written about them is left in the database, its WAL and shared memory, or the data folder.
@Suite struct ErasureTests {
    static let name = "Ærøbjørg Quillfeatherby"
    static let word = "zorblaxianthrope"
    static let other = "Vindelbo Stangerupsen"

    /// Every regular file under `folder`, recursively.
    private func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result
    }

    /// The files under `folder` whose raw bytes contain `needle` (UTF-8).
    private func filesContaining(_ needle: String, under folder: String) throws -> [String] {
        try files(under: folder).filter { path in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            return bytes.range(of: Data(needle.utf8)) != nil
        }
    }

    /// A demo database in `data/` with one more citizen: their name and a unique word in a meeting
    /// note, an agreement and the whole-person text, a draft of another user about them (one tied
    /// by `citizen_id`, one old-style by its form key only) and a second citizen who stays.
    private func plant(in folder: ScratchFolder) throws -> (database: String, data: String, citizen: CitizenID, kept: CitizenID) {
        let data = folder.file("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let database = data + "/trinvis.sqlite"
        let result = try runTrinvis(["demo", "--db", database])
        #expect(result.status == 0, "\(result.stderr)")

        let henrik = try Workspace(path: database, username: "demo-henrik")
        let citizen = try henrik.create(Citizen(name: Self.name, phone: "+45 11 22 33 44", life: "Kaldes \(Self.name); \(Self.word)",
                                                registeredOn: henrik.today, organisationID: henrik.actor.organisationID))
        let kept = try henrik.create(Citizen(name: Self.other, registeredOn: henrik.today, organisationID: henrik.actor.organisationID))
        let meeting = try henrik.create(Meeting(citizenID: citizen.id, at: henrik.clock(),
                                                notes: "Talte med \(Self.name) om \(Self.word) og arbejde"))
        try henrik.create(Agreement(meetingID: meeting.id, text: "\(Self.name) ringer om \(Self.word)"))
        try henrik.create(Meeting(citizenID: kept.id, at: henrik.clock(), notes: "Talte med \(Self.other) om haven"))
        try henrik.saveDraft(key: "meeting:new:c\(citizen.id)", title: "Nyt møde med \(Self.name)",
                             payload: "{\"notes\":\"\(Self.word) igen\"}", citizen: citizen.id)
        // A draft written before drafts knew their citizen (only the form key tells), and before
        // drafts lived apart: in the shared table, of an account that has not opened Trinvis since.
        try henrik.database.execute("DROP TRIGGER draft_lives_apart")
        try henrik.database.execute("""
            INSERT INTO draft (username, form_key, title, payload, updated_at) VALUES ('demo-lise', ?, ?, ?, 0)
            """, [.text("agreement:new:mt\(meeting.id)"), .text("Ny aftale"), .text("{\"text\":\"\(Self.word)\"}")])
        try henrik.database.executeScript(Schema.draftsApart)
        return (database, data, citizen.id, kept.id)
    }

    @Test func erasingLeavesNoByteOfTheNameOrTheWordInTheDatabaseItsWALOrTheDataFolder() throws {
        let folder = try ScratchFolder()
        let planted = try plant(in: folder)
        let printed = planted.data + "/plan-\(planted.citizen).pdf"
        let print = try runTrinvis(["print-plan", "\(planted.citizen)", "--db", planted.database, "-o", printed])
        #expect(print.status == 0, "\(print.stderr)")
        #expect(FileManager.default.fileExists(atPath: printed))

        let needles = [Self.name, Self.word, TextNormalization.searchKey(Self.name), Self.name.lowercased(),
                       "Quillfeatherby", "quillfeatherby", "+45 11 22 33 44"]
        // Before: the planted words are on disk (otherwise the test below proves nothing).
        #expect(!(try filesContaining(Self.word, under: planted.data)).isEmpty)
        #expect(!(try filesContaining("Quillfeatherby", under: planted.data)).isEmpty)

        let erase = try runTrinvis(["erase", "\(planted.citizen)", "--reason", "the citizen asked to be forgotten", "--yes",
                                    "--db", planted.database])
        #expect(erase.status == 0, "\(erase.stderr)")
        #expect(erase.stdout.contains("#\(planted.citizen)"), "\(erase.stdout)")
        #expect(erase.stdout.contains("1 printed file"), "\(erase.stdout)")
        #expect(!FileManager.default.fileExists(atPath: printed))
        // Henrik's drafts file is his own, out of the erasure's reach: it forgets the draft about
        // the erased citizen when he next opens Trinvis.
        do {
            let henrik = try Workspace(path: planted.database, username: "demo-henrik")
            #expect(try henrik.drafts().isEmpty)
        }

        for needle in needles {
            let left = try filesContaining(needle, under: planted.data)
            #expect(left.isEmpty, "'\(needle)' is still in \(left)")
        }
        // The other citizen and their note are untouched; the log keeps the erasure by id and reason.
        let workspace = try Workspace(path: planted.database, username: "demo-henrik")
        #expect(try workspace.fetch(Citizen.self, id: planted.kept)?.name == Self.other)
        #expect(try workspace.fetch(Citizen.self, id: planted.citizen) == nil)
        #expect(try workspace.search("haven").map(\.summary.citizen.id) == [planted.kept])
        #expect(try workspace.search(Self.word).isEmpty)
        let entries = try workspace.accessLogEntries(citizen: planted.citizen)
        let erasure = try #require(entries.last)
        #expect(erasure.action == .erase && erasure.detail == "the citizen asked to be forgotten")
        #expect(entries.allSatisfy { !$0.detail.contains("Quillfeatherby") })
        #expect(try workspace.database.scalar("SELECT count(*) FROM draft") == .integer(0))
    }

    @Test func withoutYesAndWithoutATerminalEraseIsAUsageError() throws {
        let folder = try ScratchFolder()
        let planted = try plant(in: folder)
        let erase = try runTrinvis(["erase", "\(planted.citizen)", "--reason", "asked", "--db", planted.database],
                                   input: Self.name + "\n")
        #expect(erase.status == 2, "\(erase.stderr)")
        let workspace = try Workspace(path: planted.database, username: "demo-henrik")
        #expect(try workspace.fetch(Citizen.self, id: planted.citizen) != nil)
    }

    @Test func aReasonThatNamesTheCitizenIsRefused() throws {
        let folder = try ScratchFolder()
        let planted = try plant(in: folder)
        let erase = try runTrinvis(["erase", "\(planted.citizen)", "--reason", "asked by \(Self.name)", "--yes",
                                    "--db", planted.database])
        #expect(erase.status == 1, "\(erase.stderr)")
        let workspace = try Workspace(path: planted.database, username: "demo-henrik")
        #expect(try workspace.fetch(Citizen.self, id: planted.citizen) != nil)
    }
}
