import CivitasCore
import FluentKit
import Hummingbird
import HummingbirdBcrypt

/// Accounts: who is signed in (sessions, API tokens), sign-in and sign-out, accounts and the audit log.
struct AccountsModule: CivitasModule {
    let services: AppServices
    let name = "accounts"
    var migrations: [any Migration] { [M001_CreateAccounts(), M002_TokenExpiryAndAttemptIndexes()] }

    var navigationLinks: [NavigationLink] { [] }
    var staffLinks: StaffLinks? {
        StaffLinks(heading: "Administration", links: [
            NavigationLink(label: "Accounts", destination: AccountsURL.staffUsers, visibleTo: .admins),
            NavigationLink(label: "API tokens", destination: AccountsURL.staffTokens, visibleTo: .admins),
            NavigationLink(label: "Audit log", destination: AccountsURL.staffAudit, visibleTo: .admins),
        ])
    }
    var identity: IdentityProvider? {
        IdentityProvider(sessionMiddleware: SessionMiddleware(services: services), tokens: APITokens(services: services),
                         signIn: SiteLink(AccountsURL.signIn), signOut: SiteLink(AccountsURL.signOut), account: SiteLink(AccountsURL.account))
    }

    func registerRoutes(on routes: SiteRoutes) {
        let handlers = AccountHandlers(services: services)
        let users = UserHandlers(services: services)
        routes.group(.everyone) { group in
            group.get(AccountsURL.signIn, use: handlers.signInForm)
            // Rate-limited per e-mail and per client (SignInThrottle).
            group.post(AccountsURL.signIn, use: handlers.signIn)
            // Ends the caller's own session only.
            group.post(AccountsURL.signOut, use: handlers.signOut)
        }
        routes.group(.admins) { group in
            group.get(AccountsURL.staffTokens, use: handlers.tokens)
            group.post(AccountsURL.staffTokens, use: handlers.createToken)
            group.post(AccountsURL.staffTokenRevoke(SiteURL.parameter("id")), use: handlers.revokeToken)
            group.get(AccountsURL.staffAudit, use: handlers.audit)
            group.get(AccountsURL.staffUsers, use: users.list)
            group.post(AccountsURL.staffUsers, use: users.create)
            group.post(AccountsURL.staffUser(SiteURL.parameter("id")), use: users.update)
        }
        // One's own account and password only.
        routes.group(.signedIn) { group in
            group.get(AccountsURL.account, use: users.account)
            group.post(AccountsURL.accountPassword, use: users.changePassword)
        }
    }
}

struct AccountHandlers: Sendable {
    let services: AppServices

    func signInForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = safeNext(request.uri.queryParameters["next"].map(String.init))
        return render(SignInPage(email: "", next: next, error: nil), context: context)
    }

    func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        let next = safeNext(form["next"])
        let client = context.remoteClient
        let db = services.database.db
        let now = services.now()

        guard email.count <= 254, password.utf8.count <= 1_024 else {
            return render(SignInPage(email: "", next: next, error: "That e-mail and password do not match an account."),
                          context: context, status: .unauthorized)
        }
        guard case .proceed(let attemptID) = try await SignInThrottle.begin(email: email, client: client, database: services.database, now: now) else {
            var response = render(SignInPage(email: email, next: next, error: "Too many failed attempts. Wait 15 minutes and try again."),
                                  context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(SignInThrottle.window))
            return response
        }
        let user = try await User.query(on: db).filter(\.$email == email).filter(\.$disabled == false).first()
        let hash = if let user { user.passwordHash } else { try await Passwords.dummyHash(services: services) }
        let verified = try await Passwords.verify(password, hash: hash, services: services)
        guard let user, verified else {
            return render(SignInPage(email: email, next: next, error: "That e-mail and password do not match an account."),
                          context: context, status: .unauthorized)
        }
        try await SignInThrottle.succeeded(attemptID, database: services.database, now: now)
        let userID = user.id!
        let secret = try await services.database.transaction { tx in try await Sessions.start(userID: userID, on: tx, services: services) }
        var response = Responses.redirect(to: next)
        response.setCookie(Sessions.cookie(secret: secret, secure: services.configuration.secureCookies))
        // A new session brings a new CSRF token: whatever token the browser held before is void.
        response.setCookie(CSRFMiddleware.freshCookie(services: services))
        return response
    }

    func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let secret = request.cookies[Sessions.cookieName]?.value {
            try await Sessions.end(secret: secret, on: services.database.db, services: services)
        }
        var response = Responses.redirect(to: SiteURL.home.path)
        response.setCookie(Sessions.expiredCookie(secure: services.configuration.secureCookies))
        response.setCookie(CSRFMiddleware.freshCookie(services: services))
        return response
    }

    func tokens(_ request: Request, context: AppRequestContext) async throws -> Response {
        return try await tokensPage(context: context, newToken: nil, error: nil)
    }

    func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.signedIn()
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let outcome = try await CreateAPIToken(name: form["name"] ?? "", scopes: form.all("scopes"), createdBy: admin,
                                               expiresInDays: form["expires_in_days"] ?? "").run(services: services)
        switch outcome {
        case .created(_, let token):
            return try await tokensPage(context: context, newToken: token, error: nil)
        case .invalid(let message):
            return try await tokensPage(context: context, newToken: nil, error: message, status: .badRequest)
        }
    }

    func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.signedIn()
        let id = try context.parameters.require("id")
        let now = services.now()
        try await services.database.transaction { tx in
            guard let token = try await APIToken.find(id, on: tx) else { throw AppError.notFound("The API token") }
            guard token.revokedAt == nil else { return }
            token.revokedAt = now
            try await token.update(on: tx)
            try await AuditLog.record("revoke", kind: "api_token", id: id, summary: "API token \"\(token.name)\"",
                                      changes: [:], by: .user(admin), on: tx, now: now)
        }
        return Responses.redirect(to: AccountsURL.staffTokens.path)
    }

    func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pageRequest = try Pagination.from(request, per: 50)
        let events = try await AuditEvent.query(on: services.database.db)
            .sort(\.$createdAt, .descending).range(pageRequest.offset..<(pageRequest.offset + pageRequest.per + 1)).all()
        let rows = events.prefix(pageRequest.per).map {
            AuditPage.Row(actor: $0.actor, action: $0.action, subjectKind: $0.subjectKind, subjectID: $0.subjectID,
                          summary: $0.summary, changes: $0.changes, createdAt: $0.createdAt)
        }
        let page = AuditPage(rows: Array(rows), page: pageRequest.page, hasMore: events.count > pageRequest.per)
        return services.privatePage(context, title: "Audit log", content: page.content)
    }

    private func tokensPage(context: AppRequestContext, newToken: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let tokens = try await APIToken.query(on: services.database.db).sort(\.$createdAt, .descending).all()
        let rows = tokens.map {
            TokensPage.Row(id: $0.id!, name: $0.name, scopes: $0.scopes, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt,
                           revokedAt: $0.revokedAt, expiresAt: $0.expiresAt)
        }
        let page = TokensPage(rows: rows, newToken: newToken, error: error, now: services.now(), scopes: services.site.apiScopes)
        return services.privatePage(context, title: "API tokens", content: page.content(csrfToken: context.csrfToken), status: status)
    }

    private func render(_ page: SignInPage, context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        Responses.html(PageLayout(services: services, context: context).render(title: "Sign in", content: page.content(csrfToken: context.csrfToken)), status: status)
    }

    /// Only paths of this site, so the sign-in form cannot be used to send people elsewhere.
    private func safeNext(_ next: String?) -> String {
        SafeRedirect.localPath(next, fallback: SiteURL.home.path)
    }

}
