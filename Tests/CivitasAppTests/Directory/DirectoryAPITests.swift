import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

@Suite("Directory JSON API")
struct DirectoryAPITests {
    @Test("Lists answer items and page, filter with q and page through totals", arguments: TestDatabase.all)
    func lists(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let all = try await client.execute(uri: "/api/v1/people?per=5", method: .get)
            #expect(all.status == .ok)
            let json = try all.json()
            guard case .array(let items)? = json["items"], case .int(let total)? = json["page"]?["total"] else {
                Issue.record("unexpected shape: \(all.text)"); return
            }
            #expect(items.count == 5)
            #expect(total > 20)
            #expect(json["page"]?["page"] == 1)
            #expect(json["page"]?["per"] == 5)

            let last = try await client.execute(uri: "/api/v1/people?per=5&page=\((total + 4) / 5)", method: .get).json()
            guard case .array(let lastItems)? = last["items"] else { Issue.record("no items"); return }
            #expect(lastItems.count == total - 5 * ((total + 4) / 5 - 1))
            // The total is the same whether counted (a page short of the end), known from a page
            // that reaches the end (the last one, or one page holding all), or past the end.
            #expect(last["page"]?["total"] == .int(total))
            let whole = try await client.execute(uri: "/api/v1/people?per=100", method: .get).json()
            #expect(whole["page"]?["total"] == .int(total))
            if case .array(let everyone)? = whole["items"] { #expect(everyone.count == total) } else { Issue.record("no items") }
            let exactlyAll = try await client.execute(uri: "/api/v1/people?per=\(total)", method: .get).json()
            #expect(exactlyAll["page"]?["total"] == .int(total))
            let beyond = try await client.execute(uri: "/api/v1/people?per=5&page=\((total + 4) / 5 + 3)", method: .get).json()
            #expect(beyond["page"]?["total"] == .int(total))
            #expect(beyond["items"] == .array([]))

            let filtered = try await client.execute(uri: "/api/v1/organizations?q=conference", method: .get).json()
            guard case .array(let found)? = filtered["items"] else { Issue.record("no items"); return }
            #expect(found.map { $0["slug"] } == ["us-conference-of-mayors"])
            // Wildcards typed by a person are matched literally.
            #expect(try await client.execute(uri: "/api/v1/people?q=%25", method: .get).json()["page"]?["total"] == 0)
            #expect(try await client.execute(uri: "/api/v1/people?q=_", method: .get).json()["page"]?["total"] == 0)
        }
    }

    @Test("A person is found by id or slug, with memberships, post labels, dates and sources", arguments: TestDatabase.all)
    func personBySlugOrID(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let bySlug = try await client.execute(uri: "/api/v1/people/mitch-landrieu", method: .get).json()
            let id = try #require(bySlug["id"]?.stringValue)
            let byID = try await client.execute(uri: "/api/v1/people/\(id)", method: .get).json()
            #expect(byID == bySlug)
            #expect(bySlug["sort_name"] == "Landrieu, Mitch")
            #expect(bySlug["email"] == nil, "contact details are private")
            guard case .array(let memberships)? = bySlug["memberships"] else { Issue.record("no memberships"); return }
            let mayor = memberships.first { $0["post_label"] == "Mayor of New Orleans" }
            #expect(mayor?["start_date"] == "2010-05-03")
            #expect(mayor?["end_date"] == "2018-05-07")
            #expect(memberships.contains { $0["post_label"] == "President of the U.S. Conference of Mayors" })
            guard case .array(let sources)? = bySlug["sources"] else { Issue.record("no sources"); return }
            #expect(!sources.isEmpty)
        }
    }

    @Test("Bad parameters answer 400 and unknown records 404, as JSON naming the problem", arguments: TestDatabase.all)
    func badParameters(database: TestDatabase) async throws {
        try await withApp(database) { client, _ in
            for (query, parameter) in [("per=0", "per"), ("page=-1", "page"), ("per=100000", "per"), ("page=abc", "page")] {
                let response = try await client.execute(uri: "/api/v1/areas?\(query)", method: .get)
                #expect(response.status == .badRequest, "\(query)")
                let message = try response.json()["error"]?["message"]?.stringValue ?? ""
                #expect(message.hasPrefix(parameter), "\(query): \(message)")
            }
            let missing = try await client.execute(uri: "/api/v1/people/no-such-person", method: .get)
            #expect(missing.status == .notFound)
            #expect(try missing.json()["error"]?["message"]?.stringValue?.contains("no-such-person") == true)
        }
    }

    @Test("Every kind has a list and a record endpoint", arguments: TestDatabase.all)
    func everyKind(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            for kind in ["areas", "organizations", "people", "posts", "memberships", "topics"] {
                let list = try await client.execute(uri: "/api/v1/\(kind)?per=1", method: .get)
                #expect(list.status == .ok, "\(kind)")
                let id = try #require(list.json()["items"].flatMap { if case .array(let a) = $0 { a.first } else { nil } }?["id"]?.stringValue)
                #expect(try await client.execute(uri: "/api/v1/\(kind)/\(id)", method: .get).status == .ok, "\(kind)/\(id)")
            }
        }
    }

    @Test("The Popolo export holds the whole published directory", arguments: TestDatabase.all)
    func popoloExport(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let export = try await client.execute(uri: "/api/v1/popolo.json", method: .get).json()
            for section in ["persons", "organizations", "memberships", "posts", "areas"] {
                guard case .array(let items)? = export[section] else { Issue.record("missing \(section)"); continue }
                #expect(!items.isEmpty, "\(section)")
            }
            guard case .array(let persons)? = export["persons"] else { return }
            #expect(persons.contains { $0["name"] == "Sadiq Khan" })
        }
    }

    @Test("The OpenAPI document describes every endpoint")
    func openAPI() async throws {
        try await withApp(.sqlite) { client, _ in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get).json()
            #expect(document["openapi"] == "3.1.0")
            guard case .object(let paths)? = document["paths"] else { Issue.record("no paths"); return }
            for kind in ["areas", "organizations", "people", "posts", "memberships", "topics"] {
                #expect(paths["/api/v1/\(kind)"]?["get"] != nil)
                #expect(paths["/api/v1/\(kind)"]?["post"] != nil)
                #expect(paths["/api/v1/\(kind)/{key}"]?["get"] != nil)
                #expect(paths["/api/v1/\(kind)/{key}"]?["patch"] != nil)
            }
            #expect(paths["/api/v1/popolo.json"] != nil)
        }
    }
}
