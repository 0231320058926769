#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe one thread writes a byte into to tell another that something is ready for it, and
/// the other waits on with `poll`, beside whatever else it waits for: the key loop's wait for
/// input watches one (``TerminalBackend/readInput(timeout:wake:)``), so that work finished in
/// the background reaches the screen at once rather than at the next key or tick.
///
/// Both ends are non-blocking and closed on `exec`: a full pipe means it is signalled already,
/// and a printer command started meanwhile gets neither end. If no pipe can be made, both
/// ends are -1: signalling does nothing and the waiting side finds out at its next tick.
package final class WakePipe: Sendable {
    /// The end that is waited on.
    package let readDescriptor: Int32
    /// The end a byte is written into.
    private let writeDescriptor: Int32

    /// A new pipe.
    package init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            readDescriptor = -1
            writeDescriptor = -1
            return
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]
    }

    deinit {
        if readDescriptor >= 0 { close(readDescriptor) }
        if writeDescriptor >= 0 { close(writeDescriptor) }
    }

    /// Says that something is ready (from any thread).
    package func signal() {
        guard writeDescriptor >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe, before what it announced is taken (so that a signal that comes after
    /// the taking stays for the next wait).
    package func drain() {
        guard readDescriptor >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while bytes.withUnsafeMutableBytes({ read(readDescriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Whether it was signalled since it was last drained (without waiting).
    package var isSignalled: Bool { wait(timeout: .zero) }

    /// Waits until it is signalled, at most `timeout` (for ever when nil); true when it was.
    @discardableResult
    package func wait(timeout: Duration?) -> Bool {
        guard readDescriptor >= 0 else { return false }
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        while true {
            var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = deadline.map { Self.milliseconds(clock.now.duration(to: $0)) } ?? -1
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return true }
            if ready == 0 || errno != EINTR { return false }
        }
    }

    /// A duration as a `poll` timeout: whole milliseconds, rounded up, never below zero.
    static func milliseconds(_ duration: Duration) -> Int32 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        return Int32(min(seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000, Int64(Int32.max)))
    }
}
