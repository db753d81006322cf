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
                    // Every way of reading pages, against ranking every match: walking the rank
                    // index checking each entry; tiers smaller than a threshold (a named city's
                    // records, titles under facets) ranked whole or, on SQLite, walked against
                    // their rowids; and the whole search walked against its matches' rowids.
                    let third = ranked.total / 3
                    for (rankAllUpTo, walkAmongFrom) in [(0, Int.max), (third, Int.max), (third, 0), (Int.max, 0), (Int.max, third)] {
                        request.rankAllUpTo = rankAllUpTo
                        request.walkAmongFrom = walkAmongFrom
                        request.walkAmongMatchesPerResult = 0
                        let read = try await index.search(request)
                        #expect(read.hits.map(\.id) == ranked.hits.map(\.id),
                                "\(typed) \(filters) from \(offset): ranked whole up to \(rankAllUpTo), walked among from \(walkAmongFrom)")
                    }
                    if ranked.total > 0 { walked += 1 }
                }
            }
            #expect(walked >= 25, "most searches found something to rank (\(walked))")
        }
    }
}
