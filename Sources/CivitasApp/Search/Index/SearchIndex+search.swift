import Foundation
import CivitasCore
import SQLKit
import Synchronization

/// A search as asked: the query, the chosen values of each facet, and the page.
struct SearchRequest: Sendable {
    var query: SearchQuery
    /// Words of the query no record holds, each with the indexed words it may be a typo of
    /// (filled by `SearchIndex.correctTypos`).
    var corrections: [String: [String]] = [:]
    /// Facet to its chosen values: OR within a facet, AND across facets.
    var filters: [SearchFacet: [String]] = [:]
    var offset = 0
    var limit = 20
    /// Staff also find unpublished records (drafts, members' submissions).
    var includeDrafts = false
    /// Up to this many matches are ranked all at once; above, pages are read in rank order
    /// (`SearchIndex+ranking`). Tests lower it to hold both ways to the same results.
    var rankAllUpTo = SearchIndex.walkAbove
    /// SQLite: from this many matches up to `rankAllUpTo`, pages are read by walking the rank
    /// index against the set of the matches' rowids (`SearchIndex+ranking`). Tests vary it.
    var walkAmongFrom = SearchIndex.walkAmongFrom
    var walkAmongMatchesPerResult = SearchIndex.walkAmongMatchesPerResult
    /// PostgreSQL: how many entries a walk in rank order passes before it is widened; nil, as
    /// many as the estimate says (`SearchIndex.walked`). Tests set a few, so that walks are
    /// widened many times, to hold each widening to the same results.
    var firstWalkPassing: Int? = nil
    /// PostgreSQL: from how many matches a page's last tier is read by years
    /// (`SearchIndex.byYears`). Tests lower it to hold both ways to the same pages.
    var byYearsFrom = SearchIndex.byYearsFrom
    /// PostgreSQL: for which estimates the first matches in the sample order are read below a
    /// bound or checking chosen values first (`SearchIndex.sampleReading`). Tests widen it.
    var sampleBounds = SearchIndex.SampleBounds.standard
    /// The word being typed is looked up as the vocabulary's words it completes to, when they
    /// are few (`SearchIndex.completions`); tests turn it off to compare with the prefix itself.
    var completesPrefix = true
    /// SQLite: whether a tier of records under values the query names, ranked whole, is read
    /// titles first; nil, when the sample shows a page of such titles (`titlesFillBoostedPage`).
    /// Tests force it both ways, to hold each to the same pages.
    var boostedTitlesFirst: Bool? = nil
    /// SQLite: whether a walk among a named value's matches checks each entry it passes against
    /// the full-text index instead of gathering every match's rowid first; nil, when the walk is
    /// expected to pass few entries (`SearchIndex.checksEntryByEntry`). Tests force it both ways.
    var checksNamedEntryByEntry: Bool? = nil
}

struct SearchHit: Sendable {
    let kind: String
    let id: String
    let title: String
    let body: String
    let path: String
    let facts: String?
    let date: String?
    let isPublic: Bool
}

struct SearchFacetCount: Sendable, Equatable {
    let value: String
    let label: String
    let count: Int
}

extension SearchResults {
    /// The query as results show it matched: with the words its typos were taken for.
    func highlighting(_ query: SearchQuery) -> SearchQuery {
        SearchQuery(words: query.words + corrections.values.flatMap { $0 }, phrases: query.phrases, excluded: query.excluded, prefix: query.prefix)
    }
}

struct SearchResults: Sendable {
    /// Words of the query that matched as typos of others, with those others.
    var corrections: [String: [String]] = [:]
    /// Cities, topics and countries the query names, not yet chosen: offered as filters, and
    /// the records counted under them ranked first.
    var suggestions: [SearchFacetValue] = []
    let hits: [SearchHit]
    /// How many records match: exact up to `SearchIndex.exactCountLimit`, estimated above it.
    let total: Int
    /// The total and facet counts are estimated from a sample of the matches (more matched
    /// than `SearchIndex.exactCountLimit`); pages say "about".
    var countsAreEstimates = false
    /// How many matches the estimates come from (`SearchIndex.estimatedFrom`).
    var estimatedFrom = SearchIndex.exactCountLimit
    /// Each facet's values among the results, most first; a facet's counts leave out its own
    /// chosen values (so choosing a second value shows what it would add).
    let facets: [SearchFacet: [SearchFacetCount]]

    init(corrections: [String: [String]] = [:], suggestions: [SearchFacetValue] = [], hits: [SearchHit], total: Int,
         countsAreEstimates: Bool = false, facets: [SearchFacet: [SearchFacetCount]]) {
        self.corrections = corrections
        self.suggestions = suggestions
        self.hits = hits
        self.total = total
        self.countsAreEstimates = countsAreEstimates
        self.facets = facets
    }
}

extension SearchIndex {
    /// The index as searches and lists' `?q=` read it: statements planned for their values
    /// (`AppDatabase.readsPlannedPerRun`), and on PostgreSQL its lookups prepared (`lookups`).
    static func reading(_ database: AppDatabase) -> SearchIndex {
        let planned = database.readsPlannedPerRun
        return SearchIndex(sql: planned, lookups: planned.dialect.name == "postgresql" ? database.reads : nil)
    }

    /// The most values shown per facet.
    static let valuesPerFacet = 12

    func search(_ asked: SearchRequest) async throws -> SearchResults {
        var index = self
        index.sizeOfSearch = EntryCountOfSearch()
        return try await index.searching(asked)
    }

    private func searching(_ asked: SearchRequest) async throws -> SearchResults {
        // Nothing asked, nothing found (rather than the whole index).
        if asked.query.isEmpty && asked.filters.values.allSatisfy(\.isEmpty) { return SearchResults(hits: [], total: 0, facets: [:]) }
        var request = asked
        // A city, topic or country the query names ranks the records under it first; its words
        // stop being required when other words remain ("housing milwaukee": housing anywhere,
        // Milwaukee's first, and "in Milwaukee" offered as a filter).
        let named = try await names(in: request.query)
        let suggestions = named.map(\.value).filter { !(request.filters[SearchFacet(rawValue: $0.facet)!] ?? []).contains($0.value) }
        let namingWords = Set(named.flatMap(\.words))
        var rest = request.query
        rest.words.removeAll { namingWords.contains($0) }
        if let prefix = rest.prefix, namingWords.contains(SearchText.reduce(prefix)) { rest.prefix = nil }
        if !rest.isEmpty, !namingWords.isEmpty { request.query = rest }
        // The prefix's completions first: when there are any (or more than are kept), indexed
        // words start with it, and the corrections need not ask again whether any does.
        var prefixStartsAWord = false
        if !request.includeDrafts, request.completesPrefix {
            let completions = try await completions(of: request.query.prefix)
            request.query.prefixCompletions = completions
            prefixStartsAWord = completions.map { !$0.isEmpty } ?? (request.query.prefix.map { $0.count >= Self.shortestCompleted } ?? false)
        }
        request.corrections = try await corrections(of: request.query, prefixStartsAWord: prefixStartsAWord)
        // Each chosen facet's counts leave out its own choices, so each comes from a sample of
        // its own, read beside the page's sample and ranking where it can be (`samplesBeside`),
        // else after them. Read beside, a sample may see a later snapshot than the page's (a
        // write committed meanwhile), never an earlier one than the search's start.
        let chosen = SearchFacet.allCases.filter { !(request.filters[$0] ?? []).isEmpty }
        let completed = request
        async let besides = samplesBeside(of: chosen, completed)
        let matching = self.matching(request.query, corrections: request.corrections, filters: request.filters, includeDrafts: request.includeDrafts)
        let rankedAlong = isPostgres ? RankedAlong(order: rankOrder(request, suggestions: suggestions), limit: request.limit, offset: request.offset,
                                                   upTo: request.rankAllUpTo) : nil
        let matches = try await sample(matching, query: request.query, filters: request.filters,
                                       inTitle: titleCondition(request.query, corrections: request.corrections), bounds: request.sampleBounds,
                                       walkedCondition: isPostgres ? walkedCondition(request.query, corrections: request.corrections, filters: request.filters,
                                                                                     includeDrafts: request.includeDrafts) : nil,
                                       rankedAlong: rankedAlong)
        let hits = try await rankedHits(request, matching: matching, matches: matches, suggestions: suggestions)
        // Each facet's counts over the matches without its own choices: the sample above when
        // nothing of it is chosen, else its own.
        var facets: [SearchFacet: [SearchFacetCount]] = [:]
        let counted = matches.facetCounts
        var estimated = matches.isEstimate
        var own = try await besides
        let left = chosen.filter { own[$0] == nil }
        if !left.isEmpty { own.merge(try await samplesAfter(of: left, completed)) { beside, _ in beside } }
        for facet in SearchFacet.allCases {
            guard let sample = own[facet] else { facets[facet] = counted[facet] ?? []; continue }
            facets[facet] = sample.facetCounts[facet] ?? []
            estimated = estimated || sample.isEstimate
        }
        var results = SearchResults(corrections: request.corrections, suggestions: suggestions, hits: hits, total: matches.total,
                                    countsAreEstimates: estimated, facets: facets)
        results.estimatedFrom = estimatedFrom
        return results
    }

    /// The samples of the matches under every chosen value but a facet's own, for each of
    /// `facets`, one after another on the answer's connection: those `samplesBeside` left out.
    private func samplesAfter(of facets: [SearchFacet], _ request: SearchRequest) async throws -> [SearchFacet: MatchSample] {
        var samples: [SearchFacet: MatchSample] = [:]
        for (facet, read) in sampleReads(of: facets, request) { samples[facet] = try await read() }
        return samples
    }

    /// Each facet's own sample, as a read to run: the matches under every chosen value but its own.
    private func sampleReads(of facets: [SearchFacet], _ request: SearchRequest) -> [(SearchFacet, @Sendable () async throws -> MatchSample)] {
        facets.map { facet in
            let others = request.filters.filter { $0.key != facet }
            let matching = self.matching(request.query, corrections: request.corrections, filters: others, includeDrafts: request.includeDrafts)
            let walked = isPostgres ? walkedCondition(request.query, corrections: request.corrections, filters: others,
                                                      includeDrafts: request.includeDrafts) : nil
            return (facet, { @Sendable in try await sample(matching, query: request.query, filters: others, bounds: request.sampleBounds, walkedCondition: walked) })
        }
    }

    /// The facets' own samples read beside the page's sample and ranking, each in a task of its
    /// own: every one where reads may go beside each other (SQLite, `readsBesideEachOther`); on
    /// PostgreSQL, each one that finds a connection free at once (`SpareReadConnections`), the
    /// rest left out, for `samplesAfter`. Read one after another, a search under two facets read
    /// three samples in turn: at 1,000,000 records those searches were the slowest (45-66 ms,
    /// p99 63.6 at one connection).
    private func samplesBeside(of facets: [SearchFacet], _ request: SearchRequest) async throws -> [SearchFacet: MatchSample] {
        let spare = sql.readsBesideEachOther ? nil : sql as? any SpareReadConnections
        guard !facets.isEmpty, sql.readsBesideEachOther || spare != nil else { return [:] }
        return try await withThrowingTaskGroup(of: (SearchFacet, MatchSample?).self) { group in
            for (facet, read) in sampleReads(of: facets, request) {
                group.addTask {
                    guard let spare else { return (facet, try await read()) }
                    return (facet, try await spare.withSpareConnection(read))
                }
            }
            var samples: [SearchFacet: MatchSample] = [:]
            for try await (facet, sample) in group { samples[facet] = sample }
            return samples
        }
    }

    /// The indexed words a prefix of four letters or more completes to, when there are at most
    /// `maximumCompletions` (FTS5 keeps lists for prefixes of two and three letters; a longer
    /// prefix otherwise merges the lists of every word it starts, all of them, for each search;
    /// PostgreSQL gathers them into one set whose matches it checks again). Drafts' words are not in the vocabulary, so staff searches keep the prefix itself.
    func completions(of prefix: String?) async throws -> [String]? {
        guard let prefix, prefix.count >= Self.shortestCompleted else { return nil }
        // Not the words written together whose first word the prefix also starts ("water" and
        // "wateraarhus"): 41 of "water"'s 42 completions at 1,000,000 records were such, each a
        // list merged at every step of an intersection (`remember(words:joined:)`).
        let words = try await lookupSQL.raw("SELECT word FROM search_words WHERE word >= \(bind: prefix) AND word < \(bind: prefix + "\u{10FFFF}")"
            + " AND (joined_after IS NULL OR joined_after < \(bind: prefix.utf8.count)) ORDER BY word LIMIT \(bind: Self.maximumCompletions + 1)")
            .all().map { try $0.decode(column: "word", as: String.self) }
        return words.count <= Self.maximumCompletions ? words : nil
    }

    static let maximumCompletions = 50

    /// Prefixes shorter than this are not completed (`completions(of:)`).
    static let shortestCompleted = 4

    /// Up to this many matches, the total and every facet count are exact.
    static let exactCountLimit = 1_000

    /// Above `exactCountLimit` matches, the total and the facet counts are estimated from the
    /// first this many in the sample order, a fair sample of them: 500 on PostgreSQL, 1,000 on
    /// SQLite. Reading the sample is most of a common word's search on PostgreSQL: at 1,000,000
    /// records each match below the bound costs about 2 µs to read (its row, on a page of its
    /// own when the word is rare), and sampling 1,000 made the median search 12.0 ms where 500
    /// make it 8.5 (`q=city` 7.1 → 6.0, `q=zurich` 9.5 → 6.7; `scripts/search/queries.txt`, one
    /// connection). The price is in precision: a value with a tenth of the matches is counted
    /// within about 13% (one standard deviation) rather than 9.5%, and pages round estimates to
    /// two figures anyway. SQLite's full-text index lists the matches in the sample order, so
    /// its sample costs little, and the ways a page is ranked were set by estimates from 1,000:
    /// from 500, a topic's tier of `q=youth%20appren` came out under the walk's threshold
    /// (16,000 against 22,000) and the search took 24 ms instead of 10.
    var estimatedFrom: Int { isPostgres ? Self.estimatedFromOnPostgres : Self.exactCountLimit }
    static let estimatedFromOnPostgres = 500

    /// A sample read as far as `estimatedFrom` that puts the matches below this many times
    /// `exactCountLimit` is read again as far as the limit: the total may be under it, and then
    /// it is counted exactly. A sample of 500 puts the total within about 5% (one standard
    /// deviation), so twice the limit is never reached by chance.
    static let exactCheckedBelow = 2.0

    /// The first matches in the sample order (all of them, when there are no more than
    /// `exactCountLimit`; else the first `estimatedFrom`), and how many match in all: exact, or
    /// estimated from how far into the order the sample reached (entries are spread evenly over
    /// it, `sampleOrder(of:)`).
    struct MatchSample: Sendable {
        /// Each sampled match's facet values (where they are in `values`), and whether its
        /// title holds the query's terms.
        struct Entry: Sendable {
            let facets: [Int]
            let inTitle: Bool
        }

        let entries: [Entry]
        /// Every facet value the sampled matches are counted under, once each.
        let values: [SearchFacetValue]
        let total: Int
        /// The page's keys with every match ranked, when the statement that read the sample
        /// ranked them too (`RankedAlong`).
        var rankedKeys: [String]? = nil
        var isEstimate: Bool { total > entries.count }

        /// The share of the sampled matches that meet a condition.
        func share(_ condition: (Entry) -> Bool) -> Double {
            entries.isEmpty ? 0 : Double(entries.count { condition($0) }) / Double(entries.count)
        }

        /// Whether a sampled match is counted under any of these values (facet and value alike).
        func isUnder(_ wanted: [SearchFacetValue]) -> (Entry) -> Bool {
            let positions = Set(values.indices.filter { position in
                wanted.contains { $0.facet == values[position].facet && $0.value == values[position].value }
            })
            return { entry in entry.facets.contains { positions.contains($0) } }
        }

        /// Each facet's values among the sampled matches, most first, scaled up to the estimated
        /// total when the sample is not all of them.
        var facetCounts: [SearchFacet: [SearchFacetCount]] {
            var counted = [Int](repeating: 0, count: values.count)
            for entry in entries { for position in entry.facets { counted[position] += 1 } }
            let scale = isEstimate ? Double(total) / Double(entries.count) : 1
            let shown = isEstimate ? counted.map { SearchIndex.roughly(Int((Double($0) * scale).rounded())) } : counted
            // Most first; ties by label, then value, compared byte by byte, the same on both
            // databases. Only the first few of each facet are kept: each value is weighed against
            // the last of those kept so far (a thousand matches can hold hundreds of cities,
            // and sorting them all was a tenth of a one-word search).
            func comesBefore(_ one: Int, _ other: Int) -> Bool {
                if shown[one] != shown[other] { return shown[one] > shown[other] }
                let byLabel = values[one].label.utf8Compared(to: values[other].label)
                return byLabel != 0 ? byLabel < 0 : values[one].value.utf8Precedes(values[other].value)
            }
            var kept: [SearchFacet: [Int]] = [:]
            for position in values.indices {
                guard let facet = SearchFacet(rawValue: values[position].facet) else { continue }
                var first = kept[facet, default: []]
                if first.count == SearchIndex.valuesPerFacet, !comesBefore(position, first[first.count - 1]) { continue }
                let place = first.firstIndex { comesBefore(position, $0) } ?? first.count
                first.insert(position, at: place)
                if first.count > SearchIndex.valuesPerFacet { first.removeLast() }
                kept[facet] = first
            }
            return kept.mapValues { positions in
                positions.map { SearchFacetCount(value: values[$0].value, label: values[$0].label, count: shown[$0]) }
            }
        }
    }

    /// PostgreSQL: a page of every match ranked, read by the statement that reads the sample when
    /// that statement reads every match anyway (the planner expects few). Ranked apart, the few
    /// thousand matches were read twice, each time most of the search (`kind=practice&topic=water`,
    /// 13,000 matches at 1,000,000 records: 26 ms for the sample, 24 for the page).
    ///
    /// Only up to as many matches as are ranked at once (`SearchRequest.rankAllUpTo`), by the
    /// planner's estimate: above, the page is walked in rank order, and keeping every match to
    /// rank them was wasted (`q=budget` under two kinds and a topic, 27,000 matches: 84 ms).
    struct RankedAlong {
        let order: SQLQueryString
        let limit: Int
        let offset: Int
        let upTo: Int
    }

    /// The first matches of `matching` in the sample order, with each one's facet values (so
    /// that the counts come from the rows read) and, given `inTitle`, whether its title holds
    /// the query's terms; given `rankedAlong`, the page of every match ranked when the same
    /// statement can rank them.
    func sample(_ matching: SQLQueryString, query: SearchQuery, filters: [SearchFacet: [String]], inTitle: SQLQueryString? = nil,
                bounds: SampleBounds = .standard, walkedCondition: SQLQueryString? = nil, rankedAlong: RankedAlong? = nil) async throws -> MatchSample {
        // SQLite: the full-text index lists matches by rowid, which is the sample order, so the
        // first matches come without reading the rest.
        let order: SQLQueryString = isPostgres ? "e.sample_order" : usesFullText(query, filters: filters) ? "search_text.rowid" : "e.rowid"
        let inTitleColumn: SQLQueryString = inTitle.map { ", (CASE WHEN " + $0 + " THEN 1 ELSE 0 END) AS in_title" } ?? ""
        // As far as the estimate's sample, or (`sortingAll`: every match is read anyway, only
        // sorted and kept up to the limit) as far as the exact count's limit.
        func firstMatches(_ bound: SQLQueryString = "", sortingAll: Bool = false) async throws -> SampledRows {
            // `+ 0`: the sample index cannot give the order, so PostgreSQL takes the matches from
            // the full-text index and sorts them (`SampleReading.allMatchesSorted`).
            let sortedBy: SQLQueryString = sortingAll ? "(" + order + " + 0)" : order
            return try await sampledRows("SELECT e.facet_values, " + order + " AS place" + inTitleColumn + " FROM " + matching + bound
                + " ORDER BY " + sortedBy, upTo: sortingAll ? Self.exactCountLimit : estimatedFrom, inTitle: inTitle != nil)
        }
        // Every match read once, kept (`MATERIALIZED`), and taken in both orders: the sample, and
        // the page of them all ranked.
        func sampledAndRanked(_ ranked: RankedAlong) async throws -> (SampledRows, [String]) {
            let inTitleKept: SQLQueryString = inTitle == nil ? ", 0 AS in_title" : inTitleColumn
            let both = try await sql.raw("WITH e AS MATERIALIZED (SELECT e.key, e.facet_values, e.sample_order, e.title_words, e.sort_date FROM " + matching
                + ") SELECT * FROM (SELECT 0 AS part, CAST(NULL AS text) AS key, e.facet_values, e.sample_order AS place" + inTitleKept
                + " FROM e ORDER BY e.sample_order LIMIT \(bind: Self.exactCountLimit + 1)) s UNION ALL SELECT * FROM (SELECT 1 AS part, e.key, NULL AS facet_values, NULL::bigint AS place, 0 AS in_title FROM e ORDER BY "
                + ranked.order + " LIMIT \(bind: ranked.limit) OFFSET \(bind: ranked.offset)) r").all()
            return (try SampledRows(try both.filter { try $0.decode(column: "part", as: Int.self) == 0 }, upTo: Self.exactCountLimit, estimatedFrom: estimatedFrom, inTitle: inTitle != nil),
                    try both.filter { try $0.decode(column: "part", as: Int.self) == 1 }.map { try $0.decode(column: "key", as: String.self) })
        }
        var rows: SampledRows
        let (reading, estimate) = isPostgres ? try await sampleReadingAndEstimate(matching, query: query, filters: filters, bounds: bounds) : (.fromStart, nil)
        // The page ranked along, when the planner expects no more matches than are ranked at once.
        let ranksAlong = rankedAlong.flatMap { (estimate ?? .infinity) <= Double($0.upTo) ? $0 : nil }
        var rankedKeys: [String]? = nil
        switch (reading, walkedCondition) {
        case (.fromStart, _) where ranksAlong != nil, (.allMatchesSorted, _) where ranksAlong != nil:
            (rows, rankedKeys) = try await sampledAndRanked(ranksAlong!)
        case (.checkingValuesFirst, let condition?):
            // Most entries match the words: read in the sample order, each entry's chosen values
            // checked in its own row before its whole-text vector is read (its own pages).
            rows = try await sampledRows("SELECT e.facet_values, e.sample_order AS place" + inTitleColumn
                + " FROM (SELECT e.* FROM search_entries e ORDER BY e.sample_order OFFSET 0) e WHERE (1 = 1" + facetConditions(filters)
                + " AND " + condition + ") IS TRUE", upTo: estimatedFrom, inTitle: inTitle != nil)
        case (.below(let bound, let askingTheIndex), _):
            // The first matches in the sample order are the same with the bound as without,
            // once enough of them lie below it. Fewer matched than estimated: below a bound
            // moved as far again as the matches found below the first one say (Reykjavk, a
            // typo of five words, estimated at twice its matches), or, with too few found to
            // tell, from the start without one.
            rows = try await firstMatches(belowBound(bound, askingTheIndex: askingTheIndex))
            if !rows.isFull {
                let further = rows.count >= Self.enoughToMoveBound
                    ? Double(bound) * Self.sampledBelowBound * Double(rows.readUpTo + 1) / Double(rows.count) : .infinity
                rows = further < Double(Self.sampleOrderEnd) / 2
                    ? try await firstMatches(belowBound(Int64(further), askingTheIndex: askingTheIndex)) : SampledRows(upTo: estimatedFrom, estimatedFrom: estimatedFrom)
                // Too few below either bound: few match, and they are taken whole and sorted (and
                // ranked along, `RankedAlong`) when PostgreSQL expected few
                // (`SampleReading.allMatchesSorted`).
                if !rows.isFull {
                    let fewExpected = try await (estimate ?? .infinity) < bounds.sortedBelowShareOfIndex * entryCount()
                    if fewExpected, let ranksAlong {
                        (rows, rankedKeys) = try await sampledAndRanked(ranksAlong)
                    } else {
                        rows = try await firstMatches(sortingAll: fewExpected)
                    }
                }
            }
        case (.allMatchesSorted, _):
            rows = try await firstMatches(sortingAll: true)
        default:
            rows = try await firstMatches()
        }
        // Read as far as the estimate's sample and estimated near the exact count's limit: read
        // again as far as the limit, every match taken whole and sorted (few match). SQLite
        // reads as far as the limit at once (`estimatedFrom`).
        if rows.isFull, rows.readUpTo < Self.exactCountLimit, let total = rows.estimatedTotal,
           total < Self.exactCheckedBelow * Double(Self.exactCountLimit) {
            rows = try await firstMatches(sortingAll: true)
        }
        guard rows.isFull, let total = rows.estimatedTotal else {
            // Every match read: counted exactly (the rows kept, never the one past them).
            let entries = rows.facets.indices.map { rows.entry($0) }
            return MatchSample(entries: entries, values: rows.reader.values, total: entries.count, rankedKeys: rankedKeys)
        }
        let entries = (0..<estimatedFrom).map { rows.entry($0) }
        return MatchSample(entries: entries, values: rows.reader.values, total: max(Self.exactCountLimit + 1, Self.roughly(Int(total.rounded()))),
                           rankedKeys: rankedKeys)
    }

    /// The condition of places below `bound`; asking the index, through the ranges of the
    /// sample order each entry's vector holds (`SearchIndex.sampleRanges`), with the place itself
    /// checked in the rows the index gives rather than intersected with the sample index.
    private func belowBound(_ bound: Int64, askingTheIndex: Bool) -> SQLQueryString {
        guard askingTheIndex else { return " AND e.sample_order < \(bind: bound)" }
        return " AND e.sample_order + 0 < \(bind: bound) AND e.document @@ CAST(\(bind: Self.sampleRangesTSQuery(below: bound)) AS tsquery)"
    }

    /// The rows of a sample: where each match's facet values are among every value the rows
    /// hold (`reader`), whether its title holds the query, in the sample order, and the place of
    /// the last. Not the matches' keys: the counts and the tiers' shares need none, and at
    /// 1,000,000 records gathering and sending a thousand keys was a seventh of the sample's
    /// statement (`q=water`: 3.2 ms with them, 2.7 without, `pgbench`), and making a string of each
    /// a tenth of the server's work on it.
    struct SampledRows: Sendable {
        /// How many rows the statement read at most, and one more to tell that more match
        /// (`SearchIndex.sampledRows(_:upTo:inTitle:)`).
        var readUpTo: Int
        private(set) var count = 0
        /// Each row's facet values, as positions in `reader.values`: only of the rows the sample
        /// counts (up to `readUpTo`), since the one past them only says there are more.
        var facets: [[Int]] = []
        var reader = SearchFacetTerms.Reader()
        /// Empty when the statement did not say.
        var inTitle: [Bool] = []
        /// The place of the first row past the estimate's sample (`estimatedFrom`): the first
        /// `estimatedFrom` matches lie below it.
        var sampleEnd: Int64? = nil

        /// Whether more matched than the statement kept: the count is then estimated.
        var isFull: Bool { count > readUpTo }

        /// How many match, from how far into the sample order the estimate's sample reaches:
        /// that share of the order holds `estimatedFrom` of the matches.
        var estimatedTotal: Double? {
            guard let sampleEnd, sampleEnd > 0 else { return nil }
            let share = Double(sampleEnd) / Double(SearchIndex.sampleOrderEnd)
            return Double(estimatedFrom) / min(max(share, 1e-12), 1)
        }

        /// The estimate's sample (`SearchIndex.estimatedFrom`).
        let estimatedFrom: Int

        init(upTo: Int, estimatedFrom: Int) {
            readUpTo = upTo
            self.estimatedFrom = estimatedFrom
        }

        init(_ rows: [any SQLRow], upTo: Int, estimatedFrom: Int, inTitle hasInTitle: Bool) throws {
            readUpTo = upTo
            self.estimatedFrom = estimatedFrom
            for row in rows {
                append(facetValues: Substring(try row.decode(column: "facet_values", as: String?.self) ?? ""),
                       inTitle: hasInTitle ? try row.decode(column: "in_title", as: Int.self) == 1 : nil,
                       place: try row.decode(column: "place", as: Int64.self))
            }
        }

        func entry(_ index: Int) -> MatchSample.Entry {
            MatchSample.Entry(facets: facets[index], inTitle: inTitle.isEmpty ? false : inTitle[index])
        }

        /// The next row; its place, when the statement gives it row by row (else `sampleEnd` is
        /// set for the whole).
        mutating func append(facetValues: Substring, inTitle: Bool?, place: Int64? = nil) {
            append(inTitle: inTitle, place: place) { $0.positions(inColumn: facetValues) }
        }

        /// The next row, its `facet_values` given as the column's bytes.
        mutating func append(facetValues: UnsafeRawBufferPointer, inTitle: Bool?, place: Int64? = nil) {
            append(inTitle: inTitle, place: place) { $0.positions(inBytes: facetValues) }
        }

        private mutating func append(inTitle: Bool?, place: Int64?, facets: (inout SearchFacetTerms.Reader) -> [Int]) {
            count += 1
            if count == estimatedFrom + 1, let place { sampleEnd = place }
            if self.facets.count < readUpTo { self.facets.append(facets(&reader)) }
            if let inTitle { self.inTitle.append(inTitle) }
        }
    }

    /// The rows of a sample's statement (`SELECT e.facet_values, ... AS place[, ... AS in_title]`,
    /// in that order), read as far as `upTo` and one more. SQLite hands each row over where it holds it (`SQLiteRowCollecting`).
    /// PostgreSQL sends each column as one text: the facet values apart by a control character
    /// (0x1D, which no value or label holds), and (given `inTitle`) one digit a row for its title
    /// flag. A thousand rows each read through the driver cost about a microsecond and a half
    /// apiece, a fifth of a common word's search in the server. Each aggregate takes its rows as
    /// the statement gives them, in sample order: PostgreSQL documents that an aggregate over a
    /// sorted subquery with nothing else at its level sees the subquery's order, and every
    /// aggregate of one level sees the same rows in the same order. An `ORDER BY` in each
    /// aggregate sorted the rows once for each, and one text joined of every column
    /// (`facet_values || chr(28) || ...`) made PostgreSQL build a text for each row: a sample of
    /// `q=city` at 1,000,000 records took 4.0-4.2 ms that way and 3.6-4.0 ms this way (`pgbench`,
    /// one connection, the statement and its answer).
    func sampledRows(_ statement: SQLQueryString, upTo: Int, inTitle: Bool) async throws -> SampledRows {
        let limited = statement + " LIMIT \(bind: upTo + 1)"
        let none = SampledRows(upTo: upTo, estimatedFrom: estimatedFrom)
        guard isPostgres else {
            guard let collecting = sql as? any SQLiteRowCollecting else { return try SampledRows(try await sql.raw(limited).all(), upTo: upTo, estimatedFrom: estimatedFrom, inTitle: inTitle) }
            // Each row taken apart where SQLite holds it: no string is made.
            return try await collecting.collectRows(limited, into: none) { rows, row in
                row.withText(0) { facetValues in rows.append(facetValues: facetValues, inTitle: inTitle ? row.integer(2) == 1 : nil, place: row.integer(1)) }
            }
        }
        let titles: SQLQueryString = inTitle ? ", string_agg(CAST(s.in_title AS text), '') AS in_title" : ""
        guard let row = try await sql.raw("SELECT count(*) AS matched, string_agg(COALESCE(s.facet_values, ''), chr(29)) AS facet_values" + titles
            + ", (array_agg(s.place))[\(bind: estimatedFrom + 1)] AS sample_end FROM (" + limited + ") s").first() else { return none }
        let matched = try row.decode(column: "matched", as: Int.self)
        guard matched > 0 else { return none }
        let flags = inTitle ? Array(try row.decode(column: "in_title", as: String.self).utf8) : []
        var facetValues = try row.decode(column: "facet_values", as: String.self)
        var rows = none
        // Each row's values taken apart where the text holds them, as SQLite's are.
        facetValues.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var start = 0
            for position in 0..<matched {
                let end = bytes.baseAddress.flatMap { ByteSearch.offset(of: 0x1D, in: $0, from: start, to: bytes.count) } ?? bytes.count
                let values = start < end ? UnsafeRawBufferPointer(rebasing: bytes[start..<end]) : UnsafeRawBufferPointer(start: nil, count: 0)
                rows.append(facetValues: values, inTitle: inTitle ? position < flags.count && flags[position] == UInt8(ascii: "1") : nil)
                start = min(end + 1, bytes.count)
            }
        }
        rows.sampleEnd = try row.decode(column: "sample_end", as: Int64?.self)
        return rows
    }

    /// The index's size as a search read it, kept for the rest of that search (`entryCount`): the
    /// sample and the walks in rank order each ask it.
    final class EntryCountOfSearch: Sendable {
        private let known = Mutex<Double?>(nil)
        var count: Double? {
            get { known.withLock { $0 } }
            set { known.withLock { $0 = newValue } }
        }
    }

    /// Where the sample order ends: places are spread evenly below it (`sampleOrder(of:)`).
    static let sampleOrderEnd = Int64.max >> 1

    /// How PostgreSQL reads a search's sample: from the start of the sample order (the planner
    /// chooses between the sample index read in order and the full-text index's matches);
    /// checking chosen values first; or below a bound.
    enum SampleReading: Equatable {
        case fromStart
        /// Every match taken from the full-text index and sorted: when the planner expects them
        /// to be few (under `sortedBelowShareOfIndex` of the index) and no bound applies. The
        /// entries lie in the sample order on disk (`SearchIndexer.layInSampleOrder`), so
        /// PostgreSQL takes reading the sample index in order, checking each entry's vector, for
        /// cheap; each vector read costs about 8 µs, and for few matches the index passes many
        /// entries for each match (`q=water malmo`, 9,600 matches at 1,000,000 records: 385 ms
        /// that way, 45 ms sorted).
        case allMatchesSorted
        /// When the planner expects so many entries to match words and chosen values
        /// (`walkedFromShareOfIndex` of the index or more) that the sample is read in the sample
        /// order, each entry's values checked in its row first. Reading each entry's vector cost
        /// about 10 µs an entry; most entries are not under the values (`q=city&kind=practice`:
        /// a quarter of the index matches, three in four entries passed are not practices). Its
        /// estimates of words that go together are low, never high, so a search it calls common is.
        /// With values chosen and no words, the values in the row are the whole check
        /// (`walkedCondition`).
        case checkingValuesFirst
        /// A place in the sample order below which about `sampledBelowBound` times the sample's
        /// size of the matches lie, when the planner expects more matches than the sample.
        ///
        /// There neither of PostgreSQL's own ways is fast: reading the sample index in order
        /// checks every entry it passes against the query (`q=reykjavik`, 25,000 matches at
        /// 1,000,000 records: 40,000 entries, each one's whole-text vector read, 330 ms), and the
        /// full-text index gives all the matches to be read and sorted (145 ms). Below the bound,
        /// the full-text index gives only the matches under it (see `askingTheIndex`).
        ///
        /// Not for phrases or a prefix looked up as one (`:*`): the index cannot tell their
        /// matches apart, so each one in the range is read and checked again, and PostgreSQL's
        /// estimate of a phrase is far off (a seventh of "living wage ordinance"'s 370,000
        /// matches). Nor for several words: PostgreSQL takes words to be found apart as often as
        /// together, and words that go together match many more ("green roof grant families":
        /// an eighth of 280,000, and a bound that held 13,000 of them, 430 ms). Chosen values
        /// with one word are estimated within a half (`q=transit&country=se&kind=news`: 7,400 of 14,800).
        ///
        /// `askingTheIndex`: the ranges of the sample order under the bound are asked of the
        /// full-text index too (`SearchIndex.sampleRanges`). The index then walks the ranges'
        /// short lists instead of the words' long ones (`q=water` under one kind, 111,000
        /// matches: 30 ms for the index alone without, 5 ms with). With the entries laid in the
        /// sample order, a bound on the sample index alone is read by PostgreSQL as that index
        /// in order, each entry's vector checked (`q=nimes`: 154 ms); with the ranges asked, 8 ms
        /// (and `q=reykjavik` 9 ms, against 18 before the entries were laid in order).
        case below(Int64, askingTheIndex: Bool)
    }

    /// PostgreSQL: how the sample of `matching` is read, from one estimate of the planner's.
    func sampleReading(_ matching: SQLQueryString, query: SearchQuery, filters: [SearchFacet: [String]],
                       bounds: SampleBounds) async throws -> SampleReading {
        try await sampleReadingAndEstimate(matching, query: query, filters: filters, bounds: bounds).reading
    }

    /// The same, with the planner's estimate of the matches when it was asked.
    func sampleReadingAndEstimate(_ matching: SQLQueryString, query: SearchQuery, filters: [SearchFacet: [String]],
                                  bounds: SampleBounds) async throws -> (reading: SampleReading, estimate: Double?) {
        let checksValues = filters.values.contains { !$0.isEmpty }
        let termsLookedUp = query.phrases.isEmpty && (query.prefix == nil || query.prefixCompletions != nil)
        let terms = query.words.count + (query.prefix == nil ? 0 : 1)
        // Several words and nothing chosen: PostgreSQL takes words to be found apart as often as
        // together, and its estimate of words that go together is far too low ("sao paulo":
        // 576 of 24,000). No more entries match them all than match the rarest alone. When that
        // word's estimate is many times PostgreSQL's for them all, the words go together, and
        // the rarest one's is taken: a bound from it holds no more of the matches than one from
        // the true count would, and too few below it are read again as below. Otherwise they
        // may be found apart ("water malmo": 9,300 expected, 9,600 found, 25,000 for Malmö
        // alone), and the sample is read from the start as before.
        if termsLookedUp, terms > 1, !checksValues, query.excluded.isEmpty, let together = try await estimatedMatches(matching) {
            var rarest = Double.infinity
            var typing = SearchQuery(prefix: query.prefix)
            typing.prefixCompletions = query.prefixCompletions
            for alone in query.words.map({ SearchQuery(words: [$0]) }) + (query.prefix == nil ? [] : [typing]) {
                guard let estimate = try await estimatedMatches(self.matching(alone, filters: filters)) else { return (.fromStart, nil) }
                rarest = min(rarest, estimate)
            }
            let entries = try await entryCount()
            let fromRarest = Self.sampleReading(estimate: rarest, entries: entries, checksValues: false, boundable: true, bounds: bounds)
            guard Self.wordsGoTogether(rarest: rarest, together: together, bounds: bounds) else {
                // Sorted only when even the rarest word is rare: PostgreSQL's estimate for them all
                // may be far too low ("community land trust tenants": 260,000 match, and sorting
                // them all took 2.2 s).
                let unbounded: SampleReading = rarest < bounds.sortedBelowShareOfIndex * entries ? .allMatchesSorted : .fromStart
                // Found apart, and more than the sample by PostgreSQL's estimate for them all:
                // below a bound from the rarest word's estimate, which no more of them can match.
                // The bound holds no more than the sample needs, often fewer, and then the
                // matches found below it move it as far as they say (`q=water malmo`: 9,600
                // matches, 25,000 for Malmö alone; read whole to sample and rank them, 56-75 ms at
                // 1,000,000 records; so, 26-37 ms).
                guard together >= bounds.apartBoundedFrom, case .below = fromRarest else { return (unbounded, together) }
                return (fromRarest, together)
            }
            return (fromRarest, rarest)
        }
        let boundable = termsLookedUp && terms <= 1
        guard checksValues || boundable, let estimate = try await estimatedMatches(matching) else { return (.fromStart, nil) }
        let entries = try await entryCount()
        return (Self.sampleReading(estimate: estimate, entries: entries, checksValues: checksValues, boundable: boundable, bounds: bounds), estimate)
    }

    /// Whether several words are taken to go together: the rarest one's estimate is
    /// `bounds.wordsTogetherFrom` times PostgreSQL's estimate for them all, or more.
    static func wordsGoTogether(rarest: Double, together: Double, bounds: SampleBounds) -> Bool {
        rarest >= bounds.wordsTogetherFrom * together
    }

    /// PostgreSQL's estimate of the entries `matching` (`FROM ... WHERE ...`) finds. Prepared on
    /// the reader's connection (`lookups`): an `EXPLAIN` still plans its query for the values
    /// bound each time it runs, and is no longer parsed on each (at 1,000,000 records, `q=water`'s
    /// went from 0.10 ms to parse, 0.01 to bind and 0.19 to run, to 0.02 to bind and 0.17 to run).
    private func estimatedMatches(_ matching: SQLQueryString) async throws -> Double? {
        guard let plan = try await lookupSQL.raw("EXPLAIN (FORMAT JSON) SELECT e.key FROM " + matching).first(),
              let text = try? plan.decode(column: "QUERY PLAN", as: String.self) else { return nil }
        return Self.estimatedRows(explained: text)
    }

    /// How a sample is read, given PostgreSQL's estimate of the matches among `entries`; whether
    /// values are chosen, and whether the query may be read below a bound (one word, no phrase).
    static func sampleReading(estimate: Double, entries: Double, checksValues: Bool, boundable: Bool, bounds: SampleBounds) -> SampleReading {
        if checksValues, estimate >= bounds.walkedFromShareOfIndex * entries { return .checkingValuesFirst }
        let share = bounds.boundScale * sampledBelowBound * Double(estimatedFromOnPostgres + 1) / estimate
        let unbounded: SampleReading = estimate < bounds.sortedBelowShareOfIndex * entries ? .allMatchesSorted : .fromStart
        guard boundable, share < 1, share <= bounds.largestShare else { return unbounded }
        let askingTheIndex = estimate >= bounds.rangesAskedFrom * share * entries
        // A word most entries hold is read below a bound too, once the ranges are asked: their
        // lists are short beside the word's, and each entry the index gives is read once,
        // without its whole-text vector (`q=programme`, 38% of 1,000,000: 6 ms, against 11-14 ms
        // through the sample index read in order, each entry's vector checked).
        guard askingTheIndex || estimate <= bounds.upToShareOfIndex * entries else { return unbounded }
        return .below(Int64(Double(sampleOrderEnd) * share), askingTheIndex: askingTheIndex)
    }

    /// How many of the sample's size lie below the bound, by the estimate: room for an estimate
    /// too high by half before the matches are read again without it.
    static let sampledBelowBound = 1.5

    /// Matches found below a bound that say where a further bound should lie.
    static let enoughToMoveBound = 100

    /// For which of PostgreSQL's estimates the sample is read below a bound, or checking values first.
    struct SampleBounds: Sendable {
        /// The most of the sample order a bound covers: the index merges the lists of the ranges
        /// under it (at 1,000,000 entries, `kind=practice&topic=water` sampled below 14% of the
        /// order: 8.6 ms; below 30%: 29 ms), and above it the matches themselves are fewer to
        /// read (about 7,500 of them; a page of more is then read by years, `SearchIndex.byYears`).
        var largestShare: Double
        /// Above this share of the index matching, when the ranges are not asked, the sample
        /// index read in order reaches a full sample within a few thousand entries, fewer than
        /// the full-text index's matches would be (`q=programme`, 38%: 2,600 entries, 21 ms).
        var upToShareOfIndex: Double

        /// From this share of the index matching words and chosen values, the sample is read in
        /// the sample order checking the values first (`SampleReading.checkingValuesFirst`).
        /// PostgreSQL's estimates of words with values chosen run high (`q=transit&kind=news`:
        /// 160,000 expected, 54,000 found), and below 30% a bound asked of the index through
        /// the ranges is the cheaper read (`q=transit&country=se&kind=news`: 55 ms, 45 ms).
        var walkedFromShareOfIndex: Double

        /// Below a bound, the ranges under it are asked of the full-text index when the matches
        /// expected outnumber the entries in those ranges this many times (`SampleReading.below`):
        /// always, but in tests that hold the bound on the sample index alone to the same results.
        var rangesAskedFrom: Double = 0

        /// Several words are read below a bound from the rarest one's estimate when it is this
        /// many times PostgreSQL's estimate for them all (`wordsGoTogether`).
        var wordsTogetherFrom: Double = 10

        /// Several words found apart (not `wordsGoTogether`) are read below a bound from the
        /// rarest one's estimate when PostgreSQL expects at least this many to match them all
        /// (about four thousand): fewer are read whole, sampled and ranked by one statement.
        var apartBoundedFrom: Double = Double(4 * (SearchIndex.exactCountLimit + 1))

        /// The share of the order a bound covers, scaled: tests shrink it, so that too few are
        /// found below it and the sample is read again (below a bound moved, or whole).
        var boundScale: Double = 1

        /// Below this share of the index matching, a sample read without a bound takes every
        /// match from the full-text index and sorts them (`SampleReading.allMatchesSorted`):
        /// reading the sample index in order passes about 501 / share entries (the estimate's
        /// sample), each vector read at about 8 µs, against about 2.5 µs for each match sorted;
        /// at 1,000,000 entries the two meet near 4% (near 6% with a sample of 1,000, when this
        /// was set).
        var sortedBelowShareOfIndex: Double = 0.05

        static let standard = SampleBounds(largestShare: 0.2, upToShareOfIndex: 0.15, walkedFromShareOfIndex: 0.3)
        /// Several words always taken to be found apart, and read below a bound from the rarest
        /// one's estimate whenever it exceeds the sample (tests).
        static let apart = SampleBounds(largestShare: 1, upToShareOfIndex: .infinity, walkedFromShareOfIndex: .infinity, rangesAskedFrom: 0,
                                        wordsTogetherFrom: .infinity, apartBoundedFrom: 0)
        /// Bounds that hold far too few, and few taken to be expected: the sample read again
        /// whole, sorted and ranked along (tests).
        static let starved = SampleBounds(largestShare: 1, upToShareOfIndex: .infinity, walkedFromShareOfIndex: .infinity, rangesAskedFrom: 0,
                                          wordsTogetherFrom: .infinity, apartBoundedFrom: 0, boundScale: 0.001, sortedBelowShareOfIndex: 1)
        /// Whenever the estimate exceeds the sample, the ranges asked of the index (tests: the
        /// bound finds what reading from the start finds).
        static let always = SampleBounds(largestShare: 1, upToShareOfIndex: .infinity, walkedFromShareOfIndex: .infinity, rangesAskedFrom: 0,
                                         wordsTogetherFrom: 0)
        /// The same with the bound intersected with the sample index alone (tests).
        static let alwaysBySampleIndex = SampleBounds(largestShare: 1, upToShareOfIndex: .infinity, walkedFromShareOfIndex: .infinity,
                                                      rangesAskedFrom: .infinity, wordsTogetherFrom: 0)
        /// Every search with words and values chosen read in the sample order, values first (tests).
        static let walked = SampleBounds(largestShare: 0, upToShareOfIndex: 0, walkedFromShareOfIndex: 0)
    }

    /// The rows PostgreSQL's planner expects the statement of an `EXPLAIN (FORMAT JSON)` to return.
    static func estimatedRows(explained text: String) -> Double? {
        guard let data = text.data(using: .utf8),
              let plans = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]],
              let plan = plans.first?["Plan"] as? [String: Any] else { return nil }
        return (plan["Plan Rows"] as? NSNumber)?.doubleValue
    }

    /// About how many entries the index holds: as PostgreSQL's statistics last counted them; on
    /// SQLite as the full-text index keeps the count of its rows, read rather than counted
    /// (`count(*)` took 34 ms at 1,000,000 entries).
    func entryCount() async throws -> Double {
        guard isPostgres else {
            // FTS5's "averages" record (the row with id 1 of its data table) starts with the
            // number of rows, as a SQLite varint (fts5_index.c). Nil when the table is empty.
            let head = try await sql.raw("SELECT hex(substr(block, 1, 9)) AS head FROM search_text_data WHERE id = 1").first()?
                .decode(column: "head", as: String?.self)
            return head.flatMap { Self.leadingVarint(hex: $0) }.map(Double.init) ?? 0
        }
        // Looked up by name when the statement runs (a `::regclass` constant of a prepared
        // statement would keep the table it named when first prepared).
        if let known = sizeOfSearch?.count { return known }
        let count = try await lookupSQL.raw("SELECT reltuples::float8 AS entries FROM pg_class WHERE oid = to_regclass('search_entries')").first()?
            .decode(column: "entries", as: Double.self) ?? 0
        sizeOfSearch?.count = count
        return count
    }

    /// The SQLite varint at the start of these bytes, given in hexadecimal: seven bits a byte,
    /// most significant first, while the high bit is set; a ninth byte gives all eight.
    static func leadingVarint(hex: String) -> Int? {
        let bytes: [UInt8] = stride(from: 0, to: hex.utf8.count - 1, by: 2).compactMap { offset in
            let start = hex.utf8.index(hex.utf8.startIndex, offsetBy: offset)
            return UInt8(String(hex.utf8[start..<hex.utf8.index(start, offsetBy: 2)])!, radix: 16)
        }
        var value = 0
        for (index, byte) in bytes.enumerated() {
            if index == 8 { return value << 8 | Int(byte) }
            value = value << 7 | Int(byte & 0x7F)
            if byte < 0x80 { return value }
        }
        return nil
    }

    /// Whether SQLite finds the matches through the full-text index (words asked, or facet
    /// values chosen, which it holds too).
    func usesFullText(_ query: SearchQuery, filters: [SearchFacet: [String]]) -> Bool {
        !query.isEmpty || SearchFacetTerms.fts5(filters) != nil
    }

    /// Two significant figures: an estimate claims no more.
    static func roughly(_ number: Int) -> Int {
        guard number >= 100 else { return number }
        let magnitude = Int(pow(10, floor(log10(Double(number))) - 1))
        return (number + magnitude / 2) / magnitude * magnitude
    }

    /// The facet values whose names the query's words spell (one to three words in a row,
    /// longest first, none sharing a word), with the words that named each.
    func names(in query: SearchQuery) async throws -> [(value: SearchFacetValue, words: [String])] {
        let words = query.words + (query.prefix.map { [SearchText.reduce($0)] } ?? [])
        guard !words.isEmpty else { return [] }
        var spans: [(start: Int, length: Int, text: String)] = []
        for length in stride(from: min(3, words.count), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                spans.append((start, length, words[start..<start + length].joined(separator: " ")))
            }
        }
        let rows = try await lookupSQL.raw("""
            SELECT facet, value, label, words FROM search_names WHERE words IN (\(binds: Array(Set(spans.map(\.text)))))
            ORDER BY facet, value
            """).all()
        var byWords: [String: [SearchFacetValue]] = [:]
        for row in rows {
            byWords[try row.decode(column: "words", as: String.self), default: []].append(
                SearchFacetValue(facet: try row.decode(column: "facet", as: String.self), value: try row.decode(column: "value", as: String.self),
                                 label: try row.decode(column: "label", as: String.self)))
        }
        var used = Set<Int>()
        var found: [(value: SearchFacetValue, words: [String])] = []
        for span in spans {
            let positions = Set(span.start..<span.start + span.length)
            guard let values = byWords[span.text], used.isDisjoint(with: positions) else { continue }
            used.formUnion(positions)
            for value in values { found.append((value, Array(words[span.start..<span.start + span.length]))) }
        }
        return found
    }

    /// The words of a query no record holds, each with the indexed words within the typos it
    /// allows (`TypoTolerance`): candidates share its first letter and are of a length the
    /// edits allow, then each is measured. A word records hold is never corrected, so exact
    /// matches are never mixed with guesses.
    /// `prefixStartsAWord`: the prefix's completions showed that indexed words start with it.
    func corrections(of query: SearchQuery, prefixStartsAWord: Bool = false) async throws -> [String: [String]] {
        var words = Array(Set(query.words.filter { TypoTolerance.allowedEdits($0) > 0 }))
        // The word being typed is corrected too when no indexed word starts with it.
        if let prefix = query.prefix, TypoTolerance.allowedEdits(prefix) > 0, !prefixStartsAWord,
           try await lookupSQL.raw("SELECT word FROM search_words WHERE word >= \(bind: prefix) AND word < \(bind: prefix + "\u{10FFFF}") LIMIT 1").first() == nil {
            words.append(prefix)
        }
        guard !words.isEmpty else { return [:] }
        let known = Set(try await lookupSQL.raw("SELECT word FROM search_words WHERE word IN (\(binds: words))").all()
            .map { try $0.decode(column: "word", as: String.self) })
        var corrections: [String: [String]] = [:]
        for word in words where !known.contains(word) {
            let edits = TypoTolerance.allowedEdits(word)
            guard let first = word.unicodeScalars.first, let next = Unicode.Scalar(first.value + 1) else { continue }
            let candidates = try await lookupSQL.raw("""
                SELECT word FROM search_words WHERE word >= \(bind: String(first)) AND word < \(bind: String(next))
                AND LENGTH(word) BETWEEN \(bind: word.count - edits) AND \(bind: word.count + edits)
                """).all().map { try $0.decode(column: "word", as: String.self) }
            let found = TypoTolerance.corrections(of: word, among: candidates)
            if !found.isEmpty { corrections[word] = found }
        }
        return corrections
    }

    /// `FROM ... WHERE ...` of the entries matching a query and filters (`e` is the entry), and,
    /// given `anyOf`, counted under at least one of those values.
    func matching(_ query: SearchQuery, corrections: [String: [String]] = [:], filters: [SearchFacet: [String]], anyOf: [SearchFacetValue] = [],
                  includeDrafts: Bool = false) -> SQLQueryString {
        // Chosen facet values are terms of the full-text match (`SearchFacetTerms`).
        var from: SQLQueryString
        if isPostgres {
            return "search_entries e WHERE " + postgresCondition(query, corrections: corrections, filters: filters, anyOf: anyOf, includeDrafts: includeDrafts)
        } else {
            from = fullTextTerms(query, corrections: corrections, filters: filters, anyOf: anyOf).map {
                "search_text JOIN search_entries e ON e.rowid = search_text.rowid WHERE search_text MATCH \(bind: $0)"
            } ?? "search_entries e WHERE 1 = 1"
        }
        if !includeDrafts { from += " AND e.is_public = \(bind: true)" }
        return from
    }

    /// PostgreSQL: what a sample read in the sample order checks after the chosen values in the
    /// entry's row (`SampleReading.checkingValuesFirst`): the condition of `matching`; with
    /// no words asked, only whether the entry is public, since its `facet_values` say the same
    /// as the value lexemes of its vector, and reading the vector (from pages of its own) for
    /// each sampled entry cost more than the walk (`kind=practice`, 15% of 1,000,000 entries:
    /// 8 ms walked reading rows only, 28 ms through the full-text index).
    func walkedCondition(_ query: SearchQuery, corrections: [String: [String]], filters: [SearchFacet: [String]],
                         includeDrafts: Bool) -> SQLQueryString {
        guard query.isEmpty else { return postgresCondition(query, corrections: corrections, filters: filters, includeDrafts: includeDrafts) }
        return includeDrafts ? "1 = 1" : "e.is_public = \(bind: true)"
    }

    /// PostgreSQL: the condition of `matching`, on the entry `e`.
    func postgresCondition(_ query: SearchQuery, corrections: [String: [String]] = [:], filters: [SearchFacet: [String]],
                           anyOf: [SearchFacetValue] = [], includeDrafts: Bool = false) -> SQLQueryString {
        let words: String? = query.isEmpty ? nil : Self.tsquery(query, corrections: corrections)
        let values = [SearchFacetTerms.tsquery(filters), SearchFacetTerms.tsquery(anyOf: anyOf)].compactMap { $0 }
        var condition: SQLQueryString
        switch (words, values.isEmpty) {
        case (nil, true): condition = "1 = 1"
        case (let words?, true): condition = "e.document @@ to_tsquery('simple', \(bind: words))"
        case (nil, false): condition = "e.document @@ CAST(\(bind: values.joined(separator: " & ")) AS tsquery)"
        case (let words?, false):
            condition = "e.document @@ (to_tsquery('simple', \(bind: words)) && CAST(\(bind: values.joined(separator: " & ")) AS tsquery))"
        }
        if !includeDrafts { condition += " AND e.is_public = \(bind: true)" }
        return condition
    }

    /// The FTS5 query of the words and values asked (SQLite); nil when nothing is asked.
    func fullTextTerms(_ query: SearchQuery, corrections: [String: [String]] = [:], filters: [SearchFacet: [String]],
                       anyOf: [SearchFacetValue] = []) -> String? {
        let terms = [query.isEmpty ? nil : Self.fts5Text(query, corrections: corrections), SearchFacetTerms.fts5(filters),
                     SearchFacetTerms.fts5(anyOf: anyOf)].compactMap { $0 }
        return terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }

    /// How many of the query's words, phrases and the word being typed the title holds: title
    /// matches rank above body matches. Written the same on both databases (the normalised
    /// title words between spaces), so both rank the same records first.
    /// Newest first, then by title and key compared byte by byte (PostgreSQL's collation would
    /// order titles differently from SQLite's, and both must rank the same records first).
    var tieBreak: SQLQueryString {
        isPostgres ? "COALESCE(e.sort_date, '') COLLATE \"C\" DESC, e.title_words COLLATE \"C\" ASC, e.key COLLATE \"C\" ASC"
            : "COALESCE(e.sort_date, '') DESC, e.title_words ASC, e.key ASC"
    }

    /// The query in FTS5's syntax, searching the text columns of `search_text` only (not its
    /// facet terms).
    static func fts5Text(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> String {
        "{title body joined} : (" + fts5(query, corrections: corrections) + ")"
    }

    /// The query in FTS5's syntax. Every term is letters and digits only, so quoting each one
    /// is enough: nothing a person types reaches FTS5 as an operator.
    static func fts5(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> String {
        var terms = query.words.map { word in
            let alternatives = [word] + (corrections[word] ?? [])
            return alternatives.count == 1 ? "\"\(word)\"" : "(" + alternatives.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
        } + query.phrases.map { "\"\($0.joined(separator: " "))\"" }
        if let prefix = query.prefix {
            let alternatives = prefixAlternatives(prefix, corrections: corrections)
            if let completions = query.prefixCompletions {
                let words = Array(Set(completions + alternatives + [prefix])).sorted()
                terms.append("(" + words.map { "\"\($0)\"" }.joined(separator: " OR ") + ")")
            } else {
                terms.append(alternatives.isEmpty ? "\"\(prefix)\"*" : "(\"\(prefix)\"* OR " + alternatives.map { "\"\($0)\"" }.joined(separator: " OR ") + ")")
            }
        }
        var expression = "(" + terms.joined(separator: " AND ") + ")"
        if !query.excluded.isEmpty { expression += " NOT (" + query.excluded.map { "\"\($0)\"" }.joined(separator: " OR ") + ")" }
        return expression
    }

    /// The whole words the word being typed also matches, besides the words it starts: its
    /// singular ("cities" as "city", the form the index holds) and the words it may be a typo of.
    static func prefixAlternatives(_ prefix: String, corrections: [String: [String]]) -> [String] {
        Array(Set([SearchText.reduce(prefix)] + (corrections[prefix] ?? [])).subtracting([prefix])).sorted()
    }

    /// The query in PostgreSQL's `to_tsquery` syntax, quoted the same way.
    static func tsquery(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> String {
        var terms = query.words.map { word in
            let alternatives = [word] + (corrections[word] ?? [])
            return alternatives.count == 1 ? "'\(word)'" : "(" + alternatives.map { "'\($0)'" }.joined(separator: " | ") + ")"
        } + query.phrases.map { "(" + $0.map { "'\($0)'" }.joined(separator: " <-> ") + ")" }
        if let prefix = query.prefix {
            let alternatives = prefixAlternatives(prefix, corrections: corrections)
            if let completions = query.prefixCompletions {
                // Whole words are looked up in their own lists; a prefix (`:*`) gathers every
                // word it starts into one set of matches to be checked again row by row
                // (`city` with two facets at 1,000,000 records: 12 ms in the index instead of 55).
                let words = Array(Set(completions + alternatives + [prefix])).sorted()
                terms.append("(" + words.map { "'\($0)'" }.joined(separator: " | ") + ")")
            } else {
                terms.append(alternatives.isEmpty ? "'\(prefix)':*" : "('\(prefix)':* | " + alternatives.map { "'\($0)'" }.joined(separator: " | ") + ")")
            }
        }
        terms += query.excluded.map { "!'\($0)'" }
        return terms.joined(separator: " & ")
    }
}
