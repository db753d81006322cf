import CivitasCore

/// Meetings, workshops and webinars of the Mayors Innovation Project's featured news, 2014-2020.
/// The listing gives meetings and workshops by date only, so they are whole-day events
/// (dates without times); webinars have the times it gives.
extension DemoEvents {
    static var newsListing: [DemoEvent] {
        let news = source(DemoSourceKeys.featuredNews)
        let mip = organization("mayors-innovation-project")
        func meeting(_ slug: String, _ title: String, kind: EventKind = .policyMeeting, _ start: String, _ end: String, zone: String, area: String,
                     series: String?, summary: String, topics: [String] = [], hosts: [String] = [], extra: [String: String] = [:]) -> DemoEvent {
            DemoEvent(values: event(slug, title, kind: kind, start: start, end: end, zone: zone, area: area, series: series, summary: summary, extra: extra),
                      topics: topics.map(topic), source: news, parties: [.host: [mip] + hosts])
        }
        return [
            meeting("2020-summer-annual-meeting", "Summer 2020 Annual Meeting", kind: .annualMeeting, "2020-08-20", "2020-08-22",
                    zone: "America/Los_Angeles", area: "tacoma", series: "Summer Meeting",
                    summary: "Hosted by Mayor Woodards in Tacoma, Washington.", hosts: [person("victoria-woodards")]),
            DemoEvent(values: event("2020-public-water-utility-workshop-on-affordability", "A Public Water Utility Workshop on Affordability", kind: .workshop,
                                    start: "2020-04-02", end: "2020-04-03", zone: "America/Detroit", area: "detroit",
                                    summary: "By invitation only: water utility leaders across the Great Lakes region, on creating more efficient, affordable and sustainable water entities with positive relationships with the constituents they serve.",
                                    registration: .invitation),
                      topics: [topic("water")], source: news, parties: [.host: [mip]]),
            meeting("2020-winter-policy-meeting", "Winter 2020 Policy Meeting", "2020-01-24", "2020-01-25", zone: "America/New_York",
                    area: "washington-dc", series: "Winter Policy Meeting", summary: "All mayors are invited to the Winter 2020 Policy Meeting in Washington, DC."),
            DemoEvent(values: event("2020-women-mayors-network-kickoff", "Women Mayors' Network kickoff", kind: .forum, start: "2020-01-24",
                                    end: "2020-01-24", zone: "America/New_York", area: "washington-dc",
                                    summary: "The inaugural meeting of the Women Mayors' Network, during the Winter 2020 Policy Meeting.",
                                    extra: ["parent_id": "event-2020-winter-policy-meeting"]),
                      source: news, parties: [.host: [organization("women-mayors-network"), mip]]),
            DemoEvent(values: event("2019-webinar-the-data-driven-fire-department", "Webinar: The Data-Driven Fire Department", kind: .webinar,
                                    start: "2019-05-15T13:00", end: "2019-05-15T14:00", zone: "America/Chicago", area: nil, mode: .online,
                                    summary: "How to capture public safety data and use it for critical, timely decisions about fire operations."),
                      topics: [topic("public-safety")], source: news, parties: [.host: [mip]]),
            meeting("2019-winter-policy-meeting", "Winter 2019 Policy Meeting", "2019-01-25", "2019-01-26", zone: "America/New_York",
                    area: "washington-dc", series: "Winter Policy Meeting",
                    summary: "Two days, directly after the US Conference of Mayors meeting, for mayors and senior staff to learn from and with peers on key issues facing cities."),
            DemoEvent(values: event("2018-webinar-private-capital-for-green-infrastructure", "Private Capital for Green Infrastructure", kind: .webinar,
                                    start: "2018-09-27T13:00", end: "2018-09-27T14:00", zone: "America/New_York", area: nil, mode: .online,
                                    summary: "Funding strategies for green infrastructure to manage urban stormwater."),
                      topics: [topic("water"), topic("infrastructure")], source: news, parties: [.host: [mip]]),
            DemoEvent(values: event("2018-advancing-racial-equity", "Advancing Racial Equity", kind: .workshop, start: "2018-03-07",
                                    end: "2018-03-07", zone: "America/Chicago", area: "appleton",
                                    summary: "A workshop in Appleton, Wisconsin, on transforming government to advance racial equity."),
                      topics: [topic("racial-equity")], source: news, parties: [.host: [mip]]),
            DemoEvent(values: event("2017-webinar-investing-in-the-age-of-climate-change", "Investing in the Age of Climate Change", kind: .webinar,
                                    start: "2017-09-12T12:00", end: "2017-09-12T13:00", zone: "America/Chicago", area: nil, mode: .online,
                                    summary: "Climate-related financial risk as a potentially material investment risk: legal challenges and opportunities."),
                      topics: [topic("climate")], source: news, parties: [.host: [mip]]),
            meeting("2017-summer-meeting", "Summer 2017 Meeting", kind: .annualMeeting, "2017-08-16", "2017-08-18", zone: "America/New_York",
                    area: "burlington", series: "Summer Meeting", summary: "Hosted by Mayor Weinberger in Burlington, Vermont.",
                    hosts: [person("miro-weinberger")]),
            // "Join us in October": the listing names the month and no day, place or kind.
            DemoEvent(values: event("2016-fostering-resilience-sustainable-water-solutions", "Fostering Resilience: Leading on Sustainable Water Solutions",
                                    kind: .forum, start: "2016-10", end: "2016-10", zone: "America/Chicago", area: nil,
                                    summary: "How integrated, innovative solutions can build a resilient water future and more livable cities."),
                      topics: [topic("water")], source: news, parties: [.host: [mip]]),
            meeting("2016-summer-meeting", "2016 Summer Meeting", kind: .annualMeeting, "2016-08-25", "2016-08-27", zone: "America/Los_Angeles",
                    area: "berkeley", series: "Summer Meeting", summary: "Hosted by Mayor Tom Bates in Berkeley, California.", hosts: [person("tom-bates")]),
            meeting("2016-winter-meeting", "2016 Winter Meeting", "2016-01-22", "2016-01-23", zone: "America/New_York",
                    area: "washington-dc", series: "Winter Policy Meeting", summary: "Presentations and resources from the Winter Meeting in Washington, DC."),
            meeting("2015-local-control-workshop", "Local Control Workshop", kind: .workshop, "2015-12-06", "2015-12-07", zone: "America/New_York",
                    area: "washington-dc", series: nil, summary: "On state legislation that preempts city and county health, safety, workplace and environmental ordinances.",
                    topics: ["preemption"]),
            meeting("2015-summer-meeting", "Summer Meeting in Des Moines", kind: .annualMeeting, "2015-08-13", "2015-08-15", zone: "America/Chicago",
                    area: "des-moines", series: "Summer Meeting", summary: "The summer meeting in Des Moines, Iowa, with presentations and a briefing book."),
            meeting("2014-workshop-state-preemption-of-local-authority", "Workshop: State Preemption of Local Authority", kind: .workshop,
                    "2014-11-18", "2014-11-18", zone: "America/Chicago", area: "austin", series: nil,
                    summary: "Understanding the trend of state preemption of local labor, health, safety and environmental ordinances, and strategies for action.",
                    topics: ["preemption"]),
            meeting("2014-boston-carbon-risk-forum", "Boston Carbon Risk Forum 2014", kind: .forum, "2014-09-29", "2014-09-29",
                    zone: "America/New_York", area: "boston", series: nil,
                    summary: "City and state government leaders, financial professionals and organisations concerned about carbon risk in their investments.",
                    topics: ["climate"]),
            meeting("2014-summer-meeting", "Summer 2014 Meeting", kind: .annualMeeting, "2014-08-20", "2014-08-22", zone: "America/New_York",
                    area: "chapel-hill", series: "Summer Meeting",
                    summary: "Retrofitting the suburbs, creative civic engagement, town/higher education partnerships, affordable housing and fostering entrepreneurship.",
                    topics: ["housing"]),
            DemoEvent(values: event("2014-winter-meeting", "Winter 2014 Meeting", kind: .policyMeeting, start: "2014-01-24", end: "2014-01-25",
                                    zone: "America/New_York", area: "washington-dc", series: "Winter Policy Meeting",
                                    summary: "The 10th Winter Meeting: the educational achievement gap, poverty, energy efficiency, and working with allies outside city hall.",
                                    extra: ["highlights": "The network's tenth winter meeting took up the educational achievement gap, poverty and energy efficiency, and how to work with allies outside city hall. Washington, DC Mayor Vincent Gray and U.S. Deputy Secretary of Transportation Victor Mendez addressed the mayors."]),
                      // The listing names the two speakers but no session, day or time: they are
                      // named in the highlights, not given an invented session.
                      source: news, parties: [.host: [mip]]),
        ]
    }
}

/// The source keys of the directory's demo part, as slugs of `source-...` ids.
enum DemoSourceKeys {
    static let winterMeeting2018 = "uscm-winter-meeting-2018-highlights"
    static let featuredNews = "mayors-innovation-project-featured-news"
    static let localProgress2014 = "local-progress-national-convening-2014-report"
    static let globalMayorsSummit = "global-mayors-summit-2017-programme"
}
