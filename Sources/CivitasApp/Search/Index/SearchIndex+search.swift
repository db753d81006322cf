import Foundation
import CivitasCore
import SQLKit

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
    /// The most values shown per facet.
    static let valuesPerFacet = 12

    func search(_ asked: SearchRequest) async throws -> SearchResults {
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
        request.corrections = try await corrections(of: request.query)
        if !isPostgres, !request.includeDrafts { request.query.prefixCompletions = try await completions(of: request.query.prefix) }
        let matching = self.matching(request.query, corrections: request.corrections, filters: request.filters, includeDrafts: request.includeDrafts)
        let matches = try await sample(matching, query: request.query)
        let hits = try await rankedHits(request, matching: matching, matches: matches, suggestions: suggestions)
        // Each facet's counts over the matches without its own choices: the sample above when
        // nothing of it is chosen, else a sample of its own.
        var facets: [SearchFacet: [SearchFacetCount]] = [:]
        var samples: [SearchFacet: MatchSample] = [:]
        for facet in SearchFacet.allCases {
            guard !(request.filters[facet] ?? []).isEmpty else { samples[facet] = matches; continue }
            var others = request.filters
            others[facet] = nil
            samples[facet] = try await sample(self.matching(request.query, corrections: request.corrections, filters: others,
                                                            includeDrafts: request.includeDrafts), query: request.query)
        }
        var counted: [[String]: [SearchFacet: [SearchFacetCount]]] = [:]
        for facet in SearchFacet.allCases {
            let sample = samples[facet]!
            if counted[sample.keys] == nil { counted[sample.keys] = try await facetCounts(sample) }
            facets[facet] = counted[sample.keys]?[facet] ?? []
        }
        return SearchResults(corrections: request.corrections, suggestions: suggestions, hits: hits, total: matches.total,
                             countsAreEstimates: samples.values.contains { $0.isEstimate }, facets: facets)
    }

    /// The indexed words a prefix of four letters or more completes to, when there are at most
    /// `maximumCompletions` (FTS5 keeps lists for prefixes of two and three letters; a longer
    /// prefix otherwise merges the lists of every word it starts, all of them, for each search).
    /// Drafts' words are not in the vocabulary, so staff searches keep the prefix itself.
    func completions(of prefix: String?) async throws -> [String]? {
        guard let prefix, prefix.count >= 4 else { return nil }
        let words = try await sql.raw("SELECT word FROM search_words WHERE word >= \(bind: prefix) AND word < \(bind: prefix + "\u{10FFFF}") ORDER BY word LIMIT \(bind: Self.maximumCompletions + 1)")
            .all().map { try $0.decode(column: "word", as: String.self) }
        return words.count <= Self.maximumCompletions ? words : nil
    }

    static let maximumCompletions = 50

    /// Above this many matches, counts are estimated from this many of them.
    static let exactCountLimit = 1_000

    /// The first matches in the sample order (all of them, when there are no more than
    /// `exactCountLimit`), and how many match in all: exact, or estimated from how far into
    /// the order the sample reached (entries are spread evenly over it, `sampleOrder(of:)`).
    struct MatchSample: Sendable {
        let keys: [String]
        let total: Int
        var isEstimate: Bool { total > keys.count }
    }

    func sample(_ matching: SQLQueryString, query: SearchQuery) async throws -> MatchSample {
        // SQLite: the full-text index lists matches by rowid, which is the sample order, so the
        // first matches come without reading the rest.
        let order: SQLQueryString = isPostgres ? "e.sample_order" : query.isEmpty ? "e.rowid" : "search_text.rowid"
        let rows = try await sql.raw("SELECT e.key, " + order + " AS place FROM " + matching + " ORDER BY " + order
            + " LIMIT \(bind: Self.exactCountLimit + 1)").all()
        let keys = try rows.prefix(Self.exactCountLimit).map { try $0.decode(column: "key", as: String.self) }
        guard rows.count > Self.exactCountLimit, let last = try rows.last?.decode(column: "place", as: Int64.self), last > 0 else {
            return MatchSample(keys: keys, total: keys.count)
        }
        // The sample's last place, as a share of the whole order, is the share of matches sampled.
        let share = Double(last) / Double(Int64.max >> 1)
        let estimate = Double(Self.exactCountLimit) / min(max(share, 1e-12), 1)
        return MatchSample(keys: keys, total: max(Self.exactCountLimit + 1, Self.roughly(Int(estimate.rounded()))))
    }

    /// Two significant figures: an estimate claims no more.
    static func roughly(_ number: Int) -> Int {
        guard number >= 100 else { return number }
        let magnitude = Int(pow(10, floor(log10(Double(number))) - 1))
        return (number + magnitude / 2) / magnitude * magnitude
    }

    /// Each facet's values among the sampled matches, most first, scaled up to the estimated
    /// total when the sample is not all of them.
    func facetCounts(_ sample: MatchSample) async throws -> [SearchFacet: [SearchFacetCount]] {
        guard !sample.keys.isEmpty else { return [:] }
        let rows = try await sql.raw("SELECT facet, value, label, COUNT(*) AS n FROM search_facets WHERE key IN (\(binds: sample.keys)) GROUP BY facet, value, label").all()
        let scale = sample.isEstimate ? Double(sample.total) / Double(sample.keys.count) : 1
        var counts: [SearchFacet: [SearchFacetCount]] = [:]
        for row in rows {
            guard let facet = SearchFacet(rawValue: try row.decode(column: "facet", as: String.self)) else { continue }
            let count = try row.decode(column: "n", as: Int.self)
            counts[facet, default: []].append(SearchFacetCount(value: try row.decode(column: "value", as: String.self),
                                                               label: try row.decode(column: "label", as: String.self),
                                                               count: sample.isEstimate ? Self.roughly(Int((Double(count) * scale).rounded())) : count))
        }
        // Most first; ties by label compared byte by byte, the same on both databases.
        return counts.mapValues { values in
            Array(values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label.utf8.lexicographicallyPrecedes($1.label.utf8) }.prefix(Self.valuesPerFacet))
        }
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
        let rows = try await sql.raw("""
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
    func corrections(of query: SearchQuery) async throws -> [String: [String]] {
        var words = Array(Set(query.words.filter { TypoTolerance.allowedEdits($0) > 0 }))
        // The word being typed is corrected too when no indexed word starts with it.
        if let prefix = query.prefix, TypoTolerance.allowedEdits(prefix) > 0,
           try await sql.raw("SELECT word FROM search_words WHERE word >= \(bind: prefix) AND word < \(bind: prefix + "\u{10FFFF}") LIMIT 1").first() == nil {
            words.append(prefix)
        }
        guard !words.isEmpty else { return [:] }
        let known = Set(try await sql.raw("SELECT word FROM search_words WHERE word IN (\(binds: words))").all()
            .map { try $0.decode(column: "word", as: String.self) })
        var corrections: [String: [String]] = [:]
        for word in words where !known.contains(word) {
            let edits = TypoTolerance.allowedEdits(word)
            guard let first = word.unicodeScalars.first, let next = Unicode.Scalar(first.value + 1) else { continue }
            let candidates = try await sql.raw("""
                SELECT word FROM search_words WHERE word >= \(bind: String(first)) AND word < \(bind: String(next))
                AND LENGTH(word) BETWEEN \(bind: word.count - edits) AND \(bind: word.count + edits)
                """).all().map { try $0.decode(column: "word", as: String.self) }
            let found = TypoTolerance.corrections(of: word, among: candidates)
            if !found.isEmpty { corrections[word] = found }
        }
        return corrections
    }

    /// `FROM ... WHERE ...` of the entries matching a query and filters (`e` is the entry).
    func matching(_ query: SearchQuery, corrections: [String: [String]] = [:], filters: [SearchFacet: [String]], includeDrafts: Bool = false) -> SQLQueryString {
        var from: SQLQueryString
        if query.isEmpty {
            from = "search_entries e WHERE 1 = 1"
        } else if isPostgres {
            from = "search_entries e WHERE e.document @@ to_tsquery('simple', \(bind: Self.tsquery(query, corrections: corrections)))"
        } else {
            from = "search_text JOIN search_entries e ON e.rowid = search_text.rowid WHERE search_text MATCH \(bind: Self.fts5(query, corrections: corrections))"
        }
        if !includeDrafts { from += " AND e.is_public = \(bind: true)" }
        for facet in SearchFacet.allCases {
            guard let values = filters[facet], !values.isEmpty else { continue }
            from += " AND e.key IN (SELECT key FROM search_facets WHERE facet = \(bind: facet.rawValue) AND value IN (\(binds: values)))"
        }
        return from
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

    /// The query in FTS5's syntax. Every term is letters and digits only, so quoting each one
    /// is enough: nothing a person types reaches FTS5 as an operator.
    static func fts5(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> String {
        var terms = query.words.map { word in
            let alternatives = [word] + (corrections[word] ?? [])
            return alternatives.count == 1 ? "\"\(word)\"" : "(" + alternatives.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
        } + query.phrases.map { "\"\($0.joined(separator: " "))\"" }
        if let prefix = query.prefix {
            let alternatives = Array(Set([SearchText.reduce(prefix)] + (corrections[prefix] ?? [])).subtracting([prefix])).sorted()
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

    /// The query in PostgreSQL's `to_tsquery` syntax, quoted the same way.
    static func tsquery(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> String {
        var terms = query.words.map { word in
            let alternatives = [word] + (corrections[word] ?? [])
            return alternatives.count == 1 ? "'\(word)'" : "(" + alternatives.map { "'\($0)'" }.joined(separator: " | ") + ")"
        } + query.phrases.map { "(" + $0.map { "'\($0)'" }.joined(separator: " <-> ") + ")" }
        if let prefix = query.prefix {
            let alternatives = Array(Set([SearchText.reduce(prefix)] + (corrections[prefix] ?? [])).subtracting([prefix])).sorted()
            terms.append(alternatives.isEmpty ? "'\(prefix)':*" : "('\(prefix)':* | " + alternatives.map { "'\($0)'" }.joined(separator: " | ") + ")")
        }
        terms += query.excluded.map { "!'\($0)'" }
        return terms.joined(separator: " & ")
    }
}
