
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
                // A text field with an e-mail keyboard: "username" is what password managers pair
                // with the password, and HTML allows it only on text fields, not on type=email.
                .input(.type(.text), .id("email"), .name("email"), .value(escaping: email), .required(true),
                       .attribute(named: "inputmode", value: "email"), .attribute(named: "autocomplete", value: "username"),
                       .attribute(named: "autocapitalize", value: "none"), .attribute(named: "spellcheck", value: "false")),
                .label(.for("password"), "Password"),
                .input(.type(.password), .id("password"), .name("password"), .required(true), .attribute(named: "autocomplete", value: "current-password")),
                .p(.button(.type(.submit), .text(escaping: "Sign in")))
            )
        )
    }
}
