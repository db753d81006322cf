extension DirectoryDemo {
    static var memberships: [Item] {
        var items = mayors.map { mayor in
            // The document says who was mayor; the article gives the term's dates.
            membership("\(mayor.person)-mayor-of-\(mayor.city)", ["person_id": mayor.person, "post_id": "mayor-of-\(mayor.city)", "role": "Mayor",
                                                                   "start_date": mayor.start, "end_date": mayor.end], mayor.source, officeSource(mayor.person))
        }
        items += [
            membership("mitch-landrieu-president-uscm", ["person_id": "mitch-landrieu", "post_id": "president-of-the-us-conference-of-mayors", "role": "President", "start_date": "2017-06", "end_date": "2018-06"], winterMeeting2018, officeSource("mitch-landrieu")),
            membership("melissa-mark-viverito-speaker", ["person_id": "melissa-mark-viverito", "post_id": "speaker-of-the-new-york-city-council", "role": "Speaker", "start_date": "2014-01-08", "end_date": "2017-12-31"], localProgress2014, officeSource("melissa-mark-viverito")),
            membership("shireen-santosham-cio", ["person_id": "shireen-santosham", "post_id": "chief-innovation-officer-of-san-jose", "role": "Chief Innovation Officer"], winterMeeting2018),
            membership("victor-mendez-deputy-secretary", ["person_id": "victor-mendez", "post_id": "deputy-secretary-of-transportation", "role": "Deputy Secretary"], featuredNews),
            membership("tefere-gebre-afl-cio", ["person_id": "tefere-gebre", "post_id": "executive-vice-president-of-the-afl-cio", "role": "Executive Vice President"], localProgress2014),
            membership("sam-liccardo-bdac", ["person_id": "sam-liccardo", "organization_id": "fcc-broadband-deployment-advisory-committee", "role": "member", "end_date": "2018-01"], winterMeeting2018),
            membership("john-powell-uc-berkeley", ["person_id": "john-powell", "organization_id": "uc-berkeley", "role": "scholar"], localProgress2014),
            membership("hector-figueroa-32bj", ["person_id": "hector-figueroa", "organization_id": "32bj-seiu", "role": "leader"], localProgress2014),
            membership("heather-mcghee-demos", ["person_id": "heather-mcghee", "organization_id": "demos", "role": "leader"], localProgress2014),
            membership("valerie-ervin-cwf", ["person_id": "valerie-ervin", "organization_id": "center-for-working-families", "role": "leader"], localProgress2014),
            membership("ken-zimmerman-osf", ["person_id": "ken-zimmerman", "organization_id": "open-society-foundations", "role": "leader"], localProgress2014),
            membership("gara-lamarche-democracy-alliance", ["person_id": "gara-lamarche", "organization_id": "democracy-alliance", "role": "leader"], localProgress2014),
        ]
        let uscmMembers = ["city-of-new-orleans", "city-of-los-angeles", "city-of-chicago", "city-of-anaheim", "city-of-san-jose",
                           "city-of-milwaukee", "city-of-baltimore", "louisville-metro-government", "city-of-new-york"]
        items += uscmMembers.map { membership("\($0)-in-uscm", ["member_organization_id": $0, "organization_id": "us-conference-of-mayors", "role": "member"], winterMeeting2018) }
        let resilientMembers = ["city-of-new-york", "greater-london-authority", "city-of-paris", "city-of-los-angeles"]
        items += resilientMembers.map { membership("\($0)-in-100rc", ["member_organization_id": $0, "organization_id": "100-resilient-cities", "role": "member"], resilientMigration) }
        items += [
            membership("rockefeller-funds-100rc", ["member_organization_id": "rockefeller-foundation", "organization_id": "100-resilient-cities", "role": "funder", "label": "Pioneered by the Rockefeller Foundation"], resilientMigration),
            membership("milwaukee-bucks-in-nba", ["member_organization_id": "milwaukee-bucks", "organization_id": "national-basketball-association", "role": "team"], winterMeeting2018),
            membership("cpd-staffs-local-progress", ["member_organization_id": "center-for-popular-democracy", "organization_id": "local-progress", "role": "staffing organization", "label": "Staffs Local Progress"], localProgress2014),
            membership("harvard-big-behavioral-cohort", ["member_organization_id": "harvard-behavioral-insights-group", "organization_id": "behavioral-science-cohort", "role": "partner", "start_date": "2017"], featuredNews),
            membership("ssti-mip-partner", ["member_organization_id": "state-smart-transportation-initiative", "organization_id": "mayors-innovation-project", "role": "partner", "label": "Co-author of Modernizing Mitigation", "start_date": "2018-10"], featuredNews),
        ]
        return items
    }

    static func membership(_ key: String, _ fields: [String: String?], _ sources: String...) -> Item {
        Item(kind: .membership, key: key, fields: fields.compactMapValues { $0 }, sources: sources)
    }
}
