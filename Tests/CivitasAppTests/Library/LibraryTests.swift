import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("The library of what works")
struct LibraryTests {
    @Test("A practice page links its cities and people to the directory and shows its kit, lineage and similar practices", arguments: TestDatabase.all)
    func practicePage(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let page = try await client.execute(uri: "/practices/pro-athletes-as-a-community-bridge", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains(#"href="/areas/milwaukee""#))
            #expect(html.contains(#"href="/people/tom-barrett""#))
            #expect(html.contains("Transfer kit"))
            #expect(html.contains("professional sports franchise"))
            let similar = try #require(html.components(separatedBy: "<h2>Similar practices</h2>").dropFirst().first?.components(separatedBy: "</section>").first)
            #expect(similar.contains(#"href="/practices/de-escalating-conflicts""#), "shares the public-safety topic")
            #expect(!similar.contains(#"href="/practices/new-york-city-municipal-id-card""#), "shares no topic")
            #expect(DirectoryPageTests.described(html)?["@type"] == "CreativeWork")
            for (path, steps) in [("/practices/pro-athletes-as-a-community-bridge", ["Home", "Practices", "Pro athletes as a bridge between police and youth"]),
                                  ("/resources/urban-parking", ["Home", "Resources", "Urban Parking"]),
                                  ("/news/we-are-hiring-2017", ["Home", "News", "We're Hiring!"])] {
                let page = path == "/practices/pro-athletes-as-a-community-bridge" ? html : try await client.execute(uri: path, method: .get).text
                #expect(DirectoryPageTests.breadcrumb(page) == steps, "\(path)")
            }
            #expect(html.contains(#"href="/sources/uscm-winter-meeting-2018-highlights""#))
            #expect(html.contains(#"Presented at</dt><dd><a href="/events/2018-winter-meeting""#))
            let event = String(buffer: try await client.execute(uri: "/events/2018-winter-meeting", method: .get).body)
            #expect(event.contains("Practices presented or discussed here"))
            #expect(event.contains(#"href="/practices/pro-athletes-as-a-community-bridge""#))

            // Lineage: a practice adapted from this one is listed as a city that did this.
            let token = try await apiToken(["library:write"], services: services)
            let adapted = try await sendJSON(client, .post, "/api/v1/practices", token: token, json: """
                {"title": "Hockey players as a bridge", "status": "pilot", "city_ids": ["area-chicago"], "adapted_from_id": "practice-pro-athletes-as-a-community-bridge"}
                """)
            #expect(adapted.status == .created)
            let again = String(buffer: try await client.execute(uri: "/practices/pro-athletes-as-a-community-bridge", method: .get).body)
            #expect(again.contains("Cities that did this"))
            #expect(again.contains(#"href="/practices/hockey-players-as-a-bridge""#))
            let child = String(buffer: try await client.execute(uri: "/practices/hockey-players-as-a-bridge", method: .get).body)
            #expect(child.contains("Adapted from"))
            #expect(child.contains(#""isBasedOn":"#))
        }
    }

    @Test("Lists and the API filter by text, topic, place, kind and year; bad filters are 400", arguments: TestDatabase.all)
    func filters(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            func slugs(_ path: String) async throws -> [String] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                guard case .array(let items)? = try response.json()["items"] else { return [] }
                return items.compactMap { $0["slug"]?.stringValue }
            }
            let immigration = try await slugs("/api/v1/practices?topic=immigration")
            #expect(Set(immigration) == ["new-york-city-municipal-id-card", "london-community-sponsorship",
                                         "philadelphia-welcoming-and-integration", "standing-with-immigrants-executive-directive"])
            #expect(try await slugs("/api/v1/practices?area=baltimore") == ["listening-to-youth-needs"])
            #expect(try await slugs("/api/v1/practices?area=united-kingdom") == ["london-community-sponsorship"], "a country includes its cities")
            let guides2014 = try await slugs("/api/v1/resources?kind=guide&year=2014")
            #expect(Set(guides2014) == ["local-food-and-economic-development", "divestment-from-fossil-fuels"])
            #expect(try await slugs("/api/v1/news?q=hiring") == ["we-are-hiring-2017"])
            #expect(try await slugs("/api/v1/news?topic=no-such-topic").isEmpty)
            for bad in ["/api/v1/practices?kind=report", "/api/v1/news?year=99", "/api/v1/resources?topic=Not%20A%20Slug", "/practices?kind=bogus"] {
                #expect(try await client.execute(uri: bad, method: .get).status == .badRequest, "\(bad)")
            }
            // The total is the same whether counted (a page short of the end, or a later page)
            // or known from a first page that holds every match, filtered or not.
            func page(_ path: String) async throws -> (count: Int, total: Int?) {
                let json = try await client.execute(uri: path, method: .get).json()
                guard case .array(let items)? = json["items"], case .int(let total)? = json["page"]?["total"] else { return (0, nil) }
                return (items.count, total)
            }
            let everyResource = try await page("/api/v1/resources?per=100")
            #expect(everyResource.total == everyResource.count && everyResource.count > 6)
            let firstTwo = try await page("/api/v1/resources?per=2")
            #expect(firstTwo.count == 2 && firstTwo.total == everyResource.total)
            let lastPage = (everyResource.count + 1) / 2
            let last = try await page("/api/v1/resources?per=2&page=\(lastPage)")
            #expect(last.count == everyResource.count - 2 * (lastPage - 1) && last.total == everyResource.total)
            #expect(try await page("/api/v1/resources?per=2&page=\(lastPage + 2)") == (0, everyResource.total))
            #expect(try await page("/api/v1/resources?kind=guide&year=2014") == (2, 2))
            #expect(try await page("/api/v1/news?topic=no-such-topic") == (0, 0))
            let list = String(buffer: try await client.execute(uri: "/news?topic=water", method: .get).body)
            #expect(list.contains("Imagine a Day without Water"))
            #expect(!list.contains("We&#39;re Hiring") && !list.contains("We're Hiring"))
        }
    }

    @Test("A stored choice reads as words: underscores become spaces, the first letter a capital")
    func choicesReadAsWords() {
        for choice in LibraryKind.practiceStatuses + LibraryKind.evidenceLevels + LibraryKind.resourceKinds + LibraryKind.newsKinds where choice != "op_ed" {
            #expect(LibraryPageParts.readable(choice) == String(choice.map { $0 == "_" ? " " : $0 }).capitalizedFirst, "\(choice)")
        }
        #expect(LibraryPageParts.readable("independently_evaluated") == "Independently evaluated")
        #expect(LibraryPageParts.readable("call_for_applications") == "Call for applications")
        #expect(LibraryPageParts.readable("op_ed") == "Op-ed")
        #expect(LibraryPageParts.readable("école_ouverte") == "École ouverte")
        #expect(LibraryPageParts.readable("") == "")
    }

    @Test("News and resources are read in their list's order from an index, never sorted per page", arguments: TestDatabase.all)
    func listsReadInOrder(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { _, services in
            for kind in [LibraryKind.news, .resource] {
                let select: SQLQueryString = "SELECT * FROM \(unsafeRaw: kind.table) WHERE \(LibraryStore.condition(kind, LibraryFilter())) ORDER BY \(LibraryStore.order(kind)) LIMIT 25"
                if services.database.isPostgres {
                    // At the demo's size a sort costs nothing, so the planner is told to avoid
                    // one where it can: it can only when an index gives the order.
                    let plan = try await services.database.transaction { db in
                        let sql = db as! any SQLDatabase
                        try await sql.raw("SET LOCAL enable_sort = off").run()
                        return try await sql.raw("EXPLAIN " + select).all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
                    }
                    #expect(!plan.contains { $0.contains("Sort") }, "\(kind.plural): \(plan)")
                } else {
                    let plan = try await services.database.sql.raw("EXPLAIN QUERY PLAN " + select).all()
                        .map { try $0.decode(column: "detail", as: String.self) }
                    #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(kind.plural): \(plan)")
                }
            }
        }
    }

    @Test("The news feed is Atom with ids that survive a new address and a new slug", arguments: TestDatabase.all)
    func atomFeed(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let feed = try await client.execute(uri: "/news.atom", method: .get)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            let xml = String(buffer: feed.body)
            let id = "urn:uuid:" + NewsFeed.nameBasedUUID("news/news-we-are-hiring-2017")
            #expect(xml.contains("<id>\(id)</id>"))
            #expect(!xml.contains("<id>http"), "ids do not carry the site's address")
            #expect(xml.components(separatedBy: "<entry>").count - 1 == min(50, try await count("news_items", services)))
            let topical = String(buffer: try await client.execute(uri: "/news.atom?topic=preemption", method: .get).body)
            #expect(topical.contains("Defense Against the Dark Arts"))
            #expect(!topical.contains("We&apos;re Hiring"))

            let token = try await apiToken(["library:write"], services: services)
            #expect(try await sendJSON(client, .patch, "/api/v1/news/we-are-hiring-2017", token: token, json: #"{"published": false}"#).status == .ok)
            #expect(try await sendJSON(client, .patch, "/api/v1/news/news-we-are-hiring-2017", token: token, json: #"{"slug": "hiring-2017", "published": true}"#).status == .ok)
            let after = String(buffer: try await client.execute(uri: "/news.atom", method: .get).body)
            #expect(after.contains("<id>\(id)</id>"))
            #expect(after.contains("/news/hiring-2017"))
        }
    }

    @Test("Writes need library:write; bad input is a 400 naming the field and writes nothing", arguments: TestDatabase.all)
    func writes(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let before = try await count("practices", services)
            let directoryToken = try await apiToken(["directory:write"], name: "directory", services: services)
            #expect(try await sendJSON(client, .post, "/api/v1/practices", token: directoryToken, json: #"{"title": "X", "status": "idea"}"#).status == .forbidden)
            #expect(try await sendJSON(client, .post, "/api/v1/practices", token: nil, json: #"{"title": "X", "status": "idea"}"#).status == .unauthorized)
            let token = try await apiToken(["library:write"], services: services)
            let itself = try await sendJSON(client, .patch, "/api/v1/practices/de-escalating-conflicts", token: token,
                                            json: #"{"adapted_from_id": "practice-de-escalating-conflicts"}"#)
            #expect(itself.status == .badRequest)
            #expect(try itself.json()["error"]?["fields"]?["adapted_from_id"]?.stringValue?.contains("itself") == true)
            let wrong = try await sendJSON(client, .post, "/api/v1/practices", token: token, json: """
                {"title": "Line\\nbreak", "status": "someday", "topic_ids": ["topic-nope"], "start_year": 3000, "city_ids": ["area-atlantis"]}
                """)
            #expect(wrong.status == .badRequest)
            let fields = try wrong.json()["error"]?["fields"]
            for name in ["title", "status", "topic_ids", "start_year", "city_ids"] { #expect(fields?[name] != nil, "\(name)") }
            #expect(try await count("practices", services) == before)
            #expect(try await services.database.sql.select().column("subject_id").from("library_links")
                .where("subject_id", .notIn, SQLBind.group(try await services.database.sql.select().column("id").from("practices").all()
                    .map { try $0.decode(column: "id", as: String.self) } + ["-"])).where("subject_kind", .equal, "practice").all().isEmpty)

            let news = try await sendJSON(client, .post, "/api/v1/news", token: token, json: """
                {"title": "<script>alert(1)</script>", "kind": "readout", "published_on": "2026-11-01", "featured": true,
                 "body": "Hello <script>alert(2)</script> [click](javascript:alert(3)) **bold**"}
                """)
            #expect(news.status == .created)
            #expect(try news.json()["featured"] == true)
            let page = String(buffer: try await client.execute(uri: try #require(try news.json()["url"]?.stringValue).replacingOccurrences(of: services.configuration.publicURL, with: ""), method: .get).body)
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains(#"href="javascript"#))
            #expect(page.contains("<strong>bold</strong>"))
            // A resource's outside link and its own page's address are two fields, both answered.
            let resource = try await sendJSON(client, .post, "/api/v1/resources", token: token, json: """
                {"title": "Slides", "kind": "presentation", "link": "https://example.org/slides.pdf"}
                """)
            #expect(resource.status == .created)
            #expect(try resource.json()["link"] == "https://example.org/slides.pdf")
            #expect(try resource.json()["url"]?.stringValue?.hasPrefix(services.configuration.publicURL + "/resources/") == true)
            let read = try await client.execute(uri: "/api/v1/resources/\(try #require(try resource.json()["slug"]?.stringValue))", method: .get)
            #expect(try read.json()["link"] == "https://example.org/slides.pdf")
            #expect(String(buffer: read.body).components(separatedBy: "\"url\":").count == 2, "one url member")
            let home = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(home.contains("Featured"))
            #expect(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("Unpublished records and a practice's contacts stay from the public; members see contacts", arguments: TestDatabase.all)
    func privacy(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let token = try await apiToken(["library:write"], services: services)
            let patched = try await sendJSON(client, .patch, "/api/v1/practices/listening-to-youth-needs", token: token,
                                             json: #"{"contact_ids": ["person-catherine-pugh"]}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["contact_ids"] == nil, "contacts never appear in the API")
            let visitor = String(buffer: try await client.execute(uri: "/practices/listening-to-youth-needs", method: .get).body)
            #expect(!visitor.contains("Contacts"))
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            let signedIn = try await member.get(client, "/practices/listening-to-youth-needs")
            #expect(signedIn.text.contains("Contacts"))
            #expect(signedIn.text.contains(#"href="/people/catherine-pugh""#))

            #expect(try await sendJSON(client, .patch, "/api/v1/practices/listening-to-youth-needs", token: token, json: #"{"published": false}"#).status == .ok)
            #expect(try await client.execute(uri: "/practices/listening-to-youth-needs", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/practices/listening-to-youth-needs", method: .get).status == .notFound)
            #expect(!String(buffer: try await client.execute(uri: "/areas/baltimore", method: .get).body).contains("Responding to what young people need"))
            #expect(!String(buffer: try await client.execute(uri: "/practices", method: .get).body).contains("Responding to what young people need"))
        }
    }

    @Test("Staff create and publish through forms, with the audit log; a member may not", arguments: TestDatabase.all)
    func staffForms(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(try await member.post(client, "/staff/resources", [("title", "Nope"), ("kind", "report")]).status == .forbidden)
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            #expect(try await editor.get(client, "/staff/resources/new").status == .ok)
            let invalid = try await editor.post(client, "/staff/resources", [("title", "Water toolkit"), ("kind", "pamphlet")])
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains("must be one of"))
            #expect(invalid.text.contains(#"value="Water toolkit""#), "what was typed is kept")
            let saved = try await editor.post(client, "/staff/resources", [("title", "Water toolkit"), ("kind", "toolkit"), ("topic_ids", "topic-water"),
                                                                           ("author_organization_ids", "organization-mayors-innovation-project")])
            #expect(saved.status == .seeOther)
            let id = try #require(try await services.database.sql.select().column("id").from("resources").where("slug", .equal, "water-toolkit").first()?
                .decode(column: "id", as: String.self))
            #expect(try await editor.post(client, "/staff/resources/\(id)/unpublish", []).status == .seeOther)
            #expect(try await client.execute(uri: "/resources/water-toolkit", method: .get).status == .notFound)
            #expect(try await editor.post(client, "/staff/resources/\(id)/publish", []).status == .seeOther)
            let topic = String(buffer: try await client.execute(uri: "/topics/water", method: .get).body)
            #expect(topic.contains(#"href="/resources/water-toolkit""#))
            let organization = String(buffer: try await client.execute(uri: "/organizations/mayors-innovation-project", method: .get).body)
            #expect(organization.contains("Water toolkit"))
            let actions = try await services.database.sql.select().column("action").from("audit_events").where("subject_id", .equal, id).all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.sorted() == ["create", "publish", "unpublish"])
        }
    }
}
