#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CNcurses

/// The termination signals the event loop turns into ``InputEvent/signal(_:)``.
///
/// The handlers (in the shim) only record the signal number; no curses call happens in a
/// handler. Installing, taking and restoring all live in this one file because the shim's flag
/// has internal linkage and each object file gets its own copy.
struct SignalWatch {
    /// SIGTERM, SIGHUP, SIGINT and SIGQUIT.
    static let watchedSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

    private var previousActions: [(signal: Int32, action: sigaction)] = []
    private var previousMask = sigset_t()

    /// Installs the recording handlers, saving the handlers they replace. The watched signals,
    /// SIGWINCH (resize) and the job-control signals are unblocked too: a program started with
    /// them blocked (some launchers and test runners do that) would otherwise never notice a
    /// resize or a request to end, and could not restore the terminal.
    static func install() -> SignalWatch {
        var watch = SignalWatch()
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in watchedSignals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&unblock, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &unblock, &watch.previousMask)
        _ = trinvis_take_pending_signal()
        for signalNumber in watchedSignals {
            var previous = sigaction()
            if trinvis_install_signal_handler(signalNumber, &previous) == 0 {
                watch.previousActions.append((signalNumber, previous))
            }
        }
        return watch
    }

    /// The signal that arrived since the last call, if any.
    func takePending() -> Int32? {
        let signalNumber = trinvis_take_pending_signal()
        return signalNumber == 0 ? nil : signalNumber
    }

    /// Puts the saved handlers back.
    mutating func restore() {
        for (signalNumber, action) in previousActions {
            var saved = action
            _ = trinvis_restore_signal_handler(signalNumber, &saved)
        }
        previousActions.removeAll()
        sigprocmask(SIG_SETMASK, &previousMask, nil)
    }
}
