import Foundation
import Testing
@testable import TrinvisCore

@Suite struct ReportRenderingTests {
    /// The figures of the contract's example, with one cohort.
    static func exampleReport(organisation: Organisation? = nil) -> ResultsReport {
        let figures = ResultsFigures.with(
            citizens: 75,
            soft: [SoftResult(dimension: .qualityOfLife, assessed: 67, improved: 60, same: 5, worse: 2),
                   SoftResult(dimension: .relationToSystem, assessed: 8, improved: 1, same: 4, worse: 3)],
            hard: [HardResult(kind: .ownHousing, citizens: 29), HardResult(kind: .jobSpecialTerms, citizens: 6)],
            milestones: MilestoneResults(set: 200, achieved: 150, achievedByDeadline: 120, dropped: 10),
            contact: ContactResults(meetings: 400, attended: 300, excused: 40, noShow: 60, gaps: 250,
                                    medianDaysBetween: 14))
        let cohort = ResultsFigures.with(
            citizens: 3, milestones: MilestoneResults(set: 3, achieved: 2),
            contact: ContactResults(meetings: 4, attended: 3, noShow: 1, gaps: 1, medianDaysBetween: 9))
        return ResultsReport(from: day("2014-01-01"), to: nil, organisation: organisation, figures: figures,
                             cohorts: [ResultsCohort(quarter: Quarter(containing: day("2026-02-01")), figures: cohort)])
    }

    // MARK: JSON

    /// The example of interchange-v1.md, "Results report over this data", verbatim.
    static let contractExample = """
        {
          "period": {"from": "2014-01-01", "to": null},
          "citizens": 75,
          "soft": [
            {"dimension": "quality-of-life", "assessed": 67, "improved": 60, "same": 5, "worse": 2,
             "improved_percent": 90}
          ],
          "hard": [{"kind": "own-housing", "citizens": 29}],
          "milestones": {"set": 200, "achieved": 150, "achieved_by_deadline": 120, "dropped": 10,
                         "achieved_percent": 75},
          "contact": {"meetings": 400, "attended": 300, "excused": 40, "no_show": 60,
                      "attendance_percent": 83, "median_days_between": 14}
        }
        """

    @Test func jsonMatchesTheContractExample() throws {
        let contract = try JSONParser.parse(Self.contractExample)
        let json = Self.exampleReport().json
        guard case .object(let members) = json else {
            Issue.record("the report is not a JSON object")
            return
        }
        #expect(members.map(\.0) == ["period", "citizens", "soft", "hard", "milestones", "contact", "filter", "activities", "cohorts"])
        for key in ["period", "citizens", "milestones", "contact"] {
            #expect(json[key] == contract[key], "\(key)")
        }
        guard case .array(let soft)? = json["soft"], case .array(let contractSoft)? = contract["soft"],
              case .array(let hard)? = json["hard"], case .array(let contractHard)? = contract["hard"] else {
            Issue.record("soft and hard must be arrays")
            return
        }
        #expect(soft.first == contractSoft.first)
        #expect(hard.first == contractHard.first)
    }

    @Test func jsonHasEveryRowInTheEnumerationOrderWithNullsForMissingShares() throws {
        let data = try ReportData()
        let svend = try data.citizen("Svend")
        try data.assess(svend, "2026-01-10", [.qualityOfLife: 3])
        try data.assess(svend, "2026-02-10", [.qualityOfLife: 5])
        try data.outcome(svend, "2026-03-01", .ownHousing)
        try data.milestone(try data.plan(svend), deadline: "2026-02-01", .achieved, achievedOn: "2026-01-30")
        try data.meeting(svend, "2026-01-10")
        try data.meeting(svend, "2026-01-24")
        try data.meeting(svend, "2026-02-07", .noShow)

        let json = try data.report(from: "2026-01-01").json
        let softRow = { (dimension: String) in
            #"{"dimension": "\#(dimension)", "assessed": 0, "improved": 0, "same": 0, "worse": 0, "improved_percent": null}"#
        }
        let hardRow = { (kind: String) in #"{"kind": "\#(kind)", "citizens": 0}"# }
        let expected = try JSONParser.parse("""
            {
              "period": {"from": "2026-01-01", "to": null},
              "citizens": 1,
              "soft": [
                {"dimension": "quality-of-life", "assessed": 1, "improved": 1, "same": 0, "worse": 0, "improved_percent": 100},
                \(["self-esteem", "relation-to-system", "social-network", "health", "housing", "finances",
                   "work-readiness"].map(softRow).joined(separator: ",\n"))
              ],
              "hard": [
                {"kind": "own-housing", "citizens": 1},
                \(["job-ordinary", "job-special-terms", "job-wage-subsidy", "flex-job", "education", "self-supporting",
                   "reduced-support", "support-ended", "treatment-started", "other"].map(hardRow).joined(separator: ",\n"))
              ],
              "milestones": {"set": 1, "achieved": 1, "achieved_by_deadline": 1, "dropped": 0, "achieved_percent": 100},
              "contact": {"meetings": 3, "attended": 2, "excused": 0, "no_show": 1, "attendance_percent": 67,
                          "median_days_between": 14}
            }
            """)
        guard case .object(let members) = json, case .object(let expectedMembers) = expected else {
            Issue.record("not objects")
            return
        }
        #expect(Array(members.prefix(6).map(\.0)) == expectedMembers.map(\.0))
        for (key, value) in expectedMembers {
            #expect(json[key] == value, "\(key)")
        }
        // What is written parses back to the same value.
        #expect(try JSONParser.parse(json.serialized()) == json)
        #expect(try JSONParser.parse(json.serialized(indent: false)) == json)
    }

    @Test func jsonOfAnEmptyReportHasNullForEveryShareAndOpenEnd() throws {
        let json = try ReportData().report().json
        #expect(json["period"] == .object([("from", .null), ("to", .null)]))
        #expect(json["citizens"] == .integer(0))
        guard case .array(let soft)? = json["soft"], case .array(let hard)? = json["hard"] else {
            Issue.record("soft and hard must be arrays")
            return
        }
        #expect(soft.count == 8)
        #expect(soft.allSatisfy { $0["improved_percent"] == .null && $0["assessed"] == .integer(0) })
        #expect(hard.count == 11)
        #expect(json["milestones"]?["achieved_percent"] == .null)
        #expect(json["contact"]?["attendance_percent"] == .null)
        #expect(json["contact"]?["median_days_between"] == .null)
        #expect(json["filter"] == .object([("organisation", .null), ("professional", .null)]))
        #expect(json["cohorts"] == .array([]))
    }

    @Test func jsonNamesTheFilterAndTheCohortsAfterTheContractKeys() throws {
        let data = try ReportData()
        let ryslinge = try data.organisation("Jobcenter Ryslinge")
        let svend = try data.citizen("Svend", registered: "2026-02-10", organisation: ryslinge)
        try data.meeting(svend, "2026-03-01")
        let json = try data.report(organisation: ryslinge).json
        #expect(json["filter"]?["organisation"] == .object([("id", .integer(ryslinge.rawValue)),
                                                             ("name", .string("Jobcenter Ryslinge"))]))
        #expect(json["filter"]?["professional"] == .null)
        guard case .array(let cohorts)? = json["cohorts"], case .object(let members)? = cohorts.first else {
            Issue.record("cohorts must be an array of objects")
            return
        }
        #expect(cohorts.count == 1)
        #expect(members.map(\.0) == ["quarter", "from", "to", "citizens", "soft", "hard", "milestones", "contact"])
        #expect(cohorts[0]["quarter"] == .string("2026-Q1"))
        #expect(cohorts[0]["from"] == .string("2026-01-01"))
        #expect(cohorts[0]["to"] == .string("2026-03-31"))
        #expect(cohorts[0]["citizens"] == .integer(1))
        #expect(cohorts[0]["contact"]?["meetings"] == .integer(1))
    }

    // MARK: CSV

    /// Reads RFC 4180 text back into records; fails the test on a bare LF or CR outside quotes.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.append(scalars.removeFirst())
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                #expect(scalars.first == "\n", "a CR outside quotes must start a CRLF")
                _ = scalars.popFirst()
                record.append(String(field))
                field = String.UnicodeScalarView()
                records.append(record)
                record = []
            case "\n":
                Issue.record("a bare LF outside quotes")
            default:
                field.append(scalar)
            }
        }
        #expect(!inQuotes && field.isEmpty && record.isEmpty, "the text must end with CRLF")
        return records
    }

    @Test func csvIsOneLongTableWithCRLFAndAHeader() {
        let text = Self.exampleReport().csv()
        #expect(text.hasSuffix("\r\n"))
        let records = Self.parseCSV(text)
        #expect(records.first == ["cohort", "section", "item", "measure", "label", "value", "of", "percent"])
        #expect(records.allSatisfy { $0.count == 8 })
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("all,period,period,from,Period – From,2014-01-01,,"))
        #expect(lines.contains("all,period,period,to,Period – To,,,"))
        #expect(lines.contains("all,citizens,citizens,count,Citizens,75,,"))
        #expect(lines.contains("all,soft,quality-of-life,improved,Quality of life – Improved,60,67,90"))
        #expect(lines.contains("all,soft,relation-to-system,improved,Relation to the system – Improved,1,8,13"))
        #expect(lines.contains("all,soft,self-esteem,improved,Self-esteem – Improved,0,0,"))
        #expect(lines.contains("all,hard,own-housing,citizens,Own housing,29,75,39"))
        #expect(lines.contains("all,milestones,milestones,achieved,Milestones with a deadline in the period – Achieved,150,200,75"))
        #expect(lines.contains("all,contact,meetings,attended,Attended,300,360,83"))
        #expect(lines.contains("all,contact,meetings,excused,Excused,40,400,10"))
        #expect(lines.contains("all,contact,attended_meetings,median_days_between,Days between attended meetings (median),14,,"))
        #expect(lines.contains("2026-Q1,milestones,milestones,achieved,Milestones with a deadline in the period – Achieved,2,3,67"))
        // One row per figure: 2 period, then per group 1 + 8 × 4 + 11 + 4 + 6.
        #expect(records.count == 1 + 2 + 2 * (1 + 32 + 11 + 4 + 6))

        let danish = Self.parseCSV(Self.exampleReport().csv(labels: .danish))
        #expect(danish.contains(["all", "soft", "quality-of-life", "improved", "Livskvalitet – Forbedret", "60", "67", "90"]))
        #expect(danish.contains(["all", "hard", "job-special-terms", "citizens", "Job på særlige vilkår", "6", "75", "8"]))
    }

    @Test func csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        #expect(ResultsReport.csvField("plain") == "plain")
        #expect(ResultsReport.csvField("") == "")
        #expect(ResultsReport.csvField("a,b") == "\"a,b\"")
        #expect(ResultsReport.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ResultsReport.csvField("one\ntwo") == "\"one\ntwo\"")
        // Every line break is one LF (a lone CR could hide what went before it on a terminal).
        #expect(ResultsReport.csvField("one\r\ntwo") == "\"one\ntwo\"")
        #expect(ResultsReport.csvField("one\rtwo") == "\"one\ntwo\"")
        // Controls are dropped, and a formula that hid behind one is still defused.
        #expect(ResultsReport.csvField("\u{1B}]0;x\u{07}Å\u{9B}1m") == "]0;xÅ1m")
        #expect(ResultsReport.neutralisingFormula("\u{1B}=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
        // A quote with a combining mark is one character but still a quote to a CSV reader.
        #expect(ResultsReport.csvField("\"\u{301}x") == "\"\"\"\u{301}x\"")

        let name = "Jobcenter \"Syd\", Ringe\nafd. Æblehaven"
        let text = Self.exampleReport(organisation: Organisation(name: name, kind: .municipality)).csv()
        #expect(text.contains("all,filter,organisation,name,Organisation,\"Jobcenter \"\"Syd\"\", Ringe\nafd. Æblehaven\",,\r\n"))
        let records = Self.parseCSV(text)
        #expect(records.contains(["all", "filter", "organisation", "name", "Organisation", name, "", ""]))
        #expect(records.allSatisfy { $0.count == 8 })
    }

    @Test func csvKeepsSpreadsheetsFromRunningNamesAsFormulas() {
        let text = Self.exampleReport(organisation: Organisation(name: "=HYPERLINK(\"x\")", kind: .other)).csv()
        let records = Self.parseCSV(text)
        #expect(records.contains(["all", "filter", "organisation", "name", "Organisation", "'=HYPERLINK(\"x\")", "", ""]))
        #expect(ResultsReport.neutralisingFormula("-5") == "'-5")
        #expect(ResultsReport.neutralisingFormula("@a") == "'@a")
        #expect(ResultsReport.neutralisingFormula("Jan") == "Jan")
    }

    // MARK: Text

    @Test func textShowsEveryShareWithItsCountAndBase() throws {
        let text = Self.exampleReport().text()
        for phrase in ["60 of 67 (90 %)", "5 of 67 (7 %)", "2 of 67 (3 %)", "1 of 8 (13 %)", "29 of 75 (39 %)",
                       "150 of 200 (75 %)", "120 of 200 (60 %)", "10 of 200 (5 %)", "300 of 360 (83 %)",
                       "60 of 360 (17 %)", "40 of 400 (10 %)", "14 (250 intervals)", "0 of 0", "Q1 2026",
                       "9 (1 interval)", "from 2014-01-01", "Quality of life", "Relation to the system"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        // Every percentage stands in "N of M (P %)": never bare.
        let shares = try Regex(#"\d+ of \d+ \(\d+ %\)"#)
        let percentages = text.matches(of: try Regex(#"%"#)).count
        #expect(percentages > 0)
        #expect(text.matches(of: shares).count == percentages)

        let danish = Self.exampleReport().text(labels: .danish)
        for phrase in ["Resultatopgørelse", "60 af 67 (90 %)", "Livskvalitet", "Forhold til systemet", "Selvværd",
                       "Egen bolig", "Job på særlige vilkår", "Økonomi", "1. kvt. 2026", "14 (250 mellemrum)"] {
            #expect(danish.contains(phrase), "\(phrase)")
        }
        #expect(!danish.contains(" of "))
        let danishShares = try Regex(#"\d+ af \d+ \(\d+ %\)"#)
        #expect(danish.matches(of: danishShares).count == danish.matches(of: try Regex(#"%"#)).count)
    }

    @Test func textOfAnEmptyReportHasNoPercentages() throws {
        let text = try ReportData().report().text()
        #expect(!text.contains("%"))
        #expect(text.contains("0 of 0"))
        #expect(text.contains("all time"))
        let median = text.components(separatedBy: "\n").first { $0.hasPrefix("Days between attended meetings (median)") }
        #expect(median?.hasSuffix("  –") == true)
    }

    /// The lines of the table that starts with a line beginning with `header`.
    static func table(startingWith header: String, in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header + "  ") }) else { return [] }
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test func textColumnsLineUpByDisplayWidthWithDanishLetters() {
        let text = Self.exampleReport().text(labels: .danish)
        for header in ["Område", "Resultat", "Sat", "Møder", "Startet"] {
            let table = Self.table(startingWith: header, in: text)
            #expect(table.count >= 2, "\(header)")
            // The last column is right-aligned, so every line of a table ends in the same column.
            // Danish letters are one column but two bytes: a byte count would misalign them.
            let widths = Set(table.map(\.count))
            #expect(widths.count == 1, "\(header): \(table)")
            #expect(table.contains { $0.utf8.count != $0.count }, "\(header)")
        }
        // The right-aligned cells of one column end in the same display column.
        let soft = Self.table(startingWith: "Område", in: text)
        let ends = Set(soft.dropFirst(2).map { line in
            let start = line.firstIndex { $0.isNumber } ?? line.endIndex
            let end = line[start...].firstIndex { !$0.isNumber } ?? line.endIndex
            return line.distance(from: line.startIndex, to: end)
        })
        #expect(soft.count == 10)
        #expect(ends.count == 1)
    }

    @Test func textShowsNamesWithoutControlCharacters() {
        let name = "Jobcenter\u{1B}[31m Syd\u{202E}\nRinge\u{7F}"
        let text = Self.exampleReport(organisation: Organisation(name: name, kind: .municipality)).text()
        #expect(text.contains("Organisation  Jobcenter[31m Syd Ringe"))
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{7F}" })
    }

    @Test func displayWidthCountsColumnsNotBytesOrScalars() {
        #expect(TextColumns.displayWidth("") == 0)
        #expect(TextColumns.displayWidth("Svend") == 5)
        #expect(TextColumns.displayWidth("Økonomi") == 7)
        #expect(TextColumns.displayWidth("Selvværd") == 8)
        #expect(TextColumns.displayWidth("A\u{30A}se") == 3)  // decomposed Å
        #expect(TextColumns.displayWidth("漢字") == 4)
        #expect(TextColumns.displayWidth("👍") == 2)
        #expect(TextColumns.displayWidth("\u{1B}") == 0)

        var table = TextTable(header: ["Navn", "Antal"], alignments: [.left, .right])
        table.append(["Å\u{301}se", "1"])
        table.append(["漢字", "22"])
        #expect(table.lines() == ["Navn  Antal", "----  -----", "Å\u{301}se       1", "漢字     22"])
    }

    // MARK: Labels and formats

    @Test func labelsNameEveryDimensionAndOutcomeInBothLanguages() {
        for labels in [ReportLabels.english, ReportLabels.danish] {
            for dimension in AssessmentDimension.allCases {
                #expect(labels.dimensions[dimension] != nil, "\(labels.language) \(dimension)")
            }
            for kind in OutcomeKind.allCases {
                #expect(labels.outcomes[kind] != nil, "\(labels.language) \(kind)")
            }
        }
        #expect(ReportLabels.danish.name(of: .relationToSystem) == "Forhold til systemet")
        #expect(ReportLabels.danish.name(of: .workReadiness) == "Arbejdsparathed")
        #expect(ReportLabels.danish.name(of: .jobWageSubsidy) == "Løntilskudsjob")
        #expect(ReportLabels.danish.name(of: .treatmentStarted) == "Behandling startet")
        #expect(ReportLabels.english.name(of: .socialNetwork) == "Social network")
        #expect(ReportLabels.forLanguage("da_DK.UTF-8") == .danish)
        #expect(ReportLabels.forLanguage("da") == .danish)
        #expect(ReportLabels.forLanguage("en_GB.UTF-8") == .english)
        #expect(ReportLabels.forLanguage("C") == .english)
        #expect(ReportLabels.english.period(from: day("2026-01-01"), to: day("2026-06-30")) == "2026-01-01 to 2026-06-30")
        #expect(ReportLabels.danish.period(from: nil, to: day("2026-06-30")) == "til 30.06.2026")
        #expect(ReportLabels.english.period(from: nil, to: nil) == "all time")
    }

    @Test func renderedPicksTheFormat() {
        let report = Self.exampleReport()
        #expect(report.rendered(as: .json) == report.json.serialized())
        #expect(report.rendered(as: .csv, labels: .danish) == report.csv(labels: .danish))
        #expect(report.rendered(as: .text, labels: .danish) == report.text(labels: .danish))
        #expect(ReportFormat(rawValue: "csv") == .csv)
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "csv", "json"])
    }
}
