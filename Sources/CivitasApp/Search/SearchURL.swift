/// The paths of search: the page and its API twin.
enum SearchURL: SitePath {
    case page
    case api

    var path: String {
        switch self {
        case .page: "/search"
        case .api: "/api/v1/search"
        }
    }
}
