import FluentKit
import Foundation

final class SignInAttempt: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "email") var email: String
    @Field(key: "client") var client: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(email: String, client: String, succeeded: Bool, now: Date) {
        self.id = UUID().uuidString.lowercased()
        self.email = email
        self.client = client
        self.succeeded = succeeded
        self.attemptedAt = now
    }
}
