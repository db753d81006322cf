import FluentKit
import Foundation
import SQLKit

/// Databases made before the outbox moved to Platform kept mail in `outbox`, with the .ics in
/// a `calendar` column and an `event_id`. Their mails move to Platform's `mail_outbox` (the
/// .ics as an attachment, the event as what the mail is about) and the old table goes.
/// On a database made after the move there is nothing to do.
struct M002_MoveOutboxToPlatform: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard try await Self.tableExists("outbox", on: sql) else { return }
        let rows = try await sql.raw("""
            SELECT id, recipient, subject, body, calendar, event_id, status, attempts, last_error, claimed_at, created_at, sent_at FROM outbox
            """).all()
        for row in rows {
            let calendar = try row.decode(column: "calendar", as: String?.self)
            let attachments = calendar.map { [MailAttachment(filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: $0)] } ?? []
            let eventID = try row.decode(column: "event_id", as: String?.self)
            try await sql.insert(into: Outbox.table)
                .columns("id", "recipient", "subject", "body", "attachments", "about_kind", "about_id", "status", "attempts",
                         "last_error", "claimed_at", "created_at", "sent_at")
                .values(SQLBind(try row.decode(column: "id", as: String.self)), SQLBind(try row.decode(column: "recipient", as: String.self)),
                        SQLBind(try row.decode(column: "subject", as: String.self)), SQLBind(try row.decode(column: "body", as: String.self)),
                        SQLBind(try Outbox.encode(attachments)), SQLBind(eventID.map { _ in EventTopics.event }), SQLBind(eventID),
                        SQLBind(try row.decode(column: "status", as: String.self)), SQLBind(try row.decode(column: "attempts", as: Int.self)),
                        SQLBind(try row.decode(column: "last_error", as: String?.self)), SQLBind(try row.decode(column: "claimed_at", as: Date?.self)),
                        SQLBind(try row.decode(column: "created_at", as: Date.self)), SQLBind(try row.decode(column: "sent_at", as: Date?.self)))
                .run()
        }
        try await sql.drop(table: "outbox").run()
    }

    /// The mails stay in Platform's outbox: they are no longer the convenings' to take back.
    func revert(on database: any Database) async throws {}

    static func tableExists(_ name: String, on sql: any SQLDatabase) async throws -> Bool {
        switch sql.dialect.name {
        case "sqlite":
            return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)").first() != nil
        default:
            return try await sql.raw("SELECT to_regclass(\(bind: name)) IS NOT NULL AS present").first()?.decode(column: "present", as: Bool.self) ?? false
        }
    }
}
