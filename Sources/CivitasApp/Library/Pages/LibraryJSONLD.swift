import CivitasCore

/// Library records as schema.org describes them: a practice as a `CreativeWork`, a report or
/// brief as a `Report` and other resources as a `DigitalDocument`, news as a `NewsArticle`.
enum LibraryJSONLD {
    /// The record's description and its breadcrumb, as one graph; a resource's uploaded file
    /// is its `associatedMedia`.
    static func record(_ record: LibraryRecord, references: LibraryReferences, file: ResourceFile? = nil, publicURL: String) -> JSONValue {
        let url = publicURL + LibraryURL.record(record.kind, record.urlKey).path
        var object: [String: JSONValue] = ["@context": "https://schema.org", "@id": .string(url), "url": .string(url), "name": .string(record.title)]
        func things(_ field: String, type: String) -> [JSONValue] {
            references.of(record, field).map { ["@type": .string(type), "name": .string($0.title), "url": .string(publicURL + $0.link.path)] }
        }
        func put(_ key: String, _ values: [JSONValue]) { if !values.isEmpty { object[key] = .array(values) } }
        switch record.kind {
        case .practice:
            object["@type"] = "CreativeWork"
            object["genre"] = "city practice"
            if let status = record.text("status") { object["creativeWorkStatus"] = .string(status) }
            if case .integer(let year) = record["start_year"] { object["dateCreated"] = .string(String(year)) }
            put("spatialCoverage", things("city_ids", type: "City"))
            put("contributor", things("person_ids", type: "Person") + things("partner_ids", type: "Organization"))
            put("funder", things("funder_ids", type: "Organization"))
            if let parent = references.of(record, "adapted_from_id").first { object["isBasedOn"] = .string(publicURL + parent.link.path) }
        case .resource:
            let kind = record.text("kind") ?? ""
            object["@type"] = .string(["report", "brief"].contains(kind) ? "Report" : "DigitalDocument")
            put("author", things("author_ids", type: "Person") + things("author_organization_ids", type: "Organization"))
            if let date = record.text("published_on") { object["datePublished"] = .string(date) }
            if let link = record.text("link") { object["sameAs"] = .string(link) }
            if let subtitle = record.text("subtitle") { object["alternativeHeadline"] = .string(subtitle) }
            if let file {
                object["associatedMedia"] = [
                    "@type": "MediaObject", "name": .string(file.name), "encodingFormat": .string(file.type.mimeType),
                    "contentSize": .string(file.sizeText), "contentUrl": .string(publicURL + LibraryURL.resourceFile(record.urlKey).path),
                ]
            }
        case .news:
            object["@type"] = "NewsArticle"
            object["headline"] = .string(String(record.title.prefix(110)))
            if let subtitle = record.text("subtitle") { object["alternativeHeadline"] = .string(subtitle) }
            if let date = record.text("published_on") { object["datePublished"] = .string(date) }
            if let body = record.text("body") { object["articleBody"] = .string(body) }
            put("mentions", things("person_ids", type: "Person") + things("area_ids", type: "Place") + things("organization_ids", type: "Organization"))
        }
        if let summary = record.text("summary") { object["abstract"] = .string(summary) }
        put("about", references.of(record, "topic_ids").map { .string($0.title) })
        put("citation", references.of(record, "source_ids").map { .string(publicURL + $0.link.path) })
        return SchemaOrgList.graph(.object(object), breadcrumb: [(record.kind.pluralLabel, LibraryURL.list(record.kind).path), (record.title, LibraryURL.record(record.kind, record.urlKey).path)],
                                   baseURL: publicURL)
    }
}
