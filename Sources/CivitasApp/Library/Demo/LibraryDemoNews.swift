/// News: every dated item of the Mayors Innovation Project's listing that is not a meeting,
/// workshop or webinar (those are events): each publication's announcement, cohorts, the
/// job posting and other announcements, with the date the listing gives.
extension LibraryDemo {
    static var news: [Item] {
        let announcements: [Item] = [
            ("what-mayors-need-to-know-now", "What Mayors Need to Know Now", nil, "announcement", "2020-03-17",
             "A curated list of the best resources for mayors, amid a flood of information.", [String]()),
            ("new-mayors-cohort-2020", "New Mayors Cohort 2020", nil, "call_for_applications", "2020-01-28",
             "A cohort, grounded in a commitment to inclusion across race, gender and economic status, to help mayors in their first term build capacity and enact their agendas.", []),
            ("imagine-a-day-without-water", "Imagine a Day without Water", "Member City Spotlight", "announcement", "2019-10-23",
             "For Imagine a Day without Water, a day of education and advocacy about the value of water, a new series of member city spotlights begins.", ["water"]),
            ("defense-against-the-dark-arts", "Defense Against the Dark Arts", "What Preemption Is & What Cities Can Do To Address It", "announcement", "2019-01-22",
             "What preemption is, how it affects cities and what they can do about it: a comprehensive preemption strategy is critical for progressive city leadership.", ["preemption"]),
            ("behavioral-science-cohort", "Behavioral Science Cohort", nil, "call_for_applications", "2018-01-29",
             "The second year of a partnership with Harvard's Behavioral Insights Group begins this spring, using behavioural science to achieve city goals.", []),
            ("preserving-local-control", "Preserving Local Control", nil, "announcement", "2017-08-03",
             "Local laws across America are being preempted by state legislation that undermines local democracy; what cities can do to counteract the trend.", ["preemption"]),
            ("we-are-hiring-2017", "We're Hiring!", "Apply by July 3rd to ensure consideration.", "job_posting", "2017-05-17",
             "The network seeks an exceptional person to help provide high-quality policy and programme information to cities across the country.", []),
        ].map { slug, title, subtitle, kind, date, body, topics in
            var fields = ["title": title, "kind": kind, "published_on": date, "body": body]
            fields["subtitle"] = subtitle
            return Item(kind: .news, slug: slug, fields: fields, links: ["topic_ids": topics], source: featuredNews)
        }
        let publications = listedPublications.map { slug, title, subtitle, kind, date, summary, topics in
            Item(kind: .news, slug: "published-\(slug)",
                 fields: ["title": subtitle.map { "\(title): \($0)" } ?? title, "kind": "announcement", "published_on": date,
                          "body": "New \(kind == "publication" ? "publication" : kind == "webpage" ? "web page" : kind): \(summary)"],
                 links: ["resource_ids": [slug], "topic_ids": topics], source: featuredNews)
        }
        var all = announcements + publications
        // Two announcements date their posting but not what they announce: the note says what
        // the listing gives.
        for (slug, note) in undatedAnnouncements {
            guard let index = all.firstIndex(where: { $0.slug == slug }) else { fatalError("no demo news item \(slug)") }
            all[index].fields["date_note"] = note
        }
        // The newest item of the listing leads the home page.
        if let index = all.firstIndex(where: { $0.slug == "what-mayors-need-to-know-now" }) { all[index].fields["featured"] = "true" }
        return all
    }

    /// The announcements whose subject the listing leaves undated, with what it says of the date.
    static let undatedAnnouncements: [(slug: String, note: String)] = [
        ("imagine-a-day-without-water", "Posted on 23 October 2019 in the listing, which gives no date for the day itself"),
        ("defense-against-the-dark-arts", "Posted on 22 January 2019 in the listing, which invites registration without giving a date or place"),
    ]
}
