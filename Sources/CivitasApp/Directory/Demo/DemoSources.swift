extension DirectoryDemo {
    static let winterMeeting2018 = "uscm-winter-meeting-2018-highlights"
    static let featuredNews = "mayors-innovation-project-featured-news"
    static let resilientMigration = "100rc-global-migration-lead-for-change"
    static let localProgress2014 = "local-progress-national-convening-2014-report"
    static let globalMayorsSummit = "global-mayors-summit-2017-programme"

    /// Wikipedia articles cited for dates of office the network's documents do not give,
    /// by person slug: the article's title in its address, and the person's name.
    static let officeArticles: [String: (article: String, name: String)] = [
        "mitch-landrieu": ("Mitch_Landrieu", "Mitch Landrieu"), "eric-garcetti": ("Eric_Garcetti", "Eric Garcetti"),
        "rahm-emanuel": ("Rahm_Emanuel", "Rahm Emanuel"), "tom-tait": ("Tom_Tait", "Tom Tait"),
        "sam-liccardo": ("Sam_Liccardo", "Sam Liccardo"), "tom-barrett": ("Tom_Barrett_(politician)", "Tom Barrett"),
        "catherine-pugh": ("Catherine_Pugh", "Catherine Pugh"), "greg-fischer": ("Greg_Fischer", "Greg Fischer"),
        "bill-de-blasio": ("Bill_de_Blasio", "Bill de Blasio"), "sadiq-khan": ("Sadiq_Khan", "Sadiq Khan"),
        "anne-hidalgo": ("Anne_Hidalgo", "Anne Hidalgo"), "victoria-woodards": ("Victoria_Woodards", "Victoria Woodards"),
        "miro-weinberger": ("Miro_Weinberger", "Miro Weinberger"), "tom-bates": ("Tom_Bates", "Tom Bates"),
        "vincent-gray": ("Vincent_C._Gray", "Vincent C. Gray"), "melissa-mark-viverito": ("Melissa_Mark-Viverito", "Melissa Mark-Viverito"),
    ]

    /// The source key of the article cited for a person's dates of office.
    static func officeSource(_ person: String) -> String { "wikipedia-\(person)" }

    static var officeSources: [Item] {
        officeArticles.sorted { $0.key < $1.key }.map { person, article in
            wikipediaSource(key: officeSource(person), article: article.article, name: article.name,
                            note: "Cited for dates of office, which the network's documents do not give.")
        }
    }

    /// A Wikipedia article cited for a fact the network's documents do not give.
    static func wikipediaSource(key: String, article: String, name: String, note: String) -> Item {
        Item(kind: .source, key: key, fields: [
            "title": "\(name) — Wikipedia", "publisher": "Wikipedia", "url": "https://en.wikipedia.org/wiki/\(article)", "note": note,
        ])
    }

    /// Wikipedia articles cited for the populations of U.S. cities at the 2020 census, which
    /// the network's documents do not give, by city slug: the article's title in its address,
    /// the city's name and the population the article gives.
    static let cityArticles: [String: (article: String, name: String, population: Int)] = [
        "washington-dc": ("Washington,_D.C.", "Washington, D.C.", 689_545), "new-orleans": ("New_Orleans", "New Orleans", 383_997),
        "los-angeles": ("Los_Angeles", "Los Angeles", 3_898_747), "chicago": ("Chicago", "Chicago", 2_746_388),
        "anaheim": ("Anaheim,_California", "Anaheim, California", 346_824), "san-jose": ("San_Jose,_California", "San Jose, California", 1_013_240),
        "milwaukee": ("Milwaukee", "Milwaukee", 577_222), "baltimore": ("Baltimore", "Baltimore", 585_708),
        "louisville": ("Louisville,_Kentucky", "Louisville, Kentucky", 633_045), "new-york-city": ("New_York_City", "New York City", 8_804_190),
        "boston": ("Boston", "Boston", 675_647), "tacoma": ("Tacoma,_Washington", "Tacoma, Washington", 219_346),
        "detroit": ("Detroit", "Detroit", 639_111), "appleton": ("Appleton,_Wisconsin", "Appleton, Wisconsin", 75_644),
        "burlington": ("Burlington,_Vermont", "Burlington, Vermont", 44_743), "berkeley": ("Berkeley,_California", "Berkeley, California", 124_321),
        "des-moines": ("Des_Moines,_Iowa", "Des Moines, Iowa", 214_133), "austin": ("Austin,_Texas", "Austin, Texas", 961_855),
        "chapel-hill": ("Chapel_Hill,_North_Carolina", "Chapel Hill, North Carolina", 61_960), "pittsburgh": ("Pittsburgh", "Pittsburgh", 302_971),
        "philadelphia": ("Philadelphia", "Philadelphia", 1_603_797), "seattle": ("Seattle", "Seattle", 737_015),
    ]

    /// The source key of the article cited for a city's population.
    static func populationSource(_ city: String) -> String { "wikipedia-\(city)" }

    static var populationSources: [Item] {
        cityArticles.sorted { $0.key < $1.key }.map { city, article in
            wikipediaSource(key: populationSource(city), article: article.article, name: article.name,
                            note: "Cited for the city's population at the 2020 United States census, which the network's documents do not give.")
        }
    }

    static var sources: [Item] {
        officeSources + populationSources + [
            Item(kind: .source, key: winterMeeting2018, fields: [
                "title": "Highlights of the U.S. Conference of Mayors winter meeting, January 2018",
                "published_on": "2018-01-31", "document": "000_4d9f15d4c007ea04.txt",
                "note": "An account of three days of meetings in Washington, D.C.: the boycott pledge, quotes from mayors and the tactics cities shared.",
            ]),
            Item(kind: .source, key: featuredNews, fields: [
                "title": "Featured news of the Mayors Innovation Project, 2012–2020",
                "publisher": "Mayors Innovation Project", "published_on": "2020-03-17", "document": "001_5433084f8f83773a.txt",
                "note": "The network's news listing: meetings, webinars, workshops, reports and cohorts.",
            ]),
            Item(kind: .source, key: resilientMigration, fields: [
                "title": "Global Migration: Resilient Cities at the Forefront — Lead for Change",
                "publisher": "100 Resilient Cities", "document": "002_b9095fcb3f56fb04.txt",
                "note": "Strategy page on migration with examples from member cities.",
            ]),
            Item(kind: .source, key: localProgress2014, fields: [
                "title": "Report on the third annual Local Progress National Convening",
                "published_on": "2014", "document": "003_2aa96a9d61a8bc92.txt",
                "note": "Fifty local elected officials in New York City for three days.",
            ]),
            Item(kind: .source, key: globalMayorsSummit, fields: [
                "title": "Programme of the Global Mayors Summit, 18 September 2017",
                "publisher": "City of New York", "published_on": "2017-09-18", "document": "004_3931f6baf1c9cbc0.txt",
                "note": "Invitation-only summit on migration hosted by the City of New York.",
            ]),
        ]
    }

    static var topics: [Item] {
        [
            ("immigration", "Immigration", "Welcoming and integrating immigrants and refugees; sanctuary policies."),
            ("broadband", "Broadband", "Internet access and the digital divide."),
            ("public-safety", "Public safety", "Policing, community trust and violence prevention."),
            ("racial-equity", "Racial equity", "Transforming government to advance racial equity."),
            ("infrastructure", "Infrastructure", "Storm drains, sewers, conduits and the workforce to build them."),
            ("census", "Census", "A fair and accurate count."),
            ("early-childhood", "Early childhood", "Universal preschool and early learning."),
            ("water", "Water", "Affordable, safe and sustainable water and stormwater."),
            ("transit", "Transit", "Transit, freight, parking and travel demand."),
            ("climate", "Climate", "Climate risk, resilience and divestment."),
            ("housing", "Housing", "Affordable housing."),
            ("wages", "Wages", "Living and minimum wages and job quality."),
            ("preemption", "Preemption", "State preemption of local authority."),
            ("workers-rights", "Workers' rights", "Fair workweeks and collective action."),
            ("food", "Food", "Access to healthy local food."),
            ("resilience", "Resilience", "Preparing cities for shocks and stresses."),
        ].map { slug, name, description in
            Item(kind: .topic, key: slug, fields: ["name": name, "description": description])
        }
    }
}
