import Foundation
import Testing
@testable import TrinvisCore

/// The import reads its document as a stream (`JSONDocumentStream`) through a window of a fixed
/// size. It must find what the whole-document parser finds, value for value and error for error
/// (line, column and message), wherever the window's edges fall: inside a multi-byte letter, an
/// escape, a number or a word. And the importer, which now checks and writes one entry at a
/// time, must report the same first problem as a check of the whole document.
@Suite struct StreamingImportTests {
    /// What reading a document gives: its value, or where and why it is not JSON.
    enum Outcome: Equatable, CustomStringConvertible {
        case value(JSONValue)
        case syntax(line: Int, column: Int, message: String)
        case tooLong(path: String)

        var description: String {
            switch self {
            case .value(let value): return "value \(value.serialized(indent: false).prefix(80))"
            case .syntax(let line, let column, let message): return "line \(line), column \(column): \(message)"
            case .tooLong(let path): return "too long at \(path)"
            }
        }
    }

    /// The members the stream reads item by item in these tests: the importer's lists and more.
    static let streamed: Set<String> = ["organisations", "professionals", "activities", "citizens", "households", "a"]

    static func whole(_ bytes: [UInt8], limit: Int) -> Outcome {
        do {
            return .value(try JSONParser.parse(bytes, maximumStringBytes: limit))
        } catch let error as JSONSyntaxError {
            return .syntax(line: error.line, column: error.column, message: error.message)
        } catch let error as JSONStringTooLong {
            return .tooLong(path: error.path)
        } catch {
            return .syntax(line: 0, column: 0, message: "\(error)")
        }
    }

    /// The document read through the stream, rebuilt whole; each streamed list is also read a
    /// second time by its offset and must give the same items.
    static func streamed(_ bytes: [UInt8], limit: Int, window: Int) -> Outcome {
        let stream = JSONDocumentStream(source: JSONMemorySource(bytes), maximumStringBytes: limit, windowSize: window)
        do {
            var members: [(String, JSONValue)] = []
            var offsets: [String: Int] = [:]
            var items: [String: [JSONValue]] = [:]
            let root = try stream.read(
                streamed: streamed, member: { members.append(($0, $1)) },
                list: { key, offset in
                    members.append((key, .null))
                    offsets[key] = offset
                    items[key] = []
                },
                item: { key, position, value in
                    #expect(position == items[key]?.count)
                    items[key]?.append(value)
                })
            if case .other(let value) = root { return .value(value) }
            for (key, offset) in offsets {
                var again: [JSONValue] = []
                try stream.items(ofListAt: offset, key: key) { _, value in again.append(value) }
                #expect(again == items[key], "\(key) read again")
            }
            return .value(.object(members.map { key, value in (key, offsets[key] == nil ? value : .array(items[key] ?? [])) }))
        } catch let error as JSONFragmentError {
            guard let (line, column) = try? stream.position(of: error.offset) else { return .syntax(line: -1, column: -1, message: "") }
            return .syntax(line: line, column: column, message: error.message)
        } catch let error as JSONStringTooLong {
            return .tooLong(path: error.path)
        } catch {
            return .syntax(line: 0, column: 0, message: "\(error)")
        }
    }

    /// An exported document with every kind of record, Danish letters, emoji and escapes.
    static func richDocument() throws -> [UInt8] {
        let directory = try TemporaryDirectory()
        let source = try emptyWorkspace(directory, "source.sqlite")
        try buildRichData(in: source)
        return Array(try source.exportText(exportedAt: fixedExportTime).utf8)
    }

    /// Documents that are not JSON in the ways a file can go wrong, and some that are.
    static let handMade: [String] = [
        "", "   \n ", "\u{FEFF}", "\u{FEFF}{}", "{}", "{} x", " [1, 2] ", "\"æ\"", "tru", "nul", "-", "01", "1.", "1e+",
        "{\"a\": [1, 2,]}", "{\"a\": [1 2]}", "{\"a\": [tru]}", "{\"a\": [truex]}", "{\"a\": [-]}", "{\"a\": [01]}",
        "{\"a\": [1.5e+]}", "{\"a\": [\"\\ud800\"]}", "{\"a\": [\"\\ud83d\\ude00 æ\"]}", "{\"a\": [\"\\x\"]}",
        "{\"a\": [\"tab\there\"]}", "{\"a\": [}", "{\"a\": [,]}", "{\"a\": []", "{\"a\": [] x}", "{\"a\" []}",
        "{\"a\": 1, \"a\": 2}", "{\"b\": 1,\n \"b\": {\"c\": 2}}", "{\"a\": [{\"b\": 1, \"b\": 2}]}", "{a: 1}", "{\"a\": 1,}",
        "{\"a\": [1]]", "{\"a\": [1]}}", "{\"a\": [{\"ø\": \"å\"}, [\"æ\", {}]], \"b\": null, \"c\": -0.5e3}",
        "{\"a\": [\"\u{00}\"]}", "{\"a\": \"unterminated", "{\"a\": [\"unterminated", "{\"a\": [1, 2, 3",
        "{\"a\": [" + String(repeating: "[", count: 205) + "]}",
        "{\"b\": " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199) + "}",
        "{\"a\": [" + String(repeating: "[", count: 198) + String(repeating: "]", count: 198) + "]}",
        "{\"a\": [\"" + String(repeating: "ø", count: 40) + "\"]}", "{\"" + String(repeating: "k", count: 70) + "\": 1}",
        "{\"a\": [1, 12345678901234567890123, 1e999]}", "{\"a\": [\"q\u{0307}\"], \"é\" x}",
    ]

    @Test func handMadeDocumentsReadAsTheWholeParserReadsThem() {
        for text in Self.handMade {
            let bytes = Array(text.utf8)
            let expected = Self.whole(bytes, limit: 64)
            for window in [1, 2, 3, 5, 1 << 20] {
                let found = Self.streamed(bytes, limit: 64, window: window)
                #expect(found == expected, "\(text.prefix(60).debugDescription) through a window of \(window)")
            }
        }
        // Bytes that are not UTF-8, and a byte-order mark cut short.
        for bytes: [UInt8] in [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x5B, 0x22, 0xC3, 0x22, 0x5D, 0x7D], [0xEF, 0xBB, 0x7B, 0x7D],
                               [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x5B, 0x22, 0xFF, 0xFE, 0x22, 0x5D, 0x7D]] {
            for window in [1, 2, 4, 64] {
                #expect(Self.streamed(bytes, limit: 64, window: window) == Self.whole(bytes, limit: 64), "\(bytes) / \(window)")
            }
        }
    }

    @Test func aRealDocumentCutAndBrokenAnywhereGivesTheSameErrorAtTheSamePlace() throws {
        let document = try Self.richDocument()
        #expect(document.count > 10_000)
        // The whole document, through windows that split every kind of token.
        for window in [3, 7, 64, 1 << 20] {
            #expect(Self.streamed(document, limit: .max, window: window) == Self.whole(document, limit: .max), "\(window)")
        }
        // A string limit the document passes: refused at the same path.
        let tooLong = Self.whole(document, limit: 40)
        guard case .tooLong = tooLong else {
            Issue.record("the rich document has a text over 40 bytes: \(tooLong)")
            return
        }
        #expect(Self.streamed(document, limit: 40, window: 7) == tooLong)
        // Cut short at many places, among them inside multi-byte letters.
        var cuts = Array(stride(from: 0, to: document.count, by: document.count / 60))
        if let letter = document.firstIndex(where: { $0 >= 0xC0 }) { cuts += [letter + 1, letter + 2] }
        for cut in cuts {
            let bytes = Array(document[..<cut])
            #expect(Self.streamed(bytes, limit: .max, window: 7) == Self.whole(bytes, limit: .max), "cut at \(cut)")
        }
        // One byte changed to something that breaks the syntax around it, at many places.
        var generator = SystemRandomNumberGenerator()
        let breakers: [UInt8] = [UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "x"),
                                 UInt8(ascii: "\\"), 0x01, UInt8(ascii: ":"), UInt8(ascii: "{"), UInt8(ascii: "["), 0xC3]
        for _ in 0..<150 {
            var bytes = document
            let place = Int.random(in: 0..<bytes.count, using: &generator)
            let breaker = breakers.randomElement(using: &generator)!
            bytes[place] = breaker
            let window = [1, 7, 64].randomElement(using: &generator)!
            #expect(Self.streamed(bytes, limit: .max, window: window) == Self.whole(bytes, limit: .max),
                    "byte \(place) set to \(breaker), window \(window)")
        }
    }

    @Test func theStreamNeverHoldsMoreThanItsWindowAndTheLargestItem() throws {
        // A source that counts what is asked of it: every read is at most the window's size, and
        // one reading of the document asks for each byte once.
        final class CountingSource: JSONByteSource {
            let inner: JSONMemorySource
            var largestRead = 0
            var total = 0
            init(_ bytes: [UInt8]) { inner = JSONMemorySource(bytes) }
            func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                let count = try inner.read(at: offset, into: buffer)
                largestRead = max(largestRead, buffer.count)
                total += count
                return count
            }
        }
        let item = "{\"id\": \"c\", \"name\": \"Åse Ærø\", \"life\": \"" + String(repeating: "ø", count: 300) + "\"}"
        let text = "{\"format\": \"trinvis\", \"citizens\": [" + Array(repeating: item, count: 400).joined(separator: ",\n") + "]}"
        let source = CountingSource(Array(text.utf8))
        let stream = JSONDocumentStream(source: source, windowSize: 4096)
        var count = 0
        try stream.read(streamed: ["citizens"], member: { _, _ in }, list: { _, _ in }, item: { _, _, _ in count += 1 })
        #expect(count == 400)
        #expect(source.largestRead == 4096)
        #expect(source.total == text.utf8.count)
    }

    // MARK: The importer

    @Test func anImportThroughATinyWindowStoresExactlyWhatTheDefaultOneDoes() throws {
        let document = try Self.richDocument()
        let directory = try TemporaryDirectory()
        let tiny = try emptyWorkspace(directory, "tiny.sqlite"), normal = try emptyWorkspace(directory, "normal.sqlite")
        var importer = InterchangeImporter(workspace: tiny)
        importer.windowSize = 7
        let tinySummary = try importer.importDocument(bytes: document)
        let normalSummary = try InterchangeImporter(workspace: normal).importDocument(bytes: document)
        #expect(tinySummary == normalSummary)
        #expect(tinySummary.totalCreated > 50)
        #expect(try withoutInstallation(tiny.exportText(exportedAt: fixedExportTime))
                == withoutInstallation(normal.exportText(exportedAt: fixedExportTime)))
        // And a second import of the same document through the tiny window changes nothing.
        let again = try importer.importDocument(bytes: document)
        #expect(again.totalCreated == 0 && again.totalUpdated == 0)
    }

    @Test func aSyntaxErrorAcrossTheWindowsEdgesIsReportedWhereItIsAndNothingIsWritten() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "db.sqlite")
        let before = try fingerprint(workspace.database)
        // The error sits after a semantic problem (a date that does not exist) and after many
        // window refills: the syntax is checked before anything else, so it is what is reported.
        let text = "{\"format\": \"trinvis\", \"version\": 1,\n \"citizens\": [\n"
            + "  {\"id\": \"c1\", \"name\": \"Åse Ærø\", \"registered_on\": \"2026-02-30\"},\n"
            + "  {\"id\": \"c2\", \"name\": \"Søren 😀 Øberg\", \"registered_on\": \"2026-01-01\" \"life\": \"\"}]}"
        for window in [1, 3, 7, 1 << 20] {
            var importer = InterchangeImporter(workspace: workspace)
            importer.windowSize = window
            #expect(throws: InterchangeError.notJSON(line: 4, column: 71, detail: "expected ',' or '}'")) {
                try importer.importDocument(text: text)
            }
        }
        #expect(try fingerprint(workspace.database) == before)
    }

    @Test func theFirstProblemInTheOrderOfTheChecksIsReportedWhateverIsWrittenFirst() throws {
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "db.sqlite")
        let before = try fingerprint(workspace.database)
        func rejected(_ text: String) throws -> InterchangeError? {
            var failure: InterchangeError?
            do {
                try workspace.importDocument(text: text)
                Issue.record("imported")
            } catch let error as InterchangeError {
                failure = error
            }
            #expect(try fingerprint(workspace.database) == before)
            return failure
        }
        // Households are written before the citizens and activities, but checked after them.
        let householdWithoutName = "\"households\": [{\"id\": \"h1\", \"members\": [\"c1\"]}]"
        let badActivity = "\"activities\": [{\"id\": \"a1\", \"title\": \"Gåtur\", \"kind\": \"stroll\", \"date\": \"2026-03-01\"}]"
        let badCitizen = "\"citizens\": [{\"id\": \"c1\", \"name\": \"Åse\", \"registered_on\": \"2026-13-01\"}]"
        let goodCitizen = "\"citizens\": [{\"id\": \"c1\", \"name\": \"Åse\", \"registered_on\": \"2026-01-01\"}]"
        let head = "{\"format\": \"trinvis\", \"version\": 1, "
        #expect(try rejected(head + [householdWithoutName, badCitizen].joined(separator: ", ") + "}")?.path
                == "citizens[0].registered_on")
        #expect(try rejected(head + [householdWithoutName, goodCitizen, badActivity].joined(separator: ", ") + "}")?.path
                == "activities[0].kind")
        #expect(try rejected(head + [householdWithoutName, goodCitizen].joined(separator: ", ") + "}")?.path
                == "households[0].name")
        // A citizen named in two households: found among the households, after the citizens'
        // own problems, though the households are written first.
        let twoHouseholds = "\"households\": [{\"id\": \"h1\", \"name\": \"A\", \"members\": [\"c1\"]}, "
            + "{\"id\": \"h2\", \"name\": \"B\", \"members\": [\"c1\"]}]"
        #expect(try rejected(head + [twoHouseholds, badCitizen].joined(separator: ", ") + "}")?.path == "citizens[0].registered_on")
        #expect(try rejected(head + [twoHouseholds, goodCitizen].joined(separator: ", ") + "}")
                == .invalid(path: "households[1].members[0]", problem: "\"c1\" is already a member of \"h1\" (households[0].members[0])"))
        // An installation that is not a string is found after every entry's problem.
        #expect(try rejected(head + "\"x-installation\": 5, " + badCitizen + "}")?.path == "citizens[0].registered_on")
        #expect(try rejected(head + "\"x-installation\": 5, " + goodCitizen + "}")?.path == "x-installation")
    }

    @Test func aFileThatCannotBeReadMidwayChangesNothing() throws {
        final class FailingSource: JSONByteSource {
            let inner: JSONMemorySource
            let failAt: Int
            var reads = 0
            init(_ bytes: [UInt8], failAt: Int) {
                inner = JSONMemorySource(bytes)
                self.failAt = failAt
            }
            func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                reads += 1
                if reads >= failAt { throw JSONReadError(code: EIO) }
                return try inner.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, 512)]))
            }
        }
        let document = try Self.richDocument()
        let directory = try TemporaryDirectory()
        let workspace = try emptyWorkspace(directory, "db.sqlite")
        let before = try fingerprint(workspace.database)
        // Once in the first reading, once in the second (while writing).
        for failAt in [3, document.count / 512 + 8] {
            #expect(throws: JSONReadError(code: EIO)) {
                try workspace.importDocument(source: FailingSource(document, failAt: failAt))
            }
            #expect(try fingerprint(workspace.database) == before)
            #expect(!workspace.database.isInTransaction)
        }
    }

    @Test func compactPathsGiveBackThePathsTheyWereMadeOf() {
        var shapes = PathShapes()
        let paths = ["citizens[0].id", "citizens[12].meetings[3].id", "citizens[7].plans[0].milestones[41].id", "activities[9].id",
                     "a[1].b[2].c[3].d[4].e[5].id", "citizens[99999999999].id", "organisations[3].id", "x"]
        let compact = paths.map { shapes.compact($0) }
        #expect(compact.map { shapes.path($0) } == paths)
        // Paths of one shape share it.
        #expect(shapes.compact("citizens[5].meetings[1].id").shape == compact[1].shape)
    }
}
