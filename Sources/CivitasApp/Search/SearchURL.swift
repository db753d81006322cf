/// The paths of search: the page and its API twin, and the sitemap read from the index.
enum SearchURL: SitePath {
    case page
    case api
    case sitemap
    /// One file of a sitemap too large for one (`/sitemaps/2.xml`).
    case sitemapFile(String)

    var path: String {
        switch self {
        case .page: "/search"
        case .api: "/api/v1/search"
        case .sitemap: "/sitemap.xml"
        case .sitemapFile(let number): "/sitemaps/\(number).xml"
        }
    }
}
