import Foundation
import SQLKit
import Testing
@testable import CivitasApp

/// A record's page reads what it shows, never a walk over a table that grows with the network.
///
/// Checked on SQLite, whose plans without statistics (Civitas keeps none) do not depend on the
/// data: the plan a statement gets over the demo is the plan it gets at 1,000,000 records,
/// where a walk over practices or news took seconds (a person's page 2.1 s, a practice's 3.4 s,
/// before the reads behind them started from the links). PostgreSQL plans from its statistics,
/// so its plans over the demo say nothing of its plans at scale; `scripts/bench` times its pages
/// at 1,000,000 records instead.
@Suite("Query plans behind record pages")
struct PagePlansTests {
    /// Tables that grow with the network. A page may read them by key or by an index's range,
    /// never walk them. (Topics and areas are few: a practice page lists every city for its
    /// chooser of cities like yours.)
    static let growingTables = ["people", "organizations", "posts", "memberships", "events", "event_sessions", "event_parties",
                                "practices", "resources", "news_items", "library_links", "topic_links", "citations", "sources"]

    @Test("Each record page's statements read by key or range, never a whole growing table")
    func recordPagesReadByKey() async throws {
        try await withApp(.sqlite, demo: true) { client, services in
            // A page of each kind that shows the most related records in the demo.
            let pages = ["/people/eric-garcetti", "/organizations/us-conference-of-mayors", "/areas/milwaukee",
                         "/events/2018-winter-meeting", "/practices/pro-athletes-as-a-community-bridge",
                         "/resources/" + (try await firstSlug("resources", services)), "/news/we-are-hiring-2017"]
            for path in pages {
                let counter = ReadCounter()
                let response = try await ReadCounter.$current.withValue(counter) { try await client.execute(uri: path, method: .get) }
                #expect(response.status == .ok, "\(path)")
                #expect(!counter.statements.isEmpty, "\(path): no statement seen")
                for statement in counter.statements {
                    let walks = try await walkedTables(statement, services)
                    #expect(walks.isEmpty, "\(path) walks \(walks) in: \(statement)")
                }
            }
        }
    }

    @Test("A topic's library section reads in list order and stops at its limit; a person's starts from the links")
    func librarySectionStart() async throws {
        try await withApp(.sqlite, demo: true) { client, services in
            // The pages ask for the start their subject needs.
            for (path, start) in [("/topics/public-safety", #""practices" r CROSS JOIN library_links l"#), ("/people/tom-barrett", #"library_links l CROSS JOIN "practices" r"#)] {
                let counter = ReadCounter()
                #expect(try await ReadCounter.$current.withValue(counter) { try await client.execute(uri: path, method: .get) }.status == .ok, "\(path)")
                #expect(counter.statements.contains { $0.contains(start) }, "\(path) reads its library section from \(start)")
            }
            let store = LibraryStore(sql: services.database.sql)
            func plan(_ start: LinkedReadStart) async throws -> [String] {
                let read = store.linesRead(linkingTo: "some-id", through: [(.practice, ["topic_ids"])], startingFrom: start)
                let (text, _) = services.database.sql.serialize(read.queries[0])
                return try await details("EXPLAIN QUERY PLAN " + text, services)
            }
            let fromLinks = try await plan(.links)
            #expect(fromLinks.first { $0.contains("library_links") }?.hasPrefix("SEARCH") == true, "\(fromLinks)")
            #expect(!fromLinks.contains(where: Self.walks), "\(fromLinks)")
            let inOrder = try await plan(.listOrder)
            #expect(inOrder.contains { $0.hasPrefix("SEARCH r USING INDEX practices_published_title (published=?)") }, "\(inOrder)")
            #expect(!inOrder.contains { $0.contains("TEMP B-TREE") }, "read in order, never sorted: \(inOrder)")
        }
    }

    /// Columns that split a table into a few large parts: a range of one of them is a walk.
    static let fewValued: Set<String> = ["published", "featured", "classification", "subject_kind", "field", "kind", "status", "review_state"]

    /// Whether a plan's step walks its table: `SCAN table` (with or without an index), or a
    /// `SEARCH` whose index range is bounded only by few-valued columns (`(published=?)`, the
    /// walk that took a person's page 2.1 s at scale).
    static func walks(_ detail: String) -> Bool {
        if detail.hasPrefix("SCAN ") { return true }
        guard detail.hasPrefix("SEARCH "), let open = detail.lastIndex(of: "("), detail.hasSuffix(")") else { return false }
        let columns = detail[detail.index(after: open)..<detail.index(before: detail.endIndex)]
            .split(separator: " AND ").map { String($0.prefix { $0 != "=" && $0 != ">" && $0 != "<" }) }
        return columns.allSatisfy { fewValued.contains($0) }
    }

    /// The growing tables a statement's plan walks.
    private func walkedTables(_ statement: String, _ services: AppServices) async throws -> [String] {
        try await details("EXPLAIN QUERY PLAN " + statement, services).compactMap { detail in
            guard Self.walks(detail) else { return nil }
            let name = detail.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            // A plan names a table by its alias when it has one; resolve the common ones by the statement's text.
            let table = Self.growingTables.first { table in name == table || statement.range(of: "\(table) \(name) ") != nil
                || statement.range(of: "\"\(table)\" \(name) ") != nil }
            return table
        }
    }

    private func details(_ explain: String, _ services: AppServices) async throws -> [String] {
        try await services.database.sql.raw(SQLQueryString(stringLiteral: explain)).all().map { try $0.decode(column: "detail", as: String.self) }
    }

    private func firstSlug(_ table: String, _ services: AppServices) async throws -> String {
        try await services.database.sql.raw("SELECT slug FROM \(unsafeRaw: table) WHERE published = \(bind: true) ORDER BY slug LIMIT 1").all()[0]
            .decode(column: "slug", as: String.self)
    }
}
