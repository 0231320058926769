#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import Testing
@testable import TrinvisCore

@Suite struct ThreadTaskTests {
    @Test func theResultComesBackFromAnotherThread() throws {
        let caller = pthread_self()
        let task = try ThreadTask { () -> (sum: Int, sameThread: Bool) in
            ((1...1_000).reduce(0, +), pthread_equal(pthread_self(), caller) != 0)
        }
        let result = task.join()
        #expect(result.sum == 500_500)
        #expect(!result.sameThread)
    }

    /// Each of two tasks waits until the other has begun: this ends only if they run at the
    /// same time (a wait gives up after ten seconds, so a failure cannot hang the tests).
    @Test func twoTasksRunAtTheSameTime() throws {
        let begun = Mutex(0)
        @Sendable func meetTheOther() -> Bool {
            begun.withLock { $0 += 1 }
            for _ in 0..<10_000 {
                if begun.withLock({ $0 }) == 2 { return true }
                usleep(1_000)
            }
            return false
        }
        let first = try ThreadTask(meetTheOther)
        let second = try ThreadTask(meetTheOther)
        #expect(first.join())
        #expect(second.join())
    }

    /// Signals are for the thread that started the work: the task's thread blocks them all.
    @Test func theTaskBlocksSignals() throws {
        let blocked = try ThreadTask { () -> [Bool] in
            var current = sigset_t()
            pthread_sigmask(SIG_BLOCK, nil, &current)
            return [SIGINT, SIGTERM, SIGWINCH, SIGHUP].map { sigismember(&current, $0) == 1 }
        }.join()
        #expect(blocked == [true, true, true, true])
    }
}
