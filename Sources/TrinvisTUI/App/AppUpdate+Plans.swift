import TrinvisCore

/// A citizen's plans over time: one current plan, and the plans before it, kept.
package struct CitizenPlans: Sendable, Equatable {
    /// The plans, newest start first.
    package let plans: [Plan]

    package init(_ plans: [Plan]) {
        self.plans = plans.sorted { ($0.start, $0.id) > ($1.start, $1.id) }
    }

    /// The plan worked on now: the newest active one, else the newest.
    package var current: Plan? { plans.first { $0.status == .active } ?? plans.first }

    /// The plans before the current one, newest first.
    package var earlier: [Plan] { plans.filter { $0.id != current?.id } }

    /// True when a plan has run its course: completed, ended, or past its end date.
    package func isOver(_ plan: Plan, today: LocalDate) -> Bool {
        plan.status != .active || plan.end.map { $0 < today } == true
    }

    /// True when a new plan may begin: there is none, or the current one is over.
    package func allowsNewPlan(today: LocalDate) -> Bool {
        current.map { isOver($0, today: today) } ?? true
    }
}
