import Hummingbird

/// Enforces a route group's access rule before any of its handlers runs: a visitor is sent
/// to sign in (401), a signed-in person without the role gets 403, an API request without a
/// token with the scope gets 401 or 403.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let rule: AccessRule
    let tokens: (any APITokenVerifier)?

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        switch rule {
        case .everyone:
            break
        case .signedIn:
            guard context.user != nil else { throw AppError(.forbidden, "Sign in to continue") }
        case .roles:
            guard let user = context.user else { throw AppError.signInRequired }
            guard rule.allows(user) else { throw AppError.forbidden(rule.refusal) }
        case .apiScope(let scope):
            guard let tokens else { throw AppError.forbidden("API writes are not available on this server") }
            context.apiToken = try await tokens.verify(authorization: request.headers[.authorization], scope: scope)
        }
        return try await next(request, context)
    }
}
