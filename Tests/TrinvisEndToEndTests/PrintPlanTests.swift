import Foundation
import Testing

/// The text of a PDF as poppler's pdftotext (installed by `.ci/run`) reads it (UTF-8), one form
/// feed after each page.
func pdftotext(_ path: String, in folder: ScratchFolder) throws -> String {
    try PDFTools.text(of: path, in: folder)
}

/// `trinvis print-plan` with the real binary; the PDF is read back with poppler's `pdftotext`
/// and checked with `qpdf --check`.
@Suite struct PrintPlanTests {
    /// The text of a PDF as pdftotext reads it (UTF-8).
    private func pdftotext(_ path: String, in folder: ScratchFolder) throws -> String {
        try PDFTools.text(of: path, in: folder)
    }

    @Test func theDemoPlanAsPDFHasExactDanishLettersAndOnlyTheMaskedCPR() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let path = folder.file("svend.pdf")
        let result = try runTrinvis(["print-plan", "Svend Madsen", "--db", database, "--lang", "da", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: Data("%PDF-1.4\n".utf8)))
        // Svend's CPR number in the demo is 0101940000: never in full, not even in the raw file.
        #expect(bytes.range(of: Data("0101940000".utf8)) == nil)
        try PDFTools.expectSound(path, in: folder)

        let text = try pdftotext(path, in: folder)
        for expected in ["Din plan", "Svend Madsen", "CPR-nr. 010194-XXXX", "Dit mål",
                         "Ædru, uddannet anlægsgartner og i fast arbejde", "Formål: Ædruelighed og selvforsørgelse",
                         "Delmål på vejen", "Starte behandling på alkoholcentret", "Praktik hos Ringe Anlægsgartneri",
                         "Over fristen", "Det har vi aftalt", "Henrik aftaler møde om løntilskud", "Næste møde",
                         "Sted: Jobcenter Ryslinge", "Din kontaktperson", "Inger Holm", "Telefon: +45 62 00 10 01",
                         "Side 1 af "] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(!text.contains("0101940000"))
        #expect(!text.contains("?"), "every letter is in the embedded font")
    }

    @Test func aPDFGoesToStandardOutputWhenItIsRedirectedAndFollowsTheFileName() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        // Jan meets at the drop-in centre, with Sanne Østergaard as his contact.
        let redirected = folder.file("jan.pdf")
        let status = try spawnAndWait([TrinvisBinary.path, "print-plan", "Jan", "--format", "pdf", "--db", database, "--lang", "da"],
                                      environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "USER": "tester"],
                                      stdoutPath: redirected, stderrPath: folder.file("err"))
        #expect(status == 0)
        let text = try pdftotext(redirected, in: folder)
        for expected in ["Jan Bækgaard", "Egen lejlighed, fleksjob og styr på gælden", "Sted: Værestedet Fundamentet",
                         "Sanne Østergaard", "værestedsmedarbejder, Værestedet Fundamentet", "Hvem: Du"] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(!text.contains("CPR"), "Jan has no CPR number in the demo")

        // -o FILE.pdf without --format writes a PDF; --format text wins over the name.
        let english = folder.file("Jan.PDF")
        #expect(try runTrinvis(["print-plan", "Jan", "--db", database, "--lang", "en", "-o", english]).status == 0)
        #expect(try pdftotext(english, in: folder).contains("Your plan"))
        let named = folder.file("plan.pdf")
        #expect(try runTrinvis(["print-plan", "Jan", "--db", database, "--format", "text", "-o", named]).status == 0)
        #expect(try String(contentsOfFile: named, encoding: .utf8).hasPrefix("Your plan\n=========\n"))
    }

    @Test func theTextPlanGoesToStandardOutput() throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let danish = try runTrinvis(["print-plan", "svend", "--db", database], environment: ["LANG": "da_DK.UTF-8", "LC_ALL": ""])
        #expect(danish.status == 0, "\(danish.stderr)")
        #expect(danish.stdout.hasPrefix("Din plan\n========\n\nSvend Madsen\nCPR-nr. 010194-XXXX\n"))
        #expect(danish.stdout.contains("! Over fristen  Praktik hos Ringe Anlægsgartneri"))
        #expect(!danish.stdout.contains("0101940000"))
        #expect(danish.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 })
        let english = try runTrinvis(["print-plan", "Svend", "--db", database])
        #expect(english.stdout.contains("Steps on the way"))
    }

    @Test func helpNamesTheCommandInBothLanguages() throws {
        let english = try runTrinvis(["--help"])
        #expect(english.stdout.contains("trinvis print-plan CITIZEN [--format text|pdf] [-o FILE]"))
        #expect(english.stdout.contains("only when it is redirected"))
        let danish = try runTrinvis(["--help", "--lang", "da"])
        #expect(danish.stdout.contains("trinvis print-plan BORGER [--format text|pdf] [-o FIL]"))
    }

    @Test(arguments: [
        (["print-plan"], 2, "missing CITIZEN"),
        (["print-plan", "Svend", "Jan"], 2, "unexpected argument 'Jan'"),
        (["print-plan", "Svend", "--format", "docx"], 2, "'docx' is not one of text, pdf"),
        (["print-plan", "Svend", "--from", "2026-01-01"], 2, "unknown option '--from'"),
        (["print-plan", "Nobody"], 1, "no citizen matches 'Nobody'"),
        // print-access reads its arguments as print-plan does.
        (["print-access"], 2, "missing CITIZEN"),
        (["print-access", "Jan", "Svend"], 2, "unexpected argument 'Svend'"),
        (["print-access", "Jan", "--format", "docx"], 2, "'docx' is not one of text, pdf"),
        (["print-access", "Jan", "--citizen", "3"], 2, "unknown option '--citizen'"),
        (["print-access", "Nobody"], 1, "no citizen matches 'Nobody'"),
    ])
    func mistakesAreUsageErrorsOrFailures(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let folder = try ScratchFolder()
        let database = try makeDemoDatabase(in: folder)
        let result = try runTrinvis(arguments + ["--db", database])
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aPDFIsNotWrittenToATerminal() throws {
        let terminal = try TmuxTerminal(width: 200, height: 20)
        let database = try makeDemoDatabase(in: terminal.folder)
        try terminal.startTrinvis("print-plan Svend --format pdf", database: database)
        // The status line, not the typed command that contains "EXIT=$?".
        let screen = try terminal.waitUntil(description: "the exit status") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("EXIT=") && $0.dropFirst(5).first?.isNumber == true }
        }
        #expect(screen.contains("EXIT=2"))
        #expect(screen.contains("a PDF is not for the terminal"))
        #expect(!screen.contains("%PDF"))
    }
}
