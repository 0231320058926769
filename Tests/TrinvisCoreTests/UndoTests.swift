import Foundation
import Testing
@testable import TrinvisCore

/// Undo and redo of a window's saved changes (SQLite's session extension), on real files.
@Suite struct UndoTests {
    /// A citizen with a meeting (a note with a word found only there) and two agreements, saved
    /// before the window records anything; Inger and Hanne are professionals.
    private struct World {
        let fixture: Fixture
        let citizen: Citizen
        let meeting: Meeting
        let agreements: [Agreement]
        var workspace: Workspace { fixture.workspace }

        init() throws {
            fixture = try Fixture(username: "inger")
            let workspace = fixture.workspace
            try workspace.create(Professional(name: "Inger Holm", role: .caseworker, username: "inger"))
            try workspace.create(Professional(name: "Hanne Østergaard", role: .jobConsultant, username: "hanne"))
            try workspace.refreshActor()
            let citizen = try workspace.create(Citizen(name: "Svend Ålund", registeredOn: day("2026-01-05")))
            self.citizen = citizen
            var saved: (Meeting, [Agreement])?
            try workspace.transaction {
                let meeting = try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-02-12T10:00:00+01:00"),
                                                           notes: "Talte om nøglehullet i døren"))
                let first = try workspace.create(Agreement(meetingID: meeting.id, text: "Ring til udlejeren"))
                let second = try workspace.create(Agreement(meetingID: meeting.id, text: "Søg praktik", due: day("2026-03-01")))
                saved = (meeting, [first, second])
            }
            meeting = try #require(saved?.0)
            agreements = try #require(saved?.1)
            workspace.recordChangesForUndo()
        }

        func hanne() throws -> Workspace { try fixture.secondWorkspace(username: "hanne") }

        func found(_ word: String) throws -> Bool {
            try workspace.search(word, noting: false).contains { $0.summary.citizen.id == citizen.id }
        }
    }

    @Test func nothingIsRecordedUnlessAsked() throws {
        let fixture = try Fixture()
        let citizen = try fixture.workspace.create(Citizen(name: "Per Hansen", registeredOn: day("2026-01-05")))
        try fixture.workspace.delete(citizen)
        #expect(try fixture.workspace.undo() == nil)
        #expect(fixture.workspace.undoableSteps.isEmpty)
    }

    @Test func aDeletedMeetingComesBackWholeAndRedoRemovesItAgain() throws {
        let world = try World()
        let workspace = world.workspace
        #expect(try world.found("nøglehullet"))
        try workspace.delete(world.meeting)
        #expect(try workspace.fetch(Meeting.self, id: world.meeting.id) == nil)
        #expect(try !world.found("nøglehullet"), "the index followed the deletion")
        let step = try #require(workspace.undoableSteps.last)
        #expect(step.summary == ChangeSummary(action: .deleted, subject: .meeting(date: day("2026-02-12")), parts: .agreements,
                                              partCount: 2))
        #expect(Localizer(.english)(.undone(step.summary)) == "Undone: deleted the meeting of 2026-02-12 and its 2 agreements.")
        #expect(Localizer(.danish)(.undone(step.summary)) == "Fortrudt: slettede samtalen den 12.02.2026 og dens 2 aftaler.")
        #expect(step.citizens == [world.citizen.id])

        let undone = try #require(try workspace.undo())
        #expect(undone.summary == step.summary)
        let back = try #require(try workspace.fetch(Meeting.self, id: world.meeting.id))
        #expect(back.notes == world.meeting.notes && back.at == world.meeting.at)
        let agreements = try workspace.all(Agreement.self, parent: world.meeting.id.sqlValue)
        #expect(agreements.map(\.id) == world.agreements.map(\.id), "the same records, with their ids")
        #expect(agreements.map(\.text) == ["Ring til udlejeren", "Søg praktik"])
        #expect(agreements.last?.due == day("2026-03-01"))
        #expect(try world.found("nøglehullet"), "the index follows the undo")
        #expect(try world.found("udlejeren"))
        #expect(workspace.undoableSteps.isEmpty && workspace.redoableSteps.count == 1)

        let redone = try #require(try workspace.redo())
        #expect(redone.summary == step.summary)
        #expect(try workspace.fetch(Meeting.self, id: world.meeting.id) == nil)
        #expect(try workspace.all(Agreement.self).isEmpty)
        #expect(try !world.found("nøglehullet"))
        #expect(try workspace.redo() == nil, "nothing more to redo")
        // And back once more: undo after redo.
        try workspace.undo()
        #expect(try workspace.all(Agreement.self, parent: world.meeting.id.sqlValue).count == 2)
    }

    @Test func anUndoneEditMovesTheVersionOnSoThatOldCopiesCannotSaveOverIt() throws {
        let world = try World()
        let workspace = world.workspace
        world.fixture.clock.advance(seconds: 60)
        var edited = world.meeting
        edited.notes = "Ny note"
        edited = try workspace.update(edited)
        #expect(edited.audit.version == 2)
        world.fixture.clock.advance(seconds: 60)
        try workspace.undo()
        let undone = try workspace.get(Meeting.self, id: world.meeting.id)
        #expect(undone.notes == world.meeting.notes)
        #expect(undone.audit.version == 3, "on, not back to 1")
        #expect(undone.audit.updatedAt == world.fixture.clock.now.seconds && undone.audit.updatedBy == "inger")
        #expect(undone.audit.createdAt == world.meeting.audit.createdAt)
        #expect(try !world.found("Ny"))
        #expect(try world.found("nøglehullet"))
        // A form opened on the edited version cannot save over the undo.
        var stale = edited
        stale.place = "Jobcentret"
        #expect(throws: StoreError.self) { try workspace.update(stale) }
        try workspace.redo()
        let redone = try workspace.get(Meeting.self, id: world.meeting.id)
        #expect(redone.notes == "Ny note" && redone.audit.version == 4)
        #expect(workspace.undoableSteps.last?.summary == ChangeSummary(action: .changed, subject: .meeting(date: day("2026-02-12"))))
    }

    @Test func aMeetingAddedWithItsAgreementsGoesAwayWholeAndComesBackAsTheSameRecords() throws {
        let world = try World()
        let workspace = world.workspace
        var added: (Meeting, [Agreement])?
        try workspace.transaction {
            let meeting = try workspace.create(Meeting(citizenID: world.citizen.id, at: instant("2026-03-02T09:00:00+01:00"),
                                                       notes: "Første samtale om flexjobbet"))
            let agreement = try workspace.create(Agreement(meetingID: meeting.id, text: "Tal med lægen"))
            added = (meeting, [agreement])
        }
        let (meeting, agreements) = try #require(added)
        #expect(workspace.undoableSteps.count == 1, "one form, one step")
        #expect(Localizer(.english)(.changeSummary(try #require(workspace.undoableSteps.last).summary))
            == "added the meeting of 2026-03-02 and its agreement")
        try workspace.undo()
        #expect(try workspace.fetch(Meeting.self, id: meeting.id) == nil)
        #expect(try workspace.fetch(Agreement.self, id: agreements[0].id) == nil)
        #expect(try !world.found("flexjobbet"))
        try workspace.redo()
        #expect(try workspace.get(Meeting.self, id: meeting.id).notes == "Første samtale om flexjobbet")
        #expect(try workspace.get(Agreement.self, id: agreements[0].id).text == "Tal med lægen")
        #expect(try world.found("flexjobbet"))
    }

    @Test func sixtyStepsBackAndForward() throws {
        let world = try World()
        let workspace = world.workspace
        var agreement = world.agreements[0]
        for step in 1...60 {
            agreement.text = "Udgave \(step)"
            agreement = try workspace.update(agreement)
        }
        #expect(workspace.undoableSteps.count == 60)
        for step in stride(from: 59, through: 1, by: -1) {
            try workspace.undo()
            #expect(try workspace.get(Agreement.self, id: agreement.id).text == "Udgave \(step)")
        }
        try workspace.undo()
        #expect(try workspace.get(Agreement.self, id: agreement.id).text == "Ring til udlejeren")
        #expect(try workspace.undo() == nil, "the window's own changes only: the setup is not undone")
        #expect(try workspace.fetch(Meeting.self, id: world.meeting.id) != nil)
        for _ in 1...60 { try workspace.redo() }
        #expect(try workspace.get(Agreement.self, id: agreement.id).text == "Udgave 60")
        #expect(try workspace.get(Agreement.self, id: agreement.id).audit.version == 1 + 60 + 60 + 60)
    }

    @Test func aNewChangeAfterAnUndoForgetsTheRedo() throws {
        let world = try World()
        let workspace = world.workspace
        try workspace.delete(world.agreements[0])
        try workspace.undo()
        #expect(workspace.redoableSteps.count == 1)
        var agreement = try workspace.get(Agreement.self, id: world.agreements[1].id)
        agreement.doneOn = day("2026-03-02")
        try workspace.update(agreement)
        #expect(workspace.redoableSteps.isEmpty)
        #expect(workspace.undoableSteps.last?.summary == ChangeSummary(action: .markedDone, subject: .agreement(text: "Søg praktik")))
        try workspace.undo()
        #expect(try workspace.get(Agreement.self, id: agreement.id).doneOn == nil)
        #expect(try workspace.fetch(Agreement.self, id: world.agreements[0].id) != nil, "the earlier undo stays")
    }

    @Test func anUndoIsRefusedWhenAColleagueChangedTheRecordSinceAndNamesThem() throws {
        let world = try World()
        let workspace = world.workspace
        var mine = world.meeting
        mine.notes = "Min note"
        try workspace.update(mine)
        let hanne = try world.hanne()
        var theirs = try hanne.get(Meeting.self, id: world.meeting.id)
        theirs.notes = "Hannes note"
        try hanne.update(theirs)
        let step = try #require(workspace.undoableSteps.last)
        #expect(throws: UndoRefusal.changedSince(step.summary, by: "Hanne Østergaard")) { try workspace.undo() }
        #expect(try workspace.get(Meeting.self, id: world.meeting.id).notes == "Hannes note", "never forced")
        #expect(workspace.undoableSteps.count == 1, "the step stays")
        #expect(Localizer(.danish)(.undoRefused(.changedSince(step.summary, by: "Hanne Østergaard"), redoing: false))
            == "Ikke fortrudt: Hanne Østergaard har ændret samtalen den 12.02.2026 siden.")
    }

    @Test func anUndoIsRefusedWhenAColleagueDeletedTheRecordSince() throws {
        let world = try World()
        let workspace = world.workspace
        var agreement = world.agreements[0]
        agreement.doneOn = day("2026-03-02")
        try workspace.update(agreement)
        let hanne = try world.hanne()
        try hanne.delete(try hanne.get(Meeting.self, id: world.meeting.id))
        #expect(throws: UndoRefusal.changedSince(try #require(workspace.undoableSteps.last).summary, by: "Hanne Østergaard")) {
            try workspace.undo()
        }
        #expect(try workspace.fetch(Meeting.self, id: world.meeting.id) == nil)
    }

    @Test func anUndoDoesNotTakeAColleaguesAgreementWithTheMeeting() throws {
        let world = try World()
        let workspace = world.workspace
        let meeting = try workspace.create(Meeting(citizenID: world.citizen.id, at: instant("2026-03-02T09:00:00+01:00")))
        let hanne = try world.hanne()
        try hanne.create(Agreement(meetingID: meeting.id, text: "Hannes aftale"))
        #expect(throws: UndoRefusal.changedSince(try #require(workspace.undoableSteps.last).summary, by: "Hanne Østergaard")) {
            try workspace.undo()
        }
        #expect(try workspace.fetch(Meeting.self, id: meeting.id) != nil)
        #expect(try workspace.all(Agreement.self, parent: meeting.id.sqlValue).map(\.text) == ["Hannes aftale"])
    }

    @Test func undoAndRedoAreLoggedAsChanges() throws {
        let world = try World()
        let workspace = world.workspace
        try workspace.delete(world.meeting)
        try workspace.undo()
        try workspace.redo()
        let entries = try workspace.accessHistory(of: world.citizen.id).filter { $0.chain == .change }.map { "\($0.action.rawValue) \($0.detail)" }
        let meeting = world.meeting.id.rawValue
        let (first, second) = (world.agreements[0].id.rawValue, world.agreements[1].id.rawValue)
        for expected in ["delete meeting \(meeting) deleted", "change undo meeting \(meeting) created",
                         "change undo agreement \(first) created", "change undo agreement \(second) created",
                         "delete redo meeting \(meeting) deleted", "delete redo agreement \(first) deleted"] {
            #expect(entries.contains(expected), "\(entries)")
        }
        #expect(AccessLetter.Subject(action: .change, detail: "undo meeting \(meeting) created") == .meeting)
        #expect(AccessLetter.Kind(action: .change, detail: "undo meeting \(meeting) created") == .added)
    }

    @Test func anArchiveAndAMovedDeadlineAreUndoneWithTheirHistory() throws {
        let world = try World()
        let workspace = world.workspace
        let plan = try workspace.create(Plan(citizenID: world.citizen.id, goal: "Fast job", start: day("2026-01-05")))
        var milestone = try workspace.create(Milestone(planID: plan.id, title: "Cv skrevet", deadline: day("2026-04-01")))
        milestone.deadline = day("2026-05-01")
        milestone = try workspace.update(milestone)
        #expect(try workspace.deadlineMoves(of: milestone.id).count == 1)
        try workspace.undo()
        #expect(try workspace.get(Milestone.self, id: milestone.id).deadline == day("2026-04-01"))
        #expect(try workspace.deadlineMoves(of: milestone.id).isEmpty, "the move is undone, not a second one written")
        try workspace.redo()
        #expect(try workspace.get(Milestone.self, id: milestone.id).deadline == day("2026-05-01"))
        #expect(try workspace.deadlineMoves(of: milestone.id).map(\.to) == [day("2026-05-01")])
        try workspace.undo()
        try workspace.redo()
        #expect(try workspace.deadlineMoves(of: milestone.id).count == 1)

        try workspace.archive(citizen: world.citizen.id)
        #expect(workspace.undoableSteps.last?.summary == ChangeSummary(action: .archived, subject: .citizen(name: "Svend Ålund")))
        #expect(try workspace.get(Plan.self, id: plan.id).status == .ended)
        try workspace.undo()
        #expect(try workspace.get(Citizen.self, id: world.citizen.id).archivedOn == nil)
        #expect(try workspace.get(Plan.self, id: plan.id).status == .active)
        #expect(try workspace.get(Plan.self, id: plan.id).end == nil)
    }

    @Test func anUndoFollowsTheAccessRule() throws {
        let fixture = try Fixture(username: "inger", policy: .organisation)
        let workspace = fixture.workspace
        let admin = try fixture.secondWorkspace(username: "admin")
        let jobcentre = try admin.create(Organisation(name: "Jobcenter Ringe", kind: .municipality))
        try admin.create(Professional(name: "Inger Holm", role: .caseworker, organisationID: jobcentre.id, username: "inger"))
        try workspace.refreshActor()
        workspace.recordChangesForUndo()
        let citizen = try workspace.create(Citizen(name: "Line Berg", registeredOn: day("2026-01-05"), organisationID: jobcentre.id))
        let meeting = try workspace.create(Meeting(citizenID: citizen.id, at: instant("2026-03-02T09:00:00+01:00")))
        try workspace.delete(meeting)
        // The citizen moves to another organisation: Inger no longer sees her.
        let other = try admin.create(Organisation(name: "Værestedet", kind: .dropInCentre))
        var moved = try admin.get(Citizen.self, id: citizen.id)
        moved.organisationID = other.id
        try admin.update(moved)
        #expect(throws: StoreError.accessDenied(citizen: citizen.id.rawValue)) { try workspace.undo() }
        #expect(try admin.fetch(Meeting.self, id: meeting.id) == nil)
    }

    @Test func anErasedPersonDoesNotComeBackByAnUndo() throws {
        let world = try World()
        let workspace = world.workspace
        try workspace.create(Professional(name: "Administratoren", role: .administrator, username: "admin"))
        try workspace.delete(world.meeting)
        let step = try #require(workspace.undoableSteps.last)
        let admin = try world.fixture.secondWorkspace(username: "admin")
        _ = try admin.erase(citizen: world.citizen.id, reason: "Anmodning om sletning")
        #expect(throws: UndoRefusal.cannotRestore(step.summary)) { try workspace.undo() }
        #expect(try admin.fetch(Meeting.self, id: world.meeting.id) == nil)
        #expect(try admin.all(Agreement.self).isEmpty)
        #expect(Localizer(.english)(.undoRefused(.cannotRestore(step.summary), redoing: false))
            == "Not undone: what the meeting of 2026-02-12 belonged to is gone.")
    }

    @Test func anErasureForgetsTheWindowsSteps() throws {
        let world = try World()
        let workspace = world.workspace
        try workspace.delete(world.meeting)
        try workspace.delete(try workspace.get(Citizen.self, id: world.citizen.id))
        #expect(workspace.undoableSteps.isEmpty && workspace.redoableSteps.isEmpty)
    }
}
