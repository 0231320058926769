import Foundation
@testable import TrinvisCore

/// A temporary folder that is removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("trinvis-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A fixed clock for reproducible audit stamps and "today".
final class TestClock {
    var now: Timestamp

    init(_ iso: String = "2026-03-02T10:30:00+01:00") {
        now = Timestamp(iso: iso)!
    }

    func advance(seconds: Int64) { now = now.adding(seconds: seconds) }
}

func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
func instant(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

/// A workspace on a real SQLite file in a fresh temporary folder.
struct Fixture {
    let directory: TemporaryDirectory
    let clock: TestClock
    let workspace: Workspace
    var path: String { directory.path("trinvis.sqlite") }

    init(username: String = "inger", policy: AccessPolicy = .unrestricted) throws {
        directory = try TemporaryDirectory()
        let clock = TestClock()
        self.clock = clock
        workspace = try Workspace(path: directory.path("trinvis.sqlite"), username: username, policy: policy,
                                  clock: { clock.now })
    }

    /// Another connection to the same file, as a second terminal would have.
    func secondWorkspace(username: String) throws -> Workspace {
        let clock = self.clock
        return try Workspace(path: path, username: username, clock: { clock.now })
    }
}
