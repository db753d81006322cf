import FluentKit
import SQLKit

/// Indexes that let a page stop after the rows it shows, at 1,000,000 records as in the demo.
/// Without them SQLite read a practice's adaptations through the index of published titles,
/// probing every published practice (0.2 s a practice page), and the home page's featured news
/// and latest practices by walking the whole table (0.9 s and 0.3 s): each filter now comes
/// first in an index that holds the order its list is shown in.
struct M008_IndexesForPagesAtScale: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("practices_adapted_from_order", "practices", #""adapted_from_id", "published", "title", "id""#),
        ("practices_recent", "practices", #""published", "created_at" DESC, "title""#),
        ("news_items_featured_order", "news_items", #""featured", "published", "published_on" DESC"#),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // The adaptations' own index is replaced by one that also holds their order.
        try await sql.drop(index: "practices_adapted_from").run()
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX \(ident: index.name) ON \(ident: index.table) (\(unsafeRaw: index.columns))").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await TableIndex.drop(Self.indexes.map(\.name), on: database)
        try await TableIndex.create([("practices_adapted_from", "practices", ["adapted_from_id"])], on: database)
    }
}
