import FluentKit
import SQLKit

/// Each entry's place in a fixed shuffled order of the whole index (`sample_order`, a hash of
/// its key; on SQLite also its rowid, so the full-text index lists matches in that order). The
/// first matches in that order are a fair sample of all of them: a search that matches more
/// than `SearchIndex.exactCountLimit` records counts and facets that sample and scales up,
/// instead of reading every match.
struct M002_SearchSampleOrder: AsyncMigration {
    let services: AppServices

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE search_entries ADD COLUMN sample_order BIGINT NOT NULL DEFAULT 0").run()
        if sql.dialect.name != "postgresql" {
            // The entry's normalised words (title, body and joined title words, the groups apart),
            // for checking one entry against a query: FTS5 answers that for one row in
            // milliseconds, a LIKE over these in microseconds. PostgreSQL checks the row's tsvector.
            try await sql.raw("ALTER TABLE search_entries ADD COLUMN words TEXT NOT NULL DEFAULT ''").run()
        }
        // Pages of a search with many matches are read in rank order (`SearchIndex+ranking`):
        // newest first, then title and key compared byte by byte.
        if sql.dialect.name == "postgresql" {
            try await sql.raw("CREATE INDEX search_entries_sample ON search_entries (sample_order)").run()
            // Titles' words on their own, so that records whose title holds a common word are
            // found without reading every record that holds it anywhere (SQLite: `search_titles`).
            try await sql.raw("ALTER TABLE search_entries ADD COLUMN title_document TSVECTOR NOT NULL DEFAULT ''::tsvector").run()
            try await sql.raw("CREATE INDEX search_entries_title_document ON search_entries USING GIN (title_document)").run()
            try await sql.raw(#"CREATE INDEX search_entries_rank ON search_entries (is_public, (COALESCE(sort_date, '') COLLATE "C") DESC, title_words COLLATE "C", key COLLATE "C")"#).run()
        } else {
            try await sql.raw("CREATE INDEX search_entries_rank ON search_entries (is_public, COALESCE(sort_date, '') DESC, title_words, key)").run()
            try await sql.raw("CREATE VIRTUAL TABLE search_titles USING fts5(title, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')").run()
        }
        // The index is rebuilt by the last migration that changes its shape (`M005_JoinedWords`),
        // which runs after this one: the indexer writes the columns of the latest shape.
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX IF EXISTS search_entries_rank").run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE search_entries DROP COLUMN title_document").run()
        } else {
            try await sql.raw("DROP TABLE IF EXISTS search_titles").run()
        }
        try await sql.raw("DROP INDEX IF EXISTS search_entries_sample").run()
        try await sql.raw("ALTER TABLE search_entries DROP COLUMN sample_order").run()
        if sql.dialect.name != "postgresql" { try await sql.raw("ALTER TABLE search_entries DROP COLUMN words").run() }
    }
}
