import FluentKit
import Foundation

/// A signed-in browser. The id is the SHA-256 of the cookie's secret, so a copy of the
/// table does not let anyone sign in.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(hashedSecret: String, userID: String, now: Date, lifetime: TimeInterval) {
        self.id = hashedSecret
        self.userID = userID
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(lifetime)
    }
}
