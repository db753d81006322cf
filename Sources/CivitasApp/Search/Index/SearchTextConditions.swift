import CivitasCore
import SQLKit

/// Lists' `?q=` answered by the index: the ids of the public records of a kind whose words
/// match, as the search page reads the text (typos forgiven the same way).
struct SearchTextConditions: RecordTextSearch {
    let services: AppServices

    func condition(kind: String, text: String, idColumn: String) async throws -> SQLQueryString? {
        let indexed = services.site.searchKinds.contains(kind)
        let query = SearchQuery(parsing: text)
        guard indexed, !query.isEmpty else { return nil }
        let index = SearchIndex.reading(services.database)
        let corrections = try await index.corrections(of: query)
        if index.isPostgres {
            return "\(ident: idColumn) IN (SELECT e.record_id FROM search_entries e WHERE e.kind = \(bind: kind) AND e.is_public = \(bind: true) AND e.document @@ to_tsquery('simple', \(bind: SearchIndex.tsquery(query, corrections: corrections))))"
        }
        return "\(ident: idColumn) IN (SELECT e.record_id FROM search_text JOIN search_entries e ON e.rowid = search_text.rowid WHERE search_text MATCH \(bind: SearchIndex.fts5Text(query, corrections: corrections)) AND e.kind = \(bind: kind) AND e.is_public = \(bind: true))"
    }
}
