import Foundation
import Testing

/// Issue 11: what the real binary sends to the terminal for one key, counted in bytes with
/// `tmux pipe-pane` (a byte count, never a timing), and the keys that must act at once.
@Suite(.serialized) struct TerminalBytesTests {
    /// The milestones pane's part of a screen line (the right-hand pane of the main screen).
    private static func milestonesPart(of line: String) -> String? {
        let parts = line.components(separatedBy: "\u{2502}\u{2502}")
        return parts.count >= 2 ? parts[1] : nil
    }

    /// The milestone row that carries the selection marker, or nil.
    private static func selectedMilestone(in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).compactMap(milestonesPart).first { $0.hasPrefix("\u{203A}") }
    }

    /// The size of a file, 0 while it does not exist.
    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Waits until the screen and the file at `path` have stayed the same over `polls` polls in a
    /// row (a busy machine may pause between parts of an update), and returns the screen.
    @discardableResult
    private static func waitUntilSettled(_ terminal: TmuxTerminal, file path: String? = nil, polls: Int = 6,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var last: (String, Int)?
        var same = 0
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let now = (try terminal.screen(), path.map(size) ?? 0)
            if let last, last == now {
                same += 1
                if same >= polls { return now.0 }
            } else {
                same = 0
            }
            last = now
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the screen did not settle", sourceLocation: sourceLocation)
        return last?.0 ?? ""
    }

    /// Bytes as text a person can read: escapes as `\e`, other controls as `^X`.
    private static func readable(_ bytes: Data) -> String {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.map { scalar -> String in
            switch scalar.value {
            case 0x1B: return "\\e"
            case 0..<0x20: return "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
            default: return String(scalar)
            }
        }.joined()
    }

    @Test func aMoveInsideTheMilestonesPaneSendsAtMost200Bytes() throws {
        let terminal = try TmuxTerminal(width: 120, height: 40)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis(database: database)
        try terminal.waitFor("1 Citizens")
        try terminal.keys("2")
        try terminal.waitFor("[2 Milestones]")
        let before = try Self.waitUntilSettled(terminal)
        let first = try #require(Self.selectedMilestone(in: before), "a milestone is selected:\n\(before)")
        #expect(first.contains("Deltage i IT-kurset"), "\(first)")

        let capture = terminal.folder.file("bytes.out")
        try terminal.tmux(["pipe-pane", "-t", "main", "-o", "cat >> " + TmuxTerminal.quote(capture)])
        try terminal.keys("Down")
        try terminal.waitUntil(description: "the selection moves to the second milestone") {
            Self.selectedMilestone(in: $0)?.contains("Oprette boligans\u{F8}gning") == true
        }
        let after = try Self.waitUntilSettled(terminal, file: capture)
        try terminal.tmux(["pipe-pane", "-t", "main"])
        Self.waitUntilSettledFile(capture)

        // The move did happen, on screen and in the bytes: the row now selected was sent again.
        #expect(Self.selectedMilestone(in: after)?.contains("Oprette boligans\u{F8}gning") == true, "\(after)")
        #expect(after.contains("Deltage i IT-kurset"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: capture))
        #expect(String(decoding: bytes, as: UTF8.self).contains("Oprette boligans\u{F8}gning"),
                "the newly selected row is in the capture: \(Self.readable(bytes))")
        #expect(bytes.count <= 200, "\(bytes.count) bytes for one move: \(Self.readable(bytes))")

        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }

    /// The citizen whose row in the citizen list carries the selection marker.
    private static func selectedCitizen(in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.hasPrefix("\u{2502}\u{203A}") }
    }

    @Test func escapeClosesAViewAndKeysRightAfterItStillParse() throws {
        let terminal = try TmuxTerminal(width: 120, height: 40)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis(database: database)
        try terminal.waitFor("1 Citizens")
        // A bare Esc closes the citizen's view.
        try terminal.keys("Enter")
        try terminal.waitFor("Kom til v\u{E6}restedet via en veninde")
        try terminal.keys("Escape")
        let main = try terminal.waitFor("1 Citizens")
        #expect(Self.selectedCitizen(in: main)?.contains("Aisha Khalil") == true, "\(main)")
        // Esc and an arrow in one write (as a fast typist or a pasted burst sends them): the view
        // closes and the arrow still arrives as ↓, not as Esc [ B.
        try terminal.keys("Enter")
        try terminal.waitFor("Kom til v\u{E6}restedet via en veninde")
        try terminal.keys("Escape", "Down")
        let moved = try terminal.waitUntil(description: "the view closes and the selection moves to Bent") {
            Self.selectedCitizen(in: $0)?.contains("Bent \u{D8}rsted") == true
        }
        #expect(moved.contains("1 Citizens") && !moved.contains("Kom til v\u{E6}restedet via en veninde"), "\(moved)")
        try terminal.keys("Down")
        try terminal.waitUntil(description: "an arrow alone moves on") {
            Self.selectedCitizen(in: $0)?.contains("Jan B\u{E6}kgaard") == true
        }
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }

    /// Waits until a file stops growing (the `cat` of the pipe has written what it read).
    private static func waitUntilSettledFile(_ path: String) {
        var last = -1
        var same = 0
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, same < 5 {
            let now = size(of: path)
            same = now == last ? same + 1 : 0
            last = now
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
