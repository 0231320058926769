/// A generated interchange document of many citizens, the same for the same arguments: the load
/// that the benchmark's lock-time measurement and the many-writers test import. Each citizen has a
/// team entry, a consent, a resource, a plan with three milestones (one with a progress note), three
/// meetings with two agreements each and an assessment: 16 records, with Danish letters in names
/// and text. `prefix` makes the document's ids (and the citizens' names) its own, so that several
/// documents imported into one database add citizens rather than update them.
package enum GeneratedDocument {
    /// The document's text.
    package static func text(citizens count: Int, prefix: String, seed: UInt64 = 1) -> String {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let first = ["Åse", "Søren", "Ærling", "Bjørn", "Mette", "Jens", "Aisha", "Li", "Ulla", "Øjvind"]
        let last = ["Østergård", "Jørgensen", "Ålund", "Mæhl", "Kristensen", "Hansen", "Bæk", "Nørgaard"]
        let notes = ["Vi talte om praktikken og økonomien.", "Borgeren fortalte, at det går bedre med søvnen.",
                     "Snak om bolig og gæld; aftale om at ringe til lægen.", "Motivation for uddannelse, ønsker at blive gartner."]
        func quoted(_ text: String) -> String { JSONValue.string(text).serialized(indent: false) }
        var out = """
            {"format": "trinvis", "version": 1, "exported_at": "2026-11-22T09:00:00+01:00",
            "organisations": [{"id": "\(prefix)o1", "name": "Jobcenter \(prefix) Ærø", "kind": "municipality"}],
            "professionals": [{"id": "\(prefix)p1", "name": "Inger \(prefix) Holm", "role": "caseworker", "organisation": "\(prefix)o1"}],
            "citizens": [
            """
        for index in 0..<count {
            let id = "\(prefix)c\(index)"
            let name = "\(first[next(first.count)]) \(last[next(last.count)]) \(prefix)-\(index)"
            let month = 1 + next(9)
            let day = 1 + next(27)
            func date(_ offset: Int) -> String {
                let total = month * 28 + day + offset
                let m = min(12, max(1, total / 28)), d = 1 + total % 28
                return "2026-" + (m < 10 ? "0" : "") + String(m) + "-" + (d < 10 ? "0" : "") + String(d)
            }
            var meetings: [String] = []
            for meeting in 0..<3 {
                let at = date(meeting * 14) + "T10:00:00+01:00"
                meetings.append("""
                    {"id": "\(id)mt\(meeting)", "at": "\(at)", "kind": "conversation", "place": "Jobcentret", "attendance": "attended",
                     "attendees": ["\(prefix)p1"], "author": "\(prefix)p1", "notes": \(quoted(notes[next(notes.count)])),
                     "agreements": [{"text": "Søge tre job \(meeting)", "responsible": "citizen", "due": "\(date(meeting * 14 + 7))"},
                                    {"text": "Ringe til lægen \(meeting)", "responsible": "\(prefix)p1", "due": "\(date(meeting * 14 + 3))"}]}
                    """)
            }
            out += (index == 0 ? "" : ",\n") + """
                {"id": "\(id)", "name": \(quoted(name)), "registered_on": "\(date(0))", "organisation": "\(prefix)o1",
                 "team": [{"professional": "\(prefix)p1", "responsible": true, "from": "\(date(0))"}],
                 "consents": [{"scope": "contact-by-sms", "given_on": "\(date(0))"}],
                 "resources": [{"area": "education", "text": "Gartneruddannelse, påbegyndt", "updated_on": "\(date(0))"}],
                 "plans": [{"id": "\(id)pl", "goal": "Fast job som anlægsgartner", "purpose": "Selvforsørgende", "effort": "Praktik og løntilskud",
                   "start": "\(date(0))", "status": "active", "milestones": [
                   {"id": "\(id)m0", "title": "Starte i praktik", "deadline": "\(date(30))", "status": "planned",
                    "progress": [{"date": "\(date(5))", "note": "Første samtale med virksomheden", "author": "\(prefix)p1"}]},
                   {"id": "\(id)m1", "title": "Søge løntilskud", "deadline": "\(date(60))", "status": "planned"},
                   {"id": "\(id)m2", "title": "Afslutte behandling", "deadline": "\(date(90))", "stepping_stone": true, "status": "planned"}]}],
                 "meetings": [\(meetings.joined(separator: ",\n"))],
                 "assessments": [{"date": "\(date(0))", "author": "\(prefix)p1", "scores": {"quality-of-life": \(1 + next(10)), "health": \(1 + next(10))}}]}
                """
        }
        out += "\n]}\n"
        return out
    }
}
