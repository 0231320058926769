import Foundation
import Testing
import TrinvisTUI

/// The key loop wakes for work finished in the background.
@Suite struct WakeTests {
    @Test func theSessionHandsOverAWakeUpAndDrawsAFrame() {
        let wake = WakePipe()
        wake.signal()
        wake.signal()
        let backend = ScriptedBackend(size: Size(width: 80, height: 24), steps: [.input(.key(.character("j")))])
        var events: [SessionEvent] = []
        let session = TerminalSession(backend: backend, minimumSize: Size(width: 40, height: 12), tooSmallMessage: "",
                                      wake: wake)
        let end = session.run(render: { _ in }) { event in
            events.append(event)
            return .continue
        }
        #expect(end == .signal(15))
        #expect(events == [.resize(Size(width: 80, height: 24)), .wake, .key(.character("j"))], "one wake for both bytes")
        #expect(backend.frames.count == 3)
        #expect(!wake.isSignalled)
    }

    @Test func aWaitEndsWhenAnotherThreadSignals() {
        let wake = WakePipe()
        #expect(!wake.wait(timeout: .milliseconds(10)))
        let started = ContinuousClock.now
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.05)
            wake.signal()
        }
        thread.start()
        #expect(wake.wait(timeout: .seconds(10)))
        #expect(ContinuousClock.now - started < .seconds(5))
        wake.drain()
        #expect(!wake.isSignalled)
    }
}
