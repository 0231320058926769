import Foundation
import Testing
@testable import TrinvisCore
@testable import TrinvisTUI

/// Every record of a citizen's view can be chosen with Tab and changed (`e`, Enter) or deleted
/// (`d`, asking first and naming what goes with it; `u` brings it back); a new plan begins once
/// the current one is over, and the old ones stay in the view.
@Suite struct RecordEditingTests {
    /// The first demo citizen with at least one assessment, their view open.
    private func openCitizenWithAssessments(_ fixture: DemoFixture, _ app: AppRuntime) throws -> CitizenID {
        let assessed = try fixture.workspace.all(Assessment.self).map(\.citizenID)
        let citizen = try #require(assessed.first)
        app.send(.detailLoaded(.citizen(try fixture.workspace.citizenProfile(citizen))))
        return citizen
    }

    /// Tab until the chosen record is one `matches` picks; the record, or nil after a full round.
    @discardableResult
    private func choose(in app: AppRuntime, _ matches: (DetailRecord) -> Bool) -> DetailRecord? {
        for _ in 0..<80 {
            app.press(.tab)
            guard case .detail(let detail) = app.state.screen, let record = AppUpdate.chosenRecord(detail, app.state) else { return nil }
            if matches(record) { return record }
        }
        return nil
    }

    private func isAssessment(_ record: DetailRecord) -> Bool {
        if case .assessment = record { return true }
        return false
    }

    @Test func anAssessmentIsChangedInItsOwnForm() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        let citizen = try openCitizenWithAssessments(fixture, app)
        let count = try fixture.workspace.all(Assessment.self, parent: citizen.sqlValue).count
        guard case .assessment(let assessment)? = choose(in: app, isAssessment) else {
            Issue.record("no assessment to choose")
            return
        }
        app.press(.character("e"))
        let form = try #require(app.state.form)
        #expect(form.purpose == .assessment(citizen, assessment))
        let dimension = try #require(AssessmentDimension.allCases.first { assessment.scores[$0] != nil })
        #expect(form.value(AssessmentForm.scoreID(dimension)) == String(assessment.scores[dimension] ?? -1), "the saved score shows")
        let score = (assessment.scores[dimension] ?? 5) == 9 ? 2 : 9
        for _ in 0..<40 where app.state.form.map({ $0.fields[$0.focus].id }) != AssessmentForm.scoreID(dimension) { app.press(.tab) }
        app.press(.ctrl("u"))
        app.type(String(score))
        app.press(.function(2))
        #expect(app.state.form == nil, "\(app.text)")
        let saved = try #require(try fixture.workspace.fetch(Assessment.self, id: assessment.id))
        #expect(saved.scores[dimension] == score)
        #expect(try fixture.workspace.all(Assessment.self, parent: citizen.sqlValue).count == count, "changed, not added")
    }

    @Test func deletingAnAssessmentAsksNamingItsScoresAndUndoBringsItBack() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30, language: .danish)
        _ = try openCitizenWithAssessments(fixture, app)
        guard case .assessment(let assessment)? = choose(in: app, isAssessment) else {
            Issue.record("no assessment to choose")
            return
        }
        app.press(.character("d"))
        let date = Localizer(.danish).date(assessment.date)
        #expect(app.state.confirmation?.question == "Slet vurderingen den \(date) og dens \(assessment.scores.count) scorer?")
        app.press(.character("j"), .escape)
        #expect(try fixture.workspace.fetch(Assessment.self, id: assessment.id) != nil, "j and Esc keep it")
        app.press(.character("d"), .enter)
        #expect(try fixture.workspace.fetch(Assessment.self, id: assessment.id) == nil, "Enter deletes it")
        #expect(try fixture.workspace.database.scalar("SELECT count(*) FROM assessment_score WHERE assessment_id = ?",
                                                      [assessment.id.sqlValue]) == .integer(0), "its scores go with it")
        guard case .detail(.citizen(let profile)) = app.state.screen else {
            Issue.record("the citizen's view stays")
            return
        }
        #expect(!profile.assessments.contains { $0.id == assessment.id }, "the view is read again")
        app.press(.character("u"))
        let back = try #require(try fixture.workspace.fetch(Assessment.self, id: assessment.id))
        #expect(back.scores == assessment.scores, "undo brings it back with its scores")
    }

    @Test func everyKindOfRecordOpensItsOwnFormOnTheSavedRecord() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        let citizen = try openCitizenWithAssessments(fixture, app)
        guard case .detail(let detail) = app.state.screen else { return }
        let records = AppUpdate.records(of: detail, app.state)
        #expect(records.count >= 3)
        for _ in records.indices {
            app.press(.tab)
            guard let record = AppUpdate.chosenRecord(detail, app.state) else { continue }
            app.press(.enter)
            let form = try #require(app.state.form, "a form for \(record)")
            #expect(form.purpose == record.editPurpose(citizen: citizen))
            if case .resource = record {} else {
                #expect(form.purpose.recordAudit != nil, "\(record) is edited, not added")
            }
            app.press(.escape)
            if app.state.form != nil { app.press(.enter) }
        }
    }

    @Test func dWithNothingChosenSaysToChooseFirst() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        _ = try openCitizenWithAssessments(fixture, app)
        app.press(.character("d"))
        #expect(app.state.confirmation == nil)
        #expect(app.state.message?.text == "Choose a record with Tab first.")
        app.press(.character("e"))
        if case .citizen? = app.state.form?.purpose {} else { Issue.record("e with nothing chosen edits the citizen") }
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theChosenRecordShowsSelectedAndTheKeyBarSaysTab(width: Int, height: Int) throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: width, height: height)
        let citizen = try openCitizenWithAssessments(fixture, app)
        // A story with Danish letters and an escape sequence in its title.
        try fixture.workspace.create(Story(citizenID: citizen, date: DemoFixture.now.localDate, title: "Æblegrød på \u{1B}[31mrødt",
                                           text: "Hun fik nøglen.", authorID: nil))
        app.send(.detailLoaded(.citizen(try fixture.workspace.citizenProfile(citizen))))
        #expect(app.text.contains("Tab choose"), "\(app.text)")
        guard case .story? = choose(in: app, { if case .story(let story) = $0 { return story.title.hasPrefix("Æble") } else { return false } }) else {
            Issue.record("no story to choose")
            return
        }
        let canvas = app.screen()
        let row = try #require(canvas.lines().firstIndex { $0.contains("Æblegrød på") }, "the chosen story is scrolled into view")
        #expect(!canvas.lines()[row].contains("\u{1B}"), "the escape is not drawn")
        let col = try #require(canvas.lines()[row].range(of: "Æblegrød")).lowerBound.utf16Offset(in: canvas.lines()[row])
        #expect(canvas.style(row: row, col: col)?.isReverse == true, "the chosen record is drawn selected")
        app.press(.character("d"))
        #expect(app.text.contains("Delete the change story"), "\(app.text)")
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aProgressNoteIsChangedAndDeletedFromItsMilestonesView(width: Int, height: Int) throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: width, height: height)
        let note = try #require(try fixture.workspace.all(ProgressNote.self).first)
        let milestone = try #require(try fixture.workspace.fetch(Milestone.self, id: note.milestoneID))
        let plan = try #require(try fixture.workspace.fetch(Plan.self, id: milestone.planID))
        for _ in 0..<20 where app.state.panes.citizenID != plan.citizenID { app.press(.down) }
        #expect(app.state.panes.citizenID == plan.citizenID)
        app.press(.character("2"))
        for _ in 0..<20 where app.state.panes.milestoneList.selection.map({ app.state.panes.milestones[$0].id }) != milestone.id {
            app.press(.down)
        }
        app.press(.enter)
        guard case .progress(let chosen, _)? = choose(in: app, { if case .progress(let other, _) = $0 { return other.id == note.id } else { return false } }) else {
            Issue.record("no progress note to choose: \(app.text)")
            return
        }
        app.press(.enter)
        #expect(app.state.form?.purpose == .progress(milestone, citizen: plan.citizenID, chosen))
        #expect(app.state.form?.value("note") == note.note, "the saved note shows")
        app.press(.tab)
        app.type(" Ændret.")
        app.press(.function(2))
        #expect(try fixture.workspace.fetch(ProgressNote.self, id: note.id)?.note.hasSuffix(" Ændret.") == true)
        app.press(.character("d"))
        #expect(app.state.confirmation?.question.hasPrefix("Delete the progress note of") == true, "\(app.text)")
        #expect(app.text.contains("Delete the progress note of"), "the question shows at \(width)×\(height)")
        app.press(.enter)
        #expect(try fixture.workspace.fetch(ProgressNote.self, id: note.id) == nil)
        app.press(.character("u"))
        #expect(try fixture.workspace.fetch(ProgressNote.self, id: note.id) != nil, "u brings it back")
    }

    // MARK: Plans over time

    /// The first demo citizen with a plan, whose plan is made to have ended.
    private func citizenWithEndedPlan(_ fixture: DemoFixture) throws -> (CitizenID, Plan) {
        var plan = try #require(try fixture.workspace.all(Plan.self).first)
        plan.status = .ended
        try fixture.workspace.update(plan)
        return (plan.citizenID, try #require(try fixture.workspace.fetch(Plan.self, id: plan.id)))
    }

    @Test func newPlanWhileThePlanRunsSaysToEndItFirst() throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: 100, height: 30)
        let plan = try #require(try fixture.workspace.all(Plan.self).first { $0.status == .active && ($0.end ?? DemoFixture.now.localDate) >= DemoFixture.now.localDate })
        app.send(.detailLoaded(.citizen(try fixture.workspace.citizenProfile(plan.citizenID))))
        app.press(.character("P"))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text.contains("still runs") == true)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aNewPlanAfterTheOldOneEndedKeepsTheOldOneInView(width: Int, height: Int) throws {
        let fixture = try DemoFixture()
        let app = fixture.runtime(width: width, height: height, language: .danish)
        let (citizen, old) = try citizenWithEndedPlan(fixture)
        let before = try fixture.workspace.all(Plan.self, parent: citizen.sqlValue).count
        app.send(.detailLoaded(.citizen(try fixture.workspace.citizenProfile(citizen))))
        // The add menu offers a new plan, not the old one.
        app.press(.character("a"))
        let labels = app.state.addMenu?.items.map(\.label) ?? []
        #expect(labels.contains("Ny plan"), "\(labels)")
        app.press(.escape)
        app.type(":new-plan")
        app.press(.enter)
        let form = try #require(app.state.form, "\(app.text)")
        #expect(form.purpose == .plan(citizen: citizen, nil))
        app.type("Egen bolig i Århus")
        app.press(.function(2))
        #expect(app.state.form == nil, "\(app.text)")
        let plans = try fixture.workspace.all(Plan.self, parent: citizen.sqlValue)
        #expect(plans.count == before + 1)
        #expect(try fixture.workspace.fetch(Plan.self, id: old.id) == old, "the old plan is kept as it was")
        #expect(try fixture.workspace.currentPlan(of: citizen)?.goal == "Egen bolig i Århus")
        let count = before
        let said = count == 1 ? "1 plan før denne:" : "\(count) planer før denne:"
        var seen = false
        for _ in 0..<40 where !seen {
            seen = app.text.contains(said) && app.text.contains(String(old.goal.prefix(12)))
            if !seen { app.press(.pageDown) }
        }
        #expect(seen, "the view names the plans before and shows the old one: \(app.text)")
        // The old plan can be chosen and opened in its form.
        _ = choose(in: app) { if case .plan(let plan) = $0 { return plan.id == old.id } else { return false } }
        app.press(.enter)
        #expect(app.state.form?.purpose == .plan(citizen: citizen, old))
    }
}
