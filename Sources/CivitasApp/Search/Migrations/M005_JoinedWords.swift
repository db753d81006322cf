import FluentKit
import SQLKit

/// Which words of the vocabulary exist only as a title's neighbouring words written together,
/// and how long the first of them is (`SearchIndex.remember(words:joined:)`), so that a word
/// being typed completes to them only when it runs past that first word.
///
/// Words already there stay as words of some text (NULL), which completes to them as before;
/// `civitas search reindex` fills the column for them. The last migration that changes the
/// index's shape: a database with no entries yet (new, or whose records came before search) is
/// indexed here.
struct M005_JoinedWords: AsyncMigration {
    let services: AppServices

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE search_words ADD COLUMN joined_after INTEGER").run()
        if try await sql.raw("SELECT key FROM search_entries LIMIT 1").first() == nil {
            try await SearchIndexer(services: services).rebuild(on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE search_words DROP COLUMN joined_after").run()
    }
}
