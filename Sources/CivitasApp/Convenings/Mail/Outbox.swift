import Foundation
import SQLKit

/// A mail waiting in the outbox. Mails are written in the transaction of the change they
/// announce, so a registration and its confirmation are saved together or not at all,
/// and a restart loses none: delivery picks up whatever is still pending.
struct OutgoingMail: Sendable, Equatable {
    var recipient: String
    var subject: String
    var body: String
    /// An iCalendar document attached as `invite.ics`.
    var calendar: String?
    var eventID: String?
}

enum Outbox {
    static func enqueue(_ mail: OutgoingMail, on sql: any SQLDatabase, now: Date) async throws {
        try await sql.insert(into: "outbox")
            .columns("id", "recipient", "subject", "body", "calendar", "event_id", "status", "attempts", "created_at")
            .values(SQLBind(UUID().uuidString.lowercased()), SQLBind(mail.recipient), SQLBind(mail.subject), SQLBind(mail.body),
                    SQLBind(mail.calendar), SQLBind(mail.eventID), SQLBind("pending"), SQLBind(0), SQLBind(now))
            .run()
    }

    struct Pending: Sendable {
        let id: String
        let mail: OutgoingMail
        let attempts: Int
        let createdAt: Date
    }

    /// Takes a pending mail for sending; false when another sender took it first.
    /// A claim older than ten minutes (a sender that died mid-way) may be taken again.
    static func claim(_ id: String, on sql: any SQLDatabase, now: Date) async throws -> Bool {
        try await sql.raw("""
            UPDATE outbox SET claimed_at = \(bind: now) WHERE id = \(bind: id) AND status = 'pending'
            AND (claimed_at IS NULL OR claimed_at < \(bind: now.addingTimeInterval(-600))) RETURNING id
            """).first() != nil
    }

    static func pending(on sql: any SQLDatabase, limit: Int = 50) async throws -> [Pending] {
        try await sql.select().columns("id", "recipient", "subject", "body", "calendar", "event_id", "attempts", "created_at")
            .from("outbox").where("status", .equal, SQLBind("pending")).orderBy("created_at").orderBy("id").limit(limit).all()
            .map { row in
                Pending(id: try row.decode(column: "id", as: String.self),
                        mail: OutgoingMail(recipient: try row.decode(column: "recipient", as: String.self),
                                           subject: try row.decode(column: "subject", as: String.self),
                                           body: try row.decode(column: "body", as: String.self),
                                           calendar: try row.decode(column: "calendar", as: String?.self),
                                           eventID: try row.decode(column: "event_id", as: String?.self)),
                        attempts: try row.decode(column: "attempts", as: Int.self),
                        createdAt: try row.decode(column: "created_at", as: Date.self))
            }
    }

    static func markSent(_ id: String, on sql: any SQLDatabase, now: Date) async throws {
        try await sql.update("outbox").set("status", to: SQLBind("sent")).set("sent_at", to: SQLBind(now))
            .set("attempts", to: SQLRaw("attempts + 1")).where("id", .equal, SQLBind(id)).run()
    }

    /// A failed attempt; after `maxAttempts` the mail is set aside as failed for staff to see.
    static func markFailed(_ id: String, error: String, attempts: Int, on sql: any SQLDatabase) async throws {
        let status = attempts + 1 >= maxAttempts ? "failed" : "pending"
        try await sql.update("outbox").set("status", to: SQLBind(status)).set("claimed_at", to: SQLLiteral.null).set("last_error", to: SQLBind(String(error.prefix(500))))
            .set("attempts", to: SQLBind(attempts + 1)).where("id", .equal, SQLBind(id)).run()
    }

    static let maxAttempts = 5
}
