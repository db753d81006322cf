import CivitasCore
import SQLKit

/// How results are ranked, and how a page of them is found without ranking every match.
///
/// The order: records under a city, topic or country the query names; then records whose title
/// holds every term of the query; then the rest. Within each, newest first, then by normalised
/// title and key compared byte by byte (`tieBreak`), the same on both databases.
///
/// Up to `walkAbove` matches are ranked all at once. Above, each of those three tiers is read
/// in rank order through the `search_entries_rank` index, checking each entry against the query
/// until the page is full: when most entries match, that reads a few rows per result instead of
/// every match. Records named by the query come from their facet value (a city has few), and a
/// title tier the sample shows to be small comes from the full-text index of titles.
extension SearchIndex {
    /// Above this many matches, pages are read in rank order rather than ranked in full.
    static let walkAbove = 20_000

    /// SQLite: from this many matches (up to `walkAbove`), with at least `walkAmongMatchesPerResult`
    /// matches per result the page needs, pages are read by walking the rank index against the
    /// matches' rowids: the walk reads about (page / matches) of the index, a few index entries
    /// per row that ranking them whole would read (at 1,000,000 records: 2,000 matches whole, 12
    /// ms; walked, 4 ms; a deep page of few matches walks most of the index and is ranked whole).
    static let walkAmongFrom = 2_000
    static let walkAmongMatchesPerResult = 20

    private static let hitColumns: SQLQueryString = "e.kind, e.record_id, e.title, e.body, e.path, e.facts, e.sort_date, e.is_public"

    func rankedHits(_ request: SearchRequest, matching: SQLQueryString, matches: MatchSample,
                    suggestions: [SearchFacetValue]) async throws -> [SearchHit] {
        var boosted = boostedCondition(suggestions)
        let inTitle = titleCondition(request.query, corrections: request.corrections)
        // SQLite, a few thousand matches: walked against the set of their rowids (`amongMatches`).
        let terms = isPostgres || request.includeDrafts ? nil : fullTextTerms(request.query, corrections: request.corrections, filters: request.filters)
        let among = terms != nil && matches.total <= request.rankAllUpTo && walksAmong(matches.total, request)
        let byYears = readsByYears(matches, request)
        guard among || byYears || (matches.total > request.rankAllUpTo && !request.includeDrafts && !request.query.isEmpty) else {
            // Every match ranked: by the statement that read the sample, when it did (`RankedAlong`).
            if let keys = matches.rankedKeys { return try await hits(keys: keys) }
            return try await hits(from: fewMatches(matching, count: matches.total, rankAllUpTo: request.rankAllUpTo) + " ORDER BY "
                + rankOrder(request, suggestions: suggestions) + " LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)")
        }
        // Up to this many in a tier are read whole and ranked; more are walked.
        let rankedWhole = among ? request.walkAmongFrom : request.rankAllUpTo
        var checks = entryChecks(request)
        var termsInTitleChecks = entryChecks(request, termsInTitle: true)
        if among, let terms {
            checks = " AND " + amongMatches(terms)
            termsInTitleChecks = " AND " + titledAmong(request, terms: terms)
            boosted = suggestions.isEmpty ? nil : amongMatches(terms + " AND " + SearchFacetTerms.fts5(anyOf: suggestions)!)
        }
        let needed = request.offset + request.limit
        // How many entries the index holds, asked once for the page's walks (`walked`).
        var indexEntries: Double? = nil
        func entries() async throws -> Double {
            if let indexEntries { return indexEntries }
            let counted = try await entryCount()
            indexEntries = counted
            return counted
        }
        // Keys first: a deep page reads the rows of its own results only (`q=city&page=50` read
        // 1,250 entries' rows for 25, 8.5 ms).
        var found: [String] = []
        // Whether a sampled match is under a value the query names: each tier's size is estimated from it.
        let isBoosted = matches.isUnder(suggestions)
        // Records under a named place or topic, title matches first.
        if let boosted {
            // A small set (a city's records) is read whole and ranked; a large one (a topic's) is
            // read in rank order, its title matches first, each sub-tier on its own so that the
            // rank index gives the order.
            let titleFirst: SQLQueryString = inTitle.map { "(CASE WHEN " + $0 + " THEN 1 ELSE 0 END) DESC, " } ?? ""
            let estimate = Double(matches.total) * matches.share(isBoosted)
            // Its title sub-tiers: the condition of each, and whether a sampled match is in it.
            let subTiers: [(part: SQLQueryString, holds: (MatchSample.Entry) -> Bool)] = inTitle.map {
                [(SQLQueryString(" AND ") + $0, { isBoosted($0) && $0.inTitle }), (SQLQueryString(" AND NOT ") + $0, { isBoosted($0) && !$0.inTitle })]
            } ?? [(SQLQueryString(""), isBoosted)]
            // The matches under those values: the full-text index intersects their lists with the
            // query's, not every record under them (at 1,000,000 records "transit bus riders" read
            // all 100,000 records on transit to keep 2,000, 490 ms).
            let underNamed = self.matching(request.query, corrections: request.corrections, filters: request.filters, anyOf: suggestions)
            // A sub-tier read whole and ranked: its titles holding the query (the first, given
            // terms) from the titles' own index, the rest from the matches under the values.
            func readWhole(_ number: Int, _ part: SQLQueryString, limit: Int) async throws -> [String] {
                let few = inTitle != nil && number == 0 ? titlesMatching(request, anyOf: suggestions) : underNamed
                return try await keys(from: few + part + " ORDER BY " + tieBreak + " LIMIT \(bind: limit)")
            }
            if estimate >= Double(rankedWhole) {
                for (number, (part, holds)) in subTiers.enumerated() where found.count < needed {
                    // The titles' sub-tier holds every term in the title, so only the words
                    // excluded are left to check in the whole text, as in the titles' tier below.
                    let titled = inTitle != nil && number == 0 && !among
                    // Each sub-tier walked as far as its own share of the sample says (`walked`):
                    // from the whole tier's, the titles' walk for `q=water` at 1,000,000 records
                    // passed 2,000 entries, too few, before 16,000. One the sample shows none of
                    // is walked as the whole tier would be.
                    let subTier = Double(matches.total) * matches.share(holds)
                    found += try await walked(request, checks: " AND " + boosted + part + (titled ? termsInTitleChecks : checks),
                                              limit: needed - found.count, expected: subTier > 0 ? subTier : estimate,
                                              readsWholeText: entryChecksReadWholeText(request, termsInTitle: titled), entries: entries)
                }
            } else if let terms, walksAmong(Int(estimate), request) {
                // A topic's few thousand matches among many more: walked against their rowids,
                // each sub-tier on its own; one the sample shows small (its titles holding the
                // query) is ranked whole instead, since a walk would read most of the index for it.
                let under = amongMatches(terms + " AND " + SearchFacetTerms.fts5(anyOf: suggestions)!)
                for (number, (part, holds)) in subTiers.enumerated() where found.count < needed {
                    let subTier = Double(matches.total) * matches.share(holds)
                    if walksAmong(Int(subTier), request) {
                        let among = try await checksEntryByEntry(subTier, needed: needed - found.count, request, entries: entries)
                            ? checkedUnderNamed(suggestions, terms: terms, part: part) : under + part
                        found += try await keys(from: walk(request, checks: " AND " + among, limit: needed - found.count))
                    } else {
                        found += try await readWhole(number, part, limit: needed - found.count)
                    }
                }
            } else if yearsToRead(matches, holding: isBoosted, needed: needed, request) != nil {
                // PostgreSQL: the tier's matches by years, each title sub-tier on its own
                // ("transit bus riders", 15,000 records on transit: 31 ms read whole); a
                // sub-tier the sample shows small (its titles) is read whole, from the titles'
                // own index: by years, its few dated matches would leave the undated to be
                // looked for among every match (25 ms).
                for (number, (part, holds)) in subTiers.enumerated() where found.count < needed {
                    if let years = yearsToRead(matches, holding: holds, needed: needed, request) {
                        found += try await self.byYears(underNamed, checks: part, limit: needed - found.count, years: years)
                    } else {
                        found += try await readWhole(number, part, limit: needed - found.count)
                    }
                }
            } else if inTitle != nil, !isPostgres, request.boostedTitlesFirst ?? titlesFillBoostedPage(matches, isBoosted: isBoosted, needed: needed) {
                // SQLite: each title sub-tier on its own, so that its titles come from the titles'
                // own index, whose list of the query's word is a fraction of the whole text's, and
                // the rest only when they fall short of the page. Read together, the intersection
                // stepped through the word's whole-text list (at 1,000,000 records,
                // `q=transit&country=se&kind=news`: 36 ms for the tier, the titles alone 16 ms).
                for (number, (part, _)) in subTiers.enumerated() where found.count < needed {
                    found += try await readWhole(number, part, limit: needed - found.count)
                }
            } else {
                found += try await keys(from: fewMatches(underNamed, count: Int(estimate), rankAllUpTo: request.rankAllUpTo)
                    + " ORDER BY " + titleFirst + tieBreak + " LIMIT \(bind: needed)")
            }
        }
        let notBoosted: SQLQueryString = boosted.map { " AND NOT " + $0 } ?? ""
        if let inTitle, found.count < needed {
            let share = matches.share { $0.inTitle && !isBoosted($0) }
            if Double(matches.total) * share >= Double(rankedWhole) {
                // A title holding every term leaves only the excluded words to check in the rest
                // of the entry (on PostgreSQL its whole-text vector, read from its own pages).
                found += try await walked(request, checks: " AND " + inTitle + notBoosted + termsInTitleChecks,
                                          limit: needed - found.count, expected: Double(matches.total) * share,
                                          readsWholeText: entryChecksReadWholeText(request, termsInTitle: true), entries: entries)
            } else if let terms, walksAmong(Int(Double(matches.total) * share), request) {
                let notUnder: SQLQueryString = suggestions.isEmpty ? "" : " AND NOT " + amongMatches(terms + " AND " + SearchFacetTerms.fts5(anyOf: suggestions)!)
                found += try await keys(from: walk(request, checks: " AND " + titledAmong(request, terms: terms) + notUnder + " AND " + inTitle,
                                                   limit: needed - found.count))
            } else if let years = yearsToRead(matches, holding: { $0.inTitle && !isBoosted($0) }, needed: needed, request) {
                // PostgreSQL: the titles' matches by years (a deep page of `q=programme` under
                // one kind read its titles whole for 500 of them: 26 ms).
                found += try await self.byYears(titlesMatching(request), checks: notBoosted + " AND " + inTitle, limit: needed - found.count,
                                                years: years)
            } else {
                found += try await keys(from: titlesMatching(request) + notBoosted + " AND " + inTitle
                    + " ORDER BY " + tieBreak + " LIMIT \(bind: needed - found.count)")
            }
        }
        if found.count < needed {
            let notInTitle: SQLQueryString = inTitle.map { " AND NOT " + $0 } ?? ""
            let inLastTier: (MatchSample.Entry) -> Bool = { !isBoosted($0) && !(inTitle != nil && $0.inTitle) }
            if byYears, let years = yearsToRead(matches, holding: inLastTier, needed: needed, request) {
                // The matches of the words and values come from the full-text index by years;
                // only the tiers above are checked in each entry's row.
                found += try await self.byYears(matching, checks: notBoosted + notInTitle, limit: needed - found.count, years: years)
            } else if byYears, matches.total <= request.rankAllUpTo {
                // Too few of this tier's matches are dated: read whole, as before the tiers.
                found += try await keys(from: "(SELECT e.* FROM " + matching + " OFFSET 0) e WHERE (1 = 1" + notBoosted + notInTitle + ") IS TRUE ORDER BY "
                    + tieBreak + " LIMIT \(bind: needed - found.count)")
            } else {
                let expected = Double(matches.total) * matches.share(inLastTier)
                found += try await walked(request, checks: notBoosted + notInTitle + checks, limit: needed - found.count, expected: expected,
                                          readsWholeText: entryChecksReadWholeText(request), entries: entries)
            }
        }
        return try await hits(keys: Array(found.dropFirst(request.offset).prefix(request.limit)))
    }

    /// Whether a tier of records under values the query names, small enough to be ranked
    /// whole, is read titles first (SQLite): when the sample shows at least a page of its
    /// matches with the query in their titles. Fewer, and reading the titles would only add a
    /// statement before the whole tier's.
    func titlesFillBoostedPage(_ matches: MatchSample, isBoosted: (MatchSample.Entry) -> Bool, needed: Int) -> Bool {
        Double(matches.total) * matches.share { isBoosted($0) && $0.inTitle } >= Double(needed)
    }

    /// The order of every match ranked at once: records under the values the query names first,
    /// then those whose titles hold its terms, then the tie-break.
    func rankOrder(_ request: SearchRequest, suggestions: [SearchFacetValue]) -> SQLQueryString {
        var tiers: SQLQueryString = ""
        if let boosted = boostedCondition(suggestions) { tiers += "(CASE WHEN " + boosted + " THEN 1 ELSE 0 END) DESC, " }
        if let inTitle = titleCondition(request.query, corrections: request.corrections) { tiers += "(CASE WHEN " + inTitle + " THEN 1 ELSE 0 END) DESC, " }
        return tiers + tieBreak
    }

    /// Whether about `count` matches are read by walking the rank index against their rowids
    /// (SQLite): enough of them, and enough for each result the page needs.
    private func walksAmong(_ count: Int, _ request: SearchRequest) -> Bool {
        !isPostgres && count >= request.walkAmongFrom && count >= (request.offset + request.limit) * request.walkAmongMatchesPerResult
    }

    /// Whether an entry's title holds the query's terms under the chosen values (SQLite), by its
    /// rowid, from the titles' own index: the title tier's candidates, not every match (a deep
    /// page of `q=programme&kind=resource` gathered all 110,000 matches' rowids to keep the
    /// titles among them, 67 ms). The words excluded are in the rest of the entry, so with some
    /// excluded the entry must be among all the matches too.
    private func titledAmong(_ request: SearchRequest, terms: String) -> SQLQueryString {
        var titleTerms = request.query
        titleTerms.excluded = []
        let match = ([Self.fts5(titleTerms, corrections: request.corrections)] + [SearchFacetTerms.fts5(request.filters)].compactMap { $0 })
            .joined(separator: " AND ")
        let titled: SQLQueryString = "e.rowid IN (SELECT rowid FROM search_titles WHERE search_titles MATCH \(bind: match))"
        return request.query.excluded.isEmpty ? titled : titled + " AND " + amongMatches(terms)
    }

    /// Whether an entry is among the matches of a full-text query (SQLite), by its rowid, which
    /// the rank index holds: a walk checks each entry without reading its row. Ranking a few
    /// thousand matches whole reads every one's row (`kind=practice&topic=water`, 13,000
    /// matches at 1,000,000 records, 60 ms); gathering their rowids from the full-text index
    /// and walking the index against them does not.
    private func amongMatches(_ terms: String) -> SQLQueryString {
        "e.rowid IN (SELECT rowid FROM search_text WHERE search_text MATCH \(bind: terms))"
    }

    /// SQLite: whether a walk for `needed` of about `count` matches under values the query
    /// names checks each entry it passes (`checkedUnderNamed`) rather than gathering every
    /// match's rowid first (`amongMatches`): when it is expected to pass no more than
    /// `checkEntriesUpTo` entries. Gathering them intersects the full-text index's lists of the
    /// query's words whole, however dense (at 1,000,000 records, "transit bus riders": "bus" and
    /// "riders" are each in 370,000 entries, and their 12,600 matches under the topic took 31 ms
    /// to gather, where the walk that checks each entry passes about 2,000 for a page, 12 ms).
    func checksEntryByEntry(_ count: Double, needed: Int, _ request: SearchRequest, entries: () async throws -> Double) async throws -> Bool {
        if let forced = request.checksNamedEntryByEntry { return forced }
        guard count >= 1 else { return false }
        return Double(needed) * (try await entries()) / count <= Double(Self.checkEntriesUpTo)
    }

    /// Each entry a walk passes costs a read of its row (about 3.5 µs at 1,000,000 records), and
    /// each one under the named values also a look into the full-text index (about 40 µs).
    static let checkEntriesUpTo = 3_000

    /// Whether an entry is under a value the query names, in the sub-tier `part` says (its title
    /// holding the query or not), and among the matches of `terms` (SQLite): the first two read
    /// in its row, and only then the full-text index asked for that one entry, by its rowid.
    private func checkedUnderNamed(_ suggestions: [SearchFacetValue], terms: String, part: SQLQueryString) -> SQLQueryString {
        "(CASE WHEN " + boostedCondition(suggestions)! + part
            + " THEN EXISTS (SELECT 1 FROM search_text WHERE search_text MATCH \(bind: terms) AND search_text.rowid = e.rowid) ELSE 0 END)"
    }

    /// `FROM ...` the matches of `matching`, about `count` of them, to be ranked all at once.
    /// PostgreSQL would walk the rank index for a few matches too (thinking each check cheap,
    /// where each reads an entry's whole-text vector: `kind=practice&topic=water`, 13,000
    /// matches at 1,000,000 records, read 42,000 entries in 670 ms): a few are read all at once
    /// from the full-text index (`OFFSET 0` keeps the subquery whole) and sorted.
    private func fewMatches(_ matching: SQLQueryString, count: Int, rankAllUpTo: Int) -> SQLQueryString {
        isPostgres && count <= rankAllUpTo ? "(SELECT e.* FROM " + matching + " OFFSET 0) e" : matching
    }

    /// Whether an entry is counted under a value the query names (a city, topic or country),
    /// read from the entry's own `facet_values`, in the row every ranked match is read from
    /// anyway. As the set of those records' keys (`e.key IN (SELECT ...)`), each search
    /// gathered every record under the value (a topic's 100,000) to rank a few thousand matches
    /// (`q=housing`, 40 ms); probing the facets' index for each match cost more than the match.
    func boostedCondition(_ suggestions: [SearchFacetValue]) -> SQLQueryString? {
        guard !suggestions.isEmpty else { return nil }
        let column: SQLQueryString = isPostgres ? "strpos(chr(30) || e.facet_values, " : "instr(char(30) || e.facet_values, "
        return "(" + SQLQueryString.list(suggestions, separator: " OR ") { column + "\(bind: SearchFacetTerms.needle(for: $0))) > 0" } + ")"
    }

    /// The title holds every term: each word (or a word it may be a typo of), each phrase, and
    /// the word being typed as a prefix. Nil when the query has no terms.
    func titleCondition(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> SQLQueryString? {
        var terms: [[String]] = query.words.map { word in ([word] + (corrections[word] ?? [])).map { "% \($0) %" } }
        terms += query.phrases.map { ["% \($0.joined(separator: " ")) %"] }
        // The word being typed as the full-text match takes it (`fts5`): a title holding its
        // singular holds it ("cities" typed, "City" in the title).
        if let prefix = query.prefix { terms.append(["% \(prefix)%"] + Self.prefixAlternatives(prefix, corrections: corrections).map { "% \($0) %" }) }
        guard !terms.isEmpty else { return nil }
        return "(" + SQLQueryString.list(terms, separator: " AND ") { patterns in
            "(" + SQLQueryString.list(patterns, separator: " OR ") { "(' ' || e.title_words || ' ') LIKE \(bind: $0)" } + ")"
        } + ")"
    }

    /// ` AND ...`: what an entry must hold to match the query and filters, checked entry by
    /// entry. The facets first: each is one index probe, where the words are read from the end
    /// of the entry's row (SQLite) or its whole-text vector (PostgreSQL). `termsInTitle`: the
    /// caller checks that the title holds every term (`titleCondition`), so the entry holds
    /// them too, and only the words excluded are checked.
    func entryChecks(_ request: SearchRequest, termsInTitle: Bool = false) -> SQLQueryString {
        let words = termsInTitle ? SearchQuery(excluded: request.query.excluded) : request.query
        var checks = facetConditions(request.filters)
        if isPostgres {
            if !words.isEmpty || !words.excluded.isEmpty { checks += " AND e.document @@ to_tsquery('simple', \(bind: Self.tsquery(words, corrections: request.corrections)))" }
        } else {
            checks += " AND " + Self.wordConditions(words, corrections: request.corrections)
        }
        return checks
    }

    /// Whether `entryChecks` reads an entry's whole text (words to match or exclude), not
    /// only its row's title and facet values.
    func entryChecksReadWholeText(_ request: SearchRequest, termsInTitle: Bool = false) -> Bool {
        !request.query.excluded.isEmpty || (!termsInTitle && !request.query.isEmpty)
    }

    /// `search_entries e ... LIMIT limit`: public entries in rank order (from the chosen years'
    /// dates on), each checked against `checks` until `limit` of them hold, through the
    /// `search_entries_rank` index.
    ///
    /// PostgreSQL is given no choice of plan: it estimates a title or facet condition to hold
    /// for a handful of rows (where the sample counted thousands), and then reads every match
    /// through the whole-text index and sorts them (3 seconds for "programme" at 1,000,000
    /// records, instead of 30 ms). The entries come in rank order from a subquery it may not
    /// merge with the checks (`OFFSET 0`), and the checks filter them in that order; an outer
    /// `ORDER BY` would make it sort them all again. The checks are one `IS TRUE` test, so that
    /// none of them (a facet's `EXISTS`) becomes a join, which would hand the entries on in
    /// another order; they are tested in the order written, so callers write those read in the
    /// entry's row (its title, its facet values) before its words: PostgreSQL reads an entry's
    /// whole-text vector from pages of its own, SQLite its words from the row's overflow pages
    /// (`q=water` walked for the titles under the topic it names: 41 ms with the vector first).
    ///
    /// `passing`: PostgreSQL passes at most this many entries (`walked`); nil, every one.
    /// `readsWholeText`: whether the checks read the entry's whole-text vector. When they read
    /// only its title and facet values, PostgreSQL takes the entries from the rank index alone,
    /// which holds those (`M008_RankIndexHoldsRowChecks`), without visiting the table: at
    /// 1,000,000 records `q=city`'s walk for its titles went from 2.0 to 1.1 ms.
    func walk(_ request: SearchRequest, checks: SQLQueryString, limit: Int, passing: Int? = nil, readsWholeText: Bool = true) -> SQLQueryString {
        let years: SQLQueryString = yearRange(request.filters).map { " AND " + $0 } ?? ""
        guard isPostgres else {
            return "search_entries e INDEXED BY search_entries_rank WHERE e.is_public = \(bind: true)" + years + checks + " ORDER BY " + tieBreak + " LIMIT \(bind: limit)"
        }
        let passed: SQLQueryString = passing.map { " LIMIT \(bind: $0)" } ?? " OFFSET 0"
        let columns: SQLQueryString = readsWholeText ? "e.*" : "e.key, e.title_words, e.facet_values, e.sort_date"
        return "(SELECT " + columns + " FROM search_entries e WHERE e.is_public = \(bind: true)" + years + " ORDER BY " + tieBreak
            + passed + ") e WHERE (1 = 1" + checks + ") IS TRUE LIMIT \(bind: limit)"
    }

    /// The keys of a walk in rank order (`walk`), `expected` of the entries estimated to hold.
    ///
    /// PostgreSQL: the walk passes at most so many entries, eight times more each time too few
    /// held, the last time all of them. Told nothing of how far the walk goes, PostgreSQL plans
    /// to read every entry, and with the entries laid in the sample order
    /// (`SearchIndexer.layInSampleOrder`) the rank index no longer follows the table, so it
    /// reads the whole table and sorts it (`q=city&page=50`: 1.4 s); told at most 400,000 of
    /// 1,000,000, it walks the rank index. The first bound passes twice the entries the
    /// estimate says hold the page's results, and no fewer than 2,000. `entries`: how many
    /// entries the index holds (asked once for all of a page's walks).
    func walked(_ request: SearchRequest, checks: SQLQueryString, limit: Int, expected: Double, readsWholeText: Bool = true,
                entries indexEntries: () async throws -> Double) async throws -> [String] {
        guard isPostgres else { return try await keys(from: walk(request, checks: checks, limit: limit)) }
        let entries = max(try await indexEntries(), 1)
        let holding = max(expected, 1) / entries
        var passing = Double(request.firstWalkPassing ?? max(Self.firstWalkPassing, Int(min(2 * Double(limit) / holding, entries))))
        while true {
            let everyEntry = passing >= entries * Self.walkedWholeFrom
            let found = try await keys(from: walk(request, checks: checks, limit: limit, passing: everyEntry ? nil : Int(passing),
                                                  readsWholeText: readsWholeText))
            if found.count >= limit || everyEntry { return found }
            passing *= 8
        }
    }

    /// The fewest entries a bounded walk passes first (`walked`).
    static let firstWalkPassing = 2_000

    /// A bounded walk passing this share of the index or more passes every entry (`walked`).
    static let walkedWholeFrom = 0.4

    /// ` AND ...` for each facet with chosen values, checked entry by entry: on SQLite through the
    /// facets' primary key; on PostgreSQL in the entry's own `facet_values`, in the row the walk
    /// reads anyway, before its whole-text vector is read (from pages of its own) for the words,
    /// instead of probing the facets' index for each entry walked.
    func facetConditions(_ filters: [SearchFacet: [String]]) -> SQLQueryString {
        SearchFacet.allCases.reduce(into: SQLQueryString("")) { conditions, facet in
            guard let values = filters[facet], !values.isEmpty else { return }
            if isPostgres {
                conditions += " AND " + (boostedCondition(values.map { SearchFacetValue(facet: facet.rawValue, value: $0, label: "") }) ?? "1 = 1")
            } else {
                conditions += " AND EXISTS (SELECT 1 FROM search_facets f WHERE f.key = e.key AND f.facet = \(bind: facet.rawValue) AND f.value IN (\(binds: values)))"
            }
        }
    }

    /// The dates of the chosen years, as a range of the rank index's date (a record's year is
    /// the start of its date): the walk in rank order starts at the latest year chosen instead
    /// of reading every newer record first (at 1,000,000 records, "evaluation" in 2010 and 2011
    /// read for five seconds). The facet's own condition still picks the years within it.
    func yearRange(_ filters: [SearchFacet: [String]]) -> SQLQueryString? {
        let years = (filters[.year] ?? []).compactMap { Int($0) }.filter { (1000...9998).contains($0) }
        guard let first = years.min(), let last = years.max(), years.count == filters[.year]?.count else { return nil }
        let date: SQLQueryString = isPostgres ? "(COALESCE(e.sort_date, '') COLLATE \"C\")" : "COALESCE(e.sort_date, '')"
        return date + " >= \(bind: String(first)) AND " + date + " < \(bind: String(last + 1))"
    }

    /// `... WHERE ...`: public entries whose title holds the query's terms, found through the
    /// titles' own full-text index, then checked whole against the query and filters.
    func titlesMatching(_ request: SearchRequest, anyOf suggestions: [SearchFacetValue] = []) -> SQLQueryString {
        var terms = request.query
        terms.excluded = []
        guard isPostgres else {
            // The tier's title condition holds every word, phrase and prefix, so only the words
            // excluded are checked in the rest of the entry. The titles' index holds each
            // entry's facet values too (`M004_SearchTitleFacets`): chosen values, and those of a
            // city or topic the query names, are terms of the match.
            let values = [SearchFacetTerms.fts5(request.filters), SearchFacetTerms.fts5(anyOf: suggestions)].compactMap { $0 }
            let match = ([Self.fts5(terms, corrections: request.corrections)] + values).joined(separator: " AND ")
            return "search_titles JOIN search_entries e ON e.rowid = search_titles.rowid WHERE search_titles MATCH \(bind: match)"
                + " AND e.is_public = \(bind: true) AND " + Self.wordConditions(SearchQuery(excluded: request.query.excluded), corrections: request.corrections)
        }
        // The titles' vector holds each entry's facet values too (`M006_TitleDocumentFacets`):
        // titles under chosen or named values are found in the index, not checked one by one
        // (`q=budget` under two kinds and a topic: 40,000 titles holding "budget" probed for
        // their facets and whole-text vectors, 790 ms at 1,000,000 records).
        let values = [SearchFacetTerms.tsquery(request.filters), SearchFacetTerms.tsquery(anyOf: suggestions)].compactMap { $0 }
        let words: SQLQueryString = "to_tsquery('simple', \(bind: Self.tsquery(terms, corrections: request.corrections)))"
        let match: SQLQueryString = values.isEmpty ? words : "(" + words + " && CAST(\(bind: values.joined(separator: " & ")) AS tsquery))"
        var titled: SQLQueryString = "search_entries e WHERE e.title_document @@ " + match + " AND e.is_public = \(bind: true)"
        // A title holding every term leaves only the words excluded to check in the rest of the
        // entry; `IS TRUE` keeps the planner off the whole-text index for that check.
        if !request.query.excluded.isEmpty {
            titled += " AND (e.document @@ to_tsquery('simple', \(bind: Self.tsquery(SearchQuery(excluded: request.query.excluded))))) IS TRUE"
        }
        return titled
    }

    /// The query as LIKE conditions over an entry's `words` (SQLite): what FTS5 finds, checked
    /// one entry at a time. Every term is letters and digits, so no pattern holds a wildcard.
    static func wordConditions(_ query: SearchQuery, corrections: [String: [String]] = [:]) -> SQLQueryString {
        func any(_ patterns: [String]) -> SQLQueryString {
            "(" + SQLQueryString.list(patterns, separator: " OR ") { "e.words LIKE \(bind: $0)" } + ")"
        }
        var conditions: [SQLQueryString] = query.words.map { word in any(([word] + (corrections[word] ?? [])).map { "% \($0) %" }) }
        conditions += query.phrases.map { any(["% \($0.joined(separator: " ")) %"]) }
        if let prefix = query.prefix {
            let alternatives = prefixAlternatives(prefix, corrections: corrections)
            conditions.append(any(["% \(prefix)%"] + alternatives.map { "% \($0) %" }))
        }
        conditions += query.excluded.map { "e.words NOT LIKE \(bind: "% \($0) %")" }
        return conditions.isEmpty ? "1 = 1" : "(" + SQLQueryString.list(conditions, separator: " AND ") { $0 } + ")"
    }

    /// The hits of `SELECT ... FROM <tail>` (the tail ordering and limiting them): the keys in
    /// order first, then what a result shows for those keys. Read in one statement, SQLite
    /// would read every candidate's body (from the row's overflow pages) before sorting: when
    /// 20,000 matches are ranked, that is most of the search.
    private func hits(from tail: SQLQueryString) async throws -> [SearchHit] {
        try await hits(keys: try await keys(from: tail))
    }

    /// The keys of `SELECT e.key FROM <tail>`, in order.
    func keys(from tail: SQLQueryString) async throws -> [String] {
        try await sql.raw("SELECT e.key FROM " + tail).all().map { try $0.decode(column: "key", as: String.self) }
    }

    /// What a result shows for each of these keys, in their order.
    private func hits(keys: [String]) async throws -> [SearchHit] {
        guard !keys.isEmpty else { return [] }
        var byKey: [String: SearchHit] = [:]
        for row in try await lookupSQL.raw("SELECT e.key, " + Self.hitColumns + " FROM search_entries e WHERE e.key IN (\(binds: keys))").all() {
            byKey[try row.decode(column: "key", as: String.self)] = SearchHit(
                kind: try row.decode(column: "kind", as: String.self), id: try row.decode(column: "record_id", as: String.self),
                title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                path: try row.decode(column: "path", as: String.self), facts: try row.decode(column: "facts", as: String?.self),
                date: try row.decode(column: "sort_date", as: String?.self), isPublic: try row.decode(column: "is_public", as: Bool.self))
        }
        return keys.compactMap { byKey[$0] }
    }
}
