import CivitasCore
import SQLKit

/// The search index's tables, written through one connection (a transaction's, to index a
/// whole database at once, or the writer's after a change).
struct SearchIndex: Sendable {
    /// The first four digits of a date, when they are digits: the year facet's value.
    static func year(of date: String?) -> String? {
        guard let year = date?.prefix(4), year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(year)
    }

    let sql: any SQLDatabase
    /// Where the statements go whose best plan is the same for any value bound: a word or name
    /// looked up, entries read by key, the index's size. On PostgreSQL the searches give the
    /// reader's prepared statements (`AppDatabase.reads`), so these are parsed and planned once
    /// per connection rather than on every run as `sql`'s are (0.1-0.4 ms of the server's time
    /// each, at 1,000,000 records, for a statement that then ran in 0.02-0.7 ms); nil, `sql`.
    var lookups: (any SQLDatabase)? = nil
    /// The index's size as read once for a search (`entryCount`), set by `search`.
    var sizeOfSearch: EntryCountOfSearch? = nil

    var isPostgres: Bool { sql.dialect.name == "postgresql" }
    var lookupSQL: any SQLDatabase { lookups ?? sql }

    static func key(kind: String, id: String) -> String { "\(kind):\(id)" }

    /// Adds these documents, replacing any entry of the same records, in a few statements for
    /// the whole batch (a statement per document and table made indexing a large network take
    /// half an hour).
    /// `entriesTable`: where the entries go; a rebuild on PostgreSQL writes them to a table of its
    /// own first (`SearchIndexer.layInSampleOrder`).
    func replace(_ documents: [SearchDocument], kindLabels: [String: String], entriesTable: String = "search_entries") async throws {
        guard !documents.isEmpty else { return }
        // The last document of a record wins, as if they had been written one after another.
        var byKey: [String: Int] = [:]
        for (position, document) in documents.enumerated() { byKey[Self.key(kind: document.kind, id: document.id)] = position }
        let rows: [EntryRow] = documents.enumerated().compactMap { position, document in
            let key = Self.key(kind: document.kind, id: document.id)
            return byKey[key] == position ? EntryRow(key: key, document: document, kindLabels: kindLabels) : nil
        }
        try await remove(keys: rows.map(\.key))
        // A draft's words are not remembered: corrections offered to the public must be words
        // it can find.
        let shown = rows.filter(\.document.isPublic)
        try await remember(words: Set(shown.flatMap { $0.titleList + $0.bodyList }), joined: shown.flatMap(\.joinedPairs))
        var taken = Set<Int64>()
        for chunk in rows.chunked(into: 80) {
            let orders = try await sampleOrders(of: chunk.map(\.key), avoiding: &taken)
            let values = SQLQueryString.list(chunk.indices) { position in
                let row = chunk[position]
                let document = row.document
                let body = String(document.body.prefix(Self.keptBodyCharacters))
                var value: SQLQueryString = """
                    (\(bind: row.key), \(bind: document.kind), \(bind: document.id), \(bind: document.slug), \(bind: document.title), \(bind: body),
                     \(bind: document.path), \(bind: document.facts), \(bind: row.sortDate), \(bind: row.titleWords), \(bind: document.isPublic),
                     \(bind: orders[position - chunk.startIndex]), \(bind: SearchFacetTerms.column(row.facets))
                    """
                if isPostgres {
                    value += """
                        , setweight(to_tsvector('simple', \(bind: row.titleWords)), 'A') || setweight(to_tsvector('simple', \(bind: row.bodyWords)), 'B')
                        || setweight(to_tsvector('simple', \(bind: row.joinedWords)), 'C')
                        || array_to_tsvector(\(bind: row.facetLexemes + Self.sampleLexemes(of: orders[position - chunk.startIndex]))::text[]),
                        to_tsvector('simple', \(bind: row.titleWords)) || array_to_tsvector(\(bind: row.facetLexemes)::text[])
                        """
                } else {
                    value += ", \(bind: orders[position - chunk.startIndex]), \(bind: row.checkedWords)"
                }
                return value + ")"
            }
            let columns = "key, kind, record_id, slug, title, body, path, facts, sort_date, title_words, is_public, sample_order, facet_values"
                + (isPostgres ? ", document, title_document" : ", rowid, words")
            try await sql.raw("INSERT INTO \(unsafeRaw: entriesTable) (\(unsafeRaw: columns)) VALUES " + values).run()
            if !isPostgres {
                // FTS5 rows share their entry's rowid: its place in the sample order.
                let words = SQLQueryString.list(chunk.indices) { position in
                    let row = chunk[position]
                    return "(\(bind: orders[position - chunk.startIndex]), \(bind: row.titleWords), \(bind: row.bodyWords), \(bind: row.joinedWords), \(bind: row.facetTokens))"
                }
                try await sql.raw("INSERT INTO search_text (rowid, title, body, joined, facets) VALUES " + words).run()
                let titles = SQLQueryString.list(chunk.indices) { position in
                    "(\(bind: orders[position - chunk.startIndex]), \(bind: chunk[position].titleWords), \(bind: chunk[position].facetTokens))"
                }
                try await sql.raw("INSERT INTO search_titles (rowid, title, facets) VALUES " + titles).run()
            }
        }
        let facets = rows.flatMap { row in row.facets.map { (key: row.key, facet: $0) } }
        for chunk in facets.chunked(into: 400) {
            try await sql.raw("INSERT INTO search_facets (key, facet, value, label) VALUES "
                + SQLQueryString.list(chunk) { "(\(bind: $0.key), \(bind: $0.facet.facet), \(bind: $0.facet.value), \(bind: $0.facet.label))" }).run()
        }
        try await name(Set(rows.filter(\.document.isPublic).flatMap { $0.facets.filter { SearchFacet.named.contains($0.facet) } }))
    }

    /// Each key's place in the sample order: a hash of the key, spread evenly over 62 bits, so
    /// the first matches in that order are a fair sample of any search's matches. On SQLite the
    /// place is also the rowid, which must be free: one another entry or this batch holds moves
    /// up by one (a second clash among 2^62 numbers is not expected, and would fail the write).
    static func sampleOrder(of key: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a: the same on every machine and database
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 29  // spread the last bytes' effect over the high bits
        return Int64(hash >> 2) | 1
    }

    /// PostgreSQL: the sample order is cut into this many ranges of equal width, and each
    /// entry's vector holds its range as a lexeme (`=sample=0` to `=sample=1023`). A search that
    /// reads its sample below a bound (`SampleReading.below`) asks for the ranges under the bound
    /// in the full-text query itself, so the GIN index hands over only the matches there: as a
    /// condition on the sample order alone, the index first listed every match of the words
    /// (`q=water` under one kind at 1,000,000 records: 111,000 of them, 30 ms, for the 1,578
    /// below the bound).
    static let sampleRanges: Int64 = 1 << (62 - sampleRangeShift)

    /// Bits of the sample order below a range's number (the order has 62 bits).
    private static let sampleRangeShift: Int64 = 52

    private static let sampleRangePrefix = "=sample="

    static func sampleRangeLexeme(of order: Int64) -> String { sampleRangePrefix + String(order >> sampleRangeShift) }

    /// The same lexeme, of the row's own `sample_order` (SQL, for entries written before it was kept).
    static let sampleRangeLexemeSQL: SQLQueryString = "(\(literal: sampleRangePrefix) || (sample_order >> \(literal: sampleRangeShift))::text)"

    /// PostgreSQL: the sample order is also cut into bands of `rangesPerBand` ranges, and each
    /// entry's vector holds its band as a lexeme too (`=sampleband=0` to `=sampleband=63`), so
    /// that a bound is asked for as the whole bands under it and the ranges past the last whole
    /// one: few lexemes where there were many. The GIN index checks each match of the query's
    /// other terms against every lexeme of the bound's alternatives, and at 1,000,000 entries
    /// the alternatives were most of a sample's time in the index (`q=zurich`, 63 ranges: 3.7-5.1
    /// ms for the index's part alone, against 2.4-3.3 ms as 3 bands and 15 ranges;
    /// `q=transit&country=se&kind=news`, 195 ranges: 15-18 ms, against 7.2-7.4 as 12 bands and
    /// 3 ranges; `pgbench`, one connection).
    static let rangesPerBand: Int64 = 1 << (sampleBandShift - sampleRangeShift)

    /// Bits of the sample order below a band's number.
    private static let sampleBandShift: Int64 = 56

    private static let sampleBandPrefix = "=sampleband="

    static func sampleBandLexeme(of order: Int64) -> String { sampleBandPrefix + String(order >> sampleBandShift) }

    /// The same lexeme, of the row's own `sample_order` (SQL, for entries written before it was kept).
    static let sampleBandLexemeSQL: SQLQueryString = "(\(literal: sampleBandPrefix) || (sample_order >> \(literal: sampleBandShift))::text)"

    /// The lexemes of an entry's place in the sample order that its vector holds: its range and its band.
    static func sampleLexemes(of order: Int64) -> [String] { [sampleRangeLexeme(of: order), sampleBandLexeme(of: order)] }

    /// The `tsquery` of every range holding places below `bound` (the last one in part: the
    /// bound itself is asked for as well): the bands they fill whole, then the ranges left.
    static func sampleRangesTSQuery(below bound: Int64) -> String {
        let last = min(max(bound - 1, 0) >> sampleRangeShift, sampleRanges - 1)
        let wholeBands = (last + 1) / rangesPerBand
        let bands = (0..<wholeBands).map { sampleBandLexeme(of: $0 << sampleBandShift) }
        let ranges = (wholeBands * rangesPerBand..<last + 1).map { sampleRangeLexeme(of: $0 << sampleRangeShift) }
        return (bands + ranges).map { "'" + $0 + "'" }.joined(separator: " | ")
    }

    private func sampleOrders(of keys: [String], avoiding taken: inout Set<Int64>) async throws -> [Int64] {
        var orders = keys.map(Self.sampleOrder)
        guard !isPostgres else { return orders }
        let inUse = Set(try await sql.raw("SELECT rowid FROM search_entries WHERE rowid IN (\(binds: orders))").all()
            .map { try $0.decode(column: "rowid", as: Int64.self) })
        for index in orders.indices {
            while inUse.contains(orders[index]) || taken.contains(orders[index]) { orders[index] = orders[index] &+ 1 == .max ? 1 : orders[index] + 1 }
            taken.insert(orders[index])
        }
        return orders
    }

    /// One document as the index keeps it: its normalised words and its facet values.
    private struct EntryRow {
        let key: String
        let document: SearchDocument
        let titleList: [String], bodyList: [String], joinedList: [String]
        let facets: Set<SearchFacetValue>
        var titleWords: String { titleList.joined(separator: " ") }
        var bodyWords: String { bodyList.joined(separator: " ") }
        var joinedWords: String { joinedList.joined(separator: " ") }
        /// Each joined word with the length (in bytes) of its first word.
        var joinedPairs: [(word: String, firstLength: Int)] { zip(joinedList, titleList).map { ($0, $1.utf8.count) } }
        /// " title | body | joined ": every word between spaces, the groups kept apart so that a
        /// phrase never spans two of them (`SearchIndex.wordConditions`).
        var checkedWords: String { " " + [titleWords, bodyWords, joinedWords].joined(separator: " | ") + " " }
        /// Its facet values as the full-text index holds them (`SearchFacetTerms`).
        var facetTokens: String { facets.map { SearchFacetTerms.token(facet: $0.facet, value: $0.value) }.sorted().joined(separator: " ") }
        var facetLexemes: [String] { facets.map { SearchFacetTerms.lexeme(facet: $0.facet, value: $0.value) }.sorted() }

        /// The date the entry ranks by: its date when it starts with a year, else none, so
        /// that every dated entry holds the year lexeme of its date (`SearchIndex.byYears`).
        var sortDate: String? { SearchIndex.year(of: document.date) == nil ? nil : document.date }

        init(key: String, document: SearchDocument, kindLabels: [String: String]) {
            self.key = key
            self.document = document
            titleList = SearchText.words(document.title)
            bodyList = SearchText.words(document.body)
            joinedList = SearchText.joinedPairs(titleList)
            var facets = Set(document.facets)
            facets.insert(SearchFacetValue(facet: SearchFacet.kind.rawValue, value: document.kind, label: kindLabels[document.kind] ?? document.kind))
            if let year = SearchIndex.year(of: document.date) {
                facets.insert(SearchFacetValue(facet: SearchFacet.year.rawValue, value: year, label: year))
            }
            self.facets = facets
        }
    }

    /// Adds words to the vocabulary typos are corrected against (a word stays after its last
    /// record goes: a correction to it then finds nothing, which is harmless), and which a word
    /// being typed completes to. A title's neighbouring words written together ("deblasio") are
    /// kept with the length of the first (`joined_after`), unless some title or body holds the
    /// word itself: a prefix no longer than that first word starts the first word too, so the
    /// joined word adds nothing to its completions (`completions(of:)`).
    func remember(words: Set<String>, joined: [(word: String, firstLength: Int)] = []) async throws {
        for chunk in words.filter({ $0.count >= 4 }).sorted().chunked(into: 400) {
            try await sql.raw("INSERT INTO search_words (word) VALUES " + SQLQueryString.list(chunk) { "(\(bind: $0))" }
                + " ON CONFLICT (word) DO UPDATE SET joined_after = NULL WHERE search_words.joined_after IS NOT NULL").run()
        }
        // The shortest first word of each joined word, and one row per word in a statement (an
        // upsert may not touch a row twice).
        var shortest: [String: Int] = [:]
        for (word, length) in joined where word.count >= 4 && !words.contains(word) { shortest[word] = min(shortest[word] ?? .max, length) }
        for chunk in shortest.keys.sorted().chunked(into: 400) {
            try await sql.raw("INSERT INTO search_words (word, joined_after) VALUES " + SQLQueryString.list(chunk) { "(\(bind: $0), \(bind: shortest[$0]!))" }
                // A word of some text (NULL) stays one; a shorter first word is kept.
                + " ON CONFLICT (word) DO UPDATE SET joined_after = excluded.joined_after WHERE search_words.joined_after > excluded.joined_after").run()
        }
    }

    /// Keeps the current name of each facet value (a renamed city is found by its new name).
    func name(_ values: Set<SearchFacetValue>) async throws {
        // One row per facet value in a statement: an upsert may not touch a row twice.
        var latest: [String: SearchFacetValue] = [:]
        for value in values { latest[value.facet + "\u{0}" + value.value] = value }
        for chunk in latest.keys.sorted().map({ latest[$0]! }).chunked(into: 200) {
            try await sql.raw("INSERT INTO search_names (facet, value, label, words) VALUES "
                + SQLQueryString.list(chunk) { "(\(bind: $0.facet), \(bind: $0.value), \(bind: $0.label), \(bind: SearchText.indexed($0.label)))" }
                + " ON CONFLICT (facet, value) DO UPDATE SET label = excluded.label, words = excluded.words").run()
        }
    }

    /// Removes the entries of these keys (`kind:id`).
    func remove(keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        if !isPostgres {
            try await sql.raw("DELETE FROM search_text WHERE rowid IN (SELECT rowid FROM search_entries WHERE key IN (\(binds: keys)))").run()
            try await sql.raw("DELETE FROM search_titles WHERE rowid IN (SELECT rowid FROM search_entries WHERE key IN (\(binds: keys)))").run()
        }
        try await sql.raw("DELETE FROM search_facets WHERE key IN (\(binds: keys))").run()
        try await sql.raw("DELETE FROM search_entries WHERE key IN (\(binds: keys))").run()
    }

    /// The keys of the entries of a kind whose record has one of these ids or slugs.
    func keys(kind: String, recordKeys: [String]) async throws -> [String] {
        guard !recordKeys.isEmpty else { return [] }
        return try await sql.raw("""
            SELECT key FROM search_entries WHERE kind = \(bind: kind) AND (record_id IN (\(binds: recordKeys)) OR slug IN (\(binds: recordKeys)))
            """).all().map { try $0.decode(column: "key", as: String.self) }
    }

    /// The keys of every entry of a kind.
    func keys(kind: String) async throws -> [String] {
        try await sql.raw("SELECT key FROM search_entries WHERE kind = \(bind: kind)").all().map { try $0.decode(column: "key", as: String.self) }
    }

    /// How much of a record's text is kept for snippets (all of it is indexed).
    static let keptBodyCharacters = 4_000
}

/// The facets results are counted by.
enum SearchFacet: String, CaseIterable, Sendable {
    case kind, topic, country, city, year

    /// Facets whose values a query may name by their label.
    static let named: Set<String> = [SearchFacet.topic.rawValue, SearchFacet.country.rawValue, SearchFacet.city.rawValue]

    var label: String {
        switch self {
        case .kind: "Kind"
        case .topic: "Topic"
        case .country: "Country"
        case .city: "City"
        case .year: "Year"
        }
    }
}
