import Foundation
import Plot

/// Admins' page of API tokens: create one (shown once), see and revoke the others.
struct TokensPage {
    struct Row {
        let id: String
        let name: String
        let scopes: String
        let createdAt: Date
        let lastUsedAt: Date?
        let revokedAt: Date?
    }

    let rows: [Row]
    let newToken: String?
    let error: String?

    func content(csrfToken: String) -> Node<HTML.BodyContext> {
        .group(
            .h1("API tokens"),
            .p("Tokens let programs write through the JSON API. Each token is limited to its scopes and is shown only once."),
            .unwrap(newToken) { token in
                .div(.class("notice"), .p("Copy this token now; it will not be shown again:"), .p(.code(.class("token"), .text(token))))
            },
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.class("stacked"), .method(.post), .action(to: SiteURL.staffTokens),
                .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                .label(.for("name"), "Name"),
                .input(.type(.text), .id("name"), .name("name"), .required(true)),
                .fieldset(
                    .element(named: "legend", text: "Scopes"),
                    .forEach(APIScope.allCases) { scope in
                        .label(.input(.type(.checkbox), .name("scopes"), .value(escaping: scope.rawValue)), .text(" \(scope.rawValue): \(scope.summary)"))
                    }
                ),
                .p(.button(.type(.submit), .text("Create token")))
            ),
            .table(
                .thead(.tr(.th("Name"), .th("Scopes"), .th("Created"), .th("Last used"), .th("Status"))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(row.name)), .td(.text(row.scopes)), .td(.text(Format.timestamp(row.createdAt))),
                        .td(.text(row.lastUsedAt.map(Format.timestamp) ?? "never")),
                        .td(row.revokedAt == nil
                            ? .form(.method(.post), .action(to: SiteURL.staffTokenRevoke(row.id)),
                                .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                                .button(.class("secondary"), .type(.submit), .text("Revoke")))
                            : .text("revoked \(Format.timestamp(row.revokedAt!))")))
                })
            )
        )
    }
}
