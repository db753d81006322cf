import FluentKit
import SQLKit

/// Platform's own tables: which demo parts were loaded, and the mail outbox every
/// capability writes to. A mail carries its attachments (JSON) and what it is about (a kind
/// and an id), never a column of a capability's table.
///
/// Databases made before this migration already hold `demo_loads` (then created by
/// Accounts): it is kept as it is.
struct P001_CreatePlatformTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("demo_loads")
            .field("part", .string, .identifier(auto: false))
            .field("loaded_at", .datetime, .required)
            .ignoreExisting()
            .create()

        try await database.schema(Outbox.table)
            .field("id", .string, .identifier(auto: false))
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("attachments", .string)
            .field("about_kind", .string)
            .field("about_id", .string)
            .field("status", .string, .required)
            .field("attempts", .int64, .required, .sql(.default(0)))
            .field("last_error", .string)
            // Set when a sender takes the mail, so two senders never send it twice.
            .field("claimed_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "mail_outbox_status").on(Outbox.table)
            .column("status").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Outbox.table).delete()
        try await database.schema("demo_loads").delete()
    }
}
