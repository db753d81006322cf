import FluentKit
import SQLKit

/// The titles' own full-text index (`search_titles`, SQLite) holds each entry's facet values
/// too, as the whole-text index does (`SearchFacetTerms`), so that the titles holding a query
/// under chosen facets (or under a city or topic the query names) are the intersection of
/// title-only lists with the values' lists. Without them, the titles came from the whole-text
/// index's title column, whose lists hold every word anywhere in an entry: at 1,000,000 records
/// `q=city&kind=practice&topic=housing` checked the columns of 14,000 matches (38 ms).
///
/// A database indexed before (its entries are there) has its titles' index copied with the
/// values from the whole-text index, in one statement; one with no entries yet (new, or whose
/// records came before search) is indexed by the last migration that changes the index's
/// shape (`M005_JoinedWords`). PostgreSQL's titles' vector gains them in `M006_TitleDocumentFacets`.
struct M004_SearchTitleFacets: AsyncMigration {

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name != "postgresql" {
            try await Self.remakeTitles(columns: "title, facets", from: "SELECT t.rowid, t.title, x.facets FROM search_titles t JOIN search_text x ON x.rowid = t.rowid", on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name != "postgresql" else { return }
        try await Self.remakeTitles(columns: "title", from: "SELECT rowid, title FROM search_titles", on: sql)
    }

    /// `search_titles` made anew with `columns`, filled by `select` (rowid first, then the
    /// columns): FTS5 adds no columns to a table that exists.
    private static func remakeTitles(columns: String, from select: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE VIRTUAL TABLE search_titles_remade USING fts5(\(unsafeRaw: columns), tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')").run()
        try await sql.raw("INSERT INTO search_titles_remade (rowid, \(unsafeRaw: columns)) " + SQLQueryString(select)).run()
        try await sql.raw("DROP TABLE search_titles").run()
        try await sql.raw("ALTER TABLE search_titles_remade RENAME TO search_titles").run()
    }
}
