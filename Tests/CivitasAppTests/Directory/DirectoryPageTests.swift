import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

@Suite("Public directory pages")
struct DirectoryPageTests {
    @Test("A person's page shows their offices over time, organisations and sources, with JSON-LD", arguments: TestDatabase.all)
    func personPage(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let page = try await client.execute(uri: "/people/mitch-landrieu", method: .get)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("Mayor of New Orleans"))
            #expect(html.contains("Formerly President of the U.S. Conference of Mayors"))
            #expect(html.contains("3 May 2010 – 7 May 2018"))
            #expect(html.contains("President of the U.S. Conference of Mayors"))
            #expect(html.contains("href=\"/organizations/us-conference-of-mayors\""))
            #expect(html.contains("Highlights of the U.S. Conference of Mayors winter meeting, January 2018"))
            let jsonLD = try #require(Self.described(html))
            #expect(jsonLD["@type"] == "Person")
            #expect(jsonLD["name"] == "Mitch Landrieu")
        }
    }

    @Test("A city's page shows its mayors over time and the networks it belongs to", arguments: TestDatabase.all)
    func cityPage(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let html = try await client.execute(uri: "/areas/new-york-city", method: .get).text
            #expect(html.contains("href=\"/people/bill-de-blasio\""))
            #expect(html.contains("Mayor of New York City"))
            #expect(html.contains("href=\"/organizations/us-conference-of-mayors\""))
            #expect(html.contains("href=\"/organizations/100-resilient-cities\""))
            #expect(Self.described(html)?["@type"] == "City")
        }
    }

    @Test("A network's page shows its member cities, officers and funders", arguments: TestDatabase.all)
    func networkPage(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let uscm = try await client.execute(uri: "/organizations/us-conference-of-mayors", method: .get).text
            #expect(uscm.contains("Member cities and organizations"))
            #expect(uscm.contains("href=\"/organizations/city-of-chicago\""))
            #expect(uscm.contains("href=\"/people/mitch-landrieu\""))
            let resilient = try await client.execute(uri: "/organizations/100-resilient-cities", method: .get).text
            #expect(resilient.contains("Partners and funders"))
            #expect(resilient.contains("href=\"/organizations/rockefeller-foundation\""))
        }
    }

    @Test("Lists filter by name and page; unknown pages answer 404", arguments: TestDatabase.all)
    func listsAndMissing(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let filtered = try await client.execute(uri: "/people?q=garc", method: .get).text
            #expect(filtered.contains("Eric Garcetti"))
            #expect(!filtered.contains("Mitch Landrieu"))
            #expect(try await client.execute(uri: "/people/nobody-at-all", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/people?page=0", method: .get).status == .badRequest)
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains("U.S. Conference of Mayors"))
            #expect(Self.jsonLD(home)?["@type"] == "WebSite")
            // The site's search, offered to search engines, leads to a working search.
            let action = try #require(Self.jsonLD(home)?["potentialAction"])
            #expect(action["@type"] == "SearchAction" && action["query-input"] == "required name=search_term_string")
            let template = try #require(action["target"]?["urlTemplate"]?.stringValue)
            #expect(template == "http://127.0.0.1:8080/search?q={search_term_string}")
            let path = template.replacingOccurrences(of: "http://127.0.0.1:8080", with: "").replacingOccurrences(of: "{search_term_string}", with: "garcetti")
            #expect(try await client.execute(uri: path, method: .get).text.contains(#"href="/people/eric-garcetti""#))
        }
    }

    /// The record's own description in a profile page's JSON-LD graph.
    static func described(_ html: String) -> JSONValue? {
        guard case .array(let graph)? = jsonLD(html)?["@graph"] else { return nil }
        return graph.first { $0["@type"] != "BreadcrumbList" }
    }

    @Test("Profile JSON-LD says what is meant: Roles repeat the property that holds them, no empty lists or null addresses, a breadcrumb", arguments: TestDatabase.all)
    func profileJSONLD(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let html = try await client.execute(uri: "/organizations/us-conference-of-mayors", method: .get).text
            let graph = try #require(Self.jsonLD(html))
            #expect(graph["@context"] == "https://schema.org")
            let network = try #require(Self.described(html))
            guard case .array(let members)? = network["member"] else { throw TestFailure("no members") }
            #expect(!members.isEmpty)
            for role in members {
                #expect(role["@type"] == "Role")
                #expect(role["member"] != nil && role["memberOf"] == nil, "inside a member Role the property is member again: \(role)")
            }
            #expect(members.contains { $0["member"]?["url"] == "http://127.0.0.1:8080/organizations/city-of-chicago" })
            let start = try #require(html.range(of: "application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let raw = String(html[start.upperBound..<end.lowerBound])
            #expect(!raw.contains("null") && !raw.contains("[]"), "no null values or empty lists")
            guard case .array(let items)? = graph["@graph"] else { throw TestFailure("no graph") }
            let breadcrumb = try #require(items.first { $0["@type"] == "BreadcrumbList" })
            guard case .array(let steps)? = breadcrumb["itemListElement"] else { throw TestFailure("no steps") }
            #expect(steps.map { $0["name"] } == ["Home", "Organizations", "U.S. Conference of Mayors"])

            let person = try #require(Self.described(try await client.execute(uri: "/people/eric-garcetti", method: .get).text))
            guard case .array(let memberOf)? = person["memberOf"] else { throw TestFailure("no memberOf") }
            #expect(memberOf.allSatisfy { $0["memberOf"] != nil && $0["member"] == nil })
            guard case .array(let cited)? = person["subjectOf"] else { throw TestFailure("no sources") }
            #expect(cited.allSatisfy { $0["url"]?.stringValue?.hasPrefix("http") == true })
        }
    }

    /// The names of the steps of a record page's breadcrumb, from its JSON-LD graph.
    static func breadcrumb(_ html: String) -> [String]? {
        guard case .array(let graph)? = jsonLD(html)?["@graph"],
              case .array(let steps)? = graph.first(where: { $0["@type"] == "BreadcrumbList" })?["itemListElement"] else { return nil }
        return steps.compactMap { $0["name"]?.stringValue }
    }

    static func jsonLD(_ html: String) -> JSONValue? {
        guard let start = html.range(of: "<script type=\"application/ld+json\">"),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(html[start.upperBound..<end.lowerBound].utf8))
    }
}
