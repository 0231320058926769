import TrinvisCore

/// The household view: a block per member with their place in the household, the next
/// meeting, the plan's goal, how many milestones are achieved and the open ones by deadline.
/// The selected member's first line is in reverse video with the cursor on it. While a member
/// is being added, the search (existing citizens first, then "new citizen") is drawn over it.
enum HouseholdView {
    /// Lines of a block besides its milestones: the name, the goal, the count, a blank line.
    static let fixedLines = 4

    static func draw(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let say = state.say
        let household = state.household
        let members = household.overview?.members ?? []
        let title = household.overview.map { say(.householdTitle(name: PaneViews.clean($0.household.name), members: members.count)) } ?? ""
        canvas.box(rect, style: .accent, title: " \(title) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        canvas.fill(inner)
        // Open milestones per member: what the height leaves, at least one.
        let perMember = max((inner.height - members.count * fixedLines) / max(members.count, 1), 1)
        var lines: [(spans: [Span], member: Int?)] = []
        var starts: [Int] = []
        for (index, member) in members.enumerated() {
            starts.append(lines.count)
            lines.append((header(member, state: state, width: inner.width - ListView.markerWidth), index))
            for spans in body(member, state: state, milestones: perMember) { lines.append((spans, nil)) }
            lines.append(([], nil))
        }
        let selected = household.list.selection ?? 0
        var offset = 0
        if let start = starts.indices.contains(selected) ? starts[selected] : nil {
            let end = selected + 1 < starts.count ? starts[selected + 1] : lines.count
            if end - offset > inner.height { offset = max(min(start, end - inner.height), 0) }
        }
        let focused = !state.helpVisible && household.search == nil && state.form == nil && state.confirmation == nil
        for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            let screenRow = inner.row + row
            if let member = line.member, member == selected {
                let style = focused ? Style.selected : Style(.normal, [.bold])
                canvas.fill(Rect(row: screenRow, col: inner.col, width: inner.width, height: 1), style: style)
                canvas.put(row: screenRow, col: inner.col, text: canvas.glyphs.selectionMarker, style: style)
                let styled = line.spans.map { Span($0.text, style: focused ? Style(.selection, $0.style.attributes.union(.reverse))
                                                    : $0.style.adding(.bold)) }
                canvas.put(row: screenRow, col: inner.col + ListView.markerWidth, spans: styled,
                           maxWidth: inner.width - ListView.markerWidth, overflow: .ellipsis)
                if focused { canvas.setCursor(row: screenRow, col: inner.col) }
            } else {
                canvas.put(row: screenRow, col: inner.col + ListView.markerWidth, spans: line.spans,
                           maxWidth: inner.width - ListView.markerWidth, overflow: .ellipsis)
            }
        }
        if offset > 0 { canvas.put(row: inner.row, col: inner.endCol - 1, text: canvas.glyphs.moreAbove, style: .muted) }
        if lines.count - offset > inner.height {
            canvas.put(row: inner.endRow - 1, col: inner.endCol - 1, text: canvas.glyphs.moreBelow, style: .muted)
        }
        if let search = household.search { drawSearch(search, state: state, over: rect, canvas: &canvas) }
    }

    /// A member's first line: the name and place in the household, the next meeting at the right.
    static func header(_ member: HouseholdMemberOverview, state: AppState, width: Int) -> [Span] {
        let say = state.say
        let relation = member.relation.map { say(.householdRelation($0)) } ?? say(.householdNoRelation)
        let next = member.nextMeeting.map { say(.householdNextMeeting(say.date($0.localDate) + " " + $0.clockTime)) }
            ?? say(.householdNoNextMeeting)
        let name = PaneViews.clean(member.citizen.name)
        let left = DisplayWidth.of(name) + DisplayWidth.of(relation) + 3
        let gap = max(width - left - DisplayWidth.of(next), 2)
        return [Span(name, style: .header), Span(" \u{B7} " + relation, style: .muted),
                Span(String(repeating: " ", count: gap)), Span(next, style: member.nextMeeting == nil ? .warning : .normal)]
    }

    /// The lines under a member's name: the goal, the milestone count, the open milestones.
    static func body(_ member: HouseholdMemberOverview, state: AppState, milestones limit: Int) -> [[Span]] {
        let say = state.say
        guard let plan = member.plan else { return [[Span("  " + say(.householdNoPlan), style: .muted)]] }
        let achieved = member.milestones.filter { $0.status == .achieved }.count
        var lines: [[Span]] = [
            [Span("  " + say(.goal(PaneViews.clean(plan.goal))))],
            [Span("  " + say(.householdMilestones(achieved: achieved, total: member.milestones.count)), style: .muted)],
        ]
        let open = member.milestones.filter { $0.status != .achieved && $0.status != .dropped }
            .sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        for milestone in open.prefix(limit) {
            let overdue = milestone.isOverdue(on: state.today)
            let status = overdue ? say(.overdueMarker) : say(.milestoneStatus(milestone.status))
            lines.append([Span(overdue ? "  ! " : "    ", style: .danger),
                          Span(say.date(milestone.deadline) + " ", style: overdue ? .danger : .normal),
                          Span(DisplayWidth.pad(status, toWidth: 10) + " ", style: overdue ? .danger : .muted),
                          Span(PaneViews.clean(milestone.title))])
        }
        return lines
    }

    /// The search for a member: what is typed, the citizens found, and "new citizen".
    static func drawSearch(_ search: MemberSearch, state: AppState, over body: Rect, canvas: inout Canvas) {
        let say = state.say
        let width = min(64, body.width - 4)
        let height = min(search.hits.count + 5, body.height - 2)
        guard width > 10, height >= 5 else { return }
        let rect = Rect(row: body.row + max((body.height - height) / 2, 1), col: body.col + (body.width - width) / 2,
                        width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, style: .accent, title: " \(say(.memberSearchTitle)) ", titleStyle: Style(.accent, [.bold]))
        let inner = rect.inset(by: 1)
        let prompt = say(.memberSearchPrompt)
        let used = canvas.put(row: inner.row, col: inner.col, text: prompt, style: .accent, maxWidth: inner.width)
        let list = Rect(row: inner.row + 2, col: inner.col, width: inner.width, height: inner.height - 2)
        let typed = search.field.text.trimmingBlanks()
        let ellipsis = canvas.glyphs.ellipsis
        ListView.draw(search.list, in: list, canvas: &canvas, isFocused: true) { index, width in
            guard search.hits.indices.contains(index) else {
                return [Span(typed.isEmpty ? say(.memberSearchTypeName) : say(.memberSearchNew(PaneViews.clean(typed))),
                             style: Style(.accent, [.bold]))]
            }
            let citizen = search.hits[index]
            var spans = [Span(DisplayWidth.truncate(PaneViews.clean(citizen.name), toWidth: max(width - 14, 4), ellipsis: ellipsis))]
            if let born = citizen.effectiveBirthDate { spans.append(Span("  " + say.date(born), style: .muted)) }
            return spans
        }
        // The cursor stays in the text, where the typing goes.
        TextField.draw(search.field, in: Rect(row: inner.row, col: inner.col + used, width: max(inner.width - used, 1), height: 1),
                       canvas: &canvas, isFocused: true)
    }
}
