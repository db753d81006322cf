import FluentKit
import SQLKit

/// Events with their parties, programme, quotes and resources; registrations and
/// invitations. (Databases made before Platform kept the mail outbox also held an `outbox` table here; M002 moves it.) Times are UTC `datetime`
/// columns; each event keeps its IANA zone to show them in.
struct M001_CreateConvenings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("summary", .string)
            .field("description", .string)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("time_zone", .string, .required)
            // times, days or month (EventSchedule). Whole days are stored from midnight to the
            // midnight after the last day, a month from its first midnight to the next month's.
            .field("schedule", .string, .required, .sql(.default("times")))
            .field("attendance_mode", .string, .required)
            .field("venue", .string)
            .field("area_id", .string, .references("areas", "id"))
            .field("online_url", .string)
            .field("series", .string)
            .field("parent_id", .string, .references("events", "id"))
            .field("status", .string, .required)
            .field("registration_mode", .string, .required)
            .field("capacity", .int64)
            .field("registration_opens_at", .datetime)
            .field("registration_closes_at", .datetime)
            .field("participants_public", .bool, .required, .sql(.default(false)))
            .field("highlights", .string)
            .field("attendance_count", .int64)
            // Raised on every change, so calendars that hold the event replace it (RFC 5545 SEQUENCE).
            .field("sequence", .int64, .required, .sql(.default(0)))
            .field("published", .bool, .required, .sql(.default(true)))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("event_parties")
            .field("event_id", .string, .required, .references("events", "id"))
            .field("role", .string, .required)
            .field("party_kind", .string, .required)
            .field("party_id", .string, .required)
            .field("position", .int64, .required)
            .unique(on: "event_id", "role", "party_kind", "party_id")
            .create()

        try await database.schema("event_sessions")
            .field("id", .string, .identifier(auto: false))
            .field("event_id", .string, .required, .references("events", "id"))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("room", .string)
            .field("description", .string)
            .field("questions", .string)
            .field("speakers_published", .bool, .required, .sql(.default(true)))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("session_people")
            .field("session_id", .string, .required, .references("event_sessions", "id"))
            .field("person_id", .string, .required, .references("people", "id"))
            .field("role", .string, .required)
            .field("position", .int64, .required)
            .unique(on: "session_id", "person_id", "role")
            .create()

        try await database.schema("event_quotes")
            .field("id", .string, .identifier(auto: false))
            .field("event_id", .string, .required, .references("events", "id"))
            .field("person_id", .string, .references("people", "id"))
            .field("session_id", .string, .references("event_sessions", "id"))
            .field("text", .string, .required)
            .field("position", .int64, .required)
            .create()

        try await database.schema("event_resources")
            .field("id", .string, .identifier(auto: false))
            .field("event_id", .string, .required, .references("events", "id"))
            .field("title", .string, .required)
            .field("url", .string, .required)
            .field("position", .int64, .required)
            .create()

        try await database.schema("registrations")
            .field("id", .string, .identifier(auto: false))
            .field("event_id", .string, .required, .references("events", "id"))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("organization", .string)
            .field("role", .string, .required)
            .field("status", .string, .required)
            // Arrival order within the event: the waiting list is promoted in this order.
            .field("queue_number", .int64, .required)
            .field("listed", .bool, .required)
            .field("attended", .bool, .required, .sql(.default(false)))
            // SHA-256 of the personal link's secret; the secret itself is only ever mailed.
            .field("token_hash", .string, .required).unique(on: "token_hash")
            .field("invitation_id", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("invitations")
            .field("id", .string, .identifier(auto: false))
            .field("event_id", .string, .required, .references("events", "id"))
            .field("email", .string, .required)
            .field("name", .string)
            .field("role", .string, .required)
            .field("token_hash", .string, .required).unique(on: "token_hash")
            .field("used_at", .datetime)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()

        let sql = database as! any SQLDatabase
        for (name, table, columns) in [
            ("events_starts_at", "events", ["starts_at"]),
            ("events_parent", "events", ["parent_id"]),
            ("event_parties_party", "event_parties", ["party_kind", "party_id"]),
            ("event_sessions_event", "event_sessions", ["event_id", "starts_at"]),
            ("session_people_person", "session_people", ["person_id"]),
            ("event_quotes_event", "event_quotes", ["event_id"]),
            ("registrations_event_status", "registrations", ["event_id", "status", "queue_number"]),
            ("registrations_event_email", "registrations", ["event_id", "email"]),
            ("invitations_event", "invitations", ["event_id"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        // Event resources are dropped once handed over (`EventResourcesHandover`).
        try await (database as! any SQLDatabase).drop(table: EventResourcesHandover.table).ifExists().run()
        for table in ["invitations", "registrations", "event_quotes", "session_people",
                      "event_sessions", "event_parties", "events"] {
            try await database.schema(table).delete()
        }
    }
}
