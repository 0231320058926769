import Foundation
import Testing
@testable import TrinvisCore
@testable import trinvis_bench

/// A folder of its own under the temporary directory, removed again.
private final class Folder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("trinvis-bench-test-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite struct BareBaselineTests {
    @Test func boundValuesAreReadBackFromTheExpandedSQL() throws {
        let sql = "SELECT 'a?b', \"c?\" FROM t -- what?\nWHERE a = ? AND b > ?3 AND c IN (?, ?) /* ? */ AND d LIKE ? AND e = ?"
        let expanded = "SELECT 'a?b', \"c?\" FROM t -- what?\nWHERE a = 'Ærø ''øst'' å' AND b > -42 AND c IN (2.5, NULL) /* ? */ AND d LIKE x'00ff' AND e = ''"
        let values = try StatementRecorder.boundValues(sql: sql, expanded: expanded)
        #expect(values == [1: .text("Ærø 'øst' å"), 3: .integer(-42), 4: .real(2.5), 5: .null, 6: .blob([0, 255]), 7: .text("")])
        #expect(throws: BenchError.self) {
            try StatementRecorder.boundValues(sql: "SELECT ? FROM t", expanded: "SELECT 1 FROM u")
        }
    }

    @Test func theRecordedStatementsRunBareWithTheSameRows() throws {
        let folder = try Folder()
        let path = folder.path("bench.sqlite")
        let (database, connections) = try StatementRecorder.connections { try Database(path: path) }
        #expect(connections.count == 1)
        try database.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, town TEXT)")
        for (name, town) in [("Søren Ågård", "Århus"), ("Æble Ø'Brien", "Køge"), ("Ida", nil), ("Bo Bæk", "Århus")] {
            try database.execute("INSERT INTO person (name, town) VALUES (?, ?)", [.text(name), town.map { .text($0) } ?? .null])
        }
        let towns = ["Århus", "Køge", "Ærø"]
        let calls = try StatementRecorder.record(on: connections, indices: 0..<3) { index in
            _ = try database.fetchAll("SELECT name FROM person WHERE town = ? ORDER BY id", [.text(towns[index])])
            _ = try database.fetchAll("SELECT count(*) FROM person WHERE name LIKE ?", [.text("%Ø%")])
        }
        #expect(calls.map(\.count) == [2, 2, 2])
        #expect(calls[1][0].sql == "SELECT name FROM person WHERE town = ? ORDER BY id")
        #expect(calls[1][0].arguments == [1: .text("Køge")])
        #expect(calls[2][1].arguments == [1: .text("%Ø%")])

        let bare = try BareConnection(path: path)
        let measured = try bare.measure(calls, iterations: 2, warmup: 1)
        #expect(measured.samples.count == 2)
        // Køge: one name and one count; Ærø: no name and one count.
        #expect(measured.rows == 1.5)
        #expect(measured.statements.map(\.sql) == [calls[0][0].sql, calls[0][1].sql])

        // Nothing is recorded once the recording is over.
        let after = try StatementRecorder.record(on: connections, indices: 0..<1) { _ in }
        #expect(after == [[]])
    }

    @Test func anOperationThatWritesHasNoBareBaseline() throws {
        let folder = try Folder()
        let path = folder.path("bench.sqlite")
        let (database, connections) = try StatementRecorder.connections { try Database(path: path) }
        try database.execute("CREATE TABLE t (a TEXT)")
        let calls = try StatementRecorder.record(on: connections, indices: 0..<2) { _ in
            try database.execute("INSERT INTO t VALUES (?)", [.text("å")])
        }
        #expect(throws: BareConnection.WritingStatement.self) { try BareConnection(path: path).measure(calls, iterations: 1, warmup: 1) }
        #expect(try database.scalar("SELECT count(*) FROM t") == .integer(2))
    }
}

@Suite struct BenchOutputTests {
    private func measurement(_ name: String, milliseconds: [UInt64], bare: [UInt64]? = nil, rows: Double? = 1) -> trinvis_bench.Measurement {
        var result = trinvis_bench.Measurement(name: name, samples: milliseconds.map { $0 * 1_000_000 }, rows: rows)
        result.bare = bare.map { BareMeasurement(samples: $0.map { $0 * 1_000_000 }.sorted(), statements: [], rows: 1) }
        return result
    }

    @Test func jsonHasExactlyTheKeysAndLeavesOutBareWhereThereIsNone() throws {
        let runs = [
            (citizens: 10_000, measurements: [measurement("search: \"æ\" \\ ø", milliseconds: [2, 4], bare: [1, 2]),
                                              measurement("screen: ↓", milliseconds: [3], rows: nil)]),
            (citizens: 50_000, measurements: [measurement("search: \"æ\" \\ ø", milliseconds: [3, 5], bare: [2, 2])]),
        ]
        let parsed = try JSONSerialization.jsonObject(with: Data(resultsJSON(runs).utf8)) as? [[String: Any]]
        let objects = try #require(parsed as [[String: Any]]?)
        #expect(objects.count == 3)
        #expect(Set(objects[0].keys) == ["operation", "citizens", "p50_ms", "p99_ms", "bare_p50_ms", "bare_p99_ms", "rows"])
        #expect(Set(objects[1].keys) == ["operation", "citizens", "p50_ms", "p99_ms", "rows"])
        #expect(objects[0]["operation"] as? String == "search: \"æ\" \\ ø")
        #expect(objects[2]["citizens"] as? Int == 50_000)
        #expect(objects[0]["p99_ms"] as? Double == 4)
        #expect(objects[0]["bare_p50_ms"] as? Double == 1)
        #expect(objects[1]["rows"] is NSNull)
        #expect(try JSONSerialization.jsonObject(with: Data(resultsJSON([]).utf8)) as? [Any] != nil)
    }

    @Test func theTablesShowTheRatioTheTargetAndTheGrowth() {
        let small = [measurement(Suite.firstPage, milliseconds: [2], bare: [1]),
                     measurement("citizen list: first page, organisation rule", milliseconds: [4])]
        let large = [measurement(Suite.firstPage, milliseconds: [6], bare: [5]),
                     measurement("citizen list: first page, organisation rule", milliseconds: [7])]
        let table = ResultTable(measurements: small).table
        #expect(table.rows[0][8] == "2.00")
        #expect(table.rows[0][9] == "p99 ≤ 5 ms")
        #expect(table.rows[0][10] == "no (÷ bare)")
        #expect(table.rows[1][10] == "no (target)")
        #expect(ResultTable(measurements: large).table.rows[0][10] == "no (target)")
        #expect(ResultTable(measurements: large).table.rows[1][10] == "yes")

        let growth = GrowthTable(runs: [(10_000, small), (50_000, large)]).table
        #expect(growth.header == ["operation (p50 / p99)", "target", "10000 citizens", "50000 citizens",
                                  "growth of p50, 10000 → 50000"])
        #expect(growth.rows[0] == [Suite.firstPage, "p99 ≤ 5 ms", "2.00 ms / 2.00 ms", "6.00 ms / 6.00 ms", "3.00×"])
        #expect(growth.plain.split(separator: "\n").count == 3)
    }
}

@Suite struct BenchOptionsTests {
    @Test func sizesAreAListSmallestFirst() throws {
        #expect(try parseBenchOptions(["--sizes", "200000,10000,50000"]).sizes == [10_000, 50_000, 200_000])
        #expect(try parseBenchOptions(["--citizens=50000,10000", "--db-dir", "/tmp/x"]).sizes == [10_000, 50_000])
        #expect(try parseBenchOptions(["--citizens", "2000"]).sizes == [2_000])
        #expect(try parseBenchOptions([]).sizes == [10_000])
    }

    @Test func conflictingOptionsAreUsageErrors() {
        for arguments in [["--db", "a.sqlite", "--sizes", "1000,2000"], ["--db", "a", "--db-dir", "b"],
                          ["--json", "--markdown"], ["--json", "--sql"], ["--json", "--locks"],
                          ["--sizes", "1000,1000"], ["--sizes", "1000,"], ["--citizens", "99"]] {
            #expect(throws: BenchUsageError.self, "\(arguments)") { try parseBenchOptions(arguments) }
        }
    }
}
