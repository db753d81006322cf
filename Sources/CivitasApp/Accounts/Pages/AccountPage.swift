
/// A person's own account: who they are signed in as, and the password form.
struct AccountPage {
    let user: SignedInUser
    let changed: Bool
    let error: AppError?
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Your account"),
            .p(.text(escaping: "\(user.name) · \(user.email) · \(user.role.rawValue)")),
            .if(changed, .p(.class("notice"), "Your password has been changed; your other sessions have been signed out.")),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text(escaping: $0.message)) },
            .h2("Change your password"),
            .form(.class("stacked"), .method(.post), .action(to: AccountsURL.accountPassword),
                .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                field("current_password", "Current password", autocomplete: "current-password"),
                field("new_password", "New password (at least \(Passwords.minimumLength) characters)", autocomplete: "new-password"),
                field("confirmation", "New password again", autocomplete: "new-password"),
                .p(.button(.type(.submit), .text(escaping: "Change password")))
            )
        )
    }

    private func field(_ name: String, _ label: String, autocomplete: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(escaping: name), .text(escaping: label)),
            .input(.type(.password), .id(escaping: name), .name(escaping: name), .required(true), .attribute(named: "autocomplete", escaping: autocomplete)),
            .unwrap(error?.fieldErrors[name]) { .p(.class("field-error"), .text(escaping: "\(label): \($0)")) }
        )
    }
}
