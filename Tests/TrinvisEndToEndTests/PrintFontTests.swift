import Foundation
import Testing
@testable import TrinvisCore

/// The fonts of the printouts, read back by tools that know nothing of Trinvis: pdftotext reads
/// the names back through the ToUnicode maps, pdffonts lists the embedded subsets, qpdf checks
/// the files, and pdftoppm draws the glyphs of the subset fonts.
@Suite struct PrintFontTests {
    /// The test set: Polish, Vietnamese, Greek, Russian and Danish names.
    static let names = ["Łukasz Wiśniewski", "Nguyễn Thị Hồng", "Σοφία Παπαδοπούλου", "Алексей Иванов", "Ærø Åbenrå"]

    /// A demo database with a citizen of each name, each with a plan whose goal and steps are
    /// written in the citizen's language.
    private func plant(in folder: ScratchFolder) throws -> (database: String, citizens: [CitizenID]) {
        let database = try makeDemoDatabase(in: folder)
        let henrik = try Workspace(path: database, username: "demo-henrik")
        let goals = ["Praca w ogrodnictwie, krok po kroku", "Việc làm ổn định và nhà ở riêng",
                     "Σταθερή δουλειά και δικό μου σπίτι", "Постоянная работа и своё жильё", "Fast arbejde på Ærø"]
        var citizens: [CitizenID] = []
        for (name, goal) in zip(Self.names, goals) {
            let citizen = try henrik.create(Citizen(name: name, registeredOn: henrik.today,
                                                    organisationID: henrik.actor.organisationID))
            let plan = try henrik.create(Plan(citizenID: citizen.id, goal: goal, effort: "Samtaler med \(name)",
                                              start: henrik.today, end: henrik.today.adding(days: 90)))
            try henrik.create(Milestone(planID: plan.id, title: "\(name): første skridt", deadline: henrik.today.adding(days: 14),
                                        steppingStone: true))
            citizens.append(citizen.id)
        }
        return (database, citizens)
    }

    @Test func pdftotextReadsBackEveryNameOfThePrintedPlanExactly() throws {
        let folder = try ScratchFolder()
        let planted = try plant(in: folder)
        for (name, citizen) in zip(Self.names, planted.citizens) {
            let path = folder.file("plan-\(citizen).pdf")
            let result = try runTrinvis(["print-plan", "\(citizen)", "--format", "pdf", "-o", path, "--db", planted.database,
                                         "--lang", "da"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "no warning when the font is found: \(result.stderr)")
            try PDFTools.expectSound(path, in: folder)

            let text = try PDFTools.text(of: path, in: folder)
            let lines = text.split(separator: "\n").map(String.init)
            // The name under the title, and in the footer beside the print date.
            #expect(lines.contains(name), "\(name) is not a line of\n\(text)")
            #expect(lines.contains { $0.hasPrefix(name) && $0.contains("Udskrevet ") }, "\(name) is not in the footer of\n\(text)")
            #expect(text.contains(name + ": første skridt (snublemål)"), "\(text)")
            #expect(text.contains("Indsats: Samtaler med " + name), "\(text)")
            #expect(!text.contains("?") && !text.contains("\u{FFFD}"), "\(text)")

            // Two embedded subsets (regular and bold), each with a ToUnicode map.
            let fonts = try PDFTools.fonts(of: path, in: folder)
            #expect(fonts.map(\.name).map { $0.drop { $0 != "+" } } == ["+DejaVuSans", "+DejaVuSans-Bold"], "\(fonts)")
            for font in fonts {
                #expect(font.details.hasPrefix("CID TrueType Identity-H yes yes yes"), "\(font)")
            }
        }
        // The goals in Polish, Vietnamese, Greek and Russian come out exactly too.
        let greek = try PDFTools.text(of: folder.file("plan-\(planted.citizens[2]).pdf"), in: folder)
        #expect(greek.contains("Σταθερή δουλειά και δικό μου σπίτι"))
        let vietnamese = try PDFTools.text(of: folder.file("plan-\(planted.citizens[1]).pdf"), in: folder)
        #expect(vietnamese.contains("Việc làm ổn định và nhà ở riêng"))
    }

    @Test func theSamePlanPrintedTwiceGivesTheSameBytes() throws {
        let folder = try ScratchFolder()
        let planted = try plant(in: folder)
        let first = folder.file("one.pdf"), second = folder.file("two.pdf")
        for path in [first, second] {
            let result = try runTrinvis(["print-plan", "\(planted.citizens[0])", "-o", path, "--db", planted.database],
                                        environment: ["TRINVIS_FONT": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        // The creation date is to the second; only it may differ.
        func withoutDate(_ path: String) throws -> String {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            return text.replacingOccurrences(of: #"/CreationDate \(D:[0-9+'Z-]+\)"#, with: "", options: .regularExpression)
        }
        #expect(try withoutDate(first) == withoutDate(second))
    }

    @Test func theResultsReportPDFIsSoundAndEmbedsItsFonts() throws {
        let folder = try ScratchFolder()
        let planted = try plant(in: folder)
        let path = folder.file("report.pdf")
        let result = try runTrinvis(["report", "-o", path, "--db", planted.database, "--lang", "da"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        try PDFTools.expectSound(path, in: folder)
        let fonts = try PDFTools.fonts(of: path, in: folder)
        #expect(fonts.count == 2 && fonts.allSatisfy { $0.details.hasPrefix("CID TrueType Identity-H yes yes yes") }, "\(fonts)")
        #expect(try PDFTools.text(of: path, in: folder).contains("Resultatopgørelse"))
    }

    @Test func aFontPathPointingNowhereWarnsAndStillWritesASoundPDF() throws {
        let folder = try ScratchFolder()
        let planted = try plant(in: folder)
        let path = folder.file("fallback.pdf")
        let nowhere = folder.file("no-such-folder/DejaVuSans.ttf")
        let result = try runTrinvis(["print-plan", "\(planted.citizens[0])", "-o", path, "--db", planted.database],
                                    environment: ["TRINVIS_FONT": nowhere])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "warning: the font \(nowhere) cannot be used: No such file or directory. The PDF is set in "
                + "the standard fonts, in which letters outside Western European ones (such as Ł, Greek and Cyrillic) print as ?\n")
        try PDFTools.expectSound(path, in: folder)
        let fonts = try PDFTools.fonts(of: path, in: folder)
        #expect(fonts.map(\.name) == ["Helvetica", "Helvetica-Bold"], "\(fonts)")
        let text = try PDFTools.text(of: path, in: folder)
        #expect(text.contains("?ukasz Wi?niewski"), "the standard fonts cannot show Ł and ś:\n\(text)")

        // No font in any font folder: the folders searched are named, in Danish too; the report
        // falls back the same way.
        let empty = folder.file("empty-share")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let report = folder.file("report.pdf")
        let searched = try runTrinvis(["report", "-o", report, "--db", planted.database, "--lang", "da"],
                                      environment: ["XDG_DATA_DIRS": empty, "HOME": empty])
        #expect(searched.status == 0, "\(searched.stderr)")
        #expect(searched.stderr.hasPrefix("advarsel: ingen Unicode-skrift til PDF'en: DejaVuSans.ttf findes ikke i "
                                          + "\(empty)/.local/share/fonts, \(empty)/.fonts, \(empty)/fonts "), "\(searched.stderr)")
        try PDFTools.expectSound(report, in: folder)
        #expect(try PDFTools.text(of: report, in: folder).contains("Resultatopgørelse"))

        // A file that is no font is named with the reason.
        let notAFont = folder.file("notes.ttf")
        try Data("just some words".utf8).write(to: URL(fileURLWithPath: notAFont))
        let refused = try runTrinvis(["print-plan", "\(planted.citizens[4])", "-o", path, "--db", planted.database],
                                     environment: ["TRINVIS_FONT": notAFont])
        #expect(refused.status == 0)
        #expect(refused.stderr.hasPrefix("warning: the font \(notAFont) cannot be used: not a TrueType font"), "\(refused.stderr)")
        #expect(try PDFTools.text(of: path, in: folder).contains("Ærø Åbenrå"), "the standard fonts have æøå")
    }

    @Test func theSubsetDrawsTheAccentsOfCompositeGlyphs() throws {
        // Å, ễ and ś are composite glyphs in DejaVu Sans (a letter and its accents). Drawn from
        // the embedded subset by poppler, each has more ink than its bare letter: the
        // components were kept and point at the right glyphs.
        let folder = try ScratchFolder()
        let choice = PDFFonts.system(environment: [:])
        #expect(choice.problem == nil, "DejaVu Sans is missing: install fonts-dejavu-core (.ci/run does)")
        for (bare, accented) in [("A", "Å"), ("e", "\u{1EC5}"), ("s", "ś"), ("a", "ą")] {
            var ink: [Int] = []
            for letter in [bare, accented] {
                var page = PDFPage(fonts: choice.fonts)
                page.drawText(letter, x: 100, y: 300, face: .regular, size: 400)
                let path = folder.file("glyph-\(ink.count)-\(bare).pdf")
                try Data(PDFDocument(title: letter, fonts: choice.fonts, pages: [page]).bytes()).write(to: URL(fileURLWithPath: path))
                ink.append(try darkPixels(of: path, in: folder))
            }
            #expect(ink[0] > 500, "\(bare) is drawn")
            #expect(ink[1] > ink[0] + 100, "\(accented) has its accent: \(ink)")
        }
    }

    /// The number of dark pixels of the first page drawn at 20 dpi in grey.
    private func darkPixels(of path: String, in folder: ScratchFolder) throws -> Int {
        let prefix = folder.file("render-\(UUID().uuidString)")
        let result = try PDFTools.run("pdftoppm", ["-gray", "-r", "20", "-singlefile", path, prefix], in: folder)
        #expect(result.status == 0, "pdftoppm: \(result.stderr)")
        let image = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm")))
        // P5, width, height, maximum, each followed by one white-space byte, then the pixels.
        var fields = 0, index = 0
        while fields < 4, index < image.count {
            while index < image.count, image[index] == 0x20 || image[index] == 0x0A { index += 1 }
            while index < image.count, image[index] != 0x20 && image[index] != 0x0A { index += 1 }
            fields += 1
        }
        return image[(index + 1)...].filter { $0 < 128 }.count
    }
}
