import Foundation
import Hummingbird
import Plot

/// The frame of every HTML page: head with JSON-LD, navigation, main content, footer.
/// Plot escapes every text by construction; JSON-LD is encoded by JSONEncoder, which
/// escapes `/` so that no `</script>` can appear inside it.
struct PageLayout {
    let siteName: String
    let user: SignedInUser?
    let csrfToken: String

    init(services: AppServices, context: AppRequestContext) {
        self.siteName = services.configuration.siteName
        self.user = context.user
        self.csrfToken = context.csrfToken
    }

    func render(title: String, description: String? = nil, jsonLD: JSONValue? = nil, content: Node<HTML.BodyContext>) -> String {
        // Pages without a more specific description are still described as schema.org WebPages.
        let jsonLD = jsonLD ?? ["@context": "https://schema.org", "@type": "WebPage", "name": .string(title)]
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · \(siteName)"),
                .unwrap(description) { .meta(.name("description"), .content($0)) },
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .script(.attribute(named: "type", value: "application/ld+json"), .raw(Self.encode(jsonLD)))
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text("Skip to content")),
                header,
                .main(.id("main"), content),
                .footer(.p(.text("\(siteName) · "), .a(.href(SiteURL.apiOpenAPI.path), .text("API")), .text(" · "),
                           .a(.href(SiteURL.apiPopolo.path), .text("Popolo export"))))
            )
        )
        return html.render()
    }

    private var header: Node<HTML.BodyContext> {
        .header(
            .nav(.attribute(named: "aria-label", value: "Main"),
                .a(.class("brand"), .href(SiteURL.home.path), .text(siteName)),
                .ul(
                    .forEach(RecordKind.publicKinds) { kind in
                        .li(.a(.href(SiteURL.list(kind).path), .text(kind.pluralLabel)))
                    },
                    .if(user?.role.isStaff == true, .li(.a(.href(SiteURL.staff.path), .text("Staff"))))
                ),
                accountControls
            )
        )
    }

    private var accountControls: Node<HTML.BodyContext> {
        guard let user else {
            return .a(.class("account"), .href(SiteURL.signIn.path), .text("Sign in"))
        }
        return .form(.class("account"), .method(.post), .action(SiteURL.signOut.path),
            .input(.type(.hidden), .name("csrf_token"), .value(csrfToken)),
            .a(.href(SiteURL.account.path), .text(user.name)), .text(" "),
            .button(.type(.submit), .text("Sign out"))
        )
    }

    static func encode(_ value: JSONValue) -> String {
        let data = (try? Responses.jsonEncoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}

extension AppServices {
    /// A page for one signed-in person (forms, tokens, passwords): never cached by browsers or proxies.
    func privatePage(_ context: AppRequestContext, title: String, content: Node<HTML.BodyContext>,
                     status: HTTPResponse.Status = .ok) -> Response {
        var response = Responses.html(PageLayout(services: self, context: context).render(title: title, content: content), status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
