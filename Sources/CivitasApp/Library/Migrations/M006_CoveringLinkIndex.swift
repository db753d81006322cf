import FluentKit
import SQLKit

/// "Which library records link to this one" (a person's, place's or event's library section)
/// starts from the links that point at the record. With an index on the target that lacked the
/// linking record's id, SQLite preferred to walk every link of the kind, or every published
/// record in list order, probing each: cheap in the demo, a scan of the whole table at scale.
/// The index now holds the linking id too, so the links of one target are read from it alone.
struct M006_CoveringLinkIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "library_links_target").run()
        try await TableIndex.create([("library_links_target", "library_links", ["target_id", "field", "subject_kind", "subject_id"])], on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "library_links_target").run()
        try await TableIndex.create([("library_links_target", "library_links", ["target_id", "field", "subject_kind"])], on: database)
    }
}
