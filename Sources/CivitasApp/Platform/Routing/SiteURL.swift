/// Platform's own paths: the home page, the staff dashboard, operations routes and the
/// API description. Capabilities declare theirs in their own folders.
enum SiteURL: SitePath {
    case home
    case hello
    case healthz
    case readyz
    case metrics
    case stylesheet
    case icon
    case favicon
    case staff
    case staffOutbox
    case apiOpenAPI
    case robots

    var path: String {
        switch self {
        case .home: "/"
        case .hello: "/hello"
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .metrics: "/metrics"
        case .stylesheet: "/assets/civitas.css"
        case .icon: "/assets/civitas-icon.svg"
        case .favicon: "/favicon.ico"
        case .staff: "/staff"
        case .staffOutbox: "/staff/outbox"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .robots: "/robots.txt"
        }
    }

    /// A route parameter placeholder, e.g. `DirectoryURL.record(.person, SiteURL.parameter("key"))`.
    static func parameter(_ name: String) -> String { "{\(name)}" }
}
