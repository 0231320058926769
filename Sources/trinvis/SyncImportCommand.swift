import Foundation
import TrinvisCore

extension CommandRunner {
    /// `trinvis sync import FILE|-`: applies a peer's sync file (standard input for `-`), all
    /// or nothing; a file applied before changes nothing and succeeds.
    func syncImport(_ path: String) throws {
        let bytes: [UInt8]
        do {
            bytes = path == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile())
                : try PersonRights.perform { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        } catch {
            throw Failure(phrase: .cannotReadFile(path: path, reason: (error as NSError).localizedDescription))
        }
        let workspace = try openExisting()
        do {
            let summary = try workspace.importSync(bytes)
            let from = Self.printable(summary.from)
            writeOutput(say(summary.alreadyApplied ? .syncAlreadyApplied(from: from, sequence: summary.sequence)
                : .syncImported(from: from, sequence: summary.sequence, inserted: summary.inserted, updated: summary.updated,
                                deleted: summary.deleted, erased: summary.citizensErased, conflicts: summary.conflicts)) + "\n")
        } catch let error as SyncFileError {
            switch error {
            case .notASyncFile: throw Failure(phrase: .syncNotASyncFile)
            case .damaged: throw Failure(phrase: .syncDamaged)
            case .meantForAnotherInstallation(let organisation):
                throw Failure(phrase: .syncMeantForAnotherInstallation(organisation: Self.printable(organisation)))
            case .outOfOrder(let missing): throw Failure(phrase: .syncOutOfOrder(missing: missing))
            }
        }
    }

    /// A name from a sync file without control characters, so that it cannot reach the terminal raw.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !($0.properties.generalCategory == .control
            || $0.properties.generalCategory == .format) }))
    }
}
