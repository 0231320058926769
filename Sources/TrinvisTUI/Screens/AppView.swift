import TrinvisCore

/// Draws the whole interface for a state. Pure: the same state and size give the same canvas.
package enum AppView {
    /// Draws everything into `canvas` (whose size is the screen's).
    package static func render(_ state: AppState, into canvas: inout Canvas) {
        let layout = Layout.of(state)
        drawHeader(state, layout, &canvas)
        switch state.screen {
        case .main:
            if let tabs = layout.tabs { drawTabs(state, tabs, &canvas) }
            let frames = layout.frames(focus: state.focus)
            for pane in Pane.allCases {
                guard let frame = frames[pane] else { continue }
                drawPane(pane, state, frame, &canvas)
            }
        case .detail(let detail):
            drawDetail(detail, state, layout, &canvas)
        case .agenda:
            AgendaView.draw(state, in: layout.body, canvas: &canvas)
        case .drafts:
            OverlayViews.drawDrafts(state, in: layout.body, canvas: &canvas)
        case .results:
            ResultsView.draw(state, canvas: &canvas)
        case .household:
            HouseholdView.draw(state, in: layout.body, canvas: &canvas)
        case .activities:
            ActivitiesView.drawList(state, in: layout.body, canvas: &canvas)
        case .activity:
            ActivitiesView.drawActivity(state, in: layout.body, canvas: &canvas)
        case .companies:
            CompaniesView.drawRegister(state, in: layout.body, canvas: &canvas)
        case .company:
            CompaniesView.drawCompany(state, in: layout.body, canvas: &canvas)
        case .syncConflicts:
            SyncConflictsView.draw(state, in: layout.body, canvas: &canvas)
        }
        if let menu = state.addMenu { OverlayViews.drawMenu(menu, state: state, canvas: &canvas) }
        if let menu = state.pickMenu {
            OverlayViews.drawMenu(title: menu.title, labels: menu.items.map(\.label), list: menu.list, canvas: &canvas)
        }
        if let form = state.form {
            FormView.draw(form, screen: canvas.size, canvas: &canvas, glyphs: canvas.glyphs, focused: !state.helpVisible)
        }
        if let conflict = state.conflict {
            ConflictView.draw(conflict, state: state, canvas: &canvas, focused: !state.helpVisible)
        }
        drawMessageLine(state, layout.message, &canvas)
        KeyBar.draw(AppKeys.current(state), row: layout.keyBar.row, in: &canvas)
        if state.helpVisible { drawHelp(state, &canvas) }
    }

    // MARK: Frame pieces

    /// The header's first line without the goal, the goal, and the user part at the right.
    private static func headerParts(_ state: AppState, separator: String) -> (spans: [Span], goal: Span?, user: String) {
        let say = state.say
        var spans = [Span(" Trinvis ", style: .header)]
        let divider = Span(" \(separator) ", style: Style(.header))
        var goal: Span?
        if case .main = state.screen, let summary = state.panes.summary {
            spans += [divider, Span(PaneViews.clean(summary.citizen.name), style: .header)]
            if let plan = state.panes.plan {
                let end: String
                if let planEnd = plan.end {
                    end = say(.planEnds(date: say.date(planEnd), relative: say(.relativeDays(state.today.days(until: planEnd)))))
                } else {
                    end = say(.planOpenEnded)
                }
                let endStyle = plan.end.map { $0 < state.today } == true ? Style(.header, [.bold, .underline]) : Style(.header)
                spans += [divider, Span(end, style: endStyle)]
                goal = Span(say(.goal(PaneViews.clean(plan.goal))), style: Style(.header))
            }
        }
        return (spans, goal, state.username + " " + say.date(state.today) + " ")
    }

    /// The goal does not fit on the header's first line, so it gets a second header row.
    package static func goalNeedsItsOwnLine(_ state: AppState) -> Bool {
        let parts = headerParts(state, separator: state.glyphs.vertical)
        guard let goal = parts.goal else { return false }
        let used = (parts.spans + [Span(" | "), goal]).reduce(0) { $0 + DisplayWidth.of($1.text) }
        return used + DisplayWidth.of(parts.user) + 1 > state.size.width
    }

    private static func drawHeader(_ state: AppState, _ layout: Layout, _ canvas: inout Canvas) {
        let rect = layout.header
        canvas.fill(rect, style: .header)
        let parts = headerParts(state, separator: canvas.glyphs.vertical)
        let ownLine = rect.height > 1  // the layout gave the goal a row of its own
        var spans = parts.spans
        if let goal = parts.goal, !ownLine {
            spans += [Span(" \(canvas.glyphs.vertical) ", style: Style(.header)), goal]
        }
        // What the citizen's line needs comes first: the brand gives way, then the user's name.
        let userWidth = DisplayWidth.of(parts.user)
        let needed = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if needed > rect.width - userWidth - 1, spans.count > 2 {
            spans = [Span(" ", style: .header)] + spans.dropFirst(2)
        }
        let showsUser = rect.width > userWidth + 20
            && spans.reduce(0) { $0 + DisplayWidth.of($1.text) } <= rect.width - userWidth - 1
        let leftWidth = showsUser ? max(rect.width - userWidth - 1, 0) : rect.width
        canvas.put(row: rect.row, col: rect.col, spans: spans, maxWidth: leftWidth, overflow: .ellipsis)
        if showsUser {
            canvas.put(row: rect.row, col: rect.endCol - userWidth, text: parts.user, style: Style(.header))
        }
        if let goal = parts.goal, ownLine {
            canvas.put(row: rect.row + 1, col: rect.col + 1, text: goal.text, style: goal.style, maxWidth: rect.width - 2,
                       overflow: .ellipsis)
        }
    }

    private static func drawTabs(_ state: AppState, _ rect: Rect, _ canvas: inout Canvas) {
        canvas.fill(rect)
        var col = rect.col + 1
        for pane in Pane.allCases {
            let focused = pane == state.focus
            let title = paneTitle(pane, state)
            let text = focused ? "[\(title)]" : " \(title) "
            col += canvas.put(row: rect.row, col: col, text: text, style: focused ? Style(.accent, [.bold, .reverse]) : .muted)
            col += 1
        }
    }

    static func paneTitle(_ pane: Pane, _ state: AppState) -> String {
        let say = state.say
        switch pane {
        case .citizens:
            return "1 " + say(.paneCitizens) + (state.showArchived ? " (" + say(.paneWithArchived) + ")" : "")
                + (state.tags.isEmpty ? "" : " " + state.glyphs.bullet + " " + say(.paneTagged(state.tags.count)))
        case .milestones: return "2 " + say(.paneMilestones)
        case .meetings: return "3 " + say(.paneMeetings)
        }
    }

    private static func drawPane(_ pane: Pane, _ state: AppState, _ frame: Rect, _ canvas: inout Canvas) {
        let focused = pane == state.focus && state.prompt.map { $0.purpose != .search } ?? true
        let title = focused ? "[\(paneTitle(pane, state))]" : " \(paneTitle(pane, state)) "
        canvas.box(frame, style: focused ? .accent : .muted, title: title,
                   titleStyle: focused ? Style(.accent, [.bold, .reverse]) : .muted)
        let inner = frame.inset(by: 1)
        let isFocused = pane == state.focus && !state.helpVisible
        switch pane {
        case .citizens: PaneViews.citizens(state, in: inner, focused: isFocused, canvas: &canvas)
        case .milestones: PaneViews.milestones(state, in: inner, focused: isFocused, canvas: &canvas)
        case .meetings: PaneViews.meetings(state, in: inner, focused: isFocused, canvas: &canvas)
        }
    }

    private static func drawMessageLine(_ state: AppState, _ rect: Rect, _ canvas: inout Canvas) {
        canvas.fill(rect)
        let say = state.say
        let question = state.confirmation?.question ?? (state.form?.confirmingDiscard == true
            ? say(state.form?.quitAfterDiscard == true ? .discardAndQuitQuestion : .discardQuestion) : nil)
        if let question {
            canvas.put(row: rect.row, col: rect.col, text: question, style: .warning, maxWidth: rect.width, overflow: .ellipsis)
            return
        }
        if let message = state.form?.message {
            canvas.put(row: rect.row, col: rect.col, text: "! " + message, style: .danger, maxWidth: rect.width, overflow: .ellipsis)
            return
        }
        if let notice = state.form?.liveNotice, state.conflict == nil {
            canvas.put(row: rect.row, col: rect.col, text: "! " + notice, style: .warning, maxWidth: rect.width, overflow: .ellipsis)
            return
        }
        if let prompt = state.prompt {
            let label: String
            switch prompt.purpose {
            case .search: label = say(.searchPrompt)
            case .find: label = say(.findPrompt)
            case .reportFrom: label = say(.promptFrom)
            case .reportTo: label = say(.promptTo)
            case .command: label = ":"
            }
            let used = canvas.put(row: rect.row, col: rect.col, text: label, style: .accent)
            let field = Rect(row: rect.row, col: rect.col + used, width: max(rect.width - used, 1), height: 1)
            TextField.draw(prompt.field, in: field, canvas: &canvas, isFocused: true)
            var note = state.message?.text ?? ""
            if case .search = prompt.purpose, let index = state.citizens.list.selection, index < state.citizens.matches.count,
               case .text = state.citizens.matches[index] {
                note = PaneViews.describe(state.citizens.matches[index], say)
            }
            let room = rect.width - used - DisplayWidth.of(prompt.field.text) - 4
            if !note.isEmpty, room > 10 {
                let shown = DisplayWidth.truncate(PaneViews.clean(note), toWidth: room, ellipsis: canvas.glyphs.ellipsis)
                canvas.put(row: rect.row, col: rect.endCol - DisplayWidth.of(shown) - 1, text: shown, style: .muted)
            }
            return
        }
        if let message = state.message {
            let style: Style = message.kind == .error ? .danger : .normal
            let prefix = message.kind == .error ? "! " : ""
            canvas.put(row: rect.row, col: rect.col, text: prefix + message.text, style: style, maxWidth: rect.width,
                       overflow: .ellipsis)
        } else if let query = state.citizens.query, state.screen == .main {
            canvas.put(row: rect.row, col: rect.col, text: say(.searchActive(query)), style: .muted, maxWidth: rect.width,
                       overflow: .ellipsis)
        }
    }

    // MARK: Detail and help

    /// The width detail text is wrapped to.
    package static func detailWidth(_ state: AppState) -> Int {
        max(Layout.of(state).body.width - 3, 10)
    }

    /// The rows a detail view shows at once.
    package static func detailHeight(_ state: AppState) -> Int {
        max(Layout.of(state).body.height - 2, 1)
    }

    private static func drawDetail(_ detail: Detail, _ state: AppState, _ layout: Layout, _ canvas: inout Canvas) {
        let say = state.say
        let title: String
        switch detail {
        case .citizen(let profile): title = say(.citizenTitle(profile.citizen.name))
        case .milestone: title = say(.milestoneTitle)
        case .meeting: title = say(.meetingTitle)
        case .story: title = say(.fieldStories)
        }
        canvas.box(layout.body, style: .accent, title: " \(title) ", titleStyle: Style(.accent, [.bold]))
        let inner = layout.body.inset(by: 1)
        let lines = DetailView.lines(detail, width: detailWidth(state), state: state)
        TextView.draw(lines, state: state.detail, in: inner, canvas: &canvas, isFocused: !state.helpVisible)
    }

    /// The help lines of the current screen.
    package static func helpLines(_ state: AppState) -> [[Span]] {
        let width = helpRect(state.size).width - 4
        return KeyHelp.lines(for: AppKeys.current(state), width: max(width, 10), names: KeyNames(glyphs: state.glyphs))
            + [[], [Span(state.say(.helpFooter), style: .muted)]]
    }

    /// The rows the help shows at once.
    package static func helpHeight(_ state: AppState) -> Int {
        max(helpRect(state.size).height - 2, 1)
    }

    private static func helpRect(_ size: Size) -> Rect {
        let width = min(size.width - 4, 90)
        let height = size.height - 4
        return Rect(row: 2, col: (size.width - width) / 2, width: max(width, 10), height: max(height, 3))
    }

    private static func drawHelp(_ state: AppState, _ canvas: inout Canvas) {
        let rect = helpRect(canvas.size)
        canvas.fill(rect)
        canvas.box(rect, style: .accent, title: " \(state.say(.helpTitle)) ", titleStyle: Style(.accent, [.bold]))
        let inner = Rect(row: rect.row + 1, col: rect.col + 2, width: rect.width - 4, height: rect.height - 2)
        TextView.draw(helpLines(state), state: state.help, in: inner, canvas: &canvas, isFocused: true)
    }
}
