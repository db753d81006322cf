extension DirectoryDemo {
    static var people: [Item] {
        [
            ("mitch-landrieu", "Mitch Landrieu", "Mayor of New Orleans and President of the U.S. Conference of Mayors at its January 2018 winter meeting.", winterMeeting2018, ["immigration"]),
            ("eric-garcetti", "Eric Garcetti", "Mayor of Los Angeles; led the first Cities' Day of Immigration Action and advocated nationally for citizenship, immigration reform and DACA.", resilientMigration, ["immigration", "public-safety"]),
            ("rahm-emanuel", "Rahm Emanuel", "Mayor of Chicago; spoke for community policing at the January 2018 press conference.", winterMeeting2018, ["public-safety"]),
            ("tom-tait", "Tom Tait", "Mayor of Anaheim.", winterMeeting2018, ["immigration"]),
            ("sam-liccardo", "Sam Liccardo", "Mayor of San José; stepped down from the FCC's broadband advisory board in January 2018.", winterMeeting2018, ["broadband"]),
            ("shireen-santosham", "Shireen Santosham", "Chief Innovation Officer of San José.", winterMeeting2018, ["broadband"]),
            ("tom-barrett", "Tom Barrett", "Mayor of Milwaukee.", winterMeeting2018, ["public-safety"]),
            ("catherine-pugh", "Catherine Pugh", "Mayor of Baltimore.", winterMeeting2018, ["public-safety"]),
            ("greg-fischer", "Greg Fischer", "Mayor of Louisville.", winterMeeting2018, ["public-safety"]),
            ("bill-de-blasio", "Bill de Blasio", "Mayor of New York City; keynote speaker at the 2014 Local Progress National Convening.", localProgress2014, ["immigration", "public-safety"]),
            ("sadiq-khan", "Sadiq Khan", "Mayor of London.", resilientMigration, ["immigration"]),
            ("anne-hidalgo", "Anne Hidalgo", "Mayor of Paris.", resilientMigration, ["immigration"]),
            ("victoria-woodards", "Victoria Woodards", "Mayor of Tacoma; host of the Mayors Innovation Project's Summer 2020 Annual Meeting.", featuredNews, []),
            ("miro-weinberger", "Miro Weinberger", "Mayor of Burlington; host of the Mayors Innovation Project's Summer 2017 Meeting.", featuredNews, []),
            ("tom-bates", "Tom Bates", "Mayor of Berkeley; host of the Mayors Innovation Project's 2016 Summer Meeting.", featuredNews, []),
            ("vincent-gray", "Vincent Gray", "Mayor of the District of Columbia; spoke at the Mayors Innovation Project's Winter 2014 Meeting.", featuredNews, []),
            ("victor-mendez", "Victor Mendez", "Deputy Secretary of the U.S. Department of Transportation; spoke at the Winter 2014 Meeting.", featuredNews, ["transit"]),
            ("melissa-mark-viverito", "Melissa Mark-Viverito", "Speaker of the New York City Council; keynote speaker at the 2014 Local Progress National Convening.", localProgress2014, []),
            ("john-powell", "john powell", "Scholar at UC Berkeley; spoke on racial equity tools at the 2014 Local Progress National Convening.", localProgress2014, ["racial-equity"]),
            ("tefere-gebre", "Tefere Gebre", "Executive Vice President of the AFL-CIO.", localProgress2014, ["workers-rights"]),
            ("hector-figueroa", "Héctor Figueroa", "Labor leader of 32BJ SEIU.", localProgress2014, ["workers-rights"]),
            ("heather-mcghee", "Heather McGhee", "Of Demos; took part in the 2014 Local Progress National Convening.", localProgress2014, []),
            ("valerie-ervin", "Valerie Ervin", "Of the Center for Working Families.", localProgress2014, []),
            ("ken-zimmerman", "Ken Zimmerman", "Of the Open Society Foundations.", localProgress2014, []),
            ("gara-lamarche", "Gara LaMarche", "Of the Democracy Alliance.", localProgress2014, []),
        ].map { slug, name, summary, source, topics in
            Item(kind: .person, key: slug, fields: ["name": name, "summary": summary], sources: [source], topics: topics)
        }
    }

    /// City, government, mayor's slug, term start, term end, and the document that names them
    /// as mayor. The network's documents give no term dates: those come from each mayor's
    /// Wikipedia article, cited beside the document (`officeSources`).
    static let mayors: [(city: String, government: String, person: String, start: String, end: String?, source: String)] = [
        ("new-orleans", "city-of-new-orleans", "mitch-landrieu", "2010-05-03", "2018-05-07", winterMeeting2018),
        ("los-angeles", "city-of-los-angeles", "eric-garcetti", "2013-07-01", "2022-12-12", winterMeeting2018),
        ("chicago", "city-of-chicago", "rahm-emanuel", "2011-05-16", "2019-05-20", winterMeeting2018),
        ("anaheim", "city-of-anaheim", "tom-tait", "2010-12", "2018-12", winterMeeting2018),
        ("san-jose", "city-of-san-jose", "sam-liccardo", "2015-01-01", "2022-12-31", winterMeeting2018),
        ("milwaukee", "city-of-milwaukee", "tom-barrett", "2004-04-15", "2021-12-22", winterMeeting2018),
        ("baltimore", "city-of-baltimore", "catherine-pugh", "2016-12-06", "2019-05-02", winterMeeting2018),
        ("louisville", "louisville-metro-government", "greg-fischer", "2011-01-03", "2023-01-02", winterMeeting2018),
        ("new-york-city", "city-of-new-york", "bill-de-blasio", "2014-01-01", "2021-12-31", localProgress2014),
        ("london", "greater-london-authority", "sadiq-khan", "2016-05-09", nil, resilientMigration),
        ("paris", "city-of-paris", "anne-hidalgo", "2014-04-05", nil, resilientMigration),
        ("tacoma", "city-of-tacoma", "victoria-woodards", "2018-01-02", nil, featuredNews),
        ("burlington", "city-of-burlington", "miro-weinberger", "2012-04-02", "2024-04-01", featuredNews),
        ("berkeley", "city-of-berkeley", "tom-bates", "2002-12", "2016-12", featuredNews),
        ("washington-dc", "government-of-the-district-of-columbia", "vincent-gray", "2011-01-02", "2015-01-02", featuredNews),
    ]

    static let cityNames: [String: String] = [
        "new-orleans": "New Orleans", "los-angeles": "Los Angeles", "chicago": "Chicago", "anaheim": "Anaheim", "san-jose": "San José",
        "milwaukee": "Milwaukee", "baltimore": "Baltimore", "louisville": "Louisville", "new-york-city": "New York City", "london": "London",
        "paris": "Paris", "tacoma": "Tacoma", "burlington": "Burlington", "berkeley": "Berkeley", "washington-dc": "the District of Columbia",
    ]

    static var posts: [Item] {
        mayors.map { mayor in
            Item(kind: .post, key: "mayor-of-\(mayor.city)", fields: [
                "label": "Mayor of \(cityNames[mayor.city]!)", "role": "Mayor", "organization_id": mayor.government, "area_id": mayor.city,
            ], sources: [mayor.source])
        } + [
            Item(kind: .post, key: "president-of-the-us-conference-of-mayors", fields: ["label": "President of the U.S. Conference of Mayors", "role": "President", "organization_id": "us-conference-of-mayors"], sources: [winterMeeting2018]),
            Item(kind: .post, key: "speaker-of-the-new-york-city-council", fields: ["label": "Speaker of the New York City Council", "role": "Speaker", "organization_id": "new-york-city-council", "area_id": "new-york-city"], sources: [localProgress2014]),
            Item(kind: .post, key: "chief-innovation-officer-of-san-jose", fields: ["label": "Chief Innovation Officer of San José", "role": "Chief Innovation Officer", "organization_id": "city-of-san-jose", "area_id": "san-jose"], sources: [winterMeeting2018]),
            Item(kind: .post, key: "deputy-secretary-of-transportation", fields: ["label": "Deputy Secretary of Transportation", "role": "Deputy Secretary", "organization_id": "us-department-of-transportation"], sources: [featuredNews]),
            Item(kind: .post, key: "executive-vice-president-of-the-afl-cio", fields: ["label": "Executive Vice President of the AFL-CIO", "role": "Executive Vice President", "organization_id": "afl-cio"], sources: [localProgress2014]),
        ]
    }
}
