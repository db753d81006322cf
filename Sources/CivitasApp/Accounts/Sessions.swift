import CivitasCore
import Crypto
import FluentKit
import Foundation
import Hummingbird

/// Database-stored sessions: the cookie holds a random secret, the table holds its hash.
enum Sessions {
    static let cookieName = SessionCookie.name
    static let lifetime: TimeInterval = 14 * 24 * 3600

    /// The CSRF token of the session whose cookie holds `secret`: derived from the secret, so
    /// it cannot be known without the cookie, and different from what the database stores.
    static func csrfToken(forSecret secret: String) -> String {
        Secrets.base64URL(SHA256.hash(data: Data("csrf:\(secret)".utf8)))
    }

    /// Starts a session and returns the secret for the cookie.
    static func start(userID: String, on db: any Database, services: AppServices) async throws -> String {
        let now = services.now()
        let secret = services.secrets.token()
        // Expired sessions can never be used again; drop them as new ones start.
        try await UserSession.query(on: db).filter(\.$expiresAt < now).delete()
        try await UserSession(hashedSecret: services.secretHasher.hash(secret), userID: userID, now: now, lifetime: lifetime).create(on: db)
        return secret
    }

    static func user(forSecret secret: String, on db: any Database, services: AppServices) async throws -> SignedInUser? {
        guard let session = try await UserSession.query(on: db)
            .filter(\.$id == services.secretHasher.hash(secret)).filter(\.$expiresAt > services.now()).first(),
            let user = try await User.query(on: db).filter(\.$id == session.userID).filter(\.$disabled == false).first(),
            let role = Role(rawValue: user.role)
        else { return nil }
        return SignedInUser(id: user.id!, email: user.email, name: user.name, role: role)
    }

    static func end(secret: String, on db: any Database, services: AppServices) async throws {
        try await UserSession.query(on: db).filter(\.$id == services.secretHasher.hash(secret)).delete()
    }

    static func cookie(secret: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: secret, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func expiredCookie(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

/// Finds the signed-in account for each request from its session cookie.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let secret = request.cookies[Sessions.cookieName]?.value, !secret.isEmpty else {
            return try await next(request, context)
        }
        var context = context
        context.user = try await Sessions.user(forSecret: secret, on: services.database.db, services: services)
        if context.user != nil { context.sessionCSRFToken = Sessions.csrfToken(forSecret: secret) }
        return try await next(request, context)
    }
}
