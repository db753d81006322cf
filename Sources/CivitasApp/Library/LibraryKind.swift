/// The kinds of record the library keeps: what cities did (practices), what the network
/// published (resources) and what it announced (news).
enum LibraryKind: String, CaseIterable, Sendable, Codable {
    case practice
    case resource
    case news

    /// The path segment of its pages and API collection.
    var plural: String {
        switch self {
        case .practice: "practices"
        case .resource: "resources"
        case .news: "news"
        }
    }

    var table: String {
        switch self {
        case .practice: "practices"
        case .resource: "resources"
        case .news: "news_items"
        }
    }

    var label: String {
        switch self {
        case .practice: "Practice"
        case .resource: "Resource"
        case .news: "News item"
        }
    }

    var pluralLabel: String {
        switch self {
        case .practice: "Practices"
        case .resource: "Resources"
        case .news: "News"
        }
    }

    var titleColumn: String { "title" }
    var hasSlug: Bool { true }

    /// Practices read alphabetically; resources and news newest first.
    var isDated: Bool { self != .practice }

    /// The column the `kind` filter reads (practices are filtered by status instead).
    var typeColumn: String { self == .practice ? "status" : "kind" }

    /// The link fields that point at places, for the `area` filter.
    var placeFields: [String] {
        switch self {
        case .practice: ["city_ids"]
        case .resource: []
        case .news: ["area_ids"]
        }
    }
}

extension LibraryKind: RecordShape {
    var kindName: RecordKindName { RecordKindName(rawValue: rawValue) }

    /// The library kind a reference names; nil for another capability's kind.
    init?(_ name: RecordKindName) { self.init(rawValue: name.rawValue) }
}

extension RecordKindName {
    static let practice = LibraryKind.practice.kindName
    static let resource = LibraryKind.resource.kindName
    static let news = LibraryKind.news.kindName
}
