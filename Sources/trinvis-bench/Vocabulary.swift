/// The words the generated database is made of: Danish names, places, companies and the phrases
/// of meeting notes, agreements and milestones. Varied enough that the full-text index has common
/// words (`praktik`, `bolig`) and rare ones (`kolonihave`) to find.
enum Vocabulary {
    /// First names, old and new, some with æ, ø or å.
    static let firstNames = [
        "Anders", "Anne", "Asger", "Astrid", "Bent", "Birgit", "Bjørn", "Bo", "Camilla", "Christian", "Ditte",
        "Dorthe", "Ebbe", "Emil", "Emma", "Erik", "Frederik", "Freja", "Gitte", "Hanne", "Helle", "Henrik", "Ida",
        "Jan", "Jens", "Jesper", "Jonas", "Jørgen", "Karen", "Kasper", "Kirsten", "Klaus", "Kristian", "Kåre",
        "Lars", "Lene", "Line", "Lone", "Mads", "Maja", "Malene", "Marianne", "Martin", "Mathias", "Mette",
        "Michael", "Morten", "Nanna", "Niels", "Nikolaj", "Ole", "Per", "Peter", "Pia", "Rasmus", "Rikke", "Sanne",
        "Signe", "Simon", "Sofie", "Susanne", "Svend", "Søren", "Sørine", "Thomas", "Tine", "Torben", "Trine",
        "Ulla", "Vibeke", "Åge", "Åse", "Øjvind", "Østen", "Ærtebjørn",
    ]

    /// Middle names, given to about a quarter of the citizens.
    static let middleNames = [
        "Marie", "Louise", "Kristine", "Juul", "Holm", "Bang", "Lund", "Munk", "Krog", "Dahl", "Bach", "Friis",
        "Damgaard", "Kjærsgaard", "Bøgelund", "Skjødt",
    ]

    /// The common Danish last names and some rarer ones with æ, ø or å.
    static let lastNames = [
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
        "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen", "Henriksen",
        "Lund", "Schmidt", "Eriksen", "Holm", "Kristiansen", "Clausen", "Simonsen", "Svendsen", "Andreasen",
        "Iversen", "Jeppesen", "Mogensen", "Nørgaard", "Østergaard", "Bækgaard", "Skovgård", "Dalsgård", "Kjær",
        "Bøgh", "Lykke", "Brønd", "Høj", "Kragh", "Ærenlund", "Ågård", "Bech", "Frølich", "Mølgaard",
        "Søndergaard", "Krøyer", "Dræby", "Lærkesen", "Vestergård", "Ærtebjerg", "Åkjær",
    ]

    /// Towns on Funen, for job centres and companies.
    static let towns = [
        "Ringe", "Faaborg", "Svendborg", "Nyborg", "Odense", "Kerteminde", "Middelfart", "Assens", "Bogense",
        "Ærøskøbing", "Årslev", "Ørbæk", "Kværndrup", "Gislev", "Broby", "Hårby", "Tommerup", "Søndersø",
    ]

    /// Trades of the partner companies.
    static let trades = [
        "Anlægsgartneri", "Autoværksted", "Kro", "Bageri", "Tømrerfirma", "Rengøring", "Maskinfabrik",
        "Genbrugsbutik", "Plejecenter", "Lager og Logistik", "Blomster", "Cykelværksted", "Møbelpolstring",
        "Vognmandsforretning", "Dagligvarer", "Kantine",
    ]

    /// Drop-in centres.
    static let dropInCentres = [
        "Værestedet Fundamentet", "Værestedet Lyspunktet", "Værestedet Havnen", "Café Ankeret", "Værestedet Bøgen",
    ]

    /// Where a meeting takes place.
    static let places = [
        "Jobcentret", "Værestedet", "Borgerens hjem", "Telefon", "Café Ankeret", "Lægehuset", "Misbrugscentret",
        "Ydelseskontoret", "Praktikstedet",
    ]

    /// What a conversation was about.
    static let topics = [
        "boligsituationen", "økonomien og gælden", "praktikken", "søvn og træthed", "kontakten til børnene",
        "misbrugsbehandlingen", "helbredet og ryggen", "jobsøgningen", "ønsket om uddannelse", "netværket og vennerne",
        "motion og kost", "angsten i hverdagen", "forløbet på værestedet", "samarbejdet med lægen",
        "budgettet for næste måned", "medicinen", "transport til praktikstedet", "arbejdstiderne", "selvværdet",
        "forholdet til familien", "fritidsinteresser", "løntilskudsjobbet", "mentorordningen", "skolen for datteren",
    ]

    /// What the citizen told since the last meeting.
    static let events = [
        "hun har været til samtale hos lægen", "han har søgt tre stillinger siden sidst", "det går bedre med søvnen",
        "der har været et tilbagefald i weekenden", "lejligheden er blevet godkendt af boligselskabet",
        "hun var til jobsamtale hos en anlægsgartner", "han er begyndt at gå ture hver morgen",
        "gælden er blevet samlet i ét lån", "praktikken er forlænget med fire uger",
        "hun er startet på et IT-kursus på værestedet", "han har haft svært ved at komme op om morgenen",
        "mentoren roser indsatsen i praktikken", "der er kommet et brev fra Udbetaling Danmark",
        "hun har fået kontakt til sin søster igen", "han har været ædru i seks uger", "ryggen har drillet igen",
        "hun har betalt huslejen til tiden", "han har meldt sig til fodbold i den lokale klub",
        "datteren er startet i vuggestue", "der er søgt om boligstøtte", "han har været til møde i misbrugscentret",
        "hun har fået en fast kontaktperson på jobcentret", "han hjælper til i køkkenet på kroen",
        "hun har ryddet op i kolonihaven og vil gerne dyrke grøntsager", "han har fået tilbudt værkstedspraktik",
        "der er talt om førtidspension som en mulighed på sigt", "flyttekasserne er pakket",
    ]

    /// Rare words: each appears in about one note in 3,600, like a hobby or a place
    /// someone once mentioned.
    static let hobbies = [
        "akvariet", "brevduerne", "harmonikaen", "kajakken", "lystfiskeri", "motorcyklen", "origami", "papegøjen",
        "skakklubben", "trommesættet", "vinterbadning", "æbletræet", "ølbrygning", "fuglekiggeri", "keramik",
        "knallerten", "mosaik", "petanque", "rollespil", "sejlklubben", "strikning", "svampeturen", "terrariet",
        "træskærerværkstedet", "ukulele", "vævning", "bueskydning", "dykning", "kortspil", "østershøsten",
        "ålefiskeri", "frimærkesamlingen", "modeltog", "kor", "skydeklubben", "hestene",
    ]

    /// The professional's observations.
    static let reflections = [
        "Borgeren virker mere rolig end sidst.", "Borgeren var træt og havde svært ved at koncentrere sig.",
        "Vi holdt en pause midt i samtalen.", "Borgeren var glad og fortalte selv om fremskridtene.",
        "Der er brug for mere støtte til at holde styr på aftalerne.", "Samtalen foregik i en god tone.",
        "Borgeren ønsker at tage det i mindre skridt.", "Motivationen er tydeligt steget.",
        "Borgeren er bekymret for økonomien.", "Vi aftalte at tale med lægen om medicinen.",
        "Borgeren havde sin bisidder med.", "Det var første samtale uden tolk.",
        "Borgeren har selv formuleret det næste delmål.", "Vi gennemgik handleplanen sammen.",
    ]

    /// Agreements made at a meeting.
    static let agreements = [
        "Søge tre job inden næste samtale", "Ringe til boligselskabet om ventelisten",
        "Tage kontakt til lægen om ryggen", "Aflevere lønsedler til ydelseskontoret", "Møde op til praktikstart kl. 8",
        "Sende budget til rådgiveren", "Gå en tur hver dag", "Ringe til misbrugscentret og booke tid",
        "Undersøge muligheden for løntilskud", "Tale med mentoren om arbejdstiderne", "Søge om boligstøtte",
        "Tilmelde sig IT-kurset på værestedet", "Finde kørselsplan til praktikstedet", "Holde fast i sovetiderne",
        "Tage med til svømning om torsdagen", "Skrive ønsker til uddannelse ned", "Kontakte gældsrådgivningen",
        "Hente medicin på apoteket", "Invitere søsteren på kaffe", "Udfylde ansøgning om flexjob",
        "Aftale praktikmøde med virksomheden", "Tage billeder af kolonihaven til næste samtale",
    ]

    /// Plans' long-term goals.
    static let goals = [
        "Uddannet anlægsgartner og derefter fast job", "Eget job på ordinære vilkår", "Egen lejlighed og stabil økonomi",
        "Ædru og i gang med uddannelse", "Job i et køkken på fuld tid", "Flexjob med faste arbejdstider",
        "Færdiggøre kokkeuddannelsen", "Blive selvforsørgende", "Praktik og derefter løntilskud i en butik",
        "Bedre helbred og et aktivt fritidsliv", "Fast arbejde på et lager", "Stabil hverdag for familien",
    ]

    /// Milestone titles.
    static let milestones = [
        "Møde op til alle samtaler i en måned", "Søge tre job om ugen", "Starte i praktik", "Gennemføre praktikken",
        "Lave et budget", "Komme på venteliste til bolig", "Starte i misbrugsbehandling", "Gå til lægen om ryggen",
        "Tabe fem kilo", "Deltage i IT-kurset", "Skrive et CV", "Komme til jobsamtale", "Starte i løntilskud",
        "Få styr på gælden", "Tage med på værestedets tur", "Sove otte timer om natten", "Holde fast i medicinen",
        "Undersøge uddannelsesmuligheder", "Flytte i egen lejlighed", "Tale med familien om planen",
        "Søge optagelse på erhvervsskolen", "Motionere to gange om ugen",
    ]

    /// Progress notes on milestones.
    static let progress = [
        "Godt i gang, mangler at sende papirerne.", "Har været der to gange, tredje gang aflyst.",
        "Mentoren melder om fine fremskridt.", "Udsat på grund af sygdom.", "Halvvejs, fortsætter som aftalt.",
    ]

    /// Sentences of the whole-person text.
    static let lifeParts = [
        "Bor alene i en lejlighed i byen.", "Bor hos sin mor.", "Har tre børn, der bor hos deres far.",
        "Har en datter på to år.", "Har et godt forhold til en bror.", "Har ikke kontakt til familien.",
        "Går til lægen i lægehuset på torvet.", "Kommer på værestedet flere gange om ugen.",
        "Har tidligere arbejdet som mekaniker.", "Har en halv kokkeuddannelse.", "Spiller dart om tirsdagen.",
        "Har en hund, der betyder meget.", "Har boet på herberg i perioder.", "Passer en kolonihave om sommeren.",
    ]

    /// Texts of the resource profile.
    static let resourceTexts = [
        "Er god til at tage ansvar, når opgaven er tydelig.", "Har erfaring fra lager og produktion.",
        "Er interesseret i planter, motion og madlavning.", "Kommer godt ud af det med andre på en arbejdsplads.",
        "Lærer bedst ved at gøre tingene selv.", "Vil gerne arbejde udendørs.", "Har brug for faste rammer.",
        "Ser sig selv som en, der arbejder med hænderne.", "Bor stabilt, men økonomien er presset.",
        "Har et lille, men trofast netværk.", "Har ondt i ryggen efter tunge løft.",
    ]

    /// Titles of change stories.
    static let storyTitles = [
        "Fra herberg til egen lejlighed", "Første lønseddel i ti år", "Ædru og tilbage i klubben",
        "Praktikken blev til et job",
    ]

    /// Titles of group activities.
    static let activityTitles = [
        "IT-kursus for begyndere", "Gåtur ved åen", "Fællesspisning", "Tur til skoven", "Sundhedsundervisning",
        "Fodbold på græsplænen", "Madlavning med årstidens grøntsager", "Svømning i hallen",
    ]
}
