/// The kinds of directory record, following Popolo. Each kind's fields are declared once
/// (`fields`) and drive its form, its validation, its API answer and its OpenAPI schema.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case area
    case organization
    case person
    case post
    case membership
    case topic
    case source

    /// Table name, and the path segment used by the site and the API.
    public var plural: String {
        switch self {
        case .area: "areas"
        case .organization: "organizations"
        case .person: "people"
        case .post: "posts"
        case .membership: "memberships"
        case .topic: "topics"
        case .source: "sources"
        }
    }

    public var table: String { plural }

    public init?(plural: String) {
        guard let kind = RecordKind.allCases.first(where: { $0.plural == plural }) else { return nil }
        self = kind
    }

    public var label: String {
        switch self {
        case .area: "Area"
        case .organization: "Organization"
        case .person: "Person"
        // Popolo's "post" is a position such as "Mayor of Los Angeles": people say office.
        case .post: "Office"
        case .membership: "Membership"
        case .topic: "Topic"
        case .source: "Source"
        }
    }

    public var pluralLabel: String {
        switch self {
        case .person: "People"
        default: label + "s"
        }
    }

    /// The column that names a record in lists and links.
    public var titleColumn: String {
        switch self {
        case .post, .membership: "label"
        case .source: "title"
        default: "name"
        }
    }

    /// Memberships are addressed by id only; every other kind also has a readable slug.
    public var hasSlug: Bool { self != .membership }

    /// The order lists are shown in.
    public var sortColumn: String {
        switch self {
        case .person: "sort_name"
        case .membership: "start_date"
        default: titleColumn
        }
    }

    /// The kinds shown in the public directory (sources appear on the records that cite them).
    public static let publicKinds: [RecordKind] = [.area, .organization, .person, .post, .topic]
}
