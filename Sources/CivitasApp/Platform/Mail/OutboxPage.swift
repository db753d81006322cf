import Foundation
import Plot

/// Mails recently queued, with their delivery state.
struct OutboxPage {
    let rows: [(recipient: String, subject: String, status: String, attempts: Int, error: String?, createdAt: Date)]

    var content: Node<HTML.BodyContext> {
        .group(.h1("Outbox"),
            .p(.class("meta"), .text("The latest 100 mails. Pending mails are retried every few seconds, up to \(Outbox.maxAttempts) times.")),
            .table(.thead(.tr(.th("Queued"), .th("To"), .th("Subject"), .th("Status"), .th("Attempts"))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(Format.timestamp(row.createdAt))), .td(.text(row.recipient)), .td(.text(row.subject)),
                        .td(.text(row.status), .unwrap(row.error) { .span(.class("meta"), .text(" (\($0))")) }), .td(.text(String(row.attempts))))
                })))
    }
}
