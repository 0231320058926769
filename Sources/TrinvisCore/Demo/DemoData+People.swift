extension DemoData {
    /// The citizens of the stories. Names, numbers and addresses are invented; the few CPR numbers
    /// end in 0000 and belong to no one in these records' world.
    static let people: [Person] = [per, ulla, svend, line, bent, jan, aisha, mette, kurt] + family

    static let per = Person(
        name: "Per Kristiansen", cpr: "1405910000", born: "1991-05-14", phone: "+45 20 11 22 33", organisation: "jobcenter",
        responsible: "inger", team: ["henrik"],
        life: """
            Uddannet mekaniker, arbejdede nogle år på et værksted i Ringe. Bor hos sin mor, som laver maden.
            Meget overvægtig, rosen i benene. Har haft dårlige erfaringer med kommunen, men er glad for \
            samtalerne nu. Interesseret i gamle knallerter.
            """,
        startedDaysAgo: 95, goal: "Tabe sig på et højskoleophold og derefter arbejde fuld tid på et værksted",
        purpose: "Komme tilbage på arbejdsmarkedet og blive selvforsørgende",
        effort: "Samtaler hver 14. dag, 3 måneders ophold på højskole for overvægtige, værkstedsjob bagefter",
        steps: [
            Step(title: "Undersøge højskoler for overvægtige", day: 21, steppingStone: true, status: .achieved,
                 achievedDay: 18, progress: [(10, "Har fundet tre skoler og ringet til to")]),
            Step(title: "Ansøgning om ophold sendt", day: 42, status: .achieved, achievedDay: 40),
            Step(title: "Starte på højskoleopholdet", day: 100, status: .adjusted,
                 progress: [(60, "Start flyttet, skolen havde først plads senere"), (72, "Ny startdato aftalt med skolen")]),
            Step(title: "Bygge træningscykel på højskolen", day: 110, status: .inProgress),
            Step(title: "Aftale om værkstedsjob skrevet under", day: 160),
        ],
        talks: [
            Talk(day: 0, notes: "Første samtale. Per fortalte om sit liv, værkstedet og moren.\nVi talte om hvad han selv vil.",
                 agreements: [("Per ringer til to højskoler", "citizen", 10, true)]),
            Talk(day: 14, notes: "Per har fundet tre højskoler.\nHan vil helst til Jylland, selv om han ikke kan komme hjem hver dag.",
                 agreements: [("Inger undersøger bevilling af ophold", "inger", 7, true)]),
            Talk(day: 28, notes: "Bevilling er på plads. Per skriver ansøgningen selv.",
                 agreements: [("Per sender ansøgningen", "citizen", 12, true)]),
            Talk(day: 42, with: ["henrik"], notes: "Henrik var med. Talte om værkstedsjob efter opholdet.\nPer virker motiveret.",
                 agreements: [("Henrik kontakter værkstedet i Ringe", "henrik", 14, true)]),
            Talk(day: 56, attendance: .excused, notes: "Per meldte afbud: lægebesøg for benene. Lovligt undskyldt."),
            Talk(day: 70, kind: .phone, place: "", notes: "Telefonsamtale. Skolen har først plads senere; starten er flyttet.",
                 agreements: [("Per sender lægeattest til skolen", "citizen", 7, false)]),
            Talk(day: 84, notes: "Per er startet på højskolen og er glad. Han bygger en speciel cykel.",
                 agreements: [("Per sender et billede af cyklen", "citizen", 14, false),
                              ("Inger ringer til skolen om forløbet", "inger", 10, false)]),
        ],
        resources: [("education", "Uddannet mekaniker"), ("work-experience", "Fem år på værksted"),
                    ("interests", "Gamle knallerter, motorer"), ("network", "Bor med sin mor; to gode venner fra skolen"),
                    ("health", "Svær overvægt, rosen i benene")],
        vision: ("", "Fuld tid på et værksted igen", "Egen lejlighed i Ringe", "Kunne cykle til arbejde"),
        scores: [(.qualityOfLife, 3, 6), (.selfEsteem, 3, 5), (.relationToSystem, 2, 7), (.health, 2, 4), (.workReadiness, 3, 5)],
        outcomes: [(80, .treatmentStarted, "Højskoleophold for overvægtige")],
        stories: [(90, "Per har fået tiltro til kommunen",
                   "Per havde dårlige erfaringer med sagsbehandlere. Efter tre måneder med samtaler hver 14. dag fandt han selv frem til højskoleopholdet. Han siger: \"Nu bliver jeg lyttet til.\"")])

    static let ulla = Person(
        name: "Ulla Brandt", cpr: "1203870000", born: "1987-03-12", phone: "+45 21 33 44 55", organisation: "jobcenter",
        responsible: "inger", team: ["henrik"],
        life: """
            39 år, tre børn (to teenagere og en i børnehave) og en yngre kæreste. Bor i et lejet hus langt ude \
            på landet med brændeovn. Laver det fysisk hårde arbejde selv. Ondt i ryggen, angst i rum med \
            fremmede. Sporadisk kontakt med sin mor. Har været i systemet siden hun var 11.
            """,
        startedDaysAgo: 150, lengthMonths: 7, goal: "Praktik og derefter et særligt tilrettelagt forløb hos en kunstner",
        purpose: "Bedre selvværd og første skridt mod selvforsørgelse",
        effort: "Samtaler hver 14. dag, samtaler om familiemønstre, praktik med jobkonsulent",
        steps: [
            Step(title: "Møde op til de næste tre samtaler", day: 42, steppingStone: true, status: .achieved, achievedDay: 42),
            Step(title: "Familien ud ad døren til tiden i to måneder", day: 100, status: .achieved, achievedDay: 98,
                 progress: [(60, "Går bedre; den yngste kommer i børnehave til tiden"), (98, "To måneder gennemført")]),
            Step(title: "Praktik i butik i Ringe", day: 120, status: .dropped,
                 progress: [(118, "Aflyst i fællesskab: angsten blev for stor på første dag")]),
            Step(title: "Starte hos kunstneren Gitte Bech", day: 140, status: .inProgress),
            Step(title: "Tre dage om ugen i atelieret", day: 180),
        ],
        talks: [
            Talk(day: 0, notes: "Ulla mødte op. Talte om børnene, kæresten og huset.\nAftalt samtaler hver 14. dag i stedet for hver 3. måned.",
                 agreements: [("Ulla skriver tre ting ned hun er god til", "citizen", 14, true)]),
            Talk(day: 14, notes: "Ulla havde skrevet fem ting. Vi talte om morgenerne med tre børn.",
                 agreements: [("Ulla prøver en fast morgenrutine", "citizen", 14, true)]),
            Talk(day: 28, attendance: .excused, notes: "Afbud: den yngste er syg. Lovligt undskyldt. Ringede selv."),
            Talk(day: 42, notes: "Morgenrutinen virker de fleste dage. Ulla smilede meget i dag."),
            Talk(day: 70, with: ["henrik"], notes: "Henrik var med. Ulla foreslog selv en praktik i en butik.",
                 agreements: [("Henrik aftaler praktik med butikken", "henrik", 21, true)]),
            Talk(day: 98, notes: "Praktikken er aftalt. Ulla er nervøs men vil prøve."),
            Talk(day: 120, notes: "Praktikken blev aflyst i fællesskab. Ulla fik det for skidt.\nVi talte om atelieret hos Gitte Bech i stedet.",
                 agreements: [("Inger ringer til Gitte Bech", "inger", 7, true)]),
            Talk(day: 134, kind: .homeVisit, place: "Hjemme hos Ulla", notes: "Hjemmebesøg. Ulla har besøgt atelieret og vil gerne starte.",
                 agreements: [("Ulla møder i atelieret mandag kl. 9", "citizen", 7, true)]),
            Talk(day: 148, notes: "Første uger i atelieret. Ulla maler og hjælper med rammer.",
                 agreements: [("Ulla fortæller Gitte om sin ryg", "citizen", 7, false)]),
        ],
        resources: [("social-skills", "Holder sammen på en familie med tre børn"), ("adaptability", "Har klaret mange skift"),
                    ("interests", "Tegner og maler"), ("housing-and-finances", "Lejet hus med brændeovn; stram økonomi")],
        vision: ("Ro i familien om morgenen", "Arbejde med noget kreativt", "Et hus med fjernvarme", ""),
        scores: [(.qualityOfLife, 4, 6), (.selfEsteem, 2, 6), (.relationToSystem, 2, 8), (.socialNetwork, 3, 4), (.workReadiness, 2, 4)],
        placements: [("blomster", .internship, 118, 118, .stopped), ("atelier", .other, 140, nil, .ongoing)],
        stories: [(145, "Ulla ser anderledes på kommunen",
                   "Ulla mødte tidligere kun op under trussel om at miste kontanthjælpen. Nu kommer hun til næsten hver samtale og oplever, at det hun siger, har betydning.")],
        household: "Brandt", relation: .parent)

    static let svend = Person(
        name: "Svend Madsen", cpr: "0101940000", born: "1994-01-01", phone: "+45 22 44 66 88", organisation: "jobcenter",
        responsible: "inger", team: ["birgitte", "henrik"],
        life: """
            32 år, 14 år på kontanthjælp. Alkohol fylder meget. Bor i et gammelt hus med stor have efter \
            sine forældre. Har en grunduddannelse som gartner.
            """,
        startedDaysAgo: 120, goal: "Ædru, uddannet anlægsgartner og i fast arbejde",
        purpose: "Ædruelighed og selvforsørgelse",
        effort: "Alkoholbehandling, praktik hos anlægsgartner, løntilskudsjob",
        steps: [
            Step(title: "Starte behandling på alkoholcentret", day: 21, steppingStone: true, status: .achieved, achievedDay: 18,
                 progress: [(18, "Første ugentlige samtale gennemført")]),
            Step(title: "Seks uger uden alkohol", day: 63, status: .achieved, achievedDay: 66),
            Step(title: "Praktik hos Ringe Anlægsgartneri", day: 100, status: .inProgress,
                 progress: [(95, "Første uge gik godt, mester er tilfreds")]),
            Step(title: "Løntilskudsjob aftalt", day: 150),
        ],
        talks: [
            Talk(day: 0, notes: "Svend vil gerne være ædru. Drømmer om at blive anlægsgartner.",
                 agreements: [("Svend ringer til alkoholcentret", "citizen", 3, true)]),
            Talk(day: 14, with: ["birgitte"], notes: "Birgitte fra alkoholcentret var med. Behandlingen er i gang.",
                 agreements: [("Birgitte sender plan for behandlingen", "birgitte", 7, true)]),
            Talk(day: 28, attendance: .noShow, notes: "Svend kom ikke. Ringede ikke. Inger skrev en sms."),
            Talk(day: 35, kind: .phone, place: "", notes: "Svend ringede selv. Havde haft en dårlig uge, men er tilbage i behandling."),
            Talk(day: 56, notes: "Fem uger uden alkohol. Svend er stolt.",
                 agreements: [("Henrik spørger anlægsgartneren om praktik", "henrik", 14, true)]),
            Talk(day: 84, with: ["henrik"], notes: "Praktikken starter om en uge. Talte om mødetider og arbejdstøj.",
                 agreements: [("Svend køber arbejdsstøvler", "citizen", 5, true)]),
            Talk(day: 112, notes: "Praktikken går godt. Mester vil gerne tale om løntilskud.",
                 agreements: [("Henrik aftaler møde om løntilskud", "henrik", 14, false)]),
        ],
        resources: [("education", "Grunduddannelse som gartner"), ("interests", "Haven, planter, fiskeri"),
                    ("health", "Alkoholmisbrug gennem mange år; i behandling")],
        vision: ("", "Anlægsgartner", "Blive boende i huset", "Blive ædru"),
        scores: [(.qualityOfLife, 3, 7), (.selfEsteem, 3, 6), (.relationToSystem, 3, 6), (.health, 2, 6), (.workReadiness, 2, 6)],
        outcomes: [(18, .treatmentStarted, "Ugentlig behandling på alkoholcentret")],
        placements: [("gartner", .internship, 91, 150, .ongoing)],
        consentTo: "fundamentet")

    static let line = Person(
        name: "Line Sørensen", born: "2005-08-30", email: "line.s@example.org", preference: .email,
        organisation: "jobcenter", responsible: "inger", team: ["henrik"],
        life: """
            21 år, datter på 2 år. Meget optaget af sin lille familie, giver ikke plads til sig selv. \
            Lavt selvværd. Har noget klatgæld. Vil tage en uddannelse på SU senere.
            """,
        startedDaysAgo: 80, goal: "Et ordinært job det næste år, derefter uddannelse",
        purpose: "Betale gælden og styrke selvværdet",
        effort: "Selvværdsøvelser, praktik i blomsterbutik, jobsøgning via vikarbureau",
        steps: [
            Step(title: "Rose sig selv foran spejlet hver dag i to uger", day: 14, steppingStone: true, status: .achieved, achievedDay: 14),
            Step(title: "Fire ugers praktik i blomsterbutik", day: 56, status: .achieved, achievedDay: 58),
            Step(title: "Tilmeldt vikarbureau", day: 70, status: .planned),
            Step(title: "Ansættelse på Faber A/S", day: 100),
        ],
        talks: [
            Talk(day: 0, notes: "Line vil gerne arbejde med blomster. Talte om selvværd.",
                 agreements: [("Line roser sig selv hver dag og skriver det ned", "citizen", 14, true)]),
            Talk(day: 14, kind: .email, place: "", notes: "Mail fra Line: øvelserne hjælper. Hun har skrevet 14 ting ned."),
            Talk(day: 28, notes: "Praktikken i blomsterbutikken starter på mandag.",
                 agreements: [("Line finder pasning til datteren til kl. 18", "citizen", 3, true)]),
            Talk(day: 56, kind: .email, place: "", notes: "Praktikken er slut. Arbejdstiderne passer ikke med familien.\nLine vil prøve et vikarbureau.",
                 agreements: [("Line tilmelder sig vikarbureauet", "citizen", 10, false)]),
            Talk(day: 70, notes: "Line har ikke nået at tilmelde sig bureauet. Hun vil gøre det selv i denne uge.",
                 agreements: [("Henrik sender Line kontakt til bureauet", "henrik", 3, true)]),
        ],
        resources: [("social-skills", "God til at tale med kunder"), ("work-wishes", "Arbejde med blomster eller i en butik")],
        vision: ("Mere tid til sig selv", "Ordinært job, senere uddannelse", "", "Gældfri"),
        scores: [(.qualityOfLife, 5, 6), (.selfEsteem, 2, 5), (.finances, 3, 2), (.workReadiness, 4, 6)],
        placements: [("blomster", .internship, 28, 56, .completed)])

    static let bent = Person(
        name: "Bent Ørsted", born: "2001-02-03", phone: "+45 23 55 77 99", organisation: "jobcenter",
        responsible: "henrik", team: ["inger", "mads"],
        life: """
            25 år, halv kokkeuddannelse, et par år i et restaurantkøkken og 8 måneder på en svinefarm. \
            Rygproblemer efter det hårde arbejde. Kæreste der læser i Odense, datter på 2 år i dagpleje.
            """,
        startedDaysAgo: 170, lengthMonths: 8, goal: "Fast fuldtidsjob i et køkken",
        purpose: "Selvforsørgelse uden at ryggen går i stykker",
        effort: "Praktik på Kværndrup Kro med mentor, løntilskud i 6 måneder, fastansættelse",
        steps: [
            Step(title: "Tale med lægen om ryggen", day: 14, steppingStone: true, status: .achieved, achievedDay: 10),
            Step(title: "Praktik på Kværndrup Kro", day: 45, status: .achieved, achievedDay: 44),
            Step(title: "Løntilskudsjob på kroen", day: 60, status: .achieved, achievedDay: 58),
            Step(title: "Fastansættelse på fuld tid", day: 240, status: .inProgress),
        ],
        talks: [
            Talk(day: 0, place: "Jobcenter Ryslinge", notes: "Bent vil gerne tilbage i et køkken. Ryggen er usikker.",
                 agreements: [("Bent bestiller tid hos lægen", "citizen", 7, true)]),
            Talk(day: 21, notes: "Tip om en plads på Kværndrup Kro: køkken og krostue.",
                 agreements: [("Henrik inviterer til møde med kroen", "henrik", 7, true)]),
            Talk(day: 30, place: "Kværndrup Kro", with: ["mads"], notes: "Møde med Mads fra kroen. Praktik aftalt med mentor."),
            Talk(day: 58, place: "Kværndrup Kro", with: ["mads"], notes: "Løntilskud i 6 måneder aftalt. Bent er glad."),
            Talk(day: 100, kind: .phone, place: "", notes: "Opfølgning. Ingen sygedage. Bent laver vagtplaner."),
            Talk(day: 160, place: "Kværndrup Kro", with: ["mads"], notes: "Kroen vil fastansætte Bent på fuld tid efter løntilskuddet.",
                 agreements: [("Mads sender udkast til kontrakt", "mads", 14, false)]),
        ],
        resources: [("education", "Halv kokkeuddannelse"), ("work-experience", "Restaurantkøkken, svinefarm"),
                    ("work-identity", "Ser sig selv som kok")],
        vision: ("Tid til datteren", "Kok på fuld tid", "Flytte sammen med kæresten", ""),
        scores: [(.qualityOfLife, 5, 8), (.selfEsteem, 4, 8), (.relationToSystem, 4, 8), (.workReadiness, 4, 9)],
        outcomes: [(58, .jobWageSubsidy, "Løntilskud på Kværndrup Kro"), (165, .reducedSupport, "Ingen kontanthjælp mere")],
        placements: [("kro", .internship, 30, 57, .completed), ("kro", .wageSubsidy, 58, 240, .ongoing)],
        stories: [(166, "Uundværlig på kroen",
                   "Bent startede i praktik med en usikker ryg. Efter løntilskuddet vil kroen fastansætte ham, og han har ikke været sygemeldt én dag.")])

    static let jan = Person(
        name: "Jan Bækgaard", born: "1971-10-09", phone: "+45 24 66 88 00", organisation: "fundamentet",
        responsible: "sanne", team: ["inger"],
        life: """
            Levede på gaden i flere år; kommer i Værestedet Fundamentet hver dag. God til at lytte og til at \
            holde aftaler. Har gæld. Vil gerne have kontakt med sin søn igen.
            """,
        startedDaysAgo: 200, lengthMonths: 9, interval: 7,
        goal: "Egen lejlighed, fleksjob og styr på gælden",
        purpose: "Tag over hovedet og en hverdag med arbejde",
        effort: "Social coaching, bisidder ved møder i kommunen, gældsrådgivning",
        steps: [
            Step(title: "Skrive sig op til en lejlighed", day: 14, steppingStone: true, status: .achieved, achievedDay: 9),
            Step(title: "Flytte ind i egen lejlighed", day: 90, status: .achieved, achievedDay: 85),
            Step(title: "Fleksjob visiteret", day: 150, status: .achieved, achievedDay: 140),
            Step(title: "Aftale med kreditorerne om afdrag", day: 190, status: .inProgress,
                 progress: [(170, "Gældsrådgivningen har samlet alle kreditorer på én liste")]),
            Step(title: "Skrive et brev til sønnen", day: 120, status: .planned),
        ],
        talks: [
            Talk(day: 0, kind: .dropIn, place: "Værestedet Fundamentet", notes: "Jan vil gerne væk fra gaden. Talte over kaffen.",
                 agreements: [("Sanne hjælper med at skrive Jan op til bolig", "sanne", 7, true)]),
            Talk(day: 30, kind: .companion, place: "Jobcenter Ryslinge", with: ["inger"],
                 notes: "Sanne var bisidder ved mødet i kommunen. Jan blev taget alvorligt.",
                 agreements: [("Inger undersøger fleksjob", "inger", 30, true)]),
            Talk(day: 85, kind: .dropIn, place: "Værestedet Fundamentet", notes: "Jan har fået nøglerne til lejligheden i Valby!"),
            Talk(day: 140, kind: .companion, place: "Jobcenter Ryslinge", with: ["inger"], notes: "Fleksjob visiteret. Jan starter på et lager."),
            Talk(day: 180, kind: .dropIn, place: "Værestedet Fundamentet", notes: "Gælden fylder. Gældsrådgivningen har en plan.",
                 agreements: [("Jan tager sine breve med næste gang", "citizen", 7, false),
                              ("Sanne ringer til gældsrådgivningen", "sanne", 5, false)]),
            Talk(day: 196, kind: .dropIn, place: "Værestedet Fundamentet", notes: "Kort snak. Jan glemte brevene; de kommer på mandag."),
        ],
        resources: [("social-skills", "God til at lytte"), ("adaptability", "Har klaret sig på gaden i flere år"),
                    ("network", "Kender mange i værestedet")],
        vision: ("Kontakt med sønnen", "Et arbejde hvor han kan sidde ned en gang imellem", "Egen lejlighed", "Gældfri"),
        scores: [(.qualityOfLife, 2, 7), (.selfEsteem, 3, 6), (.relationToSystem, 1, 6), (.housing, 1, 8), (.finances, 2, 3)],
        outcomes: [(85, .ownHousing, "Lejlighed i Valby"), (140, .flexJob, "Lagerarbejde, 15 timer om ugen")],
        stories: [(150, "Fra gaden til egen lejlighed",
                   "Jan kom i værestedet hver dag. Med en social coach som bisidder blev han taget alvorligt i kommunen: \"Man bliver taget 100 procent mere seriøst, når man har en med.\"")],
        consentTo: "jobcenter")

    static let aisha = Person(
        name: "Aisha Khalil", born: "1996-06-21", phone: "+45 25 10 20 30", preference: .sms, organisation: "fundamentet",
        responsible: "sanne",
        life: "Kom til værestedet via en veninde. Bor midlertidigt hos sin søster. Taler dansk, arabisk og engelsk.",
        startedDaysAgo: 30, goal: "Egen bolig og afklaring af uddannelse",
        purpose: "Stabil bolig", effort: "Social coaching, boligsøgning, IT-kursus",
        steps: [
            Step(title: "Deltage i IT-kurset i værestedet", day: 10, steppingStone: true, status: .achieved, achievedDay: 8),
            Step(title: "Oprette boligansøgning online", day: 21, status: .planned),
            Step(title: "Møde med studievejleder", day: 45),
        ],
        talks: [
            Talk(day: 0, kind: .dropIn, place: "Værestedet Fundamentet", notes: "Første snak. Aisha vil gerne have sit eget sted at bo.",
                 agreements: [("Aisha tilmelder sig IT-kurset", "citizen", 7, true)]),
            Talk(day: 14, kind: .dropIn, place: "Værestedet Fundamentet", notes: "IT-kurset går godt. Boligansøgningen venter på papirer.",
                 agreements: [("Sanne finder ansøgningsskemaet", "sanne", 7, true),
                              ("Aisha finder sin lejekontrakt", "citizen", 10, false)]),
            Talk(day: 28, kind: .phone, place: "", attendance: .noShow, notes: "Aisha tog ikke telefonen. Sendte sms."),
        ],
        scores: [(.qualityOfLife, 4, 5), (.housing, 2, 2), (.socialNetwork, 5, 6)])

    static let mette = Person(
        name: "Mette Ågaard", born: "1980-12-24", phone: "+45 26 40 50 60", organisation: "jobcenter",
        responsible: "henrik",
        life: "Tidligere social- og sundhedshjælper. Sygemeldt med stress i et år. Bor med sin mand og to store børn.",
        startedDaysAgo: 60, goal: "Tilbage i et job på nedsat tid inden for ældreplejen",
        purpose: "Gradvis tilbagevenden til arbejdet", effort: "Virksomhedspraktik med gradvis optrapning af timer",
        steps: [
            Step(title: "Gå en tur hver dag i en uge", day: 7, steppingStone: true, status: .achieved, achievedDay: 7),
            Step(title: "Praktik 10 timer om ugen", day: 45, status: .achieved, achievedDay: 44),
            Step(title: "Praktik 20 timer om ugen", day: 90, status: .inProgress),
        ],
        talks: [
            Talk(day: 0, notes: "Mette er træt men motiveret. Talte om stress og om at starte langsomt.",
                 agreements: [("Mette går en tur hver dag", "citizen", 7, true)]),
            Talk(day: 21, notes: "Praktik i ældreplejen aftalt, 10 timer om ugen.",
                 agreements: [("Henrik sender aftalen til plejecentret", "henrik", 3, true)]),
            Talk(day: 49, notes: "10 timer går godt. Hun vil prøve 20.",
                 agreements: [("Mette taler med sin leder om flere timer", "citizen", 14, false)]),
        ],
        scores: [(.qualityOfLife, 4, 6), (.health, 3, 5), (.workReadiness, 3, 5)])

    static let kurt = Person(
        name: "Kurt Damgaard", born: "1964-04-01", organisation: "fundamentet", responsible: "sanne",
        life: "Kommer i værestedet til frokost. Bor på et herberg. Vil helst ikke tale om kommunen endnu.",
        startedDaysAgo: 10, goal: "Finde ro og tillid; senere tale om bolig",
        purpose: "Tillid gennem fælles aktiviteter", effort: "Uformelle samtaler, ture, fællesspisning",
        steps: [Step(title: "Være med på turen til Møns Klint", day: 5, steppingStone: true, status: .achieved, achievedDay: 5),
                Step(title: "Tale med Sanne om bolig", day: 30)],
        talks: [Talk(day: 2, kind: .dropIn, place: "Værestedet Fundamentet", notes: "Kurt vil gerne med på turen. Vi talte om fiskeri.")])
}
