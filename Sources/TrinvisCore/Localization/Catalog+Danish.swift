extension Catalog {
    /// The Danish catalog.
    static func danish(_ phrase: Phrase) -> String {
        switch phrase {
        case .usage:
            return """
                Trinvis: handleplaner, milepæle og opfølgende samtaler med borgere, trin for trin.

                Brug:
                  trinvis [tilvalg]                 åbn skærmbilledet
                  trinvis --demo                    åbn det med en ny demodatabase
                  trinvis demo --db STI             skriv en demodatabase og afslut
                  trinvis import FIL                importér et udvekslingsdokument (JSON)
                  trinvis export [--citizen ID] [-o FIL]
                                                    skriv et udvekslingsdokument (standard: stdout)
                  trinvis report [--from DATO] [--to DATO] [--organisation ID] [--format text|csv|json]
                                                    resultatopgørelsen
                  trinvis check                     kontrol af databasens integritet og fremmednøgler
                  trinvis backup FIL                konsistent kopi af databasen, også mens den bruges

                Tilvalg:
                  --db STI          databasen (standard: $TRINVIS_DB, ellers
                                    $XDG_DATA_HOME/trinvis/trinvis.sqlite, ellers
                                    ~/.local/share/trinvis/trinvis.sqlite)
                  --user NAVN       hvem du er (standard: dit login-navn)
                  --lang da|en      sprog (standard: fra LANG)
                  --mouse           lad musen vælge rækker i skærmbilledet
                  --help, -h        denne tekst
                  --version         versionen

                Datoer skrives ÅÅÅÅ-MM-DD. BORGER og ID er et nummer eller et entydigt navn.
                Afslutningskode: 0 gennemført, 1 fejl, 2 forkert brug.
                """
        case .version(let version): return "trinvis \(version)"
        case .usageError(let detail): return "trinvis: \(detail)\nSkriv 'trinvis --help' for at se brugen."
        case .unknownCommand(let name): return "ukendt kommando '\(name)'"
        case .unknownOption(let option): return "ukendt tilvalg '\(option)'"
        case .missingValue(let option): return "tilvalget \(option) skal have en værdi"
        case .unexpectedArgument(let argument): return "uventet argument '\(argument)'"
        case .missingArgument(let what): return "mangler \(what)"
        case .invalidDate(let option, let value): return "\(option): '\(value)' er ikke en dato (ÅÅÅÅ-MM-DD)"
        case .invalidChoice(let option, let value, let allowed):
            return "\(option): '\(value)' er ikke en af \(allowed.joined(separator: ", "))"
        case .invalidLanguage(let value): return "--lang: '\(value)' er hverken da eller en"
        case .dateRangeReversed(let from, let to): return "--from \(from) ligger efter --to \(to)"

        case .failure(let text): return "trinvis: \(text)"
        case .noDatabase(let path):
            return "der er ingen database i \(path). Tjek --db, eller opret en med 'trinvis demo --db \(path)' eller ved at starte 'trinvis'."
        case .databaseNewer(let path):
            return "databasen \(path) er skrevet af en nyere version af Trinvis. Opdatér Trinvis for at åbne den; intet er ændret."
        case .database(let error):
            return danish(databaseAdvice: error) + " (" + error.message + ")"
        case .store(let error): return danish(storeError: error)
        case .cannotReadFile(let path, let reason): return "kan ikke læse \(path): \(reason)"
        case .cannotWriteFile(let path, let reason):
            return "kan ikke skrive \(path): \(reason). Intet er skrevet; tjek mappen og den ledige plads."
        case .fileExists(let path): return "\(path) findes allerede. Vælg et andet navn, eller fjern den først."
        case .citizenNotFound(let name): return "ingen borger passer på '\(name)'. Angiv et id eller en del af navnet."
        case .citizenAmbiguous(let name, let candidates):
            return "'\(name)' passer på flere borgere: \(candidates.joined(separator: "; ")). Angiv id'et eller mere af navnet."
        case .organisationNotFound(let name): return "ingen organisation passer på '\(name)'."
        case .importFailed(let detail): return "importen mislykkedes, intet er ændret: \(detail)"
        case .terminalUnusable(let detail): return "kan ikke bruge denne terminal: \(detail)"

        case .demoWritten(let path, let citizens): return "Skrev en demodatabase med \(citizens) borgere til \(path)."
        case .backupWritten(let path): return "Skrev en konsistent kopi af databasen til \(path)."
        case .checkHealthy(let path, let citizens): return "\(path): sund (integritet og fremmednøgler kontrolleret, \(citizens) borgere)."
        case .checkProblems(let path, let problems):
            return "\(path): beskadiget. Gendan den fra en sikkerhedskopi.\n" + problems.map { "  " + $0 }.joined(separator: "\n")
        case .imported(let created, let updated): return "Importeret: \(created) poster oprettet, \(updated) opdateret."
        case .progress(let what, let done, let total): return "\(what) \(done)/\(total)"
        case .progressImport: return "Importerer"
        case .progressExport: return "Eksporterer"
        case .progressDemo: return "Skriver demodata"
        }
    }

    static func danish(databaseAdvice error: DatabaseError) -> String {
        if error.isBusy { return "databasen er optaget i et andet Trinvis-vindue eller program; vent et øjeblik og prøv igen" }
        if error.isFull { return "disken er fuld; frigør plads og prøv igen, intet er gemt" }
        if error.isCorrupt { return "databasefilen er beskadiget eller ikke en Trinvis-database; gendan den fra en sikkerhedskopi" }
        if error.isReadOnlyOrCannotOpen { return "databasefilen kan ikke åbnes til skrivning; tjek stien og rettighederne" }
        return "databasen meldte en fejl"
    }

    static func danish(storeError error: StoreError) -> String {
        switch error {
        case .notFound: return "posten findes ikke længere; den kan være slettet i et andet vindue"
        case .conflict(_, _, let changedBy, _):
            return "\(changedBy) har ændret posten, efter du åbnede den. Din tekst er bevaret; se ændringen og gem igen"
        case .accessDenied: return "du har ikke adgang til denne borgers oplysninger"
        case .invalid(let validation): return danish(validation: validation)
        case .inUse: return "posten bruges stadig af andre poster og kan ikke slettes"
        case .duplicate(_, let detail): return "en anden post har allerede denne værdi (\(detail))"
        }
    }

    static func danish(validation error: ValidationError) -> String {
        switch error.problem {
        case .required: return "\(error.field): skal udfyldes"
        case .tooLong(let maximum): return "\(error.field): længere end \(maximum) tegn"
        case .invalidCPR(.notTenDigits): return "\(error.field): et CPR-nummer har ti cifre (DDMMÅÅ-XXXX)"
        case .invalidCPR(.notADate): return "\(error.field): de første seks cifre skal være en dato (DDMMÅÅ)"
        case .cprDoesNotMatchBirthDate: return "\(error.field): passer ikke med fødselsdatoen"
        case .before(let other, let date): return "\(error.field): ligger før \(other) (\(date.iso))"
        case .outOfRange(let range): return "\(error.field): skal være mellem \(range.lowerBound) og \(range.upperBound)"
        case .invalidEmail: return "\(error.field): ikke en e-mailadresse"
        case .unknownValue(let allowed): return "\(error.field): skal være en af \(allowed.joined(separator: ", "))"
        }
    }
}
