import Foundation

/// Admins' view of the audit log, newest first.
struct AuditPage {
    struct Row {
        let actor: String
        let action: String
        let subjectKind: String
        let subjectID: String
        let summary: String
        let changes: String
        let createdAt: Date
    }

    let rows: [Row]
    let page: Int
    let hasMore: Bool

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Audit log"),
            .p(.class("subtitle"), "Every change made by staff and API tokens."),
            .table(
                .thead(.tr(.th("When"), .th("Who"), .th("What"), .th("Record"), .th("Changes"))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(escaping: Format.timestamp(row.createdAt))), .td(.text(escaping: row.actor)), .td(.text(escaping: row.action)),
                        .td(.text(escaping: row.summary), .br(), .span(.class("meta"), .text(escaping: "\(row.subjectKind) \(row.subjectID)"))),
                        .td(.code(.text(escaping: row.changes))))
                })
            ),
            .div(.class("pager"),
                .if(page > 1, .a(.href(to: AccountsURL.staffAudit.with(query: [("page", String(page - 1))])), .text(escaping: "Newer"))),
                .if(hasMore, .a(.href(to: AccountsURL.staffAudit.with(query: [("page", String(page + 1))])), .text(escaping: "Older"))))
        )
    }
}
