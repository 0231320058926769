import Foundation
import TrinvisCore

extension CommandRunner {
    /// The bytes of the document `trinvis import` is given, read with the person's own rights (a
    /// setgid Trinvis never reads a file for the person that the person could not read) straight
    /// into one buffer of the file's size. A folder, a missing file or an unreadable one is a
    /// failure that says which.
    func readImportFile(_ path: String) throws -> [UInt8] {
        try readInputFile(path, folder: .importFileIsFolder(path: path), missing: .importFileMissing(path: path))
    }

    /// The bytes of a file a command reads, as `readImportFile` reads them; `folder` and
    /// `missing` say what is wrong when the path is a folder or names nothing.
    func readInputFile(_ path: String, folder: Phrase, missing: Phrase) throws -> [UInt8] {
        let result: Result<[UInt8], ImportFileProblem> = try PersonRights.perform { Self.readAll(path) }
        switch result {
        case .success(let bytes): return bytes
        case .failure(.folder): throw Failure(phrase: folder)
        case .failure(.missing): throw Failure(phrase: missing)
        case .failure(.system(let code)):
            throw Failure(phrase: .cannotReadFile(path: path, reason: POSIXFailure(code: code).description))
        }
    }

    private enum ImportFileProblem: Error {
        case folder, missing
        case system(Int32)
    }

    private static func readAll(_ path: String) -> Result<[UInt8], ImportFileProblem> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .system(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.system(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(.folder) }
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
