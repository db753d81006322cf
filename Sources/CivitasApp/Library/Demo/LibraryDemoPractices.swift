/// Practices: the tactics mayors shared at the January 2018 winter meeting, the city
/// innovations named at the 2017 Global Mayors Summit, and Los Angeles' executive directive.
extension LibraryDemo {
    static var practices: [Item] {
        func tactic(_ slug: String, _ title: String, city: String, mayor: String, summary: String, approach: String,
                    outcomes: String? = nil, transfer: String? = nil) -> Item {
            var fields = ["title": title, "status": "active", "summary": summary, "approach": approach, "evidence_level": "anecdote"]
            fields["outcomes"] = outcomes
            fields["transfer_notes"] = transfer
            return Item(kind: .practice, slug: slug, fields: fields,
                        links: ["city_ids": [city], "person_ids": [mayor], "topic_ids": ["public-safety"], "event_ids": ["2018-winter-meeting"]],
                        source: winterMeeting2018)
        }
        func innovation(_ slug: String, _ title: String, city: String, summary: String) -> Item {
            Item(kind: .practice, slug: slug, fields: ["title": title, "status": "active", "summary": summary],
                 links: ["city_ids": [city], "topic_ids": ["immigration"], "event_ids": ["2017-global-mayors-summit"]], source: globalMayorsSummit)
        }
        return [
            tactic("pro-athletes-as-a-community-bridge", "Pro athletes as a bridge between police and youth", city: "milwaukee", mayor: "tom-barrett",
                   summary: "Milwaukee works with players of its NBA team, the Milwaukee Bucks, whom both police officers and young people look up to, to bring the two together on shared goals.",
                   approach: "Professional basketball players act as a link between the police and young people, working with both on goals they share.",
                   transfer: "Mayor Barrett suggested that any city with a professional sports franchise nearby can do the same."),
            tactic("listening-to-youth-needs", "Responding to what young people need", city: "baltimore", mayor: "catherine-pugh",
                   summary: "Baltimore went on a listening tour to learn what young people needed, then invested in what they asked for.",
                   approach: "After the listening tour the city began investing in youth apprenticeship programmes, in recreation centres open at the hours young people most need them, and in meals in neighbourhoods where schools are closing."),
            tactic("mindfulness-to-build-resilience", "Mindfulness to build children's resilience", city: "louisville", mayor: "greg-fischer",
                   summary: "Louisville teaches children who face violence in their lives to develop mindfulness skills.",
                   approach: "Programmes teach mindfulness skills and build up children's nutritional, social and mental health capacity.",
                   outcomes: "Mayor Fischer said the efforts have helped close social and emotional gaps in schools."),
            tactic("de-escalating-conflicts", "Police trained to de-escalate conflicts", city: "new-york-city", mayor: "bill-de-blasio",
                   summary: "New York City police are trained to de-escalate conflicts and to know the people of the neighbourhoods they serve.",
                   approach: "Officers are trained in de-escalating conflicts, learn the names of community members, and give residents contact details to reach them directly.",
                   outcomes: "Mayor de Blasio said communities now work with the police to address gang problems, find illegal weapons and act on crime before it happens."),
            innovation("new-york-city-municipal-id-card", "Municipal ID card", city: "new-york-city",
                       summary: "New York City's municipal identity card, named at the 2017 Global Mayors Summit as a city innovation for welcoming communities that tackles the difficulty of personal identification."),
            innovation("london-community-sponsorship", "Community sponsorship of refugees", city: "london",
                       summary: "London's community sponsorship programme, named at the 2017 Global Mayors Summit as a city innovation for welcoming migrants and refugees."),
            innovation("philadelphia-welcoming-and-integration", "Welcoming and integration efforts", city: "philadelphia",
                       summary: "Philadelphia's welcoming and integration efforts, named at the 2017 Global Mayors Summit as a city innovation for welcoming communities."),
            Item(kind: .practice, slug: "standing-with-immigrants-executive-directive",
                 fields: ["title": "Standing with Immigrants: A City of Safety, Refuge, and Opportunity for All", "status": "active",
                          "summary": "An executive directive Mayor Garcetti signed on the Cities' Day of Immigration Action, so that Los Angeles' public servants stay focused on protecting people, serving communities and saving lives.",
                          "approach": "City staff do not ask about immigration status and do not take part in federal civil immigration enforcement."],
                 links: ["city_ids": ["los-angeles"], "person_ids": ["eric-garcetti"], "topic_ids": ["immigration"]], source: resilientMigration),
        ]
    }
}
