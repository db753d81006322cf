import Hummingbird

/// `/search` and `/api/v1/search`: the same search, as a page and as JSON. Answers are cached
/// like every public answer and dropped by any change of a kind the index holds.
struct SearchHandlers: Sendable {
    let services: AppServices

    /// Every kind the index holds: a change of any drops cached searches.
    private var shows: [ChangeTopic] { kinds.map { .every($0) } }
    private var kinds: [String] { services.site.searchKinds }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let parameters = try SearchParameters(request, kinds: kinds)
        // Staff find drafts and submissions too (their pages are never cached).
        let includeDrafts = context.user?.role.isStaff == true
        return try await services.cachedPage(request, context, reads: SearchParameters.names, shows: shows) {
            let request = parameters.request(includeDrafts: includeDrafts)
            let results = try await services.database.readingLong { try await SearchIndex.reading(services.database).search(request) }
            let page = SearchPage(parameters: parameters, query: results.highlighting(request.query), results: results)
            return PageLayout(services: services, context: context).render(title: parameters.text.isEmpty ? "Search" : "Search: \(parameters.text.prefix(80))",
                                                                           content: page.content)
        }
    }

    func api(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let parameters = try SearchParameters(request, kinds: kinds)
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", reads: SearchParameters.names,
                                         shows: shows, json: {
            let request = parameters.request()
            let results = try await services.database.readingLong { try await SearchIndex.reading(services.database).search(request) }
            return SearchResultsBody(results, query: results.highlighting(request.query), page: parameters.page, publicURL: services.configuration.publicURL)
        })
    }
}
