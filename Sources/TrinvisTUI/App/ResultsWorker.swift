import Synchronization
import TrinvisCore

/// Works out results reports away from the key loop: on a thread of its own (started at the
/// first request, ended by ``stop()``), each report on a connection of its own that only reads,
/// opened from a `WorkspaceOpening` for the same file and person and closed when the report is
/// done. No `Workspace` crosses between the threads: only requests and outcomes do, through a
/// mailbox under a lock, and two pipes say that one is there.
///
/// Only the newest request counts. A request made while an older one is being worked out stops
/// that one (SQLite's progress handler asks between instructions), whose outcome is dropped, and
/// an outcome not taken yet is dropped when a newer request comes.
final class ResultsWorker: Sendable {
    /// What came of a request.
    enum Outcome: Sendable {
        /// The report, with the organisations to choose between (not companies).
        case computed(ResultsReport, organisations: [Organisation])
        /// The report could not be worked out.
        case failed(ResultsQuery, any Error)
    }

    private struct Request: Sendable {
        /// Counts the requests: the newest has the highest number.
        let number: Int
        let query: ResultsQuery
        let opening: WorkspaceOpening
    }

    /// What the two threads share.
    private struct Mailbox {
        /// The newest request, until the thread takes it.
        var waiting: Request?
        /// The number of the newest request.
        var newest = 0
        /// The number of the newest request whose outcome came (or that could not be started).
        var answered = 0
        /// The newest request's outcome, until the key loop takes it.
        var outcome: Outcome?
        /// The thread, once started (only the key loop's thread reads and writes this).
        var thread: ThreadTask<Void>?
        /// Set by `stop()`: the work in hand stops and the thread ends.
        var stopping = false
    }

    private let mailbox = Mutex(Mailbox())
    /// Signalled when an outcome is ready: the key loop's wait for input watches it.
    let ready = WakePipe()
    /// Signalled when a request is there (or the thread is to end): the thread waits on it.
    private let requests = WakePipe()

    /// Whether a request is being worked out (its outcome has not come yet).
    var isBusy: Bool {
        mailbox.withLock { $0.answered < $0.newest && !$0.stopping }
    }

    /// Asks for the report `query` over the connection `opening` describes, in place of any
    /// earlier request. Returns at once.
    func request(_ query: ResultsQuery, opening: WorkspaceOpening) {
        let start = mailbox.withLock { box -> Bool in
            guard !box.stopping else { return false }
            box.newest += 1
            box.waiting = Request(number: box.newest, query: query, opening: opening)
            box.outcome = nil
            return box.thread == nil
        }
        if start { startThread(for: query) }
        requests.signal()
    }

    /// The newest request's outcome, once (nil while none is ready).
    func take() -> Outcome? {
        mailbox.withLock { box in
            let outcome = box.outcome
            box.outcome = nil
            return outcome
        }
    }

    /// Stops the report being worked out (within about a thousand SQLite instructions) and waits
    /// for the thread to end, its connection closed. Nothing is asked or delivered after.
    func stop() {
        let thread = mailbox.withLock { box -> ThreadTask<Void>? in
            box.stopping = true
            box.waiting = nil
            defer { box.thread = nil }
            return box.thread
        }
        requests.signal()
        thread?.join()
    }

    // MARK: The thread

    private func startThread(for query: ResultsQuery) {
        do {
            let thread = try ThreadTask { [self] in work() }
            mailbox.withLock { $0.thread = thread }
        } catch {
            mailbox.withLock { box in
                box.waiting = nil
                box.answered = box.newest
                box.outcome = .failed(query, error)
            }
            ready.signal()
        }
    }

    /// The thread's loop: waits for a request, works out the newest, hands over its outcome.
    private func work() {
        while true {
            requests.wait(timeout: nil)
            requests.drain()
            let next = mailbox.withLock { box -> (request: Request?, stop: Bool) in
                defer { box.waiting = nil }
                return (box.waiting, box.stopping)
            }
            if next.stop { return }
            guard let request = next.request else { continue }
            let outcome = compute(request)
            let delivered = mailbox.withLock { box -> Bool in
                guard request.number == box.newest, !box.stopping else { return false }
                box.answered = request.number
                box.outcome = outcome
                return true
            }
            if delivered { ready.signal() }
        }
    }

    /// Works out one report on a connection of its own, closed again before this returns.
    private func compute(_ request: Request) -> Outcome {
        let query = request.query
        do {
            let workspace = try request.opening.openForReading()
            // A reader seldom waits for a lock; when it does, not for longer than a key would.
            workspace.database.busyWaitLimit = .seconds(2)
            return try workspace.database.stopping(when: { [self] in isSuperseded(request.number) }) {
                let report = try workspace.resultsReport(from: query.from, to: query.to, organisation: query.organisation)
                let organisations = try workspace.all(Organisation.self).filter { $0.kind != .company }
                return .computed(report, organisations: organisations)
            }
        } catch {
            return .failed(query, error)
        }
    }

    /// Whether a newer request came, or the worker is stopping: the report in hand is not wanted.
    private func isSuperseded(_ number: Int) -> Bool {
        mailbox.withLock { $0.newest != number || $0.stopping }
    }
}
