import CivitasCore
import Hummingbird

/// Cross-site request forgery protection for every form.
///
/// Signed in, the token is bound to the session (`AppRequestContext.sessionCSRFToken`, derived
/// from the session's secret, which only the browser holding the session cookie knows): a
/// token and cookie pair from another browser does not work with this session, and a new
/// session brings a new token. Not signed in (the sign-in and registration forms), the
/// double-submit cookie: a random token in an HttpOnly, SameSite=Lax cookie that every form
/// repeats in a hidden field. A POST whose field does not match is refused. The JSON API is
/// exempt: it authenticates with bearer tokens, never with cookies.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "civitas_csrf"
    static let fieldName = "csrf_token"
    let secureCookies: Bool
    let secrets: any SecretSource

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let existing = request.cookies[Self.cookieName]?.value
        let token = CSRFTokenUse(known: context.sessionCSRFToken ?? existing, secrets: secrets)
        context.csrf = token
        let expected = context.sessionCSRFToken ?? existing

        if request.method == .post, !request.uri.path.hasPrefix("/api/") {
            let form = try await FormBody.read(&request, context: context)
            guard let expected, let sent = form[Self.fieldName], Secrets.constantTimeEquals(expected, sent) else {
                throw AppError(.forbidden, "This form has expired or came from another site. Reload the page and send it again.")
            }
        }

        var response = try await next(request, context)
        // Only an answer that carries a form sets the cookie: other pages stay free of cookies,
        // so a shared cache or CDN may keep them.
        if existing == nil, context.sessionCSRFToken == nil, let value = token.usedValue {
            response.setCookie(Cookie(name: Self.cookieName, value: value, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// A new anonymous token, replacing the browser's old one (at sign-in and sign-out).
    static func freshCookie(services: AppServices) -> Cookie {
        Cookie(name: cookieName, value: services.secrets.token(), path: "/", secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }
}

/// Reads a URL-encoded form body once; the body stays readable for the handler.
enum FormBody {
    static func read(_ request: inout Request, context: AppRequestContext) async throws -> FormData {
        // A form with a file: its text fields (the file stays in the body for its handler).
        // Only signed-in people send files: anonymous forms stay within the small body limit.
        if MultipartForm.isMultipart(request) {
            guard context.user != nil else { throw AppError(.unsupportedMediaType, "Only signed-in people may send files; sign in first") }
            return try await MultipartForm.read(&request, context: context).fields
        }
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.isEmpty || contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw AppError(.unsupportedMediaType, "Forms must be sent as application/x-www-form-urlencoded (or multipart/form-data with a file)")
        }
        let buffer = try await BodyReader.collect(&request, context: context)
        let form = FormData(encoded: String(buffer: buffer))
        if let bad = form.pairs.first(where: { TextInput.hasControlCharacters($0.value) || TextInput.hasControlCharacters($0.name) }) {
            throw AppError.badRequest("The field \"\(bad.name.prefix(40))\" contains control characters; remove them and send the form again")
        }
        return form
    }
}
