import Foundation

/// The kinds of information a consent to share between organisations can cover. A citizen of
/// another organisation is visible while a consent in force names at least one category; each
/// record kind belongs to one category and is shown only when it is consented.
package enum DataCategory: String, TextEnumeration, Comparable {
    /// Name and contact details (phone, e-mail, contact preference, birth date, CPR).
    case contact
    /// Plans, milestones and progress notes.
    case plan
    /// Meetings and agreements.
    case meetings
    /// Resources, visions and the whole-person text.
    case profile
    /// Assessments, outcomes, placements and change stories.
    case results

    package static func < (lhs: DataCategory, rhs: DataCategory) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// The stored form of a set of categories: their names in a fixed order, joined by commas.
    package static func stored(_ categories: Set<DataCategory>) -> String {
        categories.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Reads the stored form; unknown names are ignored.
    package static func parse(_ text: String) -> Set<DataCategory> {
        Set(text.split(separator: ",").compactMap { DataCategory(rawValue: String($0).trimmingBlanks()) })
    }
}

/// Who runs Trinvis, as the operating system says: the real user id and its account name.
/// Environment variables such as `USER` are never consulted.
package struct Identity: Sendable, Hashable {
    /// The account name of the real user id.
    package let account: String
    /// The real user id.
    package let uid: UInt32
    /// The professional (by account name) an administrator asked to act as (`--user`).
    package let actingAs: String?
    /// The full name of the account from the password database (for the first administrator).
    package let fullName: String?

    package init(account: String, uid: UInt32, actingAs: String? = nil, fullName: String? = nil) {
        self.account = account
        self.uid = uid
        self.actingAs = actingAs
        self.fullName = fullName
    }

    /// The process's real user, looked up with `getpwuid(getuid())`.
    package static func current(actingAs: String? = nil) -> Identity {
        let uid = getuid()
        guard let entry = getpwuid(uid) else {
            return Identity(account: "uid\(uid)", uid: uid, actingAs: actingAs)
        }
        let account = entry.pointee.pw_name.map { String(cString: $0) } ?? "uid\(uid)"
        var fullName: String?
        if let gecos = entry.pointee.pw_gecos {
            let first = String(cString: gecos).split(separator: ",", omittingEmptySubsequences: false).first
                .map(String.init)?.trimmingBlanks()
            if let first, !first.isEmpty { fullName = first }
        }
        return Identity(account: account, uid: uid, actingAs: actingAs, fullName: fullName)
    }

    /// The superuser is an administrator whether or not a professional is registered for it.
    package var isSuperuser: Bool { uid == 0 }
}

/// Why Trinvis will not open the database for someone.
package enum IdentityError: Error, Sendable, Equatable {
    /// No professional is registered with this account.
    case notRegistered(account: String)
    /// `--user` was given by someone who is not an administrator, on a database that is no demo.
    case actingAsRefused(account: String)
    /// `--user` names no registered professional.
    case unknownProfessional(name: String)
}

/// Who is asking: the account, the professional registered with it (or, for an administrator
/// acting as someone, that professional), and whether they administer the installation.
package struct Actor: Sendable, Hashable {
    /// The account that runs Trinvis (the OS user); for tests, the user name given.
    package let account: String
    /// The professional's account name when an administrator acts as them (`--user`).
    package let actingAs: String?
    /// The professional this actor is, if one is registered.
    package let professionalID: ProfessionalID?
    /// That professional's name.
    package let professionalName: String?
    /// That professional's organisation.
    package let organisationID: OrganisationID?
    /// An administrator: the role `administrator`, or the superuser.
    package let isAdministrator: Bool

    package init(account: String, actingAs: String? = nil, professionalID: ProfessionalID? = nil,
                 professionalName: String? = nil, organisationID: OrganisationID? = nil, isAdministrator: Bool = false) {
        self.account = account
        self.actingAs = actingAs
        self.professionalID = professionalID
        self.professionalName = professionalName
        self.organisationID = organisationID
        self.isAdministrator = isAdministrator
    }

    /// The name stamped into audit columns: the account, or "ACCOUNT as NAME".
    package var username: String {
        actingAs.map { "\(account) as \($0)" } ?? account
    }

    /// The name the header shows: the professional's name, else the account.
    package var displayName: String { professionalName ?? account }
}

/// Which citizens an actor may see and change. Every read of citizens and their records in
/// `Workspace` passes through this rule.
package enum AccessPolicy: Sendable, Hashable {
    /// Every citizen: administrators (whose look-ups are logged like everyone's), and tests.
    case unrestricted
    /// Citizens registered with the actor's organisation, and citizens of other organisations
    /// while a consent to share with the actor's organisation is in force, limited to the
    /// categories that consent lists.
    case organisation

    /// The consents in force today that share with `organisation`, optionally only those listing
    /// `category`, as a subquery of citizen ids with its arguments. `forNamedCitizens`: the query
    /// adds `citizen_id IN (…)` of a few citizens, so the recipient is tested rather than searched
    /// by its index, which would read every consent shared with the organisation (thousands in a
    /// large one) instead of the named citizens' few on `consent_by_citizen`.
    static func consentedCitizens(organisation: OrganisationID?, category: DataCategory?,
                                  today: LocalDate, forNamedCitizens: Bool = false) -> (sql: String, arguments: [SQLValue]) {
        let terms = consentInForce(alias: nil, organisation: organisation, category: category, today: today,
                                   testingRecipient: forNamedCitizens)
        return ("SELECT citizen_id FROM consent WHERE " + terms.sql, terms.arguments)
    }

    /// The conditions on a row of `consent` (named `alias`) that make it a consent in force
    /// today sharing with `organisation` (listing `category`, when given).
    private static func consentInForce(alias: String?, organisation: OrganisationID?, category: DataCategory?,
                                       today: LocalDate, testingRecipient: Bool = false) -> (sql: String, arguments: [SQLValue]) {
        let day = today.sqlValue
        let prefix = alias.map { $0 + "." } ?? ""
        // In a look-up per row (an alias) the recipient is tested, not searched by its index: the
        // citizen's own consents, on `consent_by_citizen`, are few.
        let recipient = alias == nil && !testingRecipient ? "recipient_id" : "+\(prefix)recipient_id"
        var sql = """
            \(prefix)scope = 'share-between-organisations' AND \(recipient) = ? \
            AND \(prefix)given_on <= ? AND (\(prefix)expires_on IS NULL OR \(prefix)expires_on >= ?) \
            AND (\(prefix)withdrawn_on IS NULL OR \(prefix)withdrawn_on > ?)
            """
        var arguments: [SQLValue] = [organisation.sqlValue, day, day, day]
        if let category {
            sql += " AND instr(',' || \(prefix)categories || ',', ?) > 0"
            arguments.append(.text(",\(category.rawValue),"))
        }
        return (sql, arguments)
    }

    /// The same rule as `condition`, for a query over the `citizen` table itself (`alias`) that
    /// tests every row (the results report's scope): the actor may see the row's citizen with
    /// every one of `categories`. It reads the row's own organisation and probes the lists of
    /// consented citizens, built once per query (a few per organisation), instead of two look-ups
    /// per citizen and category.
    func citizenRowCondition(alias: String, actor: Actor, today: LocalDate,
                             categories: [DataCategory]) -> (sql: String, arguments: [SQLValue])? {
        switch self {
        case .unrestricted:
            return nil
        case .organisation:
            let wanted: [DataCategory?] = categories.isEmpty ? [nil] : categories
            let consents = wanted.map { Self.consentedCitizens(organisation: actor.organisationID, category: $0, today: today) }
            let shared = consents.map { "\(alias).id IN (\($0.sql))" }.joined(separator: " AND ")
            return ("(\(alias).organisation_id = ? OR (\(shared)))",
                    [actor.organisationID.sqlValue] + consents.flatMap(\.arguments))
        }
    }

    /// The same rule as `condition`, for a query whose rows (`alias`) are the `citizen` table's
    /// own: the row's organisation is read from the row rather than looked up again by its id,
    /// and only another organisation's citizen has their consents looked up.
    func condition(citizenRow alias: String, actor: Actor, today: LocalDate,
                   category: DataCategory? = nil) -> (sql: String, arguments: [SQLValue])? {
        guard self == .organisation else { return nil }
        let shared = Self.sharedByConsent(citizenColumn: "\(alias).id", actor: actor, today: today, category: category)
        return ("(\(alias).organisation_id = ? OR \(shared.sql))", [actor.organisationID.sqlValue] + shared.arguments)
    }

    /// An SQL condition on the citizen id expression `column`, with its arguments; nil when
    /// there is no restriction. With `category`, only citizens whose records of that category
    /// the actor may see; without, every citizen the actor may see at all.
    func condition(citizenColumn column: String, actor: Actor, today: LocalDate,
                   category: DataCategory? = nil) -> (sql: String, arguments: [SQLValue])? {
        guard self == .organisation else { return nil }
        // Per row, a look-up by the citizen's id and one by the consents' citizen index.
        // (`IN (SELECT id FROM citizen WHERE organisation_id = ?)` built the list of all the
        // organisation's citizens on every query: a page of the list grew with the file.)
        let shared = Self.sharedByConsent(citizenColumn: column, actor: actor, today: today, category: category)
        return ("""
            (EXISTS (SELECT 1 FROM citizen access_citizen WHERE access_citizen.id = \(column) \
            AND access_citizen.organisation_id = ?) OR \(shared.sql))
            """, [actor.organisationID.sqlValue] + shared.arguments)
    }

    /// The citizen of the id expression `column` has a consent in force today that shares them
    /// (and `category`, when given) with the actor's organisation: a look-up on the consents'
    /// citizen index.
    private static func sharedByConsent(citizenColumn column: String, actor: Actor, today: LocalDate,
                                        category: DataCategory?) -> (sql: String, arguments: [SQLValue]) {
        let consent = consentInForce(alias: "access_consent", organisation: actor.organisationID, category: category, today: today)
        return ("EXISTS (SELECT 1 FROM consent access_consent WHERE access_consent.citizen_id = \(column) AND \(consent.sql))",
                consent.arguments)
    }
}
