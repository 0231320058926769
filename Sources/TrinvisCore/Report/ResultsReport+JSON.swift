extension ResultsReport {
    /// The report in the contract's shape: `period`, `citizens`, `soft`, `hard`, `milestones`,
    /// `contact`, in that order, with `null` for an open end of the period, a share of nothing and
    /// a missing median; `soft` and `hard` have one row per dimension and kind in the order of the
    /// enumerations, zero rows included.
    ///
    /// Three keys follow the contract's: `filter` (the organisation and professional the report is
    /// restricted to, each `{"id", "name"}` or `null`), `activities` (participation in group
    /// activities dated in the period: `held` activities someone came to, `attendances` and
    /// distinct `citizens` who came) and `cohorts` (one object per start quarter with `quarter`,
    /// `from`, `to` and the same six figures from `citizens` on).
    package var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("period", .object([("from", Self.json(from)), ("to", Self.json(to))])),
        ]
        members += Self.jsonMembers(figures)
        members.append(("filter", .object([
            ("organisation", organisation.map { Self.jsonSubject(id: $0.id.rawValue, name: $0.name) } ?? .null),
            ("professional", professional.map { Self.jsonSubject(id: $0.id.rawValue, name: $0.name) } ?? .null),
        ])))
        members.append(("activities", .object([
            ("held", .integer(Int64(participation.activities))),
            ("attendances", .integer(Int64(participation.attendances))),
            ("citizens", .integer(Int64(participation.citizens))),
        ])))
        members.append(("cohorts", .array(cohorts.map { cohort in
            .object([
                ("quarter", .string(cohort.quarter.description)),
                ("from", .string(cohort.quarter.firstDay.iso)),
                ("to", .string(cohort.quarter.lastDay.iso)),
            ] + Self.jsonMembers(cohort.figures))
        })))
        return .object(members)
    }

    private static func jsonMembers(_ figures: ResultsFigures) -> [(String, JSONValue)] {
        [
            ("citizens", json(figures.citizens)),
            ("soft", .array(figures.soft.map { row in
                .object([
                    ("dimension", .string(row.dimension.rawValue)),
                    ("assessed", json(row.assessed)),
                    ("improved", json(row.improved)),
                    ("same", json(row.same)),
                    ("worse", json(row.worse)),
                    ("improved_percent", json(row.improvedPercent)),
                ])
            })),
            ("hard", .array(figures.hard.map { row in
                .object([("kind", .string(row.kind.rawValue)), ("citizens", json(row.citizens))])
            })),
            ("milestones", .object([
                ("set", json(figures.milestones.set)),
                ("achieved", json(figures.milestones.achieved)),
                ("achieved_by_deadline", json(figures.milestones.achievedByDeadline)),
                ("dropped", json(figures.milestones.dropped)),
                ("achieved_percent", json(figures.milestones.achievedPercent)),
            ])),
            ("contact", .object([
                ("meetings", json(figures.contact.meetings)),
                ("attended", json(figures.contact.attended)),
                ("excused", json(figures.contact.excused)),
                ("no_show", json(figures.contact.noShow)),
                ("attendance_percent", json(figures.contact.attendancePercent)),
                ("median_days_between", json(figures.contact.medianDaysBetween)),
            ])),
        ]
    }

    private static func jsonSubject(id: Int64, name: String) -> JSONValue {
        .object([("id", .integer(id)), ("name", .string(name))])
    }

    private static func json(_ value: Int?) -> JSONValue {
        value.map { .integer(Int64($0)) } ?? .null
    }

    private static func json(_ date: LocalDate?) -> JSONValue {
        date.map { .string($0.iso) } ?? .null
    }
}
