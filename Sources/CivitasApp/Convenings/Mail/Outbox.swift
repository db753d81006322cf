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
        try await enqueue([mail], on: sql, now: now)
    }

    /// Several mails in one statement (a batch of registrations).
    static func enqueue(_ mails: [OutgoingMail], on sql: any SQLDatabase, now: Date) async throws {
        guard !mails.isEmpty else { return }
        let insert = sql.insert(into: "outbox")
            .columns("id", "recipient", "subject", "body", "calendar", "event_id", "status", "attempts", "created_at")
        for mail in mails {
            insert.values(SQLBind(UUID().uuidString.lowercased()), SQLBind(mail.recipient), SQLBind(mail.subject), SQLBind(mail.body),
                          SQLBind(mail.calendar), SQLBind(mail.eventID), SQLBind("pending"), SQLBind(0), SQLBind(now))
        }
        try await insert.run()
    }

    struct Pending: Sendable {
        let id: String
        let mail: OutgoingMail
        let attempts: Int
        let createdAt: Date
    }

    /// How long a sender may hold mails it claimed. A round of `OutboxDelivery.batchSize`
    /// mails takes a few seconds; a claim older than this belongs to a sender that died
    /// mid-way, and its mails are taken again (each keeps its Message-ID, so receivers can
    /// drop a repeat).
    static let claimLease: TimeInterval = 60

    /// Takes pending mails for sending, in one statement; returns the ids this sender got
    /// (another sender may have taken some first).
    static func claim(_ ids: [String], on sql: any SQLDatabase, now: Date) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return Set(try await sql.raw("""
            UPDATE outbox SET claimed_at = \(bind: now) WHERE id IN (\(binds: ids)) AND status = 'pending'
            AND (claimed_at IS NULL OR claimed_at < \(bind: now.addingTimeInterval(-claimLease))) RETURNING id
            """).all().map { try $0.decode(column: "id", as: String.self) })
    }

    /// The oldest mails waiting, leaving out those another sender is busy with.
    static func pending(on sql: any SQLDatabase, now: Date, limit: Int = 50) async throws -> [Pending] {
        try await sql.select().columns("id", "recipient", "subject", "body", "calendar", "event_id", "attempts", "created_at")
            .from("outbox").where("status", .equal, SQLBind("pending"))
            .where { $0.where("claimed_at", .is, SQLLiteral.null).orWhere("claimed_at", .lessThan, SQLBind(now.addingTimeInterval(-claimLease))) }
            .orderBy("created_at").orderBy("id").limit(limit).all()
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

    static func markSent(_ ids: [String], on sql: any SQLDatabase, now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await sql.update("outbox").set("status", to: SQLBind("sent")).set("sent_at", to: SQLBind(now))
            .set("attempts", to: SQLRaw("attempts + 1")).where("id", .in, SQLBind.group(ids)).run()
    }

    /// A failed attempt; after `maxAttempts` the mail is set aside as failed for staff to see.
    static func markFailed(_ id: String, error: String, attempts: Int, on sql: any SQLDatabase) async throws {
        let status = attempts + 1 >= maxAttempts ? "failed" : "pending"
        try await sql.update("outbox").set("status", to: SQLBind(status)).set("claimed_at", to: SQLLiteral.null).set("last_error", to: SQLBind(String(error.prefix(500))))
            .set("attempts", to: SQLBind(attempts + 1)).where("id", .equal, SQLBind(id)).run()
    }

    static let maxAttempts = 5
}
