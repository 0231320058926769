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

extension Database {
    /// Runs `body` and returns what it returned with the number of SQLite virtual machine
    /// instructions its statements ran on this connection (to the nearest 16). For tests of how
    /// a query grows; the counting costs a call every 16 instructions, so not for normal use.
    package func countingInstructions<T>(_ body: () throws -> T) rethrows -> (result: T, instructions: Int) {
        let count = InstructionCount()
        let context = Unmanaged.passRetained(count)
        sqlite3_progress_handler(handle, InstructionCount.step, { context in
            guard let context else { return 0 }
            Unmanaged<InstructionCount>.fromOpaque(context).takeUnretainedValue().instructions += Int(InstructionCount.step)
            return 0
        }, context.toOpaque())
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            context.release()
        }
        let result = try body()
        return (result, count.instructions)
    }
}
