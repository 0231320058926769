#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TrinvisCore

/// The hidden argument that makes the benchmark the importing process of `measureImportLock`.
let importChildArgument = "--import-child"

extension Suite {
    /// Citizens of the imported document.
    static let importedCitizens = 2_000

    /// A 2000-citizen import by another process and what it does to a user typing meanwhile:
    /// how long the import holds the write lock (reported by the importing process), how long a
    /// draft save takes while it runs (a draft every 20 ms, as typing writes them; the longest is
    /// the longest pause of typing), and how long an ordinary save (a milestone) waits for the
    /// lock. It runs on a new database of its own beside the benchmark's (removed afterwards), so
    /// that a reused benchmark database stays as generated.
    static func measureImportLock(besides databasePath: String, seed: UInt64) throws -> [Measurement] {
        let path = databasePath + "-import.sqlite"
        let document = path + ".json"
        var drafts = ""
        defer { for file in DatabaseFiles.paths(of: path) + DatabaseFiles.paths(of: drafts) + [document] { unlink(file) } }
        let text = GeneratedDocument.text(citizens: Self.importedCitizens, prefix: "b", seed: seed)
        guard let file = fopen(document, "w") else { throw BenchError("cannot write \(document)") }
        _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
        fclose(file)

        // The typing user's database: a citizen with a milestone to save.
        let workspace = try Workspace(path: path, username: Benchmark.generatorUser, clock: { BenchCalendar.now })
        try workspace.importDocument(text: GeneratedDocument.text(citizens: 1, prefix: "t", seed: seed))
        guard let citizen = try workspace.citizenSummaries(page: .first(1)).items.first?.citizen,
              let plan = try workspace.currentPlan(of: citizen.id),
              var milestone = try workspace.all(Milestone.self, parent: plan.id.sqlValue).first else {
            throw BenchError("the typing user's citizen was not imported")
        }
        drafts = try workspace.draftStorePath()
        _ = try workspace.draftStore()

        let output = path + ".out"
        defer { unlink(output) }
        let child = try spawnSelf([importChildArgument, document, path], output: output)
        var pauses: [UInt64] = [], saves: [UInt64] = []
        var status: Int32 = 0
        var lastSave = monotonicNanoseconds()
        var typed = ""
        while waitpid(child, &status, WNOHANG) == 0 {
            typed += "æ"
            let start = monotonicNanoseconds()
            try workspace.saveDraft(key: "meeting:new:c\(citizen.id)", title: "Ny samtale", payload: #"{"notes":"\#(typed)"}"#,
                                    citizen: citizen.id)
            let now = monotonicNanoseconds()
            pauses.append(now - start)
            if now - lastSave > 200_000_000 {
                milestone.title = "Skridt \(saves.count)"
                milestone = try workspace.update(milestone)
                lastSave = monotonicNanoseconds()
                saves.append(lastSave - now)
            }
            usleep(20_000)
        }
        guard status == 0, let report = readText(output)?.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap({ UInt64($0) }), report.count == 2 else {
            throw BenchError("the importing process failed (status \(status))")
        }
        let name = "import \(Self.importedCitizens) citizens (other process)"
        return [
            Measurement(name: name + ": write lock held", samples: [report[0]], rows: Double(Self.importedCitizens)),
            Measurement(name: name + ": whole import", samples: [report[1]], rows: Double(Self.importedCitizens)),
            Measurement(name: "typing during the import: draft save", samples: pauses, rows: nil),
            Measurement(name: "typing during the import: longest pause", samples: [pauses.max() ?? 0], rows: nil),
            Measurement(name: "a save during the import: waiting for the lock", samples: saves, rows: 1),
        ]
    }

    /// Starts this program again with `arguments`, its output into `output`.
    private static func spawnSelf(_ arguments: [String], output: String) throws -> pid_t {
        guard let executable = readLink("/proc/self/exe") else { throw BenchError("cannot find the benchmark's own executable") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start the importing process: \(String(cString: strerror(spawned)))") }
        return pid
    }
}

/// The importing process: imports the document into the database and prints how long the
/// import's transaction held the write lock and how long the whole import took, in nanoseconds.
func importChild(document: String, database: String) -> Int32 {
    do {
        guard let text = readText(document) else { throw BenchError("cannot read \(document)") }
        let workspace = try Workspace(path: database, username: Benchmark.generatorUser, clock: { BenchCalendar.now })
        let start = monotonicNanoseconds()
        try workspace.importDocument(text: text)
        let total = monotonicNanoseconds() - start
        let held = workspace.database.lastWriteLockHold.components
        print("\(UInt64(held.seconds) * 1_000_000_000 + UInt64(held.attoseconds / 1_000_000_000)) \(total)")
        return 0
    } catch {
        writeError("trinvis-bench: import: \(error)\n")
        return 1
    }
}

/// A file's text, nil when it cannot be read.
func readText(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer.prefix(count)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Where a symbolic link points, nil when it cannot be read.
func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
