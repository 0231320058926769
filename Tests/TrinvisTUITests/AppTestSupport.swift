import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// A demo database in a temporary folder, with "now" fixed at 2026-11-23 09:00 in Copenhagen
/// winter time, so that every screen is the same on every run.
final class DemoFixture {
    let folder: URL
    let workspace: Workspace
    static let now = Timestamp(iso: "2026-11-23T09:00:00+01:00") ?? Timestamp(seconds: 0, offsetMinutes: 0)

    init(username: String = "inger") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("trinvis-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let now = Self.now
        workspace = try Workspace(path: folder.appendingPathComponent("demo.sqlite").path, username: username,
                                  clock: { now })
        try DemoData.populate(workspace, today: now.localDate, username: username)
    }

    /// A runtime on the demo data at a size.
    func runtime(width: Int, height: Int, language: Language = .english, glyphs: Glyphs = .unicode) -> AppRuntime {
        AppRuntime(workspace: workspace, language: language, size: Size(width: width, height: height), glyphs: glyphs)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

extension AppRuntime {
    /// The screen as the terminal would show it.
    func screen(glyphs: Glyphs = .unicode) -> Canvas {
        var canvas = Canvas(size: state.size, glyphs: glyphs)
        render(into: &canvas)
        return canvas
    }

    /// The screen's text.
    var text: String { screen().lines().joined(separator: "\n") }

    /// Resizes as the terminal would.
    func resize(_ width: Int, _ height: Int) {
        send(.resize(Size(width: width, height: height)))
    }

    /// The name of the selected citizen.
    var selectedCitizen: String? {
        state.citizens.list.selection.map { state.citizens.rows[$0].citizen.name }
    }
}

/// Every cell of the canvas is free of control characters and bidi overrides.
func expectInert(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) {
    for row in 0..<canvas.height {
        for col in 0..<canvas.width {
            let scalars = canvas.cell(row: row, col: col)?.text.unicodeScalars ?? "".unicodeScalars
            #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                    sourceLocation: sourceLocation)
        }
    }
}
