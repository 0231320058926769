import Foundation
import Testing
import TrinvisCore

/// Nothing from the data reaches a terminal raw: the real binary, on a database whose names,
/// goals, notes and places carry escape sequences (OSC title, CSI, BEL, C1 CSI U+009B, a bidi
/// override), prints none of them on standard output or standard error of any command, and
/// keeps the Danish letters.
@Suite struct HostileOutputTests {
    /// Scalars a terminal would act on (a CR only as part of a CSV's or calendar's CR LF).
    static func forbidden(in text: String) -> [UInt32] {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.compactMap { index in
            let value = scalars[index].value
            if value == 0x0A || value == 0x09 { return nil }
            if value == 0x0D, index + 1 < scalars.count, scalars[index + 1] == "\n" { return nil }
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            return control || bidi ? value : nil
        }
    }

    /// A database imported from a document full of hostile text, the professional being the
    /// account that runs the tests.
    static func hostileDatabase(in folder: ScratchFolder) throws -> String {
        let soon = LocalDate.today().adding(days: 3).iso
        func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members) }
        let document = object([
            ("format", .string("trinvis")), ("version", .integer(1)),
            ("organisations", .array([object([("id", .string("o1")), ("name", .string("Kro \u{1B}[2J\u{202E}ØÅ")),
                                              ("kind", .string("municipality"))])])),
            ("professionals", .array([object([("id", .string("p1")), ("name", .string("Inger \u{1B}[31mHolm æ")),
                                              ("role", .string("administrator")), ("organisation", .string("o1")),
                                              ("username", .string(Identity.current().account))])])),
            ("citizens", .array([
                object([("id", .string("c1")), ("name", .string("Søren \u{1B}]0;pwned\u{07} Ærø")),
                        ("registered_on", .string("2026-01-01")), ("organisation", .string("o1")),
                        ("team", .array([object([("professional", .string("p1")), ("responsible", .bool(true)),
                                                 ("from", .string("2026-01-01"))])])),
                        ("plans", .array([object([("id", .string("pl1")), ("start", .string("2026-01-01")),
                                                  ("goal", .string("Mål \u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{07} grøn")),
                                                  ("milestones", .array([object([
                                                      ("id", .string("m1")), ("title", .string("Trin \u{1B}[5mblink")),
                                                      ("deadline", .string(soon))])]))])])),
                        ("meetings", .array([object([("id", .string("mt1")), ("at", .string(soon + "T10:00:00+01:00")),
                                                     ("place", .string("Sted \u{1B}[H")), ("author", .string("p1")),
                                                     ("attendees", .array([.string("p1")])),
                                                     ("notes", .string("Noter \u{1B}[8m\u{9D}0;x\u{9C}"))])]))]),
                object([("id", .string("c2")), ("name", .string("Søren \u{9B}31m\u{202E} Åse")),
                        ("registered_on", .string("2026-01-01")), ("organisation", .string("o1"))]),
            ])),
        ])
        let file = folder.file("hostile.json"), database = folder.file("hostile.sqlite")
        try Data(document.serialized().utf8).write(to: URL(fileURLWithPath: file))
        let imported = try runTrinvis(["import", file, "--db", database])
        #expect(imported.status == 0, "\(imported.stderr)")
        return database
    }

    @Test func noCommandPrintsAControlFromTheData() throws {
        let folder = try ScratchFolder()
        let database = try Self.hostileDatabase(in: folder)
        let commands: [(arguments: [String], danish: String?)] = [
            (["export"], "Ærø"), (["export", "--citizen", "Åse"], "Åse"),
            (["report", "--organisation", "Kro"], "ØÅ"), (["report", "--format", "csv", "--organisation", "Kro"], "ØÅ"),
            (["report", "--format", "json", "--organisation", "Kro"], "ØÅ"),
            // Two citizens match: the error lists their names (before, the first one set the title).
            (["print-plan", "Søren"], "Ærø"), (["print-plan", "Ærø"], "grøn"), (["print-access", "Ærø"], "Ærø"),
            (["calendar", "--full-names"], nil), (["audit"], nil), (["audit", "--format", "csv"], nil),
            (["audit", "--format", "json"], nil), (["admin", "organisation", "list"], "ØÅ"),
            (["admin", "professional", "list"], "æ"), (["admin", "duplicates"], nil), (["check"], nil),
            (["admin", "organisation", "set", "Kro", "--name", "Kro \u{1B}]2;x\u{07}ØÅ"], "ØÅ"),
        ]
        for (arguments, danish) in commands {
            let result = try runTrinvis(arguments + ["--db", database])
            let printed = result.stdout + result.stderr
            #expect(Self.forbidden(in: printed).isEmpty, "\(arguments): \(Self.forbidden(in: printed)) in \(printed.debugDescription)")
            if let danish { #expect(printed.contains(danish), "\(arguments) keeps \(danish): \(printed.debugDescription)") }
        }
        let ambiguous = try runTrinvis(["print-plan", "Søren", "--db", database])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("Søren \u{FFFD}]0;pwned\u{FFFD} Ærø"), "marked, not hidden: \(ambiguous.stderr.debugDescription)")
    }

    @Test func importMessagesQuoteTheDocumentSanitised() throws {
        let folder = try ScratchFolder()
        let file = folder.file("bad.json")
        try Data("{\"format\": \"trinvis\", \"version\": 1, \"x-\\u001b]0;t\\u0007\": 1, \"citizens\": [{\"na\\u009bme\": \"Å\"}]}".utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try runTrinvis(["import", file, "--db", folder.file("new.sqlite")])
        #expect(result.status == 1)
        #expect(Self.forbidden(in: result.stdout + result.stderr).isEmpty, "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains("citizens[0].na\u{FFFD}me: unknown member"), "\(result.stderr.debugDescription)")
    }
}
