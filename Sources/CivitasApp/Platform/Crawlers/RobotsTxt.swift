import Hummingbird

/// `/robots.txt` (RFC 9309): which pages crawlers may read, derived from the routes as
/// registered, so a capability's new staff or member pages are disallowed without anyone
/// keeping a list. Crawlers may read every public page; they are asked to leave alone the
/// pages that need a sign-in or a token (they would only meet a refusal), the JSON API (the
/// same records again, for programs), and what capabilities declare endless (search results).
/// It names the sitemap, where a capability lists every public page.
enum RobotsTxt {
    /// Registers `/robots.txt` after every other route, as `OpenAPIDocument` does.
    static func register(on routes: SiteRoutes, site: SiteExtensions, publicURL: String) {
        let text = Self.text(routes: routes.registered, exclusions: site.crawlerExclusions,
                             sitemap: site.sitemap.map { publicURL + $0.path })
        routes.group(.everyone) { group in
            group.get(SiteURL.robots) { _, _ in
                var response = Responses.text(text, contentType: "text/plain; charset=utf-8")
                response.headers[.cacheControl] = "public, max-age=3600"
                return response
            }
        }
    }

    static func text(routes: [RegisteredRoute], exclusions: [String], sitemap: String?) -> String {
        var lines = ["# Crawlers may read the network's public pages. Pages that need a sign-in or a token,",
                     "# the JSON API (the same records for programs) and search results are left out.",
                     "User-agent: *"]
        lines += disallowed(routes: routes, exclusions: exclusions).map { "Disallow: \($0)" }
        if let sitemap { lines += ["", "Sitemap: \(sitemap)"] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether crawlers should leave a route alone.
    static func isLeftAlone(_ route: RegisteredRoute, exclusions: [String]) -> Bool {
        guard case .everyone = route.rule else { return true }
        return route.operation != nil || exclusions.contains { route.path == $0 || route.path.hasPrefix($0 + "/") }
    }

    /// The shortest path patterns that cover every GET route left alone and no other: a route's
    /// first segment where nothing under it is for crawlers (`/staff`), else as many segments as
    /// tell it from the public routes beside it, a parameter read as `*` (RFC 9309 §2.2.3).
    static func disallowed(routes: [RegisteredRoute], exclusions: [String]) -> [String] {
        let pages = routes.filter { $0.method == .get }
        let open = pages.filter { !isLeftAlone($0, exclusions: exclusions) }.map { pattern($0.path) }
        var patterns: [String] = []
        for route in pages where isLeftAlone(route, exclusions: exclusions) {
            let full = pattern(route.path)
            let segments = full.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            // The whole path, ended, when every prefix of it leads to public pages too (the
            // query is part of what a rule matches, hence its own line).
            var chosen = [full + "$", full + "?"]
            for count in 1...max(1, segments.count) {
                let prefix = "/" + segments.prefix(count).joined(separator: "/")
                if !open.contains(where: { matches(prefix, $0) }) {
                    chosen = [prefix]
                    break
                }
            }
            for rule in chosen where !patterns.contains(where: { covers($0, rule) }) {
                patterns.removeAll { covers(rule, $0) }
                patterns.append(rule)
            }
        }
        return patterns.sorted()
    }

    /// A route's path with each parameter (`{key}`, `{slug}.ics`) read as any text.
    private static func pattern(_ path: String) -> String {
        var out = ""
        var inParameter = false
        for character in path {
            if character == "{" { inParameter = true; out += "*" } else if character == "}" { inParameter = false } else if !inParameter { out.append(character) }
        }
        return out
    }

    /// Whether a robots.txt pattern (a prefix, `*` for any text, `$` for the end) matches
    /// a path, or a route's pattern read as a path.
    static func matches(_ rule: String, _ path: String) -> Bool {
        let anchored = rule.hasSuffix("$")
        let parts = (anchored ? String(rule.dropLast()) : rule).split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        return match(parts[...], path[...], anchored: anchored)
    }

    private static func match(_ parts: ArraySlice<String>, _ path: Substring, anchored: Bool) -> Bool {
        guard let first = parts.first else { return !anchored || path.isEmpty }
        guard path.hasPrefix(first) else { return false }
        let rest = path.dropFirst(first.count)
        if parts.count == 1 { return !anchored || rest.isEmpty }
        // `*`: try every place the next part could start.
        var index = rest.startIndex
        while true {
            if match(parts.dropFirst(), rest[index...], anchored: anchored) { return true }
            guard index < rest.endIndex else { return false }
            index = rest.index(after: index)
        }
    }

    /// Whether every path `narrower` matches is matched by `wider` too: a plain prefix matches
    /// whatever starts with it.
    private static func covers(_ wider: String, _ narrower: String) -> Bool {
        !wider.hasSuffix("$") && !wider.contains("*") && narrower.hasPrefix(wider)
    }
}
