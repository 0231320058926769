import Foundation
import TrinvisCore
import TrinvisTUI

extension CommandRunner {
    /// Opens the full-screen interface on the default database, or on a fresh demo database
    /// that is removed again when the interface closes.
    func openInterface(demo: Bool) throws {
        if demo {
            let path = NSTemporaryDirectory() + "/trinvis-demo-\(getpid()).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
            let builder = try Workspace(path: path, identity: Identity.current(), registerFirstAdministrator: false)
            try DemoData.populate(builder, today: LocalDate.today(), username: username)
            let workspace = try Workspace(path: path, identity: identity)
            // The demo's drafts go with it.
            useOwnDraftsAndWaitForLocks(workspace, draftsFolder: NSTemporaryDirectory())
            let drafts = try workspace.draftStorePath()
            defer { for suffix in ["", "-wal", "-shm"] { unlink(drafts + suffix) } }
            try runInterface(workspace)
        } else {
            try runInterface(try openOrCreate())
        }
    }

    /// Runs the interface; a signal ends the process with 128 + its number once the terminal
    /// is restored.
    func runInterface(_ workspace: Workspace) throws {
        let ending: Application.Ending
        do {
            let folder = (environment.defaultDataFolder as NSString).appendingPathComponent("prints")
            ending = try Application.run(workspace: workspace, language: say.language, mouse: invocation.mouse,
                                         printFolder: folder, printer: Printer.configured(environment: environment.variables),
                                         fontEnvironment: environment.variables)
        } catch let error as TerminalStartError {
            switch error {
            case .notATerminal: throw Failure(phrase: .notATerminal)
            case .unknownTerminal(let term): throw Failure(phrase: .unknownTerminal(term: Sanitizer.sanitize(term)))
            case .unusableTerminal(let term): throw Failure(phrase: .unusableTerminal(term: Sanitizer.sanitize(term)))
            case .initializationFailed: throw Failure(phrase: .terminalUnusable(error.description))
            }
        }
        if case .signal(let number) = ending {
            throw ExitRequest(status: 128 + number)
        }
    }
}

/// Ends the program with a given status after cleaning up (used after a signal).
struct ExitRequest: Error {
    let status: Int32
}
