import Foundation
import Testing
@testable import TrinvisCore

/// Drafts per window: two windows of one user keep both, a window that runs keeps its drafts to
/// itself, and a draft remembers the version of the record it was opened on.
@Suite struct DraftWindowTests {
    /// A window of this process (so it runs) under another id.
    static func runningWindow(_ id: String) -> DraftWindow {
        let current = DraftWindow.current
        return DraftWindow(id: id, host: current.host, pid: current.pid, started: current.started)
    }

    /// A window whose process id now belongs to another process (this one, started later): it ended.
    static func endedWindow(_ id: String) -> DraftWindow {
        let current = DraftWindow.current
        return DraftWindow(id: id, host: current.host, pid: current.pid, started: current.started - 1)
    }

    @Test func thisProcessRunsAndEndedOrForeignProcessesDoNot() throws {
        let current = DraftWindow.current
        #expect(current.pid == getpid())
        #expect(!current.host.isEmpty)
        #expect(current.started > 0, "the start time comes from /proc")
        #expect(current.id.count == 32 && current.id != DraftWindow.randomToken())
        #expect(current.isRunning)
        #expect(Self.runningWindow("other").isRunning)
        #expect(!Self.endedWindow("reused").isRunning, "a process id taken over by another process")
        #expect(!DraftWindow(id: "x", host: current.host + "-elsewhere", pid: current.pid, started: current.started).isRunning)
        #expect(!DraftWindow(id: "x", host: "", pid: 0, started: 0).isRunning, "drafts from before windows")

        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let ended = DraftWindow(id: "child", host: current.host, pid: child.processIdentifier, started: 0)
        #expect(!ended.isRunning, "a process that exited")
    }

    @Test func twoWindowsOfOneUserKeepBothDraftsAndARunningWindowKeepsItsOwn() throws {
        let fixture = try Fixture()
        let first = fixture.workspace
        first.draftWindow = Self.runningWindow("first")
        let second = try fixture.secondWorkspace(username: "inger")
        second.draftWindow = Self.runningWindow("second")
        try first.saveDraft(key: "citizen:new", title: "New citizen", payload: #"{"name":"Ulla Nørgaard"}"#, citizen: nil)
        try second.saveDraft(key: "citizen:new", title: "New citizen", payload: #"{"name":"Line Sørensen"}"#, citizen: nil)
        #expect(try first.draftStore().database.scalar("SELECT count(*) FROM draft") == .integer(2), "the second did not overwrite the first")

        // Each running window sees its own draft only; a new window sees neither.
        #expect(try first.drafts().map(\.payload) == [#"{"name":"Ulla Nørgaard"}"#])
        #expect(try second.drafts().map(\.payload) == [#"{"name":"Line Sørensen"}"#])
        let third = try fixture.secondWorkspace(username: "inger")
        third.draftWindow = Self.runningWindow("third")
        #expect(try third.drafts().isEmpty, "drafts of windows that still run are not offered")

        // Both windows end (as after kill -9): the next window is offered both.
        try first.draftStore().database.execute("UPDATE draft SET window_started = window_started - 1")
        let offered = try third.drafts()
        #expect(Set(offered.map(\.payload)) == [#"{"name":"Ulla Nørgaard"}"#, #"{"name":"Line Sørensen"}"#])
        #expect(Set(offered.map(\.windowID)) == ["first", "second"])

        // Another user's drafts are never offered.
        let other = try fixture.secondWorkspace(username: "bo")
        other.draftWindow = Self.runningWindow("bo's")
        #expect(try other.drafts().isEmpty)
    }

    @Test func aRestoredDraftIsClaimedOnceAndDiscardingTouchesOnlyThatWindowsDraft() throws {
        let fixture = try Fixture()
        let ended = fixture.workspace
        ended.draftWindow = Self.endedWindow("ended")
        try ended.saveDraft(key: "citizen:new", title: "New citizen", payload: #"{"name":"A"}"#, citizen: nil)
        let other = try fixture.secondWorkspace(username: "inger")
        other.draftWindow = Self.endedWindow("other ended")
        try other.saveDraft(key: "citizen:new", title: "New citizen", payload: #"{"name":"B"}"#, citizen: nil)

        let mine = try fixture.secondWorkspace(username: "inger")
        mine.draftWindow = Self.runningWindow("mine")
        let rival = try fixture.secondWorkspace(username: "inger")
        rival.draftWindow = Self.runningWindow("rival")
        let draft = try #require(try mine.drafts().first { $0.payload.contains("A") })
        #expect(try mine.claim(draft))
        #expect(try !rival.claim(draft), "another window restored it first")
        #expect(try rival.drafts().map(\.payload) == [#"{"name":"B"}"#], "the claimed draft now belongs to a running window")
        #expect(try mine.drafts().count == 2)

        // This window's draft of the form is written on from here, then removed after the save.
        try mine.saveDraft(key: "citizen:new", title: "New citizen", payload: #"{"name":"A2"}"#, citizen: nil)
        #expect(try mine.drafts().map(\.payload).sorted() == [#"{"name":"A2"}"#, #"{"name":"B"}"#])
        try mine.discardDraft(key: "citizen:new")
        #expect(try mine.drafts().map(\.payload) == [#"{"name":"B"}"#], "only this window's draft of the form went")
        let left = try #require(try mine.drafts().first)
        try mine.discard(left)
        #expect(try fixture.workspace.draftStore().database.scalar("SELECT count(*) FROM draft") == .integer(0))
    }

    @Test func aDraftKeepsTheVersionOfItsRecordAndTheValuesItOpenedWith() throws {
        let fixture = try Fixture()
        let workspace = fixture.workspace
        let world = try World(workspace)
        try workspace.saveDraft(key: "milestone:\(world.milestone.id)", title: "Milestone", payload: #"{"title":"Mine"}"#,
                                citizen: world.citizen.id, recordVersion: world.milestone.audit.version,
                                basePayload: #"{"title":"Start behandling"}"#)
        try workspace.saveDraft(key: "meeting:new:c\(world.citizen.id)", title: "Meeting", payload: "{}", citizen: world.citizen.id)
        let drafts = try workspace.drafts()
        let milestone = try #require(drafts.first { $0.key.hasPrefix("milestone:") })
        #expect(milestone.recordVersion == 1)
        #expect(milestone.basePayload == #"{"title":"Start behandling"}"#)
        #expect(milestone.windowID == DraftWindow.current.id)
        let meeting = try #require(drafts.first { $0.key.hasPrefix("meeting:") })
        #expect(meeting.recordVersion == nil && meeting.basePayload == nil, "a new record has no version")

        // Written again after the record changed (the form reopened on the new version).
        try workspace.saveDraft(key: "milestone:\(world.milestone.id)", title: "Milestone", payload: #"{"title":"Mine"}"#,
                                citizen: world.citizen.id, recordVersion: 2, basePayload: nil)
        #expect(try workspace.drafts().first { $0.key.hasPrefix("milestone:") }?.recordVersion == 2)
    }

    @Test func draftsWrittenBeforeWindowsAreOfferedAfterTheMigration() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        do {
            let database = try Database(path: path)
            let before = Schema.migrator.migrations.prefix { $0.identifier != "8-draft-windows" }
            try Migrator(Array(before)).migrate(database, now: 0)
            try database.execute("""
                INSERT INTO draft (username, form_key, title, payload, updated_at, citizen_id)
                VALUES ('inger', 'citizen:new', 'New citizen', '{"name":"Per"}', 100, NULL)
                """)
        }
        let workspace = try Workspace(path: path, username: "inger")
        let drafts = try workspace.drafts()
        #expect(drafts.map(\.payload) == [#"{"name":"Per"}"#])
        #expect(drafts.first?.windowID == "" && drafts.first?.recordVersion == nil)
        #expect(try workspace.database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'draft_by_citizen'") == .integer(1))
    }
}
