import FluentKit
import SQLKit

/// PostgreSQL's titles' vector (`title_document`) holds each entry's facet values too, as
/// `M004_SearchTitleFacets` made SQLite's titles' index do: the titles holding a query under
/// chosen values (or under a city or topic the query names) are then found in the GIN index,
/// instead of each title holding the words being probed for its facets (`q=budget` under two
/// kinds and a topic at 1,000,000 records: 40,000 titles, 790 ms).
///
/// The values are read from the entry's own `facet_values` (facet, value and label apart by
/// unit separators, values apart by record separators), in one statement. SQLite's titles
/// already hold them.
struct M006_TitleDocumentFacets: AsyncMigration {

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("""
            UPDATE search_entries SET title_document = to_tsvector('simple', title_words) || array_to_tsvector(ARRAY(
                SELECT DISTINCT '=' || split_part(v, chr(31), 1) || '=' || split_part(v, chr(31), 2)
                FROM unnest(string_to_array(facet_values, chr(30))) AS v WHERE v <> ''))
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("UPDATE search_entries SET title_document = to_tsvector('simple', title_words)").run()
    }
}
