import Foundation
import Testing

/// `trinvis import` reads its file as a stream: a document of 100 MB is imported by the real
/// binary in a fraction of its size in memory (before, the file was read whole and parsed whole,
/// over twice its size), and what it holds is stored.
@Suite struct StreamingImportCommandTests {
    @Test func aLargeDocumentIsImportedInAFractionOfItsSize() throws {
        let folder = try ScratchFolder()
        let file = folder.file("large.json"), database = folder.file("db.sqlite")
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        // Citizens of 600 KB each, most of it an extension member (read, checked, not stored),
        // so the run's time goes to reading the document, not to writing the database.
        let padding = String(repeating: "Æblegrød på Ærø; ", count: 600_000 / 20)
        let citizens = 170
        handle.write(Data("""
            {"format": "trinvis", "version": 1,
             "organisations": [{"id": "o1", "name": "Værestedet Ørsted", "kind": "drop-in-centre"}],
             "citizens": [

            """.utf8))
        for number in 0..<citizens {
            let entry = """
                {"id": "c\(number)", "name": "Åse Ærø \(number)", "registered_on": "2026-01-01", "organisation": "o1",
                 "x-padding": "\(padding)"}
                """
            handle.write(Data(((number == 0 ? "" : ",\n") + entry).utf8))
        }
        handle.write(Data("]}\n".utf8))
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber).intValue
        #expect(size > 100_000_000)

        // The peak is read by a small Python parent: a child started by this test process
        // would be charged at its start with this process's own resident memory.
        let measure = """
            import resource, subprocess, sys
            run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            sys.stderr.write(run.stderr.decode())
            print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let status = try spawnAndWait(["/usr/bin/python3", "-c", measure, TrinvisBinary.path, "import", file, "--db", database],
                                      environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LC_ALL": "C.UTF-8", "USER": "tester"],
                                      stdoutPath: folder.file("out"), stderrPath: folder.file("err"))
        func read(_ name: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: folder.file(name)))) ?? Data(), as: UTF8.self)
        }
        let measured = read("out").split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(status == 0 && measured.count == 2 && measured.first == 0, "\(read("out")) \(read("err"))")
        let peak = (measured.last ?? .max / 1024) * 1024
        // Before, the file was read whole and parsed whole: over twice its size.
        #expect(peak < size / 2, "peak \(peak) bytes for a file of \(size)")

        let export = try runTrinvis(["export", "--db", database])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("\"name\": \"Åse Ærø \(citizens - 1)\""))
        #expect(export.stdout.components(separatedBy: "\"registered_on\"").count - 1 == citizens)
        #expect(!export.stdout.contains("Æblegrød"))
    }
}
