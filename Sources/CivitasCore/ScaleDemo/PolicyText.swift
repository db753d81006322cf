/// Realistic text for a scaled demo network, drawn from a fixed vocabulary of city-policy
/// language: sentences a network's practices, reports and news are written in, with place and
/// person names spelt as their languages spell them (accents included), so search meets the
/// folding, plurals and common words it meets in a real network.
public enum PolicyText {
    public static let placeNames = [
        "São Paulo", "Bogotá", "Zürich", "Kraków", "Montréal", "Malmö", "Querétaro", "Düsseldorf", "Gdańsk", "Curitiba",
        "Medellín", "Göteborg", "Besançon", "Córdoba", "Łódź", "Tromsø", "Reykjavík", "Nîmes", "Málaga", "Brașov",
        "Milwaukee", "Baltimore", "Louisville", "Tacoma", "Madison", "Burlington", "Berkeley", "Austin", "Dayton", "Fresno",
        "Leeds", "Bristol", "Glasgow", "Lyon", "Lille", "Porto", "Turin", "Ghent", "Utrecht", "Aarhus",
    ]
    /// Second words that make many distinct places from the names above ("Bogotá Norte").
    public static let placeQualifiers = ["", "Norte", "Sur", "East", "West", "Heights", "Valley", "Harbour", "Centre", "Nova", "Park", "Hills"]
    public static let countries: [(code: String, name: String)] = [
        ("US", "United States"), ("BR", "Brazil"), ("CO", "Colombia"), ("CH", "Switzerland"), ("PL", "Poland"), ("CA", "Canada"),
        ("SE", "Sweden"), ("MX", "Mexico"), ("DE", "Germany"), ("FR", "France"), ("ES", "Spain"), ("GB", "United Kingdom"),
    ]
    public static let givenNames = [
        "José", "Zoë", "Ana", "François", "Mónica", "Søren", "Chloé", "Iñaki", "Małgorzata", "Joël",
        "Maria", "James", "Aisha", "Kwame", "Priya", "Daniel", "Sarah", "Tomás", "Léa", "Björn",
        "Fatima", "Michael", "Elena", "David", "Grace", "Omar", "Lucía", "Thomas", "Noor", "Henrik",
    ]
    public static let familyNames = [
        "Müller", "García", "Øvergaard", "Nuñez", "Wiśniewska", "Lefèvre", "Şahin", "Dvořák", "Gonçalves", "Ó Briain",
        "Johnson", "Okafor", "Patel", "Kim", "Nguyen", "Rossi", "Smith", "Fernández", "Larsen", "Haddad",
        "Williams", "Brown", "Martínez", "Kowalski", "Dubois", "Jansen", "Costa", "Murphy", "Ahmed", "Silva",
    ]
    public static let topics = [
        "Housing", "Water", "Transit", "Public safety", "Immigration", "Climate", "Wages", "Food", "Health", "Education",
        "Parks", "Energy", "Digital services", "Youth", "Ageing", "Arts and culture", "Budgeting", "Homelessness", "Air quality", "Jobs",
    ]
    static let programmes = [
        "municipal ID", "community land trust", "participatory budget", "living wage ordinance", "youth apprenticeship",
        "water affordability programme", "bus rapid transit line", "tenant protection fund", "green roof grant", "night mayor office",
        "mobile health clinic", "street tree census", "free transit pass", "newcomer welcome centre", "energy retrofit loan",
        "school meal garden", "violence interruption team", "open data portal", "flood resilience plan", "small business hub",
    ]
    static let verbs = ["launched", "expanded", "piloted", "funded", "evaluated", "redesigned", "scaled up", "adapted", "co-designed", "renewed"]
    static let goals = [
        "cut waiting times", "reach more residents", "lower household costs", "reduce emissions", "keep families housed",
        "improve school attendance", "support newcomers", "make streets safer", "create local jobs", "protect tenants",
    ]
    static let groups = [
        "low-income households", "older residents", "young people", "immigrant families", "small businesses",
        "renters", "workers", "people experiencing homelessness", "neighbourhood groups", "city staff",
    ]
    static let evidence = [
        "An independent evaluation found", "Monitoring data showed", "A survey of participants reported", "City auditors confirmed",
        "A university partner measured", "The first annual report found",
    ]
    static let results = [
        "a drop of a third in evictions", "twice as many applications as expected", "savings for most participating households",
        "fewer emergency calls in the pilot area", "higher ridership on every route", "strong support from residents",
    ]
    static let lessons = [
        "Early outreach through community organisations mattered more than advertising.",
        "Data sharing agreements took longer than the launch itself.",
        "Council support across parties kept the budget through a change of mayor.",
        "Translation into the languages residents speak doubled take-up.",
        "A small team with clear authority moved faster than a committee.",
    ]

    /// A practice or resource title: "Participatory budget for young people".
    public static func title(_ random: inout SeededRandom) -> String {
        let programme = random.pick(programmes)
        return programme.prefix(1).uppercased() + programme.dropFirst() + " for " + random.pick(groups)
    }

    public static func programme(_ random: inout SeededRandom) -> String { random.pick(programmes) }

    /// One sentence about what a city did.
    public static func sentence(_ random: inout SeededRandom, place: String) -> String {
        switch random.index(4) {
        case 0: return "\(place) \(random.pick(verbs)) a \(random.pick(programmes)) to \(random.pick(goals)) for \(random.pick(groups))."
        case 1: return "\(random.pick(evidence)) \(random.pick(results)) after the \(random.pick(programmes)) began in \(place)."
        case 2: return random.pick(lessons)
        default: return "Cities that want to \(random.pick(goals)) can adapt the \(random.pick(programmes)) with partners and \(random.pick(groups))."
        }
    }

    /// A paragraph of three to five sentences.
    public static func paragraph(_ random: inout SeededRandom, place: String) -> String {
        (0..<(3 + random.index(3))).map { _ in sentence(&random, place: place) }.joined(separator: " ")
    }

    /// Two to four paragraphs, separated by blank lines (as Markdown reads them).
    public static func paragraphs(_ random: inout SeededRandom, place: String) -> String {
        (0..<(2 + random.index(3))).map { _ in paragraph(&random, place: place) }.joined(separator: "\n\n")
    }
}
