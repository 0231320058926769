import Foundation
import TrinvisCore

extension CommandRunner {
    /// `trinvis erase CITIZEN --reason TEXT [--yes]`: erases every trace of a person
    /// (administrators). Without `--yes` the citizen's full name must be typed on the terminal;
    /// a wrong name erases nothing.
    func erase(citizen: String, reason: String, confirmed: Bool) throws {
        if !confirmed, !environment.stdinIsTerminal { throw UsageError(phrase: .eraseNeedsConfirmation) }
        let workspace = try openExisting()
        guard workspace.actor.isAdministrator else { throw StoreError.administratorsOnly }
        let id = try resolveCitizen(citizen, in: workspace)
        if !confirmed {
            let person = try workspace.get(Citizen.self, id: id)
            writeStandardError(say(.eraseConfirmPrompt(citizen: id.rawValue)))
            let typed = readLine(strippingNewline: true) ?? ""
            guard TextNormalization.searchKey(typed.trimmingBlanks()) == TextNormalization.searchKey(person.name),
                  !typed.trimmingBlanks().isEmpty else {
                throw Failure(phrase: .eraseNameMismatch)
            }
        }
        let summary = try workspace.erase(citizen: id, reason: reason)
        var lines = [say(.erased(citizen: id.rawValue, rows: summary.totalRows, files: summary.filesRemoved.count))]
        for (table, rows) in summary.rows.sorted(by: { $0.key < $1.key }) {
            lines.append(say(.erasedTable(table: table, rows: rows)))
        }
        writeOutput(lines.joined(separator: "\n") + "\n")
        for file in summary.filesNotRemoved {
            printError(say(.failure(say(.erasedFileNotRemoved(path: file.path, reason: file.reason)))))
        }
        if !summary.walCheckpointed { printError(say(.failure(say(.erasedWALBusy)))) }
        if !summary.filesNotRemoved.isEmpty { throw ExitRequest(status: 1) }
    }
}
