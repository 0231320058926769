import Foundation
import TrinvisCore

extension CommandRunner {
    /// The document `trinvis import` is given, opened with the person's own rights (a setgid
    /// Trinvis never reads a file for the person that the person could not read) and read as a
    /// stream, never whole. A folder, a missing file or an unreadable one is a failure that says
    /// which.
    func openImportFile(_ path: String) throws -> JSONFileSource {
        let result: Result<Int32, ImportFileProblem> = try PersonRights.perform { Self.openFile(path) }
        switch result {
        case .success(let descriptor): return JSONFileSource(descriptor: descriptor)
        case .failure(let problem): throw failure(problem, path, folder: .importFileIsFolder(path: path), missing: .importFileMissing(path: path))
        }
    }

    /// The bytes of a file a command reads (a sync file), opened as `openImportFile` opens one and
    /// read straight into one buffer of its size; `folder` and
    /// `missing` say what is wrong when the path is a folder or names nothing.
    func readInputFile(_ path: String, folder: Phrase, missing: Phrase) throws -> [UInt8] {
        let result: Result<[UInt8], ImportFileProblem> = try PersonRights.perform { Self.readAll(path) }
        switch result {
        case .success(let bytes): return bytes
        case .failure(let problem): throw failure(problem, path, folder: folder, missing: missing)
        }
    }

    private func failure(_ problem: ImportFileProblem, _ path: String, folder: Phrase, missing: Phrase) -> Failure {
        switch problem {
        case .folder: return Failure(phrase: folder)
        case .missing: return Failure(phrase: missing)
        case .system(let code): return Failure(phrase: .cannotReadFile(path: path, reason: POSIXFailure(code: code).description))
        }
    }

    private enum ImportFileProblem: Error {
        case folder, missing
        case system(Int32)
    }

    /// Opens a file for reading: a descriptor that is not a folder's.
    private static func openFile(_ path: String) -> Result<Int32, ImportFileProblem> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .system(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.system(code))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            return .failure(.folder)
        }
        return .success(descriptor)
    }

    private static func readAll(_ path: String) -> Result<[UInt8], ImportFileProblem> {
        let descriptor: Int32
        switch openFile(path) {
        case .success(let opened): descriptor = opened
        case .failure(let problem): return .failure(problem)
        }
        defer { close(descriptor) }
        var status = stat()
        _ = fstat(descriptor, &status)  // only the size to reserve: `openFile` checked the file
        var bytes = [UInt8]()
        bytes.reserveCapacity(max(Int(status.st_size), 0))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
