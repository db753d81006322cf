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
    let total: Int
    /// Each facet's values among the results, most first; a facet's counts leave out its own
    /// chosen values (so choosing a second value shows what it would add).
    let facets: [SearchFacet: [SearchFacetCount]]
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
        let matching = self.matching(request.query, corrections: request.corrections, filters: request.filters, includeDrafts: request.includeDrafts)
        var boost: SQLQueryString = ""
        for value in suggestions {
            boost += "(CASE WHEN e.key IN (SELECT key FROM search_facets WHERE facet = \(bind: value.facet) AND value = \(bind: value.value)) THEN 1 ELSE 0 END) DESC, "
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM " + matching).first()?.decode(column: "n", as: Int.self) ?? 0
        let hits = try await sql.raw("SELECT e.kind, e.record_id, e.title, e.body, e.path, e.facts, e.sort_date, e.is_public FROM " + matching
            + " ORDER BY " + boost + titleHits(request.query, corrections: request.corrections) + tieBreak
            + " LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)").all().map { row in
            SearchHit(kind: try row.decode(column: "kind", as: String.self), id: try row.decode(column: "record_id", as: String.self),
                      title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                      path: try row.decode(column: "path", as: String.self), facts: try row.decode(column: "facts", as: String?.self),
                      date: try row.decode(column: "sort_date", as: String?.self), isPublic: try row.decode(column: "is_public", as: Bool.self))
        }
        var facets: [SearchFacet: [SearchFacetCount]] = [:]
        for facet in SearchFacet.allCases {
            var others = request.filters
            others[facet] = nil
            let keys = "SELECT e.key FROM " + self.matching(request.query, corrections: request.corrections, filters: others, includeDrafts: request.includeDrafts)
            // Driven from the matching keys through the facets' primary key (key, facet, value):
            // on SQLite the unary plus keeps the planner off the (facet, value) index, which would
            // read every entry of the facet (12 times slower for a rare word at 200,000 entries).
            let facetTerm: SQLQueryString = isPostgres ? "f.facet" : "+f.facet"
            facets[facet] = try await sql.raw("SELECT f.value, f.label, COUNT(*) AS n FROM (" + keys + ") m JOIN search_facets f ON f.key = m.key WHERE "
                + facetTerm + " = \(bind: facet.rawValue) GROUP BY f.value, f.label ORDER BY n DESC, f.label ASC LIMIT \(bind: Self.valuesPerFacet)").all().map { row in
                SearchFacetCount(value: try row.decode(column: "value", as: String.self), label: try row.decode(column: "label", as: String.self),
                                 count: try row.decode(column: "n", as: Int.self))
            }
        }
        return SearchResults(corrections: request.corrections, suggestions: suggestions, hits: hits, total: total, facets: facets)
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

    /// The first ORDER BY term, with its comma (nothing when the query has no words).
    func titleHits(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> SQLQueryString {
        // Each term as the patterns any of which counts it as in the title.
        var terms: [[String]] = query.words.map { word in ([word] + (corrections[word] ?? [])).map { "% \($0) %" } }
        terms += query.phrases.map { ["% \($0.joined(separator: " ")) %"] }
        if let prefix = query.prefix { terms.append(["% \(prefix)%"] + (corrections[prefix] ?? []).map { "% \($0) %" }) }
        guard !terms.isEmpty else { return "" }
        return "(" + terms.enumerated().reduce(into: SQLQueryString("")) { sum, term in
            if term.offset > 0 { sum += " + " }
            sum += "(CASE WHEN "
            for (index, pattern) in term.element.enumerated() {
                if index > 0 { sum += " OR " }
                sum += "(' ' || e.title_words || ' ') LIKE \(bind: pattern)"
            }
            sum += " THEN 1 ELSE 0 END)"
        } + ") DESC, "
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
            terms.append(alternatives.isEmpty ? "\"\(prefix)\"*" : "(\"\(prefix)\"* OR " + alternatives.map { "\"\($0)\"" }.joined(separator: " OR ") + ")")
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
