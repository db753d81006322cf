
/// Admins' list of accounts: create one, change a role, disable or enable.
struct UsersPage {
    struct Row {
        let id: String
        let email: String
        let name: String
        let role: Role
        let disabled: Bool
    }

    let rows: [Row]
    let created: (email: String, password: String)?
    let error: String?
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Accounts"),
            .unwrap(created) { created in
                .div(.class("notice"), .p(.text(escaping: "Created \(created.email). Give them this password, to change after signing in:")),
                     .p(.code(.class("token"), .text(escaping: created.password))))
            },
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text(escaping: $0)) },
            .form(.class("stacked"), .method(.post), .action(to: AccountsURL.staffUsers),
                .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                .label(.for("email"), "E-mail"),
                .input(.type(.email), .id("email"), .name("email"), .required(true)),
                .label(.for("name"), "Name"),
                .input(.type(.text), .id("name"), .name("name")),
                .label(.for("role"), "Role"),
                roleSelect(id: "role", selected: .member),
                .p(.button(.type(.submit), .text(escaping: "Create account")))
            ),
            .table(
                .thead(.tr(.th("Account"), .th("Role"), .th("Status"), .actionsHeader)),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(escaping: row.name), .br(), .span(.class("meta"), .text(escaping: row.email))),
                        .td(.text(escaping: row.role.rawValue)), .td(.text(escaping: row.disabled ? "disabled" : "active")),
                        .td(.form(.method(.post), .action(to: AccountsURL.staffUser(row.id)),
                            .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                            .label(.for(escaping: "role-\(row.id)"), .class("skip"), .text(escaping: "Role of \(row.email)")),
                            roleSelect(id: "role-\(row.id)", selected: row.role),
                            .label(.input(.type(.checkbox), .name("disabled"), .value("true"), .checked(row.disabled)), " disabled "),
                            .button(.class("secondary"), .type(.submit), .text(escaping: "Save")))))
                })
            )
        )
    }

    private func roleSelect(id: String, selected: Role) -> Node<HTML.FormContext> {
        .select(.id(escaping: id), .attribute(named: "name", value: "role"),
            .forEach(Role.allCases) { role in .choice(value: role.rawValue, title: role.rawValue, selected: role == selected) })
    }
}
