import Foundation
import Testing
@testable import TrinvisCore

/// One way of quoting per surface: the interface quotes data (a title, a search) in the
/// language's typographic quotes (“…” in English, „…“ in Danish), the command line quotes what was typed in single quotes '…'; no message wraps
/// data in straight double quotes.
@Suite struct QuoteStyleTests {
    private static let catalogs = ["Catalog+English.swift", "Catalog+Danish.swift"]

    private static func source(_ name: String) throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TrinvisCore/Localization")
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: catalogs)
    func noMessageWrapsDataInStraightDoubleQuotes(_ catalog: String) throws {
        let text = try Self.source(catalog)
        let offending = text.split(separator: "\n").filter { $0.contains("\\\"\\(") }
        #expect(offending.isEmpty, "straight double quotes around data: \(offending)")
        let mixed = text.split(separator: "\n").filter { $0.contains("'\\(") && $0.contains("\\u{201C}") }
        #expect(mixed.isEmpty, "a message mixes both kinds: \(mixed)")
        if catalog.contains("Danish") {
            let english = text.split(separator: "\n").filter { $0.contains("\\u{201D}") }
            #expect(english.isEmpty, "English quotes in the Danish catalog: \(english)")
        }
    }

    @Test func theInterfaceQuotesDataTypographically() {
        for (language, open, close) in [(Language.english, "\u{201C}", "\u{201D}"), (.danish, "\u{201E}", "\u{201C}")] {
            let say = Localizer(language)
            for text in [say(.searchNoHits("kurt")), say(.findNotFound("kurt")), say(.deleteAgreementQuestion("kurt")),
                         say(.deleteMilestoneQuestion(title: "kurt", notes: 0))] {
                #expect(text.contains(open + "kurt" + close), "\(text)")
            }
        }
    }

    @Test func everyRoleHasADanishName() {
        // The same word in both languages only where Danish uses it too.
        let shared: Set<ProfessionalRole> = [.mentor, .administrator]
        for role in ProfessionalRole.allCases where !shared.contains(role) {
            #expect(Localizer(.danish)(.role(role)) != Localizer(.english)(.role(role)), "\(role)")
        }
        #expect(Localizer(.danish)(.role(.dropInCounselor)) == "værestedsmedarbejder")
    }
}
