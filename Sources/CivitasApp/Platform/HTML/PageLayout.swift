import Foundation
import Hummingbird

/// The frame of every HTML page: head with JSON-LD, navigation, main content, footer.
/// Text is escaped on the one rendering path (`HTMLRenderer`); JSON-LD is encoded by JSONEncoder, which
/// escapes `/` so that no `</script>` can appear inside it.
struct PageLayout {
    let siteName: String
    let user: SignedInUser?
    /// Read only when the page carries the sign-out form (see `CSRFTokenUse`).
    private let csrf: CSRFTokenUse?
    /// The capabilities' links, then Staff for those who may use the dashboard.
    let navigation: [NavigationLink]
    /// Links to the machine-readable forms of the site.
    let footerLinks: [NavigationLink]
    let identity: IdentityProvider?
    /// Where the search box sends its words (none when no capability searches).
    let siteSearch: SiteLink?
    /// Where the visitors' frame is kept once rendered.
    private let site: SiteExtensions

    init(services: AppServices, context: AppRequestContext) {
        self.site = services.site
        self.siteName = services.configuration.siteName
        self.user = context.user
        self.csrf = context.csrf
        self.navigation = (services.site.navigation + [NavigationLink(label: "Staff", destination: SiteURL.staff, visibleTo: .staff)])
            .filter { $0.visibleTo.allows(context.user) }
        self.footerLinks = [NavigationLink(label: "API", destination: SiteURL.apiOpenAPI)] + services.site.footerLinks
        self.identity = services.site.identity
        self.siteSearch = services.site.siteSearch
    }

    func render(title: String, description: String? = nil, jsonLD: JSONValue? = nil, content: Node<HTML.BodyContext>) -> RenderedPage {
        // Pages without a more specific description are still described as schema.org WebPages.
        let jsonLD = jsonLD ?? ["@context": "https://schema.org", "@type": "WebPage", "name": .string(title)]
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(siteName)"),
                .unwrap(description) { .meta(.name("description"), .content(escaping: $0)) },
                // Link previews in chat and social apps.
                .meta(.attribute(named: "property", value: "og:title"), .content(escaping: title)),
                .meta(.attribute(named: "property", value: "og:site_name"), .content(escaping: siteName)),
                .unwrap(description) { .meta(.attribute(named: "property", value: "og:description"), .content(escaping: $0)) },
                .meta(.name("twitter:card"), .content("summary")),
                .meta(.name("twitter:title"), .content(escaping: title)),
                .link(.rel(.stylesheet), .href(to: SiteURL.stylesheet)),
                .link(.rel(.icon), .href(to: SiteURL.icon), .attribute(named: "type", value: "image/svg+xml")),
                .script(.attribute(named: "type", value: "application/ld+json"), .raw(Self.encode(jsonLD)))
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(escaping: "Skip to content")),
                .raw(frame.header),
                .main(.id("main"), content),
                .raw(frame.footer)
            )
        )
        return html.renderedPage()
    }

    /// A visitor's header and footer are the same on every page: rendered once and kept (a
    /// tenth of an uncached page's rendering); a signed-in person's name their own.
    private var frame: PageFrame {
        guard user == nil else { return renderedFrame }
        return site.visitorFrame { renderedFrame }
    }

    private var renderedFrame: PageFrame {
        PageFrame(header: header.render(), footer: footer.render())
    }

    private var footer: Node<HTML.BodyContext> {
        .footer(.p(.text(escaping: siteName), .forEach(footerLinks) { link in
            .group(.text(escaping: " · "), .a(.href(to: link.destination), .text(escaping: link.label)))
        }))
    }

    private var header: Node<HTML.BodyContext> {
        .header(
            .nav(.attribute(named: "aria-label", value: "Main"),
                .a(.class("brand"), .href(to: SiteURL.home), .text(escaping: siteName)),
                .ul(
                    .forEach(navigation) { link in .li(.a(.href(to: link.destination), .text(escaping: link.label))) }
                ),
                searchBox,
                accountControls
            )
        )
    }

    /// A GET form, so search works without JavaScript and its address can be shared.
    private var searchBox: Node<HTML.BodyContext> {
        .unwrap(siteSearch) { search in
            .form(.class("site-search"), .method(.get), .action(to: search), .attribute(named: "role", value: "search"),
                  .label(.class("visually-hidden"), .for("site-search-q"), .text(escaping: "Search")),
                  .input(.type(.search), .id("site-search-q"), .name("q"), .attribute(named: "placeholder", value: "Search")),
                  .button(.type(.submit), .text(escaping: "Search")))
        }
    }

    private var accountControls: Node<HTML.BodyContext> {
        guard let identity else { return .empty }
        guard let user else {
            return .a(.class("account"), .href(to: identity.signIn), .text(escaping: "Sign in"))
        }
        return .form(.class("account"), .method(.post), .action(to: identity.signOut),
            .input(.type(.hidden), .name("csrf_token"), .value(escaping: csrf?.read() ?? "")),
            .a(.href(to: identity.account), .text(escaping: user.name)), .text(escaping: " "),
            .button(.type(.submit), .text(escaping: "Sign out"))
        )
    }

    static func encode(_ value: JSONValue) -> String { value.scriptSafeText }
}

/// The rendered header and footer around a page's content.
struct PageFrame: Sendable {
    let header: String
    let footer: String
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
