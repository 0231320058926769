extension Catalog {
    /// The English catalog.
    static func english(_ phrase: Phrase) -> String {
        switch phrase {
        case .usage:
            return """
                Trinvis: plans, milestones and follow-up conversations with citizens, step by step.

                Usage:
                  trinvis [options]                 open the full-screen interface
                  trinvis --demo                    open it on a fresh demo database
                  trinvis demo --db PATH            write a demo database and exit
                  trinvis import FILE               import an interchange document (JSON)
                  trinvis export [--citizen ID] [-o FILE]
                                                    write an interchange document (stdout by default)
                  trinvis report [--from DATE] [--to DATE] [--organisation ID] [--format text|csv|json]
                                                    the results report
                  trinvis check                     integrity and foreign-key check of the database
                  trinvis backup FILE               consistent copy of the database while in use

                Options:
                  --db PATH         the database (default: $TRINVIS_DB, else
                                    $XDG_DATA_HOME/trinvis/trinvis.sqlite, else
                                    ~/.local/share/trinvis/trinvis.sqlite)
                  --user NAME       who you are (default: your login name)
                  --lang da|en      language of the interface (default: from LANG)
                  --mouse           let the mouse select rows in the interface
                  --help, -h        this text
                  --version         the version

                Dates are written YYYY-MM-DD. CITIZEN and ID are a number or an unambiguous name.
                Exit status: 0 success, 1 failure, 2 usage error.
                """
        case .version(let version): return "trinvis \(version)"
        case .usageError(let detail): return "trinvis: \(detail)\nRun 'trinvis --help' for usage."
        case .unknownCommand(let name): return "unknown command '\(name)'"
        case .unknownOption(let option): return "unknown option '\(option)'"
        case .missingValue(let option): return "the option \(option) needs a value"
        case .unexpectedArgument(let argument): return "unexpected argument '\(argument)'"
        case .missingArgument(let what): return "missing \(what)"
        case .invalidDate(let option, let value): return "\(option): '\(value)' is not a date (YYYY-MM-DD)"
        case .invalidChoice(let option, let value, let allowed):
            return "\(option): '\(value)' is not one of \(allowed.joined(separator: ", "))"
        case .invalidLanguage(let value): return "--lang: '\(value)' is not da or en"
        case .dateRangeReversed(let from, let to): return "--from \(from) lies after --to \(to)"

        case .failure(let text): return "trinvis: \(text)"
        case .noDatabase(let path):
            return "there is no database at \(path). Check --db, or create one with 'trinvis demo --db \(path)' or by starting 'trinvis'."
        case .databaseNewer(let path):
            return "the database \(path) was written by a newer version of Trinvis. Update Trinvis to open it; nothing was changed."
        case .database(let error):
            return english(databaseAdvice: error) + " (" + error.message + ")"
        case .store(let error): return english(storeError: error)
        case .cannotReadFile(let path, let reason): return "cannot read \(path): \(reason)"
        case .cannotWriteFile(let path, let reason):
            return "cannot write \(path): \(reason). Nothing was written; check the folder and the free space."
        case .fileExists(let path): return "\(path) exists already. Choose another name or remove it first."
        case .citizenNotFound(let name): return "no citizen matches '\(name)'. Give an id or a part of the name."
        case .citizenAmbiguous(let name, let candidates):
            return "'\(name)' matches several citizens: \(candidates.joined(separator: "; ")). Give the id or more of the name."
        case .organisationNotFound(let name): return "no organisation matches '\(name)'."
        case .importFailed(let detail): return "import failed, nothing was changed: \(detail)"
        case .terminalUnusable(let detail): return "cannot use this terminal: \(detail)"

        case .demoWritten(let path, let citizens): return "Wrote a demo database with \(citizens) citizens to \(path)."
        case .backupWritten(let path): return "Wrote a consistent copy of the database to \(path)."
        case .checkHealthy(let path, let citizens): return "\(path): healthy (integrity and foreign keys checked, \(citizens) citizens)."
        case .checkProblems(let path, let problems):
            return "\(path): damaged. Restore it from a backup.\n" + problems.map { "  " + $0 }.joined(separator: "\n")
        case .imported(let created, let updated): return "Imported: \(created) records created, \(updated) updated."
        case .progress(let what, let done, let total): return "\(what) \(done)/\(total)"
        case .progressImport: return "Importing"
        case .progressExport: return "Exporting"
        case .progressDemo: return "Writing demo data"
        }
    }

    static func english(databaseAdvice error: DatabaseError) -> String {
        if error.isBusy { return "the database is busy in another Trinvis window or program; wait a moment and try again" }
        if error.isFull { return "the disk is full; free some space and try again, nothing was saved" }
        if error.isCorrupt { return "the database file is damaged or is not a Trinvis database; restore it from a backup" }
        if error.isReadOnlyOrCannotOpen { return "the database file cannot be opened for writing; check the path and its permissions" }
        return "the database reported an error"
    }

    static func english(storeError error: StoreError) -> String {
        switch error {
        case .notFound(let kind, _): return "the \(kind) does not exist any more; it may have been deleted in another window"
        case .conflict(let kind, _, let changedBy, _):
            return "\(changedBy) changed this \(kind) after you opened it. Your text is kept; look at their change and save again"
        case .accessDenied: return "you do not have access to this citizen's records"
        case .invalid(let validation): return english(validation: validation)
        case .inUse(let kind, _): return "the \(kind) is still used by other records and cannot be deleted"
        case .duplicate(let kind, let detail): return "another \(kind) already has this \(detail)"
        }
    }

    static func english(validation error: ValidationError) -> String {
        switch error.problem {
        case .required: return "\(error.field): must be filled in"
        case .tooLong(let maximum): return "\(error.field): longer than \(maximum) characters"
        case .invalidCPR(.notTenDigits): return "\(error.field): a CPR number has ten digits (DDMMYY-XXXX)"
        case .invalidCPR(.notADate): return "\(error.field): the first six digits must be a date (DDMMYY)"
        case .cprDoesNotMatchBirthDate: return "\(error.field): does not match the birth date"
        case .before(let other, let date): return "\(error.field): lies before \(other) (\(date.iso))"
        case .outOfRange(let range): return "\(error.field): must be between \(range.lowerBound) and \(range.upperBound)"
        case .invalidEmail: return "\(error.field): not an e-mail address"
        case .unknownValue(let allowed): return "\(error.field): must be one of \(allowed.joined(separator: ", "))"
        }
    }
}
