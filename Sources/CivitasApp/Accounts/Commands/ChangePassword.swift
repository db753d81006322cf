import FluentKit
import Foundation

/// A signed-in person changes their own password; their other sessions end.
struct ChangePassword: Sendable {
    let user: SignedInUser
    let currentPassword: String
    let newPassword: String
    let confirmation: String
    /// The session making the change, which stays signed in.
    let keepSessionSecret: String?

    enum Outcome: Sendable, Equatable {
        case changed
        case invalid(field: String, message: String)
    }

    func run(services: AppServices) async throws -> Outcome {
        let db = services.database.db
        guard let account = try await User.find(user.id, on: db) else { return .invalid(field: "current_password", message: "The account no longer exists") }
        guard try await Passwords.verify(currentPassword, hash: account.passwordHash, services: services) else {
            return .invalid(field: "current_password", message: "is not your current password")
        }
        guard newPassword.count >= Passwords.minimumLength else {
            return .invalid(field: "new_password", message: "must be at least \(Passwords.minimumLength) characters long")
        }
        guard newPassword == confirmation else { return .invalid(field: "confirmation", message: "does not match the new password") }
        let hash = try await Passwords.hash(newPassword, services: services)
        let keep = keepSessionSecret.map(services.secretHasher.hash)
        let now = services.now()
        try await services.database.transaction { tx in
            account.passwordHash = hash
            try await account.update(on: tx)
            var others = UserSession.query(on: tx).filter(\.$userID == account.id!)
            if let keep { others = others.filter(\.$id != keep) }
            try await others.delete()
            try await AuditLog.record("change password", kind: "user", id: account.id!, summary: account.email, changes: [:],
                                      by: .user(user), on: tx, now: now)
        }
        return .changed
    }
}
