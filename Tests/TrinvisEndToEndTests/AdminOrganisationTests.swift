import Foundation
import Testing

/// `trinvis admin organisation add|set --holds-cpr`: whether an organisation may hold CPR numbers.
@Suite struct AdminOrganisationTests {
    @Test func anAdministratorSetsWhetherAnOrganisationHoldsCPRNumbers() throws {
        guard runningAsRoot else {
            print("AdminOrganisationTests skipped: root administers every database; others are no administrator of the demo")
            return
        }
        let folder = try ScratchFolder()
        let database = folder.file("demo.sqlite")
        #expect(try runTrinvis(["demo", "--db", database]).status == 0)
        let admin = ["--db", database, "--lang", "en"]

        let added = try runTrinvis(["admin", "organisation", "add", "--name", "Værested Nord", "--kind", "drop-in-centre",
                                    "--holds-cpr", "yes"] + admin)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Værested Nord"))
        #expect(added.stdout.contains("It may hold CPR numbers"))
        var listed = try runTrinvis(["admin", "organisation", "list"] + admin).stdout
        #expect(listed.split(separator: "\n").contains { $0.contains("Værested Nord") && $0.hasSuffix("\tholds-cpr") }, "\(listed)")
        #expect(listed.split(separator: "\n").contains { $0.contains("Værestedet Fundamentet") && $0.hasSuffix("\tno-cpr") },
                "a drop-in centre holds none by default: \(listed)")

        let changed = try runTrinvis(["admin", "organisation", "set", "Værested Nord", "--holds-cpr", "no"] + admin)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("It holds no CPR numbers"))
        listed = try runTrinvis(["admin", "organisation", "list"] + admin).stdout
        #expect(listed.split(separator: "\n").contains { $0.contains("Værested Nord") && $0.hasSuffix("\tno-cpr") }, "\(listed)")

        // The list gives the short id of a record made here, and that id names it.
        let line = try #require(listed.split(separator: "\n").first { $0.contains("Værested Nord") })
        let id = try #require(Int64(line.split(separator: "\t")[0]))
        #expect(id < 1 << 32, "\(line)")
        let renamed = try runTrinvis(["admin", "organisation", "set", String(id), "--name", "Værested Nordvest"] + admin)
        #expect(renamed.status == 0 && renamed.stdout.contains("\(id)") && renamed.stdout.contains("Værested Nordvest"),
                "\(renamed.stdout)\(renamed.stderr)")
        let people = try runTrinvis(["admin", "professional", "list"] + admin).stdout
        let inger = try #require(people.split(separator: "\n").first { $0.contains("Inger Holm") }?.split(separator: "\t").first)
        let phone = try runTrinvis(["admin", "professional", "set", String(inger), "--phone", "+45 11 22 33 44"] + admin)
        #expect(phone.status == 0 && phone.stdout.contains("Inger Holm"), "\(phone.stdout)\(phone.stderr)")

        let wrong = try runTrinvis(["admin", "organisation", "set", "Værested Nord", "--holds-cpr", "maybe"] + admin)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--holds-cpr"))
        let audit = try runTrinvis(["audit", "--format", "csv"] + admin).stdout
        #expect(audit.contains("organisation"), "the change is in the access log")
    }
}
