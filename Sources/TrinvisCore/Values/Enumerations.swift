/// An enumerated value of the interchange format, stored in the database by the same word.
package protocol TextEnumeration: RawRepresentable, CaseIterable, Sendable, Hashable, SQLValueConvertible
where RawValue == String {}

extension TextEnumeration {
    package var sqlValue: SQLValue { .text(rawValue) }
    package init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue else { return nil }
        self.init(rawValue: text)
    }

    /// The allowed words, in declaration order, for messages and `CHECK` constraints.
    package static var allWords: [String] { allCases.map(\.rawValue) }
}

/// What kind of body an organisation is.
package enum OrganisationKind: String, TextEnumeration {
    case municipality
    case dropInCentre = "drop-in-centre"
    case company
    case other
}

/// A professional's role around the citizen.
package enum ProfessionalRole: String, TextEnumeration {
    case caseworker
    case jobConsultant = "job-consultant"
    case addictionCounsellor = "addiction-counsellor"
    case supportContact = "support-contact"
    case dropInCounselor = "drop-in-counselor"
    case mentor
    case administrator
    case other
}

/// How the citizen prefers to be contacted.
package enum ContactPreference: String, TextEnumeration {
    case meeting
    case phone
    case email
    case sms
}

/// What a consent allows.
package enum ConsentScope: String, TextEnumeration {
    case shareBetweenOrganisations = "share-between-organisations"
    case contactByEmail = "contact-by-email"
    case contactBySMS = "contact-by-sms"
}

/// The state of an action plan.
package enum PlanStatus: String, TextEnumeration {
    case active
    case completed
    case ended
}

/// The state of a milestone.
package enum MilestoneStatus: String, TextEnumeration {
    case planned
    case inProgress = "in-progress"
    case achieved
    case adjusted
    case dropped

    /// Planned and in-progress milestones are still open; the others are settled.
    package var isOpen: Bool { self == .planned || self == .inProgress || self == .adjusted }
}

/// The form a meeting took.
package enum MeetingKind: String, TextEnumeration {
    case conversation
    case phone
    case email
    case homeVisit = "home-visit"
    case dropIn = "drop-in"
    case companion
}

/// Whether the citizen came.
package enum Attendance: String, TextEnumeration {
    case attended
    case excused
    case noShow = "no-show"
}

/// A dimension of the soft results, scored 1-10 (10 best).
package enum AssessmentDimension: String, TextEnumeration {
    case qualityOfLife = "quality-of-life"
    case selfEsteem = "self-esteem"
    case relationToSystem = "relation-to-system"
    case socialNetwork = "social-network"
    case health
    case housing
    case finances
    case workReadiness = "work-readiness"

    /// The allowed scores.
    package static let scoreRange = 1...10
}

/// A hard result.
package enum OutcomeKind: String, TextEnumeration {
    case ownHousing = "own-housing"
    case jobOrdinary = "job-ordinary"
    case jobSpecialTerms = "job-special-terms"
    case jobWageSubsidy = "job-wage-subsidy"
    case flexJob = "flex-job"
    case education
    case selfSupporting = "self-supporting"
    case reducedSupport = "reduced-support"
    case supportEnded = "support-ended"
    case treatmentStarted = "treatment-started"
    case other
}

/// The form of a placement with an employer.
package enum PlacementKind: String, TextEnumeration {
    case internship
    case wageSubsidy = "wage-subsidy"
    case mentor
    case flexJob = "flex-job"
    case other
}

/// How a placement went.
package enum PlacementResult: String, TextEnumeration {
    case ongoing
    case completed
    case hired
    case stopped
}

/// The kind of a group activity.
package enum ActivityKind: String, TextEnumeration {
    case course
    case exercise
    case health
    case trip
    case social
    case other
}

/// A resource-profile area. The list is configuration (stored in the database), so this is an
/// open set of words; `defaults` are the twelve of the work-ability method.
package struct ResourceArea: Sendable, Hashable, Comparable, SQLValueConvertible {
    /// The stable word, such as `education`.
    package let key: String

    package init(_ key: String) {
        self.key = key
    }

    package var sqlValue: SQLValue { .text(key) }
    package init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue else { return nil }
        key = text
    }

    package static func < (lhs: ResourceArea, rhs: ResourceArea) -> Bool { lhs.key < rhs.key }

    /// The twelve elements of the Danish resource profile (Arbejdsevnemetoden), in their order,
    /// with English and Danish labels.
    package static let defaults: [(key: String, english: String, danish: String)] = [
        ("education", "Education", "Uddannelse"),
        ("work-experience", "Work experience", "Arbejdsmarkedserfaring"),
        ("interests", "Interests", "Interesser"),
        ("social-skills", "Social skills", "Sociale kompetencer"),
        ("adaptability", "Adaptability", "Omstillingsevne"),
        ("learning", "Learning ability", "Indlæringsevne"),
        ("work-wishes", "Work-related wishes", "Arbejdsrelevante ønsker"),
        ("performance-expectations", "Performance expectations", "Præstationsforventninger"),
        ("work-identity", "Work identity", "Arbejdsidentitet"),
        ("housing-and-finances", "Housing and finances", "Bolig og økonomi"),
        ("network", "Social network", "Sociale netværk"),
        ("health", "Health", "Helbred"),
    ]
}
