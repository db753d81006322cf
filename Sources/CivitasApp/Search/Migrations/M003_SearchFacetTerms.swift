import FluentKit
import SQLKit

/// Facet values in the full-text index (`SearchFacetTerms`) and in each entry's row, and on
/// SQLite the entry's columns reordered so that what every match is read for comes first.
///
/// SQLite keeps the start of a long row in its table page and the rest in a chain of overflow
/// pages, read in turn to reach a later column. An entry's body and words run to kilobytes, and
/// `is_public` and `sample_order` came after them, so checking a thousand matches read three
/// or four pages each. The table is made anew with the few columns a search reads for every
/// match first and the body and words last. PostgreSQL keeps long values apart by itself (TOAST).
///
/// The index is rebuilt to fill the new columns (on a large network this takes as long as
/// `civitas search reindex`) by the last migration that changes its shape, `M005_JoinedWords`,
/// as it was here before that one was written.
struct M003_SearchFacetTerms: AsyncMigration {
    let services: AppServices

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE search_entries ADD COLUMN facet_values TEXT NOT NULL DEFAULT ''").run()
        } else {
            // The entries are indexed again below, so the old table's rows are not copied.
            try await sql.raw("DROP TABLE search_entries").run()
            try await sql.raw("""
                CREATE TABLE search_entries (
                    key TEXT PRIMARY KEY, is_public BOOLEAN NOT NULL, sample_order BIGINT NOT NULL DEFAULT 0, kind TEXT NOT NULL,
                    sort_date TEXT, title_words TEXT NOT NULL, facet_values TEXT NOT NULL DEFAULT '',
                    record_id TEXT NOT NULL, slug TEXT, path TEXT NOT NULL, facts TEXT, title TEXT NOT NULL, body TEXT NOT NULL,
                    words TEXT NOT NULL DEFAULT '')
                """).run()
            try await sql.raw("CREATE INDEX search_entries_record ON search_entries (kind, record_id)").run()
            try await sql.raw("CREATE INDEX search_entries_slug ON search_entries (kind, slug)").run()
            try await sql.raw("CREATE INDEX search_entries_rank ON search_entries (is_public, COALESCE(sort_date, '') DESC, title_words, key)").run()
            try await Self.makeTextTable(columns: "title, body, joined, facets", on: sql)
        }
        // Emptied, so that M005 rebuilds it in its latest shape.
        try await sql.raw("DELETE FROM search_entries").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE search_entries DROP COLUMN facet_values").run()
        } else {
            // The columns stay in their new order; the earlier version's `civitas search reindex`
            // fills the table again.
            try await Self.makeTextTable(columns: "title, body, joined", on: sql)
        }
    }

    /// `search_text` made anew (FTS5 adds no columns to a table that exists).
    private static func makeTextTable(columns: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE search_text").run()
        try await sql.raw("CREATE VIRTUAL TABLE search_text USING fts5(\(unsafeRaw: columns), tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')").run()
    }
}
