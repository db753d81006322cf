import CivitasCore
import Hummingbird

/// A search as its address asks for it: `q`, each facet's chosen values (a parameter may
/// repeat: `kind=event&kind=practice`), and the page. The same on the page and in the API.
struct SearchParameters: Sendable {
    var text: String
    var filters: [SearchFacet: [String]]
    var page: Pagination

    /// The parameters a search answer depends on (its cache key).
    static let names = ["q"] + SearchFacet.allCases.map(\.rawValue) + QueryParameters.pagination
    /// The most values chosen in one facet.
    static let maximumValuesPerFacet = 20

    /// - Parameter kinds: the kinds the index holds; any other `kind` is refused, as is a
    ///   `year` that is not one, rather than answered with no results a person cannot explain.
    init(_ request: Request, kinds: [String]) throws {
        let query = request.uri.queryParameters
        text = query["q"].map(String.init) ?? ""
        var filters: [SearchFacet: [String]] = [:]
        for facet in SearchFacet.allCases {
            let values = query[values: Substring(facet.rawValue)].map(String.init).filter { !$0.isEmpty }
            guard !values.isEmpty else { continue }
            if values.count > Self.maximumValuesPerFacet {
                throw AppError.badRequest("\(facet.rawValue) may be chosen at most \(Self.maximumValuesPerFacet) times")
            }
            for value in values where value.count > 200 || TextInput.hasLineBreaksOrControls(value) {
                throw AppError.badRequest("\(facet.rawValue) must be a value from the search page's \(facet.label.lowercased()) list")
            }
            switch facet {
            case .kind:
                if let unknown = values.first(where: { !kinds.contains($0) }) {
                    throw AppError.badRequest("kind must be one of \(kinds.sorted().joined(separator: ", ")), not \"\(unknown)\"")
                }
            case .year:
                // A year as the index writes a record's: four ASCII digits.
                if let wrong = values.first(where: { SearchIndex.year(of: $0) != $0 }) {
                    throw AppError.badRequest("year must be a year of four digits, such as 2018, not \"\(wrong)\"")
                }
            case .topic, .country, .city:
                // Values of the directory and the library, which change: one nothing carries
                // matches nothing, and its facet shows what does.
                break
            }
            filters[facet] = Array(Set(values)).sorted()
        }
        self.filters = filters
        page = try Pagination.from(request)
    }

    func request(includeDrafts: Bool = false) -> SearchRequest {
        SearchRequest(query: SearchQuery(parsing: text), filters: filters, offset: page.offset, limit: page.per, includeDrafts: includeDrafts)
    }

    /// The address of this search with changes (a facet value chosen or dropped, another page).
    func link(toggling facet: SearchFacet? = nil, value: String? = nil, page number: Int? = nil) -> SiteLink {
        var chosen = filters
        if let facet, let value {
            var values = chosen[facet] ?? []
            if let index = values.firstIndex(of: value) { values.remove(at: index) } else { values.append(value) }
            chosen[facet] = values.isEmpty ? nil : values.sorted()
        }
        var pairs: [(String, String)] = [("q", text)]
        for facet in SearchFacet.allCases { for value in chosen[facet] ?? [] { pairs.append((facet.rawValue, value)) } }
        if let number, number > 1 { pairs.append(("page", String(number))) }
        return SearchURL.page.with(query: pairs)
    }
}
