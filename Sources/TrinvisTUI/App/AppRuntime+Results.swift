import TrinvisCore

/// The results report off the key loop: `.loadResults` hands the period and organisation to the
/// `ResultsWorker`, which works the report out on its own thread and connection; the key loop
/// goes on reading keys, and the outcome comes back as `resultsLoaded` (or `resultsFailed`)
/// when the session's wait for input wakes on the worker's pipe (`receiveBackgroundWork`).
extension AppRuntime {
    /// The pipe the worker signals when a report is ready: the session's wait for input
    /// watches it (``TerminalSession/wake``).
    package var backgroundWake: WakePipe { resultsWorker.ready }

    /// Whether a report asked for has not come yet.
    package var isWorkingInBackground: Bool { resultsWorker.isBusy }

    /// Asks the worker for the report, over a connection like this window's, under the access
    /// rule as it stands now; returns at once.
    func requestResults(_ query: ResultsQuery) {
        resultsWorker.request(query, opening: workspace.opening)
    }

    /// Shows what the worker finished, if anything (after the session saw its pipe signalled,
    /// and on every tick). Returns true when the interface should close.
    @discardableResult
    package func receiveBackgroundWork() -> Bool {
        switch resultsWorker.take() {
        case nil:
            return false
        case .computed(let report, let organisations)?:
            return send(.resultsLoaded(report, organisations: organisations))
        case .failed(let query, let error)?:
            return send(.resultsFailed(query, message: message(for: error)))
        }
    }

    /// Waits for the report asked for (at most `limit`) and shows it, as the session would once
    /// it came: for tests, which look at the screen after it settled.
    package func waitForBackgroundWork(limit: Duration = .seconds(60)) {
        let deadline = ContinuousClock.now.advanced(by: limit)
        while true {
            backgroundWake.drain()
            receiveBackgroundWork()
            let left = ContinuousClock.now.duration(to: deadline)
            guard isWorkingInBackground, left > .zero else { return }
            backgroundWake.wait(timeout: left)
        }
    }

    /// Stops the report being worked out and waits for the worker's thread to end (its
    /// connection closed): when the interface closes.
    package func stopBackgroundWork() {
        resultsWorker.stop()
    }
}
