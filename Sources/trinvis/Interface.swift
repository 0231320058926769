import Foundation
import TrinvisCore

extension CommandRunner {
    /// Opens the full-screen interface on the default database, or on a fresh demo database
    /// that is removed again when the interface closes.
    func openInterface(demo: Bool) throws {
        if demo {
            let path = NSTemporaryDirectory() + "/trinvis-demo-\(getpid()).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
            let workspace = try Workspace(path: path, username: username)
            try DemoData.populate(workspace, today: LocalDate.today(), username: username)
            try runInterface(workspace)
        } else {
            try runInterface(try openOrCreate())
        }
    }

    func runInterface(_ workspace: Workspace) throws {
        throw Failure(phrase: .terminalUnusable("the full-screen interface is not built yet"))
    }
}
