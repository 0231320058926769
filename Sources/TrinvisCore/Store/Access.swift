/// Who is asking: the user name and, when it belongs to a registered professional, who they are.
package struct Actor: Sendable, Hashable {
    /// The user name recorded in audit columns (the OS user or `--user`).
    package let username: String
    /// The professional with this user name, if one is registered.
    package let professionalID: ProfessionalID?
    /// That professional's organisation.
    package let organisationID: OrganisationID?

    package init(username: String, professionalID: ProfessionalID? = nil, organisationID: OrganisationID? = nil) {
        self.username = username
        self.professionalID = professionalID
        self.organisationID = organisationID
    }
}

/// Which citizens an actor may see and change. Every read of citizens and their records in
/// `Workspace` passes through this rule.
package enum AccessPolicy: Sendable, Hashable {
    /// Every citizen (a single-organisation installation).
    case unrestricted
    /// Citizens registered with the actor's organisation, citizens whose team includes the actor,
    /// and citizens who consent (in force today) to sharing with the actor's organisation.
    case organisation

    /// An SQL condition on the citizen id expression `column`, with its arguments; nil when
    /// there is no restriction.
    func condition(citizenColumn column: String, actor: Actor, today: LocalDate) -> (sql: String, arguments: [SQLValue])? {
        switch self {
        case .unrestricted:
            return nil
        case .organisation:
            let sql = """
                (\(column) IN (SELECT id FROM citizen WHERE organisation_id = ?)
                 OR \(column) IN (SELECT citizen_id FROM team_member WHERE professional_id = ?)
                 OR \(column) IN (SELECT citizen_id FROM consent WHERE scope = 'share-between-organisations'
                     AND recipient_id = ? AND given_on <= ? AND (expires_on IS NULL OR expires_on >= ?)
                     AND (withdrawn_on IS NULL OR withdrawn_on > ?)))
                """
            let day = today.sqlValue
            return (sql, [actor.organisationID.sqlValue, actor.professionalID.sqlValue, actor.organisationID.sqlValue,
                          day, day, day])
        }
    }
}
