import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

/// `civitas demo --scale N` adds N searchable records, the same network for the same N on
/// either database, whose pages open and whose words search finds.
@Suite("A scaled demo network")
struct ScaleDemoTests {
    static let searchableTables = ["areas", "organizations", "people", "events", "practices", "resources", "news_items"]

    static func count(_ services: AppServices) async throws -> Int {
        var total = 0
        for table in searchableTables {
            total += try await services.database.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return total
    }

    /// What the network is: every searchable record's id and title, in id order.
    static func fingerprint(_ services: AppServices) async throws -> [String] {
        var lines: [String] = []
        for table in searchableTables {
            let titleColumn = ["areas", "organizations", "people"].contains(table) ? "name" : "title"
            lines += try await services.database.sql.raw("SELECT id, \(ident: titleColumn) AS title FROM \(ident: table) ORDER BY id").all()
                .map { "\(try $0.decode(column: "id", as: String.self)) \(try $0.decode(column: "title", as: String.self))" }
        }
        return lines
    }

    @Test("N records are added, pages open, search finds them, and a second load is refused", arguments: TestDatabase.all)
    func loadsAndSearches(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let before = try await Self.count(services)
            let stages = StageLog()
            let report = try await ScaleDemo.load(records: 600, services: services) { done, total in stages.record("Writing", done, total) }
            let indexed = try await SearchMaintenance.reindex(services: services) { done, total in stages.record("Indexing", done, total) }
            #expect(report.records == 600)
            #expect(try await Self.count(services) == before + 600)
            #expect(report.byGenerator.map(\.count).reduce(0, +) == 600)
            #expect(stages.finished("Writing", 600), "the progress reaches every record written")
            #expect(stages.finished("Indexing", indexed), "and every record indexed")

            let check = try await SearchMaintenance.check(services: services)
            #expect(check.isComplete && check.indexed == check.expected)

            // A page of each kind opens, generated text and all.
            for (table, prefix) in [("areas", "/areas/"), ("organizations", "/organizations/"), ("people", "/people/"), ("events", "/events/"),
                                    ("practices", "/practices/"), ("resources", "/resources/"), ("news_items", "/news/")] {
                let slug = try #require(try await services.database.sql.raw("SELECT slug FROM \(ident: table) ORDER BY id DESC LIMIT 1").first()?
                    .decode(column: "slug", as: String.self))
                let page = try await client.execute(uri: prefix + slug, method: .get)
                #expect(page.status == .ok, "\(prefix)\(slug)")
            }

            // Accents as the languages spell them; search folds them.
            let answer = try await SearchTests.search(client, "q=bogota")
            #expect(SearchTests.total(answer) > 0)
            #expect(SearchTests.titles(answer).contains { $0.contains("Bogotá") })

            await #expect(throws: ScaleDemo.AlreadyLoaded.self) {
                _ = try await ScaleDemo.load(records: 10, services: services) { _, _ in }
            }
            #expect(try await Self.count(services) == before + 600, "a refused load adds nothing")
        }
    }

    @Test("The same size makes the same network on both databases, and another seed another")
    func deterministic() async throws {
        let collected = Networks()
        for (database, seed) in [(TestDatabase.sqlite, UInt64(2026)), (TestDatabase.all.last!, 2026), (.sqlite, 7)] {
            try await withApp(database) { _, services in
                _ = try await ScaleDemo.load(records: 300, services: services, seed: seed) { _, _ in }
                collected.append(try await Self.fingerprint(services))
            }
        }
        let networks = collected.all
        #expect(networks[0].count >= 300)
        #expect(networks[0] == networks[1], "the same network on \(TestDatabase.all.last!)")
        #expect(networks[0] != networks[2], "another seed, another network")
    }

    @Test("Shares follow the generators' weights and add up to the size asked for")
    func shares() {
        #expect(ScaleDemo.shares(of: 1_000_000, weights: [20, 5, 75]) == [200_000, 50_000, 750_000])
        #expect(ScaleDemo.shares(of: 7, weights: [20, 5, 75]) == [1, 0, 6])
        #expect(ScaleDemo.shares(of: 101, weights: [1, 1]).reduce(0, +) == 101)
    }
}

private final class Networks: @unchecked Sendable {
    private let lock = NSLock()
    private var networks: [[String]] = []
    func append(_ network: [String]) { lock.withLock { networks.append(network) } }
    var all: [[String]] { lock.withLock { networks } }
}

/// The last progress each stage reported.
private final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [String: (done: Int, total: Int)] = [:]
    func record(_ stage: String, _ done: Int, _ total: Int) { lock.withLock { last[stage] = (done, total) } }
    func finished(_ stage: String, _ total: Int) -> Bool { lock.withLock { last[stage].map { $0.done == total && $0.total == total } ?? false } }
}
