extension Workspace {
    /// Imports an interchange document (see `InterchangeImporter`).
    @discardableResult
    package func importDocument(text: String, progress: InterchangeProgress? = nil) throws -> ImportSummary {
        try InterchangeImporter(workspace: self).importDocument(text: text, progress: progress)
    }

    /// Imports an interchange document from UTF-8 bytes (see `InterchangeImporter`).
    @discardableResult
    package func importDocument(bytes: [UInt8], progress: InterchangeProgress? = nil) throws -> ImportSummary {
        try InterchangeImporter(workspace: self).importDocument(bytes: bytes, progress: progress)
    }

    /// Imports an interchange document read from `source` as a stream (see `InterchangeImporter`).
    @discardableResult
    package func importDocument(source: JSONByteSource, progress: InterchangeProgress? = nil) throws -> ImportSummary {
        try InterchangeImporter(workspace: self).importDocument(source: source, progress: progress)
    }

    /// The interchange document of everything the actor may see, or of the chosen citizens
    /// (see `InterchangeExporter`). `exportedAt` defaults to the workspace clock.
    package func exportDocument(citizens: [CitizenID]? = nil, exportedAt: Timestamp? = nil,
                                progress: InterchangeProgress? = nil) throws -> JSONValue {
        let document = try InterchangeExporter(workspace: self).document(citizens: citizens, exportedAt: exportedAt ?? clock(),
                                                                         progress: progress)
        try flushAccessLog()
        return document
    }

    /// The interchange document as text (UTF-8, two-space indentation, ending with a line break).
    package func exportText(citizens: [CitizenID]? = nil, exportedAt: Timestamp? = nil,
                            progress: InterchangeProgress? = nil) throws -> String {
        var text = ""
        try exportDocument(citizens: citizens, exportedAt: exportedAt, progress: progress) { text += $0 }
        return text
    }

    /// The interchange document's text given to `sink` piece by piece as it is made (see
    /// `InterchangeExporter.write`): what `exportText` returns, without holding it whole. The
    /// look-ups are logged when all of it went to `sink`.
    package func exportDocument(citizens: [CitizenID]? = nil, exportedAt: Timestamp? = nil, progress: InterchangeProgress? = nil,
                                to sink: @escaping (String) throws -> Void) throws {
        try InterchangeExporter(workspace: self).write(citizens: citizens, exportedAt: exportedAt ?? clock(), progress: progress,
                                                       to: sink)
        try flushAccessLog()
    }
}
