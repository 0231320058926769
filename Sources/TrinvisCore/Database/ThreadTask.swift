#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work done on a thread of its own, started at once; `join()` waits for it to end and gives
/// its result. Nothing but the closure and its result crosses between the threads, so a
/// connection the work needs is opened, and closed again, inside the closure.
///
/// The thread blocks every signal: termination and resizing are for the thread that started it.
package final class ThreadTask<Result: Sendable>: Sendable {
    private let thread: pthread_t
    private let body: Body

    /// Starts `work` on a new thread; fails when the system cannot start one.
    package init(_ work: @escaping @Sendable () -> Result) throws(ThreadFailure) {
        let body = Body(work)
        var thread = pthread_t()
        let context = Unmanaged<ThreadBody>.passRetained(body).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            var signals = sigset_t()
            sigfillset(&signals)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            throw ThreadFailure(code: status)
        }
        self.thread = thread
        self.body = body
    }

    /// Waits for the work to end and returns its result. Called once.
    package func join() -> Result {
        pthread_join(thread, nil)
        // The thread wrote the result before it ended, and the join orders that write before
        // this read.
        guard let result = body.result else { preconditionFailure("a thread's work ended without a result") }
        return result
    }

    /// The work and, once it has run, its result.
    private final class Body: ThreadBody, @unchecked Sendable {
        let work: @Sendable () -> Result
        /// Written only by the thread, read only after it was joined.
        var result: Result?

        init(_ work: @escaping @Sendable () -> Result) { self.work = work }

        override func run() { result = work() }
    }
}

/// What a thread runs: the C start routine cannot name the generic result type, so it calls this.
fileprivate class ThreadBody: @unchecked Sendable {
    func run() {}
}

/// A thread could not be started (`pthread_create` returned `code`).
package struct ThreadFailure: Error, CustomStringConvertible {
    package let code: Int32
    package init(code: Int32) { self.code = code }
    package var description: String { String(cString: strerror(code)) }
}
