import FluentKit
import SQLKit

/// API tokens may expire; sign-in attempts are counted by account and by address, so they
/// are indexed that way.
struct M002_TokenExpiryAndAttemptIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens").field("expires_at", .datetime).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sign_in_attempts_email").on("sign_in_attempts").column("email").column("attempted_at").run()
        try await sql.create(index: "sign_in_attempts_client").on("sign_in_attempts").column("client").column("attempted_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "sign_in_attempts_email").run()
        try await sql.drop(index: "sign_in_attempts_client").run()
        try await database.schema("api_tokens").deleteField("expires_at").update()
    }
}
