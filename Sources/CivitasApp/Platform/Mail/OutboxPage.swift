import Foundation

/// Mails recently queued, with their delivery state.
struct OutboxPage {
    let rows: [(recipient: String, subject: String, status: String, attempts: Int, error: String?, createdAt: Date)]

    var content: Node<HTML.BodyContext> {
        .group(.h1("Outbox"),
            .p(.class("meta"), .text(escaping: "The latest 100 mails. Pending mails are retried every few seconds, up to \(Outbox.maxAttempts) times.")),
            .table(.thead(.tr(.th("Queued"), .th("To"), .th("Subject"), .th("Status"), .th("Attempts"))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(escaping: Format.timestamp(row.createdAt))), .td(.text(escaping: row.recipient)), .td(.text(escaping: row.subject)),
                        .td(.text(escaping: row.status), .unwrap(row.error) { .span(.class("meta"), .text(escaping: " (\($0))")) }), .td(.text(escaping: String(row.attempts))))
                })))
    }
}
