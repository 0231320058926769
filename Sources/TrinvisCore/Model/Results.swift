/// A dated assessment of the soft results: a score 1-10 (10 best) per dimension assessed.
package struct Assessment: Record {
    package var id: AssessmentID = .unsaved
    package var citizenID: CitizenID
    package var date: LocalDate
    package var authorID: ProfessionalID?
    package var scores: [AssessmentDimension: Int]
    package var audit: Audit = .unsaved

    package init(id: AssessmentID = .unsaved, citizenID: CitizenID, date: LocalDate, authorID: ProfessionalID? = nil,
                 scores: [AssessmentDimension: Int]) {
        self.id = id
        self.citizenID = citizenID
        self.date = date
        self.authorID = authorID
        self.scores = scores
    }

    package static let table = "assessment"
    package static let category: DataCategory? = .results
    package static let kindName = "assessment"
    package static let columns = ["citizen_id", "date", "author_id"]
    package static let order = ["date", "id"]
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] { [citizenID.sqlValue, date.sqlValue, authorID.sqlValue] }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        date = try row.get("date")
        authorID = try row.get("author_id")
        scores = [:]
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Assessment {
        if scores.isEmpty { problems.add("scores", .required) }
        for dimension in AssessmentDimension.allCases {
            if let score = scores[dimension], !AssessmentDimension.scoreRange.contains(score) {
                problems.add("scores.\(dimension.rawValue)", .outOfRange(AssessmentDimension.scoreRange))
            }
        }
        return self
    }

    package func saveChildren(in database: Database) throws {
        try database.execute("DELETE FROM assessment_score WHERE assessment_id = ?", [id.sqlValue])
        for dimension in AssessmentDimension.allCases {
            guard let score = scores[dimension] else { continue }
            try database.execute(
                "INSERT INTO assessment_score (assessment_id, dimension, score) VALUES (?, ?, ?)",
                [id.sqlValue, dimension.sqlValue, .integer(Int64(score))])
        }
    }

    package mutating func loadChildren(from database: Database) throws {
        var loaded: [AssessmentDimension: Int] = [:]
        try database.forEach("SELECT dimension, score FROM assessment_score WHERE assessment_id = ?",
                             [id.sqlValue]) { row in
            loaded[try row.get(0)] = try row.get(1)
        }
        scores = loaded
    }
}

/// A hard result: a job, an education, an own home, less support needed.
package struct Outcome: Record {
    package var id: OutcomeID = .unsaved
    package var citizenID: CitizenID
    package var date: LocalDate
    package var kind: OutcomeKind
    package var note: String
    package var audit: Audit = .unsaved

    package init(id: OutcomeID = .unsaved, citizenID: CitizenID, date: LocalDate, kind: OutcomeKind, note: String = "") {
        self.id = id
        self.citizenID = citizenID
        self.date = date
        self.kind = kind
        self.note = note
    }

    package static let table = "outcome"
    package static let category: DataCategory? = .results
    package static let kindName = "outcome"
    package static let columns = ["citizen_id", "date", "kind", "note"]
    package static let order = ["date", "id"]
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] { [citizenID.sqlValue, date.sqlValue, kind.sqlValue, .text(note)] }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        date = try row.get("date")
        kind = try row.get("kind")
        note = try row.get("note")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Outcome {
        var copy = self
        copy.note = problems.text(note, "note")
        return copy
    }
}

/// An internship, wage-subsidy job or mentor scheme at a partner company.
package struct Placement: Record {
    package var id: PlacementID = .unsaved
    package var citizenID: CitizenID
    package var companyID: OrganisationID
    package var kind: PlacementKind
    package var from: LocalDate
    package var to: LocalDate?
    package var result: PlacementResult
    /// What came of it, in words ("Fastansat på fuld tid i køkkenet").
    package var note: String
    package var audit: Audit = .unsaved

    package init(id: PlacementID = .unsaved, citizenID: CitizenID, companyID: OrganisationID, kind: PlacementKind,
                 from: LocalDate, to: LocalDate? = nil, result: PlacementResult = .ongoing, note: String = "") {
        self.id = id
        self.citizenID = citizenID
        self.companyID = companyID
        self.kind = kind
        self.from = from
        self.to = to
        self.result = result
        self.note = note
    }

    /// Still running: not closed with a result.
    package var isOngoing: Bool { result == .ongoing }

    /// The hard result that a placement closed as hired stands for: a flex job for a flex-job
    /// placement, otherwise an ordinary job (a wage-subsidy job that became a permanent one).
    /// Nil for every other result.
    package var hiredOutcomeKind: OutcomeKind? {
        guard result == .hired else { return nil }
        return kind == .flexJob ? .flexJob : .jobOrdinary
    }

    package static let table = "placement"
    package static let category: DataCategory? = .results
    package static let kindName = "placement"
    package static let columns = ["citizen_id", "company_id", "kind", "from_date", "to_date", "result", "note"]
    package static let order = ["from_date", "id"]
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] {
        [citizenID.sqlValue, companyID.sqlValue, kind.sqlValue, from.sqlValue, to.sqlValue, result.sqlValue, .text(note)]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        companyID = try row.get("company_id")
        kind = try row.get("kind")
        from = try row.get("from_date")
        to = try row.get("to_date")
        result = try row.get("result")
        note = try row.get("note")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Placement {
        var copy = self
        problems.notBefore(to, "to", from, "from")
        copy.note = problems.text(note, "note")
        return copy
    }
}

/// A change story: a short narrative of what changed in the citizen's life and why.
package struct Story: Record {
    package var id: StoryID = .unsaved
    package var citizenID: CitizenID
    package var date: LocalDate
    package var title: String
    package var text: String
    package var authorID: ProfessionalID?
    package var audit: Audit = .unsaved

    package init(id: StoryID = .unsaved, citizenID: CitizenID, date: LocalDate, title: String, text: String,
                 authorID: ProfessionalID? = nil) {
        self.id = id
        self.citizenID = citizenID
        self.date = date
        self.title = title
        self.text = text
        self.authorID = authorID
    }

    package static let table = "story"
    package static let category: DataCategory? = .results
    package static let kindName = "change story"
    package static let columns = ["citizen_id", "date", "title", "text", "author_id"]
    package static let order = ["date", "id"]
    package static let orderDescending = true
    package static let parentColumn: String? = "citizen_id"
    package var parentValue: SQLValue { citizenID.sqlValue }
    package var values: [SQLValue] {
        [citizenID.sqlValue, date.sqlValue, .text(title), .text(text), authorID.sqlValue]
    }

    package init(row: Row) throws {
        id = try row.get("id")
        citizenID = try row.get("citizen_id")
        date = try row.get("date")
        title = try row.get("title")
        text = try row.get("text")
        authorID = try row.get("author_id")
        audit = try Audit(row: row)
    }

    package func validated(noting problems: inout ValidationProblems) -> Story {
        var copy = self
        copy.title = problems.required(title, "title")
        copy.text = problems.text(text, "text")
        return copy
    }
}
