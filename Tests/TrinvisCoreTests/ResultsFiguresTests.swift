import Foundation
import Testing
@testable import TrinvisCore

/// The figures kept per citizen for the results report (`CitizenFigures`) follow every way
/// records are written: after each, they equal a computation from scratch, and the report over
/// all time read from them equals the report counted from the records.
@Suite struct ResultsFiguresTests {
    /// Checks that the kept figures are current and right, and returns the report.
    @discardableResult
    private func expectFiguresFollowRecords(_ workspace: Workspace, _ what: Comment,
                                            sourceLocation: SourceLocation = #_sourceLocation) throws -> ResultsReport {
        let database = workspace.database
        #expect(try CitizenFigures.areCurrent(in: database), what, sourceLocation: sourceLocation)
        #expect(try CitizenFigures.differences(in: database) == [:], what, sourceLocation: sourceLocation)
        let kept = try workspace.resultsReport()
        #expect(kept == (try workspace.resultsReportFromRecords()), what, sourceLocation: sourceLocation)
        return kept
    }

    /// The rows of a citizen's figures: the kept ones, as text.
    private func keptRows(_ database: Database, _ citizen: CitizenID) throws -> [String] {
        try CitizenFigures.tables.flatMap { table in
            try database.fetchAll("SELECT * FROM \(table) WHERE citizen_id = ? ORDER BY 2", [citizen.sqlValue]) {
                "\(table): \($0.values)"
            }
        }
    }

    /// Citizens with every kind of record the report counts (Danish names, meetings in two
    /// offsets, scores on several dates).
    private func populate(_ data: ReportData) throws -> (søren: CitizenID, åse: CitizenID, plan: PlanID) {
        let søren = try data.citizen("Søren Ærø", registered: "2025-11-20")
        let plan = try data.plan(søren, start: "2026-01-05")
        try data.milestone(plan, deadline: "2026-03-01", .achieved, achievedOn: "2026-02-20")
        try data.milestone(plan, deadline: "2026-04-01", .achieved, achievedOn: "2026-04-10")
        try data.milestone(plan, deadline: "2026-05-01", .dropped)
        try data.meeting(søren, "2026-01-10")
        try data.meeting(søren, "2026-01-24T23:30:00-02:00")
        try data.meeting(søren, "2026-02-07", .noShow)
        try data.meeting(søren, "2026-02-21")
        try data.assess(søren, "2026-01-10", [.qualityOfLife: 3, .housing: 5])
        try data.assess(søren, "2026-03-10", [.qualityOfLife: 6, .housing: 5, .health: 2])
        try data.outcome(søren, "2026-03-01", .ownHousing)
        try data.outcome(søren, "2026-04-01", .ownHousing)
        let åse = try data.citizen("Åse Øster", registered: "2025-10-14")
        try data.meeting(åse, "2026-02-15", .excused)
        try data.assess(åse, "2026-02-15", [.selfEsteem: 8])
        try data.assess(åse, "2026-02-15", [.selfEsteem: 4])
        try data.outcome(åse, "2026-03-03", .education)
        // Nothing counted: in no cohort's figures.
        _ = try data.citizen("Bo Ingenting", registered: "2024-06-30")
        return (søren, åse, plan)
    }

    @Test func theFormsCreateUpdateAndDeleteKeepTheFiguresAndUndoTakesThemBack() throws {
        let data = try ReportData()
        let workspace = data.writer
        workspace.recordChangesForUndo()
        let (søren, åse, plan) = try populate(data)
        let report = try expectFiguresFollowRecords(workspace, "created")
        #expect(report.figures.citizens == 2)
        #expect(report.figures.milestones == MilestoneResults(set: 3, achieved: 2, achievedByDeadline: 1, dropped: 1))
        #expect(report.cohorts.count == 2)
        #expect(try keptRows(workspace.database, søren).count == 1 + 3 + 1 + 2)

        // Updates of each kind of record, including what moves the cohort.
        var meeting = try #require(try workspace.all(Meeting.self, parent: søren.sqlValue).first)
        let beforeMeeting = try keptRows(workspace.database, søren)
        meeting.attendance = .noShow
        meeting = try workspace.update(meeting)
        try expectFiguresFollowRecords(workspace, "meeting updated")
        #expect(try keptRows(workspace.database, søren) != beforeMeeting)
        var citizen = try workspace.get(Citizen.self, id: åse)
        citizen.registeredOn = day("2025-05-01")
        try workspace.update(citizen)
        var planRecord = try workspace.get(Plan.self, id: plan)
        planRecord.start = day("2025-12-31")
        try workspace.update(planRecord)
        var milestone = try #require(try workspace.all(Milestone.self, parent: plan.sqlValue).first)
        milestone.deadline = day("2026-02-01")
        milestone = try workspace.update(milestone)
        var assessment = try #require(try workspace.all(Assessment.self, parent: åse.sqlValue).last)
        assessment.scores = [.selfEsteem: 9, .finances: 1]
        assessment = try workspace.update(assessment)
        var outcome = try #require(try workspace.all(Outcome.self, parent: åse.sqlValue).first)
        outcome.kind = .jobOrdinary
        outcome = try workspace.update(outcome)
        let updated = try expectFiguresFollowRecords(workspace, "updated")
        #expect(updated != report)

        // Deletes, a citizen's last one of each kind included.
        try workspace.delete(outcome)
        try workspace.delete(assessment)
        try workspace.delete(milestone)
        try workspace.delete(meeting)
        try expectFiguresFollowRecords(workspace, "deleted")
        try workspace.delete(try workspace.get(Plan.self, id: plan))
        try expectFiguresFollowRecords(workspace, "plan deleted")
        // Undo every step back to where the records were first created; redo a few.
        var undone = 0
        while try workspace.undo() != nil {
            undone += 1
            try expectFiguresFollowRecords(workspace, "undo \(undone)")
        }
        #expect(undone > 10)
        for step in 1...3 {
            try workspace.redo()
            try expectFiguresFollowRecords(workspace, "redo \(step)")
        }

        // A citizen deleted takes their figures along (undo forgets a citizen's deletion).
        #expect(try !keptRows(workspace.database, søren).isEmpty)
        try workspace.delete(try workspace.get(Citizen.self, id: søren))
        try expectFiguresFollowRecords(workspace, "citizen deleted")
        #expect(try keptRows(workspace.database, søren).isEmpty)
    }

    @Test func anInterchangeImportKeepsTheFiguresOfEveryCitizenItBrings() throws {
        let source = try ReportData()
        _ = try populate(source)
        let text = try source.writer.exportText()
        let target = try Fixture()
        try target.workspace.importDocument(text: text)
        let imported = try expectFiguresFollowRecords(target.workspace, "imported")
        let original = try source.writer.resultsReport()
        #expect(imported.figures == original.figures)
        #expect(imported.cohorts == original.cohorts)
    }

    @Test func aSyncImportKeepsTheFiguresOfTheCitizensItChanges() throws {
        let municipality = try SyncSide(organisations: [("Aarhus Kommune", .municipality), ("Værestedet Ø", .dropInCentre)])
        let dropIn = try SyncSide(organisations: [("Bydelshuset", .other), ("Værestedet Ø", .dropInCentre)], admin: "laptop")
        let kommune = try municipality.organisation("Aarhus Kommune"), cafe = try municipality.organisation("Værestedet Ø")
        let workspace = municipality.workspace
        var meeting: Meeting?
        let changes = try municipality.recording {
            let citizen = try workspace.create(Citizen(name: "Søren Ærø", registeredOn: day("2026-01-05"),
                                                       organisationID: kommune.id))
            try workspace.create(Consent(citizenID: citizen.id, scope: .shareBetweenOrganisations, recipientID: cafe.id,
                                         givenOn: day("2026-01-05"), categories: [.contact, .plan, .meetings, .results]))
            let plan = try workspace.create(Plan(citizenID: citizen.id, goal: "Egen bolig", start: day("2026-01-05")))
            try workspace.create(Milestone(planID: plan.id, title: "Boligansøgning", deadline: day("2026-02-01"),
                                           status: .achieved, achievedOn: day("2026-01-30")))
            meeting = try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-01-10T10:00:00+01:00")))
            try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-01-24T10:00:00+01:00")))
            try workspace.create(Assessment(citizenID: citizen.id, date: day("2026-01-10"), scores: [.housing: 2]))
            try workspace.create(Assessment(citizenID: citizen.id, date: day("2026-02-10"), scores: [.housing: 7]))
            try workspace.create(Outcome(citizenID: citizen.id, date: day("2026-02-10"), kind: .ownHousing))
        }
        try dropIn.workspace.importSync(try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 1, changes))
        let first = try expectFiguresFollowRecords(dropIn.workspace, "first sync file")
        #expect(first.figures.citizens == 1)
        #expect(first.figures.contact.meetings == 2)
        #expect(first.figures.milestones.achievedByDeadline == 1)
        #expect(first.soft(.housing)?.improved == 1)

        let second = try municipality.recording { try workspace.delete(try #require(meeting)) }
        try dropIn.workspace.importSync(try municipality.file(from: "Aarhus Kommune", to: "Værestedet Ø", sequence: 2, second))
        let after = try expectFiguresFollowRecords(dropIn.workspace, "second sync file")
        #expect(after.figures.contact.meetings == 1)
    }

    @Test func anErasureTakesTheCitizensFiguresAlong() throws {
        let data = try ReportData(username: "admin")
        try data.writer.create(Professional(name: "Ada Admin", role: .administrator, username: "admin"))
        try data.writer.refreshActor()
        let (søren, _, _) = try populate(data)
        #expect(try !keptRows(data.writer.database, søren).isEmpty)
        _ = try data.writer.erase(citizen: søren, reason: "asked")
        let report = try expectFiguresFollowRecords(data.writer, "erased")
        #expect(report.figures.citizens == 1)
        #expect(try keptRows(data.writer.database, søren).isEmpty)
        #expect(try data.writer.database.scalar("SELECT count(*) FROM citizen_figures_stale") == .integer(0))
    }

    @Test func aWriteAroundTrinvisLeavesItsCitizenStaleAndTheReportCountsTheRecords() throws {
        let data = try ReportData()
        let (søren, _, _) = try populate(data)
        let before = try expectFiguresFollowRecords(data.writer, "created")
        // Another program's connection: no refresh before its commit.
        let other = try Database(path: data.fixture.path)
        try other.execute("DELETE FROM meeting WHERE citizen_id = ?", [søren.sqlValue])
        #expect(try !CitizenFigures.areCurrent(in: data.writer.database))
        let report = try data.writer.resultsReport()
        #expect(report == (try data.writer.resultsReportFromRecords()))
        #expect(report.figures.contact.meetings == before.figures.contact.meetings - 4)
        // The next write through Trinvis brings the figures up to date.
        _ = try data.citizen("Kirsten")
        try expectFiguresFollowRecords(data.writer, "after the next write")
    }

    @Test func theSchemaStepFillsTheFiguresOfTheRecordsAlreadyThere() throws {
        let data = try ReportData()
        _ = try populate(data)
        let expected = try data.writer.resultsReport()
        // The database as it was before the step: no figures tables, the step not applied.
        let database = data.writer.database
        for table in CitizenFigures.tables + [CitizenFigures.staleTable] {
            try database.execute("DROP TABLE \(table)")
        }
        let triggers = try database.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'citizen_figures_%'") {
            try $0.get(0, as: String.self)
        }
        #expect(triggers.count == 20)
        for trigger in triggers { try database.execute("DROP TRIGGER \(trigger)") }
        try database.execute("DELETE FROM trinvis_migration WHERE identifier = '17-results-figures'")
        let reopened = try Workspace(path: data.fixture.path, username: "inger")
        let report = try expectFiguresFollowRecords(reopened, "migrated")
        #expect(report == expected)
        #expect(try reopened.database.scalar("SELECT count(*) FROM citizen_figures") == .integer(3))
    }

    @Test func theFiguresAreDerivedAndNeitherUndoneSyncedNorExported() throws {
        let data = try ReportData()
        _ = try populate(data)
        for table in CitizenFigures.tables + [CitizenFigures.staleTable] {
            #expect(!UndoTable.all.map(\.name).contains(table))
            #expect(!Workspace.syncTables.contains(table))
        }
        let text = try data.writer.exportText()
        #expect(!text.contains("citizen_figures"))
        _ = try data.writer.checkpointWAL()
        #expect(DatabaseCheck.run(path: data.fixture.path, full: true).verdict == .healthy(citizens: 3))
    }

    @Test func theFullCheckFindsFiguresThatDifferFromTheRecords() throws {
        let data = try ReportData()
        let (søren, _, _) = try populate(data)
        let other = try Database(path: data.fixture.path)
        try other.execute("UPDATE citizen_figures SET meetings = 99 WHERE citizen_id = ?", [søren.sqlValue])
        try other.execute("DELETE FROM citizen_figures_gap WHERE citizen_id = ?", [søren.sqlValue])
        #expect(DatabaseCheck.run(path: data.fixture.path).verdict == .healthy(citizens: 3), "only the full check compares")
        #expect(DatabaseCheck.run(path: data.fixture.path, full: true).verdict == .damaged(problems: [
            "citizen_figures: 2 rows differ from the records (the results report's figures)",
            "citizen_figures_gap: 2 rows differ from the records (the results report's figures)",
        ]))
    }
}
