import Foundation
import Testing

/// `trinvis import` with the real binary: unknown members are refused with their path and the
/// nearest known name, and nothing is stored; the file, the lists and the options get messages
/// that say what is wrong; a 200 MB text is refused quickly and within a small multiple of the
/// file's size in memory.
@Suite struct StrictImportCommandTests {
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aMisspelledMemberIsRefusedAndNothingIsStored() throws {
        let folder = try ScratchFolder()
        let file = folder.file("consent.json"), database = folder.file("db.sqlite")
        try Self.write("""
            {"format": "trinvis", "version": 1,
             "organisations": [{"id": "o1", "name": "Værestedet", "kind": "drop-in-centre"}],
             "citizens": [{"id": "c1", "name": "Søren Ærø", "registered_on": "2026-01-01",
               "consents": [{"scope": "share-between-organisations", "recipient": "o1", "given_on": "2026-01-10",
                             "withdrawn-on": "2026-02-01"}]}]}
            """, to: file)
        let result = try runTrinvis(["import", file, "--db", database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("citizens[0].consents[0].withdrawn-on: unknown member; did you mean `withdrawn_on`?"),
                "\(result.stderr)")
        #expect(result.stderr.contains("nothing was changed"))
        // The database made for the import is not left behind, empty.
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: database + suffix), "\(suffix)") }
        // Into a database that exists: the consent is not stored as in force, nor anything else.
        #expect(try runTrinvis(["demo", "--db", database]).status == 0)
        let again = try runTrinvis(["import", file, "--db", database])
        #expect(again.status == 1 && again.stderr.contains("did you mean `withdrawn_on`?"), "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: database))
        let export = try runTrinvis(["export", "--db", database])
        #expect(!export.stdout.contains("Søren Ærø"), "\(export.stdout.prefix(300))")
    }

    @Test func unclearFailuresSayWhatIsWrong() throws {
        let folder = try ScratchFolder()
        let database = folder.file("db.sqlite")
        let notAList = folder.file("list.json")
        try Self.write("""
            {"format": "trinvis", "version": 1, "citizens": {},
             "activities": [{"id": "a1", "title": "Gåtur", "kind": "trip", "date": "2026-03-01", "participants": ["c1"]}]}
            """, to: notAList)
        let list = try runTrinvis(["import", notAList, "--db", database])
        #expect(list.status == 1)
        #expect(list.stderr.contains("citizens: must be an array of citizens, found an object"), "\(list.stderr)")

        try FileManager.default.createDirectory(atPath: folder.file("a folder"), withIntermediateDirectories: true)
        let directory = try runTrinvis(["import", folder.file("a folder"), "--db", database])
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("is a folder, not a document"), "\(directory.stderr)")
        #expect(!directory.stderr.contains("NSCocoaErrorDomain"))

        let missing = try runTrinvis(["import", folder.file("nope.json"), "--db", database])
        #expect(missing.stderr.contains("there is no file"), "\(missing.stderr)")

        for arguments in [["import", notAList, "--db="], ["import", notAList, "--db", ""], ["export", "--output="]] {
            let empty = try runTrinvis(arguments)
            #expect(empty.status == 2, "\(arguments)")
            #expect(empty.stderr.contains("needs a path"), "\(arguments): \(empty.stderr)")
            #expect(!empty.stderr.contains("no database at"))
        }
        let danish = try runTrinvis(["import", notAList, "--db="], environment: ["LC_ALL": "", "LANG": "da_DK.UTF-8"])
        #expect(danish.stderr.contains("skal have en sti"), "\(danish.stderr)")
    }

    @Test func aHugeTextIsRefusedWithinASmallMultipleOfTheFilesSize() throws {
        let folder = try ScratchFolder()
        let file = folder.file("huge.json")
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        handle.write(Data("{\"format\": \"trinvis\", \"version\": 1, \"citizens\": [{\"id\": \"c1\", \"name\": \"Åse\", \"registered_on\": \"2026-01-01\", \"life\": \"".utf8))
        let chunk = Data(String(repeating: "æøå ", count: 1 << 17).utf8)
        for _ in 0..<(200 * (1 << 20) / chunk.count) { handle.write(chunk) }
        handle.write(Data("\"}]}".utf8))
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber).intValue
        #expect(size >= 200 * 1_000_000)

        let result = try runTrinvis(["import", file, "--db", folder.file("db.sqlite")])
        // The largest child this test process has waited for (the binary, run just now) in bytes;
        // before, the whole document was copied twice and the text built: over six times its size.
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let peak = Int(usage.ru_maxrss) * 1024
        #expect(result.status == 1)
        #expect(result.stderr.contains("citizens[0].life: is longer than 1048576 bytes (1 MiB)"), "\(result.stderr)")
        #expect(peak < 2 * size, "peak \(peak) bytes for a file of \(size)")
    }
}
