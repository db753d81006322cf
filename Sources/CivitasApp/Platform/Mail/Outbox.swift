import Foundation
import SQLKit

/// A mail waiting in the outbox. Mails are written in the transaction of the change they
/// announce, so a change and the mail telling of it are saved together or not at all,
/// and a restart loses none: delivery picks up whatever is still pending.
struct OutgoingMail: Sendable, Equatable {
    var recipient: String
    var subject: String
    var body: String
    var attachments: [MailAttachment] = []
    /// The record the mail is about, as its capability names it, for staff reading the outbox.
    var about: MailAbout?
}

/// A file sent with a mail, such as a calendar entry (`invite.ics`).
struct MailAttachment: Sendable, Equatable, Codable {
    let filename: String
    /// The MIME type with its parameters, e.g. `text/calendar; charset=utf-8; method=PUBLISH`.
    let contentType: String
    let content: String
}

/// What a mail is about: a kind of record, as its capability names it, and the record's id.
struct MailAbout: Sendable, Equatable {
    let kind: String
    let id: String
}

enum Outbox {
    /// Platform's table, created by `P001_CreatePlatformTables`.
    static let table = "mail_outbox"

    static func encode(_ attachments: [MailAttachment]) throws -> String? {
        attachments.isEmpty ? nil : String(decoding: try JSONEncoder().encode(attachments), as: UTF8.self)
    }

    static func decodeAttachments(_ text: String?) throws -> [MailAttachment] {
        guard let text else { return [] }
        return try JSONDecoder().decode([MailAttachment].self, from: Data(text.utf8))
    }

    static func enqueue(_ mail: OutgoingMail, on sql: any SQLDatabase, now: Date) async throws {
        try await enqueue([mail], on: sql, now: now)
    }

    /// Several mails in one statement (a batch of counted writes, say).
    static func enqueue(_ mails: [OutgoingMail], on sql: any SQLDatabase, now: Date) async throws {
        guard !mails.isEmpty else { return }
        let insert = sql.insert(into: table)
            .columns("id", "recipient", "subject", "body", "attachments", "about_kind", "about_id", "status", "attempts", "created_at")
        for mail in mails {
            insert.values(SQLBind(UUID().uuidString.lowercased()), SQLBind(mail.recipient), SQLBind(mail.subject), SQLBind(mail.body),
                          SQLBind(try encode(mail.attachments)), SQLBind(mail.about?.kind), SQLBind(mail.about?.id),
                          SQLBind("pending"), SQLBind(0), SQLBind(now))
        }
        try await insert.run()
    }

    struct Pending: Sendable {
        let id: String
        let mail: OutgoingMail
        let attempts: Int
        let createdAt: Date
    }

    /// How long a sender may hold mails it claimed. A round of `MailSender.batchSize`
    /// mails takes a few seconds; a claim older than this belongs to a sender that died
    /// mid-way, and its mails are taken again (each keeps its Message-ID, so receivers can
    /// drop a repeat).
    static let claimLease: TimeInterval = 60

    /// Takes pending mails for sending, in one statement; returns the ids this sender got
    /// (another sender may have taken some first).
    static func claim(_ ids: [String], on sql: any SQLDatabase, now: Date) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return Set(try await sql.raw("""
            UPDATE mail_outbox SET claimed_at = \(bind: now) WHERE id IN (\(binds: ids)) AND status = 'pending'
            AND (claimed_at IS NULL OR claimed_at < \(bind: now.addingTimeInterval(-claimLease))) RETURNING id
            """).all().map { try $0.decode(column: "id", as: String.self) })
    }

    /// The oldest mails waiting, leaving out those another sender is busy with.
    static func pending(on sql: any SQLDatabase, now: Date, limit: Int = 50) async throws -> [Pending] {
        try await sql.select().columns("id", "recipient", "subject", "body", "attachments", "about_kind", "about_id", "attempts", "created_at")
            .from(table).where("status", .equal, SQLBind("pending"))
            .where { $0.where("claimed_at", .is, SQLLiteral.null).orWhere("claimed_at", .lessThan, SQLBind(now.addingTimeInterval(-claimLease))) }
            .orderBy("created_at").orderBy("id").limit(limit).all()
            .map { row in
                Pending(id: try row.decode(column: "id", as: String.self),
                        mail: OutgoingMail(recipient: try row.decode(column: "recipient", as: String.self),
                                           subject: try row.decode(column: "subject", as: String.self),
                                           body: try row.decode(column: "body", as: String.self),
                                           attachments: try decodeAttachments(try row.decode(column: "attachments", as: String?.self)),
                                           about: try row.decode(column: "about_kind", as: String?.self).map {
                                               MailAbout(kind: $0, id: try row.decode(column: "about_id", as: String?.self) ?? "")
                                           }),
                        attempts: try row.decode(column: "attempts", as: Int.self),
                        createdAt: try row.decode(column: "created_at", as: Date.self))
            }
    }

    static func markSent(_ ids: [String], on sql: any SQLDatabase, now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await sql.update(table).set("status", to: SQLBind("sent")).set("sent_at", to: SQLBind(now))
            .set("attempts", to: SQLRaw("attempts + 1")).where("id", .in, SQLBind.group(ids)).run()
    }

    /// A failed attempt; after `maxAttempts` the mail is set aside as failed for staff to see.
    static func markFailed(_ id: String, error: String, attempts: Int, on sql: any SQLDatabase) async throws {
        let status = attempts + 1 >= maxAttempts ? "failed" : "pending"
        try await sql.update(table).set("status", to: SQLBind(status)).set("claimed_at", to: SQLLiteral.null).set("last_error", to: SQLBind(String(error.prefix(500))))
            .set("attempts", to: SQLBind(attempts + 1)).where("id", .equal, SQLBind(id)).run()
    }

    static let maxAttempts = 5
}
