import CivitasCore
import FluentKit
import Foundation

/// Creates a scoped API token. The plain token is returned once and never stored.
public struct CreateAPIToken: Sendable {
    public let name: String
    public let scopes: [String]
    public let createdBy: SignedInUser?

    public init(name: String, scopes: [String], createdBy: SignedInUser?) {
        self.name = name
        self.scopes = scopes
        self.createdBy = createdBy
    }

    public enum Outcome: Sendable, Equatable {
        case created(id: String, token: String)
        case invalid(String)
    }

    static let prefix = "civ_"

    public func run(services: AppServices) async throws -> Outcome {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100, !TextInput.hasLineBreaksOrControls(name) else { return .invalid("Give the token a name of 1 to 100 characters") }
        var parsed: [APIScope] = []
        for text in scopes.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
            guard let scope = APIScope(rawValue: text) else {
                return .invalid("Unknown scope \"\(text)\"; known scopes: \(APIScope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !parsed.contains(scope) { parsed.append(scope) }
        }
        guard !parsed.isEmpty else { return .invalid("Choose at least one scope") }
        let token = Self.prefix + Secrets.randomToken()
        let model = APIToken(name: name, tokenHash: Sessions.hash(token), scopes: parsed, createdBy: createdBy?.id, now: services.now())
        try await services.database.transaction { tx in
            try await model.create(on: tx)
            try await AuditLog.record("create", kind: "api_token", id: model.id!, summary: "API token \"\(name)\" (\(model.scopes))",
                                      changes: ["scopes": AuditChange(before: nil, after: model.scopes)],
                                      by: createdBy.map(Actor.user) ?? Actor(label: "command line"), on: tx, now: services.now())
        }
        return .created(id: model.id!, token: token)
    }
}

/// Checks a bearer token and its scope for an API write.
enum APITokens {
    static func verify(authorization: String?, scope: APIScope, services: AppServices) async throws -> VerifiedAPIToken {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else {
            throw AppError(.unauthorized, "Send an API token as \"Authorization: Bearer <token>\"; admins create tokens on the staff tokens page or with `civitas tokens create`")
        }
        let token = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        let db = services.database.db
        guard let model = try await APIToken.query(on: db).filter(\.$tokenHash == Sessions.hash(token)).first(),
              model.revokedAt == nil
        else { throw AppError(.unauthorized, "This API token is not valid or has been revoked") }
        guard model.scopeList.contains(scope) else {
            throw AppError(.forbidden, "This API token lacks the \"\(scope.rawValue)\" scope")
        }
        model.lastUsedAt = services.now()
        try await model.update(on: db)
        return VerifiedAPIToken(id: model.id!, name: model.name, scopes: model.scopeList)
    }
}
