import Hummingbird

/// Who is signed in, as the capability that keeps accounts provides it: the middleware that
/// reads the session (setting `AppRequestContext.user` and its CSRF token), the verifier of
/// API tokens, and where to sign in, out and see one's account. Platform's layout, error
/// pages and access rules use it without knowing how accounts are kept.
struct IdentityProvider: Sendable {
    let sessionMiddleware: any MiddlewareProtocol<Request, Response, AppRequestContext>
    let tokens: any APITokenVerifier
    let signIn: SiteLink
    let signOut: SiteLink
    let account: SiteLink
}
