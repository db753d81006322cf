import SQLKit

/// PostgreSQL: the last tier of a page read a few years at a time, newest first.
///
/// Ranked newest first, the page's results are the newest matches; a search whose matches are
/// spread thinly through the rank order (`kind=practice&topic=water`, 13,000 of 1,000,000
/// entries, practices ranking below most news) either reads every match to sort them (34 ms
/// for the rows alone) or walks the rank index past thousands of entries of other kinds.
/// Every dated entry holds its year as a lexeme (`=year=2019`, the first four digits of its
/// date), so the full-text index hands over the matches of the newest years alone: the sample
/// says which years hold enough of them for the page, and only those are read and sorted.
/// The years are asked as ranges with no gaps (years the sample missed included), so the page
/// is the same as when every match is ranked; entries without a date rank last and are read
/// last, when the dated ones fall short.
extension SearchIndex {
    /// From this many matches in a tier (as the sample estimates) up to `byYearsUpTo`, the tier
    /// is read by years when the sample's statement did not rank every match.
    static let byYearsFrom = 3_000
    static let byYearsUpTo = 200_000

    /// Whether a page is read by years for these matches (`yearsToRead` of every match).
    func readsByYears(_ matches: MatchSample, _ request: SearchRequest) -> Bool {
        matches.rankedKeys == nil && yearsToRead(matches, holding: { _ in true }, needed: request.offset + request.limit, request) != nil
    }

    /// The sampled years of the matches `holding` keeps, when that tier is read by years: about
    /// `byYearsFrom` to `byYearsUpTo` of them, and dated ones enough for twice the page, so that
    /// the undated are seldom looked for (among every match of the tier). Not when years are
    /// chosen: the walk in rank order then starts at the latest of them (`yearRange`), and
    /// reading their matches whole cost more (`q=evaluation` in 2010 and 2011: 19 ms walked, 55
    /// by years).
    func yearsToRead(_ matches: MatchSample, holding: (MatchSample.Entry) -> Bool, needed: Int,
                     _ request: SearchRequest) -> [(year: Int, estimate: Double)]? {
        let estimate = Double(matches.total) * matches.share(holding)
        guard isPostgres, !request.includeDrafts, (request.filters[.year] ?? []).isEmpty,
              Double(request.byYearsFrom) <= estimate, estimate <= Double(Self.byYearsUpTo) else { return nil }
        let years = Self.sampledYears(matches, holding: holding)
        return years.reduce(0) { $0 + $1.estimate } >= 2 * Double(needed) ? years : nil
    }

    /// The years of the sampled matches that `holding` keeps, newest first, each with the
    /// matches it stands for (scaled from the sample to the estimated total).
    static func sampledYears(_ matches: MatchSample, holding: (MatchSample.Entry) -> Bool) -> [(year: Int, estimate: Double)] {
        var yearAt: [Int: Int] = [:]
        for (position, value) in matches.values.enumerated() where value.facet == SearchFacet.year.rawValue {
            if let year = Int(value.value), (1000...9999).contains(year) { yearAt[position] = year }
        }
        var counted: [Int: Int] = [:]
        for entry in matches.entries where holding(entry) {
            for position in entry.facets { if let year = yearAt[position] { counted[year, default: 0] += 1 } }
        }
        let scale = matches.entries.isEmpty ? 0 : Double(matches.total) / Double(matches.entries.count)
        return counted.map { (year: $0.key, estimate: Double($0.value) * scale) }.sorted { $0.year > $1.year }
    }

    /// The keys of the entries of `matching` (`search_entries e WHERE ...`) that pass `checks`,
    /// in rank order, up to `limit`: the newest years first, as many at a time as the sample
    /// says hold what is still needed with room to spare (`yearsHoldingNeeded`), then the undated.
    func byYears(_ matching: SQLQueryString, checks: SQLQueryString, limit: Int, years: [(year: Int, estimate: Double)]) async throws -> [String] {
        func read(_ condition: SQLQueryString, _ count: Int) async throws -> [String] {
            try await keys(from: "(SELECT e.* FROM " + matching + condition + " OFFSET 0) e WHERE (1 = 1" + checks + ") IS TRUE ORDER BY "
                + tieBreak + " LIMIT \(bind: count)")
        }
        var found: [String] = []
        var next = 0
        var below = 10_000
        while found.count < limit, next < years.count {
            var expected = 0.0
            var from = below
            while next < years.count, from == below || expected < Self.yearsHoldingNeeded * Double(limit - found.count) {
                from = years[next].year
                expected += years[next].estimate
                next += 1
            }
            // The oldest group reaches back to the first year, so that none is left out.
            if next == years.count { from = 1000 }
            let yearsAsked = Self.yearsTSQuery(from: from, below: below)
            found += try await read(" AND e.document @@ CAST(\(bind: yearsAsked) AS tsquery)", limit - found.count)
            below = from
        }
        if found.count < limit {
            found += try await read(" AND e.sort_date IS NULL", limit - found.count)
        }
        return found
    }

    /// How many times what a page still needs the years read together must hold, by the sample
    /// (`byYears`). Each group is read whole and sorted, so a group too large is paid in rows and
    /// one too small in another statement. Twice was room for a sample of 1,000; with 500, a
    /// group's estimate moves more, and at 1,000,000 records the titles of
    /// `q=programme&kind=resource&page=20` came out a few short of twice, took in one more year
    /// and read twice the rows (62-76 ms, against 29-34 with one and a half).
    static let yearsHoldingNeeded = 1.5

    /// The `tsquery` of the year lexemes from `from` up to `below` (four-digit years), as few
    /// prefixes as cover them: 2019 to 10000 is `2019`, `202:*` to `209:*`, `21:*` to `29:*`
    /// and `3:*` to `9:*`.
    static func yearsTSQuery(from: Int, below: Int) -> String {
        var terms: [String] = []
        var start = max(from, 1000)
        let end = min(below, 10_000)
        while start < end {
            var digits = 0
            while digits < 3 {
                let block = Self.power(10, digits + 1)
                guard start % block == 0, start + block <= end else { break }
                digits += 1
            }
            let block = Self.power(10, digits)
            let prefix = String(String(start).prefix(4 - digits))
            terms.append("'" + SearchFacetTerms.lexeme(facet: SearchFacet.year.rawValue, value: prefix) + "'" + (digits > 0 ? ":*" : ""))
            start += block
        }
        return terms.isEmpty ? "'=year=none'" : "(" + terms.joined(separator: " | ") + ")"
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { product, _ in product * base }
    }
}
