
/// The sign-in form, with the message of a failed attempt.
struct SignInPage {
    let email: String
    let next: String
    let error: String?

    func content(csrfToken: String) -> Node<HTML.BodyContext> {
        .group(
            .h1("Sign in"),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text(escaping: $0)) },
            .form(.class("stacked"), .method(.post), .action(to: AccountsURL.signIn),
                .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrfToken)),
                .input(.type(.hidden), .name("next"), .value(escaping: next)),
                .label(.for("email"), "E-mail"),
                .input(.type(.email), .id("email"), .name("email"), .value(escaping: email), .required(true), .attribute(named: "autocomplete", value: "username")),
                .label(.for("password"), "Password"),
                .input(.type(.password), .id("password"), .name("password"), .required(true), .attribute(named: "autocomplete", value: "current-password")),
                .p(.button(.type(.submit), .text(escaping: "Sign in")))
            )
        )
    }
}
