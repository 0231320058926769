import Testing
@testable import TrinvisCore

/// Strict import: a member the format does not know is an error at its own path, with the
/// known member it is closest to, and nothing is stored; `x-` members pass anywhere; a list that
/// is not an array says so; a text over the limit is refused with its path and the limit.
@Suite struct StrictImportTests {
    typealias Base = InterchangeErrorTests.Base

    @Test func aMisspelledMemberIsAnErrorWithTheNearestKnownName() throws {
        let base = try Base()
        let svend = "citizens[\(base.svend)]"
        // Before: a withdrawn consent spelled `withdrawn-on` was stored as in force.
        try base.expect("\(svend).consents[0].withdrawn-on", .string("2026-03-01"),
                        problem: "unknown member; did you mean `withdrawn_on`?")
        // Before: a meeting's `note` (for `notes`) was dropped without a word.
        try base.expect("\(svend).meetings[0].note", .string("Talte om haven"), problem: "unknown member; did you mean `notes`?")
        try base.expect("citizen", .array([]), problem: "unknown member; did you mean `citizens`?")
        try base.expect("organisations[0].Name", .string("Kro"), problem: "unknown member; did you mean `name`?")
        try base.expect("\(svend).plans[0].milestones[0].steppingstone", .bool(true),
                        problem: "unknown member; did you mean `stepping_stone`?")
        try base.expect("\(svend).visions.familie", .string("Børnene"), problem: "unknown member; did you mean `family`?")
    }

    @Test func anUnknownMemberFarFromEveryKnownOneNamesTheExtensionPrefix() throws {
        let base = try Base()
        try base.expect("citizens[\(base.svend)].favourite_colour", .string("grøn"),
                        problem: "unknown member (extensions begin with x-)")
        try base.expect("households[0].address", .string("Æblevej 1"), problem: "unknown member (extensions begin with x-)")
    }

    @Test func extensionMembersPassAnywhere() throws {
        let base = try Base()
        var document = base.changedDocument
        for path in ["x-source", "organisations[0].x-colour", "citizens[\(base.svend)].x-shoe-size",
                     "citizens[\(base.svend)].consents[0].x-scanned", "citizens[\(base.svend)].meetings[0].x-room",
                     "citizens[\(base.svend)].assessments[0].scores.x-comment", "citizens[\(base.svend)].visions.x-dream"] {
            document = setting(document, at: path, to: .string("Ærø"))
        }
        let summary = try base.workspace.importDocument(text: document.serialized())
        #expect(summary[Citizen.table].created == 1)
    }

    @Test func aListThatIsNotAnArraySaysSoBeforeAnyReference() throws {
        let base = try Base()
        // The activities refer to citizens: before, this was "refers to …, which is not in the document".
        try base.expect("citizens", .object([]), problem: "must be an array of citizens, found an object")
        try base.expect("organisations", .string("o1"), problem: "must be an array of organisations, found a string")
    }

    @Test func aTextOverTheLimitIsRefusedWithItsPathAndTheLimit() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "limit.sqlite")
        func document(life: Int) -> String {
            "{\"format\": \"trinvis\", \"version\": 1, \"citizens\": [{\"id\": \"c1\", \"name\": \"Søren\", "
                + "\"registered_on\": \"2026-01-01\", \"life\": \"" + String(repeating: "æ", count: life / 2) + "\"}]}"
        }
        #expect(throws: InterchangeError.invalid(path: "citizens[0].life",
                                                 problem: "is longer than 1048576 bytes (1 MiB), the longest text a document may hold")) {
            try workspace.importDocument(text: document(life: Interchange.maximumTextBytes + 2))
        }
        #expect(try workspace.all(Citizen.self).isEmpty)
        // Below the limit, the text reaches the model's own checks (at most 100000 characters).
        try workspace.importDocument(text: document(life: 2000))
        #expect(try workspace.all(Citizen.self).map(\.name) == ["Søren"])
    }

    @Test func theParserNamesWhereATooLongStringIs() throws {
        let text = "{\"a\": [1, {\"b\": \"0123456789\"}]}"
        #expect(throws: JSONStringTooLong(path: "a[1].b", limit: 9)) { try JSONParser.parse(Array(text.utf8), maximumStringBytes: 9) }
        #expect(try JSONParser.parse(Array(text.utf8), maximumStringBytes: 10) == JSONParser.parse(text))
        #expect(throws: JSONStringTooLong(path: "", limit: 2)) { try JSONParser.parse(Array("\"abc\"".utf8), maximumStringBytes: 2) }
    }

    @Test func editDistanceCountsSlips() {
        func distance(_ first: String, _ second: String) -> Int {
            MemberNames.editDistance(Array(first.unicodeScalars), Array(second.unicodeScalars))
        }
        #expect(distance("note", "notes") == 1)
        #expect(distance("withdrawn_on", "withdarwn_on") == 1)
        #expect(distance("kind", "kid") == 1)
        #expect(distance("", "abc") == 3)
        #expect(distance("given_on", "given_on") == 0)
        #expect(MemberNames.nearest(to: "withdrawn-on", among: ["given_on", "withdrawn_on"]) == "withdrawn_on")
        #expect(MemberNames.nearest(to: "nmae", among: ["name", "kind"]) == "name")
        #expect(MemberNames.nearest(to: "id", among: ["to", "kind"]) == nil)
        #expect(MemberNames.nearest(to: "zzzz", among: ["name", "kind"]) == nil)
    }
}
