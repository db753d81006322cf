import CivitasCore
import OpenAPIKit

/// `/api/v1/search`'s answer: a page of results, each facet's counts, and the total.
struct SearchResultsBody: APIBody {
    let items: [SearchResultBody]
    let facets: [String: [SearchFacetCountBody]]
    /// Words of the query no record holds, with the words they were taken for.
    let corrections: [String: [String]]
    /// Cities, topics and countries the query names: records under them come first.
    let suggestions: [SearchSuggestionBody]
    let page: PageInfo
    /// The total and the facet counts are estimates (more than `SearchIndex.exactCountLimit` matched).
    let countsAreEstimates: Bool

    enum CodingKeys: String, CodingKey {
        case items, facets, corrections, suggestions, page
        case countsAreEstimates = "counts_are_estimates"
    }

    init(_ results: SearchResults, query: SearchQuery, page: Pagination, publicURL: String) {
        corrections = results.corrections
        suggestions = results.suggestions.map { SearchSuggestionBody(facet: $0.facet, value: $0.value, label: $0.label) }
        let matcher = SearchHighlight.Matcher(query)
        items = results.hits.map { SearchResultBody($0, matcher: matcher, publicURL: publicURL) }
        facets = Dictionary(uniqueKeysWithValues: SearchFacet.allCases.map { facet in
            (facet.rawValue, (results.facets[facet] ?? []).map { SearchFacetCountBody(value: $0.value, label: $0.label, count: $0.count) })
        })
        self.page = PageInfo(page: page.page, per: page.per, total: results.total)
        countsAreEstimates = results.countsAreEstimates
    }

    private static var facetProperties: OrderedDictionary<String, JSONSchema> {
        var properties = OrderedDictionary<String, JSONSchema>()
        for facet in SearchFacet.allCases { properties[facet.rawValue] = .array(items: SearchFacetCountBody.schema) }
        return properties
    }

    static var schema: JSONSchema {
        .record([
            "items": .array(items: SearchResultBody.schema),
            "facets": .record(facetProperties, description: "Each facet's values among the results, most first; a facet's counts ignore its own chosen values"),
            "corrections": .object(description: "Words of the query no record holds (folded), each with the indexed words within the typos it allows that were searched instead",
                                   additionalProperties: .init(.array(items: .string))),
            "suggestions": .array(description: "Cities, topics and countries the query names, not yet chosen; records under them are ranked first",
                                  items: SearchSuggestionBody.schema),
            "page": .reference(.component(named: "Page")),
            "counts_are_estimates": .boolean(description: "True when more than \(SearchIndex.exactCountLimit) records match: the page's total and the facet counts are then estimated from a fair sample of them (\(SearchIndex.estimatedFromOnPostgres) on PostgreSQL, \(SearchIndex.exactCountLimit) on SQLite), to two significant figures"),
        ])
    }
}

struct SearchSuggestionBody: APIBody {
    let facet: String
    let value: String
    let label: String

    static var schema: JSONSchema {
        .record(["facet": .choice(SearchFacet.allCases.map(\.rawValue)), "value": .string(description: "What to pass in the facet's parameter"), "label": .string])
    }
}

struct SearchResultBody: APIBody {
    let kind: String
    let id: String
    let title: String
    let url: String
    @Nullable var facts: String?
    @Nullable var date: String?
    /// The text around the first match, as plain text; `highlights` says which of its words matched.
    let snippet: String
    let highlights: [String]

    init(_ hit: SearchHit, matcher: SearchHighlight.Matcher, publicURL: String) {
        kind = hit.kind
        id = hit.id
        title = hit.title
        url = publicURL + hit.path
        facts = hit.facts
        date = hit.date
        let pieces = SearchHighlight.snippet(hit.body, matcher: matcher)
        snippet = pieces.map(\.text).joined()
        highlights = Array(Set(pieces.filter(\.isMatch).map(\.text))).sorted()
    }

    static var schema: JSONSchema {
        .record([
            "kind": .string, "id": .string, "title": .string, "url": .url,
            "facts": .text("What identifies the record: an office, a city, a date and place"),
            "date": .text("The record's date: YYYY, YYYY-MM or YYYY-MM-DD"),
            "snippet": .string(description: "The record's text around the first word the query matched"),
            "highlights": .array(description: "The words of the snippet the query matched, as written there", items: .string),
        ])
    }
}

struct SearchFacetCountBody: APIBody {
    let value: String
    let label: String
    let count: Int

    static var schema: JSONSchema {
        .record(["value": .string(description: "What to pass back in the facet's parameter"), "label": .string,
                 "count": .integer(minimum: (0, exclusive: false))])
    }
}
