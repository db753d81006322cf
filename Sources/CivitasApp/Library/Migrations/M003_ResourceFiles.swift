import FluentKit

/// A resource's uploaded file: the hash of its bytes in Platform's stored files, the name it
/// was uploaded with, its type as its bytes showed it, and its size.
struct M003_ResourceFiles: AsyncMigration {
    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("file_hash", .string), ("file_name", .string), ("file_type", .string), ("file_size", .int64),
    ]

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        for (name, type) in Self.columns { try await database.schema("resources").field(.string(name), type).update() }
    }

    func revert(on database: any Database) async throws {
        for (name, _) in Self.columns.reversed() { try await database.schema("resources").deleteField(.string(name)).update() }
    }
}
