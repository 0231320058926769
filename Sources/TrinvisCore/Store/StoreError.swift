/// Why a read or a save was refused. Each case names what to do in its `description`.
package enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The record does not exist (any more).
    case notFound(kind: String, id: Int64)
    /// Someone saved the record after it was read: the save would overwrite their change.
    /// Someone saved the record after it was read: `changedBy` is their professional's name
    /// (the account when no professional has it).
    case conflict(kind: String, id: Int64, changedBy: String, changedAt: Int64)
    /// The current user may not see or change this citizen's records.
    case accessDenied(citizen: Int64)
    /// A field's value cannot be saved.
    case invalid(ValidationError)
    /// The record is still referred to by others (a professional with meetings, say).
    case inUse(kind: String, id: Int64)
    /// A unique value is already taken (a user name, say).
    case duplicate(kind: String, detail: String)
    /// Only administrators may do this (change organisations and professionals, erase, read the log).
    case administratorsOnly

    package var description: String {
        switch self {
        case .notFound(let kind, let id):
            return "The \(kind) \(id) does not exist; it may have been deleted in another window."
        case .conflict(let kind, _, let changedBy, _):
            return "The \(kind) was changed by \(changedBy) after you opened it; your text is kept, "
                + "reload to see their change and then save again."
        case .accessDenied:
            return "You do not have access to this citizen's records."
        case .invalid(let error):
            return error.description
        case .inUse(let kind, _):
            return "The \(kind) is still referred to by other records and cannot be deleted."
        case .duplicate(let kind, let detail):
            return "Another \(kind) already has this \(detail)."
        case .administratorsOnly:
            return "Only an administrator may do this."
        }
    }
}
