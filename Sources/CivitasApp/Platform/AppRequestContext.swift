import Hummingbird
import Logging
import NIOCore

/// The per-request state every handler sees: who is signed in, the CSRF token for
/// forms, and the API token that authorised a write.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, set by `SessionMiddleware` from the session cookie.
    public var user: SignedInUser?
    /// The token the forms on this page must send back.
    public var csrfToken: String = ""
    /// For a signed-in person, the CSRF token bound to their session (set with `user`).
    public var sessionCSRFToken: String?
    /// The API token that authenticated this request, set by `requireScope`.
    public var apiToken: VerifiedAPIToken?

    /// The client's address, for rate limits (see `ClientAddressMiddleware` behind a proxy).
    public var remoteClient: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteClient = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Form and JSON bodies are small; uploads arrive with later capabilities.
    public var maxUploadSize: Int { 1_048_576 }

    /// Staff, or a 403 (a 401 sign-in redirect for visitors is handled by the error page).
    public func requireStaff() throws -> SignedInUser {
        guard let user else { throw AppError.signInRequired }
        guard user.role.isStaff else { throw AppError.forbidden("Only network staff (admin, editor, organizer) may do this") }
        return user
    }

    public func requireAdmin() throws -> SignedInUser {
        guard let user else { throw AppError.signInRequired }
        guard user.role == .admin else { throw AppError.forbidden("Only administrators may do this") }
        return user
    }
}
