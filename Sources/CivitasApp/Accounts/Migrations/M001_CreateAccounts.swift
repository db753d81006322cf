import FluentKit

/// Accounts, their sessions (in the database, so several processes share them), API
/// tokens (stored hashed), the audit log, and the record of sign-in attempts that
/// rate-limits password guessing across processes.
struct M001_CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("id", .string, .identifier(auto: false))
            .field("email", .string, .required).unique(on: "email")
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("disabled", .bool, .required, .sql(.default(false)))
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema("sessions")
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .string, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()

        try await database.schema("api_tokens")
            .field("id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("token_hash", .string, .required).unique(on: "token_hash")
            .field("scopes", .string, .required)
            .field("created_by", .string, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .create()

        try await database.schema("audit_events")
            .field("id", .string, .identifier(auto: false))
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject_kind", .string, .required)
            .field("subject_id", .string, .required)
            .field("summary", .string, .required)
            .field("changes", .string, .required)
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema("sign_in_attempts")
            .field("id", .string, .identifier(auto: false))
            .field("email", .string, .required)
            .field("client", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["sign_in_attempts", "audit_events", "api_tokens", "sessions", "users"] {
            try await database.schema(table).delete()
        }
    }
}
