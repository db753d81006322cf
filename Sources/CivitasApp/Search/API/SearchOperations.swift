import OpenAPIKit

/// What the OpenAPI document says of `/api/v1/search`.
enum SearchOperations {
    /// - Parameter kinds: the kinds the index holds, the only values `kind` takes.
    static func search(kinds: [String]) -> APIOperation {
        APIOperation(
            id: "search", summary: "Search every kind of public record at once, ranked, with facet counts",
            parameters: [
                .query("q", .string(), "Words in any order; \"an exact phrase\"; -word to leave out; the last word also matches as a prefix. Case and accents are ignored."),
            ] + SearchFacet.allCases.map { facet in
                // An empty value chooses nothing, as a form's blank choice sends it.
                let values: JSONSchema = switch facet {
                case .kind: .one(of: [.string(allowedValues: kinds.sorted().map { AnyCodable($0) }), .string(maxLength: 0)])
                case .year: .string(pattern: "^([0-9]{4})?$")
                case .topic, .country, .city: .string(maxLength: 200)
                }
                return .query(facet.rawValue, .array(items: values), "Values of the \(facet.label.lowercased()) facet (repeat the parameter for several: any of them)")
            } + APIParameter.pagination,
            responses: [
                .json(200, "A page of results with facet counts", SearchResultsBody.self),
                .error(400, "A parameter is out of range"),
            ]
        )
    }
}
