import Foundation
import SQLKit
import Testing
@testable import CivitasApp

/// Every public page and API list of the demo network, rendered from the database (cache off),
/// reads a few statements, and the same number whatever the record: a page that asked once per
/// membership, speaker or session would read more for the records that have more of them.
/// Counted on both databases: on PostgreSQL the reads a page sends together (`together`) are
/// one statement, so its pages read fewer.
@Suite("Queries behind each page")
struct QueriesPerPageTests {
    /// The most statements any page of a group may read: what the demo's pages read today,
    /// each a query per relation shown (never per row).
    static let budget: [String: Int] = [
        // the record, its topics, its memberships, the sources of the record and of every
        // membership in one, the events it took part in, the library records on it
        "person": 6,
        // also references, memberships in both directions, posts and sub-organizations
        "organization": 11,
        // (a city also lists practices from cities like it: the cities, then their practices)
        "area": 11,
        "post": 5,
        "topic": 5,
        // the source, then the records citing it, one query per kind that cites
        "source": 6,
        // the event, its parties, sessions, session people, quotes, topics, sources, counts, sub-events
        // (and the library's records presented there, in one query)
        "event": 12,
        "API event": 11,
        // a page of records, the total, their links; the events list adds its filter choices
        "list page": 7,
        "API list": 6,
        // each module's home section: the directory's counts and latest, the upcoming events
        // each module's home section: the directory's counts and latest, the upcoming events,
        // the featured and latest news, the latest practices with their links and cities
        "home": 14,
        // the record and its links; its adaptations, similar practices, news and the cities to
        // compare; the links of those lists (one query per kind); the records all of them point
        // at (one query per capability); practices from cities like its own
        "practice": 10,
        "resource": 6,
        "news": 6,
    ]

    /// On PostgreSQL, where independent reads go as one statement (`together`).
    static let postgresBudget: [String: Int] = [
        // the person, then together its topics, memberships, sources and the other
        // capabilities' sections (events, library)
        "person": 2,
        // the event; its own rows together; the records they name; its registration counts
        // (apart: see `EventStore.detail`); the library's section
        "event": 5,
        // the same without the library's section
        "API event": 4,
        // the record with its links; its adaptations, similar practices, news and the cities to
        // compare together; their links together; the records named (directory, events);
        // practices from cities like its own
        "practice": 6,
        // a page of records, then their links, sources and memberships together (the events
        // list: also its total and filter choices)
        "API list": 4,
    ]

    @Test("Each page reads a few statements, the same whatever the record", arguments: TestDatabase.all)
    func fewQueriesPerPage(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            var counts: [String: [String: Int]] = [:]
            func count(_ group: String, _ path: String) async throws {
                let counter = ReadCounter()
                let response = try await ReadCounter.$current.withValue(counter) {
                    try await client.execute(uri: path, method: .get)
                }
                #expect(response.status == .ok, "\(path)")
                counts[group, default: [:]][path] = counter.statements.count
            }
            let sql = services.database.sql
            for kind in RecordKind.publicKinds + [.source] {
                let slugs = try await sql.select().column("slug").from(kind.table).where("published", .equal, SQLBind(true)).all()
                    .map { try $0.decode(column: "slug", as: String.self) }
                #expect(!slugs.isEmpty, "the demo has \(kind.plural)")
                for slug in slugs { try await count(kind.rawValue, DirectoryURL.record(kind, slug).path) }
                try await count("list page", DirectoryURL.list(kind).path)
                try await count("API list", DirectoryURL.apiList(kind).path)
            }
            let events = try await sql.select().column("slug").from("events").where("published", .equal, SQLBind(true)).all()
                .map { try $0.decode(column: "slug", as: String.self) }
            #expect(events.count >= 5, "the demo has events")
            for slug in events {
                try await count("event", ConveningsURL.event(slug).path)
                try await count("API event", ConveningsURL.apiEvent(slug).path)
            }
            try await count("list page", ConveningsURL.events.path)
            try await count("API list", ConveningsURL.apiEvents.path)
            try await count("home", "/")
            for kind in LibraryKind.allCases {
                let slugs = try await sql.select().column("slug").from(kind.table).where("published", .equal, SQLBind(true)).all()
                    .map { try $0.decode(column: "slug", as: String.self) }
                #expect(!slugs.isEmpty, "the demo has \(kind.plural)")
                for slug in slugs { try await count(kind.rawValue, LibraryURL.record(kind, slug).path) }
                try await count("list page", LibraryURL.list(kind).path)
                try await count("API list", LibraryURL.apiList(kind).path)
            }

            for (group, pages) in counts.sorted(by: { $0.key < $1.key }) {
                let most = pages.values.max() ?? 0
                let budget = try #require((database == .postgres ? Self.postgresBudget[group] : nil) ?? Self.budget[group], "no budget for \(group)")
                #expect(most <= budget, "\(group): \(pages.filter { $0.value > budget })")
                #expect(pages.values.min() ?? 0 > 0, "\(group): a page read nothing, so the count does not see its reads")
            }
            // Pages of one kind read the same statements whether the record has one related row
            // or dozens (the 2018 winter meeting has many more speakers and sessions than others).
            for group in ["person", "event", "API event", "post", "practice", "resource", "news"] {
                let values = Set(counts[group]?.values.map { $0 } ?? [])
                #expect(values.count <= 2, "\(group) pages read \(values.sorted()) statements: some read once per related row")
            }
        }
    }
}
