extension DirectoryDemo {
    static var areas: [Item] {
        let countries = [
            Item(kind: .area, key: "united-states", fields: ["name": "United States", "classification": "country", "country_code": "US", "identifier": "ocd-division/country:us"]),
            Item(kind: .area, key: "united-kingdom", fields: ["name": "United Kingdom", "classification": "country", "country_code": "GB", "identifier": "ocd-division/country:gb"]),
            Item(kind: .area, key: "france", fields: ["name": "France", "classification": "country", "country_code": "FR", "identifier": "ocd-division/country:fr"]),
        ]
        let regions = [
            Item(kind: .area, key: "great-lakes-region", fields: ["name": "Great Lakes region", "classification": "region",
                 "summary": "The region whose water utility leaders met in Detroit in April 2020."], sources: [featuredNews]),
            Item(kind: .area, key: "new-england", fields: ["name": "New England", "classification": "region", "parent_id": "united-states", "country_code": "US"], sources: [featuredNews]),
            Item(kind: .area, key: "new-york-state", fields: ["name": "New York State", "classification": "state", "parent_id": "united-states", "country_code": "US",
                 "identifier": "ocd-division/country:us/state:ny", "time_zone": "America/New_York"], sources: [featuredNews]),
        ]
        // slug, name, country, OCD id (US places), time zone, latitude, longitude, source
        let cities: [(String, String, String, String?, String, String, String, String)] = [
            ("washington-dc", "Washington, D.C.", "united-states", "ocd-division/country:us/district:dc", "America/New_York", "38.9072", "-77.0369", winterMeeting2018),
            ("new-orleans", "New Orleans", "united-states", "ocd-division/country:us/state:la/place:new_orleans", "America/Chicago", "29.9511", "-90.0715", winterMeeting2018),
            ("los-angeles", "Los Angeles", "united-states", "ocd-division/country:us/state:ca/place:los_angeles", "America/Los_Angeles", "34.0522", "-118.2437", winterMeeting2018),
            ("chicago", "Chicago", "united-states", "ocd-division/country:us/state:il/place:chicago", "America/Chicago", "41.8781", "-87.6298", winterMeeting2018),
            ("anaheim", "Anaheim", "united-states", "ocd-division/country:us/state:ca/place:anaheim", "America/Los_Angeles", "33.8366", "-117.9143", winterMeeting2018),
            ("san-jose", "San José", "united-states", "ocd-division/country:us/state:ca/place:san_jose", "America/Los_Angeles", "37.3382", "-121.8863", winterMeeting2018),
            ("milwaukee", "Milwaukee", "united-states", "ocd-division/country:us/state:wi/place:milwaukee", "America/Chicago", "43.0389", "-87.9065", winterMeeting2018),
            ("baltimore", "Baltimore", "united-states", "ocd-division/country:us/state:md/place:baltimore", "America/New_York", "39.2904", "-76.6122", winterMeeting2018),
            ("louisville", "Louisville", "united-states", "ocd-division/country:us/state:ky/place:louisville", "America/Kentucky/Louisville", "38.2527", "-85.7585", winterMeeting2018),
            ("new-york-city", "New York City", "new-york-state", "ocd-division/country:us/state:ny/place:new_york", "America/New_York", "40.7128", "-74.0060", globalMayorsSummit),
            ("boston", "Boston", "united-states", "ocd-division/country:us/state:ma/place:boston", "America/New_York", "42.3601", "-71.0589", winterMeeting2018),
            ("tacoma", "Tacoma", "united-states", "ocd-division/country:us/state:wa/place:tacoma", "America/Los_Angeles", "47.2529", "-122.4443", featuredNews),
            ("detroit", "Detroit", "united-states", "ocd-division/country:us/state:mi/place:detroit", "America/Detroit", "42.3314", "-83.0458", featuredNews),
            ("appleton", "Appleton", "united-states", "ocd-division/country:us/state:wi/place:appleton", "America/Chicago", "44.2619", "-88.4154", featuredNews),
            ("burlington", "Burlington", "united-states", "ocd-division/country:us/state:vt/place:burlington", "America/New_York", "44.4759", "-73.2121", featuredNews),
            ("berkeley", "Berkeley", "united-states", "ocd-division/country:us/state:ca/place:berkeley", "America/Los_Angeles", "37.8715", "-122.2730", featuredNews),
            ("des-moines", "Des Moines", "united-states", "ocd-division/country:us/state:ia/place:des_moines", "America/Chicago", "41.5868", "-93.6250", featuredNews),
            ("austin", "Austin", "united-states", "ocd-division/country:us/state:tx/place:austin", "America/Chicago", "30.2672", "-97.7431", featuredNews),
            ("chapel-hill", "Chapel Hill", "united-states", "ocd-division/country:us/state:nc/place:chapel_hill", "America/New_York", "35.9132", "-79.0558", featuredNews),
            ("pittsburgh", "Pittsburgh", "united-states", "ocd-division/country:us/state:pa/place:pittsburgh", "America/New_York", "40.4406", "-79.9959", featuredNews),
            ("philadelphia", "Philadelphia", "united-states", "ocd-division/country:us/state:pa/place:philadelphia", "America/New_York", "39.9526", "-75.1652", globalMayorsSummit),
            ("seattle", "Seattle", "united-states", "ocd-division/country:us/state:wa/place:seattle", "America/Los_Angeles", "47.6062", "-122.3321", localProgress2014),
            ("london", "London", "united-kingdom", nil, "Europe/London", "51.5074", "-0.1278", resilientMigration),
            ("paris", "Paris", "france", nil, "Europe/Paris", "48.8566", "2.3522", resilientMigration),
        ]
        return countries + regions + cities.map { slug, name, country, ocd, zone, latitude, longitude, source in
            var fields = ["name": name, "classification": "city", "parent_id": country, "time_zone": zone, "latitude": latitude, "longitude": longitude]
            fields["identifier"] = ocd
            fields["country_code"] = ["france": "FR", "united-kingdom": "GB"][country] ?? "US"
            // Populations come from outside the documents and cite where they do.
            guard let article = cityArticles[slug] else { return Item(kind: .area, key: slug, fields: fields, sources: [source]) }
            fields["population"] = String(article.population)
            return Item(kind: .area, key: slug, fields: fields, sources: [source, populationSource(slug)])
        }
    }
}
