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
                  trinvis sync export --to ORGANISATION [-o FIL]
                                                    det, der er ændret siden sidste fil til den
                                                    organisation (id eller navn), så vidt borgerne
                                                    har givet samtykke: til FIL eller et rør
                  trinvis sync import FIL|-         anvend en synkroniseringsfil fra en anden installation
                  trinvis sync status               modparterne, sidste fil hver vej og de åbne
                                                    konflikter
                  trinvis export [--citizen ID] [-o FIL]
                                                    skriv et udvekslingsdokument (standard: stdout)
                  trinvis report [--from DATO] [--to DATO] [--organisation ID]
                                 [--format text|csv|json|pdf] [-o FIL]
                                                    resultatopgørelsen (standard: stdout), eller én
                                                    A4-side PDF med --format pdf eller -o FIL.pdf
                  trinvis print-plan BORGER [--format text|pdf] [-o FIL]
                                                    planen, som borgeren får med hjem: tekst på stdout,
                                                    eller en A4-PDF med --format pdf eller -o FIL.pdf
                                                    (en PDF skrives kun til stdout, når den omdirigeres)
                  trinvis print-access BORGER [--format text|pdf] [-o FIL]
                                                    indsigtsbrevet til borgeren: hvem der har slået
                                                    vedkommendes oplysninger op eller ændret dem, og
                                                    hvornår (tekst eller PDF, som ved print-plan)
                  trinvis calendar [-o FIL] [--full-names]
                                                    dine kommende møder som iCalendar til Outlook og
                                                    andre kalendere (standard: stdout; borgere
                                                    navngives "Svend M." uden --full-names)
                  trinvis check [--full]            hvad databasefilen er: sund, beskadiget eller
                                                    hvorfor ellers den ikke kan bruges, og hvad du gør
                                                    (--full: også hvert indeks mod sin tabel)
                  trinvis backup FIL [--force]      kontrolleret kopi af databasen, også mens den
                                                    bruges (en beskadiget kun med --force)
                  trinvis admin organisation list|add --name N --kind K [--holds-cpr yes|no]
                  trinvis admin organisation set ORG [--name N] [--holds-cpr yes|no]
                  trinvis admin professional list|add|set [FAGPERSON] [--name N] [--role R]
                                 [--organisation ORG] [--account KONTO] [--email E] [--phone T]
                  trinvis admin link-account FAGPERSON KONTO | --unlink FAGPERSON
                  trinvis admin handover --from KONTO --to KONTO [--citizen ID ...] --reason TEKST
                                                    administration (kun administratorer; logges)
                  trinvis admin duplicates          mulige dubletter (samme CPR, eller navn og fødselsdato)
                  trinvis admin link BORGER ANDEN [--note TEKST]
                                                    noter at to borgere er samme person (flettes aldrig)
                  trinvis audit [--citizen ID] [--account NAVN] [--from DATO] [--to DATO]
                                [--format text|csv|json] [--verify] [--prune]
                                                    adgangsloggen (administratorer ser alle poster,
                                                    andre deres egne); --verify tjekker dens
                                                    hashkæder, --prune fjerner poster ældre end
                                                    opbevaringstiden (administratorer)
                  trinvis erase BORGER --reason TEKST [--yes]
                                                    slet alle spor af en person (administratorer;
                                                    beder om navnet, medmindre --yes)

                Tilvalg:
                  --db STI          databasen (standard: $TRINVIS_DB, ellers
                                    $XDG_DATA_HOME/trinvis/trinvis.sqlite, ellers
                                    ~/.local/share/trinvis/trinvis.sqlite)
                  --user NAVN       optræd som fagpersonen NAVN: kun for administratorer
                                    og demodatabaser (standard: din konto i styresystemet)
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
        case .pdfNeedsOutput:
            return "en PDF hører ikke hjemme i terminalen: angiv -o FIL.pdf, eller omdiriger standard-output til en fil eller en printer"

        case .failure(let text): return "trinvis: \(text)"
        case .noDatabase(let path):
            return "der er ingen database i \(path). Tjek --db, eller opret en med 'trinvis demo --db \(path)' eller ved at starte 'trinvis'."
        case .databaseNewer(let path):
            return "databasen \(path) er skrevet af en nyere version af Trinvis. Opdatér Trinvis for at åbne den; intet er ændret."
        case .database(let error):
            return danish(databaseAdvice: error) + " (" + error.message + ")"
        case .identity(.notRegistered(let account)):
            return "kontoen \(account) er ikke oprettet som fagperson i denne Trinvis; bed en administrator om at oprette dig (trinvis admin professional add)"
        case .identity(.actingAsRefused(let account)):
            return "--user er kun for administratorer og demodatabaser; du er \(account), som styresystemet siger"
        case .identity(.unknownProfessional(let name)):
            return "ingen fagperson har kontoen \(name); trinvis admin professional list viser dem"
        case .store(let error): return danish(storeError: error)
        case .cannotReadFile(let path, let reason): return "kan ikke læse \(path): \(reason)"
        case .cannotWriteFile(let path, let reason):
            return "kan ikke skrive \(path): \(reason). Intet er skrevet; tjek mappen og den ledige plads."
        case .fileExists(let path): return "\(path) findes allerede. Vælg et andet navn, eller fjern den først."
        case .citizenNotFound(let name): return "ingen borger passer på '\(name)'. Angiv et id eller en del af navnet."
        case .citizenAmbiguous(let name, let candidates):
            return "'\(name)' passer på flere borgere: \(candidates.joined(separator: "; ")). Angiv id'et eller mere af navnet."
        case .organisationNotFound(let name): return "ingen organisation passer på '\(name)'."
        case .organisationAmbiguous(let name, let candidates):
            return "'\(name)' passer på flere organisationer: \(candidates.joined(separator: "; ")). Angiv id'et eller hele navnet."
        case .syncExported(let peer, let sequence, let citizens, let erased, let rows, let path):
            var text = "Synkroniseringsfil \(sequence) til \(peer) er skrevet"
            if let path { text += " til \(path)" }
            guard rows > 0 else { return text + ": intet er ændret siden sidste fil." }
            text += ": \(rows) ændrede poster om \(citizens) borgere"
            if erased > 0 { text += ", heraf \(erased), der ikke længere deles og slettes dér" }
            return text + "."
        case .syncExportNeedsOutput:
            return "en synkroniseringsfil er binær: skriv den med -o FIL eller ind i et rør (trinvis sync export --to ORGANISATION | ssh server trinvis sync import -)."
        case .syncNoOrganisation(let username):
            return "\(username) hører ikke til nogen organisation, så der er intet at dele. En administrator kan sætte den med trinvis admin."
        case .syncOwnOrganisation(let name): return "\(name) er din egen organisation; angiv den organisation, der skal deles med."
        case .syncExportsMadeAs(let organisation, let peer):
            return "udvekslingen med \(peer) sker som \(organisation); bed en fra \(organisation) om at eksportere."
        case .syncExportBusy(let peer):
            return "udvekslingen med \(peer) ændrede sig hele tiden, mens filen blev lavet (andre eksporter eller importer samtidig); intet blev skrevet. Prøv igen."
        case .syncNoPeers: return "Ingen udvekslinger endnu. trinvis sync export --to ORGANISATION begynder en."
        case .syncPeer(let peer, let shownID, let sent, let received):
            var text = "\(peer.name) (organisation \(shownID), \(danish(.organisationKind(peer.kind)))): "
            text += sent.map { "fil \(peer.sentSequence) sendt \($0)" } ?? "intet sendt endnu"
            text += "; " + (received.map { "fil \(peer.receivedSequence) modtaget \($0)" } ?? "intet modtaget endnu")
            text += "; " + (peer.openConflicts == 1 ? "1 åben konflikt" : "\(peer.openConflicts) åbne konflikter")
            return text + "."
        case .importFailed(let detail): return "importen mislykkedes, intet er ændret: \(detail)"
        case .terminalUnusable(let detail): return "kan ikke bruge denne terminal: \(detail)"
        case .notATerminal:
            return "skærmbilledet kræver en terminal; standard-ind- og -output må ikke være omdirigeret. Start trinvis direkte i et terminalvindue."
        case .unknownTerminal(let term) where term.isEmpty:
            return "terminaltypen er ikke sat (TERM er tom). Sæt TERM til din terminals type, for eksempel: export TERM=xterm-256color"
        case .unknownTerminal(let term):
            return "terminaltypen '\(term)' (TERM) kendes ikke på dette system. Sæt TERM til en kendt type, for eksempel: export TERM=xterm-256color"
        case .unusableTerminal(let term):
            return "terminaltypen '\(term)' (TERM) kan ikke vise et fuldskærmsprogram. Brug en terminal som xterm, eller sæt TERM til dens type."

        case .demoWritten(let path, let citizens): return "Skrev en demodatabase med \(citizens) borgere til \(path)."
        case .backupWritten(let path):
            return "Skrev en kontrolleret kopi af databasen til \(path) (integritet, fremmednøgler og skemahistorik kontrolleret)."
        case .checkHealthy(let path, let citizens, let full):
            return full ? "\(path): sund (fuld integritetskontrol og fremmednøgler, \(citizens) borgere)."
                : "\(path): sund (hurtig integritetskontrol og fremmednøgler, \(citizens) borgere; 'trinvis check --full' sammenholder også hvert indeks med sin tabel)."
        case .checkProblems(let path, let problems):
            return "\(path): beskadiget. Gendan den fra en sikkerhedskopi, som 'trinvis check' kalder sund, og gem denne fil til side.\n" + problems.map { "  " + $0 }.joined(separator: "\n")
        case .imported(let created, let updated): return "Importeret: \(created) poster oprettet, \(updated) opdateret."
        case .progress(let what, let done, let total): return "\(what) \(done)/\(total)"
        case .progressImport: return "Importerer"
        case .progressExport: return "Eksporterer"
        case .progressDemo: return "Skriver demodata"
        case .formNewCitizen: return "Ny borger"
        case .formEditCitizen(let name): return "Ret \(name)"
        case .formNewPlan(let name): return "Ny handleplan for \(name)"
        case .formEditPlan(let name): return "Handleplan for \(name)"
        case .formNewMilestone(let name): return "Ny milepæl for \(name)"
        case .formEditMilestone(let name): return "Milepæl for \(name)"
        case .formProgress(let name): return "Fremskridt på \u{201E}\(name)\u{201C}"
        case .formNewMeeting(let name): return "Nyt møde med \(name)"
        case .formEditMeeting(let name): return "Møde med \(name)"
        case .formNewAgreement(let name): return "Ny aftale med \(name)"
        case .formEditAgreement(let name): return "Aftale med \(name)"
        case .formOutcome(let name): return "Resultat for \(name)"
        case .formPlacement(let name): return "Forløb i virksomhed for \(name)"
        case .formStory(let name): return "Forandringsfortælling om \(name)"
        case .formVision(let name): return "Ønsker og visioner for \(name)"
        case .formResources(let name): return "Ressourcer hos \(name)"
        case .formTeam(let name): return "Tilføj til teamet om \(name)"
        case .formConsent(let name): return "Samtykke fra \(name)"
        case .labelName: return "Navn"
        case .labelBirthDate: return "Fødselsdato"
        case .labelHousehold: return "Husstand"
        case .labelGoal: return "Langsigtet mål"
        case .labelStart: return "Start"
        case .labelEnd: return "Slut"
        case .labelTitle: return "Titel"
        case .labelSteppingStone: return "Snublemål"
        case .labelDate: return "Dato"
        case .labelNote: return "Note"
        case .labelText: return "Tekst"
        case .labelWho: return "Hvem"
        case .labelCompany: return "Virksomhed"
        case .labelFrom: return "Fra"
        case .labelTo: return "Til"
        case .labelResult: return "Resultat"
        case .labelProfessional: return "Fagperson"
        case .labelResponsible: return "Ansvarlig"
        case .labelScope: return "Samtykke til"
        case .labelRecipient: return "Modtager"
        case .labelPurpose: return "Formål"
        case .labelExpires: return "Udløber"
        case .labelWithdrawn: return "Trukket tilbage"
        case .labelGiven: return "Givet"
        case .labelInformation: return "Oplysninger"
        case .labelOrganisation: return "Organisation"
        case .labelInterval: return "Møde hver (dage)"
        case .labelAchievedOn: return "Nået den"
        case .labelNextMeeting: return "Næste møde"
        case .labelNotes: return "Notater"
        case .labelPlace: return "Sted"
        case .labelTime: return "Tid"
        case .labelKind: return "Form"
        case .labelAttendance: return "Fremmøde"
        case .labelDue: return "Frist"
        case .labelDone: return "Udført den"
        case .labelStatus: return "Status"
        case .labelEffort: return "Indsats"
        case .errorRequired: return "skal udfyldes"
        case .errorNotADate: return "ikke en dato (15.01.2027, 15.01, 15/1, +14, i dag, i morgen)"
        case .errorNotATime: return "ikke et klokkeslæt (TT:MM)"
        case .errorNotANumber: return "ikke et tal"
        case .saved: return "Gemt."
        case .deleted: return "Slettet."
        case .discardQuestion: return "Kassér ændringerne?"
        case .drafts: return "Ikke-gemte formularer fra sidst"
        case .draftsHelp: return "Enter genopretter formularen, d kasserer den, Esc gemmer kladderne til senere."
        case .addMenu: return "Tilføj"
        case .needPlan: return "Lav en handleplan først (a i milepælsruden)."
        case .noSelection: return "Vælg en række først."
        case .notEditable: return "Dette kan ikke rettes her."
        case .keyAdd: return "tilføj"
        case .keyAddHelp: return "Tilføj en borger, en milepæl eller et møde i den valgte rude"
        case .keyEdit: return "ret"
        case .keyEditHelp: return "Ret det valgte"
        case .keyDelete: return "slet"
        case .keyDeleteHelp: return "Slet det valgte (spørger først)"
        case .keySave: return "gem"
        case .keySaveHelp: return "Gem formularen (også Ctrl-S)"
        case .keyCancel: return "fortryd"
        case .keyCancelHelp: return "Luk formularen (spørger før ændringer kasseres)"
        case .keyNextField: return "næste felt"
        case .keyNextFieldHelp: return "Næste felt (også Enter i enkeltlinjefelter, ↓)"
        case .keyPreviousField: return "forrige felt"
        case .keyPreviousFieldHelp: return "Forrige felt (også ↑)"
        case .keyChoose: return "vælg"
        case .keyChooseHelp: return "Skift et valg (også mellemrum); mellemrum sætter kryds"
        case .keyDone: return "udført"
        case .keyPrint: return "udskriv"
        case .labelPresent(let name): return "Til stede: \(name)"
        case .formAssessment(let name): return "Vurdering af \(name) (1-10, 10 bedst)"
        case .previousScore(let score): return "sidst: \(score)"
        case .discardAndQuitQuestion: return "Kassér ændringerne og afslut Trinvis?"
        case .errorScore: return "et helt tal fra 1 til 10"
        case .errorNoScores: return "giv mindst én score"
        case .keyAssess: return "vurdér"
        case .keyAssessHelp: return "Registrér en vurdering (livskvalitet, selvværd, ... 1-10)"
        case .keyOutcome: return "resultat"
        case .keyOutcomeHelp: return "Registrér et resultat: egen bolig, job, uddannelse, mindre støtte ..."
        case .menuAssessment: return "Vurdering (1-10)"
        case .menuEditTeam(let name): return "Ret teamet: \(name)"
        case .menuEditConsent(let what): return "Ret eller træk samtykket tilbage: \(what)"
        case .tabReport: return "Rapport"
        case .tabStories: return "Forandringsfortællinger"
        case .tabCompanies: return "Virksomheder"
        case .promptFrom: return "Fra (dato, tom: ingen start): "
        case .promptTo: return "Til (dato, tom: ingen slut): "
        case .allOrganisations: return "alle organisationer"
        case .keyTabs: return "fane"
        case .keyTabsHelp: return "Vis rapporten (1), forandringsfortællingerne (2) eller partnervirksomhederne (3)"
        case .keyFrom: return "fra"
        case .keyFromHelp: return "Sæt periodens første dag"
        case .keyTo: return "til"
        case .keyToHelp: return "Sæt periodens sidste dag"
        case .keyOrganisation: return "organisation"
        case .keyOrganisationHelp: return "Begræns rapporten til næste organisation (eller alle)"
        case .keyAllTime: return "hele tiden"
        case .keyAllTimeHelp: return "Rapport over hele tiden"
        case .keyPrintReport: return "pdf"
        case .keyPrintReportHelp: return "Gem rapporten som en PDF på én side (til printeren, når lp er sat op)"
        case .noStories: return "Ingen forandringsfortællinger endnu."
        case .noCompanies: return "Ingen partnervirksomheder endnu."
        case .resultsComputing: return "Beregner tallene…"
        case .resultsUpdating: return "Opdaterer tallene…"
        case .placementsSummary(let total, let hired, let completed, let ongoing, let stopped):
            return "\(total) forløb: \(hired) ansat, \(completed) gennemført, \(ongoing) i gang, \(stopped) stoppet"
        case .reportSaved(let path): return "Rapporten er gemt som \(path)"
        case .keyPrintHelp: return "Udskriv den valgte borgers handleplan (PDF; til printeren, når lp er sat op)"
        case .planSaved(let path): return "Planen er gemt som \(path)"
        case .planSentToPrinter(let path): return "Planen er sendt til printeren (og gemt som \(path))"
        case .printFailed(let detail): return "Planen kunne ikke gemmes: \(detail)"
        case .keyDoneHelp: return "Kryds af: den valgte aftale udført, milepæl nået (eller tilbage igen)"
        case .keyRestore: return "genopret"
        case .keyRestoreHelp: return "Åbn formularen som den var"
        case .keyDiscard: return "kassér"
        case .keyDiscardHelp: return "Kassér denne kladde"
        case .keyAddMore: return "tilføj"
        case .keyAddMoreHelp: return "Tilføj et fremskridt, en aftale, eller (for en borger) vælg hvad der skal tilføjes"
        case .menuTeam: return "Teammedlem"
        case .menuConsent: return "Samtykke"
        case .menuResources: return "Ressourceprofil"
        case .menuVision: return "Ønsker og visioner"
        case .menuPlan: return "Handleplan"
        case .menuOutcome: return "Resultat (job, bolig, …)"
        case .menuPlacement: return "Forløb i en virksomhed"
        case .menuStory: return "Forandringsfortælling"
        case .matchSaved: return "netop gemt"
        case .keyCommandLine: return "kommando"
        case .keyCommandLineHelp: return "Skriv navnet på en kommando (Tab fuldender, Enter udfører den)"
        case .unknownCommandHere(let name): return "Ingen kommando \u{201E}\(name)\u{201C} her; : og Tab viser dem."
        case .searchWrappedToTop: return "Nåede bunden; fortsætter fra toppen."
        case .searchWrappedToBottom: return "Nåede toppen; fortsætter fra bunden."
        case .deleteMeetingQuestion(let date, let agreements):
            switch agreements {
            case 0: return "Slet samtalen den \(date)?"
            case 1: return "Slet samtalen den \(date) og dens aftale?"
            default: return "Slet samtalen den \(date) og dens \(agreements) aftaler?"
            }
        case .deleteMilestoneQuestion(let title, let notes):
            switch notes {
            case 0: return "Slet milepælen \u{201E}\(title)\u{201C}?"
            case 1: return "Slet milepælen \u{201E}\(title)\u{201C} og dens statusnote?"
            default: return "Slet milepælen \u{201E}\(title)\u{201C} og dens \(notes) statusnoter?"
            }
        case .deleteAgreementQuestion(let text): return "Slet aftalen \u{201E}\(text)\u{201C}?"
        case .keyConfirmYes: return "ja"
        case .keyConfirmYesHelp: return "Svar ja: gør det"
        case .keyConfirmNo: return "nej"
        case .keyConfirmNoHelp: return "Svar nej: behold alt som det er (andre taster gør intet her)"
        case .markedDone(let text): return "Udført: \(text)"
        case .markedOpen(let text): return "Åben igen: \(text)"
        case .draftLine(let title, let age): return "\(title)  (\(age))"
        case .minutesAgo(let minutes): return minutes < 1 ? "lige nu" : minutes < 120 ? "for \(minutes) min siden" : "for \(minutes / 60) timer siden"
        // Kladder pr. vindue og deres konflikter
        case .conflictTitle(let title): return "Ændret siden din kladde: \(title)"
        case .conflictIntro(let name, let date, let time):
            return "\(name) gemte dette den \(date) kl. \(time), efter at din kladde blev begyndt. Vælg for hvert felt, hvilken værdi formularen åbner med; intet gemmes, før du gemmer formularen."
        case .conflictField: return "Felt"
        case .conflictYours: return "Din kladde"
        case .conflictSaved(let name): return "Gemt af \(name)"
        case .conflictNothingDiffers(let name):
            return "\(name) har ændret dette siden din kladde, i andre felter end dine: formularen viser din kladde på deres udgave."
        case .draftTakenElsewhere: return "Kladden er allerede genoprettet i et andet vindue."
        case .draftKeptForLater: return "Kladden er gemt til senere."
        case .draftRecordGone: return "Det, kladden hørte til, er slettet i mellemtiden; kladden er kasseret."
        case .keyConflictOpen: return "åbn formular"
        case .keyConflictOpenHelp: return "Åbn formularen med de valgte værdier (intet gemmes, før du gemmer den)"
        case .keyConflictLater: return "senere"
        case .keyConflictLaterHelp: return "Gem kladden til senere, og gå tilbage til kladderne"
        case .keyConflictDraft: return "din"
        case .keyConflictDraftHelp: return "Feltet får værdien fra din kladde"
        case .keyConflictSaved: return "gemt"
        case .keyConflictSavedHelp: return "Feltet får den gemte værdi"
        case .keyConflictSwitch: return "skift"
        case .keyConflictSwitchHelp: return "Skift feltet mellem din kladde og den gemte værdi"
        case .keyConflictAllDraft: return "alt dit"
        case .keyConflictAllDraftHelp: return "Alle felter får værdien fra din kladde"
        case .keyConflictAllSaved: return "alt gemt"
        case .keyConflictAllSavedHelp: return "Alle felter får den gemte værdi"
        case .agreementSlot(let number): return "Aftale \(number)"
        case .whoSlot: return "  hvem"
        case .dueSlot: return "  frist"
        case .you: return "borgeren"
        case .problem(let problem): return danish(problem: problem)
        case .formEditTeam(let name): return "Ret teamet om \(name)"
        case .errorSecondResponsible(let name, let from):
            return "\(name) er allerede ansvarlig (fra \(from)); afslut det først, eller lad feltet stå tomt"
        case .errorNobodyPresent: return "deltog, men ingen er markeret til stede herunder; sæt kryds ved dem, der var med"
        case .warningAfterPlanEnd(let end): return "ligger efter planens slutdato (\(end)); F2 igen gemmer alligevel"
        case .dateMeans(let date):
            let weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
            return "= \(weekdays[date.isoWeekday - 1]) \(Localizer(.danish).date(date))"
        case .keyAddAgreement: return "aftale"
        case .keyAddAgreementHelp: return "Tilføj en aftale til det valgte møde (a tilføjer et møde)"
        case .selectAMeeting: return "Vælg et møde først (a tilføjer et)."
        case .keyNextAgreement: return "næste aftale"
        case .keyNextAgreementHelp: return "På en aftale: gå til den næste; efter den sidste (med tekst): tilføj en ny"
        case .proposedInterval(let days): return days == 1 ? "hver dag" : "hver \(days). dag"

        case .changeSummary(let summary): return danish(change: summary)
        case .undone(let summary): return "Fortrudt: \(danish(change: summary))."
        case .redone(let summary): return "Gjort igen: \(danish(change: summary))."
        case .nothingToUndo: return "Intet at fortryde i dette vindue."
        case .nothingToRedo: return "Intet at gøre igen."
        case .undoRefused(let refusal, let redoing):
            let refused = redoing ? "Ikke gjort igen" : "Ikke fortrudt"
            switch refusal {
            case .changedSince(let summary, let name):
                return "\(refused): \(name ?? "en anden") har ændret \(danish(changeSubject: summary.subject)) siden."
            case .cannotRestore(let summary):
                return "\(refused): det, som \(danish(changeSubject: summary.subject)) hørte til, findes ikke længere."
            }
        case .keyUndo: return "fortryd"
        case .keyUndoHelp: return "Fortryd den seneste gemte ændring i dette vindue, skridt for skridt"
        case .keyRedo: return "gør igen"
        case .keyRedoHelp: return "Gør det fortrudte igen"
        case .calendarWritten(let path, let meetings):
            return meetings == 1 ? "Skrev en kalender med 1 kommende møde til \(path)."
                : "Skrev en kalender med \(meetings) kommende møder til \(path)."
        case .calendarNotRegistered(let username):
            return "brugernavnet \(username) er ikke registreret som fagperson, så kalenderen er tom. Brug --user med dit brugernavn i Trinvis."
        case .calendarSummary(let name): return "Samtale med \(name)"
        case .calendarDescription(let kind, let date, let citizen):
            return "Aftalt ved sidste møde (\(kind), \(date)). Borger nr. \(citizen) i Trinvis."

        case .accessLogNotWritten:
            return "Adgangsloggen kunne ikke skrives; Trinvis prøver igen om et sekund"
        case .adminOrganisationAdded(let id, let name): return "Organisationen \(id) \(name) er oprettet."
        case .adminOrganisationSaved(let id, let name): return "Organisationen \(id) \(name) er gemt."
        case .adminOrganisationCPR(let holds):
            return holds ? "Den må have CPR-numre: dens fagpersoner ser CPR-feltet."
                : "Den har ingen CPR-numre: dens fagpersoner får ikke CPR-feltet."
        case .adminProfessionalSaved(let id, let name): return "Fagpersonen \(id) \(name) er gemt."
        case .adminAccountLinked(let name, let account):
            return account.map { "\(name) logger nu ind med kontoen \($0)." } ?? "\(name) har ikke længere en konto."
        case .adminHandoverDone(let citizens, let from, let to):
            return "\(citizens) \(citizens == 1 ? "borger" : "borgere") er overdraget fra \(from) til \(to); historikken er bevaret."
        case .professionalNotFound(let text):
            return "ingen fagperson passer på '\(text)'; trinvis admin professional list viser dem"
        case .auditIntact(let lookups, let changes, let lookupHash, let changeHash):
            return "adgangsloggen er intakt: \(lookups + changes) poster (\(lookups) opslag, \(changes) ændringer), seneste hash: opslag \(lookupHash), ændringer \(changeHash)"
        case .auditBroken(let id, let chain, let kind):
            switch kind {
            case .altered:
                return "adgangsloggen er brudt ved post \(id) (kæden \(chain)): indholdet passer ikke med dens hash; den er ændret eller indsat uden om Trinvis"
            case .removedBefore:
                return "adgangsloggen er brudt ved post \(id) (kæden \(chain)): posten før den i kæden mangler; poster er fjernet eller indsat uden om Trinvis"
            case .invalid:
                return "adgangsloggen er brudt ved post \(id) (kæden \(chain)): den nævner en ukendt handling eller kæde; den er indsat eller ændret uden om Trinvis"
            }
        case .auditPruned(let lookups, let changes, let lookupDays, let changeDays):
            return "Fjernede \(lookups) opslag ældre end \(lookupDays) dage og \(changes) ændringer ældre end \(changeDays) dage fra adgangsloggen."
        case .auditCitizen(let id): return "borger #\(id)"
        case .sharedConfigurationUnreadable(let path, let reason):
            return "dette er en fælles installation, men dens konfiguration \(path) kan ikke læses (\(reason)). Bed administratoren skrive linjen 'database = /var/lib/trinvis/trinvis.sqlite' dér (se docs/installation.md)."
        case .sharedConfigurationInvalid(let path, let line):
            return line == 0
                ? "konfigurationen \(path) nævner ingen database. Bed administratoren tilføje linjen 'database = /var/lib/trinvis/trinvis.sqlite'."
                : "linje \(line) i konfigurationen \(path) er ikke 'database = /ABSOLUT/STI'. Bed administratoren rette den."
        case .sharedDatabaseOnly(let path):
            return "dette er en fælles installation: den bruger kun databasen \(path) (fra /etc/trinvis/trinvis.conf), og --db kan ikke pege på en anden"
        case .sharedDatabaseMissing(let path):
            return "den fælles database \(path) findes ikke endnu. Administratoren opretter den med 'sudo trinvis check' (se docs/installation.md)."
        case .sharedDatabaseFilesNotReady(let path):
            return "logfilerne (-wal og -shm) til den fælles database \(path) mangler eller tilhører en person. Administratoren opretter dem igen med 'sudo trinvis check'."
        case .sharedBackupAdministratorsOnly:
            return "i en fælles installation er det kun en administrator, der laver en kopi af databasen"
        case .databaseFilesExposed(let files, let command):
            return "advarsel: andre kan læse \(files.joined(separator: ", ")) (rettighederne er videre end 0660). Ret det med: \(command)"
        case .eraseConfirmPrompt(let citizen):
            return "Dette sletter borger nr. \(citizen) og alle spor af borgeren; det kan ikke fortrydes. Skriv borgerens fulde navn for at fortsætte: "
        case .eraseNeedsConfirmation:
            return "erase beder dig skrive borgerens navn i en terminal; brug --yes, når standard input ikke er en terminal"
        case .eraseNameMismatch: return "det skrevne navn er ikke borgerens fulde navn; intet er slettet"
        case .erasure(let error):
            switch error {
            case .reasonMissing: return "--reason skal sige, hvorfor borgeren slettes"
            case .reasonNamesCitizen:
                return "begrundelsen nævner borgeren, og adgangsloggen gemmer begrundelsen: skriv den uden navnet"
            }
        case .erased(let citizen, let rows, let files):
            return "Borger nr. \(citizen) er slettet: \(rows) rækker fjernet, \(files) \(files == 1 ? "udskrevet fil" : "udskrevne filer") fjernet."
        case .erasedTable(let table, let rows): return "  \(table): \(rows)"
        case .erasedFileNotRemoved(let path, let reason): return "kunne ikke fjerne den udskrevne fil \(path): \(reason); fjern den selv"
        case .erasedWALBusy:
            return "en anden forbindelse læser databasen, så dens write-ahead-log rummer stadig gamle sider; den tømmes, når den sidste forbindelse lukker (kør 'trinvis check' bagefter)"

        case .archiveQuestion(let name):
            return "Afslut forløbet for \(name) og arkivér? Intet slettes."
        case .archived: return "Forløbet er afsluttet, og borgeren er arkiveret."
        case .unarchiveQuestion(let name):
            return "Skal \(name) tilbage på borgerlisten?"
        case .unarchived(let name): return "\(name) er tilbage på borgerlisten."
        case .archivedShown: return "Arkiverede borgere vises (A skjuler dem)."
        case .archivedHidden: return "Arkiverede borgere er skjult (A viser dem)."
        case .archivedMark: return "arkiveret"
        case .paneWithArchived: return "med arkiverede"
        case .fieldArchived: return "Arkiveret"
        case .keyArchived: return "arkiv"
        case .keyArchivedHelp: return "Vis eller skjul arkiverede borgere (d henter en tilbage)"

        case .duplicatesNone: return "Ingen sandsynlige dubletter."
        case .duplicatePair(let first, let firstName, let firstOrganisation, let second, let secondName,
                            let secondOrganisation, let sameCPR):
            return "#\(first) \(firstName) (\(firstOrganisation)) og #\(second) \(secondName) (\(secondOrganisation)): "
                + (sameCPR ? "samme CPR-nummer" : "samme navn og fødselsdato")
        case .citizensLinked(let first, let second):
            return "Borger #\(first) og #\(second) er kædet sammen (intet er lagt sammen)."
        case .duplicateWarning(let name, let id, let organisation):
            return "Måske samme person som \(name) (#\(id), \(organisation.isEmpty ? "ingen organisation" : organisation))"
        case .duplicateHint: return "Ctrl-O åbner personen i stedet; F2 igen gemmer alligevel"
        case .keyRevealCPR: return "vis CPR"
        case .helpRevealCPR: return "vis hele CPR-nummeret (logges)"
        case .keyOpenDuplicate: return "åbn personen"
        case .helpOpenDuplicate: return "åbn den mulige dublet i stedet"
        case .cprRevealed: return "Hele CPR-nummeret vises kun her; opslaget er logget."
        case .noCPRToReveal: return "Borgeren har intet CPR-nummer."
        case .organisationKind(let kind):
            switch kind {
            case .municipality: return "kommune"
            case .dropInCentre: return "værested"
            case .company: return "virksomhed"
            case .other: return "andet"
            }
        case .role(let role):
            switch role {
            case .caseworker: return "sagsbehandler"
            case .jobConsultant: return "jobkonsulent"
            case .addictionCounsellor: return "misbrugsbehandler"
            case .supportContact: return "støtte-kontaktperson"
            case .dropInCounselor: return "værestedsmedarbejder"
            case .mentor: return "mentor"
            case .administrator: return "administrator"
            case .other: return "andet"
            }
        case .contactPreference(let preference):
            switch preference {
            case .meeting: return "møder"
            case .phone: return "telefon"
            case .email: return "mail"
            case .sms: return "sms"
            }
        case .dataCategory(let category):
            switch category {
            case .contact: return "navn og kontaktoplysninger"
            case .plan: return "plan og delmål"
            case .meetings: return "samtaler og aftaler"
            case .profile: return "ressourcer, drømme og livshistorie"
            case .results: return "vurderinger og resultater"
            }
        case .labelShares(let category): return "Deler " + danish(.dataCategory(category))
        case .errorNoCategories: return "vælg mindst én ting, der deles"
        case .consentScope(let scope):
            switch scope {
            case .shareBetweenOrganisations: return "deling mellem organisationer"
            case .contactByEmail: return "kontakt pr. mail"
            case .contactBySMS: return "kontakt pr. sms"
            }
        case .planStatus(let status):
            switch status {
            case .active: return "aktiv"
            case .completed: return "gennemført"
            case .ended: return "afsluttet"
            }
        case .milestoneStatus(let status):
            switch status {
            case .planned: return "planlagt"
            case .inProgress: return "i gang"
            case .achieved: return "nået"
            case .adjusted: return "justeret"
            case .dropped: return "droppet"
            }
        case .meetingKind(let kind):
            switch kind {
            case .conversation: return "samtale"
            case .phone: return "telefon"
            case .email: return "mail"
            case .homeVisit: return "hjemmebesøg"
            case .dropIn: return "værested"
            case .companion: return "bisidder"
            }
        case .attendance(let attendance):
            switch attendance {
            case .attended: return "mødt"
            case .excused: return "afbud"
            case .noShow: return "udeblev"
            }
        case .dimension(let dimension):
            switch dimension {
            case .qualityOfLife: return "Livskvalitet"
            case .selfEsteem: return "Selvværd"
            case .relationToSystem: return "Forhold til systemet"
            case .socialNetwork: return "Socialt netværk"
            case .health: return "Helbred"
            case .housing: return "Bolig"
            case .finances: return "Økonomi"
            case .workReadiness: return "Arbejdsparathed"
            }
        case .outcomeKind(let kind):
            switch kind {
            case .ownHousing: return "Egen bolig"
            case .jobOrdinary: return "Ordinært job"
            case .jobSpecialTerms: return "Job på særlige vilkår"
            case .jobWageSubsidy: return "Løntilskudsjob"
            case .flexJob: return "Fleksjob"
            case .education: return "Uddannelse"
            case .selfSupporting: return "Selvforsørgende"
            case .reducedSupport: return "Mindre støtte"
            case .supportEnded: return "Støtte afsluttet"
            case .treatmentStarted: return "Behandling startet"
            case .other: return "Andet"
            }
        case .placementKind(let kind):
            switch kind {
            case .internship: return "praktik"
            case .wageSubsidy: return "løntilskud"
            case .mentor: return "mentorordning"
            case .flexJob: return "fleksjob"
            case .other: return "andet"
            }
        case .placementResult(let result):
            switch result {
            case .ongoing: return "i gang"
            case .completed: return "gennemført"
            case .hired: return "ansat"
            case .stopped: return "stoppet"
            }
        case .activityKind(let kind):
            switch kind {
            case .course: return "kursus"
            case .exercise: return "motion"
            case .health: return "sundhed"
            case .trip: return "tur"
            case .social: return "socialt"
            case .other: return "andet"
            }
        case .relativeDays(let days):
            switch days {
            case 0: return "i dag"
            case 1: return "i morgen"
            case -1: return "i går"
            case 2...: return "om \(days) dage"
            default: return "for \(-days) dage siden"
            }
        case .days(let days): return days == 1 ? "1 dag" : "\(days) dage"
        case .yes: return "ja"
        case .no: return "nej"

        case .terminalTooSmall: return "Terminalen er for lille til Trinvis. Gør vinduet større."
        case .paneCitizens: return "Borgere"
        case .paneMilestones: return "Milepæle"
        case .paneMeetings: return "Møder"
        case .agendaTitle: return "Dagsorden"
        case .helpTitle: return "Taster"
        case .reportTitle: return "Resultater"
        case .citizenTitle(let name): return name
        case .milestoneTitle: return "Milepæl"
        case .meetingTitle: return "Møde"
        case .noCitizens: return "Ingen borgere endnu."
        case .noPlan: return "Ingen handleplan endnu."
        case .noMilestones: return "Ingen milepæle."
        case .noMeetings: return "Ingen møder endnu."
        case .noCitizenSelected: return "Ingen borger valgt."
        case .agendaEmpty: return "Intet på vej og intet forfaldent."
        case .agendaNoProfessional(let username):
            return "Brugernavnet \(username) er ikke registreret som fagperson, så der er ingen personlig dagsorden."
        case .searchPrompt: return "Søg: "
        case .findPrompt: return "Find: "
        case .searchHits(let count): return count == 1 ? "1 borger fundet" : "\(count) borgere fundet"
        case .searchNoHits(let query): return "Intet fundet for \u{201E}\(query)\u{201C}"
        case .findNotFound(let text): return "\u{201E}\(text)\u{201C} står ikke i listen"
        case .searchActive(let query): return "Søgning: \(query)  (Esc viser alle)"
        case .goal(let goal): return "Mål: \(goal)"
        case .planEnds(let date, let relative): return "slutter \(date) (\(relative))"
        case .planOpenEnded: return "ingen slutdato"
        case .overdueMarker: return "forfalden"
        case .overdueCount(let count): return "\(count) forfaldne"
        case .steppingStone: return "snublemål"
        case .openAgreements(let count): return count == 1 ? "1 åben" : "\(count) åbne"
        case .agendaOverdue: return "Forfaldent"
        case .agendaToday: return "I dag"
        case .agendaThisWeek: return "Denne uge"
        case .agendaLater: return "Senere"
        case .agendaFollowUp: return "opfølgning"
        case .agendaMissedFollowUp(let time): return "samtalen kl. \(time) er ikke registreret"
        case .agendaNoNextMeeting(let last):
            return last.map { "intet næste møde aftalt; seneste var \($0)" } ?? "endnu ingen samtale"
        case .agendaNothingToTick: return "Kun milepæle og aftaler kan krydses af; Enter åbner borgeren."
        case .pickAgreementToTick: return "Hvilken aftale skal krydses af?"
        case .noAgreementsToTick: return "Samtalen har ingen aftaler at krydse af."
        case .selectAnAgreement: return "x krydser en milepæl eller en aftale af: vælg en først."
        case .milestoneAchieved(let title): return "Nået: \(title)"
        case .milestoneReopened(let title): return "Alligevel ikke nået: \(title)"
        case .deadlineMoved(let from, let to, let on, let by): return "flyttet fra \(from) til \(to) den \(on) af \(by)"
        case .fieldDeadlineHistory: return "Fristens historik"
        case .agendaMeeting: return "møde"
        case .agendaMilestone: return "milepæl"
        case .agendaAgreement: return "aftale"
        case .matchName: return "navn"
        case .matchCPR: return "CPR"
        case .matchText(let source):
            switch source {
            case .meeting: return "mødenotat"
            case .agreement: return "aftale"
            case .progress: return "fremskridt"
            case .story: return "forandringsfortælling"
            case .life: return "livssituation"
            }
        case .mine: return "min"
        case .helpFooter: return "Esc eller ? lukker hjælpen."
        case .notRegistered(let username): return "Logget ind som \(username) (ikke registreret fagperson)"

        case .printTitle: return "Din plan"
        case .printCPR(let masked): return "CPR-nr. \(masked)"
        case .printPrintedOn(let date): return "Udskrevet \(date)"
        case .printPage(let page, let count): return "Side \(page) af \(count)"
        case .printGoalHeading: return "Dit mål"
        case .printPurpose(let purpose): return "Formål: \(purpose)"
        case .printPeriodHeading: return "Hvor længe planen varer"
        case .printPeriod(let from, let to): return "Fra \(from) til \(to)"
        case .printPeriodOpen(let from): return "Fra \(from), ingen slutdato endnu"
        case .printDaysLeft(let days):
            switch days {
            case 0: return "I dag er sidste dag"
            case 1: return "Der er 1 dag tilbage"
            case 2...: return "Der er \(days) dage tilbage"
            case -1: return "Planen sluttede i går"
            default: return "Planen sluttede for \(-days) dage siden"
            }
        case .printNoPlan: return "Der er ingen plan endnu. Vi laver den sammen."
        case .printMilestonesHeading: return "Delmål på vejen"
        case .printNoMilestones: return "Ingen delmål endnu."
        case .printMilestoneState(let state):
            switch state {
            case .done: return "Klaret"
            case .overdue: return "Over fristen"
            case .underWay: return "I gang"
            case .planned: return "Planlagt"
            case .changed: return "Ændret"
            case .leftOut: return "Udgået"
            }
        case .printDoneOn(let date): return "Klaret den \(date)"
        case .printDeadline(let date, let relative): return "Senest \(date) (\(relative))"
        case .printAgreementsHeading: return "Det har vi aftalt"
        case .printNoAgreements: return "Ingen åbne aftaler lige nu."
        case .printYou: return "Du"
        case .printWho(let who): return "Hvem: \(who)"
        case .printBy(let date): return "Senest: \(date)"
        case .printNextMeetingHeading: return "Næste møde"
        case .printMeetingTime(let date, let hour, let minute):
            let weekdays = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]
            let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                          "oktober", "november", "december"]
            return "\(weekdays[date.isoWeekday - 1]) den \(date.day). \(months[date.month - 1]) \(date.year) kl. "
                + LocalDate.pad(hour, 2) + "." + LocalDate.pad(minute, 2)
        case .printPlace(let place): return "Sted: \(place)"
        case .printNoNextMeeting: return "Ikke aftalt endnu."
        case .printContactHeading: return "Din kontaktperson"
        case .printPhone(let phone): return "Telefon: \(phone)"
        case .printEmail(let email): return "Mail: \(email)"

        case .accessTitle: return "Hvem har set dine oplysninger"
        case .accessAboutHeading: return "Om dette brev"
        case .accessRight:
            return "Du har ret til at vide, hvad der er registreret om dig, og hvem der har set eller ændret det "
                + "(databeskyttelsesforordningen, artikel 15). Dette brev viser det for Trinvis, systemet hvor din plan "
                + "og dine møder skrives ned."
        case .accessHolder(let holder?): return "\(holder) er ansvarlig for oplysningerne om dig."
        case .accessHolder(nil): return "Der er ikke registreret en organisation, som er ansvarlig for oplysningerne om dig."
        case .accessShared(let organisation, let categories, let until):
            return "Med dit samtykke må \(organisation)" + (until.map { " indtil \($0)" } ?? "") + " også se "
                + list(categories.map(danish(accessCategory:)), and: "og") + "."
        case .accessRegisteredHeading: return "Det er registreret om dig"
        case .accessCategory(let category): return capitalisingFirstLetter(danish(accessCategory: category))
        case .accessCategoryContents(let category):
            switch category {
            case .contact: return "navn, telefon, mail, fødselsdato, CPR-nummer"
            case .plan: return "målet, delmålene på vejen og noter om, hvordan det går"
            case .meetings: return "hvem der var med, hvad I talte om, og hvad der blev aftalt"
            case .profile: return "dine ressourcer, dine ønsker for fremtiden og din livssituation"
            case .results: return "vurderinger af, hvordan det går, resultater, praktikker og job og fortællinger om forandring"
            }
        case .accessPartial(let holder):
            return "Dette brev er udskrevet af en organisation, der kun må se en del af dine oplysninger."
                + (holder.map { " Spørg \($0), hvis du vil se det hele." } ?? "")
        case .accessLogHeading: return "Det viser loggen"
        case .accessLogExplained(let lookupDays, let changeDays):
            return "Hver gang nogen slår dine oplysninger op eller ændrer dem i Trinvis, bliver det skrevet ned: dagen, "
                + "organisationen og hvad der blev gjort. Opslag gemmes i \(danish(duration: lookupDays)) og ændringer "
                + "i \(danish(duration: changeDays)); derefter slettes de."
        case .accessTotals(let since, let lookups, let changes, let organisations):
            return "Siden \(since): \(lookups) opslag og \(counted(changes, "ændring", "ændringer")), fra "
                + "\(counted(organisations, "organisation", "organisationer"))."
        case .accessHowToRead:
            return "Først et overblik for hver organisation, måned for måned; derefter alle registreringer, de nyeste "
                + "først. Det, som én organisation har gjort på samme måde samme dag, står på én linje."
        case .accessNames(shown: true, _): return "Fagpersonernes navne står med, fordi en administrator har udskrevet brevet."
        case .accessNames(shown: false, let ask):
            return "Fagpersonernes navne står ikke i brevet." + (ask.map { " Spørg \($0), hvis du vil kende dem." } ?? "")
        case .accessNothingLogged: return "Der er endnu intet om dig i loggen."
        case .accessQuestionsHeading: return "Spørgsmål"
        case .accessQuestions(let ask):
            return "Har du spørgsmål, eller mener du, at noget er forkert eller bør slettes, så kontakt "
                + (ask ?? "det sted, der gav dig brevet") + ". Du kan også klage til Datatilsynet (www.datatilsynet.dk)."
        case .accessOverviewHeading(let organisation): return "\(organisation) måned for måned"
        case .accessMonth(let year, let month):
            let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                          "november", "december"]
            return "\(months[max(1, min(12, month)) - 1]) \(year)"
        case .accessCount(let kind, let times):
            switch kind {
            case .looked: return "\(times) opslag"
            case .revealedCPR: return "\(times) opslag af dit fulde CPR-nummer"
            case .printed: return counted(times, "udskrift", "udskrifter")
            case .exported: return counted(times, "eksport", "eksporter") + " til en fil"
            case .added: return counted(times, "tilføjelse", "tilføjelser")
            case .changed: return counted(times, "ændring", "ændringer")
            case .deleted: return counted(times, "sletning", "sletninger")
            case .administered: return counted(times, "administrativ ændring", "administrative ændringer")
            }
        case .accessEntriesHeading(let month): return "Alle registreringer i \(month)"
        case .accessEntry(let organisation, let kind, let subject, let times):
            let what = subject.map(danish(accessSubject:))
            let done: String
            switch kind {
            case .looked: done = "så dine oplysninger"
            case .revealedCPR: done = "så dit fulde CPR-nummer"
            case .printed: done = "udskrev dine oplysninger"
            case .exported: done = "kopierede dine oplysninger til en fil"
            case .added: done = "tilføjede " + (what ?? "oplysninger om dig")
            case .changed: done = "ændrede " + (what ?? "dine oplysninger")
            case .deleted: done = "slettede " + (what ?? "nogle af dine oplysninger")
            case .administered:
                switch subject {
                case .responsibility?: done = "ændrede, hvem der er ansvarlig for dig"
                case .link?: done = "noterede, at to registreringer handler om dig"
                default: done = "foretog en administrativ ændring" + (what.map { " af \($0)" } ?? "")
                }
            }
            return "\(organisation) \(done)" + (times > 1 ? " (\(times) gange)" : "")
        case .accessBy(let name): return "af \(name)"
        case .accessNoOrganisation: return "Administrationen af Trinvis"
        case .printEffort(let effort): return "Indsats: \(effort)"
        case .printSteppingStone(let title): return "\(title) (snublemål)"
        case .printFontFallback(.notFound(let searched)):
            return "advarsel: ingen Unicode-skrift til PDF'en: \(PDFFonts.regularFileName) findes ikke i "
                + searched.joined(separator: ", ")
                + " (installér fonts-dejavu-core, eller angiv en TrueType-skriftfil i TRINVIS_FONT). PDF'en er sat med "
                + "standardskrifterne, hvor bogstaver uden for de vesteuropæiske (som Ł, græske og kyrilliske) udskrives som ?"
        case .printFontFallback(.unusable(let path, let reason)):
            return "advarsel: skriften \(path) kan ikke bruges: \(reason). PDF'en er sat med standardskrifterne, hvor "
                + "bogstaver uden for de vesteuropæiske (som Ł, græske og kyrilliske) udskrives som ?"
        case .printedWithStandardFonts(let message):
            return "\(message); kun standardskrifter (ingen brugbar Unicode-skrift): Ł, græske og kyrilliske bogstaver udskrives som ?"
        case .planPrinterFailed(let path): return "Printeren tog ikke imod planen; den er gemt som \(path)"
        case .reportSentToPrinter(let path): return "Rapporten er sendt til printeren (og gemt som \(path))"
        case .reportPrinterFailed(let path): return "Printeren tog ikke imod rapporten; den er gemt som \(path)"

        case .keyMove: return "flyt"
        case .keyMoveHelp: return "Flyt op og ned (også k, j, PgUp, PgDn, Home, End, g, G)"
        case .keyNextPane: return "næste rude"
        case .keyNextPaneHelp: return "Gå til næste rude"
        case .keyPreviousPane: return "forrige rude"
        case .keyPreviousPaneHelp: return "Gå til forrige rude"
        case .keyJumpPane: return "rude"
        case .keyJumpPaneHelp: return "Spring til borgere (1), milepæle (2) eller møder (3)"
        case .keyOpen: return "åbn"
        case .keyOpenHelp: return "Åbn den valgte borger, milepæl eller det valgte møde"
        case .keySearch: return "søg"
        case .keySearchHelp: return "Søg borgere (navn, CPR, ord i notater); i andre ruder: find"
        case .keyFind: return "find"
        case .keyFindHelp: return "Find tekst i denne liste"
        case .keyNextMatch: return "næste"
        case .keyNextMatchHelp: return "Næste fund"
        case .keyPreviousMatch: return "forrige"
        case .keyPreviousMatchHelp: return "Forrige fund"
        case .keyAgenda: return "dagsorden"
        case .keyAgendaHelp: return "Dine kommende møder og det forfaldne på tværs af dine borgere"
        case .keyReport: return "resultater"
        case .keyReportHelp: return "Resultatopgørelsen"
        case .keyHelp: return "hjælp"
        case .keyHelpHelp: return "Vis alle taster i dette skærmbillede"
        case .keyBack: return "tilbage"
        case .keyBackHelp: return "Luk visningen, eller ryd søgningen"
        case .keyQuit: return "afslut"
        case .keyQuitHelp: return "Afslut Trinvis"
        case .keyRedraw: return "tegn igen"
        case .keyRedrawHelp: return "Tegn skærmen igen"
        case .keyScroll: return "rul"
        case .keyScrollHelp: return "Rul (også k, j, PgUp, PgDn, Home, End)"
        case .keyAccept: return "behold"
        case .keyAcceptHelp: return "Behold resultaterne og gå til listen"
        case .keyEditText: return "skriv"
        case .keyEditTextHelp: return "Skriv for at søge; Backspace, Ctrl-U rydder, ← → flytter"

        case .fieldCPR: return "CPR"
        case .fieldBorn: return "Født"
        case .fieldAge: return "Alder"
        case .fieldPhone: return "Telefon"
        case .fieldEmail: return "Mail"
        case .fieldPrefers: return "Foretrækker"
        case .fieldHousehold: return "Husstand"
        case .fieldOrganisation: return "Organisation"
        case .fieldRegistered: return "Registreret"
        case .fieldInterval: return "Møder hver"
        case .fieldLife: return "Livssituation"
        case .fieldTeam: return "Team"
        case .fieldResponsible: return "ansvarlig"
        case .fieldConsents: return "Samtykker"
        case .fieldResources: return "Ressourcer"
        case .fieldVisions: return "Ønsker og visioner"
        case .fieldVisionFamily: return "Familie"
        case .fieldVisionWork: return "Arbejde"
        case .fieldVisionHousing: return "Bolig"
        case .fieldVisionOther: return "Andet"
        case .fieldPlans: return "Handleplaner"
        case .fieldAssessments: return "Vurderinger"
        case .fieldOutcomes: return "Resultater"
        case .fieldPlacements: return "Forløb i virksomheder"
        case .fieldStories: return "Forandringsfortællinger"
        case .fieldDeadline: return "Frist"
        case .fieldStatus: return "Status"
        case .fieldAchieved: return "Nået"
        case .fieldProgress: return "Fremskridt"
        case .fieldTime: return "Tid"
        case .fieldKind: return "Form"
        case .fieldPlace: return "Sted"
        case .fieldAttendance: return "Fremmøde"
        case .fieldAttendees: return "Til stede"
        case .fieldAuthor: return "Skrevet af"
        case .fieldNotes: return "Notater"
        case .fieldAgreements: return "Aftaler"
        case .fieldNextMeeting: return "Næste møde"
        case .fieldDue: return "frist"
        case .fieldDone: return "udført"
        case .fieldCitizen: return "borgeren"
        case .fieldPurpose: return "Formål"
        case .fieldEffort: return "Indsats"
        case .fieldPeriod: return "Periode"
        case .fieldExpires: return "udløber"
        case .fieldWithdrawn: return "trukket tilbage"
        case .fieldGiven: return "givet"
        case .fieldRecipient: return "til"
        case .fieldInformation: return "oplysninger"
        case .none: return "ingen"

        // MARK: Companies, placements and companion meetings
        case .companiesTitle: return "Virksomheder"
        case .companyTitle(let name): return "Virksomhed: \(name)"
        case .noCompaniesInRegister: return "Ingen virksomheder endnu. a tilføjer en."
        case .companyPlacementCount(let total, let ongoing):
            return total == 0 ? "ingen forløb" : "\(ongoing) i gang, \(total) i alt"
        case .companyNoPlacements: return "Ingen forløb i denne virksomhed endnu."
        case .companyRunning: return "I gang"
        case .companyEnded: return "Afsluttet"
        case .keyCompanies: return "virksomheder"
        case .keyCompaniesHelp: return "Virksomhedsregistret: partnervirksomheder og deres forløb"
        case .keyNewCompany: return "ny virksomhed"
        case .keyNewCompanyHelp: return "Tilføj en virksomhed til registret"
        case .keyEditCompany: return "ret virksomhed"
        case .keyEditCompanyHelp: return "Ret virksomhedens navn, branche, kontaktperson og noter"
        case .keyNewPlacement: return "nyt forløb"
        case .keyNewPlacementHelp: return "Et forløb (praktik, løntilskud, mentor) for den valgte borger"
        case .keyEditPlacement: return "ret"
        case .keyEditPlacementHelp: return "Ret det valgte forløb"
        case .keyClosePlacement: return "afslut"
        case .keyClosePlacementHelp: return "Afslut det valgte forløb med resultatet (ansat foreslår borgerens resultat)"
        case .formNewCompany: return "Ny virksomhed"
        case .formEditCompany(let name): return "Virksomhed: \(name)"
        case .formEditPlacement(let name): return "Forløb i virksomhed for \(name)"
        case .formClosePlacement(let company, let citizen): return "Afslut forløbet for \(citizen) i \(company)"
        case .labelTrade: return "Branche"
        case .labelContactPerson: return "Kontaktperson"
        case .labelWhatCameOfIt: return "Hvad det førte til"
        case .selectCitizenForPlacement: return "Vælg først borgeren på listen."
        case .noCompanyForPlacement: return "Der er ingen virksomhed endnu: tilføj den i registret (c og så a)."
        case .placementAlreadyClosed: return "Forløbet er allerede afsluttet; e retter det."
        case .proposeOutcome(let kind, let citizen, let date):
            return "Registrér resultatet \u{201E}\(kind)\u{201C} for \(citizen) den \(date)? Enter registrerer, Esc lader være."
        case .outcomeRecorded(let kind): return "Resultat registreret: \(kind)."
        case .menuClosePlacement(let company): return "Afslut forløbet i \(company)"
        case .labelAuthority: return "Myndighed"
        case .labelCompanionWith: return "Møde med"
        case .labelCompanionPurpose: return "Formål"
        case .labelCompanionResult: return "Hvad det førte til"
        case .labelCompanionBy: return "Bisidder"
        case .agendaCompanion: return "Bisidder"
        case .companionSummary(let authority, let purpose):
            return ["Bisidder i \(authority.isEmpty ? "kommunen" : authority)", purpose].filter { !$0.isEmpty }.joined(separator: ": ")
        // MARK: Editing and deleting records, plans over time
        case .keyNextRecord: return "vælg"
        case .keyNextRecordHelp: return "Vælg næste oplysning (Skift-Tab den forrige): e eller Enter retter den, d sletter den"
        case .keyPreviousRecord: return "forrige"
        case .keyPreviousRecordHelp: return "Vælg den forrige oplysning"
        case .keyEditRecord: return "ret"
        case .keyEditRecordHelp: return "Ret den valgte oplysning i dens formular"
        case .keyDeleteRecord: return "slet"
        case .keyDeleteRecordHelp: return "Slet den valgte oplysning (spørger først; u fortryder)"
        case .keyNewPlan: return "ny plan"
        case .keyNewPlanHelp: return "En ny plan, når den nuværende er afsluttet eller fuldført (de gamle gemmes)"
        case .noRecordsToChoose: return "Her er intet at vælge endnu."
        case .chooseARecord: return "Vælg først en oplysning med Tab."
        case .deleteRecordQuestion(let subject): return "Slet \(subject)?"
        case .recordTeam(let name): return "\(name)s plads i teamet"
        case .recordConsent(let label): return "samtykket \u{201E}\(label)\u{201C}"
        case .recordResource(let area): return "det, der står under \u{201E}\(area)\u{201C}"
        case .recordVision: return "ønsker og visioner (familie, arbejde, bolig og det øvrige)"
        case .recordAssessment(let date, let scores):
            return scores == 1 ? "vurderingen den \(date) og dens score" : "vurderingen den \(date) og dens \(scores) scorer"
        case .recordOutcome(let kind, let date): return "resultatet \u{201E}\(kind)\u{201C} den \(date)"
        case .recordPlacement(let company, let from): return "forløbet hos \(company) fra \(from)"
        case .recordStory(let title): return "forandringsfortællingen \u{201E}\(title)\u{201C}"
        case .recordProgress(let date): return "statusnoten den \(date)"
        case .recordPlan(let goal, let milestones):
            switch milestones {
            case 0: return "planen \u{201E}\(goal)\u{201C}"
            case 1: return "planen \u{201E}\(goal)\u{201C} og dens milepæl med statusnoter"
            default: return "planen \u{201E}\(goal)\u{201C} og dens \(milestones) milepæle med statusnoter"
            }
        case .menuNewPlan: return "Ny plan"
        case .plansBefore(let count): return count == 1 ? "1 plan før denne:" : "\(count) planer før denne:"
        case .planOverHint: return "Planen er slut: P (new-plan) begynder den næste."
        case .planStillRunning(let goal):
            return "Planen \u{201E}\(goal)\u{201C} kører stadig: afslut den eller markér den fuldført først (Tab hen til den, e)."
        // MARK: Households
        case .keyHousehold: return "husstand"
        case .keyHouseholdHelp: return "borgerens husstand: hvert medlems plan, milepæle og næste møde"
        case .keyAddMember: return "tilføj medlem"
        case .keyAddMemberHelp: return "tilføj et medlem: først kendte borgere, søgt mens du skriver, ellers en ny borger"
        case .keyEditRelation: return "relation"
        case .keyEditRelationHelp: return "ret det valgte medlems plads i husstanden"
        case .keyRemoveMember: return "tag ud"
        case .keyRemoveMemberHelp: return "tag det valgte medlem ud af husstanden (plan og møder bliver)"
        case .keyHouseholdMeeting: return "familiemøde"
        case .keyHouseholdMeetingHelp: return "et møde med husstanden: det står i historikken hos hvert medlem, der var med"
        case .keyChooseMember: return "vælg"
        case .keyChooseMemberHelp: return "tilføj den valgte borger, eller opret den nye"
        case .householdTitle(let name, let members):
            return "Husstanden \u{201E}\(name)\u{201C}: " + counted(members, "medlem", "medlemmer")
        case .householdRelation(let relation):
            switch relation {
            case .parent: return "forælder"
            case .child: return "barn"
            case .partner: return "partner"
            case .other: return "anden"
            }
        case .householdNoRelation: return "relation ikke angivet"
        case .householdNoPlan: return "Ingen plan endnu"
        case .householdMilestones(let achieved, let total): return "\(achieved) af \(total) milepæle nået"
        case .householdNextMeeting(let when): return "Næste møde \(when)"
        case .householdNoNextMeeting: return "Intet næste møde aftalt"
        case .memberSearchPrompt: return "Tilføj til husstanden: "
        case .memberSearchTitle: return "Kendte borgere først"
        case .memberSearchNew(let name): return "Ny borger \u{201E}\(name)\u{201C}"
        case .memberSearchTypeName: return "Ny borger (skriv navnet)"
        case .memberSearchNoHits: return "Ingen borger fundet: Enter opretter en ny"
        case .formNewHousehold(let name): return "Ny husstand for \(name)"
        case .formHouseholdMember(let name): return "\(name) i husstanden"
        case .formNewHouseholdMember: return "Ny borger i husstanden"
        case .labelRelation: return "Relation"
        case .removeMemberQuestion(let name, let household):
            return "Tag \(name) ud af husstanden \u{201E}\(household)\u{201C}? Plan og møder bliver."
        case .memberRemoved(let name): return "\(name) er ikke længere med i husstanden."
        case .meetingWithHousehold: return "med husstanden"
        // MARK: Activities
        case .keyActivities: return "aktiviteter"
        case .keyActivitiesHelp: return "Gruppeaktiviteter efter dato, deltagere og fremmøde"
        case .keyNewActivity: return "ny aktivitet"
        case .keyNewActivityHelp: return "Opret en gruppeaktivitet"
        case .activitiesTitle: return "Aktiviteter"
        case .activitiesEmpty: return "Ingen aktiviteter endnu. a opretter en."
        case .activitySignedUp(let count): return "\(count) tilmeldt"
        case .activityCame(let came, let total): return "\(came) af \(total) kom"
        case .formNewActivity: return "Ny aktivitet"
        case .formEditActivity(let title): return "Aktivitet: \(title)"
        case .labelStartTime: return "Starter kl."
        case .labelRuns(let name): return "Leder: \(name)"
        case .activityRunBy: return "Holdes af"
        case .activityParticipants: return "Deltagere"
        case .activityNoParticipants: return "Ingen deltagere endnu. a tilføjer en ved navn."
        case .participantCame: return "kom"
        case .participantSignedUp: return "tilmeldt"
        case .participantDidNotCome: return "kom ikke"
        case .keyAddParticipant: return "tilføj deltager"
        case .keyAddParticipantHelp: return "Søg en borger ved navn, mens du skriver, og tilføj"
        case .keyMarkCame: return "kom"
        case .keyMarkCameHelp: return "Markér at deltageren kom, eller ikke kom"
        case .keyRemoveParticipant: return "fjern"
        case .keyRemoveParticipantHelp: return "Tag deltageren af aktiviteten (spørger først)"
        case .participantSearchPrompt: return "Tilføj deltager: "
        case .participantSearchHint: return "skriv et navn; \u{2191}\u{2193} vælg, Enter tilføjer, Esc lukker"
        case .participantSearchNone(let query): return "Ingen borger fundet for \u{201E}\(query)\u{201C}."
        case .participantAdded(let name): return "\(name) er tilføjet."
        case .participantRemoved(let name): return "\(name) er taget af aktiviteten."
        case .participantMarkedCame(let name): return "\(name) kom."
        case .participantMarkedNotCome(let name): return "\(name) kom ikke."
        case .removeParticipantQuestion(let name, let activity):
            return "Tag \(name) af \u{201E}\(activity)\u{201C}? Om borgeren kom, forsvinder med."
        case .fieldActivities: return "Aktiviteter"
        // MARK: Many at once: tagging citizens, and handing over, printing and exporting the tagged
        case .keyTag: return "markér"
        case .keyTagged(let count): return "\(count) markeret"
        case .keyTagHelp: return "Markér den valgte borger (eller fjern markeringen), og gå til næste række"
        case .keyTagFound: return "markér fundne"
        case .keyTagFoundHelp: return "Markér alle borgere, søgningen fandt"
        case .keyUntagAll: return "fjern markering"
        case .keyUntagAllHelp: return "Fjern markeringen af alle markerede borgere"
        case .keyHandover: return "overdrag"
        case .keyHandoverHelp: return "Overdrag de markerede (eller den valgte) borgere til en anden fagperson"
        case .keyExport: return "eksportér"
        case .keyExportHelp: return "Eksportér de markerede (eller den valgte) borgere til én fil"
        case .keyPrintTaggedHelp: return "Udskriv de markerede borgeres handleplaner (PDF- eller tekstfiler)"
        case .paneTagged(let count): return "\(count) markeret"
        case .rowTagged(let name, let count): return "Markerede \(name) (\(count) markeret)."
        case .rowUntagged(let name, let count): return "Fjernede markeringen af \(name) (\(count) markeret)."
        case .tagNeedsSearch: return "Søg først (/): + markerer alle borgere, søgningen fandt."
        case .taggedFound(let query, let found, let added, let count):
            let citizens = found == 1 ? "1 borger" : "\(found) borgere"
            return "Markerede \(added) af de \(citizens), som \u{201E}\(query)\u{201C} fandt (\(count) markeret)."
        case .nothingTagged: return "Ingen er markeret."
        case .untaggedAll(let count): return count == 1 ? "Fjernede markeringen af 1 borger." : "Fjernede markeringen af \(count) borgere."
        case .namesAndMore(let names, let more):
            if more > 0 { return names.joined(separator: ", ") + " og \(more) til" }
            guard names.count > 1, let last = names.last else { return names.first ?? "" }
            return names.dropLast().joined(separator: ", ") + " og " + last
        case .formPrintPlans(let count, let names):
            return count == 1 ? "Udskriv handleplanen for 1 borger: \(names)" : "Udskriv handleplanerne for \(count) borgere: \(names)"
        case .fieldPrintFormat: return "Som"
        case .fieldPrintFolder: return "I mappen"
        case .printFormatPDF: return "PDF-filer (til printeren, når lp er sat op)"
        case .printFormatText: return "tekstfiler"
        case .printTaggedQuestion(let count, let names, let text, let folder):
            let files = text ? "tekstfiler" : "PDF-filer"
            return count == 1 ? "Udskriv handleplanen for 1 markeret borger som \(text ? "tekstfil" : "PDF-fil") i \(folder) (\(names))?"
                : "Udskriv handleplanerne for \(count) markerede borgere som \(files) i \(folder) (\(names))?"
        case .exportTaggedQuestion(let count, let names):
            return count == 1 ? "Eksportér 1 markeret borger (\(names)) til én fil?"
                : "Eksportér \(count) markerede borgere (\(names)) til én fil?"
        case .plansPrinted(let count, let total, let folder, let sent):
            var text = count == total ? (count == 1 ? "Udskrev 1 handleplan i \(folder)." : "Udskrev \(count) handleplaner i \(folder).")
                : "Udskrev \(count) af \(total) handleplaner i \(folder)."
            if let sent { text += sent == count ? " Alle gik til printeren." : " \(sent) gik til printeren." }
            return text
        case .notPrintedBecause(let name, let reason): return "Ikke \(name): \(reason)."
        case .citizensExported(let count, let path):
            return count == 1 ? "Eksporterede 1 borger til \(path)." : "Eksporterede \(count) borgere til \(path)."
        case .exportNotWritten(let detail): return "Eksporten kunne ikke skrives: \(detail)"
        case .formHandover(let count, let names):
            return count == 1 ? "Overdrag 1 borger: \(names)" : "Overdrag \(count) borgere: \(names)"
        case .fieldHandoverFrom: return "Fra"
        case .fieldHandoverTo: return "Til"
        case .fieldHandoverReason: return "Begrundelse"
        case .errorHandoverSameProfessional: return "er den fagperson, der overdrager; vælg en anden"
        case .handoverQuestion(let count, let names, let from, let to):
            let citizens = count == 1 ? "1 borger" : "\(count) borgere"
            return "Overdrag \(citizens) fra \(from) til \(to) (\(names))?"
        case .handedOver(let count, let from, let to):
            let citizens = count == 1 ? "1 borger" : "\(count) borgere"
            return "Overdrog \(citizens) fra \(from) til \(to)."
        case .handoverAdministratorsOnly:
            return "Kun en administrator må overdrage borgere til en anden fagperson; bed din administrator om det."
        case .handoverNotOnTeam(let name): return "\(name) er ikke i den fagpersons team; intet blev overdraget."
        case .handoverNoCommonProfessional(let count):
            return count == 1 ? "Borgeren har ingen fagperson i sit team at overdrage fra."
                : "Ingen fagperson er i teamet hos alle \(count) markerede borgere; markér én fagpersons borgere."

        // MARK: Strict import and clear messages
        case .importFileIsFolder(let path):
            return "\(path) er en mappe, ikke et dokument; angiv den JSON-fil, der skal importeres"
        case .importFileMissing(let path): return "der er ingen fil \(path) at importere; kontrollér navnet"
        case .optionNeedsPath(let option): return "tilvalget \(option) skal have en sti (det fik en tom)"

        // MARK: Live screens
        case .liveChangedWhileEditing(let name, let time):
            return "Ændret af \(name) kl. \(time), mens du skriver; når du gemmer, bliver du spurgt"
        case .liveDeletedWhileEditing(let name, let time):
            if let name, let time { return "Slettet af \(name) kl. \(time), mens du skriver; det kan ikke længere gemmes (Esc lukker formularen)" }
            return "Slettet et andet sted, mens du skriver; det kan ikke længere gemmes (Esc lukker formularen)"
        case .liveShownRecordDeleted(let name, let time):
            if let name, let time { return "Det, du så på, blev slettet af \(name) kl. \(time)." }
            return "Det, du så på, blev slettet et andet sted."
        case .liveShownCitizenHidden:
            return "Borgeren, du så på, deles ikke længere med dig (et samtykke er trukket tilbage eller udløbet)."
        case .liveConflictTitle(let title): return "Ændret, mens du skriver: \(title)"
        case .liveConflictIntro(let name, let time):
            return "\(name) gemte dette kl. \(time), efter at du åbnede formularen. Vælg for hvert felt, hvilken værdi du beholder; Enter går tilbage til formularen på deres udgave, og intet gemmes, før du gemmer den."
        case .liveConflictYours: return "Din udgave"
        case .liveConflictBackToForm: return "Tilbage i din formular, som du forlod den; når du gemmer, bliver du spurgt igen."
        // MARK: Trustworthy backup and check, read-only commands
        case .databaseFile(let path, let problem):
            switch problem {
            case .missing:
                return "der er ingen database i \(path). Tjek --db, eller opret en med 'trinvis demo --db \(path)' eller ved at starte 'trinvis'."
            case .directory:
                return "\(path) er en mappe, ikke en databasefil. Angiv stien til selve databasefilen med --db (for eksempel \(path)/trinvis.sqlite)."
            case .readOnlyMedium:
                return "\(path) ligger på et skrivebeskyttet medie: Trinvis kan læse den dér ('trinvis check', 'report', 'calendar' og 'audit' virker), men ikke ændre den. Montér mediet skrivbart, eller kopiér databasen til et sted, hvor der kan skrives; filen er ikke beskadiget."
            case .diskFull:
                return "disken med \(path) er fuld, så SQLite kan ikke åbne eller skrive den. Frigør plads på disken, og prøv igen; databasen er ikke beskadiget af det, så gendan ikke en sikkerhedskopi oven i den."
            case .empty:
                return "\(path) er tom: der er endnu ingen database i den. Tjek --db; 'trinvis' eller 'trinvis import' opretter en ny database dér."
            case .notSQLite:
                return "\(path) er slet ikke en databasefil (den begynder ikke som SQLite-filer gør). Tjek, at --db peger på din Trinvis-database; Trinvis ændrer intet i filen."
            case .foreign(let tables):
                let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
                return "\(path) er et andet programs SQLite-database (tabeller: \(shown)), ikke Trinvis'. Tjek --db; Trinvis tilføjer intet til filen."
            case .needsMigration(let missing):
                return "\(path) er skrevet af en ældre Trinvis: \(missing.count) trin af skemaet mangler endnu, og denne kommando læser kun, så den ændrer intet. Start 'trinvis --db \(path)' én gang (så bliver databasen opdateret), og prøv igen."
            case .unfinishedBackup:
                return "\(path) er den midlertidige fil fra en 'trinvis backup', der ikke blev færdig; den er ingen sikkerhedskopi. Slet den, og kør 'trinvis backup' igen."
            case .unreadable(let reason):
                return "\(path) kan ikke læses (\(reason)). Tjek stien og rettighederne; selve filen kan godt være i orden."
            }
        case .checkNewer(let path, let steps):
            return "\(path) er skrevet af en nyere version af Trinvis (skematrin, denne version ikke kender: \(steps.joined(separator: ", "))). Opdatér Trinvis for at kontrollere eller åbne den; filen er ikke beskadiget, så gendan ikke en sikkerhedskopi oven i den."
        case .checkNote(let note):
            switch note {
            case .readOnlyMedium:
                return "  bemærk: filen ligger på et skrivebeskyttet medie: den kan læses (check, report, calendar, audit), ikke ændres; eksport og udskrift afvises dér, fordi de skal logges."
            case .diskFull:
                return "  bemærk: disken er fuld: intet kan gemmes, før du frigør plads på den."
            case .olderSchema(let steps):
                return "  bemærk: skrevet af en ældre Trinvis; \(steps) skematrin bliver udført, næste gang den åbnes for ændringer ('trinvis')."
            }
        case .readOnlyNeedsLog(let path):
            return "\(path) kan ikke skrives (et skrivebeskyttet medie), og det, der forlader Trinvis, skrives først i adgangsloggen, så intet blev eksporteret eller udskrevet. Montér mediet skrivbart, eller kopiér databasen til et sted, hvor der kan skrives; 'trinvis report', 'calendar' og 'audit' virker på et skrivebeskyttet medie."
        case .backupRefusedDamaged(let path, let problems):
            return "databasen er beskadiget, så der blev ikke skrevet nogen sikkerhedskopi til \(path): en kopi ville bære skaden med sig. Lad databasefilen være, som den er; 'trinvis check' fortæller mere, og 'trinvis backup --force \(path)' gemmer alligevel en sådan kopi for at redde det, der kan læses.\n"
                + problems.prefix(10).map { "  " + $0 }.joined(separator: "\n")
        case .backupWrittenDamaged(let path, let problems):
            return "Skrev en kopi af den BESKADIGEDE database til \(path) (--force). Den er ingen sund sikkerhedskopi: \(problems.count) problem\(problems.count == 1 ? "" : "er") fulgte med.\n"
                + problems.prefix(10).map { "  " + $0 }.joined(separator: "\n")
        case .outputDiskFull(let path):
            return "disken er fuld: \(path) blev ikke skrevet, og intet halvt skrevet blev efterladt. Frigør plads, og prøv igen."
        case .standardOutputFull:
            return "disken er fuld: uddata kunne ikke skrives helt. Frigør plads, og prøv igen."

        // MARK: Sync import and conflicts
        case .syncImported(let from, let sequence, let inserted, let updated, let deleted, let erased, let conflicts):
            var text = "Fil \(sequence) fra \(from) er anvendt: \(inserted) poster tilføjet, \(updated) ændret, \(deleted) slettet"
            if erased > 0 { text += ", \(erased) borgere, der ikke længere deles, slettet" }
            text += conflicts == 0 ? "." : "; \(conflicts) felter blev ændret begge steder: begge udgaver er gemt, åbn konflikterne (K) for at vælge."
            return text
        case .syncAlreadyApplied(let from, let sequence): return "Fil \(sequence) fra \(from) var allerede anvendt; intet blev ændret."
        case .syncFileIsFolder(let path): return "\(path) er en mappe, ikke en synkroniseringsfil; angiv den fil, der skal anvendes"
        case .syncFileMissing(let path): return "der er ingen fil \(path) at anvende; kontrollér navnet"
        case .syncNotASyncFile: return "Det er ikke en Trinvis-synkroniseringsfil; intet blev ændret."
        case .syncDamaged: return "Synkroniseringsfilen er afkortet eller beskadiget; intet blev ændret. Bed om at få den sendt igen."
        case .syncMeantForAnotherInstallation(let organisation):
            return "Synkroniseringsfilen er til en anden installation (\(organisation)); intet blev ændret."
        case .syncOutOfOrder(let missing):
            return "Synkroniseringsfilen kommer i forkert rækkefølge: fil \(missing) mangler. Anvend den først; intet blev ændret."
        case .conflictRemoteCannotBeTaken:
            return "Den anden udgave kan ikke sættes ind (posten findes ikke her eller ville støde sammen med en anden); behold denne, eller skriv den ind i hånden."
        case .conflictAlreadyResolved: return "Denne konflikt er allerede afgjort."
        case .conflictsTitle(let count): return "Synkroniseringskonflikter (\(count) åbne)"
        case .conflictsNone: return "Ingen åbne konflikter: alt, hvad der kom, kunne anvendes."
        case .conflictHere: return "Her"
        case .conflictThere: return "Fra det andet sted"
        case .conflictDeletedThere: return "(slettet dér)"
        case .conflictGoneHere: return "(slettet her)"
        case .conflictFrom(let by): return "ændret af \(by)"
        case .conflictResolvedLocal: return "Beholdt udgaven her."
        case .conflictResolvedRemote: return "Tog udgaven fra det andet sted."
        case .conflictsInCitizenView(let count):
            return count == 1 ? "1 felt har en åben synkroniseringskonflikt: K viser begge udgaver."
                : "\(count) felter har åbne synkroniseringskonflikter: K viser begge udgaver."
        case .commandConflicts: return "Synkroniseringskonflikter: begge udgaver side om side"
        case .commandConflictKeepLocal: return "Behold udgaven her"
        case .commandConflictTakeRemote: return "Tag udgaven fra det andet sted"
        case .keyConflicts: return "konflikter"
        case .keyConflictKeepLocal: return "behold her"
        case .keyConflictTakeRemote: return "tag deres"
        case .conflictKeepLocalQuestion(let kind, let field):
            return "Behold feltet \(field) på posten (\(kind)), som det er her?"
        case .conflictTakeRemoteQuestion(let kind, let field):
            return "Tag feltet \(field) på posten (\(kind)) fra det andet sted?"
        case .conflictTakeDeletionQuestion(let kind):
            return "Slet posten (\(kind)) her også, som det andet sted?"
        case .conflictWholeRecord: return "hele posten"
        case .conflictChangedHere: return "(ændret her; beholdt, som den er)"
        case .conflictRecordKind(let kind): return Self.danishRecordKinds[kind] ?? kind
        case .conflictColumn(let column): return Self.danishColumns[column] ?? column.replacingOccurrences(of: "_", with: " ")
        // MARK: Waiting for the write lock (no lock errors in ordinary use)
        case .lockHolder(let holder):
            guard let holder else { return "en anden brugers ændring" }
            let work: String
            switch holder.work {
            case .importing: work = "en import"
            case .syncing: work = "en synkronisering"
            case .saving: work = "en ændring"
            }
            if holder.isSameAccount { return work + " i et andet af dine vinduer" }
            return holder.account.map { "\(work) af \($0)" } ?? (holder.work == .saving ? "en anden brugers ændring" : work)
        case .waitingToSave(let holder):
            return "Venter på, at \(danish(.lockHolder(holder))) bliver færdig; så gemmes din formular (teksten er bevaret)."
        case .gaveUpWaiting(let holder, let seconds):
            return "Ikke gemt: databasen var optaget i \(seconds) s af \(danish(.lockHolder(holder))). "
                + "Din tekst er bevaret; tryk F2 for at prøve igen."
        case .waitingForWriteLock(let holder):
            return "Venter på, at \(danish(.lockHolder(holder))) bliver færdig\u{2026}"
        }
    }

    static func danish(databaseAdvice error: DatabaseError) -> String {
        if error.isBusy { return "databasen var optaget i 30 sekunder i et andet Trinvis-vindue eller program; prøv igen, når det er færdigt" }
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
        case .administratorsOnly: return "kun en administrator må gøre dette"
        }
    }

    static func danish(validation error: ValidationError) -> String {
        "\(error.field): " + danish(problem: error.problem)
    }

    /// What is wrong with a value, without the field's name (shown beside the field).
    static func danish(problem: ValidationProblem) -> String {
        switch problem {
        case .required: return "skal udfyldes"
        case .tooLong(let maximum): return "længere end \(maximum) tegn"
        case .invalidCPR(.notTenDigits): return "et CPR-nummer har ti cifre (DDMMÅÅ-XXXX)"
        case .invalidCPR(.notADate): return "de første seks cifre skal være en dato (DDMMÅÅ)"
        case .cprDoesNotMatchBirthDate: return "passer ikke med fødselsdatoen"
        case .cprNotHeld: return "borgerens organisation må ikke have CPR-numre; lad feltet stå tomt"
        case .notInHousehold: return "hører ikke til borgerens husstand"
        case .before(let other, let date): return "ligger før \(other) (\(Localizer(.danish).date(date)))"
        case .outOfRange(let range): return "skal være mellem \(range.lowerBound) og \(range.upperBound)"
        case .invalidEmail: return "ikke en e-mailadresse"
        case .unknownValue(let allowed): return "skal være en af \(allowed.joined(separator: ", "))"
        }
    }
}

// MARK: The right-of-access letter

extension Catalog {
    /// A category of information, as the citizen would name it (lower case).
    static func danish(accessCategory category: DataCategory) -> String {
        switch category {
        case .contact: return "dine kontaktoplysninger"
        case .plan: return "din plan"
        case .meetings: return "dine møder"
        case .profile: return "din profil"
        case .results: return "dine resultater"
        }
    }

    /// What a change was about, with its article.
    static func danish(accessSubject subject: AccessLetter.Subject) -> String {
        switch subject {
        case .contact: return "dit navn og dine kontaktoplysninger"
        case .team: return "en fagperson i dit team"
        case .consent: return "et samtykke"
        case .resource: return "en note om dine ressourcer"
        case .vision: return "en note om dine ønsker"
        case .plan: return "din plan"
        case .milestone: return "et delmål i din plan"
        case .progressNote: return "en note om et delmål"
        case .meeting: return "et møde"
        case .agreement: return "en aftale"
        case .assessment: return "en vurdering af, hvordan det går"
        case .outcome: return "et resultat"
        case .placement: return "en praktik eller et job"
        case .story: return "en fortælling om, hvad der har ændret sig"
        case .responsibility: return "hvem der er ansvarlig for dig"
        case .link: return "en kobling mellem to registreringer"
        }
    }

    /// "6 måneder", "5 år", "90 dage".
    static func danish(duration days: Int) -> String {
        switch Catalog.duration(days) {
        case .years(let count): return "\(count) år"
        case .months(let count): return counted(count, "måned", "måneder")
        case .days(let count): return counted(count, "dag", "dage")
        }
    }

    /// "slettede samtalen den 12.11.2026 og dens 2 aftaler".
    /// The record kinds (`Record.kindName`) in Danish.
    static let danishRecordKinds: [String: String] = [
        "organisation": "organisation", "professional": "medarbejder", "household": "husstand", "activity": "aktivitet",
        "citizen": "borger", "team member": "teammedlem", "consent": "samtykke", "resource": "ressource", "vision": "vision",
        "plan": "plan", "milestone": "milepæl", "progress note": "statusnote", "meeting": "møde", "agreement": "aftale",
        "assessment": "vurdering", "outcome": "resultat", "placement": "virksomhedsforløb", "change story": "forandringsfortælling",
    ]

    static func danish(change summary: ChangeSummary) -> String {
        let subject = danish(changeSubject: summary.subject)
        var parts = ""
        if let kind = summary.parts {
            let one: String, many: String
            switch kind {
            case .agreements: (one, many) = ("aftale", "aftaler")
            case .progressNotes: (one, many) = ("statusnote", "statusnoter")
            case .milestones: (one, many) = ("milepæl", "milepæle")
            }
            parts = summary.partCount == 1 ? " og dens \(one)" : " og dens \(summary.partCount) \(many)"
        }
        switch summary.action {
        case .added: return "tilføjede \(subject)\(parts)"
        case .changed: return "ændrede \(subject)"
        case .deleted: return "slettede \(subject)\(parts)"
        case .markedDone: return "markerede \(subject) som udført"
        case .markedOpen: return "åbnede \(subject) igen"
        case .achieved: return "markerede \(subject) som nået"
        case .reopened: return "markerede \(subject) som ikke nået"
        case .archived: return "arkiverede \(subject)"
        case .unarchived: return "tog \(subject) tilbage på borgerlisten"
        }
    }

    /// "samtalen den 12.11.2026", "aftalen „Ring til udlejeren“".
    static func danish(changeSubject subject: ChangeSummary.Subject) -> String {
        let say = Localizer(.danish)
        switch subject {
        case .citizen(let name), .professional(let name): return name
        case .plan(let goal): return "planen \u{201E}\(goal)\u{201C}"
        case .milestone(let title): return "milepælen \u{201E}\(title)\u{201C}"
        case .progressNote(let date): return "statusnoten den \(say.date(date))"
        case .meeting(let date): return "samtalen den \(say.date(date))"
        case .agreement(let text): return "aftalen \u{201E}\(text)\u{201C}"
        case .teamMember: return "et teammedlem"
        case .teams(let citizens): return "teamene om \(citizens) borgere"
        case .consent: return "et samtykke"
        case .resources: return "ressourceprofilen"
        case .vision: return "ønsker og visioner"
        case .assessment(let date): return "vurderingen den \(say.date(date))"
        case .outcome(let date): return "resultatet den \(say.date(date))"
        case .placement: return "et forløb i en virksomhed"
        case .story(let title): return "forandringsfortællingen \u{201E}\(title)\u{201C}"
        case .household(let name): return "husstanden \u{201E}\(name)\u{201C}"
        case .activity(let title): return "aktiviteten \u{201E}\(title)\u{201C}"
        case .organisation(let name): return "organisationen \u{201E}\(name)\u{201C}"
        case .records: return "oplysningerne"
        }
    }

    /// The fields a sync conflict names, by column, in Danish.
    static let danishColumns: [String: String] = [
        "name": "navn", "kind": "art", "holds_cpr": "må have CPR", "trade": "branche", "contact_person": "kontaktperson",
        "phone": "telefon", "email": "e-mail", "notes": "noter", "note": "note", "role": "rolle", "organisation_id": "organisation",
        "title": "titel", "date": "dato", "start_time": "starttid", "place": "sted", "cpr": "CPR-nummer",
        "birth_date": "fødselsdato", "contact_preference": "kontaktform", "household_id": "husstand",
        "life": "hele mennesket", "registered_on": "registreret", "meeting_interval_days": "dage mellem samtaler",
        "archived_on": "arkiveret", "household_relation": "relation i husstanden", "responsible": "ansvarlig",
        "professional_id": "medarbejder", "from_date": "fra", "to_date": "til", "scope": "omfang", "recipient_id": "modtager",
        "information": "oplysninger", "purpose": "formål", "given_on": "givet", "expires_on": "udløber",
        "withdrawn_on": "trukket tilbage", "categories": "kategorier", "area": "område", "text": "tekst", "updated_on": "opdateret",
        "family": "familie", "work": "arbejde", "housing": "bolig", "other": "andet", "goal": "mål", "effort": "indsats",
        "start_date": "start", "end_date": "slut", "status": "status", "deadline": "frist", "stepping_stone": "trædesten",
        "achieved_on": "nået", "author_id": "forfatter", "at_utc": "tidspunkt", "attendance": "fremmøde",
        "next_utc": "næste samtale", "responsible_id": "ansvarlig", "due": "frist", "done_on": "udført", "result": "resultat",
        "company_id": "virksomhed", "score": "score", "dimension": "dimension",
    ]
}
