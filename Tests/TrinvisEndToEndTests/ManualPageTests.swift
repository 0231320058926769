import Foundation
import Testing

@Suite struct ManualPageTests {
    @Test func theCommittedManualPageIsWhatTheHelpTextGives() throws {
        let generated = try runTrinvis(["help", "--man"])
        #expect(generated.status == 0)
        let committed = try String(contentsOfFile: repositoryRoot + "/docs/trinvis.1", encoding: .utf8)
        #expect(generated.stdout == committed, "regenerate with: swift run trinvis help --man > docs/trinvis.1")
        for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH OPTIONS", ".SH FILES",
                        ".SH EXIT STATUS", ".SH SEE ALSO"] {
            #expect(committed.contains(section))
        }
        #expect(committed.contains(".B trinvis print\\-plan CITIZEN [\\-\\-format text|pdf] [\\-o FILE]"))
        #expect(committed.contains("administrators and demo databases only"))
        #expect(try runTrinvis(["--man"]).status == 2)
    }

    @Test func theUserOptionSaysItIsForAdministrators() throws {
        #expect(try runTrinvis(["--help"]).stdout.contains("for administrators and\n"))
        #expect(try runTrinvis(["--help", "--lang", "da"]).stdout.contains("kun for administratorer"))
    }

    @Test func aDatabaseOthersMayReadGetsAWarningWithTheFix() throws {
        let folder = try ScratchFolder()
        let database = folder.file("open.sqlite")
        #expect(try runTrinvis(["demo", "--db", database]).status == 0)
        chmod(database, 0o644)
        let check = try runTrinvis(["check", "--db", database])
        #expect(check.status == 0)
        #expect(check.stderr.contains("chmod o-rwx \(database)"), "stderr: \(check.stderr)")
        let export = try runTrinvis(["export", "--db", database])
        #expect(export.stderr.contains("chmod o-rwx \(database)"), "stderr: \(export.stderr)")
        chmod(database, 0o600)
        for suffix in ["-wal", "-shm"] { chmod(database + suffix, 0o600) }
        let quiet = try runTrinvis(["check", "--db", database])
        #expect(!quiet.stderr.contains("chmod"), "stderr: \(quiet.stderr)")
    }
}
