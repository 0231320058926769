import TrinvisCore

/// The three lists of the main screen: citizens, milestones and meetings.
enum PaneViews {
    /// Data text made safe and one-line: controls removed, line breaks as spaces.
    static func clean(_ text: String) -> String {
        Sanitizer.sanitize(text.replacingLineEnds().split(separator: "\n").joined(separator: " "))
    }

    /// The citizen list: a marker for the user's own citizens, the name, what is overdue, and
    /// the next meeting (or, for search results, where the search matched).
    static func citizens(_ state: AppState, in rect: Rect, focused: Bool, canvas: inout Canvas) {
        let say = state.say
        let glyphs = canvas.glyphs
        let rows = state.citizens.rows
        let matches = state.citizens.matches
        let empty = state.citizens.query.map { say(.searchNoHits($0)) } ?? say(.noCitizens)
        ListView.draw(state.citizens.list, in: rect, canvas: &canvas, isFocused: focused, emptyText: empty) { index, width in
            let summary = rows[index]
            // A tagged row is marked by a sign of its own and a bold name, not by colour alone.
            let tagged = state.tags.contains(summary.citizen.id)
            var spans: [Span] = [Span(tagged ? tagMark(glyphs) : " ", style: Style(.accent, [.bold])),
                                 Span(summary.isMine ? (glyphs.isASCII ? "* " : "\u{25CF} ") : "  ", style: .accent)]
            let nameStyle: Style = tagged ? Style(.normal, [.bold]) : .normal
            let overdue = summary.overdue > 0 ? "!\(summary.overdue)" : ""
            let showDate = width >= 30
            let trailing: [Span]
            if index < matches.count {
                trailing = [Span("  " + describe(matches[index], say), style: .muted)]
            } else if summary.citizen.archivedOn != nil {
                trailing = [Span(" " + DisplayWidth.pad(DisplayWidth.truncate(say(.archivedMark), toWidth: 10, ellipsis: glyphs.ellipsis),
                                                        toWidth: 10, alignment: .trailing), style: .muted)]
            } else {
                let date = summary.nextMeeting.map { say.date($0.localDate) } ?? ""
                let late = summary.nextMeeting.map { $0.localDate < state.today } ?? false
                trailing = showDate ? [Span(" " + DisplayWidth.pad(date, toWidth: 10, alignment: .trailing),
                                            style: late ? .warning : .muted)] : []
            }
            let trailingWidth = index < matches.count ? 0 : trailing.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let nameWidth = max(width - 3 - 4 - trailingWidth, 4)
            if index < matches.count {
                // A text match leaves room for the words it matched: the name takes at most a third.
                let nameRoom = if case .text = matches[index] { min(nameWidth, max(width / 3, 12)) } else { nameWidth }
                let nameShown = DisplayWidth.truncate(clean(summary.citizen.name), toWidth: max(nameRoom, 4), ellipsis: glyphs.ellipsis)
                spans.append(Span(nameShown, style: nameStyle))
                if !overdue.isEmpty { spans.append(Span(" " + overdue, style: .danger)) }
                return spans + trailing
            }
            spans.append(Span(DisplayWidth.pad(DisplayWidth.truncate(clean(summary.citizen.name), toWidth: nameWidth,
                                                                     ellipsis: glyphs.ellipsis), toWidth: nameWidth),
                              style: nameStyle))
            // The padding apart from the count: blanks in the danger style would be underlined
            // without colours.
            spans.append(Span(String(repeating: " ", count: max(4 - DisplayWidth.of(overdue), 0))))
            if !overdue.isEmpty { spans.append(Span(overdue, style: .danger)) }
            return spans + trailing
        }
    }

    /// The sign of a tagged row in the citizen list.
    static func tagMark(_ glyphs: Glyphs) -> String {
        glyphs.isASCII ? "+" : "\u{2713}"
    }

    /// An excerpt that starts at most two words before the matched word (between « and »), so
    /// the word is in view in a narrow row.
    static func nearMatch(_ excerpt: String) -> String {
        guard let mark = excerpt.firstIndex(of: "\u{AB}") else { return excerpt }
        let before = excerpt[..<mark].split(separator: " ", omittingEmptySubsequences: true)
        guard before.count > 2 else { return excerpt }
        return "\u{2026}" + before.suffix(2).joined(separator: " ") + " " + excerpt[mark...]
    }

    static func describe(_ match: SearchHit.Match, _ say: Localizer) -> String {
        switch match {
        case .name: return say(.matchName)
        case .cpr: return say(.matchCPR)
        case .saved: return say(.matchSaved)
        case .text(let source, let excerpt): return say(.matchText(source)) + ": " + nearMatch(clean(excerpt))
        }
    }

    /// The milestones of the plan: overdue marker and word, deadline, status, title, stepping stone.
    static func milestones(_ state: AppState, in rect: Rect, focused: Bool, canvas: inout Canvas) {
        let say = state.say
        let milestones = state.panes.milestones
        let empty = state.panes.citizenID == nil ? say(.noCitizenSelected)
            : state.panes.plan == nil ? say(.noPlan) : say(.noMilestones)
        ListView.draw(state.panes.milestoneList, in: rect, canvas: &canvas, isFocused: focused, emptyText: empty) { index, width in
            let milestone = milestones[index]
            let overdue = milestone.isOverdue(on: state.today)
            let status = overdue ? say(.overdueMarker) : say(.milestoneStatus(milestone.status))
            let statusStyle: Style
            switch milestone.status {
            case _ where overdue: statusStyle = .danger
            case .achieved: statusStyle = .success
            case .dropped: statusStyle = .muted
            default: statusStyle = .normal
            }
            var spans = [
                Span(overdue ? "! " : "  ", style: overdue ? .danger : .normal),
                Span(say.date(milestone.deadline) + " ", style: overdue ? .danger : .normal),
            ]
            if width >= 44 {
                spans.append(Span(DisplayWidth.pad(status, toWidth: 10) + " ", style: statusStyle))
            }
            spans.append(Span(clean(milestone.title),
                              style: milestone.status == .dropped ? .muted : .normal))
            if milestone.steppingStone {
                spans.append(Span(" (" + say(.steppingStone) + ")", style: .muted))
            }
            return spans
        }
    }

    /// The meeting history, newest first: date, kind, attendance, the first line of the notes and
    /// how many agreements are still open; under each meeting its open agreements, with who does
    /// what by when (`x` marks one done).
    static func meetings(_ state: AppState, in rect: Rect, focused: Bool, canvas: inout Canvas) {
        let say = state.say
        let meetings = state.panes.meetings
        let rows = state.panes.meetingRows
        let empty = state.panes.citizenID == nil ? say(.noCitizenSelected) : say(.noMeetings)
        let ellipsis = canvas.glyphs.ellipsis
        ListView.draw(state.panes.meetingList, in: rect, canvas: &canvas, isFocused: focused, emptyText: empty) { index, width in
            switch rows[index] {
            case .agreement(let meeting, let position):
                let agreement = meetings[meeting].agreements[position]
                let overdue = agreement.isOverdue(on: state.today)
                let who: String
                switch agreement.responsible {
                case .citizen: who = say(.you)
                case .professional(let id): who = state.panes.names[id] ?? "?"
                }
                var detail = who
                if let due = agreement.due { detail += ", " + say.date(due) }
                return [Span(overdue ? "  ! [ ] " : "    [ ] ", style: overdue ? .danger : .muted),
                        Span(clean(agreement.text), style: overdue ? .danger : .normal),
                        Span(" (" + clean(detail) + ")", style: .muted)]
            case .meeting(let position):
                let item = meetings[position]
                let meeting = item.meeting
                var spans = [Span(say.date(meeting.at.localDate) + " ")]
                if width >= 60 {
                    spans.append(Span(DisplayWidth.pad(say(.meetingKind(meeting.kind)), toWidth: 12) + " ", style: .muted))
                }
                let attendanceStyle: Style = meeting.attendance == .noShow ? .warning : meeting.attendance == .excused ? .muted : .normal
                spans.append(Span(DisplayWidth.pad(say(.attendance(meeting.attendance)), toWidth: 8) + " ", style: attendanceStyle))
                if !meeting.members.isEmpty, width >= 60 {
                    // A meeting with the household (it shows in each present member's history).
                    spans.append(Span(say(.meetingWithHousehold) + " ", style: .accent))
                }
                let open = item.openAgreements.count
                let openText = open > 0 ? " " + say(.openAgreements(open)) : ""
                let used = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
                let summaryWidth = max(width - used - DisplayWidth.of(openText), 1)
                spans.append(Span(DisplayWidth.pad(DisplayWidth.truncate(clean(historyLine(meeting, say)), toWidth: summaryWidth,
                                                                         ellipsis: ellipsis), toWidth: summaryWidth)))
                if open > 0 { spans.append(Span(openText, style: .warning)) }
                return spans
            }
        }
    }

    /// A meeting's line in the history: the first line of its notes; for a companion meeting
    /// the authority first (or, without notes, the authority and the purpose).
    static func historyLine(_ meeting: Meeting, _ say: Localizer) -> String {
        guard meeting.kind == .companion else { return meeting.summary }
        let companion = meeting.companion
        if meeting.notes.isEmpty { return say(.companionSummary(authority: companion.authority, purpose: companion.purpose)) }
        return companion.authority.isEmpty ? meeting.summary : companion.authority + ": " + meeting.summary
    }
}
