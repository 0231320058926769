import Foundation
import Testing

/// `trinvis report --format pdf` and `-o FILE` with the real binary; the PDF is read back with
/// poppler's `pdftotext`.
@Suite struct ReportCommandTests {
    /// The text of a PDF as pdftotext reads it (UTF-8), one form feed after each page.
    private func pdftotext(_ path: String, in folder: ScratchFolder) throws -> String {
        try PDFTools.text(of: path, in: folder)
    }

    /// Every "N of M (P %)" or "N af M" share in a text.
    private func shares(in text: String, word: String) -> [String] {
        let pattern = "[0-9]+ \(word) [0-9]+( \\([0-9]+ %\\))?"
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test func theDanishPDFHasExactLettersAndTheFiguresOfTheTextReport() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let path = folder.file("resultater.pdf")
        let result = try runTrinvis(["report", "--format", "pdf", "-o", path, "--db", database, "--lang", "da"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: Data("%PDF-1.4\n".utf8)))
        try PDFTools.expectSound(path, in: folder)
        let fonts = try PDFTools.fonts(of: path, in: folder)
        #expect(fonts.count == 2 && fonts.allSatisfy { $0.details.hasPrefix("CID TrueType Identity-H yes yes yes") }, "\(fonts)")

        let text = try pdftotext(path, in: folder)
        #expect(text.filter { $0 == "\u{0C}" }.count == 1, "one page")
        for expected in ["Resultatopgørelse", "Periode", "hele tiden", "Borgere", "Bløde resultater", "Område",
                         "Vurderet", "Forbedret", "Uændret", "Forværret", "Livskvalitet", "Selvværd",
                         "Forhold til systemet", "Socialt netværk", "Økonomi", "Arbejdsparathed", "Hårde resultater",
                         "Egen bolig", "Job på særlige vilkår", "Løntilskudsjob", "Behandling startet",
                         "Milepæle med frist i perioden", "Nået inden fristen", "Kontakt", "Udeblevet",
                         "Dage mellem møder med fremmøde (median)", "Udskrevet "] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(!text.contains("?"), "every letter is in the embedded font")

        // The figures are those of the text report, with their base: "8 af 8 (100 %)".
        let report = try runTrinvis(["report", "--db", database, "--lang", "da"])
        #expect(report.status == 0)
        // The cohorts come last in the text and may be left out of the page.
        let beforeCohorts = report.stdout.components(separatedBy: "Årgange efter").first ?? ""
        let textShares = shares(in: beforeCohorts, word: "af")
        #expect(textShares.count == 8 * 3 + 11 + 3 + 3)
        for share in Set(textShares) {
            #expect(text.contains(share), "the PDF lacks \(share)")
        }
        #expect(shares(in: text, word: "af").count >= textShares.count)
        #expect(!text.contains(" of "))
    }

    @Test func aFileNamedPDFGetsAPDFAndOtherFormatsGoToFilesToo() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        // -o FILE.pdf without --format writes a PDF; in English "of".
        let named = folder.file("Report.PDF")
        #expect(try runTrinvis(["report", "--db", database, "-o", named]).status == 0)
        let english = try pdftotext(named, in: folder)
        for expected in ["Results report", "all time", "Quality of life", "Relation to the system", "Finances",
                         "Soft results", "Hard results", "Contact", "Printed "] {
            #expect(english.contains(expected), "missing: \(expected)\n\(english)")
        }
        #expect(!shares(in: english, word: "of").isEmpty)

        // Text, CSV and JSON go to a file as they would to standard output; --format wins over the name.
        for format in ["text", "csv", "json"] {
            let file = folder.file("report-\(format).pdf")
            let written = try runTrinvis(["report", "--db", database, "--format", format, "-o", file, "--from", "2000-01-01"])
            #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
            let printed = try runTrinvis(["report", "--db", database, "--format", format, "--from", "2000-01-01"])
            #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout, "\(format)")
        }
    }

    @Test func aPDFGoesToStandardOutputWhenItIsRedirected() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let redirected = folder.file("stdout.pdf")
        let status = try spawnAndWait([TrinvisBinary.path, "report", "--format", "pdf", "--db", database, "--lang", "da"],
                                      environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "USER": "tester"],
                                      stdoutPath: redirected, stderrPath: folder.file("err"))
        #expect(status == 0)
        let text = try pdftotext(redirected, in: folder)
        #expect(text.contains("Resultatopgørelse") && text.contains("Økonomi"))
    }

    @Test func helpNamesTheFormatsAndTheFileInBothLanguages() throws {
        let english = try runTrinvis(["--help"])
        #expect(english.stdout.contains("[--format text|csv|json|pdf] [-o FILE]"))
        let danish = try runTrinvis(["--help", "--lang", "da"])
        #expect(danish.stdout.contains("[--format text|csv|json|pdf] [-o FIL]"))
        #expect(danish.stdout.contains("A4-side PDF"))
    }

    @Test func aPDFIsNotWrittenToATerminal() throws {
        let terminal = try TmuxTerminal(width: 200, height: 20)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("report --format pdf", database: database)
        // The status line, not the typed command that contains "EXIT=$?".
        let screen = try terminal.waitUntil(description: "the exit status") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("EXIT=") && $0.dropFirst(5).first?.isNumber == true }
        }
        #expect(screen.contains("EXIT=2"))
        #expect(screen.contains("a PDF is not for the terminal"))
        #expect(!screen.contains("%PDF"))
    }
}
