import FluentKit
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

/// Events used to list "Title | address" links as their resources; the library keeps resources
/// now. A database made before that keeps every link: the library's migration adopts each as a
/// resource naming its event, public when the event is, and the events' table of links goes.
@Suite("Event resources become library resources")
struct EventResourcesHandoverTests {
    /// The table as the convenings' first migration made it, with some links in it.
    static func makeOldTable(_ rows: [(id: String, event: String, title: String, url: String)], services: AppServices) async throws {
        try await services.database.db.schema(EventResourcesHandover.table)
            .field("id", .string, .identifier(auto: false))
            .field("event_id", .string, .required, .references("events", "id"))
            .field("title", .string, .required)
            .field("url", .string, .required)
            .field("position", .int64, .required)
            .create()
        for (position, row) in rows.enumerated() {
            try await services.database.sql.insert(into: EventResourcesHandover.table).columns("id", "event_id", "title", "url", "position")
                .values(SQLBind(row.id), SQLBind(row.event), SQLBind(row.title), SQLBind(row.url), SQLBind(position)).run()
        }
    }

    static func items(_ response: TestResponse) throws -> [JSONValue] {
        guard case .array(let items) = try response.json()["items"] else { throw TestFailure("no items in \(response.text)") }
        return items
    }

    @Test("Each link becomes a resource of its event, public when the event is; the old table goes", arguments: TestDatabase.all)
    func adoption(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            #expect(try await !EventResourcesHandover.tableExists(on: services.database.sql), "a new database has no event links")
            let longTitle = String(repeating: "Briefing book of the winter meeting, ", count: 10) + "and its annexes"
            try await Self.makeOldTable([
                (id: "link-1", event: "event-2018-winter-meeting", title: "Presentations", url: "https://example.org/slides"),
                (id: "link-2", event: "event-2018-winter-meeting", title: longTitle, url: "https://example.org/book"),
                (id: "link-3", event: "event-2014-winter-meeting", title: "Held back", url: "https://example.org/held"),
            ], services: services)
            try await services.database.sql.update("events").set("published", to: SQLBind(false)).where("id", .equal, SQLBind("event-2014-winter-meeting")).run()
            let before = try await count("resources", services)

            try await M004_AdoptHandedOverResources(services: services).prepare(on: services.database.db)

            #expect(try await count("resources", services) == before + 3)
            #expect(try await !EventResourcesHandover.tableExists(on: services.database.sql), "the events' links are released")
            let store = LibraryStore(services.database.db)
            let slides = try #require(try await store.find(.resource, key: "resource-link-1", publishedOnly: false))
            #expect(slides.title == "Presentations" && slides.text("link") == "https://example.org/slides" && slides.published)
            let book = try #require(try await store.find(.resource, key: "resource-link-2", publishedOnly: false))
            #expect(book.title.count == 300 && book.title.hasSuffix("…"), "a title longer than a resource's is shortened")
            #expect(book.text("summary") == longTitle, "and kept whole")
            let held = try #require(try await store.find(.resource, key: "resource-link-3", publishedOnly: false))
            #expect(!held.published, "a link of an unpublished event stays out of sight")

            // The event's page shows its resources from the library; the lists narrow to an event.
            services.cache.invalidateAll()
            let page = try await client.execute(uri: "/events/2018-winter-meeting", method: .get)
            #expect(page.text.contains("href=\"/resources/presentations\"") && page.text.contains("Presentations"))
            let api = try await client.execute(uri: "/api/v1/resources?event=2018-winter-meeting", method: .get)
            #expect(api.status == .ok)
            let titles = try Self.items(api).compactMap { $0["title"]?.stringValue }
            #expect(titles.contains("Presentations") && !titles.contains("Held back"))
            let list = try await client.execute(uri: "/resources?event=2018-winter-meeting", method: .get)
            #expect(list.text.contains("Presentations") && list.text.contains("From "))
            #expect(try await client.execute(uri: "/resources?event=2014-winter-meeting", method: .get).text.contains("0 resources"),
                    "an unpublished event's resources are not listed")
            #expect(try await client.execute(uri: "/api/v1/resources?event=no-such-event", method: .get).json()["page"]?["total"] == .int(0))
            #expect(try await client.execute(uri: "/api/v1/resources?event=Not%20a%20slug", method: .get).status == .badRequest)

            // Running again finds nothing to move.
            try await M004_AdoptHandedOverResources(services: services).prepare(on: services.database.db)
            #expect(try await count("resources", services) == before + 3)
        }
    }

    @Test("A link that cannot become a resource stops the move and moves nothing", arguments: TestDatabase.all)
    func allOrNothing(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            try await Self.makeOldTable([
                (id: "good", event: "event-2018-winter-meeting", title: "Presentations", url: "https://example.org/slides"),
                (id: "bad", event: "event-2018-winter-meeting", title: "Broken", url: "javascript:alert(1)"),
            ], services: services)
            let before = try await count("resources", services)
            let error = await #expect(throws: M004_AdoptHandedOverResources.AdoptionError.self) {
                try await M004_AdoptHandedOverResources(services: services).prepare(on: services.database.db)
            }
            #expect(error?.description.contains("\"Broken\"") == true && error?.description.contains("link") == true, "the error names the link and its field")
            #expect(try await count("resources", services) == before, "nothing half-moved")
            #expect(try await count(EventResourcesHandover.table, services) == 2, "the links are still where they were")
        }
    }
}
