import TrinvisCore

/// The form of a company in the register: name, trade, contact person, phone, e-mail and notes.
/// Every professional may keep the register (a company decides nobody's access).
enum CompanyForm {
    /// The fields, filled from `company` (a new company starts empty).
    static func fields(_ company: Organisation?, say: Localizer) -> [FormField] {
        [
            FormField(id: "name", label: say(.labelName), kind: .line, value: company?.name ?? "", required: true),
            FormField(id: "trade", label: say(.labelTrade), kind: .line, value: company?.trade ?? ""),
            FormField(id: "contact_person", label: say(.labelContactPerson), kind: .line, value: company?.contactPerson ?? ""),
            FormField(id: "phone", label: say(.fieldPhone), kind: .line, value: company?.phone ?? ""),
            FormField(id: "email", label: say(.fieldEmail), kind: .line, value: company?.email ?? ""),
            FormField(id: "notes", label: say(.labelNotes), kind: .text, value: company?.notes ?? ""),
        ]
    }

    /// The company as the form describes it (the saved one changed, or a new one).
    static func company(from form: FormState, existing: Organisation?, name: String) -> Organisation {
        var company = existing ?? Organisation(name: name, kind: .company)
        company.name = name
        company.trade = form.value("trade")
        company.contactPerson = form.value("contact_person")
        let phone = form.value("phone").trimmingBlanks()
        company.phone = phone.isEmpty ? nil : phone
        let email = form.value("email").trimmingBlanks()
        company.email = email.isEmpty ? nil : email
        company.notes = form.value("notes")
        return company
    }
}

extension AppRuntime {
    /// The form of a new company, or of a company of the register.
    func companyForm(_ company: Organisation?) -> FormState {
        let say = state.say
        return FormState(purpose: .company(company),
                         title: company.map { say(.formEditCompany($0.name)) } ?? say(.formNewCompany),
                         fields: CompanyForm.fields(company, say: say))
    }
}
