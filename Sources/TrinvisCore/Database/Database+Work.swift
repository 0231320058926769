import CSQLite

/// How much work SQLite does for a piece of code, counted in virtual machine instructions: a
/// measure of the rows a query reads that does not depend on the machine's speed or load, so
/// that a test can tell a query that looks a few rows up from one that reads a whole table.
final class InstructionCount {
    /// Instructions counted so far, in steps of `InstructionCount.step`.
    var instructions = 0
    /// SQLite calls the handler every this many instructions.
    static let step: Int32 = 16
}

/// What SQLite's progress handler calls: true stops the statement running (`SQLITE_INTERRUPT`).
private final class ProgressCheck {
    let check: () -> Bool

    init(_ check: @escaping () -> Bool) {
        self.check = check
    }
}

extension Database {
    /// Runs `body` and returns what it returned with the number of SQLite virtual machine
    /// instructions its statements ran on this connection (to the nearest 16). For tests of how
    /// a query grows; the counting costs a call every 16 instructions, so not for normal use.
    package func countingInstructions<T>(_ body: () throws -> T) rethrows -> (result: T, instructions: Int) {
        let count = InstructionCount()
        let result = try withProgressCheck(every: InstructionCount.step, {
            count.instructions += Int(InstructionCount.step)
            return false
        }, body)
        return (result, count.instructions)
    }

    /// Runs `body` while SQLite asks `shouldStop` about every thousand instructions whether to go
    /// on: once it says yes, the statement running fails with `SQLITE_INTERRUPT`
    /// (``DatabaseError/isInterrupted``), and so does every later one inside `body`. For work no one
    /// may wait for any longer: a report asked for again, a program that quits.
    package func stopping<T>(when shouldStop: @escaping () -> Bool, _ body: () throws -> T) rethrows -> T {
        try withProgressCheck(every: 1000, shouldStop, body)
    }

    /// `body` with SQLite's progress handler calling `check` every `instructions` instructions.
    /// The connection has one handler: the two uses above never nest.
    private func withProgressCheck<T>(every instructions: Int32, _ check: @escaping () -> Bool,
                                      _ body: () throws -> T) rethrows -> T {
        let context = Unmanaged.passRetained(ProgressCheck(check))
        sqlite3_progress_handler(handle, instructions, { context in
            guard let context else { return 0 }
            return Unmanaged<ProgressCheck>.fromOpaque(context).takeUnretainedValue().check() ? 1 : 0
        }, context.toOpaque())
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            context.release()
        }
        return try body()
    }
}
