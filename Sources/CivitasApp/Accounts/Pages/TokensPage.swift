import Foundation

/// Admins' page of API tokens: create one (shown once), see and revoke the others.
struct TokensPage {
    struct Row {
        let id: String
        let name: String
        let scopes: String
        let createdAt: Date
        let lastUsedAt: Date?
        let revokedAt: Date?
        let expiresAt: Date?
    }

    let rows: [Row]
    let newToken: String?
    let error: String?
    let now: Date
    /// The scopes the installed capabilities declare.
    let scopes: [APIScope]

    func content(csrfToken: String) -> Node<HTML.BodyContext> {
        .group(
            .h1("API tokens"),
            .p("Tokens let programs write through the JSON API. Each token is limited to its scopes and is shown only once."),
            .unwrap(newToken) { token in
                .div(.class("notice"), .p("Copy this token now; it will not be shown again:"), .p(.code(.class("token"), .text(escaping: token))))
            },
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text(escaping: $0)) },
            .form(.class("stacked"), .method(.post), .action(to: AccountsURL.staffTokens),
                .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                .label(.for("name"), "Name"),
                .input(.type(.text), .id("name"), .name("name"), .required(true)),
                .label(.for("expires_in_days"), "Expires after (days)", .span(.class("help"), "Empty: until revoked. A token also stops when its creator is disabled or no longer an admin.")),
                .input(.type(.number), .id("expires_in_days"), .name("expires_in_days"), .attribute(named: "min", value: "1"), .attribute(named: "max", value: "3650")),
                .fieldset(
                    .element(named: "legend", text: "Scopes"),
                    .forEach(scopes) { scope in
                        .label(.input(.type(.checkbox), .name("scopes"), .value(escaping: scope.rawValue)), .text(escaping: " \(scope.rawValue): \(scope.summary)"))
                    }
                ),
                .p(.button(.type(.submit), .text(escaping: "Create token")))
            ),
            .table(
                .thead(.tr(.th("Name"), .th("Scopes"), .th("Created"), .th("Last used"), .th("Expires"), .th("Status"))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(escaping: row.name)), .td(.text(escaping: row.scopes)), .td(.text(escaping: Format.timestamp(row.createdAt))),
                        .td(.text(escaping: row.lastUsedAt.map(Format.timestamp) ?? "never")),
                        .td(.text(escaping: row.expiresAt.map { ($0 <= now ? "expired " : "") + Format.timestamp($0) } ?? "never")),
                        .td(row.revokedAt == nil
                            ? .form(.method(.post), .action(to: AccountsURL.staffTokenRevoke(row.id)),
                                .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                                .button(.class("secondary"), .type(.submit), .text(escaping: "Revoke")))
                            : .text(escaping: "revoked \(Format.timestamp(row.revokedAt!))")))
                })
            )
        )
    }
}
