#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files that SIGINT and SIGTERM remove before the process ends (a backup's
/// `FILE.partial-PID`, an output file's `FILE.tmp-PID`). The handler only unlinks and then ends
/// the process with the signal's default action, both safe in a signal handler.
package enum InterruptCleanup {
    /// Runs `body` with `paths` removed should SIGINT or SIGTERM arrive meanwhile.
    package static func removing<T>(_ paths: [String], during body: () throws -> T) rethrows -> T {
        register(paths)
        defer { unregister() }
        return try body()
    }

    private static func register(_ paths: [String]) {
        unregister()
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: paths.count + 1)
        for (index, path) in paths.enumerated() { list[index] = strdup(path) }
        list[paths.count] = nil
        interruptCleanupPaths = list
        var action = signalAction(interruptCleanupHandler)
        var previous: [sigaction] = []
        for signal in [SIGINT, SIGTERM] {
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous.append(old)
        }
        interruptCleanupPrevious = previous
    }

    private static func unregister() {
        // The handlers that were there before come back.
        for (signal, old) in zip([SIGINT, SIGTERM], interruptCleanupPrevious) {
            var action = old
            sigaction(signal, &action, nil)
        }
        interruptCleanupPrevious = []
        guard let list = interruptCleanupPaths else { return }
        interruptCleanupPaths = nil
        var index = 0
        while let path = list[index] {
            free(path)
            index += 1
        }
        list.deallocate()
    }
}

/// The paths the handler removes: set and cleared only outside the handler, read inside it.
/// The actions SIGINT and SIGTERM had before `register`.
nonisolated(unsafe) private var interruptCleanupPrevious: [sigaction] = []

nonisolated(unsafe) private var interruptCleanupPaths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

private func interruptCleanupHandler(_ signal: Int32) {
    if let list = interruptCleanupPaths {
        var index = 0
        while let path = list[index] {
            unlink(path)
            index += 1
        }
    }
    var action = signalAction(SIG_DFL)
    sigaction(signal, &action, nil)
    raise(signal)
}

/// A `sigaction` that runs `handler`, with an empty mask and no flags.
private func signalAction(_ handler: (@convention(c) (Int32) -> Void)?) -> sigaction {
    var action = sigaction()
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = handler
    #else
    action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    return action
}
