import HTTPTypes
import Hummingbird

/// Headers every answer carries, errors included (this middleware is the outermost):
/// a Content-Security-Policy with no inline script or style and no framing, no MIME
/// sniffing, a referrer that never carries a path (personal links hold secrets) to another
/// site, and HSTS when served over HTTPS. Answers to a browser holding a session are
/// `private, no-store`: they may show the person's name, forms and private data. Being
/// outermost, it also takes the body off every answer to HEAD, routed or not.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let secureCookies: Bool

    /// Pages load their own stylesheet and nothing else runs; images may come from the web
    /// (portraits link to the city's site); forms post only here; no page can be framed.
    static let contentSecurityPolicy = [
        "default-src 'none'", "style-src 'self'", "img-src 'self' https: data:", "form-action 'self'",
        "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A handler serving a file people uploaded asks for `sandbox` too: kept, before the site's policy.
        let sandboxed = response.headers[.contentSecurityPolicy] == "sandbox"
        response.headers[.contentSecurityPolicy] = (sandboxed ? "sandbox; " : "") + Self.contentSecurityPolicy
        response.headers[Self.xFrameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "strict-origin-when-cross-origin"
        if secureCookies { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        if SessionCookie.isPresent(in: request) { response.headers[.cacheControl] = "private, no-store" }
        // Answers to HEAD that no route made (a 404, say) carry their headers only, too.
        if request.method == .head { return response.createHeadResponse() }
        return response
    }
}

/// The cookie that carries a signed-in session (Accounts sets it): its name lives here so
/// that Platform can tell a personal answer from a public one without knowing accounts.
enum SessionCookie {
    static let name = "civitas_session"

    static func isPresent(in request: Request) -> Bool {
        guard let value = request.cookies[name]?.value else { return false }
        return !value.isEmpty
    }
}
