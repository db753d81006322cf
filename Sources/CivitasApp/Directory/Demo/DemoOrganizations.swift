extension DirectoryDemo {
    static var organizations: [Item] {
        networks + cityGovernments + partners
    }

    static var networks: [Item] {
        [
            Item(kind: .organization, key: "us-conference-of-mayors", fields: [
                "name": "U.S. Conference of Mayors", "other_name": "USCM", "classification": "network", "area_id": "united-states",
                "summary": "The bipartisan association of American mayors; its winter meeting in Washington brings together more than 250 mayors.",
            ], sources: [winterMeeting2018, resilientMigration], topics: ["immigration", "broadband", "public-safety", "racial-equity", "infrastructure", "census"]),
            Item(kind: .organization, key: "uscm-task-force-on-immigration", fields: [
                "name": "USCM Task Force on Immigration", "classification": "working_group", "parent_id": "us-conference-of-mayors",
            ], sources: [resilientMigration], topics: ["immigration"]),
            Item(kind: .organization, key: "uscm-task-force-on-policing", fields: [
                "name": "USCM Task Force on Policing", "classification": "working_group", "parent_id": "us-conference-of-mayors",
            ], sources: [resilientMigration], topics: ["public-safety"]),
            Item(kind: .organization, key: "mayors-innovation-project", fields: [
                "name": "Mayors Innovation Project", "classification": "network", "area_id": "united-states",
                "summary": "A learning network of mayors: winter policy meetings in Washington, summer meetings hosted by member mayors, webinars, workshops, reports and cohorts.",
            ], sources: [featuredNews], topics: ["water", "transit", "climate", "preemption", "wages", "racial-equity", "food", "housing"]),
            Item(kind: .organization, key: "women-mayors-network", fields: [
                "name": "Women Mayors' Network", "classification": "working_group", "parent_id": "mayors-innovation-project", "founding_date": "2020-01",
                "summary": "Launched at the Winter 2020 Policy Meeting in Washington, D.C.",
            ], sources: [featuredNews]),
            Item(kind: .organization, key: "new-mayors-cohort-2020", fields: [
                "name": "New Mayors Cohort 2020", "classification": "cohort", "parent_id": "mayors-innovation-project", "founding_date": "2020",
                "summary": "Helps mayors in their first term build capacity and enact their agendas, with a commitment to inclusion across race, gender and economic status.",
            ], sources: [featuredNews]),
            Item(kind: .organization, key: "behavioral-science-cohort", fields: [
                "name": "Behavioral Science Cohort", "classification": "cohort", "parent_id": "mayors-innovation-project", "founding_date": "2017",
                "summary": "Cities using behavioral science to reach their goals, with Harvard's Behavioral Insights Group.",
            ], sources: [featuredNews]),
            Item(kind: .organization, key: "local-progress", fields: [
                "name": "Local Progress", "classification": "network", "area_id": "united-states",
                "summary": "A network of progressive local elected officials, governed by a board of its members and staffed by the Center for Popular Democracy.",
            ], sources: [localProgress2014], topics: ["immigration", "climate", "housing", "racial-equity", "wages", "workers-rights", "public-safety"]),
            Item(kind: .organization, key: "100-resilient-cities", fields: [
                "name": "100 Resilient Cities", "other_name": "100RC", "classification": "network",
                "summary": "Pioneered by the Rockefeller Foundation to help cities become more resilient to the shocks and stresses of the 21st century.",
            ], sources: [resilientMigration, globalMayorsSummit], topics: ["resilience", "immigration"]),
            Item(kind: .organization, key: "united-cities-and-local-governments", fields: [
                "name": "United Cities and Local Governments", "other_name": "UCLG", "classification": "network",
                "summary": "A long-standing organization of cities that has grown to work on migration and refugee policy.",
            ], sources: [globalMayorsSummit], topics: ["immigration"]),
        ]
    }

    static var cityGovernments: [Item] {
        [
            ("city-of-new-orleans", "City of New Orleans", "new-orleans", winterMeeting2018),
            ("city-of-los-angeles", "City of Los Angeles", "los-angeles", winterMeeting2018),
            ("city-of-chicago", "City of Chicago", "chicago", winterMeeting2018),
            ("city-of-anaheim", "City of Anaheim", "anaheim", winterMeeting2018),
            ("city-of-san-jose", "City of San José", "san-jose", winterMeeting2018),
            ("city-of-milwaukee", "City of Milwaukee", "milwaukee", winterMeeting2018),
            ("city-of-baltimore", "City of Baltimore", "baltimore", winterMeeting2018),
            ("louisville-metro-government", "Louisville Metro Government", "louisville", winterMeeting2018),
            ("city-of-new-york", "City of New York", "new-york-city", globalMayorsSummit),
            ("greater-london-authority", "Greater London Authority", "london", resilientMigration),
            ("city-of-paris", "City of Paris", "paris", resilientMigration),
            ("city-of-tacoma", "City of Tacoma", "tacoma", featuredNews),
            ("city-of-burlington", "City of Burlington", "burlington", featuredNews),
            ("city-of-berkeley", "City of Berkeley", "berkeley", featuredNews),
            ("government-of-the-district-of-columbia", "Government of the District of Columbia", "washington-dc", featuredNews),
            ("city-of-philadelphia", "City of Philadelphia", "philadelphia", globalMayorsSummit),
            ("city-of-seattle", "City of Seattle", "seattle", localProgress2014),
        ].map { slug, name, area, source in
            Item(kind: .organization, key: slug, fields: ["name": name, "classification": "city_government", "area_id": area], sources: [source])
        } + [
            Item(kind: .organization, key: "new-york-city-council", fields: ["name": "New York City Council", "classification": "legislature", "area_id": "new-york-city", "parent_id": "city-of-new-york"], sources: [localProgress2014]),
            Item(kind: .organization, key: "los-angeles-mayors-office-of-immigrant-affairs", fields: [
                "name": "Mayor's Office of Immigrant Affairs (Los Angeles)", "classification": "government_agency", "area_id": "los-angeles", "parent_id": "city-of-los-angeles",
                "summary": "Issued a Community Resource Guide for immigrant Angelenos.", "website": "https://lamayor.org/KnowYourRights",
            ], sources: [resilientMigration], topics: ["immigration"]),
            Item(kind: .organization, key: "federal-communications-commission", fields: ["name": "Federal Communications Commission", "other_name": "FCC", "classification": "government_agency", "area_id": "united-states"], sources: [winterMeeting2018]),
            Item(kind: .organization, key: "fcc-broadband-deployment-advisory-committee", fields: [
                "name": "FCC Broadband Deployment Advisory Committee", "classification": "working_group", "parent_id": "federal-communications-commission",
                "summary": "The FCC's broadband advisory board.",
            ], sources: [winterMeeting2018], topics: ["broadband"]),
            Item(kind: .organization, key: "us-department-of-transportation", fields: ["name": "U.S. Department of Transportation", "other_name": "US DOT", "classification": "government_agency", "area_id": "united-states"], sources: [featuredNews]),
        ]
    }

    static var partners: [Item] {
        [
            ("rockefeller-foundation", "Rockefeller Foundation", "foundation", resilientMigration),
            ("center-for-popular-democracy", "Center for Popular Democracy", "ngo", localProgress2014),
            ("harvard-behavioral-insights-group", "Harvard Behavioral Insights Group", "university", featuredNews),
            ("state-smart-transportation-initiative", "State Smart Transportation Initiative", "university", featuredNews),
            ("aarp", "AARP", "ngo", featuredNews),
            ("open-society-foundations", "Open Society Foundations", "foundation", globalMayorsSummit),
            ("concordia", "Concordia", "ngo", globalMayorsSummit),
            ("columbia-global-policy-initiative", "Columbia University Global Policy Initiative", "university", globalMayorsSummit),
            ("new-york-times", "The New York Times", "media", resilientMigration),
            ("milwaukee-bucks", "Milwaukee Bucks", "company", winterMeeting2018),
            ("national-basketball-association", "National Basketball Association", "company", winterMeeting2018),
            ("the-white-house", "The White House", "government_agency", winterMeeting2018),
            ("un-mayoral-forum", "UN Mayoral Forum", "other", globalMayorsSummit),
            ("united-nations-general-assembly", "United Nations General Assembly", "other", resilientMigration),
            ("afl-cio", "AFL-CIO", "union", localProgress2014),
            ("32bj-seiu", "32BJ SEIU", "union", localProgress2014),
            ("demos", "Demos", "ngo", localProgress2014),
            ("center-for-working-families", "Center for Working Families", "ngo", localProgress2014),
            ("democracy-alliance", "Democracy Alliance", "ngo", localProgress2014),
            ("uc-berkeley", "University of California, Berkeley", "university", localProgress2014),
            ("surdna-foundation", "Surdna Foundation", "foundation", localProgress2014),
            ("service-employees-international-union", "Service Employees International Union", "union", localProgress2014),
            ("ford-foundation", "Ford Foundation", "foundation", localProgress2014),
            ("mertz-gilmore-foundation", "Mertz Gilmore Foundation", "foundation", localProgress2014),
            ("citi-community-development", "Citi Community Development", "company", localProgress2014),
            ("united-federation-of-teachers", "United Federation of Teachers", "union", localProgress2014),
            ("cwa-district-1", "CWA District 1", "union", localProgress2014),
            ("seiu-healthcare-775nw", "SEIU Healthcare 775NW", "union", localProgress2014),
        ].map { slug, name, classification, source in
            Item(kind: .organization, key: slug, fields: ["name": name, "classification": classification], sources: [source])
        }
    }
}
