/// An organisation as a sync file names it: its id at the sender, its name and its kind.
package struct SyncOrganisation: Sendable, Equatable {
    /// The id the sender stores it under.
    package var id: Int64
    /// Its name.
    package var name: String
    /// Its kind (`municipality`, `drop-in-centre`, …).
    package var kind: String

    package init(id: Int64, name: String, kind: String) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    var json: JSONValue {
        .object([("id", .integer(id)), ("name", .string(name)), ("kind", .string(kind))])
    }

    init?(json: JSONValue?) {
        guard let json, case .integer(let id)? = json["id"], case .string(let name)? = json["name"],
              case .string(let kind)? = json["kind"] else { return nil }
        self.init(id: id, name: name, kind: kind)
    }
}

/// The header of a sync file (format 1): who sent it to whom, which file of the exchange it is,
/// and the size and hash of the changeset that follows.
package struct SyncHeader: Sendable, Equatable {
    /// The sending installation's id (a UUID).
    package var fromInstallation: String
    /// The sending installation's site (the high bits of its ids).
    package var fromSite: Int64
    /// The organisation of the user who exported.
    package var fromOrganisation: SyncOrganisation
    /// The receiving organisation, as the sender knows it.
    package var toOrganisation: SyncOrganisation
    /// The receiving installation's id; nil when the sender never heard from it.
    package var toInstallation: String?
    /// 1, 2, … per sender and peer.
    package var sequence: Int64
    /// When it was written (unix seconds).
    package var createdAt: Int64
    /// The account that wrote it.
    package var createdBy: String
    /// The changeset's length in bytes.
    package var changesetBytes: Int
    /// The changeset's SHA-256, in lowercase hex.
    package var changesetSHA256: String
    /// The tables the changeset holds rows of, in order.
    package var tables: [String]

    package init(fromInstallation: String, fromSite: Int64, fromOrganisation: SyncOrganisation, toOrganisation: SyncOrganisation,
                 toInstallation: String?, sequence: Int64, createdAt: Int64, createdBy: String, changesetBytes: Int,
                 changesetSHA256: String, tables: [String]) {
        self.fromInstallation = fromInstallation
        self.fromSite = fromSite
        self.fromOrganisation = fromOrganisation
        self.toOrganisation = toOrganisation
        self.toInstallation = toInstallation
        self.sequence = sequence
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.changesetBytes = changesetBytes
        self.changesetSHA256 = changesetSHA256
        self.tables = tables
    }
}

/// Why a sync file was refused. Nothing was changed.
package enum SyncFileError: Error, Sendable, Equatable {
    /// Wrong magic line or format number: not a Trinvis sync file.
    case notASyncFile
    /// The changeset is shorter or longer than the header says, or its hash differs.
    case damaged
    /// The receiving organisation is not one of this installation's, or the file names another
    /// installation (or comes from this one).
    case meantForAnotherInstallation(organisation: String)
    /// A file of the exchange before this one was not applied: the number of the missing one.
    case outOfOrder(missing: Int64)
}

/// A sync file: the magic line, one line of JSON, the changeset's bytes.
package struct SyncFile: Sendable, Equatable {
    /// The first line of every sync file of format 1.
    package static let magic = "TRINVIS-SYNC 1\n"

    /// The header.
    package var header: SyncHeader
    /// The changeset (SQLite's binary format).
    package var changeset: [UInt8]

    package init(header: SyncHeader, changeset: [UInt8]) {
        self.header = header
        self.changeset = changeset
    }

    /// The file's bytes. The header's size and hash are those of `changeset`.
    package var bytes: [UInt8] {
        var header = header
        header.changesetBytes = changeset.count
        header.changesetSHA256 = SHA256.hex(SHA256.digest(changeset))
        let json = JSONValue.object([
            ("format", .integer(1)),
            ("from_installation", .string(header.fromInstallation)),
            ("from_site", .integer(header.fromSite)),
            ("from_organisation", header.fromOrganisation.json),
            ("to_organisation", header.toOrganisation.json),
            ("to_installation", header.toInstallation.map(JSONValue.string) ?? .null),
            ("sequence", .integer(header.sequence)),
            ("created_at", .integer(header.createdAt)),
            ("created_by", .string(header.createdBy)),
            ("changeset_bytes", .integer(Int64(changeset.count))),
            ("changeset_sha256", .string(header.changesetSHA256)),
            ("tables", .array(header.tables.map(JSONValue.string))),
        ])
        return Array((Self.magic + json.serialized(indent: false) + "\n").utf8) + changeset
    }

    /// Reads a sync file, refusing one that is not a sync file (`notASyncFile`) or whose
    /// changeset is cut short, too long or altered (`damaged`).
    package init(bytes: [UInt8]) throws {
        let magic = Array(Self.magic.utf8)
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { throw SyncFileError.notASyncFile }
        guard let end = bytes[magic.count...].firstIndex(of: 0x0A) else { throw SyncFileError.damaged }
        guard let json = try? JSONParser.parse(Array(bytes[magic.count..<end])), case .object = json else {
            throw SyncFileError.notASyncFile
        }
        guard json["format"] == .integer(1) else { throw SyncFileError.notASyncFile }
        guard case .string(let from)? = json["from_installation"], case .integer(let site)? = json["from_site"],
              let fromOrganisation = SyncOrganisation(json: json["from_organisation"]),
              let toOrganisation = SyncOrganisation(json: json["to_organisation"]),
              case .integer(let sequence)? = json["sequence"], sequence >= 1,
              case .integer(let size)? = json["changeset_bytes"], size >= 0,
              case .string(let hash)? = json["changeset_sha256"] else { throw SyncFileError.notASyncFile }
        var toInstallation: String?
        if case .string(let installation)? = json["to_installation"] { toInstallation = installation }
        var createdAt: Int64 = 0
        if case .integer(let at)? = json["created_at"] { createdAt = at }
        var createdBy = ""
        if case .string(let by)? = json["created_by"] { createdBy = by }
        var tables: [String] = []
        if case .array(let names)? = json["tables"] {
            tables = names.compactMap { if case .string(let name) = $0 { return name } else { return nil } }
        }
        let changeset = Array(bytes[(end + 1)...])
        guard changeset.count == size, SHA256.hex(SHA256.digest(changeset)) == hash.lowercased() else {
            throw SyncFileError.damaged
        }
        self.header = SyncHeader(fromInstallation: from, fromSite: site, fromOrganisation: fromOrganisation,
                                 toOrganisation: toOrganisation, toInstallation: toInstallation, sequence: sequence,
                                 createdAt: createdAt, createdBy: createdBy, changesetBytes: Int(size),
                                 changesetSHA256: hash.lowercased(), tables: tables)
        self.changeset = changeset
    }
}
