import CivitasCore
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

/// A search matching more than `SearchIndex.exactCountLimit` records counts a fair sample of
/// them (`SearchIndex.estimatedFrom`) and says so; fewer, and every count is exact.
@Suite("Counts estimated above a thousand matches")
struct SearchEstimateTests {
    /// The exact number of entries a search matches, counted over every match.
    static func bruteForce(_ services: AppServices, _ typed: String, kind: String? = nil) async throws -> Int {
        let index = SearchIndex(sql: services.database.sql)
        let filters: [SearchFacet: [String]] = kind.map { [.kind: [$0]] } ?? [:]
        return try await services.database.sql.raw("SELECT COUNT(*) AS n FROM " + index.matching(SearchQuery(parsing: typed), filters: filters))
            .first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test("Estimates land near the true counts and are marked; small counts stay exact", arguments: TestDatabase.all)
    func estimates(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            _ = try await ScaleDemo.load(records: 4_000, services: services) { _, _ in }
            _ = try await SearchMaintenance.reindex(services: services) { _, _ in }

            let common = try await SearchTests.search(client, "q=residents%20")
            let truth = try await Self.bruteForce(services, "residents ")
            #expect(truth > SearchIndex.exactCountLimit, "the word is common enough to be estimated (\(truth))")
            #expect(common["counts_are_estimates"] == true)
            let estimate = SearchTests.total(common)
            #expect(abs(Double(estimate - truth)) / Double(truth) < 0.15, "estimated \(estimate), really \(truth)")
            for (kind, count) in SearchTests.counts(common, "kind") {
                let real = try await Self.bruteForce(services, "residents ", kind: kind)
                // Kinds with a fair share of the matches are estimated within a fifth.
                if Double(real) / Double(truth) > 0.1 {
                    #expect(abs(Double(count - real)) / Double(real) < 0.2, "\(kind): estimated \(count), really \(real)")
                }
            }
            // More than the estimate's sample, no more than the exact count's limit: still
            // counted exactly, as read again up to the limit (PostgreSQL; SQLite's sample is
            // as large as the limit).
            let estimatedFrom = SearchIndex(sql: services.database.sql).estimatedFrom
            if estimatedFrom < SearchIndex.exactCountLimit {
                var between: (query: String, truth: Int)? = nil
                let vocabulary = try await services.database.sql.raw("SELECT word FROM search_words ORDER BY word").all()
                    .map { try $0.decode(column: "word", as: String.self) }.filter { $0.count >= 4 && $0.allSatisfy(\.isLetter) }
                for word in vocabulary {
                    let truth = try await Self.bruteForce(services, word + " ")
                    if truth > estimatedFrom && truth <= SearchIndex.exactCountLimit { between = ("q=\(word)%20", truth); break }
                }
                let middle = try #require(between, "a search matches between the sample and the limit")
                let counted = try await SearchTests.search(client, middle.query)
                #expect(counted["counts_are_estimates"] == false, "\(middle.query)")
                #expect(SearchTests.total(counted) == middle.truth, "\(middle.query)")
                #expect(SearchTests.counts(counted, "kind").values.reduce(0, +) == middle.truth, "every match counted under its kind")
            }

            let page = try await client.execute(uri: "/search?q=residents", method: .get)
            #expect(page.text.contains("About ") && page.text.contains("estimated from \(estimatedFrom.formatted()) of them"))

            // A city's own records: few, counted exactly, facets and all.
            let city = try #require(try await services.database.sql.raw("SELECT name FROM areas WHERE classification = 'city' ORDER BY id LIMIT 1").first()?
                .decode(column: "name", as: String.self))
            let typed = city.lowercased() + " "
            let rare = try await SearchTests.search(client, "q=" + (typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            #expect(rare["counts_are_estimates"] == false)
            #expect(SearchTests.total(rare) == (try await Self.bruteForce(services, typed)))
            #expect(SearchTests.counts(rare, "kind").values.reduce(0, +) == SearchTests.total(rare), "every match counted under its kind")
        }
    }

    @Test("Estimates read as people write them")
    func rounding() {
        #expect(SearchIndex.roughly(243_517) == 240_000)
        #expect(SearchIndex.roughly(1_049) == 1_000)
        #expect(SearchIndex.roughly(99) == 99)
        #expect(SearchIndex.roughly(1_250) == 1_300)
    }
}
