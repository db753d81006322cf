import CivitasCore
import Hummingbird
import Synchronization
import Logging
import NIOCore

/// The per-request state every handler sees: who is signed in, the CSRF token for
/// forms, and the API token that authorised a write.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, set by `SessionMiddleware` from the session cookie.
    public var user: SignedInUser?
    /// The token the forms on this page must send back. Reading it marks the answer as one
    /// that carries a form, so the CSRF cookie is set only on such answers (see CSRFMiddleware).
    public var csrfToken: String { csrf?.read() ?? "" }
    /// Set by CSRFMiddleware.
    var csrf: CSRFTokenUse?
    /// For a signed-in person, the CSRF token bound to their session (set with `user`).
    public var sessionCSRFToken: String?
    /// The API token that authenticated this request, set by the access rule of an API-scope route group.
    public var apiToken: VerifiedAPIToken?

    /// The client's address, for rate limits (see `ClientAddressMiddleware` behind a proxy).
    public var remoteClient: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteClient = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Form and JSON bodies are small; uploads arrive with later capabilities.
    public var maxUploadSize: Int { 1_048_576 }

    /// The signed-in person, for handlers in a group whose access rule already required one
    /// (see `SiteRoutes`); throws the sign-in answer if a route was grouped wrongly.
    public func signedIn() throws -> SignedInUser {
        guard let user else { throw AppError.signInRequired }
        return user
    }

    /// The token that authorised this API request, for handlers in an API-scope group.
    public func verifiedToken() throws -> VerifiedAPIToken {
        guard let apiToken else { throw AppError(.unauthorized, "This needs an API token") }
        return apiToken
    }
}

/// This request's CSRF token, and whether anything put it in a form. A visitor without one
/// gets a new random token only when a page reads it: most pages carry no form.
final class CSRFTokenUse: Sendable {
    private let state: Mutex<(value: String?, used: Bool)>
    private let secrets: any SecretSource

    init(known value: String?, secrets: any SecretSource) {
        state = Mutex((value, false))
        self.secrets = secrets
    }

    func read() -> String {
        state.withLock { state in
            let value = state.value ?? secrets.token()
            state = (value, true)
            return value
        }
    }

    /// The token, when a page put it in a form.
    var usedValue: String? { state.withLock { $0.used ? $0.value : nil } }
}
