import Foundation
import Testing
import TrinvisCore

/// Who sees whom, with the real binary in tmux on the demo database: the drop-in counselor and a
/// municipal job consultant, and a consent withdrawn while the consultant's window is open.
@Suite(.serialized) struct VisibilityEndToEndTests {
    static let dropInCitizens = ["Jan Bækgaard", "Aisha Khalil", "Kurt Damgaard"]
    static let municipalCitizens = ["Per Kristiansen", "Ulla Brandt", "Line Sørensen", "Bent Ørsted", "Mette Ågaard"]

    @Test func eachSideSeesItsOwnAndWhatTheConsentSharesAndAWithdrawalHidesAtOnce() throws {
        let counselor = try TmuxTerminal(width: 120, height: 40)
        let database = try makeDemoDatabase(in: counselor.folder)
        try counselor.startTrinvis("--user demo-sanne", database: database)
        let dropInView = try counselor.waitForStable("1 Citizens")
        for name in Self.dropInCitizens {
            #expect(dropInView.contains(name), "the counselor sees the drop-in centre's \(name)")
        }
        // Svend Madsen consents to sharing with the drop-in centre; the others do not.
        #expect(dropInView.contains("Svend Madsen"))
        for name in Self.municipalCitizens {
            #expect(!dropInView.contains(name), "the counselor does not see \(name)")
        }
        #expect(dropInView.contains("Sanne Østergaard"), "the header names the professional")

        let consultant = try TmuxTerminal(width: 120, height: 40)
        try consultant.startTrinvis("--user demo-henrik", database: database)
        let municipalView = try consultant.waitForStable("1 Citizens")
        #expect(municipalView.contains("Jan Bækgaard"), "Jan consents to sharing with the jobcentre")
        #expect(!municipalView.contains("Aisha Khalil"))
        #expect(!municipalView.contains("Kurt Damgaard"))

        // Jan withdraws his consent (recorded by another program through Trinvis's core).
        let administrator = try Workspace(path: database, username: Identity.current().account)
        let jan = try #require(try administrator.search("Jan Bækgaard").first?.summary.citizen)
        var consent = try #require(try administrator.all(Consent.self, parent: jan.id.sqlValue)
            .first { $0.scope == .shareBetweenOrganisations })
        consent.withdrawnOn = administrator.today
        try administrator.update(consent)
        // The window polls the database every second; 5 s leaves room for a busy machine.
        let after = try consultant.waitUntil(seconds: 5, description: "Jan Bækgaard is gone from the open window") {
            !$0.contains("Jan Bækgaard") && $0.contains("Per Kristiansen")
        }
        #expect(!after.contains("Jan Bækgaard"))
        // The counselor still sees Jan: he is the drop-in centre's own citizen.
        #expect(try counselor.screen().contains("Jan Bækgaard"))
        try consultant.keys("q")
        try counselor.keys("q")
        try consultant.waitFor("EXIT=0")
    }
}
