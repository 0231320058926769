import Foundation
import Testing

/// Issue 9, point 4: a meeting with a two-line note, one agreement with a deadline and the
/// proposed next meeting, recorded in Danish at 80×24 with the real binary, in at most 12 keys
/// besides the text; then read back from the database with Python's sqlite3.
///
/// How keys are counted: every `tmux send-keys` by key name (`3`, `a`, Tab, Enter, F2) counts;
/// text sent literally (`send-keys -l`) does not. The Enter that starts the note's second line is
/// counted as a key, although it is part of the text: the count is the strict one. The count
/// starts on the main screen with the citizen selected (where Trinvis opens) and ends with the
/// save; quitting afterwards is not counted.
@Suite(.serialized) struct MeetingKeyCountTests {
    /// A terminal that counts the keys sent by name.
    private final class CountingKeys {
        let terminal: TmuxTerminal
        private(set) var count = 0
        private(set) var sent: [String] = []

        init(_ terminal: TmuxTerminal) { self.terminal = terminal }

        func press(_ names: String...) throws {
            count += names.count
            sent += names
            try terminal.tmux(["send-keys", "-t", "main"] + names)
        }

        func type(_ text: String) throws { try terminal.type(text) }
    }

    /// The newest meeting of a citizen and its agreements, read with Python's sqlite3 (not
    /// Trinvis), with the next meeting the rule gives computed in Python from the stored meeting:
    /// its date plus the citizen's interval, Saturday and Sunday moved to Monday, at the most
    /// common time of day of the citizen's five meetings before it (the latest of equally common
    /// ones; 10:00 without any).
    private static let readBack = #"""
        import sqlite3, sys, json, datetime, collections
        db = sqlite3.connect(sys.argv[1])
        citizen, interval = db.execute("SELECT id, meeting_interval_days FROM citizen WHERE name = ?", (sys.argv[2],)).fetchone()
        def local(seconds, offset):
            return datetime.datetime.fromtimestamp(seconds, datetime.timezone(datetime.timedelta(minutes=offset)))
        rows = db.execute("SELECT id, at_utc, at_offset, attendance, notes, next_utc, next_offset FROM meeting "
                          "WHERE citizen_id = ? ORDER BY at_utc DESC, id DESC", (citizen,)).fetchall()
        meeting, at_utc, at_offset, attendance, notes, next_utc, next_offset = rows[0]
        at = local(at_utc, at_offset)
        earlier = [local(r[1], r[2]) for r in rows[1:6]]
        counts = collections.Counter((t.hour, t.minute) for t in earlier)
        best = max(counts.values()) if counts else 0
        hour, minute = next(((t.hour, t.minute) for t in earlier if counts[(t.hour, t.minute)] == best), (10, 0))
        day = at.date() + datetime.timedelta(days=interval)
        if day.weekday() >= 5:
            day += datetime.timedelta(days=7 - day.weekday())
        agreements = db.execute("SELECT a.text, a.due, p.name FROM agreement a LEFT JOIN professional p ON p.id = a.responsible_id "
                                "WHERE a.meeting_id = ? ORDER BY a.id", (meeting,)).fetchall()
        present = [r[0] for r in db.execute("SELECT p.name FROM meeting_attendee m JOIN professional p ON p.id = m.professional_id "
                                            "WHERE m.meeting_id = ? ORDER BY m.position", (meeting,))]
        responsible = [r[0] for r in db.execute("SELECT p.name FROM team_member t JOIN professional p ON p.id = t.professional_id "
                                                "WHERE t.citizen_id = ? AND t.responsible = 1", (citizen,))]
        stored_next = local(next_utc, next_offset) if next_utc is not None else None
        print(json.dumps({
            "notes": notes, "attendance": attendance, "at": at.strftime("%Y-%m-%d %H:%M"),
            "agreements": [{"text": t, "due": d, "who": w} for t, d, w in agreements],
            "present": present, "responsible": responsible,
            "next": stored_next.strftime("%Y-%m-%d %H:%M") if stored_next else None,
            "expected_next": "%s %02d:%02d" % (day.isoformat(), hour, minute),
            "expected_due": (at.date() + datetime.timedelta(days=7)).isoformat(),
        }))
        """#

    @Test func aMeetingWithANoteAnAgreementAndTheNextMeetingTakesAtMostTwelveKeys() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("--lang da", database: database)
        try terminal.waitForStable("1 Borgere")
        let keys = CountingKeys(terminal)
        let note = ("Aisha har fået svar fra boligselskabet.", "Næste skridt: depositum og flytning i januar.")
        let agreement = "Aisha søger om depositum"

        try keys.press("3")
        try terminal.waitForStable("[3 Møder]")
        try keys.press("a")
        let form = try terminal.waitForStable("Nyt møde med Aisha Khalil")
        // The cursor is in the notes: the text goes straight there.
        try keys.type(note.0)
        try keys.press("Enter")
        try keys.type(note.1)
        try keys.press("Tab")
        try keys.type(agreement)
        try keys.press("Tab")
        try keys.type("+7")
        let filled = try terminal.waitForStable("+7")
        try keys.press("F2")
        let saved = try terminal.waitForStable("Gemt.")
        #expect(saved.contains("Aisha har fået svar"), "the meeting is in the pane")

        print("MeetingKeyCountTests: \(keys.count) keys besides the text: \(keys.sent.joined(separator: " "))")
        #expect(keys.count <= 12, "at most 12 keys besides the text, counted \(keys.count): \(keys.sent)")
        #expect(keys.count == 6, "3 a Enter Tab Tab F2")
        try terminal.keys("q")
        try terminal.waitFor("EXIT=0")

        // What the form proposed is what the screen showed: the next meeting's line of the form.
        let shownNext = Self.dateTime(onLineWith: "Næste møde", in: filled)
        #expect(shownNext != nil, "the form shows a proposed next meeting:\n\(form)")

        let output = terminal.folder.file("read-back.json")
        let status = try spawnAndWait(["/usr/bin/python3", "-c", Self.readBack, database, "Aisha Khalil"], stdoutPath: output)
        #expect(status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let stored = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(stored["notes"] as? String == note.0 + "\n" + note.1)
        #expect(stored["attendance"] as? String == "attended")
        let agreements = try #require(stored["agreements"] as? [[String: Any]])
        #expect(agreements.count == 1)
        #expect(agreements.first?["text"] as? String == agreement)
        #expect(agreements.first?["due"] as? String == stored["expected_due"] as? String, "the deadline a week after the meeting")
        #expect(agreements.first?["who"] is NSNull, "the citizen does it")
        #expect(stored["next"] as? String == stored["expected_next"] as? String, "the next meeting as the rule proposes it")
        if let shown = shownNext, let next = stored["next"] as? String {
            #expect(Self.sameDateTime(shown, next), "stored as it was shown: \(shown) / \(next)")
        }
        let present = try #require(stored["present"] as? [String])
        let responsible = try #require(stored["responsible"] as? [String])
        #expect(!present.isEmpty, "somebody was there")
        #expect(!responsible.isEmpty && responsible.allSatisfy(present.contains), "the responsible professional was there")
        #expect(present.contains("Inger Holm"), "and the user")
    }

    /// The date and time on the screen line containing `label` ("2026-12-07 10:00" or "07.12.2026 10:00").
    private static func dateTime(onLineWith label: String, in screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(label) }).map(String.init) else { return nil }
        for pattern in [#"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, #"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"#] {
            if let range = line.range(of: pattern, options: .regularExpression) { return String(line[range]) }
        }
        return nil
    }

    /// Whether a date and time as shown (ISO or Danish) is the ISO `YYYY-MM-DD HH:MM` stored.
    private static func sameDateTime(_ shown: String, _ iso: String) -> Bool {
        if shown == iso { return true }
        let parts = shown.split(separator: " ")
        let day = parts.first?.split(separator: ".") ?? []
        guard parts.count == 2, day.count == 3 else { return false }
        return "\(day[2])-\(day[1])-\(day[0]) \(parts[1])" == iso
    }
}
