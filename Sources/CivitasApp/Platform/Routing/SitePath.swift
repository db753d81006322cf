import CivitasCore
import Hummingbird

/// A typed path of the site. Each capability declares its own enum of paths (`SiteURL` for
/// Platform's, `DirectoryURL`, `ConveningsURL`...): routes are registered from its cases
/// and every link is built from them, so a link cannot point at a route that does not
/// exist, and adding a capability edits no other capability's list.
/// Cases with parameters produce the router pattern when given `SiteURL.parameter(name)`.
protocol SitePath: LinkDestination, Sendable {
    var path: String { get }
}

extension SitePath {
    var href: String { path }

    /// The pattern the router matches.
    var route: RouterPath { RouterPath(path) }

    /// Links with a query, e.g. `/people?q=garcetti&page=2`. Empty values are left out.
    func with(query items: [(String, String)]) -> SiteLink {
        let query = items.filter { !$0.1.isEmpty }.map { name, value in
            "\(name)=\(QueryValue.encode(value))"
        }
        return SiteLink(path: query.isEmpty ? path : path + "?" + query.joined(separator: "&"))
    }
}
