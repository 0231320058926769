import Foundation
import Testing

/// The real binary in tmux, driven with keys and read with `capture-pane`.
@Suite(.serialized) struct InterfaceTests {
    private func start(_ terminal: TmuxTerminal, database: String) throws {
        try terminal.startTrinvis(database: database)
    }

    @Test func threePanesSearchDetailAndHelp() throws {
        let terminal = try TmuxTerminal(width: 120, height: 40)
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(terminal, database: database)
        let first = try terminal.waitFor("1 Citizens")
        #expect(first.contains("2 Milestones") && first.contains("3 Meetings"))
        #expect(first.contains("Aisha Khalil") && first.contains("Ulla Brandt"))
        #expect(first.contains("Deltage i IT-kurset"), "the first citizen's milestones")
        #expect(first.contains("Aisha tog ikke telefonen"), "the first citizen's meetings")

        // Search by a part of the name: the list narrows as the letters are typed.
        try terminal.keys("/")
        try terminal.type("sve")
        let narrowed = try terminal.waitFor("1 citizen found")
        #expect(narrowed.contains("Svend Madsen"))
        #expect(!narrowed.contains("Aisha Khalil"))
        #expect(narrowed.contains("Praktik hos Ringe"), "Svend's plan is on screen")
        try terminal.keys("Escape")
        try terminal.waitFor("Aisha Khalil")

        // Search by a word that stands only in a meeting note.
        try terminal.keys("/")
        try terminal.type("telefonen")
        let byNote = try terminal.waitFor("«telefonen»")
        #expect(byNote.contains("Aisha Khalil"))
        #expect(!byNote.contains("Svend Madsen"))

        // Enter keeps the results, Enter again opens the citizen, Esc goes back.
        try terminal.keys("Enter")
        try terminal.keys("Enter")
        let detail = try terminal.waitFor("Life")
        #expect(detail.contains("Aisha Khalil") && detail.contains("Kom til værestedet via en veninde"))
        try terminal.keys("Escape")
        try terminal.waitFor("1 Citizens")

        try terminal.keys("?")
        let help = try terminal.waitFor("Quit Trinvis")
        #expect(help.contains("Keys") && help.contains("Show every key of this screen"))
        try terminal.keys("Escape")
        try terminal.waitUntil(description: "the help closes") { !$0.contains("Quit Trinvis") }

        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }

    @Test func resizeKeepsTheSelection() throws {
        let terminal = try TmuxTerminal(width: 120, height: 40)
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(terminal, database: database)
        try terminal.waitFor("Kurt Damgaard")
        try terminal.keys("Down", "Down", "Down")
        try terminal.waitUntil(description: "Kurt is selected") {
            TmuxTerminal.listLine(in: $0, containing: "Kurt Damgaard")?.contains("›") == true
        }
        try terminal.resize(width: 60, height: 20)
        let small = try terminal.waitFor("[1 Citizens]  2 Milestones")
        #expect(TmuxTerminal.listLine(in: small, containing: "Kurt Damgaard")?.contains("›") == true)
        try terminal.resize(width: 120, height: 40)
        try terminal.waitFor("3 Meetings ")
        #expect(try terminal.listLine(containing: "Kurt Damgaard")?.contains("›") == true)
        let restored = try terminal.waitForStable("3 Meetings ")
        #expect(restored.contains("Være med på turen til Møns Klint"), "Kurt's milestones:\n\(restored)")
        // Below the minimum size: a message and keys do nothing but quit.
        try terminal.resize(width: 40, height: 10)
        try terminal.waitFor("too small")
        try terminal.keys("Down")
        try terminal.resize(width: 120, height: 40)
        try terminal.waitFor("3 Meetings ")
        #expect(try terminal.listLine(containing: "Kurt Damgaard")?.contains("›") == true)
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }

    @Test func quitAndSignalsLeaveTheTerminalUsable() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(terminal, database: database)
        try terminal.waitFor("1 Citizens")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
        // The terminal is back in its normal mode: line editing and echo on.
        try terminal.run("stty -a | tr ' ;' '\\n\\n' | grep -c -x -e echo -e icanon | sed 's/^/MODES=/'")
        try terminal.waitFor("MODES=2")

        // SIGTERM (a closed window, a shutdown) restores the terminal too, with status 143.
        try start(terminal, database: database)
        try terminal.waitFor("1 Citizens")
        try terminal.signal(SIGTERM, toProcessMentioning: database)
        try terminal.waitFor("EXIT=143")
        try terminal.run("stty -a | tr ' ;' '\\n\\n' | grep -c -x -e echo -e icanon | sed 's/^/AFTER=/'")
        try terminal.waitFor("AFTER=2")
    }

    @Test func aClosedTerminalEndsTheProgram() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(terminal, database: database)
        try terminal.waitFor("1 Citizens")
        #expect(TmuxTerminal.processes(mentioning: database).count == 1)
        try terminal.tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !TmuxTerminal.processes(mentioning: database).isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(TmuxTerminal.processes(mentioning: database).isEmpty, "no Trinvis is left running on a closed terminal")
    }

    @Test func runsOnVT100AndWithNoColor() throws {
        for environment in [["TERM": "vt100"], ["NO_COLOR": "1"]] {
            let terminal = try TmuxTerminal(width: 100, height: 30, environment: environment)
            let database = try makeDemoDatabase(in: terminal.folder)
            try start(terminal, database: database)
            let screen = try terminal.waitFor("Ulla Brandt")
            #expect(screen.contains("1 Citizens"))
            try terminal.keys("q")
            try terminal.waitFor("EXIT=0")
        }
    }

    @Test func anUnknownTerminalTypeExitsOneWithAMessage() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis(database: database, prefix: "TERM=nonexistent")
        let screen = try terminal.waitFor("EXIT=1")
        #expect(screen.contains("nonexistent"))
        #expect(screen.contains("TERM"))
    }

    @Test func danishInterfaceFromLang() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30, environment: ["LC_ALL": "", "LANG": "da_DK.UTF-8"])
        let database = try makeDemoDatabase(in: terminal.folder)
        try start(terminal, database: database)
        let screen = try terminal.waitFor("1 Borgere")
        #expect(screen.contains("2 Milepæle") && screen.contains("3 Møder"))
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }
}

/// The arrows as a terminal sends them when it ignores the keypad-transmit mode curses asks for.
@Suite(.serialized) struct NormalModeArrowTests {
    @Test func escBracketArrowsMoveTheSelectionAndTypeNothing() throws {
        // A long escape delay: the three bytes are read as one key even if they arrive apart.
        let terminal = try TmuxTerminal(width: 100, height: 30, environment: ["ESCDELAY": "1000"])
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis(database: database)
        try terminal.waitForStable("Kurt Damgaard")
        // ESC [ B three times (↓), then ESC [ A once (↑): raw bytes, not tmux's key names.
        for _ in 0..<3 { try terminal.tmux(["send-keys", "-t", "main", "-H", "1b", "5b", "42"]) }
        try terminal.waitUntil(description: "Kurt is selected after three ↓") {
            TmuxTerminal.listLine(in: $0, containing: "Kurt Damgaard")?.contains("›") == true
        }
        try terminal.tmux(["send-keys", "-t", "main", "-H", "1b", "5b", "41"])
        try terminal.waitUntil(description: "↑ moves the selection off Kurt") {
            TmuxTerminal.listLine(in: $0, containing: "Kurt Damgaard")?.contains("›") == false
        }
        let screen = try terminal.waitForStable("1 Citizens")
        #expect(!screen.contains("Archived citizens are shown"), "the A of ESC [ A was not read as a key:\n\(screen)")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")
    }
}
