import FluentKit
import SQLKit

/// An organization's page lists its published sub-organizations by name. Without an index on
/// the parent, SQLite walked every organization in name order to find them; this one holds the
/// parent, then the list's order.
struct M003_SubOrganizationIndex: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("organizations_parent_order", "organizations", ["parent_id", "published", "name"]),
    ]

    func prepare(on database: any Database) async throws {
        try await TableIndex.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}
