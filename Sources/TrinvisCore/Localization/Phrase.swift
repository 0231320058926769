/// Everything the interface says, as values. The catalogs turn them into text.
package enum Phrase: Sendable, Equatable {
    // MARK: Command line
    /// The whole `--help` text.
    case usage
    /// `trinvis 0.1.0`.
    case version(String)
    /// A usage error, with the pointer to `--help`.
    case usageError(String)
    case unknownCommand(String)
    case unknownOption(String)
    case missingValue(option: String)
    case unexpectedArgument(String)
    case missingArgument(String)
    case invalidDate(option: String, value: String)
    case invalidChoice(option: String, value: String, allowed: [String])
    case invalidLanguage(String)
    case dateRangeReversed(from: String, to: String)

    // MARK: Failures
    /// A failure with what to do, prefixed by "trinvis: ".
    case failure(String)
    case noDatabase(path: String)
    case databaseNewer(path: String)
    case database(DatabaseError)
    case store(StoreError)
    case cannotReadFile(path: String, reason: String)
    case cannotWriteFile(path: String, reason: String)
    case fileExists(path: String)
    case citizenNotFound(String)
    case citizenAmbiguous(String, candidates: [String])
    case organisationNotFound(String)
    case importFailed(String)
    case terminalUnusable(String)

    // MARK: Results of commands
    case demoWritten(path: String, citizens: Int)
    case backupWritten(path: String)
    case checkHealthy(path: String, citizens: Int)
    case checkProblems(path: String, problems: [String])
    case imported(created: Int, updated: Int)
    case progress(what: String, done: Int, total: Int)
    case progressImport
    case progressExport
    case progressDemo
}
