/// What it takes to open another connection to a workspace's file, for the same person under
/// the same access rule, on a thread of its own: a `Workspace` has one owner and is never handed
/// to another thread, so a thread that reads in the background (the interface's results report)
/// opens its own from this and closes it when done.
package struct WorkspaceOpening: Sendable {
    /// Who asks: the operating system's account (with `--user`), or a fixed rule (tests, benchmark).
    enum Asker: Sendable {
        case identity(Identity)
        case fixed(username: String, policy: AccessPolicy)
    }

    /// The database file.
    let path: String
    let asker: Asker
    /// The moment the access rule is applied at (consents in force on its day): the asking
    /// workspace's clock when this was made.
    let now: Timestamp

    /// A connection that only reads, opened as `trinvis report` opens one: `SQLITE_OPEN_READONLY`,
    /// no migrations, nothing written. Every read through it goes through `Workspace` and its
    /// access rule, like the asking workspace's own.
    package func openForReading() throws -> Workspace {
        let now = self.now
        switch asker {
        case .identity(let identity):
            return try Workspace(path: path, identity: identity, registerFirstAdministrator: false, mode: .readOnly,
                                 migrating: false, clock: { now })
        case .fixed(let username, let policy):
            return try Workspace(path: path, username: username, policy: policy, mode: .readOnly, migrating: false,
                                 clock: { now })
        }
    }
}

extension Workspace {
    /// How to open another connection like this one (``WorkspaceOpening``), at this moment.
    package var opening: WorkspaceOpening {
        let asker: WorkspaceOpening.Asker
        if let fixedPolicy {
            asker = .fixed(username: identity.account, policy: fixedPolicy)
        } else {
            asker = .identity(identity)
        }
        return WorkspaceOpening(path: database.path, asker: asker, now: clock())
    }
}
