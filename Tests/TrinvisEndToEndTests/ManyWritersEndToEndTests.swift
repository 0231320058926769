import Foundation
import Testing

/// The test-only load program (`Sources/trinvis-load`) built beside the binary: generated
/// documents, and a writer that saves through `Workspace`.
enum LoadBinary {
    static var path: String {
        (TrinvisBinary.path as NSString).deletingLastPathComponent + "/trinvis-load"
    }
}

/// Eight processes on one database for 30 seconds: four loops of `trinvis import` of generated
/// documents, two writers that save meetings and edit milestones through `Workspace` (each with
/// a conflicting edit from a stale version every round), and two interfaces in tmux typing new
/// milestones and saving them. Afterwards every acknowledged save is in the database, nothing
/// said "busy" or "locked", and every conflicting edit was refused as a conflict.
@Suite(.serialized) struct ManyWritersEndToEndTests {
    static let seconds = 30

    @Test func eightProcessesForThirtySecondsLoseNothingAndNeverSayLocked() throws {
        let folder = try ScratchFolder()
        let database = folder.file("shared.sqlite")
        let trinvis = TrinvisBinary.path, load = LoadBinary.path
        #expect(FileManager.default.isExecutableFile(atPath: load), "trinvis-load is built with the tests")

        // The database: its creator (this account) administers it; a first document of citizens with plans.
        func document(_ citizens: Int, _ prefix: String) throws -> String {
            let path = folder.file("doc-\(prefix).json")
            let status = try spawnAndWait([load, "document", "\(citizens)", prefix], environment: [:], stdoutPath: path)
            #expect(status == 0)
            return path
        }
        let seed = try runTrinvis(["import", try document(12, "seed"), "--db", database])
        #expect(seed.status == 0, "\(seed.stderr)")
        for loop in 1...4 {
            for round in 0..<2 { _ = try document(120, "i\(loop)r\(round)") }
        }

        // The two interfaces, each in its own terminal.
        let windows = [try TmuxTerminal(width: 120, height: 36), try TmuxTerminal(width: 120, height: 36)]
        for window in windows {
            try window.startTrinvis(database: database)
            try window.waitForStable("1 Citizens", seconds: 60)
        }

        // The imports and the writers, started together in a terminal of their own.
        let script = folder.file("load.sh")
        try """
            cd \(TmuxTerminal.quote(folder.path))
            end=$((SECONDS + \(Self.seconds)))
            for loop in 1 2 3 4; do
              ( n=0
                while [ $SECONDS -lt $end ]; do
                  \(TmuxTerminal.quote(trinvis)) import doc-i${loop}r$((n % 2)).json --db \(TmuxTerminal.quote(database)) >> import-$loop.log 2>&1
                  echo "exit=$?" >> import-$loop.log
                  n=$((n + 1))
                done ) &
            done
            \(TmuxTerminal.quote(load)) writer \(TmuxTerminal.quote(database)) \(Self.seconds) writer-1.log 2> writer-1.err &
            \(TmuxTerminal.quote(load)) writer \(TmuxTerminal.quote(database)) \(Self.seconds) writer-2.log 2> writer-2.err &
            wait
            echo LOAD-DONE
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let loader = try TmuxTerminal(width: 100, height: 10)
        try loader.run("bash " + TmuxTerminal.quote(script))
        let started = Date()

        // The interfaces type new milestones and save them while the load runs.
        var acknowledged: [String] = []
        var screens: [String] = []
        var round = 0
        while Date().timeIntervalSince(started) < Double(Self.seconds) {
            round += 1
            for (index, window) in windows.enumerated() {
                let title = "Vindue \(index + 1) skridt \(round) Ærø"
                try window.keys("2", "a")
                screens.append(try window.waitForStable("New milestone for", seconds: 60))
                try window.type(title)
                screens.append(try window.waitForStable(title, seconds: 60))
                try window.keys("F2")
                let after = try window.waitForStable("Saved.", seconds: 60)
                screens.append(after)
                if after.contains("Saved.") { acknowledged.append(title) }
            }
        }
        try loader.waitFor("LOAD-DONE", seconds: 120)
        for window in windows {
            try window.keys("q")
            screens.append(try window.waitFor("EXIT=0", seconds: 30))
        }

        // Every acknowledged save is there.
        #expect(acknowledged.count >= 4, "the interfaces saved while the load ran: \(acknowledged)")
        let titles = Set(try sqliteRows("SELECT title FROM milestone", in: database))
        for title in acknowledged { #expect(titles.contains(title), "the saved milestone \(title) is in the database") }
        var meetings = 0, conflicts = 0
        for writer in 1...2 {
            let log = try String(contentsOfFile: folder.file("writer-\(writer).log"), encoding: .utf8)
            for line in log.split(separator: "\n") {
                let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
                switch fields.first {
                case "meeting":
                    meetings += 1
                    let notes = try sqliteRows("SELECT notes FROM meeting WHERE id = \(fields[1])", in: database)
                    #expect(notes == [fields[2]], "the acknowledged meeting \(fields[1]) is saved as written")
                case "milestone":
                    let rest = fields[2].split(separator: " ", maxSplits: 1)
                    let version = try sqliteRows("SELECT version FROM milestone WHERE id = \(fields[1])", in: database)
                    #expect((Int(version.first ?? "") ?? 0) >= (Int(rest[0]) ?? .max), "the acknowledged edit \(line) is kept")
                case "conflict-detected": conflicts += 1
                case "done": break
                default: Issue.record("writer \(writer): \(line)")
                }
            }
        }
        #expect(meetings >= 10, "the writers saved meetings all along (\(meetings))")
        #expect(conflicts >= 10, "every round's stale edit was refused as a conflict (\(conflicts))")

        // The imports all went through, and no output or screen spoke of a lock.
        var imports = 0
        var outputs = screens
        for loop in 1...4 {
            let log = try String(contentsOfFile: folder.file("import-\(loop).log"), encoding: .utf8)
            outputs.append(log)
            imports += log.components(separatedBy: "exit=0").count - 1
            #expect(!log.contains("exit=1") && !log.contains("exit=2"), "import loop \(loop):\n\(log)")
        }
        #expect(imports >= 4, "the imports ran (\(imports))")
        for writer in 1...2 { outputs.append(try String(contentsOfFile: folder.file("writer-\(writer).err"), encoding: .utf8)) }
        for output in outputs {
            let lower = output.lowercased()
            #expect(!lower.contains("busy") && !lower.contains("locked"), "a lock error surfaced:\n\(output)")
        }
    }
}
