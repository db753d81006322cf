/// Resources: the publications of the Mayors Innovation Project's news listing (its kind
/// where the listing names it: report, guide, brief, paper or web page; otherwise
/// "publication"), the joint op-ed of three mayors and Los Angeles' community resource guide.
extension LibraryDemo {
    /// slug, title, subtitle, kind, date, summary, topics
    static let listedPublications: [(String, String, String?, String, String, String, [String])] = [
        ("from-seed-to-root", "From Seed to Root", "Early-Stage Strategies for Community Wealth Building", "publication", "2020-02-05",
         "Why city leaders, mayors among them, should play a critical role in building community wealth in one of the most unequal societies in the world.", ["wages"]),
        ("setting-the-agenda-water-affordability", "Setting the Agenda", "A Mayors' Guide to Water Affordability", "guide", "2019-12-04",
         "Ageing water systems, climate change and the rising cost of city life make clean and affordable water harder to secure.", ["water"]),
        ("actionable-solutions-for-public-water", "Actionable Solutions for Public Water", nil, "publication", "2019-11-21",
         "City leaders face climate change, outdated infrastructure and little federal support in providing affordable and safe water.", ["water"]),
        ("leading-on-transit", "Leading on Transit", nil, "brief", "2018-11-08",
         "How cities around the country lead on transit to become more equitable, sustainable and economically vibrant.", ["transit"]),
        ("modernizing-mitigation", "Modernizing Mitigation", "A Demand-Centered Approach to Reducing Car Travel", "report", "2018-10-22",
         "Technical guidance, with the State Smart Transportation Initiative, on how transportation demand management has evolved.", ["transit"]),
        ("building-immigrant-friendly-cities", "Building Immigrant-friendly Cities", "A Guide for City Leaders", "guide", "2018-05-10",
         "Actions cities can take to support immigrant populations as the federal government grows more hostile toward immigrants.", ["immigration"]),
        ("immigration-enforcement-resources", "Immigration Enforcement", "Resources for Sanctuary Cities and Beyond", "webpage", "2017-02-03",
         "Legal and policy tools, resources and examples for cities to limit their part in immigration law enforcement.", ["immigration"]),
        ("integrated-water-management", "Integrated Water Management", "A Guide for City Leaders", "guide", "2016-06-15",
         "Effective water management for a healthy, livable and equitable city, for cities short of funds or facing problems of quality.", ["water"]),
        ("a-pittsburgh-that-works", "A Pittsburgh that Works for Working People", nil, "publication", "2016-05-23",
         "Steps the mayor and city council can take as housing costs rise, median income stagnates and racial disparities persist.", ["wages", "housing"]),
        ("a-district-that-works", "A District That Works", "Policies to Promote Equity and Job Quality in our Nation's Capital", "publication", "2015-07-22",
         "Policies for equity and job quality in the District of Columbia as its economy and population grow.", ["wages"]),
        ("urban-parking", "Urban Parking", "Rational Policy Approaches for Cities and Towns", "report", "2015-03-18",
         "How parking policy can manage supply, reduce traffic, cut pollution, lower housing costs and improve vitality.", ["transit"]),
        ("a-boston-that-works", "A Boston That Works", "Recommendations for building good jobs and strong communities", "publication", "2014-07-11",
         "Recommendations for good jobs in a city where nearly one family in four lives in poverty.", ["wages"]),
        ("urban-freight-transportation", "Urban Freight Transportation", "Low Cost Measures to Reduce Negative Impacts", "report", "2014-05-02",
         "Strategies for cities to meet the challenges freight transportation brings.", ["transit"]),
        ("local-food-and-economic-development", "Local Food and Economic Development", "A Guide for Local Governments", "guide", "2014-04-15",
         "How cities can use the trend toward local food to increase local economic activity.", ["food"]),
        ("re-thinking-the-urban-freeway", "Re-Thinking the Urban Freeway", "Options for Rebuilding, Replacing, Altering or Otherwise Addressing Aging Freeways", "publication", "2014-02-26",
         "A paper on rethinking urban freeways to address environmental, economic and social justice issues.", ["transit"]),
        ("divestment-from-fossil-fuels", "Divestment from Fossil Fuels", "A Guide for City Officials and Activists", "guide", "2014-02-26",
         "Climate change as the greatest long-term threat to cities, and divestment as a response.", ["climate"]),
        ("cities-at-work", "Cities at Work", "Progressive Local Policies to Rebuild the Middle Class", "report", "2014-02-06",
         "Practical ways for elected officials and advocates to move toward shared prosperity, sustainability and efficient democratic government.", ["wages"]),
        ("local-living-wage-ordinances", "Local Living Wage Ordinances", "Experience, Evidence and Best Practices", "publication", "2013-11-19",
         "Living wage ordinances raise job standards at firms that do business with, or benefit from, a city or county.", ["wages"]),
        ("promoting-access-to-healthy-local-food", "Promoting Access to Healthy Local Food", "A Guide for Local Governments", "guide", "2012-10-22",
         "Disparities in access to fresh, healthy produce within cities, and what local governments can do.", ["food"]),
    ]

    static var resources: [Item] {
        listedPublications.map { slug, title, subtitle, kind, date, summary, topics in
            var fields = ["title": title, "kind": kind, "published_on": date, "summary": summary]
            fields["subtitle"] = subtitle
            return Item(kind: .resource, slug: slug, fields: fields,
                        links: ["author_organization_ids": ["mayors-innovation-project"], "topic_ids": topics], source: featuredNews)
        } + [
            Item(kind: .resource, slug: "our-immigrants-our-strength",
                 fields: ["title": "Our Immigrants, Our Strength", "kind": "op_ed", "published_on": "2016-09",
                          "summary": "A joint op-ed in the New York Times on the ways immigrants enrich their cities, urging the national leaders at the United Nations General Assembly to act for refugees and migrants."],
                 links: ["author_ids": ["bill-de-blasio", "sadiq-khan", "anne-hidalgo"], "topic_ids": ["immigration"]], source: resilientMigration),
            Item(kind: .resource, slug: "los-angeles-community-resource-guide",
                 fields: ["title": "Community Resource Guide for immigrant Angelenos", "kind": "guide",
                          "summary": "Civil rights, legal service providers and community organizations that can help immigrants in Los Angeles. The source gives its address as LAMayor.org/KnowYourRights."],
                 links: ["author_organization_ids": ["los-angeles-mayors-office-of-immigrant-affairs"], "topic_ids": ["immigration"]], source: resilientMigration),
        ]
    }
}
