import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// A save that finds the write lock taken by another connection (an import): the interface stays
/// alive, says what it waits for, keeps the form and its text, and saves once the lock is free.
@Suite struct WaitingSaveTests {
    @Test func aSaveWaitsForAnotherConnectionsLockAndGoesThroughWhenItIsFree() throws {
        let fixture = try DemoFixture()
        for (width, height) in [(80, 24), (200, 60)] {
            let app = fixture.runtime(width: width, height: height)
            app.press(.character("2"), .character("a"))
            let title = "Ringe til Ærø Kommune \(width) 😀"
            app.type(title)
            let importer = try Database(path: fixture.workspace.database.path)
            try importer.execute("BEGIN IMMEDIATE")
            let start = ContinuousClock.now
            app.press(.function(2))
            #expect(ContinuousClock.now - start < .seconds(2), "the key does not wait for the lock")
            #expect(app.isWaitingForLock)
            #expect(app.state.form != nil, "the form stays open")
            #expect(app.state.form?.fields.contains { $0.value == title } == true, "with its text")
            let waiting = app.screen()
            expectInert(waiting)
            #expect(waiting.lines().joined().contains("Waiting for another user"), "\(waiting.lines().joined(separator: "\n"))")
            #expect(!waiting.lines().joined().lowercased().contains("busy"))

            // Ticks go on while it waits; the lock is freed and the next try saves.
            app.send(.tick)
            #expect(app.isWaitingForLock)
            try importer.execute("ROLLBACK")
            Thread.sleep(forTimeInterval: 0.6)
            app.send(.tick)
            #expect(!app.isWaitingForLock)
            #expect(app.state.form == nil, "saved")
            #expect(app.state.message?.text == "Saved.")
            let stored = try fixture.workspace.database.scalar("SELECT count(*) FROM milestone WHERE title = ?",
                                                               [.text(TextNormalization.nfc(title))])
            #expect(stored == .integer(1))
        }
    }

    @Test func aWaitingSaveIsForgottenWhenItsFormCloses() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 80, height: 24)
        app.press(.character("2"), .character("a"))
        app.type("Søge praktik")
        let importer = try Database(path: fixture.workspace.database.path)
        try importer.execute("BEGIN IMMEDIATE")
        app.press(.function(2))
        #expect(app.isWaitingForLock)
        app.press(.escape)
        if app.state.form?.confirmingDiscard == true { app.press(.enter) }
        #expect(app.state.form == nil, "the form was closed and its text discarded")
        try importer.execute("ROLLBACK")
        Thread.sleep(forTimeInterval: 0.6)
        app.send(.tick)
        #expect(!app.isWaitingForLock)
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM milestone WHERE title = 'Søge praktik'") == .integer(0))
    }
}
