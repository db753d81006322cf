/// The fields of each kind. Names are Popolo's where Popolo has one.
extension RecordKind {
    public static let areaClassifications = ["country", "region", "state", "county", "city", "town"]
    public static let organizationClassifications = [
        "network", "city_government", "cohort", "working_group", "government_agency", "legislature",
        "foundation", "union", "university", "company", "ngo", "media", "other",
    ]

    /// Made once (see `FieldSets`): pages and writes read a kind's fields for every row.
    private static let fieldSetsByKind = Dictionary(uniqueKeysWithValues: allCases.map { ($0, FieldSets($0.declaredFields)) })

    private var fieldSets: FieldSets { Self.fieldSetsByKind[self]! }

    public var fields: [FieldSpec] { fieldSets.all }

    private var declaredFields: [FieldSpec] {
        switch self {
        case .area:
            [
                .text("name", "Name", required: true),
                .choice("classification", "Classification", Self.areaClassifications, required: true),
                .reference("parent_id", "Part of", .area),
                FieldSpec(name: "country_code", label: "ISO country code", kind: .countryCode, help: "Two letters, e.g. US"),
                FieldSpec(name: "identifier", label: "Open Civic Data division id", kind: .ocdDivision, help: "e.g. ocd-division/country:us/state:wa/place:tacoma"),
                FieldSpec(name: "population", label: "Population", kind: .integer(minimum: 0)),
                FieldSpec(name: "time_zone", label: "Time zone", kind: .timeZone, help: "IANA name, e.g. America/Chicago"),
                FieldSpec(name: "latitude", label: "Latitude", kind: .decimal(minimum: -90, maximum: 90)),
                FieldSpec(name: "longitude", label: "Longitude", kind: .decimal(minimum: -180, maximum: 180)),
                .long("summary", "Summary"),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        case .organization:
            [
                .text("name", "Name", required: true),
                .text("other_name", "Short name", help: "An acronym or common name, e.g. USCM"),
                .choice("classification", "Classification", Self.organizationClassifications, required: true),
                .reference("parent_id", "Part of", .organization),
                .reference("area_id", "Area", .area),
                .date("founding_date", "Founded"),
                .date("dissolution_date", "Dissolved"),
                FieldSpec(name: "website", label: "Website", kind: .url),
                .long("summary", "Summary"),
                FieldSpec(name: "topic_ids", label: "Topics", kind: .references(.topic)),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        case .person:
            [
                .text("name", "Name", required: true),
                .text("sort_name", "Sort name", help: "Family name first, e.g. Garcetti, Eric; made from the name when empty"),
                .text("honorific_prefix", "Honorific", max: 40),
                FieldSpec(name: "image", label: "Image URL", kind: .url),
                .long("summary", "Summary"),
                FieldSpec(name: "website", label: "Website", kind: .url),
                FieldSpec(name: "email", label: "E-mail (staff only)", kind: .email, isPrivate: true),
                FieldSpec(name: "phone", label: "Phone (staff only)", kind: .text(maxLength: 40), isPrivate: true),
                FieldSpec(name: "topic_ids", label: "Topics", kind: .references(.topic)),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        case .post:
            [
                .text("label", "Label", required: true, help: "e.g. Mayor of Los Angeles"),
                .text("role", "Role", help: "e.g. Mayor, President"),
                .reference("organization_id", "Organization", .organization, required: true),
                .reference("area_id", "Area", .area),
                .date("start_date", "Created"),
                .date("end_date", "Abolished"),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        case .membership:
            [
                .reference("person_id", "Person", .person),
                .reference("member_organization_id", "Member organization", .organization),
                .reference("organization_id", "Organization", .organization, required: true),
                .reference("post_id", "Office", .post),
                .text("role", "Role", help: "e.g. member, partner, funder, president"),
                .text("label", "Label"),
                .date("start_date", "Start"),
                .date("end_date", "End"),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        case .topic:
            [
                .text("name", "Name", required: true),
                .long("description", "Description"),
            ]
        case .source:
            [
                .text("title", "Title", max: 300, required: true),
                FieldSpec(name: "url", label: "URL", kind: .url),
                .text("publisher", "Publisher"),
                .date("published_on", "Published"),
                .text("document", "Document", help: "The file this source was read from, when it was imported"),
                .long("note", "Note"),
            ]
        }
    }

    /// Fields stored as columns of the kind's table.
    public var columnFields: [FieldSpec] { fieldSets.columns }
    public var linkFields: [FieldSpec] { fieldSets.links }
    public var publicFields: [FieldSpec] { fieldSets.visible }

}

/// Link tables: which records cite which sources, and which carry which topics.
public enum LinkTable {
    public static let citations = "citations"
    public static let topicLinks = "topic_links"

    public static func table(for field: FieldSpec) -> (table: String, targetColumn: String) {
        field.name == "topic_ids" ? (topicLinks, "topic_id") : (citations, "source_id")
    }
}
