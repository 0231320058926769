#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TrinvisCore

// The load of the many-writers test (test-only, never installed):
//
//   trinvis-load document N PREFIX [SEED]   a generated interchange document of N citizens on stdout
//   trinvis-load writer DB SECONDS LOG      for SECONDS: saves meetings and edits milestones through
//                                           Workspace as the running account; writes each
//                                           acknowledged save, each conflict detected and each
//                                           error to LOG, one line each
//
// The writer's conflicting edit: it reads a milestone, lets another connection (a second
// Workspace, as a colleague's window) save it, then saves its own stale copy; that save must be
// refused with a conflict, never written over the colleague's.

/// Appends lines to the log, each flushed at once (the test reads it after a kill, too).
final class Log {
    let file: UnsafeMutablePointer<FILE>
    init(path: String) {
        guard let file = fopen(path, "a") else {
            writeText("trinvis-load: cannot open \(path)\n", to: 2)
            exit(1)
        }
        self.file = file
    }
    func line(_ text: String) {
        fputs(text + "\n", file)
        fflush(file)
    }
}

/// Writes text to a file descriptor (1 standard output, 2 standard error).
func writeText(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        bytes = bytes.dropFirst(written)
    }
}

func writer(database: String, seconds: Double, log: Log) -> Int32 {
    let workspace: Workspace, colleague: Workspace
    do {
        workspace = try Workspace(path: database, identity: Identity.current())
        colleague = try Workspace(path: database, identity: Identity.current())
    } catch {
        log.line("error open: \(error)")
        return 1
    }
    let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
    var round = 0
    var failures: Int32 = 0
    while ContinuousClock.now < deadline {
        round += 1
        do {
            let citizens = try workspace.citizenSummaries(page: .first(50)).items.map(\.citizen.id)
            guard !citizens.isEmpty else {
                usleep(100_000)
                continue
            }
            let citizen = citizens[round % citizens.count]
            let marker = "writer-\(getpid())-\(round) Ærø"
            let meeting = try workspace.transaction {
                let meeting = try workspace.create(Meeting(citizenID: citizen, at: Timestamp.now(), place: "Jobcentret",
                                                           authorID: workspace.actor.professionalID, notes: marker))
                try workspace.create(Agreement(meetingID: meeting.id, text: "Aftale \(marker)"))
                return meeting
            }
            log.line("meeting \(meeting.id.rawValue) \(marker)")

            guard let plan = try workspace.currentPlan(of: citizen),
                  let milestone = try workspace.all(Milestone.self, parent: plan.id.sqlValue).first else { continue }
            var mine = milestone
            mine.title = "Skridt \(marker)"
            var theirs = try colleague.get(Milestone.self, id: milestone.id)
            theirs.title = "Kollega \(marker)"
            let saved: Milestone
            do {
                saved = try colleague.update(theirs)
            } catch StoreError.conflict {
                // The other writer process saved it in between: a conflict of its own, refused too.
                log.line("conflict-detected milestone \(milestone.id.rawValue) (another process)")
                continue
            }
            log.line("milestone \(saved.id.rawValue) \(saved.audit.version) \(saved.title)")
            do {
                let stale = try workspace.update(mine)
                log.line("conflict-lost milestone \(stale.id.rawValue)")
                failures += 1
            } catch StoreError.conflict {
                log.line("conflict-detected milestone \(milestone.id.rawValue)")
            }
        } catch {
            log.line("error: \(error)")
            failures += 1
        }
        usleep(20_000)
    }
    log.line("done \(round)")
    return failures == 0 ? 0 : 1
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "document" where arguments.count >= 3:
    let count = Int(arguments[1]) ?? 100
    let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1
    writeText(GeneratedDocument.text(citizens: count, prefix: arguments[2], seed: seed), to: 1)
    exit(0)
case "writer" where arguments.count >= 4:
    exit(writer(database: arguments[1], seconds: Double(arguments[2]) ?? 10, log: Log(path: arguments[3])))
default:
    writeText("usage: trinvis-load document N PREFIX [SEED] | writer DB SECONDS LOG\n", to: 2)
    exit(2)
}
