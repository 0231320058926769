import TrinvisCore

/// A row of the meeting pane: a meeting, or one of its open agreements under it.
package enum MeetingRow: Sendable, Equatable {
    case meeting(Int)
    case agreement(meeting: Int, agreement: Int)
}

extension CitizenPanes {
    /// The meeting pane's rows: each meeting followed by its open agreements.
    package var meetingRows: [MeetingRow] {
        var rows: [MeetingRow] = []
        for (index, item) in meetings.enumerated() {
            rows.append(.meeting(index))
            for (position, agreement) in item.agreements.enumerated() where agreement.doneOn == nil {
                rows.append(.agreement(meeting: index, agreement: position))
            }
        }
        return rows
    }

    /// The selected row of the meeting pane.
    package var selectedMeetingRow: MeetingRow? {
        let rows = meetingRows
        return meetingList.selection.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }
}

extension AppUpdate {
    // MARK: Forms

    static func handleForm(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var form = state.form else { return [] }
        defer { if state.form != nil { state.form = form } }
        if form.confirmingDiscard {
            switch AppKeys.confirmation(say: state.say).action(for: key) {
            case .accept:
                state.form = nil
                return [.discardDraft(form.purpose.draftKey)] + (form.quitAfterDiscard ? [.quit] : [])
            case .cancel:
                form.confirmingDiscard = false
                form.quitAfterDiscard = false
                return []
            default:
                return []
            }
        }
        switch key {
        case .function(2), .ctrl("s"):
            return [.saveForm]
        case .ctrl("o"):
            guard case .citizen(nil) = form.purpose else { return [] }
            return [.openDuplicate]
        case .function(3):
            // A deliberate key: the full CPR number of a saved citizen, for this form only.
            guard case .citizen(let existing?) = form.purpose, existing.cpr != nil,
                  form.fields.contains(where: { $0.id == "cpr" }) else { return [] }
            return [.revealCPR(existing.id)]
        case .function(10):
            guard form.isModified else { return [.discardDraft(form.purpose.draftKey), .quit] }
            form.confirmingDiscard = true
            form.quitAfterDiscard = true
            return []
        case .escape:
            if form.isModified {
                form.confirmingDiscard = true
                return []
            }
            state.form = nil
            return [.discardDraft(form.purpose.draftKey)]
        case .tab:
            form.focus = (form.focus + 1) % max(form.fields.count, 1)
            return []
        case .backTab:
            form.focus = (form.focus + max(form.fields.count, 1) - 1) % max(form.fields.count, 1)
            return []
        default:
            break
        }
        if form.purpose.kind.handle(key, in: &form, say: state.say) { return [] }
        guard form.fields.indices.contains(form.focus) else { return [] }
        var field = form.fields[form.focus]
        let before = field.value
        var move = 0
        switch field.kind {
        case .line, .date, .dateTime, .number:
            switch key {
            case .enter, .down: move = 1
            case .up: move = -1
            default: _ = field.line.handle(key)
            }
        case .text:
            let geometry = FormView.geometry(form, screen: state.size)
            field.editor.resize(width: geometry.valueWidth, height: geometry.textHeight)
            _ = field.editor.handle(key)
        case .choice:
            switch key {
            case .left: field.selected = (field.selected + field.options.count - 1) % max(field.options.count, 1)
            case .right, .character(" "): field.selected = (field.selected + 1) % max(field.options.count, 1)
            case .enter, .down: move = 1
            case .up: move = -1
            case .character(let letter):
                let wanted = TextNormalization.searchKey(String(letter))
                let start = field.selected + 1
                for step in 0..<field.options.count {
                    let index = (start + step) % field.options.count
                    if TextNormalization.searchKey(field.options[index].label).hasPrefix(wanted) {
                        field.selected = index
                        break
                    }
                }
            default: break
            }
        case .toggle:
            switch key {
            case .character(" "), .character("x"): field.toggle.toggle()
            case .enter, .down: move = 1
            case .up: move = -1
            default: break
            }
        }
        if field.value != before {
            field.error = nil
            form.version += 1
            form.message = nil
            if field.kind == .date || field.kind == .dateTime {
                // What the typed date means ("15.01" is next January for a deadline).
                field.hint = FormInput.meaning(of: field, today: state.today, say: state.say)
            }
        }
        form.fields[form.focus] = field
        if field.value != before { form.purpose.kind.changed(field.id, in: &form, today: state.today, say: state.say) }
        if move != 0 {
            form.focus = min(max(form.focus + move, 0), form.fields.count - 1)
        }
        return []
    }

    static func handleConfirmation(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let confirmation = state.confirmation else { return [] }
        // Only Enter answers yes and only Esc or `n` no: `j` (ja, and down), `y` and every other
        // key do nothing, so a question cannot be answered by a slip of the keyboard.
        switch AppKeys.confirmation(say: state.say).action(for: key) {
        case .accept:
            state.confirmation = nil
            return [confirmation.onYes]
        case .cancel:
            state.confirmation = nil
            state.message = nil
            return []
        default:
            return []
        }
    }

    static func handleAddMenu(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var menu = state.addMenu else { return [] }
        if let move = ListMove(key: key) {
            menu.list.move(move)
            state.addMenu = menu
            return []
        }
        switch key {
        case .enter:
            state.addMenu = nil
            guard let index = menu.list.selection else { return [] }
            return [.openForm(menu.items[index].purpose)]
        case .escape, .character("q"):
            state.addMenu = nil
        case .character(let letter):
            // Each entry has a letter: one key opens it.
            let letters = MenuLetters.letters(for: menu.items.map(\.label))
            guard let index = letters.firstIndex(of: letter) else { return [] }
            state.addMenu = nil
            return [.openForm(menu.items[index].purpose)]
        default:
            break
        }
        return []
    }

    static func handlePickMenu(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var menu = state.pickMenu else { return [] }
        if let move = ListMove(key: key) {
            menu.list.move(move)
            state.pickMenu = menu
            return []
        }
        switch key {
        case .enter:
            state.pickMenu = nil
            guard let index = menu.list.selection else { return [] }
            return [menu.items[index].effect]
        case .escape, .character("q"):
            state.pickMenu = nil
        case .character(let letter):
            guard let index = MenuLetters.letters(for: menu.items.map(\.label)).firstIndex(of: letter) else { return [] }
            state.pickMenu = nil
            return [menu.items[index].effect]
        default:
            break
        }
        return []
    }

    static func handleDrafts(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let move = ListMove(key: key) {
            state.draftList.move(move)
            return []
        }
        guard let index = state.draftList.selection, state.drafts.indices.contains(index) else {
            if key == .escape || key == .enter { state.screen = .main }
            return []
        }
        switch key {
        case .enter:
            // The screen changes when the form (or the conflict) opens, on the draft's citizen.
            let draft = state.drafts.remove(at: index)
            state.draftList.setCount(state.drafts.count)
            return [.restoreDraft(draft)]
        case .character("d"), .delete:
            let draft = state.drafts.remove(at: index)
            state.draftList.setCount(state.drafts.count)
            if state.drafts.isEmpty { state.screen = .main }
            return [.discardOfferedDraft(draft)]
        case .escape:
            state.screen = .main
        case .character("q"), .function(10):
            return [.quit]
        default:
            break
        }
        return []
    }

    // MARK: Adding, editing and deleting from the main screen

    static func add(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .citizens:
            return [.openForm(.citizen(nil))]
        case .milestones:
            guard let citizen = state.panes.citizenID else { return [] }
            guard let plan = state.panes.plan else { return [.openForm(.plan(citizen: citizen, nil))] }
            return [.openForm(.milestone(plan: plan.id, citizen: citizen, nil))]
        case .meetings:
            // Always a meeting, whichever row is selected: its agreements are written in the form.
            guard let citizen = state.panes.citizenID else { return [] }
            return [.openForm(.meeting(citizen: citizen, nil))]
        }
    }

    /// `+`: an agreement on the selected meeting (or on the meeting of the selected agreement).
    static func addAgreement(_ state: inout AppState) -> [Effect] {
        guard let citizen = state.panes.citizenID, let row = state.panes.selectedMeetingRow else {
            state.message = StatusMessage(text: state.say(.selectAMeeting), kind: .info)
            return []
        }
        switch row {
        case .meeting(let index), .agreement(let index, _):
            return [.openForm(.agreement(meeting: state.panes.meetings[index].meeting.id, citizen: citizen, nil))]
        }
    }

    static func edit(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .citizens:
            guard let index = state.citizens.list.selection else { return noSelection(&state) }
            return [.openForm(.citizen(state.citizens.rows[index].citizen))]
        case .milestones:
            guard let citizen = state.panes.citizenID, let plan = state.panes.plan,
                  let index = state.panes.milestoneList.selection else { return noSelection(&state) }
            return [.openForm(.milestone(plan: plan.id, citizen: citizen, state.panes.milestones[index]))]
        case .meetings:
            guard let citizen = state.panes.citizenID, let row = state.panes.selectedMeetingRow else { return noSelection(&state) }
            switch row {
            case .meeting(let index):
                return [.openForm(.meeting(citizen: citizen, state.panes.meetings[index].meeting))]
            case .agreement(let meeting, let agreement):
                let item = state.panes.meetings[meeting]
                return [.openForm(.agreement(meeting: item.meeting.id, citizen: citizen, item.agreements[agreement]))]
            }
        }
    }

    static func delete(_ state: inout AppState) -> [Effect] {
        let say = state.say
        switch state.focus {
        case .citizens:
            guard let index = state.citizens.list.selection else { return noSelection(&state) }
            let citizen = state.citizens.rows[index].citizen
            if citizen.archivedOn != nil {
                // Shown with `A`: `d` on an archived citizen brings them back.
                state.confirmation = Confirmation(question: say(.unarchiveQuestion(PaneViews.clean(citizen.name))),
                                                  onYes: .unarchive(citizen))
                return []
            }
            // A citizen is never deleted from the interface: `d` ends the course and archives them.
            state.confirmation = Confirmation(question: say(.archiveQuestion(PaneViews.clean(citizen.name))),
                                              onYes: .delete(.citizen(citizen)))
            return []
        case .milestones:
            guard let index = state.panes.milestoneList.selection else { return noSelection(&state) }
            // The question names how many progress notes go with it: the runtime counts them.
            return [.askToDelete(.milestone(state.panes.milestones[index]))]
        case .meetings:
            guard let row = state.panes.selectedMeetingRow else { return noSelection(&state) }
            switch row {
            case .meeting(let index):
                let item = state.panes.meetings[index]
                state.confirmation = Confirmation(
                    question: say(.deleteMeetingQuestion(date: say.date(item.meeting.at.localDate), agreements: item.agreements.count)),
                    onYes: .delete(.meeting(item.meeting)))
            case .agreement(let meeting, let agreement):
                let item = state.panes.meetings[meeting].agreements[agreement]
                state.confirmation = Confirmation(question: say(.deleteAgreementQuestion(PaneViews.clean(item.text))),
                                                  onYes: .delete(.agreement(item)))
            }
            return []
        }
    }

    /// `x`: a milestone achieved (or not), an agreement done (or open again).
    static func toggleDone(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .milestones:
            guard let index = state.panes.milestoneList.selection else { return noSelection(&state) }
            return [.toggleMilestone(state.panes.milestones[index])]
        case .meetings:
            guard case .agreement(let meeting, let agreement)? = state.panes.selectedMeetingRow else {
                state.message = StatusMessage(text: state.say(.selectAnAgreement), kind: .info)
                return []
            }
            return [.toggleAgreement(state.panes.meetings[meeting].agreements[agreement])]
        case .citizens:
            state.message = StatusMessage(text: state.say(.selectAnAgreement), kind: .info)
            return []
        }
    }

    private static func noSelection(_ state: inout AppState) -> [Effect] {
        state.message = StatusMessage(text: state.say(.noSelection), kind: .info)
        return []
    }

    /// Keys of a detail view that add or edit: a progress note on a milestone, an agreement on
    /// a meeting, and the "add" menu or the citizen form on a citizen.
    static func detailAction(_ key: Key, _ detail: Detail, _ state: inout AppState) -> [Effect]? {
        if let effects = recordAction(key, detail, &state) { return effects }
        switch (key, detail) {
        case (.character("P"), .citizen(let profile)):
            return [.askNewPlan(profile.citizen.id)]
        case (.character("a"), .milestone(let milestone, _, _, _)):
            guard let citizen = state.panes.citizenID else { return [] }
            return [.openForm(.progress(milestone, citizen: citizen))]
        case (.character("x"), .milestone(let milestone, _, _, _)):
            return [.toggleMilestone(milestone)]
        case (.character("x"), .meeting(let item, _)):
            // One agreement is ticked off at once; of several, the user picks which.
            switch item.agreements.count {
            case 0:
                state.message = StatusMessage(text: state.say(.noAgreementsToTick), kind: .info)
                return []
            case 1:
                return [.toggleAgreement(item.agreements[0])]
            default:
                state.pickMenu = PickMenu(title: state.say(.pickAgreementToTick), items: item.agreements.map { agreement in
                    ((agreement.doneOn == nil ? "[ ] " : "[x] ") + agreement.text, Effect.toggleAgreement(agreement))
                })
                return []
            }
        case (.character("e"), .milestone(let milestone, _, _, _)):
            guard let citizen = state.panes.citizenID else { return [] }
            return [.openForm(.milestone(plan: milestone.planID, citizen: citizen, milestone))]
        case (.character("a"), .meeting(let item, _)):
            return [.openForm(.agreement(meeting: item.meeting.id, citizen: item.meeting.citizenID, nil))]
        case (.character("e"), .meeting(let item, _)):
            return [.openForm(.meeting(citizen: item.meeting.citizenID, item.meeting))]
        case (.character("e"), .citizen(let profile)):
            return [.openForm(.citizen(profile.citizen))]
        case (.character("R"), .citizen(let profile)):
            guard profile.citizen.cpr != nil else { return [] }
            return [.revealCPR(profile.citizen.id)]
        case (.character("a"), .citizen(let profile)):
            let id = profile.citizen.id
            let say = state.say
            var items: [(FormPurpose, String)] = [
                (.assessment(id), say(.menuAssessment)),
                (.team(id, nil), say(.menuTeam)), (.consent(id, nil), say(.menuConsent)), (.resources(id), say(.menuResources)),
                (.vision(id, profile.vision), say(.menuVision)),
            ]
            // The current plan while it runs; once it is over, a new plan (the old ones stay, Tab
            // chooses them in the view).
            let plans = CitizenPlans(profile.plans)
            if let plan = plans.current, !plans.isOver(plan, today: state.today) {
                items.append((.plan(citizen: id, plan), say(.menuPlan)))
            } else {
                items.append((.plan(citizen: id, nil), say(plans.current == nil ? .menuPlan : .menuNewPlan)))
            }
            items += [(.outcome(id), say(.menuOutcome)), (.placement(id), say(.menuPlacement)), (.story(id), say(.menuStory))]
            // The team and the consents can be changed here too: end a membership, withdraw a consent.
            for (member, professional) in profile.team {
                items.append((.team(id, member), say(.menuEditTeam(professional.name))))
            }
            for (consent, recipient) in profile.consents {
                items.append((.consent(id, consent), say(.menuEditConsent(say(.consentScope(consent.scope)) + (recipient.map { " \u{2192} " + $0 } ?? "")))))
            }
            state.addMenu = AddMenu(citizen: id, items: items.map { (purpose: $0.0, label: $0.1) },
                                    list: ListState(count: items.count, selection: 0, visibleHeight: items.count))
            return []
        default:
            return nil
        }
    }
}
