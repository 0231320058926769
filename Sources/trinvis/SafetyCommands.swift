import Foundation
import TrinvisCore

extension CommandRunner {
    /// `trinvis check`: what the file is, each case with what to do; only real damage says
    /// "restore from a backup". The file is opened read-only (a read-only medium works).
    func check(full: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: databasePath, isDirectory: &isDirectory), !isDirectory.boolValue {
            warnAboutExposedFiles(databasePath)
        }
        let report = DatabaseCheck.run(path: databasePath, keepWriteAheadLogFiles: environment.shared != nil, full: full)
        switch report.verdict {
        case .healthy(let citizens):
            let notes = report.notes.map { say(.checkNote($0)) + "\n" }.joined()
            writeOutput(say(.checkHealthy(path: databasePath, citizens: citizens, full: full)) + "\n" + notes)
        case .unusable(let problem):
            throw Failure(phrase: .databaseFile(path: databasePath, problem: problem))
        case .newer(let steps):
            throw Failure(phrase: .checkNewer(path: databasePath, steps: steps))
        case .damaged(let problems):
            throw Failure(phrase: .checkProblems(path: databasePath, problems: problems))
        }
    }

    /// `trinvis backup FILE [--force]`: a checked copy, written beside FILE and renamed into
    /// place; a damaged database is refused unless `--force`.
    func backup(to path: String, force: Bool) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure(phrase: .fileExists(path: path)) }
        let workspace: Workspace
        do {
            workspace = try openExisting()
        } catch let error as DatabaseError where error.isCorrupt {
            // Too damaged to open: no copy, and the same clear word as for damage the copy shows.
            throw Failure(phrase: .backupRefusedDamaged(path: path, problems: [error.message]))
        }
        if environment.shared != nil, !workspace.actor.isAdministrator {
            throw Failure(phrase: .sharedBackupAdministratorsOnly)
        }
        let problems: [String]
        do {
            problems = try PersonRights.perform { try workspace.backup(to: path, force: force) }
        } catch BackupError.damaged(let found) {
            throw Failure(phrase: .backupRefusedDamaged(path: path, problems: found))
        } catch BackupError.destinationExists {
            throw Failure(phrase: .fileExists(path: path))
        } catch BackupError.system(let code) {
            throw outputFailure(path: path, code: code)
        } catch let error as DatabaseError where error.isFull || FileMedium.isFull(path) {
            throw Failure(phrase: .outputDiskFull(path: path))
        }
        if problems.isEmpty {
            writeOutput(say(.backupWritten(path: path)) + "\n")
        } else {
            printError(say(.backupWrittenDamaged(path: path, problems: problems)))
        }
    }

    /// The failure for an output file that could not be written: "disk full" for ENOSPC (and
    /// EDQUOT), else the system's reason.
    func outputFailure(path: String, code: Int32) -> Failure {
        if code == ENOSPC || code == EDQUOT { return Failure(phrase: .outputDiskFull(path: path)) }
        return Failure(phrase: .cannotWriteFile(path: path, reason: String(cString: strerror(code))))
    }
}
