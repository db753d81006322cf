import FluentKit
import SQLKit

/// A place's page lists the events held there. Without an index on the event's place, SQLite
/// walked every event to find them.
struct M004_EventAreaIndex: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [("events_area", "events", ["area_id"])]

    func prepare(on database: any Database) async throws {
        try await TableIndex.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}
