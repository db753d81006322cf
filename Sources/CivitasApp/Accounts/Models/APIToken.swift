import FluentKit
import Foundation

/// A bearer token for API writes, limited to its scopes. Only its SHA-256 is stored;
/// the token itself is shown once, when it is created.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "scopes") var scopes: String
    @OptionalField(key: "created_by") var createdBy: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(name: String, tokenHash: String, scopes: [APIScope], createdBy: String?, now: Date, expiresAt: Date? = nil) {
        self.id = UUID().uuidString.lowercased()
        self.name = name
        self.tokenHash = tokenHash
        self.scopes = scopes.map(\.rawValue).joined(separator: ",")
        self.createdBy = createdBy
        self.createdAt = now
        self.expiresAt = expiresAt
    }

    var scopeList: [String] { scopes.split(separator: ",").map(String.init) }
}
