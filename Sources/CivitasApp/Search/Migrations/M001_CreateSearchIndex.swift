import FluentKit
import SQLKit

/// The search index: one entry per public record (what a result shows, its date and the
/// normalised words of its title), the values it is counted under in each facet, every word
/// indexed (to correct typos against), and the full-text index of its words: an FTS5 table on SQLite, a `tsvector` with a GIN index on
/// PostgreSQL. Words are normalised in Swift before they are stored (`SearchText`), so both
/// databases index the same words. Records are indexed by `M005_JoinedWords` (a
/// database that had records before search existed); a new database is indexed when its demo loads.
struct M001_CreateSearchIndex: AsyncMigration {
    let services: AppServices

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let isPostgres = sql.dialect.name == "postgresql"
        try await sql.raw("""
            CREATE TABLE search_entries (
                key TEXT PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL, slug TEXT,
                title TEXT NOT NULL, body TEXT NOT NULL, path TEXT NOT NULL, facts TEXT, sort_date TEXT,
                title_words TEXT NOT NULL, is_public BOOLEAN NOT NULL
            """ + (isPostgres ? ", document TSVECTOR NOT NULL)" : ")")).run()
        try await sql.raw("""
            CREATE TABLE search_facets (
                key TEXT NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL,
                PRIMARY KEY (key, facet, value))
            """).run()
        try await sql.raw("CREATE INDEX search_facets_value ON search_facets (facet, value, key)").run()
        // Every word indexed, so that a word no record holds can be corrected to one that is.
        try await sql.raw("CREATE TABLE search_words (word TEXT PRIMARY KEY)").run()
        // The names of facet values (cities, topics, countries) as normalised words, so that a
        // query naming one ("housing milwaukee") can be offered it as a filter.
        try await sql.raw("CREATE TABLE search_names (facet TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL, words TEXT NOT NULL, PRIMARY KEY (facet, value))").run()
        try await sql.raw("CREATE INDEX search_names_words ON search_names (words)").run()
        try await sql.raw("CREATE INDEX search_entries_record ON search_entries (kind, record_id)").run()
        try await sql.raw("CREATE INDEX search_entries_slug ON search_entries (kind, slug)").run()
        if isPostgres {
            try await sql.raw("CREATE INDEX search_entries_document ON search_entries USING GIN (document)").run()
        } else {
            // Words arrive folded; prefixes of two and three letters get their own index.
            // `joined`: the title's neighbouring words written together ("deblasio").
            try await sql.raw("CREATE VIRTUAL TABLE search_text USING fts5(title, body, joined, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')").run()
        }
        // The records are indexed by M005, once the index has its latest shape.
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ["search_text", "search_names", "search_words", "search_facets", "search_entries"] {
            try await sql.drop(table: table).ifExists().run()
        }
    }
}
