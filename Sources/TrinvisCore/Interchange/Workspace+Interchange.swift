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
        try exportDocument(citizens: citizens, exportedAt: exportedAt, progress: progress).serialized()
    }
}
