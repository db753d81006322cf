import OpenAPIKit

/// What the OpenAPI document says of `/api/v1/search`.
enum SearchOperations {
    static var search: APIOperation {
        APIOperation(
            id: "search", summary: "Search every kind of public record at once, ranked, with facet counts",
            parameters: [
                .query("q", .string(), "Words in any order; \"an exact phrase\"; -word to leave out; the last word also matches as a prefix. Case and accents are ignored."),
            ] + SearchFacet.allCases.map { facet in
                .query(facet.rawValue, .array(items: .string(maxLength: 200)), "Values of the \(facet.label.lowercased()) facet (repeat the parameter for several: any of them)")
            } + APIParameter.pagination,
            responses: [
                .json(200, "A page of results with facet counts", SearchResultsBody.self),
                .error(400, "A parameter is out of range"),
            ]
        )
    }
}
