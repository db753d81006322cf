import FluentKit

/// Sessions known only by their day: a `schedule` of `times` (the default, for every session
/// saved before) or `day`; and events whose dates are approximate say why (`dates_note`).
struct M003_SessionDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema("event_sessions").field("schedule", .string, .required, .sql(.default("times"))).update()
        try await database.schema("event_sessions").field("position", .int64, .required, .sql(.default(0))).update()
        try await database.schema("events").field("dates_note", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("event_sessions").deleteField("position").update()
        try await database.schema("event_sessions").deleteField("schedule").update()
        try await database.schema("events").deleteField("dates_note").update()
    }
}
