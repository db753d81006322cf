import FluentKit

/// Files people upload (a report's PDF), kept in the database by the SHA-256 of their bytes:
/// every Civitas process behind a load balancer serves the same files without a shared disk,
/// a backup of the database holds them, and the same file uploaded twice is kept once.
struct P002_CreateStoredFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredFiles.table)
            .field("hash", .string, .identifier(auto: false))
            .field("content", .data, .required)
            .field("size", .int64, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredFiles.table).delete()
    }
}
