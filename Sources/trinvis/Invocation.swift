import TrinvisCore

/// What the command line asks for, after parsing.
struct Invocation {
    /// The subcommand and its arguments.
    enum Command: Equatable {
        case interface(demo: Bool)
        case demo
        case importDocument(path: String)
        case export(citizen: String?, output: String?)
        case report(from: LocalDate?, to: LocalDate?, organisation: String?, format: ReportFormat, output: String?)
        case printPlan(citizen: String, format: PrintFormat, output: String?)
        /// `trinvis print-access CITIZEN`: the right-of-access letter.
        case printAccess(citizen: String, format: PrintFormat, output: String?)
        case calendar(output: String?, naming: CalendarExport.Naming)
        /// `trinvis check [--full]`: the quick check, or with `--full` SQLite's integrity check.
        case check(full: Bool)
        case backup(path: String, force: Bool)
        case admin(AdminCommand)
        case audit(AuditRequest)
        case erase(citizen: String, reason: String, confirmed: Bool)
        /// `trinvis admin duplicates`.
        case adminDuplicates
        /// `trinvis admin link CITIZEN OTHER [--note TEXT]`.
        case adminLink(citizen: String, other: String, note: String?)
        /// `trinvis sync import FILE|-`: applies a peer installation's sync file.
        case syncImport(path: String)
        /// `trinvis sync export --to ORGANISATION [-o FILE]`: the next sync file for a peer.
        case syncExport(to: String, output: String?)
        /// `trinvis sync status`: the peers, the last exchange each way and open conflicts.
        case syncStatus
        case help
        /// `trinvis help --man`: the manual page in roff, from the same text as `--help`.
        case manual
        case version
    }

    /// The output forms of `trinvis report`.
    enum ReportFormat: String, CaseIterable {
        case text, csv, json, pdf
    }

    /// What `trinvis audit` lists, checks or prunes.
    struct AuditRequest: Equatable {
        var citizen: String?
        var account: String?
        var from: LocalDate?
        var to: LocalDate?
        var format: AuditFormat = .text
        var verify = false
        var prune = false
    }

    /// The output forms of `trinvis audit`.
    enum AuditFormat: String, CaseIterable {
        case text, csv, json
    }

    /// The output forms of `trinvis print-plan` and `trinvis print-access`.
    enum PrintFormat: String, CaseIterable {
        case text, pdf
    }

    var command: Command = .interface(demo: false)
    var databasePath: String?
    var username: String?
    var language: Language?
    var mouse = false
}

/// A usage error: exit status 2 and a pointer to `--help`.
struct UsageError: Error {
    let phrase: Phrase
}

/// Parses the arguments (without the program name). Global options may stand anywhere.
func parseInvocation(_ arguments: [String]) throws -> Invocation {
    var invocation = Invocation()
    var words: [String] = []
    var commandOptions: [String: String] = [:]
    var demoFlag = false, fullNamesFlag = false, unlinkFlag = false, verifyFlag = false, pruneFlag = false, manFlag = false
    var yesFlag = false, forceFlag = false, fullFlag = false
    var citizens: [String] = []
    var wantsHelp = false, wantsVersion = false
    var index = 0

    func value(for option: String, inline: String?) throws -> String {
        if let inline { return inline }
        index += 1
        guard index < arguments.count else { throw UsageError(phrase: .missingValue(option: option)) }
        return arguments[index]
    }

    /// The value of an option that names a file: an empty one (`--db=`) is a usage error.
    func path(for option: String, inline: String?) throws -> String {
        let path = try value(for: option, inline: inline)
        guard !path.trimmingBlanks().isEmpty else { throw UsageError(phrase: .optionNeedsPath(option: option)) }
        return path
    }

    let commandValueOptions: Set<String> = ["--citizen", "-o", "--output", "--from", "--to", "--organisation", "--format",
                                            "--name", "--kind", "--role", "--account", "--email", "--phone", "--reason", "--holds-cpr",
                                            "--note"]
    while index < arguments.count {
        let argument = arguments[index]
        var name = argument
        var inline: String?
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inline = String(argument[argument.index(after: equals)...])
        }
        switch name {
        case "--db": invocation.databasePath = try path(for: name, inline: inline)
        case "--user": invocation.username = try value(for: name, inline: inline)
        case "--lang":
            let code = try value(for: name, inline: inline)
            guard let language = Language(code: code) else { throw UsageError(phrase: .invalidLanguage(code)) }
            invocation.language = language
        case "--mouse": invocation.mouse = true
        case "--demo": demoFlag = true
        case "--full-names": fullNamesFlag = true
        case "--unlink": unlinkFlag = true
        case "--verify": verifyFlag = true
        case "--prune": pruneFlag = true
        case "--man": manFlag = true
        case "--yes": yesFlag = true
        case "--force": forceFlag = true
        case "--full": fullFlag = true
        case "--help", "-h": wantsHelp = true
        case "--version": wantsVersion = true
        case "--": words += arguments[(index + 1)...]; index = arguments.count; continue
        default:
            if name == "--citizen" {
                // `--citizen` may be given more than once (handover of several citizens).
                let citizen = try value(for: name, inline: inline)
                citizens.append(citizen)
                if commandOptions["--citizen"] == nil { commandOptions["--citizen"] = citizen }
            } else if commandValueOptions.contains(name) {
                let key = name == "--output" ? "-o" : name
                guard commandOptions[key] == nil else { throw UsageError(phrase: .unexpectedArgument(argument)) }
                commandOptions[key] = key == "-o" ? try path(for: name, inline: inline) : try value(for: name, inline: inline)
            } else if argument.hasPrefix("-") && argument.count > 1 {
                throw UsageError(phrase: .unknownOption(argument))
            } else {
                words.append(argument)
            }
        }
        index += 1
    }

    // Help and version win over everything else on the line (but --lang still applies).
    if wantsHelp || wantsVersion {
        invocation.command = wantsHelp ? .help : .version
        return invocation
    }

    func allowOnly(_ allowed: Set<String>) throws {
        if let stray = commandOptions.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw UsageError(phrase: .unknownOption(stray))
        }
    }
    func date(_ option: String) throws -> LocalDate? {
        guard let text = commandOptions[option] else { return nil }
        guard let date = LocalDate(iso: text) else { throw UsageError(phrase: .invalidDate(option: option, value: text)) }
        return date
    }
    func noMoreWords(after count: Int) throws {
        if words.count > count { throw UsageError(phrase: .unexpectedArgument(words[count])) }
    }

    guard let command = words.first else {
        try allowOnly([])
        if manFlag { throw UsageError(phrase: .unknownOption("--man")) }
        if fullNamesFlag { throw UsageError(phrase: .unknownOption("--full-names")) }
        if unlinkFlag { throw UsageError(phrase: .unknownOption("--unlink")) }
        if yesFlag { throw UsageError(phrase: .unknownOption("--yes")) }
        if forceFlag { throw UsageError(phrase: .unknownOption("--force")) }
        if fullFlag { throw UsageError(phrase: .unknownOption("--full")) }
        invocation.command = .interface(demo: demoFlag)
        return invocation
    }
    if demoFlag { throw UsageError(phrase: .unexpectedArgument("--demo")) }
    if unlinkFlag && command != "admin" { throw UsageError(phrase: .unknownOption("--unlink")) }
    if citizens.count > 1 && command != "admin" { throw UsageError(phrase: .unexpectedArgument("--citizen")) }
    if manFlag && command != "help" { throw UsageError(phrase: .unknownOption("--man")) }
    if fullNamesFlag && command != "calendar" { throw UsageError(phrase: .unknownOption("--full-names")) }
    if command != "audit" {
        if verifyFlag { throw UsageError(phrase: .unknownOption("--verify")) }
        if pruneFlag { throw UsageError(phrase: .unknownOption("--prune")) }
    }
    if yesFlag && command != "erase" { throw UsageError(phrase: .unknownOption("--yes")) }
    if forceFlag && command != "backup" { throw UsageError(phrase: .unknownOption("--force")) }
    if fullFlag && command != "check" { throw UsageError(phrase: .unknownOption("--full")) }
    switch command {
    case "demo":
        try allowOnly([])
        try noMoreWords(after: 1)
        invocation.command = .demo
    case "import":
        try allowOnly([])
        guard words.count >= 2 else { throw UsageError(phrase: .missingArgument("FILE")) }
        try noMoreWords(after: 2)
        invocation.command = .importDocument(path: words[1])
    case "export":
        try allowOnly(["--citizen", "-o"])
        try noMoreWords(after: 1)
        invocation.command = .export(citizen: commandOptions["--citizen"], output: commandOptions["-o"])
    case "report":
        try allowOnly(["--from", "--to", "--organisation", "--format", "-o"])
        try noMoreWords(after: 1)
        // Without --format, a file named *.pdf gets a PDF and everything else text.
        let output = commandOptions["-o"]
        let implied: Invocation.ReportFormat = output?.lowercased().hasSuffix(".pdf") == true ? .pdf : .text
        let formatText = commandOptions["--format"] ?? implied.rawValue
        guard let format = Invocation.ReportFormat(rawValue: formatText) else {
            throw UsageError(phrase: .invalidChoice(option: "--format", value: formatText,
                                                    allowed: Invocation.ReportFormat.allCases.map(\.rawValue)))
        }
        let from = try date("--from"), to = try date("--to")
        if let from, let to, to < from { throw UsageError(phrase: .dateRangeReversed(from: from.iso, to: to.iso)) }
        invocation.command = .report(from: from, to: to, organisation: commandOptions["--organisation"], format: format,
                                     output: output)
    case "print-plan", "print-access":
        try allowOnly(["--format", "-o"])
        guard words.count >= 2 else { throw UsageError(phrase: .missingArgument("CITIZEN")) }
        try noMoreWords(after: 2)
        // Without --format, a file named *.pdf gets a PDF and everything else text.
        let output = commandOptions["-o"]
        let implied: Invocation.PrintFormat = output?.lowercased().hasSuffix(".pdf") == true ? .pdf : .text
        let formatText = commandOptions["--format"] ?? implied.rawValue
        guard let format = Invocation.PrintFormat(rawValue: formatText) else {
            throw UsageError(phrase: .invalidChoice(option: "--format", value: formatText,
                                                    allowed: Invocation.PrintFormat.allCases.map(\.rawValue)))
        }
        invocation.command = command == "print-plan" ? .printPlan(citizen: words[1], format: format, output: output)
            : .printAccess(citizen: words[1], format: format, output: output)
    case "calendar":
        try allowOnly(["-o"])
        try noMoreWords(after: 1)
        invocation.command = .calendar(output: commandOptions["-o"], naming: fullNamesFlag ? .full : .short)
    case "check":
        try allowOnly([])
        try noMoreWords(after: 1)
        invocation.command = .check(full: fullFlag)
    case "backup":
        try allowOnly([])
        guard words.count >= 2 else { throw UsageError(phrase: .missingArgument("FILE")) }
        try noMoreWords(after: 2)
        invocation.command = .backup(path: words[1], force: forceFlag)
    case "admin" where words.count >= 2 && words[1] == "duplicates":
        try allowOnly([])
        try noMoreWords(after: 2)
        invocation.command = .adminDuplicates
    case "admin" where words.count >= 2 && words[1] == "link":
        try allowOnly(["--note"])
        guard words.count >= 4 else { throw UsageError(phrase: .missingArgument(words.count == 2 ? "CITIZEN" : "OTHER")) }
        try noMoreWords(after: 4)
        invocation.command = .adminLink(citizen: words[2], other: words[3], note: commandOptions["--note"])
    case "admin":
        var options = commandOptions
        options["--citizen"] = nil
        if unlinkFlag { options["--unlink"] = "" }
        invocation.command = .admin(try parseAdmin(Array(words.dropFirst()), options: options, citizens: citizens))
    case "audit":
        try noMoreWords(after: 1)
        if verifyFlag || pruneFlag {
            try allowOnly([])
        } else {
            try allowOnly(["--citizen", "--account", "--from", "--to", "--format"])
        }
        var request = Invocation.AuditRequest(citizen: commandOptions["--citizen"], account: commandOptions["--account"],
                                              verify: verifyFlag, prune: pruneFlag)
        let formatText = commandOptions["--format"] ?? Invocation.AuditFormat.text.rawValue
        guard let format = Invocation.AuditFormat(rawValue: formatText) else {
            throw UsageError(phrase: .invalidChoice(option: "--format", value: formatText,
                                                    allowed: Invocation.AuditFormat.allCases.map(\.rawValue)))
        }
        request.format = format
        request.from = try date("--from")
        request.to = try date("--to")
        if let from = request.from, let to = request.to, to < from {
            throw UsageError(phrase: .dateRangeReversed(from: from.iso, to: to.iso))
        }
        invocation.command = .audit(request)
    case "erase":
        try allowOnly(["--reason"])
        guard words.count >= 2 else { throw UsageError(phrase: .missingArgument("CITIZEN")) }
        try noMoreWords(after: 2)
        guard let reason = commandOptions["--reason"] else { throw UsageError(phrase: .missingArgument("--reason TEXT")) }
        invocation.command = .erase(citizen: words[1], reason: reason, confirmed: yesFlag)
    case "sync" where words.count >= 2 && words[1] == "import":
        try allowOnly([])
        guard words.count >= 3 else { throw UsageError(phrase: .missingArgument("FILE")) }
        try noMoreWords(after: 3)
        invocation.command = .syncImport(path: words[2])
    case "sync" where words.count >= 2 && words[1] == "export":
        try allowOnly(["--to", "-o"])
        try noMoreWords(after: 2)
        guard let peer = commandOptions["--to"] else { throw UsageError(phrase: .missingArgument("--to ORGANISATION")) }
        invocation.command = .syncExport(to: peer, output: commandOptions["-o"])
    case "sync" where words.count >= 2 && words[1] == "status":
        try allowOnly([])
        try noMoreWords(after: 2)
        invocation.command = .syncStatus
    case "sync":
        guard words.count >= 2 else { throw UsageError(phrase: .missingArgument("export|import|status")) }
        throw UsageError(phrase: .unknownCommand("sync " + words[1]))
    case "help":
        invocation.command = manFlag ? .manual : .help
    default:
        throw UsageError(phrase: .unknownCommand(command))
    }
    return invocation
}
