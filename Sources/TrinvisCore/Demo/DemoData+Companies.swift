/// The partner companies' register entries in the demo: trade, contact person, phone, e-mail
/// and notes (fictional, like everything in the demo).
extension DemoData {
    static let companyDetails: [String: (trade: String, contact: String, phone: String, email: String, notes: String)] = [
        "kro": ("Kro og restaurant", "Mads Kjær", "+45 62 00 30 01", "mads@kvaerndrupkro.example",
                "Tager gerne praktikanter i køkkenet. Mads er mentor."),
        "blomster": ("Blomsterbutik", "Lone Dam", "+45 62 00 30 11", "lone@blomsterhjoernet.example", ""),
        "gartner": ("Anlægsgartner", "Ole Bro", "+45 62 00 30 21", "ole@ringeanlaeg.example",
                    "Løntilskud muligt fra foråret."),
        "atelier": ("Kunstner og værksted", "Gitte Bech", "+45 62 00 30 31", "gitte@atelierbech.example", ""),
        "faber": ("Fabrik (emballage)", "Personaleafdelingen", "+45 62 00 30 41", "job@faber.example",
                  "Vikariater i produktionen, ofte med kort varsel."),
    ]

    /// An organisation of the demo, with its register entry when it is a company.
    static func organisation(_ key: String, name: String, kind: OrganisationKind) -> Organisation {
        var organisation = Organisation(name: name, kind: kind)
        if let details = companyDetails[key] {
            organisation.trade = details.trade
            organisation.contactPerson = details.contact
            organisation.phone = details.phone
            organisation.email = details.email
            organisation.notes = details.notes
        }
        return organisation
    }
}

extension DemoData.Builder {
    /// A companion meeting of the demo: the citizen's responsible professional went along to the
    /// place of the talk, to meet the other professionals there.
    func companion(of talk: DemoData.Talk, goingAlong professional: ProfessionalID?) -> Companion {
        guard talk.kind == .companion else { return Companion() }
        let others = talk.with.compactMap { key in DemoData.professionals.first { $0.key == key }?.name }
        return Companion(authority: talk.place, with: others.joined(separator: ", "),
                         purpose: talk.notes.split(separator: ".").first.map(String.init) ?? "",
                         result: talk.agreements.first?.text ?? "", professionalID: professional)
    }
}
