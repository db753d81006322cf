import CivitasCore
import Foundation
import SQLKit
import Testing
@testable import CivitasApp

/// A search with many matches reads its pages in rank order instead of ranking every match;
/// both ways give the same results, in the same order, page after page.
@Suite("Pages read in rank order")
struct SearchRankingTests {
    static let queries: [(String, [SearchFacet: [String]])] = [
        // A space after the last word makes it a word; without, it is matched as a prefix.
        ("residents ", [:]), ("city ", [:]), ("water programme", [:]), ("\"living wage\" ", [:]), ("partic", [:]),
        ("evaluaton ", [:]), ("housing -renters ", [:]), ("budget gdansk ", [:]), ("transit ", [.kind: ["news", "practice"]]),
        ("families ", [.kind: ["resource"], .topic: ["water", "housing"]]), ("council ", [.year: ["2010", "2011", "2012"]]),
        ("budget ", [.year: ["2011", "2015"]]), ("city ", [.year: ["2009", "2014"], .kind: ["news"]]),
        // A topic or city named (its records first), a plural being typed, a title tier under facets.
        ("transit bus", [:]), ("water malmo", [:]), ("cities", [:]), ("programme", [.kind: ["resource"]]),
        ("budget", [.kind: ["practice", "resource"], .topic: ["budgeting"]]), ("", [.kind: ["practice"], .topic: ["water"]]),
    ]

    @Test("The same pages whether every match is ranked or the rank index is walked", arguments: TestDatabase.all)
    func sameResultsBothWays(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            _ = try await ScaleDemo.load(records: 3_000, services: services) { _, _ in }
            _ = try await SearchMaintenance.reindex(services: services) { _, _ in }
            let index = SearchIndex(sql: services.database.sql)
            var walked = 0
            for (typed, filters) in Self.queries {
                for (offset, limit) in [(0, 20), (20, 20), (180, 30)] {
                    var request = SearchRequest(query: SearchQuery(parsing: typed), filters: filters, offset: offset, limit: limit)
                    request.rankAllUpTo = Int.max
                    request.walkAmongFrom = Int.max
                    let ranked = try await index.search(request)
                    request.rankAllUpTo = 0
                    let read = try await index.search(request)
                    #expect(read.hits.map(\.id) == ranked.hits.map(\.id), "\(typed) \(filters) from \(offset)")
                    // Between the two: the matches are walked, and a tier smaller than the
                    // threshold (a named city's records, titles under facets) is ranked whole.
                    request.rankAllUpTo = ranked.total / 3
                    let mixed = try await index.search(request)
                    #expect(mixed.hits.map(\.id) == ranked.hits.map(\.id), "\(typed) \(filters) from \(offset), ranked whole up to \(ranked.total / 3)")
                    // SQLite walks the index against the matches' rowids: every tier, then with the
                    // small ones (a named city's records, few titles) ranked whole.
                    request.rankAllUpTo = Int.max
                    request.walkAmongMatchesPerResult = 0
                    for from in [0, ranked.total / 3] {
                        request.walkAmongFrom = from
                        let among = try await index.search(request)
                        #expect(among.hits.map(\.id) == ranked.hits.map(\.id), "\(typed) \(filters) from \(offset), walked among from \(from)")
                    }
                    if ranked.total > 0 { walked += 1 }
                }
            }
            #expect(walked >= 25, "most searches found something to rank (\(walked))")
        }
    }
}
