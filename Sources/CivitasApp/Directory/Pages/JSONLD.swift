import CivitasCore

/// schema.org descriptions of directory pages, for search engines and link previews.
enum JSONLD {
    static let context: JSONValue = "https://schema.org"

    /// The record's description and its place in the site (a BreadcrumbList), as one graph.
    static func profile(_ profile: Profile, baseURL: String) -> JSONValue {
        let record = profile.record
        return SchemaOrgList.graph(describe(profile, baseURL: baseURL),
                                   breadcrumb: [(record.kind.pluralLabel, DirectoryURL.list(record.kind).path),
                                                (record.title, DirectoryURL.record(record.kind, record.urlKey).path)],
                                   baseURL: baseURL)
    }

    static func describe(_ profile: Profile, baseURL: String) -> JSONValue {
        let record = profile.record
        var object: [String: JSONValue] = [
            "@context": context,
            "@type": .string(type(of: record)),
            "@id": .string(baseURL + DirectoryURL.record(record.kind, record.urlKey).path),
            "url": .string(baseURL + DirectoryURL.record(record.kind, record.urlKey).path),
            "name": .string(record.title),
        ]
        if let summary = record.text("summary") ?? record.text("description") { object["description"] = .string(summary) }
        if !profile.sources.isEmpty {
            object["subjectOf"] = .array(profile.sources.map { source in
                ["@type": "CreativeWork", "name": .string(source.title), "url": .string(RecordBody.sourceURL(source, publicURL: baseURL))]
            })
        }
        switch record.kind {
        case .person:
            if let image = record.text("image") { object["image"] = .string(image) }
            if let prefix = record.text("honorific_prefix") { object["honorificPrefix"] = .string(prefix) }
            let current = profile.memberships.filter { $0.isCurrent && $0.postLabel != nil }
            if !current.isEmpty { object["jobTitle"] = .array(current.map { .string($0.title) }) }
            if !profile.memberships.isEmpty {
                object["memberOf"] = .array(profile.memberships.map { line in
                    role(line, property: "memberOf", value: ["@type": "Organization", "name": .string(line.organizationName),
                                                              "url": .string(baseURL + DirectoryURL.record(.organization, line.organizationSlug).path)])
                })
            }
        case .organization:
            if let founded = record.text("founding_date") { object["foundingDate"] = .string(founded) }
            if let website = record.text("website") { object["sameAs"] = .string(website) }
            if let area = profile.references["area_id"] { object["location"] = ["@type": "Place", "name": .string(area.title)] }
            let members = profile.memberships.compactMap { line -> JSONValue? in
                guard let name = line.personName ?? line.memberName,
                      let path = line.personSlug.map({ DirectoryURL.record(.person, $0).path }) ?? line.memberSlug.map({ DirectoryURL.record(.organization, $0).path })
                else { return nil }
                return role(line, property: "member", value: ["@type": line.personName != nil ? "Person" : "Organization", "name": .string(name), "url": .string(baseURL + path)])
            }
            if !members.isEmpty { object["member"] = .array(members) }
        case .area:
            if case .decimal(let latitude) = record["latitude"], case .decimal(let longitude) = record["longitude"] {
                object["geo"] = ["@type": "GeoCoordinates", "latitude": .double(latitude), "longitude": .double(longitude)]
            }
            if let parent = profile.references["parent_id"] {
                object["containedInPlace"] = ["@type": "Place", "name": .string(parent.title), "url": .string(baseURL + DirectoryURL.record(.area, parent.slug).path)]
            }
        case .post:
            if let name = record.text("role") ?? record.text("label") { object["roleName"] = .string(name) }
        default:
            break
        }
        return .object(object)
    }

    static func type(of record: RecordValues) -> String {
        switch record.kind {
        case .person: "Person"
        case .organization: record.text("classification") == "city_government" || record.text("classification") == "government_agency" ? "GovernmentOrganization" : "Organization"
        case .area:
            switch record.text("classification") {
            case "city", "town": "City"
            case "country": "Country"
            default: "AdministrativeArea"
            }
        case .post, .membership: "Role"
        case .topic: "DefinedTerm"
        case .source: "CreativeWork"
        }
    }

    /// A schema.org Role: who held what, and when. Inside the Role the property repeats the one
    /// that holds it (an organisation's `member` is a Role whose `member` is the person or city
    /// government; a person's `memberOf` is a Role whose `memberOf` is the organisation).
    static func role(_ line: MembershipLine, property: String, value: JSONValue) -> JSONValue {
        var object: [String: JSONValue] = ["@type": "Role", "roleName": .string(line.title), property: value]
        if let start = line.startDate { object["startDate"] = .string(start) }
        if let end = line.endDate { object["endDate"] = .string(end) }
        return .object(object)
    }
}
