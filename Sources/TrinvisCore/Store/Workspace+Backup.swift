extension Workspace {
    /// A copy of the whole database at `path` (administrators' work in a shared installation),
    /// written to `PATH.partial-PID` with the online backup API, checked, logged, flushed and
    /// only then renamed into place: a backup that fails, is interrupted (SIGINT, SIGTERM) or
    /// is killed leaves no file at `path`. A copy with problems (a damaged source) is refused
    /// with `BackupError.damaged` unless `force`, which keeps it anyway; the problems it was
    /// kept with are returned (empty for a sound copy).
    package func backup(to path: String, force: Bool) throws -> [String] {
        let temporary = BackupCopy.temporaryPath(for: path)
        return try InterruptCleanup.removing(["", "-journal", "-wal", "-shm"].map { temporary + $0 }) {
            let copy = try database.backupCopy(beside: path)
            do {
                if !copy.problems.isEmpty && !force { throw BackupError.damaged(problems: copy.problems) }
                try logAccess(.admin, detail: copy.problems.isEmpty ? "backup" : "backup of a damaged database")
                try copy.place()
            } catch {
                copy.discard()
                throw error
            }
            return copy.problems
        }
    }
}
