import Foundation
import Testing
@testable import TrinvisCore

/// The results report as a one-page PDF: the file's structure, the figures and words of the text
/// form, the page's bounds and the bars.
@Suite struct ReportPDFTests {
    /// The example report with a filter on both an organisation and a professional.
    static func filteredReport(cohorts: Int = 1) -> ResultsReport {
        var report = ReportRenderingTests.exampleReport(
            organisation: Organisation(name: "Jobcenter Ryslinge \u{1B}[31m", kind: .municipality))
        report.professional = Professional(name: "Inger Holm", role: .caseworker)
        let first = Quarter(containing: day("2016-01-01")).index
        report.cohorts = (0..<cohorts).map { offset in
            ResultsCohort(quarter: Quarter(index: first + offset),
                          figures: ResultsFigures.with(citizens: 2, milestones: MilestoneResults(set: 4, achieved: 3)))
        }
        return report
    }

    /// The lines of text of the report's page in `fonts` (the embedded DejaVu fonts by default).
    static func texts(_ report: ResultsReport, labels: ReportLabels = .english, fonts: PDFFonts? = nil) throws -> [String] {
        let fonts = try fonts ?? TrueTypeFontTests.embeddedFonts()
        return report.pdfDocument(labels: labels, fonts: fonts, creationDate: instant("2026-03-02T10:30:00+01:00")).pages[0].texts
    }

    @Test(arguments: [false, true])
    func theFileIsOnePageWithACorrectCrossReferenceTable(_ embedded: Bool) throws {
        let fonts = embedded ? try TrueTypeFontTests.embeddedFonts() : .standard
        let bytes = Self.filteredReport().pdf(labels: .danish, fonts: fonts, creationDate: instant("2026-03-02T10:30:00+01:00"))
        let file = PDFFile(bytes)
        #expect(bytes.starts(with: Array("%PDF-1.4\n%".utf8)))
        #expect(file.text.hasSuffix("%%EOF\n"))
        let startxref = try #require(file.startxref)
        #expect(file.string(at: startxref, length: 4) == "xref")
        let entries = try #require(file.xrefEntries)
        // Object 0, catalog, pages, two fonts, info, one page and its content; five more per
        // embedded face.
        #expect(entries.count == 8 + (embedded ? 10 : 0))
        for (number, offset) in entries.enumerated().dropFirst() {
            #expect(file.string(at: offset, length: "\(number) 0 obj".count) == "\(number) 0 obj", "object \(number)")
        }
        #expect(file.text.contains("<< /Type /Pages /Kids [6 0 R] /Count 1 >>"))
        for (declared, actual) in file.streamLengths { #expect(declared == actual) }
        #expect(file.infoTitle == "Resultatopgørelse \u{2013} fra 01.01.2014")
        #expect(file.text.contains("/CreationDate (D:20260302103000+01'00')"))
        // The same report gives the same bytes.
        #expect(bytes == Self.filteredReport().pdf(labels: .danish, fonts: fonts, creationDate: instant("2026-03-02T10:30:00+01:00")))
    }

    @Test(arguments: [ReportLabels.english, ReportLabels.danish])
    func thePageHasTheWordsAndFiguresOfTheText(_ labels: ReportLabels) throws {
        let report = Self.filteredReport()
        let page = try Self.texts(report, labels: labels)
        var expected = [labels.title, labels.period(from: report.from, to: report.to), labels.citizens, "75",
                        "(" + labels.citizensNote + ")", "Inger Holm", "Jobcenter Ryslinge [31m",
                        labels.softHeading, labels.softNote, labels.dimension, labels.assessed, labels.improved,
                        labels.same, labels.worse, labels.hardHeading, labels.outcome, labels.outcomeCitizens,
                        labels.milestonesHeading, labels.milestonesSet, "200", labels.milestonesAchieved,
                        labels.milestonesAchievedByDeadline, labels.milestonesDropped, labels.contactHeading,
                        labels.contactNote, labels.meetings, "400", labels.attended, labels.noShow, labels.excused,
                        labels.medianDaysBetween, labels.median(14, gaps: 250), labels.cohortsHeading,
                        labels.name(of: Quarter(containing: day("2016-01-01"))), labels.share(3, of: 4, percent: 75),
                        ReportLabels.fill(labels.printed, ["date": labels == .danish ? "02.03.2026 10:30" : "2026-03-02 10:30"])]
        expected += AssessmentDimension.allCases.map { labels.name(of: $0) }
        expected += OutcomeKind.allCases.map { labels.name(of: $0) }
        // Every share exactly as the text form writes it.
        for row in report.soft {
            expected += [labels.share(row.improved, of: row.assessed, percent: row.improvedPercent),
                         labels.share(row.same, of: row.assessed, percent: row.samePercent),
                         labels.share(row.worse, of: row.assessed, percent: row.worsePercent)]
        }
        expected += report.hard.map { labels.share($0.citizens, of: 75, percent: ReportArithmetic.percent($0.citizens, of: 75)) }
        expected += [labels.share(150, of: 200, percent: 75), labels.share(120, of: 200, percent: 60),
                     labels.share(10, of: 200, percent: 5), labels.share(300, of: 360, percent: 83),
                     labels.share(60, of: 360, percent: 17), labels.share(40, of: 400, percent: 10)]
        let text = report.text(labels: labels)
        for phrase in expected {
            let found = page.contains(phrase)
            #expect(found, "missing: \(phrase)")
            if phrase.contains(" of ") || phrase.contains(" af ") {
                #expect(text.contains(phrase), "the text form writes \(phrase) too")
            }
        }
        let share = page.contains(labels == .danish ? "60 af 67 (90 %)" : "60 of 67 (90 %)")
        #expect(share)
        // The escape character of the organisation's name never reaches the page.
        let escaped = page.joined().contains("\u{1B}")
        #expect(!escaped)
    }

    @Test func inTheStandardFontsDanishLettersAreSingleWinAnsiBytes() {
        let page = PDFFile(Self.filteredReport().pdfDocument(labels: .danish, fonts: .standard).pages[0].content)
        let found = [Array("(".utf8) + [0xD8] + Array("konomi)".utf8), Array("(Forhold til systemet)".utf8),
                     Array("(Resultatopg".utf8) + [0xF8] + Array("relse)".utf8)].map(page.contains)
        #expect(found == [true, true, true])
    }

    @Test(arguments: [1, 3, 40], [false, true])
    func everythingStaysInsideTheMarginsOfOnePage(_ cohorts: Int, _ embedded: Bool) throws {
        let fonts = embedded ? try TrueTypeFontTests.embeddedFonts() : .standard
        for labels in [ReportLabels.english, .danish] {
            let document = Self.filteredReport(cohorts: cohorts).pdfDocument(labels: labels, fonts: fonts,
                                                                             creationDate: instant("2026-03-02T10:30:00+01:00"))
            #expect(document.pages.count == 1)
            let runs = PDFTextRun.all(in: document.pages[0])
            #expect(!runs.isEmpty)
            for run in runs {
                #expect(run.x >= 50 - 0.01 && run.x + run.width <= PDFDocument.pageWidth - 50 + 0.01, "\(run)")
                #expect(run.y >= 36 - 0.01 && run.y <= PDFDocument.pageHeight - 50, "\(run) at \(run.y)")
            }
            // Nothing but the footer below the body's bottom edge.
            let body = runs.filter { $0.y > 40 }
            #expect(body.allSatisfy { $0.y >= 62 })
        }
    }

    @Test func cohortsTooManyForThePageAreNamedInsteadOfCut() throws {
        func has(_ report: ResultsReport, _ text: String) throws -> Bool {
            try Self.texts(report).contains(text)
        }
        // Without a filter, three cohorts fit under the contact figures.
        var few = ReportRenderingTests.exampleReport()
        few.cohorts = Self.filteredReport(cohorts: 3).cohorts
        #expect(try has(few, ReportLabels.english.cohortsHeading))
        #expect(try has(few, "Q3 2016"))
        #expect(try !has(few, "3 cohorts by quarter of start: too many for this page; they are in the text, CSV and JSON report"))
        // Forty do not: the page says how many there are and where they are.
        let many = Self.filteredReport(cohorts: 40)
        #expect(try !has(many, ReportLabels.english.cohortsHeading))
        #expect(try !has(many, "Q1 2016"))
        #expect(try has(many, "40 cohorts by quarter of start: too many for this page; they are in the text, CSV and JSON report"))
        // No cohorts: neither.
        var none = Self.filteredReport()
        none.cohorts = []
        let page = try Self.texts(none).joined(separator: "\n")
        let mentionsCohorts = page.contains("cohorts") || page.contains("Cohorts")
        #expect(!mentionsCohorts)
    }

    @Test func barsAreDrawnOnlyForSharesOfSomething() throws {
        // The example: two dimensions assessed, all eleven outcome kinds of 75 citizens, three
        // milestone shares, three contact shares, and the legend's three swatches.
        let example = ReportRenderingTests.exampleReport()
        let outlines = { (report: ResultsReport) -> Int in
            String(decoding: report.pdfDocument(fonts: .standard).pages[0].content, as: UTF8.self)
                .split(separator: "\n").filter { $0.hasSuffix(" re S") }.count
        }
        #expect(outlines(example) == 2 + 11 + 3 + 3 + 3)
        // Nothing counted: no bars, only the legend.
        let empty = ResultsReport(from: nil, to: nil, figures: .empty)
        #expect(outlines(empty) == 3)
        let emptyPage = try Self.texts(empty)
        let (shares, percentages) = (emptyPage.contains("0 of 0"), emptyPage.joined().contains("%"))
        #expect(shares)
        #expect(!percentages, "no percentage of nothing")
    }

    @Test func theStackedBarSplitsAtTheExactShares() throws {
        // Quality of life: 60, 5 and 2 of 67 in a bar whose outline gives its width.
        let content = String(decoding: ReportRenderingTests.exampleReport().pdfDocument(fonts: try TrueTypeFontTests.embeddedFonts())
            .pages[0].content, as: UTF8.self)
        let lines = content.split(separator: "\n").map(String.init)
        let outline = try #require(lines.first { $0.hasSuffix(" re S") })
        let numbers = outline.split(separator: " ").compactMap { Double($0) }
        let (x, width) = (numbers[numbers.count - 4], numbers[numbers.count - 2])
        let fills = lines.filter { $0.hasSuffix(" re f") }.prefix(3).map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(fills.count == 3)
        // Each fill: grey, x, y, width, height.
        #expect(abs(fills[0][1] - x) < 0.01)
        #expect(abs(fills[0][3] - width * 60 / 67) < 0.02)
        #expect(abs(fills[1][3] - width * 5 / 67) < 0.02)
        #expect(abs(fills[2][3] - width * 2 / 67) < 0.02)
        #expect(Set(fills.map { $0[0] }).count == 3, "three different greys")
    }
}
