import CivitasCore

/// The three convenings the corpus describes at length.
extension DemoEvents {
    static var winterMeeting2018: DemoEvent {
        DemoEvent(
            values: event("2018-winter-meeting", "U.S. Conference of Mayors Winter Meeting 2018", kind: .policyMeeting,
                          start: "2018-01-24", end: "2018-01-26", zone: "America/New_York", area: "washington-dc",
                          series: "USCM Winter Meeting",
                          summary: "More than 250 mayors in Washington, D.C. for three days on immigration, broadband access, public safety, racial equity, infrastructure and the census.",
                          extra: ["attendance_count": "250",
                                  "highlights": "Mayors pledged to work together in a bipartisan fashion on the most critical issues that affect the communities they serve, sharing tactics and best practices: engaging community members and fostering cross-sector collaborations.\n\nAt a press conference on January 24, mayors pledged to boycott their scheduled meeting at the White House to protest the Administration's threat to serve cities with subpoenas over their policies on undocumented immigrants.\n\nOn January 25 San Jose Mayor Sam Liccardo announced he would step down from the FCC's broadband advisory board.\n\nThe event closed with mayors and community leaders pledging to keep working on these challenges together. The next meeting takes place in Boston in June."]),
            topics: ["immigration", "broadband", "public-safety", "racial-equity", "infrastructure", "census", "early-childhood"].map(topic),
            source: source(DemoSourceKeys.winterMeeting2018),
            parties: [.host: [organization("us-conference-of-mayors")]],
            sessions: [
                // The highlights give the day of each session, never its time.
                DemoSession(values: ["title": "Press conference on immigration enforcement", "kind": "press_conference", "schedule": "day", "day": "2018-01-24",
                                     "description": "Mayors standing together at a podium pledged to boycott their scheduled meeting at the White House."],
                            speakers: ["person-mitch-landrieu", "person-eric-garcetti", "person-rahm-emanuel", "person-tom-tait"]),
                DemoSession(values: ["title": "Broadband access", "kind": "plenary", "schedule": "day", "day": "2018-01-25"],
                            speakers: ["person-sam-liccardo", "person-shireen-santosham"]),
            ],
            quotes: [
                ("person-mitch-landrieu", "Mayors must govern in real time, in spite of what's happening in Washington D.C."),
                ("person-eric-garcetti", "These threats are nothing short of a distraction."),
                ("person-rahm-emanuel", "We can't do that if you drive a wedge between the community and the police. It's contrary to the ideals of law we established."),
                ("person-tom-tait", "Just about every mayor agrees with us on reform for this issue. It's a bipartisan effort."),
                ("person-sam-liccardo", "Deployment of broadband infrastructure goes to the heart of the digital divide. It's not about who can go fast or slow on the information superhighway, it's about whether you can even get on the onramp."),
                ("person-tom-barrett", "The NBA is uniquely positioned to act as change agents. The mystique of pro athletes is powerful. They can be the bond between police and young people."),
            ])
    }

    static var localProgress2014: DemoEvent {
        let workshops = ["Winning Real Police Reform", "Immigrants' rights", "Climate change", "Affordable housing", "Democracy",
                         "Public education", "LGBT equality", "Economic justice and workers' rights"]
        var sessions = [
            DemoSession(values: ["title": "Keynote address", "kind": "keynote", "schedule": "day", "day": "2014-12-04",
                                 "room": "New York City Hall, Council Chambers"], speakers: ["person-melissa-mark-viverito"]),
            DemoSession(values: ["title": "Keynote address", "kind": "keynote", "schedule": "day", "day": "2014-12-04",
                                 "room": "New York City Hall, Council Chambers"], speakers: ["person-bill-de-blasio"]),
            DemoSession(values: ["title": "Racial equity tools: Seattle's Race and Social Justice Initiative", "kind": "plenary",
                                 "schedule": "day", "day": "2014-12-05", "room": "32BJ SEIU"], speakers: ["person-john-powell"]),
        ]
        for title in workshops {
            sessions.append(DemoSession(values: ["title": title, "kind": "breakout", "room": "32BJ SEIU", "schedule": "day", "day": "2014-12-05"]))
        }
        sessions.append(DemoSession(values: ["title": "Building power in large cities", "kind": "breakout", "schedule": "day", "day": "2014-12-06", "room": "32BJ SEIU"]))
        sessions.append(DemoSession(values: ["title": "Building power in small cities", "kind": "breakout", "schedule": "day", "day": "2014-12-06", "room": "32BJ SEIU"]))
        sessions.append(DemoSession(values: ["title": "Movement partners", "kind": "panel", "schedule": "day", "day": "2014-12-06", "room": "32BJ SEIU"],
                                    speakers: ["person-tefere-gebre", "person-hector-figueroa", "person-heather-mcghee", "person-valerie-ervin", "person-ken-zimmerman", "person-gara-lamarche"]))
        let funders = ["surdna-foundation", "service-employees-international-union", "ford-foundation", "open-society-foundations", "32bj-seiu",
                       "mertz-gilmore-foundation", "citi-community-development", "united-federation-of-teachers", "cwa-district-1", "seiu-healthcare-775nw"]
        return DemoEvent(
            values: event("2014-local-progress-national-convening", "Local Progress National Convening 2014", kind: .convening,
                          start: "2014-12-04", end: "2014-12-06", zone: "America/New_York", area: "new-york-city",
                          venue: "New York City Hall Council Chambers and 32BJ SEIU", series: "Local Progress National Convening",
                          summary: "The third annual National Convening: 50 local elected officials in New York City for three days of strategizing and movement-building.",
                          extra: ["attendance_count": "50",
                                  "dates_note": "the report says only that the three days were \"last week\", at the close of 2014; 4-6 December is assumed",
                                  "highlights": "Police reform and racial justice took center stage. Members began the weekend by joining the protests to demand an end to discrimination and violence against the black community, and signed an open letter committing themselves to rebuilding and reforming their local law enforcement systems.\n\nEconomic justice and workers' rights were a central topic, after a 2014 in which progressive cities passed $15 minimum wages and new fair workweek rights."]),
            topics: ["public-safety", "racial-equity", "immigration", "climate", "housing", "wages"].map(topic),
            source: source(DemoSourceKeys.localProgress2014),
            parties: [.host: [organization("local-progress")], .partner: [organization("center-for-popular-democracy")], .funder: funders.map(organization)],
            sessions: sessions,
            quotes: [
                ("person-bill-de-blasio", "Every time we succeed, it builds strength for each other. Every time one city acts, it builds momentum for another city. Every time a number of cities act, it builds momentum for our nation."),
                ("person-bill-de-blasio", "This connection, this synergy, will change the future, not only of our cities and towns and counties. It will change the future of this country."),
            ])
    }

    static var globalMayorsSummit2017: DemoEvent {
        // The programme gives the day and the order of the sessions, not their times.
        func session(_ title: String, _ description: String, _ questions: [String]) -> DemoSession {
            DemoSession(values: ["title": title, "kind": "plenary", "schedule": "day", "day": "2017-09-18",
                                 "description": description, "questions": questions.joined(separator: "\n")])
        }
        return DemoEvent(
            values: event("2017-global-mayors-summit", "Global Mayors Summit", kind: .summit, start: "2017-09-18", end: "2017-09-18",
                          zone: "America/New_York", area: "new-york-city",
                          summary: "Municipal leaders, civil society and international stakeholders on how cities overcome obstacles to policies that promote migrant and refugee integration, rights protection and empowerment.",
                          registration: .invitation),
            topics: [topic("immigration")],
            source: source(DemoSourceKeys.globalMayorsSummit),
            parties: [.host: [organization("city-of-new-york")],
                      .partner: ["open-society-foundations", "concordia", "columbia-global-policy-initiative"].map(organization)],
            sessions: [
                session("City Innovations for Fostering Welcoming Communities",
                        "New York City's municipal ID card program, London's community sponsorship program, and Philadelphia's welcoming and integration efforts.",
                        ["Are such initiatives (and programs) transferable to other cities?", "What should cities consider when implementing similar programs?",
                         "How can cities gauge interest and commitment from host communities and recently arrived communities?"]),
                session("Innovations to Overcome Policy Challenges",
                        "Cities are often constrained by national policies in their ability to govern effectively at a local level.",
                        ["How do cities overcome legal and capacity constraints to social integration?",
                         "Who are their partners in these efforts (e.g. consular offices; civil society; private citizens)?",
                         "What are a city's most pressing needs when welcoming new arrivals?",
                         "How do cities navigate legal barriers to non-discrimination in service delivery?",
                         "How can constructive city action positively influence regional and/or national legislation?"]),
                session("Advocacy & Global Coalition Building: Working Through City Networks",
                        "Selected city networks present their achievements.",
                        ["How can city networks help city leaders and administrators achieve their goals?",
                         "Are country/region-specific networks more useful than global networks in helping cities strategize and implement their objectives?"]),
                session("Promising Partnerships with the Private Sector, Civil Society, and the Public",
                        "Opportunities to promote integration, protect rights, and empower migrants and refugees with the private sector, universities, and civil society.",
                        ["How can cities benefit most from partnerships with the private sector and community leaders?",
                         "What lessons can be drawn from existing models on issues of accountability and transparency?",
                         "How can public-private partnerships be leveraged?", "Where should private donors concentrate resources to support cities' efforts?",
                         "How does engagement with civil society differ (as a lead or implementing agent)?", "What are the main constraints?"]),
            ])
    }
}
