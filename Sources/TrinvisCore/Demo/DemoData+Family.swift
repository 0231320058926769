extension DemoData {
    /// Ulla's family, worked with as a whole (as in the families project "Opgang til opgang"):
    /// her partner and her eldest daughter are citizens with plans of their own, and a meeting
    /// at home with the family shows in each one's history. They are new in the course: no
    /// assessments yet, so the results of the report are those of the stories.
    static let family: [Person] = [viggo, vilma]

    static let viggo = Person(
        name: "Viggo Holt", born: "1994-09-17", phone: "+45 27 12 34 56", organisation: "jobcenter",
        responsible: "inger", team: ["henrik"],
        life: """
            Ullas kæreste, 32 år. Bor i huset på landet med Ulla og hendes tre børn. To år på kontanthjælp \
            efter en fyring fra et lager. Kører gerne bil og hjælper naboerne med at reparere maskiner.
            """,
        startedDaysAgo: 70, goal: "Truckcertifikat og fast job på et lager i Ringe",
        purpose: "Selvforsørgelse, så familien får en fast indtægt",
        effort: "Samtaler hver 14. dag, truckkursus, praktik på lager med jobkonsulent",
        steps: [
            Step(title: "Tilmeldt truckkursus", day: 14, steppingStone: true, status: .achieved, achievedDay: 12),
            Step(title: "Truckcertifikat bestået", day: 56, status: .achieved, achievedDay: 55),
            Step(title: "Praktik på lager i Ringe", day: 90, status: .inProgress,
                 progress: [(62, "Henrik har talt med to lagre")]),
        ],
        talks: [
            Talk(day: 0, notes: "Første samtale. Viggo vil gerne tjene sine egne penge.\nTalte om truckkort.",
                 agreements: [("Viggo tilmelder sig truckkurset", "citizen", 10, true)]),
            Talk(day: 28, with: ["henrik"], notes: "Kurset er i gang. Henrik spørger lagrene om praktik.",
                 agreements: [("Henrik ringer til to lagre", "henrik", 14, true)]),
            Talk(day: 56, notes: "Certifikatet er bestået. Viggo er stolt.",
                 agreements: [("Viggo besøger lageret i Ringe", "citizen", 14, false)]),
        ],
        household: "Brandt", relation: .partner)

    static let vilma = Person(
        name: "Vilma Brandt", born: "2009-04-02", email: "vilma.b@example.org", preference: .email,
        organisation: "jobcenter", responsible: "inger",
        life: """
            Ullas ældste datter, 17 år. Går i 10. klasse og passer ofte sine små søskende om morgenen. \
            Kan godt lide dyr og vil gerne arbejde med heste.
            """,
        startedDaysAgo: 45, goal: "Gennemføre 10. klasse og starte på landbrugsskolen",
        purpose: "En uddannelse efter folkeskolen",
        effort: "Samtaler med familien, aftale om morgenerne, besøg på landbrugsskolen",
        steps: [
            Step(title: "Møde i skole til tiden tre uger i træk", day: 21, steppingStone: true, status: .achieved, achievedDay: 21),
            Step(title: "Besøge landbrugsskolen", day: 50, status: .planned),
            Step(title: "Ansøgning til landbrugsskolen sendt", day: 120),
        ],
        talks: [
            Talk(day: 0, place: "Hjemme hos familien Brandt", notes: "Vilma fortalte om skolen og om hestene hos naboen.",
                 agreements: [("Vilma skriver ned, hvad der gør morgenerne svære", "citizen", 7, true)]),
            Talk(day: 35, kind: .homeVisit, place: "Hjemme hos familien Brandt", family: ["Ulla Brandt", "Viggo Holt"],
                 notes: """
                    Familiemøde ved køkkenbordet. Familien satte selv dagsordenen: morgenerne, Vilmas skole og \
                    Viggos praktik.
                    Viggo kører de små i børnehave, så Vilma kan nå bussen.
                    """,
                 agreements: [("Viggo kører de små i børnehave om morgenen", "citizen", 14, false),
                              ("Inger aftaler besøg på landbrugsskolen", "inger", 14, false)]),
        ],
        household: "Brandt", relation: .child)
}
