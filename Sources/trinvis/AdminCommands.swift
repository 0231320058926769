import Foundation
import TrinvisCore
import TrinvisTUI

/// `trinvis admin …`: organisations, professionals, accounts and handover (administrators).
enum AdminCommand: Equatable {
    case listOrganisations
    case addOrganisation(name: String, kind: String, holdsCPR: String?)
    /// `admin organisation set ORG [--name N] [--holds-cpr yes|no]`.
    case changeOrganisation(String, name: String?, holdsCPR: String?)
    case listProfessionals
    case addProfessional(ProfessionalFields)
    case changeProfessional(String, ProfessionalFields)
    case linkAccount(professional: String, account: String?)
    case handover(from: String, to: String, citizens: [String], reason: String)
}

/// The fields of `admin professional add|set`; nil leaves a field as it is.
struct ProfessionalFields: Equatable {
    var name: String?
    var role: String?
    var organisation: String?
    var account: String?
    var email: String?
    var phone: String?
}

/// Parses the words and options after `admin`.
func parseAdmin(_ words: [String], options: [String: String], citizens: [String]) throws -> AdminCommand {
    func require(_ option: String) throws -> String {
        guard let value = options[option], !value.trimmingBlanks().isEmpty else {
            throw UsageError(phrase: .missingArgument(option))
        }
        return value
    }
    func allowOnly(_ allowed: Set<String>) throws {
        if let stray = options.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw UsageError(phrase: .unknownOption(stray))
        }
        if !citizens.isEmpty && !allowed.contains("--citizen") { throw UsageError(phrase: .unknownOption("--citizen")) }
    }
    func count(_ expected: Int) throws {
        if words.count > expected { throw UsageError(phrase: .unexpectedArgument(words[expected])) }
        if words.count < expected { throw UsageError(phrase: .missingArgument(expected == 3 ? "PROFESSIONAL" : "ACCOUNT")) }
    }
    let fields = ProfessionalFields(name: options["--name"], role: options["--role"], organisation: options["--organisation"],
                                    account: options["--account"], email: options["--email"], phone: options["--phone"])
    let fieldOptions: Set<String> = ["--name", "--role", "--organisation", "--account", "--email", "--phone"]
    switch (words.first, words.dropFirst().first) {
    case ("organisation"?, "list"?), ("organisations"?, nil):
        try allowOnly([])
        return .listOrganisations
    case ("organisation"?, "add"?):
        try allowOnly(["--name", "--kind", "--holds-cpr"])
        try count(2)
        return .addOrganisation(name: try require("--name"), kind: try require("--kind"), holdsCPR: options["--holds-cpr"])
    case ("organisation"?, "set"?):
        try allowOnly(["--name", "--holds-cpr"])
        guard words.count >= 3 else { throw UsageError(phrase: .missingArgument("ORGANISATION")) }
        if words.count > 3 { throw UsageError(phrase: .unexpectedArgument(words[3])) }
        return .changeOrganisation(words[2], name: options["--name"], holdsCPR: options["--holds-cpr"])
    case ("professional"?, "list"?), ("professionals"?, nil):
        try allowOnly([])
        return .listProfessionals
    case ("professional"?, "add"?):
        try allowOnly(fieldOptions)
        try count(2)
        _ = try require("--name")
        _ = try require("--role")
        return .addProfessional(fields)
    case ("professional"?, "set"?):
        try allowOnly(fieldOptions)
        guard words.count >= 3 else { throw UsageError(phrase: .missingArgument("PROFESSIONAL")) }
        try count(3)
        return .changeProfessional(words[2], fields)
    case ("link-account"?, _):
        try allowOnly(["--unlink"])
        if options["--unlink"] != nil {
            guard words.count >= 2 else { throw UsageError(phrase: .missingArgument("PROFESSIONAL")) }
            if words.count > 2 { throw UsageError(phrase: .unexpectedArgument(words[2])) }
            return .linkAccount(professional: words[1], account: nil)
        }
        guard words.count >= 3 else { throw UsageError(phrase: .missingArgument(words.count == 1 ? "PROFESSIONAL" : "ACCOUNT")) }
        if words.count > 3 { throw UsageError(phrase: .unexpectedArgument(words[3])) }
        return .linkAccount(professional: words[1], account: words[2])
    case ("handover"?, _):
        try allowOnly(["--from", "--to", "--citizen", "--reason"])
        if words.count > 1 { throw UsageError(phrase: .unexpectedArgument(words[1])) }
        return .handover(from: try require("--from"), to: try require("--to"), citizens: citizens, reason: try require("--reason"))
    case (let word?, _):
        throw UsageError(phrase: .unknownCommand("admin " + word))
    case (nil, _):
        throw UsageError(phrase: .missingArgument("organisation|professional|link-account|handover"))
    }
}

extension CommandRunner {
    /// Runs an administrator's command; everyone else gets one sentence and exit 1.
    func admin(_ command: AdminCommand) throws {
        let workspace = try openExisting()
        try workspace.requireAdministrator()
        let site = try workspace.site
        func shown(_ id: Int64) -> Int64 { SiteIDs.short(id, site: site) }
        switch command {
        case .listOrganisations:
            for organisation in try workspace.all(Organisation.self) {
                writeOutput(row([String(shown(organisation.id.rawValue)), organisation.name, organisation.kind.rawValue,
                                 organisation.holdsCPR ? "holds-cpr" : "no-cpr"]))
            }
        case .addOrganisation(let name, let kindText, let holdsText):
            let kind = try choice(OrganisationKind.self, kindText, option: "--kind")
            let holds = try holdsText.map { try yesOrNo($0, option: "--holds-cpr") }
            let created = try workspace.create(Organisation(name: name, kind: kind, holdsCPR: holds))
            writeOutput(say(.adminOrganisationAdded(id: shown(created.id.rawValue), name: Sanitizer.sanitize(created.name))) + "\n")
            writeOutput(say(.adminOrganisationCPR(holds: created.holdsCPR)) + "\n")
        case .changeOrganisation(let reference, let name, let holdsText):
            var organisation = try workspace.get(Organisation.self, id: try resolveOrganisation(reference, in: workspace))
            if let name { organisation.name = name }
            if let holdsText { organisation.holdsCPR = try yesOrNo(holdsText, option: "--holds-cpr") }
            let saved = try workspace.update(organisation)
            writeOutput(say(.adminOrganisationSaved(id: shown(saved.id.rawValue), name: Sanitizer.sanitize(saved.name))) + "\n")
            writeOutput(say(.adminOrganisationCPR(holds: saved.holdsCPR)) + "\n")
        case .listProfessionals:
            let organisations = Dictionary(try workspace.all(Organisation.self).map { ($0.id, $0.name) },
                                           uniquingKeysWith: { first, _ in first })
            for person in try workspace.all(Professional.self) {
                writeOutput(row([String(shown(person.id.rawValue)), person.name, person.role.rawValue,
                                 person.organisationID.flatMap { organisations[$0] } ?? "-", person.username ?? "-",
                                 person.email ?? "-", person.phone ?? "-"]))
            }
        case .addProfessional(let fields):
            var person = Professional(name: fields.name ?? "", role: .other)
            try apply(fields, to: &person, in: workspace)
            let created = try workspace.create(person)
            writeOutput(say(.adminProfessionalSaved(id: shown(created.id.rawValue), name: Sanitizer.sanitize(created.name))) + "\n")
        case .changeProfessional(let reference, let fields):
            var person = try resolveProfessional(reference, in: workspace)
            try apply(fields, to: &person, in: workspace)
            let saved = try workspace.update(person)
            writeOutput(say(.adminProfessionalSaved(id: shown(saved.id.rawValue), name: Sanitizer.sanitize(saved.name))) + "\n")
        case .linkAccount(let reference, let account):
            var person = try resolveProfessional(reference, in: workspace)
            person.username = account
            let saved = try workspace.update(person)
            writeOutput(say(.adminAccountLinked(name: Sanitizer.sanitize(saved.name), account: account.map { Sanitizer.sanitize($0) })) + "\n")
        case .handover(let fromText, let toText, let citizenTexts, let reason):
            let from = try resolveProfessional(fromText, in: workspace)
            let to = try resolveProfessional(toText, in: workspace)
            let citizens = try citizenTexts.map { try resolveCitizen($0, in: workspace) }
            let summary = try workspace.handover(from: from.id, to: to.id, citizens: citizens.isEmpty ? nil : citizens,
                                                 reason: reason)
            writeOutput(say(.adminHandoverDone(citizens: summary.citizens.count, from: Sanitizer.sanitize(from.name),
                                               to: Sanitizer.sanitize(to.name))) + "\n")
        }
    }

    /// One line of a listing: tab-separated, every field sanitised.
    private func row(_ fields: [String]) -> String {
        fields.map { Sanitizer.sanitize($0).replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n"
    }

    private func yesOrNo(_ text: String, option: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "ja": return true
        case "no", "nej": return false
        default: throw UsageError(phrase: .invalidChoice(option: option, value: text, allowed: ["yes", "no"]))
        }
    }

    private func choice<E: TextEnumeration>(_ type: E.Type, _ text: String, option: String) throws -> E {
        guard let value = E(rawValue: text) else {
            throw UsageError(phrase: .invalidChoice(option: option, value: text, allowed: E.allWords))
        }
        return value
    }

    private func apply(_ fields: ProfessionalFields, to person: inout Professional, in workspace: Workspace) throws {
        if let name = fields.name { person.name = name }
        if let role = fields.role { person.role = try choice(ProfessionalRole.self, role, option: "--role") }
        if let organisation = fields.organisation {
            person.organisationID = organisation == "-" ? nil : try resolveOrganisation(organisation, in: workspace)
        }
        if let account = fields.account { person.username = account == "-" ? nil : account }
        if let email = fields.email { person.email = email == "-" ? nil : email }
        if let phone = fields.phone { person.phone = phone == "-" ? nil : phone }
    }

    /// A professional by id, account name or a name that matches exactly one professional.
    func resolveProfessional(_ text: String, in workspace: Workspace) throws -> Professional {
        if let number = Int64(text), number > 0,
           let person = try workspace.fetch(Professional.self, id: ProfessionalID(SiteIDs.local(number, site: try workspace.site))) {
            return person
        }
        if let person = try workspace.professional(account: text) { return person }
        let key = TextNormalization.searchKey(text)
        let matches = try workspace.all(Professional.self).filter { TextNormalization.searchKey($0.name).contains(key) }
        let exact = matches.filter { TextNormalization.searchKey($0.name) == key }
        if exact.count == 1 { return exact[0] }
        guard matches.count == 1 else { throw Failure(phrase: .professionalNotFound(Sanitizer.sanitize(text))) }
        return matches[0]
    }
}
