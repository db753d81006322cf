import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Creates a scoped API token. The plain token is returned once and never stored.
public struct CreateAPIToken: Sendable {
    public let name: String
    public let scopes: [String]
    public let createdBy: SignedInUser?
    /// Days until the token stops working; empty for a token that lasts until revoked.
    public let expiresInDays: String

    public init(name: String, scopes: [String], createdBy: SignedInUser?, expiresInDays: String = "") {
        self.name = name
        self.scopes = scopes
        self.createdBy = createdBy
        self.expiresInDays = expiresInDays
    }

    static let maximumDays = 3_650

    public enum Outcome: Sendable, Equatable {
        case created(id: String, token: String)
        case invalid(String)
    }

    static let prefix = "civ_"

    public func run(services: AppServices) async throws -> Outcome {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100, !TextInput.hasLineBreaksOrControls(name) else { return .invalid("Give the token a name of 1 to 100 characters") }
        let known = services.site.apiScopes
        var parsed: [APIScope] = []
        for text in scopes.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
            guard let scope = known.first(where: { $0.rawValue == text }) else {
                return .invalid("Unknown scope \"\(text)\"; known scopes: \(known.map(\.rawValue).joined(separator: ", "))")
            }
            if !parsed.contains(scope) { parsed.append(scope) }
        }
        guard !parsed.isEmpty else { return .invalid("Choose at least one scope") }
        var expiresAt: Date?
        let daysText = expiresInDays.trimmingCharacters(in: .whitespaces)
        if !daysText.isEmpty {
            guard let days = Int(daysText), (1...Self.maximumDays).contains(days) else {
                return .invalid("The token's lifetime must be a whole number of days from 1 to \(Self.maximumDays), or empty for no expiry")
            }
            expiresAt = services.now().addingTimeInterval(TimeInterval(days) * 86_400)
        }
        let token = Self.prefix + services.secrets.token()
        let model = APIToken(name: name, tokenHash: services.secretHasher.hash(token), scopes: parsed, createdBy: createdBy?.id, now: services.now(),
                             expiresAt: expiresAt)
        try await services.database.transaction { tx in
            try await model.create(on: tx)
            try await AuditLog.record("create", kind: "api_token", id: model.id!, summary: "API token \"\(name)\" (\(model.scopes))",
                                      changes: ["scopes": AuditChange(before: nil, after: model.scopes)],
                                      by: createdBy.map(Actor.user) ?? Actor(label: "command line"), on: tx, now: services.now())
        }
        return .created(id: model.id!, token: token)
    }
}

/// Checks a bearer token and its scope for an API write: the verifier behind every route
/// group whose access rule is an API scope.
struct APITokens: APITokenVerifier {
    let services: AppServices

    func verify(authorization: String?, scope: APIScope) async throws -> VerifiedAPIToken {
        try await Self.verify(authorization: authorization, scope: scope, services: services)
    }

    static func verify(authorization: String?, scope: APIScope, services: AppServices) async throws -> VerifiedAPIToken {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else {
            throw AppError(.unauthorized, "Send an API token as \"Authorization: Bearer <token>\"; admins create tokens on the staff tokens page or with `civitas tokens create`")
        }
        let token = TextInput.trimmed(String(authorization.dropFirst("bearer ".count)), newlinesToo: false)
        guard let found = try await StoredToken.find(hash: services.secretHasher.hash(token), in: services.database.reads), found.revokedAt == nil
        else { throw AppError(.unauthorized, "This API token is not valid or has been revoked") }
        let now = services.now()
        if let expiresAt = found.expiresAt, expiresAt <= now {
            throw AppError(.unauthorized, "This API token expired on \(Format.timestamp(expiresAt)); ask an administrator for a new one")
        }
        // A token acts with its creator's authority: it stops when they are disabled or no longer an admin.
        if found.createdBy != nil, !found.creatorIsActiveAdmin {
            throw AppError(.unauthorized, "This API token's creator is no longer an active administrator, so the token no longer works; ask an administrator for a new one")
        }
        guard found.scopes.contains(scope.rawValue) else {
            throw AppError(.forbidden, "This API token lacks the \"\(scope.rawValue)\" scope")
        }
        // Recorded at most once a minute, through the database's writer queue: a busy integration
        // must not turn every request into a write that competes with registrations.
        if found.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            let id = found.id
            try await services.database.transaction { tx in
                try await APIToken.query(on: tx).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
            }
        }
        return VerifiedAPIToken(id: found.id, name: found.name, scopes: found.scopes)
    }

    /// A token as `verify` needs it, with whether its creator may still act, in one read on the
    /// pages' read path: every request of an integration (each registration of a rush) checks
    /// its token, and Fluent's two model queries spent more time reflecting over the models
    /// than reading.
    private struct StoredToken {
        let id: String
        let name: String
        let scopes: [String]
        let createdBy: String?
        let creatorIsActiveAdmin: Bool
        let lastUsedAt: Date?
        let revokedAt: Date?
        let expiresAt: Date?

        static func find(hash: String, in sql: any SQLDatabase) async throws -> StoredToken? {
            guard let row = try await sql.raw("""
                SELECT t.id, t.name, t.scopes, t.created_by, t.last_used_at, t.revoked_at, t.expires_at,
                       u.id AS creator_id, u.disabled AS creator_disabled, u.role AS creator_role
                FROM \(unsafeRaw: APIToken.schema) t LEFT JOIN \(unsafeRaw: User.schema) u ON u.id = t.created_by
                WHERE t.token_hash = \(bind: hash)
                """).first() else { return nil }
            let creatorFound = try row.decode(column: "creator_id", as: String?.self) != nil
            let creatorActive = try creatorFound && !row.decode(column: "creator_disabled", as: Bool.self)
                && row.decode(column: "creator_role", as: String.self) == Role.admin.rawValue
            return StoredToken(
                id: try row.decode(column: "id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                scopes: try row.decode(column: "scopes", as: String.self).split(separator: ",").map(String.init),
                createdBy: try row.decode(column: "created_by", as: String?.self),
                creatorIsActiveAdmin: creatorActive,
                lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self),
                revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
                expiresAt: try row.decode(column: "expires_at", as: Date?.self))
        }
    }
}
