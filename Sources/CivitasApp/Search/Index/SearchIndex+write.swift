import CivitasCore
import SQLKit

/// The search index's tables, written through one connection (a transaction's, to index a
/// whole database at once, or the writer's after a change).
struct SearchIndex: Sendable {
    let sql: any SQLDatabase

    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    static func key(kind: String, id: String) -> String { "\(kind):\(id)" }

    /// Adds these documents, replacing any entry of the same records.
    func replace(_ documents: [SearchDocument], kindLabels: [String: String]) async throws {
        for document in documents {
            let key = Self.key(kind: document.kind, id: document.id)
            try await remove(keys: [key])
            let titleList = SearchText.words(document.title)
            let bodyList = SearchText.words(document.body)
            let joinedList = SearchText.joinedPairs(titleList)
            let titleWords = titleList.joined(separator: " ")
            let bodyWords = bodyList.joined(separator: " ")
            let joinedWords = joinedList.joined(separator: " ")
            // A draft's words are not remembered: corrections offered to the public must be words
            // it can find.
            if document.isPublic { try await remember(words: Set(titleList + bodyList + joinedList)) }
            let body = String(document.body.prefix(Self.keptBodyCharacters))
            if isPostgres {
                try await sql.raw("""
                    INSERT INTO search_entries (key, kind, record_id, slug, title, body, path, facts, sort_date, title_words, is_public, document)
                    VALUES (\(bind: key), \(bind: document.kind), \(bind: document.id), \(bind: document.slug), \(bind: document.title),
                            \(bind: body), \(bind: document.path), \(bind: document.facts), \(bind: document.date), \(bind: titleWords),
                            \(bind: document.isPublic),
                            setweight(to_tsvector('simple', \(bind: titleWords)), 'A') || setweight(to_tsvector('simple', \(bind: bodyWords)), 'B')
                            || setweight(to_tsvector('simple', \(bind: joinedWords)), 'C'))
                    """).run()
            } else {
                try await sql.raw("""
                    INSERT INTO search_entries (key, kind, record_id, slug, title, body, path, facts, sort_date, title_words, is_public)
                    VALUES (\(bind: key), \(bind: document.kind), \(bind: document.id), \(bind: document.slug), \(bind: document.title),
                            \(bind: body), \(bind: document.path), \(bind: document.facts), \(bind: document.date), \(bind: titleWords),
                            \(bind: document.isPublic))
                    """).run()
                try await sql.raw("""
                    INSERT INTO search_text (rowid, title, body, joined)
                    SELECT rowid, \(bind: titleWords), \(bind: bodyWords), \(bind: joinedWords) FROM search_entries WHERE key = \(bind: key)
                    """).run()
            }
            var facets = Set(document.facets)
            facets.insert(SearchFacetValue(facet: SearchFacet.kind.rawValue, value: document.kind, label: kindLabels[document.kind] ?? document.kind))
            if let year = document.date?.prefix(4), year.count == 4, Int(year) != nil {
                facets.insert(SearchFacetValue(facet: SearchFacet.year.rawValue, value: String(year), label: String(year)))
            }
            for facet in facets {
                try await sql.raw("""
                    INSERT INTO search_facets (key, facet, value, label) VALUES (\(bind: key), \(bind: facet.facet), \(bind: facet.value), \(bind: facet.label))
                    """).run()
            }
            if document.isPublic { try await name(facets.filter { SearchFacet.named.contains($0.facet) }) }
        }
    }

    /// Adds words to the vocabulary typos are corrected against (a word stays after its last
    /// record goes: a correction to it then finds nothing, which is harmless).
    func remember(words: Set<String>) async throws {
        let sorted = words.filter { $0.count >= 4 }.sorted()
        var start = 0
        while start < sorted.count {
            let chunk = sorted[start..<min(start + 400, sorted.count)]
            start += chunk.count
            let values = chunk.enumerated().reduce(into: SQLQueryString("")) { list, item in
                if item.offset > 0 { list += ", " }
                list += "(\(bind: item.element))"
            }
            try await sql.raw("INSERT INTO search_words (word) VALUES " + values + " ON CONFLICT (word) DO NOTHING").run()
        }
    }

    /// Keeps the current name of each facet value (a renamed city is found by its new name).
    func name(_ values: Set<SearchFacetValue>) async throws {
        for value in values {
            try await sql.raw("""
                INSERT INTO search_names (facet, value, label, words) VALUES (\(bind: value.facet), \(bind: value.value), \(bind: value.label), \(bind: SearchText.indexed(value.label)))
                ON CONFLICT (facet, value) DO UPDATE SET label = excluded.label, words = excluded.words
                """).run()
        }
    }

    /// Removes the entries of these keys (`kind:id`).
    func remove(keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        if !isPostgres {
            try await sql.raw("DELETE FROM search_text WHERE rowid IN (SELECT rowid FROM search_entries WHERE key IN (\(binds: keys)))").run()
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
