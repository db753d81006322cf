import CivitasCore
import FluentKit
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
        // A topic named under chosen values, its records' titles read first (SQLite).
        ("transit ", [.kind: ["news"]]), ("water ", [.kind: ["news", "resource"]]),
    ]

    @Test("The same pages whether every match is ranked or the rank index is walked", arguments: TestDatabase.all)
    func sameResultsBothWays(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { services, index in
            var walked = 0
            var readByYears = 0
            var titlesFirst = 0
            for (typed, filters) in Self.queries {
                for (offset, limit) in [(0, 20), (20, 20), (180, 30)] {
                    var request = SearchRequest(query: SearchQuery(parsing: typed), filters: filters, offset: offset, limit: limit)
                    request.rankAllUpTo = Int.max
                    request.walkAmongFrom = Int.max
                    let ranked = try await index.search(request)
                    // Every way of reading pages, against ranking every match: walking the rank
                    // index checking each entry; tiers smaller than a threshold (a named city's
                    // records, titles under facets) ranked whole or walked (on SQLite against
                    // their rowids); and, on SQLite, the whole search walked against its
                    // matches' rowids.
                    let third = ranked.total / 3
                    // SQLite: a named topic's records ranked whole when fewer than all but one of the
                    // matches (the third way below), their titles read first or not.
                    if database == .sqlite, typed.hasSuffix(" "), request.query.words.count == 1 {
                        let named = try await index.names(in: request.query).map(\.value)
                        let sample = try await index.sample(index.matching(request.query, filters: filters), query: request.query, filters: filters,
                                                            inTitle: index.titleCondition(request.query))
                        let isBoosted = sample.isUnder(named)
                        if !named.isEmpty, Double(sample.total) * sample.share(isBoosted) < Double(ranked.total - 1),
                           sample.share({ isBoosted($0) && $0.inTitle }) > 0 { titlesFirst += 1 }
                    }
                    let allButOne = max(0, ranked.total - 1)
                    for (rankAllUpTo, walkAmongFrom) in [(0, Int.max), (third, Int.max), (allButOne, Int.max), (third, 0), (Int.max, 0), (Int.max, third)] {
                        request.rankAllUpTo = rankAllUpTo
                        request.walkAmongFrom = walkAmongFrom
                        request.walkAmongMatchesPerResult = 0
                        let read = try await index.search(request)
                        #expect(read.hits.map(\.id) == ranked.hits.map(\.id),
                                "\(typed) \(filters) from \(offset): ranked whole up to \(rankAllUpTo), walked among from \(walkAmongFrom)")
                        for titlesFirst in [true, false] where rankAllUpTo == allButOne {
                            request.boostedTitlesFirst = titlesFirst
                            #expect(try await index.search(request).hits.map(\.id) == ranked.hits.map(\.id),
                                    "\(typed) \(filters) from \(offset): ranked whole up to \(rankAllUpTo), titles first: \(titlesFirst)")
                        }
                        request.boostedTitlesFirst = nil
                        // SQLite: a named value's matches walked checking each entry, or gathered first.
                        for entryByEntry in [true, false] where database == .sqlite && walkAmongFrom == 0 {
                            request.checksNamedEntryByEntry = entryByEntry
                            #expect(try await index.search(request).hits.map(\.id) == ranked.hits.map(\.id),
                                    "\(typed) \(filters) from \(offset): ranked whole up to \(rankAllUpTo), named matches checked entry by entry: \(entryByEntry)")
                        }
                        request.checksNamedEntryByEntry = nil
                    }
                    // PostgreSQL: walks that pass a few entries first, widened again and again.
                    request.rankAllUpTo = 0
                    request.walkAmongFrom = Int.max
                    request.firstWalkPassing = 3
                    #expect(try await index.search(request).hits.map(\.id) == ranked.hits.map(\.id), "\(typed) \(filters) from \(offset): widened walks")
                    request.firstWalkPassing = nil
                    // PostgreSQL: the last tier read by years, newest first, then the undated.
                    request.byYearsFrom = 0
                    let byYears = try await index.search(request)
                    #expect(byYears.hits.map(\.id) == ranked.hits.map(\.id), "\(typed) \(filters) from \(offset): by years")
                    if database == .postgres {
                        let sample = try await index.sample(index.matching(request.query, filters: filters), query: request.query, filters: filters)
                        if index.readsByYears(sample, request) { readByYears += 1 }
                    }
                    // Tiers read by years where the sample shows them large, whole where small.
                    request.byYearsFrom = max(1, ranked.total / 3)
                    #expect(try await index.search(request).hits.map(\.id) == ranked.hits.map(\.id), "\(typed) \(filters) from \(offset): large tiers by years")
                    request.byYearsFrom = SearchIndex.byYearsFrom
                    if ranked.total > 0 { walked += 1 }
                }
            }
            #expect(walked >= 25, "most searches found something to rank (\(walked))")
            if database == .postgres { #expect(readByYears >= 20, "pages read by years (\(readByYears))") }
            if database == .sqlite { #expect(titlesFirst >= 4, "pages of named topics' tiers read titles first (\(titlesFirst))") }
        }
    }

    @Test("SQLite reads how many entries the index holds from the full-text index's own count")
    func entriesCounted() async throws {
        // A varint of one byte, two bytes and three, as SQLite writes them; more than nine bytes
        // of continuation is not one.
        #expect([("00", 0), ("7F", 127), ("8100", 128), ("9845", 3_141), ("BD8440", 1_000_000)].allSatisfy { SearchIndex.leadingVarint(hex: $0.0) == $0.1 })
        #expect(SearchIndex.leadingVarint(hex: "8080") == nil)
        try await withIndexedNetwork(.sqlite) { services, index in
            let counted = try await services.database.sql.raw("SELECT count(*) AS n FROM search_entries").first()!.decode(column: "n", as: Int.self)
            #expect(counted > 1_000)
            #expect(try await index.entryCount() == Double(counted))
        }
    }

    @Test("The years asked of the index by ranges are exactly the years in them")
    func yearRanges() {
        /// Whether a year's lexeme matches a `tsquery` of quoted lexemes and prefixes.
        func covers(_ query: String, _ year: Int) -> Bool {
            let lexeme = "=year=\(year)"
            return query.split(separator: "|").contains { term in
                let text = term.trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
                let isPrefix = text.hasSuffix(":*")
                let quoted = text.dropLast(isPrefix ? 2 : 0).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
                return isPrefix ? lexeme.hasPrefix(quoted) : lexeme == quoted
            }
        }
        for (from, below) in [(2019, 10_000), (1000, 1996), (1996, 2019), (2020, 2021), (1999, 2000), (1000, 10_000), (2024, 2024)] {
            let query = SearchIndex.yearsTSQuery(from: from, below: below)
            let covered = (1000...9999).filter { covers(query, $0) }
            #expect(covered == Array(from..<max(from, below)), "\(from)..<\(below): \(query)")
        }
        // Few terms: prefixes stand for whole decades, centuries and millennia.
        #expect(SearchIndex.yearsTSQuery(from: 2019, below: 10_000).split(separator: "|").count == 1 + 8 + 9 + 7, "2019, 202-209, 21-29, 3-9")
    }

    @Test("An index whose titles held no facet values is brought to the new shape in place, finding the same", arguments: TestDatabase.all)
    func titlesGainFacetValuesInPlace(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { services, index in
            func pages() async throws -> [[String]] {
                var pages: [[String]] = []
                for (typed, filters) in Self.queries {
                    var request = SearchRequest(query: SearchQuery(parsing: typed), filters: filters)
                    request.rankAllUpTo = 0
                    pages.append(try await index.search(request).hits.map(\.id))
                }
                return pages
            }
            let before = try await pages()
            // SQLite's titles' index (M004) and PostgreSQL's titles' vector (M006); each is a
            // no-op on the other database.
            let titleFacets: [any AsyncMigration] = [M004_SearchTitleFacets(), M006_TitleDocumentFacets()]
            for migration in titleFacets.reversed() { try await migration.revert(on: services.database.db) }
            for migration in titleFacets { try await migration.prepare(on: services.database.db) }
            #expect(try await pages() == before)
            // Copied, not rebuilt: every entry's title is there with its values.
            let entries = try await services.database.sql.raw("SELECT count(*) AS n FROM search_entries").first()!.decode(column: "n", as: Int.self)
            let titled: Int
            if index.isPostgres {
                let practices = SearchFacetTerms.tsquery([.kind: ["practice"]])!
                titled = try await services.database.sql.raw("SELECT count(*) AS n FROM search_entries WHERE title_document @@ CAST(\(bind: practices) AS tsquery)")
                    .first()!.decode(column: "n", as: Int.self)
            } else {
                let practices = SearchFacetTerms.fts5([.kind: ["practice"]])!
                titled = try await services.database.sql.raw("SELECT count(*) AS n FROM search_titles WHERE search_titles MATCH \(bind: practices)").first()!.decode(column: "n", as: Int.self)
            }
            let counted = try await services.database.sql.raw("SELECT count(*) AS n FROM search_facets WHERE facet = 'kind' AND value = 'practice'").first()!.decode(column: "n", as: Int.self)
            #expect(entries > 0 && titled == counted && counted > 0)
        }
    }

    @Test("A word being typed finds the same without the words written together that its first word already gives", arguments: TestDatabase.all)
    func completionsLeaveOutJoinedWords(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { services, index in
            let typed = ["wate", "water", "hous", "housing", "trans", "budg", "cityo", "newc"]
            func results() async throws -> [[String]] {
                var found: [[String]] = []
                for prefix in typed {
                    let results = try await index.search(SearchRequest(query: SearchQuery(parsing: prefix), limit: 50))
                    found.append(results.hits.map(\.id) + ["\(results.total)"])
                }
                return found
            }
            let kept = try await services.database.sql.raw("SELECT count(*) AS n FROM search_words WHERE joined_after IS NOT NULL").first()!.decode(column: "n", as: Int.self)
            #expect(kept > 0, "the network's titles give words written together")
            let leftOut = try await results()
            // Every word completed to, as before the vocabulary told them apart.
            try await services.database.sql.raw("UPDATE search_words SET joined_after = NULL").run()
            #expect(try await results() == leftOut)
        }
    }

    @Test("PostgreSQL finds the same sample of matches below a bound in the sample order, or checking chosen values first, as from its start",
          arguments: TestDatabase.all.filter { $0 == .postgres })
    func sampleBelowBound(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { services, index in
            // Drafts among the matches (a sixteenth of the entries): every way of reading leaves them out.
            try await services.database.sql.raw("UPDATE search_entries SET is_public = false WHERE substr(md5(key), 1, 1) = 'a'").run()
            var bounded = 0
            var walked = 0
            // Besides the list, searches matching most of the network: more than the sample.
            let common: [(String, [SearchFacet: [String]])] = [("programme ", [:]), ("council ", [:]), ("mayor ", [:]),
                                                               ("", [.kind: ["practice", "resource", "news"]]), ("residents ", [.kind: ["news", "resource"]]),
                                                               ("city residents ", [:])]
            for (typed, filters) in Self.queries + common {
                var request = SearchRequest(query: SearchQuery(parsing: typed), filters: filters)
                let fromStart = try await index.search(request)
                // Below a bound (asked of the full-text index through the sample order's ranges,
                // or intersected with the sample index), and (words with values chosen) in the
                // sample order checking the values first; several words found apart, below a
                // bound from the rarest one; and below bounds that hold too few, read again.
                for bounds in [SearchIndex.SampleBounds.always, .alwaysBySampleIndex, .walked, .apart, .starved] {
                    request.sampleBounds = bounds
                    let read = try await index.search(request)
                    #expect(read.total == fromStart.total && read.countsAreEstimates == fromStart.countsAreEstimates, "\(typed) \(filters)")
                    #expect(read.facets == fromStart.facets, "\(typed) \(filters)")
                    #expect(read.hits.map(\.id) == fromStart.hits.map(\.id), "\(typed) \(filters)")
                }
                let query = request.query
                let matching = index.matching(query, filters: filters)
                if case .below(_, askingTheIndex: true) = try await index.sampleReading(matching, query: query, filters: filters, bounds: .always) { bounded += 1 }
                if try await index.sampleReading(matching, query: query, filters: filters, bounds: .walked) == .checkingValuesFirst { walked += 1 }
            }
            #expect(bounded >= 5, "searches with more matches than the sample are read below a bound (\(bounded))")
            // Several words, bounded by the rarest one's estimate (tests take any words to go together).
            let severalWords = SearchQuery(parsing: "city residents ")
            let reading = try await index.sampleReading(index.matching(severalWords, filters: [:]), query: severalWords, filters: [:], bounds: .always)
            guard case .below = reading else { Issue.record("several words are read \(reading)"); return }
            // Several words found apart, bounded by the rarest one's estimate too.
            let apart = try await index.sampleReading(index.matching(severalWords, filters: [:]), query: severalWords, filters: [:], bounds: .apart)
            guard case .below = apart else { Issue.record("several words found apart are read \(apart)"); return }
            #expect(walked >= 5, "searches with values chosen are read checking the values first (\(walked))")
        }
    }

    @Test("A sample arrives in the sample order, each match with its own facet values and title flag", arguments: TestDatabase.all)
    func sampleRows(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { services, _ in
            // As the search pages read it (on PostgreSQL, each column gathered into one text).
            let index = SearchIndex.reading(services.database)
            let statement: SQLQueryString = "SELECT e.facet_values, e.sample_order AS place, (CASE WHEN e.sample_order % 3 = 0 THEN 1 ELSE 0 END) AS in_title FROM "
                + index.matching(SearchQuery(parsing: "residents "), filters: [:]) + " ORDER BY e.sample_order"
            let upTo = index.estimatedFrom + 100
            let expected = try await services.database.sql.raw(statement + " LIMIT \(bind: upTo + 1)").all()
            #expect(expected.count == upTo + 1, "the word matches more entries than the statement reads")
            let sampled = try await services.database.readingLong { try await index.sampledRows(statement, upTo: upTo, inTitle: true) }
            #expect(sampled.count == expected.count && sampled.isFull)
            #expect(sampled.inTitle == (try expected.map { try $0.decode(column: "in_title", as: Int.self) == 1 }))
            #expect(Set(sampled.inTitle) == [true, false])
            // Each match's values, written back as the column holds them.
            let values = sampled.facets.map { positions in
                positions.map { sampled.reader.values[$0] }.map { "\($0.facet)\u{1F}\($0.value)\u{1F}\($0.label)" }.joined(separator: "\u{1E}")
            }
            #expect(values == (try expected.prefix(upTo).map { try $0.decode(column: "facet_values", as: String.self) }))
            #expect(values.allSatisfy { !$0.isEmpty }, "every entry is counted under its kind at least")
            // The first past the estimate's sample says how far into the order it reached.
            #expect(sampled.sampleEnd == (try expected[index.estimatedFrom].decode(column: "place", as: Int64.self)))
        }
    }

    @Test("PostgreSQL reads a sample below a bound through the ranges of the sample order, or sorts every match when few are expected")
    func sampleReadingChosen() {
        func reading(_ estimate: Double, values: Bool = false, boundable: Bool = true) -> SearchIndex.SampleReading {
            SearchIndex.sampleReading(estimate: estimate, entries: 1_000_000, checksValues: values, boundable: boundable, bounds: .standard)
        }
        func isBelow(_ reading: SearchIndex.SampleReading, askingTheIndex asked: Bool) -> Bool {
            if case .below(let bound, let askingTheIndex) = reading { return askingTheIndex == asked && bound > 0 && bound < SearchIndex.sampleOrderEnd }
            return false
        }
        // A word most entries hold ("programme", 38%; "city", 90%): below a bound, the ranges asked.
        #expect(isBelow(reading(380_000), askingTheIndex: true))
        #expect(isBelow(reading(900_000), askingTheIndex: true))
        // A few percent ("reykjavik", 25,000): below a bound, the ranges asked too (the entries
        // lie in the sample order, so those below the bound share their pages).
        #expect(isBelow(reading(25_000), askingTheIndex: true))
        // Rare words: every match sorted, not the sample index read in order (which PostgreSQL
        // takes for cheap once the entries lie in that order); with values chosen too.
        #expect(reading(3_000) == .allMatchesSorted)
        #expect(reading(3_000, values: true) == .allMatchesSorted)
        // Values chosen on a few percent (`kind=practice&topic=water`, 13,000): below a bound.
        #expect(isBelow(reading(13_000, values: true), askingTheIndex: true))
        // Phrases and several words, however common: from the start, as the planner chooses.
        #expect(reading(380_000, boundable: false) == .fromStart)
        #expect(reading(60_000, values: true, boundable: false) == .fromStart)
        // Values chosen on a large share: each entry's values checked first.
        #expect(reading(400_000, values: true) == .checkingValuesFirst)
        // Values chosen on a fifth of the index (PostgreSQL's estimate of `q=transit&kind=news`,
        // 54,000 matching): below a bound, the ranges asked.
        #expect(isBelow(reading(160_000, values: true), askingTheIndex: true))
        // Several words: the rarest one's estimate is taken when it is many times PostgreSQL's for
        // them all (words that go together), not when they may be found apart.
        #expect(SearchIndex.wordsGoTogether(rarest: 24_000, together: 576, bounds: .standard), "sao paulo")
        #expect(!SearchIndex.wordsGoTogether(rarest: 25_000, together: 9_300, bounds: .standard), "water malmo")
        // The bound holds half as many again as the estimate's sample, by the estimate.
        if case .below(let bound, _) = reading(380_000) {
            let share = Double(bound) / Double(SearchIndex.sampleOrderEnd)
            #expect(abs(share * 380_000 - 1.5 * Double(SearchIndex.estimatedFromOnPostgres + 1)) < 1)
        }
    }

    @Test("A rebuild on PostgreSQL lays the entries on disk in the sample order", arguments: TestDatabase.all.filter { $0 == .postgres })
    func entriesLaidInSampleOrder(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { services, _ in
            // In the order of their places in the table, nearly every entry's place in the sample
            // order follows the one before (a long entry that does not fit where the last one went
            // may go further on, and the next ones fill in behind it): the sample's first matches
            // share their pages. Written in any other order, about half would.
            let orders = try await services.database.sql.raw("SELECT sample_order FROM search_entries ORDER BY ctid").all()
                .map { try $0.decode(column: "sample_order", as: Int64.self) }
            #expect(orders.count >= 3_000)
            let following = zip(orders, orders.dropFirst()).count { $0 < $1 }
            #expect(Double(following) >= 0.9 * Double(orders.count - 1), "\(following) of \(orders.count - 1) follow the one before")
            // Nothing of the rebuild is left behind, and the index still finds what it held.
            let staged = try await services.database.sql.raw("SELECT count(*) AS n FROM pg_class WHERE relname = \(bind: SearchIndexer.stagedEntries)").first()!
            #expect(try staged.decode(column: "n", as: Int.self) == 0)
            let report = try await SearchMaintenance.check(services: services)
            #expect(report.isComplete, "\(report.missing.prefix(3)) \(report.extra.prefix(3))")
        }
    }

    @Test("PostgreSQL's full-text index holds each entry's range and band of the sample order, written with the entry or by the migrations",
          arguments: TestDatabase.all.filter { $0 == .postgres })
    func sampleRangesInTheIndex(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { services, _ in
            let sql = services.database.sql
            func entries(below bound: Int64, askingTheIndex: Bool) async throws -> Int {
                let ranges: SQLQueryString = askingTheIndex ? " AND document @@ CAST(\(bind: SearchIndex.sampleRangesTSQuery(below: bound)) AS tsquery)" : ""
                return try await sql.raw("SELECT count(*) AS n FROM search_entries WHERE sample_order < \(bind: bound)" + ranges)
                    .first()!.decode(column: "n", as: Int.self)
            }
            func checkRanges() async throws {
                let all = try await entries(below: SearchIndex.sampleOrderEnd, askingTheIndex: false)
                #expect(all > 1_000)
                // Whatever the bound, the bands and ranges under it hold every entry below it: a
                // part of the first range, the first band exactly, a band and part of the next,
                // bands and ranges, every band.
                let range = SearchIndex.sampleOrderEnd / SearchIndex.sampleRanges + 1
                for bound in [range / 3, range * SearchIndex.rangesPerBand, range * (SearchIndex.rangesPerBand + 1) + 7] {
                    #expect(try await entries(below: bound, askingTheIndex: true) == entries(below: bound, askingTheIndex: false), "\(bound)")
                }
                for share in [0.001, 0.05, 0.3, 0.77, 1.0] {
                    let bound = Int64(Double(SearchIndex.sampleOrderEnd) * share)
                    #expect(try await entries(below: bound, askingTheIndex: true) == entries(below: bound, askingTheIndex: false), "\(share)")
                }
            }
            // As the index writes its entries.
            try await checkRanges()
            // Entries written before the bands were kept get them from their migration, and
            // before the ranges were kept, from theirs.
            try await M009_SampleBands().revert(on: services.database.db)
            #expect(try await entries(below: SearchIndex.sampleOrderEnd, askingTheIndex: true) == 0, "every band is asked for whole")
            try await M009_SampleBands().prepare(on: services.database.db)
            try await checkRanges()
            try await M007_SampleRanges().revert(on: services.database.db)
            #expect(try await entries(below: 1 << 52, askingTheIndex: true) == 0, "the first range is asked for as a range")
            try await M007_SampleRanges().prepare(on: services.database.db)
            try await checkRanges()
        }
        #expect(SearchIndex.sampleRangesTSQuery(below: 1) == "'=sample=0'")
        #expect(SearchIndex.sampleRangesTSQuery(below: 1 << 52) == "'=sample=0'")
        #expect(SearchIndex.sampleRangesTSQuery(below: (1 << 52) + 1) == "'=sample=0' | '=sample=1'")
        // Sixteen ranges make a band: asked as the band, and the ranges past it one by one.
        #expect(SearchIndex.sampleRangesTSQuery(below: 16 << 52) == "'=sampleband=0'")
        #expect(SearchIndex.sampleRangesTSQuery(below: (17 << 52) + 1) == "'=sampleband=0' | '=sample=16' | '=sample=17'")
        #expect(SearchIndex.sampleRangesTSQuery(below: 63 << 52) == (["'=sampleband=0'", "'=sampleband=1'", "'=sampleband=2'"] + (48...62).map { "'=sample=\($0)'" }).joined(separator: " | "))
        #expect(SearchIndex.sampleRangesTSQuery(below: SearchIndex.sampleOrderEnd).components(separatedBy: " | ") == (0..<64).map { "'=sampleband=\($0)'" })
    }

    @Test("The words a prefix completes to find what the prefix itself finds", arguments: TestDatabase.all)
    func completionsFindWhatThePrefixFinds(database: TestDatabase) async throws {
        try await withIndexedNetwork(database) { _, index in
            var completed = 0
            for typed in ["wate", "water", "hous", "partic", "evic", "trans", "budg", "newc", "reyk", "famil", "cities"] {
                var request = SearchRequest(query: SearchQuery(parsing: typed), limit: 50)
                let withCompletions = try await index.search(request)
                request.completesPrefix = false
                let asPrefix = try await index.search(request)
                #expect(withCompletions.hits.map(\.id) == asPrefix.hits.map(\.id), "\(typed)")
                #expect(withCompletions.total == asPrefix.total && withCompletions.facets == asPrefix.facets, "\(typed)")
                if try await index.completions(of: typed) != nil { completed += 1 }
            }
            #expect(completed >= 8, "most prefixes complete to a few words (\(completed))")
        }
    }

    /// A generated network of 3,000 records, indexed, and its index.
    private func withIndexedNetwork(_ database: TestDatabase, _ body: @Sendable (AppServices, SearchIndex) async throws -> Void) async throws {
        try await withApp(database) { _, services in
            _ = try await ScaleDemo.load(records: 3_000, services: services) { _, _ in }
            _ = try await SearchMaintenance.reindex(services: services) { _, _ in }
            try await body(services, SearchIndex(sql: services.database.sql))
        }
    }
}
