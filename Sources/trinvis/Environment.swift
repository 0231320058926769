import Foundation
import TrinvisCore

/// Where things are on this machine: the default database, the user, the terminal.
struct Environment {
    let variables: [String: String]
    /// The shared installation when Trinvis runs setgid: then its database is the only one.
    var shared: SharedInstallation? = nil

    /// The shared installation's database when running setgid (`TRINVIS_DB` and the XDG
    /// variables are ignored then); else `$TRINVIS_DB`, else `$XDG_DATA_HOME/trinvis/trinvis.sqlite`,
    /// else `~/.local/share/trinvis/trinvis.sqlite`.
    var defaultDatabasePath: String {
        if let shared { return shared.databasePath }
        if let path = variables["TRINVIS_DB"], !path.isEmpty { return path }
        if let data = variables["XDG_DATA_HOME"], !data.isEmpty { return data + "/trinvis/trinvis.sqlite" }
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/trinvis/trinvis.sqlite"
    }

    /// `$XDG_DATA_HOME/trinvis`, else `~/.local/share/trinvis`: where Trinvis keeps its files.
    var defaultDataFolder: String {
        if let data = variables["XDG_DATA_HOME"], !data.isEmpty { return data + "/trinvis" }
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/trinvis"
    }

    /// True when standard error is a terminal (progress is shown only then).
    var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// True when standard input is a terminal (`trinvis erase` asks there).
    var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// True when standard output is a terminal (a PDF is not written there).
    var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Writes a message to standard error; what it quotes from the data (names, paths, JSON
/// paths) reaches the terminal only sanitised (`Sanitizer`: controls shown as U+FFFD).
func printError(_ text: String) {
    writeStandardError(Sanitizer.sanitize(text, keepingNewlines: true) + "\n")
}

/// Writes to standard error with `write(2)`; a closed or full standard error is ignored (there is
/// nowhere left to say so), never a crash.
func writeStandardError(_ text: String) {
    _ = writeAll(Array(text.utf8), to: STDERR_FILENO)
}

/// Writes a message or listing to standard output without a trailing newline, sanitised like
/// `printError` (line breaks and the tabs between a listing's fields stay); a failure to write is
/// ignored here, output that matters goes through `writeStandardOutput`.
func writeOutput(_ text: String) {
    _ = try? writeStandardOutput(Array(Sanitizer.sanitize(text, keepingNewlines: true, keepingTabs: true).utf8))
}

/// Writes bytes to standard output as they are (failures ignored, as for text).
func writeOutput(_ bytes: [UInt8]) {
    _ = try? writeStandardOutput(bytes)
}

/// Writes bytes to standard output, throwing `POSIXFailure` when it cannot take them all (a
/// full disk: ENOSPC) instead of ending the program.
func writeStandardOutput(_ bytes: [UInt8]) throws {
    let failure = writeAll(bytes, to: STDOUT_FILENO)
    if failure != 0 { throw POSIXFailure(code: failure) }
}

/// Writes every byte to `descriptor` (again after EINTR); the error number, 0 when all went.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
    bytes.withUnsafeBytes { buffer -> Int32 in
        guard let base = buffer.baseAddress else { return 0 }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}

/// Writes `text` to `path` atomically: into a temporary file beside it, then renamed over it, so
/// that a full disk or a crash never leaves a half-written file in its place.
func writeFileAtomically(_ text: String, to path: String) throws {
    try writeFileAtomically(Array(text.utf8), to: path)
}

/// Writes `bytes` to `path` atomically, as `writeFileAtomically(_:to:)` does for text. A setgid
/// Trinvis writes the file with the person's own group, never with the installation's.
func writeFileAtomically(_ bytes: [UInt8], to path: String) throws {
    try writeFileAtomically(to: path) { write in try write(bytes) }
}

/// Writes to `path` atomically what `produce` hands its `write` function, piece by piece, so
/// that a long output is never held whole: into a temporary file beside it, then renamed over
/// it. An error of `produce` or of a write removes the temporary file and leaves whatever was at
/// `path` as it was; a write's error is a `POSIXFailure`, `produce`'s own comes out as it was.
func writeFileAtomically(to path: String, _ produce: (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
    try PersonRights.perform { try writeFileAtomicallyAsIs(to: path, produce) }
}

private func writeFileAtomicallyAsIs(to path: String, _ produce: (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
    // A device, a pipe or a terminal (`-o /dev/stdout`, `/dev/full`, a FIFO) is written as it is,
    // never replaced by a file renamed over it.
    if isSpecialFile(path) {
        try writeDirectly(to: path, produce)
        return
    }
    let temporary = path + ".tmp-\(getpid())"
    // An interrupted write (Ctrl-C, SIGTERM) leaves no temporary file behind either.
    try InterruptCleanup.removing([temporary]) { try writeFileThenRename(temporary: temporary, to: path, produce) }
}

/// Runs `produce` with a `write` that writes all of each piece to `descriptor`; the error number
/// of the first write that failed (0 when none did), and `produce`'s own error, if any.
private func producing(to descriptor: Int32, _ produce: (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void) -> (Int32, Error?) {
    var failure: Int32 = 0
    do {
        try produce { bytes in
            failure = writeAll(bytes, to: descriptor)
            if failure != 0 { throw POSIXFailure(code: failure) }
        }
    } catch {
        return (failure, failure == 0 ? error : nil)
    }
    return (0, nil)
}

private func writeFileThenRename(temporary: String, to path: String,
                                 _ produce: (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXFailure(code: errno) }
    let (written, thrown) = producing(to: descriptor, produce)
    var failure = written
    if failure == 0, thrown == nil, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure == 0, thrown == nil, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 || thrown != nil {
        unlink(temporary)
        if let thrown { throw thrown }
        throw POSIXFailure(code: failure)
    }
}

/// True when `path` exists and is not itself a regular file: a device, a FIFO, a socket, a
/// folder, or a symbolic link (`/dev/stdout`), which is written through, never replaced.
func isSpecialFile(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG
}

/// The regular file an output written to `path` ends up in (the path itself, or the file a
/// symbolic link leads to), or nil for a device or a pipe: what a print may record so that an
/// erasure removes it.
func writtenFilePath(_ path: String) -> String? {
    guard isSpecialFile(path) else { return path }
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// Removes an output file written by this command (after a failure that must not leave it), but
/// never a device or a pipe that was written to as it is.
func removeWrittenFile(_ path: String) {
    guard let file = writtenFilePath(path) else { return }
    _ = try? PersonRights.perform { unlink(file) }
}

private func writeDirectly(to path: String, _ produce: (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
    let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
    guard descriptor >= 0 else { throw POSIXFailure(code: errno) }
    let (written, thrown) = producing(to: descriptor, produce)
    var failure = written
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if let thrown { throw thrown }
    if failure != 0 { throw POSIXFailure(code: failure) }
}

/// An operating-system error number with its text.
struct POSIXFailure: Error, CustomStringConvertible {
    let code: Int32
    var description: String { String(cString: strerror(code)) }
}
