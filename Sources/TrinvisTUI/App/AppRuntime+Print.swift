import TrinvisCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A printer reached through the `lp` command.
package struct Printer: Sendable, Equatable {
    /// The `lp` program.
    package let command: String

    package init(command: String) {
        self.command = command
    }

    /// The printer when one is set up: `lp` exists and `PRINTER` or `LPDEST` names a destination.
    package static func configured(environment: [String: String]) -> Printer? {
        let destination = environment["PRINTER"] ?? environment["LPDEST"] ?? ""
        guard !destination.isEmpty else { return nil }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.map { $0 + "/lp" }.first { access($0, X_OK) == 0 }.map(Printer.init)
    }

    /// Sends a file to the printer; its output goes nowhere, so it cannot disturb the screen. A
    /// setgid Trinvis starts `lp` with the person's own group, never with the installation's.
    func print(_ path: String) -> Bool {
        (try? PersonRights.perform { spawn(path) }) ?? false
    }

    private func spawn(_ path: String) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [command, "--", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, command, &actions, nil, &argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return false }
        }
        return status == 0
    }
}

extension AppRuntime {
    /// Writes the citizen's plan as a PDF into the print folder under a name of its own and,
    /// when a printer is set up, sends it there. The message says whether it went to the
    /// printer and where the file is (and when it is set in the standard fonts).
    func printPlan(_ citizen: CitizenID) -> AppEvent {
        let say = state.say
        do {
            let fonts = PDFFonts.system(environment: fontEnvironment ?? PDFFonts.processEnvironment)
            let written = try writePlan(citizen, fonts: fonts)
            let message: Phrase
            switch written.printed {
            case true?: message = .planSentToPrinter(path: written.path)
            case false?: message = .planPrinterFailed(path: written.path)
            case nil: message = .planSaved(path: written.path)
            }
            return .changed(message: noting(fonts, say(message)), citizen: citizen)
        } catch let error as StoreError {
            return .failed(say(.store(error)))
        } catch {
            return .failed(say(.printFailed(String(describing: error))))
        }
    }

    /// Writes the citizen's plan as a PDF into the print folder, remembers the file (so that
    /// erasing the citizen removes it too; the print is logged) and sends it to the printer when
    /// one is set up: `printed` is nil without a printer, else whether it took the file.
    ///
    /// As `text`, the plan is written as a UTF-8 text file (`.txt`) and not sent to the printer;
    /// `folder` is another folder than the print folder.
    func writePlan(_ citizen: CitizenID, fonts: PDFFontChoice, text: Bool = false, folder: String? = nil) throws
        -> (path: String, printed: Bool?) {
        let printout = try workspace.planPrintout(of: citizen, language: state.language)
        let name = "trinvis-plan-\(citizen)-\(workspace.today.iso)"
        let path = text ? try save(Array(printout.text().utf8), as: name, suffix: ".txt", folder: folder)
            : try save(printout.pdf(fonts: fonts.fonts, creationDate: workspace.clock()), as: name, folder: folder)
        try workspace.recordPrintedFile(citizen: citizen, path: path)
        return (path, text ? nil : printer.map { $0.print(path) })
    }

    /// Writes the report on screen into the print folder under a name of its own (and to the
    /// printer when set up).
    func printReport() -> AppEvent {
        let say = state.say
        guard let report = state.results.report else {
            return state.results.computing != nil ? .info(say(.resultsComputing)) : .failed(say(.noSelection))
        }
        do {
            let labels = ReportLabels.forLanguage(state.language.rawValue)
            let fonts = PDFFonts.system(environment: fontEnvironment ?? PDFFonts.processEnvironment)
            let path = try save(report.pdf(labels: labels, fonts: fonts.fonts, creationDate: workspace.clock()),
                                as: "trinvis-report-\(workspace.today.iso)")
            let message: Phrase
            if let printer {
                message = printer.print(path) ? .reportSentToPrinter(path: path) : .reportPrinterFailed(path: path)
            } else {
                message = .reportSaved(path: path)
            }
            return .info(noting(fonts, say(message)))
        } catch {
            return .failed(say(.printFailed(String(describing: error))))
        }
    }

    /// The message, with a note when the printout is set in the standard fonts.
    func noting(_ fonts: PDFFontChoice, _ message: String) -> String {
        fonts.problem == nil ? message : state.say(.printedWithStandardFonts(message))
    }

    /// Writes bytes into the print folder (or another `folder`; created with mode 0700, files
    /// 0600) as `name.pdf` (or another `suffix`), or `name-2.pdf`, `name-3.pdf` … when that exists: a print never
    /// overwrites an earlier one. Returns the path. A setgid Trinvis writes with the person's own
    /// group, never the installation's.
    func save(_ bytes: [UInt8], as name: String, suffix: String = ".pdf", folder: String? = nil) throws -> String {
        try PersonRights.perform { try saveAsIs(bytes, as: name, suffix: suffix, folder: folder ?? printFolder) }
    }

    private func saveAsIs(_ bytes: [UInt8], as name: String, suffix: String, folder chosen: String) throws -> String {
        let folder = chosen.isEmpty ? "." : chosen
        var partial = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            partial += "/" + component
            mkdir(partial, 0o700)
        }
        var number = 1
        while true {
            let path = folder + "/" + name + (number == 1 ? "" : "-\(number)") + suffix
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor < 0, errno == EEXIST, number < 10_000 {
                number += 1
                continue
            }
            guard descriptor >= 0 else { throw PrintError(reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == bytes.count else { throw PrintError(reason: String(cString: strerror(errno))) }
            return path
        }
    }
}

/// Writing a printout failed (a full disk, a folder that cannot be made).
struct PrintError: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
