import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// `/robots.txt` as crawlers read it (RFC 9309): every public page open to them, every page
/// that needs a sign-in or a token, the API and search results closed, the sitemap named.
@Suite("Crawlers are told what to read")
struct CrawlerRulesTests {
    /// The rules of the `*` group, read as RFC 9309 says: a rule matches a path that starts
    /// with it, `*` standing for any text and `$` for the end; the longest matching rule
    /// decides, and a path no rule matches is allowed. Written apart from `RobotsTxt`, so the
    /// test does not grade the code with its own reading.
    struct Rules {
        var disallow: [String] = []
        var allow: [String] = []
        var sitemaps: [String] = []

        init(_ text: String) {
            for line in text.split(separator: "\n") {
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                let parts = content.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                switch parts[0].trimmingCharacters(in: .whitespaces).lowercased() {
                case "disallow" where !value.isEmpty: disallow.append(value)
                case "allow": allow.append(value)
                case "sitemap": sitemaps.append(value)
                default: break
                }
            }
        }

        static func regex(_ rule: String) -> Regex<Substring> {
            var pattern = "^"
            for character in rule {
                switch character {
                case "*": pattern += ".*"
                case "$": pattern += "$"
                default: pattern += NSRegularExpression.escapedPattern(for: String(character))
                }
            }
            return try! Regex(pattern)
        }

        func allows(_ path: String) -> Bool {
            let blocking = disallow.filter { path.prefixMatch(of: Self.regex($0)) != nil }.map(\.count).max()
            let allowing = allow.filter { path.prefixMatch(of: Self.regex($0)) != nil }.map(\.count).max()
            guard let blocking else { return true }
            return (allowing ?? -1) >= blocking
        }
    }

    @Test("Public pages are open to crawlers; sign-in, token, API and search pages are not; the sitemap is named", arguments: TestDatabase.all)
    func robotsFollowTheRoutes(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let response = try await client.execute(uri: "/robots.txt", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            let rules = Rules(response.text)
            #expect(rules.sitemaps == [services.configuration.publicURL + "/sitemap.xml"])
            let routes = routeTable(services: services).filter { $0.method == .get }
            var open = 0
            for route in routes {
                let path = RouteAccessTests.concrete(route.path)
                let closed: Bool
                if case .everyone = route.rule { closed = route.operation != nil || path == "/search" } else { closed = true }
                #expect(rules.allows(path) == !closed, "\(route) is \(closed ? "open" : "closed") to crawlers:\n\(response.text)")
                // The query is part of what a rule matches: a search with words is closed too.
                #expect(rules.allows(path + "?q=water&page=2") == !closed, "\(route) with a query")
                if !closed { open += 1 }
            }
            #expect(open > 20, "crawlers may read the directory, convenings and library pages")
            for path in ["/people/eric-garcetti", "/events/2018-winter-meeting", "/practices/x", "/news", "/topics/housing", "/"] {
                #expect(rules.allows(path), "\(path) is closed to crawlers")
            }
            for path in ["/staff", "/staff/outbox", "/api/v1/people", "/search?q=housing", "/account"] {
                #expect(!rules.allows(path), "\(path) is open to crawlers")
            }
        }
    }

    @Test("A closed page among public ones is closed alone: by its deeper segments, a parameter as *, or the path ended")
    func closedPagesAmongPublicOnes() {
        func route(_ path: String, _ rule: AccessRule) -> RegisteredRoute {
            RegisteredRoute(method: .get, path: path, rule: rule, module: "test", operation: nil)
        }
        let routes = [
            route("/events", .everyone), route("/events/{slug}", .everyone), route("/events/{slug}.ics", .everyone),
            route("/events/{slug}/attendees", .staff),
            route("/staff", .staff), route("/staff/outbox", .staff), route("/staffing", .everyone),
            route("/notes", .signedIn), route("/notes/public", .everyone),
            route("/search", .everyone),
        ]
        let rules = Rules(RobotsTxt.text(routes: routes, exclusions: ["/search"], sitemap: nil))
        for path in ["/events", "/events/2018-winter-meeting", "/events/2018-winter-meeting.ics", "/staffing", "/staffing?page=2", "/notes/public"] {
            #expect(rules.allows(path), "\(path) is closed: \(rules.disallow)")
        }
        for path in ["/events/2018-winter-meeting/attendees", "/staff", "/staff/outbox", "/notes", "/notes?page=2", "/search", "/search?q=x"] {
            #expect(!rules.allows(path), "\(path) is open: \(rules.disallow)")
        }
    }
}
