import FluentKit
import SQLKit
import Hummingbird

/// One search over every capability's public records: the page, the search box on every
/// page, the API, and the index kept current by published changes.
struct SearchModule: CivitasModule {
    let services: AppServices
    let name = "search"
    var migrations: [any Migration] { [M001_CreateSearchIndex(services: services), M002_SearchSampleOrder(services: services), M003_SearchFacetTerms(services: services), M004_SearchTitleFacets(), M005_JoinedWords(services: services),
                                              M006_TitleDocumentFacets(), M007_SampleRanges(), M008_RankIndexHoldsRowChecks(),
                                              M009_SampleBands()] }
    var siteSearch: SiteLink? { SiteLink(SearchURL.page) }
    var sitemap: SiteLink? { SiteLink(SearchURL.sitemap) }
    /// Result pages are endless (every query, every page of it) and show what the sitemap lists.
    var crawlerExclusions: [String] { [SearchURL.page.path] }
    var textSearch: (any RecordTextSearch)? { SearchTextConditions(services: services) }
    var changeSubscribers: [ChangePublisher.Subscriber] {
        let indexer = SearchIndexer(services: services)
        return [{ change in await indexer.refresh(after: change) }]
    }

    func registerRoutes(on routes: SiteRoutes) {
        let handlers = SearchHandlers(services: services)
        routes.group(.everyone) { group in
            group.get(SearchURL.page, use: handlers.page)
            group.get(SearchURL.api, documented: SearchOperations.search(kinds: services.site.searchKinds), use: handlers.api)
            let sitemap = SearchSitemap(services: services)
            group.get(SearchURL.sitemap, use: sitemap.sitemap)
            group.get(SearchURL.sitemapFile(SiteURL.parameter("file")), use: sitemap.file)
        }
    }

    /// Loaded last: every other capability's demo records are in the transaction by now.
    func loadDemo(on db: any Database, services: AppServices) async throws {
        try await SearchIndexer(services: services).rebuild(on: db as! any SQLDatabase)
    }
}
