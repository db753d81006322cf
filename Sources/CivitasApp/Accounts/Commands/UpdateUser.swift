import FluentKit
import Foundation

/// An admin changes another account's role or disables it. Admins cannot take away their
/// own administration, so a network is never left without one.
struct UpdateUser: Sendable {
    let id: String
    let role: Role
    let disabled: Bool
    let admin: SignedInUser

    enum Outcome: Sendable, Equatable {
        case updated
        case notFound
        case refused(String)
    }

    func run(services: AppServices) async throws -> Outcome {
        if id == admin.id, role != .admin || disabled {
            return .refused("You cannot remove your own administrator role or disable your own account; ask another admin")
        }
        let now = services.now()
        return try await services.database.transaction { tx in
            guard let user = try await User.find(id, on: tx) else { return .notFound }
            var changes: [String: AuditChange] = [:]
            if user.role != role.rawValue { changes["role"] = AuditChange(before: user.role, after: role.rawValue) }
            if user.disabled != disabled { changes["disabled"] = AuditChange(before: String(user.disabled), after: String(disabled)) }
            guard !changes.isEmpty else { return .updated }
            user.role = role.rawValue
            user.disabled = disabled
            try await user.update(on: tx)
            if disabled {
                try await UserSession.query(on: tx).filter(\.$userID == id).delete()
            }
            try await AuditLog.record("update", kind: "user", id: id, summary: user.email, changes: changes, by: .user(admin), on: tx, now: now)
            return .updated
        }
    }
}
