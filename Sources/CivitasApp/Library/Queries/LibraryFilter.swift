import CivitasCore
import SQLKit
import Hummingbird

/// What a library list is narrowed to: text, a topic, a place, an event, a kind (practices: a
/// status) and a year, each optional. Topic, place and event arrive as slugs and are turned
/// into ids by the lookups of the capabilities keeping them before the query runs.
struct LibraryFilter: Sendable {
    var text: String?
    /// `text` answered by the search index (public lists), in place of matching titles and summaries.
    var textCondition: SQLQueryString?
    var topicID: String?
    var areaIDs: [String]?
    var eventID: String?
    var type: String?
    var year: Int?
    var featuredOnly = false
    var publishedOnly = true
    var offset = 0
    var limit = 25

    /// An id no record has: the filter of a topic or place that does not exist finds nothing.
    static let nothing = "-"

    /// The query parameters a list reads (they make its cache key).
    static let parameters = ["q", "topic", "area", "event", "kind", "year"] + QueryParameters.pagination

    /// The parameters as sent, checked; a value out of range is a 400 naming it.
    struct Requested: Sendable {
        var text: String?
        var topic: String?
        var area: String?
        var event: String?
        var type: String?
        var year: Int?

        init(_ request: Request, kind: LibraryKind) throws {
            let query = request.uri.queryParameters
            func value(_ name: String) -> String? {
                guard let raw = query[name[...]].map(String.init) else { return nil }
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            }
            text = value("q")
            if let text, text.unicodeScalars.count > 200 { throw AppError.badRequest("q must be at most 200 characters") }
            // Slugs are taken as sent: a slug with spaces around it is not a slug.
            func slug(_ name: String) -> String? {
                guard let raw = query[name[...]].map(String.init), !raw.isEmpty else { return nil }
                return raw
            }
            topic = slug("topic")
            area = slug("area")
            event = slug("event")
            for (name, slug, example) in [("topic", topic, "immigration"), ("area", area, "milwaukee"), ("event", event, "2018-winter-meeting")] {
                if let slug, !Slug.isValid(slug) { throw AppError.badRequest("\(name) must be the slug of a\(name == "event" ? "n" : "") \(name), e.g. \(example)") }
            }
            type = value("kind")
            if let type, !kind.types.contains(type) {
                throw AppError.badRequest("kind must be one of: \(kind.types.joined(separator: ", "))")
            }
            if let raw = value("year") {
                guard let year = Int(raw), (1800...9999).contains(year) else { throw AppError.badRequest("year must be a year such as 2018") }
                self.year = year
            }
        }
    }
}

extension LibraryKind {
    /// The values of the `kind` filter: a practice's statuses, a resource's or news item's kinds.
    var types: [String] {
        switch self {
        case .practice: Self.practiceStatuses
        case .resource: Self.resourceKinds
        case .news: Self.newsKinds
        }
    }
}

extension LibraryFilter.Requested {
    /// The filter for these parameters: topic and place slugs become ids through the
    /// directory's lookup (a place includes the places directly part of it); an unknown one
    /// finds nothing.
    func filter(page: Pagination, records: RecordLookups, textSearch: (any RecordTextSearch)? = nil, kind: LibraryKind) async throws -> LibraryFilter {
        var filter = LibraryFilter(text: text, type: type, year: year, offset: page.offset, limit: page.per)
        if let text, let textSearch { filter.textCondition = try await textSearch.condition(kind: kind.rawValue, text: text, idColumn: "id") }
        if let topic {
            filter.topicID = try await records.find(kind: "topic", key: topic)?.id ?? LibraryFilter.nothing
        }
        if let area {
            filter.areaIDs = try await records.withParts(kind: "area", key: area)
        }
        if let event {
            filter.eventID = try await records.find(kind: RecordKindName.event.rawValue, key: event)?.id ?? LibraryFilter.nothing
        }
        return filter
    }
}
