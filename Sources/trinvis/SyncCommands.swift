import Foundation
import TrinvisCore

extension CommandRunner {
    /// `trinvis sync import FILE|-`: applies a peer's sync file (standard input for `-`), all
    /// or nothing; a file applied before changes nothing and succeeds.
    func syncImport(_ path: String) throws {
        let bytes = path == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile())
            : try readInputFile(path, folder: .syncFileIsFolder(path: path), missing: .syncFileMissing(path: path))
        let workspace = try openExisting()
        do {
            let summary = try workspace.importSync(bytes)
            // The names in the message are sanitised as it is written, like every message.
            writeOutput(say(summary.alreadyApplied ? .syncAlreadyApplied(from: summary.from, sequence: summary.sequence)
                : .syncImported(from: summary.from, sequence: summary.sequence, inserted: summary.inserted, updated: summary.updated,
                                deleted: summary.deleted, erased: summary.citizensErased, conflicts: summary.conflicts)) + "\n")
        } catch let error as SyncFileError {
            switch error {
            case .notASyncFile: throw Failure(phrase: .syncNotASyncFile)
            case .damaged: throw Failure(phrase: .syncDamaged)
            case .meantForAnotherInstallation(let organisation):
                throw Failure(phrase: .syncMeantForAnotherInstallation(organisation: organisation))
            case .outOfOrder(let missing): throw Failure(phrase: .syncOutOfOrder(missing: missing))
            }
        }
    }

    /// `trinvis sync export --to ORGANISATION [-o FILE]`: the next sync file for the peer, to
    /// `FILE` (written whole or not at all) or to standard output when that is not a terminal.
    /// The file is written inside the transaction that records it as sent, so a file that could
    /// not be written changes nothing; one written whose record then failed is removed again.
    func syncExport(to peerText: String, output: String?) throws {
        if output == nil, environment.stdoutIsTerminal { throw UsageError(phrase: .syncExportNeedsOutput) }
        let workspace = try openExisting()
        let peer = try resolveOrganisation(peerText, in: workspace)
        var wroteFile = false
        let summary: SyncExportSummary
        do {
            summary = try workspace.syncExport(to: peer) { bytes in
                try deliver(bytes, to: output)
                wroteFile = output != nil
            }
        } catch let error as SyncExportError {
            switch error {
            case .noOrganisation: throw Failure(phrase: .syncNoOrganisation(username: username))
            case .ownOrganisation(let name): throw Failure(phrase: .syncOwnOrganisation(name: name))
            case .exportsMadeAs(let organisation, let peer):
                throw Failure(phrase: .syncExportsMadeAs(organisation: organisation, peer: peer))
            case .busy(let peer): throw Failure(phrase: .syncExportBusy(peer: peer))
            }
        } catch {
            if wroteFile, let output { removeWrittenFile(output) }
            throw error
        }
        let message = say(.syncExported(peer: summary.peerName, sequence: summary.sequence,
                                        citizens: summary.citizens, erased: summary.erased, rows: summary.rows, path: output))
        // Standard output carries the file itself when there is no -o.
        if output == nil { printError(message) } else { writeOutput(message + "\n") }
    }

    /// `trinvis sync status`: every peer with the last file each way and the open conflicts.
    func syncStatus() throws {
        let workspace = try openForReading(logging: false)
        let peers = try workspace.syncPeers()
        guard !peers.isEmpty else {
            writeOutput(say(.syncNoPeers) + "\n")
            return
        }
        let site = try workspace.site
        for peer in peers {
            writeOutput(say(.syncPeer(peer, shownID: SiteIDs.short(peer.organisation.rawValue, site: site),
                                      sent: peer.lastSentAt.map(AuditFormatting.localTime),
                                      received: peer.lastReceivedAt.map(AuditFormatting.localTime))) + "\n")
        }
    }

}
